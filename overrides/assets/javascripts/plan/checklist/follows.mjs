// For a praktijkplan started from a regioplan: which regioplan (name, date) it follows, and whether a regioplan this
// browser knows has changed since. Emits `gl-plan:action` {act: "follow-regio"}.

import { regioChanged } from "../core.mjs";
import { element, format } from "../../component.mjs";
import { PlanComponent } from "./editor.mjs";
import { button } from "./fields.mjs";

export class FollowsRegio extends PlanComponent {
  static moduleName = "plan-follows";

  constructor(root, config) {
    super(root, config);
    this.passActions(["follow-regio"]);
  }

  /** Whether this plan says which regioplan it follows (otherwise the component is not shown). */
  static applies(plan) {
    return plan.kind === "praktijkplan" && Boolean(plan.follows);
  }

  /** `regioplans`: the regioplans this browser knows (saved, or opened from a share link). */
  show(plan, regioplans) {
    const s = this.s;
    this.root.className = "gl-plan-follows";
    this.root.replaceChildren(element("p", { text: format(s.plan_follows, { name: plan.follows.name, date: plan.follows.date || "—" }) }));
    const newer = regioplans.find((regio) => regioChanged(plan, regio));
    if (newer) {
      this.root.classList.add("gl-plan-follows--changed");
      this.root.append(
        element("p", { role: "status", text: format(s.plan_follows_changed, { name: newer.name, date: newer.details.date || "—" }) }),
        button("follow-regio", s.plan_follows_update),
      );
    }
  }
}
