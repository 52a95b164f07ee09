// The files that could not be read, each with its name and why: listed, never dropped in silence.

import { Component, element } from "./component.mjs";

export class BadFiles extends Component {
  static moduleName = "overview-bad-files";

  constructor(root) {
    super(root);
    this.heading = root.querySelector("[data-bad-heading]");
    this.list = root.querySelector("ul");
  }

  /** `bad`: [{file, message}]; `heading`: the heading's text with the count. */
  show(bad, heading) {
    this.root.hidden = bad.length === 0;
    this.heading.textContent = heading;
    this.list.replaceChildren(...bad.map((b) => element("li", {}, element("strong", { class: "gl-overview-file-name", text: b.file }), `: ${b.message}`)));
  }
}
