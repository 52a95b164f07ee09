"""Compare two versions of the guideline item by item (pure: data in, change set out).

Items are matched by their stable id, never by position or wording, so a reworded text is "changed", a new
title is "renamed", another core element is "moved", and an item that absorbed others is "merged" (recorded in
its `history`) rather than a removal plus an addition. Rules are compared field by field as rules. Texts a
reconstructed version does not know are reported as not comparable, never as changed.

Which fields are compared and which name an item is declared on the models (`generator.data.fields`): content
fields are compared, editorial ones (provenance, evidence, the editors' notes and summaries) are not, and a change
in the words of one of an item's `NAME` fields is a rename.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel

from generator.data import models as m
from generator.data.fields import Role, with_role
from generator.data.load import GuidelineVersion
from generator.languages import DEFAULT_LANGUAGE, LANGUAGES

ChangeKind = Literal["added", "removed", "changed", "renamed", "moved", "merged", "uncertain", "unknown"]

#: The order in which kinds are listed and counted.
KINDS: tuple[ChangeKind, ...] = ("added", "removed", "renamed", "moved", "merged", "changed", "uncertain", "unknown")

@dataclass(frozen=True)
class Item:
    """An item with an id, found in a version's data."""

    id: str
    model: BaseModel
    #: Fields and their comparable values: texts as `m.Text`, everything else as plain data.
    fields: dict[str, object]

    @property
    def type(self) -> str:
        return type(self.model).__name__

    @classmethod
    def of(cls, model: BaseModel) -> Item:
        """The item a model with an `id` is."""
        return cls(str(model.__dict__["id"]), model, values(model))


@dataclass(frozen=True)
class TextChange:
    """A text field whose wording differs: the input of a redline."""

    field: str
    old: m.Text
    new: m.Text


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    item_id: str
    #: Model class name of the item (`Intervention`, `Rule`, `ListEntry`...).
    item_type: str
    #: The changed fields (dotted for nested values: `appendix.body`).
    fields: tuple[str, ...] = ()
    #: The changed texts, for redlines.
    texts: tuple[TextChange, ...] = ()
    #: Fields that cannot be compared because one version does not know the text.
    unknown_fields: tuple[str, ...] = ()
    #: For `moved`: the core element before and after.
    moved_from: str | None = None
    moved_to: str | None = None
    #: For `merged`: the earlier items this one absorbed.
    merged_from: tuple[str, ...] = ()
    evidence: tuple[m.Evidence, ...] = ()


@dataclass(frozen=True)
class ChangeSet:
    old: str
    new: str
    changes: tuple[Change, ...] = field(default_factory=tuple)

    def counts(self) -> dict[str, int]:
        return {kind: sum(1 for c in self.changes if c.kind == kind) for kind in KINDS}

    def of_kind(self, *kinds: ChangeKind) -> list[Change]:
        return [c for c in self.changes if c.kind in kinds]

    @property
    def has_changes(self) -> bool:
        """Whether anything differs (items the older version does not know are not differences)."""
        return any(c.kind != "unknown" for c in self.changes)


def _content(model: type[BaseModel]) -> tuple[str, ...]:
    return with_role(model, Role.CONTENT)


def values(model: BaseModel) -> dict[str, object]:
    """The values diff compares of one item: its content fields, nested models without an id flattened into dotted
    names (`appendix.body`); texts as `m.Text`, everything else as plain data."""
    return dict(_flatten(model))


def _flatten(model: BaseModel, prefix: str = "") -> Iterator[tuple[str, object]]:
    for name in _content(type(model)):
        value = getattr(model, name)
        key = f"{prefix}{name}"
        if isinstance(value, m.Text):
            yield key, value
        elif isinstance(value, BaseModel):
            if "id" in type(value).model_fields:
                continue  # a nested item is compared on its own
            yield from _flatten(value, f"{key}.")
        elif isinstance(value, list) and value and all(isinstance(v, m.GrowthCell) for v in value):
            # Growth-model cells by year, so that a year missing in one version reads as a change of that year.
            for cell in value:
                yield f"{key}.{cell.year}", cell.text or cell.symbol or ""
        elif isinstance(value, list) and value and all(isinstance(v, BaseModel) for v in value):
            if all("id" in type(v).model_fields for v in value):
                continue  # a list of items: each item reports its own addition or removal
            else:
                yield key, tuple(v.model_dump(mode="json", include=set(_content(type(v)))) for v in value)
        elif isinstance(value, list):
            yield key, tuple(v.value if hasattr(v, "value") else v for v in value)
        else:
            yield key, value.value if hasattr(value, "value") else value


