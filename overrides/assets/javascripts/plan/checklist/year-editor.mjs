// A praktijkplan's years: per year and core element, the interventions chosen (the regioplan's menu first, the rest
// folded away), each implemented, continued or deepened, with what the choice needs: a justification, the
// caregivers, trainings, and for staff expansion the type of staff and hours. A new year starts from the year before
// as "continue". Removing a year or a training can be undone.

import {
  LIMITS, OTHER_TRAINING, chosenBefore, ictInterventions, isTraining, newChoice, nextYearChoices, staffInterventions, yearsOfPlan,
} from "../core.mjs";
import { element, format } from "../../component.mjs";
import { PlanEditor } from "./editor.mjs";
import {
  button, checkbox, checked, field, fieldError, idOf, interventionLink, radios, select, splitNames, textArea, textField,
} from "./fields.mjs";

export class YearEditor extends PlanEditor {
  static moduleName = "plan-years";

  constructor(root, config) {
    super(root, config);
    this.invalid = config.invalid ?? new Map(); // data-key -> message, kept by the page while it is drawn again
    const s = this.s;
    this.actions = {
      "add-year": () => {
        const p = this.plan;
        const next = Math.max(0, ...Object.keys(p.years).map(Number)) + 1;
        // A new year starts from the year before (continued), so the user changes only what is new.
        if (next <= LIMITS.years) p.years[next] = nextYearChoices(p, next);
      },
      "remove-year": () => {
        const p = this.plan;
        const last = Math.max(...Object.keys(p.years).map(Number));
        if (Object.keys(p.years).length <= 1) return undefined;
        const removed = p.years[last];
        delete p.years[last];
        return { undo: () => { p.years[last] = removed; }, message: format(s.plan_message_year_removed, { year: last }) };
      },
      "add-training": (year, id) => {
        const choice = this.plan.years[year]?.[id];
        if (choice && choice.trainings.length < LIMITS.trainings) choice.trainings.push({ key: "", name: "", caregivers: [] });
      },
      "remove-training": (year, id, index) => {
        const choice = this.plan.years[year]?.[id];
        if (!choice) return undefined;
        const [removed] = choice.trainings.splice(Number(index), 1);
        return { undo: () => choice.trainings.splice(Number(index), 0, removed), message: s.plan_message_deleted };
      },
    };
  }

  show(plan, version) {
    this.plan = plan;
    this.version = version;
    const s = this.s;
    const p = plan;
    const menu = new Set([...p.menu, ...p.custom.map((c) => c.id)]);
    this.root.replaceChildren();
    for (const year of yearsOfPlan(p)) {
      const section = element("fieldset", { class: "gl-plan-year" }, element("legend", { text: this.words.yearLabel(p, year) }));
      for (const core of version.core_elements) {
        const group = element("fieldset", {}, element("legend", { text: core.title }));
        const own = p.custom.filter((c) => c.core_element === core.id).map((c) => ({ id: c.id, title: this.words.ownTitle(c), trainings: [], traits: [] }));
        const items = [...version.interventions.filter((x) => x.core_element === core.id), ...own];
        const offered = p.menu.length ? items.filter((x) => menu.has(x.id)) : items;
        for (const i of offered) group.append(this.choice(year, i, true));
        // With a menu, the rest of the guideline's interventions sit in a collapsed list (chosen ones stay open).
        const others = p.menu.length ? items.filter((x) => !menu.has(x.id)) : [];
        if (others.length) {
          const opened = others.some((x) => p.years[year][x.id]);
          const more = element("details", { open: opened }, element("summary", { text: format(s.plan_other_interventions, { count: others.length }) }));
          for (const i of others) more.append(this.choice(year, i, false));
          group.append(more);
        }
        section.append(group);
      }
      this.root.append(section);
    }
    const count = Object.keys(p.years).length;
    this.root.append(
      button("add-year", s.plan_add_year, { disabled: count >= LIMITS.years }),
      " ",
      button("remove-year", s.plan_remove_year, { disabled: count <= 1 }),
    );
  }

