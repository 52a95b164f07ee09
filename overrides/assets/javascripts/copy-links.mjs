// The "link to this text" box of a guideline page (overrides/partials/gl-permalinks.html): each address field with
// its copy button. Copying uses the Clipboard API where the page may use it, else the browser's copy command on the
// selected address; when neither works, the address stays selected and the status line says how to copy it. The
// status line (`role="status"`) speaks the page's language: its words come from the page's own attributes.

import { Component } from "./component.mjs";

export class Permalinks extends Component {
  static moduleName = "permalinks";

  constructor(root) {
    super(root);
    this.status = root.querySelector("[data-gl-copy-status]");
    for (const input of root.querySelectorAll("input[data-gl-href]")) {
      // A portable build has relative addresses only: the browser knows where the site is.
      if (!/^https?:/.test(input.value)) input.value = new URL(input.dataset.glHref, root.ownerDocument.URL).href;
      input.addEventListener("focus", () => input.select());
    }
    for (const button of root.querySelectorAll("button[data-gl-copy]")) {
      const input = root.querySelector(`#${button.dataset.glCopy}`);
      // Without scripts the buttons stay hidden and the fields can be selected by hand.
      button.hidden = false;
      button.addEventListener("click", () => this.copy(input, button.dataset.glCopied));
    }
  }

  /** Copies the address in `input` and says so with `copied`; resolves when the status line is written. */
  async copy(input, copied) {
    this.status.textContent = "";
    const view = this.root.ownerDocument.defaultView;
    try {
      if (!view.navigator.clipboard || !view.isSecureContext) throw new Error("no clipboard");
      await view.navigator.clipboard.writeText(input.value);
      this.status.textContent = copied;
    } catch {
      // No Clipboard API, or the browser refused it (permission, focus): select the address instead.
      input.focus();
      input.select();
      this.status.textContent = this.copySelection() ? copied : this.status.dataset.glSelected;
    }
  }

  /** The browser's copy command on the current selection: true when it copied. */
  copySelection() {
    try {
      return this.root.ownerDocument.execCommand("copy") === true;
    } catch {
      return false;
    }
  }
}
