"""Maintainers' tools: `new-version` and translation tracking."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.data.load import load_guideline
from generator.data.translations import translation_errors, write_lock
from generator.i18n import STRINGS
from generator.maintain import MaintenanceError, new_version
from generator.site import build_site
from site_tests.conftest import ROOT
from site_tests.synthetic import NEW


def project_copy(tmp_path: Path) -> Path:
    for name in ("mkdocs.yml", "content", "overrides", "guideline_data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    return tmp_path


def test_new_version_validates_and_builds_at_once(synthetic_project: Path) -> None:
    """On the synthetic guideline (a build in seconds): what `new-version` makes is valid and builds."""
    project = synthetic_project
    registry_before = (project / "guideline_data" / "versions.yaml").read_text(encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "new-version", "2033", "--from", NEW],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    guideline = load_guideline(project / "guideline_data", root=project)
    future = guideline.version("2033")
    assert future.meta.status == "future" and future.meta.completeness == "official"
    assert str(future.meta.valid_from) == "2033-01-01" and str(future.meta.valid_until) == "2033-12-31"
    assert future.interventions == guideline.version(NEW).interventions
    registry = (project / "guideline_data" / "versions.yaml").read_text(encoding="utf-8")
    assert registry.startswith(registry_before)  # kept
    build_site(project, project / "site")
    assert (project / "site" / "nl" / "interventies" / "samen-plannen" / "index.html").is_file()
    assert (project / "site" / "nl" / "2033" / "interventies" / "samen-plannen" / "index.html").is_file()
    # The copy differs from its source in nothing: the change summary and the change set say so.
    summary = (project / "site" / "nl" / "wijzigingen" / f"{NEW}-naar-2033" / "index.html").read_text(encoding="utf-8")
    assert STRINGS["nl"]["changes_none"] in summary
    changes = json.loads((project / "site" / "api" / "changes" / f"{NEW}-naar-2033.json").read_text(encoding="utf-8"))
    assert changes["changes"] == []


def test_new_version_writes_its_entry_in_the_registry_s_own_layout(tmp_path: Path, synthetic_project: Path) -> None:
    """The real registry indents its entries and quotes ids; the synthetic one does neither: both get an entry
    laid out like their others, with the source version's sources copied as written."""
    for project, source_id in ((project_copy(tmp_path), "2026-2027"), (synthetic_project, NEW)):
        registry = project / "guideline_data" / "versions.yaml"
        before = registry.read_text(encoding="utf-8")
        new_version(project / "guideline_data", "2040", source_id, project)
        added = registry.read_text(encoding="utf-8")[len(before):]
        first_entry = next(line for line in before.splitlines() if line.lstrip().startswith("- id:"))
        assert added.splitlines()[0].startswith(first_entry[: first_entry.index("- id:")] + '- id: "2040"')
        guideline = load_guideline(project / "guideline_data", root=project)
        assert guideline.version("2040").meta.sources == guideline.version(source_id).meta.sources


@pytest.mark.parametrize(
    ("new_id", "source", "message"),
    [
        ("2026-2027", "2026-2027", "exists already"),
        ("28", "2026-2027", "must be a year or a range of years"),
        ("2029-2028", "2026-2027", "ends before it starts"),
        ("2028", "1999", "unknown version `1999`"),
    ],
)
def test_new_version_refuses_bad_requests_and_changes_nothing(
    tmp_path: Path, new_id: str, source: str, message: str
) -> None:
    project = project_copy(tmp_path)
    before = sorted(p.name for p in (project / "guideline_data").iterdir())
    registry = (project / "guideline_data" / "versions.yaml").read_text(encoding="utf-8")
    with pytest.raises(MaintenanceError, match=message):
        new_version(project / "guideline_data", new_id, source, project)
    assert sorted(p.name for p in (project / "guideline_data").iterdir()) == before
    assert (project / "guideline_data" / "versions.yaml").read_text(encoding="utf-8") == registry


def outdated_translations(version_dir: Path, root: Path) -> list[str]:
    """The first line of every translation problem of a version folder."""
    version = load_guideline(root / "guideline_data", root=root).version(version_dir.name)
    return [str(error).split("\n")[0] for error in translation_errors(version, version_dir, root)]


def test_committed_translations_are_up_to_date() -> None:
    assert outdated_translations(ROOT / "guideline_data" / "2026-2027", ROOT) == []


def test_changed_dutch_text_marks_its_english_outdated(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    version = project / "guideline_data" / "2026-2027"
    path = version / "interventions.yaml"
    text = path.read_text(encoding="utf-8")
    intervention = load_guideline(project / "guideline_data", root=project).current.interventions.interventions[4]
    assert intervention.appendix is not None and intervention.appendix.body is not None
    opening = " ".join(intervention.appendix.body.nl.split()[:3])  # the body's first words, on its first line
    at = text.index(opening, text.index(f"id: {intervention.id}"))
    changed = text[:at] + "Gewijzigd: " + text[at:]
    path.write_text(changed, encoding="utf-8")
    [problem] = outdated_translations(version, project)
    line = changed[:at].count("\n")  # the `en:` line follows the `nl:` block
    assert problem.startswith("guideline_data/2026-2027/interventions.yaml:")
    assert "interventions[4].appendix.body.en: English translation may be outdated" in problem
    assert int(problem.split(":")[1]) > line
    check = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "check"], capture_output=True, text=True,
        check=False,
    )
    assert check.returncode == 1 and "1 problems with translations.lock" in check.stderr
    write_lock(load_guideline(project / "guideline_data", root=project).version("2026-2027"), version)
    assert outdated_translations(version, project) == []


def test_inserting_an_item_does_not_outdate_later_translations(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    version = project / "guideline_data" / "2026-2027"
    path = version / "selection.yaml"
    text = path.read_text(encoding="utf-8")
    first_item = text.index("    - id: selectie-regioplan") if "    - id: selectie-regioplan" in text else None
    assert first_item is not None
    extra = "    - id: selectie-extra\n      source: {page: 10}\n      text: {nl: Extra, en: Extra}\n"
    path.write_text(text[:first_item] + extra + text[first_item:], encoding="utf-8")
    problems = outdated_translations(version, project)
    assert len(problems) == 1 and "selection.items[0].text.en" in problems[0]


def test_changes_command_counts_per_kind_and_evidence() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(ROOT), "changes", "2025", "2026-2027"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    counts = {line.split(":")[0].strip(): int(line.split(":")[1]) for line in lines[:-1]}
    assert counts["added"] > 0 and counts["unknown"] > 0
    reported = sum(v for k, v in counts.items() if k != "unknown")
    assert lines[-1].startswith(f"{reported} changes reported")
    wrong = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(ROOT), "changes", "2025", "2099"],
        capture_output=True, text=True, check=False,
    )
    assert wrong.returncode == 2 and "unknown version `2099`" in wrong.stderr
