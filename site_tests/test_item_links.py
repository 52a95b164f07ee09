"""Links an RHO can rely on (issue 15): every item page offers its current and its pinned address, each copyable in
one click; pinned pages say they are the fixed text of their version and name it in their titles; numbered items
carry a link to themselves; an intervention page opens with its summary."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

from generator import pages
from generator.data.load import Guideline
from generator.i18n import LANGUAGES, STRINGS
from generator.render import Renderer
from site_tests.test_versions import html_of


def folder(src_uri: str) -> str:
    """`interventies/x/index.md` -> `interventies/x` (the page's folder in the built site)."""
    return src_uri.removesuffix("index.md").rstrip("/")


def item_pages(guideline: Guideline) -> list[tuple[str, str, str]]:
    """(version id, page folder as built, its unversioned folder) of every page holding items, in every version:
    the current version's unversioned pages and every version's pinned pages."""
    found = []
    for version in guideline.versions:
        sources = sorted({location.src_uri for location in pages.item_locations(version).values()})
        for src in sources:
            found.append((version.id, folder(pages.pinned(src, version.id)), folder(src)))
            if version.id == guideline.current.id:
                found.append((version.id, folder(src), folder(src)))
    return found


def permalink_values(html: str) -> dict[str, str]:
    return {
        kind: html_lib.unescape(value)
        for kind, value in re.findall(r'<input id="gl-link-(current|pinned)"[^>]*?value="([^"]*)"', html, re.DOTALL)
    }


def title_of(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
    assert found
    return html_lib.unescape(found.group(1))


def og_title_of(html: str) -> str:
    found = re.search(r'<meta property="og:title" content="([^"]*)"', html)
    assert found
    return html_lib.unescape(found.group(1))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_item_page_offers_its_current_and_its_pinned_address(
    guideline: Guideline, built_site: Path, public_url: str, language: str
) -> None:
    current = guideline.current
    current_pages = {folder(loc.src_uri) for loc in pages.item_locations(current).values()}
    checked = 0
    for version_id, path, unversioned in item_pages(guideline):
        html = html_of(built_site, language, path)
        links = permalink_values(html)
        assert set(links) == {"current", "pinned"}, (language, path)
        assert links["pinned"] == f"{public_url}{language}/{version_id}/{unversioned}/", (language, path, links)
        if unversioned in current_pages:
            assert links["current"] == f"{public_url}{language}/{unversioned}/", (language, path, links)
        # Each address has its label, its explanation and its copy button.
        for kind in ("current", "pinned"):
            assert f'<label for="gl-link-{kind}">' in html and f'id="gl-link-{kind}-help"' in html
            assert f'data-gl-copy="gl-link-{kind}"' in html
        checked += 1
    assert checked > 100, checked  # every version's item pages, not a sample


@pytest.mark.parametrize("language", LANGUAGES)
def test_pinned_pages_say_they_are_fixed_and_name_their_version_in_their_titles(
    guideline: Guideline, built_site: Path, language: str
) -> None:
    for version_id, path, _unversioned in item_pages(guideline):
        version = guideline.version(version_id)
        label = getattr(version.meta.label, language)
        html = html_of(built_site, language, path)
        if path.startswith(f"{version_id}/"):
            assert label in title_of(html), (path, title_of(html))
            assert label in og_title_of(html), (path, og_title_of(html))
            notice = STRINGS[language]["pinned_title"].format(version=label)
            assert html_lib.escape(notice, quote=False) in html or notice in html, path
        else:  # the unversioned address shows the current text, whichever version that is
            assert label not in title_of(html), (path, title_of(html))
            assert 'data-gl-component="pinned"' not in html, path


def _copy_page(browser, site_url: str, path: str, clipboard: bool):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    if clipboard:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.split("/mtvp/")[0])
    else:
        # A browser without the Clipboard API, whose copy command fails too: the address must end up selected.
        context.add_init_script(
            "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});"
            "document.execCommand = () => false;"
        )
    page = context.new_page()
    page.goto(site_url + path)
    page.locator("[data-gl-component=permalinks] summary").click()
    return context, page


@pytest.mark.parametrize(
    "path", ["nl/interventies/regie-op-veelgebruikers/", "en/2025/interventies/aanmeldzuil/", "nl/groeimodel/"]
)
def test_copy_puts_each_address_on_the_clipboard_and_says_so(browser, site_url: str, path: str) -> None:  # type: ignore[no-untyped-def]
    language = path[:2]
    context, page = _copy_page(browser, site_url, path, clipboard=True)
    try:
        for kind in ("current", "pinned"):
            address = page.locator(f"#gl-link-{kind}").input_value()
            assert address.startswith(site_url + language + "/"), address
            button = page.locator(f"button[data-gl-copy=gl-link-{kind}]")
            label = page.locator(f"label[for=gl-link-{kind}]").inner_text()
            assert button.get_attribute("aria-label") == STRINGS[language]["permalink_copy_label"].format(what=label)
            button.click()
            status = page.locator("[data-gl-copy-status]")
            expected = STRINGS[language]["permalink_copied"].format(what=label)
            page.wait_for_function("t => document.querySelector('[data-gl-copy-status]').textContent === t", arg=expected)
            assert status.get_attribute("role") == "status"  # announced to screen readers
            assert page.evaluate("navigator.clipboard.readText()") == address
            assert page.request.get(address).status == 200  # the copied address is a page
    finally:
        context.close()


def test_without_a_clipboard_the_address_is_selected_and_the_reader_told_how_to_copy(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    context, page = _copy_page(browser, site_url, "en/interventies/regie-op-veelgebruikers/", clipboard=False)
    try:
        page.locator("button[data-gl-copy=gl-link-pinned]").click()
        page.wait_for_function(
            "t => document.querySelector('[data-gl-copy-status]').textContent === t",
            arg=STRINGS["en"]["permalink_selected"],
        )
        selected = page.evaluate(
            "(() => { const i = document.activeElement; return i.value.slice(i.selectionStart, i.selectionEnd); })()"
        )
        assert selected == site_url + "en/2026-2027/interventies/regie-op-veelgebruikers/"
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_numbered_items_link_to_themselves(guideline: Guideline, built_site: Path, language: str) -> None:
    hurdle = guideline.current.minimum_hurdle
    html = html_of(built_site, language, folder(pages.MINIMUM_HURDLE))
    for entry in [*hurdle.conditions.items, *hurdle.rho_tasks.items]:
        assert f'id="{entry.id}"' in html
        label = STRINGS[language]["item_link_numbered" if entry.number else "item_link"].format(number=entry.number)
        assert f'<a class="gl-item-link" href="#{entry.id}" aria-label="{label}"' in html, entry.id
    growth = html_of(built_site, language, folder(pages.GROWTH_MODEL))
    for rule in guideline.current.growth_model.rules:
        assert f'<a class="gl-item-link" href="#{rule.id}"' in growth, rule.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_intervention_page_opens_with_its_summary(guideline: Guideline, built_site: Path, language: str) -> None:
    version = guideline.current
    renderer = Renderer(guideline, language)
    strings = STRINGS[language]
    for intervention in version.interventions.interventions:
        html = html_of(built_site, language, folder(pages.INTERVENTION.format(id=intervention.id)))
        article = html[html.index("<article") : html.index("</article>")]
        summary = article.index('class="gl-summary"')
        description = article.index('id="toelichting"')
        notes = article.index('id="bron"')
        assert summary < description < notes, intervention.id
        box = article[summary:description]
        # What it is: its number within its core element, linking to the core element.
        element = version.core_element(intervention.core_element)
        assert f"../../kernelementen/{element.id}/" in box
        # What the growth model requires, year by year, and every rule that concerns it with a link to it.
        [row] = [r for r in version.growth_model.rows if r.core_element == element.id]
        for cell in row.cells:
            assert html_lib.escape(renderer.year_label(cell.year), quote=False) in box, (intervention.id, cell.year)
        rules = renderer.rules_for_intervention(intervention)
        assert rules, intervention.id
        for rule in rules:
            assert f'href="../../groeimodel/#{rule.id}"' in box, (intervention.id, rule.id)
        assert strings["summary_years"] in box and strings["summary_rules"] in box


def test_rules_for_an_intervention_follow_its_core_element_and_traits(guideline: Guideline) -> None:
    from generator.data import models as m

    renderer = Renderer(guideline, "nl")
    by_trait = {
        trait: [i for i in guideline.current.interventions.interventions if trait in i.traits]
        for trait in m.InterventionTrait
    }
    plain = [i for i in guideline.current.interventions.interventions if not i.traits]
    assert all(by_trait.values()) and plain
    for intervention in guideline.current.interventions.interventions:
        kinds = {rule.kind for rule in renderer.rules_for_intervention(intervention)}
        elements = {rule.core_element for rule in renderer.rules_for_intervention(intervention)} - {None}
        assert elements == {intervention.core_element}, intervention.id
        assert (m.RuleKind.ICT_NOT_DEEPENED in kinds) == (m.InterventionTrait.ICT in intervention.traits)
        assert (m.RuleKind.ONE_OFF_ONE_YEAR in kinds) == (m.InterventionTrait.ONE_OFF_TRAINING in intervention.traits)
        assert m.RuleKind.NO_REPEAT in kinds and m.RuleKind.MINIMUM_HURDLE not in kinds
