"""Every kind of bad data the maintainers met is refused where it enters: `check` and `build` exit non-zero,
name `file:line:column: key.path` (the line holds the fault) and write nothing (no site, no staging folder, no
data file changed). One test per fault, from the table of issue 13.
"""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from site_tests.conftest import ROOT

VERSION = "guideline_data/2026-2027"
#: `file:line:column: key.path: message`; a hand-written page (content/) has no key path.
LOCATION = re.compile(r"^(?:WARNING )?((?:guideline_data|content)/[^:]+):(\d+):(\d+):(?: (\S+):)? (.*)$", re.MULTILINE)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}; pick another place for this fault"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _prefix_first_dutch_text(path: Path, prefix: str) -> None:
    text = path.read_text(encoding="utf-8")
    match = re.search(r"\n\s+nl: (?=\S)", text)
    assert match is not None
    path.write_text(text[: match.end()] + prefix + text[match.end() :], encoding="utf-8")


def _rule_basis(root: Path, basis: str) -> None:
    _replace(root / VERSION / "growth_model.yaml", "basis: [groei-anders-werken]", f"basis: [{basis}]")


def _first_history(root: Path, replacement: str) -> None:
    _replace(root / VERSION / "interventions.yaml", '      - kind: renamed\n        version: "2026-2027"', replacement)


def _alias_bomb(root: Path) -> None:
    lines = ['bomb0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"bomb{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = root / VERSION / "selection.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n".join(lines) + "\n", encoding="utf-8")


def _unused_footnote(root: Path) -> None:
    path = root / VERSION / "footnotes.yaml"
    extra = "  - id: fn-nergens-gebruikt\n    marker: '9'\n    text: {nl: Ongebruikt, en: Unused}\n    source: {page: 3}\n"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")


def _latin1(root: Path) -> None:
    path = root / VERSION / "selection.yaml"
    text = path.read_text(encoding="utf-8").replace("selection:", "selection:  # patiënt", 1)
    path.write_bytes(text.encode("latin-1", errors="replace"))


def _oversized(root: Path) -> None:
    path = root / VERSION / "selection.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# " + "x" * (2 * 1024 * 1024) + "\n", encoding="utf-8")


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _errors_in_two_files(root: Path) -> None:
    _rule_basis(root, "geen-bestaand-item")
    _replace(root / VERSION / "selection.yaml", "selection:\n", "selection:\n  colour: red\n")


@dataclass(frozen=True)
class Fault:
    name: str
    breaks: Callable[[Path], None]
    #: Each expected error: the file, a key path, a message fragment, and text found on the error's line.
    expected: tuple[tuple[str, str, str, str], ...]


FAULTS = [
    Fault("impossible date", lambda r: _replace(r / "guideline_data/versions.yaml", "valid_from: 2026-01-01", "valid_from: 2026-02-30"),
          (("guideline_data/versions.yaml", "versions[0].valid_from", "'2026-02-30' is not a valid date: day is out of range", "2026-02-30"),)),
    Fault("binary file", lambda r: (r / VERSION / "selection.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00"),
          ((f"{VERSION}/selection.yaml", "(root)", "a NUL byte: this is a binary file", ""),)),
    Fault("Latin-1 file", _latin1,
          ((f"{VERSION}/selection.yaml", "(root)", "byte 0xeb is not UTF-8; save the file as UTF-8", ""),)),
    Fault("invalid translations.lock", lambda r: (r / VERSION / "translations.lock").write_text('{"a": "b",\n', encoding="utf-8"),
          ((f"{VERSION}/translations.lock", "(root)", "not valid JSON", ""),)),
    Fault("translations.lock with a value that is no hash", lambda r: (r / VERSION / "translations.lock").write_text('{\n "x.yaml#a.b": 5\n}\n', encoding="utf-8"),
          ((f"{VERSION}/translations.lock", "x.yaml#a.b", "expected a SHA-256 hash", "x.yaml#a.b"),)),
    Fault("outdated translation (stale translations.lock)", lambda r: _prefix_first_dutch_text(r / VERSION / "selection.yaml", "Gewijzigd en "),
          ((f"{VERSION}/selection.yaml", "selection.title.en", "English translation may be outdated (the Dutch text changed since)", "en:"),)),
    Fault("rule basis naming an item with no page", lambda r: _rule_basis(r, "fn-rho"),
          ((f"{VERSION}/growth_model.yaml", "rules[1].basis[0]", "`fn-rho` has no place on a page", "basis: [fn-rho]"),)),
    Fault("YAML alias bomb", _alias_bomb,
          ((f"{VERSION}/selection.yaml", "bomb", "expands to more than 100000 values", "&a0"),)),
    Fault("data file over the size limit", _oversized,
          ((f"{VERSION}/selection.yaml", "(root)", "more than the 1048576 a data file may have", ""),)),
    Fault("YAML tag on a mapping", lambda r: _replace(r / VERSION / "selection.yaml", "selection:", "selection: !!python/object/apply:os.system"),
          ((f"{VERSION}/selection.yaml", "selection", "YAML tag `!!python/object/apply:os.system` is not allowed", "!!python"),)),
    Fault("YAML tag on a sequence", lambda r: _replace(r / VERSION / "growth_model.yaml", "basis: [groei-anders-werken]", "basis: !!seq [groei-anders-werken]"),
          ((f"{VERSION}/growth_model.yaml", "rules[1].basis", "YAML tag `!!seq` is not allowed", "!!seq"),)),
    Fault("YAML tag on a scalar", lambda r: _rule_basis(r, "!custom groei-anders-werken"),
          ((f"{VERSION}/growth_model.yaml", "rules[1].basis[0]", "YAML tag `!custom` is not allowed", "!custom"),)),
    Fault("raw HTML <script> in a text", lambda r: _prefix_first_dutch_text(r / VERSION / "core_elements.yaml", "<script>alert(1)</script> "),
          ((f"{VERSION}/core_elements.yaml", "core_elements[0].title.nl", "raw HTML `<script>` in a text; texts are Markdown only", "<script>"),)),
    Fault("raw HTML <img onerror> in a text", lambda r: _prefix_first_dutch_text(r / VERSION / "selection.yaml", "<img src=x onerror=alert(1)> "),
          ((f"{VERSION}/selection.yaml", "selection.title.nl", "raw HTML `<img", "<img"),)),
    Fault("raw HTML in a hand-written page", lambda r: _append(r / "content/nl/over.md", "\nZie <b>dit</b>.\n"),
          (("content/nl/over.md", "", "raw HTML `<b>` in a page; pages are Markdown only", "<b>dit</b>"),)),
    Fault("unknown directive in a hand-written page", lambda r: _append(r / "content/en/over.md", "\n<!-- guideline:nergens -->\n"),
          (("content/en/over.md", "", "unknown directive `guideline:nergens`", "guideline:nergens"),)),
    Fault("link in a hand-written page to a missing page", lambda r: _replace(r / "content/en/index.md", "](over.md)", "](nergens.md)"),
          (("content/en/index.md", "", "link `nergens.md` leads to no page", "](nergens.md)"),)),
    Fault("unused footnote", _unused_footnote,
          ((f"{VERSION}/footnotes.yaml", "id", "footnote `fn-nergens-gebruikt` is never used", "fn-nergens-gebruikt"),)),
    Fault("history.merged_from naming a missing id",
          lambda r: _first_history(r, '      - kind: merged\n        version: "2026-2027"\n        merged_from: [nooit-bestaan]'),
          ((f"{VERSION}/interventions.yaml", "history[0].merged_from[0]", "`nooit-bestaan` is no item of a version before 2026-2027", "nooit-bestaan"),)),
    Fault("history.version naming a missing version",
          lambda r: _first_history(r, '      - kind: renamed\n        version: "2099"'),
          ((f"{VERSION}/interventions.yaml", "history[0].version", "unknown version `2099`", "2099"),)),
    Fault("errors in two files are all reported", _errors_in_two_files,
          ((f"{VERSION}/growth_model.yaml", "rules[1].basis[0]", "unknown item id `geen-bestaand-item`", "geen-bestaand-item"),
           (f"{VERSION}/selection.yaml", "selection.colour", "unknown key `colour`", "colour: red"))),
]


