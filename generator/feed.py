"""An Atom feed of the published guideline versions, so that RHOs and maintainers hear of a new version.

Entries are dated by the guideline's own document date (or its start of validity), never by the build time, so
the feed is the same for every build of the same data. Future versions are left out until they take effect. The
XML is written by the standard library's writer (`XMLGenerator`), which escapes text and attribute values.
"""

from __future__ import annotations

import datetime
import io
import xml.etree.ElementTree as ET
from xml.sax.saxutils import XMLGenerator
from xml.sax.xmlreader import AttributesImpl

from generator import pages
from generator.data.load import Guideline, GuidelineVersion
from generator.diff import KINDS, diff
from generator.i18n import Language, ui
from generator.render_changes import ChangesRenderer


def _date(version: GuidelineVersion) -> datetime.date:
    return version.meta.document_date or version.meta.valid_from


def _stamp(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def change_summary(guideline: Guideline, version: GuidelineVersion, language: Language, site_root: str) -> tuple[str, str]:
    """(plain summary, HTML list) of what changed since the previous version; 'no changes' when nothing did."""
    previous = guideline.previous(version)
    if previous is None:
        return ui(language, "feed_first_version"), ""
    changes = diff(previous, version)
    label = previous.meta.label.get(language)
    if not changes.has_changes:
        return ui(language, "feed_no_changes", previous=label), ""
    counts = changes.counts()
    parts = [f"{counts[kind]} × {ui(language, 'change_' + kind).lower()}" for kind in KINDS if counts[kind] and kind != "unknown"]
    summary = ui(language, "feed_changes", previous=label, counts=", ".join(parts))
    renderer = ChangesRenderer(guideline, language, site_root)
    paragraph, listing = ET.Element("p"), ET.Element("ul")
    paragraph.text = summary
    for c in changes.changes:
        if c.kind != "unknown":
            ET.SubElement(listing, "li").text = f"{ui(language, 'change_' + c.kind)}: {renderer.entry(changes, c).label}"
    return summary, "".join(ET.tostring(element, encoding="unicode", method="html") for element in (paragraph, listing))


ATOM = "http://www.w3.org/2005/Atom"


class _AtomWriter:
    """Atom elements, one per line, indented by depth, written by the standard library's XML writer (which does
    the escaping of text and attributes)."""

    def __init__(self) -> None:
        self.out = io.StringIO()
        self.xml = XMLGenerator(self.out, encoding="utf-8", short_empty_elements=True)
        self.depth = 0
        self.xml.startDocument()

    def open(self, tag: str, **attributes: str) -> None:
        self.xml.ignorableWhitespace("  " * self.depth)
        self.xml.startElement(tag, AttributesImpl(attributes))
        self.xml.ignorableWhitespace("\n")
        self.depth += 1

    def close(self, tag: str) -> None:
        self.depth -= 1
        self.xml.ignorableWhitespace("  " * self.depth)
        self.xml.endElement(tag)
        self.xml.ignorableWhitespace("\n")

    def element(self, tag: str, text: str = "", *, child: tuple[str, str] | None = None, **attributes: str) -> None:
        """One element on one line: with text, with one child element holding text, or empty."""
        self.xml.ignorableWhitespace("  " * self.depth)
        self.xml.startElement(tag, AttributesImpl(attributes))
        if child is not None:
            self.xml.startElement(child[0], AttributesImpl({}))
            self.xml.characters(child[1])
            self.xml.endElement(child[0])
        self.xml.characters(text)
        self.xml.endElement(tag)
        self.xml.ignorableWhitespace("\n")

    def text(self) -> str:
        self.xml.endDocument()
        return self.out.getvalue()


def atom_feed(guideline: Guideline, site_root: str, language: Language) -> str:
    """The feed in one language (`feed-<language>.xml`)."""
    root = site_root.rstrip("/") + "/"
    published = sorted(
        (v for v in guideline.versions if v.meta.status != "future"), key=_date, reverse=True
    )
    updated = _stamp(_date(published[0])) if published else _stamp(datetime.date(2023, 1, 1))
    feed = _AtomWriter()
    feed.open("feed", xmlns=ATOM, **{"xml:lang": language})
    feed.element("id", root + pages.feed(language))
    feed.element("title", ui(language, "feed_title"))
    feed.element("updated", updated)
    feed.element("link", rel="self", href=root + pages.feed(language))
    feed.element("link", rel="alternate", href=root + pages.language_root(language))
    feed.element("author", child=("name", ui(language, "site_name")))
    for version in published:
        meta = version.meta
        title = meta.label.get(language)
        status = ui(language, f"status_{meta.status}")
        completeness = ui(language, f"completeness_{meta.completeness}")
        summary = ui(
            language, "feed_summary", label=title, version=meta.document_version, status=status,
            completeness=completeness, start=meta.valid_from.isoformat(), end=meta.valid_until.isoformat(),
        )
        changed, content = change_summary(guideline, version, language, site_root)
        feed.open("entry")
        # One id per version and language: the entries of the feeds differ (RFC 4287 §4.2.6).
        feed.element("id", root + pages.feed_entry(meta.id, language))
        feed.element("title", title)
        feed.element("updated", _stamp(_date(version)))
        feed.element("link", rel="alternate", href=root + pages.in_language(language, pages.pinned(pages.HOME, meta.id)))
        previous = guideline.previous(version)
        if previous is not None:
            feed.element("link", rel="related", href=root + pages.in_language(language, pages.changes(previous.id, version.id)))
        feed.element("summary", f"{summary} {changed}")
        if content:
            feed.element("content", content, type="html")
        feed.close("entry")
    feed.close("feed")
    return feed.text()
