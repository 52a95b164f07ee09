// Unit tests of the search's query words and result merging (overrides/assets/javascripts/search-query.mjs).
import assert from "node:assert/strict";
import { test } from "node:test";

import { mergeByScore, queryWords } from "../../overrides/assets/javascripts/search-query.mjs";

test("Dutch question and filler words are dropped, content words and numbers kept", () => {
  assert.deepEqual(queryWords("hoeveel interventies jaar 2", "nl"), ["interventies", "jaar", "2"]);
  assert.deepEqual(queryWords("Wat moet ik in het eerste jaar doen?", "nl"), ["eerste", "jaar"]);
});

test("English question and filler words are dropped", () => {
  assert.deepEqual(queryWords("How many interventions in year 2?", "en"), ["interventions", "year", "2"]);
});

test("a word is filler only in its own language", () => {
  assert.deepEqual(queryWords("de how", "en"), ["de"]);
  assert.deepEqual(queryWords("de how", "nl"), ["how"]);
});

test("a query of filler words only is searched as typed", () => {
  assert.deepEqual(queryWords("wat is het", "nl"), ["wat", "is", "het"]);
});

test("punctuation around words goes, hyphens and accents inside words stay", () => {
  assert.deepEqual(queryWords("«e-consult», patiënt?", "nl"), ["e-consult", "patiënt"]);
});

test("merging per-word results adds the scores of a page found by several words", () => {
  const data = () => ({});
  const merged = mergeByScore([
    [{ id: "a", score: 2, data }, { id: "b", score: 3, data }],
    [{ id: "a", score: 2, data }],
  ]);
  assert.deepEqual(merged.map((r) => [r.id, r.score, r.matched]), [["a", 4, 2], ["b", 3, 1]]);
  assert.equal(merged[0].data, data);
});
