// A regioplan's deepening (doorontwikkeling) per intervention of its menu: a justification and whether it was
// discussed, which the praktijkplannen started from it carry over.

import { LIMITS } from "../core.mjs";
import { element } from "../../component.mjs";
import { PlanEditor } from "./editor.mjs";
import { checkbox, textArea } from "./fields.mjs";

export class Deepening extends PlanEditor {
  static moduleName = "plan-deepening";

  show(plan, version) {
    this.plan = plan;
    const s = this.s;
    this.root.replaceChildren(element("legend", { text: s.plan_deepening }), element("p", { class: "gl-plan-help", text: s.plan_deepening_help }));
    const titles = this.words.titles(plan, version);
    for (const id of [...plan.menu, ...plan.custom.map((c) => c.id)]) {
      const entry = plan.deepening[id];
      const row = element("div", { class: "gl-plan-row" }, ...checkbox(`deepening|${id}`, titles.get(id), Boolean(entry)));
      if (entry) {
        row.append(element(
          "div", { class: "gl-plan-details" },
          ...textArea(`deepening-justification|${id}`, s.plan_deepening_justification, entry.justification),
          element("span", {}, ...checkbox(`deepening-discussed|${id}`, s.plan_deepening_discussed, entry.discussed)),
        ));
      }
      this.root.append(row);
    }
  }

  update(key, target) {
    const [what, id] = key.split("|");
    const deepening = this.plan.deepening;
    switch (what) {
      case "deepening":
        if (target.checked) deepening[id] = { justification: "", discussed: false };
        else delete deepening[id];
        return true;
      case "deepening-justification": if (deepening[id]) deepening[id].justification = target.value.slice(0, LIMITS.text); return true;
      case "deepening-discussed": if (deepening[id]) deepening[id].discussed = target.checked; return true;
      default: return false;
    }
  }
}
