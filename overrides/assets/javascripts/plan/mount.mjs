// The plan checklist's page: wires the DOM of one root element to the pure core (core.mjs) and to storage.
// All text from plans is set with textContent or form values, never as HTML. Listeners are attached to the
// root, which Material's instant navigation discards with the page, so they cannot pile up.

import {
  ACTIONS, LIMITS, PlanError, evaluate, fromShareFragment, migrate, newPlan, oneOffTrainings, parsePlan, readPlan,
  staffInterventions, toCsv, toJson, toMarkdown, toShareFragment,
} from "./core.mjs";

// --- storage (swallows quota and privacy errors, as Material's __md_set does) ---------------------------------

export function storageFor(root, storage) {
  const key = `mtvp-plans:${new URL(root.dataset.glPlanData, location.href).pathname.replace(/[^/]*$/, "")}`;
  return {
    load() {
      try {
        const raw = storage?.getItem(key);
        return raw ? JSON.parse(raw) : { plans: [], selected: 0 };
      } catch {
        return { plans: [], selected: 0 };
      }
    },
    save(state) {
      try {
        if (!storage) return false;
        storage.setItem(key, JSON.stringify(state));
        return true;
      } catch {
        return false;
      }
    },
  };
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "text") node.textContent = value;
    else if (name in node && typeof value !== "string") node[name] = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

