// Links an RHO can rely on, and paper: starts the "link to this text" box (copy-links.mjs) on each page, and fills
// in the print header's date (and, in a portable build, the addresses) when the page is shown and before printing.
import { createAll } from "./component.mjs";
import { Permalinks } from "./copy-links.mjs";
import { onEveryPage } from "./page.mjs";

function fillPrintHead() {
  // Each date in the language's locale (generator/languages.yaml `date_locale`), as the cycle page writes dates.
  for (const date of document.querySelectorAll("[data-gl-print-date]")) {
    date.textContent = new Date().toLocaleDateString(date.dataset.dateLocale, {
      day: "numeric", month: "long", year: "numeric",
    });
  }
  for (const address of document.querySelectorAll("[data-gl-print-address]")) {
    if (!address.textContent.trim()) address.textContent = location.href.split("#")[0];
  }
  for (const pinned of document.querySelectorAll("[data-gl-print-pinned]")) {
    if (!pinned.textContent.trim()) pinned.textContent = new URL(pinned.dataset.glPrintPinned, location.href).href;
  }
}

/** The print button of the whole guideline and the quick-reference card (hidden without scripts). */
function startPrintButtons() {
  for (const button of document.querySelectorAll("button[data-gl-print]")) {
    if (!button.hidden) continue;
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
}

onEveryPage(() => {
  createAll(Permalinks);
  fillPrintHead();
  startPrintButtons();
});
// Registered once: a page left open overnight prints with the day it is printed.
window.addEventListener("beforeprint", fillPrintHead);
