// The plan checklist's pure core: read plans, check them against a guideline version's rules, serialise them,
// and carry them to another version. No DOM access, no storage, no network: every function takes data and
// returns data, so node's test runner can test it (site_tests/js/) and the page can trust it.
//
// Rules come from the published data (plan/data.json, generated from growth_model.yaml, each rule with the
// guideline sentence it encodes); nothing here knows a particular rule, core element or intervention. Each rule
// kind has one evaluator below, which encodes what the kind's sentence says, no stricter and no looser.
//
// Texts typed by users are text: any character is accepted, and safety comes from output (the page sets text
// with textContent, Markdown and CSV exports escape). Input is refused only for its shape or size, with a message.

export const FORMAT = "mtvp-plan";
export const FORMAT_VERSION = 2;
/** Format versions this code reads; older ones are migrated to FORMAT_VERSION (never refused). */
export const READABLE_VERSIONS = [1, 2];
export const ACTIONS = ["implement", "continue", "deepen"];
export const KINDS = ["regioplan", "praktijkplan"];
export const STATUSES = ["met", "not-met", "ask", "note"];
/** A plan's own status: still being written, or agreed (with the RHO, or for a regioplan with the insurer). */
export const PLAN_STATUSES = ["draft", "agreed"];
/** The first year a practice could start MTVP (the phased start began in April 2023) and a sane upper bound. */
export const START_YEARS = { min: 2023, max: 2100 };
const AGB = /^[0-9]{8}$/;
const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
export const LIMITS = {
  bytes: 200_000, plans: 50, years: 10, text: 2_000, name: 120, caregivers: 50, hours: 200, custom: 30, trainings: 20,
};
const CUSTOM_ID = /^eigen-[1-9][0-9]{0,3}$/;
/** The training key of a training the guideline does not name (its `name` says which it is). */
export const OTHER_TRAINING = "other";

/** An error with a message key (translated by the page) and its parameters. */
export class PlanError extends Error {
  constructor(key, params = {}) {
    super(key);
    this.key = key;
    this.params = params;
  }
}

// --- reading untrusted input ----------------------------------------------------------------------------

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function checkKeys(value, path) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkKeys(item, `${path}[${index}]`));
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw new PlanError("error_key", { path: `${path}.${key}` });
      checkKeys(value[key], `${path}.${key}`);
    }
  }
}

function text(value, path, limit = LIMITS.text) {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") throw new PlanError("error_type", { path, expected: "text" });
  if (value.length > limit) throw new PlanError("error_too_long", { path, limit });
  return value;
}

function flag(value, path) {
  if (value === undefined || value === null) return false;
  if (typeof value !== "boolean") throw new PlanError("error_type", { path, expected: "true/false" });
  return value;
}

function answer(value, path) {
  if (value === undefined || value === null) return null;
  return flag(value, path);
}

function list(value, path, limit) {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new PlanError("error_type", { path, expected: "list" });
  if (value.length > limit) throw new PlanError("error_too_many", { path, limit });
  return value;
}

