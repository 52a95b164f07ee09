// Re-checking the plan against another guideline version, by the change sets' id mapping: what happens to each
// choice, and the other version's verdicts. The plan itself does not change. Emits `gl-plan:action`
// {act: "recheck"}; the page then calls `run(plan)`.

import { element, format } from "../../component.mjs";
import { evaluate, migrate } from "../core.mjs";
import { PlanComponent, startParts } from "./editor.mjs";
import { button, select } from "./fields.mjs";
import { Results } from "./results.mjs";
import { statusTable } from "./status-table.mjs";

export class Recheck extends PlanComponent {
  static moduleName = "plan-recheck";

  constructor(root, config) {
    super(root, config);
    this.passActions(["recheck"]);
    root.setAttribute("aria-labelledby", "gl-plan-recheck-heading");
    this.result = null; // {target, plan, statuses} of the last re-check
    this.results = startParts([[Results, "section", "gl-plan-results"]], config, root)[Results.moduleName];
  }

  /** Re-checks `plan` against the version chosen in the list. */
  run(plan) {
    const target = this.root.querySelector("#gl-plan-recheck-version")?.value;
    if (target) this.result = { target, ...migrate(plan, this.data, target) };
  }

  /** Forgets the last re-check (another plan or version is shown). */
  clear() {
    this.result = null;
  }

  show(version) {
    const s = this.s;
    const v = version;
    const options = Object.values(this.data.versions).filter((o) => o.id !== v.id).map((o) => [o.id, o.label]);
    this.root.replaceChildren(
      element("h2", { id: "gl-plan-recheck-heading", text: s.plan_recheck }), element("p", { class: "gl-plan-help", text: s.plan_recheck_help }),
      ...select("recheck-version", s.plan_recheck_version, options, this.result?.target), " ", button("recheck", s.plan_recheck_button),
    );
    if (!this.result) return;
    const target = this.data.versions[this.result.target];
    for (const which of [v, target]) {
      if (which.completeness === "reconstructed") this.root.append(element("p", { class: "gl-plan-help gl-plan-reconstructed", text: format(s.plan_reconstructed, { version: which.label }) }));
    }
    this.root.append(statusTable(s, v, target, this.result.statuses, format(s.plan_recheck_caption, { from: v.label, to: target.label })));
    this.results.show(target, this.result.plan, evaluate(this.result.plan, target), { heading: format(s.plan_recheck_results, { version: target.label }), prefix: "gl-plan-recheck-result" });
    this.root.append(this.results.root);
  }
}
