"""Typed, strict models of the guideline data in `guideline_data/`.

Every model rejects unknown keys (a misspelt key that silently drops a condition is a safety defect in a
clinical guideline), is frozen, and validates types strictly (a number where text is expected is an
error, not something to coerce). Cross-file checks (unique ids, references, footnote markers) live in
`generator.data.checks`, because a single model cannot see the other files.

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

from generator.languages import LANGUAGES

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
    #: A text in every configured language (the YAML keys are the language codes), Markdown. The default language
    #: is authoritative; the others are this site's translations. `unknown` is set only by the loader of a
    #: reconstructed version: the text of this version is not known, and every language then holds the site's
    #: statement saying so (never a guess).
    Text = create_model(
        "Text",
        __base__=_TextMethods,
        __module__=__name__,
        __doc__="A text in every language of the site (Markdown). The default language is authoritative.",
        **{language: (Annotated[NonEmpty, AfterValidator(_not_blank)], ...) for language in LANGUAGES},
        unknown=(bool, False),
    )


class SourceRef(StrictModel):
    """Where an item stands in a source document (see `versions.yaml` `sources`)."""

    page: Annotated[int, Field(ge=1)]
    #: Source document id; defaults to the version's primary source.
    document: Id | None = None


class Evidence(StrictModel):
    """Why a reconstructed item is believed to read as it does (used by reconstructed versions).

    Tags (see `guideline_data/README.md`): S000 (stated in the current guideline, versie 3 of 1 July 2025), S002
    (stated in the Bestuurlijke afspraken MTVP of April 2024), SRC (stated by a public source, `basis` is its URL),
    INF (the editors' inference). Recollections without a source are not evidence and have no tag.
    """

    tag: Literal["S000", "S002", "SRC", "INF"]
    #: A public URL, the public title of a document ("Bestuurlijke afspraken MTVP (april 2024)", shown as written,
    #: in its own language), or the editors' description of the basis in both languages (`{nl: …, en: …}`).
    basis: NonEmpty | Text
    #: What this evidence shows (the evidence policy in `guideline_data/README.md`): `text` (the source states
    #: the item's text), `absence` (the source shows the item was not part of the version), `existence` (the
    #: source shows the item was part of the version, not its text) or `context` (background only: it supports
    #: no status). Only S000, S002 and SRC evidence with a `quote` or `locator` can show text or absence.
    shows: Literal["text", "absence", "existence", "context"] = "context"
    #: The source's own words that show it, as printed (in the source's language).
    quote: NonEmpty | None = None
    #: The precise place in the source: page, table, paragraph, footnote (`{nl: "tabel 1", en: "table 1"}`), in
    #: both languages because the site shows it to readers of either.
    locator: Text | None = None
    #: The version whose text the source states, where that is another version than the one reconstructed
    #: (a 2023 page used for 2025): the item must then read the same in that version too.
    of_version: NonEmpty | None = None
    note: Text | None = None


class HistoryKind(str, Enum):
    RENAMED = "renamed"
    MERGED = "merged"
    MOVED = "moved"


class History(StrictModel):
    """A change in an item's identity that a diff cannot see from the texts alone (merged) or should name."""

    kind: Annotated[HistoryKind, Strict(False)]
    #: The version in which the change took effect (the newer version of the pair).
    version: NonEmpty
    #: For `merged`: the ids of the earlier items this item absorbed (they are not reported as removed).
    merged_from: list[Id] = []
    note: Text | None = None


class Item(StrictModel):
    """Anything with a stable id and a source location."""

    id: Id
    source: SourceRef
    #: Notes by this site's editors (source inconsistencies, reconstructions); never guideline text.
    editor_notes: list[Text] = []
    evidence: list[Evidence] = []
    #: Renames, merges and moves between versions (see `generator.diff`).
    history: list[History] = []


class Section(Item):
    """A titled block of guideline prose (Markdown), kept verbatim."""

    title: Text
    body: Text


class ListEntry(Item):
    """One numbered or bulleted entry of a list in the guideline."""

    #: The number as printed ("1", "2"), or None for bullets.
    number: str | None = None
    #: Optional lead phrase: a verbatim prefix of `text`, used as a short label (for example in checklists).
    label: Text | None = None
    text: Text


class ListSection(Item):
    """A titled list with optional prose before and after."""

    title: Text
    intro: Text | None = None
    items: list[ListEntry]
    outro: Text | None = None


# --- document.yaml ---------------------------------------------------------------------------


class Publisher(StrictModel):
    id: Id
    name: Text


class Definition(Item):
    title: Text
    intro: Text
    #: The definition itself, quoted verbatim.
    quote: Text


class DocumentFile(StrictModel):
    title: Text
    #: The version line on the cover, as printed (its number and date).
    version_line: Text
    publishers: list[Publisher]
    introduction: Section
    principles: ListSection
    definition: Definition
    #: Section 3 "Kernelementen van MTVP" (prose before the per-element explanation).
    core_elements_section: Section
    #: Caption of the figure explaining each core element (as printed above the figure).
    core_elements_figure_caption: Text
    #: Section 4 "MTVP-interventies" (prose before the overview list).
    interventions_section: Section
    #: Heading of the appendices divider ("Bijlagen").
    appendices_title: Text


# --- core_elements.yaml ----------------------------------------------------------------------


class CoreElement(Item):
    #: Position in the guideline's own order (1-based).
    order: Annotated[int, Field(ge=1)]
    title: Text
    #: The explanation box of Figuur 1.
    explanation: Text
    #: A note printed with the explanation (e.g. the labour-market remark for staff expansion).
    note: Text | None = None
    #: True where the guideline calls the element optional ("indien gewenst en mogelijk").
    optional: bool = False


class CoreElementsFile(StrictModel):
    core_elements: list[CoreElement]


# --- interventions.yaml ----------------------------------------------------------------------


class AppendixSubentry(StrictModel):
    """A described sub-entry inside an intervention's appendix text (e.g. the five trainings)."""

    id: Id
    #: The heading as printed, if the source gives one.
    heading: Text | None = None
    body: Text
    source: SourceRef
    editor_notes: list[Text] = []
    history: list[History] = []


class AppendixText(StrictModel):
    """The intervention's description in appendix B (its heading as printed)."""

    #: The heading as printed in appendix B (may differ from the overview title: see editor notes).
    heading: Text
    body: Text | None = None
    source: SourceRef
    subentries: list[AppendixSubentry] = []

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

    #: Identifies the option within its intervention (the plan stores it); not a guideline-wide id.
    key: Id
    #: A verbatim fragment of the intervention's title or appendix text naming the training (checked on load).
    label: Text
    source: SourceRef


class Intervention(Item):
    core_element: CoreElementRef
    #: Number in the overview list of its core element.
    number: Annotated[int, Field(ge=1)]
    #: Title as printed in the overview list.
    title: Text
    #: A verbatim prefix of the title for navigation and checkboxes, where the title is very long.
    short_title: Text | None = None
    #: Where the overview entry is a paragraph rather than a title (staff expansion), its full text.
    overview_text: Text | None = None
    appendix: AppendixText | None = None
    #: Required when `appendix` is absent: says plainly that the source has no description.
    appendix_missing: Text | None = None
    traits: list[Annotated[InterventionTrait, Strict(False)]] = []
    #: The trainings or courses the intervention names, each a one-off choice of its own in a plan.
    trainings: list[TrainingOption] = []

    @model_validator(mode="after")
    def _appendix_or_note(self) -> Intervention:
        if self.appendix is None and self.appendix_missing is None:
            raise ValueError("give `appendix`, or `appendix_missing` saying the source has no description")
        if self.appendix is not None and self.appendix_missing is not None:
            raise ValueError("give either `appendix` or `appendix_missing`, not both")
        return self


class InterventionsFile(StrictModel):
    #: Caption above the overview list, if any.
    overview_title: Text
    interventions: list[Intervention]


# --- minimum_hurdle.yaml ---------------------------------------------------------------------


class MinimumHurdleFile(StrictModel):
    #: Section 5 title and its introduction.
    section: Section
    #: Sub-heading "Minimale horde" with its three numbered conditions.
    conditions: ListSection
    #: The RHO tasks listed under condition 2.
    rho_tasks: ListSection
    #: Id of the condition the RHO tasks belong to.
    rho_tasks_condition: Annotated[str, Ref("ListEntry")]


# --- growth_model.yaml -----------------------------------------------------------------------


class YearColumn(StrictModel):
    id: Id
    #: 1, 2 or 3; 3 means "3 and beyond" when `open_ended`.
    year: Annotated[int, Field(ge=1)]
    open_ended: bool = False
    label: Text


class LegendSymbol(StrictModel):
    id: Id
    #: The glyph shown in the table (✓, (✓), ↻).
    symbol: NonEmpty
    #: Short text alternative read by screen readers and shown in text-only views.
    text_alternative: Text
    #: The legend sentence as printed.
    text: Text


class Confidence(str, Enum):
    HIGH = "high"
    MEDIUM_HIGH = "medium-high"
    MEDIUM = "medium"


class GrowthCell(StrictModel):
    year: Annotated[int, Field(ge=1)]
    #: Legend symbol id, or None for a text cell or an empty cell.
    symbol: Annotated[str, Ref("LegendSymbol")] | None = None
    #: Text printed in the cell (as printed).
    text: Text | None = None
    #: Footnote id marking the cell (the asterisk).
    footnote: FootnoteRef | None = None
    #: How certain the reconstruction of this cell from the OCR is.
    confidence: Annotated[Confidence, Strict(False)] = Confidence.HIGH
    #: The cell holds an icon that cannot be read from the source: the row's explanation decides (an editor's
    #: note on the row says so). Never a guess at the icon.
    unreadable: bool = False

    @model_validator(mode="after")
    def _not_both(self) -> GrowthCell:
        given = [name for name in ("symbol", "text") if getattr(self, name) is not None]
        if self.unreadable:
            given.append("unreadable")
        if len(given) > 1:
            raise ValueError(f"a cell has a symbol, a text or is unreadable, not {' and '.join(given)}")
        return self


class GrowthRow(StrictModel):
    id: Id
    core_element: CoreElementRef
    cells: list[GrowthCell]
    #: The "Toelichting" column.
    explanation: Text
    editor_notes: list[Text] = []


class RuleKind(str, Enum):
    """The kinds of rule a plan checklist evaluates. Each rule's fields are documented on `Rule`."""

    #: At least `min` interventions of the core element newly implemented in the year(s).
    MIN_NEW = "min-new-interventions"
    #: At least `min` interventions of the core element active (new or continued) in the year(s).
    MIN_ACTIVE = "min-active-interventions"
    #: At least `min` interventions of the core element new or deepened in the year(s).
    NEW_OR_DEEPENED = "new-or-deepened"
    #: Interventions implemented earlier stay active (are continued) in the year(s).
    CONTINUED = "continued"
    #: The core element has no minimum: it may be used in any year.
    OPTIONAL = "optional"
    #: The core element's interventions are never the only interventions of a plan.
    NEVER_SOLE = "never-sole-intervention"
    #: Choosing the action `deepen` requires a written justification.
    DEEPEN_NEEDS_JUSTIFICATION = "deepening-needs-justification"
    #: Using the core element requires stating the type of staff and the hours.
    STAFF_NEEDS_DETAILS = "staff-expansion-needs-details"
    #: An intervention with trait one-off-training counts for one year per caregiver.
    ONE_OFF_ONE_YEAR = "one-off-training-one-year-per-caregiver"
    #: An implemented intervention may not be repeated unless it is deepened.
    NO_REPEAT = "no-repeat-without-development"
    #: ICT interventions that are fully implemented cannot be deepened.
    ICT_NOT_DEEPENED = "ict-not-deepened"
    #: The regioplan's menu offers at least `min` interventions of the core element.
    MENU_MIN_OPTIONS = "menu-min-options"
    #: Choices outside the regioplan's menu are allowed; RHO support is not guaranteed.
    OUTSIDE_MENU = "outside-menu-allowed"
    #: A deepening is of an intervention the plan implemented in an earlier year.
    DEEPEN_CURRENT = "deepening-of-current-intervention"
    #: Each justification of a deepening is in the regioplan or discussed in regional meetings.
    JUSTIFICATION_IN_REGION = "justification-in-region"
    #: A care provider who took a one-off training chooses a new intervention in the following year.
    NEW_AFTER_TRAINING = "new-intervention-after-training"
    #: The regioplan names the (at least `min`) interventions of the core element carried out in year 2.
    YEAR_2_CHOICE = "regioplan-year-2-choice"
    #: Every condition of the minimum hurdle is met.
    MINIMUM_HURDLE = "minimum-hurdle"
    #: An intervention not on the guideline's list fits a core element, is in line with a listed intervention and
    #: has the health insurer's agreement.
    OUTSIDE_LIST = "outside-list-needs-agreement"


class RuleCitation(StrictModel):
    """The sentence of the guideline a rule encodes, quoted verbatim (checked on load) from one item."""

    #: The item whose text holds the sentence (growth-model row, selection bullet, legend entry, footnote …).
    item: AnyRef
    #: The sentence (or the clause) as printed; `en` as quoted from this site's translation of that item.
    quote: Text


class Rule(StrictModel):
    """A rule of the growth model or of the selection of interventions, as data a program evaluates."""

    id: Id
    kind: Annotated[RuleKind, Strict(False)]
    #: Which plan the rule applies to.
    plan: Literal["regioplan", "praktijkplan"]
    #: Core element the rule is about (None for rules about the whole plan).
    core_element: CoreElementRef | None = None
    #: Growth-model years the rule applies to; 3 means "3 and beyond". Empty means every year.
    years: list[Annotated[int, Field(ge=1, le=3)]] = []
    #: Minimum count, for the counting kinds.
    min: Annotated[int, Field(ge=1)] | None = None
    #: Whether counted interventions must come from the regioplan's menu.
    from_menu: bool = False
    #: Ids of the guideline items that state the rule (growth-model row, selection bullet, legend...).
    basis: list[AnyRef]
    #: One-sentence statement of the rule by this site's editors (not guideline text).
    summary: Text
    #: The sentence of the guideline the rule encodes (required in an official version: see
    #: `generator.data.rule_citations`).
    cite: RuleCitation | None = None
    #: Where the source leaves room for more than one reading: which one the checklist follows, and why.
    editor_notes: list[Text] = []

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
    section: Section
    columns: list[YearColumn]
    legend: list[LegendSymbol]
    rows: list[GrowthRow]
    #: Footnote ids printed below the table (the asterisk).
    footnotes: list[FootnoteRef] = []
    editor_notes: list[Text] = []
    rules: list[Rule]


# --- selection.yaml --------------------------------------------------------------------------


class SelectionFile(StrictModel):
    selection: ListSection


# --- objectives.yaml -------------------------------------------------------------------------


class Objective(Item):
    number: Annotated[int, Field(ge=1)]
    title: Text
    text: Text


class MonitoringForm(Item):
    number: Annotated[int, Field(ge=1)]
    title: Text
    items: list[ListEntry]


class TargetValue(StrictModel):
    """A numeric target a program can compare against, next to the text that states it."""

    value: float
    unit: Text
    comparison: Literal["less-than", "at-least", "not-more-than"]


class Kpi(Item):
    number: Annotated[int, Field(ge=1)]
    indicator: Text
    target: Text
    objective: Annotated[str, Ref("Objective")]
    target_value: TargetValue | None = None


class KpiGroup(StrictModel):
    id: Id
    #: The box caption; None where the source prints none (then `editor_notes` says so).
    caption: Text | None = None
    kpis: list[Kpi]
    editor_notes: list[Text] = []


class ObjectivesFile(StrictModel):
    section: Section
    objectives: list[Objective]
    monitoring_intro: Text
    monitoring_source: SourceRef
    monitoring: list[MonitoringForm]
    accountability: Section
    kpi_groups: list[KpiGroup]


# --- cycle.yaml ------------------------------------------------------------------------------


class CycleEventKind(str, Enum):
    IMPACT_MEASUREMENT = "impact-measurement"
    GUIDELINE_UPDATE = "guideline-update"
    REGIONAL_PLAN = "regional-plan"
    NZA_SERVICE = "nza-service"


class CycleEvent(StrictModel):
    id: Id
    kind: Annotated[CycleEventKind, Strict(False)]
    text: Text
    #: Months of the year the event runs in, where a source states them (1-12).
    months: list[Annotated[int, Field(ge=1, le=12)]] = []
    #: A fixed deadline, where a source states one (for example "before 1 July").
    deadline: Text | None = None
    #: The footnote whose text this event quotes (the event is that footnote's statement in the calendar).
    quotes: FootnoteRef | None = None
    source: SourceRef
    confidence: Annotated[Confidence, Strict(False)] = Confidence.HIGH


class CycleYear(StrictModel):
    #: Calendar year, or None for events that recur every year.
    year: int | None
    events: list[CycleEvent]


class IntakeColumn(StrictModel):
    #: Guideline version id as in `versions.yaml` ("2023", "2025", "2026-2027", "2028").
    version: NonEmpty
    label: Text


class CohortStart(StrictModel):
    version: NonEmpty
    #: Start date; None where the cohort skips that version (printed "-").
    date: datetime.date | None
    footnote: FootnoteRef | None = None


class Cohort(StrictModel):
    id: Id
    label: Text
    starts: list[CohortStart]


class IntakeTable(StrictModel):
    caption: Text
    source: SourceRef
    columns: list[IntakeColumn]
    cohorts: list[Cohort]
    #: Footnote ids of the source printed with the table.
    footnotes: list[FootnoteRef] = []


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

    id: Id
    #: The cycle event, annual-cycle event or intake cohort the entry comes from.
    basis: Annotated[str, Ref("*")]
    roles: Annotated[list[Annotated[CalendarRole, Strict(False)]], Field(min_length=1)]
    start: datetime.date
    #: Last day (inclusive) of a period; None for a single day.
    end: datetime.date | None = None
    #: Whether the entry is a deadline (something must be done by `end` or `start`) rather than a period or start.
    deadline: bool = False
    title: Text
    inferred: bool = False
    note: Text | None = None

    @model_validator(mode="after")
    def _end_after_start(self) -> CalendarEntry:
        if self.end is not None and self.end < self.start:
            raise ValueError("`end` is before `start`")
        if self.inferred and self.note is None:
            raise ValueError("an inferred entry needs a `note` saying how the date was inferred")
        return self


class CycleFile(StrictModel):
    update: Section
    #: The cycle figure of the guideline (reconstructed from a garbled OCR).
    cycle_caption: Text
    cycle_source: SourceRef
    cycle: list[CycleYear]
    cycle_editor_notes: list[Text] = []
    #: The annual cycle of the bestuurlijke afspraken (Figuur 1 there).
    annual_cycle_caption: Text
    annual_cycle: list[CycleEvent]
    intake: IntakeTable
    #: The dates of the cycle per role, for the calendar on the cycle page and the iCalendar file.
    calendar: list[CalendarEntry] = []


# --- funding.yaml ----------------------------------------------------------------------------


class FundingCondition(ListEntry):
    #: The condition of the minimum hurdle (minimum_hurdle.yaml) this short form restates.
    same_as: Annotated[str, Ref("ListEntry")]


class FundingFile(StrictModel):
    title: Text
    source: SourceRef
    description: Section
    conditions_title: Text
    conditions_intro: Text
    conditions: list[FundingCondition]
    conditions_outro: Text
    fee: Section
    contracting: ListSection


# --- footnotes.yaml --------------------------------------------------------------------------


class Footnote(Item):
    #: The marker as printed (1, 2, 3, *).
    marker: NonEmpty
    #: The footnote text; None where the source text is missing (then `missing` says so).
    text: Text | None = None
    missing: Text | None = None

    @model_validator(mode="after")
    def _text_or_missing(self) -> Footnote:
        if (self.text is None) == (self.missing is None):
            raise ValueError("give exactly one of `text` and `missing`")
        return self


class FootnotesFile(StrictModel):
    footnotes: list[Footnote]


# --- corrections.yaml ------------------------------------------------------------------------


class Correction(StrictModel):
    #: What the source (OCR) printed.
    source_text: NonEmpty
    corrected: NonEmpty
    note: Text | None = None


class KeptAsPrinted(StrictModel):
    """Source wording kept deliberately, with the reason."""

    text: NonEmpty
    note: Text


class CorrectionsFile(StrictModel):
    corrections: list[Correction]
    kept: list[KeptAsPrinted]


# --- versions.yaml ---------------------------------------------------------------------------


class SourceDocument(StrictModel):
    id: Id
    title: Text
    publisher: Text
    date: datetime.date | None = None
    #: The document's public address (http or https), where one is known. Sources are cited by their public
    #: title and publisher; a path that exists only on an editor's computer is no address.
    location: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    description: Text


class Version(StrictModel):
    id: Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{4})?$")]
    label: Text
    document_version: NonEmpty
    document_date: datetime.date | None = None
    valid_from: datetime.date
    valid_until: datetime.date
    status: Literal["current", "superseded", "future"]
    completeness: Literal["official", "reconstructed"]
    primary_source: Id
    sources: list[SourceDocument]