function idList(value, path, known) {
  const out = [];
  for (const [index, item] of list(value, path, 500).entries()) {
    if (typeof item !== "string") throw new PlanError("error_type", { path: `${path}[${index}]`, expected: "id" });
    if (!known.has(item)) throw new PlanError("error_unknown_id", { path: `${path}[${index}]`, id: item.slice(0, 80) });
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

function names(value, path) {
  return list(value, path, LIMITS.caregivers).map((c, i) => text(c, `${path}[${i}]`, LIMITS.name)).filter((c) => c.trim());
}

function readTraining(value, path, intervention) {
  if (!isPlainObject(value)) throw new PlanError("error_type", { path, expected: "object" });
  const key = text(value.key, `${path}.key`, 80);
  const keys = new Set([...(intervention?.trainings ?? []).map((t) => t.key), OTHER_TRAINING]);
  if (key && !keys.has(key)) throw new PlanError("error_unknown_id", { path: `${path}.key`, id: key.slice(0, 80) });
  return { key, name: text(value.name, `${path}.name`, LIMITS.name), caregivers: names(value.caregivers, `${path}.caregivers`) };
}

function readHours(value, path) {
  const hours = value ?? null;
  if (hours !== null && (typeof hours !== "number" || !Number.isFinite(hours) || hours < 0 || hours > LIMITS.hours)) {
    throw new PlanError("error_hours", { path, max: LIMITS.hours });
  }
  return hours;
}

/** A choice of format 2 (format 1 choices read the same; their caregivers of a training become a training row). */
function readChoice(value, path, intervention, formatVersion) {
  if (!isPlainObject(value)) throw new PlanError("error_type", { path, expected: "object" });
  const action = value.action;
  if (!ACTIONS.includes(action)) throw new PlanError("error_action", { path: `${path}.action` });
  let caregivers = names(value.caregivers, `${path}.caregivers`);
  let trainings = list(value.trainings, `${path}.trainings`, LIMITS.trainings).map((t, i) => readTraining(t, `${path}.trainings[${i}]`, intervention));
  if (formatVersion === 1 && isTraining(intervention) && caregivers.length) {
    trainings = [{ key: "", name: "", caregivers }];
    caregivers = [];
  }
  return {
    action,
    justification: text(value.justification, `${path}.justification`),
    regional: flag(value.regional, `${path}.regional`),
    caregivers,
    trainings,
    staff_type: text(value.staff_type, `${path}.staff_type`, LIMITS.name),
    hours: readHours(value.hours, `${path}.hours`),
    fully_implemented: answer(value.fully_implemented, `${path}.fully_implemented`),
  };
}

function readCustom(value, index, version) {
  const path = `plan.custom[${index}]`;
  if (!isPlainObject(value)) throw new PlanError("error_type", { path, expected: "object" });
  if (typeof value.id !== "string" || !CUSTOM_ID.test(value.id)) throw new PlanError("error_custom_id", { path: `${path}.id` });
  const elements = new Set(version.core_elements.map((e) => e.id));
  const coreElement = text(value.core_element, `${path}.core_element`, 80);
  if (coreElement && !elements.has(coreElement)) throw new PlanError("error_unknown_id", { path: `${path}.core_element`, id: coreElement });
  const inLineWith = text(value.in_line_with, `${path}.in_line_with`, 80);
  if (inLineWith && !version.interventions.some((i) => i.id === inLineWith)) {
    throw new PlanError("error_unknown_id", { path: `${path}.in_line_with`, id: inLineWith });
  }
  return {
    id: value.id,
    title: text(value.title, `${path}.title`, LIMITS.name),
    core_element: coreElement,
    in_line_with: inLineWith,
    insurer_agreement: flag(value.insurer_agreement, `${path}.insurer_agreement`),
    note: text(value.note, `${path}.note`),
  };
}

function readDate(value, path) {
  const date = text(value, path, 10);
  if (date && (!ISO_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date)) {
    throw new PlanError("error_date", { path });
  }
  return date;
}

/** The plan's details: who wrote it, for which practice or RHO, from which year, and whether it is agreed. */
function readDetails(value) {
  const path = "plan.details";
  if (value === undefined || value === null) return emptyDetails();
  if (!isPlainObject(value)) throw new PlanError("error_type", { path, expected: "object" });
  const agb = text(value.agb, `${path}.agb`, 20).trim();
  if (agb && !AGB.test(agb)) throw new PlanError("error_agb", { path: `${path}.agb` });
  const start = value.start_year ?? null;
  if (start !== null && (!Number.isInteger(start) || start < START_YEARS.min || start > START_YEARS.max)) {
    throw new PlanError("error_start_year", { path: `${path}.start_year`, min: START_YEARS.min, max: START_YEARS.max });
  }
  const status = value.status ?? "draft";
  if (!PLAN_STATUSES.includes(status)) throw new PlanError("error_type", { path: `${path}.status`, expected: PLAN_STATUSES.join("/") });
  return {
    organisation: text(value.organisation, `${path}.organisation`, LIMITS.name),
    agb,
    start_year: start,
    status,
    author: text(value.author, `${path}.author`, LIMITS.name),
    date: readDate(value.date, `${path}.date`),
  };
}

export function emptyDetails() {
  return { organisation: "", agb: "", start_year: null, status: "draft", author: "", date: "" };
}

/** Which regioplan a praktijkplan follows: its name, date and a fingerprint of its content (to see changes). */
function readFollows(value) {
  const path = "plan.follows";
  if (value === undefined || value === null) return null;
  if (!isPlainObject(value)) throw new PlanError("error_type", { path, expected: "object" });
  return { name: text(value.name, `${path}.name`, LIMITS.name), date: readDate(value.date, `${path}.date`), fingerprint: text(value.fingerprint, `${path}.fingerprint`, 64) };
}

/** The calendar year of a plan year, when the plan says when the practice started MTVP. */
export function calendarYear(plan, year) {
  return plan.details.start_year === null ? null : plan.details.start_year + year - 1;
}

function readDeepening(value, known) {
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value)) throw new PlanError("error_type", { path: "plan.deepening", expected: "object" });
  const out = {};
  for (const [id, entry] of Object.entries(value)) {
    const path = `plan.deepening.${id.slice(0, 80)}`;
    if (!known.has(id)) throw new PlanError("error_unknown_id", { path: "plan.deepening", id: id.slice(0, 80) });
    if (!isPlainObject(entry)) throw new PlanError("error_type", { path, expected: "object" });
    out[id] = { justification: text(entry.justification, `${path}.justification`), discussed: flag(entry.discussed, `${path}.discussed`) };
  }
  return out;
}

/**
 * Validates an untrusted plan object (from a file, a share link or storage) against the published data.
 * Returns a clean plan of the current format with only known keys; throws PlanError with a message key otherwise.
 */
export function readPlan(raw, data) {
  if (!isPlainObject(raw)) throw new PlanError("error_not_plan");
  checkKeys(raw, "plan");
  if (raw.format !== FORMAT) throw new PlanError("error_not_plan");
  if (!READABLE_VERSIONS.includes(raw.format_version)) throw new PlanError("error_format_version", { version: String(raw.format_version).slice(0, 20) });
  const versionId = raw.guideline_version;
  if (typeof versionId !== "string" || !Object.hasOwn(data.versions, versionId)) {
    throw new PlanError("error_unknown_version", { version: String(versionId).slice(0, 40) });
  }
  const version = data.versions[versionId];
  if (!KINDS.includes(raw.kind)) throw new PlanError("error_kind");
  const custom = list(raw.custom, "plan.custom", LIMITS.custom).map((c, i) => readCustom(c, i, version));
  if (new Set(custom.map((c) => c.id)).size !== custom.length) throw new PlanError("error_custom_id", { path: "plan.custom" });
  const byId = new Map(version.interventions.map((i) => [i.id, i]));
  const known = new Set([...byId.keys(), ...custom.map((c) => c.id)]);
  const yearsIn = raw.years ?? {};
  if (!isPlainObject(yearsIn)) throw new PlanError("error_type", { path: "plan.years", expected: "object" });
  const keys = Object.keys(yearsIn);
  if (keys.length > LIMITS.years) throw new PlanError("error_too_many", { path: "plan.years", limit: LIMITS.years });
  const years = {};
  for (const key of keys) {
    const year = Number(key);
    if (!Number.isInteger(year) || year < 1 || year > LIMITS.years || String(year) !== key) {
      throw new PlanError("error_year", { year: key.slice(0, 10) });
    }
    const choicesIn = yearsIn[key];
    if (!isPlainObject(choicesIn)) throw new PlanError("error_type", { path: `plan.years.${key}`, expected: "object" });
    const choices = {};
    for (const [id, choice] of Object.entries(choicesIn)) {
      if (!known.has(id)) throw new PlanError("error_unknown_id", { path: `plan.years.${key}`, id: id.slice(0, 80) });
      choices[id] = readChoice(choice, `plan.years.${key}.${id}`, byId.get(id), raw.format_version);
    }
    years[year] = choices;
  }
  const menu = idList(raw.menu, "plan.menu", known);
  return {
    format: FORMAT,
    format_version: FORMAT_VERSION,
    name: text(raw.name, "plan.name", LIMITS.name).trim() || "Plan",
    kind: raw.kind,
    guideline_version: versionId,
    menu,
    year2: idList(raw.year2, "plan.year2", new Set([...menu, ...custom.map((c) => c.id)])),
    deepening: readDeepening(raw.deepening, known),
    custom,
    years,
    hurdle: idList(raw.hurdle, "plan.hurdle", new Set(version.hurdle.map((h) => h.id))),
    notes: text(raw.notes, "plan.notes"),
    details: readDetails(raw.details),
    follows: raw.kind === "praktijkplan" ? readFollows(raw.follows) : null,
  };
}

