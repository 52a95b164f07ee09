// Starts the plan checklist on every `[data-gl-plan]` root of a page (see ../page.mjs). The checklist's code is
// loaded only on a page that has a root; mounting is idempotent.
import { onEveryPage } from "../page.mjs";

let loading = null;

onEveryPage(() => {
  const roots = document.querySelectorAll("[data-gl-plan]");
  if (roots.length === 0) return;
  loading ??= import("./mount.mjs");
  loading.then(({ mount }) => roots.forEach((root) => mount(root)));
});
