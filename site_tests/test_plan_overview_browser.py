"""The regional overview in headless Chromium: 60 praktijkplan files of which 5 are broken, keyboard-only sorting and
filtering, the exports, a phone's width, axe. The plans are made from the published data (site_tests/plan_files.py)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from generator.i18n import STRINGS
from site_tests.browser import PHONE
from site_tests.plan_files import BROKEN, broken_files, practice_plan_files
from site_tests.test_accessibility import axe_violations

GOOD = 55


def plan_files(built_site: Path, language: str) -> list[tuple[str, str]]:
    data = json.loads((built_site / language / "plan" / "data.json").read_text(encoding="utf-8"))
    return practice_plan_files(data, GOOD) + broken_files(data)


def open_overview(page, site_url, built_site: Path, language: str = "nl"):  # type: ignore[no-untyped-def]
    page.goto(site_url + f"{language}/plan/overzicht/")
    page.wait_for_selector("[data-gl-overview-ready]")
    files = plan_files(built_site, language)
    payload = [{"name": name, "mimeType": "application/json", "buffer": text.encode()} for name, text in files]
    page.set_input_files("#gl-overview-input", payload)
    page.wait_for_selector(f'[data-gl-overview-files="{len(files)}"]')
    return page


def practices(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all("tbody th[scope=row]", "cells => cells.map(c => c.firstChild.textContent)")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_sixty_files_five_broken_each_listed_with_its_message_the_rest_in_the_table(page, site_url, built_site, language) -> None:  # type: ignore[no-untyped-def]
    strings = STRINGS[language]
    open_overview(page, site_url, built_site, language)
    assert len(practices(page)) == GOOD
    bad = page.locator('[data-gl-module="overview-bad-files"] li').all_inner_texts()
    assert len(bad) == len(BROKEN)
    for (name, key), text in zip(BROKEN, bad, strict=True):
        assert text.startswith(f"{name}: {strings['plan_' + key].split('{')[0]}"), text
    total = sum(len(json.loads(text)["years"]) for _, text in plan_files(built_site, language)[:GOOD])
    expected = strings["plan_overview_summary"].format(plans=GOOD, bad=len(BROKEN), rows=GOOD, total=total)
    assert page.locator('[data-gl-module="overview-summary"]').inner_text() == expected
    # Every verdict says its word (and a symbol), never colour alone.
    words = {strings[k] for k in ("plan_status_met", "plan_status_not_met", "plan_status_ask", "plan_status_note", "plan_overview_not_applicable")}
    cells = page.eval_on_selector_all("td.gl-overview-verdict", "cells => cells.map(c => c.textContent.trim())")
    assert cells and all(c.split(" ", 1)[-1] in words for c in cells), set(cells) - words


def tab_to(page, selector: str, limit: int = 12) -> None:  # type: ignore[no-untyped-def]
    """Presses Tab until the focus is on `selector` (fails if it is not reached: not keyboard-reachable)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}; focus is on {page.evaluate('document.activeElement.outerHTML')[:200]}")


def calendar_years(page) -> list[int]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all("tbody td.gl-overview-number:nth-of-type(2)", "cells => cells.map(c => Number(c.textContent))")


def test_keyboard_only_sorting_and_filtering(page, site_url, built_site) -> None:  # type: ignore[no-untyped-def]
    open_overview(page, site_url, built_site)
    page.locator("#gl-overview-input").focus()
    # Filters, by keyboard from the file input on: the rows selector, then typing a practice's name.
    tab_to(page, "#gl-overview-show")
    page.keyboard.press("ArrowDown")  # "with a rule not met"
    failing = practices(page)
    assert 0 < len(failing) < GOOD
    assert all(page.locator("tbody tr").nth(i).locator(".gl-overview-verdict--not-met").count() for i in range(len(failing)))
    page.keyboard.press("ArrowUp")
    assert len(practices(page)) == GOOD
    tab_to(page, "#gl-overview-practice")
    page.keyboard.type("praktijk 007")
    assert practices(page) == ["Huisartsenpraktijk 007"]
    for _ in range(len("praktijk 007")):
        page.keyboard.press("Backspace")
    assert len(practices(page)) == GOOD
    # Sorting: Tab on through the table's scroll region to a column heading's button, Enter, then Space to reverse.
    tab_to(page, ".gl-overview-scroll")
    tab_to(page, 'button[data-sort="calendar"]')
    header = page.locator('th[data-column="calendar"]')
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "ascending"
    assert page.locator("th[aria-sort]").count() == 1
    assert calendar_years(page) == sorted(calendar_years(page))
    assert page.evaluate("document.activeElement.dataset.sort") == "calendar"
    page.keyboard.press("Space")
    assert header.get_attribute("aria-sort") == "descending"
    assert calendar_years(page) == sorted(calendar_years(page), reverse=True)


def test_exports_hold_the_table_as_shown(page, site_url, built_site) -> None:  # type: ignore[no-untyped-def]
    open_overview(page, site_url, built_site)
    page.locator("#gl-overview-practice").fill("praktijk 01")
    shown = practices(page)
    with page.expect_download() as info:
        page.locator('button[data-export="csv"]').click()
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"))))
    assert [r[1] for r in rows[1:]] == shown
    with page.expect_download() as info:
        page.locator('button[data-export="markdown"]').click()
    markdown = Path(info.value.path()).read_text(encoding="utf-8")
    assert all(f"| {name} |" in markdown for name in shown)


def test_axe_clean_with_sixty_files_on_desktop_and_phone(browser, site_url, built_site) -> None:  # type: ignore[no-untyped-def]
    for viewport in ({"width": 1280, "height": 800}, PHONE):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        try:
            open_overview(page, site_url, built_site, "en")
            violations = axe_violations(page)
            assert not violations, "\n".join(violations)
            # The table scrolls inside its own region; the page itself does not scroll sideways.
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        finally:
            context.close()


def test_plan_page_links_to_the_overview(page, site_url) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "nl/plan/")
    page.get_by_role("link", name=STRINGS["nl"]["plan_overview_link"]).click()
    page.wait_for_selector("[data-gl-overview-ready]")
    assert page.url.endswith("/nl/plan/overzicht/")
