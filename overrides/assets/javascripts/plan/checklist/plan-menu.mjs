// The menu of interventions per core element: a regioplan's menu for its region (with, for the core elements that
// need it, the year-2 network choice), or the interventions a praktijkplan takes from its regioplan.

import { year2Elements } from "../core.mjs";
import { element } from "../../component.mjs";
import { PlanEditor } from "./editor.mjs";
import { checkbox, interventionLink, toggle } from "./fields.mjs";

export class PlanMenu extends PlanEditor {
  static moduleName = "plan-menu";

  show(plan, version) {
    this.plan = plan;
    const s = this.s;
    this.root.replaceChildren(element("legend", { text: plan.kind === "regioplan" ? s.plan_menu_regio : s.plan_menu_practice }));
    if (plan.kind === "praktijkplan") this.root.append(element("p", { class: "gl-plan-help", text: s.plan_menu_help }));
    const year2 = year2Elements(version);
    for (const core of version.core_elements) {
      const group = element("fieldset", {}, element("legend", { text: core.title }));
      for (const i of version.interventions.filter((x) => x.core_element === core.id)) {
        const row = element("div", { class: "gl-plan-row" }, ...checkbox(`menu|${i.id}`, `${i.number}. ${i.title}`, plan.menu.includes(i.id)), " ", interventionLink(s, i));
        if (plan.kind === "regioplan" && year2.has(core.id) && plan.menu.includes(i.id)) {
          row.append(" ", ...checkbox(`year2|${i.id}`, s.plan_year2, plan.year2.includes(i.id)));
        }
        group.append(row);
      }
      this.root.append(group);
    }
  }

  update(key, target) {
    const [what, id] = key.split("|");
    if (what === "menu") {
      toggle(this.plan.menu, id, target.checked);
      if (!target.checked) toggle(this.plan.year2, id, false);
      return true;
    }
    if (what === "year2") {
      toggle(this.plan.year2, id, target.checked);
      return true;
    }
    return false;
  }
}
