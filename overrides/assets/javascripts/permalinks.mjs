// Links an RHO can rely on: the "link to this text" box copies the current or the pinned address in one click,
// and the print header gets the print date (and, in a portable build, the addresses) filled in.
import { onEveryPage } from "./page.mjs";

/** Copies the text of `input`: the Clipboard API where the page may use it, else selecting the text and the
 * browser's copy command; when neither works the text stays selected and the status says how to copy it. */
async function copyField(input, status, copied) {
  const text = input.value;
  try {
    if (!navigator.clipboard || !window.isSecureContext) throw new Error("no clipboard");
    await navigator.clipboard.writeText(text);
    status.textContent = copied;
    return;
  } catch {
    input.focus();
    input.select();
    let done = false;
    try {
      done = document.execCommand("copy");
    } catch {
      done = false;
    }
    status.textContent = done ? copied : status.dataset.glSelected;
  }
}

function startPermalinks(root) {
  if (root.dataset.glStarted) return;
  root.dataset.glStarted = "";
  const status = root.querySelector("[data-gl-copy-status]");
  for (const input of root.querySelectorAll("input[data-gl-href]")) {
    // A portable build has relative addresses only: the browser knows where the site is.
    if (!/^https?:/.test(input.value)) input.value = new URL(input.dataset.glHref, location.href).href;
    input.addEventListener("focus", () => input.select());
  }
  for (const button of root.querySelectorAll("button[data-gl-copy]")) {
    const input = root.querySelector(`#${button.dataset.glCopy}`);
    button.hidden = false;
    button.addEventListener("click", () => {
      status.textContent = "";
      copyField(input, status, button.dataset.glCopied);
    });
  }
}

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
  for (const root of document.querySelectorAll('[data-gl-component="permalinks"]')) startPermalinks(root);
  fillPrintHead();
  startPrintButtons();
});
// Registered once: a page left open overnight prints with the day it is printed.
window.addEventListener("beforeprint", fillPrintHead);
