// The form of the plan shown: its name, kind and guideline version, then its parts, each a component of its own
// (details, the regioplan it follows, menu, own interventions, a regioplan's deepening, a praktijkplan's years,
// minimum hurdle), and notes. A change of version is asked of the page (`gl-plan:version` {target}), which shows
// what it would change first (the version preview, placed here under the version). "Start a praktijkplan from this
// regioplan" emits `gl-plan:action` {act: "practice-from"}.

import { LIMITS } from "../core.mjs";
import { element, format } from "../../component.mjs";
import { CustomInterventions } from "./custom-interventions.mjs";
import { Deepening } from "./deepening.mjs";
import { PlanEditor, startParts } from "./editor.mjs";
import { button, select, textArea, textField } from "./fields.mjs";
import { FollowsRegio } from "./follows.mjs";
import { Hurdle } from "./hurdle.mjs";
import { PlanDetails } from "./plan-details.mjs";
import { PlanMenu } from "./plan-menu.mjs";
import { VersionPreview } from "./version-preview.mjs";
import { YearEditor } from "./year-editor.mjs";

/** The parts, each on a root of its own: [component, tag, class]. */
const PARTS = [
  [VersionPreview, "section", "gl-plan-version-preview"],
  [PlanDetails, "fieldset", "gl-plan-plan-details"],
  [FollowsRegio, "div", "gl-plan-follows"],
  [PlanMenu, "fieldset", "gl-plan-menu"],
  [CustomInterventions, "fieldset", "gl-plan-custom"],
  [Deepening, "fieldset", "gl-plan-deepening"],
  [YearEditor, "div", "gl-plan-years"],
  [Hurdle, "fieldset", "gl-plan-hurdle"],
];

export class PlanForm extends PlanEditor {
  static moduleName = "plan-form";

  constructor(root, config) {
    super(root, config);
    root.setAttribute("aria-label", this.s.plan_form);
    root.addEventListener("submit", (event) => event.preventDefault());
    this.passActions(["practice-from"]);
    this.parts = startParts(PARTS, config, root);
  }

  /** `pending`: a change of version waiting to be applied ({target, statuses}); `regioplans`: those this browser
   * knows (a praktijkplan's regioplan may have changed since). */
  show(plan, version, { pending = null, regioplans = [] } = {}) {
    this.plan = plan;
    const s = this.s;
    const v = version;
    const part = (name) => this.parts[name];
    const kinds = element("fieldset", { class: "gl-plan-kind" }, element("legend", { text: s.plan_kind }));
    for (const kind of ["regioplan", "praktijkplan"]) {
      const id = `gl-plan-kind-${kind}`;
      kinds.append(element("input", { type: "radio", name: "gl-plan-kind", id, value: kind, checked: plan.kind === kind, "data-key": "kind" }), element("label", { for: id, text: s[`plan_kind_${kind}`] }), " ");
    }
    const versions = Object.values(this.data.versions).map((o) => [o.id, o.label]);
    this.root.replaceChildren(...textField("name", s.plan_name, plan.name), kinds, ...select("version", s.plan_version, versions, pending?.target ?? v.id));
    if (pending) {
      part("plan-version-preview").show(v, this.data.versions[pending.target], pending.statuses);
      this.root.append(part("plan-version-preview").root);
    }
    if (v.status !== "current") this.root.append(element("p", { class: "gl-plan-help", text: format(s.plan_old_version, { version: v.label }) }));
    if (v.completeness === "reconstructed") this.root.append(element("p", { class: "gl-plan-help gl-plan-reconstructed", text: format(s.plan_reconstructed, { version: v.label }) }));
    const shown = ["plan-details"];
    if (FollowsRegio.applies(plan)) shown.push("plan-follows");
    shown.push("plan-menu", "plan-custom");
    if (plan.kind === "regioplan") shown.push("plan-deepening");
    for (const name of shown) {
      if (name === "plan-follows") part(name).show(plan, regioplans);
      else part(name).show(plan, v);
      this.root.append(part(name).root);
    }
    if (plan.kind === "regioplan") this.root.append(element("p", {}, button("practice-from", s.plan_practice_from, { primary: true })));
    for (const name of plan.kind === "praktijkplan" ? ["plan-years", "plan-hurdle"] : ["plan-hurdle"]) {
      part(name).show(plan, v);
      this.root.append(part(name).root);
    }
    this.root.append(...textArea("notes", s.plan_notes, plan.notes));
  }

  update(key, target) {
    const p = this.plan;
    switch (key) {
      case "name": p.name = target.value.slice(0, LIMITS.name); return true;
      case "notes": p.notes = target.value.slice(0, LIMITS.text); return true;
      case "kind": this.changeKind(p, target.value); return true;
      case "version": this.emit("version", { target: target.value }); return false;
      default: return false;
    }
  }

  /** A plan whose kind changes keeps its name, unless it is still the other kind's default name. */
  changeKind(p, kind) {
    const s = this.s;
    if (p.name === s[`plan_default_name_${p.kind}`]) p.name = s[`plan_default_name_${kind}`];
    p.kind = kind;
    if (p.kind === "praktijkplan" && !Object.keys(p.years).length) p.years = { 1: {} };
  }
}
