// The plan's own interventions (outside the guideline's list): title, core element, the guideline intervention it
// is in line with, the insurer's agreement and a note; in a regioplan also the year-2 network choice. Removing
// one removes it from every year and can be undone.

import { LIMITS, nextCustomId, year2Elements } from "../core.mjs";
import { element } from "../../component.mjs";
import { PlanEditor } from "./editor.mjs";
import { button, checkbox, select, textArea, textField, toggle } from "./fields.mjs";

export class CustomInterventions extends PlanEditor {
  static moduleName = "plan-custom";

  constructor(root, config) {
    super(root, config);
    this.actions = {
      "add-custom": () => {
        const p = this.plan;
        if (p.custom.length < LIMITS.custom) p.custom.push({ id: nextCustomId(p), title: "", core_element: "", in_line_with: "", insurer_agreement: false, note: "" });
      },
      "remove-custom": (id) => {
        const p = this.plan;
        const at = p.custom.findIndex((c) => c.id === id);
        if (at < 0) return undefined;
        const snapshot = structuredClone(p);
        p.custom.splice(at, 1);
        for (const year of Object.values(p.years)) delete year[id];
        delete p.deepening[id];
        toggle(p.year2, id, false);
        return { undo: () => { Object.assign(p, snapshot); }, message: this.s.plan_message_deleted };
      },
    };
  }

  show(plan, version) {
    this.plan = plan;
    const s = this.s;
    this.root.replaceChildren(element("legend", { text: s.plan_custom }), element("p", { class: "gl-plan-help", text: s.plan_custom_help }));
    const elements = [["", s.plan_custom_choose], ...version.core_elements.map((e) => [e.id, e.title])];
    for (const c of plan.custom) {
      const inLine = [["", s.plan_custom_choose], ...version.interventions.filter((i) => i.core_element === c.core_element).map((i) => [i.id, `${i.number}. ${i.title}`])];
      const row = element(
        "div", { class: "gl-plan-details" },
        ...textField(`custom-title|${c.id}`, s.plan_custom_title, c.title),
        ...select(`custom-element|${c.id}`, s.plan_custom_element, elements, c.core_element),
        ...select(`custom-inline|${c.id}`, s.plan_custom_in_line, inLine, c.in_line_with),
        element("span", {}, ...checkbox(`custom-agreement|${c.id}`, s.plan_custom_agreement, c.insurer_agreement)),
        ...textArea(`custom-note|${c.id}`, s.plan_custom_note, c.note),
        button(`remove-custom|${c.id}`, s.plan_custom_remove),
      );
      if (plan.kind === "regioplan" && year2Elements(version).has(c.core_element)) row.append(element("span", {}, ...checkbox(`year2|${c.id}`, s.plan_year2, plan.year2.includes(c.id))));
      this.root.append(row);
    }
    this.root.append(button("add-custom", s.plan_custom_add, { disabled: plan.custom.length >= LIMITS.custom }));
  }

  update(key, target) {
    const [what, id] = key.split("|");
    const custom = this.plan.custom.find((c) => c.id === id);
    if (what === "year2") {
      toggle(this.plan.year2, id, target.checked);
      return true;
    }
    if (!custom) return false;
    switch (what) {
      case "custom-title": custom.title = target.value.slice(0, LIMITS.name); return true;
      case "custom-note": custom.note = target.value.slice(0, LIMITS.text); return true;
      case "custom-element": Object.assign(custom, { core_element: target.value, in_line_with: "" }); return true;
      case "custom-inline": custom.in_line_with = target.value; return true;
      case "custom-agreement": custom.insurer_agreement = target.checked; return true;
      default: return false;
    }
  }
}
