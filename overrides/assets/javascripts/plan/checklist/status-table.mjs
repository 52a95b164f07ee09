// What happens to each choice of a plan moved to another guideline version (unchanged, renamed, merged, gone), by
// the change sets' id mapping: shown before a change of version is applied, and by the re-check.

import { element } from "../../component.mjs";

export function statusTable(s, from, to, statuses, caption) {
  if (!statuses.size) return element("p", { text: s.plan_nothing_chosen });
  const titles = new Map([...from.interventions, ...to.interventions].map((i) => [i.id, i.title]));
  const table = element("table", {}, element("caption", { text: caption }));
  table.append(element("thead", {}, element("tr", {}, element("th", { scope: "col", text: s.plan_recheck_choice }), element("th", { scope: "col", text: s.plan_recheck_status }))));
  const body = element("tbody");
  for (const [id, { status, to: target }] of statuses) {
    const note = target && target !== id ? ` → ${titles.get(target)}` : "";
    body.append(element("tr", { class: `gl-plan-migrated--${status}` }, element("td", { text: titles.get(id) || id }), element("td", { text: s[`plan_migrated_${status}`] + note })));
  }
  table.append(body);
  return table;
}
