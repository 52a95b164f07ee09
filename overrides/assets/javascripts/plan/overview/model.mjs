// The regional overview's pure model: praktijkplan files in, one table out (rows, columns, filters, sorting,
// CSV and Markdown). No DOM: the components render what this returns, and node's test runner tests it.
//
// A row is one plan year of one file: the verdict of every rule for that year (a rule about the whole plan counts
// in each of its years), the interventions per core element, staff expansion and missing justifications. Files
// that cannot be read are returned with their message key; one bad file never stops the others.

import { LIMITS, PlanError, calendarYear, csvCell, evaluate, mdText, parsePlan, staffInterventions, titlesOf, yearsOfPlan } from "../core.mjs";

/** Verdicts from worst to best: a rule's cell shows the worst of its results for the row's year. */
export const SEVERITY = ["not-met", "ask", "met", "note"];
const NONE = SEVERITY.length;

/** Reads files ({name, size, text}); text is null for a file not read because it is too large. */
export function readFiles(files, data) {
  const plans = [];
  const bad = [];
  for (const file of files) {
    try {
      if (file.size > LIMITS.bytes || file.text === null) throw new PlanError("error_too_large", { limit: LIMITS.bytes });
      const plan = parsePlan(file.text, data);
      if (plan.kind !== "praktijkplan") throw new PlanError("overview_error_regioplan");
      plans.push({ file: file.name, plan });
    } catch (error) {
      bad.push({ file: file.name, key: error instanceof PlanError ? error.key : "error_not_plan", params: error.params ?? {} });
    }
  }
  return { plans, bad };
}

function worst(statuses) {
  return statuses.reduce((a, b) => (SEVERITY.indexOf(b) < SEVERITY.indexOf(a) ? b : a));
}

/** One row per plan year of each plan (a plan without years gets one row for its whole-plan rules). */
export function overviewRows(entries, data, ownLabel = (c) => c.title) {
  const rows = [];
  // What depends on the version only is worked out once per version, not once per plan (200 plans, 2 versions).
  const perVersion = new Map();
  const versionFacts = (id) => {
    if (!perVersion.has(id)) {
      const version = data.versions[id];
      perVersion.set(id, { version, staffIds: staffInterventions(version), elements: version.interventions.map((i) => [i.id, i.core_element]) });
    }
    return perVersion.get(id);
  };
  entries.forEach(({ file, plan }, index) => {
    const { version, staffIds, elements } = versionFacts(plan.guideline_version);
    const results = evaluate(plan, version);
    const titles = titlesOf(plan, version, ownLabel);
    const elementOf = new Map([...elements, ...plan.custom.map((c) => [c.id, c.core_element])]);
    const years = yearsOfPlan(plan);
    const latest = years.length ? years[years.length - 1] : null;
    for (const year of years.length ? years : [null]) {
      const verdicts = {};
      for (const r of results) {
        if (r.year !== year && r.year !== null) continue;
        verdicts[r.rule] = verdicts[r.rule] ? worst([verdicts[r.rule], r.status]) : r.status;
      }
      const interventions = {};
      const staff = [];
      const missing = [];
      for (const [id, choice] of Object.entries(year === null ? {} : plan.years[year])) {
        const element = elementOf.get(id) ?? "";
        (interventions[element] ??= []).push({ id, title: titles.get(id) ?? id, action: choice.action });
        if (staffIds.has(id)) staff.push({ id, title: titles.get(id), type: choice.staff_type.trim(), hours: choice.hours });
        // The rules ask a justification of every deepening and of every staff expansion.
        if ((choice.action === "deepen" || staffIds.has(id)) && !choice.justification.trim()) missing.push(titles.get(id) ?? id);
      }
      rows.push({
        key: `${index}|${year ?? ""}`, index, file, practice: plan.details.organisation.trim() || plan.name, name: plan.name,
        version: version.id, year, calendar: year === null ? null : calendarYear(plan, year), latest: year === latest,
        verdicts, interventions, staff, missing,
      });
    }
  });
  return rows;
}

/**
 * The table's columns for these rows: practice, plan year, calendar year; per core element its interventions and
 * its rules; the rules about the whole plan; staff expansion; missing justifications. Versions are merged by id.
 */
export function overviewColumns(rows, data) {
  const used = [...new Set(rows.map((r) => r.version))];
  const versions = (used.length ? used : [data.current]).map((id) => data.versions[id]);
  const elements = new Map();
  const rules = new Map();
  for (const v of versions) {
    for (const e of v.core_elements) if (!elements.has(e.id)) elements.set(e.id, e.title);
    for (const r of v.rules) if (r.plan === "praktijkplan" && !rules.has(r.id)) rules.set(r.id, r);
  }
  const columns = [{ id: "practice", kind: "practice" }, { id: "year", kind: "year" }, { id: "calendar", kind: "calendar" }];
  const ruleColumn = (r) => ({ id: `rule:${r.id}`, kind: "rule", rule: r.id, element: r.core_element ?? "", title: r.summary });
  for (const [id, title] of elements) {
    columns.push({ id: `element:${id}`, kind: "element", element: id, title });
    for (const r of rules.values()) if (r.core_element === id) columns.push(ruleColumn(r));
  }
  if (rows.some((r) => r.interventions[""])) columns.push({ id: "element:", kind: "element", element: "", title: "" });
  for (const r of rules.values()) if (!elements.has(r.core_element)) columns.push(ruleColumn(r));
  columns.push({ id: "staff", kind: "staff" }, { id: "missing", kind: "missing" });
  return columns;
}

