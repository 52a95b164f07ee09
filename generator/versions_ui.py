"""What a page of a guideline version shows about its version: banners and the version selector.

Kept apart from the plugin (which only wires MkDocs events) so the rules are readable in one place: a pinned
page of a superseded version links to the current text; a reconstructed version says so on every page; the
selector keeps the page in the other version, or lands on the nearest page that exists and says so.
"""

from __future__ import annotations

from typing import Any

from generator import pages
from generator.data.load import Guideline
from generator.i18n import Language, ui


def nav_key(version_id: str) -> str:
    """Title of a version's navigation section (never shown: `on_nav` takes the sections out)."""
    return f"version {version_id}"


def page_version(
    guideline: Guideline, language: Language, version_id: str, base_uri: str, pinned: bool, existing: set[str]
) -> dict[str, Any]:
    """The version facts, banners and selector entries of one page, for `overrides/main.html`."""
    version = guideline.version(version_id)
    current = guideline.current
    selector = []
    for other in guideline.chronological()[::-1]:
        is_current = other.id == current.id
        # The current version's own page is its unversioned address; other versions' pages are pinned.
        target = base_uri if is_current else pages.pinned(base_uri, other.id)
        missing = target not in existing
        if missing:
            target = pages.pinned(pages.nearest(base_uri), other.id)
            if target not in existing:
                target = pages.pinned(pages.HOME, other.id)
        label = ui(language, "version_option", version=other.meta.label.get(language))
        notes = []
        if is_current:
            notes.append(ui(language, "status_current"))
        if other.meta.completeness == "reconstructed":
            notes.append(ui(language, "completeness_reconstructed"))
        selector.append(
            {
                "id": other.id,
                "label": label,
                "notes": notes,
                # Where the page is missing, the landing page is told so (and says why it is not that page).
                "path": pages.url_of(target) + (pages.missing_query(version_id) if missing else ""),
                "selected": other.id == version_id,
                "missing": missing,
            }
        )
    current_path = None
    if version.meta.status != "current":
        current_path = pages.url_of(base_uri if base_uri in existing else pages.nearest(base_uri))
    sources = [
        {"title": s.title.get(language), "location": s.location}
        for s in version.meta.sources
        if s.location is not None
    ]
    return {
        "id": version.id,
        "status": version.meta.status,
        "reconstructed": version.reconstruction is not None,
        "pinned": pinned,
        "home_path": pages.url_of(pages.pinned(pages.HOME, version.id)),
        #: The query parameter of a landing page reached because the page is missing (`redline.mjs` reads it).
        "missing_parameter": pages.MISSING_PARAMETER,
        "current_path": current_path,
        "official_documents": sources,
        "selector": selector,
        **version_facts(guideline, language, version_id),
        "links": page_links(version_id, base_uri, existing),
    }


def page_links(version_id: str, base_uri: str, existing: set[str]) -> dict[str, str] | None:
    """The two addresses an RHO can link to (relative to the language root): `current`, the unversioned address
    that always shows the current text, and `pinned`, this version's fixed text. None where a page has no pinned
    copy (the checklist pages) or no current address."""
    pinned_uri = pages.pinned(base_uri, version_id)
    current_uri = base_uri if base_uri in existing else pages.nearest(base_uri)
    if pinned_uri not in existing or current_uri not in existing:
        return None
    return {"current": pages.url_of(current_uri), "pinned": pages.url_of(pinned_uri)}


def cohort_validity(guideline: Guideline, version_id: str) -> list[tuple[Any, Any, Any]]:
    """(cohort label, start, end) per intake cohort for one version, from Tabel 1 of the Bestuurlijke afspraken.

    Each guideline starts per cohort (1 April, 1 July, 1 October, or 1 January for cohort 4), and holds until the
    cohort starts the next one; a start of None means the cohort skips this version (cohort 4 skips 2025).
    """
    rows = []
    for cohort in guideline.current.cycle.intake.cohorts:
        starts = [s for s in cohort.starts if s.date is not None or s.version == version_id]
        index = next((i for i, s in enumerate(starts) if s.version == version_id), None)
        if index is None:
            continue
        start = starts[index].date
        end = starts[index + 1].date if start is not None and index + 1 < len(starts) else None
        rows.append((cohort.label, start, end))
    return rows


def version_facts(guideline: Guideline, language: Language, version_id: str) -> dict[str, Any]:
    """A version's label, document number and date, as a printed page names them."""
    from generator.render import long_date  # here, not at the top: generator.render imports this module

    meta = guideline.version(version_id).meta
    return {
        "label": meta.label.get(language),
        "document_version": ui(language, "document_version", number=meta.document_version),
        "document_date": long_date(meta.document_date, language) if meta.document_date else None,
    }


def print_facts(
    guideline: Guideline, language: Language, version_info: dict[str, Any] | None, address: str
) -> dict[str, Any]:
    """What a printed page names: the version it shows (pages outside a version: the current one), its date, and
    the page's address (empty in a portable build: the page's script fills in the address it was opened at)."""
    version_id = version_info["id"] if version_info else guideline.current.id
    facts = version_facts(guideline, language, version_id)
    links = version_info.get("links") if version_info else None
    return {
        **facts,
        "address": address,
        "pinned": links["pinned"] if links else None,
        "qr": version_info.get("qr", "") if version_info else "",
    }


def page_title(title: str, version_info: dict[str, Any] | None) -> str:
    """The page's title for the browser tab and link previews: a pinned page names its version."""
    if version_info and version_info["pinned"] and version_info["label"] not in title:
        return f"{title} · {version_info['label']}"
    return title
