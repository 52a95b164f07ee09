"""Build a reconstructed version from an official one and the evidence in its `reconstruction.yaml`.

No text of the 2023 and 2025 guidelines is available, so those versions are written as changes to the current
one (see `ReconstructionFile`). This module applies them to the base version's parsed YAML and returns new
documents that the ordinary models validate, so a reconstruction renders, diffs and exports like any version.
Everything not backed by evidence becomes an explicit "not known" text instead of the base version's wording.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.data import models as m
from generator.data.errors import DataError, KeyPath
from generator.data.yaml_source import YamlDocument
from generator.languages import LANGUAGES

#: The overlay value that marks a text as not known.
UNKNOWN = "unknown"
#: The overlay value of a file field that reads as in the base version.
SAME = "same"

#: Fields kept from the base version even where an item's text is unknown: they name a part of the guideline
#: (a heading, a title) so that the page keeps its structure. The version banner says so.
LABEL_FIELDS = frozenset(
    {
        "title", "short_title", "heading", "caption", "overview_title", "indicator", "text_alternative",
        "conditions_title", "cycle_caption", "annual_cycle_caption", "core_elements_figure_caption",
        "appendices_title", "name",
    }
)


def unknown_text() -> dict[str, Any]:
    """A text this version does not know: the code `unknown` in every language and the `unknown` flag. The data
    says no words about it; the presentation says it in the reader's language (`generator.i18n.words`)."""
    return {**{language: UNKNOWN for language in LANGUAGES}, "unknown": True}


