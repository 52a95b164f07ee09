// Site behaviour that Material does not provide:
// 1. search with Pagefind (one index per language, Dutch stemming) inside Material's search dialog: question
//    words dropped, a per-word fallback when no current page has every word, the current guideline's pages first,
//    every result reachable (a page of results at a time), each intervention with its core element;
// 2. the language switch keeping the current page, also after Material's instant navigation.
// Listeners are registered once, at module load, on `document` (never inside a per-page callback), so
// instant navigation cannot pile them up (house style H13).

import { mergeByScore, queryWords } from "./search-query.mjs";

const configElement = document.getElementById("__config");
const config = configElement ? JSON.parse(configElement.textContent) : { base: "." };
// The language root as an absolute URL, fixed at first load: `config.base` is relative to the first page.
const languageRoot = new URL(config.base.endsWith("/") ? config.base : `${config.base}/`, location.href);
// Results shown at first and added by each "more results".
const MAX_RESULTS = 10;
// Change summaries and pages of earlier versions come after the current guideline's pages, at least this many.
const MIN_SECONDARY = 3;
// Wait this long after a keystroke before searching, so that typing does not start a search per letter.
const DEBOUNCE_MS = 60;
// Change summaries and pages of earlier versions carry the filter `group: secondary` (overrides/main.html); the
// current guideline and the site's own pages are the others. One search per group ranks each group on its own.
const GROUPS = [{ not: { group: "secondary" } }, { group: "secondary" }];
// Pagefind searches metadata too; aliases weigh like a title, the labels of results not at all.
const RANKING = { metaWeights: { title: 5, aliases: 5, version: 0, badge: 0, badgekind: 0, element: 0 } };

let pagefindPromise = null;

/** Loads this language's Pagefind index once; rejects if it cannot be loaded. */
function loadPagefind() {
  if (!pagefindPromise) {
    pagefindPromise = import(new URL("pagefind/pagefind.js", languageRoot).href).then(async (pagefind) => {
      await pagefind.options({ baseUrl: languageRoot.pathname, ranking: RANKING });
      return pagefind;
    });
  }
  return pagefindPromise;
}

function searchParts() {
  const dialog = document.querySelector('[data-gl-component="search"]');
  if (!dialog) return null;
  return {
    dialog,
    input: dialog.querySelector("[data-gl-search-input]"),
    status: dialog.querySelector("[data-gl-search-status]"),
    list: dialog.querySelector("[data-gl-search-results]"),
    moreArea: dialog.querySelector("[data-gl-search-more-area]"),
    more: dialog.querySelector("[data-gl-search-more]"),
    shown: dialog.querySelector("[data-gl-search-shown]"),
  };
}

function countText(dialog, count) {
  if (count === 0) return dialog.dataset.glNone;
  if (count === 1) return dialog.dataset.glOne;
  return dialog.dataset.glOther.replace("{count}", String(count));
}

