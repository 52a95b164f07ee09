// Benchmark of the plan checklist's rule evaluation: a full plan (every intervention chosen in each of the 10
// years a plan may have, with details filled in) evaluated against every version's rules. Prints JSON.
// Run by `make bench` (site_tests/bench/__main__.py) with PLAN_DATA naming the published data file.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

import { LIMITS, evaluate, newPlan, readPlan } from "../../overrides/assets/javascripts/plan/core.mjs";

const data = JSON.parse(readFileSync(process.env.PLAN_DATA, "utf8"));
const RUNS = 200;
const out = {};
for (const [id, version] of Object.entries(data.versions)) {
  const years = {};
  for (let year = 1; year <= LIMITS.years; year += 1) {
    years[year] = Object.fromEntries(
      version.interventions.map((i, index) => [
        i.id,
        {
          action: ["implement", "continue", "deepen"][(index + year) % 3], justification: "Onderbouwing", regional: true, caregivers: ["A", "B"],
          trainings: i.trainings.map((t) => ({ key: t.key, name: "", caregivers: [`C${year}`, "D"] })), staff_type: "POH", hours: 8, fully_implemented: false,
        },
      ]),
    );
  }
  const plan = readPlan({ ...newPlan(data), guideline_version: id, menu: version.interventions.map((i) => i.id), years }, data);
  const timings = [];
  let results = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    results = evaluate(plan, version);
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  out[id] = {
    rules: version.rules.length,
    choices: LIMITS.years * version.interventions.length,
    results: results.length,
    median_ms: Number(timings[Math.floor(RUNS / 2)].toFixed(3)),
    max_ms: Number(timings[RUNS - 1].toFixed(3)),
  };
}
console.log(JSON.stringify(out));
