"""Printing: no navigation, link targets shown, collapsed content expanded, on every page type in both languages."""

from __future__ import annotations

import pytest

from site_tests.browser import PAGE_TYPES

SCREEN_ONLY = (".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-search", ".md-top", ".headerlink")


def print_view(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    if page.locator("[data-gl-plan]").count():
        page.wait_for_selector("[data-gl-plan-ready]")  # print the checklist as people print it, not its placeholder
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_type_prints_cleanly(page, site_url, language: str) -> None:  # type: ignore[no-untyped-def]
    for name, path in PAGE_TYPES.items():
        print_view(page, site_url + f"{language}/{path}")
        shown = page.evaluate(
            "selectors => selectors.flatMap(s => [...document.querySelectorAll(s)])"
            ".filter(el => getComputedStyle(el).display !== 'none').map(el => el.className)",
            list(SCREEN_ONLY),
        )
        assert not shown, (name, shown)
        # Every link on paper prints its absolute target after it; links to places on the same page do not, nor do
        # the quick-reference card's (its address is in the print header, and it must fit one sheet).
        targets = page.evaluate(
            "[...document.querySelectorAll('.md-content a[href]')]"
            ".filter(a => a.getClientRects().length && !a.closest('.gl-card'))"
            ".map(a => [a.href, a.href.split('#')[0] === location.href.split('#')[0],"
            " getComputedStyle(a, '::after').content])"
        )
        missing = [href for href, same_page, after in targets if not same_page and href not in after]
        assert not missing, (name, missing[:5])
        noise = [href for href, same_page, after in targets if same_page and href in after]
        assert not noise, (name, noise[:5])
        closed = page.evaluate("document.querySelectorAll('.md-content details:not([open])').length")
        assert closed == 0, name
        assert page.evaluate("document.querySelector('.md-content').getBoundingClientRect().width") > 500, name


@pytest.mark.parametrize("path", ["nl/interventies/regie-op-veelgebruikers/", "en/groeimodel/", "nl/"])
def test_pages_print_to_a4(page, site_url, path: str) -> None:  # type: ignore[no-untyped-def]
    print_view(page, site_url + path)
    assert page.evaluate("document.querySelectorAll('article a[data-gl-print-href]').length") > 0
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
