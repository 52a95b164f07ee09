"""Typed, strict models of the guideline data in `guideline_data/`.

Every model rejects unknown keys (a misspelt key that silently drops a condition is a safety defect in a
clinical guideline), is frozen, and validates types strictly (a number where text is expected is an
error, not something to coerce). Cross-file checks (unique ids, references, footnote markers) live in
`generator.data.checks`, because a single model cannot see the other files. Every field declares its
documentation and its role (content, name, label, editorial, note) with `doc(...)` (`generator.data.fields`): the
schemas, the diff and the reconstruction read them from here.

The layout of a version folder, one model per file:

| file | model |
|---|---|
| `document.yaml` | `DocumentFile`: cover, inleiding, uitgangspunten, definitie, section intros |
| `core_elements.yaml` | `CoreElementsFile` |
| `interventions.yaml` | `InterventionsFile` (overview list plus appendix B text) |
| `minimum_hurdle.yaml` | `MinimumHurdleFile` (conditions and RHO tasks) |
| `growth_model.yaml` | `GrowthModelFile` (table, legend, footnote, evaluable rules) |
| `selection.yaml` | `SelectionFile` (selecties van interventies) |
| `objectives.yaml` | `ObjectivesFile` (doelstellingen, monitoring, verantwoording, KPI table) |
| `cycle.yaml` | `CycleFile` (actualisatie, cycle figure, annual cycle, intake cohorts) |
| `funding.yaml` | `FundingFile` (bijlage A) |
| `footnotes.yaml` | `FootnotesFile` |
| `corrections.yaml` | `CorrectionsFile` (what the editors corrected in the source text) |
"""

from __future__ import annotations

import datetime
import re
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    create_model,
    model_validator,
)

from generator.data.fields import EDITORIAL, LABEL, NAME, NOTE, doc
from generator.languages import LANGUAGES, info

#: Stable identifiers: lower-case kebab-case, never changed across versions.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]

#: A footnote reference inside a Markdown text: `[^footnote-id]`.
FOOTNOTE_REF = re.compile(r"\[\^([^\]]+)\]")


class Ref:
    """Marks an id field as a reference to an item of the named model class ("*" for any item).

    `generator.data.checks` reads this metadata to report dangling references with their location.
    """

    def __init__(self, target: str) -> None:
        self.target = target

    def __repr__(self) -> str:
        return f"Ref({self.target!r})"


CoreElementRef = Annotated[str, Ref("CoreElement")]
FootnoteRef = Annotated[str, Ref("Footnote")]
AnyRef = Annotated[str, Ref("*")]


