"""Each layer keeps to its job: the data layer says no words of the interface, Python that renders pages builds
no markup (templates do), and the plugin finds the pinned versions' navigation by name, not by position."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation, Section

from generator import versions_ui
from generator.data.load import Guideline
from generator.data.reconstruct import UNKNOWN
from generator.i18n import STRINGS, words
from generator.languages import LANGUAGES
from generator.plugin import GuidelinePlugin

GENERATOR = Path(__file__).parent.parent / "generator"

#: Modules whose markup lives in templates (generator/templates/): they choose, count and pair, and pass values.
RENDERING_MODULES = (
    "render.py", "render_changes.py", "render_removed.py", "render_print.py", "redline.py", "site.py", "citations.py"
)
#: An HTML tag or comment opening in a string.
HTML_TAG = re.compile(r"<[a-zA-Z/!]")


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_data_layer_imports_no_interface_strings_or_rendering() -> None:
    presentation = ("generator.i18n", "generator.strings", "generator.render", "generator.snippets")
    offending = {
        path.name: sorted(name for name in _imports(path) if name.startswith(presentation))
        for path in sorted((GENERATOR / "data").glob("*.py"))
    }
    assert not {name: found for name, found in offending.items() if found}


def test_an_unknown_text_holds_a_code_and_the_presentation_says_it_in_words(guideline: Guideline) -> None:
    text = guideline.version("2025").document.introduction.body
    assert text.unknown
    assert all(text.get(language) == UNKNOWN for language in LANGUAGES)
    assert all(words(text, language) == STRINGS[language]["text_unknown"] for language in LANGUAGES)


def _markup_strings(path: Path) -> list[str]:
    """`file:line: string` of each string literal holding an HTML tag, docstrings and regular expressions left out."""
    tokens = list(tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline))
    found = []
    for index, token in enumerate(tokens):
        if token.type != tokenize.STRING or not HTML_TAG.search(token.string):
            continue
        before = [t for t in tokens[:index] if t.type not in (tokenize.NL, tokenize.COMMENT)]
        if not before or before[-1].type in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            continue  # a docstring
        if len(before) >= 2 and before[-2].string in ("compile", "sub", "search", "match", "findall", "finditer"):
            continue  # a regular expression reading markup, not making it
        found.append(f"{path.name}:{token.start[0]}: {token.string[:80]}")
    return found


@pytest.mark.parametrize("module", RENDERING_MODULES)
def test_rendering_python_builds_no_html(module: str) -> None:
    assert _markup_strings(GENERATOR / module) == []


def test_the_markup_check_finds_html_in_a_string(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('"""Doc <b>."""\nimport re\nPATTERN = re.compile(r"<p>")\nx = f\'<span class="a">{1}</span>\'\n')
    assert [line.split(":")[1] for line in _markup_strings(sample)] == ["4"]


def _plugin_with_versions(*version_ids: str) -> GuidelinePlugin:
    plugin = GuidelinePlugin()
    plugin.pinned = dict.fromkeys(version_ids)  # type: ignore[assignment]  # only the ids are read
    return plugin


def test_the_plugin_takes_the_pinned_versions_sections_out_by_name_wherever_they_stand() -> None:
    home, about = Section("Home", []), Section("About", [])
    newer, older = Section(versions_ui.nav_key("2025"), []), Section(versions_ui.nav_key("2023"), [])
    nav = Navigation([home, newer, about, older], [])
    plugin = _plugin_with_versions("2025", "2023")
    result = plugin.on_nav(nav, config=None, files=None)  # type: ignore[arg-type]
    assert result.items == [home, about]
    assert plugin.version_navs == {"2025": newer, "2023": older}


def test_the_plugin_refuses_a_navigation_without_a_pinned_versions_section() -> None:
    nav = Navigation([Section("Home", []), Section(versions_ui.nav_key("2025"), [])], [])
    with pytest.raises(PluginError, match="2023"):
        _plugin_with_versions("2025", "2023").on_nav(nav, config=None, files=None)  # type: ignore[arg-type]
