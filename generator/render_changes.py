"""Render the pages about versions: the versions overview, one change summary and one redline per pair.

Pure like `generator.render`: Markdown out, no MkDocs import. Every entry links to the item in both versions
(their pinned pages, which never change) and shows the evidence behind it where a version is reconstructed.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import pages, redline
from generator.citations import cite
from generator.data import models as m
from generator.data.load import Guideline, GuidelineVersion
from generator.diff import KINDS, Change, ChangeSet, diff, items, pairs, without_refs
from generator.i18n import Language, ui
from generator.render import RenderedPage, Renderer, change_anchor, plain


@dataclass(frozen=True)
class EvidenceRef:
    """A short citation of one piece of evidence, linking to the one place on the page that shows it in full."""

    citation: str
    number: int


@dataclass(frozen=True)
class Entry:
    """One change, ready for the templates (`_changes.md.j2` writes it)."""

    change: Change
    #: The id of the entry on the change summary (badges link there).
    anchor: str
    label: str
    type_label: str
    #: Links to the item's pinned page in the older and newer version (None where it is absent).
    old_link: str | None
    new_link: str | None
    #: (words, target) of the links the entry offers: the item in the newer and the older version, its redline.
    links: list[tuple[str, str]]
    details: list[str]
    evidence: list[EvidenceRef]
    #: Whether either version is a reconstruction (an entry without evidence then says so).
    reconstructed: bool
    #: Footnotes, footnote markers, legend symbols, growth-model columns: listed together as minor changes.
    minor: bool = False


@dataclass(frozen=True)
class KindSection:
    """The changes of one kind on a change summary: the count, the entries listed in full and the minor ones."""

    kind: str
    count: int
    entries: list[Entry]
    minor: list[Entry]


@dataclass(frozen=True)
class EvidencePart:
    """One part of a piece of evidence shown in full: `kind` "text" (Markdown), "quote" (the source's words) or
    "see" (the number of the piece that already shows the same quote); `separator` goes before it."""

    kind: str
    value: str | int
    separator: str


#: Item types whose changes are minor: they accompany a change elsewhere (a footnote, a symbol, a column).
MINOR_TYPES = frozenset({"Footnote", "LegendSymbol", "YearColumn"})


def is_minor(change: Change) -> bool:
    """Whether a change is minor: a footnote, legend symbol or column, or only a footnote marker in a text."""
    if change.item_type in MINOR_TYPES:
        return True
    return bool(change.texts) and len(change.texts) == len(change.fields) and all(
        without_refs(t.old) == without_refs(t.new) for t in change.texts
    )


@dataclass(frozen=True)
class MainChangeView:
    """One of the editors' main changes, ready for the template."""

    change: m.MainChange
    #: (label, link to the item, link to its entry on this page or None).
    items: list[tuple[str, str | None, str | None]]
    evidence: list[EvidenceRef]


class ChangesRenderer:
    """Renders the version pages of one language."""

    def __init__(self, guideline: Guideline, language: Language, site_root: str = "/") -> None:
        self.guideline = guideline
        self.language = language
        self.renderers = {
            v.id: Renderer(guideline, language, v, site_root=site_root, prefix=pages.pinned_prefix(v.id)) for v in guideline.versions
        }
        #: The environment of the current version's unversioned pages (for `ui`, `t`, `to`).
        self.home = Renderer(guideline, language, site_root=site_root)
        self.changesets = [diff(old, new) for old, new in pairs(guideline.chronological())]

    def t(self, text: m.Text | None) -> str:
        return self.home.t(text)

    def label(self, version: GuidelineVersion, item_id: str) -> str:
        """A short readable name of an item in a version."""
        renderer = self.renderers[version.id]
        found = items(version).get(item_id)
        if found is None:
            return item_id
        model = found.model
        if isinstance(model, m.Rule):
            element = version.core_element(model.core_element).title if model.core_element else None
            scope = self.t(element) if element else ui(self.language, "rule_whole_plan")
            plan = ui(self.language, "rule_plan_" + model.plan)
            summary = ui(self.language, "text_unknown") if model.summary.unknown else self.t(model.summary)
            return f"{scope} ({plan}), {renderer.rule_years(model)}: {summary}"
        if isinstance(model, m.Footnote):
            return f"{ui(self.language, 'footnote')} {model.marker}"
        if isinstance(model, m.GrowthRow):
            return f"{ui(self.language, 'growth_model')}: {self.t(version.core_element(model.core_element).title)}"
        if isinstance(model, m.LegendSymbol):
            return f"{ui(self.language, 'legend')} {model.symbol}: {self.t(model.text_alternative)}"
        for name in ("short_title", "title", "heading", "label", "indicator", "name"):
            value = getattr(model, name, None)
            if isinstance(value, m.Text) and not value.unknown:
                return plain(m.FOOTNOTE_REF.sub("", self.t(value)), 120)
        for name in ("text", "body"):
            value = getattr(model, name, None)
            if isinstance(value, m.Text) and not value.unknown:
                return plain(self.t(value), 90)
        if version is not self.guideline.current and item_id in items(self.guideline.current):
            # Named by the current version's words, as the reconstructed pages keep the current headings.
            return self.label(self.guideline.current, item_id)
        return item_id

    def link(self, version: GuidelineVersion, item_id: str) -> str | None:
        renderer = self.renderers[version.id]
        if item_id not in renderer.locations:
            return None
        return renderer.link(item_id)

    def evidence(self, evidence: m.Evidence) -> str:
        note = f": {self.t(evidence.note)}" if evidence.note else ""
        return f"{cite(evidence, self.language)}{note}"

    def field_label(self, name: str) -> str:
        key = "field_" + name.split(".")[0].replace("-", "_")
        label = ui(self.language, key) if key in _field_keys(self.language) else name
        if name.startswith("cells."):
            label = f"{ui(self.language, 'field_cells')}, {ui(self.language, 'year_' + name.split('.')[1])}"
        return label

    def evidence_refs(
        self, evidence: list[m.Evidence] | tuple[m.Evidence, ...], numbers: dict[m.Evidence, int]
    ) -> list[EvidenceRef]:
        """Short citations, each numbered by the one place on the page where its quote and note are shown."""
        return [
            EvidenceRef(cite(item, self.language), numbers.setdefault(item, len(numbers) + 1)) for item in evidence
        ]

    def main_changes(self, changes: ChangeSet, numbers: dict[m.Evidence, int], listed: set[str]) -> list[MainChangeView]:
        """The editors' main changes from the older version to the newer one (kept in the older version's data)."""
        old, new = self.guideline.version(changes.old), self.guideline.version(changes.new)
        found = old.reconstruction.main_changes if old.reconstruction else []
        views = []
        for main in (c for c in found if c.towards == new.id):
            concerned = []
            for item_id in main.items:
                version = new if item_id in items(new) else old
                concerned.append(
                    (self.label(version, item_id), self.link(version, item_id), f"#{change_anchor(item_id)}" if item_id in listed else None)
                )
            views.append(MainChangeView(main, concerned, self.evidence_refs(main.evidence, numbers)))
        return views

    def entry(self, changes: ChangeSet, change: Change, numbers: dict[m.Evidence, int] | None = None) -> Entry:
        """One change ready for the templates; `numbers` numbers its evidence on the page (see `evidence_refs`)."""
        old, new = self.guideline.version(changes.old), self.guideline.version(changes.new)
        shown = new if change.kind != "removed" and change.item_id in items(new) else old
        details: list[str] = []
        if change.fields:
            names = ", ".join(self.field_label(f) for f in change.fields)
            details.append(f"{ui(self.language, 'changed_fields')}: {names}")
        if change.moved_from and change.moved_to:
            details.append(
                ui(
                    self.language,
                    "moved_from_to",
                    old=self.t(old.core_element(change.moved_from).title),
                    new=self.t(new.core_element(change.moved_to).title),
                )
            )
        if change.merged_from:
            merged = ", ".join(self.label(old, i) for i in change.merged_from)
            details.append(f"{ui(self.language, 'merged_from')}: {merged}")
        found = items(new).get(change.item_id)
        for record in getattr(found.model, "history", []) if found else []:
            if record.version == new.id and record.note is not None:
                details.append(f"{ui(self.language, 'history_' + record.kind.value, version=record.version)}: {self.t(record.note)}")
        if change.unknown_fields:
            names = ", ".join(self.field_label(f) for f in change.unknown_fields)
            details.append(f"{ui(self.language, 'not_comparable_fields')}: {names}")
        type_key = "type_" + change.item_type
        type_label = ui(self.language, type_key) if type_key in _field_keys(self.language) else change.item_type
        old_link, new_link = self.link(old, change.item_id), self.link(new, change.item_id)
        links = [
            (ui(self.language, "in_version", version=self.t(version.meta.label)), target)
            for version, target in ((new, new_link), (old, old_link))
            if target
        ]
        if change.texts:
            redline_page = pages.redline(old.id, new.id)
            links.append((ui(self.language, "redline_nav"), f"/{redline_page}#{change.item_id}"))
        return Entry(
            change=change,
            anchor=change_anchor(change.item_id),
            label=self.label(shown, change.item_id),
            type_label=type_label,
            old_link=old_link,
            new_link=new_link,
            links=links,
            details=details,
            evidence=self.evidence_refs(change.evidence, {} if numbers is None else numbers),
            reconstructed=bool(old.reconstruction or new.reconstruction),
            minor=is_minor(change),
        )

    def evidence_list(self, numbers: dict[m.Evidence, int]) -> list[tuple[int, list[EvidencePart]]]:
        """Each piece of evidence in full (citation, the source's words, the editors' note), numbered; a quote
        that an earlier piece already showed points there instead of being repeated."""
        shown: dict[str, int] = {}
        out = []
        for evidence, number in sorted(numbers.items(), key=lambda pair: pair[1]):
            parts: list[tuple[str, str | int]] = [("text", cite(evidence, self.language))]
            if evidence.quote and evidence.quote in shown:
                parts.append(("see", shown[evidence.quote]))
            elif evidence.quote:
                shown[evidence.quote] = number
                parts.append(("quote", evidence.quote))
            if evidence.note:
                parts.append(("text", self.t(evidence.note)))
            out.append((number, _separated(parts)))
        return out

    def redlines(self, changes: ChangeSet) -> list[tuple[Entry, list[tuple[str, str, str, int]]]]:
        """Every changed text: (entry, [(field label, inline HTML, side-by-side HTML, number of changes)])."""
        labels = redline.Labels(
            inserted=ui(self.language, "redline_inserted"),
            deleted=ui(self.language, "redline_deleted"),
            end=ui(self.language, "redline_end"),
            old=ui(self.language, "redline_old", version=self.t(self.guideline.version(changes.old).meta.label)),
            new=ui(self.language, "redline_new", version=self.t(self.guideline.version(changes.new).meta.label)),
        )
        out = []
        for change in changes.changes:
            if not change.texts:
                continue
            entry = self.entry(changes, change)
            views = []
            for text_change in change.texts:
                old_text = self.readable(self.guideline.version(changes.old), text_change.old)
                new_text = self.readable(self.guideline.version(changes.new), text_change.new)
                ops = redline.word_diff(old_text, new_text)
                caption = f"{entry.label}: {self.field_label(text_change.field)}"
                views.append(
                    (
                        self.field_label(text_change.field),
                        redline.inline_html(ops, labels),
                        redline.side_by_side_html(ops, labels, caption),
                        redline.count_changes(ops),
                    )
                )
            out.append((entry, views))
        return out

    def readable(self, version: GuidelineVersion, text: m.Text) -> str:
        """A text as plain words for a redline; footnote markers become "[footnote 2]" so their change shows."""
        footnotes = {f.id: f.marker for f in version.footnotes.footnotes}
        word = ui(self.language, "footnote").lower()
        marked = m.FOOTNOTE_REF.sub(lambda ref: f" [{word} {footnotes.get(ref.group(1), '?')}]", self.t(text))
        return plain(marked.replace("[", "⟦").replace("]", "⟧"), 100_000).replace("⟦", "[").replace("⟧", "]")

    def render_pages(self) -> list[RenderedPage]:
        env = self.home.env
        out = [
            RenderedPage(
                pages.VERSIONS,
                ui(self.language, "versions_title"),
                env.get_template("versions.md.j2").render(
                    title=ui(self.language, "versions_title"),
                    guideline=self.guideline,
                    pairs=[
                        (self.guideline.version(c.old), self.guideline.version(c.new), listed_count(c))
                        for c in reversed(self.changesets)
                    ],
                    page_status=None,
                ),
                "versions.yaml",
            )
        ]
        for changes in self.changesets:
            old, new = self.guideline.version(changes.old), self.guideline.version(changes.new)
            # Each piece of evidence gets one number per page: its quote and note are shown once, at the end.
            numbers: dict[m.Evidence, int] = {}
            listed = {c.item_id for c in changes.changes if c.kind != "unknown"}
            main = self.main_changes(changes, numbers, listed)
            entries = {kind: [self.entry(changes, c, numbers) for c in changes.of_kind(kind)] for kind in KINDS}
            notes = old.reconstruction.change_notes if old.reconstruction else []
            note_refs = [self.evidence_refs(note.evidence, numbers) for note in notes]
            counts = changes.counts()
            sections = [
                KindSection(kind, counts[kind], major, small)
                for kind in KINDS
                for major, small in [
                    (
                        [e for e in entries[kind] if kind == "unknown" or not e.minor],
                        [e for e in entries[kind] if kind != "unknown" and e.minor],
                    )
                ]
                if major or small
            ]
            context = {
                "old": old,
                "new": new,
                "changes": changes,
                "api_changes": pages.api_changes(changes.old, changes.new),
                "main": main,
                # Every kind with an entry (the counts table), then those listed in full, then the unknown ones.
                "sections": sections,
                "kind_sections": [section for section in sections if section.kind != "unknown"],
                "unknown": entries["unknown"],
                "minor": [e for section in sections for e in section.minor],
                "minor_count": sum(len(section.minor) for section in sections),
                "unknown_count": len(entries["unknown"]),
                "notes": list(zip(notes, note_refs)),
                "numbered": self.evidence_list(numbers),
                "text_changes": sum(1 for c in changes.changes if c.texts),
                "listed_count": listed_count(changes),
                "page_status": None,
            }
            title = ui(self.language, "changes_title", old=self.t(old.meta.label), new=self.t(new.meta.label))
            out.append(
                RenderedPage(
                    pages.changes(old.id, new.id),
                    title,
                    env.get_template("changes.md.j2").render(title=title, **context),
                    "versions.yaml",
                )
            )
            title = ui(self.language, "redline_title", old=self.t(old.meta.label), new=self.t(new.meta.label))
            out.append(
                RenderedPage(
                    pages.redline(old.id, new.id),
                    title,
                    env.get_template("redline.md.j2").render(title=title, redlines=self.redlines(changes), **context),
                    "versions.yaml",
                )
            )
        return out


def listed_count(changes: ChangeSet) -> int:
    """The changes a change summary lists (every kind but the items whose text is not known in either version)."""
    return sum(1 for c in changes.changes if c.kind != "unknown")


def _separated(parts: list[tuple[str, str | int]]) -> list[EvidencePart]:
    """Parts of a piece of evidence with what goes before each: a space after a part that ends a sentence (a
    quote ends with its own punctuation and closing mark), else a full stop and a space."""
    out: list[EvidencePart] = []
    ends_sentence = True
    for kind, value in parts:
        out.append(EvidencePart(kind, value, "" if not out else (" " if ends_sentence else ". ")))
        ends_sentence = kind == "quote" or (kind == "text" and str(value).endswith(("”", ".")))
    return out


def _field_keys(language: Language) -> set[str]:
    from generator.i18n import STRINGS

    return set(STRINGS[language])