def _with_unknown_texts(value: Any) -> Any:
    """Inside a value written in the overlay, the string `unknown` stands for a text that is not known."""
    if value == UNKNOWN:
        return unknown_text()
    if isinstance(value, dict):
        return {key: _with_unknown_texts(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_with_unknown_texts(child) for child in value]
    return value


def is_text(value: Any) -> bool:
    return isinstance(value, dict) and set(value) in (set(LANGUAGES), {*LANGUAGES, "unknown"})


def _is_label(key: str, owner: dict[str, Any]) -> bool:
    # A list entry's `label` is a verbatim prefix of its `text`; elsewhere (year columns, cohorts) it is a name.
    return key in LABEL_FIELDS or (key == "label" and "text" not in owner)


@dataclass(frozen=True)
class Reconstruction:
    """What a reconstructed version knows about each item, for banners, badges and diffs."""

    based_on: str
    summary: m.Text
    #: Item id -> "known", "changed" or "unknown" (items absent from the version are not listed).
    status: dict[str, str]
    #: Items that may or may not have been part of the version.
    uncertain: frozenset[str]
    #: Items of the base version that this version lacks, with the evidence.
    absent: dict[str, list[m.Evidence]]
    #: Item id -> the evidence for its status (own or inherited from the listed ancestor).
    evidence: dict[str, list[m.Evidence]] = field(default_factory=dict)
    #: `file:path` -> evidence for file-level values.
    field_evidence: dict[str, list[m.Evidence]] = field(default_factory=dict)
    #: Changes towards the base version that no item can show.
    change_notes: list[m.ChangeNote] = field(default_factory=list)
    #: Item id -> the overlay key path that gives it its status (its own listing or its nearest listed ancestor's),
    #: so that the evidence policy can point at the line.
    positions: dict[str, KeyPath] = field(default_factory=dict)
    #: The editors' main changes from this version to later ones (see `m.MainChange`).
    main_changes: list[m.MainChange] = field(default_factory=list)


@dataclass
class _Node:
    file: str
    path: KeyPath
    value: dict[str, Any]
    parent: str | None


def walk_items(data: Any, file: str, path: KeyPath = (), parent: str | None = None) -> Iterator[_Node]:
    """Every mapping with an `id` in a file's raw data, with the id of the nearest item around it."""
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            yield _Node(file, path, data, parent)
            parent = data["id"]
        for key, child in data.items():
            yield from walk_items(child, file, (*path, key), parent)
    elif isinstance(data, list):
        for index, child in enumerate(data):
            yield from walk_items(child, file, (*path, index), parent)


def _mark_unknown(value: dict[str, Any], *, keep_labels: bool = True) -> None:
    """Replace the texts of one item (not of the items nested in it) by the "not known" statement."""
    for key, child in list(value.items()):
        if keep_labels and _is_label(key, value):
            continue
        if is_text(child):
            value[key] = unknown_text()
        elif isinstance(child, dict) and "id" not in child:
            _mark_unknown(child)
        elif isinstance(child, list):
            for element in child:
                if isinstance(element, dict) and "id" not in element:
                    if is_text(element):
                        continue  # lists of texts are editor's notes, removed separately
                    _mark_unknown(element)


def _strip_base_only(data: Any, primary_source: str) -> None:
    """Remove what describes the base version's source only: editor's notes, history; pin source documents."""
    if isinstance(data, dict):
        for key in ("editor_notes", "cycle_editor_notes", "history"):
            if key in data:
                data[key] = []
        if "source" in data and isinstance(data["source"], dict) and "page" in data["source"]:
            data["source"].setdefault("document", primary_source)
        for key in ("monitoring_source", "cycle_source"):
            if isinstance(data.get(key), dict):
                data[key].setdefault("document", primary_source)
        for child in data.values():
            _strip_base_only(child, primary_source)
    elif isinstance(data, list):
        for child in data:
            _strip_base_only(child, primary_source)


class _Applier:
    def __init__(self, overlay_doc: YamlDocument, overlay: m.ReconstructionFile, base: dict[str, YamlDocument]):
        self.overlay_doc = overlay_doc
        self.overlay = overlay
        self.data = {name: copy.deepcopy(doc.data) for name, doc in base.items()}
        self.errors: list[DataError] = []
        self.nodes = {node.value["id"]: node for name, data in self.data.items() for node in walk_items(data, name)}
        #: Overlay positions to copy onto the merged documents: (file, merged path) -> overlay path.
        self.moved_positions: list[tuple[str, KeyPath, KeyPath]] = []

    def listed(self) -> dict[str, tuple[str, list[m.Evidence]]]:
        """Id -> (status, evidence) for every id the overlay lists (uncertain handled separately)."""
        out: dict[str, tuple[str, list[m.Evidence]]] = {}
        self.where: dict[str, KeyPath] = {}
        entries: list[tuple[str, KeyPath, str, list[m.Evidence]]] = []
        for status in ("known", "unknown", "absent"):
            for gi, group in enumerate(getattr(self.overlay, status)):
                entries += [(item_id, (status, gi, "ids", k), status, group.evidence) for k, item_id in enumerate(group.ids)]
        for ci, change in enumerate(self.overlay.changed):
            entries.append((change.id, ("changed", ci, "id"), "changed", change.evidence))
        for item_id, where, status, evidence in entries:
            if item_id not in self.nodes:
                self.errors.append(self.overlay_doc.error(where, f"unknown id `{item_id}`: no such item in version {self.overlay.based_on}"))
            elif item_id in out:
                self.errors.append(self.overlay_doc.error(where, f"`{item_id}` is listed twice; give each item one status"))
            else:
                out[item_id] = (status, evidence)
                self.where[item_id] = where
        for gi, group in enumerate(self.overlay.uncertain):
            for k, item_id in enumerate(group.ids):
                if item_id not in self.nodes:
                    self.errors.append(
                        self.overlay_doc.error(("uncertain", gi, "ids", k), f"unknown id `{item_id}`: no such item in version {self.overlay.based_on}")
                    )
        return out

    def status_of(
        self, item_id: str, listed: dict[str, tuple[str, list[m.Evidence]]]
    ) -> tuple[str, list[m.Evidence], KeyPath | None]:
        probe: str | None = item_id
        while probe is not None:
            if probe in listed:
                status, evidence = listed[probe]
                if probe != item_id and status == "changed":
                    # The evidence of a change speaks of what changed, not of the parts around it: the
                    # children of a changed item are not known unless listed themselves.
                    return "unknown", [], None
                return status, evidence, self.where[probe]
            probe = self.nodes[probe].parent
        return "unknown", [], None

    def set_fields(self, target: dict[str, Any], values: dict[str, object], file: str, path: KeyPath, where: KeyPath) -> None:
        for key, value in values.items():
            # A dotted key reaches into a nested value without an id (`appendix.body`).
            *outer, last = key.split(".")
            owner: Any = target
            for part in outer:
                owner = owner.get(part) if isinstance(owner, dict) else None
            if not isinstance(owner, dict):
                self.errors.append(self.overlay_doc.error((*where, key), f"no value `{key}` in this item"))
            elif value == UNKNOWN:
                if not is_text(owner.get(last)):
                    self.errors.append(self.overlay_doc.error((*where, key), f"`{key}` is not a text; only texts can be `unknown`"))
                    continue
                owner[last] = unknown_text()
            else:
                owner[last] = _with_unknown_texts(copy.deepcopy(value))
                self.moved_positions.append((file, (*path, *key.split(".")), (*where, key)))

    def file_field(self, change: m.FieldChange, index: int) -> None:
        where: KeyPath = ("fields", index)
        if change.file not in self.data:
            self.errors.append(self.overlay_doc.error((*where, "file"), f"unknown file `{change.file}`; expected one of {sorted(self.data)}"))
            return
        keys = change.path.split(".")
        parent = self.data[change.file]
        for key in keys[:-1]:
            parent = parent.get(key) if isinstance(parent, dict) else None
        if not isinstance(parent, dict) or keys[-1] not in parent:
            self.errors.append(self.overlay_doc.error((*where, "path"), f"no value `{change.path}` in {change.file}"))
            return
        if change.value == SAME:
            return
        if change.value == UNKNOWN:
            self.set_fields(parent, {keys[-1]: UNKNOWN}, change.file, tuple(keys[:-1]), (*where, "value"))
            return
        parent[keys[-1]] = _with_unknown_texts(copy.deepcopy(change.value))
        self.moved_positions.append((change.file, tuple(keys), (*where, "value")))

    def add_item(self, addition: m.ItemAddition, index: int) -> str | None:
        where: KeyPath = ("added", index)
        target: Any = self.data.get(addition.file)
        for key in addition.path.split("."):
            target = target.get(key) if isinstance(target, dict) else None
        if not isinstance(target, list):
            self.errors.append(self.overlay_doc.error((*where, "path"), f"no list `{addition.path}` in {addition.file}"))
            return None
        item_id = addition.item.get("id")
        if not isinstance(item_id, str) or item_id in self.nodes:
            self.errors.append(self.overlay_doc.error((*where, "item", "id"), "an added item needs an id the base version does not use"))
            return None
        self.moved_positions.append((addition.file, (*addition.path.split("."), len(target)), (*where, "item")))
        target.append(_with_unknown_texts(copy.deepcopy(addition.item)))
        return item_id

    def unknown_file_texts(self, data: Any, file: str, path: KeyPath, fixed: set[tuple[str, str]]) -> None:
        """File-level texts (outside any item) are unknown unless a `fields` entry sets or keeps them."""
        if not isinstance(data, dict) or "id" in data:
            return
        for key, child in data.items():
            dotted = ".".join(str(p) for p in (*path, key))
            if (file, dotted) in fixed or _is_label(key, data):
                continue
            if is_text(child):
                data[key] = unknown_text()
            elif isinstance(child, dict):
                self.unknown_file_texts(child, file, (*path, key), fixed)


def apply(
    overlay_doc: YamlDocument, overlay: m.ReconstructionFile, base: dict[str, YamlDocument], primary_source: str
) -> tuple[dict[str, YamlDocument], Reconstruction | None, list[DataError]]:
    """Apply a reconstruction to the parsed files of its base version.

    Args:
        overlay_doc: The parsed `reconstruction.yaml` (for error positions).
        overlay: Its validated model.
        base: The base version's parsed files, by file name.
        primary_source: The base version's primary source id (texts kept from it cite it).

    Returns:
        The reconstructed version's documents (to validate with the ordinary models), what is known about each
        item, and every error in the overlay.
    """
    applier = _Applier(overlay_doc, overlay, base)
    listed = applier.listed()
    fixed = {(c.file, c.path) for c in overlay.fields}
    status: dict[str, str] = {}
    evidence: dict[str, list[m.Evidence]] = {}
    positions: dict[str, KeyPath] = {}
    for item_id in applier.nodes:
        status[item_id], evidence[item_id], where = applier.status_of(item_id, listed)
        if where is not None:
            positions[item_id] = where
    absent = {item_id: ev for item_id, (st, ev) in listed.items() if st == "absent"}
    for item_id in list(status):
        if status[item_id] == "absent":
            del status[item_id]
    if applier.errors:
        return {}, None, applier.errors

    for index, change in enumerate(overlay.changed):
        node = applier.nodes[change.id]
        # Only what `set` gives is known of a changed item: a new title is no evidence for the body under it.
        _mark_unknown(node.value)
        applier.set_fields(node.value, change.set, node.file, node.path, ("changed", index, "set"))
    for index, field_change in enumerate(overlay.fields):
        applier.file_field(field_change, index)
    for item_id, item_status in status.items():
        if item_status == "unknown":
            _mark_unknown(applier.nodes[item_id].value)
    for index, addition in enumerate(overlay.added):
        added_id = applier.add_item(addition, index)
        if added_id is not None:
            status[added_id] = "known"
            evidence[added_id] = list(addition.evidence)
            positions[added_id] = ("added", index)
    for name, data in applier.data.items():
        applier.unknown_file_texts(data, name, (), fixed)
    # Remove absent items, deepest first so that list indexes of the outer lists stay valid.
    for item_id in sorted(absent, key=lambda i: len(applier.nodes[i].path), reverse=True):
        node = applier.nodes[item_id]
        container: Any = applier.data[node.file]
        for key in node.path[:-1]:
            container = container[key]
        container.remove(node.value) if isinstance(container, list) else container.__setitem__(node.path[-1], None)
    # Items that a `fields` change removed with their list are not part of the version at all.
    present = {node.value["id"] for name, data in applier.data.items() for node in walk_items(data, name)}
    status = {item_id: value for item_id, value in status.items() if item_id in present}
    for name, data in applier.data.items():
        _strip_base_only(data, primary_source)
    if "corrections.yaml" in applier.data:
        applier.data["corrections.yaml"] = {"corrections": [], "kept": []}
    if applier.errors:
        return {}, None, applier.errors

    docs: dict[str, YamlDocument] = {}
    for name, data in applier.data.items():
        doc = YamlDocument(
            path=overlay_doc.path,
            display_path=f"{overlay_doc.display_path} (applied to {overlay.based_on}/{name})",
            lines=overlay_doc.lines,
            data=data,
        )
        for file, merged_path, overlay_path in applier.moved_positions:
            if file != name:
                continue
            for path, position in overlay_doc.values.items():
                if path[: len(overlay_path)] == overlay_path:
                    doc.values[(*merged_path, *path[len(overlay_path):])] = position
        docs[name] = doc
    uncertain = frozenset(i for group in overlay.uncertain for i in group.ids)
    for group in overlay.uncertain:
        for item_id in group.ids:
            evidence[item_id] = [*evidence.get(item_id, []), *group.evidence]
    field_evidence = {f"{c.file}:{c.path}": list(c.evidence) for c in overlay.fields}
    info = Reconstruction(
        based_on=overlay.based_on,
        summary=overlay.summary,
        status=status,
        uncertain=uncertain,
        absent=absent,
        evidence={k: v for k, v in evidence.items() if v},
        field_evidence=field_evidence,
        change_notes=list(overlay.change_notes),
        positions=positions,
        main_changes=list(overlay.main_changes),
    )
    return docs, info, []
