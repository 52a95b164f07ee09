// DOM tests of the plan checklist's components (jsdom), on the built checklist page's own markup and the published
// data of both languages: the page is next to PLAN_DATA (site_tests/test_plan_overview_dom.py runs this folder).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeEach, describe, it } from "node:test";

import { JSDOM } from "jsdom";

const JS = "../../overrides/assets/javascripts";
const { createAll } = await import(`${JS}/component.mjs`);
const core = await import(`${JS}/plan/core.mjs`);
const { PlanChecklist } = await import(`${JS}/plan/checklist/checklist.mjs`);
const { PlanMessage } = await import(`${JS}/plan/checklist/message.mjs`);
const { PlanBar } = await import(`${JS}/plan/checklist/plan-bar.mjs`);
const { PlanForm } = await import(`${JS}/plan/checklist/plan-form.mjs`);
const { PlanDetails } = await import(`${JS}/plan/checklist/plan-details.mjs`);
const { FollowsRegio } = await import(`${JS}/plan/checklist/follows.mjs`);
const { PlanMenu } = await import(`${JS}/plan/checklist/plan-menu.mjs`);
const { CustomInterventions } = await import(`${JS}/plan/checklist/custom-interventions.mjs`);
const { Deepening } = await import(`${JS}/plan/checklist/deepening.mjs`);
const { YearEditor } = await import(`${JS}/plan/checklist/year-editor.mjs`);
const { Hurdle } = await import(`${JS}/plan/checklist/hurdle.mjs`);
const { ResultsSummary } = await import(`${JS}/plan/checklist/summary.mjs`);
const { Results } = await import(`${JS}/plan/checklist/results.mjs`);
const { Report } = await import(`${JS}/plan/checklist/report.mjs`);
const { PlanTransfer } = await import(`${JS}/plan/checklist/transfer.mjs`);
const { VersionPreview } = await import(`${JS}/plan/checklist/version-preview.mjs`);
const { Recheck } = await import(`${JS}/plan/checklist/recheck.mjs`);
const { SharedPreview } = await import(`${JS}/plan/checklist/shared-preview.mjs`);
const { BrokenPlan } = await import(`${JS}/plan/checklist/broken-plan.mjs`);
const { SavedPlans } = await import(`${JS}/plan/checklist/saved-plans.mjs`);
const { planStore } = await import(`${JS}/plan/storage.mjs`);

const site = join(dirname(process.env.PLAN_DATA), "..", "..");
const DATA = Object.fromEntries(["nl", "en"].map((lang) => [lang, JSON.parse(readFileSync(join(site, lang, "plan", "data.json"), "utf8"))]));
const PAGE = Object.fromEntries(["nl", "en"].map((lang) => [lang, readFileSync(join(site, lang, "plan", "index.html"), "utf8")]));
const data = DATA.nl;
const s = data.strings;
const v = data.versions[data.current];
const HOSTILE = '<img src=x onerror="globalThis.owned=1">';

// Interventions by what they need, read from the data.
const staffId = [...core.staffInterventions(v)][0];
const ictId = [...core.ictInterventions(v)][0];
const training = v.interventions.find((i) => core.isTraining(i) && i.trainings?.length);
const [plainId, otherPlainId] = v.interventions.filter((i) => !i.traits.length && !i.trainings?.length && !core.staffInterventions(v).has(i.id)).map((i) => i.id);
const year2Core = [...core.year2Elements(v)][0];
const year2Id = v.interventions.find((i) => i.core_element === year2Core).id;
const [hurdle] = v.hurdle;

let dom;
/** A fresh copy of the built checklist page (its scripts do not run; the tests start the components). */
function freshPage(lang = "nl", hash = "") {
  dom = new JSDOM(PAGE[lang], { url: `http://127.0.0.1/mtvp/${lang}/plan/${hash}` });
  for (const name of ["document", "CustomEvent", "HTMLElement", "Node", "location", "history"]) globalThis[name] = dom.window[name];
  // jsdom has no CSS.escape; ids and keys here need only the escaping of non-word characters.
  globalThis.CSS = { escape: (value) => String(value).replace(/[^\w-]/g, (c) => `\\${c}`) };
  return dom.window.document;
}

/** Starts `ComponentClass` on a new root of its own in the page's body. */
function part(ComponentClass, tag = "div", config = {}) {
  const root = document.createElement(tag);
  root.dataset.glModule = ComponentClass.moduleName;
  document.body.append(root);
  const [component] = createAll(ComponentClass, { data, ...config }, document.body);
  assert.ok(component, `${ComponentClass.moduleName} started`);
  return component;
}

/** The details of the `gl-plan:<type>` events that reach `root`. */
function heard(root, type) {
  const seen = [];
  root.addEventListener(`gl-plan:${type}`, (event) => seen.push(event.detail));
  return seen;
}

const fire = (control, type) => control.dispatchEvent(new dom.window.Event(type, { bubbles: true }));
function setValue(control, value, type = "change") {
  control.value = value;
  fire(control, type);
}
function tick(control, on = true) {
  control.checked = on;
  fire(control, "change");
}
const byKey = (root, key) => root.querySelector(`[data-key="${key}"]`);
const byAct = (root, act) => root.querySelector(`[data-act="${act}"]`);

function praktijkplan(name = "Praktijk") {
  return core.newPlan(data, "praktijkplan", name);
}

describe("the message line", () => {
  beforeEach(() => freshPage());

  it("shows the message as text, as an alert for an error and as a status otherwise, and offers undo to the page", () => {
    const message = part(PlanMessage);
    const actions = heard(message.root, "action");
    message.show({ text: HOSTILE, kind: "error" }, true);
    assert.equal(message.root.getAttribute("role"), "alert");
    assert.ok(message.root.classList.contains("gl-plan-message--error"));
    assert.equal(message.root.querySelector("span").textContent, HOSTILE);
    assert.equal(message.root.querySelector("img"), null);
    byAct(message.root, "undo").click();
    assert.deepEqual(actions, [{ act: "undo", args: [] }]);
    message.show({ text: "", kind: "info" }, false);
    assert.equal(message.root.getAttribute("role"), "status");
    assert.equal(message.root.childNodes.length, 0, "an empty message takes no room (plan.css hides :empty)");
  });
});

