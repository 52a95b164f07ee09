// The overview's filters: which years, which core element or rule, which verdicts, which practice. The form is in
// the page's HTML; the core element and rule options come from the plans read. Emits `gl-overview:filters`.

import { Component, element } from "./component.mjs";

export class OverviewFilters extends Component {
  static moduleName = "overview-filters";

  constructor(root) {
    super(root);
    this.controls = Object.fromEntries([...root.querySelectorAll("[data-filter]")].map((c) => [c.dataset.filter, c]));
    root.addEventListener("submit", (event) => event.preventDefault());
    root.addEventListener("change", () => this.emit("filters", this.values()));
    this.controls.practice.addEventListener("input", () => this.emit("filters", this.values()));
  }

  values() {
    return Object.fromEntries(Object.entries(this.controls).map(([name, control]) => [name, control.value]));
  }

  /** The choices of core element and rule (grouped by core element), keeping what is chosen when it still exists. */
  setOptions(columns, labels) {
    const elements = columns.filter((c) => c.kind === "element" && c.element);
    const rules = columns.filter((c) => c.kind === "rule");
    const { element: elementSelect, rule: ruleSelect } = this.controls;
    const keep = (select, build) => {
      const before = select.value;
      select.replaceChildren(...build());
      select.value = [...select.options].some((o) => o.value === before) ? before : "";
    };
    keep(elementSelect, () => [
      element("option", { value: "", text: labels.all_elements }),
      ...elements.map((c) => element("option", { value: c.element, text: c.title })),
      element("option", { value: "-", text: labels.whole_plan }),
    ]);
    keep(ruleSelect, () => {
      const groups = [...elements.map((c) => [c.element, c.title]), ["", labels.whole_plan]];
      return [
        element("option", { value: "", text: labels.all_rules }),
        ...groups.map(([id, title]) => element("optgroup", { label: title }, ...rules.filter((r) => r.element === id).map((r) => element("option", { value: r.rule, text: r.title })))),
      ].filter((node) => node.tagName !== "OPTGROUP" || node.children.length);
    });
  }
}
