// The minimum hurdle (minimale horde): the version's conditions as a checklist, each with a link to its text.

import { element } from "../../component.mjs";
import { PlanEditor } from "./editor.mjs";
import { checkbox, interventionLink, toggle } from "./fields.mjs";

export class Hurdle extends PlanEditor {
  static moduleName = "plan-hurdle";

  show(plan, version) {
    this.plan = plan;
    this.root.replaceChildren(element("legend", { text: this.s.plan_hurdle }));
    for (const h of version.hurdle) {
      this.root.append(element("div", { class: "gl-plan-row" }, ...checkbox(`hurdle|${h.id}`, h.label, plan.hurdle.includes(h.id)), " ", interventionLink(this.s, { url: h.url, title: h.label })));
    }
  }

  update(key, target) {
    const [what, id] = key.split("|");
    if (what !== "hurdle") return false;
    toggle(this.plan.hurdle, id, target.checked);
    return true;
  }
}
