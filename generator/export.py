"""The open-data API: the guideline as JSON files that RHO sites and tools can use instead of retyping it.

Published at `/api/<version>.json` for every version, `/api/current.json` (a copy of the current version's file)
and `/api/schema.json` (the JSON Schema those files follow, generated from the models below); the changes between
each pair of versions at `/api/changes/<old>-naar-<new>.json`, following `/api/changes.schema.json`. Output is
deterministic: sorted keys, no timestamps.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from generator import diff, pages
from generator.data import models as m
from generator.data.load import Guideline, GuidelineVersion
from generator.i18n import LANGUAGES, ui

API_VERSION = 1


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


#: An address: absolute (`uri`) in a build for a public URL, relative to the JSON file in a portable build (the
#: schema then says `uri-reference`).
Url = Annotated[str, Field(json_schema_extra={"format": "uri"})]


#: A page (with anchor) in every language of the site.
PageUrls = create_model(  # type: ignore[call-overload]
    "PageUrls",
    __base__=_Frozen,
    __doc__="A page (with anchor) in every language of the site.",
    **{language: (Url, ...) for language in LANGUAGES},
)


#: The `data` of a version document: every file of the version, exactly as its model describes it.
ApiData = create_model(  # type: ignore[call-overload]
    "ApiData",
    __base__=_Frozen,
    __doc__="Everything of the version, file by file, exactly as validated.",
    **{name.removesuffix(".yaml"): (model, ...) for name, model in m.VERSION_FILES.items()},
)


class ItemUrls(_Frozen):
    """Where an item is shown: at the address pinned to its version (never changes) and, for the current
    version, at the unversioned address (which shows the newest text once a new version appears)."""

    pinned: PageUrls
    current: PageUrls | None


class ApiReconstruction(_Frozen):
    """What a reconstructed version knows about each item (absent for official versions)."""

    based_on: str
    summary: m.Text
    #: Item id -> "known", "changed" or "unknown" (the text is not known; it reads "not known").
    status: dict[str, str]
    #: Items that may or may not have been part of the version.
    uncertain: list[str]
    #: Items of `based_on` that this version lacks, with the evidence.
    absent: dict[str, list[m.Evidence]]
    #: Item id -> the evidence for its status.
    evidence: dict[str, list[m.Evidence]]


class ApiIntervention(_Frozen):
    id: str
    core_element: str
    number: int
    title: m.Text
    short_title: m.Text | None
    description: m.Text | None
    source_page: int
    urls: ItemUrls
    #: For a reconstructed version: the evidence for this intervention, and whether its presence is uncertain.
    evidence: list[m.Evidence]
    uncertain: bool


class ApiDocument(_Frozen):
    # The schema's description, naming the files' address as generator/pages.py forms it.
    __doc__ = f"One version of the guideline as published in `/{pages.api_version('<version>')}`."

    #: The JSON Schema this file follows.
    schema_: Url = Field(alias="$schema")
    api_version: Literal[1]
    version: m.Version
    #: The interventions with their pages, for lists on other sites.
    interventions: list[ApiIntervention]
    #: The growth-model and selection rules as data a program can evaluate.
    rules: list[m.Rule]
    #: Every item's pages (pinned and, for the current version, unversioned), keyed by item id.
    urls: dict[str, ItemUrls]
    reconstruction: ApiReconstruction | None
    #: Everything of the version, file by file, exactly as validated (texts in Dutch and English, sources,
    #: evidence and editor's notes).
    data: ApiData


def _urls(guideline: Guideline, version: GuidelineVersion, site_root: str) -> dict[str, ItemUrls]:
    is_current = version.id == guideline.current.id
    found = {}
    for item_id, location in pages.item_locations(version).items():
        pinned_uri = pages.pinned(location.src_uri, version.id)

        def url(lang: str, src_uri: str, anchor: str | None = location.anchor) -> str:
            return pages.under(site_root, pages.in_language(lang, src_uri, anchor))

        pinned = PageUrls(**{lang: url(lang, pinned_uri) for lang in LANGUAGES})
        current = PageUrls(**{lang: url(lang, location.src_uri) for lang in LANGUAGES}) if is_current else None
        found[item_id] = ItemUrls(pinned=pinned, current=current)
    return found


def version_document(guideline: Guideline, version: GuidelineVersion, site_root: str) -> ApiDocument:
    """The API document of one version."""
    urls = _urls(guideline, version, site_root)
    interventions = [
        ApiIntervention(
            id=i.id,
            core_element=i.core_element,
            number=i.number,
            title=i.title,
            short_title=i.short_title,
            description=i.appendix.body if i.appendix else None,
            source_page=i.source.page,
            urls=urls[i.id],
            evidence=version.evidence(i.id),
            uncertain=version.is_uncertain(i.id),
        )
        for element in version.core_elements.core_elements
        for i in version.interventions_of(element.id)
    ]
    data = ApiData(**{name.removesuffix(".yaml"): getattr(version, name.removesuffix(".yaml")) for name in m.VERSION_FILES})
    reconstruction = None
    if version.reconstruction is not None:
        r = version.reconstruction
        reconstruction = ApiReconstruction(
            based_on=r.based_on, summary=r.summary, status=dict(r.status), uncertain=sorted(r.uncertain),
            absent=dict(r.absent), evidence=dict(r.evidence),
        )
    return ApiDocument(
        **{"$schema": pages.under(site_root, pages.API_SCHEMA)}, api_version=API_VERSION, version=version.meta, interventions=interventions,
        rules=list(version.growth_model.rules), urls=urls, reconstruction=reconstruction, data=data,
    )


class ApiTextChange(_Frozen):
    field: str
    old: m.Text
    new: m.Text


class ApiChange(_Frozen):
    kind: diff.ChangeKind
    id: str
    #: Model class of the item (`Intervention`, `Rule`, `ListEntry`, ...).
    type: str
    fields: list[str]
    #: Fields that cannot be compared because one version does not know the text.
    unknown_fields: list[str]
    texts: list[ApiTextChange]
    moved_from: str | None
    moved_to: str | None
    merged_from: list[str]
    evidence: list[m.Evidence]
    #: The item's pinned page in the older and in the newer version (None where it does not exist).
    old_urls: PageUrls | None
    new_urls: PageUrls | None


class ApiChangeSet(_Frozen):
    # The schema's description, naming the files' address as generator/pages.py forms it.
    __doc__ = f"The changes between two versions, as published in `/{pages.api_changes('<old>', '<new>')}`."

    #: The JSON Schema this file follows.
    schema_: Url = Field(alias="$schema")
    api_version: Literal[1]
    old: str
    new: str
    #: Number of changes per kind.
    counts: dict[str, int]
    changes: list[ApiChange]
    #: Changes the evidence reports without a text of the older (reconstructed) version to compare.
    notes: list[m.ChangeNote]
    #: The editors' main changes between the two versions ("Belangrijkste wijzigingen"), with reason and evidence.
    main_changes: list[m.MainChange]


def changes_document(guideline: Guideline, changes: diff.ChangeSet, site_root: str) -> ApiChangeSet:
    old_urls = _urls(guideline, guideline.version(changes.old), site_root)
    new_urls = _urls(guideline, guideline.version(changes.new), site_root)

    def pinned(found: dict[str, ItemUrls], item_id: str) -> PageUrls | None:
        return found[item_id].pinned if item_id in found else None

    old_version = guideline.version(changes.old)
    return ApiChangeSet(
        **{"$schema": pages.under(site_root, pages.API_CHANGES_SCHEMA)},
        api_version=API_VERSION,
        old=changes.old,
        new=changes.new,
        counts=changes.counts(),
        notes=old_version.reconstruction.change_notes if old_version.reconstruction else [],
        main_changes=[c for c in old_version.reconstruction.main_changes if c.towards == changes.new]
        if old_version.reconstruction
        else [],
        changes=[
            ApiChange(
                kind=c.kind, id=c.item_id, type=c.item_type, fields=list(c.fields), unknown_fields=list(c.unknown_fields),
                texts=[ApiTextChange(field=t.field, old=t.old, new=t.new) for t in c.texts],
                moved_from=c.moved_from, moved_to=c.moved_to, merged_from=list(c.merged_from), evidence=list(c.evidence),
                old_urls=pinned(old_urls, c.item_id), new_urls=pinned(new_urls, c.item_id),
            )
            for c in changes.changes
        ],
    )




def _relative_urls(schema: Any) -> Any:
    """The schema with `uri` formats as `uri-reference`: a portable build's addresses are relative."""
    if isinstance(schema, dict):
        return {k: ("uri-reference" if k == "format" and v == "uri" else _relative_urls(v)) for k, v in schema.items()}
    if isinstance(schema, list):
        return [_relative_urls(v) for v in schema]
    return schema


