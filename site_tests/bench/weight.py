"""Page weight: every HTML page of a built site gzipped (level 6, as served), against the 14 KB budget.

A page over the budget fails the row unless it is a declared exception below, which the report names with its
reason on every run: an exception is a decision, never a silent filter.
"""

from __future__ import annotations

import gzip
import statistics
from collections.abc import Mapping
from pathlib import Path
from typing import Any

BUDGET_PAGE_GZIP = 14 * 1024
#: Pages allowed over the budget (their path inside each language folder), each with the reason.
EXCEPTIONS = {
    "leidraad/geheel/index.html": (
        "the whole current guideline as one document, for printing or saving as PDF (opt-in: its own entry in the"
        " navigation, named for print, and left out of search); each of its parts is a page of its own within the"
        " budget"
    ),
}


def page_weights(site: Path) -> dict[str, int]:
    """Each HTML page's path in `site` and its size gzipped at level 6."""
    return {
        str(page.relative_to(site)): len(gzip.compress(page.read_bytes(), compresslevel=6))
        for page in sorted(site.rglob("*.html"))
    }


def _exception(page: str) -> str | None:
    """The declared reason when `page` (`<language>/<path>`) is an exception, else None."""
    return EXCEPTIONS.get(page.partition("/")[2])


def weight_figures(site: Path) -> dict[str, Any]:
    """Max and median over all pages, the pages over the budget and the declared exceptions among them."""
    weights = page_weights(site)
    over = {page: size for page, size in weights.items() if size > BUDGET_PAGE_GZIP}
    return {
        "pages": len(weights), "max_gzip_bytes": max(weights.values()),
        "median_gzip_bytes": int(statistics.median(weights.values())),
        "over_budget": {page: size for page, size in over.items() if _exception(page) is None},
        "declared_exceptions": {page: size for page, size in over.items() if _exception(page) is not None},
        "largest": dict(sorted(weights.items(), key=lambda pair: -pair[1])[:8]),
    }


def weight_rows(weight: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The report's rows: max and median, the verdict, each page over the budget and each declared exception."""
    over = weight["over_budget"]
    budget = f"{BUDGET_PAGE_GZIP // 1024} KB"
    rows = [
        (f"HTML pages, gzip: max / median ({weight['pages']} pages)",
         f"{weight['max_gzip_bytes']} / {weight['median_gzip_bytes']} B"),
        (f"pages over {budget} gzipped (besides declared exceptions)", f"{len(over)}  {'PASS' if not over else 'FAIL'}"),
    ]
    rows += [(f"  over {budget}: {page}", f"{size} B") for page, size in over.items()]
    rows += [
        (f"  declared exception: {page}", f"{size} B: {_exception(page)}")
        for page, size in weight["declared_exceptions"].items()
    ]
    return rows
