// The plan checklist's page: wires the DOM of one root element to the pure core (core.mjs) and to storage
// (storage.mjs). All text from plans is set with textContent or form values, never as HTML. Listeners are attached
// to the root, which Material's instant navigation discards with the page, so they cannot pile up.
//
// What the user saved is never dropped: a stored plan that cannot be read is kept and shown as such, limits are
// enforced where plans enter (new, import, share link), a share link is opened as a preview until the user saves
// it, a change of guideline version is shown before it is applied, and deletions can be undone.

import {
  LIMITS, OTHER_TRAINING, PlanError, START_YEARS, calendarYear, chosenBefore, evaluate, followRegio, fromShareFragment,
  ictInterventions, isTraining, migrate, newChoice, newPlan, nextCustomId, nextYearChoices, parsePlan, practiceFrom,
  readPlan, regioChanged, samePlan, staffInterventions, titlesOf, toCsv, toJson, toMarkdown, toShareFragment,
  year2Elements, yearsOfPlan,
} from "./core.mjs";
import { download } from "./download.mjs";
import { planStore, safeLocalStorage } from "./storage.mjs";

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "text") node.textContent = value;
    // A textarea has no value attribute: the property is the only way to show what the user typed.
    else if (name === "value") node.value = String(value);
    else if (name in node && typeof value !== "string") node[name] = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

function format(template, params) {
  return template.replace(/\{(\w+)\}/g, (_, name) => (params[name] === undefined ? `{${name}}` : String(params[name])));
}

function fileName(name, version, extension) {
  const base = name.normalize("NFKD").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "plan";
  return `${base}${version ? `-${version}` : ""}.${extension}`;
}

function splitNames(value) {
  return value.split(",").map((c) => c.trim()).filter(Boolean).slice(0, LIMITS.caregivers);
}