class VersionsFile(StrictModel):
    versions: list[Version]


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
        id=(AnyRef, ...),
        **{language: (Annotated[list[SearchTerm], Field(min_length=1)], ...) for language in LANGUAGES},
        note=(NonEmpty | None, None),
    )


class SearchAliasesFile(StrictModel):
    """`guideline_data/search_aliases.yaml`: search words per item, one file for all versions (ids are stable)."""

    aliases: list[SearchAlias]


# --- reconstruction.yaml ---------------------------------------------------------------------


class ItemGroup(StrictModel):
    """Items of the base version that share a status in a reconstruction, and the evidence for it."""

    ids: Annotated[list[Id], Field(min_length=1)]
    evidence: Annotated[list[Evidence], Field(min_length=1)]


class ItemChange(StrictModel):
    """An item of the base version that reads differently in the reconstructed version."""

    id: Id
    #: Field name -> the value in this version; the string `unknown` marks a text as not known.
    set: dict[str, object]
    evidence: Annotated[list[Evidence], Field(min_length=1)]


class ItemAddition(StrictModel):
    """An item of the reconstructed version that the base version lacks."""

    #: The list it joins: file and dotted key path (`growth_model.yaml`, `rules`).
    file: NonEmpty
    path: NonEmpty
    item: dict[str, object]
    evidence: Annotated[list[Evidence], Field(min_length=1)]