/** Builds one result item. Titles are set as text; excerpts are Pagefind's own escaped HTML with <mark>. */
function resultItem(data) {
  const item = document.createElement("li");
  item.className = "md-search-result__item";
  const link = document.createElement("a");
  link.className = "md-search-result__link";
  link.href = data.url;
  const article = document.createElement("article");
  article.className = "md-search-result__article md-typeset";
  const title = document.createElement("h2");
  title.textContent = data.meta.title || data.url;
  // Labels: the version of a page of an earlier version; "new"/"changed" since the previous version.
  for (const [text, kind] of [[data.meta.version, "version"], [data.meta.badge, data.meta.badgekind]]) {
    if (!text) continue;
    const badge = document.createElement("span");
    badge.className = `gl-badge gl-badge--${kind}`;
    badge.textContent = text;
    title.append(" ", badge);
  }
  article.append(title);
  // The core element an intervention belongs to (metadata written at build time, overrides/main.html).
  const parts = searchParts();
  if (data.meta.element && parts) {
    const element = document.createElement("p");
    element.className = "gl-search-element";
    element.textContent = parts.dialog.dataset.glElement.replace("{name}", data.meta.element);
    article.append(element);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "gl-search-excerpt";
  excerpt.innerHTML = data.excerpt;
  article.append(excerpt);
  link.append(article);
  item.append(link);
  return item;
}

/** Searches each group for `query`; returns the result lists in the order of GROUPS. */
function searchGroups(pagefind, query) {
  return Promise.all(
    GROUPS.map(async (filters) => (await pagefind.search(query, { filters })).results),
  );
}

/** Results for the words of a query: pages with every word. Where the current guideline has no such page,
 * pages with some of the words (one search per word, merged by score) in each group, and `partial` set. */
async function findResults(pagefind, words) {
  const full = await searchGroups(pagefind, words.join(" "));
  if (words.length < 2 || full[0].length) return { groups: full, partial: false };
  const perWord = await Promise.all(words.map((word) => searchGroups(pagefind, word)));
  const merged = GROUPS.map((_, index) => mergeByScore(perWord.map((lists) => lists[index])));
  // Earlier versions and change summaries keep their full matches, if they have any.
  return { groups: [merged[0], full[1].length ? full[1] : merged[1]], partial: true };
}

let latestQuery = "";
// The results of the latest query not shown yet, in the order they are shown.
let remaining = [];

async function runSearch(query) {
  const parts = searchParts();
  if (!parts) return;
  latestQuery = query;
  remaining = [];
  showMore(parts, 0);
  if (!query.trim()) {
    parts.status.textContent = parts.dialog.dataset.glType;
    parts.list.replaceChildren();
    return;
  }
  parts.status.textContent = parts.dialog.dataset.glLoading;
  parts.list.replaceChildren(); // never show the results of an older query under a newer one
  let pagefind;
  try {
    pagefind = await loadPagefind();
  } catch {
    parts.status.textContent = parts.dialog.dataset.glUnavailable;
    return;
  }
  await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS));
  if (query !== latestQuery) return; // a newer keystroke superseded this query
  const { groups, partial } = await findResults(pagefind, queryWords(query, document.documentElement.lang));
  if (query !== latestQuery) return;
  const [current, secondary] = groups;
  // The first page: the best current pages, and at least MIN_SECONDARY of the others; then the rest in order.
  const firstSecondary = Math.max(MIN_SECONDARY, MAX_RESULTS - current.length);
  const shown = [...current.slice(0, MAX_RESULTS), ...secondary.slice(0, firstSecondary)];
  const later = [...current.slice(MAX_RESULTS), ...secondary.slice(firstSecondary)];
  const loaded = await Promise.all(shown.map((result) => result.data()));
  if (query !== latestQuery) return;
  const count = current.length + secondary.length;
  parts.status.textContent =
    partial && count ? parts.dialog.dataset.glPartial : countText(parts.dialog, count);
  parts.list.replaceChildren(...loaded.map(resultItem));
  remaining = later;
  showMore(parts, count);
  parts.list.dataset.glQuery = query; // the query these results answer (tests and the benchmark wait for it)
}

/** Shows or hides "more results", saying how many of `count` results are shown. */
function showMore(parts, count) {
  if (!parts.moreArea) return;
  parts.moreArea.hidden = remaining.length === 0;
  parts.shown.textContent = parts.dialog.dataset.glShown
    .replace("{shown}", String(parts.list.children.length))
    .replace("{count}", String(count));
}

/** Adds the next page of results and moves the focus to the first of them (keyboard and screen reader users
 * continue where the new results start). */
async function addMoreResults() {
  const parts = searchParts();
  if (!parts || !remaining.length) return;
  const query = latestQuery;
  const count = parts.list.children.length + remaining.length;
  const next = remaining.slice(0, MAX_RESULTS);
  const loaded = await Promise.all(next.map((result) => result.data()));
  if (query !== latestQuery) return;
  remaining = remaining.slice(next.length);
  const items = loaded.map(resultItem);
  parts.list.append(...items);
  showMore(parts, count);
  items[0]?.querySelector("a")?.focus();
}

function setSearchOpen(open) {
  const toggle = document.getElementById("__search");
  if (toggle && toggle.checked !== open) toggle.checked = open;
}

document.addEventListener("input", (event) => {
  if (event.target instanceof HTMLElement && event.target.matches("[data-gl-search-input]")) {
    setSearchOpen(true);
    runSearch(event.target.value);
  }
});

