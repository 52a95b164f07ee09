// Brings plan files into the page: picked with the file input (the keyboard's way) or dropped on the area. Files
// are read here, in the browser; one too large is not read at all. Emits `gl-overview:files` {files, started}.

import { Component } from "./component.mjs";

export class PlanFiles extends Component {
  static moduleName = "overview-files";

  constructor(root, { limit }) {
    super(root);
    this.limit = limit;
    this.input = root.querySelector("input[type=file]");
    this.input.addEventListener("change", () => this.take(this.input.files));
    root.addEventListener("dragover", (event) => {
      event.preventDefault();
      root.classList.add("gl-overview-files--over");
    });
    root.addEventListener("dragleave", () => root.classList.remove("gl-overview-files--over"));
    root.addEventListener("drop", (event) => {
      event.preventDefault();
      root.classList.remove("gl-overview-files--over");
      this.take(event.dataTransfer?.files ?? []);
    });
  }

  async take(list) {
    const started = performance.now();
    const files = await Promise.all([...list].map(async (file) => ({
      name: file.name, size: file.size, text: file.size > this.limit ? null : await file.text(),
    })));
    // The same files can be picked again (after the user fixed one, say).
    this.input.value = "";
    if (files.length) this.emit("files", { files, started });
  }
}