describe("the plan list", () => {
  beforeEach(() => freshPage());

  it("lists every saved plan with its kind and version, a broken one by its number, and reports choices and buttons", () => {
    const bar = part(PlanBar);
    const regio = core.newPlan(data, "regioplan", HOSTILE);
    bar.show([{ plan: praktijkplan("Eerste") }, { raw: "{", error: new Error("x") }, { plan: regio }], 2, false);
    const options = [...bar.root.querySelectorAll("option")].map((o) => o.textContent);
    assert.equal(options[0], `Eerste (${s.plan_kind_praktijkplan}, ${v.label})`);
    assert.equal(options[1], s.plan_broken_option.replace("{number}", "2"));
    assert.equal(options[2], `${HOSTILE} (${s.plan_kind_regioplan}, ${v.label})`);
    assert.equal(bar.root.querySelector("img"), null);
    assert.equal(bar.root.querySelector("select").value, "2");
    const selects = heard(bar.root, "select");
    const actions = heard(bar.root, "action");
    setValue(bar.root.querySelector("select"), "0");
    for (const act of ["new-praktijkplan", "new-regioplan", "delete"]) byAct(bar.root, act).click();
    assert.deepEqual(selects, [{ index: 0 }]);
    assert.deepEqual(actions.map((a) => a.act), ["new-praktijkplan", "new-regioplan", "delete"]);
  });

  it("while a shared plan is previewed, choosing another plan and deleting wait; a plan is renamed as it is typed", () => {
    const bar = part(PlanBar);
    const plan = praktijkplan("Oud");
    bar.show([{ plan }], 0, true);
    assert.equal(bar.root.querySelector("select").disabled, true);
    assert.equal(byAct(bar.root, "delete").disabled, true);
    assert.equal(byAct(bar.root, "new-regioplan").disabled, false);
    plan.name = "Nieuw";
    bar.rename(0, plan);
    assert.equal(bar.root.querySelector("option").textContent, `Nieuw (${s.plan_kind_praktijkplan}, ${v.label})`);
  });
});

describe("the plan details", () => {
  beforeEach(() => freshPage());

  it("refuses an AGB code that is not eight digits next to the field, keeps the last valid one, and accepts eight digits", () => {
    const details = part(PlanDetails, "fieldset");
    const plan = praktijkplan();
    details.show(plan);
    const edits = heard(details.root, "edited");
    const agb = byKey(details.root, "detail-agb");
    setValue(agb, "1234");
    assert.equal(plan.details.agb, "");
    assert.equal(details.root.querySelector("#gl-plan-detail-agb-error").textContent, s.plan_agb_invalid);
    assert.equal(agb.getAttribute("aria-describedby"), "gl-plan-detail-agb-error");
    assert.equal(edits.length, 0, "a refused value is not an edit");
    // Drawn again (another field changed), the message stays until the value is fixed.
    details.show(plan);
    assert.equal(details.root.querySelector("#gl-plan-detail-agb-error").textContent, s.plan_agb_invalid);
    setValue(byKey(details.root, "detail-agb"), " 01234567 ");
    assert.equal(plan.details.agb, "01234567");
    assert.equal(details.root.querySelector("#gl-plan-detail-agb-error").textContent, "");
    assert.deepEqual(edits, [{ key: "detail-agb", render: true, click: false }]);
  });

  it("asks a praktijkplan for the year it started MTVP, within the allowed years, and a regioplan not at all", () => {
    const details = part(PlanDetails, "fieldset");
    const plan = praktijkplan();
    details.show(plan);
    setValue(byKey(details.root, "detail-start"), String(core.START_YEARS.min - 1));
    assert.equal(plan.details.start_year, null);
    assert.match(details.root.querySelector("#gl-plan-detail-start-error").textContent, new RegExp(String(core.START_YEARS.max)));
    setValue(byKey(details.root, "detail-start"), "2024");
    assert.equal(plan.details.start_year, 2024);
    details.show(core.newPlan(data, "regioplan", "Regio"));
    assert.equal(byKey(details.root, "detail-start"), null);
    assert.equal(details.root.querySelector("label[for=gl-plan-detail-organisation]").textContent, s.plan_organisation_regioplan);
  });

  it("stores the organisation and author as typed, status and date as chosen, and shows typed text as text", () => {
    const details = part(PlanDetails, "fieldset");
    const plan = praktijkplan();
    details.show(plan);
    const edits = heard(details.root, "edited");
    setValue(byKey(details.root, "detail-organisation"), HOSTILE, "input");
    setValue(byKey(details.root, "detail-author"), "A. Auteur", "input");
    const agreed = details.root.querySelector("#gl-plan-detail-status-agreed");
    tick(agreed);
    setValue(byKey(details.root, "detail-date"), "2026-12-03");
    assert.deepEqual({ ...plan.details, agb: undefined, start_year: undefined }, { ...plan.details, organisation: HOSTILE, author: "A. Auteur", status: "agreed", date: "2026-12-03", agb: undefined, start_year: undefined });
    // Typed text is stored without drawing the form again; a choice draws it again.
    assert.deepEqual(edits.map((e) => [e.key, e.render]), [["detail-organisation", false], ["detail-author", false], ["detail-status", true], ["detail-date", true]]);
    details.show(plan);
    assert.equal(byKey(details.root, "detail-organisation").value, HOSTILE);
    assert.equal(details.root.querySelector("img"), null);
  });
});

describe("the regioplan a praktijkplan follows", () => {
  beforeEach(() => freshPage());

  it("names the regioplan and, once a changed version of it is known, says so and offers to follow it", () => {
    const follows = part(FollowsRegio);
    const regio = core.newPlan(data, "regioplan", HOSTILE);
    regio.details.date = "2026-01-01";
    const practice = core.practiceFrom(regio, "Praktijk");
    assert.equal(FollowsRegio.applies(practice), true);
    assert.equal(FollowsRegio.applies(praktijkplan()), false);
    follows.show(practice, [regio]);
    assert.ok(follows.root.textContent.includes(HOSTILE));
    assert.equal(byAct(follows.root, "follow-regio"), null);
    const changed = structuredClone(regio);
    changed.menu.push(plainId);
    follows.show(practice, [changed]);
    assert.ok(follows.root.classList.contains("gl-plan-follows--changed"));
    const actions = heard(follows.root, "action");
    byAct(follows.root, "follow-regio").click();
    assert.deepEqual(actions, [{ act: "follow-regio", args: [] }]);
    assert.equal(follows.root.querySelector("img"), null);
  });
});