document.addEventListener("focusin", (event) => {
  if (event.target instanceof HTMLElement && event.target.matches("[data-gl-search-input]")) {
    setSearchOpen(true);
    loadPagefind().catch(() => {});
  }
});

document.addEventListener("keydown", (event) => {
  const parts = searchParts();
  if (!parts || !document.getElementById("__search")?.checked) return;
  if (event.key === "Escape") {
    setSearchOpen(false);
    parts.input.blur();
  } else if (event.key === "Enter" && event.target === parts.input) {
    event.preventDefault();
    const first = parts.list.querySelector("a");
    if (first) first.click();
  }
});

document.addEventListener("reset", (event) => {
  if (event.target instanceof HTMLFormElement && event.target.name === "gl-search") {
    runSearch("");
  }
});

document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-gl-search-more]")) {
    addMoreResults();
    return;
  }
  // Following a result closes the dialog (instant navigation keeps the page, so close it ourselves).
  if (event.target instanceof Element && event.target.closest("[data-gl-search-results] a")) {
    setSearchOpen(false);
  }
});

document.addEventListener("change", (event) => {
  if (event.target instanceof HTMLInputElement && event.target.id === "__search" && event.target.checked) {
    searchParts()?.input.focus();
  }
});

/** Opens the search with `?q=…` (links from the 404 page, shared searches). */
function searchFromQueryString() {
  const query = new URLSearchParams(location.search).get("q");
  const parts = searchParts();
  if (query === null || !parts) return;
  parts.input.value = query;
  setSearchOpen(true);
  parts.input.focus();
  runSearch(query);
}

/** On the 404 page: search for the words of the missing address. */
function fillSearchLinks() {
  const words = decodeURIComponent(location.pathname).split("/").filter(Boolean).pop() || "";
  for (const link of document.querySelectorAll("a[data-gl-search-link]")) {
    const url = new URL(link.href);
    url.searchParams.set("q", words.replace(/[-_]+/g, " ").replace(/\.html?$/, ""));
    link.href = url.href;
  }
}

/** Shows link targets (other than places on the same page) and opens collapsed content when printing. */
window.addEventListener("beforeprint", () => {
  const here = location.href.split("#")[0];
  for (const link of document.querySelectorAll(".md-content a[href]")) {
    if (link.href.split("#")[0] !== here) link.dataset.glPrintHref = link.href;
  }
  for (const details of document.querySelectorAll(".md-content details:not([open])")) {
    details.dataset.glPrintOpened = "";
    details.open = true;
  }
});

window.addEventListener("afterprint", () => {
  for (const details of document.querySelectorAll("details[data-gl-print-opened]")) {
    details.open = false;
    delete details.dataset.glPrintOpened;
  }
});

searchFromQueryString();
fillSearchLinks();

// Each language's root, read from the language links as the first page was built (generator/pages.py forms
// them): a page has the same path in every language, so a link's address less this page's path is its root.
const languageRoots = new Map();
{
  const firstPath = new URL(location.href).pathname.slice(languageRoot.pathname.length);
  for (const link of document.querySelectorAll("a[data-gl-language]")) {
    const address = new URL(link.href);
    if (address.pathname.endsWith(firstPath)) {
      languageRoots.set(link.dataset.glLanguage, new URL(address.pathname.slice(0, address.pathname.length - firstPath.length), address));
    }
  }
}

/** Points the language links at the current page in each language. */
function updateLanguageLinks() {
  const here = new URL(location.href);
  if (!here.href.startsWith(languageRoot.href)) return;
  const pagePath = here.href.slice(languageRoot.href.length).split("#")[0];
  for (const link of document.querySelectorAll("a[data-gl-language]")) {
    const root = languageRoots.get(link.dataset.glLanguage);
    if (root) link.href = new URL(pagePath, root).href;
  }
}

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(updateLanguageLinks);
} else {
  updateLanguageLinks();
}

// The place on the page goes along to the other language: item anchors are the same ids in both. Read at the
// click, because the fragment changes as the reader follows links within the page. Registered once (house style
// H13), on `document`, so instant navigation cannot pile it up.
document.addEventListener(
  "click",
  (event) => {
    const link = event.target.closest?.("a[data-gl-language]");
    if (link && location.hash) link.hash = location.hash;
  },
  true,
);
