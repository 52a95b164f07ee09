// The regional overview page: an RHO drops or picks many praktijkplan files and sees one table. This component
// owns the state (plans read, bad files, filters, sorting) and hands each child component what it shows; the
// children report what the user did as events. Nothing is stored or sent: closing the page forgets the files.

import { LIMITS } from "../core.mjs";
import { download } from "../download.mjs";
import { BadFiles } from "./bad-files.mjs";
import { Component, createAll, format } from "./component.mjs";
import { OverviewExport } from "./export.mjs";
import { PlanFiles } from "./files.mjs";
import { OverviewFilters } from "./filters.mjs";
import {
  NO_FILTERS, chosenColumns, filterRows, overviewColumns, overviewRows, readFiles, sortRows, toOverviewCsv, toOverviewMarkdown,
  visibleColumns,
} from "./model.mjs";
import { OverviewSummary } from "./summary.mjs";
import { OverviewTable } from "./table.mjs";

export class Overview extends Component {
  static moduleName = "plan-overview";

  constructor(root, { fetchData = fetchJson, save = download } = {}) {
    super(root);
    this.save = save;
    this.entries = [];
    this.bad = [];
    this.seen = new Set();
    this.repeated = 0;
    this.filters = { ...NO_FILTERS };
    this.sort = { column: "practice", direction: "ascending" };
    this.ready = this.start(fetchData);
  }

  async start(fetchData) {
    try {
      this.data = await fetchData(new URL(this.root.dataset.glPlanData, document.baseURI).href);
    } catch {
      this.root.querySelector("[data-gl-overview-fallback]").hidden = false;
      return;
    }
    const s = this.data.strings;
    this.labels = labelsOf(s, this.data.language);
    const child = (ComponentClass, config) => createAll(ComponentClass, config, this.root)[0];
    child(PlanFiles, { limit: LIMITS.bytes });
    this.filtersBox = child(OverviewFilters);
    this.table = child(OverviewTable);
    this.badFiles = child(BadFiles);
    this.summary = child(OverviewSummary);
    this.exporter = child(OverviewExport);
    this.root.addEventListener("gl-overview:files", (event) => this.add(event.detail));
    this.root.addEventListener("gl-overview:filters", (event) => {
      this.filters = event.detail;
      this.render();
    });
    this.root.addEventListener("gl-overview:sort", (event) => {
      const same = this.sort.column === event.detail.column;
      this.sort = { column: event.detail.column, direction: same && this.sort.direction === "ascending" ? "descending" : "ascending" };
      this.render();
    });
    this.root.addEventListener("gl-overview:export", (event) => this.export(event.detail.format));
    this.update();
    this.root.querySelector("[data-gl-overview-loading]")?.remove();
    this.root.querySelector("[data-gl-overview-app]").hidden = false;
    this.root.dataset.glOverviewReady = "true";
  }

  /** Reads a batch of files (a file already in the overview, same name and content, is not added twice). */
  add({ files, started }) {
    const fresh = files.filter((f) => {
      const key = `${f.name}\n${f.size}\n${f.text}`;
      if (this.seen.has(key)) return false;
      this.seen.add(key);
      return true;
    });
    this.repeated = files.length - fresh.length;
    const { plans, bad } = readFiles(fresh, this.data);
    this.entries.push(...plans);
    const s = this.data.strings;
    this.bad.push(...bad.map((b) => ({ file: b.file, message: format(s[`plan_${b.key}`] ?? s.plan_error_not_plan, b.params) })));
    this.update();
    // The benchmark reads this: files in hand to table shown (site_tests/bench/overview.py).
    performance.measure("gl-overview-files", { start: started, end: performance.now() });
    this.root.dataset.glOverviewFiles = String(this.entries.length + this.bad.length);
  }

  /** New plans: new rows and columns, new filter options. */
  update() {
    this.rows = overviewRows(this.entries, this.data, (c) => `${c.title.trim() || this.data.strings.plan_custom_untitled} (${this.data.strings.plan_custom_badge})`);
    this.columns = overviewColumns(this.rows, this.data);
    this.filtersBox.setOptions(this.columns, this.labels);
    this.filters = this.filtersBox.values();
    this.render();
  }

  /** The table as the filters and sorting say; the same columns and rows go to the exports. */
  shown() {
    const chosen = chosenColumns(this.columns, this.filters);
    const rows = filterRows(this.rows, chosen, this.filters);
    const columns = visibleColumns(chosen, this.filters, rows);
    const column = columns.find((c) => c.id === this.sort.column) ?? columns[0];
    return { columns, rows: sortRows(rows, column, this.sort.direction, this.data.language) };
  }

  render() {
    const s = this.data.strings;
    const { columns, rows } = this.shown();
    if (!columns.some((c) => c.id === this.sort.column)) this.sort = { column: "practice", direction: "ascending" };
    const counts = { plans: this.entries.length, bad: this.bad.length, rows: rows.length, total: this.rows.length };
    this.table.show(columns, rows, this.sort, { ...this.labels, caption: format(s.plan_overview_caption, counts) });
    this.badFiles.show(this.bad, format(s.plan_overview_bad_heading, counts));
    const parts = [format(s.plan_overview_summary, counts)];
    if (this.repeated) parts.push(format(this.repeated === 1 ? s.plan_overview_repeated_one : s.plan_overview_repeated, { count: this.repeated }));
    this.summary.show(this.entries.length + this.bad.length ? parts.join(" ") : s.plan_overview_nothing_yet);
    this.exporter.enable(rows.length > 0);
  }

  export(kind) {
    const { columns, rows } = this.shown();
    const name = this.data.strings.plan_overview_file_name;
    if (kind === "csv") this.save(`${name}.csv`, "text/csv", "\ufeff" + toOverviewCsv(columns, rows, this.labels));
    else this.save(`${name}.md`, "text/markdown", toOverviewMarkdown(columns, rows, this.labels));
  }
}

/** The words the model and the table use, from the page's strings. */
export function labelsOf(s, language) {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  return {
    title: s.plan_overview_title, file: s.plan_overview_col_file, practice: s.plan_overview_col_practice, year: s.plan_overview_col_year,
    calendar: s.plan_overview_col_calendar, staff: s.plan_overview_col_staff, missing: s.plan_overview_col_missing,
    interventions: s.plan_overview_col_interventions, other: s.plan_overview_col_other, none: "—", not_applicable: s.plan_overview_not_applicable,
    symbols: { met: "✓", "not-met": "✗", ask: "?", note: "i" },
    status: { met: s.plan_status_met, "not-met": s.plan_status_not_met, ask: s.plan_status_ask, note: s.plan_status_note },
    actions: { implement: s.plan_overview_action_implement, continue: s.plan_overview_action_continue, deepen: s.plan_overview_action_deepen },
    no_type: s.plan_overview_no_type, no_hours: s.plan_overview_no_hours, hours: (hours) => format(s.plan_overview_hours, { hours: number.format(hours) }),
    empty: s.plan_overview_empty, all_elements: s.plan_overview_all_elements, all_rules: s.plan_overview_all_rules, whole_plan: s.plan_whole_plan,
  };
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(String(response.status));
  return response.json();
}
