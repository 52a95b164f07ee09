"""The evidence policy of reconstructed versions (documented in `guideline_data/README.md`), as checks.

A reconstruction publishes what is known of a version whose text is not available, so every statement must be
exactly as strong as its source. `check` enforces, with the overlay's `file:line`:

- `known` needs a source that states the text: S000, S002 or SRC evidence with `shows: text` and a `quote` or a
  precise `locator`; `absent` needs such evidence with `shows: absence`; a `changed` value, an `added` item and a
  kept file value need evidence too;
- inference is tagged as inference: INF evidence shows nothing by itself (`shows: context`), and evidence whose
  words hedge ("waarschijnlijk", "probably") cannot show text, absence or existence;
- evidence that states another version's text (`of_version`) only carries over if that version reads the same;
- a text kept from the base version that mentions a date after the version's validity is an error.

An item whose only change is its title inherits no body text: `reconstruct.apply` marks every text of a changed
item that `set` does not give as not known.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any

from generator.data import models as m
from generator.data.errors import DataError, KeyPath
from generator.data.reconstruct import SAME, UNKNOWN, Reconstruction, is_text, walk_items
from generator.data.yaml_source import YamlDocument
from generator.languages import LANGUAGES

#: Words that make a statement uncertain; such a statement is inference, whatever its source.
HEDGES = re.compile(
    r"\b(waarschijnlijk|hoogstwaarschijnlijk|vermoedelijk|mogelijk|wellicht|lijkt|probably|likely|possibly|"
    r"presumably|perhaps|suggests?|seems?)\b",
    re.IGNORECASE,
)

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "january"), ("februari", "february"), ("maart", "march"), ("april",), ("mei", "may"),
            ("juni", "june"), ("juli", "july"), ("augustus", "august"), ("september",), ("oktober", "october"),
            ("november",), ("december",),
        ),
        start=1,
    )
    for name in names
}
#: "1 januari 2026", "January 2026", "1 January 2026", and "vanaf 2026" / "from 2026" / "per 2026".
_DATE = re.compile(
    r"\b(?:(\d{1,2})\s+)?(" + "|".join(_MONTHS) + r")\s+(\d{4})\b|\b(?:vanaf|per|from|since|sinds)\s+(\d{4})\b",
    re.IGNORECASE,
)


def dates_in(text: str) -> Iterator[tuple[str, datetime.date]]:
    """Every date a text mentions, as (the words, the earliest day they can mean)."""
    for match in _DATE.finditer(text):
        day, month, year, bare_year = match.groups()
        if bare_year:
            yield match.group(0), datetime.date(int(bare_year), 1, 1)
        else:
            yield match.group(0), datetime.date(int(year), _MONTHS[month.lower()], int(day or 1))


def _states(evidence: m.Evidence, shows: str) -> bool:
    return evidence.tag != "INF" and evidence.shows == shows and bool(evidence.quote or evidence.locator)


def _all_evidence(overlay: m.ReconstructionFile) -> Iterator[tuple[KeyPath, m.Evidence]]:
    for section in ("known", "unknown", "uncertain", "absent", "changed", "added", "fields", "change_notes", "main_changes"):
        for index, entry in enumerate(getattr(overlay, section)):
            for k, evidence in enumerate(entry.evidence):
                yield (section, index, "evidence", k), evidence


def _evidence_errors(doc: YamlDocument, overlay: m.ReconstructionFile) -> Iterator[DataError]:
    for path, evidence in _all_evidence(overlay):
        if evidence.tag == "INF" and evidence.shows != "context":
            yield doc.error(
                (*path, "shows"),
                f"INF evidence is the editors' inference and shows nothing by itself: expected `shows: context`, "
                f"got `shows: {evidence.shows}`; cite a source that states it",
            )
        if evidence.shows in ("text", "absence") and not (evidence.quote or evidence.locator):
            yield doc.error(
                (*path, "shows"),
                f"evidence with `shows: {evidence.shows}` needs the source's words (`quote`) or a precise place "
                "(`locator`, e.g. `tabel 1` or `voetnoot 2, p. 6`)",
            )
        if evidence.shows != "context":
            # The quote is the source's own wording ("indien gewenst en mogelijk"); only the editors' words count.
            basis = [evidence.basis] if isinstance(evidence.basis, str) else [evidence.basis.get(lang) for lang in LANGUAGES]
            words = [*basis, *((evidence.note.get(language) for language in LANGUAGES) if evidence.note else ())]
            hedge = next((found.group(0) for w in words if (found := HEDGES.search(w))), None)
            if hedge:
                yield doc.error(
                    (*path, "note") if evidence.note else (*path, "shows"),
                    f"the evidence hedges (`{hedge}`): an uncertain statement is inference; tag it INF with "
                    "`shows: context`, and give the item the status its certain evidence supports",
                )


def _needs(
    doc: YamlDocument, where: KeyPath, evidence: list[m.Evidence], shows: tuple[str, ...], what: str
) -> Iterator[DataError]:
    if not any(_states(e, kind) for e in evidence for kind in shows):
        kinds = " or ".join(f"`shows: {kind}`" for kind in shows)
        yield doc.error(
            where,
            f"{what}, but no evidence shows it: expected S000, S002 or SRC evidence with {kinds} and a `quote` or "
            "`locator`",
        )


def _status_errors(doc: YamlDocument, overlay: m.ReconstructionFile) -> Iterator[DataError]:
    for gi, group in enumerate(overlay.known):
        yield from _needs(doc, ("known", gi, "evidence"), group.evidence, ("text",), f"{_ids(group.ids)} `known`")
    for gi, group in enumerate(overlay.absent):
        yield from _needs(doc, ("absent", gi, "evidence"), group.evidence, ("absence",), f"{_ids(group.ids)} `absent`")
    for ci, change in enumerate(overlay.changed):
        if any(value != UNKNOWN for value in change.set.values()):
            # Absence evidence backs a change that takes a later part out (a footnote marker of 2026).
            yield from _needs(doc, ("changed", ci, "evidence"), change.evidence, ("text", "absence"), f"`{change.id}` is `changed`")
    for ai, addition in enumerate(overlay.added):
        yield from _needs(doc, ("added", ai, "evidence"), addition.evidence, ("text",), "an `added` item")
    for fi, field_change in enumerate(overlay.fields):
        shows: tuple[str, ...]
        if field_change.value == SAME:
            what, shows = f"`{field_change.path}` is kept (`same`)", ("text", "existence")
        elif field_change.value in ([], None):
            what, shows = f"`{field_change.path}` is removed", ("absence",)
        elif field_change.value == UNKNOWN:
            continue
        else:
            what, shows = f"`{field_change.path}` is set", ("text",)
        yield from _needs(doc, ("fields", fi, "evidence"), field_change.evidence, shows, what)


def _ids(ids: list[str]) -> str:
    return ", ".join(f"`{i}`" for i in ids) + (" is" if len(ids) == 1 else " are")


def _own_texts(value: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The texts of one item, not those of the items nested in it."""
    for child in value.values():
        if is_text(child):
            yield child
        elif isinstance(child, dict) and "id" not in child:
            yield from _own_texts(child)
        elif isinstance(child, list):
            for element in child:
                if is_text(element):
                    continue  # lists of texts are editor's notes, not guideline text
                if isinstance(element, dict) and "id" not in element:
                    yield from _own_texts(element)


