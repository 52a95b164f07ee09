"""Phones (390 x 844): no page scrolls sideways, wide tables are readable, the home page's routes come first.

Only designated scroll areas may be wider than the screen: tables in `.gl-table-scroll` (labelled, focusable, with a
visible cue while there is more to see). Code examples wrap their lines on a phone.
"""

from __future__ import annotations

import pytest

from generator.i18n import STRINGS
from site_tests.browser import PAGE_TYPES, PHONE

#: What may scroll sideways inside a page.
SCROLL_AREAS = ".gl-table-scroll"

#: Elements in the article that stick out to the right of the screen or scroll sideways, other than scroll areas.
OVERFLOW_JS = """([areas, width]) => {
  const found = [];
  const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
    ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + (el.id ? '#' + el.id : '');
  for (const el of document.querySelectorAll('.md-content *')) {
    if (el.closest(areas)) {
      if (el.matches(areas) && el.scrollWidth > el.clientWidth + 1) {
        const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
        if (el.tabIndex < 0 || !labelled) found.push('scroll area without focus or name: ' + name(el));
      }
      continue;
    }
    const box = el.getBoundingClientRect();
    if (!box.width || getComputedStyle(el).position === 'absolute' && box.width <= 1) continue;
    if (box.right > width + 1) found.push(`${name(el)} ends at ${Math.round(box.right)}px`);
    const style = getComputedStyle(el);
    if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      found.push(`${name(el)} scrolls sideways`);
    }
  }
  // A phone widens its layout viewport (zooms the page out) to fit wider content: innerWidth counts too.
  return {page: Math.max(document.documentElement.scrollWidth, window.innerWidth), width, found: found.slice(0, 8)};
}"""


def open_page(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    if page.locator("[data-gl-plan]").count():
        page.wait_for_selector("[data-gl-plan-ready]")
    if page.locator("[data-gl-module=plan-overview]").count():
        page.wait_for_selector("[data-gl-overview-ready]")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_page_scrolls_sideways_on_a_phone(phone, site_url, language: str) -> None:  # type: ignore[no-untyped-def]
    problems = {}
    for name, path in PAGE_TYPES.items():
        open_page(phone, site_url + f"{language}/{path}")
        result = phone.evaluate(OVERFLOW_JS, [SCROLL_AREAS, PHONE["width"]])
        if result["page"] > result["width"] or result["found"]:
            problems[name] = result
    assert not problems, problems


@pytest.mark.parametrize(("language", "query"), [("nl", "interventie"), ("en", "intervention")])
def test_search_results_fit_a_phone(phone, site_url, language: str, query: str) -> None:  # type: ignore[no-untyped-def]
    """Also with excerpts of code examples (long unbroken words) among the results, and with the search opened
    with the page (`?q=`, the 404 page's link), while a phone sizes its layout viewport."""
    phone.goto(site_url + f"{language}/?q={query}")
    phone.locator("[data-gl-search-more]").wait_for(state="visible")
    phone.locator("[data-gl-search-more]").click()
    phone.wait_for_function("() => document.querySelectorAll('[data-gl-search-results] > li').length > 13")
    width = PHONE["width"]
    assert phone.evaluate("[document.documentElement.scrollWidth, window.innerWidth]") == [width, width]
    widest = phone.evaluate(
        "Math.max(...[...document.querySelectorAll('.md-search__output *')].map(e => e.getBoundingClientRect().right))"
    )
    assert widest <= width + 1
    assert phone.evaluate("document.querySelector('.md-search__scrollwrap').scrollWidth") <= width


def test_a_wide_table_scrolls_in_its_area_with_a_visible_cue(phone, site_url) -> None:  # type: ignore[no-untyped-def]
    """Every table of the site fits a phone today (stacked rows); a wider one, made so here, scrolls in its own
    area with the cue."""
    phone.goto(site_url + "nl/doelstellingen/")
    area = phone.locator(".gl-table-scroll").first
    area.evaluate("e => { e.querySelector('table').style.width = '60rem'; }")
    assert area.evaluate("e => e.scrollWidth > e.clientWidth")
    hint = area.evaluate("e => [getComputedStyle(e, '::before').content, getComputedStyle(e, '::before').height]")
    assert STRINGS["nl"]["table_scroll_hint"] in hint[0] and hint[1] != "0px", hint
    assert area.evaluate("e => getComputedStyle(e).maskImage") != "none"  # the edge with more to see fades
    assert area.get_attribute("tabindex") == "0" and area.get_attribute("role") == "region"


def test_no_cue_where_a_table_fits(page, site_url) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "nl/groeimodel/")
    area = page.locator(".gl-table-scroll").first
    assert area.evaluate("e => e.scrollWidth <= e.clientWidth")
    assert area.evaluate("e => getComputedStyle(e, '::before').height") == "0px"
    assert area.evaluate("e => getComputedStyle(e).maskImage") == "none"


GROWTH_TABLE = ".gl-table-scroll:has(table.gl-growth)"

#: Each row of the growth model on the page: where its core element's name and its cells are, and the label each
#: cell shows above its content, with the year headings of the table.
GROWTH_ROWS_JS = """e => {
  const years = [...e.querySelectorAll('thead th')].slice(1).map((th) => th.textContent.trim());
  const box = (el) => { const b = el.getBoundingClientRect(); return {left: b.left, right: b.right, top: b.top, bottom: b.bottom}; };
  const rows = [...e.querySelectorAll('tbody tr')].map((tr) => ({
    name: box(tr.querySelector('th')),
    cells: [...tr.querySelectorAll('td')].map((td) => ({...box(td), label: getComputedStyle(td, '::before').content})),
  }));
  return {years, rows, scrolls: e.scrollWidth > e.clientWidth};
}"""


