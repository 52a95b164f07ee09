// Taking a plan out of the browser and bringing one in: the report buttons (print, Markdown, CSV; the report
// component makes them), the plan as a JSON file, a share link (the plan in the link's fragment, so it is never sent
// to a server) and the import of a JSON file.
// Emits `gl-plan:export` {format: "print" | "csv" | "markdown"}, `gl-plan:shared` {text, link} once the link is
// made (the page then shows it with `showLink`), and `gl-plan:import` {file}.

import { toJson, toShareFragment } from "../core.mjs";
import { download } from "../download.mjs";
import { element } from "../../component.mjs";
import { PlanComponent } from "./editor.mjs";
import { button } from "./fields.mjs";
import { fileName } from "./report.mjs";

const BUTTONS = { print: "plan_print", json: "plan_export_json", csv: "plan_export_csv", markdown: "plan_export_markdown", share: "plan_share" };

export class PlanTransfer extends PlanComponent {
  static moduleName = "plan-transfer";

  constructor(root, config) {
    super(root, config);
    this.save = config.save ?? download;
    this.clipboard = config.clipboard ?? (() => navigator.clipboard);
    this.plan = null;
    root.setAttribute("aria-labelledby", "gl-plan-export-heading");
    root.addEventListener("click", (event) => {
      const act = event.target.closest?.("[data-act]")?.dataset.act;
      if (act === "json") this.save(fileName(this.plan.name, this.plan.guideline_version, "json"), "application/json", toJson(this.plan));
      else if (act === "share") this.share();
      else if (act in BUTTONS) this.emit("export", { format: act });
    });
    root.addEventListener("change", (event) => {
      const file = event.target.dataset?.key === "import" ? event.target.files?.[0] : null;
      if (file) this.emit("import", { file });
    });
  }

  show(plan) {
    this.plan = plan;
    const s = this.s;
    this.root.replaceChildren(
      element("h2", { id: "gl-plan-export-heading", text: s.plan_export }),
      element("p", { class: "gl-plan-help", text: s.plan_privacy }),
      ...Object.entries(BUTTONS).map(([act, key]) => button(act, s[key])),
      element("label", { for: "gl-plan-import", text: s.plan_import }),
      element("input", { id: "gl-plan-import", type: "file", accept: "application/json,.json", "data-key": "import" }),
    );
  }

  /** Copies the share link when the browser lets the page, and shows it either way. */
  async share() {
    const s = this.s;
    const link = `${location.href.split("#")[0]}#${toShareFragment(this.plan)}`;
    let text = s.plan_message_link_shown;
    try {
      await this.clipboard().writeText(link);
      text = s.plan_message_link_copied;
    } catch {
      // No clipboard (or no permission): the link is shown to copy by hand.
    }
    this.emit("shared", { text, link });
  }

  showLink(link) {
    const s = this.s;
    this.root.append(element("label", { for: "gl-plan-link", text: s.plan_share_link }), element("input", { id: "gl-plan-link", type: "text", readonly: true, value: link, "data-share-link": "" }));
  }
}
