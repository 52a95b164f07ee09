"""The Nu HTML Checker (vnu, npm `vnu-jar`) finds no error of ours on one page of every kind in both languages.

All pages go to one checker run (a Java start-up costs seconds). The only errors allowed are the theme's own, listed
in THEME_ERRORS with their reason; a plain Material site has them too. The checker needs Java: without it these
tests skip locally and fail in CI (`.ci/run` installs Debian's runtime), like the browser tests.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pytest

from generator.i18n import LANGUAGES
from site_tests.browser import PAGE_TYPES
from site_tests.conftest import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

#: Page kinds beyond the browser tests' PAGE_TYPES: the current version's pinned copy (canonical link to the
#: unversioned page) and a reconstructed version's minimum hurdle (the other template with nested lists).
EXTRA_PAGE_TYPES = {
    "pinned current timeline": "2026-2027/cyclus/",
    "pinned reconstructed minimum hurdle": "2025/minimale-horde/",
}
#: Files outside the language builds: the language chooser at the root and the embeddable growth models.
ROOT_PAGES = ["index.html", *(f"embed/groeimodel-{language}.html" for language in LANGUAGES)]


@dataclass(frozen=True)
class ThemeError:
    """An error in Material's own markup: the checker's message and the offending tag, both as patterns."""

    message: str
    markup: str
    reason: str

    def matches(self, error: dict[str, object]) -> bool:
        return bool(re.search(self.message, str(error["message"])) and re.fullmatch(self.markup, markup(error)))


THEME_ERRORS = (
    ThemeError(
        message=r"^Attribute “autocomplete” is only allowed when the input type is ",
        markup=r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__\1" autocomplete="off">',
        reason="Material's base.html sets autocomplete=off on the checkboxes that open its drawer and search, so that "
        "Firefox does not restore them checked on going back; HTML allows the attribute on text-like inputs only.",
    ),
    ThemeError(
        message=r"^Bad value “” for attribute “tabindex” on element “label”",
        markup=r'<label class="md-nav__link" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">',
        reason="Material's partials/nav-item.html writes tabindex=\"{{ tabindex }}\", which is empty for the "
        "section labels of navigation.sections; browsers ignore the empty value, so the labels stay unfocusable.",
    ),
)

#: A page with the mistakes this suite once shipped, checked in the same run: proof that the checker reports them.
BROKEN_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>broken</title></head>
<body><script defer src="a.mjs" type="module"></script>
<p><p>nested</p></p><label for="nothing">label</label>
<table><tr><td>1</td><p><td>2</td></tr></table></body></html>
"""


def markup(error: dict[str, object]) -> str:
    """The tag the checker highlights in its extract."""
    start, length = int(error.get("hiliteStart", 0)), int(error.get("hiliteLength", 0))  # type: ignore[call-overload]
    return str(error.get("extract", ""))[start : start + length]


def page_files(site: Path) -> dict[str, Path]:
    """One built file per page kind and language, by a readable name."""
    files = {}
    for language in LANGUAGES:
        for kind, path in {**PAGE_TYPES, **EXTRA_PAGE_TYPES}.items():
            # The 404 page is reached at a missing path; its file is the language's 404.html.
            files[f"{language}: {kind}"] = site / language / ("404.html" if kind == "404" else path + "index.html")
    for name in ROOT_PAGES:
        files[name] = site / name
    return files


def java() -> str:
    found = shutil.which("java")
    if found is None:
        message = "Java is not installed (Debian package `default-jre-headless`); the HTML checker needs it"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must install it (.ci/run does)")
        pytest.skip(message)
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR} is missing: run `npm ci` (make test does)")
    return found