/** Parses a JSON text (a file or a share link) into a plan; throws PlanError on anything malformed. */
export function parsePlan(jsonText, data) {
  if (typeof jsonText !== "string") throw new PlanError("error_not_plan");
  if (new TextEncoder().encode(jsonText).length > LIMITS.bytes) throw new PlanError("error_too_large", { limit: LIMITS.bytes });
  let raw;
  try {
    raw = JSON.parse(jsonText);
  } catch {
    throw new PlanError("error_json");
  }
  return readPlan(raw, data);
}

export function newPlan(data, kind = "praktijkplan", name = "Plan") {
  return {
    format: FORMAT,
    format_version: FORMAT_VERSION,
    name,
    kind,
    guideline_version: data.current,
    menu: [],
    year2: [],
    deepening: {},
    custom: [],
    years: kind === "praktijkplan" ? { 1: {} } : {},
    hurdle: [],
    notes: "",
    details: emptyDetails(),
    follows: null,
  };
}

export function newChoice(action = "implement") {
  return { action, justification: "", regional: false, caregivers: [], trainings: [], staff_type: "", hours: null, fully_implemented: null };
}

/** The next free id for an intervention that is not on the guideline's list. */
export function nextCustomId(plan) {
  const used = new Set(plan.custom.map((c) => c.id));
  for (let n = 1; ; n += 1) if (!used.has(`eigen-${n}`)) return `eigen-${n}`;
}

// --- from a regioplan to a praktijkplan, from one year to the next ---------------------------------------------

/** A short fingerprint (FNV-1a, hex) of what a practice takes over from a regioplan, to see when it changed. */
export function fingerprint(regio) {
  const taken = JSON.stringify([regio.guideline_version, regio.menu, regio.year2, regio.deepening, regio.custom]);
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(taken)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0");
}

/** The parts of a regioplan a praktijkplan follows: its menu, own interventions, year-2 choice and deepenings. */
function takeOver(regio) {
  return {
    guideline_version: regio.guideline_version,
    menu: [...regio.menu],
    year2: [...regio.year2],
    deepening: structuredClone(regio.deepening),
    custom: structuredClone(regio.custom),
    follows: { name: regio.name, date: regio.details.date, fingerprint: fingerprint(regio) },
  };
}

/** A new praktijkplan that follows a regioplan. */
export function practiceFrom(regio, name) {
  return { ...newPlan({ current: regio.guideline_version }, "praktijkplan", name), ...takeOver(regio) };
}

/** A praktijkplan brought up to date with (a newer state of) the regioplan it follows; its own choices stay. */
export function followRegio(plan, regio) {
  const updated = { ...plan, ...takeOver(regio), guideline_version: plan.guideline_version };
  // The plan's own interventions stay chosen: an own intervention the regioplan no longer has is kept as the plan's.
  const kept = plan.custom.filter((c) => !updated.custom.some((r) => r.id === c.id));
  updated.custom = [...updated.custom, ...kept];
  return updated;
}

/** Whether the regioplan a praktijkplan follows has changed since (by name, then by fingerprint). */
export function regioChanged(plan, regio) {
  return Boolean(plan.follows && regio.kind === "regioplan" && regio.name === plan.follows.name && fingerprint(regio) !== plan.follows.fingerprint);
}

/**
 * The choices a new plan year starts with: every intervention of the year before, continued (details of staff
 * expansion kept; one-off trainings without their care providers, who took them last year), plus, for year 2, the
 * regioplan's year-2 choice as new ones.
 */
export function nextYearChoices(plan, year) {
  const before = plan.years[year - 1] ?? {};
  const out = {};
  for (const [id, c] of Object.entries(before)) {
    out[id] = { ...newChoice("continue"), justification: c.staff_type ? c.justification : "", staff_type: c.staff_type, hours: c.hours, caregivers: [...c.caregivers] };
  }
  if (year === 2) for (const id of plan.year2) if (!out[id]) out[id] = newChoice("implement");
  return out;
}

// --- what the plan holds ------------------------------------------------------------------------------------

export function yearsOfPlan(plan) {
  return Object.keys(plan.years).map(Number).sort((a, b) => a - b);
}

/** Whether a rule's `years` (3 meaning "3 and beyond") covers a plan year; no years means every year. */
export function ruleCovers(rule, year) {
  if (!rule.years || rule.years.length === 0) return true;
  return rule.years.some((y) => (y >= 3 ? year >= y : year === y));
}

/** Whether the intervention is a training as a whole (its choices need the care providers who take it). */
export function isTraining(intervention) {
  return Boolean(intervention && (intervention.traits || []).includes("one-off-training"));
}

/** Whether an intervention that is not on the guideline's list may count: every condition of the sentence met. */
export function customCounts(custom) {
  return Boolean(custom.title.trim() && custom.core_element && custom.in_line_with && custom.insurer_agreement);
}

/** The ids that count as interventions of a core element in this plan: the version's, and the plan's own that may. */
function interventionsOf(plan, version, coreElement) {
  const ids = new Set(version.interventions.filter((i) => i.core_element === coreElement).map((i) => i.id));
  for (const c of plan.custom) if (c.core_element === coreElement && customCounts(c)) ids.add(c.id);
  return ids;
}

function withTrait(version, trait) {
  return new Set(version.interventions.filter((i) => (i.traits || []).includes(trait)).map((i) => i.id));
}