describe("the menu", () => {
  beforeEach(() => freshPage());

  it("puts a ticked intervention on the menu, offers a regioplan the year-2 choice for it, and drops that choice with it", () => {
    const menu = part(PlanMenu, "fieldset");
    const regio = core.newPlan(data, "regioplan", "Regio");
    menu.show(regio, v);
    assert.equal(menu.root.querySelectorAll("fieldset").length, v.core_elements.length);
    assert.equal(byKey(menu.root, `year2|${year2Id}`), null);
    tick(byKey(menu.root, `menu|${year2Id}`));
    assert.deepEqual(regio.menu, [year2Id]);
    menu.show(regio, v);
    tick(byKey(menu.root, `year2|${year2Id}`));
    assert.deepEqual(regio.year2, [year2Id]);
    tick(byKey(menu.root, `menu|${year2Id}`), false);
    assert.deepEqual([regio.menu, regio.year2], [[], []]);
    // A praktijkplan's menu is the regioplan's offer, explained, without the year-2 choice.
    const practice = praktijkplan();
    practice.menu.push(year2Id);
    menu.show(practice, v);
    assert.equal(menu.root.querySelector(".gl-plan-help").textContent, s.plan_menu_help);
    assert.equal(byKey(menu.root, `year2|${year2Id}`), null);
  });
});

describe("the plan's own interventions", () => {
  beforeEach(() => freshPage());

  it("adds one up to the limit and edits its title, core element, guideline intervention, agreement and note", () => {
    const custom = part(CustomInterventions, "fieldset");
    const plan = praktijkplan();
    custom.show(plan, v);
    const edits = heard(custom.root, "edited");
    byAct(custom.root, "add-custom").click();
    assert.equal(plan.custom.length, 1);
    assert.deepEqual(edits[0], { key: "add-custom", render: true, click: true, undo: null, message: undefined });
    custom.show(plan, v);
    const [c] = plan.custom;
    setValue(byKey(custom.root, `custom-title|${c.id}`), HOSTILE, "input");
    setValue(byKey(custom.root, `custom-element|${c.id}`), plainCore());
    custom.show(plan, v);
    setValue(byKey(custom.root, `custom-inline|${c.id}`), plainId);
    tick(byKey(custom.root, `custom-agreement|${c.id}`));
    setValue(byKey(custom.root, `custom-note|${c.id}`), "Afgesproken", "input");
    assert.deepEqual({ ...c, id: undefined }, { id: undefined, title: HOSTILE, core_element: plainCore(), in_line_with: plainId, insurer_agreement: true, note: "Afgesproken" });
    plan.custom.push(...Array.from({ length: core.LIMITS.custom - 1 }, (_, n) => ({ ...c, id: `eigen-${n + 100}` })));
    custom.show(plan, v);
    assert.equal(byAct(custom.root, "add-custom").disabled, true);
  });

  it("removing one removes it from every year and the deepening, and offers to undo that", () => {
    const custom = part(CustomInterventions, "fieldset");
    const plan = praktijkplan();
    plan.custom.push({ id: core.nextCustomId(plan), title: "Eigen", core_element: plainCore(), in_line_with: "", insurer_agreement: false, note: "" });
    const { id } = plan.custom[0];
    plan.years[1][id] = core.newChoice();
    plan.deepening[id] = { justification: "Waarom", discussed: true };
    custom.show(plan, v);
    const edits = heard(custom.root, "edited");
    byAct(custom.root, `remove-custom|${id}`).click();
    assert.deepEqual([plan.custom, plan.years[1][id], plan.deepening[id]], [[], undefined, undefined]);
    assert.equal(edits[0].message, s.plan_message_deleted);
    edits[0].undo();
    assert.equal(plan.custom[0].id, id);
    assert.ok(plan.years[1][id] && plan.deepening[id]);
  });
});

function plainCore() {
  return v.interventions.find((i) => i.id === plainId).core_element;
}

describe("a regioplan's deepening", () => {
  beforeEach(() => freshPage());

  it("asks, for each menu item deepened, a justification and whether it was discussed", () => {
    const deepening = part(Deepening, "fieldset");
    const regio = core.newPlan(data, "regioplan", "Regio");
    regio.menu.push(plainId);
    deepening.show(regio, v);
    assert.equal(byKey(deepening.root, `deepening-justification|${plainId}`), null);
    tick(byKey(deepening.root, `deepening|${plainId}`));
    deepening.show(regio, v);
    setValue(byKey(deepening.root, `deepening-justification|${plainId}`), HOSTILE, "input");
    tick(byKey(deepening.root, `deepening-discussed|${plainId}`));
    assert.deepEqual(regio.deepening[plainId], { justification: HOSTILE, discussed: true });
    deepening.show(regio, v);
    assert.equal(byKey(deepening.root, `deepening-justification|${plainId}`).value, HOSTILE);
    tick(byKey(deepening.root, `deepening|${plainId}`), false);
    assert.deepEqual(regio.deepening, {});
  });
});

