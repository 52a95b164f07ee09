// One sentence about what the overview holds, in a live region so screen readers hear it after files are read
// and filters change.

import { Component } from "./component.mjs";

export class OverviewSummary extends Component {
  static moduleName = "overview-summary";

  show(text) {
    if (this.root.textContent !== text) this.root.textContent = text;
  }
}
