"""Search finds what a GP types: the query set of `search_queries.yaml` on the built site, in real Chromium.

Each query is typed into the site's search dialog; its page must be among the first three results for at least
95 % of the queries. The same run checks what every result shows: no heading permalink "¶", no byline or source
line in excerpts, the current guideline's pages before change summaries and earlier versions.
"""

from __future__ import annotations

import re

import pytest

from generator.i18n import ui
from site_tests.browser import DESKTOP
from site_tests.search_queries import Result, load_queries, type_query

REQUIRED_SHARE = 0.95
TOP = 3
#: Pages ranked below the current guideline's: earlier versions (`2025/…`) and change summaries.
SECONDARY = re.compile(r"^(\d{4}(-\d{4})?/|wijzigingen/)")


def is_secondary(result: Result) -> bool:
    return bool(SECONDARY.match(result.page))


@pytest.fixture(scope="module")
def answers(browser, site_url):  # type: ignore[no-untyped-def]
    """Every query of the set, typed in its language's site: (query, status, results)."""
    found = []
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    for language in ("nl", "en"):
        page.goto(site_url + f"{language}/")
        for query in [q for q in load_queries() if q.language == language]:
            status, results = type_query(page, query.query)
            found.append((query, status, results))
    context.close()
    return found


def test_query_set_is_large_and_bilingual() -> None:
    queries = load_queries()
    assert len(queries) >= 40
    assert {q.language for q in queries} == {"nl", "en"}
    assert len({(q.language, q.query) for q in queries}) == len(queries), "a query is listed twice"


def test_query_set_finds_its_page_in_the_top_three(answers) -> None:  # type: ignore[no-untyped-def]
    misses = [
        f"{query.language} {query.query!r}: wanted {query.page}, got {[r.page for r in results[:TOP]]}"
        for query, _, results in answers
        if query.page not in [r.page for r in results[:TOP]]
    ]
    share = 1 - len(misses) / len(answers)
    assert share >= REQUIRED_SHARE, f"{share:.0%} in the top {TOP}; misses:\n" + "\n".join(misses)


def test_excerpts_have_no_permalinks_bylines_or_source_lines(answers) -> None:  # type: ignore[no-untyped-def]
    for query, _, results in answers:
        source_line = ui(query.language, "source_page", page=1).rsplit(" ", 1)[0]  # "Bron: pagina"
        byline = ui(query.language, "intervention_number", number=1, element="X").split(" ")[0]  # "Interventie"
        for result in results:
            assert "¶" not in result.excerpt and "¶" not in result.title, (query.query, result)
            assert source_line not in result.excerpt, (query.query, result)
            assert not result.excerpt.startswith(byline + " "), (query.query, result)


def test_current_guideline_pages_come_before_earlier_versions_and_changes(answers) -> None:  # type: ignore[no-untyped-def]
    mixed = 0
    for query, _, results in answers:
        kinds = [is_secondary(result) for result in results]
        assert kinds == sorted(kinds), f"{query.query!r}: {[r.page for r in results]}"
        mixed += any(kinds) and not all(kinds)
    assert mixed, "no query found both kinds of page, so the order was not tested"


@pytest.mark.parametrize(("language", "query"), [("nl", "aanmeldzuil parkeerplaats"), ("en", "kiosk parking")])
def test_words_no_page_has_together_fall_back_to_some_of_the_words(page, site_url, language, query) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + f"{language}/")
    status, results = type_query(page, query)
    assert status == ui(language, "search_partial")
    assert results and results[0].page == "interventies/aanmeldzuil/", [r.page for r in results]
    status, results = type_query(page, query.split()[0])
    assert status != ui(language, "search_partial") and results[0].page == "interventies/aanmeldzuil/"