@pytest.mark.parametrize("path", ["nl/groeimodel/", "en/groeimodel/", "nl/2023/groeimodel/"])
def test_the_growth_model_shows_each_core_element_above_its_labelled_years_on_a_phone(phone, site_url, path: str) -> None:  # type: ignore[no-untyped-def]
    """No sideways scrolling to read a row: the core element's name, then its years side by side within the
    screen, each cell labelled with its year (the 2023 reconstruction has two years, the others three)."""
    phone.goto(site_url + path)
    table = phone.locator(GROWTH_TABLE).evaluate(GROWTH_ROWS_JS)
    assert not table["scrolls"]
    assert table["rows"] and len(table["years"]) >= 2
    for row in table["rows"]:
        assert [cell["label"] for cell in row["cells"]] == [f'"{year}"' for year in table["years"]], row
        for cell in row["cells"]:
            assert 0 <= cell["left"] and cell["right"] <= PHONE["width"], (path, row)
            assert cell["top"] >= row["name"]["bottom"] - 1, "the years are below the core element's name"
        assert len({round(cell["top"]) for cell in row["cells"]}) == 1, "the years side by side"


def test_the_growth_model_is_a_table_on_a_desktop(page, site_url) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "nl/groeimodel/")
    table = page.locator(GROWTH_TABLE).evaluate(GROWTH_ROWS_JS)
    assert page.locator(f"{GROWTH_TABLE} table").evaluate("e => getComputedStyle(e).display") == "table"
    assert page.locator(f"{GROWTH_TABLE} thead").is_visible()
    for row in table["rows"]:
        assert all(abs(cell["top"] - row["name"]["top"]) <= 1 for cell in row["cells"]), "one line per core element"
        assert all(cell["label"] == "none" for cell in row["cells"]), "the year headings are above, not in the cells"


def test_markdown_tables_show_labelled_rows_on_a_phone(phone, site_url) -> None:  # type: ignore[no-untyped-def]
    for path in ("nl/doelstellingen/", "en/versies/", "nl/cyclus/"):
        phone.goto(site_url + path)
        areas = phone.locator(".gl-table-scroll:has(table:not([class]))")
        assert areas.count(), path
        for index in range(areas.count()):
            area = areas.nth(index)
            assert area.evaluate("e => e.scrollWidth <= e.clientWidth"), (path, index)
            label = area.evaluate(
                "e => getComputedStyle(e.querySelector('td[data-label]:not([data-label=\"\"])'), '::before').content"
            )
            heading = area.evaluate("e => e.querySelector('thead th').textContent.trim()")
            assert label == f'"{heading}"', (path, label, heading)


def test_the_annual_cycle_figure_fits_a_desktop_and_stacks_on_a_phone(page, phone, site_url) -> None:  # type: ignore[no-untyped-def]
    figure = ".gl-table-scroll:has(table.gl-months)"
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "nl/cyclus/")
    assert page.locator(figure).evaluate("e => e.scrollWidth <= e.clientWidth"), "clipped at 1280 px"
    phone.goto(site_url + "nl/cyclus/")
    assert phone.locator(figure).evaluate("e => e.scrollWidth <= e.clientWidth"), "clipped on a phone"
    # Each activity's months are below its text, aligned with the month names at the top.
    row = phone.locator(f"{figure} tbody tr").first
    text_box = row.locator("th").bounding_box()
    january = row.locator("td").first.bounding_box()
    january_head = phone.locator(f"{figure} thead th").nth(1).bounding_box()
    assert text_box and january and january_head
    assert january["y"] >= text_box["y"] + text_box["height"] - 1
    assert abs(january["x"] - january_head["x"]) <= 1


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_home_page_shows_its_routes_within_a_phones_first_screen(phone, site_url, language: str) -> None:  # type: ignore[no-untyped-def]
    """The interventions, the plan checklist and the changes: reachable without scrolling on a 390 x 844 phone."""
    phone.goto(site_url + f"{language}/")
    for route in ("interventies/", "plan/", "wijzigingen/"):
        link = phone.locator(f"article a[href*='{route}']").first
        box = link.bounding_box()
        assert box is not None and link.is_visible(), route
        assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], (route, box)


def test_the_interventions_overview_has_one_name_and_the_list_first(page, site_url) -> None:  # type: ignore[no-untyped-def]
    for language in ("nl", "en"):
        page.goto(site_url + f"{language}/interventies/")
        heading = page.locator("article h1").first.inner_text().replace("¶", "").strip()
        navigation = page.locator(".md-nav__link--active").first.inner_text().strip()
        assert page.title().startswith(heading + " - ")
        assert navigation == heading
        # Right after the heading: a core element and its interventions, before any other text.
        first = page.evaluate(
            "() => { const h = document.querySelector('article h1'); let e = h.nextElementSibling;"
            " while (e && !e.textContent.trim()) e = e.nextElementSibling; return e.tagName; }"
        )
        assert first == "H2"
        lists = page.locator("article h2 + ol")
        assert lists.count() >= 4
