"""'New', 'changed' and 'possibly new' badges of a version's items and pages, from the diff with the previous version.

The badges, the navigation icons, the search labels, the change summary and the feed all read the same change
kinds: an item is "new" only where the diff says `added` (for a reconstruction, only where the evidence shows the
item was absent before), and "possibly new" where the diff says `uncertain`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from generator import pages
from generator.data.load import Guideline, GuidelineVersion
from generator.diff import ChangeSet, diff

Badge = Literal["new", "changed", "possibly_new"]

_CHANGED_KINDS = frozenset({"changed", "renamed", "moved", "merged"})


def item_badges(changes: ChangeSet, new: GuidelineVersion | None = None) -> dict[str, Badge]:
    """Item id -> badge, for the newer version of the change set (items not comparable get none).

    An item whose presence the diff calls uncertain is "possibly new" where it is certainly part of the newer
    version; where the newer version itself is uncertain of it, that version's own "uncertain" label says more.
    """
    found: dict[str, Badge] = {}
    for change in changes.changes:
        if change.kind == "added":
            found[change.item_id] = "new"
        elif change.kind in _CHANGED_KINDS:
            found[change.item_id] = "changed"
        elif change.kind == "uncertain" and new is not None and not new.is_uncertain(change.item_id):
            found[change.item_id] = "possibly_new"
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
        if own_page and badge in ("new", "possibly_new"):
            found[location.src_uri] = badge
        elif badge != "possibly_new" and found.get(location.src_uri) not in ("new", "possibly_new"):
            found[location.src_uri] = "changed"
    return found


def previous_changes(guideline: Guideline, version: GuidelineVersion) -> ChangeSet | None:
    """The changes from the version before `version` to `version`, if there is an earlier version."""
    previous = guideline.previous(version)
    return diff(previous, version) if previous is not None else None
