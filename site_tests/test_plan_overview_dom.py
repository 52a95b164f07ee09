"""Runs the DOM tests of the page components (`site_tests/dom/`, node's test runner with jsdom from npm) on the built
pages' own markup (the regional overview, the plan checklist, an item page's link box) and the data and strings
they read, so `make test` covers them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import pages
from generator.data.load import Guideline
from generator.i18n import LANGUAGES, STRINGS
from site_tests.conftest import ROOT


def test_overview_components_dom_tests(built_site: Path, public_url: str, guideline: Guideline) -> None:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("node is missing; .ci/run installs it")
        pytest.skip("node is not installed")
    if not (ROOT / "node_modules" / "jsdom").is_dir():
        pytest.fail("jsdom is missing: run `npm ci` (make test does)")
    env = {
        **os.environ,
        "PLAN_DATA": str(built_site / "nl" / "plan" / "data.json"),
        "OVERVIEW_PAGE": str(built_site / "nl" / "plan" / "overzicht" / "index.html"),
        **_permalink_environment(built_site, public_url, guideline),
    }
    result = subprocess.run(
        [node, "--test", "--test-reporter=spec", str(ROOT / "site_tests" / "dom")],
        capture_output=True, text=True, env=env, check=False, timeout=120,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "ℹ fail 0" in result.stdout or "# fail 0" in result.stdout, result.stdout[-2000:]
    assert "ℹ pass 0" not in result.stdout, result.stdout[-2000:]


def _permalink_environment(built_site: Path, public_url: str, guideline: Guideline) -> dict[str, str]:
    """An intervention page per language (file and path) and the strings of the link box's status line."""
    intervention = guideline.current.interventions.interventions[0].id
    path = pages.INTERVENTION.format(id=intervention).removesuffix("index.md")
    return {
        "PERMALINK_SITE_URL": public_url,
        "PERMALINK_PAGES": json.dumps({
            language: {"file": str(built_site / language / path / "index.html"), "path": f"{language}/{path}"}
            for language in LANGUAGES
        }),
        "PERMALINK_STRINGS": json.dumps({
            language: {key: STRINGS[language][key] for key in ("permalink_copied", "permalink_selected")}
            for language in LANGUAGES
        }),
    }
