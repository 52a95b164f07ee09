// Unit tests of the plan checklist's pure core, on the real published data (PLAN_DATA names the file that
// site_tests/test_plan_core.py generates). Run: node --test site_tests/js/
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import {
  EVALUATORS, PlanError, evaluate, fromShareFragment, migrate, newPlan, parsePlan, readPlan, ruleCovers, toCsv,
  toJson, toMarkdown, toShareFragment,
} from "../../overrides/assets/javascripts/plan/core.mjs";

const data = JSON.parse(readFileSync(process.env.PLAN_DATA, "utf8"));
const current = data.versions[data.current];
const LABELS = {
  csv_header: ["plan", "version", "year", "element", "id", "intervention", "choice", "justification", "caregivers", "staff", "hours"],
  menu: "Menu", kind: "Kind", kinds: { regioplan: "Regional plan", praktijkplan: "Practice plan" }, version: "Version",
  actions: { implement: "implement", continue: "continue", deepen: "deepen" }, year: (y) => `Year ${y}`,
  nothing: "nothing", results: "Results", status: { met: "Met", "not-met": "Not met", note: "Note" },
};

const ruleOf = (kind, coreElement, year) =>
  current.rules.find((r) => r.kind === kind && (coreElement === undefined || r.core_element === coreElement) && (year === undefined || ruleCovers(r, year)));
const idsOf = (coreElement) => current.interventions.filter((i) => i.core_element === coreElement).map((i) => i.id);
const withTrait = (trait) => current.interventions.filter((i) => i.traits.includes(trait)).map((i) => i.id);
const choice = (action, extra = {}) => ({ action, justification: "", caregivers: [], staff_type: "", hours: null, ...extra });
const plan = (years, extra = {}) => ({ ...newPlan(data, "praktijkplan", "T"), years, ...extra });
const statusOf = (results, rule, year = null) => results.filter((r) => r.rule === rule.id && r.year === year).map((r) => r.status);

function run(rule, p) {
  return EVALUATORS[rule.kind](rule, p, current);
}

const [anders, netwerk, uitbreiding, gesprek] = ["anders-werken-in-de-praktijk", "samenwerken-met-het-netwerk", "uitbreiding-van-personele-capaciteit", "het-voeren-van-het-goede-gesprek"];

