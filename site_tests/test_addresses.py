"""Public addresses come from one module: `generator/pages.py` forms them, everything else asks it.

A guard scans the code (generator/, overrides/) for a piece of an address scheme formed outside the module, and
shows that it catches one planted on purpose; the published `addresses.json` says what the module says; and a
scheme changed in the module alone changes the built site's links consistently (the synthetic guideline).
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag

import pytest

from generator import pages
from generator.languages import DEFAULT_LANGUAGE
from generator.site import build_site
from site_tests.conftest import ROOT, broken_links

#: The one module allowed to form addresses.
MODULE = ROOT / "generator" / "pages.py"
SCANNED = ("generator", "overrides")
SUFFIXES = (".py", ".j2", ".html", ".mjs", ".js")
#: A placeholder for a version or language followed by a path separator, as in `f"{version_id}/"` or
#: `{{ lang }}/`: a pinned or language folder formed by hand.
HAND_MADE_FOLDER = re.compile(r"\{\{?\s*(?:\w+\.)*\w*(?i:id|lang|language|version)\s*\}?\}/")


#: (file, piece) that look like an address piece and are something else.
NOT_ADDRESSES = {
    # A version's data folder in guideline_data/ (the data file a page is made from), not the pinned folder.
    ("generator/render.py", "{v.id}/"),
    ("generator/render_print.py", "{version.id}/"),
    ("generator/render_removed.py", "{version.id}/"),
    ("generator/data/load.py", "{version.id}/"),
    # The data's own JSON Schemas (guideline_data/schema/*.schema.json), not the API's.
    ("generator/data/schema.py", "schema.json"),
    ("generator/__main__.py", "schema.json"),
    # An HTML id on the growth-model page, not the embeddable page's name.
    ("generator/templates/growth_model.md.j2", "groeimodel-"),
}


def scheme_fragments() -> set[str]:
    """The literal pieces of the module's address patterns that mark an address being formed: each path segment
    of a pattern with its slash (`wijzigingen/`, `/redline/`), file names (`mtvp-cyclus.ics`, `data.json`),
    name prefixes (`feed-`, `groeimodel-`), the pair separator and the missing-page parameter."""
    found = {pages.MISSING_PARAMETER}
    for name, value in vars(pages).items():
        if not (name.isupper() and isinstance(value, str)):
            continue
        for run in re.split(r"\{\w+\}", value):
            if run.startswith("-") and run.endswith("-"):
                found.add(run)  # a separator between two placeholders (the pair's)
            segments = run.split("/")
            for index, segment in enumerate(segments):
                if not segment or segment == "index.md":
                    continue
                if index < len(segments) - 1:
                    found.add(segment + "/")
                elif ("." in segment or segment.endswith("-")) and not segment.startswith("."):
                    found.add(segment)
    # What a page address ends with is not a scheme of ours (`index.md`, `.md`, `.json` alone are never found).
    return {fragment for fragment in found if len(fragment.strip("/-.")) >= 3}


def _python_strings(source: str) -> Iterator[tuple[int, str]]:
    """The string literals of a module (parts of f-strings too), without docstrings: they say where things are."""
    tree = ast.parse(source)
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value
        if isinstance(node, ast.JoinedStr):
            yield node.lineno, ast.unparse(node)  # `f"{old}-naar-{new}"` as written, placeholders and all


def _without_comments(text: str) -> str:
    """A template or script without its comments (Jinja, HTML, JavaScript), which may name addresses."""
    for pattern in (r"\{#.*?#\}", r"<!--.*?-->", r"/\*.*?\*/", r"(?<![:\"'])//[^\n]*"):
        text = re.sub(pattern, lambda match: "\n" * match.group(0).count("\n"), text, flags=re.DOTALL)
    return text


def violations(path: Path, fragments: set[str]) -> list[str]:
    """`file:line: fragment` for every piece of an address scheme formed in a file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        pieces = list(_python_strings(text))
    else:
        pieces = list(enumerate(_without_comments(text).splitlines(), start=1))
    name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
    found = []
    for line, piece in pieces:
        hits = [fragment for fragment in sorted(fragments) if fragment in piece] + HAND_MADE_FOLDER.findall(piece)
        found.extend(f"{name}:{line}: {hit}" for hit in hits if (name, hit) not in NOT_ADDRESSES)
    return found


def scanned_files() -> list[Path]:
    return [
        path
        for folder in SCANNED
        for path in sorted((ROOT / folder).rglob("*"))
        if path.suffix in SUFFIXES and path.is_file() and path != MODULE
    ]


def test_the_guard_knows_the_schemes_that_a_change_would_touch() -> None:
    fragments = scheme_fragments()
    expected = {pages.PAIR.split("}")[1].split("{")[0], pages.MISSING_PARAMETER, pages.CHANGES.split("{")[0]}
    expected |= {pages.API_CHANGES.split("{")[0].split("/")[0] + "/", pages.FEED.split("{")[0]}
    assert expected <= fragments, expected - fragments
    assert pages.CALENDAR.split("/")[-1] in fragments and pages.PLAN_DATA.split("/")[-1] in fragments


