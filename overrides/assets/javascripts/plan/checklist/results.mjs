// The verdicts of a plan, per core element and for the whole plan: each rule's status and why, a link to the rule,
// and the guideline's sentence it rests on (with its page), or a note that the sentence is not known.

import { element, format } from "../../component.mjs";
import { PlanComponent } from "./editor.mjs";

export class Results extends PlanComponent {
  static moduleName = "plan-results";

  /** `prefix` names the ids of the list items (the summary links to `#gl-plan-result-<n>`). */
  show(version, plan, results, { heading = this.s.plan_results, prefix = "gl-plan-result" } = {}) {
    const s = this.s;
    const v = version;
    this.root.setAttribute("aria-labelledby", `${prefix}s-heading`);
    this.root.replaceChildren(element("h2", { id: `${prefix}s-heading`, text: heading }), element("p", { class: "gl-plan-help", text: s.plan_results_help }));
    if (v.completeness === "reconstructed") this.root.append(element("p", { class: "gl-plan-help gl-plan-reconstructed", text: format(s.plan_reconstructed, { version: v.label }) }));
    const rules = new Map(v.rules.map((r) => [r.id, r]));
    const titles = this.words.titles(plan, v);
    const groups = [...v.core_elements.map((c) => ({ id: c.id, title: c.title })), { id: null, title: s.plan_whole_plan }];
    for (const group of groups) {
      const mine = results.filter((r) => r.core_element === group.id);
      if (!mine.length) continue;
      const list = element("ul", { class: "gl-plan-result-list" });
      for (const r of mine) {
        const rule = rules.get(r.rule);
        list.append(element(
          "li", { id: `${prefix}-${results.indexOf(r)}`, class: `gl-plan-result gl-plan-result--${r.status}`, "data-rule": r.rule },
          element("strong", { text: `${this.words.status(r.status)}${r.year ? ` (${format(s.plan_year, { year: r.year })})` : ""}: ` }),
          this.words.reasonText(r, titles), " ",
          element("a", { href: new URL(rule.url, location.href).href, text: rule.summary }),
          this.citation(rule),
        ));
      }
      this.root.append(element("h3", { text: group.title }), list);
    }
  }

  citation(rule) {
    const s = this.s;
    if (!rule.cite) return element("p", { class: "gl-plan-cite gl-plan-cite--unknown", text: s.plan_cite_unknown });
    return element(
      "p", { class: "gl-plan-cite" },
      `${s.plan_cite}: `, element("q", { text: rule.cite.quote }), " (",
      element("a", { href: new URL(rule.cite.url, location.href).href, text: rule.cite.page ? format(s.plan_cite_page, { page: rule.cite.page }) : s.plan_read }),
      ")",
    );
  }
}
