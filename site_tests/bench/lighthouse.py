"""Lighthouse scores (npm `lighthouse`, Debian Chromium), installed on first use into site_tests/artifacts/."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from site_tests.bench.serve import GzipServer
from site_tests.browser import chromium_path

VERSION = "13.5.0"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
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


def lighthouse_scores(site: Path, pages: list[str], cache: Path, port: int) -> dict[str, object]:
    """Mobile Lighthouse scores (0-100) per page and category, or {"error": why} if it cannot run."""
    try:
        binary = _lighthouse(cache)
    except (OSError, subprocess.CalledProcessError) as error:
        return {"error": f"lighthouse could not be installed: {error}"}
    environment = {**os.environ, "CHROME_PATH": chromium_path() or "/usr/bin/chromium"}
    scores: dict[str, object] = {}
    with GzipServer(site, port) as base:
        for page in pages:
            report = cache / f"report-{page.strip('/').replace('/', '_') or 'home'}.json"
            run = subprocess.run(
                [str(binary), base + page, "--quiet", "--output=json", f"--output-path={report}",
                 f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES)],
                env=environment, capture_output=True, text=True, check=False, timeout=240,
            )
            if run.returncode != 0 or not report.is_file():
                scores[page] = {"error": run.stderr.strip().splitlines()[-1:] or ["failed"]}
                continue
            data = json.loads(report.read_text(encoding="utf-8"))
            scores[page] = {name: round(100 * (data["categories"][name]["score"] or 0)) for name in CATEGORIES}
    return scores
