"""Benchmark: build time against plain Material, scaling with versions, page weight and Lighthouse scores.

Run with `make bench` (or `python -m site_tests.bench`). It prints one table and writes
`site_tests/artifacts/bench.json`. This is a measurement, not a test: nothing here fails the suite.
"""

from __future__ import annotations

import datetime
import gzip
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from generator.data.load import load_guideline
from generator.render import Renderer
from generator.site import build_site
from site_tests.bench.lighthouse import lighthouse_scores
from site_tests.bench.serve import GzipServer
from site_tests.conftest import ROOT

ARTIFACTS = ROOT / "site_tests" / "artifacts"
RUNS = 3
BUDGET_RATIO = 1.25
PORT = 8765
BUDGET_PAGE_GZIP = 14 * 1024
LIGHTHOUSE_PAGES = [
    "nl/", "nl/interventies/regie-op-veelgebruikers/", "nl/wijzigingen/2025-naar-2026-2027/", "nl/plan/",
]


def median_seconds(action: Callable[[], object], runs: int = RUNS) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def plain_material_project(folder: Path, pages: int, page_chars: int) -> Path:
    """A plain Material project with `pages` generated Markdown pages of about `page_chars` characters."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    sentence = "De huisarts heeft hierdoor tijd om het goede gesprek met de patiënt te voeren. "
    for index in range(pages):
        body = (sentence * (page_chars // len(sentence) + 1))[:page_chars]
        (docs / f"page-{index:03d}.md").write_text(f"# Pagina {index}\n\n## Deel\n\n{body}\n", encoding="utf-8")
    (docs / "index.md").write_text("# Start\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: Plain\nsite_url: http://127.0.0.1:8000/\ntheme:\n  name: material\n  font: false\n"
        "  features: [navigation.instant, navigation.sections, navigation.prune]\nplugins: [search]\n",
        encoding="utf-8",
    )
    return folder / "mkdocs.yml"


def build_plain(config_file: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    config.plugins.on_shutdown()


def with_synthetic_versions(folder: Path, count: int) -> Path:
    """A copy of the project with `count` synthetic versions (copies of the current one) added to its data."""
    folder.mkdir(parents=True)
    for name in ("mkdocs.yml", "content", "overrides", "guideline_data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    registry = folder / "guideline_data" / "versions.yaml"
    data = yaml.safe_load(registry.read_text(encoding="utf-8"))
    current = next(v for v in data["versions"] if v["status"] == "current")
    for index in range(count):
        year = 2030 + index
        shutil.copytree(folder / "guideline_data" / "2026-2027", folder / "guideline_data" / str(year))
        data["versions"].append(
            {
                **current, "id": str(year), "label": {"nl": f"Synthetisch {year}", "en": f"Synthetic {year}"},
                "document_version": str(year), "valid_from": datetime.date(year, 1, 1),
                "valid_until": datetime.date(year, 12, 31), "status": "superseded",
            }
        )
    registry.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def page_weights(site: Path) -> dict[str, int]:
    return {
        str(page.relative_to(site)): len(gzip.compress(page.read_bytes(), compresslevel=6))
        for page in sorted(site.rglob("*.html"))
    }


def first_visit_bytes(site: Path, path: str) -> tuple[int, list[tuple[str, int]]]:
    """Bytes over the wire (gzip where the server compresses) for a first visit of `path`, per resource."""
    from playwright.sync_api import sync_playwright

    from site_tests.browser import CHROMIUM_ARGS, chromium_path

    with GzipServer(site, PORT) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        responses = []
        page.on("requestfinished", lambda request: responses.append(request))
        page.goto(base + path, wait_until="networkidle")
        resources = []
        for request in responses:
            sizes = request.sizes()
            resources.append((request.url.removeprefix(base), sizes["responseBodySize"] + sizes["responseHeadersSize"]))
        browser.close()
    return sum(size for _, size in resources), resources


def plan_evaluation(guideline: object, folder: Path) -> dict[str, object]:
    """Evaluation time of a full plan in the checklist's JavaScript core (node), per guideline version."""
    import os
    import subprocess

    from generator.plan_data import plan_data_json

    data = folder / "plan-data.json"
    data.write_text(plan_data_json(guideline, "nl"), encoding="utf-8")  # type: ignore[arg-type]
    script = ROOT / "site_tests" / "bench" / "plan_eval.mjs"
    result = subprocess.run(
        ["node", str(script)], capture_output=True, text=True, check=True, env={**os.environ, "PLAN_DATA": str(data)}
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def lighthouse_only() -> int:
    """`python -m site_tests.bench --lighthouse`: only the Lighthouse scores of LIGHTHOUSE_PAGES (a minute or two)."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(ROOT, site, site_url=f"http://127.0.0.1:{PORT}/mtvp/")
        scores = lighthouse_scores(site, LIGHTHOUSE_PAGES, ARTIFACTS / "lighthouse", PORT)
    for page, values in scores.items():
        line = " / ".join(str(v) for v in values.values()) if isinstance(values, dict) else str(values)
        print(f"Lighthouse {page} (perf/a11y/bp/seo)  {line}")
    return 0


def main() -> int:
    started = time.perf_counter()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        site = tmpdir / "site"
        # Built for the address it is served at, so Material's own requests (sitemap.xml) resolve.
        site_url = f"http://127.0.0.1:{PORT}/mtvp/"
        ours = median_seconds(lambda: build_site(ROOT, site, site_url=site_url))
        pages_per_language = len([p for p in (site / "nl").rglob("index.html") if "pagefind" not in p.parts])
        guideline = load_guideline(ROOT / "guideline_data", root=ROOT)
        rendered = Renderer(guideline, "nl").render_pages()
        page_chars = int(statistics.mean(len(page.markdown) for page in rendered))
        plain_config = plain_material_project(tmpdir / "plain", pages_per_language - 1, page_chars)
        plain = median_seconds(
            lambda: [build_plain(plain_config, tmpdir / "plain-site" / lang) for lang in ("nl", "en")]
        )
        results["build"] = {
            "ours_s": round(ours, 2), "plain_material_s": round(plain, 2), "ratio": round(ours / plain, 2),
            "pages_per_language": pages_per_language, "avg_markdown_chars": page_chars,
        }

        scaling = {}
        for count in (1, 3, 10):
            project = with_synthetic_versions(tmpdir / f"v{count}", count)
            scaling[count] = round(
                median_seconds(lambda project=project: build_site(project, project / "site"), runs=2), 2
            )
        slope = (scaling[10] - scaling[1]) / 9
        predicted_3 = scaling[1] + 2 * slope
        results["scaling"] = {
            "seconds_by_versions": scaling, "per_extra_version_s": round(slope, 3),
            "deviation_at_3_versions": round(abs(scaling[3] - predicted_3) / scaling[3], 3),
            "note": "every version is rendered at its pinned URLs; synthetic versions are copies of the current one",
        }

        weights = page_weights(site)
        over = {page: size for page, size in weights.items() if size > BUDGET_PAGE_GZIP}
        total, resources = first_visit_bytes(site, "nl/interventies/regie-op-veelgebruikers/")
        results["weight"] = {
            "pages": len(weights), "max_gzip_bytes": max(weights.values()),
            "median_gzip_bytes": int(statistics.median(weights.values())), "over_budget": over,
            "first_visit_intervention_bytes": total, "first_visit_resources": resources,
        }
        results["plan_evaluation"] = plan_evaluation(guideline, tmpdir)
        results["lighthouse"] = lighthouse_scores(site, LIGHTHOUSE_PAGES, ARTIFACTS / "lighthouse", PORT)

    results["benchmark_wall_s"] = round(time.perf_counter() - started, 1)
    (ARTIFACTS / "bench.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(report(results))
    return 0


def report(results: dict[str, object]) -> str:
    build = results["build"]
    scaling = results["scaling"]
    weight = results["weight"]
    assert isinstance(build, dict) and isinstance(scaling, dict) and isinstance(weight, dict)
    verdict = "PASS" if build["ratio"] <= BUDGET_RATIO else "FAIL"
    rows = [
        ("full build, both languages (median of 3)", f"{build['ours_s']} s"),
        (f"plain Material, same pages ({build['pages_per_language']} x 2)", f"{build['plain_material_s']} s"),
        (f"ratio (budget <= {BUDGET_RATIO})", f"{build['ratio']}  {verdict}"),
    ]
    for count, seconds in scaling["seconds_by_versions"].items():
        rows.append((f"build with {count} synthetic version(s) added to the 3 real ones", f"{seconds} s"))
    slope_text = f"{scaling['per_extra_version_s']} s / {scaling['deviation_at_3_versions']:.0%}"
    rows.append(("per extra version / deviation from a line at 3", slope_text))
    over = weight["over_budget"]
    rows += [
        (f"HTML pages, gzip: max / median ({weight['pages']} pages)",
         f"{weight['max_gzip_bytes']} / {weight['median_gzip_bytes']} B"),
        ("pages over 14 KB gzipped", f"{len(over)}  {'PASS' if not over else 'FAIL'}"),
        ("first visit of an intervention page, transferred", f"{weight['first_visit_intervention_bytes']} B"),
    ]
    plan = results.get("plan_evaluation")
    if isinstance(plan, dict):
        for version, figures in plan.items():
            rows.append((
                f"plan check {version}: {figures['rules']} rules, {figures['choices']} choices",
                f"median {figures['median_ms']} ms, max {figures['max_ms']} ms",
            ))
    lighthouse = results["lighthouse"]
    if isinstance(lighthouse, dict) and "error" not in lighthouse:
        for page, scores in lighthouse.items():
            rows.append((f"Lighthouse {page} (perf/a11y/bp/seo)", " / ".join(str(s) for s in scores.values())))
    else:
        rows.append(("Lighthouse", str(lighthouse)))
    rows.append(("benchmark wall time", f"{results['benchmark_wall_s']} s"))
    width = max(len(label) for label, _ in rows)
    lines = [f"{label.ljust(width)}  {value}" for label, value in rows]
    note = f"note: {scaling['note']}"
    return "\n".join(lines + [note])


if __name__ == "__main__":
    sys.exit(lighthouse_only() if "--lighthouse" in sys.argv[1:] else main())