class StrictModel(BaseModel):
    """Base for every data model: unknown keys are errors, values are not coerced, objects are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("text must not be blank")
    return value


class _TextMethods(StrictModel):
    """What every text offers, whatever the configured languages (the fields are added below)."""

    def get(self, language: str) -> str:
        """The text in `language` (one of `generator.languages.LANGUAGES`)."""
        return str(getattr(self, language))


if TYPE_CHECKING:

    class Text(_TextMethods):
        unknown: bool

        def __init__(self, **texts: object) -> None: ...

else:
    # A text in every configured language (the YAML keys are the language codes), Markdown.
    Text = create_model(
        "Text",
        __base__=_TextMethods,
        __module__=__name__,
        __doc__="A text in every language of the site (Markdown). The default language is authoritative; the others "
        "are this site's translations.",
        **{
            language: (
                Annotated[NonEmpty, AfterValidator(_not_blank), doc(f"The text in {info(language).english_name}.")],
                ...,
            )
            for language in LANGUAGES
        },
        unknown=(
            Annotated[bool, doc(
                "Set only by the loader of a reconstructed version: the text of this version is not known, and every "
                "language then holds the site's statement saying so (never a guess).",
                EDITORIAL,
            )],
            False,
        ),
    )


class SourceRef(StrictModel):
    """Where an item stands in a source document (see `versions.yaml` `sources`)."""

    page: Annotated[int, Field(ge=1), doc("Page number in the source document (1-based, as printed).")]
    document: Annotated[Id | None, doc("Source document id; defaults to the version's primary source.")] = None


class Evidence(StrictModel):
    """Why a reconstructed item is believed to read as it does (used by reconstructed versions).

    Tags (see `guideline_data/README.md`): S000 (stated in the current guideline, versie 3 of 1 July 2025), S002
    (stated in the Bestuurlijke afspraken MTVP of April 2024), SRC (stated by a public source, `basis` is its URL),
    INF (the editors' inference). Recollections without a source are not evidence and have no tag.
    """

    tag: Annotated[Literal["S000", "S002", "SRC", "INF"], doc(
        "Where the evidence comes from: S000, S002, SRC or INF (see the class documentation)."
    )]
    basis: Annotated[NonEmpty | Text, doc(
        "A public URL, the public title of a document (\"Bestuurlijke afspraken MTVP (april 2024)\", shown as written, "
        "in its own language), or the editors' description of the basis in both languages (`{nl: …, en: …}`).",
        EDITORIAL,
    )]
    shows: Annotated[Literal["text", "absence", "existence", "context"], doc(
        "What this evidence shows (the evidence policy in `guideline_data/README.md`): `text` (the source states the "
        "item's text), `absence` (the source shows the item was not part of the version), `existence` (the source "
        "shows the item was part of the version, not its text) or `context` (background only: it supports no status). "
        "Only S000, S002 and SRC evidence with a `quote` or `locator` can show text or absence."
    )] = "context"
    quote: Annotated[NonEmpty | None, doc(
        "The source's own words that show it, as printed (in the source's language)."
    )] = None
    locator: Annotated[Text | None, doc(
        "The precise place in the source: page, table, paragraph, footnote (`{nl: \"tabel 1\", en: \"table 1\"}`), in "
        "both languages because the site shows it to readers of either."
    )] = None
    of_version: Annotated[NonEmpty | None, doc(
        "The version whose text the source states, where that is another version than the one reconstructed (a 2023 "
        "page used for 2025): the item must then read the same in that version too."
    )] = None
    note: Annotated[Text | None, doc("The editors' note on this evidence.")] = None


class HistoryKind(str, Enum):
    RENAMED = "renamed"
    MERGED = "merged"
    MOVED = "moved"


class History(StrictModel):
    """A change in an item's identity that a diff cannot see from the texts alone (merged) or should name."""

    kind: Annotated[HistoryKind, Strict(False), doc("What changed: `renamed`, `merged` or `moved`.")]
    version: Annotated[NonEmpty, doc("The version in which the change took effect (the newer version of the pair).")]
    merged_from: Annotated[list[Id], doc(
        "For `merged`: the ids of the earlier items this item absorbed (they are not reported as removed)."
    )] = []
    note: Annotated[Text | None, doc("The editors' note on the change.")] = None


#: An item's id, the editors' notes on it and its history, as every kind of item declares them.
ItemId = Annotated[Id, doc("Stable identifier (kebab-case), the same in every version of the guideline.", EDITORIAL)]
EditorNotes = Annotated[list[Text], doc(
    "Notes by this site's editors (source inconsistencies, reconstructions); never guideline text.", NOTE
)]
Histories = Annotated[list[History], doc("Renames, merges and moves between versions (see `generator.diff`).", NOTE)]


class Item(StrictModel):
    """Anything with a stable id and a source location."""

    id: ItemId
    source: Annotated[SourceRef, doc("Where the item stands in its source document.", EDITORIAL)]
    editor_notes: EditorNotes = []
    evidence: Annotated[list[Evidence], doc("Why a reconstructed item is believed to read as it does.", EDITORIAL)] = []
    history: Histories = []


class Section(Item):
    """A titled block of guideline prose (Markdown), kept verbatim."""

    title: Annotated[Text, doc("The heading as printed.", NAME, LABEL)]
    body: Annotated[Text, doc("The text of the section (Markdown), verbatim.")]


class ListEntry(Item):
    """One numbered or bulleted entry of a list in the guideline."""

    number: Annotated[str | None, doc("The number as printed (\"1\", \"2\"), or None for bullets.")] = None
    label: Annotated[Text | None, doc(
        "Optional lead phrase: a verbatim prefix of `text`, used as a short label (for example in checklists).",
        NAME,
    )] = None
    text: Annotated[Text, doc("The entry's text (Markdown), verbatim.")]


class ListSection(Item):
    """A titled list with optional prose before and after."""

    title: Annotated[Text, doc("The heading as printed.", NAME, LABEL)]
    intro: Annotated[Text | None, doc("The prose printed before the list.")] = None
    items: Annotated[list[ListEntry], doc("The entries of the list, in the printed order.")]
    outro: Annotated[Text | None, doc("The prose printed after the list.")] = None


# --- document.yaml ---------------------------------------------------------------------------


class Publisher(StrictModel):
    id: Annotated[Id, doc("Stable identifier of the publishing organisation.", EDITORIAL)]
    name: Annotated[Text, doc("The organisation's name as printed on the cover.", LABEL)]


class Definition(Item):
    title: Annotated[Text, doc("The heading as printed.", NAME, LABEL)]
    intro: Annotated[Text, doc("The prose printed before the definition.")]
    quote: Annotated[Text, doc("The definition itself, quoted verbatim.")]


class DocumentFile(StrictModel):
    title: Annotated[Text, doc("The guideline's title as printed on the cover.", NAME, LABEL)]
    version_line: Annotated[Text, doc("The version line on the cover, as printed (its number and date).")]
    publishers: Annotated[list[Publisher], doc("The organisations on the cover, in the printed order.")]
    introduction: Annotated[Section, doc("Section 1, the introduction (inleiding).")]
    principles: Annotated[ListSection, doc("Section 2, the principles (uitgangspunten).")]
    definition: Annotated[Definition, doc("The definition of MTVP.")]
    core_elements_section: Annotated[Section, doc(
        "Section 3 \"Kernelementen van MTVP\" (prose before the per-element explanation)."
    )]
    core_elements_figure_caption: Annotated[Text, doc(
        "Caption of the figure explaining each core element (as printed above the figure).",
        LABEL,
    )]
    interventions_section: Annotated[Section, doc("Section 4 \"MTVP-interventies\" (prose before the overview list).")]
    appendices_title: Annotated[Text, doc("Heading of the appendices divider (\"Bijlagen\").", LABEL)]


# --- core_elements.yaml ----------------------------------------------------------------------


class CoreElement(Item):
    order: Annotated[int, Field(ge=1), doc("Position in the guideline's own order (1-based).")]
    title: Annotated[Text, doc("The element's name as printed.", NAME, LABEL)]
    explanation: Annotated[Text, doc("The explanation box of Figuur 1.")]
    note: Annotated[Text | None, doc(
        "A note printed with the explanation (e.g. the labour-market remark for staff expansion)."
    )] = None
    optional: Annotated[bool, doc(
        "True where the guideline calls the element optional (\"indien gewenst en mogelijk\")."
    )] = False


class CoreElementsFile(StrictModel):
    core_elements: Annotated[list[CoreElement], doc("The core elements, in the guideline's order.")]


# --- interventions.yaml ----------------------------------------------------------------------


class AppendixSubentry(StrictModel):
    """A described sub-entry inside an intervention's appendix text (e.g. the five trainings)."""

    id: ItemId
    heading: Annotated[Text | None, doc("The heading as printed, if the source gives one.", NAME, LABEL)] = None
    body: Annotated[Text, doc("The sub-entry's text (Markdown), verbatim.")]
    source: Annotated[SourceRef, doc("Where the sub-entry stands in its source document.", EDITORIAL)]
    editor_notes: EditorNotes = []
    history: Histories = []


class AppendixText(StrictModel):
    """The intervention's description in appendix B (its heading as printed)."""

    heading: Annotated[Text, doc(
        "The heading as printed in appendix B (may differ from the overview title: see editor notes).",
        NAME, LABEL,
    )]
    body: Annotated[Text | None, doc(
        "The description (Markdown), verbatim; may be absent where the text is only sub-entries."
    )] = None
    source: Annotated[SourceRef, doc("Where the description stands in its source document.", EDITORIAL)]
    subentries: Annotated[list[AppendixSubentry], doc("The described sub-entries, in the printed order.")] = []

    @model_validator(mode="after")
    def _has_content(self) -> AppendixText:
        if self.body is None and not self.subentries:
            raise ValueError("an appendix text needs a body or at least one subentry")
        return self


class InterventionTrait(str, Enum):
    """Editorial classification used by the selection rules (not printed as guideline text)."""

    ONE_OFF_TRAINING = "one-off-training"
    ICT = "ict"


class TrainingOption(StrictModel):
    """A named training or course inside an intervention, which a plan can choose on its own.

    The guideline counts trainings and courses as one-off interventions ("Eenmalige interventies, zoals trainingen
    en scholingen", selection, p. 10): each can be used for one year per care provider. Naming them lets the plan
    checklist tell a different training (or another care provider) in a later year from a repeat.
    """

    key: Annotated[Id, doc(
        "Identifies the option within its intervention (the plan stores it); not a guideline-wide id."
    )]
    label: Annotated[Text, doc(
        "A verbatim fragment of the intervention's title or appendix text naming the training (checked on load).",
        NAME, LABEL,
    )]
    source: Annotated[SourceRef, doc("Where the training is named in the source document.", EDITORIAL)]


class Intervention(Item):
    core_element: Annotated[CoreElementRef, doc("Id of the core element the intervention belongs to.")]
    number: Annotated[int, Field(ge=1), doc("Number in the overview list of its core element.")]
    title: Annotated[Text, doc("Title as printed in the overview list.", NAME, LABEL)]
    short_title: Annotated[Text | None, doc(
        "A verbatim prefix of the title for navigation and checkboxes, where the title is very long.",
        LABEL,
    )] = None
    overview_text: Annotated[Text | None, doc(
        "Where the overview entry is a paragraph rather than a title (staff expansion), its full text."
    )] = None
    appendix: Annotated[AppendixText | None, doc("The intervention's description in appendix B.")] = None
    appendix_missing: Annotated[Text | None, doc(
        "Required when `appendix` is absent: says plainly that the source has no description."
    )] = None
    traits: Annotated[list[Annotated[InterventionTrait, Strict(False)]], doc(
        "The editors' classification used by the selection rules (not guideline text).",
        EDITORIAL,
    )] = []
    trainings: Annotated[list[TrainingOption], doc(
        "The trainings or courses the intervention names, each a one-off choice of its own in a plan.",
        EDITORIAL,
    )] = []

    @model_validator(mode="after")
    def _appendix_or_note(self) -> Intervention:
        if self.appendix is None and self.appendix_missing is None:
            raise ValueError("give `appendix`, or `appendix_missing` saying the source has no description")
        if self.appendix is not None and self.appendix_missing is not None:
            raise ValueError("give either `appendix` or `appendix_missing`, not both")
        return self


class InterventionsFile(StrictModel):
    overview_title: Annotated[Text, doc("Caption above the overview list, if any.", LABEL)]
    interventions: Annotated[list[Intervention], doc("The interventions, in the order of the overview list.")]


# --- minimum_hurdle.yaml ---------------------------------------------------------------------


class MinimumHurdleFile(StrictModel):
    section: Annotated[Section, doc("Section 5 title and its introduction.")]
    conditions: Annotated[ListSection, doc("Sub-heading \"Minimale horde\" with its three numbered conditions.")]
    rho_tasks: Annotated[ListSection, doc("The RHO tasks listed under condition 2.")]
    rho_tasks_condition: Annotated[str, Ref("ListEntry"), doc("Id of the condition the RHO tasks belong to.")]


# --- growth_model.yaml -----------------------------------------------------------------------


class YearColumn(StrictModel):
    id: Annotated[Id, doc("Stable identifier of the column.", EDITORIAL)]
    year: Annotated[int, Field(ge=1), doc("1, 2 or 3; 3 means \"3 and beyond\" when `open_ended`.")]
    open_ended: Annotated[bool, doc("Whether the column stands for this year and every later one.")] = False
    label: Annotated[Text, doc("The column heading as printed.", NAME, LABEL)]


class LegendSymbol(StrictModel):
    id: Annotated[Id, doc("Stable identifier of the symbol.", EDITORIAL)]
    symbol: Annotated[NonEmpty, doc("The glyph shown in the table (✓, (✓), ↻).")]
    text_alternative: Annotated[Text, doc(
        "Short text alternative read by screen readers and shown in text-only views.",
        NAME, LABEL,
    )]
    text: Annotated[Text, doc("The legend sentence as printed.")]


class Confidence(str, Enum):
    HIGH = "high"
    MEDIUM_HIGH = "medium-high"
    MEDIUM = "medium"


class GrowthCell(StrictModel):
    year: Annotated[int, Field(ge=1), doc("The year column the cell stands in.")]
    symbol: Annotated[Annotated[str, Ref("LegendSymbol")] | None, doc(
        "Legend symbol id, or None for a text cell or an empty cell."
    )] = None
    text: Annotated[Text | None, doc("Text printed in the cell (as printed).")] = None
    footnote: Annotated[FootnoteRef | None, doc("Footnote id marking the cell (the asterisk).")] = None
    confidence: Annotated[Confidence, Strict(False), doc(
        "How certain the reconstruction of this cell from the OCR is.",
        EDITORIAL,
    )] = Confidence.HIGH
    unreadable: Annotated[bool, doc(
        "The cell holds an icon that cannot be read from the source: the row's explanation decides (an editor's note "
        "on the row says so). Never a guess at the icon."
    )] = False

    @model_validator(mode="after")
    def _not_both(self) -> GrowthCell:
        given = [name for name in ("symbol", "text") if getattr(self, name) is not None]
        if self.unreadable:
            given.append("unreadable")
        if len(given) > 1:
            raise ValueError(f"a cell has a symbol, a text or is unreadable, not {' and '.join(given)}")
        return self


class GrowthRow(StrictModel):
    id: ItemId
    core_element: Annotated[CoreElementRef, doc("Id of the core element the row is about.")]
    cells: Annotated[list[GrowthCell], doc("The row's cells, one per year column.")]
    explanation: Annotated[Text, doc("The \"Toelichting\" column.")]
    editor_notes: EditorNotes = []


class RuleKind(str, Enum):
    """The kinds of rule a plan checklist evaluates (each rule's fields are documented on `Rule`):

    - `min-new-interventions`: At least `min` interventions of the core element newly implemented in the year(s).
    - `min-active-interventions`: At least `min` interventions of the core element active (new or continued) in the
      year(s).
    - `new-or-deepened`: At least `min` interventions of the core element new or deepened in the year(s).
    - `continued`: Interventions implemented earlier stay active (are continued) in the year(s).
    - `optional`: The core element has no minimum: it may be used in any year.
    - `never-sole-intervention`: The core element's interventions are never the only interventions of a plan.
    - `deepening-needs-justification`: Choosing the action `deepen` requires a written justification.
    - `staff-expansion-needs-details`: Using the core element requires stating the type of staff and the hours.
    - `one-off-training-one-year-per-caregiver`: An intervention with trait one-off-training counts for one year per
      caregiver.
    - `no-repeat-without-development`: An implemented intervention may not be repeated unless it is deepened.
    - `ict-not-deepened`: ICT interventions that are fully implemented cannot be deepened.
    - `menu-min-options`: The regioplan's menu offers at least `min` interventions of the core element.
    - `outside-menu-allowed`: Choices outside the regioplan's menu are allowed; RHO support is not guaranteed.
    - `deepening-of-current-intervention`: A deepening is of an intervention the plan implemented in an earlier
      year.
    - `justification-in-region`: Each justification of a deepening is in the regioplan or discussed in regional
      meetings.
    - `new-intervention-after-training`: A care provider who took a one-off training chooses a new intervention in
      the following year.
    - `regioplan-year-2-choice`: The regioplan names the (at least `min`) interventions of the core element carried
      out in year 2.
    - `minimum-hurdle`: Every condition of the minimum hurdle is met.
    - `outside-list-needs-agreement`: An intervention not on the guideline's list fits a core element, is in line
      with a listed intervention and has the health insurer's agreement.
    """

    MIN_NEW = "min-new-interventions"
    MIN_ACTIVE = "min-active-interventions"
    NEW_OR_DEEPENED = "new-or-deepened"
    CONTINUED = "continued"
    OPTIONAL = "optional"
    NEVER_SOLE = "never-sole-intervention"
    DEEPEN_NEEDS_JUSTIFICATION = "deepening-needs-justification"
    STAFF_NEEDS_DETAILS = "staff-expansion-needs-details"
    ONE_OFF_ONE_YEAR = "one-off-training-one-year-per-caregiver"
    NO_REPEAT = "no-repeat-without-development"
    ICT_NOT_DEEPENED = "ict-not-deepened"
    MENU_MIN_OPTIONS = "menu-min-options"
    OUTSIDE_MENU = "outside-menu-allowed"
    DEEPEN_CURRENT = "deepening-of-current-intervention"
    JUSTIFICATION_IN_REGION = "justification-in-region"
    NEW_AFTER_TRAINING = "new-intervention-after-training"
    YEAR_2_CHOICE = "regioplan-year-2-choice"
    MINIMUM_HURDLE = "minimum-hurdle"
    OUTSIDE_LIST = "outside-list-needs-agreement"


class RuleCitation(StrictModel):
    """The sentence of the guideline a rule encodes, quoted verbatim (checked on load) from one item."""

    item: Annotated[AnyRef, doc(
        "The item whose text holds the sentence (growth-model row, selection bullet, legend entry, footnote …)."
    )]
    quote: Annotated[Text, doc(
        "The sentence (or the clause) as printed; `en` as quoted from this site's translation of that item."
    )]


class Rule(StrictModel):
    """A rule of the growth model or of the selection of interventions, as data a program evaluates."""

    id: ItemId
    kind: Annotated[RuleKind, Strict(False), doc(
        "What the rule checks: one of the kinds of `RuleKind`, each documented there."
    )]
    plan: Annotated[Literal["regioplan", "praktijkplan"], doc("Which plan the rule applies to.")]
    core_element: Annotated[CoreElementRef | None, doc(
        "Core element the rule is about (None for rules about the whole plan)."
    )] = None
    years: Annotated[list[Annotated[int, Field(ge=1, le=3)]], doc(
        "Growth-model years the rule applies to; 3 means \"3 and beyond\". Empty means every year."
    )] = []
    min: Annotated[Annotated[int, Field(ge=1)] | None, doc("Minimum count, for the counting kinds.")] = None
    from_menu: Annotated[bool, doc("Whether counted interventions must come from the regioplan's menu.")] = False
    basis: Annotated[list[AnyRef], doc(
        "Ids of the guideline items that state the rule (growth-model row, selection bullet, legend...).",
        EDITORIAL,
    )]
    summary: Annotated[Text, doc(
        "One-sentence statement of the rule by this site's editors (not guideline text).",
        EDITORIAL,
    )]
    cite: Annotated[RuleCitation | None, doc(
        "The sentence of the guideline the rule encodes (required in an official version: see "
        "`generator.data.rule_citations`).",
        EDITORIAL,
    )] = None
    editor_notes: Annotated[list[Text], doc(
        "Where the source leaves room for more than one reading: which one the checklist follows, and why.",
        NOTE,
    )] = []

    @model_validator(mode="after")
    def _min_for_counting_kinds(self) -> Rule:
        counting = {
            RuleKind.MIN_NEW, RuleKind.MIN_ACTIVE, RuleKind.NEW_OR_DEEPENED, RuleKind.MENU_MIN_OPTIONS,
            RuleKind.YEAR_2_CHOICE,
        }
        if self.kind in counting and self.min is None:
            raise ValueError(f"rule kind {self.kind.value!r} needs `min`")
        if self.kind not in counting and self.min is not None:
            raise ValueError(f"rule kind {self.kind.value!r} takes no `min`")
        return self


class GrowthModelFile(StrictModel):
    section: Annotated[Section, doc("The growth-model section: its title and introduction.")]
    columns: Annotated[list[YearColumn], doc("The year columns of the table, in the printed order.")]
    legend: Annotated[list[LegendSymbol], doc("The symbols of the table and their legend sentences.")]
    rows: Annotated[list[GrowthRow], doc("The table's rows, one per core element.")]
    footnotes: Annotated[list[FootnoteRef], doc("Footnote ids printed below the table (the asterisk).")] = []
    editor_notes: EditorNotes = []
    rules: Annotated[list[Rule], doc(
        "The rules of the growth model and the selection, as data the plan checklist evaluates."
    )]


# --- selection.yaml --------------------------------------------------------------------------


class SelectionFile(StrictModel):
    selection: Annotated[ListSection, doc(
        "The selection of interventions (selecties van interventies): title, intro and bullets."
    )]


# --- objectives.yaml -------------------------------------------------------------------------


class Objective(Item):
    number: Annotated[int, Field(ge=1), doc("The objective's number as printed.")]
    title: Annotated[Text, doc("The objective's title as printed.", NAME, LABEL)]
    text: Annotated[Text, doc("The objective's text (Markdown), verbatim.")]


class MonitoringForm(Item):
    number: Annotated[int, Field(ge=1), doc("The form's number as printed.")]
    title: Annotated[Text, doc("The form's title as printed.", NAME, LABEL)]
    items: Annotated[list[ListEntry], doc("What the form asks, in the printed order.")]


class TargetValue(StrictModel):
    """A numeric target a program can compare against, next to the text that states it."""

    value: Annotated[float, doc("The number.")]
    unit: Annotated[Text, doc("What the number counts.")]
    comparison: Annotated[Literal["less-than", "at-least", "not-more-than"], doc(
        "How a measured value compares with the target: `less-than`, `at-least` or `not-more-than`."
    )]


class Kpi(Item):
    number: Annotated[int, Field(ge=1), doc("The indicator's number as printed.")]
    indicator: Annotated[Text, doc("The indicator's name as printed.", NAME, LABEL)]
    target: Annotated[Text, doc("The target as printed.")]
    objective: Annotated[str, Ref("Objective"), doc("Id of the objective the indicator measures.")]
    target_value: Annotated[TargetValue | None, doc(
        "The target as a number a program can compare against, where the text states one."
    )] = None


class KpiGroup(StrictModel):
    id: ItemId
    caption: Annotated[Text | None, doc(
        "The box caption; None where the source prints none (then `editor_notes` says so).",
        LABEL,
    )] = None
    kpis: Annotated[list[Kpi], doc("The indicators of the box, in the printed order.")]
    editor_notes: EditorNotes = []


class ObjectivesFile(StrictModel):
    section: Annotated[Section, doc("The objectives section: its title and introduction.")]
    objectives: Annotated[list[Objective], doc("The objectives, in the printed order.")]
    monitoring_intro: Annotated[Text, doc("The prose before the monitoring forms.")]
    monitoring_source: Annotated[SourceRef, doc("Where the monitoring part stands in its source document.")]
    monitoring: Annotated[list[MonitoringForm], doc("The monitoring forms, in the printed order.")]
    accountability: Annotated[Section, doc("The accountability section (verantwoording).")]
    kpi_groups: Annotated[list[KpiGroup], doc("The boxes of the KPI table, in the printed order.")]


# --- cycle.yaml ------------------------------------------------------------------------------


class CycleEventKind(str, Enum):
    IMPACT_MEASUREMENT = "impact-measurement"
    GUIDELINE_UPDATE = "guideline-update"
    REGIONAL_PLAN = "regional-plan"
    NZA_SERVICE = "nza-service"


class CycleEvent(StrictModel):
    id: ItemId
    kind: Annotated[CycleEventKind, Strict(False), doc("What kind of event it is.")]
    text: Annotated[Text, doc("The event as printed.")]
    months: Annotated[list[Annotated[int, Field(ge=1, le=12)]], doc(
        "Months of the year the event runs in, where a source states them (1-12)."
    )] = []
    deadline: Annotated[Text | None, doc(
        "A fixed deadline, where a source states one (for example \"before 1 July\")."
    )] = None
    quotes: Annotated[FootnoteRef | None, doc(
        "The footnote whose text this event quotes (the event is that footnote's statement in the calendar)."
    )] = None
    source: Annotated[SourceRef, doc("Where the event stands in its source document.", EDITORIAL)]
    confidence: Annotated[Confidence, Strict(False), doc(
        "How certain the reconstruction of this event from the source is.",
        EDITORIAL,
    )] = Confidence.HIGH


class CycleYear(StrictModel):
    year: Annotated[int | None, doc("Calendar year, or None for events that recur every year.")]
    events: Annotated[list[CycleEvent], doc("The events of the year, in the printed order.")]


class IntakeColumn(StrictModel):
    version: Annotated[NonEmpty, doc(
        "Guideline version id as in `versions.yaml` (\"2023\", \"2025\", \"2026-2027\", \"2028\")."
    )]
    label: Annotated[Text, doc("The column heading as printed.", NAME, LABEL)]


class CohortStart(StrictModel):
    version: Annotated[NonEmpty, doc("Guideline version id as in `versions.yaml`.")]
    date: Annotated[datetime.date | None, doc("Start date; None where the cohort skips that version (printed \"-\").")]
    footnote: Annotated[FootnoteRef | None, doc("Id of the footnote marking the date.")] = None


class Cohort(StrictModel):
    id: ItemId
    label: Annotated[Text, doc("The cohort's name as printed.", NAME, LABEL)]
    starts: Annotated[list[CohortStart], doc("The cohort's start per guideline version, one per column.")]


class IntakeTable(StrictModel):
    caption: Annotated[Text, doc("The table's caption as printed.", LABEL)]
    source: Annotated[SourceRef, doc("Where the table stands in its source document.", EDITORIAL)]
    columns: Annotated[list[IntakeColumn], doc("The table's columns, one per guideline version.")]
    cohorts: Annotated[list[Cohort], doc("The table's rows, one per intake cohort.")]
    footnotes: Annotated[list[FootnoteRef], doc("Footnote ids of the source printed with the table.")] = []


class CalendarRole(str, Enum):
    PRACTICE = "practice"
    RHO = "rho"
    INSURER = "insurer"
    NATIONAL = "national"


class CalendarEntry(StrictModel):
    """A dated entry of the cycle calendar, derived by the editors from a cycle event or intake cohort.

    The dates are those the source states (a start date, "januari t/m half mei", "voor 1 juli"); where the
    editors had to infer a date, `inferred` is set and `note` says how.
    """

    id: Annotated[Id, doc("Stable identifier of the entry.", EDITORIAL)]
    basis: Annotated[str, Ref("*"), doc(
        "The cycle event, annual-cycle event or intake cohort the entry comes from.",
        EDITORIAL,
    )]
    roles: Annotated[list[Annotated[CalendarRole, Strict(False)]], Field(min_length=1), doc(
        "Who the entry is for: practice, rho, insurer, national."
    )]
    start: Annotated[datetime.date, doc("First day (or the day) of the entry.")]
    end: Annotated[datetime.date | None, doc("Last day (inclusive) of a period; None for a single day.")] = None
    deadline: Annotated[bool, doc(
        "Whether the entry is a deadline (something must be done by `end` or `start`) rather than a period or start."
    )] = False
    title: Annotated[Text, doc("What happens, in one line.", NAME, LABEL)]
    inferred: Annotated[bool, doc("Whether the editors inferred the date (then `note` says how).")] = False
    note: Annotated[Text | None, doc("The editors' note: how an inferred date was inferred.")] = None

    @model_validator(mode="after")
    def _end_after_start(self) -> CalendarEntry:
        if self.end is not None and self.end < self.start:
            raise ValueError("`end` is before `start`")
        if self.inferred and self.note is None:
            raise ValueError("an inferred entry needs a `note` saying how the date was inferred")
        return self


class CycleFile(StrictModel):
    update: Annotated[Section, doc("The section on updating the guideline (actualisatie).")]
    cycle_caption: Annotated[Text, doc("The cycle figure of the guideline (reconstructed from a garbled OCR).", LABEL)]
    cycle_source: Annotated[SourceRef, doc("Where the cycle figure stands in its source document.")]
    cycle: Annotated[list[CycleYear], doc("The cycle figure's events, year by year.")]
    cycle_editor_notes: Annotated[list[Text], doc(
        "Notes by this site's editors on the cycle figure as read in this version's source.",
        NOTE,
    )] = []
    annual_cycle_caption: Annotated[Text, doc(
        "The annual cycle of the bestuurlijke afspraken (Figuur 1 there).",
        LABEL,
    )]
    annual_cycle: Annotated[list[CycleEvent], doc("The events of the annual cycle, in the printed order.")]
    intake: Annotated[IntakeTable, doc("The table of intake cohorts.")]
    calendar: Annotated[list[CalendarEntry], doc(
        "The dates of the cycle per role, for the calendar on the cycle page and the iCalendar file.",
        EDITORIAL,
    )] = []


# --- funding.yaml ----------------------------------------------------------------------------


class FundingCondition(ListEntry):
    same_as: Annotated[str, Ref("ListEntry"), doc(
        "The condition of the minimum hurdle (minimum_hurdle.yaml) this short form restates."
    )]


class FundingFile(StrictModel):
    title: Annotated[Text, doc("The appendix title as printed.", NAME, LABEL)]
    source: Annotated[SourceRef, doc("Where the appendix stands in its source document.", EDITORIAL)]
    description: Annotated[Section, doc("The description of the funding.")]
    conditions_title: Annotated[Text, doc("The heading of the conditions as printed.", LABEL)]
    conditions_intro: Annotated[Text, doc("The prose before the conditions.")]
    conditions: Annotated[list[FundingCondition], doc("The conditions for funding, in the printed order.")]
    conditions_outro: Annotated[Text, doc("The prose after the conditions.")]
    fee: Annotated[Section, doc("The section on the fee.")]
    contracting: Annotated[ListSection, doc("The section on contracting, a list.")]


# --- footnotes.yaml --------------------------------------------------------------------------


class Footnote(Item):
    marker: Annotated[NonEmpty, doc("The marker as printed (1, 2, 3, *).")]
    text: Annotated[Text | None, doc(
        "The footnote text; None where the source text is missing (then `missing` says so)."
    )] = None
    missing: Annotated[Text | None, doc(
        "Required when `text` is absent: says plainly that the source text is missing."
    )] = None

    @model_validator(mode="after")
    def _text_or_missing(self) -> Footnote:
        if (self.text is None) == (self.missing is None):
            raise ValueError("give exactly one of `text` and `missing`")
        return self


class FootnotesFile(StrictModel):
    footnotes: Annotated[list[Footnote], doc("Every footnote of the version, referenced from texts as `[^id]`.")]


# --- corrections.yaml ------------------------------------------------------------------------


class Correction(StrictModel):
    source_text: Annotated[NonEmpty, doc("What the source (OCR) printed.")]
    corrected: Annotated[NonEmpty, doc("What the site prints instead.")]
    note: Annotated[Text | None, doc("The editors' note on the correction.")] = None


class KeptAsPrinted(StrictModel):
    """Source wording kept deliberately, with the reason."""

    text: Annotated[NonEmpty, doc("The source's wording, kept as printed.")]
    note: Annotated[Text, doc("Why the wording is kept.")]


class CorrectionsFile(StrictModel):
    corrections: Annotated[list[Correction], doc("The OCR errors the editors corrected.")]
    kept: Annotated[list[KeptAsPrinted], doc("Source wording that looks wrong and is kept deliberately.")]


# --- versions.yaml ---------------------------------------------------------------------------


class SourceDocument(StrictModel):
    id: Annotated[Id, doc("Stable identifier of the document (cited by `document` of a source reference).", EDITORIAL)]
    title: Annotated[Text, doc("The document's public title.", NAME, LABEL)]
    publisher: Annotated[Text, doc("Who published the document.")]
    date: Annotated[datetime.date | None, doc("The document's date, where one is known.")] = None
    location: Annotated[Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None, doc(
        "The document's public address (http or https), where one is known. Sources are cited by their public title "
        "and publisher; a path that exists only on an editor's computer is no address."
    )] = None
    description: Annotated[Text, doc("What the document is and what the site uses it for.")]


class Version(StrictModel):
    id: Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{4})?$"), doc(
        "The version's id: its year or years (`2025`, `2026-2027`), used in addresses.",
        EDITORIAL,
    )]
    label: Annotated[Text, doc("The version's name as shown on the site.", NAME, LABEL)]
    document_version: Annotated[NonEmpty, doc("The version of the source document (its number, as printed).")]
    document_date: Annotated[datetime.date | None, doc("The source document's date, where one is known.")] = None
    valid_from: Annotated[datetime.date, doc("First day the version is in force.")]
    valid_until: Annotated[datetime.date, doc("Last day the version is in force.")]
    status: Annotated[Literal["current", "superseded", "future"], doc(
        "Whether the version is the current one, superseded or future."
    )]
    completeness: Annotated[Literal["official", "reconstructed"], doc(
        "Whether the version's text is official or reconstructed from evidence."
    )]
    primary_source: Annotated[Id, doc("Id of the source document the version's text comes from.")]
    sources: Annotated[list[SourceDocument], doc("The source documents of the version.")]


