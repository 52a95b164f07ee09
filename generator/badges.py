"""'New' and 'changed' badges of a version's items and pages, computed from the diff with the previous version."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from generator import pages
from generator.data.load import Guideline, GuidelineVersion
from generator.diff import ChangeSet, diff

Badge = Literal["new", "changed"]

_CHANGED_KINDS = frozenset({"changed", "renamed", "moved", "merged"})


def item_badges(changes: ChangeSet) -> dict[str, Badge]:
    """Item id -> badge, for the newer version of the change set (uncertain and unknown items get none)."""
    found: dict[str, Badge] = {}
    for change in changes.changes:
        if change.kind == "added":
            found[change.item_id] = "new"
        elif change.kind in _CHANGED_KINDS:
            found[change.item_id] = "changed"
    return found


def page_badges(version: GuidelineVersion, badges: Mapping[str, Badge]) -> dict[str, Badge]:
    """Page (source path, without version prefix) -> badge: 'new' when the page's own item is new, 'changed'
    when anything on it is new or changed."""
    locations = pages.item_locations(version)
    found: dict[str, Badge] = {}
    for item_id, badge in badges.items():
        location = locations.get(item_id)
        if location is None:
            continue
        own_page = location.anchor is None  # the item is the page (an intervention, a core element)
        if own_page and badge == "new":
            found[location.src_uri] = "new"
        elif found.get(location.src_uri) != "new":
            found[location.src_uri] = "changed"
    return found


def previous_changes(guideline: Guideline, version: GuidelineVersion) -> ChangeSet | None:
    """The changes from the version before `version` to `version`, if there is an earlier version."""
    previous = guideline.previous(version)
    return diff(previous, version) if previous is not None else None
