// Unit tests of the regional overview's pure model (rows, columns, filters, sorting), on the published data.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { newChoice, newPlan } from "../../overrides/assets/javascripts/plan/core.mjs";
import { NO_FILTERS, chosenColumns, filterRows, overviewColumns, overviewRows, readFiles, sortRows, visibleColumns } from "../../overrides/assets/javascripts/plan/overview/model.mjs";

const data = JSON.parse(readFileSync(process.env.PLAN_DATA, "utf8"));
const current = data.versions[data.current];
const staffElement = current.rules.find((r) => r.kind === "staff-expansion-needs-details").core_element;
const staffId = current.interventions.find((i) => i.core_element === staffElement).id;
const other = current.interventions.find((i) => i.core_element !== staffElement).id;

function entry(file, organisation, years, extra = {}) {
  const plan = { ...newPlan(data, "praktijkplan", file), years, ...extra };
  plan.details = { ...plan.details, organisation };
  return { file, plan };
}

describe("overview rows", () => {
  it("gives one row per plan year, the latest marked, and rules about the whole plan in every year", () => {
    const rows = overviewRows([entry("a", "A", { 1: { [other]: newChoice() }, 2: { [other]: newChoice("continue") } })], data);
    assert.deepEqual(rows.map((r) => [r.year, r.latest]), [[1, false], [2, true]]);
    const hurdle = current.rules.find((r) => r.kind === "minimum-hurdle" && r.plan === "praktijkplan");
    assert.deepEqual(rows.map((r) => r.verdicts[hurdle.id]), ["not-met", "not-met"]);
  });

  it("a rule's cell is the worst of its results in that year", () => {
    const hurdle = current.rules.find((r) => r.kind === "minimum-hurdle" && r.plan === "praktijkplan");
    const some = entry("a", "A", { 1: {} }, { hurdle: [current.hurdle[0].id] });
    assert.equal(overviewRows([some], data)[0].verdicts[hurdle.id], "not-met");
    const all = entry("a", "A", { 1: {} }, { hurdle: current.hurdle.map((h) => h.id) });
    assert.equal(overviewRows([all], data)[0].verdicts[hurdle.id], "met");
  });

  it("lists staff expansion with type and hours, and staff or deepening without a justification as missing", () => {
    const [row] = overviewRows([entry("a", "A", { 1: { [staffId]: { ...newChoice(), staff_type: "POH", hours: 8 }, [other]: newChoice() } })], data);
    assert.deepEqual(row.staff.map((s) => [s.type, s.hours]), [["POH", 8]]);
    assert.equal(row.missing.length, 1);
  });

  it("refuses a regioplan and a broken file with their message keys, and keeps reading the rest", () => {
    const good = JSON.stringify(newPlan(data, "praktijkplan", "g"));
    const regio = JSON.stringify(newPlan(data, "regioplan", "r"));
    const { plans, bad } = readFiles([{ name: "r", size: 1, text: regio }, { name: "x", size: 1, text: "{" }, { name: "g", size: 1, text: good }, { name: "big", size: 10_000_000, text: null }], data);
    assert.deepEqual(plans.map((p) => p.file), ["g"]);
    assert.deepEqual(bad.map((b) => [b.file, b.key]), [["r", "overview_error_regioplan"], ["x", "error_json"], ["big", "error_too_large"]]);
  });
});

describe("filters and sorting", () => {
  const rows = overviewRows([
    entry("c", "praktijk 10", { 1: {} }, { hurdle: current.hurdle.map((h) => h.id) }),
    entry("Praktijk 9", "", { 1: { [other]: newChoice() } }, { details: { organisation: "", agb: "", start_year: 2025, status: "draft", author: "", date: "" } }),
    entry("b", "Beta", { 1: {}, 2: {} }),
  ], data);
  const columns = overviewColumns(rows, data);

  it("sorts names as people read them (9 before 10, case aside), reverses, and puts empty values last both ways", () => {
    const practice = columns.find((c) => c.id === "practice");
    assert.deepEqual(sortRows(rows, practice, "ascending", "nl").map((r) => r.practice), ["Beta", "Beta", "Praktijk 9", "praktijk 10"]);
    const calendar = columns.find((c) => c.id === "calendar");
    assert.equal(sortRows(rows, calendar, "ascending", "nl")[0].calendar, 2025);
    assert.equal(sortRows(rows, calendar, "descending", "nl")[0].calendar, 2025);
    assert.equal(sortRows(rows, calendar, "descending", "nl").at(-1).calendar, null);
  });

  it("keeps the latest year of each plan by default, and rows failing a chosen rule", () => {
    assert.equal(filterRows(rows, columns, NO_FILTERS).length, 3);
    assert.equal(filterRows(rows, columns, { ...NO_FILTERS, years: "all" }).length, 4);
    const rule = columns.find((c) => c.kind === "rule" && c.title === current.rules.find((r) => r.kind === "minimum-hurdle" && r.plan === "praktijkplan").summary);
    const filters = { ...NO_FILTERS, rule: rule.rule, show: "not-met", years: "all" };
    const chosen = chosenColumns(columns, filters);
    assert.deepEqual(chosen.filter((c) => c.kind === "rule").map((c) => c.rule), [rule.rule]);
    assert.deepEqual(filterRows(rows, chosen, filters).map((r) => r.practice), ["Praktijk 9", "Beta", "Beta"]);
  });

  it("leaves out a rule column with no verdict in the shown rows, unless that rule is chosen", () => {
    const yearTwo = columns.find((c) => c.kind === "rule" && rows.every((r) => r.year !== 2 || !r.verdicts[c.rule]) === false && rows.filter((r) => r.year === 1).every((r) => !r.verdicts[c.rule]));
    const yearOneRows = rows.filter((r) => r.year === 1);
    assert.ok(!visibleColumns(columns, NO_FILTERS, yearOneRows).includes(yearTwo));
    assert.ok(visibleColumns(chosenColumns(columns, { ...NO_FILTERS, rule: yearTwo.rule }), { ...NO_FILTERS, rule: yearTwo.rule }, yearOneRows).includes(yearTwo));
  });
});
