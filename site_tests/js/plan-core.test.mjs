// Unit tests of the plan checklist's pure core, on the real published data (PLAN_DATA names the file that
// site_tests/test_plan_core.py generates). Run: node --test site_tests/js/
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import {
  EVALUATORS, FORMAT_VERSION, PlanError, calendarYear, evaluate, fingerprint, followRegio, fromShareFragment, migrate, newChoice, newPlan,
  nextYearChoices, parsePlan, practiceFrom, readPlan, regioChanged, ruleCovers, toCsv,
  toJson, toMarkdown, toShareFragment,
} from "../../overrides/assets/javascripts/plan/core.mjs";

const data = JSON.parse(readFileSync(process.env.PLAN_DATA, "utf8"));
const current = data.versions[data.current];
const LABELS = {
  csv_header: ["plan", "version", "year", "element", "id", "intervention", "choice", "justification", "caregivers", "staff", "hours"],
  menu: "Menu", kind: "Kind", kinds: { regioplan: "Regional plan", praktijkplan: "Practice plan" }, version: "Version",
  actions: { implement: "implement", continue: "continue", deepen: "deepen" }, year: (y) => `Year ${y}`,
  nothing: "nothing", results: "Results", status: { met: "Met", "not-met": "Not met", note: "Note", ask: "Question" },
  year2: "year 2", deepening: "Deepening", custom: "Own", agreed: "agreed", not_agreed: "not agreed", discussed: "discussed", notes: "Notes",
  hurdle: "Minimum hurdle", ticked: "ticked", not_ticked: "not ticked", reason: (r) => r.reason, page: (n) => `p. ${n}`, cite_unknown: "unknown",
  details: {
    organisation: "Organisation", agb: "AGB", start_year: "Start year", status: "Status", author: "Author", date: "Date", follows: "Follows",
    statuses: { draft: "draft", agreed: "agreed" },
  },
};

const ruleOf = (kind, coreElement, year) =>
  current.rules.find((r) => r.kind === kind && (coreElement === undefined || r.core_element === coreElement) && (year === undefined || ruleCovers(r, year)));