describe("rule evaluation, one kind at a time, per year", () => {
  it("min-new-interventions counts new ones from the menu (year 1) and any (year 2)", () => {
    const rule1 = ruleOf("min-new-interventions", anders, 1);
    const [a, b] = idsOf(anders);
    assert.deepEqual(run(rule1, plan({ 1: { [a]: choice("implement") } })).map((r) => r.status), ["not-met"]); // not in the menu
    assert.deepEqual(run(rule1, plan({ 1: { [a]: choice("implement") } }, { menu: [a] })).map((r) => r.status), ["met"]);
    assert.deepEqual(run(rule1, plan({ 1: { [a]: choice("continue") } }, { menu: [a] })).map((r) => r.status), ["not-met"]);
    const rule2 = ruleOf("min-new-interventions", anders, 2);
    assert.deepEqual(run(rule2, plan({ 1: {}, 2: { [b]: choice("implement") } })).map((r) => [r.year, r.status]), [[2, "met"]]);
    assert.deepEqual(run(rule2, plan({ 1: {}, 2: {} })).map((r) => [r.year, r.status]), [[2, "not-met"]]);
    const network = ruleOf("min-new-interventions", netwerk, 2);
    const [n1, n2] = idsOf(netwerk);
    const twoNetwork = plan({ 1: {}, 2: { [n1]: choice("implement"), [n2]: choice("implement") } }, { menu: [n1, n2] });
    assert.deepEqual(run(network, twoNetwork).map((r) => r.status), ["met"]);
    assert.equal(run(network, twoNetwork)[0].params.count, 2);
  });

  it("min-active-interventions counts new, continued and deepened ones", () => {
    const rule = ruleOf("min-active-interventions", gesprek);
    const [g] = idsOf(gesprek);
    for (const action of ["implement", "continue", "deepen"]) {
      assert.deepEqual(run(rule, plan({ 2: { [g]: choice(action) } })).map((r) => r.status), ["met"], action);
    }
    assert.deepEqual(run(rule, plan({ 2: {} })).map((r) => r.status), ["not-met"]);
    assert.deepEqual(run(rule, plan({ 1: { [g]: choice("implement") } })), []); // year 1 is not covered
  });

  it("new-or-deepened applies to year 3 and every year after it", () => {
    const rule = ruleOf("new-or-deepened", anders, 3);
    const [a] = idsOf(anders);
    const p = plan({ 3: { [a]: choice("deepen", { justification: "x" }) }, 4: { [a]: choice("continue") }, 5: { [a]: choice("implement") } });
    assert.deepEqual(run(rule, p).map((r) => [r.year, r.status]), [[3, "met"], [4, "not-met"], [5, "met"]]);
  });

  it("continued: what was introduced stays, and nothing to continue is a note", () => {
    const rule = ruleOf("continued", gesprek);
    const [g] = idsOf(gesprek);
    assert.deepEqual(run(rule, plan({ 1: { [g]: choice("implement") }, 3: { [g]: choice("continue") } })).map((r) => r.status), ["met"]);
    assert.deepEqual(run(rule, plan({ 1: { [g]: choice("implement") }, 3: {} })).map((r) => r.status), ["not-met"]);
    assert.deepEqual(run(rule, plan({ 3: {} })).map((r) => r.status), ["note"]);
  });

  it("optional is information, never a failure", () => {
    assert.deepEqual(run(ruleOf("optional", uitbreiding), plan({ 1: {} })).map((r) => r.status), ["note"]);
  });

  it("never-sole-intervention: staff expansion alone fails, with another intervention passes", () => {
    const rule = ruleOf("never-sole-intervention", uitbreiding);
    const [u] = idsOf(uitbreiding);
    const [a] = idsOf(anders);
    const staff = choice("implement", { staff_type: "POH", hours: 8 });
    assert.deepEqual(run(rule, plan({ 1: { [u]: staff } })).map((r) => r.status), ["not-met"]);
    assert.deepEqual(run(rule, plan({ 1: { [u]: staff, [a]: choice("implement") } })).map((r) => r.status), ["met"]);
    assert.deepEqual(run(rule, plan({ 1: { [a]: choice("implement") } })), []);
  });

  it("deepening-needs-justification from year 3", () => {
    const rule = ruleOf("deepening-needs-justification");
    const [a] = idsOf(anders);
    assert.deepEqual(run(rule, plan({ 3: { [a]: choice("deepen") } })).map((r) => r.status), ["not-met"]);
    assert.deepEqual(run(rule, plan({ 3: { [a]: choice("deepen", { justification: "  " }) } })).map((r) => r.status), ["not-met"]);
    assert.deepEqual(run(rule, plan({ 4: { [a]: choice("deepen", { justification: "Meer patiënten" }) } })).map((r) => r.status), ["met"]);
  });

  it("staff-expansion-needs-details asks for the type of staff and hours", () => {
    const rule = ruleOf("staff-expansion-needs-details", uitbreiding);
    const [u] = idsOf(uitbreiding);
    assert.deepEqual(run(rule, plan({ 1: { [u]: choice("implement", { staff_type: "POH" }) } })).map((r) => r.status), ["not-met"]);
    assert.deepEqual(run(rule, plan({ 1: { [u]: choice("implement", { hours: 4 }) } })).map((r) => r.status), ["not-met"]);
    assert.deepEqual(run(rule, plan({ 1: { [u]: choice("implement", { staff_type: "POH", hours: 4 }) } })).map((r) => r.status), ["met"]);
  });

  it("one-off training counts one year per caregiver", () => {
    const rule = ruleOf("one-off-training-one-year-per-caregiver");
    const [t] = withTrait("one-off-training");
    const p = plan({ 1: { [t]: choice("implement", { caregivers: ["Dr. A", "B"] }) }, 2: { [t]: choice("continue", { caregivers: ["dr. a"] }) } });
    const results = run(rule, p);
    assert.deepEqual(results.map((r) => [r.year, r.status, r.params.first]), [[2, "not-met", 1]]);
    const ok = plan({ 1: { [t]: choice("implement", { caregivers: ["A"] }) }, 2: { [t]: choice("continue", { caregivers: ["C"] }) } });
    assert.deepEqual(run(rule, ok).map((r) => r.status), ["met"]);
  });

  it("no-repeat-without-development: implementing the same intervention twice", () => {
    const rule = ruleOf("no-repeat-without-development");
    const [a] = idsOf(anders);
    assert.deepEqual(run(rule, plan({ 1: { [a]: choice("implement") }, 3: { [a]: choice("implement") } })).map((r) => [r.year, r.status]), [[3, "not-met"]]);
    assert.deepEqual(run(rule, plan({ 1: { [a]: choice("implement") }, 3: { [a]: choice("deepen", { justification: "x" }) } })), []);
  });

  it("ict-not-deepened", () => {
    const rule = ruleOf("ict-not-deepened");
    const [ict] = withTrait("ict");
    assert.ok(ict, "the data marks at least one ICT intervention");
    assert.deepEqual(run(rule, plan({ 3: { [ict]: choice("deepen", { justification: "x" }) } })).map((r) => r.status), ["not-met"]);
    assert.deepEqual(run(rule, plan({ 3: { [ict]: choice("continue") } })), []);
  });

  it("menu-min-options for the regional plan", () => {
    const rule = ruleOf("menu-min-options", anders);
    const regio = { ...newPlan(data, "regioplan", "R"), menu: idsOf(anders).slice(0, rule.min - 1) };
    assert.deepEqual(run(rule, regio).map((r) => r.status), ["not-met"]);
    regio.menu = idsOf(anders).slice(0, rule.min);
    assert.deepEqual(run(rule, regio).map((r) => r.status), ["met"]);
  });

  it("outside-menu-allowed is a note naming the choices", () => {
    const rule = ruleOf("outside-menu-allowed");
    const [a, b] = idsOf(anders);
    const results = run(rule, plan({ 1: { [a]: choice("implement"), [b]: choice("implement") } }, { menu: [a] }));
    assert.deepEqual(results.map((r) => [r.status, r.params.ids]), [["note", [b]]]);
  });

  it("every rule kind in the data has an evaluator, and an unknown kind is reported, not skipped", () => {
    for (const version of Object.values(data.versions)) for (const rule of version.rules) assert.ok(EVALUATORS[rule.kind], rule.kind);
    const odd = { ...current, rules: [{ id: "x", kind: "future-kind", plan: "praktijkplan", years: [], summary: "", url: "" }] };
    assert.deepEqual(evaluate(plan({ 1: {} }), odd).map((r) => [r.status, r.reason]), [["note", "reason_unknown_rule"]]);
  });

  it("evaluate checks only the rules of the plan's kind", () => {
    const regio = { ...newPlan(data, "regioplan", "R") };
    assert.ok(evaluate(regio, current).every((r) => current.rules.find((x) => x.id === r.rule).plan === "regioplan"));
  });
});

