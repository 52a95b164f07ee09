"""Print and paper (issue 15): every printed page names its version, the version's date, the print date and the
page's address (item pages also their version's fixed address, with a QR code made at build time); the whole
current guideline is one page with contents; the quick-reference card prints on one A4 sheet; the RHO help page's
links and examples work."""

from __future__ import annotations

import datetime
import html as html_lib
import re
from pathlib import Path

import pytest

from generator import pages
from generator.data.load import Guideline
from generator.i18n import LANGUAGES, STRINGS
from generator.qr import qr_svg
from generator.render import Renderer, long_date
from site_tests.browser import PAGE_TYPES, PHONE
from site_tests.test_item_links import folder
from site_tests.test_print import print_view
from site_tests.test_versions import html_of


def pdf_pages(pdf: bytes) -> int:
    """The page count of a PDF that Chromium wrote (its page tree's `/Count`)."""
    found = re.search(rb"/Type\s*/Pages\b[^>]*?/Count (\d+)|/Count (\d+)[^>]*?/Type\s*/Pages\b", pdf, re.DOTALL)
    assert found, "no page tree in the PDF"
    return int(found.group(1) or found.group(2))


def print_head(page) -> str:  # type: ignore[no-untyped-def]
    head = page.locator("[data-gl-component=print-head]")
    assert head.is_visible()
    return head.inner_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_printed_item_names_version_dates_and_addresses(
    guideline: Guideline, page, site_url: str, language: str
) -> None:  # type: ignore[no-untyped-def]
    today = long_date(datetime.date.today(), language)
    for version in guideline.versions:
        path = f"{version.id}/interventies/regie-op-veelgebruikers/"
        for shown in ([path, "interventies/regie-op-veelgebruikers/"] if version == guideline.current else [path]):
            print_view(page, site_url + f"{language}/{shown}")
            text = print_head(page)
            assert getattr(version.meta.label, language) in text, (shown, text)
            assert f"{STRINGS[language]['print_version']}:" in text
            if version.meta.document_date:
                assert long_date(version.meta.document_date, language) in text, (shown, text)
            assert f"{STRINGS[language]['print_printed']}: {today}" in text, text
            assert site_url + f"{language}/{shown}" in text
            assert site_url + f"{language}/{path}" in text  # the fixed address of the version
            assert page.locator("[data-gl-component=print-head] svg.gl-qr").is_visible()
            # On paper the link box and the version menu give way to the header.
            assert not page.locator("[data-gl-component=permalinks]").is_visible()


def test_qr_code_holds_the_pinned_address(built_site: Path, public_url: str) -> None:
    for language in LANGUAGES:
        html = html_of(built_site, language, "interventies/regie-op-veelgebruikers")
        pinned = f"{public_url}{language}/2026-2027/interventies/regie-op-veelgebruikers/"
        assert qr_svg(pinned) in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_printed_page_type_names_version_and_address(
    guideline: Guideline, page, site_url: str, language: str
) -> None:  # type: ignore[no-untyped-def]
    labels = {getattr(v.meta.label, language) for v in guideline.versions}
    for name, path in PAGE_TYPES.items():
        if name == "404":
            continue  # no page of the site: it has no address of its own
        print_view(page, site_url + f"{language}/{path}")
        text = print_head(page)
        assert any(label in text for label in labels), (name, text)
        assert site_url + f"{language}/{path}" in text, (name, text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_whole_guideline_holds_every_part_and_item_with_contents(
    guideline: Guideline, built_site: Path, language: str
) -> None:
    html = html_of(built_site, language, folder(pages.WHOLE_GUIDELINE))
    article = html[html.index("<article") : html.index("</article>")]
    ids = set(re.findall(r'\bid="([^"]+)"', article))
    contents = article[article.index('id="inhoud"') :]
    contents = contents[contents.index("</h2>") : contents.index("</ol>")]
    targets = re.findall(r'href="#([^"]+)"', contents)
    version = guideline.current
    renderer = Renderer(guideline, language)
    specs = renderer._page_specs()
    assert len(targets) == len(specs)
    assert all(target in ids for target in targets)
    parts = {src for _, src, _, _, _ in specs}
    for item_id, location in pages.item_locations(version).items():
        if location.src_uri in parts and location.anchor:
            assert item_id in ids, item_id
    for intervention in version.interventions.interventions:
        title = getattr(intervention.short_title or intervention.title, language)
        assert html_lib.escape(re.sub(r"\[\^[^\]]+\]", "", title).strip(), quote=False) in contents, intervention.id
    for element in version.core_elements.core_elements:
        assert html_lib.escape(getattr(element.title, language), quote=False) in contents
    # Links within the page land on something, and the page is left out of search (its parts are pages).
    for target in re.findall(r'href="#([^"]+)"', article):
        assert target in ids, target
    assert "data-pagefind-body" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_quick_reference_card_prints_on_one_a4_page(guideline: Guideline, page, site_url: str, language: str) -> None:  # type: ignore[no-untyped-def]
    version = guideline.current
    print_view(page, site_url + f"{language}/snelkaart/")
    assert pdf_pages(page.pdf(format="A4")) == 1
    text = page.locator("article").inner_text()
    for element in version.core_elements.core_elements:
        assert getattr(element.title, language) in text
    renderer = Renderer(guideline, language)
    for row in version.growth_model.rows:
        for cell in row.cells:
            assert renderer.cell_text(cell) in text, (row.id, cell.year)
    assert page.locator(f"#{'minimale-horde'} ~ ol > li").count() == len(version.minimum_hurdle.conditions.items)
    for entry in version.cycle.calendar:
        if entry.start <= version.meta.valid_until:
            assert f"{long_date(entry.start, language)}" in text, entry.id


def test_pdf_page_count_counts_pages(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """The page counter of the card test tells one sheet from several."""
    print_view(page, site_url + "nl/leidraad/geheel/")
    assert pdf_pages(page.pdf(format="A4")) > 5


@pytest.mark.parametrize("language", LANGUAGES)
def test_rho_help_page_links_and_examples_work(page, site_url: str, language: str) -> None:  # type: ignore[no-untyped-def]
    strings = STRINGS[language]
    page.goto(site_url + f"{language}/{pages.RHO_HELP.removesuffix('.md')}/")
    article = page.locator("article")
    links = article.locator("a[href]:not(.headerlink)").evaluate_all("links => links.map(a => a.href)")
    assert len(links) >= 10
    for href in links:
        url, _, fragment = href.partition("#")
        response = page.request.get(url)
        assert response.status == 200, href
        if fragment and url.endswith("/"):
            assert f'id="{fragment}"' in response.text(), href
    # Each example address is the address its link leads to, in this language.
    examples = article.locator("a:has(code)").evaluate_all(
        "links => links.map(a => [a.textContent.trim(), a.href])"
    )
    assert len(examples) == 2
    for shown, href in examples:
        assert shown.startswith("…/") and href.endswith(shown.removeprefix("…")), (shown, href)
    # The words it tells readers to look for are the ones the pages show.
    text = article.inner_text()
    for key in ("permalinks_summary", "permalink_copy", "permalink_current", "badge_new", "badge_changed"):
        assert strings[key] in text, key


@pytest.mark.parametrize("path", ["snelkaart/", "leidraad/geheel/", "hulp-voor-rho/"])
def test_new_pages_do_not_scroll_sideways_on_a_phone(browser, site_url: str, path: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        for language in LANGUAGES:
            page.goto(site_url + f"{language}/{path}")
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], (language, path)
    finally:
        context.close()
