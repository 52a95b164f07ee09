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


def url_of(src_uri: str) -> str:
    """The page URL (relative to the language root) of a source path: `a/b/index.md` -> `a/b/`."""
    if src_uri == "index.md":
        return ""
    return src_uri.removesuffix("index.md").removesuffix(".md") + ("" if src_uri.endswith("index.md") else "/")


def nearest(base_uri: str) -> str:
    """The page to land on in a version that lacks `base_uri`: the list the item belongs to, else the start."""
    if base_uri.startswith("interventies/"):
        return pages.INTERVENTIONS
    if base_uri.startswith("kernelementen/"):
        return pages.GUIDELINE
    return pages.HOME


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
            target = pages.pinned(nearest(base_uri), other.id)
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
                "path": url_of(target),
                "selected": other.id == version_id,
                "missing": missing,
            }
        )
    current_path = None
    if version.meta.status != "current":
        current_path = url_of(base_uri if base_uri in existing else nearest(base_uri))
    sources = [
        {"title": s.title.get(language), "location": s.location}
        for s in version.meta.sources
        if s.location is not None
    ]
    return {
        "id": version.id,
        "label": version.meta.label.get(language),
        "status": version.meta.status,
        "reconstructed": version.reconstruction is not None,
        "pinned": pinned,
        "home_path": url_of(pages.pinned(pages.HOME, version.id)),
        "current_path": current_path,
        "official_documents": sources,
        "selector": selector,
    }


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
