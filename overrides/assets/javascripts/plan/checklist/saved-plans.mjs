// The plans saved in this browser and which one is chosen (no DOM). Every stored plan is kept in order: {plan} when
// it reads, {raw, error} when it does not, written back exactly as it was. A first visit starts with an empty
// praktijkplan, which makes way for the first real plan; deleting the last plan leaves an empty one in its place.

import { LIMITS, newPlan, parsePlan, readPlan, samePlan } from "../core.mjs";

export class SavedPlans {
  /** `store`: storage.mjs `planStore`; `emptyName`: the name of the empty praktijkplan. */
  constructor(data, store, emptyName) {
    this.data = data;
    this.store = store;
    this.emptyName = emptyName;
    const saved = store.load();
    this.entries = saved.plans.map((raw) => this.open(raw));
    this.selected = Math.min(Math.max(Number(saved.selected) || 0, 0), Math.max(this.entries.length - 1, 0));
    if (this.entries.length === 0) this.entries.push({ plan: this.empty() });
    // Plans of format 1 are saved migrated, plans brought over from an earlier key under the shared key.
    this.canSave = true;
    this.persist();
  }

  open(raw) {
    try {
      return { plan: typeof raw === "string" ? parsePlan(raw, this.data) : readPlan(raw, this.data) };
    } catch (error) {
      return { raw, error };
    }
  }

  empty() {
    return newPlan(this.data, "praktijkplan", this.emptyName);
  }

  /** Stores the plans; `canSave` says whether the browser let it. */
  persist() {
    this.canSave = this.store.save({ plans: this.entries.map((e) => e.plan ?? e.raw), selected: this.selected });
  }

  /** The chosen entry: {plan} or {raw, error}. */
  current() {
    return this.entries[this.selected];
  }

  plans() {
    return this.entries.map((e) => e.plan).filter(Boolean);
  }

  hasRoom() {
    return this.entries.length < LIMITS.plans;
  }

  /** Adds a plan and chooses it. */
  add(plan) {
    const untouched = this.entries.length === 1 && this.entries[0].plan && samePlan(this.entries[0].plan, this.empty());
    if (untouched) this.entries.pop();
    this.entries.push({ plan });
    this.selected = this.entries.length - 1;
  }

  /** Replaces the chosen plan (moved to another version, or updated from its regioplan). */
  replace(plan) {
    this.entries[this.selected] = { plan };
  }

  /** Deletes the chosen plan; returns the function that puts it back where it was. */
  remove() {
    const at = this.selected;
    const [removed] = this.entries.splice(at, 1);
    // The last plan gone: an empty one takes its place, and goes again on undo if it was not touched.
    const placeholder = this.entries.length ? null : { plan: this.empty() };
    const untouched = placeholder && structuredClone(placeholder.plan);
    if (placeholder) this.entries.push(placeholder);
    this.selected = Math.max(0, at - 1);
    return () => {
      if (placeholder && this.entries.length === 1 && this.entries[0] === placeholder && samePlan(placeholder.plan, untouched)) this.entries.pop();
      this.selected = Math.min(at, this.entries.length);
      this.entries.splice(this.selected, 0, removed);
    };
  }
}
