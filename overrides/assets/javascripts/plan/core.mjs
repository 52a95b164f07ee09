// The plan checklist's pure core: read plans, check them against a guideline version's rules, serialise them,
// and carry them to another version. No DOM access, no storage, no network: every function takes data and
// returns data, so node's test runner can test it (site_tests/js/) and the page can trust it.
//
// Rules come from the published data (plan/data.json, generated from growth_model.yaml); nothing here knows a
// particular rule, core element or intervention. Each rule kind has one evaluator below.

export const FORMAT = "mtvp-plan";
export const FORMAT_VERSION = 1;
export const ACTIONS = ["implement", "continue", "deepen"];
export const KINDS = ["regioplan", "praktijkplan"];
export const LIMITS = { bytes: 200_000, plans: 50, years: 10, text: 2_000, name: 120, caregivers: 50, hours: 200 };

/** An error with a message key (translated by the page) and its parameters. */
export class PlanError extends Error {
  constructor(key, params = {}) {
    super(key);
    this.key = key;
    this.params = params;
  }
}

// --- reading untrusted input ----------------------------------------------------------------------------

const HTML_LIKE = /<\s*[a-z!/?]|javascript:|\bon[a-z]+\s*=|&#|&[a-z]+;/i;
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
  if (HTML_LIKE.test(value)) throw new PlanError("error_html", { path });
  return value;
}

