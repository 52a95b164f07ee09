"""Checks that need more than one file's ids: rule references that must lead to a page, and item histories that
name other versions and the items of earlier versions.
"""

from __future__ import annotations

from pydantic import BaseModel

from generator.data import models as m
from generator.data.checks import Located
from generator.data.errors import DataError


def check_rule_pages(version: object, nodes: list[Located]) -> list[DataError]:
    """Every id a rule's `basis` names must have a place on a page: the rule links to it (a footnote has none).

    `nodes` is the version's files walked (`checks.walk_files`)."""
    from generator.pages import item_locations  # the pages module is the one truth about which items have pages

    locations = item_locations(version)  # type: ignore[arg-type]
    errors = []
    for node in nodes:
        if isinstance(node.value, m.Rule):
            for index, item_id in enumerate(node.value.basis):
                if item_id not in locations:
                    errors.append(
                        node.doc.error(
                            (*node.path, "basis", index),
                            f"`{item_id}` has no place on a page, so the rule cannot link to it; name the "
                            "item that states the rule (a row, a list entry or a section) instead",
                        )
                    )
    return errors


def _ids(nodes: list[Located]) -> set[str]:
    return {
        node.value.id  # type: ignore[attr-defined]
        for node in nodes
        if isinstance(node.value, BaseModel) and isinstance(getattr(node.value, "id", None), str)
    }


def check_history(versions: list[m.Version], located: dict[str, list[Located]]) -> list[DataError]:
    """`history.version` names a registered version; `merged_from` names items of a version before it.

    `located` holds each loaded version's files walked (`checks.walk_files`)."""
    registered = {v.id: v for v in versions}
    errors = []
    for nodes in located.values():
        for node in nodes:
            if isinstance(node.value, m.History):
                record = node.value
                doc = node.doc
                when = registered.get(record.version)
                if when is None:
                    errors.append(
                        doc.error(
                            (*node.path, "version"),
                            f"unknown version `{record.version}`; expected one of {sorted(registered)}",
                        )
                    )
                    continue
                earlier = set().union(
                    *(_ids(located.get(v.id, [])) for v in versions if v.valid_from < when.valid_from)
                ) if record.merged_from else set()
                for index, item_id in enumerate(record.merged_from):
                    if item_id not in earlier:
                        errors.append(
                            doc.error(
                                (*node.path, "merged_from", index),
                                f"`{item_id}` is no item of a version before {record.version}",
                            )
                        )
    return errors
