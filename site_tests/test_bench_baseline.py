"""The build benchmark's baseline builds what our build builds: the same pages from the same Markdown, with plain
MkDocs and Material (site_tests/bench/same_markdown.py), so that the ratio it reports compares like with like."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from generator.data.load import load_guideline
from generator.languages import LANGUAGES
from generator.site import build_site
from site_tests.bench.__main__ import plain_command
from site_tests.bench.same_markdown import same_markdown_configs
from site_tests.conftest import ROOT

SITE_URL = "https://example.org/mtvp/"


def pages(folder: Path) -> dict[str, str]:
    """Every page of a built language folder and the text of its first heading."""
    found = {}
    for page in folder.rglob("index.html"):
        if "pagefind" in page.parts:
            continue
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.DOTALL)
        text = re.sub(r"<[^>]+>", "", heading.group(1)).strip() if heading else ""
        found[page.relative_to(folder).as_posix()] = text
    return found


def test_the_baseline_builds_our_pages_from_our_markdown(synthetic_project: Path, tmp_path: Path) -> None:
    guideline = load_guideline(synthetic_project / "guideline_data", root=synthetic_project)
    ours = tmp_path / "ours"
    build_site(synthetic_project, ours, SITE_URL, parallel=False)
    configs = same_markdown_configs(guideline, tmp_path / "trees", SITE_URL, synthetic_project)
    subprocess.run(plain_command(tmp_path / "plain", *configs), check=True, cwd=ROOT, capture_output=True)
    for index, language in enumerate(LANGUAGES):
        our_pages, plain_pages = pages(ours / language), pages(tmp_path / "plain" / str(index))
        assert len(our_pages) > 10
        assert plain_pages == our_pages, language
