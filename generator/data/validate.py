"""Validate parsed YAML against the models and map every pydantic error to its YAML location."""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar, Union

from pydantic import BaseModel, ValidationError

from generator.data.errors import DataError, KeyPath
from generator.data.yaml_source import YamlDocument
from generator.languages import LANGUAGES, info, listed

M = TypeVar("M", bound=BaseModel)

_EXAMPLE_ID = "regie-op-veelgebruikers"


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types an annotation allows (Annotated, Optional and unions removed)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        found: list[Any] = []
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                found.extend(_unwrap(arg))
        return found
    return [annotation]


def model_at(model: type[BaseModel], path: KeyPath) -> type[BaseModel] | None:
    """The model class that describes the value at `path`, if that value is a model."""
    current: list[Any] = [model]
    for part in path:
        following: list[Any] = []
        for candidate in current:
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                field = candidate.model_fields.get(str(part))
                if field is not None:
                    following.extend(_unwrap(field.annotation))
            elif typing.get_origin(candidate) is list and isinstance(part, int):
                following.extend(_unwrap(typing.get_args(candidate)[0]))
        current = following
    for candidate in current:
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _describe(value: Any) -> str:
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"


def _message(model: type[BaseModel], error: Any) -> tuple[str, bool]:
    """A readable message for one pydantic error, and whether it points at a key (not a value)."""
    kind = error["type"]
    loc: KeyPath = tuple(error["loc"])
    if kind == "missing":
        owner = model_at(model, loc[:-1])
        field = owner.model_fields.get(str(loc[-1])) if owner else None
        hint = f" ({field.description})" if field is not None and field.description else ""
        if loc and loc[-1] in LANGUAGES:
            return f"missing the {info(str(loc[-1])).english_name} text: expected keys {listed()}", False
        return f"missing required key `{loc[-1]}`{hint}", False
    if kind == "extra_forbidden":
        owner = model_at(model, loc[:-1])
        allowed = ", ".join(owner.model_fields) if owner else "?"
        return f"unknown key `{loc[-1]}`; expected one of: {allowed}", True
    if kind == "string_pattern_mismatch" and "a-z0-9" in str(error.get("ctx", {}).get("pattern", "")):
        return f"expected a kebab-case id such as `{_EXAMPLE_ID}`, got {_describe(error['input'])}", False
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, "), False
    if kind in ("model_type", "dict_type"):
        return f"expected a mapping of keys, got {_describe(error['input'])}", False
    return f"{error['msg']}; got {_describe(error['input'])}", False


def validate_document(doc: YamlDocument, model: type[M]) -> tuple[M | None, list[DataError]]:
    """Validate one parsed YAML document against `model`, collecting every error with its location."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        errors = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            if any(loc[: len(refused)] == refused for refused in doc.refused):
                continue  # the parser has reported this value already
            message, at_key = _message(model, error)
            errors.append(doc.error(tuple(error["loc"]), message, prefer_key=at_key))
        return None, errors
