// The plan checklist's page: owns the saved plans and what is shown (the plan chosen, a shared plan previewed, a
// change of version waiting, the offer to undo, the message), and hands each component what it shows. Components
// report what the user did as events (editor.mjs lists them); the plan is stored and the page drawn again.
//
// What the user saved is never dropped: a stored plan that cannot be read is kept and shown as such, limits are
// enforced where plans enter (new, import, share link), a share link is opened as a preview until the user saves
// it, a change of guideline version is shown before it is applied, and deletions can be undone.

import {
  LIMITS, evaluate, followRegio, fromShareFragment, migrate, newPlan, parsePlan, practiceFrom, readPlan, regioChanged,
  samePlan,
} from "../core.mjs";
import { download } from "../download.mjs";
import { planStore, safeLocalStorage } from "../storage.mjs";
import { Component, createAll, element, format } from "../../component.mjs";
import { BrokenPlan } from "./broken-plan.mjs";
import { PlanMessage } from "./message.mjs";
import { PlanBar } from "./plan-bar.mjs";
import { PlanForm } from "./plan-form.mjs";
import { Recheck } from "./recheck.mjs";
import { Report } from "./report.mjs";
import { Results } from "./results.mjs";
import { SharedPreview } from "./shared-preview.mjs";
import { ResultsSummary } from "./summary.mjs";
import { PlanTransfer } from "./transfer.mjs";
import { words } from "./words.mjs";

/** The page's parts in order: [component, tag, class]; `null` marks the two-column layout of summary and form. */
const PARTS = [
  [PlanMessage, "div", "gl-plan-message"],
  [PlanBar, "div", "gl-plan-bar"],
  [SharedPreview, "section", "gl-plan-shared"],
  [BrokenPlan, "section", "gl-plan-broken"],
  [ResultsSummary, "aside", "gl-plan-summary"],
  [PlanForm, "form", "gl-plan-form"],
  [Results, "section", "gl-plan-results"],
  [PlanTransfer, "section", "gl-plan-export"],
  [Recheck, "section", "gl-plan-recheck"],
  [Report, "section", "gl-plan-print"],
];

export class PlanChecklist extends Component {
  static moduleName = "plan-checklist";

  /** `fetchData`, `storage` (null: none), `save` (a file) and `print` can be given, as the DOM tests do. */
  constructor(root, config = {}) {
    super(root);
    this.ready = this.start(config);
  }

  async start({ fetchData = fetchOnce, storage, save = download, print, clipboard }) {
    const root = this.root;
    try {
      this.data = await fetchData(new URL(root.dataset.glPlanData, location.href).href);
    } catch {
      root.querySelector("[data-gl-plan-fallback]")?.removeAttribute("hidden");
      return;
    }
    const data = this.data;
    const s = (this.s = data.strings);
    this.save = save;
    this.words = words(s);
    this.store = planStore(
      storage === undefined ? safeLocalStorage() : storage,
      root.dataset.glPlanStore ?? "../../",
      (root.dataset.glPlanLegacy ?? "").split(" ").filter(Boolean),
      location.href,
    );
    const saved = this.store.load();
    /** Every stored plan, in order: {plan} when it reads, {raw, error} when it does not (kept, never dropped). */
    this.entries = saved.plans.map((raw) => this.open(raw));
    this.selected = Math.min(Math.max(Number(saved.selected) || 0, 0), Math.max(this.entries.length - 1, 0));
    this.preview = null; // a plan from a share link, shown until saved or dismissed
    this.pendingVersion = null; // {target, plan, statuses}: a change of version shown before it is applied
    this.undo = null; // {restore}
    this.message = { text: "", kind: "info" };
    this.canSave = true;
    if (this.entries.length === 0) this.entries.push({ plan: this.emptyPlan() });
    // Plans of format 1 are saved migrated, plans brought over from an earlier key under the shared key; an entry
    // that does not read is written back exactly as it was.
    this.persist();
    try {
      const shared = fromShareFragment(location.hash, data);
      if (shared) {
        this.preview = shared;
        this.say(s.plan_message_shared);
      }
    } catch (error) {
      this.say(this.words.errorText(error), "error");
    }

    this.app = element("div", { class: "gl-plan-app" });
    this.cannotSave = element("p", { class: "gl-plan-message gl-plan-message--error", text: s.plan_cannot_save });
    this.layout = element("div", { class: "gl-plan-layout" });
    this.parts = {};
    const config = { data, save, print, clipboard };
    for (const [ComponentClass, tag, className] of PARTS) {
      this.app.append(element(tag, { class: className, "data-gl-module": ComponentClass.moduleName }));
      [this.parts[ComponentClass.moduleName]] = createAll(ComponentClass, config, this.app);
    }
    this.listen();
    this.render();
    root.dataset.glPlanReady = "true";
  }

