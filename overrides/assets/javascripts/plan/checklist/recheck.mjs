// Re-checking the plan against another guideline version, by the change sets' id mapping: what happens to each
// choice, and the other version's verdicts. The plan itself does not change. Emits `gl-plan:action`
// {act: "recheck"}; the page then keeps `Recheck.of(plan, data, chosen())` and shows it.

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
    this.results = startParts([[Results, "section", "gl-plan-results"]], config, root)[Results.moduleName];
  }

  /** The version chosen in the list. */
  chosen() {
    return this.root.querySelector("#gl-plan-recheck-version")?.value;
  }

  /** `plan` re-checked against version `target`: {target, plan, statuses}. */
  static of(plan, data, target) {
    return { target, ...migrate(plan, data, target) };
  }

  /** `result`: the last re-check of the plan shown ({target, plan, statuses}), or null. */
  show(version, result = null) {
    const s = this.s;
    const v = version;
    const options = Object.values(this.data.versions).filter((o) => o.id !== v.id).map((o) => [o.id, o.label]);
    this.root.replaceChildren(
      element("h2", { id: "gl-plan-recheck-heading", text: s.plan_recheck }), element("p", { class: "gl-plan-help", text: s.plan_recheck_help }),
      ...select("recheck-version", s.plan_recheck_version, options, result?.target), " ", button("recheck", s.plan_recheck_button),
    );
    if (!result) return;
    const target = this.data.versions[result.target];
    for (const which of [v, target]) {
      if (which.completeness === "reconstructed") this.root.append(element("p", { class: "gl-plan-help gl-plan-reconstructed", text: format(s.plan_reconstructed, { version: which.label }) }));
    }
    this.root.append(statusTable(s, v, target, result.statuses, format(s.plan_recheck_caption, { from: v.label, to: target.label })));
    this.results.show(target, result.plan, evaluate(result.plan, target), { heading: format(s.plan_recheck_results, { version: target.label }), prefix: "gl-plan-recheck-result" });
    this.root.append(this.results.root);
  }
}
