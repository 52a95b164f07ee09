// The verdicts at a glance, next to the form (sticky on a wide screen, at the top on a phone): the counts, a link to
// each rule not met or asking a question, and which interventions each met count counted.

import { element, format } from "../../component.mjs";
import { PlanComponent } from "./editor.mjs";

export class ResultsSummary extends PlanComponent {
  static moduleName = "plan-summary";

  constructor(root, config) {
    super(root, config);
    root.setAttribute("aria-labelledby", "gl-plan-summary-heading");
  }

  show(version, plan, results) {
    const s = this.s;
    const { titles: titlesOf, yearLabel, reasonText, status } = this.words;
    const titles = titlesOf(plan, version);
    const count = (which) => results.filter((r) => r.status === which).length;
    const when = (r) => (r.year ? ` (${yearLabel(plan, r.year)})` : "");
    this.root.replaceChildren(
      element("h2", { id: "gl-plan-summary-heading", text: s.plan_summary }),
      element("p", { text: format(s.plan_summary_counts, { met: count("met"), open: count("not-met"), ask: count("ask") }) }),
    );
    const open = results.filter((r) => r.status === "not-met" || r.status === "ask");
    if (!open.length) this.root.append(element("p", { text: s.plan_summary_all_met }));
    const list = element("ul", { class: "gl-plan-summary-list" });
    for (const r of open) {
      const label = `${status(r.status)}${when(r)}: ${reasonText(r, titles)}`;
      list.append(element("li", { class: `gl-plan-result--${r.status}` }, element("a", { href: `#gl-plan-result-${results.indexOf(r)}`, text: label })));
    }
    const counted = results.filter((r) => r.status === "met" && r.params.ids?.length && r.params.count !== undefined);
    for (const r of counted) {
      const rule = version.rules.find((x) => x.id === r.rule);
      const core = version.core_elements.find((e) => e.id === r.core_element);
      const ids = r.params.ids.map((id) => titles.get(id) ?? id).join(", ");
      list.append(element("li", { class: "gl-plan-result--met", text: `${core ? core.title : rule.summary}${when(r)}, ${format(s.plan_summary_counted, { ids })}` }));
    }
    this.root.append(list);
  }
}
