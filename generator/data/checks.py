"""Cross-file checks that no single model can make: unique ids, references, footnote markers.

Reference fields are declared in the models with `Ref(...)` metadata; this module finds them by walking the
validated model tree together with its key path, so every error still points at its YAML line.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from generator.data.errors import DataError, KeyPath
from generator.data.models import FOOTNOTE_REF, Ref, Text
from generator.data.yaml_source import YamlDocument
from generator.languages import LANGUAGES


@dataclass(frozen=True)
class Located:
    """A value found in a file's model tree, with where it is."""

    doc: YamlDocument
    path: KeyPath
    value: Any
    #: The `Ref` metadata of the field holding `value`, if it is a reference.
    ref: Ref | None = None


def _ref_of(annotation: Any) -> Ref | None:
    for arg in typing.get_args(annotation):
        if isinstance(arg, Ref):
            return arg
        found = _ref_of(arg)
        if found is not None:
            return found
    return None


@functools.cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, Ref | None], ...]:
    """A model's field names with the `Ref` of each (worked out once per class: every load walks every item)."""
    fields = []
    for name, field in model.model_fields.items():
        # pydantic moves a top-level `Annotated[str, Ref(...)]` into `field.metadata`.
        ref = next((meta for meta in field.metadata if isinstance(meta, Ref)), None)
        fields.append((name, ref or _ref_of(field.annotation)))
    return tuple(fields)


def walk(doc: YamlDocument, value: Any, path: KeyPath = (), ref: Ref | None = None) -> Iterator[Located]:
    """Every model, list element and field value below `value`, depth first, with its key path."""
    yield Located(doc, path, value, ref)
    if isinstance(value, BaseModel):
        for name, field_ref in _fields(type(value)):
            child = getattr(value, name)
            if child is not None:
                yield from walk(doc, child, (*path, name), field_ref)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from walk(doc, child, (*path, index), ref)


def walk_files(files: list[tuple[YamlDocument, BaseModel]]) -> list[Located]:
    """`walk` of every file of a version, in order."""
    return [node for doc, model in files for node in walk(doc, model)]


#: An HTML tag or comment (`<script>`, `</b>`, `<img …>`, `<!--`); `<https://…>` autolinks and `a < b` are not.
RAW_HTML = re.compile(r"<(?:!--|/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]))")


def ids_in_raw_data(data: Any) -> set[str]:
    """Every `id` in a parsed file that failed validation, so references to its items are not reported too."""
    found: set[str] = set()
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            found.add(data["id"])
        for value in data.values():
            found |= ids_in_raw_data(value)
    elif isinstance(data, list):
        for value in data:
            found |= ids_in_raw_data(value)
    return found


def raw_html_snippet(text: str, start: int) -> str:
    """The raw HTML tag starting at `start`, for a message (cut short when it does not end soon)."""
    end = text.find(">", start)
    return text[start : end + 1] if 0 <= end - start < 60 else text[start : start + 40] + "…"


def _text_errors(node: Located) -> list[DataError]:
    """Raw HTML is refused: texts are Markdown only, so no page, feed or API consumer receives markup from data."""
    errors = []
    for language in LANGUAGES:
        match = RAW_HTML.search(node.value.get(language))
        if match:
            snippet = raw_html_snippet(node.value.get(language), match.start())
            errors.append(
                node.doc.error(
                    (*node.path, language),
                    f"raw HTML `{snippet}` in a text; texts are Markdown only (write `&lt;` for a literal `<`)",
                )
            )
    return errors


def check_ids_and_references(
    files: list[tuple[YamlDocument, BaseModel]],
    unvalidated_ids: set[str] | frozenset[str] = frozenset(),
    footnotes_used: bool = True,
    nodes: list[Located] | None = None,
) -> list[DataError]:
    """Check one version folder: ids unique across its files, every reference and footnote marker resolves,
    every footnote is used, no text holds raw HTML.

    Args:
        files: Each validated file with its parsed document.
        unvalidated_ids: Ids defined in files of the folder that failed validation: references to them are
            taken as resolved, so the other files' own errors are still all reported, without a cascade.
        footnotes_used: Whether every footnote must be used (not in a reconstruction, whose unknown texts
            carry no footnote markers).
        nodes: `walk` of every file, when the caller has it already.

    Returns:
        Every error found (empty if all is well).
    """
    if nodes is None:
        nodes = walk_files(files)
    errors: list[DataError] = []

    ids_by_class: dict[str, set[str]] = {}
    first_definition: dict[str, Located] = {}
    for node in nodes:
        if not isinstance(node.value, BaseModel) or "id" not in type(node.value).model_fields:
            continue
        item_id = node.value.id  # type: ignore[attr-defined]
        earlier = first_definition.get(item_id)
        if earlier is not None:
            where = f"{earlier.doc.display_path}:{earlier.doc.position((*earlier.path, 'id')).line}"
            errors.append(node.doc.error((*node.path, "id"), f"duplicate id `{item_id}` (first defined at {where})"))
            continue
        first_definition[item_id] = node
        for cls in type(node.value).__mro__:
            ids_by_class.setdefault(cls.__name__, set()).add(item_id)
    every_id = set(first_definition)
    referenced: set[str] = set()

    for node in nodes:
        if node.ref is not None and isinstance(node.value, str):
            referenced.add(node.value)
            known = every_id if node.ref.target == "*" else ids_by_class.get(node.ref.target, set())
            if node.value not in known and node.value not in unvalidated_ids:
                kind = "item" if node.ref.target == "*" else node.ref.target
                errors.append(node.doc.error(node.path, f"unknown {kind} id `{node.value}`: no such id in this version"))
        if isinstance(node.value, Text):
            errors.extend(_text_errors(node))
            for language in LANGUAGES:
                for match in FOOTNOTE_REF.finditer(node.value.get(language)):
                    referenced.add(match.group(1))
                    if match.group(1) not in ids_by_class.get("Footnote", set()) | unvalidated_ids:
                        errors.append(
                            node.doc.error(
                                (*node.path, language),
                                f"footnote reference [^{match.group(1)}] names no footnote in footnotes.yaml",
                            )
                        )
        if isinstance(node.value, Text):
            markers = {
                language: [m.group(1) for m in FOOTNOTE_REF.finditer(node.value.get(language))] for language in LANGUAGES
            }
            if len({tuple(sorted(found)) for found in markers.values()}) > 1:
                listed_markers = ", ".join(f"{language} {found}" for language, found in markers.items())
                errors.append(
                    node.doc.error(node.path, f"footnote references differ between languages: {listed_markers}")
                )
    unused = ids_by_class.get("Footnote", set()) - referenced if footnotes_used else set()
    for footnote_id in sorted(unused):
        node = first_definition[footnote_id]
        errors.append(
            node.doc.error(
                (*node.path, "id"),
                f"footnote `{footnote_id}` is never used: no text has [^{footnote_id}] and no item names it",
            )
        )
    return errors
