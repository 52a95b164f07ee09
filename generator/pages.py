"""Every public address of the site: pages (current and pinned), change pairs, redlines, the API, the calendar,
the feeds, the checklist's data, the embeddable table and the "page missing in this version" notice.

The addresses are public (`/nl/interventies/<id>/`): RHOs link to them from their own documents, so they must not
change. This module is the only code that forms them; Python asks its functions, templates get it as `paths`
(generated pages) or through the page context (theme overrides), and scripts read what `scheme()` describes,
published as `addresses.json` at the site root (or get an address from a data attribute written from here).
`site_tests/test_addresses.py` fails on a scheme fragment formed anywhere else.

Page paths are source paths as the engine knows them (`interventies/x/index.md`); a page's URL below its language
root is `url_of(src_uri)` (`interventies/x/`). Paths are the same in every language.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

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
#: The cycle calendar (iCalendar), next to the cycle page.
CALENDAR = "cyclus/mtvp-cyclus.ics"
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
#: A pair of versions: the id of its change set (API file, checklist data) and of its pages.
PAIR = "{old}-naar-{new}"
CHANGES = "wijzigingen/{pair}/index.md"
REDLINE = "wijzigingen/{pair}/redline/index.md"
#: A version's pinned copy of a page (`2025/interventies/x/index.md`).
PINNED = "{version}/{path}"
#: The query parameter the version selector adds when the page is missing in the chosen version (its value: the
#: version the reader came from); the landing page then says why it is not the page the reader was on.
MISSING_PARAMETER = "ontbreekt"

# Below the site root (not below a language root).
LANGUAGE_ROOT = "{lang}/"
API_VERSION = "api/{version}.json"
API_CURRENT = "api/current.json"
API_SCHEMA = "api/schema.json"
API_CHANGES = "api/changes/{pair}.json"
API_CHANGES_SCHEMA = "api/changes.schema.json"
FEED = "feed-{lang}.xml"
#: The id (not an address that is served) of a version's entry in a feed (one per version and language).
FEED_ENTRY = "versions/{version}/{lang}"
EMBED_GROWTH_MODEL = "embed/groeimodel-{lang}.html"
#: This module's schemes for scripts and other sites, written at the site root by the build.
ADDRESSES_FILE = "addresses.json"


def intervention(item_id: str) -> str:
    return INTERVENTION.format(id=item_id)


def core_element(item_id: str) -> str:
    return CORE_ELEMENT.format(id=item_id)


def pair_id(old: str, new: str) -> str:
    """The id of the changes from version `old` to version `new` (`2025-naar-2026-2027`)."""
    return PAIR.format(old=old, new=new)


def changes(old: str, new: str) -> str:
    """The change summary of a pair of versions."""
    return CHANGES.format(pair=pair_id(old, new))


def redline(old: str, new: str) -> str:
    """The redline (every text change marked) of a pair of versions."""
    return REDLINE.format(pair=pair_id(old, new))


def is_redline(src_uri: str) -> bool:
    return src_uri.endswith(REDLINE.split("{pair}")[1])


def pinned_prefix(version_id: str) -> str:
    """The folder of a version's pinned pages (`2025/`)."""
    return PINNED.format(version=version_id, path="")


def pinned(src_uri: str, version_id: str) -> str:
    """The pinned copy of a version's page: `interventies/x/index.md` -> `2025/interventies/x/index.md`."""
    return PINNED.format(version=version_id, path=src_uri)


def unpinned(src_uri: str, version_id: str) -> str:
    """The page a pinned copy is of: `2025/interventies/x/index.md` -> `interventies/x/index.md`."""
    return src_uri.removeprefix(pinned_prefix(version_id))


def nearest(base_uri: str) -> str:
    """The page to land on in a version that lacks `base_uri`: the list the item belongs to, else the start."""
    if base_uri.startswith(INTERVENTION.split("{")[0]):
        return INTERVENTIONS
    if base_uri.startswith(CORE_ELEMENT.split("{")[0]):
        return GUIDELINE
    return HOME


