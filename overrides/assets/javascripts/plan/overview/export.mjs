// The export buttons: the table as shown (filtered and sorted) as CSV or Markdown. Emits `gl-overview:export`.

import { Component } from "./component.mjs";

export class OverviewExport extends Component {
  static moduleName = "overview-export";

  constructor(root) {
    super(root);
    this.buttons = [...root.querySelectorAll("button[data-export]")];
    root.addEventListener("click", (event) => {
      const button = event.target.closest?.("button[data-export]");
      if (button && !button.disabled) this.emit("export", { format: button.dataset.export });
    });
  }

  enable(on) {
    for (const button of this.buttons) button.disabled = !on;
  }
}
