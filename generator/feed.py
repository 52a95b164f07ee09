"""An Atom feed of the published guideline versions, so that RHOs and maintainers hear of a new version.

Entries are dated by the guideline's own document date (or its start of validity), never by the build time, so
the feed is the same for every build of the same data. Future versions are left out until they take effect.
"""

from __future__ import annotations

import datetime
from xml.sax.saxutils import escape

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
    items = "".join(
        f"<li>{escape(ui(language, 'change_' + c.kind))}: {escape(renderer.entry(changes, c).label)}</li>"
        for c in changes.changes
        if c.kind != "unknown"
    )
    return summary, f"<p>{escape(summary)}</p><ul>{items}</ul>"


def atom_feed(guideline: Guideline, site_root: str, language: Language) -> str:
    """The feed in one language (`feed-<language>.xml`)."""
    root = site_root.rstrip("/") + "/"
    published = sorted(
        (v for v in guideline.versions if v.meta.status != "future"), key=_date, reverse=True
    )
    entries = []
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
        previous = guideline.previous(version)
        related = ""
        if previous is not None:
            path = pages.CHANGES.format(old=previous.id, new=version.id).removesuffix("index.md")
            related = f'    <link rel="related" href="{escape(root)}{language}/{escape(path)}"/>\n'
        entries.append(
            "  <entry>\n"
            # One id per version and language: the entries of the two feeds differ (RFC 4287 §4.2.6).
            f"    <id>{escape(root)}versions/{escape(meta.id)}/{language}</id>\n"
            f"    <title>{escape(title)}</title>\n"
            f"    <updated>{_stamp(_date(version))}</updated>\n"
            f'    <link rel="alternate" href="{escape(root)}{language}/{escape(meta.id)}/"/>\n'
            + related
            + f"    <summary>{escape(summary + ' ' + changed)}</summary>\n"
            + (f'    <content type="html">{escape(content)}</content>\n' if content else "")
            + "  </entry>\n"
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
