// A change of the plan's guideline version that would change a choice is shown first, choice by choice; nothing
// changes until it is applied. Emits `gl-plan:action` {act: "version-apply" | "version-cancel"}.

import { element, format } from "../../component.mjs";
import { PlanComponent } from "./editor.mjs";
import { button } from "./fields.mjs";
import { statusTable } from "./status-table.mjs";

export class VersionPreview extends PlanComponent {
  static moduleName = "plan-version-preview";

  constructor(root, config) {
    super(root, config);
    this.passActions(["version-apply", "version-cancel"]);
    root.setAttribute("role", "region");
  }

  show(from, to, statuses) {
    const s = this.s;
    const text = format(s.plan_version_preview, { version: to.label });
    this.root.setAttribute("aria-label", text);
    this.root.replaceChildren(
      element("p", { text }),
      statusTable(s, from, to, statuses, format(s.plan_recheck_caption, { from: from.label, to: to.label })),
      button("version-apply", s.plan_version_apply, { primary: true }),
      " ",
      button("version-cancel", s.plan_version_cancel),
    );
  }
}
