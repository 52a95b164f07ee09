// The plan checklist's page: owns what is shown (the saved plan chosen, or a shared plan previewed; a change of
// version waiting; the offer to undo; the message) and the actions on the saved plans (saved-plans.mjs), and hands
// each component what it shows. Components report what the user did as events (editor.mjs lists them); the plans
// are stored and the page is drawn again.
//
// What the user saved is never dropped: a stored plan that cannot be read is kept and shown as such, limits are
// enforced where plans enter (new, import, share link), a share link is opened as a preview until the user saves
// it, a change of guideline version is shown before it is applied, and deletions can be undone.

import {
  LIMITS, evaluate, followRegio, fromShareFragment, migrate, newPlan, parsePlan, practiceFrom, regioChanged, samePlan,
} from "../core.mjs";
import { download } from "../download.mjs";
import { planStore, safeLocalStorage } from "../storage.mjs";
import { Component, element, format } from "../../component.mjs";
import { BrokenPlan } from "./broken-plan.mjs";
import { startParts } from "./editor.mjs";
import { PlanMessage } from "./message.mjs";
import { PlanBar } from "./plan-bar.mjs";
import { PlanForm } from "./plan-form.mjs";
import { Recheck } from "./recheck.mjs";
import { Report } from "./report.mjs";
import { Results } from "./results.mjs";
import { SavedPlans } from "./saved-plans.mjs";
import { SharedPreview } from "./shared-preview.mjs";
import { ResultsSummary } from "./summary.mjs";
import { PlanTransfer } from "./transfer.mjs";
import { words } from "./words.mjs";

