"""Browser tests of versions: the selector (also after instant navigation), redline keyboard navigation, badges
and version labels in search results."""

from __future__ import annotations

from generator.i18n import STRINGS
from site_tests.test_accessibility import axe_violations
from site_tests.test_browser import search


def test_selector_keeps_the_page_in_another_version(page, site_url) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "nl/interventies/time-out-verwijzingen/")
    page.locator(".gl-version-selector summary").click()
    page.get_by_role("link", name="Leidraad MTVP 2023").click()
    page.wait_for_url(site_url + "nl/2023/interventies/time-out-verwijzingen/")
    assert STRINGS["nl"]["superseded_title"] in page.locator(".gl-notice--superseded").inner_text()
    assert STRINGS["nl"]["reconstructed_title"] in page.locator(".gl-notice--reconstructed").inner_text()
    assert page.locator("[data-gl-missing]").is_hidden()
    # Back to the current text from the superseded banner.
    page.get_by_role("link", name=STRINGS["nl"]["superseded_link"]).click()
    page.wait_for_url(site_url + "nl/interventies/time-out-verwijzingen/")
    # Instant navigation changes the URL before it swaps the content: wait for the banner to go.
    page.locator(".gl-notice--superseded").wait_for(state="detached")
    assert page.locator(".gl-version-selector summary strong").inner_text() == "Leidraad MTVP 2026-2027"


def test_selector_lands_on_the_nearest_page_and_says_so(page, site_url) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "nl/")
    # No page is known to be missing from an earlier version (the selector's link for that case is tested in
    # test_versions), so a link like the one it prints is added; clicking it arrives by instant navigation, so the
    # notice also works without a full page load.
    page.evaluate(
        """href => document.querySelector(".md-content__inner").append(Object.assign(document.createElement("a"), {href, id: "gl-test-missing", textContent: "2023"}))""",
        site_url + "nl/2023/interventies/?ontbreekt=2026-2027",
    )
    page.locator("#gl-test-missing").click()
    # Material's navigation tracking may have put the home page's last heading into the address before the click.
    page.wait_for_url(lambda url: "/nl/2023/interventies/?ontbreekt=2026-2027" in url)
    notice = page.locator("[data-gl-missing]")
    notice.wait_for(state="visible")
    assert STRINGS["nl"]["version_landed"] in notice.inner_text()


def test_uncertain_badge_in_a_reconstructed_version(page, site_url) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "en/2025/interventies/aanmeldzuil/")
    assert page.locator("h1 .gl-badge--uncertain").inner_text() == STRINGS["en"]["badge_uncertain"]


def test_redline_next_change_by_keyboard_and_axe_clean(page, site_url) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "nl/wijzigingen/2023-naar-2026-2027/redline/")
    changes = page.locator(".md-content .gl-change")
    total = changes.count()
    assert total >= 2
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.classList.contains('gl-change')")
    status = page.locator("[data-gl-change-status]")
    assert status.inner_text() == f"Wijziging 1 van {total}"
    page.keyboard.press("n")
    assert status.inner_text() == f"Wijziging 2 van {total}"
    # The button does the same, and wraps around at the end.
    button = page.locator("[data-gl-next-change]")
    for _ in range(total - 1):
        button.click()
    assert status.inner_text() == f"Wijziging 1 van {total}"
    # Deletions and insertions are not told apart by colour alone (the real redlines here only insert, so a
    # deletion is added to the page to check the stylesheet).
    page.evaluate(
        "document.querySelector('.gl-redline').insertAdjacentHTML('beforeend', "
        "'<del class=\"gl-change\"><span class=\"gl-sr\">[verwijderd: </span>x</del>')"
    )
    assert page.evaluate("getComputedStyle(document.querySelector('del.gl-change')).textDecorationLine") == "line-through"
    assert page.evaluate("getComputedStyle(document.querySelector('ins.gl-change')).textDecorationLine") == "underline"
    # The screen-reader words are in the text, but take no visible space.
    assert "ingevoegd:" in page.locator("ins.gl-change").first.text_content()
    assert page.evaluate("document.querySelector('ins.gl-change .gl-sr').getBoundingClientRect().width") <= 1
    assert axe_violations(page) == []


def test_search_labels_badges_and_favours_the_current_version(page, site_url) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "nl/")
    links = search(page, "oplossingsgericht")
    assert links, links
    assert "/2023/" not in links[0] and "/2025/" not in links[0], links
    titles = page.locator("[data-gl-search-results] h2")
    texts = [titles.nth(i).inner_text() for i in range(titles.count())]
    assert not any("¶" in text or "badgekind" in text for text in texts), texts  # titles from metadata, clean
    assert not any("/redline/" in link for link in links), links  # the summaries are indexed, not the redlines
    earlier = [(link, text) for link, text in zip(links, texts) if "/2025/" in link or "/2023/" in link]
    assert all("Leidraad MTVP 20" in text for _, text in earlier), earlier
    # Earlier versions and change summaries come after every page of the current guideline (issue 17).
    def secondary(link: str) -> bool:
        return "/2025/" in link or "/2023/" in link or "/wijzigingen/" in link

    first_secondary = next((i for i, link in enumerate(links) if secondary(link)), len(links))
    assert all(secondary(link) for link in links[first_secondary:]), links
    # The search label is the page's badge: "possibly new" where the evidence cannot tell.
    search(page, "aanmeldzuil")
    labels = [titles.nth(i).inner_text() for i in range(titles.count())]
    assert any(STRINGS["nl"]["badge_possibly_new"] in text for text in labels), labels