  /** One intervention in one year: the tick, and when ticked what the choice needs. */
  choice(year, i, inMenu) {
    const s = this.s;
    const p = this.plan;
    const v = this.version;
    const choice = p.years[year][i.id];
    const row = element("div", { class: "gl-plan-row" + (choice ? " gl-plan-row--chosen" : "") });
    row.append(...checkbox(`choose|${year}|${i.id}`, i.number ? `${i.number}. ${i.title}` : i.title, Boolean(choice)), " ");
    if (i.url) row.append(interventionLink(s, i));
    if (!inMenu && p.menu.length) row.append(element("span", { class: "gl-plan-outside", text: s.plan_outside_menu }));
    if (!choice) return row;
    const key = `${year}|${i.id}`;
    const details = element("div", { class: "gl-plan-details" });
    // Continuing or deepening needs an earlier choice of the same intervention (the rule's sentence: its `cite`).
    const earlier = chosenBefore(p, i.id, year);
    const actions = ["implement", ...(earlier || choice.action === "continue" ? ["continue"] : []), ...(earlier || choice.action === "deepen" ? ["deepen"] : [])];
    details.append(...select(`action|${key}`, s.plan_action, actions.map((a) => [a, s[`plan_action_${a}`]]), choice.action));
    const staff = staffInterventions(v).has(i.id);
    if (choice.action === "deepen" || staff) {
      details.append(...textArea(`justification|${key}`, staff ? s.plan_staff_justification : s.plan_justification, choice.justification));
    }
    if (choice.action === "deepen") details.append(element("span", {}, ...checkbox(`regional|${key}`, s.plan_regional, choice.regional)));
    if (choice.action === "deepen" && ictInterventions(v).has(i.id)) {
      const value = choice.fully_implemented;
      details.append(radios(`fully|${key}`, s.plan_fully_implemented, [["yes", s.plan_answer_yes, value === true], ["no", s.plan_answer_no, value === false], ["open", s.plan_answer_open, value === null]]));
    }
    if (isTraining(i) || (i.trainings ?? []).length) details.append(this.trainings(year, i, choice));
    if (!isTraining(i)) details.append(...textField(`caregivers|${key}`, s.plan_caregivers, choice.caregivers.join(", "), 600));
    if (staff) {
      const hoursKey = `hours|${key}`;
      details.append(
        ...textField(`staff_type|${key}`, s.plan_staff_type, choice.staff_type),
        ...field(hoursKey, s.plan_hours, element("input", { type: "number", min: 0, max: LIMITS.hours, step: "0.5", value: choice.hours ?? "", "aria-describedby": `${idOf(hoursKey)}-error` })),
        fieldError(hoursKey, this.invalid.get(hoursKey)),
      );
    }
    row.append(details);
    return row;
  }

  /** The trainings of a choice: which one (or another, named), and who followed it. */
  trainings(year, i, choice) {
    const s = this.s;
    const box = element("fieldset", { class: "gl-plan-trainings" }, element("legend", { text: s.plan_trainings }));
    const options = [["", s.plan_training_unnamed], ...(i.trainings ?? []).map((t) => [t.key, t.label]), [OTHER_TRAINING, s.plan_training_other]];
    choice.trainings.forEach((t, n) => {
      const key = `${year}|${i.id}|${n}`;
      const row = element("div", { class: "gl-plan-training" }, ...select(`training-key|${key}`, s.plan_training_which, options, t.key));
      if (t.key === OTHER_TRAINING) row.append(...textField(`training-name|${key}`, s.plan_training_name, t.name));
      row.append(
        ...textField(`training-caregivers|${key}`, s.plan_training_caregivers, t.caregivers.join(", "), 600),
        button(`remove-training|${key}`, s.plan_training_remove),
      );
      box.append(row);
    });
    box.append(button(`add-training|${year}|${i.id}`, s.plan_training_add, { disabled: choice.trainings.length >= LIMITS.trainings }));
    return box;
  }

  update(key, target) {
    const p = this.plan;
    const [what, year, id, n] = key.split("|");
    if (what === "choose") {
      if (target.checked) p.years[year][id] = newChoice();
      else delete p.years[year][id];
      return true;
    }
    const choice = year && id ? p.years[year]?.[id] : null;
    const training = choice && n !== undefined ? choice.trainings[Number(n)] : null;
    switch (what) {
      case "action": if (choice) choice.action = target.value; return true;
      case "justification": if (choice) choice.justification = target.value.slice(0, LIMITS.text); return true;
      case "regional": if (choice) choice.regional = target.checked; return true;
      case "fully": if (choice) choice.fully_implemented = { yes: true, no: false }[target.value] ?? null; return true;
      case "caregivers": if (choice) choice.caregivers = splitNames(target.value); return true;
      case "staff_type": if (choice) choice.staff_type = target.value.slice(0, LIMITS.name); return true;
      case "hours": return choice ? this.hours(key, target.value, choice) : false;
      case "training-key": if (training) Object.assign(training, { key: target.value, name: target.value === OTHER_TRAINING ? training.name : "" }); return true;
      case "training-name": if (training) training.name = target.value.slice(0, LIMITS.name); return true;
      case "training-caregivers": if (training) training.caregivers = splitNames(target.value); return true;
      default: return false;
    }
  }

  /** Out-of-range hours get a visible message and are not stored; the last valid value stays (and is named). */
  hours(key, value, choice) {
    const hours = value === "" ? null : Number(value);
    const ok = hours === null || (Number.isFinite(hours) && hours >= 0 && hours <= LIMITS.hours);
    return checked(this.root, this.invalid, key, ok, format(this.s.plan_hours_invalid, { max: LIMITS.hours, value: choice.hours ?? "—" }), () => { choice.hours = hours; });
  }
}
