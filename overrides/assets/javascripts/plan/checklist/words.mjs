// The checklist's sentences built from the page's strings (`data.strings`, one language): titles, verdicts, years,
// error messages, and the labels the exports use. Pure: no DOM.

import { PlanError, calendarYear, titlesOf } from "../core.mjs";
import { format } from "../../component.mjs";

export function words(s) {
  /** A plan's own intervention, marked as such. */
  const ownTitle = (c) => `${c.title.trim() || s.plan_custom_untitled} (${s.plan_custom_badge})`;

  /** Why a rule is (not) met, with the interventions it names. */
  const reasonText = (r, titles) => {
    const params = {
      ...r.params,
      ids: (r.params.ids || []).map((id) => titles.get(id) || id).join(", "),
      missing: (r.params.missing || []).map((m) => s[`plan_custom_missing_${m}`] ?? m).join(", "),
    };
    // A count of one takes the singular form where the language has one (`…_one`, as `ui()` in generator/i18n.py).
    const key = params.count === 1 && `plan_${r.reason}_one` in s ? `plan_${r.reason}_one` : `plan_${r.reason}`;
    return format(s[key] ?? r.reason, params);
  };

  return {
    ownTitle,
    reasonText,
    titles: (p, v) => titlesOf(p, v, ownTitle),
    status: (status) => s[`plan_status_${status.replace("-", "_")}`],
    /** "Jaar 2 (2025)" when the plan says when the practice started. */
    yearLabel: (p, year) => {
      const calendar = calendarYear(p, year);
      return calendar === null ? format(s.plan_year, { year }) : format(s.plan_year_calendar, { year, calendar });
    },
    errorText: (error) => (error instanceof PlanError ? format(s[`plan_${error.key}`] ?? s.plan_error_not_plan, error.params) : s.plan_error_not_plan),
    planOption: (p, data) => `${p.name} (${s[`plan_kind_${p.kind}`]}, ${data.versions[p.guideline_version].label})`,
    /** The words of the CSV and Markdown exports (core.mjs `toCsv`, `toMarkdown`). */
    exportLabels: (p, v) => ({
      csv_header: s.plan_csv_header.split("|"),
      menu: s.plan_menu, kind: s.plan_kind, version: s.plan_version,
      kinds: { regioplan: s.plan_kind_regioplan, praktijkplan: s.plan_kind_praktijkplan },
      actions: { implement: s.plan_action_implement, continue: s.plan_action_continue, deepen: s.plan_action_deepen },
      year: (year) => format(s.plan_year, { year }),
      nothing: s.plan_nothing_chosen, results: s.plan_results,
      status: { met: s.plan_status_met, "not-met": s.plan_status_not_met, note: s.plan_status_note, ask: s.plan_status_ask },
      year2: s.plan_year2, deepening: s.plan_deepening, custom: s.plan_custom, agreed: s.plan_custom_agreed,
      not_agreed: s.plan_custom_not_agreed, discussed: s.plan_deepening_discussed, notes: s.plan_notes,
      hurdle: s.plan_hurdle, ticked: s.plan_report_ticked, not_ticked: s.plan_report_not_ticked,
      reason: (r) => reasonText(r, titlesOf(p, v, ownTitle)),
      page: (page) => format(s.plan_cite_page, { page }), cite_unknown: s.plan_cite_unknown,
      details: {
        organisation: s[`plan_organisation_${p.kind}`], agb: s.plan_agb, start_year: s.plan_start_year, status: s.plan_status,
        author: s.plan_author, date: s.plan_date, follows: s.plan_follows_label,
        statuses: { draft: s.plan_status_draft, agreed: s.plan_status_agreed },
      },
    }),
  };
}