describe("the year editor", () => {
  beforeEach(() => freshPage());

  function editor(plan) {
    const years = part(YearEditor);
    years.show(plan, v);
    return years;
  }

  it("makes a choice when an intervention is ticked, and offers continue and deepen only after an earlier year", () => {
    const plan = praktijkplan();
    const years = editor(plan);
    tick(byKey(years.root, `choose|1|${plainId}`));
    assert.deepEqual(plan.years[1][plainId], core.newChoice());
    years.show(plan, v);
    const actions = (year) => [...byKey(years.root, `action|${year}|${plainId}`).options].map((o) => o.value);
    assert.deepEqual(actions(1), ["implement"]);
    byAct(years.root, "add-year").click();
    years.show(plan, v);
    assert.deepEqual(actions(2), ["implement", "continue", "deepen"]);
  });

  it("starts a new year from the year before as continue, removes the last year with an undo, and never the first", () => {
    const plan = praktijkplan();
    plan.years[1][plainId] = core.newChoice();
    const years = editor(plan);
    assert.equal(byAct(years.root, "remove-year").disabled, true);
    const edits = heard(years.root, "edited");
    byAct(years.root, "add-year").click();
    assert.equal(plan.years[2][plainId].action, "continue");
    years.show(plan, v);
    byAct(years.root, "remove-year").click();
    assert.equal(plan.years[2], undefined);
    assert.equal(edits[1].message, s.plan_message_year_removed.replace("{year}", "2"));
    edits[1].undo();
    assert.equal(plan.years[2][plainId].action, "continue");
    years.show(plan, v);
    assert.equal(years.root.querySelectorAll(".gl-plan-year").length, 2);
  });

  it("asks staff expansion for type and hours, and refuses hours out of range naming the last valid value", () => {
    const plan = praktijkplan();
    plan.years[1][staffId] = core.newChoice();
    const years = editor(plan);
    setValue(byKey(years.root, `staff_type|1|${staffId}`), HOSTILE, "input");
    setValue(byKey(years.root, `hours|1|${staffId}`), "8", "input");
    setValue(byKey(years.root, `hours|1|${staffId}`), String(core.LIMITS.hours + 1), "input");
    const choice = plan.years[1][staffId];
    assert.deepEqual([choice.staff_type, choice.hours], [HOSTILE, 8]);
    const error = years.root.querySelector(`#gl-plan-hours-1-${staffId}-error`);
    assert.ok(error.textContent.includes(String(core.LIMITS.hours)) && error.textContent.includes("8"), error.textContent);
    years.show(plan, v);
    assert.equal(byKey(years.root, `staff_type|1|${staffId}`).value, HOSTILE);
    assert.equal(years.root.querySelector(`#gl-plan-hours-1-${staffId}-error`).textContent, error.textContent);
    assert.equal(years.root.querySelector("img"), null);
  });

  it("records trainings (one of the guideline's or another, named) with their caregivers, and removes one with an undo", () => {
    const plan = praktijkplan();
    plan.years[1][training.id] = core.newChoice();
    const years = editor(plan);
    byAct(years.root, `add-training|1|${training.id}`).click();
    years.show(plan, v);
    const key = `1|${training.id}|0`;
    const options = [...byKey(years.root, `training-key|${key}`).options].map((o) => o.value);
    assert.deepEqual(options, ["", ...training.trainings.map((t) => t.key), core.OTHER_TRAINING]);
    setValue(byKey(years.root, `training-key|${key}`), core.OTHER_TRAINING);
    years.show(plan, v);
    setValue(byKey(years.root, `training-name|${key}`), "Eigen cursus", "input");
    setValue(byKey(years.root, `training-caregivers|${key}`), " Jansen ,, De Vries ", "input");
    assert.deepEqual(plan.years[1][training.id].trainings, [{ key: core.OTHER_TRAINING, name: "Eigen cursus", caregivers: ["Jansen", "De Vries"] }]);
    const edits = heard(years.root, "edited");
    byAct(years.root, `remove-training|${key}`).click();
    assert.deepEqual(plan.years[1][training.id].trainings, []);
    edits[0].undo();
    assert.equal(plan.years[1][training.id].trainings[0].name, "Eigen cursus");
  });

  it("asks a deepened ICT intervention whether it is fully implemented, and a deepening for its justification", () => {
    const plan = praktijkplan();
    plan.years[1][ictId] = core.newChoice();
    plan.years[2] = { [ictId]: core.newChoice("deepen") };
    const years = editor(plan);
    assert.equal(byKey(years.root, `justification|1|${ictId}`), null);
    const open = years.root.querySelector(`#gl-plan-fully-2-${ictId}-open`);
    assert.equal(open.checked, true);
    tick(years.root.querySelector(`#gl-plan-fully-2-${ictId}-yes`));
    setValue(byKey(years.root, `justification|2|${ictId}`), "Waarom", "input");
    tick(byKey(years.root, `regional|2|${ictId}`));
    assert.deepEqual([plan.years[2][ictId].fully_implemented, plan.years[2][ictId].justification, plan.years[2][ictId].regional], [true, "Waarom", true]);
  });

  it("with a menu, folds the guideline's other interventions away and marks them as outside the regioplan", () => {
    const plan = praktijkplan();
    plan.menu.push(plainId);
    plan.years[1][otherPlainId] = core.newChoice();
    const years = editor(plan);
    const folded = years.root.querySelector(".gl-plan-year details");
    assert.ok(folded.open, "a chosen intervention outside the menu stays in sight");
    assert.ok(folded.querySelector(`[data-key="choose|1|${otherPlainId}"]`).closest(".gl-plan-row").querySelector(".gl-plan-outside"));
    assert.equal(byKey(years.root, `choose|1|${plainId}`).closest("details"), null);
  });
});

describe("the minimum hurdle", () => {
  beforeEach(() => freshPage());

  it("records each condition ticked, and links each to its text", () => {
    const box = part(Hurdle, "fieldset");
    const plan = praktijkplan();
    box.show(plan, v);
    assert.equal(box.root.querySelectorAll("input[type=checkbox]").length, v.hurdle.length);
    assert.equal(box.root.querySelectorAll("a").length, v.hurdle.length);
    tick(byKey(box.root, `hurdle|${hurdle.id}`));
    assert.deepEqual(plan.hurdle, [hurdle.id]);
    tick(byKey(box.root, `hurdle|${hurdle.id}`), false);
    assert.deepEqual(plan.hurdle, []);
  });
});

