"""The sentence behind each checklist rule: found in the version's own text, never retyped.

A rule of the plan checklist is a sentence of the guideline (growth model, selection of interventions, minimum
hurdle). Each rule quotes that sentence (`cite`), and this module checks, when an official version is loaded,
that the quote stands verbatim (up to white space and footnote markers) in the text of the item it names, in both
languages. The page is the item's own source page, so it cannot drift from the data either.

For a reconstructed version the quoted item may not be known; `citation` then returns None and the site says the
sentence is not known for that version rather than showing the later text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from generator.data import models as m
from generator.data.errors import DataError, KeyPath
from generator.data.yaml_source import YamlDocument
from generator.languages import LANGUAGES

_SPACE = re.compile(r"\s+")


def _normal(text: str) -> str:
    return _SPACE.sub(" ", m.FOOTNOTE_REF.sub("", text)).strip()


@dataclass(frozen=True)
class Citation:
    """A rule's sentence as it stands in one version, with where it stands."""

    item_id: str
    quote: m.Text
    page: int | None
    document: str | None


@dataclass(frozen=True)
class Found:
    model: BaseModel
    source: m.SourceRef | None


def _first_source(model: BaseModel) -> m.SourceRef | None:
    for name in type(model).model_fields:
        value = getattr(model, name)
        source = getattr(value, "source", None) if isinstance(value, BaseModel) else None
        if isinstance(source, m.SourceRef):
            return source
    return None


def _walk(value: object, source: m.SourceRef | None, out: dict[str, Found]) -> None:
    if isinstance(value, BaseModel):
        own = getattr(value, "source", None)
        source = own if isinstance(own, m.SourceRef) else source
        item_id = getattr(value, "id", None)
        if isinstance(item_id, str) and item_id not in out:
            out[item_id] = Found(value, source)
        for name in type(value).model_fields:
            _walk(getattr(value, name), source, out)
    elif isinstance(value, list):
        for child in value:
            _walk(child, source, out)


def item_index(files: Iterable[BaseModel]) -> dict[str, Found]:
    """Every item with an id in a version's files, with the source location nearest to it.

    Items without a source of their own (growth-model rows, legend entries) take the nearest enclosing one, or
    the first section of their file (the growth model's page).
    """
    out: dict[str, Found] = {}
    for model in files:
        _walk(model, _first_source(model), out)
    return out


def version_index(version: object) -> dict[str, Found]:
    """`item_index` of a loaded version (a `GuidelineVersion`). A reconstructed version's pages are not known:
    its items carry no source page, so a citation never shows a page of the later document."""
    models = [getattr(version, f.name) for f in dataclasses.fields(version)]  # type: ignore[arg-type]
    index = item_index(model for model in models if isinstance(model, BaseModel))
    if getattr(version, "reconstruction", None) is not None:
        index = {item_id: Found(found.model, None) for item_id, found in index.items()}
    return index


def _texts(value: object) -> Iterator[m.Text]:
    if isinstance(value, m.Text):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name))
    elif isinstance(value, list):
        for child in value:
            yield from _texts(child)


def _missing_languages(found: Found, quote: m.Text) -> list[str]:
    """The languages in which the quote is not in the item's (known) texts."""
    texts = [t for t in _texts(found.model) if not t.unknown]
    return [
        language
        for language in LANGUAGES
        if not any(_normal(quote.get(language)) in _normal(t.get(language)) for t in texts)
    ]


def citation(index: dict[str, Found], rule: m.Rule) -> Citation | None:
    """The rule's sentence in this version, or None when the version does not (knowably) contain it."""
    if rule.cite is None or rule.cite.item not in index:
        return None
    found = index[rule.cite.item]
    if _missing_languages(found, rule.cite.quote):
        return None
    source = found.source
    return Citation(rule.cite.item, rule.cite.quote, source.page if source else None, source.document if source else None)


def check_rule_citations(files: list[tuple[YamlDocument, BaseModel]]) -> list[DataError]:
    """Every rule of an official version quotes its sentence verbatim from the item it names."""
    index = item_index(model for _, model in files)
    errors: list[DataError] = []
    for doc, model in files:
        if not isinstance(model, m.GrowthModelFile):
            continue
        for number, rule in enumerate(model.rules):
            path: KeyPath = ("rules", number)
            if rule.cite is None:
                errors.append(doc.error(path, f"rule `{rule.id}` needs `cite`: the guideline's sentence it encodes"))
                continue
            found = index.get(rule.cite.item)
            if found is None:
                continue  # reported by the reference check
            for language in _missing_languages(found, rule.cite.quote):
                errors.append(
                    doc.error(
                        (*path, "cite", "quote", language),
                        f"the quote is not in the text of `{rule.cite.item}` ({language}); quote the sentence verbatim",
                    )
                )
    return errors


def check_training_labels(files: list[tuple[YamlDocument, BaseModel]]) -> list[DataError]:
    """Every named training of an intervention is named with words of the intervention's own text."""
    errors: list[DataError] = []
    for doc, model in files:
        if not isinstance(model, m.InterventionsFile):
            continue
        for number, intervention in enumerate(model.interventions):
            # The intervention's own words: everything but the training labels being checked.
            texts = [t for name in type(intervention).model_fields if name != "trainings" for t in _texts(getattr(intervention, name))]
            for index, training in enumerate(intervention.trainings):
                for language in LANGUAGES:
                    label = _normal(training.label.get(language)).lower()
                    if not any(label in _normal(t.get(language)).lower() for t in texts):
                        errors.append(
                            doc.error(
                                ("interventions", number, "trainings", index, "label", language),
                                f"`{label}` is not in the text of `{intervention.id}` ({language}); "
                                "name a training with the words the guideline uses",
                            )
                        )
    return errors
