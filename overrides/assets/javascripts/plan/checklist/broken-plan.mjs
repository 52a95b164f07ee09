// A saved plan that cannot be read is kept as it was: this says why, and offers the stored text as a file.
// Emits `gl-plan:action` {act: "download-broken"}.

import { element, format } from "../../component.mjs";
import { PlanComponent } from "./editor.mjs";
import { button } from "./fields.mjs";

export class BrokenPlan extends PlanComponent {
  static moduleName = "plan-broken";

  constructor(root, config) {
    super(root, config);
    this.passActions(["download-broken"]);
    root.setAttribute("role", "region");
  }

  show(error, number) {
    const s = this.s;
    this.root.setAttribute("aria-label", format(s.plan_broken_option, { number }));
    this.root.replaceChildren(
      element("p", { text: format(s.plan_broken, { error: this.words.errorText(error) }) }),
      button("download-broken", s.plan_broken_download),
    );
  }
}