describe("the verdicts", () => {
  beforeEach(() => freshPage());

  it("the summary counts the verdicts and links each open rule to its place in the list", () => {
    const summary = part(ResultsSummary, "aside");
    const results = part(Results, "section");
    const plan = praktijkplan();
    const verdicts = core.evaluate(plan, v);
    summary.show(v, plan, verdicts);
    results.show(v, plan, verdicts);
    const open = verdicts.filter((r) => r.status === "not-met" || r.status === "ask");
    const links = [...summary.root.querySelectorAll(".gl-plan-summary-list a")];
    assert.equal(links.length, open.length);
    for (const link of links) assert.ok(results.root.querySelector(link.getAttribute("href")), link.getAttribute("href"));
    const met = verdicts.filter((r) => r.status === "met").length;
    assert.ok(summary.root.textContent.includes(s.plan_summary_counts.replace("{met}", met).replace("{open}", verdicts.filter((r) => r.status === "not-met").length).replace("{ask}", verdicts.filter((r) => r.status === "ask").length)));
  });

  it("the summary names the interventions a met count counted, an own one as typed", () => {
    const summary = part(ResultsSummary, "aside");
    const plan = praktijkplan();
    plan.custom.push({ id: core.nextCustomId(plan), title: HOSTILE, core_element: plainCore(), in_line_with: plainId, insurer_agreement: true, note: "" });
    plan.years[1][plainId] = core.newChoice();
    plan.years[1][plan.custom[0].id] = core.newChoice();
    summary.show(v, plan, core.evaluate(plan, v));
    const counted = [...summary.root.querySelectorAll("li.gl-plan-result--met")].map((li) => li.textContent);
    assert.ok(counted.some((text) => text.includes(HOSTILE)), counted.join("\n"));
    assert.equal(summary.root.querySelector("img"), null);
  });

  it("a count of one reads in the singular where the language has a singular form", () => {
    const results = part(Results, "section");
    const regio = core.newPlan(data, "regioplan", "Regio");
    regio.menu.push(year2Id);
    regio.year2.push(year2Id);
    const verdicts = core.evaluate(regio, v);
    const single = verdicts.filter((r) => r.params.count === 1 && `plan_${r.reason}_one` in s);
    assert.ok(single.length, "a verdict counting one");
    results.show(v, regio, verdicts);
    for (const r of single) {
      const item = results.root.querySelector(`#gl-plan-result-${verdicts.indexOf(r)}`);
      assert.ok(item.textContent.includes(s[`plan_${r.reason}_one`].replace("{min}", r.params.min)), item.textContent);
    }
  });

  it("the list gives each verdict its rule and the guideline's sentence with its page", () => {
    const results = part(Results, "section");
    const plan = praktijkplan();
    const verdicts = core.evaluate(plan, v);
    results.show(v, plan, verdicts);
    const items = results.root.querySelectorAll(".gl-plan-result");
    assert.equal(items.length, verdicts.length);
    for (const item of items) {
      const rule = v.rules.find((r) => r.id === item.dataset.rule);
      assert.ok(item.textContent.includes(rule.summary));
      if (rule.cite) assert.equal(item.querySelector(".gl-plan-cite q").textContent, rule.cite.quote);
      else assert.equal(item.querySelector(".gl-plan-cite").textContent, s.plan_cite_unknown);
    }
    assert.equal(results.root.getAttribute("aria-labelledby"), "gl-plan-results-heading");
  });
});

describe("the report", () => {
  beforeEach(() => freshPage());

  function fullPlan() {
    const plan = praktijkplan(HOSTILE);
    Object.assign(plan.details, { organisation: "Praktijk Linde", agb: "01234567", start_year: 2025, author: "Auteur", date: "2026-12-03" });
    plan.menu.push(plainId, staffId);
    plan.custom.push({ id: core.nextCustomId(plan), title: "Eigen interventie", core_element: plainCore(), in_line_with: plainId, insurer_agreement: true, note: "Notitie eigen" });
    plan.years[1][plainId] = { ...core.newChoice(), caregivers: ["Jansen"] };
    plan.years[1][staffId] = { ...core.newChoice(), staff_type: "POH-GGZ", hours: 12, justification: "Drukte" };
    plan.hurdle.push(hurdle.id);
    plan.notes = "Slotopmerking";
    return plan;
  }

  it("prints every entered text as text: details, menu, own interventions, choices with caregivers, staff and hours, notes, hurdle", () => {
    const report = part(Report, "section");
    const plan = fullPlan();
    report.show(v, plan, core.evaluate(plan, v));
    const text = report.root.textContent;
    for (const expected of [HOSTILE, "Praktijk Linde", "01234567", "2025", "Auteur", "2026-12-03", "Eigen interventie", "Notitie eigen", "Jansen", "POH-GGZ", "12 h", "Drukte", "Slotopmerking", `☑ ${hurdle.label}`, v.label]) {
      assert.ok(text.includes(expected), `${expected} in the report`);
    }
    assert.equal(report.root.getAttribute("aria-hidden"), "true");
    assert.equal(report.root.querySelector("img"), null);
  });

  it("saves Markdown and CSV under the plan's name and version, and prints by the browser's print", () => {
    const saved = [];
    let printed = 0;
    const report = part(Report, "section", { save: (name, type, content) => saved.push({ name, type, content }), print: () => { printed += 1; } });
    const plan = fullPlan();
    plan.name = "Praktijk De Linde";
    for (const kind of ["markdown", "csv", "print"]) report.export(kind, plan, v);
    assert.equal(printed, 1);
    assert.deepEqual(saved.map((f) => [f.name, f.type]), [[`Praktijk-De-Linde-${v.id}.md`, "text/markdown"], [`Praktijk-De-Linde-${v.id}.csv`, "text/csv"]]);
    assert.ok(saved[0].content.includes("Slotopmerking") && saved[0].content.includes("POH-GGZ"));
    assert.ok(saved[1].content.startsWith("\ufeff"), "the CSV opens in a spreadsheet as UTF-8");
  });
});

describe("export, share and import", () => {
  beforeEach(() => freshPage());

  it("saves the plan as JSON, passes print, Markdown and CSV on, and passes a chosen file on to be imported", () => {
    const saved = [];
    const transfer = part(PlanTransfer, "section", { save: (name, type, content) => saved.push({ name, type, content }) });
    const plan = praktijkplan("Mijn plan");
    transfer.show(plan);
    const exports = heard(transfer.root, "export");
    const imports = heard(transfer.root, "import");
    for (const act of ["json", "print", "csv", "markdown"]) byAct(transfer.root, act).click();
    assert.deepEqual(saved.map((f) => [f.name, f.type]), [[`Mijn-plan-${v.id}.json`, "application/json"]]);
    assert.deepEqual(core.parsePlan(saved[0].content, data), plan);
    assert.deepEqual(exports.map((e) => e.format), ["print", "csv", "markdown"]);
    const input = transfer.root.querySelector("#gl-plan-import");
    const file = new dom.window.File(["{}"], "plan.json", { type: "application/json" });
    Object.defineProperty(input, "files", { value: [file] });
    fire(input, "change");
    assert.equal(imports[0].file, file);
  });

  it("copies the share link when the clipboard lets it and shows it either way; the plan travels in the fragment", async () => {
    for (const [clipboard, message] of [[{ writeText: async () => {} }, s.plan_message_link_copied], [{ writeText: async () => { throw new Error("no"); } }, s.plan_message_link_shown]]) {
      freshPage();
      const transfer = part(PlanTransfer, "section", { clipboard: () => clipboard });
      const plan = praktijkplan(HOSTILE);
      transfer.show(plan);
      const shared = heard(transfer.root, "shared");
      await transfer.share();
      assert.equal(shared.length, 1);
      assert.equal(shared[0].text, message);
      transfer.showLink(shared[0].link);
      const link = transfer.root.querySelector("[data-share-link]").value;
      assert.equal(link, shared[0].link);
      assert.ok(link.startsWith("http://127.0.0.1/mtvp/nl/plan/#"));
      assert.deepEqual(core.fromShareFragment(new URL(link).hash, data), plan);
    }
  });
});

