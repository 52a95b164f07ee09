"""Build tests on the real site: every text of the data is on the site in both languages, at stable paths."""

from __future__ import annotations

import datetime
import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from pydantic import BaseModel

from generator import pages
from generator.data import models as m
from generator.data.load import Guideline
from generator.i18n import LANGUAGES, STRINGS
from generator.site import build_site, robots_txt, source_date_epoch
from site_tests.conftest import ROOT

ALLOWED_ABSOLUTE = re.compile(r"^(https?://127\.0\.0\.1:\d+/mtvp/|#|mailto:)")


class _TextAndLinks(HTMLParser):
    """Collects the text inside `data-pagefind-body` (the article) and every URL-bearing attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        #: Inside a footnote marker or back-link: their numbers and arrows are not part of the text.
        self.skip = 0
        self.text: list[str] = []
        self.urls: list[str] = []
        #: URLs the browser loads by itself (scripts, images, stylesheets, icons), unlike links people follow.
        self.resources: list[str] = []
        self.ids: set[str] = set()
        self.html_lang = ""
        self.hreflang: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.html_lang = found.get("lang") or ""
        if tag == "link" and found.get("rel") == "alternate" and found.get("hreflang"):
            self.hreflang[found["hreflang"] or ""] = found.get("href") or ""
        for name in ("href", "src"):
            if found.get(name):
                self.urls.append(found[name] or "")
        if found.get("src"):
            self.resources.append(found["src"] or "")
        if tag == "link" and found.get("href") and found.get("rel") not in ("alternate", "canonical"):
            self.resources.append(found["href"] or "")
        if found.get("id"):
            self.ids.add(found["id"] or "")
        if self.depth or "data-pagefind-body" in found:
            self.depth += 1
        if self.skip or tag == "sup" or "footnote-backref" in (found.get("class") or ""):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
        if self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.text.append(data)


def parse(path: Path) -> _TextAndLinks:
    parser = _TextAndLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def words(text: str) -> str:
    return " ".join(text.split())


def markdown_words(source: str) -> str:
    """The words a reader sees for a Markdown text (footnote markers removed: they render as numbers)."""
    html = markdown.markdown(m.FOOTNOTE_REF.sub("", source), extensions=["tables", "sane_lists", "attr_list"])
    parser = _TextAndLinks()
    parser.depth = 1
    parser.feed(html)
    return words("".join(parser.text))


def all_texts(value: object, path: str = "") -> list[tuple[str, m.Text]]:
    """Every bilingual text in a model tree, with a readable path."""
    found: list[tuple[str, m.Text]] = []
    if isinstance(value, m.Text):
        found.append((path, value))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            found.extend(all_texts(getattr(value, name), f"{path}.{name}"))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.extend(all_texts(child, f"{path}[{index}]"))
    return found


def page_html(site: Path, language: str, src_uri: str) -> Path:
    folder = src_uri.removesuffix("index.md").removesuffix(".md")
    if src_uri.endswith(".md") and not src_uri.endswith("index.md"):
        folder += "/"
    return site / language / folder / "index.html"


@pytest.fixture(scope="module")
def site_text(built_site: Path) -> dict[str, str]:
    """All article text of each language, as one string of words."""
    return {
        language: words(" ".join("".join(parse(p).text) for p in sorted((built_site / language).rglob("*.html"))))
        for language in LANGUAGES
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_of_the_data_is_on_the_site(guideline: Guideline, site_text: dict[str, str], language: str) -> None:
    version = guideline.current
    missing = []
    texts = [
        (f"{name}{path}", text)
        for name in ("document", "core_elements", "interventions", "minimum_hurdle", "growth_model", "selection",
                     "objectives", "cycle", "funding", "footnotes", "corrections")
        for path, text in all_texts(getattr(version, name))
    ]
    assert len(texts) > 150
    for path, text in texts:
        expected = markdown_words(getattr(text, language))
        if expected not in site_text[language]:
            missing.append(f"{path}: {expected[:80]}")
    assert not missing, "texts not found on the site:\n" + "\n".join(missing)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_item_has_its_page_and_anchor(guideline: Guideline, built_site: Path, language: str) -> None:
    locations = pages.item_locations(guideline.current)
    assert len(locations) > 100
    problems = missing_pages_and_anchors(built_site, language, locations)
    assert not problems, "\n".join(problems)


def missing_pages_and_anchors(
    built_site: Path, language: str, locations: dict[str, pages.Location], folder: str = ""
) -> list[str]:
    """Items whose page (below `folder`, e.g. a version's pinned folder) or anchor is not in the built site."""
    problems = []
    for item_id, location in sorted(locations.items()):
        html = page_html(built_site, language, folder + location.src_uri)
        if not html.is_file():
            problems.append(f"{item_id}: no page {html}")
        elif location.anchor and location.anchor not in parse(html).ids:
            problems.append(f"{item_id}: no anchor #{location.anchor} on {folder}{location.src_uri}")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_intervention_pages_at_stable_paths(guideline: Guideline, built_site: Path, language: str) -> None:
    interventions = guideline.current.interventions.interventions
    assert len(interventions) == 19
    for intervention in interventions:
        page = built_site / language / "interventies" / intervention.id / "index.html"
        assert page.is_file(), page
        title = getattr(intervention.title, language)
        assert markdown_words(title) in words("".join(parse(page).text))


def test_english_pages_say_dutch_is_authoritative(built_site: Path) -> None:
    notice = STRINGS["en"]["authoritative_notice"]
    for page in (built_site / "en").rglob("index.html"):
        if "pagefind" in page.parts:
            continue
        html = page.read_text(encoding="utf-8")
        assert notice in html, page
    assert STRINGS["en"]["authoritative_notice"] not in (built_site / "nl" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_attributes_and_hreflang(built_site: Path, public_url: str, language: str) -> None:
    page = parse(built_site / language / "interventies" / "aanmeldzuil" / "index.html")
    assert page.html_lang == language
    assert page.hreflang == {}  # in the root sitemap (see below), so Material fetches no sitemap next to page URLs
    # The language's own sitemap, which Material parses on every first visit, stays a plain list of pages.
    assert "xhtml:link" not in (built_site / language / "sitemap.xml").read_text(encoding="utf-8")
    sitemap = (built_site / "sitemap-languages.xml").read_text(encoding="utf-8")
    assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in sitemap
    entry = sitemap[sitemap.index(f"<loc>{public_url}{language}/2025/interventies/aanmeldzuil/</loc>") :]
    entry = entry[: entry.index("</url>")]
    alternates = dict(re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>', entry))
    assert alternates == {
        "nl": f"{public_url}nl/2025/interventies/aanmeldzuil/",
        "en": f"{public_url}en/2025/interventies/aanmeldzuil/",
        "x-default": f"{public_url}nl/2025/interventies/aanmeldzuil/",
    }
    assert sitemap.count("<url>") == sitemap.count('hreflang="x-default"')
    language_pages = re.findall(r"<loc>([^<]+)</loc>", (built_site / language / "sitemap.xml").read_text(encoding="utf-8"))
    assert set(language_pages) <= set(re.findall(r"<loc>([^<]+)</loc>", sitemap))


def test_no_request_leaves_the_origin(built_site: Path) -> None:
    """Everything a page loads by itself is relative or on the site's own URL; no stylesheet imports web fonts."""
    outside = []
    for page in built_site.rglob("*.html"):
        for url in parse(page).resources:
            if "://" in url and not ALLOWED_ABSOLUTE.match(url):
                outside.append(f"{page.relative_to(built_site)}: {url}")
    assert not outside, "\n".join(outside[:20])
    for stylesheet in built_site.rglob("*.css"):
        css = stylesheet.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in css and "@import url(http" not in css, stylesheet


@pytest.mark.parametrize("language", LANGUAGES)
def test_internal_links_are_relative_so_sub_paths_work(built_site: Path, language: str) -> None:
    for page in (built_site / language).rglob("*.html"):
        if page.name == "404.html":
            continue  # Material's 404 page uses absolute URLs on purpose: it is served at any depth
        for url in parse(page).urls:
            assert not url.startswith("/"), f"{page}: root-absolute link {url} breaks under a sub-path"


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_index_per_language(built_site: Path, language: str) -> None:
    entry = json.loads((built_site / language / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == [language]
    assert entry["languages"][language]["page_count"] >= 30


def test_root_sends_visitors_to_a_language(built_site: Path) -> None:
    root = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="nl/"' in root and 'href="en/"' in root
    assert (built_site / "404.html").is_file()


def test_two_builds_of_the_same_input_are_byte_identical(synthetic_project: Path, public_url: str, tmp_path: Path) -> None:
    builds = []
    for name in ("first", "second"):
        build_site(synthetic_project, tmp_path / name, site_url=public_url)
        builds.append({p.relative_to(tmp_path / name): p.read_bytes() for p in (tmp_path / name).rglob("*") if p.is_file()})
    first, second = builds
    assert first.keys() == second.keys()
    different = [str(path) for path in first if first[path] != second[path]]
    assert not different, different
    for data in first.values():
        assert str(ROOT).encode() not in data and str(tmp_path).encode() not in data


def test_sitemap_is_dated_by_source_date_epoch(built_site: Path) -> None:
    epoch = int(source_date_epoch(ROOT))
    day = datetime.datetime.fromtimestamp(epoch, tz=datetime.UTC).date().isoformat()
    sitemap = (built_site / "nl" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<lastmod>{day}</lastmod>" in sitemap


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_unrendered_markdown_leaks_into_pages(site_text: dict[str, str], language: str) -> None:
    """Markdown inside raw HTML is not rendered unless marked: catch links and emphasis printed literally."""
    for leak in ("](/", "index.md)", "[^", "**", "{#", "{:"):
        assert leak not in site_text[language], f"unrendered Markdown {leak!r} on a {language} page"


def test_sitemaps_list_every_page(built_site: Path, public_url: str) -> None:
    index = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for listed_sitemap in ("nl/sitemap.xml", "en/sitemap.xml", "sitemap-languages.xml"):
        assert f"<loc>{public_url}{listed_sitemap}</loc>" in index
        assert (built_site / listed_sitemap).is_file()
    # Built for a sub-path, where crawlers never read a robots.txt (they read the host root's only).
    assert not (built_site / "robots.txt").exists()
    for language in LANGUAGES:
        sitemap = (built_site / language / "sitemap.xml").read_text(encoding="utf-8")
        listed = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
        assert gzip.decompress((built_site / language / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap
        pages_built = {
            f"{public_url}{language}/{p.parent.relative_to(built_site / language).as_posix()}/".replace("/./", "/")
            for p in (built_site / language).rglob("index.html")
            if "pagefind" not in p.parts
        }
        assert listed == pages_built


def test_robots_txt_only_at_a_host_root() -> None:
    """robots.txt is read at the host root only (RFC 9309): written there, with the sitemap; under a sub-path, not."""
    assert robots_txt("https://mtvp.example.nl/") == (
        "User-agent: *\nAllow: /\nSitemap: https://mtvp.example.nl/sitemap.xml\n"
    )
    assert robots_txt("https://org.github.io/mtvp/") is None
    assert robots_txt("https://org.github.io/mtvp") is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_description_canonical_and_social_metadata(built_site: Path, language: str) -> None:
    for page in (built_site / language).rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        assert '<meta name="description" content="' in html, page
        assert '<link rel="canonical" href="' in html, page
        assert '<meta property="og:title"' in html and '<meta property="og:description"' in html, page


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_script_blocks_the_first_paint(built_site: Path, language: str) -> None:
    """Every script is deferred or a module, so a phone paints the page on the stylesheets alone."""
    for page in (built_site / language).rglob("index.html"):
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", page.read_text(encoding="utf-8"))
        assert tags, page
        blocking = [tag for tag in tags if " defer" not in tag and 'type="module"' not in tag]
        assert not blocking, f"{page}: {blocking}"