class VersionsFile(StrictModel):
    versions: Annotated[list[Version], doc("Every version of the guideline, oldest first.")]


# --- search_aliases.yaml (all versions) --------------------------------------------------------

#: A word or phrase people type: one line, no Markdown.
SearchTerm = Annotated[str, StringConstraints(pattern=r"^[^\s*_`#\[\]<>|][^*_`#\[\]<>|\n]*$", max_length=60)]


class _SearchAliasChecks(StrictModel):
    """Words people type for an item that its text does not use ("meedenkconsult" for "meedenkadvies").

    Editorial, never guideline text: the site gives them to the search index only (as weighted metadata of the
    current version's page that shows the item) and never prints them. Fields: `id` (the item of the current
    version whose page the words should find), a list of words under each language code, and `note` (why these
    words, for reviewers, e.g. what the item is called in practice).
    """

    @model_validator(mode="after")
    def _no_repeats(self) -> _SearchAliasChecks:
        for language in LANGUAGES:
            terms = [term.casefold() for term in getattr(self, language)]
            repeated = sorted({term for term in terms if terms.count(term) > 1})
            if repeated:
                raise ValueError(f"{language}: {', '.join(repeated)} listed more than once")
        return self


if TYPE_CHECKING:

    class SearchAlias(_SearchAliasChecks):
        id: str
        note: str | None

