// Bootstraps the plan checklist: mount every `[data-gl-plan]` root of each page Material's instant navigation
// shows (`document$` replays the current page to late subscribers), or once when the page is ready without it.
// The checklist's code is loaded only on a page that has a root; mounting is idempotent.

let loading = null;

function mountAll() {
  const roots = document.querySelectorAll("[data-gl-plan]");
  if (roots.length === 0) return;
  loading ??= import("./mount.mjs");
  loading.then(({ mount }) => roots.forEach((root) => mount(root)));
}

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(mountAll);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mountAll);
} else {
  mountAll();
}
