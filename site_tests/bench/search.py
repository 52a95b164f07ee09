"""Search benchmark: time from the last keystroke to the results shown, and the size of each language's index.

Types every query of `site_tests/search_queries.yaml` into the site's own search dialog in Chromium (as a
person types: one key every 50 ms) and measures, in the page, from the `input` event of the query's last key
to the moment the results list answers that query (`data-gl-query`). The first query of a language also loads
the index and is reported on its own ("cold"); the median and maximum are over the other queries. The same run
counts how many queries have their page among the first three results.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from site_tests.browser import CHROMIUM_ARGS, DESKTOP, chromium_path
from site_tests.search_queries import load_queries, type_query

KEY_DELAY_MS = 50

# Records, in the page, when each keystroke happened and when the results answered the box's text.
INSTRUMENT = """() => {
  const box = document.querySelector('[data-gl-search-input]');
  const list = document.querySelector('[data-gl-search-results]');
  window.__glTiming = { lastInput: 0, answered: {} };
  box.addEventListener('input', () => { window.__glTiming.lastInput = performance.now(); });
  new MutationObserver(() => {
    if (list.dataset.glQuery === box.value) {
      window.__glTiming.answered[box.value] = performance.now() - window.__glTiming.lastInput;
    }
  }).observe(list, { attributes: true, attributeFilter: ['data-gl-query'] });
}"""

#: Files the search UI bundles ship for Pagefind's own interfaces, which this site does not load.
UNUSED = ("pagefind-ui", "pagefind-modular-ui", "pagefind-component-ui", "pagefind-highlight")


def index_size(language_dir: Path) -> dict[str, int]:
    """Bytes of the language's Pagefind folder: all of it, and what searches can download (no UI bundles)."""
    files = [path for path in (language_dir / "pagefind").rglob("*") if path.is_file()]
    used = [path for path in files if not path.name.startswith(UNUSED)]
    return {
        "files": len(used),
        "bytes": sum(path.stat().st_size for path in used),
        "bytes_with_unused_ui": sum(path.stat().st_size for path in files),
    }


def search_figures(site: Path, base_url: str) -> dict[str, object]:
    """Per language: keystroke-to-results times, top-3 share of the query set and the index size."""
    executable = chromium_path()
    if executable is None:
        return {"error": "Chromium is not installed"}
    from playwright.sync_api import sync_playwright

    figures: dict[str, object] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for language in ("nl", "en"):
            page = browser.new_page(viewport=DESKTOP)
            page.goto(base_url + f"{language}/")
            page.evaluate(INSTRUMENT)
            times, misses = [], []
            queries = [q for q in load_queries() if q.language == language]
            for query in queries:
                _, results = type_query(page, query.query, delay_ms=KEY_DELAY_MS)
                times.append(page.evaluate("q => window.__glTiming.answered[q]", query.query))
                top = [result.page for result in results[:3]]
                if query.page not in top:
                    misses.append(f"{query.query!r}: wanted {query.page}, got {top}")
            page.close()
            warm = times[1:]
            figures[language] = {
                "queries": len(queries),
                "top3": len(queries) - len(misses),
                "misses": misses,
                "cold_first_query_ms": round(times[0]),
                "median_ms": round(statistics.median(warm)),
                "max_ms": round(max(warm)),
                "slowest_query": queries[1 + warm.index(max(warm))].query,
                "index": index_size(site / language),
            }
        browser.close()
    return figures


def search_rows(figures: object) -> list[tuple[str, str]]:
    if not isinstance(figures, dict) or "error" in figures:
        return [("search", str(figures))]
    rows = []
    for language, f in figures.items():
        index = f["index"]
        rows += [
            (
                f"search {language}: last keystroke to results, {f['queries'] - 1} queries (median / max)",
                (
                    f"{f['median_ms']} / {f['max_ms']} ms (slowest: {f['slowest_query']!r};"
                    f" first query, loading the index: {f['cold_first_query_ms']} ms)"
                ),
            ),
            (f"search {language}: query set with its page in the top 3", f"{f['top3']} of {f['queries']}"),
            *((f"search {language}: not in the top 3", miss) for miss in f["misses"]),
            (
                f"search {language}: index ({index['files']} files)",
                f"{index['bytes'] / 1024:.0f} KiB ({index['bytes_with_unused_ui'] / 1024:.0f} KiB with Pagefind's unused UI bundles)",
            ),
        ]
    return rows