else:
    SearchAlias = create_model(
        "SearchAlias",
        __base__=_SearchAliasChecks,
        __module__=__name__,
        __doc__=_SearchAliasChecks.__doc__,
        id=(Annotated[AnyRef, doc("The item of the current version whose page the words should find.", EDITORIAL)], ...),
        **{
            language: (
                Annotated[list[SearchTerm], Field(min_length=1), doc(f"The words in {info(language).english_name}.")],
                ...,
            )
            for language in LANGUAGES
        },
        note=(Annotated[NonEmpty | None, doc("Why these words, for reviewers.", EDITORIAL)], None),
    )


class SearchAliasesFile(StrictModel):
    """`guideline_data/search_aliases.yaml`: search words per item, one file for all versions (ids are stable)."""

    aliases: Annotated[list[SearchAlias], doc("The search words, one entry per item.")]


# --- reconstruction.yaml ---------------------------------------------------------------------


class ItemGroup(StrictModel):
    """Items of the base version that share a status in a reconstruction, and the evidence for it."""

    ids: Annotated[list[Id], Field(min_length=1), doc("The ids of the items of the base version.")]
    evidence: Annotated[list[Evidence], Field(min_length=1), doc("The evidence for their status.", EDITORIAL)]


class ItemChange(StrictModel):
    """An item of the base version that reads differently in the reconstructed version."""

    id: Annotated[Id, doc("The id of the item in the base version.", EDITORIAL)]
    set: Annotated[dict[str, object], doc(
        "Field name -> the value in this version; the string `unknown` marks a text as not known."
    )]
    evidence: Annotated[list[Evidence], Field(min_length=1), doc("The evidence for the values in `set`.", EDITORIAL)]