def missing_query(version_id: str) -> str:
    """What the version selector adds to a link that lands elsewhere because the page is missing there."""
    return f"?{MISSING_PARAMETER}={quote(version_id)}"


def url_of(src_uri: str) -> str:
    """The page URL (relative to the language root) of a source path: `a/b/index.md` -> `a/b/`, `a.md` -> `a/`."""
    if src_uri == HOME:
        return ""
    return src_uri.removesuffix("index.md").removesuffix(".md") + ("" if src_uri.endswith("index.md") else "/")


def language_root(lang: str) -> str:
    """A language's folder below the site root (`nl/`)."""
    return LANGUAGE_ROOT.format(lang=lang)


def in_language(lang: str, src_uri: str, anchor: str | None = None) -> str:
    """A page's URL below the site root in a language (`nl/interventies/x/`), with an optional anchor."""
    return language_root(lang) + url_of(src_uri) + (f"#{anchor}" if anchor else "")


def other_language(lang: str, src_uri: str) -> str:
    """The same page in another language, relative to a language root (`../en/interventies/x/`)."""
    return "../" + in_language(lang, src_uri)


def api_version(version_id: str) -> str:
    return API_VERSION.format(version=version_id)


def api_changes(old: str, new: str) -> str:
    return API_CHANGES.format(pair=pair_id(old, new))


def feed(lang: str) -> str:
    return FEED.format(lang=lang)


def feed_entry(version_id: str, lang: str) -> str:
    return FEED_ENTRY.format(version=version_id, lang=lang)


def embed_growth_model(lang: str) -> str:
    return EMBED_GROWTH_MODEL.format(lang=lang)


def site_root_from(path: str) -> str:
    """The site root relative to a file below it (`api/changes/x.json` -> `../../`)."""
    return "../" * path.count("/")


def scheme() -> dict[str, Any]:
    """The address schemes as data (`addresses.json`), for scripts and other sites: `{placeholder}` patterns, page
    patterns below a language root, file patterns below the site root."""
    return {
        "pages": {
            "intervention": url_of(INTERVENTION),
            "core_element": url_of(CORE_ELEMENT),
            "pinned": PINNED,
            "changes": url_of(CHANGES),
            "redline": url_of(REDLINE),
            "calendar": CALENDAR,
            "plan_data": PLAN_DATA,
        },
        "pair": PAIR,
        "missing_parameter": MISSING_PARAMETER,
        "files": {
            "language_root": LANGUAGE_ROOT,
            "api_version": API_VERSION,
            "api_current": API_CURRENT,
            "api_schema": API_SCHEMA,
            "api_changes": API_CHANGES,
            "api_changes_schema": API_CHANGES_SCHEMA,
            "feed": FEED,
            "embed_growth_model": EMBED_GROWTH_MODEL,
        },
    }


def addresses_json() -> str:
    """`scheme()` as the site publishes it (`addresses.json`)."""
    return json.dumps(scheme(), ensure_ascii=False, sort_keys=True, indent=1) + "\n"


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

    path = posixpath.relpath(_folder(to_src), _folder(from_src))
    return ("./" if path == "." else path + "/") + (f"#{fragment}" if fragment else "")


def _folder(src: str) -> str:
    return (src.removesuffix("index.md") if src.endswith("index.md") else src.removesuffix(".md")).strip("/") or "."


def relative_file(from_src: str, path: str) -> str:
    """The relative address of a file below the language root from a page (`plan/index.md`, `plan/data.json` ->
    `data.json`)."""
    return posixpath.relpath(path, _folder(from_src))


def site_root_from_page(src_uri: str) -> str:
    """The site root relative to a page of a language (`plan/index.md` -> `../../`)."""
    path = posixpath.relpath(".", _folder(src_uri))
    return ("" if path == "." else path + "/") + "../"


def under(root: str, path: str) -> str:
    """`path` below a root address (`https://…/mtvp/`, or a relative root such as `../`)."""
    return root.rstrip("/") + "/" + path if root.rstrip("/") else path