/** Whether the intervention was chosen (in any way) in a year of the plan before `year`. */
export function chosenBefore(plan, id, year) {
  return yearsOfPlan(plan).some((y) => y < year && plan.years[y][id]);
}

/** The first year each intervention is chosen in: one pass, for evaluators that ask "chosen before?" per choice. */
function firstYears(plan) {
  const first = new Map();
  for (const year of yearsOfPlan(plan)) for (const id of Object.keys(plan.years[year])) if (!first.has(id)) first.set(id, year);
  return first;
}

function coveredYears(rule, plan) {
  return yearsOfPlan(plan).filter((y) => ruleCovers(rule, y));
}

function result(rule, year, status, reason, params = {}) {
  return { rule: rule.id, core_element: rule.core_element ?? null, year, status, reason, params };
}

/** Counting rules: how many of the core element's interventions are chosen with a counting action in `year`. */
function countRule(rule, plan, version, year, counts) {
  const inElement = interventionsOf(plan, version, rule.core_element);
  const custom = new Set(plan.custom.map((c) => c.id));
  const menu = new Set(plan.menu);
  // The plan's own interventions stand in the regioplan (the sentence allows them only there), so they are "menu".
  const fromMenu = (id) => !rule.from_menu || menu.has(id) || custom.has(id);
  const counted = Object.entries(plan.years[year] || {}).filter(([id, choice]) => inElement.has(id) && fromMenu(id) && counts(id, choice));
  const count = counted.length;
  const params = { count, min: rule.min, year, ids: counted.map(([id]) => id) };
  return result(rule, year, count >= rule.min ? "met" : "not-met", count >= rule.min ? "reason_count_met" : "reason_count_short", params);
}

/** Which training a row is: a named one by its key, another one by its name, or "" when not named. */
function trainingIdentity(training) {
  return training.key === OTHER_TRAINING ? `name:${training.name.trim().toLowerCase()}` : training.key;
}

/** Training rows of one choice, one per (training, care provider): "who took which one-off training, when". */
function trainingUnits(plan, version) {
  const byId = new Map(version.interventions.map((i) => [i.id, i]));
  const units = [];
  for (const year of yearsOfPlan(plan)) {
    for (const [id, choice] of Object.entries(plan.years[year])) {
      for (const training of choice.trainings) {
        const which = trainingIdentity(training);
        for (const caregiver of training.caregivers) {
          units.push({ year, id, training: which, caregiver, who: caregiver.trim().toLowerCase(), intervention: byId.get(id) });
        }
      }
    }
  }
  return units;
}

/** Care providers named on a choice of `year`, on the choice itself or on one of its training rows. */
function namedIn(plan, year) {
  const named = new Map(); // who -> [{id, action, training}]
  for (const [id, choice] of Object.entries(plan.years[year] || {})) {
    const add = (caregiver, training) => {
      const who = caregiver.trim().toLowerCase();
      if (!named.has(who)) named.set(who, []);
      named.get(who).push({ id, action: choice.action, training });
    };
    choice.caregivers.forEach((c) => add(c, null));
    for (const t of choice.trainings) t.caregivers.forEach((c) => add(c, trainingIdentity(t)));
  }
  return named;
}

// --- one evaluator per rule kind: (rule, plan, version) -> results ---------------------------------------------

