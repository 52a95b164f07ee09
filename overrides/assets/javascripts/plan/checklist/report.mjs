// The plan's complete report: the printed page (this component's root, shown only in print) and the Markdown and
// CSV files, with every entered text (details, menu, own interventions, justifications, staff type and hours,
// caregivers, notes, minimum hurdle) and the open verdicts with the sentences they rest on.

import { evaluate, toCsv, toMarkdown, yearsOfPlan } from "../core.mjs";
import { download } from "../download.mjs";
import { element, format } from "../../component.mjs";
import { PlanComponent } from "./editor.mjs";

/** A file name from the plan's name and version: letters, digits and dashes only. */
export function fileName(name, version, extension) {
  const base = name.normalize("NFKD").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "plan";
  return `${base}${version ? `-${version}` : ""}.${extension}`;
}

export class Report extends PlanComponent {
  static moduleName = "plan-report";

  constructor(root, config) {
    super(root, config);
    this.save = config.save ?? download;
    this.print = config.print ?? (() => window.print());
    root.setAttribute("aria-hidden", "true");
  }

  /** Prints the page (in print, plan.css shows only this report) or saves the report as "markdown" or "csv". */
  export(kind, plan, version) {
    const labels = this.words.exportLabels(plan, version);
    if (kind === "print") this.print();
    else if (kind === "csv") this.save(fileName(plan.name, plan.guideline_version, "csv"), "text/csv", "\ufeff" + toCsv(plan, version, evaluate(plan, version), labels));
    else if (kind === "markdown") this.save(fileName(plan.name, plan.guideline_version, "md"), "text/markdown", toMarkdown(plan, version, evaluate(plan, version), labels));
  }

  show(version, plan, results) {
    const s = this.s;
    const v = version;
    const p = plan;
    const { ownTitle, reasonText, status } = this.words;
    const titles = this.words.titles(p, v);
    const line = (text) => element("p", { text });
    this.root.replaceChildren(
      element("h2", { text: p.name }),
      line(`${s.plan_kind}: ${s[`plan_kind_${p.kind}`]} · ${s.plan_version}: ${v.label} · ${new Date().toISOString().slice(0, 10)} · ${location.href.split("#")[0]}`),
    );
    const d = p.details;
    const details = [
      [s[`plan_organisation_${p.kind}`], d.organisation], [s.plan_agb, d.agb], [s.plan_start_year, d.start_year ?? ""],
      [s.plan_status, s[`plan_status_${d.status}`]], [s.plan_author, d.author], [s.plan_date, d.date],
      [s.plan_follows_label, p.follows ? `${p.follows.name} (${p.follows.date || "—"})` : ""],
    ].filter(([, value]) => String(value).trim());
    this.root.append(line(details.map(([label, value]) => `${label}: ${value}`).join(" · ")));
    if (p.menu.length) this.root.append(line(`${s.plan_menu}: ${p.menu.map((id) => `${titles.get(id)}${p.year2.includes(id) ? ` (${s.plan_year2})` : ""}`).join("; ")}`));
    for (const c of p.custom) this.root.append(line(`${ownTitle(c)}: ${c.insurer_agreement ? s.plan_custom_agreed : s.plan_custom_not_agreed}${c.note ? ` · ${c.note}` : ""}`));
    for (const [id, deep] of Object.entries(p.deepening)) this.root.append(line(`${s.plan_deepening}: ${titles.get(id)}: ${deep.justification || (deep.discussed ? s.plan_deepening_discussed : "—")}`));
    for (const year of yearsOfPlan(p)) {
      const chosen = Object.entries(p.years[year]).map(([id, c]) => {
        const extra = [c.justification, c.caregivers.join(", "), ...c.trainings.map((t) => t.caregivers.join(", ")), c.staff_type, c.hours ? `${c.hours} h` : ""].filter(Boolean);
        return `${titles.get(id)} (${s[`plan_action_${c.action}`]}${extra.length ? `: ${extra.join("; ")}` : ""})`;
      });
      this.root.append(line(`${format(s.plan_year, { year })}: ${chosen.join("; ") || s.plan_nothing_chosen}`));
    }
    if (p.notes) this.root.append(line(`${s.plan_notes}: ${p.notes}`));
    const met = results.filter((r) => r.status === "met").length;
    const open = results.filter((r) => r.status === "not-met" || r.status === "ask");
    this.root.append(line(format(s.plan_print_results, { met, open: open.length })));
    const rules = new Map(v.rules.map((r) => [r.id, r]));
    const list = element("ul");
    for (const r of open) {
      const rule = rules.get(r.rule);
      const sentence = rule.cite ? ` ${s.plan_cite}: “${rule.cite.quote}” (${format(s.plan_cite_page, { page: rule.cite.page })})` : "";
      list.append(element("li", { text: `${status(r.status)}: ${reasonText(r, titles)} (${rule.summary})${sentence}` }));
    }
    this.root.append(list, line(`${s.plan_hurdle}: ${v.hurdle.map((h) => `${p.hurdle.includes(h.id) ? "☑" : "☐"} ${h.label}`).join("  ")}`));
  }
}