class ItemAddition(StrictModel):
    """An item of the reconstructed version that the base version lacks."""

    file: Annotated[NonEmpty, doc("The version file holding the list the item joins (`growth_model.yaml`).")]
    path: Annotated[NonEmpty, doc("Dotted key path of the list inside the file (`rules`).")]
    item: Annotated[dict[str, object], doc("The item, written as in the file it joins.")]
    evidence: Annotated[list[Evidence], Field(min_length=1), doc("The evidence for the item.", EDITORIAL)]


class FieldChange(StrictModel):
    """A value of a version file that belongs to no item (a caption, the year columns, the rules)."""

    file: Annotated[NonEmpty, doc("The version file that holds the value (`growth_model.yaml`).")]
    path: Annotated[NonEmpty, doc("Key path inside the file, dotted (`growth_model.yaml` + `columns`).")]
    value: Annotated[object, doc("The value in this version; the string `unknown` marks a text as not known.")]
    evidence: Annotated[list[Evidence], Field(min_length=1), doc("The evidence for the value.", EDITORIAL)]


class ChangeNote(StrictModel):
    """A change the evidence reports but no item can show, because its text in this version is not known
    (for example texts the newer version says it deleted). Shown on the change summaries from this version."""

    text: Annotated[Text, doc("The change, in the editors' words.")]
    evidence: Annotated[list[Evidence], Field(min_length=1), doc("The evidence that reports it.", EDITORIAL)]


