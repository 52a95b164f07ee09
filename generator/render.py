"""Render the guideline data into Markdown pages, one language at a time (pure: no MkDocs import).

Pages are generated as Markdown, not HTML, so that headings, permalinks, search and admonitions behave as on
hand-written pages. Templates live in `generator/templates/` and use `StrictUndefined`, so a missing field fails
loudly instead of printing nothing.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from markdown.extensions.toc import slugify  # type: ignore[import-untyped]  # Python-Markdown ships no types

from generator import badges as page_badges
from generator import pages, snippets, versions_ui
from generator.citations import Citations
from generator.data import models as m
from generator.data import rule_citations
from generator.data.load import Guideline, GuidelineVersion
from generator.i18n import LANGUAGES, Language, month_names, ui, words
from generator.languages import info

#: The site root in pages of a build without a public URL: the plugin replaces it in each page's HTML by the
#: relative path from that page to the site root (`../../`), so the build works wherever it is deployed.
RELATIVE_ROOT = "/@gl-site-root@/"

TEMPLATES = Path(__file__).parent / "templates"

#: Directives hand-written pages may contain, e.g. `<!-- guideline:definition -->`.
DIRECTIVE = re.compile(r"<!--\s*guideline:([a-z-]+)\s*-->")
DIRECTIVES = (
    "definition", "core-elements", "years", "sources", "corrections", "version", "open-data", "changes-link"
)


def change_anchor(item_id: str) -> str:
    """The anchor of an item's entry in a change summary (badges link there)."""
    return f"wijziging-{item_id}"


@dataclass(frozen=True)
class RenderedPage:
    src_uri: str
    title: str
    markdown: str
    #: The data file the page is generated from (relative to the data folder), for "edit this page".
    data_file: str


def months(language: str) -> list[dict[str, Any]]:
    """The months of `language` for templates: number, long and short (first three letters) name."""
    return [{"number": i + 1, "long": name, "short": name[:3]} for i, name in enumerate(month_names(language))]


def long_date(date: datetime.date, language: str) -> str:
    """`1 juli 2025` / `1 July 2025`."""
    return f"{date.day} {month_names(language)[date.month - 1]} {date.year}"


def anchor(item_id: str) -> str:
    """An attr_list anchor for a heading: `{#id}` (written here because `{#` opens a Jinja comment)."""
    return "{#" + item_id + "}"


def oneline(markdown: str) -> str:
    """A text fit for a Markdown table cell: one line, pipes escaped."""
    return " ".join(markdown.split()).replace("|", "\\|")


