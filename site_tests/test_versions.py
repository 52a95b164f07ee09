"""Versions on the built site: pinned and current URLs, canonical links, banners, selector, summaries, badges."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator import pages, versions_ui
from generator.data.load import Guideline
from generator.diff import KINDS, diff, pairs
from generator.i18n import LANGUAGES, STRINGS
from site_tests.test_build import missing_pages_and_anchors

VERSIONS = ("2023", "2025", "2026-2027")


def html_of(site: Path, language: str, path: str) -> str:
    return (site / language / path / "index.html").read_text(encoding="utf-8")


def canonical(html: str) -> str:
    found = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    assert found, "no canonical link"
    return found.group(1)


def test_all_three_versions_are_registered(guideline: Guideline) -> None:
    assert sorted(v.id for v in guideline.versions) == sorted(VERSIONS)
    assert [v.id for v in guideline.chronological()] == list(VERSIONS)
    assert guideline.current.id == "2026-2027"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("version_id", VERSIONS)
def test_every_item_has_a_pinned_page_and_anchor(guideline: Guideline, built_site: Path, language: str, version_id: str) -> None:
    locations = pages.item_locations(guideline.version(version_id))
    problems = missing_pages_and_anchors(built_site, language, locations, folder=pages.pinned("", version_id))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_current_version_lives_at_both_addresses_with_one_canonical(built_site: Path, public_url: str, language: str) -> None:
    path = "interventies/regie-op-veelgebruikers"
    unversioned = html_of(built_site, language, path)
    pinned = html_of(built_site, language, f"2026-2027/{path}")
    assert canonical(unversioned) == f"{public_url}{language}/{path}/"
    assert canonical(pinned) == f"{public_url}{language}/{path}/"
    superseded = html_of(built_site, language, f"2025/{path}")
    assert canonical(superseded) == f"{public_url}{language}/2025/{path}/"
    other = "en" if language == "nl" else "nl"
    sitemap = (built_site / "sitemap-languages.xml").read_text(encoding="utf-8")
    assert f'hreflang="{other}" href="{public_url}{other}/2025/{path}/"' in sitemap


@pytest.mark.parametrize("language", LANGUAGES)
def test_banners_say_superseded_and_reconstructed(guideline: Guideline, built_site: Path, language: str) -> None:
    strings = STRINGS[language]
    for version in guideline.versions:
        for location in set(pages.item_locations(version).values()):
            src = location.src_uri
            html = html_of(built_site, language, pages.pinned(src, version.id).removesuffix("index.md").rstrip("/"))
            superseded = version.meta.status != "current"
            assert (strings["superseded_title"] in html) == superseded, (version.id, src)
            assert (strings["reconstructed_title"] in html) == (version.reconstruction is not None), (version.id, src)
    current_home = html_of(built_site, language, "interventies")
    assert strings["superseded_title"] not in current_home and strings["reconstructed_title"] not in current_home


def test_reconstruction_banner_links_to_its_sources_and_the_official_document(built_site: Path) -> None:
    html = html_of(built_site, "nl", "2023/groeimodel")
    assert 'href="../../2023/#reconstructie"' in html
    assert "https://open.overheid.nl/documenten/b10a45ea-f457-439f-b683-539d9b03867e/file" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_unknown_texts_are_stated_not_copied(guideline: Guideline, built_site: Path, language: str) -> None:
    html = html_of(built_site, language, "2025/leidraad")
    assert STRINGS[language]["text_unknown"] in html
    introduction = getattr(guideline.current.document.introduction.body, language)
    first_sentence = introduction.split(". ")[0]
    assert first_sentence not in html
    assert first_sentence in html_of(built_site, language, "leidraad")


def test_version_selector_keeps_the_page_or_says_it_is_missing(guideline: Guideline, built_site: Path) -> None:
    html = html_of(built_site, "nl", "interventies/aanmeldzuil")
    selector = html[html.index('data-gl-component="version"'):]
    selector = selector[: selector.index("</details>")]
    assert 'href="../../2025/interventies/aanmeldzuil/"' in selector
    assert 'href="../../2023/interventies/aanmeldzuil/"' in selector  # possibly there in 2023: it has a page
    pinned = html_of(built_site, "nl", "2023/interventies/flexibele-consultduur")
    assert 'href="../../../interventies/flexibele-consultduur/"' in pinned
    # No intervention is known to be missing from an earlier version, so the missing case is given its pages.
    existing = {"interventies/aanmeldzuil/index.md", "2025/interventies/aanmeldzuil/index.md", "2023/interventies/index.md"}
    facts = versions_ui.page_version(guideline, "nl", "2026-2027", "interventies/aanmeldzuil/index.md", False, existing)
    [entry] = [e for e in facts["selector"] if e["id"] == "2023"]
    # It lands on the list, and the landing page is told which version the reader came from.
    assert entry["missing"] and entry["path"] == "2023/interventies/" + pages.missing_query("2026-2027")


def test_pinned_pages_have_their_own_version_navigation(built_site: Path) -> None:
    from urllib.parse import urljoin

    here = "https://x/nl/2023/interventies/time-out-verwijzingen/"
    nav = html_of(built_site, "nl", "2023/interventies/time-out-verwijzingen")
    targets = {urljoin(here, href) for href in re.findall(r'<a href="([^"]+)"[^>]*class="md-nav__link', nav)}
    assert "https://x/nl/2023/groeimodel/" in targets
    assert "https://x/nl/2023/interventies/flexibele-consultduur/" in targets
    assert not any("/2025/" in t or "/2026-2027/" in t for t in targets)


def test_search_indexes_current_once_and_labels_other_versions(built_site: Path) -> None:
    assert "data-pagefind-body" in html_of(built_site, "nl", "groeimodel")
    assert "data-pagefind-body" not in html_of(built_site, "nl", "2026-2027/groeimodel")
    assert "data-pagefind-body" not in html_of(built_site, "nl", "wijzigingen/2025-naar-2026-2027/redline")
    earlier = html_of(built_site, "nl", "2025/groeimodel")
    assert '<span data-pagefind-meta="version" hidden>Leidraad MTVP 2025</span>' in earlier
    assert 'data-pagefind-weight="0.4"' in earlier


@pytest.mark.parametrize("language", LANGUAGES)
def test_change_summary_counts_match_the_diff(guideline: Guideline, built_site: Path, language: str) -> None:
    for old, new in pairs(guideline.chronological()):
        changes = diff(old, new)
        # Cells carry their column's heading for phones (generator/tables.py); the counts are what is checked here.
        html = re.sub(r' data-label="[^"]*"', "", html_of(built_site, language, f"wijzigingen/{old.id}-naar-{new.id}"))
        for kind in KINDS:
            count = changes.counts()[kind]
            label = STRINGS[language][f"change_{kind}"]
            if count:
                assert f"{label}</a></td>\n<td>{count}</td>" in html, (old.id, new.id, kind)
            else:
                assert f'id="{kind}"' not in html


def test_summary_entries_link_to_both_versions(built_site: Path) -> None:
    html = html_of(built_site, "nl", "wijzigingen/2025-naar-2026-2027")
    section = html[html.index('id="uncertain"'):]
    assert 'href="../../2026-2027/interventies/aanmeldzuil/"' in section
    assert 'href="../../2025/interventies/aanmeldzuil/"' in section
    assert "mura.nl" in section  # evidence shown with the entry


def test_changes_without_a_text_are_listed_with_their_evidence(guideline: Guideline, built_site: Path) -> None:
    html = html_of(built_site, "nl", "wijzigingen/2025-naar-2026-2027")
    notes = guideline.version("2025").reconstruction.change_notes  # type: ignore[union-attr]
    assert notes
    section = html[html.index('id="zonder-tekst"') :]
    for note in notes:
        assert note.text.nl.split(",")[0] in section
    data = json.loads((built_site / "api" / "changes" / "2025-naar-2026-2027.json").read_text(encoding="utf-8"))
    assert [n["text"]["nl"] for n in data["notes"]] == [n.text.nl for n in notes]


def test_home_page_links_to_what_changed(built_site: Path) -> None:
    html = (built_site / "nl" / "index.html").read_text(encoding="utf-8")
    assert 'href="wijzigingen/2025-naar-2026-2027/"' in html
    assert STRINGS["nl"]["changes_since"].format(version="Leidraad MTVP 2025") in html


def test_badges_in_pages_and_navigation(built_site: Path) -> None:
    html = html_of(built_site, "nl", "interventies/laagdrempelige-eenmalige-consultatie")
    assert (
        '<a class="gl-badge gl-badge--changed" href="../../wijzigingen/2025-naar-2026-2027/'
        '#wijziging-laagdrempelige-eenmalige-consultatie"' in html
    )
    assert '<span data-pagefind-meta="badge" hidden>gewijzigd</span>' in html
    assert '<span data-pagefind-meta="badgekind" hidden>changed</span>' in html
    assert "md-status--changed" in html  # Material's status icon in the navigation
    possibly = html_of(built_site, "nl", "interventies/aanmeldzuil")
    assert '>mogelijk nieuw</a>' in possibly and "md-status--possibly_new" in possibly
    assert '<span data-pagefind-meta="badge" hidden>mogelijk nieuw</span>' in possibly
    assert "gl-badge" not in html_of(built_site, "nl", "interventies/time-out-verwijzingen").split("md-content")[1].split("md-footer")[0]


BADGE = re.compile(r'<a class="gl-badge gl-badge--(\w+)" href="([^"#]+)#wijziging-([\w-]+)"')
#: The one classification every view shares: badge kind -> the diff's change kinds.
BADGE_KINDS = {"new": {"added"}, "changed": {"changed", "renamed", "moved", "merged"}, "possibly_new": {"uncertain"}}


@pytest.mark.parametrize("language", LANGUAGES)
def test_badges_change_list_and_feed_agree_and_new_only_where_added(
    guideline: Guideline, built_site: Path, language: str
) -> None:
    from urllib.parse import urljoin

    feed = (built_site / f"feed-{language}.xml").read_text(encoding="utf-8")
    for version in guideline.chronological()[1:]:
        previous = guideline.previous(version)
        assert previous is not None
        kinds = {c.item_id: c.kind for c in diff(previous, version).changes}
        summary_path = f"wijzigingen/{previous.id}-naar-{version.id}"
        summary = html_of(built_site, language, summary_path)
        seen = 0
        for location in set(pages.item_locations(version).values()):
            path = pages.pinned(location.src_uri, version.id).removesuffix("index.md").rstrip("/")
            for kind, href, item_id in BADGE.findall(html_of(built_site, language, path)):
                seen += 1
                assert kinds.get(item_id) in BADGE_KINDS[kind], (version.id, item_id, kind, kinds.get(item_id))
                target = urljoin(f"https://x/{language}/{path}/", href)
                assert target == f"https://x/{language}/{summary_path}/", (item_id, href)
                assert f'id="wijziging-{item_id}"' in summary, item_id
        assert seen, version.id
        # The feed counts the same kinds under the same names as the change list.
        for kind, count in diff(previous, version).counts().items():
            if count and kind != "unknown":
                assert f"{count} × {STRINGS[language]['change_' + kind].lower()}" in feed


def test_redline_marks_insertions_for_screen_readers(built_site: Path) -> None:
    html = html_of(built_site, "en", "wijzigingen/2025-naar-2026-2027/redline")
    assert '<ins class="gl-change" tabindex="-1"><span class="gl-sr">[inserted: </span>' in html
    assert "data-gl-next-change" in html


def test_change_json_validates_and_its_urls_exist(built_site: Path, public_url: str) -> None:
    import jsonschema

    schema = json.loads((built_site / "api" / "changes.schema.json").read_text(encoding="utf-8"))
    files = sorted((built_site / "api" / "changes").glob("*.json"))
    assert [f.stem for f in files] == ["2023-naar-2025", "2023-naar-2026-2027", "2025-naar-2026-2027"]
    for file in files:
        document = json.loads(file.read_text(encoding="utf-8"))
        jsonschema.validate(document, schema)
        for change in document["changes"]:
            for urls in (change["old_urls"], change["new_urls"]):
                for url in (urls or {}).values():
                    path = url.removeprefix(public_url).split("#")[0]
                    assert (built_site / path / "index.html").is_file(), url