@pytest.fixture(scope="module")
def checked(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[Path, list[dict[str, object]]]:
    """Every page of `page_files` and BROKEN_PAGE through one checker run: the errors of each file."""
    broken = tmp_path_factory.mktemp("vnu") / "broken.html"
    broken.write_text(BROKEN_PAGE, encoding="utf-8")
    files = [*page_files(built_site).values(), broken]
    missing = [str(path) for path in files if not path.is_file()]
    assert not missing, f"pages to check are missing: {missing}"
    result = subprocess.run(
        [java(), "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", *map(str, files)],
        capture_output=True, text=True, check=False, timeout=300,
    )
    # Exit status 1 means "errors found"; anything else, or no report, means the checker itself failed.
    assert result.returncode in (0, 1) and result.stdout, f"the checker failed ({result.returncode}): {result.stderr}"
    messages = json.loads(result.stdout)["messages"]
    by_file: dict[Path, list[dict[str, object]]] = {path.resolve(): [] for path in files}
    for message in messages:
        url = str(message.get("url", ""))
        assert url.startswith("file:"), f"the checker did not check a file: {message}"
        by_file[Path(url.removeprefix("file:")).resolve()].append(message)
    by_file[Path("broken")] = by_file.pop(broken.resolve())
    return by_file


def describe(error: dict[str, object]) -> str:
    return f"line {error.get('lastLine')}: {error['message']}\n    {markup(error) or error.get('extract', '')}"


@pytest.mark.parametrize("name", list(page_files(Path("site"))))
def test_page_has_no_html_errors_of_ours(
    checked: dict[Path, list[dict[str, object]]], built_site: Path, name: str
) -> None:
    errors = checked[page_files(built_site)[name].resolve()]
    ours = [error for error in errors if not any(theme.matches(error) for theme in THEME_ERRORS)]
    assert not ours, f"{name}: {len(ours)} HTML errors\n" + "\n".join(map(describe, ours))


def test_checker_reports_the_mistakes_it_guards_against(checked: dict[Path, list[dict[str, object]]]) -> None:
    messages = " | ".join(str(error["message"]) for error in checked[Path("broken")])
    assert "“type=module” must not have a “defer” attribute" in messages
    assert "No “p” element in scope but a “p” end tag seen" in messages
    assert "“for” attribute of the “label” element must be the ID of a non-hidden form control" in messages
    assert "Start tag “p” seen in “table”" in messages  # the checker stops after this one: it comes last


def test_every_allowed_theme_error_still_occurs(checked: dict[Path, list[dict[str, object]]]) -> None:
    """The allow-list stays as short as the theme allows: an entry the theme no longer needs is removed."""
    errors = [error for path, found in checked.items() if path != Path("broken") for error in found]
    unused = [theme.message for theme in THEME_ERRORS if not any(theme.matches(error) for error in errors)]
    assert not unused, f"no page has these theme errors any more; remove them from THEME_ERRORS: {unused}"


def test_scripts_block_is_materials_own_with_the_bundle_deferred(built_site: Path) -> None:
    """overrides/main.html repeats Material's `scripts` block (adding `defer`): it must still be Material's block."""
    base = resources.files("material").joinpath("templates", "base.html").read_text(encoding="utf-8")
    block = re.search(r"{% block scripts %}(.*?){% endblock %}", base, re.DOTALL)
    assert block is not None, "Material's base.html has no `scripts` block any more: update overrides/main.html"
    expected = (
        "<script src=\"{{ 'assets/javascripts/bundle.HASH.min.js' | url }}\"></script> "
        "{% for script in config.extra_javascript %} {{ script | script_tag }} {% endfor %}"
    )
    found = " ".join(re.sub(r"bundle\.[0-9a-f]+\.min", "bundle.HASH.min", block.group(1)).split())
    assert found == expected, "Material's `scripts` block changed: update the copy in overrides/main.html"
    page = (built_site / "nl" / "index.html").read_text(encoding="utf-8")
    bundle = re.search(r'<script defer src="(assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>', page)
    assert bundle is not None and (built_site / "nl" / bundle.group(1)).is_file()