describe("serialising", () => {
  const [a] = idsOf(anders);
  const [t] = withTrait("one-off-training");
  const full = readPlan({
    ...newPlan(data, "praktijkplan", "Praktijk ‘De Linde’, 2026"),
    menu: [a],
    years: { 1: { [a]: choice("implement"), [t]: choice("implement", { caregivers: ["A", "B"] }) }, 3: { [a]: choice("deepen", { justification: "=SUM(A1) \"quoted\", comma" }) } },
    hurdle: [current.hurdle[0].id],
  }, data);

  it("JSON round trip keeps the plan and its guideline version", () => {
    const again = parsePlan(toJson(full), data);
    assert.deepEqual(again, full);
    assert.equal(JSON.parse(toJson(full)).guideline_version, data.current);
  });

  it("share link round trip, including non-ASCII text", () => {
    const fragment = toShareFragment(full);
    assert.match(fragment, /^plan=[A-Za-z0-9_-]+$/);
    assert.deepEqual(fromShareFragment(`#${fragment}`, data), full);
    assert.equal(fromShareFragment("#toc", data), null);
  });

  it("CSV has a header and one row per choice, quotes and defuses formulas", () => {
    const csv = toCsv(full, current, LABELS);
    const lines = csv.trim().split("\r\n");
    assert.equal(lines.length, 1 + 3);
    assert.ok(lines[3].includes(`"'=SUM(A1) ""quoted"", comma"`), lines[3]);
  });

  it("Markdown lists the choices per year and the rule results", () => {
    const md = toMarkdown(full, current, evaluate(full, current), LABELS);
    assert.match(md, /^# Praktijk ‘De Linde’, 2026/);
    assert.match(md, /## Year 1/);
    assert.match(md, /## Year 3/);
    assert.match(md, /## Results/);
  });
});

describe("another version", () => {
  it("a 2025 plan re-checked against 2026-2027: renamed and unchanged choices keep their ids", () => {
    const [a] = idsOf(anders);
    // The evidence shows no rename between these versions; the case is given its change.
    const renamed = structuredClone(data);
    renamed.changes["2025-naar-2026-2027"].changes.push({ kind: "renamed", id: "training-gespreksvoering", type: "Intervention" });
    const p = readPlan({ ...newPlan(renamed, "praktijkplan", "Oud"), guideline_version: "2025", years: { 1: { "training-gespreksvoering": choice("implement"), [a]: choice("implement") } } }, renamed);
    const { plan: moved, statuses } = migrate(p, renamed, "2026-2027");
    assert.equal(statuses.get("training-gespreksvoering").status, "renamed");
    assert.equal(statuses.get(a).status, "unchanged");
    assert.equal(moved.guideline_version, "2026-2027");
    assert.deepEqual(Object.keys(moved.years[1]).sort(), ["training-gespreksvoering", a].sort());
    assert.ok(evaluate(moved, data.versions["2026-2027"]).length > 0);
  });

  it("a 2026-2027 choice that is not in 2023 is gone there", () => {
    // No intervention is known to be missing from 2023 (the evidence shows none absent); the case is given its data.
    const older = structuredClone(data);
    older.versions["2023"].interventions = older.versions["2023"].interventions.filter((i) => i.id !== "aanmeldzuil");
    older.changes["2023-naar-2026-2027"].changes.push({ kind: "added", id: "aanmeldzuil", type: "Intervention" });
    const p = readPlan({ ...newPlan(older, "praktijkplan", "Nu"), years: { 1: { aanmeldzuil: choice("implement") } } }, older);
    const { plan: moved, statuses } = migrate(p, older, "2023");
    assert.equal(statuses.get("aanmeldzuil").status, "gone");
    assert.deepEqual(moved.years[1], {});
  });

  it("a merged intervention is carried to the item that absorbed it", () => {
    const merged = structuredClone(data);
    merged.changes["2025-naar-2026-2027"].changes.push({ kind: "merged", id: "aanmeldzuil", type: "Intervention", merged_from: ["e-health-platforms"] });
    const p = readPlan({ ...newPlan(merged, "praktijkplan", "M"), guideline_version: "2025", years: { 1: { "e-health-platforms": choice("implement") } } }, merged);
    const { plan: moved, statuses } = migrate(p, merged, "2026-2027");
    assert.deepEqual(statuses.get("e-health-platforms"), { status: "merged", to: "aanmeldzuil" });
    assert.ok(moved.years[1].aanmeldzuil);
  });

  it("an unknown target version is refused", () => {
    assert.throws(() => migrate(newPlan(data), data, "2099"), (e) => e instanceof PlanError && e.key === "error_unknown_version");
  });
});

describe("hostile and malformed imports", () => {
  const good = () => JSON.parse(toJson(readPlan({ ...newPlan(data, "praktijkplan", "P"), years: { 1: { [idsOf(anders)[0]]: choice("implement") } } }, data)));
  const id = idsOf(anders)[0];
  const cases = [
    ["not JSON", "{plan", "error_json"],
    ["a JSON array", "[]", "error_not_plan"],
    ["null", "null", "error_not_plan"],
    ["a number", "42", "error_not_plan"],
    ["a string", '"plan"', "error_not_plan"],
    ["no format", () => { const p = good(); delete p.format; return p; }, "error_not_plan"],
    ["another format", () => ({ ...good(), format: "other" }), "error_not_plan"],
    ["a newer format version", () => ({ ...good(), format_version: 2 }), "error_format_version"],
    ["an unknown guideline version", () => ({ ...good(), guideline_version: "2099" }), "error_unknown_version"],
    ["a prototype name as version", () => ({ ...good(), guideline_version: "__proto__" }), "error_unknown_version"],
    ["an unknown plan kind", () => ({ ...good(), kind: "wijkplan" }), "error_kind"],
    ["a __proto__ key", '{"format":"mtvp-plan","__proto__":{"x":1}}', "error_key"],
    ["a nested constructor key", () => ({ ...good(), years: { 1: { constructor: {} } } }), "error_key"],
    ["an unknown intervention", () => ({ ...good(), years: { 1: { "bestaat-niet": choice("implement") } } }), "error_unknown_id"],
    ["HTML in the name", () => ({ ...good(), name: "<img src=x onerror=alert(1)>" }), "error_html"],
    ["a script in a justification", () => ({ ...good(), years: { 3: { [id]: choice("deepen", { justification: "</textarea><script>alert(1)</script>" }) } } }), "error_html"],
    ["a javascript: URL in the notes", () => ({ ...good(), notes: "javascript:alert(1)" }), "error_html"],
    ["an event handler in a caregiver", () => ({ ...good(), years: { 1: { [id]: choice("implement", { caregivers: ["x onmouseover=alert(1)"] }) } } }), "error_html"],
    ["an HTML entity", () => ({ ...good(), name: "&lt;b&gt;" }), "error_html"],
    ["a name that is too long", () => ({ ...good(), name: "x".repeat(500) }), "error_too_long"],
    ["a file that is too large", () => ({ ...good(), notes: "x".repeat(210_000) }), "error_too_large"],
    ["years that are not an object", () => ({ ...good(), years: [1, 2] }), "error_type"],
    ["year zero", () => ({ ...good(), years: { 0: {} } }), "error_year"],
    ["a fractional year", () => ({ ...good(), years: { "1.5": {} } }), "error_year"],
    ["too many years", () => ({ ...good(), years: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [String(i + 1), {}])) }), "error_too_many"],
    ["an unknown action", () => ({ ...good(), years: { 1: { [id]: { action: "delete" } } } }), "error_action"],
    ["negative hours", () => ({ ...good(), years: { 1: { [id]: choice("implement", { hours: -1 }) } } }), "error_hours"],
    ["hours as text", () => ({ ...good(), years: { 1: { [id]: choice("implement", { hours: "10" }) } } }), "error_hours"],
    ["absurd hours", () => ({ ...good(), years: { 1: { [id]: choice("implement", { hours: 1e9 }) } } }), "error_hours"],
    ["caregivers that are not a list", () => ({ ...good(), years: { 1: { [id]: choice("implement", { caregivers: "A" }) } } }), "error_type"],
    ["a caregiver that is a number", () => ({ ...good(), years: { 1: { [id]: choice("implement", { caregivers: [7] }) } } }), "error_type"],
    ["a menu that is not a list", () => ({ ...good(), menu: "alles" }), "error_type"],
    ["a menu with an unknown id", () => ({ ...good(), menu: ["x"] }), "error_unknown_id"],
    ["an unknown minimum-hurdle condition", () => ({ ...good(), hurdle: ["x"] }), "error_unknown_id"],
  ];
  for (const [name, input, key] of cases) {
    it(`refuses ${name}`, () => {
      const textInput = typeof input === "function" ? JSON.stringify(input()) : input;
      assert.throws(() => parsePlan(textInput, data), (e) => e instanceof PlanError && e.key === key);
    });
  }
  it(`has at least 20 cases (${cases.length})`, () => assert.ok(cases.length >= 20));

  it("refuses damaged share links", () => {
    assert.throws(() => fromShareFragment("#plan=%%%", data), (e) => e.key === "error_link");
    assert.throws(() => fromShareFragment("#plan=_-_-", data), (e) => e instanceof PlanError);
    assert.throws(() => fromShareFragment(`#plan=${"A".repeat(300_000)}`, data), (e) => e.key === "error_too_large");
    const notUtf8 = Buffer.from([0xff, 0xfe, 0xfd]).toString("base64url");
    assert.throws(() => fromShareFragment(`#plan=${notUtf8}`, data), (e) => e.key === "error_link");
  });
});
