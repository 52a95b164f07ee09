"""House style checks that run with the suite: mypy --strict on the package, ruff on package and tests."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from site_tests.conftest import ROOT


def test_mypy_strict() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "generator"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "generator", "site_tests"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


#: A quoted run of this many words or more that stands in a guideline text is a guideline sentence, not a label.
SENTENCE_WORDS = 6
CODE_FILES = ("generator/**/*.py", "generator/templates/**/*.j2", "overrides/**/*.html", "overrides/**/*.mjs",
              "site_tests/**/*.py", "site_tests/**/*.mjs")


def _guideline_texts() -> str:
    texts = " ".join(path.read_text(encoding="utf-8") for path in (ROOT / "guideline_data").rglob("*.yaml"))
    return re.sub(r"\s+", " ", texts)


def test_the_guideline_s_text_is_data_no_code_or_test_quotes_a_sentence_of_it() -> None:
    texts = _guideline_texts()
    found = []
    for pattern in CODE_FILES:
        for path in sorted(ROOT.glob(pattern)):
            source = path.read_text(encoding="utf-8")
            for match in re.finditer(r"[\"'“]([^\"'”\n]+)[\"'”]", source):
                quoted = re.sub(r"\s+", " ", match.group(1)).strip()
                if len(quoted.split()) >= SENTENCE_WORDS and quoted in texts:
                    line = source.count("\n", 0, match.start()) + 1
                    found.append(f"{path.relative_to(ROOT)}:{line}: {quoted[:70]}")
    assert not found, "guideline text in code or tests (read it from the data instead):\n" + "\n".join(found)


def what_is_where() -> str:
    """The README's map of the code (its "What is where" section)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## What is where"):]
    return section[: section.index("\n## ", 1)]


def unmapped_modules(generator: Path, section: str) -> list[str]:
    """Python modules of `generator` that the section does not name, or that do not open with a comment on
    their job."""
    found = []
    for module in sorted(generator.rglob("*.py")):
        if module.name == "__init__.py" or "__pycache__" in module.parts:
            continue
        named = re.search(rf"(?<![\w/.]){re.escape(module.name)}\b", section)
        if named is None or not ast.get_docstring(ast.parse(module.read_text(encoding="utf-8"))):
            found.append(module.relative_to(generator).as_posix())
    return found


def test_every_module_says_its_job_and_the_readme_maps_it() -> None:
    assert unmapped_modules(ROOT / "generator", what_is_where()) == []


def test_a_module_left_off_the_map_is_found(tmp_path: Path) -> None:
    (tmp_path / "named.py").write_text('"""A job."""\n', encoding="utf-8")
    (tmp_path / "unnamed.py").write_text('"""A job."""\n', encoding="utf-8")
    (tmp_path / "silent.py").write_text("x = 1\n", encoding="utf-8")
    assert unmapped_modules(tmp_path, "named.py does a job; silent.py too") == ["silent.py", "unnamed.py"]
