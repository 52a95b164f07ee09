"""The search query set (`search_queries.yaml`) and typing a query into the site's search in Chromium.

Shared by the query-set test and the search benchmark, so both measure the same thing: the site's own search
dialog (overrides/assets/javascripts/search.mjs), driven by keystrokes as a person types.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

QUERIES_FILE = Path(__file__).with_name("search_queries.yaml")


@dataclass(frozen=True)
class Query:
    language: str
    query: str
    #: The page it should find, below the language root (`interventies/aanmeldzuil/`).
    page: str


def load_queries() -> list[Query]:
    data = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
    return [Query(language, entry["query"], entry["page"]) for language, entries in data.items() for entry in entries]


@dataclass(frozen=True)
class Result:
    #: The result's address below the language root.
    page: str
    title: str
    excerpt: str


def type_query(page, query: str, delay_ms: int = 20) -> tuple[str, list[Result]]:  # type: ignore[no-untyped-def]
    """Types `query` into the header search (replacing what was there) and waits until the results answer it.

    Returns the status line and the results in order.
    """
    box = page.locator("[data-gl-search-input]")
    box.click()
    box.press("Control+A")
    page.keyboard.type(query, delay=delay_ms)
    page.wait_for_function(
        "query => document.querySelector('[data-gl-search-results]').dataset.glQuery === query", arg=query
    )
    found = page.evaluate(
        """() => [...document.querySelectorAll('[data-gl-search-results] a')].map((link) => ({
            url: link.href, title: link.querySelector('h2').textContent, excerpt: link.querySelector('p.gl-search-excerpt').textContent,
        }))"""
    )
    results = [Result(_below_language_root(item["url"]), item["title"], item["excerpt"]) for item in found]
    return page.locator("[data-gl-search-status]").inner_text(), results


def _below_language_root(url: str) -> str:
    """`http://host/mtvp/nl/interventies/x/` -> `interventies/x/`."""
    path = url.split("#")[0].split("?")[0]
    for language in ("/nl/", "/en/"):
        if language in path:
            return path.split(language, 1)[1]
    return path