  open(raw) {
    try {
      return { plan: typeof raw === "string" ? parsePlan(raw, this.data) : readPlan(raw, this.data) };
    } catch (error) {
      return { raw, error };
    }
  }

  emptyPlan() {
    return newPlan(this.data, "praktijkplan", this.s.plan_default_name_praktijkplan);
  }

  plan() {
    return this.preview ?? this.entries[this.selected]?.plan ?? null;
  }

  version() {
    return this.data.versions[this.plan().guideline_version];
  }

  persist() {
    this.canSave = this.store.save({ plans: this.entries.map((e) => e.plan ?? e.raw), selected: this.selected });
  }

  say(text, kind = "info") {
    this.message = { text, kind };
  }

  /** Another plan or version is shown: a re-check or a waiting change of version no longer applies. */
  forget() {
    this.parts["plan-recheck"].clear();
    this.pendingVersion = null;
  }

  roomFor(what) {
    if (this.entries.length < LIMITS.plans) return true;
    const text = what === "new" ? this.s.plan_error_too_many_plans : this.s.plan_error_too_many_plans_import;
    this.say(format(text, { limit: LIMITS.plans }), "error");
    return false;
  }

  /** The regioplans this browser knows: the saved ones and one opened from a share link. */
  regioplans() {
    return [...(this.preview ? [this.preview] : []), ...this.entries.map((e) => e.plan).filter(Boolean)].filter((x) => x.kind === "regioplan");
  }

  addPlan(newOne, text) {
    // The empty plan a first visit starts with makes way for the first real one.
    const untouched = this.entries.length === 1 && this.entries[0].plan && samePlan(this.entries[0].plan, this.emptyPlan());
    if (untouched) this.entries.pop();
    this.entries.push({ plan: newOne });
    this.selected = this.entries.length - 1;
    this.forget();
    this.undo = null;
    this.say(text);
  }

  /** The plan shown, changed as a whole (moved to another version, or updated from its regioplan). */
  replace(plan) {
    if (this.preview) this.preview = plan;
    else this.entries[this.selected] = { plan };
  }

  async importFile(file) {
    const s = this.s;
    if (!this.roomFor("import")) return;
    if (file.size > LIMITS.bytes) {
      this.say(format(s.plan_error_too_large, { limit: LIMITS.bytes }), "error");
      return;
    }
    try {
      const imported = parsePlan(await file.text(), this.data);
      const names = new Set(this.entries.filter((e) => e.plan).map((e) => e.plan.name));
      if (names.has(imported.name)) imported.name = `${imported.name} (${s.plan_imported})`.slice(0, LIMITS.name);
      this.addPlan(imported, format(s.plan_message_imported, { name: imported.name }));
      this.persist();
    } catch (error) {
      this.say(this.words.errorText(error), "error");
    }
  }

