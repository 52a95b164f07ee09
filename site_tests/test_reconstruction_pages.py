"""Reconstructed versions on the built site say only what the evidence says.

- No page of 2023 or 2025 cites the 2026-2027 document for a text it does not know.
- No text a reconstructed page shows as guideline text mentions a date after its version.
- Every change summary opens with the editors' main changes, in both languages.
"""

from __future__ import annotations

import datetime
import html as html_lib
import re
from pathlib import Path

import pytest

from generator import pages
from generator.data import evidence_policy
from generator.data import models as m
from generator.data.load import Guideline, GuidelineVersion
from generator.diff import items, pairs
from generator.i18n import LANGUAGES, STRINGS
from generator.render import long_date
from site_tests.test_versions import html_of

SOURCE_LINE = re.compile(r'<p class="gl-source" data-gl-text="(\w+)">(.*?)</p>', re.DOTALL)


def reconstructed(guideline: Guideline) -> list[GuidelineVersion]:
    return [v for v in guideline.versions if v.reconstruction is not None]


def page_paths(version: GuidelineVersion) -> list[str]:
    return sorted({pages.pinned(loc.src_uri, version.id).removesuffix("index.md").rstrip("/") for loc in pages.item_locations(version).values()})


def article(page: str) -> str:
    return page[page.index("<article") : page.index("</article>")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_reconstructed_page_cites_the_2026_2027_document_for_unknown_text(
    guideline: Guideline, built_site: Path, language: str
) -> None:
    current_title = getattr(next(s for s in guideline.current.meta.sources if s.id == guideline.current.meta.primary_source).title, language)
    for version in reconstructed(guideline):
        statuses: dict[str, int] = {}
        for path in page_paths(version):
            for status, line in SOURCE_LINE.findall(article(html_of(built_site, language, path))):
                statuses[status] = statuses.get(status, 0) + 1
                cites_current = html_lib.escape(current_title, quote=False) in line or current_title in line
                if status == "known":  # a known text cites where it is printed (2026-2027, or the agreements)
                    assert line.startswith(STRINGS[language]["source_kept"].split("{")[0]), (version.id, path, line)
                else:
                    assert not cites_current, (version.id, path, status, line)
        assert statuses.get("known") and statuses.get("unknown"), (version.id, statuses)


def _shown_text(page: str) -> str:
    """The guideline text a page shows: without source lines, banners, evidence and the editors' notes."""
    body = article(page)
    for pattern in (
        r'<p class="gl-source".*?</p>',
        r"<aside.*?</aside>",
        r'<span class="gl-evidence">.*?</span>',
        r'<div class="admonition note">.*?</div>',
    ):
        body = re.sub(pattern, " ", body, flags=re.DOTALL)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", body))


def _texts(value: object) -> list[str]:
    if isinstance(value, m.Text):
        return [value.nl, value.en]
    return []


def _dates(value: object) -> list[str]:
    """Date values (the intake table's starts) as the pages print them, in both languages."""
    found = []
    for entry in value if isinstance(value, tuple) else ():
        if isinstance(entry, dict) and entry.get("date"):
            day = datetime.date.fromisoformat(entry["date"])
            found += [long_date(day, "nl"), long_date(day, "en")]
    return found


def test_a_text_a_reconstruction_does_not_know_is_shown_in_italics_never_as_markup(
    guideline: Guideline, built_site: Path
) -> None:
    """The growth model's cells included: its unknown cells once showed the italics' tags as text."""
    for version in reconstructed(guideline):
        for language in LANGUAGES:
            for path in page_paths(version):
                shown = article(html_of(built_site, language, path))
                assert "&lt;em" not in shown, (version.id, language, path)
    unknown_cells = [
        version for version in reconstructed(guideline)
        if any(cell.text is not None and cell.text.unknown for row in version.growth_model.rows for cell in row.cells)
    ]
    assert unknown_cells, "the data has a growth-model cell a reconstruction does not know"
    for version in unknown_cells:
        growth = pages.pinned(pages.GROWTH_MODEL, version.id).removesuffix("index.md").rstrip("/")
        for language in LANGUAGES:
            # The statement that the text is not known, in the page's language (never the data's code for it).
            statement = f'<em class="gl-unknown">{STRINGS[language]["text_unknown"]}</em>'
            assert statement in article(html_of(built_site, language, growth)), (version.id, language)


def test_no_reconstructed_page_shows_a_date_after_its_version(guideline: Guideline, built_site: Path) -> None:
    for version in reconstructed(guideline):
        limit = version.meta.valid_until
        locations = pages.item_locations(version)
        # Texts taken from a document of the version's own time (the agreements of April 2024) may plan later
        # dates, on the page that shows them.
        earlier = {s.id for s in version.meta.sources if s.date is not None and s.date <= limit}
        allowed: dict[str, set[str]] = {}
        for item in items(version).values():
            if getattr(getattr(item.model, "source", None), "document", None) in earlier and item.id in locations:
                found = allowed.setdefault(locations[item.id].src_uri, set())
                for value in item.fields.values():
                    found |= {words for text in _texts(value) + _dates(value) for words, _ in evidence_policy.dates_in(text)}
        intake = version.cycle.intake
        if intake.source.document in earlier:  # the intake table of the agreements (its cohorts have no source)
            found = allowed.setdefault(pages.CYCLE, set())
            for cohort in intake.cohorts:
                for text in _dates(tuple(start.model_dump(mode="json") for start in cohort.starts)):
                    found |= {words for words, _ in evidence_policy.dates_in(text)}
        for language in LANGUAGES:
            for src in sorted({location.src_uri for location in locations.values()}):
                path = pages.pinned(src, version.id).removesuffix("index.md").rstrip("/")
                shown = _shown_text(html_of(built_site, language, path))
                late = [w for w, day in evidence_policy.dates_in(shown) if day > limit and w not in allowed.get(src, set())]
                assert not late, (version.id, language, path, late)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_change_summary_opens_with_the_main_changes(guideline: Guideline, built_site: Path, language: str) -> None:
    for old, new in pairs(guideline.chronological()):
        page = article(html_of(built_site, language, f"wijzigingen/{old.id}-naar-{new.id}"))
        assert "&lt;em" not in page  # labels of items whose text is not known are plain words, not markup
        headings = re.findall(r"<h2[^>]*>(.*?)</h2>", page, re.DOTALL)
        assert headings and re.sub(r"<[^>]+>", "", headings[0]).strip().startswith(STRINGS[language]["main_changes"]), headings
        section = page[page.index("<h2") : page.index('id="detail"')]
        main = [c for c in (old.reconstruction.main_changes if old.reconstruction else []) if c.towards == new.id]
        assert main, (old.id, new.id)  # the editors wrote main changes for every pair
        for change in main:
            title = getattr(change.title, language)
            assert html_lib.escape(title, quote=False) in section or title in section, (old.id, new.id, title)
            part = section[section.index(title) if title in section else section.index(html_lib.escape(title, quote=False)) :]
            part = part[: part.index("<h3") if "<h3" in part[1:] else len(part)]
            assert STRINGS[language]["main_change_reason"] in part and STRINGS[language]["evidence"] in part
            assert len(re.findall(r'<a href="[^"]+"', part)) >= len(change.items), (old.id, new.id, title)


def test_a_repeated_evidence_quote_is_shown_once(guideline: Guideline, built_site: Path) -> None:
    for old, new in pairs(guideline.chronological()):
        page = article(html_of(built_site, "nl", f"wijzigingen/{old.id}-naar-{new.id}"))
        quotes = {e.quote for c in (old.reconstruction.main_changes if old.reconstruction else []) for e in c.evidence if e.quote}
        for quote in quotes:
            assert page.count(f"“{html_lib.escape(quote, quote=False)}”") == 1, (old.id, new.id, quote)


def test_the_redline_and_the_summary_agree(guideline: Guideline, built_site: Path) -> None:
    from generator.diff import diff

    for old, new in pairs(guideline.chronological()):
        changes = diff(old, new)
        texts = sum(1 for c in changes.changes if c.texts)
        summary = article(html_of(built_site, "nl", f"wijzigingen/{old.id}-naar-{new.id}"))
        redline = article(html_of(built_site, "nl", f"wijzigingen/{old.id}-naar-{new.id}/redline"))
        assert len(re.findall(r"<h2 ", redline)) == texts, (old.id, new.id)
        button = "data-gl-next-change" in redline
        assert button == bool(texts) and (STRINGS["nl"]["redline_intro_next"] in redline) == bool(texts)
        if texts:
            assert STRINGS["nl"]["redline_count"].format(count=texts) in summary
        else:
            assert STRINGS["nl"]["changes_no_redline"] in summary


@pytest.mark.parametrize("language", LANGUAGES)
def test_versions_show_their_validity_per_intake_cohort(guideline: Guideline, built_site: Path, language: str) -> None:
    intake = guideline.current.cycle.intake
    for version in guideline.versions:
        # Cells carry their column's heading for phones (generator/tables.py); the dates are what is checked here.
        home = re.sub(r' data-label="[^"]*"', "", article(html_of(built_site, language, version.id)))
        table = home[home.index('id="geldigheid"') :]
        table = table[: table.index("</table>")]
        for cohort in intake.cohorts:
            dated = [s for s in cohort.starts if s.date is not None or s.version == version.id]
            [index] = [i for i, s in enumerate(dated) if s.version == version.id]
            row = table[table.index(f"<td>{getattr(cohort.label, language)}</td>") :].split("</tr>")[0]
            start = dated[index].date
            if start is None:  # cohort 4 skips the 2025 guideline
                assert STRINGS[language]["cohort_skips"] in row, (version.id, row)
            else:
                assert long_date(start, language) in row, (version.id, row)
                if index + 1 < len(dated):
                    assert long_date(dated[index + 1].date, language) in row, (version.id, row)  # type: ignore[arg-type]
    assert "#geldigheid" in html_of(built_site, language, "versies")


def test_the_api_change_sets_carry_the_main_changes(guideline: Guideline, built_site: Path) -> None:
    import json

    for old, new in pairs(guideline.chronological()):
        data = json.loads((built_site / "api" / "changes" / f"{old.id}-naar-{new.id}.json").read_text(encoding="utf-8"))
        expected = [c for c in (old.reconstruction.main_changes if old.reconstruction else []) if c.towards == new.id]
        assert [c["title"]["nl"] for c in data["main_changes"]] == [c.title.nl for c in expected]
        assert all(c["reason"]["en"] and c["evidence"] for c in data["main_changes"])
