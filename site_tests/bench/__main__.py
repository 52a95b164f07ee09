"""Benchmark: build time against plain Material, scaling with versions, page weight and Lighthouse scores.

Run with `make bench` (or `python -m site_tests.bench`). It prints one table and writes
`site_tests/artifacts/bench.json`. This is a measurement, not a test: nothing here fails the suite.

Build times are like for like: each build is a fresh process (`python -m generator build --serial` against plain
MkDocs builds of both languages one after the other in one process), after one warm-up each, in interleaved
rounds so that the machine's drift hits all alike; the spread (min / median / max) is reported. The budget's
baseline is plain Material building our own Markdown (`same_markdown.py`: the same pages, the same text, our
Markdown extensions and theme features, Material's search), so the ratio is what our own code adds. A plain site
of generated paragraphs with the same page count and length (the baseline this benchmark used first) is timed in
the same rounds and reported for information.
"""

from __future__ import annotations

import argparse
import datetime
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.data.load import Guideline, load_guideline
from generator.render import Renderer
from generator.site import build_site
from site_tests.bench.lighthouse import CATEGORIES, lighthouse_scores
from site_tests.bench.overview import overview_timing
from site_tests.bench.overview import row as overview_row
from site_tests.bench.plain_build import build_plain
from site_tests.bench.same_markdown import same_markdown_configs
from site_tests.bench.search import search_figures, search_rows
from site_tests.bench.serve import GzipServer
from site_tests.bench.weight import weight_figures, weight_rows
from site_tests.conftest import ROOT, mkdocs_yml

ARTIFACTS = ROOT / "site_tests" / "artifacts"
RUNS = 3
#: Interleaved pairs (ours, plain) for the build comparison.
PAIRS = 5
BUDGET_RATIO = 1.25
#: Below this R², a straight line does not describe the scaling points: the machine was probably busy.
MIN_R_SQUARED = 0.9
PORT = 8765
LIGHTHOUSE_PAGES = [
    "nl/", "nl/interventies/regie-op-veelgebruikers/", "nl/wijzigingen/2025-naar-2026-2027/", "nl/plan/",
]
# The floor our pages are compared with: a page of a plain Material site (same features, same server), where
# Material's own bundle does all of the page's scripting.
PLAIN_LIGHTHOUSE_PAGE = "page-000/"
PLAIN_URL = f"http://127.0.0.1:{PORT + 1}/mtvp/"
SYNTHETIC_VERSIONS = (0, 1, 3, 10)


def timed(command: list[str]) -> float:
    """Wall-clock seconds of one run of `command` in a fresh process (its output is kept out of the table)."""
    return timed_with_cpu(command)[0]


def timed_with_cpu(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, the process and the children it waited for, such as Pagefind)
    of one run of `command`. CPU time hardly moves with other work on the machine, wall-clock time does: where
    the two ratios differ, the machine was busy."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def ours_command(project: Path, output: Path, site_url: str) -> list[str]:
    """Our build, the languages one after the other (as the plain site is built)."""
    return [sys.executable, "-m", "generator", "--root", str(project), "build", "--serial", "--output", str(output),
            "--site-url", site_url]


def plain_command(output: Path, *config_files: Path) -> list[str]:
    """Plain MkDocs builds of `config_files`, one after the other in one fresh process."""
    return [sys.executable, "-m", "site_tests.bench.plain_build", str(output), *map(str, config_files)]


def spread(values: list[float]) -> dict[str, float]:
    return {"min": round(min(values), 2), "median": round(statistics.median(values), 2), "max": round(max(values), 2)}


def compare_builds(ours: list[str], plain: list[str], paragraphs: list[str], pairs: int = PAIRS) -> dict[str, object]:
    """Ours against plain Material in interleaved rounds after a warm-up of each; the ratio is taken per round.

    `plain` builds our own Markdown (the budget's baseline); `paragraphs` a site of generated paragraphs of the
    same page count and length (information: how much faster plain prose converts than our pages).
    """
    for command in (ours, plain, paragraphs):
        timed(command)
    runs: dict[str, list[tuple[float, float]]] = {"ours": [], "plain": [], "paragraphs": []}
    for _ in range(pairs):
        for name, command in (("ours", ours), ("plain", plain), ("paragraphs", paragraphs)):
            runs[name].append(timed_with_cpu(command))

    def ratios(name: str, measure: int) -> list[float]:
        return [a[measure] / b[measure] for a, b in zip(runs["ours"], runs[name], strict=True)]

    def seconds(name: str, measure: int) -> dict[str, float]:
        return spread([run[measure] for run in runs[name]])

    return {
        "pairs": pairs, "ours_s": seconds("ours", 0), "plain_same_markdown_s": seconds("plain", 0),
        "ratio": spread(ratios("plain", 0)), "plain_paragraphs_s": seconds("paragraphs", 0),
        "ratio_paragraphs": spread(ratios("paragraphs", 0)),
        "ours_cpu_s": seconds("ours", 1), "plain_same_markdown_cpu_s": seconds("plain", 1),
        "ratio_cpu": spread(ratios("plain", 1)), "ratio_paragraphs_cpu": spread(ratios("paragraphs", 1)),
    }