export const NO_FILTERS = { years: "latest", element: "", rule: "", show: "all", practice: "" };

/** The rows the filters keep: the latest year of each plan (or all), a practice's name, a verdict in a chosen rule. */
export function filterRows(rows, chosen, filters) {
  const ruleIds = chosen.filter((c) => c.kind === "rule").map((c) => c.rule);
  const needle = filters.practice.trim().toLowerCase();
  return rows.filter((row) => {
    if (filters.years === "latest" && !row.latest) return false;
    if (needle && ![row.practice, row.name, row.file].some((t) => t.toLowerCase().includes(needle))) return false;
    if (filters.show !== "all" && !ruleIds.some((id) => row.verdicts[id] === filters.show)) return false;
    return true;
  });
}

/** The columns the filters choose: one rule, or a core element's columns (its interventions and rules), or all. */
export function chosenColumns(columns, filters) {
  const fixed = new Set(["practice", "year", "calendar", "staff", "missing"]);
  if (filters.rule) return columns.filter((c) => fixed.has(c.kind) || c.rule === filters.rule);
  if (filters.element) return columns.filter((c) => fixed.has(c.kind) || c.element === (filters.element === "-" ? "" : filters.element));
  return columns;
}

/** Of those, the ones to show: a rule column without any verdict in the shown rows is left out unless chosen. */
export function visibleColumns(chosen, filters, rows) {
  return chosen.filter((c) => c.kind !== "rule" || c.rule === filters.rule || rows.some((r) => r.verdicts[c.rule]));
}

function sortKey(column, row) {
  switch (column.kind) {
    case "practice": return row.practice;
    case "year": return row.year;
    case "calendar": return row.calendar;
    case "rule": return row.verdicts[column.rule] ? SEVERITY.indexOf(row.verdicts[column.rule]) : NONE;
    case "element": return (row.interventions[column.element] ?? []).length;
    case "staff": return row.staff.reduce((sum, s) => sum + (s.hours ?? 0), 0);
    default: return row.missing.length;
  }
}

/** Rows sorted by a column (stable; ties by practice and year; empty values last in either direction). */
export function sortRows(rows, column, direction, language) {
  const collator = new Intl.Collator(language, { numeric: true, sensitivity: "base" });
  const compare = (a, b) => (typeof a === "string" ? collator.compare(a, b) : a - b);
  const sign = direction === "descending" ? -1 : 1;
  return rows.map((row) => ({ row, key: sortKey(column, row) })).sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key !== b.key) return a.key === null ? 1 : -1;
    } else {
      const order = compare(a.key, b.key);
      if (order) return sign * order;
    }
    return collator.compare(a.row.practice, b.row.practice) || (a.row.year ?? 0) - (b.row.year ?? 0) || a.row.index - b.row.index;
  }).map(({ row }) => row);
}

/** A column's heading, as text. */
export function columnTitle(column, labels) {
  if (column.kind === "element") return column.element ? `${labels.interventions}: ${column.title}` : labels.other;
  if (column.kind === "rule") return column.title;
  return labels[column.kind];
}

/** A cell's content as text parts (a list cell has several): the table shows them, the exports join them. */
export function cellParts(column, row, labels) {
  switch (column.kind) {
    case "practice": return [row.practice];
    case "year": return [row.year === null ? labels.none : String(row.year)];
    case "calendar": return [row.calendar === null ? labels.none : String(row.calendar)];
    case "rule": {
      const status = row.verdicts[column.rule];
      return [status ? `${labels.symbols[status]} ${labels.status[status]}` : labels.not_applicable];
    }
    case "element": return (row.interventions[column.element] ?? []).map((i) => `${i.title} (${labels.actions[i.action]})`);
    case "staff": return row.staff.map((s) => `${s.title}: ${s.type || labels.no_type}, ${s.hours === null ? labels.no_hours : labels.hours(s.hours)}`);
    default: return row.missing;
  }
}

function cellText(column, row, labels) {
  const parts = cellParts(column, row, labels);
  return parts.length ? parts.join("; ") : labels.none;
}

/** The shown table as CSV (spreadsheet formulas defused, as the plan's own CSV export does). */
export function toOverviewCsv(columns, rows, labels) {
  const lines = [[labels.file, ...columns.map((c) => columnTitle(c, labels))], ...rows.map((row) => [row.file, ...columns.map((c) => cellText(c, row, labels))])];
  return lines.map((line) => line.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The shown table as a Markdown table (texts escaped, as the plan's own Markdown export does). */
export function toOverviewMarkdown(columns, rows, labels) {
  const line = (cells) => `| ${cells.map(mdText).join(" | ")} |`;
  return [
    `# ${mdText(labels.title)}`, "",
    line([labels.file, ...columns.map((c) => columnTitle(c, labels))]),
    `|${" --- |".repeat(columns.length + 1)}`,
    ...rows.map((row) => line([row.file, ...columns.map((c) => cellText(c, row, labels))])),
  ].join("\n") + "\n";
}