/** Mounts the checklist on `root` (a `[data-gl-plan]` element); returns an unmount function. */
export async function mount(root, deps = {}) {
  if (root.dataset.glPlanMounted) return () => {};
  root.dataset.glPlanMounted = "true";
  const fetchData = deps.fetch ?? fetchOnce;
  let data;
  try {
    data = await fetchData(new URL(root.dataset.glPlanData, location.href).href);
  } catch {
    root.querySelector("[data-gl-plan-fallback]")?.removeAttribute("hidden");
    return () => {};
  }
  const s = data.strings;
  const store = planStore(
    deps.storage === undefined ? safeLocalStorage() : deps.storage,
    root.dataset.glPlanStore ?? "../../",
    (root.dataset.glPlanLegacy ?? "").split(" ").filter(Boolean),
    location.href,
  );

  // --- state ----------------------------------------------------------------------------------------------------
  const saved = store.load();
  /** Every stored plan, in order: {plan} when it reads, {raw, error} when it does not (kept, never dropped). */
  let entries = saved.plans.map((raw) => open(raw));
  let selected = Math.min(Math.max(Number(saved.selected) || 0, 0), Math.max(entries.length - 1, 0));
  let preview = null; // a plan from a share link, shown until saved or dismissed
  let pendingVersion = null; // {target, plan, statuses}: a change of version shown before it is applied
  let undo = null; // {label, restore}
  let recheck = null;
  let message = { text: "", kind: "info" };
  const invalid = new Map(); // data-key -> message
  let canSave = true;
  if (entries.length === 0) entries.push({ plan: newPlan(data, "praktijkplan", s.plan_default_name_praktijkplan) });
  // Plans of format 1 are saved migrated, plans brought over from an earlier key under the shared key; an entry
  // that does not read is written back exactly as it was.
  persist();

  function open(raw) {
    try {
      const plan = typeof raw === "string" ? parsePlan(raw, data) : readPlan(raw, data);
      return { plan };
    } catch (error) {
      return { raw, error };
    }
  }

  try {
    const shared = fromShareFragment(location.hash, data);
    if (shared) {
      preview = shared;
      message = { text: s.plan_message_shared, kind: "info" };
    }
  } catch (error) {
    message = { text: errorText(error), kind: "error" };
  }

  function errorText(error) {
    if (error instanceof PlanError) return format(s[`plan_${error.key}`] ?? s.plan_error_not_plan, error.params);
    return s.plan_error_not_plan;
  }

  const plan = () => preview ?? entries[selected]?.plan ?? null;
  const version = () => data.versions[plan().guideline_version];

  function persist() {
    canSave = store.save({ plans: entries.map((e) => e.plan ?? e.raw), selected });
  }

  function say(text, kind = "info") {
    message = { text, kind };
  }

  function roomFor(what) {
    if (entries.length < LIMITS.plans) return true;
    say(format(what === "new" ? s.plan_error_too_many_plans : s.plan_error_too_many_plans_import, { limit: LIMITS.plans }), "error");
    return false;
  }

  function labels() {
    return {
      csv_header: s.plan_csv_header.split("|"),
      menu: s.plan_menu, kind: s.plan_kind, version: s.plan_version,
      kinds: { regioplan: s.plan_kind_regioplan, praktijkplan: s.plan_kind_praktijkplan },
      actions: { implement: s.plan_action_implement, continue: s.plan_action_continue, deepen: s.plan_action_deepen },
      year: (year) => format(s.plan_year, { year }),
      nothing: s.plan_nothing_chosen, results: s.plan_results,
      status: { met: s.plan_status_met, "not-met": s.plan_status_not_met, note: s.plan_status_note, ask: s.plan_status_ask },
      year2: s.plan_year2, deepening: s.plan_deepening, custom: s.plan_custom, agreed: s.plan_custom_agreed,
      not_agreed: s.plan_custom_not_agreed, discussed: s.plan_deepening_discussed, notes: s.plan_notes,
      hurdle: s.plan_hurdle, ticked: s.plan_report_ticked, not_ticked: s.plan_report_not_ticked,
      reason: (r) => reasonText(r, titlesOf(plan(), version(), ownTitle)),
      page: (page) => format(s.plan_cite_page, { page }), cite_unknown: s.plan_cite_unknown,
      details: {
        organisation: s[`plan_organisation_${plan().kind}`], agb: s.plan_agb, start_year: s.plan_start_year, status: s.plan_status,
        author: s.plan_author, date: s.plan_date, follows: s.plan_follows_label,
        statuses: { draft: s.plan_status_draft, agreed: s.plan_status_agreed },
      },
    };
  }

  /** "Jaar 2 (2025)" when the plan says when the practice started. */
  function yearLabel(p, year) {
    const calendar = calendarYear(p, year);
    return calendar === null ? format(s.plan_year, { year }) : format(s.plan_year_calendar, { year, calendar });
  }

  // --- rendering ----------------------------------------------------------------------------------------------

  function interventionLink(intervention) {
    return element("a", { href: new URL(intervention.url, location.href).href, text: s.plan_read, "aria-label": `${s.plan_read}: ${intervention.title}` });
  }

  function idOf(key) {
    return `gl-plan-${key.replace(/[^\w-]/g, "-")}`;
  }

  function checkbox(key, labelText, checked) {
    const id = idOf(key);
    return [element("input", { type: "checkbox", id, checked, "data-key": key }), element("label", { for: id, text: labelText })];
  }

  function field(key, labelText, control) {
    control.id = idOf(key);
    control.dataset.key = key;
    return [element("label", { for: control.id, text: labelText }), control];
  }

  function textField(key, labelText, value, limit = LIMITS.name) {
    return field(key, labelText, element("input", { type: "text", maxlength: limit, value }));
  }

  function textArea(key, labelText, value) {
    return field(key, labelText, element("textarea", { rows: 2, maxlength: LIMITS.text, value }));
  }

  function select(key, labelText, options, value) {
    const control = element("select");
    for (const [optionValue, optionText] of options) control.append(element("option", { value: optionValue, selected: optionValue === value, text: optionText }));
    return field(key, labelText, control);
  }

  function ownTitle(c) {
    return `${c.title.trim() || s.plan_custom_untitled} (${s.plan_custom_badge})`;
  }

  function renderDetails(p) {
    const d = p.details;
    const box = element("fieldset", { class: "gl-plan-plan-details" }, element("legend", { text: s.plan_details }));
    const error = (key) => element("p", { id: `${idOf(key)}-error`, class: "gl-plan-field-error", role: "alert", text: invalid.get(key) ?? "" });
    const described = (control, key) => { control.setAttribute("aria-describedby", `${idOf(key)}-error`); return control; };
    const grid = element(
      "div", { class: "gl-plan-details" },
      ...textField("detail-organisation", s[`plan_organisation_${p.kind}`], d.organisation),
      ...field("detail-agb", s.plan_agb, described(element("input", { type: "text", inputmode: "numeric", maxlength: 20, autocomplete: "off", value: d.agb }), "detail-agb")),
      error("detail-agb"),
    );
    if (p.kind === "praktijkplan") {
      grid.append(
        ...field("detail-start", s.plan_start_year, described(element("input", { type: "number", min: START_YEARS.min, max: START_YEARS.max, step: 1, value: d.start_year ?? "" }), "detail-start")),
        error("detail-start"),
      );
    }
    const statuses = element("fieldset", { class: "gl-plan-answer" }, element("legend", { text: s.plan_status }));
    for (const status of ["draft", "agreed"]) {
      const id = idOf(`detail-status|${status}`);
      statuses.append(element("input", { type: "radio", id, name: idOf("detail-status"), value: status, checked: d.status === status, "data-key": "detail-status" }), element("label", { for: id, text: s[`plan_status_${status}`] }), " ");
    }
    grid.append(
      statuses,
      ...textField("detail-author", s.plan_author, d.author),
      ...field("detail-date", s.plan_date, element("input", { type: "date", value: d.date })),
    );
    box.append(grid);
    return box;
  }

  /** For a praktijkplan: which regioplan it follows, and whether that regioplan has changed since. */
  function renderFollows(p) {
    if (p.kind !== "praktijkplan" || !p.follows) return null;
    const box = element("div", { class: "gl-plan-follows" }, element("p", { text: format(s.plan_follows, { name: p.follows.name, date: p.follows.date || "—" }) }));
    const newer = regioplans().find((regio) => regioChanged(p, regio));
    if (newer) {
      box.classList.add("gl-plan-follows--changed");
      box.append(
        element("p", { role: "status", text: format(s.plan_follows_changed, { name: newer.name, date: newer.details.date || "—" }) }),
        element("button", { type: "button", class: "md-button", "data-act": "follow-regio", text: s.plan_follows_update }),
      );
    }
    return box;
  }

  /** The regioplans this browser knows: the saved ones and one opened from a share link. */
  function regioplans() {
    return [...(preview ? [preview] : []), ...entries.map((e) => e.plan).filter(Boolean)].filter((x) => x.kind === "regioplan");
  }

  function renderMenu(v, p) {
    const box = element("fieldset", { class: "gl-plan-menu" }, element("legend", { text: p.kind === "regioplan" ? s.plan_menu_regio : s.plan_menu_practice }));
    if (p.kind === "praktijkplan") box.append(element("p", { class: "gl-plan-help", text: s.plan_menu_help }));
    const year2 = year2Elements(v);
    for (const core of v.core_elements) {
      const group = element("fieldset", {}, element("legend", { text: core.title }));
      for (const i of v.interventions.filter((x) => x.core_element === core.id)) {
        const row = element("div", { class: "gl-plan-row" }, ...checkbox(`menu|${i.id}`, `${i.number}. ${i.title}`, p.menu.includes(i.id)), " ", interventionLink(i));
        if (p.kind === "regioplan" && year2.has(core.id) && p.menu.includes(i.id)) {
          row.append(" ", ...checkbox(`year2|${i.id}`, s.plan_year2, p.year2.includes(i.id)));
        }
        group.append(row);
      }
      box.append(group);
    }
    return box;
  }

  function renderCustom(v, p) {
    const box = element("fieldset", { class: "gl-plan-custom" }, element("legend", { text: s.plan_custom }), element("p", { class: "gl-plan-help", text: s.plan_custom_help }));
    const elements = [["", s.plan_custom_choose], ...v.core_elements.map((e) => [e.id, e.title])];
    for (const c of p.custom) {
      const inLine = [["", s.plan_custom_choose], ...v.interventions.filter((i) => i.core_element === c.core_element).map((i) => [i.id, `${i.number}. ${i.title}`])];
      const row = element(
        "div", { class: "gl-plan-details" },
        ...textField(`custom-title|${c.id}`, s.plan_custom_title, c.title),
        ...select(`custom-element|${c.id}`, s.plan_custom_element, elements, c.core_element),
        ...select(`custom-inline|${c.id}`, s.plan_custom_in_line, inLine, c.in_line_with),
        element("span", {}, ...checkbox(`custom-agreement|${c.id}`, s.plan_custom_agreement, c.insurer_agreement)),
        ...textArea(`custom-note|${c.id}`, s.plan_custom_note, c.note),
        element("button", { type: "button", class: "md-button", "data-act": `remove-custom|${c.id}`, text: s.plan_custom_remove }),
      );
      if (p.kind === "regioplan" && year2Elements(v).has(c.core_element)) row.append(element("span", {}, ...checkbox(`year2|${c.id}`, s.plan_year2, p.year2.includes(c.id))));
      box.append(row);
    }
    box.append(element("button", { type: "button", class: "md-button", "data-act": "add-custom", disabled: p.custom.length >= LIMITS.custom, text: s.plan_custom_add }));
    return box;
  }

  function renderDeepening(v, p) {
    const box = element("fieldset", { class: "gl-plan-deepening" }, element("legend", { text: s.plan_deepening }), element("p", { class: "gl-plan-help", text: s.plan_deepening_help }));
    const titles = titlesOf(p, v, ownTitle);
    for (const id of [...p.menu, ...p.custom.map((c) => c.id)]) {
      const entry = p.deepening[id];
      const row = element("div", { class: "gl-plan-row" }, ...checkbox(`deepening|${id}`, titles.get(id), Boolean(entry)));
      if (entry) {
        row.append(element(
          "div", { class: "gl-plan-details" },
          ...textArea(`deepening-justification|${id}`, s.plan_deepening_justification, entry.justification),
          element("span", {}, ...checkbox(`deepening-discussed|${id}`, s.plan_deepening_discussed, entry.discussed)),
        ));
      }
      box.append(row);
    }
    return box;
  }

  function renderTrainings(year, i, choice) {
    const box = element("fieldset", { class: "gl-plan-trainings" }, element("legend", { text: s.plan_trainings }));
    const options = [["", s.plan_training_unnamed], ...(i.trainings ?? []).map((t) => [t.key, t.label]), [OTHER_TRAINING, s.plan_training_other]];
    choice.trainings.forEach((t, n) => {
      const key = `${year}|${i.id}|${n}`;
      const row = element("div", { class: "gl-plan-training" }, ...select(`training-key|${key}`, s.plan_training_which, options, t.key));
      if (t.key === OTHER_TRAINING) row.append(...textField(`training-name|${key}`, s.plan_training_name, t.name));
      row.append(
        ...textField(`training-caregivers|${key}`, s.plan_training_caregivers, t.caregivers.join(", "), 600),
        element("button", { type: "button", class: "md-button", "data-act": `remove-training|${key}`, text: s.plan_training_remove }),
      );
      box.append(row);
    });
    box.append(element("button", { type: "button", class: "md-button", "data-act": `add-training|${year}|${i.id}`, disabled: choice.trainings.length >= LIMITS.trainings, text: s.plan_training_add }));
    return box;
  }

  function renderAnswer(key, legend, value) {
    const box = element("fieldset", { class: "gl-plan-answer" }, element("legend", { text: legend }));
    for (const [answer, label] of [["yes", s.plan_answer_yes], ["no", s.plan_answer_no], ["open", s.plan_answer_open]]) {
      const id = idOf(`${key}|${answer}`);
      const checked = (value === true && answer === "yes") || (value === false && answer === "no") || (value === null && answer === "open");
      box.append(element("input", { type: "radio", id, name: idOf(key), value: answer, checked, "data-key": key }), element("label", { for: id, text: label }), " ");
    }
    return box;
  }

  function renderChoice(v, p, year, i, inMenu) {
    const choice = p.years[year][i.id];
    const row = element("div", { class: "gl-plan-row" + (choice ? " gl-plan-row--chosen" : "") });
    row.append(...checkbox(`choose|${year}|${i.id}`, i.number ? `${i.number}. ${i.title}` : i.title, Boolean(choice)), " ");
    if (i.url) row.append(interventionLink(i));
    if (!inMenu && p.menu.length) row.append(element("span", { class: "gl-plan-outside", text: s.plan_outside_menu }));
    if (!choice) return row;
    const key = `${year}|${i.id}`;
    const details = element("div", { class: "gl-plan-details" });
    // Continuing or deepening needs an earlier choice of the same intervention ("een van de huidige interventies").
    const earlier = chosenBefore(p, i.id, year);
    const actions = ["implement", ...(earlier || choice.action === "continue" ? ["continue"] : []), ...(earlier || choice.action === "deepen" ? ["deepen"] : [])];
    details.append(...select(`action|${key}`, s.plan_action, actions.map((a) => [a, s[`plan_action_${a}`]]), choice.action));
    const staff = staffInterventions(v).has(i.id);
    if (choice.action === "deepen" || staff) {
      details.append(...textArea(`justification|${key}`, staff ? s.plan_staff_justification : s.plan_justification, choice.justification));
    }
    if (choice.action === "deepen") details.append(element("span", {}, ...checkbox(`regional|${key}`, s.plan_regional, choice.regional)));
    if (choice.action === "deepen" && ictInterventions(v).has(i.id)) details.append(renderAnswer(`fully|${key}`, s.plan_fully_implemented, choice.fully_implemented));
    if (isTraining(i) || (i.trainings ?? []).length) details.append(renderTrainings(year, i, choice));
    if (!isTraining(i)) details.append(...textField(`caregivers|${key}`, s.plan_caregivers, choice.caregivers.join(", "), 600));
    if (staff) {
      const hoursKey = `hours|${key}`;
      details.append(
        ...textField(`staff_type|${key}`, s.plan_staff_type, choice.staff_type),
        ...field(hoursKey, s.plan_hours, element("input", { type: "number", min: 0, max: LIMITS.hours, step: "0.5", value: choice.hours ?? "", "aria-describedby": `${idOf(hoursKey)}-error` })),
        element("p", { id: `${idOf(hoursKey)}-error`, class: "gl-plan-field-error", role: "alert", text: invalid.get(hoursKey) ?? "" }),
      );
    }
    row.append(details);
    return row;
  }

  function renderYears(v, p) {
    const out = element("div", { class: "gl-plan-years" });
    const menu = new Set([...p.menu, ...p.custom.map((c) => c.id)]);
    for (const year of yearsOfPlan(p)) {
      const section = element("fieldset", { class: "gl-plan-year" }, element("legend", { text: yearLabel(p, year) }));
      for (const core of v.core_elements) {
        const group = element("fieldset", {}, element("legend", { text: core.title }));
        const own = p.custom.filter((c) => c.core_element === core.id).map((c) => ({ id: c.id, title: ownTitle(c), trainings: [], traits: [] }));
        const items = [...v.interventions.filter((x) => x.core_element === core.id), ...own];
        const offered = p.menu.length ? items.filter((x) => menu.has(x.id)) : items;
        for (const i of offered) group.append(renderChoice(v, p, year, i, true));
        // With a menu, the rest of the guideline's interventions sit in a collapsed list (chosen ones stay open).
        const others = p.menu.length ? items.filter((x) => !menu.has(x.id)) : [];
        if (others.length) {
          const opened = others.some((x) => p.years[year][x.id]);
          const more = element("details", { open: opened }, element("summary", { text: format(s.plan_other_interventions, { count: others.length }) }));
          for (const i of others) more.append(renderChoice(v, p, year, i, false));
          group.append(more);
        }
        section.append(group);
      }
      out.append(section);
    }
    const count = Object.keys(p.years).length;
    out.append(
      element("button", { type: "button", class: "md-button", "data-act": "add-year", disabled: count >= LIMITS.years, text: s.plan_add_year }),
      " ",
      element("button", { type: "button", class: "md-button", "data-act": "remove-year", disabled: count <= 1, text: s.plan_remove_year }),
    );
    return out;
  }

  function renderHurdle(v, p) {
    const box = element("fieldset", { class: "gl-plan-hurdle" }, element("legend", { text: s.plan_hurdle }));
    for (const h of v.hurdle) {
      box.append(element("div", { class: "gl-plan-row" }, ...checkbox(`hurdle|${h.id}`, h.label, p.hurdle.includes(h.id)), " ", interventionLink({ url: h.url, title: h.label })));
    }
    return box;
  }

  function citation(rule) {
    if (!rule.cite) return element("p", { class: "gl-plan-cite gl-plan-cite--unknown", text: s.plan_cite_unknown });
    return element(
      "p", { class: "gl-plan-cite" },
      `${s.plan_cite}: `, element("q", { text: rule.cite.quote }), " (",
      element("a", { href: new URL(rule.cite.url, location.href).href, text: rule.cite.page ? format(s.plan_cite_page, { page: rule.cite.page }) : s.plan_read }),
      ")",
    );
  }

  function reasonText(r, titles) {
    const params = {
      ...r.params,
      ids: (r.params.ids || []).map((id) => titles.get(id) || id).join(", "),
      missing: (r.params.missing || []).map((m) => s[`plan_custom_missing_${m}`] ?? m).join(", "),
    };
    // A count of one takes the singular form where the language has one (`…_one`, as `ui()` in generator/i18n.py).
    const key = params.count === 1 && `plan_${r.reason}_one` in s ? `plan_${r.reason}_one` : `plan_${r.reason}`;
    return format(s[key] ?? r.reason, params);
  }

  function renderResults(v, p, results, heading = s.plan_results, prefix = "gl-plan-result") {
    const section = element("section", { class: "gl-plan-results", "aria-labelledby": `${prefix}s-heading` });
    section.append(element("h2", { id: `${prefix}s-heading`, text: heading }), element("p", { class: "gl-plan-help", text: s.plan_results_help }));
    if (v.completeness === "reconstructed") section.append(element("p", { class: "gl-plan-help gl-plan-reconstructed", text: format(s.plan_reconstructed, { version: v.label }) }));
    const rules = new Map(v.rules.map((r) => [r.id, r]));
    const titles = titlesOf(p, v, ownTitle);
    const groups = [...v.core_elements.map((c) => ({ id: c.id, title: c.title })), { id: null, title: s.plan_whole_plan }];
    for (const group of groups) {
      const mine = results.filter((r) => r.core_element === group.id);
      if (!mine.length) continue;
      const list = element("ul", { class: "gl-plan-result-list" });
      for (const r of mine) {
        const rule = rules.get(r.rule);
        list.append(element(
          "li", { id: `${prefix}-${results.indexOf(r)}`, class: `gl-plan-result gl-plan-result--${r.status}`, "data-rule": r.rule },
          element("strong", { text: `${s[`plan_status_${r.status.replace("-", "_")}`]}${r.year ? ` (${format(s.plan_year, { year: r.year })})` : ""}: ` }),
          reasonText(r, titles), " ",
          element("a", { href: new URL(rule.url, location.href).href, text: rule.summary }),
          citation(rule),
        ));
      }
      section.append(element("h3", { text: group.title }), list);
    }
    return section;
  }

  function statusTable(from, to, statuses, caption) {
    const titles = new Map([...from.interventions, ...to.interventions].map((i) => [i.id, i.title]));
    const table = element("table", {}, element("caption", { text: caption }));
    table.append(element("thead", {}, element("tr", {}, element("th", { scope: "col", text: s.plan_recheck_choice }), element("th", { scope: "col", text: s.plan_recheck_status }))));
    const body = element("tbody");
    for (const [id, { status, to: target }] of statuses) {
      const note = target && target !== id ? ` → ${titles.get(target)}` : "";
      body.append(element("tr", { class: `gl-plan-migrated--${status}` }, element("td", { text: titles.get(id) || id }), element("td", { text: s[`plan_migrated_${status}`] + note })));
    }
    table.append(body);
    return statuses.size ? table : element("p", { text: s.plan_nothing_chosen });
  }

  function renderRecheck(v) {
    const section = element("section", { class: "gl-plan-recheck", "aria-labelledby": "gl-plan-recheck-heading" });
    section.append(element("h2", { id: "gl-plan-recheck-heading", text: s.plan_recheck }), element("p", { class: "gl-plan-help", text: s.plan_recheck_help }));
    const options = Object.values(data.versions).filter((o) => o.id !== v.id).map((o) => [o.id, o.label]);
    const [label, control] = select("recheck-version", s.plan_recheck_version, options, recheck?.target);
    control.id = "gl-plan-recheck-version";
    label.htmlFor = control.id;
    section.append(label, control, " ", element("button", { type: "button", class: "md-button", "data-act": "recheck", text: s.plan_recheck_button }));
    if (recheck) {
      const target = data.versions[recheck.target];
      for (const which of [v, target]) {
        if (which.completeness === "reconstructed") section.append(element("p", { class: "gl-plan-help gl-plan-reconstructed", text: format(s.plan_reconstructed, { version: which.label }) }));
      }
      section.append(statusTable(v, target, recheck.statuses, format(s.plan_recheck_caption, { from: v.label, to: target.label })));
      section.append(renderResults(target, recheck.plan, evaluate(recheck.plan, target), format(s.plan_recheck_results, { version: target.label }), "gl-plan-recheck-result"));
    }
    return section;
  }

  function renderVersionPreview(v) {
    const target = data.versions[pendingVersion.target];
    return element(
      "section", { class: "gl-plan-version-preview", role: "region", "aria-label": format(s.plan_version_preview, { version: target.label }) },
      element("p", { text: format(s.plan_version_preview, { version: target.label }) }),
      statusTable(v, target, pendingVersion.statuses, format(s.plan_recheck_caption, { from: v.label, to: target.label })),
      element("button", { type: "button", class: "md-button md-button--primary", "data-act": "version-apply", text: s.plan_version_apply }),
      " ",
      element("button", { type: "button", class: "md-button", "data-act": "version-cancel", text: s.plan_version_cancel }),
    );
  }

  /** The verdicts at a glance, next to the form: counts, a link to each open rule, what each count counted. */
  function renderSummary(v, p, results) {
    const titles = titlesOf(p, v, ownTitle);
    const count = (status) => results.filter((r) => r.status === status).length;
    const box = element(
      "aside", { class: "gl-plan-summary", "aria-labelledby": "gl-plan-summary-heading" },
      element("h2", { id: "gl-plan-summary-heading", text: s.plan_summary }),
      element("p", { text: format(s.plan_summary_counts, { met: count("met"), open: count("not-met"), ask: count("ask") }) }),
    );
    const open = results.filter((r) => r.status === "not-met" || r.status === "ask");
    if (!open.length) box.append(element("p", { text: s.plan_summary_all_met }));
    const list = element("ul", { class: "gl-plan-summary-list" });
    for (const r of open) {
      const label = `${s[`plan_status_${r.status.replace("-", "_")}`]}${r.year ? ` (${yearLabel(p, r.year)})` : ""}: ${reasonText(r, titles)}`;
      list.append(element("li", { class: `gl-plan-result--${r.status}` }, element("a", { href: `#gl-plan-result-${results.indexOf(r)}`, text: label })));
    }
    const counted = results.filter((r) => r.status === "met" && r.params.ids?.length && r.params.count !== undefined);
    for (const r of counted) {
      const rule = v.rules.find((x) => x.id === r.rule);
      const element_ = v.core_elements.find((e) => e.id === r.core_element);
      list.append(element("li", { class: "gl-plan-result--met", text: `${element_ ? element_.title : rule.summary}${r.year ? ` (${yearLabel(p, r.year)})` : ""}, ${format(s.plan_summary_counted, { ids: r.params.ids.map((id) => titles.get(id) ?? id).join(", ") })}` }));
    }
    box.append(list);
    return box;
  }

  function renderPrint(v, p, results) {
    const summary = element("section", { class: "gl-plan-print", "aria-hidden": "true" });
    summary.append(
      element("h2", { text: p.name }),
      element("p", { text: `${s.plan_kind}: ${s[`plan_kind_${p.kind}`]} · ${s.plan_version}: ${v.label} · ${new Date().toISOString().slice(0, 10)} · ${location.href.split("#")[0]}` }),
    );
    const titles = titlesOf(p, v, ownTitle);
    const d = p.details;
    const details = [
      [s[`plan_organisation_${p.kind}`], d.organisation], [s.plan_agb, d.agb], [s.plan_start_year, d.start_year ?? ""],
      [s.plan_status, s[`plan_status_${d.status}`]], [s.plan_author, d.author], [s.plan_date, d.date],
      [s.plan_follows_label, p.follows ? `${p.follows.name} (${p.follows.date || "—"})` : ""],
    ].filter(([, value]) => String(value).trim());
    summary.append(element("p", { text: details.map(([label, value]) => `${label}: ${value}`).join(" · ") }));
    if (p.menu.length) summary.append(element("p", { text: `${s.plan_menu}: ${p.menu.map((id) => `${titles.get(id)}${p.year2.includes(id) ? ` (${s.plan_year2})` : ""}`).join("; ")}` }));
    for (const c of p.custom) summary.append(element("p", { text: `${ownTitle(c)}: ${c.insurer_agreement ? s.plan_custom_agreed : s.plan_custom_not_agreed}${c.note ? ` · ${c.note}` : ""}` }));
    for (const [id, d] of Object.entries(p.deepening)) summary.append(element("p", { text: `${s.plan_deepening}: ${titles.get(id)}: ${d.justification || (d.discussed ? s.plan_deepening_discussed : "—")}` }));
    for (const year of yearsOfPlan(p)) {
      const chosen = Object.entries(p.years[year]).map(([id, c]) => {
        const extra = [c.justification, c.caregivers.join(", "), ...c.trainings.map((t) => t.caregivers.join(", ")), c.staff_type, c.hours ? `${c.hours} h` : ""].filter(Boolean);
        return `${titles.get(id)} (${s[`plan_action_${c.action}`]}${extra.length ? `: ${extra.join("; ")}` : ""})`;
      });
      summary.append(element("p", { text: `${format(s.plan_year, { year })}: ${chosen.join("; ") || s.plan_nothing_chosen}` }));
    }
    if (p.notes) summary.append(element("p", { text: `${s.plan_notes}: ${p.notes}` }));
    const met = results.filter((r) => r.status === "met").length;
    const open = results.filter((r) => r.status === "not-met" || r.status === "ask");
    summary.append(element("p", { text: format(s.plan_print_results, { met, open: open.length }) }));
    const rules = new Map(v.rules.map((r) => [r.id, r]));
    const list = element("ul");
    for (const r of open) {
      const rule = rules.get(r.rule);
      const sentence = rule.cite ? ` ${s.plan_cite}: “${rule.cite.quote}” (${format(s.plan_cite_page, { page: rule.cite.page })})` : "";
      list.append(element("li", { text: `${s[`plan_status_${r.status.replace("-", "_")}`]}: ${reasonText(r, titles)} (${rule.summary})${sentence}` }));
    }
    summary.append(list, element("p", { text: `${s.plan_hurdle}: ${v.hurdle.map((h) => `${p.hurdle.includes(h.id) ? "☑" : "☐"} ${h.label}`).join("  ")}` }));
    return summary;
  }

  function renderBar() {
    const planSelect = element("select", { id: "gl-plan-select", "data-key": "select-plan", disabled: Boolean(preview) });
    entries.forEach((entry, index) => planSelect.append(element("option", {
      value: String(index), selected: index === selected,
      text: entry.plan ? `${entry.plan.name} (${s[`plan_kind_${entry.plan.kind}`]}, ${data.versions[entry.plan.guideline_version].label})` : format(s.plan_broken_option, { number: index + 1 }),
    })));
    return element(
      "div", { class: "gl-plan-bar" },
      element("label", { for: "gl-plan-select", text: s.plan_saved_plans }), planSelect,
      element("button", { type: "button", class: "md-button", "data-act": "new-praktijkplan", text: s.plan_new_praktijkplan }),
      element("button", { type: "button", class: "md-button", "data-act": "new-regioplan", text: s.plan_new_regioplan }),
      element("button", { type: "button", class: "md-button", "data-act": "delete", disabled: Boolean(preview), text: s.plan_delete }),
    );
  }

  function renderMessage() {
    const box = element("div", { class: `gl-plan-message gl-plan-message--${message.kind}`, role: message.kind === "error" ? "alert" : "status" });
    if (message.text) box.append(element("span", { text: message.text }));
    if (undo) box.append(" ", element("button", { type: "button", class: "md-button", "data-act": "undo", text: s.plan_undo }));
    return box;
  }

  function renderBroken(entry) {
    return element(
      "section", { class: "gl-plan-broken", role: "region", "aria-label": format(s.plan_broken_option, { number: selected + 1 }) },
      element("p", { text: format(s.plan_broken, { error: errorText(entry.error) }) }),
      element("button", { type: "button", class: "md-button", "data-act": "download-broken", text: s.plan_broken_download }),
    );
  }

  function renderForm(v, p) {
    const versionOptions = Object.values(data.versions).map((o) => [o.id, o.label]);
    const kinds = element("fieldset", { class: "gl-plan-kind" }, element("legend", { text: s.plan_kind }));
    for (const kind of ["regioplan", "praktijkplan"]) {
      const id = `gl-plan-kind-${kind}`;
      kinds.append(element("input", { type: "radio", name: "gl-plan-kind", id, value: kind, checked: p.kind === kind, "data-key": "kind" }), element("label", { for: id, text: s[`plan_kind_${kind}`] }), " ");
    }
    const [nameLabel, nameInput] = textField("name", s.plan_name, p.name);
    const [versionLabel, versionSelect] = select("version", s.plan_version, versionOptions, pendingVersion?.target ?? v.id);
    const form = element("form", { class: "gl-plan-form", "aria-label": s.plan_form }, nameLabel, nameInput, kinds, versionLabel, versionSelect);
    if (pendingVersion) form.append(renderVersionPreview(v));
    if (v.status !== "current") form.append(element("p", { class: "gl-plan-help", text: format(s.plan_old_version, { version: v.label }) }));
    if (v.completeness === "reconstructed") form.append(element("p", { class: "gl-plan-help gl-plan-reconstructed", text: format(s.plan_reconstructed, { version: v.label }) }));
    form.append(renderDetails(p), renderFollows(p) ?? "", renderMenu(v, p), renderCustom(v, p));
    if (p.kind === "regioplan") {
      form.append(
        renderDeepening(v, p),
        element("p", {}, element("button", { type: "button", class: "md-button md-button--primary", "data-act": "practice-from", text: s.plan_practice_from })),
      );
    }
    if (p.kind === "praktijkplan") form.append(renderYears(v, p));
    form.append(renderHurdle(v, p), ...textArea("notes", s.plan_notes, p.notes));
    return form;
  }

  function renderExports() {
    return element(
      "section", { class: "gl-plan-export", "aria-labelledby": "gl-plan-export-heading" },
      element("h2", { id: "gl-plan-export-heading", text: s.plan_export }),
      element("p", { class: "gl-plan-help", text: s.plan_privacy }),
      ...["print", "json", "csv", "markdown", "share"].map((act) => element("button", {
        type: "button", class: "md-button", "data-act": act, text: s[{ print: "plan_print", json: "plan_export_json", csv: "plan_export_csv", markdown: "plan_export_markdown", share: "plan_share" }[act]],
      })),
      element("label", { for: "gl-plan-import", text: s.plan_import }),
      element("input", { id: "gl-plan-import", type: "file", accept: "application/json,.json", "data-key": "import" }),
    );
  }

  function render() {
    const focused = document.activeElement?.dataset?.key || document.activeElement?.dataset?.act;
    const app = element("div", { class: "gl-plan-app" });
    app.append(renderMessage());
    if (!canSave) app.append(element("p", { class: "gl-plan-message gl-plan-message--error", text: s.plan_cannot_save }));
    app.append(renderBar());
    if (preview) {
      app.append(element(
        "section", { class: "gl-plan-shared", role: "region", "aria-label": s.plan_shared_preview },
        element("p", { text: s.plan_shared_preview }),
        element("button", { type: "button", class: "md-button md-button--primary", "data-act": "shared-save", text: s.plan_shared_save }),
        " ",
        element("button", { type: "button", class: "md-button", "data-act": "shared-dismiss", text: s.plan_shared_dismiss }),
      ));
    }
    const p = plan();
    if (p === null) {
      app.append(renderBroken(entries[selected]));
    } else {
      const v = version();
      const results = evaluate(p, v);
      app.append(
        element("div", { class: "gl-plan-layout" }, renderSummary(v, p, results), renderForm(v, p)),
        renderResults(v, p, results), renderExports(), renderRecheck(v), renderPrint(v, p, results),
      );
    }
    root.querySelector("[data-gl-plan-app]").replaceChildren(app);
    if (focused) root.querySelector(`[data-key="${CSS.escape(focused)}"], [data-act="${CSS.escape(focused)}"]`)?.focus();
  }

  function refreshResults() {
    const p = plan();
    const v = version();
    const results = evaluate(p, v);
    root.querySelector(".gl-plan-results")?.replaceWith(renderResults(v, p, results));
    root.querySelector(".gl-plan-summary")?.replaceWith(renderSummary(v, p, results));
    root.querySelector(".gl-plan-print")?.replaceWith(renderPrint(v, p, results));
  }

  // --- events ---------------------------------------------------------------------------------------------

  function customOf(p, id) {
    return p.custom.find((c) => c.id === id);
  }

  /** Applies one form change to the plan; returns whether anything changed. */
  function update(key, target) {
    const p = plan();
    const [what, a, b, c] = key.split("|");
    const choice = a && b ? p.years[a]?.[b] : null;
    const training = choice && c !== undefined ? choice.trainings[Number(c)] : null;
    switch (what) {
      case "name": p.name = target.value.slice(0, LIMITS.name); break;
      case "notes": p.notes = target.value.slice(0, LIMITS.text); break;
      case "kind": changeKind(p, target.value); break;
      case "detail-organisation": p.details.organisation = target.value.slice(0, LIMITS.name); break;
      case "detail-author": p.details.author = target.value.slice(0, LIMITS.name); break;
      case "detail-status": p.details.status = target.value; break;
      case "detail-date": p.details.date = target.value; break;
      case "detail-agb": return checked(key, /^([0-9]{8})?$/.test(target.value.trim()), s.plan_agb_invalid, () => { p.details.agb = target.value.trim(); });
      case "detail-start": {
        const year = target.value === "" ? null : Number(target.value);
        const ok = year === null || (Number.isInteger(year) && year >= START_YEARS.min && year <= START_YEARS.max);
        return checked(key, ok, format(s.plan_start_year_invalid, START_YEARS), () => { p.details.start_year = year; });
      }
      case "menu": toggle(p.menu, a, target.checked); if (!target.checked) toggle(p.year2, a, false); break;
      case "year2": toggle(p.year2, a, target.checked); break;
      case "hurdle": toggle(p.hurdle, a, target.checked); break;
      case "deepening": if (target.checked) p.deepening[a] = { justification: "", discussed: false }; else delete p.deepening[a]; break;
      case "deepening-justification": if (p.deepening[a]) p.deepening[a].justification = target.value.slice(0, LIMITS.text); break;
      case "deepening-discussed": if (p.deepening[a]) p.deepening[a].discussed = target.checked; break;
      case "custom-title": customOf(p, a).title = target.value.slice(0, LIMITS.name); break;
      case "custom-note": customOf(p, a).note = target.value.slice(0, LIMITS.text); break;
      case "custom-element": Object.assign(customOf(p, a), { core_element: target.value, in_line_with: "" }); break;
      case "custom-inline": customOf(p, a).in_line_with = target.value; break;
      case "custom-agreement": customOf(p, a).insurer_agreement = target.checked; break;
      case "choose":
        if (target.checked) p.years[a][b] = newChoice();
        else delete p.years[a][b];
        break;
      case "action": if (choice) choice.action = target.value; break;
      case "justification": if (choice) choice.justification = target.value.slice(0, LIMITS.text); break;
      case "regional": if (choice) choice.regional = target.checked; break;
      case "fully": if (choice) choice.fully_implemented = { yes: true, no: false }[target.value] ?? null; break;
      case "caregivers": if (choice) choice.caregivers = splitNames(target.value); break;
      case "staff_type": if (choice) choice.staff_type = target.value.slice(0, LIMITS.name); break;
      case "hours": return choice ? updateHours(key, target.value, choice) : false;
      case "training-key": if (training) Object.assign(training, { key: target.value, name: target.value === OTHER_TRAINING ? training.name : "" }); break;
      case "training-name": if (training) training.name = target.value.slice(0, LIMITS.name); break;
      case "training-caregivers": if (training) training.caregivers = splitNames(target.value); break;
      default: return false;
    }
    return true;
  }

  /** A field refused where it is typed: a visible message, nothing stored, and the last valid value kept. */
  function checked(key, ok, problem, store) {
    const error = root.querySelector(`#${CSS.escape(idOf(key))}-error`);
    if (!ok) {
      invalid.set(key, problem);
      if (error) error.textContent = problem;
      return false;
    }
    invalid.delete(key);
    if (error) error.textContent = "";
    store();
    return true;
  }

  /** A plan whose kind changes keeps its name, unless it is still the other kind's default name. */
  function changeKind(p, kind) {
    if (p.name === s[`plan_default_name_${p.kind}`]) p.name = s[`plan_default_name_${kind}`];
    p.kind = kind;
    if (p.kind === "praktijkplan" && !Object.keys(p.years).length) p.years = { 1: {} };
  }

  /** Out-of-range hours get a visible message and are not stored; the last valid value stays (and is named). */
  function updateHours(key, value, choice) {
    const hours = value === "" ? null : Number(value);
    const error = root.querySelector(`#${CSS.escape(idOf(key))}-error`);
    if (hours !== null && (!Number.isFinite(hours) || hours < 0 || hours > LIMITS.hours)) {
      const textValue = format(s.plan_hours_invalid, { max: LIMITS.hours, value: choice.hours ?? "—" });
      invalid.set(key, textValue);
      if (error) error.textContent = textValue;
      return false;
    }
    invalid.delete(key);
    if (error) error.textContent = "";
    choice.hours = hours;
    return true;
  }

  function toggle(list, id, on) {
    const index = list.indexOf(id);
    if (on && index < 0) list.push(id);
    if (!on && index >= 0) list.splice(index, 1);
  }

  function addPlan(newOne, text) {
    // The empty plan a first visit starts with makes way for the first real one.
    const untouched = entries.length === 1 && entries[0].plan && samePlan(entries[0].plan, newPlan(data, "praktijkplan", s.plan_default_name_praktijkplan));
    if (untouched) entries.pop();
    entries.push({ plan: newOne });
    selected = entries.length - 1;
    recheck = null;
    pendingVersion = null;
    undo = null;
    say(text);
  }

  async function importFile(file) {
    if (!roomFor("import")) return;
    if (file.size > LIMITS.bytes) {
      say(format(s.plan_error_too_large, { limit: LIMITS.bytes }), "error");
      return;
    }
    try {
      const imported = parsePlan(await file.text(), data);
      const names = new Set(entries.filter((e) => e.plan).map((e) => e.plan.name));
      if (names.has(imported.name)) imported.name = `${imported.name} (${s.plan_imported})`.slice(0, LIMITS.name);
      addPlan(imported, format(s.plan_message_imported, { name: imported.name }));
      persist();
    } catch (error) {
      say(errorText(error), "error");
    }
  }

  function clearShareFragment() {
    if (/^#plan=/.test(location.hash)) history.replaceState(history.state, "", location.href.split("#")[0]);
  }

  function changeVersion(target) {
    const { plan: moved, statuses } = migrate(plan(), data, target);
    const lossless = [...statuses.values()].every((st) => st.status === "unchanged");
    if (lossless) {
      applyVersion(moved);
    } else {
      pendingVersion = { target, plan: moved, statuses };
    }
  }

  function applyVersion(moved) {
    if (preview) preview = moved;
    else entries[selected] = { plan: moved };
    pendingVersion = null;
    recheck = null;
    say(format(s.plan_message_version_changed, { version: data.versions[moved.guideline_version].label }));
  }

  const onChange = (event) => {
    const key = event.target.dataset?.key;
    if (!key) return;
    if (key === "import") {
      const file = event.target.files?.[0];
      if (file) importFile(file).then(render);
      return;
    }
    // Texts are handled as they are typed (onInput); re-rendering the form when one loses focus would replace
    // the field the focus moves to.
    if (key === "recheck-version" || TYPED.test(key)) return;
    if (key === "select-plan") {
      selected = Number(event.target.value);
      recheck = null;
      pendingVersion = null;
      say("");
    } else if (key === "version") {
      changeVersion(event.target.value);
    } else if (!update(key, event.target)) {
      return;
    }
    if (!preview) persist();
    render();
  };

  const onInput = (event) => {
    const key = event.target.dataset?.key;
    if (!key || !TYPED.test(key)) return;
    if (!update(key, event.target)) return;
    if (!preview) persist();
    const p = plan();
    if (key === "name" && !preview) {
      const option = root.querySelector(`#gl-plan-select option[value="${selected}"]`);
      if (option) option.textContent = `${p.name} (${s[`plan_kind_${p.kind}`]}, ${data.versions[p.guideline_version].label})`;
    }
    refreshResults();
  };

  const actions = {
    "new-praktijkplan": () => roomFor("new") && addPlan(newPlan(data, "praktijkplan", `${s.plan_kind_praktijkplan} ${entries.length + 1}`), ""),
    "new-regioplan": () => roomFor("new") && addPlan(newPlan(data, "regioplan", `${s.plan_kind_regioplan} ${entries.length + 1}`), ""),
    delete: () => {
      const at = selected;
      const [removed] = entries.splice(at, 1);
      // The last plan gone: an empty one takes its place, and goes again on undo if it was not touched.
      const placeholder = entries.length ? null : { plan: newPlan(data, "praktijkplan", s.plan_default_name_praktijkplan) };
      const untouched = placeholder && structuredClone(placeholder.plan);
      if (placeholder) entries.push(placeholder);
      selected = Math.max(0, at - 1);
      recheck = null;
      pendingVersion = null;
      undo = {
        restore: () => {
          if (placeholder && entries.length === 1 && entries[0] === placeholder && samePlan(placeholder.plan, untouched)) entries.pop();
          selected = Math.min(at, entries.length);
          entries.splice(selected, 0, removed);
        },
      };
      say(s.plan_message_deleted);
    },
    undo: () => {
      undo?.restore();
      undo = null;
      say(s.plan_message_restored);
    },
    "add-year": () => {
      const p = plan();
      const next = Math.max(0, ...Object.keys(p.years).map(Number)) + 1;
      // A new year starts from the year before (continued), so the user changes only what is new.
      if (next <= LIMITS.years) p.years[next] = nextYearChoices(p, next);
    },
    "remove-year": () => {
      const p = plan();
      const last = Math.max(...Object.keys(p.years).map(Number));
      if (Object.keys(p.years).length <= 1) return;
      const removed = p.years[last];
      delete p.years[last];
      undo = { restore: () => { p.years[last] = removed; } };
      say(format(s.plan_message_year_removed, { year: last }));
    },
    "add-custom": () => {
      const p = plan();
      if (p.custom.length < LIMITS.custom) p.custom.push({ id: nextCustomId(p), title: "", core_element: "", in_line_with: "", insurer_agreement: false, note: "" });
    },
    "remove-custom": (id) => {
      const p = plan();
      const at = p.custom.findIndex((c) => c.id === id);
      if (at < 0) return;
      const snapshot = structuredClone(p);
      p.custom.splice(at, 1);
      for (const year of Object.values(p.years)) delete year[id];
      delete p.deepening[id];
      toggle(p.year2, id, false);
      undo = { restore: () => { Object.assign(p, snapshot); } };
      say(s.plan_message_deleted);
    },
    "add-training": (year, id) => {
      const choice = plan().years[year]?.[id];
      if (choice && choice.trainings.length < LIMITS.trainings) choice.trainings.push({ key: "", name: "", caregivers: [] });
    },
    "remove-training": (year, id, index) => {
      const choice = plan().years[year]?.[id];
      if (!choice) return;
      const [removed] = choice.trainings.splice(Number(index), 1);
      undo = { restore: () => choice.trainings.splice(Number(index), 0, removed) };
      say(s.plan_message_deleted);
    },
    "practice-from": () => {
      const regio = plan();
      if (!roomFor("new")) return;
      const practice = practiceFrom(regio, s.plan_default_name_praktijkplan);
      preview = null;
      clearShareFragment();
      addPlan(practice, format(s.plan_message_practice_from, { name: practice.name, regio: regio.name }));
    },
    "follow-regio": () => {
      const p = plan();
      const newer = regioplans().find((regio) => regioChanged(p, regio));
      if (!newer) return;
      const updated = followRegio(p, newer);
      if (preview) preview = updated;
      else entries[selected] = { plan: updated };
      say(s.plan_message_followed);
    },
    "version-apply": () => pendingVersion && applyVersion(pendingVersion.plan),
    "version-cancel": () => { pendingVersion = null; },
    "shared-save": () => {
      clearShareFragment();
      const existing = entries.findIndex((e) => e.plan && samePlan(e.plan, preview));
      if (existing >= 0) {
        selected = existing;
        preview = null;
        say(s.plan_message_shared_exists);
      } else if (roomFor("import")) {
        const shared = preview;
        preview = null;
        addPlan(shared, s.plan_message_shared_saved);
      }
    },
    "shared-dismiss": () => {
      clearShareFragment();
      preview = null;
      say("");
    },
    recheck: () => {
      const target = root.querySelector("#gl-plan-recheck-version")?.value;
      if (target) recheck = { target, ...migrate(plan(), data, target) };
    },
  };

  const exportsOf = {
    print: () => window.print(),
    json: (p) => download(fileName(p.name, p.guideline_version, "json"), "application/json", toJson(p)),
    csv: (p, v) => download(fileName(p.name, p.guideline_version, "csv"), "text/csv", "\ufeff" + toCsv(p, v, evaluate(p, v), labels())),
    markdown: (p, v) => download(fileName(p.name, p.guideline_version, "md"), "text/markdown", toMarkdown(p, v, evaluate(p, v), labels())),
    "download-broken": () => {
      const entry = entries[selected];
      download(fileName("plan", "", "txt"), "text/plain", typeof entry.raw === "string" ? entry.raw : JSON.stringify(entry.raw, null, 2));
    },
  };

  const onClick = async (event) => {
    const button = event.target.closest?.("[data-act]");
    if (!button) return;
    const [act, ...args] = button.dataset.act.split("|");
    if (exportsOf[act]) {
      exportsOf[act](plan(), plan() && version());
      return;
    }
    if (act === "share") {
      await share();
      return;
    }
    if (!actions[act]) return;
    const restore = undo;
    undo = null; // an undo offers to restore the last deletion only; the actions that delete offer a new one
    if (act === "undo") undo = restore;
    actions[act](...args);
    if (!preview) persist();
    render();
  };

  async function share() {
    const link = `${location.href.split("#")[0]}#${toShareFragment(plan())}`;
    try {
      await navigator.clipboard.writeText(link);
      say(s.plan_message_link_copied);
    } catch {
      say(s.plan_message_link_shown);
    }
    render();
    root.querySelector(".gl-plan-export").append(element("label", { for: "gl-plan-link", text: s.plan_share_link }), element("input", { id: "gl-plan-link", type: "text", readonly: true, value: link, "data-share-link": "" }));
  }

  const onSubmit = (event) => event.preventDefault();
  root.addEventListener("change", onChange);
  root.addEventListener("input", onInput);
  root.addEventListener("click", onClick);
  root.addEventListener("submit", onSubmit);
  render();
  root.dataset.glPlanReady = "true";
  return () => {
    root.removeEventListener("change", onChange);
    root.removeEventListener("input", onInput);
    root.removeEventListener("click", onClick);
    root.removeEventListener("submit", onSubmit);
    delete root.dataset.glPlanMounted;
  };
}

// The data is fetched once per page load and kept, so the checklist keeps working offline after instant
// navigation away and back.
const loaded = new Map();
function fetchOnce(url) {
  if (!loaded.has(url)) {
    loaded.set(url, fetch(url).then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).catch((error) => {
      loaded.delete(url);
      throw error;
    }));
  }
  return loaded.get(url);
}

const TYPED = /^(name|notes|detail-organisation|detail-author|justification|caregivers|staff_type|hours|training-name|training-caregivers|custom-title|custom-note|deepening-justification)(\||$)/;
