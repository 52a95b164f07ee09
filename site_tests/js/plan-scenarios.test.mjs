// Scenario suite of the plan checklist: plans an RHO or a practice would write, each checked against the rule it
// is about. Every test is named after the guideline's sentence that the rule encodes, read from the published
// data (`cite.quote`), followed by what the scenario tries; so a failing test names the sentence it breaks.
// Interventions are picked from the data by core element and trait, never by their texts.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { evaluate, newChoice, newPlan, readPlan } from "../../overrides/assets/javascripts/plan/core.mjs";

const data = JSON.parse(readFileSync(process.env.PLAN_DATA, "utf8"));
const current = data.versions[data.current];
const rules = new Map(current.rules.map((r) => [r.id, r]));
const ruleOfKind = (kind, plan = "praktijkplan", coreElement) =>
  current.rules.find((r) => r.kind === kind && r.plan === plan && (coreElement === undefined || r.core_element === coreElement)).id;

const elementIds = current.core_elements.map((e) => e.id);
const ofElement = (id) => current.interventions.filter((i) => i.core_element === id);
// The core elements by the rules that concern them (no element is named here).
const staffElement = current.rules.find((r) => r.kind === "staff-expansion-needs-details").core_element;
const year2Element = current.rules.find((r) => r.kind === "regioplan-year-2-choice").core_element;
const menuElement = current.rules.find((r) => r.kind === "menu-min-options").core_element;
const continuedElement = current.rules.find((r) => r.kind === "continued").core_element;
const plain = (id) => ofElement(id).filter((i) => i.traits.length === 0 && i.trainings.length === 0).map((i) => i.id);
const [a1, a2, a3, a4] = plain(menuElement);
const [n1, n2, n3] = plain(year2Element);
const [u] = ofElement(staffElement).map((i) => i.id);
const training = ofElement(continuedElement).find((i) => i.traits.includes("one-off-training") && i.trainings.length >= 3);
const [k1, k2, k3] = training.trainings.map((t) => t.key);
const t = training.id;
const ict = current.interventions.find((i) => i.traits.includes("ict") && i.core_element === menuElement).id;
const allHurdle = current.hurdle.map((h) => h.id);

const R = {
  anders1: ruleOfKind("min-new-interventions", "praktijkplan", menuElement),
  anders2: current.rules.find((r) => r.kind === "min-new-interventions" && r.core_element === menuElement && r.years.includes(2)).id,
  anders3: ruleOfKind("new-or-deepened", "praktijkplan", menuElement),
  gesprek1: ruleOfKind("min-new-interventions", "praktijkplan", continuedElement),
  gesprek2: ruleOfKind("min-active-interventions", "praktijkplan", continuedElement),
  gesprek3: ruleOfKind("continued", "praktijkplan", continuedElement),
  netwerk2: ruleOfKind("min-active-interventions", "praktijkplan", year2Element),
  netwerk3: ruleOfKind("new-or-deepened", "praktijkplan", year2Element),
  current: ruleOfKind("deepening-of-current-intervention"),
  justification: ruleOfKind("deepening-needs-justification"),
  regional: ruleOfKind("justification-in-region"),
  regioJustification: ruleOfKind("justification-in-region", "regioplan"),
  oneOff: ruleOfKind("one-off-training-one-year-per-caregiver"),
  newAfter: ruleOfKind("new-intervention-after-training"),
  repeat: ruleOfKind("no-repeat-without-development"),
  ict: ruleOfKind("ict-not-deepened"),
  staff: ruleOfKind("staff-expansion-needs-details"),
  sole: ruleOfKind("never-sole-intervention"),
  hurdle: ruleOfKind("minimum-hurdle"),
  regioHurdle: ruleOfKind("minimum-hurdle", "regioplan"),
  outsideList: ruleOfKind("outside-list-needs-agreement"),
  regioOutsideList: ruleOfKind("outside-list-needs-agreement", "regioplan"),
  menu3: ruleOfKind("menu-min-options", "regioplan"),
  year2: ruleOfKind("regioplan-year-2-choice", "regioplan"),
};

