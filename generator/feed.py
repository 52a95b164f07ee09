"""An Atom feed of the published guideline versions, so that RHOs and maintainers hear of a new version.

Entries are dated by the guideline's own document date (or its start of validity), never by the build time, so
the feed is the same for every build of the same data. Future versions are left out until they take effect.
"""

from __future__ import annotations

import datetime
from xml.sax.saxutils import escape

from generator.data.load import Guideline, GuidelineVersion
from generator.i18n import ui


def _date(version: GuidelineVersion) -> datetime.date:
    return version.meta.document_date or version.meta.valid_from


def _stamp(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom_feed(guideline: Guideline, site_root: str, language: str) -> str:
    """The feed in one language (`feed-nl.xml`, `feed-en.xml`)."""
    root = site_root.rstrip("/") + "/"
    published = sorted(
        (v for v in guideline.versions if v.meta.status != "future"), key=_date, reverse=True
    )
    label = "nl" if language == "nl" else "en"
    entries = []
    for version in published:
        meta = version.meta
        title = getattr(meta.label, label)
        status = ui(language, f"status_{meta.status}")
        completeness = ui(language, f"completeness_{meta.completeness}")
        summary = ui(
            language, "feed_summary", label=title, version=meta.document_version, status=status,
            completeness=completeness, start=meta.valid_from.isoformat(), end=meta.valid_until.isoformat(),
        )
        entries.append(
            "  <entry>\n"
            f"    <id>{escape(root)}versions/{escape(meta.id)}</id>\n"
            f"    <title>{escape(title)}</title>\n"
            f"    <updated>{_stamp(_date(version))}</updated>\n"
            f'    <link rel="alternate" href="{escape(root)}{language}/"/>\n'
            f"    <summary>{escape(summary)}</summary>\n"
            "  </entry>\n"
        )
    updated = _stamp(_date(published[0])) if published else _stamp(datetime.date(2023, 1, 1))
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{language}">\n'
        f"  <id>{escape(root)}feed-{language}.xml</id>\n"
        f"  <title>{escape(ui(language, 'feed_title'))}</title>\n"
        f"  <updated>{updated}</updated>\n"
        f'  <link rel="self" href="{escape(root)}feed-{language}.xml"/>\n'
        f'  <link rel="alternate" href="{escape(root)}{language}/"/>\n'
        f"  <author><name>{escape(ui(language, 'site_name'))}</name></author>\n"
        + "".join(entries)
        + "</feed>\n"
    )