def plain_material_project(
    folder: Path, pages: int, page_chars: int, site_url: str = "http://127.0.0.1:8000/"
) -> Path:
    """A plain Material project with `pages` generated Markdown pages of about `page_chars` characters, with our
    theme features and our Markdown extensions."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    sentence = "De huisarts heeft hierdoor tijd om het goede gesprek met de patiënt te voeren. "
    for index in range(pages):
        body = (sentence * (page_chars // len(sentence) + 1))[:page_chars]
        (docs / f"page-{index:03d}.md").write_text(f"# Pagina {index}\n\n## Deel\n\n{body}\n", encoding="utf-8")
    (docs / "index.md").write_text("# Start\n", encoding="utf-8")
    config: dict[str, object] = {
        "site_name": "Plain", "site_description": "Plain", "site_url": site_url,
        "theme": {"name": "material", "font": False, "features": our_theme_features()}, "plugins": ["search"],
        "markdown_extensions": mkdocs_yml()["markdown_extensions"],
    }
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return folder / "mkdocs.yml"


def site_shape(site: Path, guideline: Guideline) -> tuple[int, int]:
    """Pages per language of the built site, and the average length of a generated page's Markdown."""
    pages_per_language = len([p for p in (site / "nl").rglob("index.html") if "pagefind" not in p.parts])
    rendered = Renderer(guideline, "nl").render_pages()
    return pages_per_language, int(statistics.mean(len(page.markdown) for page in rendered))


def our_theme_features() -> list[str]:
    """The Material features our mkdocs.yml turns on, so the plain site differs from ours only in content."""
    theme = mkdocs_yml()["theme"]
    assert isinstance(theme, dict)
    return list(theme["features"])


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


def scaling(tmpdir: Path) -> dict[str, object]:
    """Build time with 0, 1, 3 and 10 synthetic versions added, and how far it is from a straight line.

    Each point is the median of RUNS serial builds in fresh processes, with its min and max. The line is the
    least-squares fit through the medians; its R² and its largest relative deviation say how linear the growth
    is, and an R² below MIN_R_SQUARED is flagged: then the points are noise (a busy machine), not a trend. Pages
    are counted too: every pair of versions gets a change summary and a redline, so the page count itself grows a
    little faster than the number of versions.
    """
    points = []
    for count in SYNTHETIC_VERSIONS:
        project = with_synthetic_versions(tmpdir / f"v{count}", count)
        command = ours_command(project, project / "site", "http://127.0.0.1:8000/")
        runs = [timed(command) for _ in range(RUNS)]
        seconds = statistics.median(runs)
        pages = sum(1 for _ in (project / "site").rglob("*.html"))
        points.append({"synthetic_versions": count, "seconds": round(seconds, 2), "min_s": round(min(runs), 2),
                       "max_s": round(max(runs), 2), "html_pages": pages,
                       "ms_per_page": round(1000 * seconds / pages, 1)})
        shutil.rmtree(project)
    xs = [float(point["synthetic_versions"]) for point in points]
    ys = [float(point["seconds"]) for point in points]
    slope, intercept = statistics.linear_regression(xs, ys)
    deviation = max(abs(y - (intercept + slope * x)) / y for x, y in zip(xs, ys, strict=True))
    r_squared = round(statistics.correlation(xs, ys) ** 2, 4)
    warning = (
        f"poor linear fit (R² {r_squared} < {MIN_R_SQUARED}): the machine was probably busy; rerun on a quiet machine"
        if r_squared < MIN_R_SQUARED else ""
    )
    return {
        "points": points, "per_extra_version_s": round(slope, 3), "max_deviation_from_line": round(deviation, 3),
        "r_squared": r_squared, "warning": warning,
        "note": "every version is rendered at its pinned URLs; synthetic versions are copies of the current one",
    }


