// The cycle page's calendar: marks where today falls among the dated entries and shows, for each role, the next
// entry that concerns it. The list itself is rendered at build time (complete without JavaScript); this only
// adds the parts that depend on today's date. Mounting is idempotent and driven by Material's `document$`.
import { onEveryPage } from "./page.mjs";

const DAY = 24 * 60 * 60 * 1000;

function isoToday(now) {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

function days(from, to) {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY);
}

/** Pure: the state of each entry and the next entry per role on `today` (YYYY-MM-DD). */
export function plan(entries, today) {
  const states = entries.map((e) => (e.end < today ? "past" : e.start <= today ? "now" : "future"));
  const next = {};
  entries.forEach((entry, index) => {
    if (states[index] === "past") return;
    for (const role of entry.roles) if (!(role in next)) next[role] = index;
  });
  const firstOpen = states.findIndex((state) => state !== "past");
  return { states, next, markerBefore: firstOpen === -1 ? entries.length : firstOpen };
}

function mount(root) {
  if (root.dataset.glCalendarMounted) return;
  root.dataset.glCalendarMounted = "true";
  const items = [...root.querySelectorAll("[data-gl-entry]")];
  const entries = items.map((li) => ({
    start: li.dataset.start,
    end: li.dataset.end || li.dataset.start,
    roles: li.dataset.roles.split(" "),
    title: li.querySelector("[data-gl-entry-title]").textContent,
    when: li.querySelector("[data-gl-entry-when]").textContent,
    id: li.id,
  }));
  const today = isoToday(new Date());
  const { states, next, markerBefore } = plan(entries, today);
  // Dates as the rest of the site writes them: "23 november 2026", "23 November 2026" (British order).
  // The page names the language's locale (generator/languages.yaml `date_locale`).
  const locale = root.dataset.dateLocale;
  const format = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric" });
  const todayText = format.format(new Date(`${today}T12:00:00`));
  items.forEach((li, index) => {
    li.classList.add(`gl-entry--${states[index]}`);
    // The state in words as well as in style: "under way" and "past" are read out and printed.
    const text = { now: root.dataset.nowText, past: root.dataset.pastText }[states[index]];
    if (text) li.prepend(Object.assign(document.createElement("span"), { className: "gl-badge gl-badge--version", textContent: text }), " ");
  });
  const marker = document.createElement("li");
  marker.className = "gl-today";
  marker.textContent = root.dataset.todayTemplate.replace("{date}", todayText);
  const list = root.querySelector("[data-gl-calendar-list]");
  list.insertBefore(marker, items[markerBefore] ?? null);
  const status = root.querySelector("[data-gl-calendar-today]");
  status.textContent = root.dataset.todayTemplate.replace("{date}", todayText);
  status.hidden = false;
  const body = root.querySelector("[data-gl-next] tbody");
  for (const row of body.querySelectorAll("tr")) {
    const index = next[row.dataset.role];
    const cell = row.querySelector("td");
    if (index === undefined) {
      cell.textContent = root.dataset.noneText;
      continue;
    }
    const entry = entries[index];
    const link = document.createElement("a");
    link.href = `#${entry.id}`;
    link.textContent = entry.title;
    const away = days(today, entry.start);
    const until = states[index] === "now"
      ? root.dataset.nowText
      : away === 1 ? root.dataset.inOneDayText : root.dataset.inDaysTemplate.replace("{days}", String(away));
    cell.replaceChildren(link, ` (${entry.when}; ${until})`);
  }
  root.querySelector("[data-gl-next]").hidden = false;
}

function mountAll() {
  document.querySelectorAll("[data-gl-calendar]").forEach(mount);
}

// Node's tests import this module without a page.
if (typeof window !== "undefined") onEveryPage(mountAll);
