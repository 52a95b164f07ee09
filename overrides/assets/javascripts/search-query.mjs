// Pure helpers of the site search (no DOM, no Pagefind): which words of a query to search for, and how the
// results of several searches combine. Tested with `node --test` in site_tests/js/search-query.test.mjs.

// Question and filler words that Pagefind would otherwise require on a page ("hoeveel interventies jaar 2",
// "how many interventions year 2"). Only words that never name a subject of the guideline: "jaar", "geld",
// "niet op de lijst" keep their content words.
const FILLER_WORDS = {
  nl: `hoe hoeveel wat wanneer waar waarom wie welk welke waarvoor waarmee hoelang mag mogen moet moeten kan kun
    kunnen wil wilt willen ik je jij u we wij mijn jouw uw onze ons de het een er is zijn ben bent wordt worden
    was van voor in op met bij aan om te tot naar over uit en of dat die dit deze als ook nog wel niet dan
    door doe doet doen krijg krijgt krijgen heb hebt heeft hebben komt komen gaat gaan zal zullen graag eigenlijk
    precies even nou iets hier daar heel erg zeer echt`,
  en: `how many much what when where why who which whose do does did can could should must may might i we you
    my our your me us the a an is are be was were of for in on at to with about from by and or that this
    these those there it its get gets got have has will would come comes need want please any very really`,
};

const fillerSets = Object.fromEntries(
  Object.entries(FILLER_WORDS).map(([language, words]) => [language, new Set(words.split(/\s+/).filter(Boolean))]),
);

/** The words of `query` worth searching for in `language`: split on spaces, punctuation at the ends removed,
 * question and filler words left out. A query of filler words only is kept as typed. */
export function queryWords(query, language) {
  const words = query
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter(Boolean);
  const filler = fillerSets[language] || new Set();
  const kept = words.filter((word) => !filler.has(word.toLocaleLowerCase(language)));
  return kept.length ? kept : words;
}

/** Merges the result lists of one search per word: a page found by several words gets the sum of its scores,
 * so pages matching more of the words come first. Each result keeps Pagefind's object (`id`, `score`, `data`)
 * and says how many words found it (`matched`). */
export function mergeByScore(lists) {
  const merged = new Map();
  for (const list of lists) {
    for (const result of list) {
      const entry = merged.get(result.id);
      if (entry) {
        entry.score += result.score;
        entry.matched += 1;
      } else {
        merged.set(result.id, { id: result.id, score: result.score, matched: 1, data: result.data });
      }
    }
  }
  return [...merged.values()].sort((a, b) => b.score - a.score);
}