def md_escape(text: str) -> str:
    """Plain text made safe inside Markdown: HTML escaped, emphasis and link characters backslashed."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]|])", r"\\\1", escaped)


def code_span(text: str) -> str:
    """Inline code that survives backticks and pipes in the text (OCR strings contain both)."""
    fence = "``" if "`" in text else "`"
    return f"{fence} {oneline(text)} {fence}"


def item_link(markdown: str, item_id: str, number: str | int | None, language: Language) -> str:
    """A list item's text with a small link to its own anchor after its first paragraph, so a reader can copy the
    address of one numbered item (as NICE numbers its recommendations). The number is the guideline's own; an
    item whose first paragraph ends in a list or a table gets no link (it would land inside that block)."""
    first, sep, rest = markdown.partition("\n\n")
    last_line = first.rstrip().rsplit("\n", 1)[-1].lstrip()
    if not first.strip() or last_line.startswith(("|", "- ", "* ", "<")) or re.match(r"\d+\. ", last_line):
        return markdown
    label = ui(language, "item_link_numbered", number=number) if number else ui(language, "item_link")
    return first.rstrip() + snippet("item_link", item_id, label) + sep + rest


def snippet(name: str, *values: object) -> str:
    """An inline snippet of `templates/_inline.md.j2` (a badge, an item link, a footnote marker) filled with
    `values`: Python decides which snippet and with what words, the template holds the markup."""
    return snippets.snippet("_inline.md.j2", name, *values)


class DirectiveError(Exception):
    """An unknown directive in a hand-written page, with the page and line."""


def plain(markdown: str, limit: int = 155) -> str:
    """Markdown reduced to a one-line plain text of at most `limit` characters (for meta descriptions)."""
    text = re.sub(r"<[^>]+>", "", markdown)
    text = re.sub(r"\[\^[^\]]+\]", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`#>]|^\s*[-\d.]+\s", "", text, flags=re.MULTILINE)
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


#: Rules about any intervention a plan chooses (continuing, deepening, repeating), shown on each intervention.
INTERVENTION_RULES = {
    m.RuleKind.DEEPEN_CURRENT, m.RuleKind.DEEPEN_NEEDS_JUSTIFICATION, m.RuleKind.JUSTIFICATION_IN_REGION,
    m.RuleKind.NO_REPEAT,
}
#: Rules that hold for interventions with a trait only.
TRAIT_RULES = {
    m.InterventionTrait.ONE_OFF_TRAINING: {m.RuleKind.ONE_OFF_ONE_YEAR, m.RuleKind.NEW_AFTER_TRAINING},
    m.InterventionTrait.ICT: {m.RuleKind.ICT_NOT_DEEPENED},
}


class _SharedBytecode(jinja2.BytecodeCache):
    """Compiled templates kept in memory and shared by every Renderer of the process (one per version and
    language), so each template is compiled once per build instead of once per renderer; and kept on disk
    between builds (Jinja's per-user cache folder), so a build does not compile Material's templates and ours
    again: compiling took about a tenth of a build. Jinja checks each template's source and its own version
    against the cached code, so a changed template or a Jinja upgrade is compiled afresh."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}
        try:
            self.disk: jinja2.BytecodeCache | None = jinja2.FileSystemBytecodeCache()
        except RuntimeError:  # no safe temporary folder: compile in every process
            self.disk = None

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
        elif self.disk is not None:
            self.disk.load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()
        if self.disk is not None:
            try:
                self.disk.dump_bytecode(bucket)
            except OSError:  # a full or read-only disk only costs the next build its compilation
                pass


_BYTECODE = _SharedBytecode()



def plain_title(text: str) -> str:
    """A title as plain text (navigation, browser tab, search results): footnote markers stay in headings only."""
    return m.FOOTNOTE_REF.sub("", text).strip()


def shared_bytecode_cache() -> jinja2.BytecodeCache:
    """The process's cache of compiled templates, also for the theme's environment (see `plugin.on_env`)."""
    return _BYTECODE


class Renderer:
    """Renders one version of the guideline in one language."""

    def __init__(
        self,
        guideline: Guideline,
        language: Language,
        version: GuidelineVersion | None = None,
        site_root: str = "https://example.org/mtvp/",
        prefix: str = "",
        badges: Mapping[str, page_badges.Badge] | None = None,
    ) -> None:
        self.guideline = guideline
        #: The public root URL of the site (for snippets that other sites copy).
        self.site_root = site_root.rstrip("/") + "/"
        self.language = language
        self.version = version or guideline.current
        #: Folder of the pages rendered: "" for the current version's unversioned pages, "<version>/" for pinned.
        self.prefix = prefix
        #: Item id -> "new" or "changed" since the previous version.
        self.badges = badges or {}
        self.locations = pages.item_locations(self.version)
        self.page_badges = page_badges.page_badges(self.version, self.badges)
        self.citations = Citations(self.version, language, self.t)
        previous = guideline.previous(self.version)
        #: The change summary from the previous version, where each badge links to its entry.
        self.changes_src = pages.changes(previous.id, self.version.id) if previous else None
        #: The page being rendered (badges link relative to it).
        self.current_src: str | None = None
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            bytecode_cache=_BYTECODE,
            undefined=jinja2.StrictUndefined,
            autoescape=False,  # Markdown out, not HTML: data is escaped where it enters HTML (`e` filter)
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(
            t=self.t,
            ui=lambda key, **kw: ui(language, key, **kw),
            link=self.link,
            to=self.to,
            badge=self.badge,
            source=self.source,
            source_status=self.citations.status,
            cohort_validity=lambda version_id: versions_ui.cohort_validity(guideline, version_id),
            footnote_text=self.footnote_text,
            lang=language,
            site_root=self.site_root,
            portable=self.site_root == RELATIVE_ROOT,
            v=self.version,
            paths=pages,
            year_label=self.year_label,
            cell_text=self.cell_text,
            symbol=self.symbol,
            rules_for=self.rules_for,
            rules_for_intervention=self.rules_for_intervention,
            rule_years=self.rule_years,
            describe=self.describe,
            confidence_note=self.confidence_note,
            rule_citation=self.rule_citation,
            summary_rules=self.summary_rules,
            cell=self.cell,
            cohort_start=self.cohort_start,
            objective_title=self.objective_title,
            intervention_count=lambda element_id: len(self.version.interventions_of(element_id)),
            reconstruction_counts=self.reconstruction_counts,
        )
        self.env.globals.update(anchor=anchor, months=months(language), date_locale=info(language).date_locale, change_anchor=change_anchor, languages=LANGUAGES)
        self.env.filters.update(
            plain=plain,
            tojson=lambda value: json.dumps(value, ensure_ascii=False),
            strip_refs=plain_title,
            # The anchor the heading would get from its words alone (Python-Markdown's toc), so a badge after the
            # words never becomes part of it.
            heading_id=lambda text: slugify(plain(text, limit=1000), "-"),
            refs_only=lambda text: "".join(match.group(0) for match in m.FOOTNOTE_REF.finditer(text)),
            oneline=oneline,
            md_escape=md_escape,
            code=code_span,
            longdate=lambda date: long_date(date, language),
            role_label=lambda role: ui(language, f"role_{role}"),
            item_link=lambda text, item_id, number=None: item_link(text, item_id, number, language),
        )

    # --- helpers available in templates ---------------------------------------------------------

    def t(self, text: m.Text | None) -> str:
        """The text in this renderer's language; a text a reconstruction does not know, in italics."""
        if text is None:
            return ""
        value = words(text, self.language)
        return snippet("unknown", value) if text.unknown else value

    def link(self, item_id: str) -> str:
        """A docs-relative link to an item of the version rendered (pinned pages link within their version)."""
        return "/" + self.prefix + self.locations[item_id].link().lstrip("/")

    def to(self, src_uri: str) -> str:
        """A docs-relative link to a page of the version rendered."""
        return "/" + self.prefix + src_uri

    def badge(self, item_id: str) -> str:
        """An inline badge for an item: new, changed or possibly new since the previous version (a link to its
        entry in the change summary), or uncertain presence in this version."""
        kind: str | None = self.badges.get(item_id)
        label = ui(self.language, f"badge_{kind}") if kind else ""
        if kind is not None and self.changes_src is not None and self.current_src is not None:
            href = pages.relative_url(self.current_src, self.changes_src, change_anchor(item_id))
            return snippet("badge_link", kind, href, ui(self.language, "badge_link_title"), label)
        if kind is None and self.version.is_uncertain(item_id):
            kind, label = "uncertain", ui(self.language, "badge_uncertain")
        if kind is None:
            return ""
        return snippet("badge", kind, label)

    def source(self, ref: m.SourceRef) -> str:
        """The source line of a text: its page, or for a reconstruction the evidence (`generator.citations`)."""
        return self.citations.source(ref)

    def footnote_text(self, footnote: m.Footnote) -> str:
        """The footnote's text (or the statement that it is missing), followed by any editor's notes."""
        if footnote.text is not None:
            text = self.t(footnote.text)
        else:
            text = snippet("footnote_missing", ui(self.language, "footnote_missing"), self.t(footnote.missing))
        for note in footnote.editor_notes:
            text += "\n\n" + snippet("footnote_note", ui(self.language, "editor_note"), self.t(note))
        return text

    def year_label(self, year: int) -> str:
        column = next(c for c in self.version.growth_model.columns if c.year == year)
        return self.t(column.label)

    def symbol(self, symbol_id: str) -> m.LegendSymbol:
        return next(s for s in self.version.growth_model.legend if s.id == symbol_id)

    def cell_text(self, cell: m.GrowthCell) -> str:
        """A cell as plain words: its text, its symbol's text alternative, or 'no intervention required'."""
        if cell.text is not None:
            return self.t(cell.text)
        if cell.symbol is not None:
            return self.t(self.symbol(cell.symbol).text_alternative)
        if cell.unreadable:
            return ui(self.language, "unreadable_cell")
        return ui(self.language, "empty_cell")

    def confidence_note(self, confidence: m.Confidence) -> str:
        """" (reconstruction confidence: medium)" for anything below high, else nothing."""
        if confidence == m.Confidence.HIGH:
            return ""
        label = ui(self.language, "confidence").lower()
        value = ui(self.language, f"confidence_{confidence.value}")
        return snippet("confidence", label, value)

    def describe(self, item_id: str) -> str:
        """A short readable name for an item a rule refers to (e.g. "Groeimodel: Anders werken …")."""
        v = self.version
        growth = v.growth_model
        for row in growth.rows:
            if row.id == item_id:
                return f"{ui(self.language, 'growth_model')}: {self.t(v.core_element(row.core_element).title)}"
        for legend in growth.legend:
            if legend.id == item_id:
                return f"{ui(self.language, 'legend')} {legend.symbol}"
        selection = v.selection.selection
        for index, entry in enumerate(selection.items, start=1):
            if entry.id == item_id:
                return f"{self.t(selection.title)}, {entry.number or index}"
        for footnote in v.footnotes.footnotes:
            if footnote.id == item_id:
                return f"{ui(self.language, 'footnote')} {footnote.marker}"
        return item_id

    def rule_citation(self, rule: m.Rule) -> rule_citations.Citation | None:
        """The guideline's sentence a rule encodes, as this version has it (None where it is not known)."""
        return rule_citations.citation(self.version.rule_citation_index, rule)

    def rules_for(self, core_element: str | None = None) -> list[m.Rule]:
        rules = self.version.growth_model.rules
        if core_element is None:
            return list(rules)
        return [r for r in rules if r.core_element == core_element]

    def rules_for_intervention(self, intervention: m.Intervention) -> list[m.Rule]:
        """The rules that concern an intervention, in the growth model's order: those of its core element, the
        rules on continuing, deepening and repeating that hold for every intervention, and those of its traits
        (a one-off training, an ICT change)."""
        return [
            rule for rule in self.version.growth_model.rules
            if rule.core_element == intervention.core_element
            or (rule.core_element is None and rule.kind in INTERVENTION_RULES)
            or any(rule.kind in TRAIT_RULES[trait] for trait in intervention.traits)
        ]

    def summary_rules(self, intervention: m.Intervention) -> tuple[list[m.Rule], list[m.Rule]]:
        """The rules an intervention's summary lists: its core element's rules for a praktijkplan first, then the
        others that concern it (`rules_for_intervention`), which the summary folds away."""
        rules = self.rules_for_intervention(intervention)
        own = [r for r in rules if r.core_element == intervention.core_element and r.plan == "praktijkplan"]
        return own, [r for r in rules if r not in own]

    def cell(self, row: m.GrowthRow, year: int) -> m.GrowthCell:
        """The growth-model row's cell of a year."""
        return next(cell for cell in row.cells if cell.year == year)

    def cohort_start(self, cohort: m.Cohort, version_id: str) -> m.CohortStart | None:
        """When a cohort starts under a version (None where the intake table gives nothing)."""
        return next((start for start in cohort.starts if start.version == version_id), None)

    def objective_title(self, objective_id: str) -> m.Text:
        return next(o.title for o in self.version.objectives.objectives if o.id == objective_id)

    def reconstruction_counts(self) -> dict[str, int]:
        """How many items of a reconstructed version are known, changed, absent or not known."""
        reconstruction = self.version.reconstruction
        assert reconstruction is not None
        statuses = list(reconstruction.status.values())
        return {
            "known": statuses.count("known"),
            "changed": statuses.count("changed"),
            "absent": len(reconstruction.absent),
            "unknown": statuses.count("unknown"),
        }

    def rule_years(self, rule: m.Rule) -> str:
        if not rule.years:
            return ui(self.language, "rule_all_years")
        return ", ".join(self.year_label(year) for year in rule.years)

    # --- rendering ------------------------------------------------------------------------------

    def _page(self, template: str, src_uri: str, title: str, data_file: str, **context: Any) -> RenderedPage:
        page_status = self.page_badges.get(src_uri)
        title = plain_title(title)
        self.current_src = self.prefix + src_uri
        try:
            body = self.env.get_template(template).render(title=title, page_status=page_status, **context)
        finally:
            self.current_src = None
        printed_inline = self.version.growth_model.footnotes if src_uri == pages.GROWTH_MODEL else []
        return RenderedPage(self.prefix + src_uri, title, self._with_footnotes(body, printed_inline), data_file)

    def _with_footnotes(self, markdown: str, printed_inline: list[str] | None = None) -> str:
        """Append the definitions of the footnotes the page refers to, in order of first reference.

        Footnotes in `printed_inline` are printed on the page itself (the growth-model asterisk stands under
        its figure, as in the source); references to them link there with the printed marker instead.
        """
        for footnote_id in printed_inline or []:
            marker = self.version.footnote(footnote_id).marker
            markdown = markdown.replace(f"[^{footnote_id}]", snippet("footnote_ref", footnote_id, marker))
        seen: list[str] = []
        for match in m.FOOTNOTE_REF.finditer(markdown):
            if match.group(1) not in seen:
                seen.append(match.group(1))
        if not seen:
            return markdown
        definitions = []
        for footnote_id in seen:
            text = self.footnote_text(self.version.footnote(footnote_id))
            indented = text.replace("\n", "\n    ")
            definitions.append(snippet("footnote_definition", footnote_id, indented))
        return markdown.rstrip("\n") + "\n\n" + "\n\n".join(definitions) + "\n"

    def _page_specs(self) -> list[tuple[str, str, str, str, dict[str, Any]]]:
        """(template, path, title, data file, context) of every page of the version's guideline text, in order."""
        v = self.version
        folder = f"{v.id}/"
        if v.reconstruction is not None:
            folder = f"{v.id}/{m.RECONSTRUCTION_FILE}#"
        specs: list[tuple[str, str, str, str, dict[str, Any]]] = [
            ("guideline.md.j2", pages.GUIDELINE, ui(self.language, "guideline"), folder + "document.yaml", {})
        ]
        for element in v.core_elements.core_elements:
            specs.append(
                ("core_element.md.j2", pages.CORE_ELEMENT.format(id=element.id), self.t(element.title),
                 folder + "core_elements.yaml", {"element": element})
            )
        specs.append(
            ("interventions.md.j2", pages.INTERVENTIONS, self.t(v.interventions.overview_title),
             folder + "interventions.yaml", {})
        )
        for intervention in v.interventions.interventions:
            specs.append(
                ("intervention.md.j2", pages.INTERVENTION.format(id=intervention.id),
                 self.t(intervention.short_title or intervention.title), folder + "interventions.yaml",
                 {"intervention": intervention, "element": v.core_element(intervention.core_element)})
            )
        for template, path, title_key, data in (
            ("minimum_hurdle.md.j2", pages.MINIMUM_HURDLE, "minimum_hurdle", "minimum_hurdle.yaml"),
            ("growth_model.md.j2", pages.GROWTH_MODEL, "growth_model", "growth_model.yaml"),
            ("selection.md.j2", pages.SELECTION, "selection", "selection.yaml"),
            ("objectives.md.j2", pages.OBJECTIVES, "kpis", "objectives.yaml"),
            ("monitoring.md.j2", pages.MONITORING, "monitoring", "objectives.yaml"),
            ("cycle.md.j2", pages.CYCLE, "cycle", "cycle.yaml"),
            ("funding.md.j2", pages.FUNDING, "funding", "funding.yaml"),
        ):
            specs.append((template, path, ui(self.language, title_key), folder + data, {}))
        return specs

    def render_pages(self) -> list[RenderedPage]:
        """Every generated page of the version, in navigation order."""
        v = self.version
        folder = f"{v.id}/"
        if v.reconstruction is not None:
            folder = f"{v.id}/{m.RECONSTRUCTION_FILE}#"
        out = []
        if self.prefix:
            out.append(self._page("version_home.md.j2", pages.HOME, self.t(v.meta.label), folder + "../versions.yaml"))
        for template, path, title, data, context in self._page_specs():
            out.append(self._page(template, path, title, data, **context))
        if not self.prefix:
            out.append(self._page("plan.md.j2", pages.PLAN, ui(self.language, "plan_title"), folder + "growth_model.yaml"))
            out.append(
                self._page(
                    "plan_overview.md.j2", pages.PLAN_OVERVIEW, ui(self.language, "plan_overview_title"),
                    folder + "growth_model.yaml",
                )
            )
            out += self.print_pages(folder)
        return out

    def print_pages(self, folder: str) -> list[RenderedPage]:
        """The whole current guideline as one page (for printing or saving as PDF) and the quick-reference card."""
        from generator.render_print import whole_guideline  # a module of its own: it composes this one's pages

        whole = whole_guideline(self, self._page_specs())
        card = self._page(
            "quick_reference.md.j2", pages.QUICK_REFERENCE, ui(self.language, "quick_reference_title"),
            folder + "growth_model.yaml",
        )
        return [whole, card]

    def guideline_nav(self) -> list[Any]:
        """The navigation of the version's generated pages (pinned pages carry the version folder)."""
        v = self.version
        to = self.prefix.__add__

        def tr(key: str) -> str:
            return ui(self.language, key)

        interventions: list[Any] = [to(pages.INTERVENTIONS)]
        for element in v.core_elements.core_elements:
            interventions.append(
                {
                    self.t(element.title): [
                        {plain_title(self.t(i.short_title or i.title)): to(pages.INTERVENTION.format(id=i.id))}
                        for i in v.interventions_of(element.id)
                    ]
                }
            )
        return [
            {tr("guideline"): to(pages.GUIDELINE)},
            {tr("core_elements"): [to(pages.CORE_ELEMENT.format(id=e.id)) for e in v.core_elements.core_elements]},
            {tr("interventions"): interventions},
            {tr("minimum_hurdle"): to(pages.MINIMUM_HURDLE)},
            {tr("growth_model"): to(pages.GROWTH_MODEL)},
            {tr("selection"): to(pages.SELECTION)},
            {tr("kpis"): to(pages.OBJECTIVES)},
            {tr("monitoring"): to(pages.MONITORING)},
            {tr("cycle"): to(pages.CYCLE)},
            {tr("funding"): to(pages.FUNDING)},
        ]

    def nav(self) -> list[Any]:
        """The site's navigation, as MkDocs' `nav` setting: titles translated, pages by source path."""

        def tr(key: str) -> str:
            return ui(self.language, key)

        return [
            {tr("home"): pages.HOME},
            *self.guideline_nav(),
            {tr("plan_title"): pages.PLAN},
            {tr("plan_overview_title"): pages.PLAN_OVERVIEW},
            {tr("whole_guideline_nav"): pages.WHOLE_GUIDELINE},
            {tr("quick_reference_title"): pages.QUICK_REFERENCE},
            {tr("versions_nav"): pages.VERSIONS},
            {tr("about"): pages.ABOUT},
            {tr("how_to_use"): pages.HOW_TO_USE},
            {tr("rho_help_nav"): pages.RHO_HELP},
            {tr("open_data_nav"): pages.OPEN_DATA},
            {tr("editors_guide"): pages.EDITORS_GUIDE},
            {tr("accessibility"): pages.ACCESSIBILITY},
        ]

    def expand_directives(self, markdown: str, src_uri: str, line_offset: int = 0) -> str:
        """Replace `<!-- guideline:name -->` directives in a hand-written page.

        Args:
            markdown: The page's Markdown (without its front matter).
            src_uri: The page's path, for error messages.
            line_offset: Lines of the file before `markdown` (the front matter), so errors name file lines.

        Raises:
            DirectiveError: For an unknown directive, naming the page and line.
        """

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in DIRECTIVES:
                line = line_offset + markdown.count("\n", 0, match.start()) + 1
                known = ", ".join(DIRECTIVES)
                raise DirectiveError(f"{src_uri}:{line}: unknown directive `guideline:{name}`; known: {known}")
            template = self.env.get_template(f"directives/{name}.md.j2")
            return template.render(guideline=self.guideline).strip("\n")

        return self._with_footnotes(DIRECTIVE.sub(replace, markdown))
