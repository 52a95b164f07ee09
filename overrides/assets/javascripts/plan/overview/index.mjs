// Bootstraps the regional overview on each page Material's instant navigation shows (`document$` replays the
// current page), or once when the page is ready without it. Its code loads only on a page that has the overview;
// starting is idempotent (component.mjs).

let loading = null;

function startAll() {
  if (!document.querySelector('[data-gl-module="plan-overview"]')) return;
  loading ??= Promise.all([import("./component.mjs"), import("./overview.mjs")]);
  loading.then(([{ createAll }, { Overview }]) => createAll(Overview));
}

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(startAll);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", startAll);
} else {
  startAll();
}
