// Starts the regional overview on a page that has it (see ../../page.mjs). Its code loads only there; starting is
// idempotent (component.mjs).
import { onEveryPage } from "../../page.mjs";

let loading = null;

onEveryPage(() => {
  if (!document.querySelector('[data-gl-module="plan-overview"]')) return;
  loading ??= Promise.all([import("./component.mjs"), import("./overview.mjs")]);
  loading.then(([{ createAll }, { Overview }]) => createAll(Overview));
});
