// Where the checklist keeps plans: one localStorage entry per site (so the Dutch and the English page share the
// same plans), with the plans exactly as saved. Nothing is ever dropped here: an entry that cannot be read stays
// as it was, and plans kept by earlier releases under a per-language key are brought over once and left in place.
// Quota and privacy errors are swallowed (as Material's __md_set does); `save` says whether it worked.

export const PREFIX = "mtvp-plans:";

function pathOf(relative, base) {
  return new URL(relative, base).pathname;
}

/**
 * @param {Storage|null} storage
 * @param {string} siteRoot  the site root, relative to the page (`data-gl-plan-store`)
 * @param {string[]} legacyFolders  the plan pages of every language, relative to the page (earlier keys)
 * @param {string} base  the page's URL
 */
export function planStore(storage, siteRoot, legacyFolders, base) {
  const key = PREFIX + pathOf(siteRoot, base);
  const legacyKeys = legacyFolders.map((folder) => PREFIX + pathOf(folder, base)).filter((k) => k !== key);

  function readKey(name) {
    try {
      const raw = storage?.getItem(name);
      return raw === null || raw === undefined ? null : raw;
    } catch {
      return null;
    }
  }

  function parsed(raw) {
    try {
      const value = JSON.parse(raw);
      return value && Array.isArray(value.plans) ? value : null;
    } catch {
      return null;
    }
  }

  return {
    key,
    /** {plans: [raw plan objects or texts], selected, unreadable: text|null}. */
    load() {
      const raw = readKey(key);
      if (raw !== null) {
        const state = parsed(raw);
        // The whole entry is damaged: keep its text as one unreadable plan, so it is shown and can be downloaded.
        return state ? { plans: state.plans, selected: Number(state.selected) || 0 } : { plans: [raw], selected: 0 };
      }
      const plans = [];
      const seen = new Set();
      for (const name of legacyKeys) {
        const old = readKey(name);
        if (old === null) continue;
        const state = parsed(old);
        for (const plan of state ? state.plans : [old]) {
          const text = typeof plan === "string" ? plan : JSON.stringify(plan);
          if (!seen.has(text)) plans.push(plan);
          seen.add(text);
        }
      }
      return { plans, selected: 0 };
    },
    save(state) {
      try {
        if (!storage) return false;
        storage.setItem(key, JSON.stringify(state));
        return true;
      } catch {
        return false;
      }
    },
  };
}

export function safeLocalStorage() {
  try {
    const storage = window.localStorage;
    const probe = `${PREFIX}probe`;
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}
