"""Deployment safety: a build without a public URL is portable, `serve` leaves site/ alone, one build at a time,
an atomic swap, a clean Ctrl-C, a page at the address of a removed item, and no unused Material search files.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import urldefrag

import pytest

from generator.data.load import Guideline
from generator.i18n import LANGUAGES, ui
from generator.render import long_date
from generator.swap import build_lock, swap_into_place
from site_tests.conftest import ROOT, broken_links

REMOVED = "vervallen-interventie"
#: An intervention that only the 2025 reconstruction has, so 2026-2027 removed it.
ADDITION = f"""
added:
  - file: interventions.yaml
    path: interventions
    item:
      id: {REMOVED}
      core_element: anders-werken-in-de-praktijk
      number: 99
      title: {{nl: Vervallen interventie, en: Removed intervention}}
      source: {{page: 6}}
      appendix_missing: {{nl: Geen beschrijving., en: No description.}}
    evidence:
      - tag: SRC
        basis: https://example.org/test-source
        shows: text
        quote: Vervallen interventie
        note: {{nl: Vervallen omdat de test dat wil., en: Removed because the test says so.}}
"""
ATTRIBUTE = re.compile(r'\s(?:href|src|content|action)="([^"]*)"')


def _project(folder: Path) -> Path:
    for name in ("mkdocs.yml", "content", "overrides", "guideline_data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    return folder


def _build(project: Path, output: str = "site", **popen: object) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "build", "--output", output],
        capture_output=True, text=True, cwd=ROOT, env=env, check=False, timeout=600, **popen,  # type: ignore[call-overload]
    )


@pytest.fixture(scope="module")
def portable(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A build without SITE_URL of a project whose 2025 version has an intervention that 2026-2027 removed."""
    project = _project(tmp_path_factory.mktemp("portable"))
    overlay = project / "guideline_data" / "2025" / "reconstruction.yaml"
    overlay.write_text(overlay.read_text(encoding="utf-8") + ADDITION, encoding="utf-8")
    result = _build(project)
    assert result.returncode == 0, result.stderr
    return project / "site", result.stderr


def test_build_without_site_url_says_it_is_portable(portable: tuple[Path, str]) -> None:
    _, stderr = portable
    assert "No SITE_URL: building a portable site (relative links only" in stderr


def test_portable_build_makes_no_claim_that_needs_the_public_address(portable: tuple[Path, str]) -> None:
    site, _ = portable
    for language in LANGUAGES:
        assert not (site / language / "sitemap.xml").exists() and not (site / language / "sitemap.xml.gz").exists()
        assert not (site / f"feed-{language}.xml").exists()
        assert "URL:" not in (site / language / "cyclus" / "mtvp-cyclus.ics").read_text(encoding="utf-8")
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap-languages.xml").exists()
    assert "Sitemap" not in (site / "robots.txt").read_text(encoding="utf-8")
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'rel="canonical"' not in text and 'property="og:url"' not in text, page
        assert "application/atom+xml" not in text, page
        for target in ATTRIBUTE.findall(text):
            assert not target.startswith(("/", "http://127.0.0.1", "http://localhost")), f"{page}: {target}"


def test_portable_build_links_resolve_relatively(portable: tuple[Path, str]) -> None:
    site, _ = portable
    broken = broken_links(site)
    assert not broken, broken[:10]


def test_portable_api_addresses_are_relative_to_each_file(portable: tuple[Path, str]) -> None:
    site, _ = portable
    for path in [site / "api" / "current.json", *(site / "api" / "changes").glob("*.json")]:
        document = json.loads(path.read_text(encoding="utf-8"))
        assert (path.parent / document["$schema"]).resolve().is_file()
        addresses = re.findall(r'"((?:\.\./)+(?:nl|en)/[^"#]*)', path.read_text(encoding="utf-8"))
        assert addresses
        for address in addresses:
            assert ((path.parent / address).resolve() / "index.html").is_file(), address
    schema = json.loads((site / "api" / "schema.json").read_text(encoding="utf-8"))
    assert "$id" not in schema and '"format": "uri"' not in json.dumps(schema)
    assert '"format": "uri-reference"' in json.dumps(schema)


@pytest.mark.parametrize("language", LANGUAGES)
def test_removed_item_keeps_a_page_saying_when_and_why(
    portable: tuple[Path, str], language: str, guideline: Guideline
) -> None:
    site, _ = portable
    page = site / language / "interventies" / REMOVED / "index.html"
    text = page.read_text(encoding="utf-8")
    current = guideline.version("2026-2027").meta
    assert ui(language, "removed_notice", version=getattr(current.label, language)) in text
    assert ui(language, "removed_valid_from", date=long_date(current.valid_from, language)) in text
    assert ("Vervallen omdat de test dat wil." if language == "nl" else "Removed because the test says so.") in text
    links = {target for target in ATTRIBUTE.findall(text) if target.startswith("../")}
    last_text = (page.parent / f"../../2025/interventies/{REMOVED}/").resolve() / "index.html"
    summary = (page.parent / "../../wijzigingen/2025-naar-2026-2027/").resolve() / "index.html"
    assert last_text.is_file() and summary.is_file()
    resolved = {(page.parent / urldefrag(link).url).resolve() / "index.html" for link in links}
    assert last_text in resolved and summary in resolved


def test_serve_builds_elsewhere_and_leaves_site_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs import livereload

    import generator.site as site_module

    built: list[Path] = []
    monkeypatch.setattr(site_module, "build_site", lambda root, output, *args, **kwargs: built.append(output) or 0.0)

    class NoServer:
        def __init__(self, **kwargs: object) -> None:
            self.root = kwargs["root"]

        def watch(self, path: str) -> None:
            pass

        def serve(self) -> None:
            pass

        def shutdown(self) -> None:
            pass

    monkeypatch.setattr(livereload, "LiveReloadServer", NoServer)
    site_module.serve(tmp_path)
    assert built and all(output != tmp_path / "site" for output in built)
    assert built[0].name.startswith(".site-")  # ignored by git, like the staging folders