export const EVALUATORS = {
  "min-new-interventions": (rule, plan, version) =>
    coveredYears(rule, plan).map((y) => countRule(rule, plan, version, y, (id, c) => c.action === "implement")),

  // "uitgevoerd" / active: whatever is carried out in the year, new, continued or deepened.
  "min-active-interventions": (rule, plan, version) =>
    coveredYears(rule, plan).map((y) => countRule(rule, plan, version, y, () => true)),

  // A new intervention or a deepening of one chosen earlier (the sentence: the rule's `cite` in growth_model.yaml)
  "new-or-deepened": (rule, plan, version) => {
    const first = firstYears(plan);
    return coveredYears(rule, plan).map((y) =>
      countRule(rule, plan, version, y, (id, c) => c.action === "implement" || (c.action === "deepen" && first.get(id) < y)));
  },

  "deepening-of-current-intervention": (rule, plan) => {
    const first = firstYears(plan);
    return coveredYears(rule, plan).flatMap((year) => {
      const deepened = Object.entries(plan.years[year]).filter(([, c]) => c.action === "deepen").map(([id]) => id);
      if (!deepened.length) return [];
      const notCurrent = deepened.filter((id) => !(first.get(id) < year));
      return [notCurrent.length
        ? result(rule, year, "not-met", "reason_deepen_not_current", { year, ids: notCurrent })
        : result(rule, year, "met", "reason_deepen_current", { year, ids: deepened })];
    });
  },

  continued: (rule, plan, version) => {
    const inElement = interventionsOf(plan, version, rule.core_element);
    return coveredYears(rule, plan).flatMap((year) => {
      const earlier = new Set();
      for (const y of yearsOfPlan(plan).filter((y2) => y2 < year)) for (const id of Object.keys(plan.years[y])) if (inElement.has(id)) earlier.add(id);
      if (earlier.size === 0) return [result(rule, year, "note", "reason_nothing_to_continue", { year })];
      const now = plan.years[year] || {};
      const dropped = [...earlier].filter((id) => !now[id]);
      if (dropped.length) return [result(rule, year, "not-met", "reason_not_continued", { year, ids: dropped })];
      const out = [result(rule, year, "met", "reason_continued", { year, ids: [...earlier] })];
      // "… en zal worden onderhouden met nascholing en scholing van (nieuwe) personeelsleden": asked, not failed.
      const trained = [...earlier].some((id) => now[id].caregivers.length || now[id].trainings.some((t) => t.caregivers.length));
      if (!trained) out.push(result(rule, year, "ask", "reason_maintenance_ask", { year, ids: [...earlier] }));
      return out;
    });
  },

  optional: (rule) => [result(rule, null, "note", "reason_optional")],

  "never-sole-intervention": (rule, plan, version) => {
    const inElement = interventionsOf(plan, version, rule.core_element);
    return coveredYears(rule, plan).flatMap((year) => {
      const ids = Object.keys(plan.years[year] || {});
      if (!ids.some((id) => inElement.has(id))) return [];
      return ids.every((id) => inElement.has(id))
        ? [result(rule, year, "not-met", "reason_sole", { year })]
        : [result(rule, year, "met", "reason_not_sole", { year })];
    });
  },

  "deepening-needs-justification": (rule, plan) =>
    coveredYears(rule, plan).flatMap((year) => {
      const deepened = Object.entries(plan.years[year] || {}).filter(([, c]) => c.action === "deepen");
      if (deepened.length === 0) return [];
      const missing = deepened.filter(([, c]) => !c.justification.trim()).map(([id]) => id);
      return [missing.length ? result(rule, year, "not-met", "reason_justification_missing", { year, ids: missing })
        : result(rule, year, "met", "reason_justified", { year, ids: deepened.map(([id]) => id) })];
    }),

  // "… dat de onderbouwing in het regioplan staat of tijdens regionale besprekingen aan de orde komt"
  "justification-in-region": (rule, plan) => {
    if (plan.kind === "regioplan") {
      const entries = Object.entries(plan.deepening);
      if (!entries.length) return [];
      const missing = entries.filter(([, d]) => !d.justification.trim() && !d.discussed).map(([id]) => id);
      return [missing.length ? result(rule, null, "not-met", "reason_regio_justification_missing", { ids: missing })
        : result(rule, null, "met", "reason_regio_justified", { ids: entries.map(([id]) => id) })];
    }
    return coveredYears(rule, plan).flatMap((year) => {
      const deepened = Object.entries(plan.years[year]).filter(([, c]) => c.action === "deepen");
      if (!deepened.length) return [];
      const unconfirmed = deepened.filter(([, c]) => !c.regional).map(([id]) => id);
      return [unconfirmed.length ? result(rule, year, "ask", "reason_regional_ask", { year, ids: unconfirmed })
        : result(rule, year, "met", "reason_regional", { year, ids: deepened.map(([id]) => id) })];
    });
  },

  "staff-expansion-needs-details": (rule, plan, version) => {
    const inElement = interventionsOf(plan, version, rule.core_element);
    return coveredYears(rule, plan).flatMap((year) => {
      const staff = Object.entries(plan.years[year] || {}).filter(([id]) => inElement.has(id));
      if (staff.length === 0) return [];
      const missing = staff.filter(([, c]) => !c.justification.trim() || !c.staff_type.trim() || !(c.hours > 0)).map(([id]) => id);
      return [missing.length ? result(rule, year, "not-met", "reason_staff_details_missing", { year, ids: missing })
        : result(rule, year, "met", "reason_staff_details", { year, ids: staff.map(([id]) => id) })];
    });
  },

  // "Eenmalige interventies, zoals trainingen en scholingen, zijn slechts voor één jaar inzetbaar voor dezelfde
  // zorgverlener": the same training for the same care provider in two years is a repeat; another training or
  // another care provider is not. A training intervention without care providers cannot be checked: it is asked.
  "one-off-training-one-year-per-caregiver": (rule, plan, version) => {
    const out = [];
    const first = new Map();
    for (const unit of trainingUnits(plan, version)) {
      const key = `${unit.id}|${unit.training}|${unit.who}`;
      if (!first.has(key)) first.set(key, unit.year);
      else if (first.get(key) !== unit.year) {
        out.push(result(rule, unit.year, "not-met", "reason_training_repeated", { year: unit.year, first: first.get(key), caregiver: unit.caregiver, ids: [unit.id] }));
      }
    }
    const byId = new Map(version.interventions.map((i) => [i.id, i]));
    for (const year of yearsOfPlan(plan)) {
      const nobody = Object.entries(plan.years[year])
        .filter(([id, c]) => isTraining(byId.get(id)) && !c.trainings.some((t) => t.caregivers.length))
        .map(([id]) => id);
      if (nobody.length) out.push(result(rule, year, "ask", "reason_training_caregivers_ask", { year, ids: nobody }));
    }
    if (!out.length && first.size) out.push(result(rule, null, "met", "reason_training_once"));
    return out;
  },

  // The year after a training, the same care provider chooses another intervention (the sentence: the rule's `cite`).
  "new-intervention-after-training": (rule, plan, version) => {
    const out = [];
    const seen = new Set();
    const units = trainingUnits(plan, version);
    const first = firstYears(plan);
    const named_ = new Map(); // year -> care providers named in it
    for (const unit of units) {
      const next = unit.year + 1;
      const tag = `${unit.who}|${unit.year}`;
      if (!plan.years[next] || seen.has(tag)) continue;
      seen.add(tag);
      if (!named_.has(next)) named_.set(next, namedIn(plan, next));
      const named = named_.get(next).get(unit.who);
      const params = { year: next, caregiver: unit.caregiver, first: unit.year };
      if (!named) {
        out.push(result(rule, next, "ask", "reason_new_after_training_ask", params));
        continue;
      }
      const doneBefore = new Set(units.filter((u) => u.who === unit.who && u.year < next).map((u) => `${u.id}|${u.training}`));
      const isNew = named.some((n) => (n.training !== null ? !doneBefore.has(`${n.id}|${n.training}`) : n.action === "implement" && !(first.get(n.id) < next)));
      out.push(isNew ? result(rule, next, "met", "reason_new_after_training", params)
        : result(rule, next, "not-met", "reason_no_new_after_training", { ...params, ids: named.map((n) => n.id) }));
    }
    return out;
  },

  "no-repeat-without-development": (rule, plan) => {
    const implemented = new Map();
    const repeats = [];
    for (const year of yearsOfPlan(plan)) {
      for (const [id, choice] of Object.entries(plan.years[year])) {
        if (choice.action !== "implement") continue;
        if (implemented.has(id)) repeats.push({ id, year, first: implemented.get(id) });
        else implemented.set(id, year);
      }
    }
    return repeats.map((r) => result(rule, r.year, "not-met", "reason_repeated", { year: r.year, first: r.first, ids: [r.id] }));
  },

  // "Interventies gerelateerd aan ICT-aanpassingen die al volledig zijn geïmplementeerd lenen zich bijvoorbeeld
  // niet voor verdere doorontwikkeling": only a fully implemented one; the plan is asked which it is.
  "ict-not-deepened": (rule, plan, version) => {
    const ict = withTrait(version, "ict");
    return yearsOfPlan(plan).flatMap((year) =>
      Object.entries(plan.years[year])
        .filter(([id, c]) => ict.has(id) && c.action === "deepen")
        .map(([id, c]) => {
          if (c.fully_implemented === true) return result(rule, year, "not-met", "reason_ict_deepened", { year, ids: [id] });
          if (c.fully_implemented === false) return result(rule, year, "met", "reason_ict_not_complete", { year, ids: [id] });
          return result(rule, year, "ask", "reason_ict_ask", { year, ids: [id] });
        }),
    );
  },

  "menu-min-options": (rule, plan, version) => {
    const inElement = interventionsOf(plan, version, rule.core_element);
    // The plan's own interventions stand in the regioplan by definition (the sentence allows them only there).
    const ids = [...plan.menu, ...plan.custom.map((c) => c.id)].filter((id) => inElement.has(id));
    return [result(rule, null, ids.length >= rule.min ? "met" : "not-met", ids.length >= rule.min ? "reason_menu_met" : "reason_menu_short", { count: ids.length, min: rule.min, ids })];
  },

  "regioplan-year-2-choice": (rule, plan, version) => {
    const inElement = interventionsOf(plan, version, rule.core_element);
    const ids = plan.year2.filter((id) => inElement.has(id));
    return [result(rule, 2, ids.length >= rule.min ? "met" : "not-met", ids.length >= rule.min ? "reason_year2_met" : "reason_year2_short", { count: ids.length, min: rule.min, ids })];
  },

  "minimum-hurdle": (rule, plan, version) => {
    const open = version.hurdle.filter((h) => !plan.hurdle.includes(h.id));
    return open.length
      ? open.map((h) => result(rule, null, "not-met", "reason_hurdle_open", { condition: h.label }))
      : [result(rule, null, "met", "reason_hurdle_met", { count: version.hurdle.length })];
  },

  // "Een interventie die aansluit bij een kernelement en in lijn is met een al opgenomen interventie kan in overleg
  // tussen de zorgverzekeraar en RHO opgenomen worden (mits gezamenlijke overeenstemming)"
  "outside-list-needs-agreement": (rule, plan) =>
    plan.custom.map((c) => {
      const missing = [];
      if (!c.title.trim()) missing.push("title");
      if (!c.core_element) missing.push("core_element");
      if (!c.in_line_with) missing.push("in_line_with");
      if (!c.insurer_agreement) missing.push("insurer_agreement");
      return missing.length
        ? result(rule, null, "not-met", "reason_custom_incomplete", { ids: [c.id], missing })
        : result(rule, null, "met", "reason_custom_agreed", { ids: [c.id] });
    }),

  "outside-menu-allowed": (rule, plan) => {
    const allowed = new Set([...plan.menu, ...plan.custom.map((c) => c.id)]);
    const outside = new Set();
    for (const year of yearsOfPlan(plan)) for (const id of Object.keys(plan.years[year])) if (!allowed.has(id)) outside.add(id);
    return outside.size ? [result(rule, null, "note", "reason_outside_menu", { ids: [...outside] })] : [];
  },
};

