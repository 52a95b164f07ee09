// Redline pages: "next change" (button or the N key) moves focus from change to change and says where it is.
// Version pages: the selector adds a query parameter (its name in the notice's `data-gl-missing`, written from
// generator/pages.py) when the page does not exist in the other version; the landing page then shows why it is
// not the page the reader was on.
// Listeners are registered once, at module load, on `document` (house style H13), so Material's instant
// navigation cannot pile them up; they look up the current page's elements when they fire.
import { onEveryPage } from "./page.mjs";

function changes() {
  return Array.from(document.querySelectorAll(".md-content .gl-change"));
}

function nextChange(button) {
  const all = changes();
  if (all.length === 0) return;
  const index = all.indexOf(document.activeElement);
  const next = all[(index + 1) % all.length];
  next.focus({ preventScroll: true });
  next.scrollIntoView({ block: "center" });
  const status = document.querySelector("[data-gl-change-status]");
  if (status && button) {
    status.textContent = button.dataset.glStatusTemplate
      .replace("{n}", String(all.indexOf(next) + 1))
      .replace("{total}", String(all.length));
  }
}

document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-gl-next-change]") : null;
  if (button) nextChange(button);
});

document.addEventListener("keydown", (event) => {
  if (event.key !== "n" && event.key !== "N") return;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target instanceof Element && target.closest("input, textarea, select, [contenteditable]")) return;
  const button = document.querySelector("[data-gl-next-change]");
  if (!button) return;
  event.preventDefault();
  nextChange(button);
});

function showMissingNotice() {
  const notice = document.querySelector("[data-gl-missing]");
  if (notice) notice.hidden = !new URLSearchParams(location.search).has(notice.dataset.glMissing);
}

onEveryPage(showMissingNotice);
