"""Lighthouse scores (npm `lighthouse`, Debian Chromium), installed on first use into site_tests/artifacts/."""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
from pathlib import Path

from site_tests.bench.serve import GzipServer
from site_tests.browser import chromium_path

VERSION = "13.5.0"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The performance metrics behind the score, reported so that a score below 100 says where it is lost.
METRICS = {
    "FCP": "first-contentful-paint", "LCP": "largest-contentful-paint", "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift", "SI": "speed-index",
}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"


def _lighthouse(cache: Path) -> Path:
    binary = cache / "node_modules" / ".bin" / "lighthouse"
    if not binary.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", str(cache),
             f"lighthouse@{VERSION}"],
            check=True,
        )
    return binary


def _one_run(binary: Path, url: str, report: Path, environment: dict[str, str]) -> dict[str, object]:
    run = subprocess.run(
        [str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
         f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES)],
        env=environment, capture_output=True, text=True, check=False, timeout=240,
    )
    if run.returncode != 0 or not report.is_file():
        return {"error": (run.stderr.strip().splitlines() or ["failed"])[-1]}
    data = json.loads(report.read_text(encoding="utf-8"))
    scores: dict[str, object] = {name: round(100 * (data["categories"][name]["score"] or 0)) for name in CATEGORIES}
    scores["metrics"] = {short: data["audits"][audit]["numericValue"] for short, audit in METRICS.items()}
    return scores


def _median_of_runs(runs: list[dict[str, object]]) -> dict[str, object]:
    """Each category's and metric's median over the runs, and every run's performance score."""
    good = [run for run in runs if "error" not in run]
    if not good:
        return runs[0]
    result: dict[str, object] = {name: statistics.median(int(run[name]) for run in good) for name in CATEGORIES}  # type: ignore[call-overload]
    result["performance_runs"] = [run["performance"] for run in good]
    result["metrics"] = {
        short: round(statistics.median(run["metrics"][short] for run in good), 3)  # type: ignore[index]
        for short in METRICS
    }
    return result


def lighthouse_scores(targets: list[tuple[Path, str]], cache: Path, ports: tuple[int, ...], runs: int = 5) -> dict[str, object]:
    """Mobile Lighthouse scores (0-100), the median of `runs` runs, per (site, page) target and category.

    Lighthouse's performance score moves by several points from run to run on the same page: its simulated
    throttling replays this machine's own timings, and those drift with whatever else the machine does. So
    each page is measured `runs` times and, to expose all pages to the same drift, the runs go round the pages
    (page 1, 2, 3, …, then page 1 again) rather than page after page. Site number i is served on ports[i].

    Returns:
        Per page: the median score of each category, each run's performance score and the median metrics;
        or {"error": why} if Lighthouse cannot run.
    """
    try:
        binary = _lighthouse(cache)
    except (OSError, subprocess.CalledProcessError) as error:
        return {"error": f"lighthouse could not be installed: {error}"}
    environment = {**os.environ, "CHROME_PATH": chromium_path() or "/usr/bin/chromium"}
    sites = list(dict.fromkeys(site for site, _ in targets))
    results: dict[str, list[dict[str, object]]] = {page: [] for _, page in targets}
    with contextlib.ExitStack() as stack:
        bases = {site: stack.enter_context(GzipServer(site, port)) for site, port in zip(sites, ports, strict=False)}
        for _ in range(runs):
            for site, page in targets:
                report = cache / f"report-{page.strip('/').replace('/', '_') or 'home'}.json"
                results[page].append(_one_run(binary, bases[site] + page, report, environment))
    return {page: _median_of_runs(page_runs) for page, page_runs in results.items()}