/** The page's parts in the order they show: [component, tag, class]. */
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

  /** `fetchData`, `storage` (null: none), `save` (a file), `print` and `clipboard` can be given, as the DOM tests
   * do; by default the page's data is fetched, plans go to localStorage, files are downloads. */
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
    const store = planStore(
      storage === undefined ? safeLocalStorage() : storage,
      root.dataset.glPlanStore ?? "../../",
      (root.dataset.glPlanLegacy ?? "").split(" ").filter(Boolean),
      location.href,
    );
    this.saved = new SavedPlans(data, store, s.plan_default_name_praktijkplan);
    this.preview = null; // a plan from a share link, shown until saved or dismissed
    this.pendingVersion = null; // {target, plan, statuses}: a change of version shown before it is applied
    this.undo = null; // {restore}
    this.recheck = null; // {target, plan, statuses}: the plan shown re-checked against another version
    this.invalid = new Map(); // data-key -> message of a value refused where it was typed
    this.message = { text: "", kind: "info" };
    try {
      const shared = fromShareFragment(location.hash, data);
      if (shared) {
        this.preview = shared;
        this.say(s.plan_message_shared);
      }
    } catch (error) {
      this.say(this.words.errorText(error), "error");
    }

    this.config = { data, save, print, clipboard, invalid: this.invalid };
    this.listen();
    this.render();
    root.dataset.glPlanReady = "true";
  }

  plan() {
    return this.preview ?? this.saved.current()?.plan ?? null;
  }

  version() {
    return this.data.versions[this.plan().guideline_version];
  }

  say(text, kind = "info") {
    this.message = { text, kind };
  }

  /** Another plan or version is shown: a re-check or a waiting change of version no longer applies. */
  forget() {
    this.recheck = null;
    this.pendingVersion = null;
  }

  roomFor(what) {
    if (this.saved.hasRoom()) return true;
    const text = what === "new" ? this.s.plan_error_too_many_plans : this.s.plan_error_too_many_plans_import;
    this.say(format(text, { limit: LIMITS.plans }), "error");
    return false;
  }

  /** The regioplans this browser knows: the saved ones and one opened from a share link. */
  regioplans() {
    return [...(this.preview ? [this.preview] : []), ...this.saved.plans()].filter((x) => x.kind === "regioplan");
  }

  addPlan(newOne, text) {
    this.saved.add(newOne);
    this.forget();
    this.undo = null;
    this.say(text);
  }

  /** The plan shown, changed as a whole (moved to another version, or updated from its regioplan). */
  replace(plan) {
    if (this.preview) this.preview = plan;
    else this.saved.replace(plan);
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
      const names = new Set(this.saved.plans().map((p) => p.name));
      if (names.has(imported.name)) imported.name = `${imported.name} (${s.plan_imported})`.slice(0, LIMITS.name);
      this.addPlan(imported, format(s.plan_message_imported, { name: imported.name }));
      this.saved.persist();
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
      "new-praktijkplan": () => this.roomFor("new") && this.addPlan(newPlan(data, "praktijkplan", `${s.plan_kind_praktijkplan} ${this.saved.entries.length + 1}`), ""),
      "new-regioplan": () => this.roomFor("new") && this.addPlan(newPlan(data, "regioplan", `${s.plan_kind_regioplan} ${this.saved.entries.length + 1}`), ""),
      delete: () => {
        this.undo = { restore: this.saved.remove() };
        this.forget();
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
        const existing = this.saved.entries.findIndex((e) => e.plan && samePlan(e.plan, this.preview));
        if (existing >= 0) {
          this.saved.selected = existing;
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
      recheck: () => {
        const target = this.parts["plan-recheck"].chosen();
        if (target) this.recheck = Recheck.of(this.plan(), data, target);
      },
      "download-broken": () => {
        const entry = this.saved.current();
        this.save("plan.txt", "text/plain", typeof entry.raw === "string" ? entry.raw : JSON.stringify(entry.raw, null, 2));
        return false;
      },
    };
  }

  /** Stores the plans (a previewed shared plan is not stored until saved) and draws the page again. */
  changed(full = true) {
    if (!this.preview) this.saved.persist();
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
      if (key === "name" && !this.preview) this.parts["plan-bar"].rename(this.saved.selected, this.plan());
      this.showResults();
    });
    on("select", ({ index }) => {
      this.saved.selected = index;
      this.forget();
      this.say("");
      this.changed();
    });
    on("version", ({ target }) => {
      this.changeVersion(target);
      this.changed();
    });
    on("import", ({ file }) => this.importFile(file).then(() => this.render()));
    on("shared", ({ text, link }) => {
      this.say(text);
      this.render();
      this.parts["plan-transfer"].showLink(link);
    });
    on("export", ({ format: kind }) => this.parts["plan-report"].export(kind, this.plan(), this.version()));
  }

  /** Draws the page anew: new elements and components each time, as the page did before it was split (so that the
   * browser's scroll anchoring, which follows elements that stay, moves nothing). */
  render() {
    const focused = document.activeElement?.dataset?.key || document.activeElement?.dataset?.act;
    const app = element("div", { class: "gl-plan-app" });
    this.parts = startParts(PARTS, this.config, app);
    const part = (name) => this.parts[name];
    const p = this.plan();
    part("plan-message").show(this.message, Boolean(this.undo));
    part("plan-bar").show(this.saved.entries, this.saved.selected, Boolean(this.preview));
    const cannotSave = element("p", { class: "gl-plan-message gl-plan-message--error", text: this.s.plan_cannot_save });
    const shown = [part("plan-message").root, this.saved.canSave ? null : cannotSave, part("plan-bar").root, this.preview ? part("plan-shared").root : null];
    if (p === null) {
      part("plan-broken").show(this.saved.current().error, this.saved.selected + 1);
      shown.push(part("plan-broken").root);
    } else {
      const v = this.version();
      part("plan-form").show(p, v, { pending: this.pendingVersion, regioplans: this.regioplans() });
      part("plan-transfer").show(p);
      part("plan-recheck").show(v, this.recheck);
      this.showResults();
      shown.push(element("div", { class: "gl-plan-layout" }, part("plan-summary").root, part("plan-form").root), part("plan-results").root, part("plan-transfer").root, part("plan-recheck").root, part("plan-report").root);
    }
    app.replaceChildren(...shown.filter(Boolean));
    this.root.querySelector("[data-gl-plan-app]").replaceChildren(app);
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