  clearShareFragment() {
    if (/^#plan=/.test(location.hash)) history.replaceState(history.state, "", location.href.split("#")[0]);
  }

  changeVersion(target) {
    const { plan: moved, statuses } = migrate(this.plan(), this.data, target);
    if ([...statuses.values()].every((st) => st.status === "unchanged")) this.applyVersion(moved);
    else this.pendingVersion = { target, plan: moved, statuses };
  }

  applyVersion(moved) {
    this.replace(moved);
    this.forget();
    this.say(format(this.s.plan_message_version_changed, { version: this.data.versions[moved.guideline_version].label }));
  }

  /** The page's actions, by the `data-act` of the button that asks for them. */
  actions() {
    const s = this.s;
    const data = this.data;
    return {
      "new-praktijkplan": () => this.roomFor("new") && this.addPlan(newPlan(data, "praktijkplan", `${s.plan_kind_praktijkplan} ${this.entries.length + 1}`), ""),
      "new-regioplan": () => this.roomFor("new") && this.addPlan(newPlan(data, "regioplan", `${s.plan_kind_regioplan} ${this.entries.length + 1}`), ""),
      delete: () => {
        const at = this.selected;
        const [removed] = this.entries.splice(at, 1);
        // The last plan gone: an empty one takes its place, and goes again on undo if it was not touched.
        const placeholder = this.entries.length ? null : { plan: this.emptyPlan() };
        const untouched = placeholder && structuredClone(placeholder.plan);
        if (placeholder) this.entries.push(placeholder);
        this.selected = Math.max(0, at - 1);
        this.forget();
        this.undo = {
          restore: () => {
            if (placeholder && this.entries.length === 1 && this.entries[0] === placeholder && samePlan(placeholder.plan, untouched)) this.entries.pop();
            this.selected = Math.min(at, this.entries.length);
            this.entries.splice(this.selected, 0, removed);
          },
        };
        this.say(s.plan_message_deleted);
      },
      undo: () => {
        this.undo?.restore();
        this.undo = null;
        this.say(s.plan_message_restored);
      },
      "practice-from": () => {
        const regio = this.plan();
        if (!this.roomFor("new")) return;
        const practice = practiceFrom(regio, s.plan_default_name_praktijkplan);
        this.preview = null;
        this.clearShareFragment();
        this.addPlan(practice, format(s.plan_message_practice_from, { name: practice.name, regio: regio.name }));
      },
      "follow-regio": () => {
        const p = this.plan();
        const newer = this.regioplans().find((regio) => regioChanged(p, regio));
        if (!newer) return;
        this.replace(followRegio(p, newer));
        this.say(s.plan_message_followed);
      },
      "version-apply": () => this.pendingVersion && this.applyVersion(this.pendingVersion.plan),
      "version-cancel": () => { this.pendingVersion = null; },
      "shared-save": () => {
        this.clearShareFragment();
        const existing = this.entries.findIndex((e) => e.plan && samePlan(e.plan, this.preview));
        if (existing >= 0) {
          this.selected = existing;
          this.preview = null;
          this.say(s.plan_message_shared_exists);
        } else if (this.roomFor("import")) {
          const shared = this.preview;
          this.preview = null;
          this.addPlan(shared, s.plan_message_shared_saved);
        }
      },
      "shared-dismiss": () => {
        this.clearShareFragment();
        this.preview = null;
        this.say("");
      },
      recheck: () => this.parts["plan-recheck"].run(this.plan()),
      "download-broken": () => {
        const entry = this.entries[this.selected];
        this.save("plan.txt", "text/plain", typeof entry.raw === "string" ? entry.raw : JSON.stringify(entry.raw, null, 2));
        return false;
      },
    };
  }

  /** Stores the plans (a previewed shared plan is not stored until saved) and draws the page again. */
  changed(full = true) {
    if (!this.preview) this.persist();
    if (full) this.render();
  }

  listen() {
    const root = this.root;
    const actions = this.actions();
    const on = (type, handler) => root.addEventListener(`gl-plan:${type}`, (event) => handler(event.detail));
    on("action", ({ act, args }) => {
      if (!actions[act]) return;
      const restore = this.undo;
      this.undo = null; // an undo offers to restore the last deletion only; the actions that delete offer a new one
      if (act === "undo") this.undo = restore;
      if (actions[act](...args) === false) {
        this.undo = restore; // a file saved: nothing on the page changes
        return;
      }
      this.changed();
    });
    on("edited", ({ key, render, click, undo, message }) => {
      if (click) this.undo = undo ? { restore: undo } : null;
      if (message !== undefined) this.say(message);
      if (render) {
        this.changed();
        return;
      }
      this.changed(false);
      if (key === "name" && !this.preview) this.parts["plan-bar"].rename(this.selected, this.plan());
      this.showResults();
    });
    on("select", ({ index }) => {
      this.selected = index;
      this.forget();
      this.say("");
      this.changed();
    });
    on("version", ({ target }) => {
      this.changeVersion(target);
      this.changed();
    });
    on("import", ({ file }) => this.importFile(file).then(() => this.render()));
    on("shared", ({ text }) => {
      this.say(text);
      this.render();
    });
    on("export", ({ format: kind }) => this.parts["plan-report"].export(kind, this.plan(), this.version()));
  }

  render() {
    const focused = document.activeElement?.dataset?.key || document.activeElement?.dataset?.act;
    const part = (name) => this.parts[name];
    const p = this.plan();
    part("plan-message").show(this.message, Boolean(this.undo));
    part("plan-bar").show(this.entries, this.selected, Boolean(this.preview));
    const shown = [part("plan-message").root, this.canSave ? null : this.cannotSave, part("plan-bar").root, this.preview ? part("plan-shared").root : null];
    if (p === null) {
      part("plan-broken").show(this.entries[this.selected].error, this.selected + 1);
      shown.push(part("plan-broken").root);
    } else {
      const v = this.version();
      part("plan-form").show(p, v, { pending: this.pendingVersion, regioplans: this.regioplans() });
      part("plan-transfer").show(p);
      part("plan-recheck").show(v);
      this.showResults();
      this.layout.replaceChildren(part("plan-summary").root, part("plan-form").root);
      shown.push(this.layout, part("plan-results").root, part("plan-transfer").root, part("plan-recheck").root, part("plan-report").root);
    }
    this.app.replaceChildren(...shown.filter(Boolean));
    this.root.querySelector("[data-gl-plan-app]").replaceChildren(this.app);
    if (focused) this.root.querySelector(`[data-key="${CSS.escape(focused)}"], [data-act="${CSS.escape(focused)}"]`)?.focus();
  }

  /** The verdicts of the plan shown, wherever they appear (summary, list, printed report). */
  showResults() {
    const p = this.plan();
    const v = this.version();
    const results = evaluate(p, v);
    this.parts["plan-summary"].show(v, p, results);
    this.parts["plan-results"].show(v, p, results);
    this.parts["plan-report"].show(v, p, results);
  }
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