function idList(value, path, known) {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new PlanError("error_type", { path, expected: "list" });
  const out = [];
  for (const [index, item] of value.entries()) {
    if (typeof item !== "string") throw new PlanError("error_type", { path: `${path}[${index}]`, expected: "id" });
    if (!known.has(item)) throw new PlanError("error_unknown_id", { path: `${path}[${index}]`, id: item });
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

function readChoice(value, path, known) {
  if (!isPlainObject(value)) throw new PlanError("error_type", { path, expected: "object" });
  const action = value.action;
  if (!ACTIONS.includes(action)) throw new PlanError("error_action", { path: `${path}.action` });
  const caregiversIn = value.caregivers ?? [];
  if (!Array.isArray(caregiversIn) || caregiversIn.length > LIMITS.caregivers) {
    throw new PlanError("error_type", { path: `${path}.caregivers`, expected: "list" });
  }
  const caregivers = caregiversIn.map((c, i) => text(c, `${path}.caregivers[${i}]`, LIMITS.name)).filter((c) => c.trim());
  let hours = value.hours ?? null;
  if (hours !== null && (typeof hours !== "number" || !Number.isFinite(hours) || hours < 0 || hours > LIMITS.hours)) {
    throw new PlanError("error_hours", { path: `${path}.hours`, max: LIMITS.hours });
  }
  return {
    action,
    justification: text(value.justification, `${path}.justification`),
    caregivers,
    staff_type: text(value.staff_type, `${path}.staff_type`, LIMITS.name),
    hours,
  };
}

/**
 * Validates an untrusted plan object (from a file, a share link or storage) against the published data.
 * Returns a clean plan with only known keys; throws PlanError with a message key otherwise.
 */
export function readPlan(raw, data) {
  if (!isPlainObject(raw)) throw new PlanError("error_not_plan");
  checkKeys(raw, "plan");
  if (raw.format !== FORMAT) throw new PlanError("error_not_plan");
  if (raw.format_version !== FORMAT_VERSION) throw new PlanError("error_format_version", { version: String(raw.format_version) });
  const versionId = raw.guideline_version;
  if (typeof versionId !== "string" || !Object.hasOwn(data.versions, versionId)) {
    throw new PlanError("error_unknown_version", { version: String(versionId).slice(0, 40) });
  }
  const version = data.versions[versionId];
  const known = new Set(version.interventions.map((i) => i.id));
  if (!KINDS.includes(raw.kind)) throw new PlanError("error_kind");
  const years = {};
  const yearsIn = raw.years ?? {};
  if (!isPlainObject(yearsIn)) throw new PlanError("error_type", { path: "plan.years", expected: "object" });
  const yearKeys = Object.keys(yearsIn);
  if (yearKeys.length > LIMITS.years) throw new PlanError("error_too_many", { path: "plan.years", limit: LIMITS.years });
  for (const key of yearKeys) {
    const year = Number(key);
    if (!Number.isInteger(year) || year < 1 || year > LIMITS.years || String(year) !== key) {
      throw new PlanError("error_year", { year: key.slice(0, 10) });
    }
    const choicesIn = yearsIn[key];
    if (!isPlainObject(choicesIn)) throw new PlanError("error_type", { path: `plan.years.${key}`, expected: "object" });
    const choices = {};
    for (const [id, choice] of Object.entries(choicesIn)) {
      if (!known.has(id)) throw new PlanError("error_unknown_id", { path: `plan.years.${key}`, id: id.slice(0, 80) });
      choices[id] = readChoice(choice, `plan.years.${key}.${id}`, known);
    }
    years[year] = choices;
  }
  const hurdleIds = new Set(version.hurdle.map((h) => h.id));
  const hurdle = idList(raw.hurdle, "plan.hurdle", hurdleIds);
  return {
    format: FORMAT,
    format_version: FORMAT_VERSION,
    name: text(raw.name, "plan.name", LIMITS.name).trim() || "Plan",
    kind: raw.kind,
    guideline_version: versionId,
    menu: idList(raw.menu, "plan.menu", known),
    years,
    hurdle,
    notes: text(raw.notes, "plan.notes"),
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
    years: kind === "praktijkplan" ? { 1: {} } : {},
    hurdle: [],
    notes: "",
  };
}

// --- evaluating a plan ------------------------------------------------------------------------------------

function yearsOfPlan(plan) {
  return Object.keys(plan.years).map(Number).sort((a, b) => a - b);
}

/** Whether a rule's `years` (3 meaning "3 and beyond") covers a plan year; no years means every year. */
export function ruleCovers(rule, year) {
  if (!rule.years || rule.years.length === 0) return true;
  return rule.years.some((y) => (y >= 3 ? year >= y : year === y));
}

function interventionsOf(version, coreElement) {
  return new Set(version.interventions.filter((i) => i.core_element === coreElement).map((i) => i.id));
}

function withTrait(version, trait) {
  return new Set(version.interventions.filter((i) => (i.traits || []).includes(trait)).map((i) => i.id));
}

function staffElements(version) {
  return new Set(version.rules.filter((r) => r.kind === "staff-expansion-needs-details" && r.core_element).map((r) => r.core_element));
}

function result(rule, year, status, reason, params = {}) {
  return { rule: rule.id, core_element: rule.core_element ?? null, year, status, reason, params };
}

/** Counting rules: how many of the core element's interventions have one of `actions` in `year`. */
function countRule(rule, plan, version, year, actions) {
  const inElement = interventionsOf(version, rule.core_element);
  const menu = new Set(plan.menu);
  const counted = Object.entries(plan.years[year] || {}).filter(
    ([id, choice]) => inElement.has(id) && actions.includes(choice.action) && (!rule.from_menu || menu.has(id)),
  );
  const count = counted.length;
  const params = { count, min: rule.min, year };
  return result(rule, year, count >= rule.min ? "met" : "not-met", count >= rule.min ? "reason_count_met" : "reason_count_short", params);
}

/** One evaluator per rule kind: (rule, plan, version) -> results. */
export const EVALUATORS = {
  "min-new-interventions": (rule, plan, version) =>
    yearsOfPlan(plan).filter((y) => ruleCovers(rule, y)).map((y) => countRule(rule, plan, version, y, ["implement"])),
  "min-active-interventions": (rule, plan, version) =>
    yearsOfPlan(plan).filter((y) => ruleCovers(rule, y)).map((y) => countRule(rule, plan, version, y, ACTIONS)),
  "new-or-deepened": (rule, plan, version) =>
    yearsOfPlan(plan).filter((y) => ruleCovers(rule, y)).map((y) => countRule(rule, plan, version, y, ["implement", "deepen"])),
  continued: (rule, plan, version) => {
    const inElement = interventionsOf(version, rule.core_element);
    return yearsOfPlan(plan).filter((y) => ruleCovers(rule, y)).map((year) => {
      const earlier = new Set();
      for (const y of yearsOfPlan(plan).filter((y2) => y2 < year)) {
        for (const [id, choice] of Object.entries(plan.years[y])) if (inElement.has(id) && choice.action !== undefined) earlier.add(id);
      }
      if (earlier.size === 0) return result(rule, year, "note", "reason_nothing_to_continue", { year });
      const now = plan.years[year] || {};
      const dropped = [...earlier].filter((id) => !now[id]);
      return dropped.length === 0
        ? result(rule, year, "met", "reason_continued", { year })
        : result(rule, year, "not-met", "reason_not_continued", { year, ids: dropped });
    });
  },
  optional: (rule) => [result(rule, null, "note", "reason_optional")],
  "never-sole-intervention": (rule, plan, version) => {
    const inElement = interventionsOf(version, rule.core_element);
    return yearsOfPlan(plan).filter((y) => ruleCovers(rule, y)).flatMap((year) => {
      const ids = Object.keys(plan.years[year] || {});
      if (!ids.some((id) => inElement.has(id))) return [];
      return ids.every((id) => inElement.has(id))
        ? [result(rule, year, "not-met", "reason_sole", { year })]
        : [result(rule, year, "met", "reason_not_sole", { year })];
    });
  },
  "deepening-needs-justification": (rule, plan) =>
    yearsOfPlan(plan).filter((y) => ruleCovers(rule, y)).flatMap((year) => {
      const deepened = Object.entries(plan.years[year] || {}).filter(([, c]) => c.action === "deepen");
      if (deepened.length === 0) return [];
      const missing = deepened.filter(([, c]) => !c.justification.trim()).map(([id]) => id);
      return [missing.length ? result(rule, year, "not-met", "reason_justification_missing", { year, ids: missing })
        : result(rule, year, "met", "reason_justified", { year })];
    }),
  "staff-expansion-needs-details": (rule, plan, version) => {
    const inElement = interventionsOf(version, rule.core_element);
    return yearsOfPlan(plan).filter((y) => ruleCovers(rule, y)).flatMap((year) => {
      const staff = Object.entries(plan.years[year] || {}).filter(([id]) => inElement.has(id));
      if (staff.length === 0) return [];
      const missing = staff.filter(([, c]) => !c.staff_type.trim() || !(c.hours > 0)).map(([id]) => id);
      return [missing.length ? result(rule, year, "not-met", "reason_staff_details_missing", { year, ids: missing })
        : result(rule, year, "met", "reason_staff_details", { year })];
    });
  },
  "one-off-training-one-year-per-caregiver": (rule, plan, version) => {
    const oneOff = withTrait(version, "one-off-training");
    const seen = new Map(); // "intervention|caregiver" -> first year
    const repeats = [];
    for (const year of yearsOfPlan(plan)) {
      for (const [id, choice] of Object.entries(plan.years[year])) {
        if (!oneOff.has(id)) continue;
        for (const caregiver of choice.caregivers) {
          const key = `${id}|${caregiver.trim().toLowerCase()}`;
          if (seen.has(key)) repeats.push({ id, caregiver, year, first: seen.get(key) });
          else seen.set(key, year);
        }
      }
    }
    if (seen.size === 0) return [];
    return repeats.length
      ? repeats.map((r) => result(rule, r.year, "not-met", "reason_training_repeated", { year: r.year, first: r.first, caregiver: r.caregiver, ids: [r.id] }))
      : [result(rule, null, "met", "reason_training_once")];
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
  "ict-not-deepened": (rule, plan, version) => {
    const ict = withTrait(version, "ict");
    return yearsOfPlan(plan).flatMap((year) =>
      Object.entries(plan.years[year])
        .filter(([id, c]) => ict.has(id) && c.action === "deepen")
        .map(([id]) => result(rule, year, "not-met", "reason_ict_deepened", { year, ids: [id] })),
    );
  },
  "menu-min-options": (rule, plan, version) => {
    const inElement = interventionsOf(version, rule.core_element);
    const count = plan.menu.filter((id) => inElement.has(id)).length;
    return [result(rule, null, count >= rule.min ? "met" : "not-met", count >= rule.min ? "reason_menu_met" : "reason_menu_short", { count, min: rule.min })];
  },
  "outside-menu-allowed": (rule, plan) => {
    const menu = new Set(plan.menu);
    const outside = new Set();
    for (const year of yearsOfPlan(plan)) for (const id of Object.keys(plan.years[year])) if (!menu.has(id)) outside.add(id);
    return outside.size ? [result(rule, null, "note", "reason_outside_menu", { ids: [...outside] })] : [];
  },
};

/**
 * Checks a plan against a version's rules for its kind. Returns one result per rule and year it applies to:
 * status "met", "not-met" or "note" (information, never a failure), with a reason key and parameters.
 * Rules of a kind this code does not know are reported as "unknown-rule" rather than skipped silently.
 */
export function evaluate(plan, version) {
  const results = [];
  for (const rule of version.rules) {
    if (rule.plan !== plan.kind) continue;
    const evaluator = EVALUATORS[rule.kind];
    if (!evaluator) {
      results.push(result(rule, null, "note", "reason_unknown_rule", { kind: rule.kind }));
      continue;
    }
    results.push(...evaluator(rule, plan, version));
  }
  return results;
}

/** Whether the staff-expansion core element's interventions need type and hours (for the form). */
export function staffInterventions(version) {
  const elements = staffElements(version);
  return new Set(version.interventions.filter((i) => elements.has(i.core_element)).map((i) => i.id));
}

export function oneOffTrainings(version) {
  return withTrait(version, "one-off-training");
}

// --- serialising ------------------------------------------------------------------------------------------

/** The plan as JSON text, with the guideline version it was made for (keys in a fixed order). */
export function toJson(plan) {
  return JSON.stringify(plan, null, 2) + "\n";
}

function csvCell(value) {
  const textValue = String(value ?? "");
  // A leading = + - @ would make spreadsheets run the cell as a formula.
  const safe = /^[=+\-@\t\r]/.test(textValue) ? `'${textValue}` : textValue;
  return /[",\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One row per choice: plan, version, year, core element, intervention, action and details (for spreadsheets). */
export function toCsv(plan, version, labels) {
  const titles = new Map(version.interventions.map((i) => [i.id, i.title]));
  const elements = new Map(version.core_elements.map((e) => [e.id, e.title]));
  const byId = new Map(version.interventions.map((i) => [i.id, i]));
  const rows = [labels.csv_header];
  if (plan.kind === "regioplan") {
    for (const id of plan.menu) {
      rows.push([plan.name, plan.guideline_version, "", elements.get(byId.get(id).core_element), id, titles.get(id), labels.menu, "", "", "", ""]);
    }
  }
  for (const year of yearsOfPlan(plan)) {
    for (const [id, c] of Object.entries(plan.years[year])) {
      rows.push([
        plan.name, plan.guideline_version, year, elements.get(byId.get(id).core_element), id, titles.get(id),
        labels.actions[c.action], c.justification, c.caregivers.join("; "), c.staff_type, c.hours ?? "",
      ]);
    }
  }
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

function mdText(value) {
  return String(value).replace(/([\\`*_[\]<>|#])/g, "\\$1");
}

/** A readable Markdown summary: choices per year and every rule result. */
export function toMarkdown(plan, version, results, labels) {
  const titles = new Map(version.interventions.map((i) => [i.id, i.title]));
  const rules = new Map(version.rules.map((r) => [r.id, r]));
  const lines = [`# ${mdText(plan.name)}`, "", `${labels.kind}: ${labels.kinds[plan.kind]} · ${labels.version}: ${mdText(version.label)}`, ""];
  if (plan.menu.length) {
    lines.push(`## ${labels.menu}`, "", ...plan.menu.map((id) => `- ${mdText(titles.get(id))}`), "");
  }
  for (const year of yearsOfPlan(plan)) {
    lines.push(`## ${labels.year(year)}`, "");
    const choices = Object.entries(plan.years[year]);
    if (choices.length === 0) lines.push(`- ${labels.nothing}`);
    for (const [id, c] of choices) {
      const extra = [c.justification, c.caregivers.join(", "), c.staff_type, c.hours ? `${c.hours} h` : ""].filter(Boolean).map(mdText);
      lines.push(`- ${mdText(titles.get(id))}: ${labels.actions[c.action]}${extra.length ? ` (${extra.join("; ")})` : ""}`);
    }
    lines.push("");
  }
  lines.push(`## ${labels.results}`, "");
  for (const r of results) {
    const rule = rules.get(r.rule);
    lines.push(`- ${labels.status[r.status]}: ${mdText(rule.summary)}${r.year ? ` (${labels.year(r.year)})` : ""}`);
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

// --- another version ---------------------------------------------------------------------------------------

/** The change set between two versions in either direction, as id -> {kind, to} seen from `from` to `to`. */
export function mapping(data, fromId, toId) {
  const forward = data.changes[`${fromId}-naar-${toId}`];
  const backward = data.changes[`${toId}-naar-${fromId}`];
  const out = new Map();
  if (forward) {
    for (const c of forward.changes) {
      if (c.kind === "removed") out.set(c.id, { kind: "gone", to: null });
      else if (["renamed", "moved", "changed", "merged", "uncertain"].includes(c.kind)) out.set(c.id, { kind: c.kind === "uncertain" ? "changed" : c.kind, to: c.id });
      for (const source of c.merged_from || []) out.set(source, { kind: "merged", to: c.id });
    }
  } else if (backward) {
    for (const c of backward.changes) {
      if (c.kind === "added") out.set(c.id, { kind: "gone", to: null });
      else if (["renamed", "moved", "changed", "merged", "uncertain"].includes(c.kind)) out.set(c.id, { kind: c.kind === "uncertain" ? "changed" : c.kind, to: c.id });
      if (c.merged_from && c.merged_from.length) out.set(c.id, { kind: "gone", to: null });
    }
  }
  return out;
}

/**
 * Carries a plan to another version: each choice is unchanged, changed, renamed, moved, merged (mapped to the
 * item that absorbed it) or gone. Returns the plan for the target version and the status of every choice.
 */
export function migrate(plan, data, targetId) {
  if (!Object.hasOwn(data.versions, targetId)) throw new PlanError("error_unknown_version", { version: targetId });
  const target = data.versions[targetId];
  const known = new Set(target.interventions.map((i) => i.id));
  const changes = mapping(data, plan.guideline_version, targetId);
  const statuses = new Map();
  const carry = (id) => {
    const change = changes.get(id);
    let status = change ? change.kind : "unchanged";
    let to = change ? change.to : id;
    if (to !== null && !known.has(to)) {
      status = "gone";
      to = null;
    }
    statuses.set(id, { status, to });
    return to;
  };
  const years = {};
  for (const year of yearsOfPlan(plan)) {
    years[year] = {};
    for (const [id, choice] of Object.entries(plan.years[year])) {
      const to = carry(id);
      if (to !== null && !years[year][to]) years[year][to] = { ...choice, caregivers: [...choice.caregivers] };
    }
  }
  const menu = [...new Set(plan.menu.map(carry).filter((id) => id !== null))];
  const hurdleIds = new Set(target.hurdle.map((h) => h.id));
  const migrated = { ...plan, guideline_version: targetId, menu, years, hurdle: plan.hurdle.filter((h) => hurdleIds.has(h)) };
  return { plan: migrated, statuses };
}