class FieldChange(StrictModel):
    """A value of a version file that belongs to no item (a caption, the year columns, the rules)."""

    file: NonEmpty
    #: Key path inside the file, dotted (`growth_model.yaml` + `columns`).
    path: NonEmpty
    #: The value in this version; the string `unknown` marks a text as not known.
    value: object
    evidence: Annotated[list[Evidence], Field(min_length=1)]


class ChangeNote(StrictModel):
    """A change the evidence reports but no item can show, because its text in this version is not known
    (for example texts the newer version says it deleted). Shown on the change summaries from this version."""

    text: Text
    evidence: Annotated[list[Evidence], Field(min_length=1)]


class MainChange(StrictModel):
    """One of the editors' main changes from this version to a later one, the "Belangrijkste wijzigingen" that
    open a change summary (as NHG standards open with theirs). Written by the editors, never guideline text."""

    #: The later version this change leads to.
    towards: NonEmpty
    title: Text
    #: What changed, in one or two sentences.
    text: Text
    #: Why it changed, as far as the sources say.
    reason: Text
    #: The items this change concerns, in either version; the entry links to each.
    items: Annotated[list[Id], Field(min_length=1)]
    evidence: Annotated[list[Evidence], Field(min_length=1)]


class ReconstructionFile(StrictModel):
    """A version whose text is not available, reconstructed from evidence as changes to an official version.

    Every item of the base version has exactly one status here: `known` (reads as in the base), `changed`,
    `absent`, `unknown`, or, when not listed at all, unknown too: its texts are then replaced by a statement that
    they are not known (titles are kept as labels). `added` items are not in the base. An item inherits the status of its nearest listed ancestor. `uncertain`
    is orthogonal: the item may or may not have been part of this version.

    Replacing a reconstruction by the official text is a data-only change: put the version's full files in the
    folder instead of this one and mark the version `official` in `versions.yaml`.
    """

    based_on: NonEmpty
    #: What this reconstruction rests on, shown in the banner of every page of the version.
    summary: Text
    known: list[ItemGroup] = []
    #: Items whose text is not known although an ancestor's is (the evidence says why).
    unknown: list[ItemGroup] = []
    uncertain: list[ItemGroup] = []
    changed: list[ItemChange] = []
    absent: list[ItemGroup] = []
    added: list[ItemAddition] = []
    fields: list[FieldChange] = []
    #: Changes towards the base version that the evidence reports without a text to compare.
    change_notes: list[ChangeNote] = []
    #: The editors' main changes from this version to later ones, shown first on each change summary.
    main_changes: list[MainChange] = []


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
