"""What each field of the data models is for: its role and its documentation, declared once on the model.

A model field is declared `name: Annotated[Type, doc("What it holds.", NAME, LABEL)]`. The text becomes the
field's `description` (in the JSON Schemas, the open-data API's schema and the hints of `check`'s errors); the
roles tell the code that compares and reconstructs versions what the field is, so that a new field needs no
list kept by hand elsewhere:

| role | `generator.diff` | `generator.data.reconstruct` |
|---|---|---|
| content (every field that is not editorial) | compared | replaced by "not known" unless the evidence gives it |
| `NAME` | a change in its words renames the item | (as content) |
| `LABEL` | (as content) | kept from the base version, so that the page keeps its structure |
| `EDITORIAL` | not compared: the editors' account, not the guideline's words | kept |
| `NOTE` | not compared (editorial) | dropped: the editors' notes speak of the base version's source |

The roles are published in the schemas as `x-roles`.
"""

from __future__ import annotations

import functools
from enum import Enum
from typing import Any

from pydantic import BaseModel, Field


class Role(str, Enum):
    """What a field is for (see the table above); a field without an editorial role is content."""

    CONTENT = "content"
    NAME = "name"
    LABEL = "label"
    EDITORIAL = "editorial"
    NOTE = "note"


NAME, LABEL, EDITORIAL, NOTE = Role.NAME, Role.LABEL, Role.EDITORIAL, Role.NOTE

#: The key under which a field's roles are kept (and published in the schemas).
ROLES_KEY = "x-roles"


def doc(description: str, *roles: Role) -> Any:
    """A field's documentation and roles, for `Annotated[Type, doc(...)]` on a model field."""
    given = set(roles)
    if not given & {Role.EDITORIAL, Role.NOTE}:
        given.add(Role.CONTENT)
    if Role.NOTE in given:
        given.add(Role.EDITORIAL)
    return Field(description=description, json_schema_extra={ROLES_KEY: [r.value for r in Role if r in given]})


@functools.cache
def roles(model: type[BaseModel], name: str) -> frozenset[Role]:
    """The roles of one field of `model` (content where the field declares none)."""
    extra = model.model_fields[name].json_schema_extra
    declared = extra.get(ROLES_KEY) if isinstance(extra, dict) else None
    if not isinstance(declared, list):
        return frozenset({Role.CONTENT})
    return frozenset(Role(value) for value in declared)


@functools.cache
def with_role(model: type[BaseModel], role: Role) -> tuple[str, ...]:
    """The fields of `model` that have `role`, in declaration order."""
    return tuple(name for name in model.model_fields if role in roles(model, name))


def described(model: type[BaseModel], name: str) -> Any:
    """The documentation and roles of `model.name`, for a field elsewhere that holds the same value."""
    field = model.model_fields[name]
    extra = field.json_schema_extra
    return Field(description=field.description, json_schema_extra=dict(extra) if isinstance(extra, dict) else None)