/**
 * Checks a plan against a version's rules for its kind. Returns one result per rule and year it applies to:
 * status "met", "not-met", "ask" (the plan does not say enough to decide: a question, never a failure) or "note"
 * (information), with a reason key and parameters. A rule of a kind this code does not know, or that a
 * reconstructed version does not know, is reported as a note rather than skipped silently.
 */
export function evaluate(plan, version) {
  const results = [];
  for (const rule of version.rules) {
    if (rule.plan !== plan.kind) continue;
    const evaluator = EVALUATORS[rule.kind];
    if (!evaluator) {
      results.push(result(rule, null, "note", "reason_unknown_rule", { kind: rule.kind }));
    } else if (rule.unknown) {
      results.push(result(rule, null, "note", "reason_rule_not_known", {}));
    } else {
      results.push(...evaluator(rule, plan, version));
    }
  }
  return results;
}

/** Whether the staff-expansion core element's interventions need type and hours (for the form). */
export function staffInterventions(version) {
  const elements = new Set(version.rules.filter((r) => r.kind === "staff-expansion-needs-details" && r.core_element).map((r) => r.core_element));
  return new Set(version.interventions.filter((i) => elements.has(i.core_element)).map((i) => i.id));
}

export function ictInterventions(version) {
  return withTrait(version, "ict");
}

/** The core elements whose year-2 choice the regioplan records (from the rules). */
export function year2Elements(version) {
  return new Set(version.rules.filter((r) => r.kind === "regioplan-year-2-choice").map((r) => r.core_element));
}

/** Titles of everything a plan can name: the version's interventions and the plan's own. */
export function titlesOf(plan, version, ownLabel = (c) => c.title) {
  const titles = new Map(version.interventions.map((i) => [i.id, i.title]));
  for (const c of plan.custom) titles.set(c.id, ownLabel(c));
  return titles;
}

// --- serialising ------------------------------------------------------------------------------------------

/** The plan as JSON text, with the guideline version it was made for (keys in a fixed order). */
export function toJson(plan) {
  return JSON.stringify(plan, null, 2) + "\n";
}

