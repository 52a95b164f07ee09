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
from generator.render import RenderedPage, Renderer, change_anchor, md_escape, plain


@dataclass(frozen=True)
class Entry:
    """One change, ready for the templates."""

    change: Change
    label: str
    type_label: str
    #: Links to the item's pinned page in the older and newer version (None where it is absent).
    old_link: str | None
    new_link: str | None
    details: list[str]
    evidence: list[str]
    #: The entry as a Markdown list item (links, details, evidence), for the change summary.
    markdown: str
    #: Footnotes, footnote markers, legend symbols, growth-model columns: listed together as minor changes.
    minor: bool = False


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
    evidence: list[str]


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

    def evidence_refs(self, evidence: list[m.Evidence] | tuple[m.Evidence, ...], numbers: dict[m.Evidence, int]) -> list[str]:
        """Short citations, each linking to the one place on the page where its quote and note are shown."""
        refs = []
        for item in evidence:
            number = numbers.setdefault(item, len(numbers) + 1)
            refs.append(f"{cite(item, self.language)} [[{number}]](#onderbouwing-{number})")
        return refs

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
        label = self.label(shown, change.item_id)
        type_label = ui(self.language, type_key) if type_key in _field_keys(self.language) else change.item_type
        old_link, new_link = self.link(old, change.item_id), self.link(new, change.item_id)
        evidence = (
            self.evidence_refs(change.evidence, numbers) if numbers is not None else [self.evidence(e) for e in change.evidence]
        )
        links = [
            f"[{ui(self.language, 'in_version', version=self.t(version.meta.label))}]({target})"
            for version, target in ((new, new_link), (old, old_link))
            if target
        ]
        if change.texts:
            redline_page = pages.redline(old.id, new.id)
            links.append(f"[{ui(self.language, 'redline_nav')}](/{redline_page}#{change.item_id})")
        lines = [
            f'-   <span id="{change_anchor(change.item_id)}"></span>**{md_escape(label)}** <span class="gl-type">({type_label})</span>',
            "",
            "    " + " · ".join(links),
        ]
        for detail in details:
            lines += ["", "    " + detail]
        if evidence:
            lines += ["", f'    <span class="gl-evidence">{ui(self.language, "evidence")}:</span>', ""]
            lines += [f"    - {item}" for item in evidence]
        elif old.reconstruction or new.reconstruction:
            lines += ["", f'    <span class="gl-evidence">{ui(self.language, "evidence_none")}</span>']
        return Entry(
            change=change,
            label=label,
            type_label=type_label,
            old_link=old_link,
            new_link=new_link,
            details=details,
            evidence=evidence,
            markdown="\n".join(lines) + "\n",
            minor=is_minor(change),
        )

    def evidence_list(self, numbers: dict[m.Evidence, int]) -> list[tuple[int, str]]:
        """Each piece of evidence in full (citation, the source's words, the editors' note), numbered; a quote
        that an earlier piece already showed points there instead of being repeated."""
        shown: dict[str, int] = {}
        out = []
        for evidence, number in sorted(numbers.items(), key=lambda pair: pair[1]):
            parts = [cite(evidence, self.language)]
            if evidence.quote and evidence.quote in shown:
                parts.append(f"{ui(self.language, 'evidence_quote')}: [{ui(self.language, 'see')} {shown[evidence.quote]}](#onderbouwing-{shown[evidence.quote]})")
            elif evidence.quote:
                shown[evidence.quote] = number
                parts.append(f"{ui(self.language, 'evidence_quote')}: “{md_escape(evidence.quote)}”")
            if evidence.note:
                parts.append(self.t(evidence.note))
            text = parts[0]
            for part in parts[1:]:  # a quote ends with its own punctuation and closing mark
                text += (" " if text.endswith(("”", ".")) else ". ") + part
            out.append((number, text))
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
                    changesets=self.changesets,
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
            context = {
                "old": old,
                "new": new,
                "changes": changes,
                "api_changes": pages.api_changes(changes.old, changes.new),
                "kinds": KINDS,
                "main": main,
                "entries": {kind: [e for e in found if kind == "unknown" or not e.minor] for kind, found in entries.items()},
                "minor": [e for kind in KINDS if kind != "unknown" for e in entries[kind] if e.minor],
                "notes": list(zip(notes, note_refs)),
                "numbered": self.evidence_list(numbers),
                "evidence": self.evidence,
                "text_changes": sum(1 for c in changes.changes if c.texts),
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


def _field_keys(language: Language) -> set[str]:
    from generator.i18n import STRINGS

    return set(STRINGS[language])