function format(template, params) {
  return template.replace(/\{(\w+)\}/g, (_, name) => (params[name] === undefined ? `{${name}}` : String(params[name])));
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = element("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function fileName(plan, extension) {
  const base = plan.name.normalize("NFKD").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "plan";
  return `${base}-${plan.guideline_version}.${extension}`;
}

/** Mounts the checklist on `root` (a `[data-gl-plan]` element); returns an unmount function. */
export async function mount(root, deps = {}) {
  if (root.dataset.glPlanMounted) return () => {};
  root.dataset.glPlanMounted = "true";
  const fetchData = deps.fetch ?? fetchOnce;
  const storageApi = deps.storage === undefined ? safeLocalStorage() : deps.storage;
  let data;
  try {
    data = await fetchData(new URL(root.dataset.glPlanData, location.href).href);
  } catch {
    root.querySelector("[data-gl-plan-fallback]")?.removeAttribute("hidden");
    return () => {};
  }
  const s = data.strings;
  const store = storageFor(root, storageApi);
  const saved = store.load();
  let plans = [];
  for (const raw of Array.isArray(saved.plans) ? saved.plans.slice(0, LIMITS.plans) : []) {
    try {
      plans.push(readPlan(raw, data));
    } catch {
      // a stored plan that no longer reads (an old version removed from the site) is left out, not shown broken
    }
  }
  let selected = Math.min(Number(saved.selected) || 0, Math.max(plans.length - 1, 0));
  let message = { text: "", kind: "info" };
  let recheck = null;
  let canSave = store.save({ plans, selected });
  if (plans.length === 0) plans.push(newPlan(data, "praktijkplan", s.plan_default_name));

  // A share link opens its plan as a new, unsaved plan; a bad link says why and changes nothing.
  try {
    const shared = fromShareFragment(location.hash, data);
    if (shared) {
      plans.push(shared);
      selected = plans.length - 1;
      message = { text: s.plan_message_shared, kind: "info" };
    }
  } catch (error) {
    message = { text: errorText(error), kind: "error" };
  }

  function errorText(error) {
    if (error instanceof PlanError) return format(s[`plan_${error.key}`] ?? s.plan_error_not_plan, error.params);
    return s.plan_error_not_plan;
  }

  const plan = () => plans[selected];
  const version = () => data.versions[plan().guideline_version];

  function persist() {
    canSave = store.save({ plans, selected });
  }

  function labels() {
    return {
      csv_header: s.plan_csv_header.split("|"),
      menu: s.plan_menu,
      kind: s.plan_kind,
      kinds: { regioplan: s.plan_kind_regioplan, praktijkplan: s.plan_kind_praktijkplan },
      version: s.plan_version,
      actions: { implement: s.plan_action_implement, continue: s.plan_action_continue, deepen: s.plan_action_deepen },
      year: (year) => format(s.plan_year, { year }),
      nothing: s.plan_nothing_chosen,
      results: s.plan_results,
      status: { met: s.plan_status_met, "not-met": s.plan_status_not_met, note: s.plan_status_note },
    };
  }

  // --- rendering ----------------------------------------------------------------------------------------------

  function interventionLink(intervention) {
    return element("a", { href: new URL(intervention.url, location.href).href, text: s.plan_read, "aria-label": `${s.plan_read}: ${intervention.title}` });
  }

  function checkbox(key, labelText, checked, extra = {}) {
    const id = `gl-plan-${key.replace(/[^\w-]/g, "-")}`;
    return [element("input", { type: "checkbox", id, checked, "data-key": key, ...extra }), element("label", { for: id, text: labelText })];
  }

  function renderMenu(v, p) {
    const box = element("fieldset", { class: "gl-plan-menu" }, element("legend", { text: p.kind === "regioplan" ? s.plan_menu_regio : s.plan_menu_practice }));
    if (p.kind === "praktijkplan") box.append(element("p", { class: "gl-plan-help", text: s.plan_menu_help }));
    for (const core of v.core_elements) {
      const group = element("fieldset", {}, element("legend", { text: core.title }));
      for (const i of v.interventions.filter((x) => x.core_element === core.id)) {
        group.append(element("div", { class: "gl-plan-row" }, ...checkbox(`menu|${i.id}`, `${i.number}. ${i.title}`, p.menu.includes(i.id)), " ", interventionLink(i)));
      }
      box.append(group);
    }
    return box;
  }

  function renderChoice(v, p, year, i, inMenu) {
    const choice = p.years[year][i.id];
    const row = element("div", { class: "gl-plan-row" + (choice ? " gl-plan-row--chosen" : "") });
    row.append(...checkbox(`choose|${year}|${i.id}`, `${i.number}. ${i.title}`, Boolean(choice)), " ", interventionLink(i));
    if (!inMenu && p.menu.length) row.append(element("span", { class: "gl-plan-outside", text: s.plan_outside_menu }));
    if (!choice) return row;
    const details = element("div", { class: "gl-plan-details" });
    const actionId = `gl-plan-action-${year}-${i.id}`;
    const select = element("select", { id: actionId, "data-key": `action|${year}|${i.id}` });
    for (const action of ACTIONS) select.append(element("option", { value: action, selected: choice.action === action, text: s[`plan_action_${action}`] }));
    details.append(element("label", { for: actionId, text: s.plan_action }), select);
    if (choice.action === "deepen") {
      const id = `gl-plan-justification-${year}-${i.id}`;
      details.append(element("label", { for: id, text: s.plan_justification }), element("textarea", { id, rows: 2, maxlength: LIMITS.text, "data-key": `justification|${year}|${i.id}`, value: choice.justification }));
    }
    if (oneOffTrainings(v).has(i.id)) {
      const id = `gl-plan-caregivers-${year}-${i.id}`;
      details.append(element("label", { for: id, text: s.plan_caregivers }), element("input", { id, type: "text", maxlength: 600, "data-key": `caregivers|${year}|${i.id}`, value: choice.caregivers.join(", ") }));
    }
    if (staffInterventions(v).has(i.id)) {
      const typeId = `gl-plan-staff-${year}-${i.id}`;
      const hoursId = `gl-plan-hours-${year}-${i.id}`;
      details.append(
        element("label", { for: typeId, text: s.plan_staff_type }),
        element("input", { id: typeId, type: "text", maxlength: LIMITS.name, "data-key": `staff_type|${year}|${i.id}`, value: choice.staff_type }),
        element("label", { for: hoursId, text: s.plan_hours }),
        element("input", { id: hoursId, type: "number", min: 0, max: LIMITS.hours, step: "0.5", "data-key": `hours|${year}|${i.id}`, value: choice.hours ?? "" }),
      );
    }
    row.append(details);
    return row;
  }

  function renderYears(v, p) {
    const out = element("div", { class: "gl-plan-years" });
    const menu = new Set(p.menu);
    for (const year of Object.keys(p.years).map(Number).sort((a, b) => a - b)) {
      const section = element("fieldset", { class: "gl-plan-year" }, element("legend", { text: format(s.plan_year, { year }) }));
      for (const core of v.core_elements) {
        const group = element("fieldset", {}, element("legend", { text: core.title }));
        const items = v.interventions.filter((x) => x.core_element === core.id);
        const offered = menu.size ? items.filter((x) => menu.has(x.id)) : items;
        for (const i of offered) group.append(renderChoice(v, p, year, i, true));
        // With a menu, the rest of the guideline's interventions sit in a collapsed list (chosen ones stay open).
        const others = menu.size ? items.filter((x) => !menu.has(x.id)) : [];
        if (others.length) {
          const open = others.some((x) => p.years[year][x.id]);
          const more = element("details", { open }, element("summary", { text: format(s.plan_other_interventions, { count: others.length }) }));
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

  function renderResults(v, p, results, heading = s.plan_results) {
    const section = element("section", { class: "gl-plan-results", "aria-labelledby": "gl-plan-results-heading" });
    section.append(element("h2", { id: "gl-plan-results-heading", text: heading }), element("p", { class: "gl-plan-help", text: s.plan_results_help }));
    const rules = new Map(v.rules.map((r) => [r.id, r]));
    const titles = new Map(v.interventions.map((i) => [i.id, i.title]));
    const groups = [...v.core_elements.map((c) => ({ id: c.id, title: c.title })), { id: null, title: s.plan_whole_plan }];
    for (const group of groups) {
      const mine = results.filter((r) => r.core_element === group.id);
      if (!mine.length) continue;
      const list = element("ul", { class: "gl-plan-result-list" });
      for (const r of mine) {
        const rule = rules.get(r.rule);
        const params = { ...r.params, ids: (r.params.ids || []).map((id) => titles.get(id) || id).join(", ") };
        list.append(
          element(
            "li",
            { class: `gl-plan-result gl-plan-result--${r.status}` },
            element("strong", { text: `${s[`plan_status_${r.status.replace("-", "_")}`]}${r.year ? ` (${format(s.plan_year, { year: r.year })})` : ""}: ` }),
            format(s[`plan_${r.reason}`] ?? r.reason, params),
            " ",
            element("a", { href: new URL(rule.url, location.href).href, text: rule.summary }),
          ),
        );
      }
      section.append(element("h3", { text: group.title }), list);
    }
    return section;
  }

  function renderRecheck(v) {
    const section = element("section", { class: "gl-plan-recheck", "aria-labelledby": "gl-plan-recheck-heading" });
    section.append(element("h2", { id: "gl-plan-recheck-heading", text: s.plan_recheck }), element("p", { class: "gl-plan-help", text: s.plan_recheck_help }));
    const select = element("select", { id: "gl-plan-recheck-version", "data-key": "recheck-version" });
    for (const other of Object.values(data.versions)) {
      if (other.id !== v.id) select.append(element("option", { value: other.id, selected: recheck?.target === other.id, text: other.label }));
    }
    section.append(element("label", { for: "gl-plan-recheck-version", text: s.plan_recheck_version }), select, " ", element("button", { type: "button", class: "md-button", "data-act": "recheck", text: s.plan_recheck_button }));
    if (recheck) {
      const target = data.versions[recheck.target];
      const titles = new Map([...v.interventions, ...target.interventions].map((i) => [i.id, i.title]));
      const table = element("table", {}, element("caption", { text: format(s.plan_recheck_caption, { from: v.label, to: target.label }) }));
      table.append(element("thead", {}, element("tr", {}, element("th", { scope: "col", text: s.plan_recheck_choice }), element("th", { scope: "col", text: s.plan_recheck_status }))));
      const body = element("tbody");
      for (const [id, { status, to }] of recheck.statuses) {
        const note = to && to !== id ? ` → ${titles.get(to)}` : "";
        body.append(element("tr", { class: `gl-plan-migrated--${status}` }, element("td", { text: titles.get(id) || id }), element("td", { text: s[`plan_migrated_${status}`] + note })));
      }
      table.append(body);
      section.append(recheck.statuses.size ? table : element("p", { text: s.plan_nothing_chosen }));
      section.append(renderResults(target, recheck.plan, evaluate(recheck.plan, target), format(s.plan_recheck_results, { version: target.label })));
    }
    return section;
  }

  function renderPrint(v, p, results) {
    const summary = element("section", { class: "gl-plan-print", "aria-hidden": "true" });
    summary.append(
      element("h2", { text: p.name }),
      element("p", { text: `${s.plan_kind}: ${s[`plan_kind_${p.kind}`]} · ${s.plan_version}: ${v.label} · ${new Date().toISOString().slice(0, 10)} · ${location.href.split("#")[0]}` }),
    );
    const titles = new Map(v.interventions.map((i) => [i.id, i.title]));
    if (p.kind === "regioplan") summary.append(element("p", { text: `${s.plan_menu}: ${p.menu.map((id) => titles.get(id)).join("; ")}` }));
    for (const year of Object.keys(p.years).map(Number).sort((a, b) => a - b)) {
      const chosen = Object.entries(p.years[year]).map(([id, c]) => `${titles.get(id)} (${s[`plan_action_${c.action}`]})`);
      summary.append(element("p", { text: `${format(s.plan_year, { year })}: ${chosen.join("; ") || s.plan_nothing_chosen}` }));
    }
    const met = results.filter((r) => r.status === "met").length;
    const open = results.filter((r) => r.status === "not-met");
    summary.append(element("p", { text: format(s.plan_print_results, { met, open: open.length }) }));
    const rules = new Map(v.rules.map((r) => [r.id, r]));
    const list = element("ul");
    for (const r of open) list.append(element("li", { text: `${rules.get(r.rule).summary}${r.year ? ` (${format(s.plan_year, { year: r.year })})` : ""}` }));
    summary.append(list, element("p", { text: `${s.plan_hurdle}: ${v.hurdle.map((h) => `${p.hurdle.includes(h.id) ? "☑" : "☐"} ${h.label}`).join("  ")}` }));
    return summary;
  }

  function render() {
    const focused = document.activeElement?.dataset?.key || document.activeElement?.dataset?.act;
    const p = plan();
    const v = version();
    const results = evaluate(p, v);
    const app = element("div", { class: "gl-plan-app" });
    const status = element("p", { class: `gl-plan-message gl-plan-message--${message.kind}`, role: message.kind === "error" ? "alert" : "status", text: message.text });
    const storageNote = canSave ? null : element("p", { class: "gl-plan-message gl-plan-message--error", text: s.plan_cannot_save });
    const planSelect = element("select", { id: "gl-plan-select", "data-key": "select-plan" });
    plans.forEach((item, index) => planSelect.append(element("option", { value: String(index), selected: index === selected, text: `${item.name} (${s[`plan_kind_${item.kind}`]}, ${data.versions[item.guideline_version].label})` })));
    const bar = element(
      "div",
      { class: "gl-plan-bar" },
      element("label", { for: "gl-plan-select", text: s.plan_saved_plans }),
      planSelect,
      element("button", { type: "button", class: "md-button", "data-act": "new-praktijkplan", text: s.plan_new_praktijkplan }),
      element("button", { type: "button", class: "md-button", "data-act": "new-regioplan", text: s.plan_new_regioplan }),
      element("button", { type: "button", class: "md-button", "data-act": "delete", text: s.plan_delete }),
    );
    const versionSelect = element("select", { id: "gl-plan-version", "data-key": "version" });
    for (const option of Object.values(data.versions)) versionSelect.append(element("option", { value: option.id, selected: option.id === v.id, text: option.label }));
    const kinds = element("fieldset", { class: "gl-plan-kind" }, element("legend", { text: s.plan_kind }));
    for (const kind of ["regioplan", "praktijkplan"]) {
      const id = `gl-plan-kind-${kind}`;
      kinds.append(element("input", { type: "radio", name: "gl-plan-kind", id, value: kind, checked: p.kind === kind, "data-key": "kind" }), element("label", { for: id, text: s[`plan_kind_${kind}`] }), " ");
    }
    const form = element(
      "form",
      { class: "gl-plan-form", "aria-label": s.plan_form },
      element("label", { for: "gl-plan-name", text: s.plan_name }),
      element("input", { id: "gl-plan-name", type: "text", maxlength: LIMITS.name, "data-key": "name", value: p.name }),
      kinds,
      element("label", { for: "gl-plan-version", text: s.plan_version }),
      versionSelect,
    );
    if (v.status !== "current") form.append(element("p", { class: "gl-plan-help", text: format(s.plan_old_version, { version: v.label }) }));
    form.append(renderMenu(v, p));
    if (p.kind === "praktijkplan") form.append(renderYears(v, p));
    form.append(renderHurdle(v, p));
    const exports = element(
      "section",
      { class: "gl-plan-export", "aria-labelledby": "gl-plan-export-heading" },
      element("h2", { id: "gl-plan-export-heading", text: s.plan_export }),
      element("p", { class: "gl-plan-help", text: s.plan_privacy }),
      element("button", { type: "button", class: "md-button", "data-act": "print", text: s.plan_print }),
      element("button", { type: "button", class: "md-button", "data-act": "json", text: s.plan_export_json }),
      element("button", { type: "button", class: "md-button", "data-act": "csv", text: s.plan_export_csv }),
      element("button", { type: "button", class: "md-button", "data-act": "markdown", text: s.plan_export_markdown }),
      element("button", { type: "button", class: "md-button", "data-act": "share", text: s.plan_share }),
      element("label", { for: "gl-plan-import", text: s.plan_import }),
      element("input", { id: "gl-plan-import", type: "file", accept: "application/json,.json", "data-key": "import" }),
    );
    app.append(status, storageNote ?? "", bar, form, renderResults(v, p, results), exports, renderRecheck(v), renderPrint(v, p, results));
    root.querySelector("[data-gl-plan-app]").replaceChildren(app);
    if (focused) root.querySelector(`[data-key="${CSS.escape(focused)}"], [data-act="${CSS.escape(focused)}"]`)?.focus();
  }

  // --- events ---------------------------------------------------------------------------------------------

  function say(text, kind = "info") {
    message = { text, kind };
  }

  function update(key, target) {
    const p = plan();
    const [what, year, id] = key.split("|");
    const choice = year && id ? p.years[year]?.[id] : null;
    switch (what) {
      case "select-plan": selected = Number(target.value); recheck = null; say(""); break;
      case "name": p.name = target.value.slice(0, LIMITS.name); break;
      case "kind": p.kind = target.value; if (p.kind === "praktijkplan" && !Object.keys(p.years).length) p.years = { 1: {} }; break;
      case "version": {
        const { plan: moved } = migrate(p, data, target.value);
        plans[selected] = moved;
        recheck = null;
        break;
      }
      case "menu": toggle(p.menu, year, target.checked); break; // `year` holds the id here
      case "hurdle": toggle(p.hurdle, year, target.checked); break;
      case "choose":
        if (target.checked) p.years[year][id] = { action: "implement", justification: "", caregivers: [], staff_type: "", hours: null };
        else delete p.years[year][id];
        break;
      case "action": if (choice) choice.action = target.value; break;
      case "justification": if (choice) choice.justification = target.value.slice(0, LIMITS.text); break;
      case "caregivers": if (choice) choice.caregivers = target.value.split(",").map((c) => c.trim()).filter(Boolean).slice(0, LIMITS.caregivers); break;
      case "staff_type": if (choice) choice.staff_type = target.value.slice(0, LIMITS.name); break;
      case "hours": if (choice) choice.hours = target.value === "" ? null : Math.min(Math.max(Number(target.value) || 0, 0), LIMITS.hours); break;
      default: return false;
    }
    return true;
  }

  function toggle(list, id, on) {
    const index = list.indexOf(id);
    if (on && index < 0) list.push(id);
    if (!on && index >= 0) list.splice(index, 1);
  }

  async function importFile(file) {
    if (file.size > LIMITS.bytes) {
      say(format(s.plan_error_too_large, { limit: LIMITS.bytes }), "error");
      return;
    }
    try {
      const imported = parsePlan(await file.text(), data);
      const names = new Set(plans.map((item) => item.name));
      if (names.has(imported.name)) imported.name = `${imported.name} (${s.plan_imported})`.slice(0, LIMITS.name);
      plans.push(imported);
      selected = plans.length - 1;
      persist();
      say(format(s.plan_message_imported, { name: imported.name }));
    } catch (error) {
      say(errorText(error), "error");
    }
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
    if (update(key, event.target)) {
      persist();
      render();
    }
  };

  const onInput = (event) => {
    const key = event.target.dataset?.key;
    if (!key || !TYPED.test(key)) return;
    update(key, event.target);
    persist();
    const p = plan();
    if (key === "name") {
      const option = root.querySelector(`#gl-plan-select option[value="${selected}"]`);
      if (option) option.textContent = `${p.name} (${s[`plan_kind_${p.kind}`]}, ${data.versions[p.guideline_version].label})`;
    }
    const v = version();
    const results = evaluate(p, v);
    root.querySelector(".gl-plan-results")?.replaceWith(renderResults(v, p, results));
    root.querySelector(".gl-plan-print")?.replaceWith(renderPrint(v, p, results));
  };

  const onClick = async (event) => {
    const button = event.target.closest?.("[data-act]");
    if (!button) return;
    const p = plan();
    const v = version();
    const act = button.dataset.act;
    if (act === "new-praktijkplan" || act === "new-regioplan") {
      if (plans.length >= LIMITS.plans) { say(format(s.plan_error_too_many_plans, { limit: LIMITS.plans }), "error"); render(); return; }
      const kind = act.slice(4);
      plans.push(newPlan(data, kind, `${s[`plan_kind_${kind}`]} ${plans.length + 1}`));
      selected = plans.length - 1;
      recheck = null;
      say("");
    } else if (act === "delete") {
      plans.splice(selected, 1);
      if (!plans.length) plans.push(newPlan(data, "praktijkplan", s.plan_default_name));
      selected = Math.max(0, selected - 1);
      recheck = null;
      say(s.plan_message_deleted);
    } else if (act === "add-year") {
      const next = Math.max(0, ...Object.keys(p.years).map(Number)) + 1;
      if (next <= LIMITS.years) p.years[next] = {};
    } else if (act === "remove-year") {
      const last = Math.max(...Object.keys(p.years).map(Number));
      if (Object.keys(p.years).length > 1) delete p.years[last];
    } else if (act === "print") {
      window.print();
      return;
    } else if (act === "json") {
      download(fileName(p, "json"), "application/json", toJson(p));
      return;
    } else if (act === "csv") {
      download(fileName(p, "csv"), "text/csv", "\ufeff" + toCsv(p, v, labels()));
      return;
    } else if (act === "markdown") {
      download(fileName(p, "md"), "text/markdown", toMarkdown(p, v, evaluate(p, v), labels()));
      return;
    } else if (act === "share") {
      const link = `${location.href.split("#")[0]}#${toShareFragment(p)}`;
      try {
        await navigator.clipboard.writeText(link);
        say(s.plan_message_link_copied);
      } catch {
        say(s.plan_message_link_shown);
      }
      render();
      root.querySelector(".gl-plan-export").append(element("label", { for: "gl-plan-link", text: s.plan_share_link }), element("input", { id: "gl-plan-link", type: "text", readonly: true, value: link, "data-share-link": "" }));
      return;
    } else if (act === "recheck") {
      const target = root.querySelector("#gl-plan-recheck-version")?.value;
      if (target) recheck = { target, ...migrate(p, data, target) };
    }
    persist();
    render();
  };

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

const TYPED = /^(name|justification|caregivers|staff_type|hours)(\||$)/;

function safeLocalStorage() {
  try {
    const storage = window.localStorage;
    const probe = "mtvp-plans:probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}