describe("other versions", () => {
  beforeEach(() => freshPage());

  const older = Object.values(data.versions).find((o) => o.id !== v.id);

  it("the version preview shows each choice's fate before anything changes, and passes apply and cancel on", () => {
    const preview = part(VersionPreview, "section");
    const plan = praktijkplan();
    plan.years[1][plainId] = core.newChoice();
    const { statuses } = core.migrate(plan, data, older.id);
    preview.show(v, older, statuses);
    assert.equal(preview.root.querySelectorAll("tbody tr").length, statuses.size);
    assert.ok(preview.root.getAttribute("aria-label").includes(older.label));
    const actions = heard(preview.root, "action");
    byAct(preview.root, "version-apply").click();
    byAct(preview.root, "version-cancel").click();
    assert.deepEqual(actions.map((a) => a.act), ["version-apply", "version-cancel"]);
  });

  it("the re-check offers the other versions, passes the request on, and shows the chosen version's table and verdicts", () => {
    const recheck = part(Recheck, "section");
    const plan = praktijkplan();
    plan.years[1][plainId] = core.newChoice();
    recheck.show(v);
    assert.equal(recheck.root.querySelector("table"), null);
    const offered = [...recheck.root.querySelectorAll("#gl-plan-recheck-version option")].map((o) => o.value);
    assert.deepEqual(offered, Object.keys(data.versions).filter((id) => id !== v.id));
    recheck.root.querySelector("#gl-plan-recheck-version").value = older.id;
    const actions = heard(recheck.root, "action");
    byAct(recheck.root, "recheck").click();
    assert.deepEqual(actions.map((a) => a.act), ["recheck"]);
    recheck.show(v, Recheck.of(plan, data, recheck.chosen()));
    assert.ok(recheck.root.querySelector("table caption").textContent.includes(older.label));
    const heading = recheck.root.querySelector("#gl-plan-recheck-results-heading");
    assert.equal(heading.textContent, s.plan_recheck_results.replace("{version}", older.label));
    assert.equal(recheck.root.querySelector("#gl-plan-recheck-version").value, older.id);
    assert.deepEqual(plan.guideline_version, v.id, "the plan itself does not change");
    recheck.show(v, null);
    assert.equal(recheck.root.querySelector(".gl-plan-results"), null);
  });
});

describe("a shared plan and a broken one", () => {
  beforeEach(() => freshPage());

  it("the shared preview offers to save or dismiss", () => {
    const preview = part(SharedPreview, "section");
    assert.equal(preview.root.getAttribute("aria-label"), s.plan_shared_preview);
    const actions = heard(preview.root, "action");
    byAct(preview.root, "shared-save").click();
    byAct(preview.root, "shared-dismiss").click();
    assert.deepEqual(actions.map((a) => a.act), ["shared-save", "shared-dismiss"]);
  });

  it("a plan that cannot be read says why, as text, and offers its stored text", () => {
    const broken = part(BrokenPlan, "section");
    broken.show(new core.PlanError("error_key", { path: HOSTILE }), 3);
    assert.ok(broken.root.textContent.includes(HOSTILE));
    assert.equal(broken.root.querySelector("img"), null);
    assert.equal(broken.root.getAttribute("aria-label"), s.plan_broken_option.replace("{number}", "3"));
    const actions = heard(broken.root, "action");
    byAct(broken.root, "download-broken").click();
    assert.deepEqual(actions, [{ act: "download-broken", args: [] }]);
  });
});

describe("the form", () => {
  beforeEach(() => freshPage());

  it("shows a regioplan its deepening and the start of a praktijkplan, a praktijkplan its years, and keeps a typed name", () => {
    const form = part(PlanForm, "form");
    const regio = core.newPlan(data, "regioplan", "Regio");
    form.show(regio, v);
    assert.ok(form.root.querySelector(".gl-plan-deepening") && byAct(form.root, "practice-from"));
    assert.equal(form.root.querySelector(".gl-plan-years"), null);
    const actions = heard(form.root, "action");
    byAct(form.root, "practice-from").click();
    assert.deepEqual(actions.map((a) => a.act), ["practice-from"]);
    const practice = praktijkplan();
    form.show(practice, v);
    assert.ok(form.root.querySelector(".gl-plan-years"));
    assert.equal(form.root.querySelector(".gl-plan-deepening"), null);
    setValue(byKey(form.root, "name"), HOSTILE, "input");
    setValue(byKey(form.root, "notes"), "Notities", "input");
    assert.deepEqual([practice.name, practice.notes], [HOSTILE, "Notities"]);
  });

  it("a plan whose kind changes keeps its name unless it is the other kind's default, and a praktijkplan gets a year", () => {
    const form = part(PlanForm, "form");
    const plan = core.newPlan(data, "regioplan", s.plan_default_name_regioplan);
    plan.years = {};
    form.show(plan, v);
    tick(form.root.querySelector("#gl-plan-kind-praktijkplan"));
    assert.deepEqual([plan.kind, plan.name, Object.keys(plan.years)], ["praktijkplan", s.plan_default_name_praktijkplan, ["1"]]);
    plan.name = "Eigen naam";
    form.show(plan, v);
    tick(form.root.querySelector("#gl-plan-kind-regioplan"));
    assert.equal(plan.name, "Eigen naam");
  });

  it("asks the page to change the version rather than changing it, and reports a part's edit once", () => {
    const form = part(PlanForm, "form");
    const plan = praktijkplan();
    form.show(plan, v);
    const versions = heard(form.root, "version");
    const edits = heard(form.root, "edited");
    const other = Object.keys(data.versions).find((id) => id !== v.id);
    setValue(byKey(form.root, "version"), other);
    assert.deepEqual(versions, [{ target: other }]);
    assert.equal(plan.guideline_version, v.id);
    tick(byKey(form.root, `hurdle|${hurdle.id}`));
    assert.deepEqual(edits.map((e) => e.key), [`hurdle|${hurdle.id}`], "one edit, from the hurdle, not repeated by the form");
  });
});

