// DOM tests of the regional overview's components (jsdom), on the built page's own markup and the published data:
// OVERVIEW_PAGE names the built overview page, PLAN_DATA its data.json (site_tests/test_plan_overview_dom.py).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { beforeEach, describe, it } from "node:test";

import { JSDOM } from "jsdom";

const data = JSON.parse(readFileSync(process.env.PLAN_DATA, "utf8"));
const html = readFileSync(process.env.OVERVIEW_PAGE, "utf8");
const current = data.versions[data.current];

let dom;
function freshPage() {
  dom = new JSDOM(html, { url: "http://127.0.0.1/mtvp/nl/plan/overzicht/" });
  for (const name of ["document", "CustomEvent", "HTMLElement", "Node"]) globalThis[name] = dom.window[name];
  return dom.window.document;
}

const { Component, createAll } = await import("../../overrides/assets/javascripts/plan/overview/component.mjs");
const { OverviewTable } = await import("../../overrides/assets/javascripts/plan/overview/table.mjs");
const { OverviewFilters } = await import("../../overrides/assets/javascripts/plan/overview/filters.mjs");
const { BadFiles } = await import("../../overrides/assets/javascripts/plan/overview/bad-files.mjs");
const { Overview, labelsOf } = await import("../../overrides/assets/javascripts/plan/overview/overview.mjs");
const model = await import("../../overrides/assets/javascripts/plan/overview/model.mjs");
const { newChoice, newPlan } = await import("../../overrides/assets/javascripts/plan/core.mjs");

const labels = { ...labelsOf(data.strings, "nl"), caption: "caption" };
const [anders] = current.core_elements.map((e) => e.id);
const andersIds = current.interventions.filter((i) => i.core_element === anders).map((i) => i.id);
const staffRule = current.rules.find((r) => r.kind === "staff-expansion-needs-details");
const staffId = current.interventions.find((i) => i.core_element === staffRule.core_element).id;
const firstYearRule = current.rules.find((r) => r.plan === "praktijkplan" && r.kind === "min-new-interventions" && r.core_element === anders && r.years[0] === 1);

/** A praktijkplan as a file: year 1 with the given choices, the practice's name in its details. */
function planFile(name, organisation, year1, extra = {}) {
  const plan = { ...newPlan(data, "praktijkplan", name), years: { 1: year1 }, ...extra };
  plan.details = { ...plan.details, organisation, start_year: 2026 };
  const text = JSON.stringify(plan);
  return { name: `${name}.json`, size: text.length, text };
}

const passing = planFile("alfa", "Praktijk Alfa", { [andersIds[0]]: newChoice("implement"), [staffId]: { ...newChoice("implement"), staff_type: "POH-GGZ", hours: 8, justification: "" } }, { menu: [andersIds[0]] });
const failing = planFile("beta", "=Praktijk <Beta> | R&D", {});

describe("createAll and Component", () => {
  beforeEach(freshPage);

  it("starts a component once per root, however often createAll runs", () => {
    assert.equal(createAll(OverviewTable).length, 1);
    assert.equal(createAll(OverviewTable).length, 0);
    assert.throws(() => new OverviewTable(document.querySelector('[data-gl-module="overview-table"]')), /already started/);
  });

  it("one component failing to start does not stop the others", () => {
    class Picky extends Component {
      static moduleName = "overview-table";
      constructor(root) {
        super(root);
        if (root.dataset.broken) throw new Error("broken");
      }
    }
    const table = document.querySelector('[data-gl-module="overview-table"]');
    const broken = table.cloneNode();
    broken.dataset.broken = "yes";
    table.before(broken);
    const errors = [];
    const original = console.error;
    console.error = (e) => errors.push(e);
    try {
      const started = createAll(Picky);
      assert.deepEqual(started.map((c) => c.root), [table]);
    } finally {
      console.error = original;
    }
    assert.equal(errors.length, 1);
  });
});

describe("the table component", () => {
  beforeEach(freshPage);

  function shownTable() {
    const [table] = createAll(OverviewTable);
    const { plans } = model.readFiles([passing, failing], data);
    const rows = model.overviewRows(plans, data);
    const columns = model.overviewColumns(rows, data);
    return { table, rows, columns };
  }

  it("marks the sorted column with aria-sort and no other, and keeps focus on a heading when re-sorted", () => {
    const { table, rows, columns } = shownTable();
    table.show(columns, rows, { column: "practice", direction: "ascending" }, labels);
    const sorted = () => [...document.querySelectorAll("th[aria-sort]")].map((th) => [th.dataset.column, th.getAttribute("aria-sort")]);
    assert.deepEqual(sorted(), [["practice", "ascending"]]);
    const yearButton = document.querySelector('button[data-sort="year"]');
    yearButton.focus();
    const asked = [];
    table.root.addEventListener("gl-overview:sort", (e) => asked.push(e.detail.column));
    yearButton.click();
    assert.deepEqual(asked, ["year"]);
    table.show(columns, rows, { column: "year", direction: "descending" }, labels);
    assert.deepEqual(sorted(), [["year", "descending"]]);
    assert.equal(document.activeElement, yearButton);
  });

  it("shows verdicts as a word and a hidden symbol, and every text as text", () => {
    const { table, rows, columns } = shownTable();
    table.show(columns, rows, { column: "practice", direction: "ascending" }, labels);
    const beta = [...document.querySelectorAll("tbody tr")].find((tr) => tr.querySelector("th").textContent.startsWith("=Praktijk <Beta>"));
    assert.ok(beta, "the practice's name is shown as typed");
    assert.equal(beta.querySelector("img, b"), null);
    const index = columns.findIndex((c) => c.rule === firstYearRule.id);
    const cell = beta.children[index];
    assert.match(cell.textContent, new RegExp(data.strings.plan_status_not_met));
    assert.equal(cell.querySelector(".gl-overview-symbol").getAttribute("aria-hidden"), "true");
    assert.equal(document.querySelector(".gl-overview-scroll").getAttribute("tabindex"), "0");
  });
});