class MainChange(StrictModel):
    """One of the editors' main changes from this version to a later one, the "Belangrijkste wijzigingen" that
    open a change summary (as NHG standards open with theirs). Written by the editors, never guideline text."""

    towards: Annotated[NonEmpty, doc("The later version this change leads to.")]
    title: Annotated[Text, doc("The change in a few words.", NAME, LABEL)]
    text: Annotated[Text, doc("What changed, in one or two sentences.")]
    reason: Annotated[Text, doc("Why it changed, as far as the sources say.")]
    items: Annotated[list[Id], Field(min_length=1), doc(
        "The items this change concerns, in either version; the entry links to each."
    )]
    evidence: Annotated[list[Evidence], Field(min_length=1), doc("The evidence for the change.", EDITORIAL)]


class ReconstructionFile(StrictModel):
    """A version whose text is not available, reconstructed from evidence as changes to an official version.

    Every item of the base version has exactly one status here: `known` (reads as in the base), `changed`,
    `absent`, `unknown`, or, when not listed at all, unknown too: its texts are then replaced by a statement that
    they are not known (titles are kept as labels). `added` items are not in the base. An item inherits the status of its nearest listed ancestor. `uncertain`
    is orthogonal: the item may or may not have been part of this version.

    Replacing a reconstruction by the official text is a data-only change: put the version's full files in the
    folder instead of this one and mark the version `official` in `versions.yaml`.
    """

    based_on: Annotated[NonEmpty, doc("The official version whose files this reconstruction changes.")]
    summary: Annotated[Text, doc(
        "What this reconstruction rests on, shown in the banner of every page of the version.",
        EDITORIAL,
    )]
    known: Annotated[list[ItemGroup], doc("Items that read as in the base version.")] = []
    unknown: Annotated[list[ItemGroup], doc(
        "Items whose text is not known although an ancestor's is (the evidence says why)."
    )] = []
    uncertain: Annotated[list[ItemGroup], doc("Items that may or may not have been part of this version.")] = []
    changed: Annotated[list[ItemChange], doc("Items that read differently in this version.")] = []
    absent: Annotated[list[ItemGroup], doc("Items of the base version that this version lacks.")] = []
    added: Annotated[list[ItemAddition], doc("Items of this version that the base version lacks.")] = []
    fields: Annotated[list[FieldChange], doc("Values of the version files that belong to no item.")] = []
    change_notes: Annotated[list[ChangeNote], doc(
        "Changes towards the base version that the evidence reports without a text to compare."
    )] = []
    main_changes: Annotated[list[MainChange], doc(
        "The editors' main changes from this version to later ones, shown first on each change summary."
    )] = []


RECONSTRUCTION_FILE = "reconstruction.yaml"
SEARCH_ALIASES_FILE = "search_aliases.yaml"

#: The files of a version folder and their models, in reading order.
VERSION_FILES: dict[str, type[StrictModel]] = {
    "document.yaml": DocumentFile,
    "core_elements.yaml": CoreElementsFile,
    "interventions.yaml": InterventionsFile,
    "minimum_hurdle.yaml": MinimumHurdleFile,
    "growth_model.yaml": GrowthModelFile,
    "selection.yaml": SelectionFile,
    "objectives.yaml": ObjectivesFile,
    "cycle.yaml": CycleFile,
    "funding.yaml": FundingFile,
    "footnotes.yaml": FootnotesFile,
    "corrections.yaml": CorrectionsFile,
}
