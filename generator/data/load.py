"""Load and validate `guideline_data/`: the version registry and every version folder.

All files are read and all errors are gathered before anything fails, so a maintainer sees every problem at
once (as `mkdocs.config.base.load_config` does), sorted by file and line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel

from generator.data import evidence_policy, reconstruct
from generator.data import models as m
from generator.data.checks import Located, check_ids_and_references, ids_in_raw_data, walk_files
from generator.data.cross_checks import check_history, check_rule_pages
from generator.data.errors import DataError, GuidelineDataError
from generator.data.rule_citations import Found, check_rule_citations, check_training_labels, version_index
from generator.data.search_aliases import load_search_aliases
from generator.data.validate import validate_document
from generator.data.yaml_source import YamlDocument, load_yaml

REGISTRY_FILE = "versions.yaml"


@dataclass(frozen=True)
class GuidelineVersion:
    """One version of the guideline, fully validated."""

    meta: m.Version
    document: m.DocumentFile
    core_elements: m.CoreElementsFile
    interventions: m.InterventionsFile
    minimum_hurdle: m.MinimumHurdleFile
    growth_model: m.GrowthModelFile
    selection: m.SelectionFile
    objectives: m.ObjectivesFile
    cycle: m.CycleFile
    funding: m.FundingFile
    footnotes: m.FootnotesFile
    corrections: m.CorrectionsFile
    #: For a reconstructed version: what is known about each item and the evidence.
    reconstruction: reconstruct.Reconstruction | None = None

    @property
    def id(self) -> str:
        return self.meta.id

    @cached_property
    def rule_citation_index(self) -> dict[str, Found]:
        """Every item with its source, for the rules' citations: walked once per loaded version, though every
        page set of both languages and the checklist's data ask for it (a cached property is allowed on a frozen
        dataclass: it writes the instance's `__dict__` directly)."""
        return version_index(self)

    def is_unknown(self, item_id: str) -> bool:
        """Whether the item's text is not known in this (reconstructed) version."""
        return self.reconstruction is not None and self.reconstruction.status.get(item_id) == "unknown"

    def is_uncertain(self, item_id: str) -> bool:
        """Whether it is uncertain that the item was part of this (reconstructed) version."""
        return self.reconstruction is not None and item_id in self.reconstruction.uncertain

    def evidence(self, item_id: str) -> list[m.Evidence]:
        if self.reconstruction is None:
            return []
        return self.reconstruction.evidence.get(item_id, [])

    def core_element(self, element_id: str) -> m.CoreElement:
        return next(e for e in self.core_elements.core_elements if e.id == element_id)

    def interventions_of(self, element_id: str) -> list[m.Intervention]:
        found = [i for i in self.interventions.interventions if i.core_element == element_id]
        return sorted(found, key=lambda i: i.number)

    def footnote(self, footnote_id: str) -> m.Footnote:
        return next(f for f in self.footnotes.footnotes if f.id == footnote_id)


@dataclass(frozen=True)
class Guideline:
    """Every version, in registry order."""

    versions: list[GuidelineVersion]
    #: Words people type for items (`search_aliases.yaml`), given to the search index of the current pages only.
    search_aliases: tuple[m.SearchAlias, ...] = ()

    @property
    def current(self) -> GuidelineVersion:
        return next(v for v in self.versions if v.meta.status == "current")

    def version(self, version_id: str) -> GuidelineVersion:
        return next(v for v in self.versions if v.id == version_id)

    def previous(self, version: GuidelineVersion) -> GuidelineVersion | None:
        """The version before `version` in time (by start of validity), if any."""
        earlier = [v for v in self.chronological() if v.meta.valid_from < version.meta.valid_from]
        return earlier[-1] if earlier else None

    def chronological(self) -> list[GuidelineVersion]:
        return sorted(self.versions, key=lambda v: v.meta.valid_from)


