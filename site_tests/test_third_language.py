"""Languages come from one configuration: with a third language code added there (and its interface strings),
the synthetic guideline builds with every page, feed, calendar and API file in that language too.

The build runs in a child process because the configuration is read once, when `generator.languages` is imported
(the models' text fields are made from it); MTVP_LANGUAGES points the child at the test's configuration.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from generator.languages import CONFIG_FILE, CONFIG_VARIABLE, LANGUAGES
from site_tests.conftest import ROOT

THIRD = "de"
#: Every interface string of the third language carries this mark, so a page in it shows where its words come from.
MARK = "[de]"
SITE_URL = "https://example.org/mtvp/"


def _configuration(folder: Path) -> Path:
    """The real language configuration plus a third language, whose strings are the English ones marked."""
    config = yaml.safe_load(CONFIG_FILE.read_text(encoding="utf-8"))
    for language in config["languages"]:
        language["strings"] = str((CONFIG_FILE.parent / language["strings"]).resolve())
    english = next(language for language in config["languages"] if language["code"] == "en")
    strings = yaml.safe_load(Path(english["strings"]).read_text(encoding="utf-8"))
    third_strings = folder / f"{THIRD}.yaml"
    third_strings.write_text(
        yaml.safe_dump({key: f"{MARK} {value}" for key, value in strings.items()}, allow_unicode=True), encoding="utf-8"
    )
    config["languages"].append(
        {
            "code": THIRD, "name": "Deutsch", "english_name": "German", "locale": "de_DE", "date_locale": "de-DE",
            "strings": str(third_strings),
        }
    )
    path = folder / "languages.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def three_language_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("three-languages")
    project, output = folder / "project", folder / "site"
    script = (
        "import sys; from pathlib import Path; from site_tests.synthetic import write_project; "
        "from generator.site import build_site; "
        f"build_site(write_project(Path(sys.argv[1])), Path(sys.argv[2]), site_url={SITE_URL!r})"
    )
    environment = {**os.environ, CONFIG_VARIABLE: str(_configuration(folder))}
    result = subprocess.run(
        [sys.executable, "-c", script, str(project), str(output)],
        cwd=ROOT, env=environment, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return output


def _pages(site: Path, language: str) -> set[str]:
    return {
        path.relative_to(site / language).as_posix()
        for path in (site / language).rglob("*.html")
        if "pagefind" not in path.parts
    }


def test_the_configured_languages_are_two_without_the_test_configuration() -> None:
    assert THIRD not in LANGUAGES


def test_every_page_exists_in_the_third_language(three_language_site: Path) -> None:
    pages = _pages(three_language_site, THIRD)
    assert len(pages) > 50
    for language in LANGUAGES:
        assert _pages(three_language_site, language) == pages


def test_every_page_of_the_third_language_speaks_it(three_language_site: Path) -> None:
    for name in sorted(_pages(three_language_site, THIRD)):
        html = (three_language_site / THIRD / name).read_text(encoding="utf-8")
        assert f'<html lang="{THIRD}"' in html, name
        assert MARK in html, f"{name}: no interface string of the third language"
        if name != "open-data/index.html":  # its example of an API file shows a text in every language
            assert "(en)" not in html and "(nl)" not in html, f"{name}: a text in another language"
    index = (three_language_site / THIRD / "index.html").read_text(encoding="utf-8")
    assert f"Definitie ({THIRD})" in index, "the guideline data's own texts in the third language"
    assert '<meta property="og:locale" content="de_DE">' in index


def test_feed_calendar_plan_data_embed_and_search_index_exist_in_the_third_language(three_language_site: Path) -> None:
    feed = ET.parse(three_language_site / f"feed-{THIRD}.xml").getroot()
    titles = [element.text or "" for element in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert titles[0].startswith(MARK) and all(f"({THIRD})" in title for title in titles[1:]), titles
    calendar = (three_language_site / THIRD / "cyclus" / "mtvp-cyclus.ics").read_text(encoding="utf-8")
    assert f"Start ({THIRD})" in calendar
    plan = json.loads((three_language_site / THIRD / "plan" / "data.json").read_text(encoding="utf-8"))
    assert plan["strings"]["plan_title"].startswith(MARK)
    embed = (three_language_site / "embed" / f"groeimodel-{THIRD}.html").read_text(encoding="utf-8")
    assert f'lang="{THIRD}"' in embed and f"Rustig werken ({THIRD})" in embed
    assert (three_language_site / THIRD / "pagefind" / "pagefind.js").is_file()


def test_api_files_carry_the_third_language(three_language_site: Path) -> None:
    current = json.loads((three_language_site / "api" / "current.json").read_text(encoding="utf-8"))
    urls = current["urls"]["samen-plannen"]
    assert urls["current"][THIRD] == f"{SITE_URL}{THIRD}/interventies/samen-plannen/"
    assert urls["pinned"][THIRD].startswith(f"{SITE_URL}{THIRD}/")
    intervention = next(item for item in current["interventions"] if item["id"] == "samen-plannen")
    assert intervention["title"][THIRD] == f"Samen plannen ({THIRD})"
    schema = json.loads((three_language_site / "api" / "schema.json").read_text(encoding="utf-8"))
    assert THIRD in schema["$defs"]["Text"]["required"]


def test_root_files_offer_the_third_language(three_language_site: Path) -> None:
    root = (three_language_site / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{THIRD}/" hreflang="{THIRD}" lang="{THIRD}">Deutsch</a>' in root
    not_found = (three_language_site / "404.html").read_text(encoding="utf-8")
    assert f'<section lang="{THIRD}">' in not_found
    sitemap = (three_language_site / "sitemap-languages.xml").read_text(encoding="utf-8")
    assert f'hreflang="{THIRD}" href="{SITE_URL}{THIRD}/interventies/samen-plannen/"' in sitemap
    index = (three_language_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{SITE_URL}{THIRD}/sitemap.xml" in index