_items_cache: dict[int, tuple[GuidelineVersion, dict[str, Item]]] = {}


def items(version: GuidelineVersion) -> dict[str, Item]:
    """Every item with an id in a version, in document order (kept per version object: versions are immutable)."""
    cached = _items_cache.get(id(version))
    if cached is not None and cached[0] is version:
        return cached[1]
    found = _collect_items(version)
    _items_cache[id(version)] = (version, found)
    return found


def _collect_items(version: GuidelineVersion) -> dict[str, Item]:
    found: dict[str, Item] = {}

    def visit(value: object) -> None:
        if isinstance(value, BaseModel):
            item_id = value.__dict__.get("id")
            if isinstance(item_id, str):
                found.setdefault(item_id, Item.of(value))
            # Editorial fields hold no items of the guideline (the calendar is the editors' arrangement of dates).
            for name in _content(type(value)):
                visit(getattr(value, name))
        elif isinstance(value, list):
            for child in value:
                visit(child)

    for name in m.VERSION_FILES:
        if name != "corrections.yaml":
            visit(getattr(version, name.removesuffix(".yaml")))
    return found


def without_refs(text: m.Text) -> str:
    """The authoritative text without footnote markers (a marker added or moved changes no words)."""
    return m.FOOTNOTE_REF.sub("", text.get(DEFAULT_LANGUAGE)).strip()


def _texts_equal(old: m.Text, new: m.Text) -> bool:
    return all(old.get(language) == new.get(language) for language in LANGUAGES)


def renamed(old_item: Item, new_item: Item, name: str) -> bool:
    """Whether a naming field changed in words (a footnote marker added to a title is no rename), in the
    authoritative language: a better translation of an unchanged name is no rename."""
    if name not in with_role(type(new_item.model), Role.NAME):
        return False
    before, after = old_item.fields.get(name), new_item.fields.get(name)
    if not isinstance(before, m.Text) or not isinstance(after, m.Text):
        return before != after
    return without_refs(before) != without_refs(after)


def _history(item: Item, kind: m.HistoryKind, version: str) -> m.History | None:
    for record in getattr(item.model, "history", []):
        if record.kind == kind and record.version == version:
            return record  # type: ignore[no-any-return]
    return None


def _evidence(old: GuidelineVersion, new: GuidelineVersion, item_id: str) -> tuple[m.Evidence, ...]:
    found = [*old.evidence(item_id), *new.evidence(item_id)]
    for version in (old, new):
        if version.reconstruction is not None:
            found.extend(version.reconstruction.absent.get(item_id, []))
    unique: list[m.Evidence] = []
    for evidence in found:
        if evidence not in unique:
            unique.append(evidence)
    return tuple(unique)


def compare_values(old_item: Item, new_item: Item) -> tuple[list[str], list[TextChange], list[str]]:
    """Changed fields, changed texts and not comparable fields of one item present in both versions."""
    changed: list[str] = []
    texts: list[TextChange] = []
    unknown: list[str] = []
    for name in dict.fromkeys([*old_item.fields, *new_item.fields]):
        before, after = old_item.fields.get(name), new_item.fields.get(name)
        if isinstance(before, m.Text) and isinstance(after, m.Text):
            if before.unknown or after.unknown:
                if not (before.unknown and after.unknown):
                    unknown.append(name)
            elif not _texts_equal(before, after):
                changed.append(name)
                texts.append(TextChange(name, before, after))
        elif isinstance(before, m.Text) and before.unknown or isinstance(after, m.Text) and after.unknown:
            unknown.append(name)
        elif before != after:
            changed.append(name)
            if isinstance(before, m.Text) or isinstance(after, m.Text):
                empty = m.Text(**dict.fromkeys(LANGUAGES, "-"))
                texts.append(
                    TextChange(name, before if isinstance(before, m.Text) else empty, after if isinstance(after, m.Text) else empty)
                )
    return changed, texts, unknown