function memoryStorage(initial = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, val) => items.set(k, String(val)), removeItem: (k) => items.delete(k), items };
}

describe("the saved plans", () => {
  const store = (storage) => planStore(storage, "../../", [], "http://127.0.0.1/mtvp/nl/plan/");

  it("keeps an entry that does not read exactly as stored, and the empty first plan makes way for the first real one", () => {
    const storage = memoryStorage();
    const first = new SavedPlans(data, store(storage), "Leeg");
    assert.deepEqual(first.plans().map((p) => p.name), ["Leeg"]);
    first.add(praktijkplan("Echt"));
    assert.deepEqual(first.plans().map((p) => p.name), ["Echt"]);
    first.entries.push({ raw: "{kapot", error: new Error("x") });
    first.persist();
    const again = new SavedPlans(data, store(storage), "Leeg");
    assert.equal(again.entries.length, 2);
    assert.equal(again.entries[1].raw, "{kapot");
    assert.ok(again.entries[1].error);
    assert.equal(again.canSave, true);
  });

  it("removing the last plan leaves an empty one, which goes again when the removal is undone", () => {
    const saved = new SavedPlans(data, store(memoryStorage()), "Leeg");
    saved.add(praktijkplan("Een"));
    saved.add(praktijkplan("Twee"));
    saved.selected = 0;
    const undoFirst = saved.remove();
    assert.deepEqual([saved.plans().map((p) => p.name), saved.selected], [["Twee"], 0]);
    const undoSecond = saved.remove();
    assert.deepEqual(saved.plans().map((p) => p.name), ["Leeg"]);
    undoSecond();
    undoFirst();
    assert.deepEqual([saved.plans().map((p) => p.name), saved.selected], [["Een", "Twee"], 0]);
  });

  it("says when the browser cannot store plans", () => {
    assert.equal(new SavedPlans(data, store(null), "Leeg").canSave, false);
  });
});

