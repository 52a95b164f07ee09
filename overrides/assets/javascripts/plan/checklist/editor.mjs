// What the checklist's components share: events named `gl-plan:<type>`, the page's data and words, and, for the
// components that edit the plan shown, one way of reporting an edit to the page (checklist.mjs), which stores the
// plan and draws the page again:
//   `gl-plan:edited` {key, render, click, undo, message}: the plan was changed in place. `render` false means only
//   the verdicts need drawing again (a typed text); `click` means a button did it, which ends the offer to undo the
//   last deletion unless `undo` offers a new one; `message`, when given, replaces the message shown.
//   `gl-plan:action` {act, args}: a button asks the page to do something beyond the plan shown (new, delete, ...).

import { Component, createAll, element } from "../../component.mjs";
import { TYPED } from "./fields.mjs";
import { words } from "./words.mjs";

export class PlanComponent extends Component {
  static events = "gl-plan";

  constructor(root, { data } = {}) {
    super(root);
    this.data = data;
    this.s = data.strings;
    this.words = words(this.s);
  }

  /** Buttons whose `data-act` names a page action are passed on to the page. */
  passActions(acts) {
    this.root.addEventListener("click", (event) => {
      const target = event.target.closest?.("[data-act]");
      const [act, ...args] = target?.dataset.act.split("|") ?? [];
      if (acts.includes(act)) this.emit("action", { act, args });
    });
  }
}

/** A component that edits the plan shown: `update(key, control)` applies a control's value to `this.plan` and says
 * whether anything changed; `actions[act](...args)` run the component's buttons and may return {undo, message}. */
export class PlanEditor extends PlanComponent {
  constructor(root, config) {
    super(root, config);
    this.plan = null;
    this.actions = {};
    root.addEventListener("change", (event) => this.edited(event.target, false));
    root.addEventListener("input", (event) => this.edited(event.target, true));
    root.addEventListener("click", (event) => {
      const target = event.target.closest?.("[data-act]");
      const [act, ...args] = target?.dataset.act.split("|") ?? [];
      if (!this.plan || !Object.hasOwn(this.actions, act)) return;
      const { undo = null, message } = this.actions[act](...args) ?? {};
      this.emit("edited", { key: act, render: true, click: true, undo, message });
    });
  }

  edited(target, typing) {
    const key = target.dataset?.key;
    // The form also hears its parts' controls; their keys are not its own, so its `update` leaves them.
    if (!key || !this.plan) return;
    if (typing !== TYPED.test(key)) return;
    if (this.update(key, target)) this.emit("edited", { key, render: !typing, click: false });
  }

  update() {
    return false;
  }
}

/** Gives each of `parts` ([component, tag, class]) a root at the end of `container` and starts it there; returns
 * the components by module name. A composite (the page, the form) places the roots where and when they show. */
export function startParts(parts, config, container) {
  const started = {};
  for (const [ComponentClass, tag, className] of parts) {
    container.append(element(tag, { class: className, "data-gl-module": ComponentClass.moduleName }));
    [started[ComponentClass.moduleName]] = createAll(ComponentClass, config, container);
  }
  return started;
}