const c = (action, extra = {}) => ({ ...newChoice(action), ...extra });
const trained = (key, ...caregivers) => ({ key, name: "", caregivers });
const praktijk = (years, extra = {}) => readPlan({ ...newPlan(data, "praktijkplan", "Scenario"), menu: [a1, a2, a3, a4, n1, n2, n3, t], hurdle: allHurdle, years, ...extra }, data);
const regio = (extra = {}) => readPlan({ ...newPlan(data, "regioplan", "Regio"), hurdle: allHurdle, ...extra }, data);
const own = (extra = {}) => ({ id: "eigen-1", title: "Eigen interventie", core_element: menuElement, in_line_with: a1, insurer_agreement: true, note: "", ...extra });
const deepened = (extra = {}) => c("deepen", { justification: "Onderbouwing", regional: true, ...extra });

/** [year, status] of every result of one rule. */
const verdict = (plan, ruleId) => evaluate(plan, current).filter((r) => r.rule === ruleId).map((r) => [r.year, r.status]);

const scenarios = [
  [R.netwerk2, "interventions started in year 1 and carried out (continued) in year 2 count", () => praktijk({ 1: { [n1]: c("implement"), [n2]: c("implement") }, 2: { [n1]: c("continue"), [n2]: c("continue") } }), [[2, "met"]]],
  [R.netwerk2, "one intervention carried out in year 2 is not enough", () => praktijk({ 1: {}, 2: { [n1]: c("implement") } }), [[2, "not-met"]]],
  [R.netwerk2, "interventions the RHO did not determine (outside the regioplan) do not count", () => praktijk({ 1: {}, 2: { [n1]: c("implement"), [n2]: c("implement") } }, { menu: [a1] }), [[2, "not-met"]]],
  [R.current, "deepening an intervention implemented in an earlier year passes", () => praktijk({ 1: { [a1]: c("implement") }, 2: { [a2]: c("implement") }, 3: { [a1]: deepened() } }), [[3, "met"]]],
  [R.current, "deepening an intervention the practice never implemented fails", () => praktijk({ 1: { [a1]: c("implement") }, 2: {}, 3: { [a2]: deepened() } }), [[3, "not-met"]]],
  [R.anders3, "deepening an intervention that is not current does not count as this year's choice", () => praktijk({ 1: { [a1]: c("implement") }, 2: {}, 3: { [a2]: deepened() } }), [[3, "not-met"]]],
  [R.anders3, "a new intervention in year 4 counts for 'each year'", () => praktijk({ 1: { [a1]: c("implement") }, 2: { [a2]: c("implement") }, 3: { [a3]: c("implement") }, 4: { [a4]: c("implement") } }), [[3, "met"], [4, "met"]]],
  [R.ict, "deepening ICT that is already fully implemented fails", () => praktijk({ 1: { [ict]: c("implement") }, 2: {}, 3: { [ict]: deepened({ fully_implemented: true }) } }), [[3, "not-met"]]],
  [R.ict, "deepening ICT that is not yet fully implemented passes", () => praktijk({ 1: { [ict]: c("implement") }, 2: {}, 3: { [ict]: deepened({ fully_implemented: false }) } }), [[3, "met"]]],
  [R.ict, "deepening ICT without saying whether it is fully implemented is asked, not failed", () => praktijk({ 1: { [ict]: c("implement") }, 2: {}, 3: { [ict]: deepened() } }), [[3, "ask"]]],
  [R.oneOff, "the same care provider repeating the same training fails", () => praktijk({ 1: { [t]: c("implement", { trainings: [trained(k1, "Dr. A")] }) }, 2: { [t]: c("continue", { trainings: [trained(k1, "dr. a")] }) } }), [[2, "not-met"]]],
  [R.oneOff, "a different named training for the same care provider in a later year is not a repeat", () => praktijk({ 1: { [t]: c("implement", { trainings: [trained(k1, "Dr. A")] }) }, 2: { [t]: c("continue", { trainings: [trained(k2, "Dr. A")] }) } }), [[null, "met"]]],
  [R.oneOff, "another team member taking the same training later is allowed", () => praktijk({ 1: { [t]: c("implement", { trainings: [trained(k1, "Dr. A")] }) }, 2: { [t]: c("continue", { trainings: [trained(k1, "VS B")] }) } }), [[null, "met"]]],
  [R.oneOff, "a training chosen without care providers is asked for them", () => praktijk({ 1: { [t]: c("implement") } }), [[1, "ask"]]],
  [R.newAfter, "the care provider chooses a new intervention in the following year", () => praktijk({ 1: { [t]: c("implement", { trainings: [trained(k1, "Dr. A")] }) }, 2: { [a1]: c("implement", { caregivers: ["Dr. A"] }) } }), [[2, "met"]]],
  [R.newAfter, "a new training (which may again be a training) in the following year counts", () => praktijk({ 1: { [t]: c("implement", { trainings: [trained(k1, "Dr. A")] }) }, 2: { [t]: c("continue", { trainings: [trained(k3, "Dr. A")] }) } }), [[2, "met"]]],
  [R.newAfter, "a following year that does not name the care provider is asked", () => praktijk({ 1: { [t]: c("implement", { trainings: [trained(k1, "Dr. A")] }) }, 2: { [a1]: c("implement") } }), [[2, "ask"]]],
  [R.newAfter, "a care provider named only on a continued intervention has chosen nothing new", () => praktijk({ 1: { [a1]: c("implement"), [t]: c("implement", { trainings: [trained(k1, "Dr. A")] }) }, 2: { [a1]: c("continue", { caregivers: ["Dr. A"] }) } }), [[2, "not-met"]]],
  [R.gesprek3, "continued in year 3 and maintained by training new staff passes without a question", () => praktijk({ 1: { [t]: c("implement", { trainings: [trained(k1, "Dr. A")] }) }, 2: { [t]: c("continue", { trainings: [trained(k2, "Dr. A")] }) }, 3: { [t]: c("continue", { trainings: [trained(k1, "Nieuwe POH")] }) } }), [[3, "met"]]],
  [R.gesprek3, "dropping the good conversation in year 3 fails", () => praktijk({ 1: { [t]: c("implement", { trainings: [trained(k1, "Dr. A")] }) }, 2: { [t]: c("continue") }, 3: {} }), [[3, "not-met"]]],
  [R.gesprek3, "continued without naming who is (re)trained is met, and asks about the maintenance", () => praktijk({ 1: { [t]: c("implement", { trainings: [trained(k1, "Dr. A")] }) }, 2: { [t]: c("continue") }, 3: { [t]: c("continue") } }), [[3, "met"], [3, "ask"]]],
  [R.gesprek2, "a deepened good conversation in year 2 counts (the year-2 icon is uncertain)", () => praktijk({ 1: { [t]: c("implement") }, 2: { [t]: deepened() } }), [[2, "met"]]],
  [R.hurdle, "a practice plan with one condition of the minimum hurdle unticked is not met, naming it", () => praktijk({ 1: {} }, { hurdle: allHurdle.slice(1) }), [[null, "not-met"]]],
  [R.regioHurdle, "a regioplan meeting every condition of the minimum hurdle passes", () => regio(), [[null, "met"]]],
  [R.year2, "a regioplan that records two network interventions for year 2 passes", () => regio({ menu: [n1, n2], year2: [n1, n2] }), [[2, "met"]]],
  [R.year2, "a regioplan that records only one network intervention for year 2 fails", () => regio({ menu: [n1, n2], year2: [n1] }), [[2, "not-met"]]],
  [R.regioJustification, "a deepening in the regioplan without justification, not discussed regionally, fails", () => regio({ deepening: { [a1]: { justification: "", discussed: false } } }), [[null, "not-met"]]],
  [R.regioJustification, "a deepening discussed in regional meetings passes without a written justification", () => regio({ deepening: { [a1]: { justification: "", discussed: true } } }), [[null, "met"]]],
  [R.regional, "a practice's deepening not confirmed as in the regioplan or discussed regionally is asked", () => praktijk({ 1: { [a1]: c("implement") }, 2: {}, 3: { [a1]: deepened({ regional: false }) } }), [[3, "ask"]]],
  [R.justification, "a deepening without a justification fails, in any year", () => praktijk({ 1: { [a1]: c("implement") }, 2: { [a1]: deepened({ justification: " " }) } }), [[2, "not-met"]]],
  [R.outsideList, "an own intervention in line with a listed one, with the insurer's agreement, counts", () => praktijk({ 1: {}, 2: { "eigen-1": c("implement") } }, { custom: [own()] }), [[null, "met"]]],
  [R.anders2, "an own intervention with the insurer's agreement counts as the added intervention", () => praktijk({ 1: {}, 2: { "eigen-1": c("implement") } }, { custom: [own()] }), [[2, "met"]]],
  [R.anders2, "an own intervention without the insurer's agreement does not count", () => praktijk({ 1: {}, 2: { "eigen-1": c("implement") } }, { custom: [own({ insurer_agreement: false })] }), [[2, "not-met"]]],
  [R.regioOutsideList, "an own intervention in the regioplan that is in line with no listed intervention fails", () => regio({ custom: [own({ in_line_with: "" })], menu: ["eigen-1"] }), [[null, "not-met"]]],
  [R.staff, "staff expansion with type and hours but no justification fails", () => praktijk({ 1: { [u]: c("implement", { staff_type: "POH-GGZ", hours: 8 }), [a1]: c("implement") } }), [[1, "not-met"]]],
  [R.sole, "staff expansion as the only intervention of a year fails", () => praktijk({ 1: { [u]: c("implement", { justification: "Drukte", staff_type: "POH-GGZ", hours: 8 }) } }), [[1, "not-met"]]],
  [R.repeat, "implementing an intervention again in a later year fails", () => praktijk({ 1: { [a1]: c("implement") }, 3: { [a1]: c("implement") } }), [[3, "not-met"]]],
  [R.anders1, "year 1 needs an intervention from the regioplan's menu", () => praktijk({ 1: { [a1]: c("implement") } }, { menu: [a2] }), [[1, "not-met"]]],
  [R.menu3, "a regioplan offering three interventions to choose from passes", () => regio({ menu: [a1, a2, a3] }), [[null, "met"]]],
];

