// A plan opened from a share link is a preview until the user saves it to their plans or dismisses it.
// Emits `gl-plan:action` {act: "shared-save" | "shared-dismiss"}.

import { element } from "../../component.mjs";
import { PlanComponent } from "./editor.mjs";
import { button } from "./fields.mjs";

export class SharedPreview extends PlanComponent {
  static moduleName = "plan-shared";

  constructor(root, config) {
    super(root, config);
    this.passActions(["shared-save", "shared-dismiss"]);
    root.setAttribute("role", "region");
    root.setAttribute("aria-label", this.s.plan_shared_preview);
    root.append(
      element("p", { text: this.s.plan_shared_preview }),
      button("shared-save", this.s.plan_shared_save, { primary: true }),
      " ",
      button("shared-dismiss", this.s.plan_shared_dismiss),
    );
  }
}
