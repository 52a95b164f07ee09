// The one page bootstrap the page scripts share: run a start function on each page Material's instant navigation
// shows (`document$` replays the current page to late subscribers), or once when the page is ready without it.
// Start functions must be idempotent (they find their roots and skip the ones already started).

export function onEveryPage(start) {
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}
