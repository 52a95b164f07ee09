"""Where every generated page and every item lives on the site (paths are the same in both languages).

The paths are the site's public URLs (`/nl/interventies/<id>/`); RHOs link to them from their own documents, so
they must not change. Only this module knows them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from generator.data.load import GuidelineVersion

HOME = "index.md"
GUIDELINE = "leidraad/index.md"
#: The whole current guideline on one page, for printing or saving as PDF; and the one-page quick-reference card.
WHOLE_GUIDELINE = "leidraad/geheel/index.md"
QUICK_REFERENCE = "snelkaart/index.md"
RHO_HELP = "hulp-voor-rho.md"
CORE_ELEMENT = "kernelementen/{id}/index.md"
INTERVENTIONS = "interventies/index.md"
INTERVENTION = "interventies/{id}/index.md"
MINIMUM_HURDLE = "minimale-horde/index.md"
GROWTH_MODEL = "groeimodel/index.md"
SELECTION = "selectie/index.md"
OBJECTIVES = "doelstellingen/index.md"
MONITORING = "monitoring/index.md"
CYCLE = "cyclus/index.md"
FUNDING = "bekostiging/index.md"
ABOUT = "over.md"
HOW_TO_USE = "gebruik.md"
ACCESSIBILITY = "toegankelijkheid.md"
OPEN_DATA = "open-data.md"
EDITORS_GUIDE = "redactie.md"
VERSIONS = "versies/index.md"
PLAN = "plan/index.md"
PLAN_DATA = "plan/data.json"
PLAN_OVERVIEW = "plan/overzicht/index.md"
CHANGES = "wijzigingen/{old}-naar-{new}/index.md"
REDLINE = "wijzigingen/{old}-naar-{new}/redline/index.md"


def pinned(src_uri: str, version_id: str) -> str:
    """The pinned copy of a version's page: `interventies/x/index.md` -> `2025/interventies/x/index.md`."""
    return f"{version_id}/{src_uri}"


@dataclass(frozen=True)
class Location:
    """A page (source path, as MkDocs knows it) and an optional anchor on it."""

    src_uri: str
    anchor: str | None = None

    def link(self) -> str:
        """A docs-relative Markdown link target (MkDocs resolves `/…` against the docs folder)."""
        return f"/{self.src_uri}" + (f"#{self.anchor}" if self.anchor else "")


def item_locations(version: GuidelineVersion) -> dict[str, Location]:
    """The page and anchor of every item id of a version, for links and rule references."""
    found: dict[str, Location] = {}

    def put(item_id: str, src_uri: str, anchored: bool = True) -> None:
        found[item_id] = Location(src_uri, item_id if anchored else None)

    doc = version.document
    put(doc.introduction.id, GUIDELINE)
    put(doc.principles.id, GUIDELINE)
    for entry in doc.principles.items:
        put(entry.id, GUIDELINE)
    put(doc.definition.id, GUIDELINE)
    put(doc.core_elements_section.id, GUIDELINE)
    put(doc.interventions_section.id, INTERVENTIONS)
    for element in version.core_elements.core_elements:
        put(element.id, CORE_ELEMENT.format(id=element.id), anchored=False)
    for intervention in version.interventions.interventions:
        page = INTERVENTION.format(id=intervention.id)
        put(intervention.id, page, anchored=False)
        for sub in intervention.appendix.subentries if intervention.appendix else []:
            put(sub.id, page)
    hurdle = version.minimum_hurdle
    for section in (hurdle.section, hurdle.conditions, hurdle.rho_tasks):
        put(section.id, MINIMUM_HURDLE)
    for entry in [*hurdle.conditions.items, *hurdle.rho_tasks.items]:
        put(entry.id, MINIMUM_HURDLE)
    growth = version.growth_model
    put(growth.section.id, GROWTH_MODEL)
    for row in growth.rows:
        put(row.id, GROWTH_MODEL)
    for symbol in growth.legend:
        put(symbol.id, GROWTH_MODEL)
    for rule in growth.rules:
        put(rule.id, GROWTH_MODEL)
    for footnote_id in growth.footnotes:
        put(footnote_id, GROWTH_MODEL)  # printed under the figure, as in the source
    put(version.selection.selection.id, SELECTION)
    for entry in version.selection.selection.items:
        put(entry.id, SELECTION)
    objectives = version.objectives
    put(objectives.section.id, OBJECTIVES)
    put(objectives.accountability.id, OBJECTIVES)
    for objective in objectives.objectives:
        put(objective.id, OBJECTIVES)
    for group in objectives.kpi_groups:
        put(group.id, OBJECTIVES)
        for kpi in group.kpis:
            put(kpi.id, OBJECTIVES)
    for form in objectives.monitoring:
        put(form.id, MONITORING)
        for entry in form.items:
            put(entry.id, MONITORING)
    cycle = version.cycle
    put(cycle.update.id, CYCLE)
    for year in cycle.cycle:
        for event in year.events:
            put(event.id, CYCLE)
    for event in cycle.annual_cycle:
        put(event.id, CYCLE)
    for cohort in cycle.intake.cohorts:
        put(cohort.id, CYCLE)
    funding = version.funding
    for section in (funding.description, funding.fee, funding.contracting):
        put(section.id, FUNDING)
    for entry in [*funding.conditions, *funding.contracting.items]:
        put(entry.id, FUNDING)
    return found


def relative_url(from_src: str, to_src: str, fragment: str = "") -> str:
    """The relative URL from one page to another (directory URLs: `a/index.md` and `a.md` are both `a/`)."""

    def folder(src: str) -> str:
        return (src.removesuffix("index.md") if src.endswith("index.md") else src.removesuffix(".md")).strip("/") or "."

    path = posixpath.relpath(folder(to_src), folder(from_src))
    return ("./" if path == "." else path + "/") + (f"#{fragment}" if fragment else "")