def _schema(model: type[BaseModel], site_url: str | None, path: str) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    if site_url:
        schema["$id"] = pages.under(site_url, path)
        return schema
    return _relative_urls(schema)  # type: ignore[no-any-return]


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def _dump(document: BaseModel) -> str:
    return _json(_with_words(document.model_dump(mode="json", by_alias=True)))


def _with_words(value: Any) -> Any:
    """The dumped data with words for every text a reconstruction does not know: the data marks such a text
    `unknown` and holds no words; the API says so in each language (`generator.i18n.words`), as the pages do."""
    if isinstance(value, dict):
        if value.get("unknown") is True and set(LANGUAGES) <= set(value):
            return {**value, **{language: ui(language, "text_unknown") for language in LANGUAGES}}
        return {key: _with_words(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_with_words(child) for child in value]
    return value


def api_files(guideline: Guideline, site_url: str | None) -> dict[str, str]:
    """File name (below the site root) -> JSON text, for every version, `current` and the schema.

    Addresses are absolute below `site_url`, or relative to each file when there is no public URL.
    """
    files = {}
    for version in guideline.versions:
        path = pages.api_version(version.id)
        files[path] = _dump(version_document(guideline, version, site_url or pages.site_root_from(path)))
    files[pages.API_CURRENT] = files[pages.api_version(guideline.current.id)]
    files[pages.API_SCHEMA] = _json(_schema(ApiDocument, site_url, pages.API_SCHEMA))
    for old, new in diff.pairs(guideline.chronological()):
        path = pages.api_changes(old.id, new.id)
        document = changes_document(guideline, diff.diff(old, new), site_url or pages.site_root_from(path))
        files[path] = _dump(document)
    files[pages.API_CHANGES_SCHEMA] = _json(_schema(ApiChangeSet, site_url, pages.API_CHANGES_SCHEMA))
    return files
