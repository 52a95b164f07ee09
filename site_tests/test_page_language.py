"""Each page speaks its own language: no Dutch interface words on English pages, no English ones on Dutch pages.

The words a page shows come from three places: the interface strings (generator/i18n.py), the data (every text in
Dutch and English) and the libraries that render them (Python-Markdown's footnotes, Material). The tests read the
built pages' text and tooltips outside elements marked with another language (`lang="nl"` on an English page marks
a Dutch document title or the link to the Dutch text, which is right).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.data.load import Guideline
from generator.i18n import STRINGS
from site_tests.browser import PAGE_TYPES

#: Attributes whose text people see (tooltips) or hear (labels).
SHOWN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
#: Python-Markdown's own English tooltip on footnote back-links, written unless configured per language.
MARKDOWN_FOOTNOTE_TITLE = "Jump back to footnote"


class _OwnLanguageText(HTMLParser):
    """The text and shown attributes of a page outside elements marked with another language than the page's."""

    def __init__(self) -> None:
        super().__init__()
        self.page_language = ""
        self.languages: list[str] = []
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.page_language = attributes.get("lang", "")
        language = attributes.get("lang", self.languages[-1] if self.languages else self.page_language)
        if language == self.page_language:
            self.parts.extend(attributes[name] for name in SHOWN_ATTRIBUTES if attributes.get(name))
        if tag in VOID:
            return
        self.languages.append(language)
        self.hidden += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not self.languages:
            return
        self.languages.pop()
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self.hidden and (not self.languages or self.languages[-1] == self.page_language):
            self.parts.append(data)


def own_language_text(path: Path) -> tuple[str, str]:
    """(the page's `lang`, its own-language text in one line)."""
    parser = _OwnLanguageText()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.page_language, " ".join(" ".join(parser.parts).split())


def only_in(language: str, other: str) -> set[str]:
    """The fixed parts of `language`'s interface strings that differ from `other`'s and could not be words of
    `other` (several words, not found in any of its strings), placeholders left out."""
    elsewhere = " ".join(STRINGS[other].values())
    found = set()
    for key, text in STRINGS[language].items():
        if text == STRINGS[other][key]:
            continue
        for part in re.split(r"\{[^}]*\}|%d", text):
            part = part.strip(" :·,.()")
            if len(part) >= 12 and " " in part and part not in elsewhere:
                found.add(part)
    return found


def page_file(site: Path, language: str, path: str) -> Path:
    file = site / language / path / "index.html"
    return file if file.is_file() else site / language / "404.html"


@pytest.mark.parametrize(("language", "other"), [("en", "nl"), ("nl", "en")])
def test_pages_contain_no_interface_strings_of_the_other_language(built_site: Path, language: str, other: str) -> None:
    foreign = only_in(other, language) | ({MARKDOWN_FOOTNOTE_TITLE} if language == "nl" else set())
    assert len(foreign) > 100  # the comparison has words to find
    found = {}
    for name, path in PAGE_TYPES.items():
        page_language, text = own_language_text(page_file(built_site, language, path))
        assert page_language == language, (name, page_language)
        hits = sorted(part for part in foreign if part in text)
        if hits:
            found[name] = hits
    assert not found, found


def test_footnote_back_links_have_a_tooltip_in_the_pages_language(built_site: Path) -> None:
    for language in ("nl", "en"):
        html = (built_site / language / "leidraad" / "index.html").read_text(encoding="utf-8")
        titles = set(re.findall(r'class="footnote-backref" href="[^"]*" title="([^"]*)"', html))
        expected = STRINGS[language]["footnote_backlink_title"].split("%d")[0]
        assert titles and all(title.startswith(expected) for title in titles), titles


def test_evidence_on_english_pages_names_its_place_in_english(built_site: Path, guideline: Guideline) -> None:
    """The evidence of a reconstruction ("footnote 2, page 6") is shown in the page's language; a document's
    title stays as written and is marked Dutch."""
    shown = 0
    for version in guideline.versions:
        if version.reconstruction is None:
            continue
        evidence = [e for items in version.reconstruction.evidence.values() for e in items]
        for language, other in (("en", "nl"), ("nl", "en")):
            texts = [own_language_text(file)[1] for file in (built_site / language / version.id).rglob("index.html")]
            text = " ".join(texts)
            for item in evidence:
                if item.locator is None:
                    continue
                mine, theirs = getattr(item.locator, language), getattr(item.locator, other)
                if theirs not in mine:
                    assert theirs not in text, (version.id, language, theirs)
                shown += mine in text
    assert shown > 20  # most evidence is cited on some page (some only backs a status, not a shown text)


def test_the_404_page_of_the_english_site_is_english_first(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    for language in ("en", "nl"):
        page.goto(site_url + f"{language}/bestaat-niet/")
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("article h1").first.inner_text() == STRINGS[language]["page_not_found"]
        assert page.title().startswith(STRINGS[language]["page_not_found"])
        assert page.locator("article section").first.get_attribute("lang") == language
        # The header and navigation of GitHub Pages' one 404 page are the default language's, and marked so.
        assert page.locator(".md-header").get_attribute("lang") == (None if language == "nl" else "nl")
