"""WCAG 2.1 AA: axe-core (npm, injected with Playwright) finds no violations on any page type in either language.

The same visits record every network request (the `page` fixture fails on any that leaves the site's origin).
"""

from __future__ import annotations

import itertools
import json

import pytest

from site_tests.browser import PAGE_TYPES, PHONE
from site_tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — " + json.dumps([n["target"] for n in v["nodes"][:3]])
        for v in result["violations"]
    ]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_axe_violations(page, site_url, language: str, name: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + f"{language}/{PAGE_TYPES[name]}")
    if page.locator("[data-gl-plan]").count():
        page.wait_for_selector("[data-gl-plan-ready]")  # check the checklist as people use it, not its placeholder
    if page.locator("[data-gl-module=plan-overview]").count():
        page.wait_for_selector("[data-gl-overview-ready]")
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


def test_no_axe_violations_on_a_phone_with_search_open(browser, site_url) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(site_url + "nl/groeimodel/")
        page.locator("label.md-header__button[for=__search]").click()
        page.keyboard.type("groeimodel", delay=20)
        page.locator("[data-gl-search-results] a").first.wait_for(state="visible", timeout=10_000)
        violations = axe_violations(page)
        assert not violations, "\n".join(violations)
    finally:
        context.close()


def test_skip_link_focus_and_language(page, site_url) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "en/interventies/aanmeldzuil/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "md-skip" in focused, focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    # The link back to the authoritative Dutch page is marked as Dutch.
    assert page.locator("[data-gl-component=authoritative] a").get_attribute("lang") == "nl"


def test_headings_are_in_order(page, site_url) -> None:  # type: ignore[no-untyped-def]
    for language in ("nl", "en"):
        for path in PAGE_TYPES.values():
            page.goto(site_url + f"{language}/{path}")
            levels = page.evaluate(
                "[...document.querySelectorAll('article h1, article h2, article h3, article h4, article h5')]"
                ".map(h => Number(h.tagName[1]))"
            )
            assert levels and levels[0] == 1, (path, levels)
            jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
            assert not jumps, (language, path, levels)