describe("the filters component", () => {
  beforeEach(freshPage);

  it("offers the rules grouped by core element and keeps a choice that still exists", () => {
    const [filters] = createAll(OverviewFilters);
    const columns = model.overviewColumns([], data);
    filters.setOptions(columns, labels);
    const rule = document.querySelector("#gl-overview-rule");
    assert.ok(rule.querySelectorAll("optgroup").length >= current.core_elements.length);
    rule.value = firstYearRule.id;
    const seen = [];
    filters.root.addEventListener("gl-overview:filters", (e) => seen.push(e.detail));
    rule.dispatchEvent(new dom.window.Event("change", { bubbles: true }));
    assert.equal(seen[0].rule, firstYearRule.id);
    filters.setOptions(columns, labels);
    assert.equal(rule.value, firstYearRule.id);
  });
});

describe("the bad files component", () => {
  beforeEach(freshPage);

  it("lists each file by name with its message, as text", () => {
    const [bad] = createAll(BadFiles);
    bad.show([{ file: "<img src=x>.json", message: "kapot" }], "Bestanden (1)");
    assert.equal(bad.root.hidden, false);
    assert.equal(bad.root.querySelector("li").textContent, "<img src=x>.json: kapot");
    assert.equal(bad.root.querySelector("img"), null);
    bad.show([], "Bestanden (0)");
    assert.equal(bad.root.hidden, true);
  });
});

describe("the overview page", () => {
  beforeEach(freshPage);

  async function started() {
    const saved = [];
    const [overview] = createAll(Overview, { fetchData: async () => data, save: (name, type, content) => saved.push({ name, content }) });
    await overview.ready;
    return { overview, saved };
  }

  it("reads good files into rows and lists bad ones by name, the others unaffected", async () => {
    const { overview } = await started();
    assert.equal(document.querySelector("[data-gl-overview-app]").hidden, false);
    const broken = { name: "kapot.json", size: 5, text: "{oops" };
    const regio = planFile("regio", "RHO", {}, { kind: "regioplan", years: {} });
    overview.root.dispatchEvent(new CustomEvent("gl-overview:files", { detail: { files: [passing, broken, failing, regio], started: 0 } }));
    assert.equal(document.querySelectorAll("tbody tr").length, 2);
    const items = [...document.querySelectorAll('[data-gl-module="overview-bad-files"] li')].map((li) => li.textContent);
    assert.deepEqual(items, [`kapot.json: ${data.strings.plan_error_json}`, `regio.json: ${data.strings.plan_overview_error_regioplan}`]);
    assert.equal(overview.root.dataset.glOverviewFiles, "4");
    // The same files again are not added twice.
    overview.root.dispatchEvent(new CustomEvent("gl-overview:files", { detail: { files: [passing], started: 0 } }));
    assert.equal(document.querySelectorAll("tbody tr").length, 2);
  });

  it("filters rows by a failing rule and exports the table as shown", async () => {
    const { overview, saved } = await started();
    overview.root.dispatchEvent(new CustomEvent("gl-overview:files", { detail: { files: [passing, failing], started: 0 } }));
    document.querySelector("#gl-overview-show").value = "not-met";
    document.querySelector("#gl-overview-rule").value = firstYearRule.id;
    document.querySelector("#gl-overview-rule").dispatchEvent(new dom.window.Event("change", { bubbles: true }));
    const practices = [...document.querySelectorAll("tbody th")].map((th) => th.firstChild.textContent);
    assert.deepEqual(practices, ["=Praktijk <Beta> | R&D"]);
    document.querySelector('button[data-export="csv"]').click();
    document.querySelector('button[data-export="markdown"]').click();
    const [csv, md] = saved.map((s) => s.content);
    // A leading = is defused (a spreadsheet would run it as a formula).
    assert.ok(csv.includes(`\r\nbeta.json,'=Praktijk <Beta> | R&D,1,2026,✗ ${data.strings.plan_status_not_met},`), csv);
    assert.ok(!csv.includes(passing.name));
    assert.ok(md.includes("| beta.json | =Praktijk \\<Beta\\> \\| R\\&D | 1 | 2026 |"), md);
  });
});
