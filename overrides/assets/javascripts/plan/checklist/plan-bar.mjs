// The saved plans: choose one, start a new praktijkplan or regioplan, delete the one shown. A plan that cannot be
// read is listed by its number. Emits `gl-plan:select` {index} and `gl-plan:action` {act} for new and delete.

import { element, format } from "../../component.mjs";
import { PlanComponent } from "./editor.mjs";
import { button } from "./fields.mjs";

export class PlanBar extends PlanComponent {
  static moduleName = "plan-bar";

  constructor(root, config) {
    super(root, config);
    this.passActions(["new-praktijkplan", "new-regioplan", "delete"]);
    root.addEventListener("change", (event) => {
      if (event.target.dataset?.key === "select-plan") this.emit("select", { index: Number(event.target.value) });
    });
  }

  /** `entries` are {plan} or {raw, error}; while a shared plan is previewed, choosing and deleting wait. */
  show(entries, selected, previewing) {
    const s = this.s;
    const planSelect = element("select", { id: "gl-plan-select", "data-key": "select-plan", disabled: previewing });
    entries.forEach((entry, index) => planSelect.append(element("option", {
      value: String(index), selected: index === selected,
      text: entry.plan ? this.words.planOption(entry.plan, this.data) : format(s.plan_broken_option, { number: index + 1 }),
    })));
    this.root.replaceChildren(
      element("label", { for: "gl-plan-select", text: s.plan_saved_plans }), planSelect,
      button("new-praktijkplan", s.plan_new_praktijkplan),
      button("new-regioplan", s.plan_new_regioplan),
      button("delete", s.plan_delete, { disabled: previewing }),
    );
  }

  /** The plan's name as it is typed; the rest of the page is not drawn again while the user types. */
  rename(index, plan) {
    const option = this.root.querySelector(`#gl-plan-select option[value="${index}"]`);
    if (option) option.textContent = this.words.planOption(plan, this.data);
  }
}