def test_no_address_is_formed_outside_the_html_pagesmodule() -> None:
    fragments = scheme_fragments()
    found = [hit for path in scanned_files() for hit in violations(path, fragments)]
    assert not found, "address pieces formed outside generator/pages.py (ask it instead):\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("name", "planted"),
    [
        ("planted.py", 'def pair(old, new):\n    return f"{old}-naar-{new}"\n'),
        ("planted.py", 'PINNED = f"{version_id}/interventies/"\n'),
        ("planted.md.j2", '<a href="{{ site_root }}api/changes/{{ pair }}.json">JSON</a>\n'),
        ("planted.html", '<a href="{{ root }}{{ language }}/">home</a>\n'),
        ("planted.mjs", 'const missing = new URLSearchParams(location.search).has("ontbreekt");\n'),
        ("planted.mjs", "const changes = data.changes[`${from}-naar-${to}`];\n"),
        ("planted.mjs", "link.href = new URL(`${link.dataset.glLanguage}/${pagePath}`, siteRoot).href;\n"),
    ],
)
def test_the_guard_catches_a_planted_address(tmp_path: Path, name: str, planted: str) -> None:
    path = tmp_path / name
    path.write_text(planted, encoding="utf-8")
    assert violations(path, scheme_fragments())


def test_the_guard_ignores_what_only_names_an_address(tmp_path: Path) -> None:
    path = tmp_path / "named.py"
    path.write_text('"""Published at `/api/changes/<old>-naar-<new>.json`."""\n# the `wijzigingen/` pages\n', encoding="utf-8")
    assert not violations(path, scheme_fragments())


def test_published_addresses_json_is_the_modules_scheme(built_site: Path) -> None:
    published = json.loads((built_site / pages.ADDRESSES_FILE).read_text(encoding="utf-8"))
    assert published == pages.scheme()


def test_the_scheme_formats_to_the_addresses_the_module_makes() -> None:
    scheme = pages.scheme()
    old, new, version, lang = "2025", "2026-2027", "2025", "xx"
    assert scheme["pair"].format(old=old, new=new) == pages.pair_id(old, new)
    assert scheme["pages"]["changes"].format(pair=pages.pair_id(old, new)) == pages.url_of(pages.changes(old, new))
    assert scheme["pages"]["redline"].format(pair=pages.pair_id(old, new)) == pages.url_of(pages.redline(old, new))
    item = pages.intervention("x")
    assert scheme["pages"]["intervention"].format(id="x") == pages.url_of(item)
    assert scheme["pages"]["pinned"].format(version=version, path=pages.url_of(item)) == pages.url_of(
        pages.pinned(item, version)
    )
    assert scheme["files"]["api_changes"].format(pair=pages.pair_id(old, new)) == pages.api_changes(old, new)
    assert scheme["files"]["api_version"].format(version=version) == pages.api_version(version)
    assert scheme["files"]["feed"].format(lang=lang) == pages.feed(lang)
    assert scheme["files"]["language_root"].format(lang=lang) + pages.url_of(item) == pages.in_language(lang, item)
    assert pages.missing_query(version) == f"?{scheme['missing_parameter']}={version}"


#: Links, and the checklist's data file as its page names it.
LINK = re.compile(r'\s(?:href|src|data-gl-plan-data)="([^"]*)"')


def test_a_scheme_changed_in_the_module_alone_changes_every_link(
    synthetic_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another pair separator and pinned folder, set in generator/pages.py only: the site's pages, links, API
    files and checklist data all follow, and every link still leads to a file."""
    monkeypatch.setattr(pages, "PAIR", "{old}-tot-{new}")
    monkeypatch.setattr(pages, "PINNED", "versie/{version}/{path}")
    build_site(synthetic_project, tmp_path / "site")  # in this process: the languages fork from it
    site = tmp_path / "site"
    html_pages = [page for page in sorted(site.rglob("*.html")) if "pagefind" not in page.parts]
    links = [(page, link) for page in html_pages for link in LINK.findall(page.read_text(encoding="utf-8"))]
    assert links and not [(page, link) for page, link in links if "-naar-" in urldefrag(link).url]
    # (`changes.schema.json` names the address in its description, read from the module when it is imported.)
    api = [path for path in site.glob("api/**/*.json") if not path.name.endswith("schema.json")]
    assert api and not [path for path in api if "-naar-" in path.read_text(encoding="utf-8")]
    language = site / pages.language_root(DEFAULT_LANGUAGE)
    redlines = list(language.rglob(pages.url_of(pages.redline("*", "*")) + "index.html"))
    assert redlines and all("-tot-" in path.parent.parent.name for path in redlines)
    assert list((language / "versie").glob("*/" + pages.url_of(pages.intervention("*")) + "index.html"))
    assert list(site.glob(pages.api_changes("*", "*")))
    assert not list(site.glob(pages.API_CHANGES.format(pair="*-naar-*")))
    data = json.loads((language / pages.PLAN_DATA).read_text(encoding="utf-8"))
    assert data["changes"] and all("-tot-" in key for key in data["changes"])
    broken = broken_links(site, LINK)
    assert not broken, broken[:10]
