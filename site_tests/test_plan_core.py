"""Runs the plan checklist's JavaScript unit tests (`site_tests/js/`, node's built-in test runner) on the data
the site publishes, so `make test` covers them."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.data.load import Guideline
from generator.plan_data import plan_data_json
from site_tests.conftest import ROOT


def test_plan_core_unit_tests(guideline: Guideline, tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("node is missing; .ci/run installs it")
        pytest.skip("node is not installed")
    data = tmp_path / "data.json"
    data.write_text(plan_data_json(guideline, "nl"), encoding="utf-8")
    result = subprocess.run(
        [node, "--test", "--test-reporter=spec", str(ROOT / "site_tests" / "js")],
        capture_output=True, text=True, env={**os.environ, "PLAN_DATA": str(data)}, check=False, timeout=120,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout or "ℹ fail 0" in result.stdout, result.stdout[-2000:]
