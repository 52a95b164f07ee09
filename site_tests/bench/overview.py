"""The regional overview in Chromium: 200 praktijkplan files picked at once, from the files in the page's hands to the
table shown (read as text, parsed, checked against the rules, rows built, table rendered). The page itself measures
it (`performance.measure("gl-overview-files")` in overview.mjs); this runs it RUNS times on a fresh page each time.

`python -m site_tests.bench.overview [SITE_DIR]` runs only this on an already built site (default: site/).
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

from site_tests.bench.serve import GzipServer
from site_tests.plan_files import practice_plan_files

PLANS = 200
RUNS = 5
BUDGET_MS = 1000


def overview_timing(site: Path, plans: int = PLANS, runs: int = RUNS) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    from site_tests.browser import CHROMIUM_ARGS, DESKTOP, chromium_path

    data = json.loads((site / "nl" / "plan" / "data.json").read_text(encoding="utf-8"))
    files = [{"name": name, "mimeType": "application/json", "buffer": text.encode()} for name, text in practice_plan_files(data, plans)]
    timings = []
    with GzipServer(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport=DESKTOP)
            page.goto(base + "nl/plan/overzicht/")
            page.wait_for_selector("[data-gl-overview-ready]")
            page.set_input_files("#gl-overview-input", files)
            page.wait_for_selector(f'[data-gl-overview-files="{plans}"]')
            timings.append(page.evaluate("performance.getEntriesByName('gl-overview-files').at(-1).duration"))
            page.close()
        browser.close()
    return {
        "plans": plans, "runs": runs, "median_ms": round(statistics.median(timings), 1), "max_ms": round(max(timings), 1),
        "budget_ms": BUDGET_MS, "bytes": sum(len(f["buffer"]) for f in files),
    }


def row(figures: dict[str, object]) -> tuple[str, str]:
    verdict = "PASS" if float(figures["max_ms"]) < BUDGET_MS else "FAIL"  # type: ignore[arg-type]
    return (
        f"overview: {figures['plans']} plan files read and checked in Chromium (median of {figures['runs']})",
        f"median {figures['median_ms']} ms, max {figures['max_ms']} ms (budget < {BUDGET_MS} ms)  {verdict}",
    )


if __name__ == "__main__":
    from site_tests.conftest import ROOT

    figures = overview_timing(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site")
    print(json.dumps(figures))
    print("  ".join(row(figures)))
