"""Sitemaps valid by the sitemaps.org schemas; calendar UIDs and feed entry ids unique across the two languages.

The schemas are in site_tests/xsd/ (see its README): nothing is downloaded while testing.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from xml.etree import ElementTree

import pytest
from lxml import etree

from generator.i18n import LANGUAGES
from site_tests.conftest import ROOT

XSD = ROOT / "site_tests" / "xsd"

#: Every sitemap of the site and the schema it follows.
SITEMAPS = {
    "sitemap.xml": "siteindex.xsd",
    **{f"{language}/sitemap.xml": "sitemap.xsd" for language in LANGUAGES},
    "sitemap-languages.xml": "hreflang.xsd",  # sitemap.xsd with the xhtml:link alternates declared
}


def schema_errors(document: etree._ElementTree, schema_file: str) -> list[str]:
    schema = etree.XMLSchema(etree.parse(str(XSD / schema_file)))
    schema.validate(document)
    return [f"line {error.line}: {error.message}" for error in schema.error_log]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("sitemap", "schema_file"), SITEMAPS.items())
def test_sitemap_is_valid_by_the_sitemaps_org_schema(built_site: Path, sitemap: str, schema_file: str) -> None:
    document = etree.parse(str(built_site / sitemap))
    assert document.getroot().findall(".//{*}loc"), f"{sitemap} lists nothing"
    errors = schema_errors(document, schema_file)
    assert not errors, f"{sitemap}: {len(errors)} errors\n" + "\n".join(errors[:10])


def test_schema_rejects_alternates_before_the_date() -> None:
    """The mistake once shipped: `xhtml:link` before `lastmod` (the schema wants loc, lastmod, then the rest)."""
    document = etree.ElementTree(etree.fromstring(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
        "<url><loc>https://example.org/nl/</loc>"
        '<xhtml:link rel="alternate" hreflang="en" href="https://example.org/en/"/>'
        "<lastmod>2026-01-01</lastmod></url></urlset>"
    ))
    assert schema_errors(document, "hreflang.xsd")


def calendar_uids(built_site: Path, language: str) -> list[str]:
    text = (built_site / language / "cyclus" / "mtvp-cyclus.ics").read_bytes().decode("utf-8")  # keep the CRLFs
    return [line.removeprefix("UID:") for line in text.replace("\r\n ", "").split("\r\n") if line.startswith("UID:")]


def test_calendar_uids_are_unique_across_languages(built_site: Path) -> None:
    """A client subscribed to both calendars keeps every event of both, instead of one language overwriting the other."""
    uids = {language: calendar_uids(built_site, language) for language in LANGUAGES}
    assert all(uids.values())
    every = list(itertools.chain.from_iterable(uids.values()))
    assert len(every) == len(set(every)), f"UIDs used twice: {sorted({u for u in every if every.count(u) > 1})}"


def test_feed_entry_ids_are_unique_across_languages(built_site: Path) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    ids = []
    for language in LANGUAGES:
        feed = ElementTree.parse(built_site / f"feed-{language}.xml").getroot()
        entries = feed.findall(f"{atom}entry")
        assert entries
        ids += [feed.findtext(f"{atom}id", "")] + [entry.findtext(f"{atom}id", "") for entry in entries]
    assert all(ids)
    assert len(ids) == len(set(ids)), f"ids used twice: {sorted({i for i in ids if ids.count(i) > 1})}"