def lighthouse(site: Path, tmpdir: Path, pages_per_language: int, page_chars: int) -> dict[str, object]:
    """Lighthouse on our pages and, in the same rounds, on a page of a plain Material site of the same size and
    features (the floor: Material's own stylesheets and bundle, none of our content or scripts)."""
    plain_site = tmpdir / "plain-lighthouse-site"
    config = plain_material_project(
        tmpdir / "plain-lighthouse", pages_per_language - 1, page_chars, site_url=PLAIN_URL
    )
    build_plain(config, plain_site)
    targets = [(site, page) for page in LIGHTHOUSE_PAGES] + [(plain_site, PLAIN_LIGHTHOUSE_PAGE)]
    scores = lighthouse_scores(targets, ARTIFACTS / "lighthouse", (PORT, PORT + 1))
    if "error" in scores:
        return {"lighthouse": scores}
    return {
        "lighthouse": {page: scores[page] for page in LIGHTHOUSE_PAGES},
        "lighthouse_plain_material": {PLAIN_LIGHTHOUSE_PAGE: scores[PLAIN_LIGHTHOUSE_PAGE]},
    }


def build_comparison(site: Path, guideline: Guideline, tmpdir: Path, site_url: str) -> dict[str, Any]:
    """Our serial build against plain Material building our Markdown, and a site of paragraphs of the same shape
    as `site` (see `compare_builds`)."""
    pages_per_language, page_chars = site_shape(site, guideline)
    same = same_markdown_configs(guideline, tmpdir / "same-markdown", site_url)
    paragraphs = plain_material_project(tmpdir / "paragraphs", pages_per_language - 1, page_chars)
    return {
        **compare_builds(ours_command(ROOT, tmpdir / "timed-site", site_url),
                         plain_command(tmpdir / "same-markdown-site", *same),
                         plain_command(tmpdir / "paragraphs-site", *[paragraphs] * len(same))),
        "pages_per_language": pages_per_language, "avg_markdown_chars": page_chars,
    }


def build_only() -> int:
    """`python -m site_tests.bench --build`: only the build comparison (a minute on a quiet machine)."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        site_url = f"http://127.0.0.1:{PORT}/mtvp/"
        build_site(ROOT, site, site_url=site_url)
        build = build_comparison(site, load_guideline(ROOT / "guideline_data", root=ROOT), Path(tmp), site_url)
    print(table(build_rows(build)))
    return 0


def lighthouse_only() -> int:
    """`python -m site_tests.bench --lighthouse`: only the Lighthouse scores of LIGHTHOUSE_PAGES (a minute or two)."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(ROOT, site, site_url=f"http://127.0.0.1:{PORT}/mtvp/")
        pages_per_language, page_chars = site_shape(site, load_guideline(ROOT / "guideline_data", root=ROOT))
        results = lighthouse(site, Path(tmp), pages_per_language, page_chars)
    print(table(lighthouse_rows(results)))
    return 0