function csvCell(value) {
  const textValue = String(value ?? "");
  // A leading = + - @ (or a tab or return) would make spreadsheets run the cell as a formula.
  const safe = /^[=+\-@\t\r]/.test(textValue) ? `'${textValue}` : textValue;
  return /[",\n\r;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function trainingText(choice, intervention) {
  const labels = new Map((intervention?.trainings ?? []).map((t) => [t.key, t.label]));
  return choice.trainings.map((t) => `${labels.get(t.key) ?? (t.name || "—")}: ${t.caregivers.join(", ")}`).join("; ");
}

/** The plan's details as [label, value] pairs (only those filled in). */
function detailRows(plan, labels) {
  const d = plan.details;
  const rows = [
    [labels.details.organisation, d.organisation], [labels.details.agb, d.agb], [labels.details.start_year, d.start_year ?? ""],
    [labels.details.status, labels.details.statuses[d.status]], [labels.details.author, d.author], [labels.details.date, d.date],
  ];
  if (plan.follows) rows.push([labels.details.follows, `${plan.follows.name}${plan.follows.date ? ` (${plan.follows.date})` : ""}`]);
  return rows.filter(([, value]) => String(value).trim());
}

/** The sentence a result rests on, as "“quote” (p. 9)", or the statement that it is not known. */
function citeText(rule, labels) {
  return rule.cite ? `“${rule.cite.quote}” (${labels.page(rule.cite.page)})` : labels.cite_unknown;
}

/**
 * One row per choice, menu entry, own intervention, detail, minimum-hurdle condition and verdict: every text the
 * plan holds and every verdict with the sentence it rests on, for spreadsheets.
 */
export function toCsv(plan, version, results, labels) {
  const titles = titlesOf(plan, version);
  const elementOf = new Map([...version.interventions.map((i) => [i.id, i.core_element]), ...plan.custom.map((c) => [c.id, c.core_element])]);
  const elements = new Map(version.core_elements.map((e) => [e.id, e.title]));
  const byId = new Map(version.interventions.map((i) => [i.id, i]));
  const rules = new Map(version.rules.map((r) => [r.id, r]));
  const rows = [labels.csv_header];
  const row = (year, id, what, c = newChoice()) => [
    plan.name, plan.guideline_version, year, elements.get(elementOf.get(id)) ?? "", id, titles.get(id) ?? "", what, c.justification,
    [...c.caregivers, trainingText(c, byId.get(id))].filter(Boolean).join("; "), c.staff_type, c.hours ?? "",
  ];
  const note = (what, textValue, year = "", element = "") => [plan.name, plan.guideline_version, year, element, "", "", what, textValue, "", "", ""];
  for (const [label, value] of detailRows(plan, labels)) rows.push(note(label, value));
  for (const id of plan.menu) rows.push(row("", id, plan.year2.includes(id) ? `${labels.menu}; ${labels.year2}` : labels.menu));
  for (const [id, d] of Object.entries(plan.deepening)) rows.push(row("", id, labels.deepening, { ...newChoice(), justification: d.justification || (d.discussed ? labels.discussed : "") }));
  for (const c of plan.custom) rows.push(row("", c.id, `${labels.custom}: ${c.insurer_agreement ? labels.agreed : labels.not_agreed}`, { ...newChoice(), justification: c.note }));
  for (const year of yearsOfPlan(plan)) {
    for (const [id, c] of Object.entries(plan.years[year])) rows.push(row(year, id, labels.actions[c.action], c));
  }
  for (const h of version.hurdle) rows.push(note(`${labels.hurdle}: ${plan.hurdle.includes(h.id) ? labels.ticked : labels.not_ticked}`, h.label));
  if (plan.notes) rows.push(note(labels.notes, plan.notes));
  for (const r of results) {
    const rule = rules.get(r.rule);
    rows.push(note(labels.status[r.status], `${labels.reason(r)} ${rule.summary} ${citeText(rule, labels)}`, r.year ?? "", elements.get(r.core_element) ?? ""));
  }
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

function mdText(value) {
  return String(value).replace(/([\\`*_[\]<>|#&])/g, "\\$1").replace(/\r?\n/g, " ");
}

/** A readable Markdown report: every text of the plan, choices per year, and every verdict with its sentence. */
export function toMarkdown(plan, version, results, labels) {
  const titles = titlesOf(plan, version);
  const rules = new Map(version.rules.map((r) => [r.id, r]));
  const byId = new Map(version.interventions.map((i) => [i.id, i]));
  const lines = [`# ${mdText(plan.name)}`, "", `${labels.kind}: ${labels.kinds[plan.kind]} · ${labels.version}: ${mdText(version.label)}`, ""];
  const details = detailRows(plan, labels);
  if (details.length) lines.push(...details.map(([label, value]) => `- ${label}: ${mdText(value)}`), "");
  if (plan.menu.length) {
    lines.push(`## ${labels.menu}`, "", ...plan.menu.map((id) => `- ${mdText(titles.get(id))}${plan.year2.includes(id) ? ` (${labels.year2})` : ""}`), "");
  }
  if (plan.custom.length) {
    lines.push(`## ${labels.custom}`, "");
    for (const c of plan.custom) lines.push(`- ${mdText(c.title)}: ${c.insurer_agreement ? labels.agreed : labels.not_agreed}${c.note ? ` (${mdText(c.note)})` : ""}`);
    lines.push("");
  }
  const deepening = Object.entries(plan.deepening);
  if (deepening.length) {
    lines.push(`## ${labels.deepening}`, "", ...deepening.map(([id, d]) => `- ${mdText(titles.get(id))}: ${mdText(d.justification || (d.discussed ? labels.discussed : "—"))}`), "");
  }
  for (const year of yearsOfPlan(plan)) {
    lines.push(`## ${labels.year(year)}`, "");
    const choices = Object.entries(plan.years[year]);
    if (choices.length === 0) lines.push(`- ${labels.nothing}`);
    for (const [id, c] of choices) {
      const extra = [c.justification, c.caregivers.join(", "), trainingText(c, byId.get(id)), c.staff_type, c.hours ? `${c.hours} h` : ""].filter(Boolean).map(mdText);
      lines.push(`- ${mdText(titles.get(id))}: ${labels.actions[c.action]}${extra.length ? ` (${extra.join("; ")})` : ""}`);
    }
    lines.push("");
  }
  lines.push(`## ${labels.hurdle}`, "", ...version.hurdle.map((h) => `- [${plan.hurdle.includes(h.id) ? "x" : " "}] ${mdText(h.label)}`), "");
  if (plan.notes) lines.push(`## ${labels.notes}`, "", mdText(plan.notes), "");
  lines.push(`## ${labels.results}`, "");
  for (const r of results) {
    const rule = rules.get(r.rule);
    lines.push(`- **${labels.status[r.status]}**${r.year ? ` (${labels.year(r.year)})` : ""}: ${mdText(labels.reason(r))} ${mdText(rule.summary)}`);
    lines.push(`  ${mdText(citeText(rule, labels))}`);
  }
  return lines.join("\n") + "\n";
}

// --- share links --------------------------------------------------------------------------------------------

export function toShareFragment(plan) {
  const bytes = new TextEncoder().encode(JSON.stringify(plan));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return "plan=" + btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** The plan in a URL fragment (`#plan=…`), or null when the fragment carries none; throws on a bad one. */
export function fromShareFragment(fragment, data) {
  const match = /^#?plan=([A-Za-z0-9_-]*)$/.exec(fragment || "");
  if (!match) {
    if (/^#?plan=/.test(fragment || "")) throw new PlanError("error_link");
    return null;
  }
  if (match[1].length > (LIMITS.bytes * 4) / 3 + 4) throw new PlanError("error_too_large", { limit: LIMITS.bytes });
  let jsonText;
  try {
    const binary = atob(match[1].replaceAll("-", "+").replaceAll("_", "/"));
    jsonText = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
  } catch {
    throw new PlanError("error_link");
  }
  return parsePlan(jsonText, data);
}

/** Whether two plans hold the same content (a share link opened twice, a file imported twice). */
export function samePlan(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

// --- another version ---------------------------------------------------------------------------------------

/**
 * The change set between two versions in either direction, as id -> {kind, to} seen from `from` to `to`. Besides
 * what changed, it says what cannot be compared (a text one of the versions does not know: "unknown") and what may
 * not be in the other version at all ("uncertain"): a re-check never presents those as unchanged.
 */
export function mapping(data, fromId, toId) {
  // Found by the versions each change set names, not by its key: the key's form is generator/pages.py's.
  const between = (older, newer) => Object.values(data.changes).find((c) => c.old === older && c.new === newer);
  const forward = between(fromId, toId);
  const backward = between(toId, fromId);
  const out = new Map();
  const same = ["renamed", "moved", "changed", "merged", "uncertain", "unknown"];
  if (forward) {
    for (const c of forward.changes) {
      if (c.kind === "removed") out.set(c.id, { kind: "gone", to: null });
      else if (same.includes(c.kind)) out.set(c.id, { kind: c.kind, to: c.id });
      for (const source of c.merged_from || []) out.set(source, { kind: "merged", to: c.id });
    }
  } else if (backward) {
    for (const c of backward.changes) {
      if (c.kind === "added") out.set(c.id, { kind: "gone", to: null });
      else if (same.includes(c.kind)) out.set(c.id, { kind: c.kind, to: c.id });
      if (c.merged_from && c.merged_from.length) out.set(c.id, { kind: "gone", to: null });
    }
  }
  return out;
}

/**
 * Carries a plan to another version: each choice is unchanged, changed, renamed, moved, merged (mapped to the
 * item that absorbed it) or gone; the plan's own interventions stay (their "in line with" link is carried too).
 * Returns the plan for the target version and the status of every choice, so the page can show what would change
 * before anything is applied.
 */
export function migrate(plan, data, targetId) {
  if (!Object.hasOwn(data.versions, targetId)) throw new PlanError("error_unknown_version", { version: targetId });
  const target = data.versions[targetId];
  const byId = new Map(target.interventions.map((i) => [i.id, i]));
  const own = new Set(plan.custom.map((c) => c.id));
  const changes = mapping(data, plan.guideline_version, targetId);
  const statuses = new Map();
  const carry = (id) => {
    if (own.has(id)) return id;
    const change = changes.get(id);
    let status = change ? change.kind : "unchanged";
    let to = change ? change.to : id;
    if (to !== null && !byId.has(to)) {
      status = "gone";
      to = null;
    }
    statuses.set(id, { status, to });
    return to;
  };
  const keepTrainings = (choice, to) => {
    const keys = new Set((byId.get(to)?.trainings ?? []).map((t) => t.key));
    // A named training the target does not name stays, by its name (never dropped).
    return choice.trainings.map((t) => (t.key && t.key !== OTHER_TRAINING && !keys.has(t.key)
      ? { ...t, key: OTHER_TRAINING, name: t.name || t.key, caregivers: [...t.caregivers] }
      : { ...t, caregivers: [...t.caregivers] }));
  };
  const years = {};
  for (const year of yearsOfPlan(plan)) {
    years[year] = {};
    for (const [id, choice] of Object.entries(plan.years[year])) {
      const to = carry(id);
      if (to !== null && !years[year][to]) years[year][to] = { ...choice, caregivers: [...choice.caregivers], trainings: keepTrainings(choice, to) };
    }
  }
  const menu = [...new Set(plan.menu.map(carry).filter((id) => id !== null))];
  const deepening = {};
  for (const [id, d] of Object.entries(plan.deepening)) {
    const to = carry(id);
    if (to !== null && !deepening[to]) deepening[to] = { ...d };
  }
  const elements = new Set(target.core_elements.map((e) => e.id));
  const custom = plan.custom.map((c) => {
    const inLine = c.in_line_with ? carry(c.in_line_with) : "";
    return { ...c, core_element: elements.has(c.core_element) ? c.core_element : "", in_line_with: inLine ?? "" };
  });
  const hurdleIds = new Set(target.hurdle.map((h) => h.id));
  const migrated = {
    ...plan, guideline_version: targetId, menu, year2: plan.year2.map(carry).filter((id) => id !== null && (menu.includes(id) || own.has(id))),
    deepening, custom, years, hurdle: plan.hurdle.filter((h) => hurdleIds.has(h)),
  };
  return { plan: migrated, statuses };
}

// --- escaping for other tables ------------------------------------------------------------------------------

/** The CSV and Markdown escaping of the plan exports, for other tables built from plans (the regional overview). */
export { csvCell, mdText };
