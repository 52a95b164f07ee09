"""What the search dialog shows: every result reachable, one clear button, each intervention with its core element,
excerpts of the guideline's words only (typed in Chromium into the built site's search)."""

from __future__ import annotations

import re

from generator.data.load import Guideline
from generator.i18n import STRINGS, ui
from site_tests.search_queries import type_query

RESULTS = "[data-gl-search-results] > li"


def result_count(status: str) -> int:
    found = re.search(r"\d+", status)
    assert found, status
    return int(found.group(0))


def test_search_shows_more_than_ten_results_when_there_are_more(page, site_url) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "nl/")
    status, results = type_query(page, "interventie")
    total = result_count(status)
    assert total > 20  # the query finds several pages of results
    assert len(results) < total
    more = page.locator("[data-gl-search-more]")
    clicks = 0
    while more.is_visible():
        shown_before = page.locator(RESULTS).count()
        more.click()
        page.wait_for_function(f"n => document.querySelectorAll('{RESULTS}').length > n", arg=shown_before)
        clicks += 1
        # The focus moves to the first added result, so keyboard users continue there.
        assert page.evaluate(
            f"document.activeElement === document.querySelectorAll('{RESULTS} a')[{shown_before}]"
        )
    assert clicks >= 2
    urls = page.evaluate(f"[...document.querySelectorAll('{RESULTS} a')].map(a => a.href)")
    assert len(urls) == total == len(set(urls)), "every result is shown once"
    assert page.locator("[data-gl-search-shown]").inner_text() == ui("nl", "search_shown", shown=total, count=total)
    # A new query starts again with its first page.
    status, results = type_query(page, "aanmeldzuil")
    assert len(results) <= 13


def test_each_intervention_result_names_its_core_element(page, site_url, guideline: Guideline) -> None:  # type: ignore[no-untyped-def]
    current = guideline.current
    intervention = next(i for i in current.interventions.interventions if i.id == "aanmeldzuil")
    element = next(e for e in current.core_elements.core_elements if e.id == intervention.core_element)
    for language in ("nl", "en"):
        page.goto(site_url + f"{language}/")
        type_query(page, getattr(intervention.title, language))
        link = page.locator("[data-gl-search-results] a[href$='interventies/aanmeldzuil/']").first
        expected = ui(language, "search_core_element", name=getattr(element.title, language))
        assert link.locator(".gl-search-element").inner_text() == expected
    # Pages that are not interventions name none.
    type_query(page, "growth model")
    assert not page.locator("[data-gl-search-results] a[href$='/groeimodel/'] .gl-search-element").count()


def test_search_has_one_clear_button(phone, site_url) -> None:  # type: ignore[no-untyped-def]
    phone.goto(site_url + "nl/")
    phone.locator("label.md-header__button[for=__search]").click()
    phone.keyboard.type("horde", delay=20)
    # Browsers draw a clear button of their own in `type=search` fields only.
    assert phone.locator("[data-gl-search-input]").get_attribute("type") == "text"
    assert phone.locator("[data-gl-search-input]").get_attribute("enterkeyhint") == "search"
    reset = phone.locator("form[name=gl-search] button[type=reset]")
    assert reset.is_visible()
    reset.click()
    assert phone.locator("[data-gl-search-input]").input_value() == ""
    assert phone.locator(RESULTS).count() == 0


def test_excerpts_hold_no_page_furniture(page, site_url) -> None:  # type: ignore[no-untyped-def]
    """The calendar's table of next dates (filled in by the browser) is not text to find or show."""
    page.goto(site_url + "nl/")
    for query in ("wat doet de RHO", "zorgverzekeraar", "landelijke partijen"):
        _, results = type_query(page, query)
        assert results
        for result in results:
            for key in ("calendar_next_caption", "footnote_backlink_title", "authoritative_link"):
                assert STRINGS["nl"][key].split("%d")[0] not in result.excerpt, (query, result)
            assert "¶" not in result.excerpt and "↩" not in result.excerpt, (query, result)
