"""Printing: no navigation, link targets shown, collapsed content expanded."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("path", ["nl/interventies/regie-op-veelgebruikers/", "en/groeimodel/", "nl/"])
def test_pages_print_cleanly(page, site_url, path: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + path)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert page.eval_on_selector(selector, "el => getComputedStyle(el).display") == "none", selector
    after = page.eval_on_selector(
        "article a[data-gl-print-href]", "el => getComputedStyle(el, '::after').content"
    )
    assert site_url in after  # the absolute link target is printed after the link
    closed = page.evaluate("document.querySelectorAll('article details:not([open])').length")
    assert closed == 0
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