def _display(path: Path, root: Path) -> str:
    try:
        return os.path.relpath(path, root)
    except ValueError:  # another drive on Windows
        return str(path)


def _read(path: Path, model: type[BaseModel], root: Path) -> tuple[YamlDocument, BaseModel | None, list[DataError]]:
    doc, errors = load_yaml(path, _display(path, root))
    if doc.data is None:
        return doc, None, errors
    validated, model_errors = validate_document(doc, model)
    return doc, validated, errors + model_errors


def _check_registry(doc: YamlDocument, registry: m.VersionsFile, data_dir: Path) -> list[DataError]:
    errors: list[DataError] = []
    seen: set[str] = set()
    for index, version in enumerate(registry.versions):
        path = ("versions", index)
        if version.id in seen:
            errors.append(doc.error((*path, "id"), f"duplicate version id `{version.id}`"))
        seen.add(version.id)
        source_ids = [s.id for s in version.sources]
        if version.primary_source not in source_ids:
            errors.append(
                doc.error((*path, "primary_source"), f"unknown source `{version.primary_source}`; expected one of {source_ids}")
            )
        if version.valid_until < version.valid_from:
            errors.append(doc.error((*path, "valid_until"), "valid_until is before valid_from"))
        if not (data_dir / version.id).is_dir():
            errors.append(doc.error((*path, "id"), f"no folder `{version.id}/` for this version in {doc.display_path}'s folder"))
    current = [v.id for v in registry.versions if v.status == "current"]
    if len(current) != 1:
        errors.append(doc.error(("versions",), f"exactly one version must have status `current`, found {current}"))
    for folder in sorted(p for p in data_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        if folder.name not in seen and folder.name != "schema":
            errors.append(doc.error(("versions",), f"folder `{folder.name}/` is not registered in {REGISTRY_FILE}"))
    return errors


def _check_source_documents(nodes: list[Located], meta: m.Version) -> list[DataError]:
    known = {s.id for s in meta.sources}
    errors = []
    for node in nodes:
        source = node.value
        if isinstance(source, m.SourceRef) and source.document is not None and source.document not in known:
            errors.append(
                node.doc.error(
                    (*node.path, "document"),
                    f"unknown source document `{source.document}`; expected one of {sorted(known)}",
                )
            )
    return errors


def _read_version_files(folder: Path, root: Path) -> tuple[dict[str, YamlDocument], list[DataError]]:
    """Parse (not yet validate) every file of an official version folder."""
    errors: list[DataError] = []
    docs: dict[str, YamlDocument] = {}
    for name in m.VERSION_FILES:
        path = folder / name
        if not path.is_file():
            errors.append(DataError(_display(path, root), 1, 1, (), f"missing file: every version needs {name}"))
            continue
        doc, file_errors = load_yaml(path, _display(path, root))
        errors.extend(file_errors)
        if doc.data is not None:
            docs[name] = doc
    for extra in sorted(folder.glob("*.y*ml")):
        if extra.name not in m.VERSION_FILES:
            expected = ", ".join(m.VERSION_FILES)
            errors.append(DataError(_display(extra, root), 1, 1, (), f"unexpected file; a version folder holds {expected}"))
    return docs, errors


def _build_version(
    meta: m.Version,
    docs: dict[str, YamlDocument],
    reconstruction: reconstruct.Reconstruction | None = None,
    located: dict[str, list[Located]] | None = None,
) -> tuple[GuidelineVersion | None, list[DataError]]:
    """Validate parsed files against the models, then check ids and references across them.

    `located` receives the version's files walked once (`walk_files`), for the checks across versions.
    """
    errors: list[DataError] = []
    files: list[tuple[YamlDocument, BaseModel]] = []
    loaded: dict[str, Any] = {}
    unvalidated: set[str] = set()
    for name, doc in docs.items():
        validated, model_errors = validate_document(doc, m.VERSION_FILES[name])
        errors.extend(model_errors)
        if validated is not None and not model_errors:
            files.append((doc, validated))
            loaded[name.removesuffix(".yaml")] = validated
        else:
            unvalidated |= ids_in_raw_data(doc.data)
    # Cross-file checks also run when another file failed validation (every error at once); the ids that file
    # defines count as known, so its own errors do not show up again as a cascade of "unknown id" errors
    # elsewhere. A file that could not be parsed at all hides its ids, so then they wait.
    nodes = walk_files(files)
    if len(docs) == len(m.VERSION_FILES):
        footnotes_used = reconstruction is None and not unvalidated
        errors.extend(check_ids_and_references(files, unvalidated, footnotes_used=footnotes_used, nodes=nodes))
        errors.extend(_check_source_documents(nodes, meta))
        if reconstruction is None:
            # A reconstruction may not know a rule's sentence or an intervention's words; the site then says so
            # (rule_citations.citation), and the official version it is based on has been checked.
            errors.extend(check_rule_citations(files))
            errors.extend(check_training_labels(files))
    if errors or len(loaded) != len(m.VERSION_FILES):
        return None, errors
    version = GuidelineVersion(meta=meta, reconstruction=reconstruction, **loaded)
    basis_errors = check_rule_pages(version, nodes)
    if basis_errors:
        return None, basis_errors
    if located is not None:
        located[meta.id] = nodes
    return version, []


def _load_reconstruction(
    meta: m.Version,
    folder: Path,
    root: Path,
    official: dict[str, tuple[m.Version, dict[str, YamlDocument]]],
    failed: set[str],
    located: dict[str, list[Located]],
    applied: dict[str, tuple[YamlDocument, m.ReconstructionFile, reconstruct.Reconstruction]],
) -> tuple[GuidelineVersion | None, list[DataError]]:
    path = folder / m.RECONSTRUCTION_FILE
    if not path.is_file():
        message = f"missing file: a reconstructed version needs {m.RECONSTRUCTION_FILE} (or mark it official)"
        return None, [DataError(_display(path, root), 1, 1, (), message)]
    doc, overlay, errors = _read(path, m.ReconstructionFile, root)
    for extra in sorted(folder.glob("*.y*ml")):
        if extra.name != m.RECONSTRUCTION_FILE:
            errors.append(
                DataError(_display(extra, root), 1, 1, (), f"unexpected file; a reconstructed version holds only {m.RECONSTRUCTION_FILE}")
            )
    if overlay is None or errors:
        return None, errors
    overlay = cast(m.ReconstructionFile, overlay)
    if overlay.based_on in failed:
        return None, []  # the base version's own errors are reported; errors here would only repeat them
    if overlay.based_on not in official:
        known = sorted(official)
        return None, [doc.error(("based_on",), f"`{overlay.based_on}` is not an official version; expected one of {known}")]
    base_meta, base_docs = official[overlay.based_on]
    docs, info, errors = reconstruct.apply(doc, overlay, base_docs, base_meta.primary_source)
    if errors or info is None:
        return None, errors
    applied[meta.id] = (doc, overlay, info)
    policy_errors = evidence_policy.check(doc, overlay, info, docs, meta)
    version, errors = _build_version(meta, docs, info, located)
    return (None if policy_errors else version), policy_errors + errors


def _fingerprint(data_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """Every data file with its modification time and size: when none changed, neither did the data."""
    return tuple(
        (str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in sorted(data_dir.rglob("*.y*ml"))
    )


_cache: dict[tuple[object, ...], Guideline] = {}


def load_guideline(data_dir: Path, root: Path | None = None) -> Guideline:
    """Load and validate every version in `data_dir`.

    Args:
        data_dir: The `guideline_data/` folder.
        root: Paths in error messages are relative to this folder (default: the current directory).

    Returns:
        The validated guideline.

    Raises:
        GuidelineDataError: With every error found, if there is any.
    """
    root = root or Path.cwd()
    # One site build loads the data once per language build and once to fail fast; the validated models are
    # frozen, so the same result can be shared while the files are unchanged.
    key = (str(data_dir.resolve()), str(root.resolve()), _fingerprint(data_dir))
    if key in _cache:
        return _cache[key]
    guideline = _load_uncached(data_dir, root)
    _cache.clear()
    _cache[key] = guideline
    return guideline


def _load_uncached(data_dir: Path, root: Path) -> Guideline:
    registry_path = data_dir / REGISTRY_FILE
    if not registry_path.is_file():
        raise GuidelineDataError([DataError(_display(registry_path, root), 1, 1, (), "missing version registry")])
    doc, registry, errors = _read(registry_path, m.VersionsFile, root)
    if registry is None:
        raise GuidelineDataError(errors)
    registry = cast(m.VersionsFile, registry)
    errors.extend(_check_registry(doc, registry, data_dir))
    built: dict[str, GuidelineVersion] = {}
    official: dict[str, tuple[m.Version, dict[str, YamlDocument]]] = {}
    located: dict[str, list[Located]] = {}
    applied: dict[str, tuple[YamlDocument, m.ReconstructionFile, reconstruct.Reconstruction]] = {}
    # Official versions first: a reconstruction is written as changes to one of them.
    for meta in sorted(registry.versions, key=lambda v: v.completeness != "official"):
        folder = data_dir / meta.id
        if not folder.is_dir():
            continue
        if meta.completeness == "reconstructed":
            failed = {v.id for v in registry.versions if v.completeness == "official" and v.id not in official}
            version, version_errors = _load_reconstruction(meta, folder, root, official, failed, located, applied)
        else:
            docs, version_errors = _read_version_files(folder, root)
            version, model_errors = _build_version(meta, docs, located=located)
            version_errors += model_errors
            if version_errors:
                version = None
            elif version is not None:
                official[meta.id] = (meta, docs)
        errors.extend(version_errors)
        if version is not None:
            built[meta.id] = version
    versions = [built[meta.id] for meta in registry.versions if meta.id in built]
    errors.extend(check_history(registry.versions, located))
    errors.extend(evidence_policy.check_across(applied))
    errors.extend(_check_main_changes(applied, built, {meta.id: meta for meta in registry.versions}))
    if errors:
        raise GuidelineDataError(errors)
    guideline = Guideline(versions=versions)
    aliases_path = data_dir / m.SEARCH_ALIASES_FILE
    aliases, errors = load_search_aliases(aliases_path, _display(aliases_path, root), guideline.current)
    if errors:
        raise GuidelineDataError(errors)
    return Guideline(versions=versions, search_aliases=aliases)


def _check_main_changes(
    applied: dict[str, tuple[YamlDocument, m.ReconstructionFile, reconstruct.Reconstruction]],
    built: dict[str, GuidelineVersion],
    registered: dict[str, m.Version],
) -> list[DataError]:
    """Each main change leads to a later version and names items of one of the two versions."""
    from generator.diff import items  # the diff module builds on this one

    errors: list[DataError] = []
    for version_id, (doc, overlay, _info) in applied.items():
        start = registered[version_id].valid_from
        later = sorted(v.id for v in registered.values() if v.valid_from > start)
        for index, change in enumerate(overlay.main_changes):
            if change.towards not in later:
                errors.append(doc.error(("main_changes", index, "towards"), f"`{change.towards}` is not a later version; expected one of {later}"))
                continue
            old, new = built.get(version_id), built.get(change.towards)
            if old is None or new is None:
                continue  # a version with errors of its own: those are reported
            known = set(items(old)) | set(items(new))
            for k, item_id in enumerate(change.items):
                if item_id not in known:
                    errors.append(
                        doc.error(("main_changes", index, "items", k), f"unknown id `{item_id}`: no such item in {version_id} or {change.towards}")
                    )
    return errors