def test_second_build_into_the_same_folder_is_refused_clearly(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "site").mkdir()
    (project / "site" / "kept.txt").write_text("the deployed site", encoding="utf-8")
    with build_lock(project / "site"):
        result = _build(project)
    assert result.returncode == 1
    assert f"another build into site/ is running (process {os.getpid()}" in result.stderr
    assert "Errno" not in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in (project / "site").iterdir()] == ["kept.txt"]


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2 exchange", "rename fallback"])
def test_swap_puts_the_new_site_in_place_and_the_old_one_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    from generator import swap

    if not exchange:
        monkeypatch.setattr(swap, "_exchange", lambda first, second: False)
    output, staging = tmp_path / "site", tmp_path / ".site-new"
    output.mkdir()
    staging.mkdir()
    (output / "old.txt").write_text("old", encoding="utf-8")
    (staging / "new.txt").write_text("new", encoding="utf-8")
    swap_into_place(staging, output)
    assert [p.name for p in output.iterdir()] == ["new.txt"]
    assert [p.name for p in staging.iterdir()] == ["old.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site-new", "site"]


def _interrupted_build(project: Path) -> tuple[int, str, str]:
    """Start a build, press Ctrl-C (SIGINT to the process group, as a terminal does) once MkDocs is building in
    the worker processes; the exit code, stdout and stderr."""
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(project), "build"],
        stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env, start_new_session=True,
        # A shell starts background jobs with Ctrl-C ignored, and Python then installs no handler for it: give the
        # build a terminal's foreground disposition, whatever started the test run.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # noqa: PLW1509 - no threads here yet
    )
    assert process.stderr is not None
    seen = []
    for line in process.stderr:  # wait until MkDocs is building, in the worker processes
        seen.append(line)
        if "Building documentation" in line:
            break
    os.killpg(process.pid, signal.SIGINT)
    out, rest = process.communicate(timeout=120)
    return process.returncode, out, "".join(seen) + rest


def test_ctrl_c_stops_the_build_cleanly_and_keeps_the_old_site(synthetic_project: Path) -> None:
    project = synthetic_project
    (project / "site").mkdir()
    (project / "site" / "kept.txt").write_text("the deployed site", encoding="utf-8")
    # The synthetic site builds in about a second: on a busy machine the build can finish before the signal
    # arrives. Such a run tests nothing about Ctrl-C, so it is run again; one interrupted run must show it all.
    for _ in range(3):
        code, out, stderr = _interrupted_build(project)
        if code == 0 and "Built" in out + stderr:
            (project / "site").mkdir(exist_ok=True)
            for path in (project / "site").iterdir():
                shutil.rmtree(path) if path.is_dir() else path.unlink()
            (project / "site" / "kept.txt").write_text("the deployed site", encoding="utf-8")
            continue
        break
    assert code == 130, stderr
    assert "Interrupted: no site was built (site/ is unchanged)." in stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    assert [p.name for p in (project / "site").iterdir()] == ["kept.txt"]
    assert not list(project.glob(".site-*"))


def test_material_lunr_search_and_source_maps_are_not_shipped(built_site: Path) -> None:
    for language in LANGUAGES:
        assert not (built_site / language / "search" / "search_index.json").exists()
        assert not (built_site / language / "assets" / "javascripts" / "lunr").exists()
        assert not (built_site / language / "assets" / "javascripts" / "workers").exists()
        # The search box is still there, driven by Pagefind.
        assert 'data-gl-component="search"' in (built_site / language / "index.html").read_text(encoding="utf-8")
    assert not list(built_site.rglob("*.map"))


def test_translated_records_one_version_by_default(tmp_path: Path) -> None:
    project = _project(tmp_path)
    lock = project / "guideline_data" / "2026-2027" / "translations.lock"
    lock.unlink()
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "translated"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert result.returncode == 0 and result.stdout.startswith("2026-2027: recorded ")
    assert lock.read_bytes() == (ROOT / "guideline_data" / "2026-2027" / "translations.lock").read_bytes()
    refused = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "translated", "--version", "2025"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert refused.returncode == 2 and "`2025` is not an official version" in refused.stderr


def test_published_schema_describes_data_fully_with_uri_formats(built_site: Path, public_url: str) -> None:
    import jsonschema

    from generator.data.models import VERSION_FILES

    schema = json.loads((built_site / "api" / "schema.json").read_text(encoding="utf-8"))
    data = schema["$defs"][schema["properties"]["data"]["$ref"].rsplit("/", 1)[-1]]
    assert set(data["properties"]) == {name.removesuffix(".yaml") for name in VERSION_FILES}
    assert set(data["required"]) == set(data["properties"]) and data["additionalProperties"] is False
    assert schema["$defs"]["PageUrls"]["properties"]["nl"]["format"] == "uri"
    assert schema["$id"] == f"{public_url}api/schema.json"
    current = json.loads((built_site / "api" / "current.json").read_text(encoding="utf-8"))
    assert current["$schema"] == schema["$id"]
    broken = json.loads(json.dumps(current))
    broken["data"]["interventions"]["interventions"][0]["number"] = "one"  # `data` is no longer "any object"
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(broken))
    for path in (built_site / "api" / "changes").glob("*.json"):
        assert json.loads(path.read_text(encoding="utf-8"))["$schema"] == f"{public_url}api/changes.schema.json"