_cache: dict[tuple[int, int], tuple[GuidelineVersion, GuidelineVersion, ChangeSet]] = {}


def diff(old: GuidelineVersion, new: GuidelineVersion) -> ChangeSet:
    """The changes from `old` to `new` (the older version first); see `compare`.

    A build asks for the same pair several times (badges, summaries, API, feed, per language); versions are
    immutable, so the result is kept for as long as the same version objects are in use.
    """
    cached = _cache.get((id(old), id(new)))
    if cached is not None and cached[0] is old and cached[1] is new:
        return cached[2]
    result = compare(old, new)
    _cache[(id(old), id(new))] = (old, new, result)
    return result


def compare(old: GuidelineVersion, new: GuidelineVersion) -> ChangeSet:
    """The changes from `old` to `new` (the older version first).

    Returns:
        Every added, removed, renamed, moved, merged and changed item, in the newer version's document order
        (removed items last, in the older version's order); items whose presence in either version is uncertain
        are `uncertain`, items that cannot be compared because a text is not known are `unknown`.
    """
    before, after = items(old), items(new)
    merged_away: dict[str, str] = {}
    for item in after.values():
        record = _history(item, m.HistoryKind.MERGED, new.id)
        for source in record.merged_from if record else []:
            merged_away[source] = item.id
    changes: list[Change] = []
    for item_id, item in after.items():
        evidence = _evidence(old, new, item_id)
        if item_id not in before:
            kind: ChangeKind = "uncertain" if new.is_uncertain(item_id) else "added"
            changes.append(Change(kind, item_id, item.type, evidence=evidence))
            continue
        fields, texts, unknown = compare_values(before[item_id], item)
        if old.is_unknown(item_id) or new.is_unknown(item_id):
            # An item a reconstruction does not know keeps the base version's values beside its labels (a rule's
            # kind, a cell's symbol): a difference in them is no evidence of a change.
            unknown += [name for name in fields if not isinstance(item.fields.get(name), m.Text)]
            texts = [t for t in texts if isinstance(item.fields.get(t.field), m.Text)]
            fields = [name for name in fields if isinstance(item.fields.get(name), m.Text)]
        merged = _history(item, m.HistoryKind.MERGED, new.id)
        moved = "core_element" in fields
        if merged:
            kind = "merged"
        elif moved:
            kind = "moved"
        elif any(renamed(before[item_id], item, name) for name in fields):
            kind = "renamed"
        elif fields:
            kind = "changed"
        elif old.is_uncertain(item_id) or new.is_uncertain(item_id):
            kind = "uncertain"
        elif unknown:
            kind = "unknown"
        else:
            continue
        changes.append(
            Change(
                kind,
                item_id,
                item.type,
                fields=tuple(fields),
                texts=tuple(texts),
                unknown_fields=tuple(unknown),
                moved_from=str(before[item_id].fields["core_element"]) if moved else None,
                moved_to=str(item.fields["core_element"]) if moved else None,
                merged_from=tuple(merged.merged_from) if merged else (),
                evidence=evidence,
            )
        )
    for item_id, item in before.items():
        if item_id not in after and item_id not in merged_away:
            # A reconstruction lacks an item as evidence of absence only where it lists it `absent`; an item its
            # base version never had (one a reconstructed older version added) may still have been there.
            unproven = new.reconstruction is not None and item_id not in new.reconstruction.absent
            kind = "uncertain" if old.is_uncertain(item_id) or unproven else "removed"
            changes.append(Change(kind, item_id, item.type, evidence=_evidence(old, new, item_id)))
    return ChangeSet(old.id, new.id, tuple(changes))


def pairs(versions: list[GuidelineVersion]) -> list[tuple[GuidelineVersion, GuidelineVersion]]:
    """Every pair of versions, older first (versions given in chronological order)."""
    return [(a, b) for i, a in enumerate(versions) for b in versions[i + 1 :]]
