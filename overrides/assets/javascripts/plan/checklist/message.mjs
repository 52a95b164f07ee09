// The page's message line: what just happened (or went wrong), and the offer to undo the last deletion.
// Emits `gl-plan:action` {act: "undo"}.

import { element } from "../../component.mjs";
import { PlanComponent } from "./editor.mjs";
import { button } from "./fields.mjs";

export class PlanMessage extends PlanComponent {
  static moduleName = "plan-message";

  constructor(root, config) {
    super(root, config);
    this.passActions(["undo"]);
  }

  show({ text, kind }, canUndo) {
    this.root.className = `gl-plan-message gl-plan-message--${kind}`;
    this.root.setAttribute("role", kind === "error" ? "alert" : "status");
    this.root.replaceChildren();
    if (text) this.root.append(element("span", { text }));
    if (canUndo) this.root.append(" ", button("undo", this.s.plan_undo));
  }
}