def _anachronisms(doc: YamlDocument, info: Reconstruction, docs: dict[str, YamlDocument], meta: m.Version) -> Iterator[DataError]:
    valid_until = meta.valid_until
    # A text taken from a document that appeared before the version ended (the Bestuurlijke afspraken of April
    # 2024) may name later dates as plans; a text kept from the later guideline may not.
    earlier_documents = {s.id for s in meta.sources if s.date is not None and s.date <= valid_until}
    for name, merged in docs.items():
        for node in walk_items(merged.data, name):
            item_id = node.value["id"]
            if info.status.get(item_id) != "known" or item_id not in info.positions:
                continue
            source = node.value.get("source")
            if isinstance(source, dict) and source.get("document") in earlier_documents:
                continue
            for text in _own_texts(node.value):
                if text.get("unknown"):
                    continue
                for words, day in (found for language in LANGUAGES for found in dates_in(text[language])):
                    if day > valid_until:
                        yield doc.error(
                            info.positions[item_id],
                            f"`{item_id}` keeps the text of {info.based_on}, which mentions “{words}”, after this "
                            f"version's validity (until {valid_until.isoformat()}): mark it `unknown`, or `changed` "
                            "with the text its evidence states",
                        )
                        break
                else:
                    continue
                break


def check(
    doc: YamlDocument,
    overlay: m.ReconstructionFile,
    info: Reconstruction,
    docs: dict[str, YamlDocument],
    meta: m.Version,
) -> list[DataError]:
    """Every breach of the evidence policy in one reconstruction (cross-version checks: `check_across`)."""
    errors = [*_evidence_errors(doc, overlay), *_status_errors(doc, overlay)]
    errors += _anachronisms(doc, info, docs, meta)
    return errors


def check_across(reconstructions: dict[str, tuple[YamlDocument, m.ReconstructionFile, Reconstruction]]) -> list[DataError]:
    """Evidence that states another version's text carries over only if that version reads the same there."""
    errors: list[DataError] = []
    for doc, overlay, _info in reconstructions.values():
        for gi, group in enumerate(overlay.known):
            for k, evidence in enumerate(group.evidence):
                other = reconstructions.get(evidence.of_version or "")
                if other is None or not _states(evidence, "text"):
                    continue
                for item_id in group.ids:
                    status = other[2].status.get(item_id, "absent")
                    if status != "known":
                        errors.append(
                            doc.error(
                                ("known", gi, "evidence", k, "of_version"),
                                f"`{item_id}` is `known` from a source about {evidence.of_version}, but "
                                f"{evidence.of_version} marks it `{status}`: the two reconstructions contradict "
                                "each other",
                            )
                        )
    return errors
