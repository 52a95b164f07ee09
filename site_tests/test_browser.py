"""Browser tests in real headless Chromium: search per language, the language switch, a phone viewport.

Without Chromium these tests skip locally, but fail in CI (`CI` set): a browser test that cannot run is not a pass.
"""

from __future__ import annotations

from generator.i18n import STRINGS
from site_tests.browser import PHONE


def search(page, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Type `query` into the header search as a person would; return the result links."""
    box = page.locator("[data-gl-search-input]")
    box.click()
    box.press("Control+A")
    page.keyboard.type(query, delay=20)
    results = page.locator("[data-gl-search-results] a")
    results.first.wait_for(state="visible", timeout=10_000)
    return [results.nth(i).get_attribute("href") or "" for i in range(results.count())]


def test_dutch_search_finds_triage_and_word_forms(page, site_url) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "nl/")
    links = search(page, "triage")
    assert any("/nl/interventies/anders-trieren/" in link for link in links), links
    links = search(page, "veelgebruikers")
    assert any("/nl/interventies/regie-op-veelgebruikers/" in link for link in links), links
    # Dutch stemming: the singular finds the page that only uses the plural in its title.
    links = search(page, "veelgebruiker")
    assert any("/nl/interventies/regie-op-veelgebruikers/" in link for link in links), links
    assert all("/mtvp/nl/" in link for link in links), links
    status = page.locator("[data-gl-search-status]").inner_text()
    assert "resulta" in status  # "N resultaten" / "1 resultaat", in Dutch


def test_english_search_finds_only_english_pages(page, site_url) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "en/")
    links = search(page, "triage")
    assert any("/en/interventies/anders-trieren/" in link for link in links), links
    assert all("/mtvp/en/" in link for link in links), links
    links = search(page, "frequent attenders")
    assert any("/en/interventies/regie-op-veelgebruikers/" in link for link in links), links


def test_search_result_opens_the_page(page, site_url) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "nl/")
    search(page, "aanmeldzuil")
    page.locator("[data-gl-search-input]").press("Enter")
    page.wait_for_url("**/nl/interventies/aanmeldzuil/**")
    assert page.locator("h1").first.inner_text()


def test_language_switch_keeps_the_page(page, site_url) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "nl/interventies/regie-op-veelgebruikers/")
    page.locator(".md-select button").first.focus()
    page.locator("a[data-gl-language=en]").click()
    page.wait_for_url(site_url + "en/interventies/regie-op-veelgebruikers/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert STRINGS["en"]["authoritative_notice"] in page.locator("[data-gl-component=authoritative]").inner_text()


def test_language_switch_keeps_the_place_on_the_page(page, site_url) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "nl/groeimodel/#groei-netwerk")
    page.locator(".md-select button").first.focus()
    page.locator("a[data-gl-language=en]").click()
    page.wait_for_url(site_url + "en/groeimodel/#groei-netwerk")


def test_language_switch_after_instant_navigation(page, site_url) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "nl/interventies/")
    page.locator("article a[href*='interventies/aanmeldzuil/']").first.click()
    page.wait_for_url("**/nl/interventies/aanmeldzuil/**")
    expected = site_url + "en/interventies/aanmeldzuil/"
    # The links are updated when Material announces the new page (document$), just after the URL changes.
    page.wait_for_function(
        "(expected) => document.querySelector('a[data-gl-language=en]').href === expected", arg=expected
    )
    assert page.locator("article h1").first.inner_text()


def test_phone_viewport(browser, site_url) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        for path in ("nl/", "nl/interventies/training-gespreksvoering/", "nl/groeimodel/", "en/doelstellingen/"):
            page.goto(site_url + path)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path} is wider than a phone screen by {overflow}px"
        # The menu opens from the header and shows the navigation.
        page.goto(site_url + "nl/groeimodel/")
        page.locator("label.md-header__button[for=__drawer]").click()
        page.locator(".md-nav--primary").first.wait_for(state="visible")
        page.locator("label.md-overlay").click(force=True)
        # Search works from the header's search button.
        page.locator("label.md-header__button[for=__search]").click()
        page.keyboard.type("aanmeldzuil", delay=20)
        page.locator("[data-gl-search-results] a").first.wait_for(state="visible", timeout=10_000)
    finally:
        context.close()
