// Starts the plan checklist on a page that has it (see ../page.mjs). Its code loads only there; starting is
// idempotent (../component.mjs).
import { onEveryPage } from "../page.mjs";

let loading = null;

onEveryPage(() => {
  if (!document.querySelector('[data-gl-module="plan-checklist"]')) return;
  loading ??= Promise.all([import("../component.mjs"), import("./checklist/checklist.mjs")]);
  loading.then(([{ createAll }, { PlanChecklist }]) => createAll(PlanChecklist));
});
