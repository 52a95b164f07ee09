"""Command line for maintainers: `python -m generator check | build | serve | schema | translated | new-version`."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from pathlib import Path

from generator.data.errors import GuidelineDataError
from generator.data.load import Guideline, load_guideline
from generator.languages import LANGUAGES


def _load_or_report(root: Path) -> Guideline | None:
    """The validated guideline, or None after printing every data error."""
    try:
        return load_guideline(root / "guideline_data", root=root)
    except GuidelineDataError as exc:
        print(exc.report(), file=sys.stderr)
        return None


def _check(args: argparse.Namespace) -> int:
    from generator.content_check import content_errors
    from generator.data.translations import all_translation_errors
    from generator.site import render_check

    root = Path(args.root).resolve()
    guideline = _load_or_report(root)
    if guideline is None:
        return 1
    for version in guideline.versions:
        described = f"{len(version.interventions.interventions)} interventions, {len(version.growth_model.rules)} rules"
        if version.reconstruction is not None:
            statuses = list(version.reconstruction.status.values())
            described += (
                f"; reconstructed from {version.reconstruction.based_on}: {statuses.count('known')} items known,"
                f" {statuses.count('changed')} changed, {len(version.reconstruction.absent)} absent,"
                f" {statuses.count('unknown')} not known"
            )
        print(f"{version.id}: valid ({described})")
    pages = content_errors(root / "content", root)
    for problem in pages:
        print(problem, file=sys.stderr)
    problems = all_translation_errors(guideline, root / "guideline_data", root)
    for problem in problems:
        print(str(problem).split("\n")[0], file=sys.stderr)
    if problems:
        print(f"{len(problems)} problems with translations.lock or English texts that may be outdated.", file=sys.stderr)
    if pages or problems:
        return 1
    # Only a valid guideline is rendered: links are checked the way `build` checks them, by MkDocs' strict mode.
    gc.set_threshold(200_000, 30, 30)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)  # the warnings are the report; progress is noise here
    try:
        render_check(root)
    except Exception as exc:  # noqa: BLE001 - MkDocs' Abort and PluginError carry their own messages
        print(f"Pages: {exc}", file=sys.stderr)
        return 1
    print("pages: every page of every language renders; every link leads to a page")
    return 0


def _translated(args: argparse.Namespace) -> int:
    """Record one version's Dutch texts as translated: the current version unless `--version` names another."""
    from generator.data.translations import read_lock, write_lock

    root = Path(args.root).resolve()
    guideline = _load_or_report(root)
    if guideline is None:
        return 1
    version_id = args.version or guideline.current.id
    official = [v.id for v in guideline.versions if v.reconstruction is None]
    if version_id not in official:
        # A reconstruction's texts are its evidence notes and changes, tracked in its one file.
        print(f"translated: `{version_id}` is not an official version; expected one of {official}", file=sys.stderr)
        return 2
    folder = root / "guideline_data" / version_id
    _, lock_errors = read_lock(folder, root)
    for error in lock_errors:
        print(f"{error} (it is written anew)", file=sys.stderr)
    count = write_lock(guideline.version(version_id), folder)
    print(f"{version_id}: recorded {count} Dutch texts as translated")
    return 0


def _new_version(args: argparse.Namespace) -> int:
    from generator.maintain import MaintenanceError, new_version

    root = Path(args.root).resolve()
    try:
        folder = new_version(root / "guideline_data", args.id, args.source, root)
    except (MaintenanceError, GuidelineDataError) as exc:
        print(f"new-version: {exc}", file=sys.stderr)
        return 1
    print(f"Created {folder.relative_to(root)}/ (status: future). Edit it, then run `python -m generator check`.")
    return 0


def _build(args: argparse.Namespace) -> int:
    from generator.site import build_site
    from generator.swap import BuildLocked

    # A build makes millions of short-lived objects (Markdown trees, page contexts) and few cycles; collecting
    # less often takes the cyclic collector's share of a build (about 6 %) down to almost nothing, as mypy does.
    gc.set_threshold(200_000, 30, 30)
    root = Path(args.root).resolve()
    try:
        seconds = build_site(root, root / args.output, args.site_url, parallel=not args.serial)
    except BuildLocked as exc:
        print(f"Build refused: {exc}.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"Interrupted: no site was built ({args.output}/ is unchanged).", file=sys.stderr)
        return 130
    except GuidelineDataError as exc:
        print(exc.report(), file=sys.stderr)
        print("No site was built.", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - MkDocs' Abort and PluginError carry their own messages
        print(f"Build failed: {exc}", file=sys.stderr)
        print("No site was built.", file=sys.stderr)
        return 1
    print(f"Built {args.output}/ ({', '.join(LANGUAGES)}) in {seconds:.1f} s")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from generator.site import serve

    serve(Path(args.root).resolve(), host=args.host, port=args.port)
    return 0


def _schema(args: argparse.Namespace) -> int:
    from generator.data.schema import write_schemas

    root = Path(args.root).resolve()
    for path in write_schemas(root / "guideline_data" / "schema"):
        print(path.relative_to(root))
    return 0


def _changes(args: argparse.Namespace) -> int:
    """Counts per kind of change between two versions, and how many changes rest on evidence."""
    from generator.diff import KINDS, diff

    guideline = _load_or_report(Path(args.root).resolve())
    if guideline is None:
        return 1
    known = [v.id for v in guideline.versions]
    for version_id in (args.old, args.new):
        if version_id not in known:
            print(f"unknown version `{version_id}`; expected one of {known}", file=sys.stderr)
            return 2
    changes = diff(guideline.version(args.old), guideline.version(args.new))
    counts = changes.counts()
    for kind in KINDS:
        print(f"{kind:>10}: {counts[kind]}")
    reported = [c for c in changes.changes if c.kind != "unknown"]
    backed = sum(1 for c in reported if c.evidence)
    print(f"{len(reported)} changes reported ('unknown' are not comparable), {backed} with evidence")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--root", default=".", help="project root (default: the current directory)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate guideline_data/ and list every error").set_defaults(run=_check)
    build = commands.add_parser("build", help="build both languages into site/ (strict)")
    build.add_argument("--output", default="site", help="output folder, relative to the root (default: site)")
    build.add_argument("--site-url", default=None, help="public root URL with trailing slash (default: SITE_URL)")
    build.add_argument("--serial", action="store_true", help="build the languages one after the other (benchmarks)")
    build.set_defaults(run=_build)
    serve = commands.add_parser("serve", help="build and serve both languages with live reload")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=_serve)
    commands.add_parser("schema", help="write guideline_data/schema/*.schema.json").set_defaults(run=_schema)
    translated = commands.add_parser("translated", help="record the current Dutch texts as translated")
    translated.add_argument("--version", default=None, help="the version to record (default: the current one)")
    translated.set_defaults(run=_translated)
    new = commands.add_parser("new-version", help="start a new version as a copy of an existing one")
    new.add_argument("id", help="the new version id, e.g. 2028")
    new.add_argument("--from", dest="source", required=True, help="the version to copy, e.g. 2026-2027")
    new.set_defaults(run=_new_version)
    changes = commands.add_parser("changes", help="count the changes between two versions, per kind")
    changes.add_argument("old", help="the older version, e.g. 2025")
    changes.add_argument("new", help="the newer version, e.g. 2026-2027")
    changes.set_defaults(run=_changes)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
