"""The open-data API: the guideline as JSON files that RHO sites and tools can use instead of retyping it.

Published at `/api/<version>.json` for every version, `/api/current.json` (a copy of the current version's file)
and `/api/schema.json` (the JSON Schema those files follow, generated from the models below). Output is
deterministic: sorted keys, no timestamps.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from generator import pages
from generator.data import models as m
from generator.data.load import Guideline, GuidelineVersion
from generator.i18n import LANGUAGES

API_VERSION = 1


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PageUrls(_Frozen):
    """Where an item is shown: its page (with anchor) at the unversioned address of the current version."""

    nl: str
    en: str


class ApiIntervention(_Frozen):
    id: str
    core_element: str
    number: int
    title: m.Text
    short_title: m.Text | None
    description: m.Text | None
    source_page: int
    urls: PageUrls


class ApiDocument(_Frozen):
    """One version of the guideline as published in `/api/<version>.json`."""

    api_version: Literal[1]
    version: m.Version
    #: The interventions with their pages, for lists on other sites.
    interventions: list[ApiIntervention]
    #: The growth-model and selection rules as data a program can evaluate.
    rules: list[m.Rule]
    #: Every item's page and anchor, keyed by item id (current version only; empty for other versions).
    urls: dict[str, PageUrls]
    #: Everything of the version, file by file, exactly as validated (texts in Dutch and English, sources,
    #: evidence and editor's notes).
    data: dict[str, Any]


def _urls(version: GuidelineVersion, site_root: str) -> dict[str, PageUrls]:
    root = site_root.rstrip("/") + "/"
    found = {}
    for item_id, location in pages.item_locations(version).items():
        path = location.src_uri.removesuffix("index.md").removesuffix(".md")
        anchor = f"#{location.anchor}" if location.anchor else ""
        found[item_id] = PageUrls(**{lang: f"{root}{lang}/{path}{anchor}" for lang in LANGUAGES})
    return found


def version_document(guideline: Guideline, version: GuidelineVersion, site_root: str) -> ApiDocument:
    """The API document of one version. URLs are given for the current version, whose pages the site shows."""
    urls = _urls(version, site_root) if version.id == guideline.current.id else {}
    interventions = [
        ApiIntervention(
            id=i.id,
            core_element=i.core_element,
            number=i.number,
            title=i.title,
            short_title=i.short_title,
            description=i.appendix.body if i.appendix else None,
            source_page=i.source.page,
            urls=urls[i.id] if urls else PageUrls(nl="", en=""),
        )
        for element in version.core_elements.core_elements
        for i in version.interventions_of(element.id)
    ]
    data = {
        name.removesuffix(".yaml"): getattr(version, name.removesuffix(".yaml")).model_dump(mode="json")
        for name in m.VERSION_FILES
    }
    return ApiDocument(
        api_version=API_VERSION, version=version.meta, interventions=interventions,
        rules=list(version.growth_model.rules), urls=urls, data=data,
    )


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def api_files(guideline: Guideline, site_root: str) -> dict[str, str]:
    """File name (below the site root) -> JSON text, for every version, `current` and the schema."""
    files = {}
    for version in guideline.versions:
        document = version_document(guideline, version, site_root).model_dump(mode="json")
        files[f"api/{version.id}.json"] = _json(document)
    files["api/current.json"] = files[f"api/{guideline.current.id}.json"]
    schema = ApiDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = site_root.rstrip("/") + "/api/schema.json"
    files["api/schema.json"] = _json(schema)
    return files