const idsOf = (coreElement) => current.interventions.filter((i) => i.core_element === coreElement).map((i) => i.id);
const withTrait = (trait) => current.interventions.filter((i) => i.traits.includes(trait)).map((i) => i.id);
const choice = (action, extra = {}) => ({ ...newChoice(action), ...extra });
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
    const network = ruleOf("min-active-interventions", netwerk, 2);
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
    const [, b] = idsOf(anders);
    const p = plan({ 1: { [a]: choice("implement") }, 3: { [a]: choice("deepen", { justification: "x" }) }, 4: { [a]: choice("continue") }, 5: { [b]: choice("implement") } });
    assert.deepEqual(run(rule, p).map((r) => [r.year, r.status]), [[3, "met"], [4, "not-met"], [5, "met"]]);
  });

  it("continued: what was introduced stays, and nothing to continue is a note", () => {
    const rule = ruleOf("continued", gesprek);
    const [g] = idsOf(gesprek);
    assert.deepEqual(run(rule, plan({ 1: { [g]: choice("implement") }, 3: { [g]: choice("continue", { caregivers: ["Nieuwe POH"] }) } })).map((r) => r.status), ["met"]);
    assert.deepEqual(run(rule, plan({ 1: { [g]: choice("implement") }, 3: { [g]: choice("continue") } })).map((r) => r.status), ["met", "ask"]);
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

  it("deepening-needs-justification in any year", () => {
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
    assert.deepEqual(run(rule, plan({ 1: { [u]: choice("implement", { staff_type: "POH", hours: 4 }) } })).map((r) => r.status), ["not-met"]);
    assert.deepEqual(run(rule, plan({ 1: { [u]: choice("implement", { justification: "Drukte", staff_type: "POH", hours: 4 }) } })).map((r) => r.status), ["met"]);
  });

  it("one-off training counts one year per caregiver", () => {
    const rule = ruleOf("one-off-training-one-year-per-caregiver");
    const [t] = withTrait("one-off-training");
    const rows = (...caregivers) => [{ key: "", name: "", caregivers }];
    const p = plan({ 1: { [t]: choice("implement", { trainings: rows("Dr. A", "B") }) }, 2: { [t]: choice("continue", { trainings: rows("dr. a") }) } });
    const results = run(rule, p);
    assert.deepEqual(results.map((r) => [r.year, r.status, r.params.first]), [[2, "not-met", 1]]);
    const ok = plan({ 1: { [t]: choice("implement", { trainings: rows("A") }) }, 2: { [t]: choice("continue", { trainings: rows("C") }) } });
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
    assert.deepEqual(run(rule, plan({ 3: { [ict]: choice("deepen", { justification: "x", fully_implemented: true }) } })).map((r) => r.status), ["not-met"]);
    assert.deepEqual(run(rule, plan({ 3: { [ict]: choice("deepen", { justification: "x" }) } })).map((r) => r.status), ["ask"]);
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
    years: { 1: { [a]: choice("implement"), [t]: choice("implement", { trainings: [{ key: "", name: "", caregivers: ["A", "B"] }] }) }, 3: { [a]: choice("deepen", { justification: "=SUM(A1) \"quoted\", comma" }) } },
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
    const results = evaluate(full, current);
    const csv = toCsv(full, current, results, LABELS);
    const lines = csv.trim().split("\r\n");
    // header, the plan's status, the menu entry, three choices, each minimum-hurdle condition, each verdict
    assert.equal(lines.length, 1 + 1 + 1 + 3 + current.hurdle.length + results.length);
    assert.ok(lines.some((line) => line.includes(`"'=SUM(A1) ""quoted"", comma"`)), csv);
    for (const r of results.filter((x) => x.status === "not-met")) {
      const rule = current.rules.find((x) => x.id === r.rule);
      assert.ok(lines.some((line) => line.includes(rule.cite.quote.replaceAll('"', '""'))), rule.id);
    }
  });

  it("Markdown lists the choices per year, the minimum hurdle and every verdict with its sentence", () => {
    const md = toMarkdown(full, current, evaluate(full, current), LABELS);
    for (const h of current.hurdle) assert.ok(md.includes(h.label.replace(/([\\`*_[\]<>|#&])/g, "\\$1")), h.id);
    assert.ok(md.includes("p. 9"), "verdicts cite their page");
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
    ["a newer format version", () => ({ ...good(), format_version: FORMAT_VERSION + 1 }), "error_format_version"],
    ["an unknown guideline version", () => ({ ...good(), guideline_version: "2099" }), "error_unknown_version"],
    ["a prototype name as version", () => ({ ...good(), guideline_version: "__proto__" }), "error_unknown_version"],
    ["an unknown plan kind", () => ({ ...good(), kind: "wijkplan" }), "error_kind"],
    ["a __proto__ key", '{"format":"mtvp-plan","__proto__":{"x":1}}', "error_key"],
    ["a nested constructor key", () => ({ ...good(), years: { 1: { constructor: {} } } }), "error_key"],
    ["an unknown intervention", () => ({ ...good(), years: { 1: { "bestaat-niet": choice("implement") } } }), "error_unknown_id"],
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

describe("text is text: any characters are kept, and every export shows them literally", () => {
  const id = idsOf(anders)[0];
  const [u] = idsOf(uitbreiding);
  const ordinary = ["Extra ondersteuning = 4 uur per week", "POH <GGZ>", "R&D", "onderzoek=ja", "&lt;b&gt;", "javascript:void(0) is geen link"];
  const payloads = ["<img src=x onerror=alert(1)>", "</textarea><script>alert(1)</script>", "x onmouseover=alert(1)", "=HYPERLINK(\"http://x\")"];
  const planWith = (value) => readPlan({
    ...newPlan(data, "praktijkplan", value), notes: value, menu: [id],
    years: { 1: { [id]: choice("implement", { caregivers: [value] }), [u]: choice("implement", { justification: value, staff_type: value, hours: 4 }) } },
  }, data);

  for (const value of [...ordinary, ...payloads]) {
    it(`keeps ${JSON.stringify(value)} unchanged through JSON and a share link`, () => {
      const p = planWith(value);
      assert.equal(p.name, value);
      assert.equal(p.years[1][u].staff_type, value);
      assert.deepEqual(parsePlan(toJson(p), data), p);
      assert.deepEqual(fromShareFragment(toShareFragment(p), data), p);
    });
  }

  it("Markdown escapes every payload so that it renders as text", () => {
    for (const value of payloads) {
      const md = toMarkdown(planWith(value), current, [], LABELS);
      if (value.includes("<")) assert.ok(!/(^|[^\\])</m.test(md), `an unescaped < in:\n${md}`);
    }
  });

  it("CSV quotes and defuses every payload", () => {
    const csv = toCsv(planWith(payloads[3]), current, [], LABELS);
    assert.ok(!/(^|,)=HYPERLINK/m.test(csv), csv);
    assert.ok(csv.includes(`"'=HYPERLINK(""http://x"")"`), csv);
  });
});

describe("files of earlier checklist versions stay importable", () => {
  it("a format 1 plan is read and migrated (its caregivers of a training become a training row)", () => {
    const [t] = withTrait("one-off-training");
    const [a] = idsOf(anders);
    const v1 = {
      format: "mtvp-plan", format_version: 1, name: "Plan uit 2026", kind: "praktijkplan", guideline_version: data.current,
      menu: [a], hurdle: [], notes: "oud",
      years: { 1: { [a]: { action: "implement", justification: "", caregivers: [], staff_type: "", hours: null }, [t]: { action: "implement", justification: "", caregivers: ["Dr. A"], staff_type: "", hours: null } } },
    };
    const p = parsePlan(JSON.stringify(v1), data);
    assert.equal(p.format_version, FORMAT_VERSION);
    assert.deepEqual(p.years[1][t].trainings, [{ key: "", name: "", caregivers: ["Dr. A"] }]);
    assert.deepEqual(p.years[1][t].caregivers, []);
    assert.equal(p.notes, "oud");
    assert.deepEqual(parsePlan(toJson(p), data), p, "the migrated plan reads again as itself");
  });
});

describe("reconstructed versions", () => {
  it("a rule whose presence a reconstruction does not know is a note, never a verdict", () => {
    const odd = { ...current, rules: current.rules.map((r) => ({ ...r, unknown: true })) };
    const results = evaluate(plan({ 1: {} }), odd);
    assert.ok(results.length > 0);
    assert.ok(results.every((r) => r.status === "note" && r.reason === "reason_rule_not_known"));
  });
});

describe("from a regioplan to a praktijkplan, and years that follow on", () => {
  const [a, b, c] = idsOf(anders);
  const [n1, n2] = idsOf(netwerk);
  const regio = () => readPlan({
    ...newPlan(data, "regioplan", "Regioplan Oost 2026"), menu: [a, b, c, n1, n2], year2: [n1, n2],
    deepening: { [a]: { justification: "Avondspreekuur", discussed: false } },
    custom: [{ id: "eigen-1", title: "Wijkspreekuur", core_element: netwerk, in_line_with: n1, insurer_agreement: true, note: "" }],
    details: { organisation: "RHO Oost", agb: "", start_year: null, status: "agreed", author: "M. de Vries", date: "2026-02-01" },
  }, data);

  it("a praktijkplan started from a regioplan takes its menu, year-2 choice, deepenings and own interventions", () => {
    const r = regio();
    const p = readPlan(practiceFrom(r, "Praktijk De Linde"), data);
    assert.equal(p.kind, "praktijkplan");
    assert.deepEqual(p.menu, r.menu);
    assert.deepEqual(p.year2, r.year2);
    assert.deepEqual(p.deepening, r.deepening);
    assert.deepEqual(p.custom, r.custom);
    assert.deepEqual(p.follows, { name: "Regioplan Oost 2026", date: "2026-02-01", fingerprint: fingerprint(r) });
    assert.equal(regioChanged(p, r), false);
    const changed = { ...r, menu: [a, b] };
    assert.equal(regioChanged(p, changed), true);
    const again = followRegio({ ...p, years: { 1: { [a]: choice("implement") } } }, changed);
    assert.deepEqual(again.menu, [a, b]);
    assert.ok(again.years[1][a], "the practice's own choices stay");
    assert.equal(regioChanged(again, changed), false);
  });

  it("a new year starts from the previous year's interventions, continued, and year 2 from the regioplan's choice", () => {
    const p = readPlan(practiceFrom(regio(), "P"), data);
    p.years[1] = { [a]: choice("implement", { caregivers: ["Dr. A"] }) };
    const next = nextYearChoices(p, 2);
    assert.equal(next[a].action, "continue");
    assert.deepEqual(next[a].caregivers, ["Dr. A"]);
    assert.equal(next[n1].action, "implement");
    assert.equal(next[n2].action, "implement");
  });

  it("plan details: an AGB code has 8 digits, a start year is a year of MTVP, a date is a real date", () => {
    const r = regio();
    const withDetails = (details) => JSON.stringify({ ...r, details: { ...r.details, ...details } });
    assert.equal(parsePlan(withDetails({ agb: "01234567", start_year: 2024 }), data).details.agb, "01234567");
    assert.throws(() => parsePlan(withDetails({ agb: "1234" }), data), (e) => e.key === "error_agb");
    assert.throws(() => parsePlan(withDetails({ start_year: 1999 }), data), (e) => e.key === "error_start_year");
    assert.throws(() => parsePlan(withDetails({ date: "2026-02-30" }), data), (e) => e.key === "error_date");
    assert.throws(() => parsePlan(withDetails({ status: "final" }), data), (e) => e.key === "error_type");
    const p = { ...newPlan(data, "praktijkplan", "P"), details: { ...newPlan(data).details, start_year: 2024 } };
    assert.equal(calendarYear(p, 3), 2026);
  });
});

describe("re-checking against a reconstruction never calls an unknown text unchanged", () => {
  it("a choice whose text one version does not know is 'unknown', one that may be missing is 'uncertain'", () => {
    const changes = data.changes["2025-naar-2026-2027"].changes;
    const unknown = changes.find((c) => c.kind === "unknown");
    const uncertain = changes.find((c) => c.kind === "uncertain");
    assert.ok(unknown && uncertain, "the data has both kinds between 2025 and 2026-2027");
    const p = readPlan({ ...newPlan(data, "praktijkplan", "Oud"), guideline_version: "2025", years: { 1: { [unknown.id]: choice("implement"), [uncertain.id]: choice("implement") } } }, data);
    const { statuses } = migrate(p, data, "2026-2027");
    assert.equal(statuses.get(unknown.id).status, "unknown");
    assert.equal(statuses.get(uncertain.id).status, "uncertain");
    const back = migrate(readPlan({ ...p, guideline_version: "2026-2027" }, data), data, "2025").statuses;
    assert.equal(back.get(unknown.id).status, "unknown");
  });
});