def search_only() -> int:
    """`python -m site_tests.bench --search`: only the search figures (build, then the query set timed)."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        server = GzipServer(site)  # a free port, so that it can run beside a full benchmark
        build_site(ROOT, site, site_url=f"http://127.0.0.1:{server.server.server_address[1]}/mtvp/")
        with server as base:
            figures = search_figures(site, base)
    print(table(search_rows(figures)))
    return 0


def weight_only() -> int:
    """`python -m site_tests.bench --weight`: only the page weights (one build, a few seconds more)."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(ROOT, site, site_url=f"http://127.0.0.1:{PORT}/mtvp/")
        weight = weight_figures(site)
    rows = weight_rows(weight) + [(f"  {page}", f"{size} B") for page, size in weight["largest"].items()]
    print(table(rows))
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
        build_site(ROOT, site, site_url=site_url)
        guideline = load_guideline(ROOT / "guideline_data", root=ROOT)
        build = build_comparison(site, guideline, tmpdir, site_url)
        results["build"] = build

        results["scaling"] = scaling(tmpdir)
        total, resources = first_visit_bytes(site, "nl/interventies/regie-op-veelgebruikers/")
        results["weight"] = {
            **weight_figures(site), "first_visit_intervention_bytes": total, "first_visit_resources": resources,
        }
        results["plan_evaluation"] = plan_evaluation(guideline, tmpdir)
        with GzipServer(site, PORT) as base:
            results["search"] = search_figures(site, base)
        results["overview"] = overview_timing(site)
        results.update(lighthouse(site, tmpdir, int(build["pages_per_language"]), int(build["avg_markdown_chars"])))

    results["benchmark_wall_s"] = round(time.perf_counter() - started, 1)
    (ARTIFACTS / "bench.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(report(results))
    return 0


def report(results: dict[str, object]) -> str:
    build = results["build"]
    scaling = results["scaling"]
    weight = results["weight"]
    assert isinstance(build, dict) and isinstance(scaling, dict) and isinstance(weight, dict)
    rows = build_rows(build)
    for point in scaling["points"]:
        rows.append((
            f"build with {point['synthetic_versions']} synthetic version(s) added to the 3 real ones",
            (f"{point['seconds']} s (min {point['min_s']}, max {point['max_s']}), {point['html_pages']} pages,"
            f" {point['ms_per_page']} ms/page"),
        ))
    rows.append((
        "per extra version / largest deviation from the fitted line / R²",
        f"{scaling['per_extra_version_s']} s / {scaling['max_deviation_from_line']:.1%} / {scaling['r_squared']}",
    ))
    if scaling["warning"]:
        rows.append(("WARNING", scaling["warning"]))
    rows += weight_rows(weight)
    rows.append(("first visit of an intervention page, transferred", f"{weight['first_visit_intervention_bytes']} B"))
    plan = results.get("plan_evaluation")
    if isinstance(plan, dict):
        for version, figures in plan.items():
            rows.append((
                f"plan check {version}: {figures['rules']} rules, {figures['choices']} choices",
                f"median {figures['median_ms']} ms, max {figures['max_ms']} ms",
            ))
    rows += search_rows(results.get("search"))
    overview = results.get("overview")
    if isinstance(overview, dict):
        rows.append(overview_row(overview))
    rows += lighthouse_rows(results)
    rows.append(("benchmark wall time", f"{results['benchmark_wall_s']} s"))
    return table(rows) + f"\nnote: {scaling['note']}"


def _span(figures: dict[str, float], unit: str = " s") -> str:
    return f"{figures['median']}{unit} (min {figures['min']}, max {figures['max']})"


def build_rows(build: Mapping[str, Any]) -> list[tuple[str, str]]:
    verdict = "PASS" if build["ratio"]["median"] <= BUDGET_RATIO else "FAIL"
    pages = f"{build['pages_per_language']} x 2 pages"
    return [
        (f"our build, serial, both languages ({build['pairs']} runs)", _span(build["ours_s"])),
        (f"plain Material, our Markdown ({pages}), serial", _span(build["plain_same_markdown_s"])),
        (f"ratio per interleaved round (budget <= {BUDGET_RATIO})", f"{_span(build['ratio'], '')}  {verdict}"),
        ("CPU time (user + system): ours / plain", f"{_span(build['ours_cpu_s'])} / {_span(build['plain_same_markdown_cpu_s'])}"),
        ("CPU ratio per round (information: hardly moved by a busy machine)", _span(build["ratio_cpu"], "")),
        (f"plain Material, paragraphs ({pages}, {build['avg_markdown_chars']} chars), serial",
         _span(build["plain_paragraphs_s"])),
        ("ratio against it, wall / CPU (information, no budget: other content)",
         f"{_span(build['ratio_paragraphs'], '')} / {_span(build['ratio_paragraphs_cpu'], '')}"),
    ]


def lighthouse_rows(results: Mapping[str, object]) -> list[tuple[str, str]]:
    """One row per page: median scores, each run's performance score and the median metrics behind it."""
    rows = []
    for key, label in (("lighthouse", "Lighthouse"), ("lighthouse_plain_material", "Lighthouse plain Material")):
        pages = results.get(key)
        if not isinstance(pages, dict) or "error" in pages:
            rows.append((label, str(pages)))
            continue
        for page, scores in pages.items():
            if "error" in scores:
                rows.append((f"{label} {page}", str(scores["error"])))
                continue
            metrics = scores["metrics"]
            rows.append((
                f"{label} {page} (perf/a11y/bp/seo)",
                " / ".join(str(scores[name]) for name in CATEGORIES)
                + f"  runs {scores['performance_runs']}  FCP {metrics['FCP'] / 1000:.2f} s, LCP {metrics['LCP'] / 1000:.2f} s,"
                f" TBT {metrics['TBT']:.0f} ms, CLS {metrics['CLS']:.3f}",
            ))
    return rows


def table(rows: list[tuple[str, str]]) -> str:
    width = max(len(label) for label, _ in rows)
    return "\n".join(f"{label.ljust(width)}  {value}" for label, value in rows)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m site_tests.bench", description="Measure the site (site_tests/bench/README.md); without an"
        " option, everything, written to site_tests/artifacts/bench.json.",
    )
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--build", action="store_true", help="only the build comparison with plain Material")
    only.add_argument("--lighthouse", action="store_true", help="only the Lighthouse scores of LIGHTHOUSE_PAGES")
    only.add_argument("--search", action="store_true", help="only the search timings and index sizes")
    only.add_argument("--weight", action="store_true", help="only the page weights (gzip) against the budget")
    return parser.parse_args()


if __name__ == "__main__":
    options = arguments()
    if options.lighthouse:
        sys.exit(lighthouse_only())
    if options.build:
        sys.exit(build_only())
    if options.weight:
        sys.exit(weight_only())
    sys.exit(search_only() if options.search else main())
