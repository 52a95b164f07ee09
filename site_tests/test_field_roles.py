"""Field roles are declared once, on the models, and the diff and the reconstruction follow them (no field list of
their own): a field added to a model is compared, named or kept by what its declaration says."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel

from generator import diff
from generator.data import models as m
from generator.data.fields import EDITORIAL, LABEL, NAME, NOTE, Role, doc, with_role
from generator.data.load import Guideline
from generator.data.validate import model_at
from generator.i18n import STRINGS
from generator.languages import LANGUAGES


class Probe(m.Item):
    """A made-up item with one field of each role, none of which `generator.diff` has ever heard of."""

    caption: Annotated[m.Text, doc("A name.", NAME, LABEL)]
    remark: Annotated[m.Text, doc("A new content text.")]
    part: Annotated[m.AppendixText | None, doc("A nested part (no id) with texts of its own.")] = None
    aside: Annotated[m.Text, doc("The editors' aside.", EDITORIAL)]
    aside_notes: Annotated[list[m.Text], doc("The editors' notes.", NOTE)]


def _text(words: str) -> dict[str, str]:
    return {language: f"{words} ({language})" for language in LANGUAGES}


def _probe(**change: Any) -> diff.Item:
    data = {"id": "probe", "source": {"page": 1}, "caption": _text("a"), "remark": _text("b"), "aside": _text("c"), "aside_notes": []}
    return diff.Item.of(Probe.model_validate({**data, **change}))


def test_the_diff_compares_the_content_fields_a_model_declares() -> None:
    assert set(_probe().fields) == {"caption", "remark", "part"}
    fields, texts, unknown = diff.compare_values(_probe(), _probe(remark=_text("other")))
    assert fields == ["remark"] and [t.field for t in texts] == ["remark"] and not unknown
    assert not diff.renamed(_probe(), _probe(remark=_text("other")), "remark")


def test_a_change_in_a_name_field_is_a_rename() -> None:
    old, new = _probe(), _probe(caption=_text("other"))
    assert diff.compare_values(old, new)[0] == ["caption"]
    assert diff.renamed(old, new, "caption")


def test_editorial_fields_are_not_compared() -> None:
    old, new = _probe(), _probe(aside=_text("other"), aside_notes=[_text("note")], source={"page": 9})
    assert diff.compare_values(old, new)[0] == []


def test_the_fields_of_a_nested_part_are_compared_by_the_part_model_s_roles() -> None:
    part = {"heading": _text("h"), "body": _text("b"), "source": {"page": 1}}
    assert set(_probe(part=part).fields) == {"caption", "remark", "part.heading", "part.body", "part.subentries"}


def test_a_reconstruction_keeps_the_label_fields_and_no_other_text_of_an_unknown_item(guideline: Guideline) -> None:
    checked = 0
    for version in guideline.versions:
        if version.reconstruction is None:
            continue
        base = diff.items(guideline.version(version.reconstruction.based_on))
        for item_id, item in diff.items(version).items():
            if not version.is_unknown(item_id) or item_id not in base:
                continue
            model = type(item.model)
            for name in with_role(model, Role.CONTENT):
                value = getattr(item.model, name)
                if not isinstance(value, m.Text):
                    continue
                if name in with_role(model, LABEL):
                    assert value == getattr(base[item_id].model, name), (version.id, item_id, name)
                else:
                    assert value.unknown, (version.id, item_id, name)
                checked += 1
            for name in with_role(model, NOTE):
                assert getattr(item.model, name) == [], (version.id, item_id, name)
    assert checked > 50


def _item_models() -> set[type[BaseModel]]:
    """The models whose instances the diff reports on: those with an `id`, reached through content fields."""
    seen: set[type[BaseModel]] = set()

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name in with_role(model, Role.CONTENT):
            for inner in (model_at(model, (name,)), model_at(model, (name, 0))):
                if inner is not None:
                    walk(inner)

    for model in m.VERSION_FILES.values():
        walk(model)
    return {model for model in seen if "id" in model.model_fields}


def test_every_field_the_diff_can_report_has_a_label_in_every_language() -> None:
    """Change summaries name a changed field by its `field_<name>` string (else its bare name would show)."""
    missing = []
    for model in _item_models():
        for name in with_role(model, Role.CONTENT):
            holds_items = any(
                inner is not None and "id" in inner.model_fields
                for inner in (model_at(model, (name,)), model_at(model, (name, 0)))
            )
            if not holds_items:  # items nested in an item report their own changes
                missing += [f"{lang}: field_{name} ({model.__name__})" for lang in LANGUAGES if f"field_{name}" not in STRINGS[lang]]
            missing += [f"{lang}: type_{model.__name__}" for lang in LANGUAGES if f"type_{model.__name__}" not in STRINGS[lang]]
    assert len(_item_models()) > 15
    assert not sorted(set(missing)), sorted(set(missing))
