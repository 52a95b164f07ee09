// The overview table: one row per plan year, sortable by any column with the buttons in its heading (keyboard:
// Tab to a heading, Enter or Space to sort, again to reverse). The sorted column carries aria-sort; verdicts show a
// symbol and a word, never colour alone. Emits `gl-overview:sort` {column}; the owner sorts and calls show().

import { Component, element } from "./component.mjs";
import { cellParts, columnTitle } from "./model.mjs";

export class OverviewTable extends Component {
  static moduleName = "overview-table";

  constructor(root) {
    super(root);
    this.signature = null;
    root.addEventListener("click", (event) => {
      const button = event.target.closest?.("button[data-sort]");
      if (button) this.emit("sort", { column: button.dataset.sort });
    });
  }

  /** Shows `rows` under `columns`; the heading is rebuilt only when the columns change, so focus stays on it. */
  show(columns, rows, sort, labels) {
    if (!rows.length) {
      this.signature = null;
      this.root.replaceChildren(element("p", { class: "gl-overview-empty", text: labels.empty }));
      return;
    }
    const signature = columns.map((c) => c.id).join("\n");
    if (signature !== this.signature) {
      this.signature = signature;
      this.table = element("table", { class: "gl-overview-table" }, element("caption", { id: "gl-overview-caption" }), this.head(columns, labels), element("tbody"));
      this.root.replaceChildren(element("div", { class: "gl-overview-scroll", role: "region", "aria-labelledby": "gl-overview-caption", tabindex: "0" }, this.table));
    }
    this.table.caption.textContent = labels.caption;
    for (const th of this.table.tHead.rows[0].cells) {
      const sorted = th.dataset.column === sort.column;
      if (sorted) th.setAttribute("aria-sort", sort.direction);
      else th.removeAttribute("aria-sort");
      th.querySelector(".gl-overview-sort").textContent = sorted ? (sort.direction === "ascending" ? "▲" : "▼") : "↕";
    }
    this.table.tBodies[0].replaceChildren(...rows.map((row) => this.row(columns, row, labels)));
  }

  head(columns, labels) {
    return element("thead", {}, element("tr", {}, ...columns.map((c) => {
      const title = columnTitle(c, labels);
      return element(
        "th", { scope: "col", class: `gl-overview-col--${c.kind}`, "data-column": c.id },
        element("button", { type: "button", "data-sort": c.id, title: c.kind === "rule" ? title : null },
          element("span", { class: "gl-overview-col-title", text: title }), " ", element("span", { class: "gl-overview-sort", "aria-hidden": "true" })),
      );
    })));
  }

  row(columns, row, labels) {
    return element("tr", { "data-row": row.key }, ...columns.map((c) => {
      if (c.kind === "practice") {
        return element("th", { scope: "row" }, row.practice, element("span", { class: "gl-overview-file-name", text: row.file }));
      }
      if (c.kind === "rule") {
        const status = row.verdicts[c.rule];
        if (!status) return element("td", { class: "gl-overview-verdict" }, labels.not_applicable);
        return element("td", { class: `gl-overview-verdict gl-overview-verdict--${status}` },
          element("span", { class: "gl-overview-symbol", "aria-hidden": "true", text: labels.symbols[status] }), ` ${labels.status[status]}`);
      }
      const parts = cellParts(c, row, labels);
      if (c.kind === "year" || c.kind === "calendar") return element("td", { class: "gl-overview-number", text: parts[0] });
      if (parts.length === 0) return element("td", { text: labels.none });
      return element("td", {}, parts.length === 1 ? parts[0] : element("ul", {}, ...parts.map((p) => element("li", { text: p }))));
    }));
  }
}