def _project(tmp_path: Path) -> Path:
    for name in ("mkdocs.yml", "content", "overrides", "guideline_data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    return tmp_path


def _run(project: Path, command: str, memory_limit: int | None = None) -> tuple[int, str]:
    def limit_memory() -> None:
        if memory_limit is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))

    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), command],
        capture_output=True, text=True, cwd=ROOT, check=False, timeout=300, preexec_fn=limit_memory,
    )
    return result.returncode, result.stderr


def _snapshot(project: Path) -> dict[str, bytes]:
    return {str(p.relative_to(project)): p.read_bytes() for p in sorted(project.rglob("*")) if p.is_file()}


def _assert_located(stderr: str, project: Path, expected: tuple[tuple[str, str, str, str], ...]) -> None:
    found = LOCATION.findall(stderr)
    for file, key_path, message, on_line in expected:
        hits = [f for f in found if f[0] == file and key_path in f[3] and message in f[4]]
        assert hits, f"no `{file}:line:col: …{key_path}: {message}` in:\n{stderr}"
        line = int(hits[0][1])
        if on_line:
            text = (project / file).read_text(encoding="utf-8").splitlines()[line - 1]
            assert on_line in text, f"{file}:{line} is `{text}`, not the line with `{on_line}`"
    assert "Traceback" not in stderr


@pytest.mark.parametrize("fault", FAULTS, ids=[fault.name for fault in FAULTS])
def test_bad_data_is_refused_with_its_location_and_nothing_is_written(tmp_path: Path, fault: Fault) -> None:
    project = _project(tmp_path)
    fault.breaks(project)
    before = _snapshot(project)
    code, stderr = _run(project, "check")
    assert code == 1, stderr
    _assert_located(stderr, project, fault.expected)
    code, stderr = _run(project, "build")
    assert code == 1, stderr
    _assert_located(stderr, project, fault.expected)
    assert "No site was built." in stderr
    assert _snapshot(project) == before, "a refused build wrote or changed files"


def test_alias_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _alias_bomb(project)
    # Expanded, the 9**9 values need many gigabytes; refused at the limit, the check fits in 1 GB of address space.
    code, stderr = _run(project, "check", memory_limit=1024**3)
    assert code == 1 and "expands to more than 100000 values" in stderr, stderr
    assert "MemoryError" not in stderr


def test_link_in_a_text_to_a_missing_page_is_reported_at_its_yaml_line(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _prefix_first_dutch_text(project / VERSION / "selection.yaml", "Zie [elders](../nergens/). ")
    translated = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "translated"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert translated.returncode == 0, translated.stderr
    before = _snapshot(project)
    expected = ((f"{VERSION}/selection.yaml", "selection.title.nl", "link `../nergens/` in a text leads to no page", "[elders](../nergens/)"),)
    code, stderr = _run(project, "check")
    assert code == 1
    _assert_located(stderr, project, expected)
    code, stderr = _run(project, "build")
    assert code == 1
    _assert_located(stderr, project, expected)
    assert "No site was built." in stderr
    assert _snapshot(project) == before