/** Plans that follow every sentence: each must pass every rule (met or information; nothing failed or asked). */
const compliant = [
  ["a three-year practice plan", () => praktijk({
    1: { [a1]: c("implement"), [t]: c("implement", { trainings: [trained(k1, "Dr. A")] }) },
    2: {
      [a1]: c("continue"), [a2]: c("implement"), [n1]: c("implement"), [n2]: c("implement"),
      [t]: c("continue", { trainings: [trained(k2, "Dr. A")] }),
      [u]: c("implement", { justification: "Meer tijd voor complexe zorg", staff_type: "POH-GGZ", hours: 8 }),
    },
    3: {
      [a3]: c("implement"), [n1]: deepened(), [t]: c("continue", { trainings: [trained(k3, "Dr. A", "Nieuwe POH")] }),
      [u]: c("continue", { justification: "Voortzetting", staff_type: "POH-GGZ", hours: 8 }),
    },
  })],
  ["a four-year practice plan with ICT, an own intervention and deepening", () => praktijk({
    1: { [ict]: c("implement"), [t]: c("implement", { trainings: [trained(k1, "Dr. A"), trained(k2, "VS B")] }) },
    2: { "eigen-1": c("implement"), [n1]: c("implement"), [n2]: c("implement"), [t]: c("continue", { trainings: [trained(k3, "Dr. A"), trained(k1, "VS B")] }) },
    3: { [ict]: deepened({ fully_implemented: false }), [n3]: c("implement"), [t]: c("continue", { trainings: [trained(k2, "Dr. A"), trained(k3, "VS B")] }) },
    4: { [a2]: c("implement"), [n1]: deepened(), [t]: c("continue", { trainings: [trained(k1, "Nieuwe VS")] }), [a1]: c("implement", { caregivers: ["Dr. A", "VS B"] }) },
  }, { custom: [own()], menu: [a1, a2, n1, n2, n3, t, ict] })],
  ["a regioplan", () => regio({
    menu: [a1, a2, a3, n1, n2, "eigen-1"], year2: [n1, n2], custom: [own()],
    deepening: { [a1]: { justification: "Verdieping van het fast-track spreekuur", discussed: false } },
  })],
];

describe("scenarios, named after the guideline's sentences", () => {
  for (const [ruleId, what, make, expected] of scenarios) {
    const rule = rules.get(ruleId);
    it(`“${rule.cite.quote}” (p. ${rule.cite.page}): ${what}`, () => {
      assert.deepEqual(verdict(make(), ruleId), expected);
    });
  }
  for (const [what, make] of compliant) {
    it(`a compliant plan passes every rule: ${what}`, () => {
      const results = evaluate(make(), current);
      const open = results.filter((r) => r.status === "not-met" || r.status === "ask");
      assert.deepEqual(open, []);
      assert.ok(results.some((r) => r.status === "met"));
    });
  }
  it(`the suite has at least 25 scenarios (${scenarios.length + compliant.length}) and touches every element`, () => {
    assert.ok(scenarios.length + compliant.length >= 25);
    assert.equal(new Set([menuElement, year2Element, continuedElement, staffElement]).size, 4, elementIds.join());
  });
  it("every rule of the current version quotes its sentence with a page", () => {
    for (const rule of current.rules) {
      assert.ok(rule.cite && rule.cite.quote && rule.cite.page > 0, rule.id);
    }
  });
});
