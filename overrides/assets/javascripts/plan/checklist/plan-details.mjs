// The details a real plan carries: the practice's or RHO's name, the AGB code (optional; eight digits), the year the
// practice started MTVP (a praktijkplan only; it gives each plan year its calendar year), status, author and date.
// A refused AGB code or start year is named next to its field and not stored.

import { LIMITS, START_YEARS } from "../core.mjs";
import { element, format } from "../../component.mjs";
import { PlanEditor } from "./editor.mjs";
import { checked, field, fieldError, idOf, radios, textField } from "./fields.mjs";

export class PlanDetails extends PlanEditor {
  static moduleName = "plan-details";

  constructor(root, config) {
    super(root, config);
    this.invalid = config.invalid ?? new Map(); // data-key -> message, kept by the page while it is drawn again
  }

  show(plan) {
    this.plan = plan;
    const s = this.s;
    const d = plan.details;
    const described = (control, key) => { control.setAttribute("aria-describedby", `${idOf(key)}-error`); return control; };
    const grid = element(
      "div", { class: "gl-plan-details" },
      ...textField("detail-organisation", s[`plan_organisation_${plan.kind}`], d.organisation),
      ...field("detail-agb", s.plan_agb, described(element("input", { type: "text", inputmode: "numeric", maxlength: 20, autocomplete: "off", value: d.agb }), "detail-agb")),
      fieldError("detail-agb", this.invalid.get("detail-agb")),
    );
    if (plan.kind === "praktijkplan") {
      grid.append(
        ...field("detail-start", s.plan_start_year, described(element("input", { type: "number", min: START_YEARS.min, max: START_YEARS.max, step: 1, value: d.start_year ?? "" }), "detail-start")),
        fieldError("detail-start", this.invalid.get("detail-start")),
      );
    }
    grid.append(
      radios("detail-status", s.plan_status, ["draft", "agreed"].map((status) => [status, s[`plan_status_${status}`], d.status === status])),
      ...textField("detail-author", s.plan_author, d.author),
      ...field("detail-date", s.plan_date, element("input", { type: "date", value: d.date })),
    );
    this.root.replaceChildren(element("legend", { text: s.plan_details }), grid);
  }

  update(key, target) {
    const d = this.plan.details;
    switch (key) {
      case "detail-organisation": d.organisation = target.value.slice(0, LIMITS.name); return true;
      case "detail-author": d.author = target.value.slice(0, LIMITS.name); return true;
      case "detail-status": d.status = target.value; return true;
      case "detail-date": d.date = target.value; return true;
      case "detail-agb":
        return checked(this.root, this.invalid, key, /^([0-9]{8})?$/.test(target.value.trim()), this.s.plan_agb_invalid, () => { d.agb = target.value.trim(); });
      case "detail-start": {
        const year = target.value === "" ? null : Number(target.value);
        const ok = year === null || (Number.isInteger(year) && year >= START_YEARS.min && year <= START_YEARS.max);
        return checked(this.root, this.invalid, key, ok, format(this.s.plan_start_year_invalid, START_YEARS), () => { d.start_year = year; });
      }
      default: return false;
    }
  }
}