describe("the checklist page", () => {
  async function started({ lang = "nl", hash = "", storage = memoryStorage(), ...config } = {}) {
    freshPage(lang, hash);
    const saved = [];
    const [page] = createAll(PlanChecklist, { fetchData: async () => DATA[lang], storage, save: (name, type, content) => saved.push({ name, content }), print: () => {}, ...config });
    await page.ready;
    return { page, root: page.root, storage, saved };
  }
  const storedPlans = (storage) => JSON.parse([...storage.items.values()][0]).plans;

  it("starts once per root, with an empty praktijkplan stored, and marks itself ready", async () => {
    const { root, storage } = await started();
    assert.equal(root.dataset.glPlanReady, "true");
    assert.equal(createAll(PlanChecklist, {}).length, 0, "a second start on the same root does nothing");
    assert.equal(storedPlans(storage)[0].name, s.plan_default_name_praktijkplan);
    assert.ok(root.querySelector(".gl-plan-app .gl-plan-layout .gl-plan-summary + .gl-plan-form"));
    assert.equal(root.querySelector(".gl-plan-loading"), null);
  });

  it("shows the page's fallback text when the data cannot be loaded", async () => {
    const { root } = await started({ fetchData: async () => { throw new Error("offline"); } });
    assert.equal(root.querySelector("[data-gl-plan-fallback]").hidden, false);
    assert.equal(root.dataset.glPlanReady, undefined);
  });

  it("stores a ticked choice, updates the verdicts, and keeps the focus on the control used", async () => {
    const { root, storage } = await started();
    const box = byKey(root, `choose|1|${plainId}`);
    box.focus();
    tick(box);
    assert.ok(storedPlans(storage)[0].years["1"][plainId]);
    assert.equal(document.activeElement.dataset.key, `choose|1|${plainId}`);
    assert.notEqual(document.activeElement, box, "the form was drawn again");
    setValue(byKey(root, "name"), HOSTILE, "input");
    assert.equal(root.querySelector("#gl-plan-select option").textContent.startsWith(HOSTILE), true);
    assert.equal(root.querySelector(".gl-plan-print h2").textContent, HOSTILE);
    assert.equal(root.querySelector(".gl-plan-app img"), null);
  });

  it("deletes the last plan with an offer to undo, and the undo brings it back in its place", async () => {
    const { root, storage } = await started();
    setValue(byKey(root, "name"), "Te verwijderen", "input");
    byAct(root, "delete").click();
    assert.equal(root.querySelector(".gl-plan-message span").textContent, s.plan_message_deleted);
    assert.equal(storedPlans(storage)[0].name, s.plan_default_name_praktijkplan);
    byAct(root, "undo").click();
    assert.deepEqual(storedPlans(storage).map((p) => p.name), ["Te verwijderen"]);
    assert.equal(byAct(root, "undo"), null, "one undo per deletion");
  });

  it("shows the share link under the buttons, and a re-check until another plan is chosen", async () => {
    const { root } = await started({ clipboard: () => ({ writeText: async () => {} }) });
    byAct(root, "share").click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(root.querySelector(".gl-plan-message span").textContent, s.plan_message_link_copied);
    assert.ok(root.querySelector(".gl-plan-export [data-share-link]").value.includes("#plan="));
    const older = Object.keys(data.versions).find((id) => id !== v.id);
    root.querySelector("#gl-plan-recheck-version").value = older;
    byAct(root, "recheck").click();
    assert.ok(root.querySelector(".gl-plan-recheck .gl-plan-results"));
    byAct(root, "new-regioplan").click();
    assert.equal(root.querySelector(".gl-plan-recheck .gl-plan-results"), null);
  });

  it("removes a year with an offer to undo, which brings the year back with its choices", async () => {
    const { root, storage } = await started();
    byAct(root, "add-year").click();
    tick(byKey(root, `choose|2|${plainId}`));
    byAct(root, "remove-year").click();
    assert.equal(byKey(root, `choose|2|${plainId}`), null);
    assert.equal(root.querySelector(".gl-plan-message span").textContent, s.plan_message_year_removed.replace("{year}", "2"));
    byAct(root, "undo").click();
    assert.ok(byKey(root, `choose|2|${plainId}`).checked);
    assert.ok(storedPlans(storage)[0].years["2"][plainId]);
  });

  it("opens a share link as a preview that is not stored until saved, then stores it once", async () => {
    const shared = core.newPlan(data, "regioplan", "Gedeeld");
    const { root, storage } = await started({ hash: `#${core.toShareFragment(shared)}` });
    assert.equal(root.querySelector(".gl-plan-message span").textContent, s.plan_message_shared);
    assert.equal(byKey(root, "name").value, "Gedeeld");
    setValue(byKey(root, "name"), "Gedeeld en bewerkt", "input");
    assert.deepEqual(storedPlans(storage).map((p) => p.name), [s.plan_default_name_praktijkplan], "a preview is not stored");
    byAct(root, "shared-save").click();
    assert.deepEqual(storedPlans(storage).map((p) => p.name), ["Gedeeld en bewerkt"], "the untouched empty plan makes way");
    assert.equal(root.querySelector(".gl-plan-shared"), null);
    assert.equal(location.hash, "");
  });

  it("refuses a bad import with its message and changes nothing; a plan with a name already used is marked imported", async () => {
    const { root, storage } = await started();
    const input = () => root.querySelector("#gl-plan-import");
    const importText = async (text) => {
      const target = input();
      Object.defineProperty(target, "files", { value: [new dom.window.File([text], "plan.json")] });
      fire(target, "change");
      await new Promise((resolve) => setTimeout(resolve, 20));
    };
    const before = JSON.stringify(storedPlans(storage));
    await importText("{oops");
    assert.equal(root.querySelector(".gl-plan-message").getAttribute("role"), "alert");
    assert.equal(root.querySelector(".gl-plan-message span").textContent, s.plan_error_json);
    assert.equal(JSON.stringify(storedPlans(storage)), before);
    setValue(byKey(root, "name"), HOSTILE, "input");
    await importText(core.toJson(praktijkplan(HOSTILE)));
    const names = storedPlans(storage).map((p) => p.name);
    assert.deepEqual(names, [HOSTILE, `${HOSTILE} (${s.plan_imported})`]);
    assert.equal(root.querySelector(".gl-plan-app img"), null);
  });

  it("keeps a stored plan that cannot be read, says why, and offers its text as a file", async () => {
    const storage = memoryStorage();
    const first = await started({ storage });
    const key = [...storage.items.keys()][0];
    storage.setItem(key, JSON.stringify({ plans: ["{kapot"], selected: 0 }));
    const { root, saved } = await started({ storage });
    assert.ok(root.querySelector(".gl-plan-broken"));
    assert.equal(root.querySelector(".gl-plan-form"), null);
    byAct(root, "download-broken").click();
    assert.deepEqual(saved, [{ name: "plan.txt", content: "{kapot" }]);
    assert.deepEqual(JSON.parse(storage.getItem(key)).plans, ["{kapot"], "kept exactly as it was");
    assert.ok(first);
  });

  it("says when the browser cannot store plans, and works all the same", async () => {
    const { root } = await started({ storage: null });
    assert.ok(root.querySelector(".gl-plan-app").textContent.includes(s.plan_cannot_save));
    tick(byKey(root, `choose|1|${plainId}`));
    assert.ok(byKey(root, `choose|1|${plainId}`).checked);
  });

  /** A choice of the current version and another version: one whose move changes nothing, one whose move does. */
  function moves(lossless) {
    for (const i of v.interventions) {
      for (const other of Object.values(data.versions).filter((o) => o.id !== v.id)) {
        const plan = praktijkplan();
        plan.years[1][i.id] = core.newChoice();
        const { statuses } = core.migrate(plan, data, other.id);
        if ([...statuses.values()].every((st) => st.status === "unchanged") === lossless) return { id: i.id, other };
      }
    }
    throw new Error("no such move in the data");
  }

  it("applies a change of version at once when no choice changes by it", async () => {
    const { root, storage } = await started();
    const { id, other } = moves(true);
    tick(byKey(root, `choose|1|${id}`));
    setValue(byKey(root, "version"), other.id);
    assert.equal(root.querySelector(".gl-plan-version-preview"), null);
    assert.equal(storedPlans(storage)[0].guideline_version, other.id);
    assert.equal(root.querySelector(".gl-plan-message span").textContent, s.plan_message_version_changed.replace("{version}", other.label));
  });

  it("shows a change of version that changes a choice before applying it; cancel keeps the plan, apply moves it", async () => {
    const { root, storage } = await started();
    const { id, other } = moves(false);
    tick(byKey(root, `choose|1|${id}`));
    setValue(byKey(root, "version"), other.id);
    assert.ok(root.querySelector(".gl-plan-form .gl-plan-version-preview"));
    assert.equal(byKey(root, "version").value, other.id, "the list shows the version asked for");
    assert.equal(storedPlans(storage)[0].guideline_version, v.id, "nothing changes before it is applied");
    byAct(root, "version-cancel").click();
    assert.equal(root.querySelector(".gl-plan-version-preview"), null);
    assert.equal(byKey(root, "version").value, v.id);
    setValue(byKey(root, "version"), other.id);
    byAct(root, "version-apply").click();
    assert.equal(storedPlans(storage)[0].guideline_version, other.id);
    assert.equal(root.querySelector(".gl-plan-message span").textContent, s.plan_message_version_changed.replace("{version}", other.label));
  });

  it("speaks English on the English page", async () => {
    const { root } = await started({ lang: "en" });
    const en = DATA.en.strings;
    assert.equal(root.querySelector("label[for=gl-plan-select]").textContent, en.plan_saved_plans);
    assert.equal(root.querySelector("#gl-plan-summary-heading").textContent, en.plan_summary);
    assert.equal(byAct(root, "add-year").textContent, en.plan_add_year);
    assert.equal(root.querySelector("#gl-plan-export-heading").textContent, en.plan_export);
    assert.notEqual(en.plan_summary, s.plan_summary);
  });
});
