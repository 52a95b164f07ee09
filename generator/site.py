"""Build the whole site: one MkDocs build per language, a Pagefind index per language, and the root files.

Like `plugin.py`, this module is an adapter to the engine (it calls MkDocs' build and live-reload server); the
core (`generator.data`, `generator.render`) does not know about it. The build happens in a staging folder that
replaces the output folder only when every step has succeeded, so a failed build never leaves a half-built site.
"""

from __future__ import annotations

import html
import logging
import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import jinja2

from generator import pages
from generator.content_check import content_errors
from generator.data.errors import GuidelineDataError
from generator.data.load import Guideline, load_guideline
from generator.data.translations import all_translation_errors
from generator.embed import embed_files
from generator.export import api_files
from generator.feed import atom_feed
from generator.i18n import LANGUAGE_NAMES, LANGUAGES, ui
from generator.languages import DEFAULT_LANGUAGE
from generator.render import TEMPLATES
from generator.search_index import EXCLUDED_SELECTORS
from generator.swap import build_lock, swap_into_place

log = logging.getLogger("generator")



@contextmanager
def _environment(**values: str) -> Iterator[None]:
    """Set environment variables for the duration of a block (mkdocs.yml reads them with `!ENV`)."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def build_language(config_file: Path, language: str, site_dir: Path, site_url: str | None) -> None:
    """Run one strict MkDocs build of `language` into `site_dir/<language>/`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with _environment(MTVP_LANGUAGE=language, SITE_URL=site_url or ""):
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def index_search(language_dir: Path) -> None:
    """Build the Pagefind index of one language (its pages carry `<html lang>`, so Dutch gets Dutch stemming)."""
    # The binary shipped in the pagefind_bin wheel, called directly (no Python start-up per language).
    from pagefind_bin import get_executable  # type: ignore[import-untyped]

    excluded = ", ".join(EXCLUDED_SELECTORS)
    subprocess.run(
        [str(get_executable()), "--site", str(language_dir), "--exclude-selectors", excluded, "--silent"], check=True
    )


def build_and_index(config_file: Path, language: str, site_dir: Path, site_url: str | None, index: bool = True) -> None:
    """One language, start to end: its MkDocs build, then (with `index`) its search index."""
    build_language(config_file, language, site_dir, site_url)
    if index:
        index_search(site_dir / language)


def _ignore_interrupt() -> None:
    """Workers leave Ctrl-C to the parent, which stops them: one clean message instead of a traceback each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def build_languages(
    config_file: Path, site_dir: Path, site_url: str | None, parallel: bool, index: bool = True
) -> None:
    """Build every language, each in its own process when `parallel` (the builds share nothing but the data).

    On a machine with two cores this halves the wall-clock time of a build. Processes are forked, so each starts
    with the already imported generator and the validated data cached in `generator.data.load`. On Ctrl-C the
    workers are terminated at once rather than waited for.
    """
    if not parallel or len(LANGUAGES) == 1 or (os.cpu_count() or 1) == 1:
        for language in LANGUAGES:
            build_and_index(config_file, language, site_dir, site_url, index)
        return
    context = multiprocessing.get_context("fork")
    pool = context.Pool(processes=len(LANGUAGES), initializer=_ignore_interrupt)
    try:
        results = [
            pool.apply_async(build_and_index, (config_file, language, site_dir, site_url, index))
            for language in LANGUAGES
        ]
        pool.close()
        for result in results:
            result.get()  # re-raises a build error of that language here
    except KeyboardInterrupt:
        pool.terminate()  # each worker's own children (Pagefind) get the terminal's Ctrl-C themselves
        raise
    finally:
        # After a build error the other language runs to its end (its Pagefind child would otherwise go on
        # writing into the staging folder while it is removed).
        pool.join()


def write_root_files(site_dir: Path, site_url: str | None) -> None:
    """The site root: a language chooser (x-default), the 404 page and, with a public URL, a sitemap index and (at
    a host root) robots.txt; without one, no sitemap (it needs absolute addresses) and an allow-all robots.txt."""
    page = _root_template("index.html.j2").render(
        default=DEFAULT_LANGUAGE,
        codes=list(LANGUAGES),
        languages=[{"code": lang, "name": LANGUAGE_NAMES[lang], "root": pages.language_root(lang)} for lang in LANGUAGES],
        titles=[ui(lang, "site_name") for lang in LANGUAGES],
        choose=[ui(lang, "language_choice") for lang in LANGUAGES],
        description=ui(DEFAULT_LANGUAGE, "site_description"),
    )
    (site_dir / "index.html").write_text(page, encoding="utf-8")
    (site_dir / ".nojekyll").write_text("", encoding="utf-8")
    if not site_url:
        # A 404 page is served at any depth, so without a public URL no link or asset address on it can be
        # right: a page with nothing to load replaces Material's (which would load `/assets/…` from the domain).
        (site_dir / "404.html").write_text(portable_not_found_page(DEFAULT_LANGUAGE), encoding="utf-8")
        for language in LANGUAGES:
            (site_dir / language / "404.html").write_text(portable_not_found_page(language), encoding="utf-8")
        for language in LANGUAGES:
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (site_dir / language / name).unlink(missing_ok=True)
        (site_dir / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
        return
    # GitHub Pages serves the root 404.html for every missing path; Material's 404 page uses absolute URLs
    # (from site_url) for its assets, so the Dutch one works at any depth.
    shutil.copyfile(site_dir / DEFAULT_LANGUAGE / "404.html", site_dir / "404.html")
    root = site_url.rstrip("/") + "/"
    sitemaps = [f"{root}{name}" for name in [pages.language_root(lang) + "sitemap.xml" for lang in LANGUAGES] + [HREFLANG_SITEMAP]]
    (site_dir / "sitemap.xml").write_text(
        _root_template("sitemap.xml.j2").render(sitemaps=sitemaps), encoding="utf-8"
    )
    robots = robots_txt(root)
    if robots is not None:
        (site_dir / "robots.txt").write_text(robots, encoding="utf-8")


def robots_txt(root_url: str) -> str | None:
    """robots.txt naming the sitemap, for a site at a host root; None for a site under a sub-path.

    Crawlers read robots.txt only at the host root (RFC 9309 §2.3), so under a sub-path such as GitHub project
    pages' `/REPO/` the file would never be read; the README tells how to name the sitemap there instead.
    """
    if urllib.parse.urlsplit(root_url).path.strip("/"):
        return None
    return f"User-agent: *\nAllow: /\nSitemap: {root_url.rstrip('/')}/sitemap.xml\n"


def portable_not_found_page(first: str) -> str:
    """A bilingual 404 page that loads nothing and links nowhere but back (its depth is unknown), in the language
    `first` first (the language of the part of the site it is served for)."""
    languages = [first, *(lang for lang in LANGUAGES if lang != first)]
    sections = [
        {
            "code": lang,
            "title": ui(lang, "page_not_found"),
            "text": ui(lang, "not_found_portable"),
            "back": ui(lang, "not_found_back"),
        }
        for lang in languages
    ]
    return _root_template("not_found.html.j2").render(sections=sections)


HREFLANG_SITEMAP = "sitemap-languages.xml"


def _alternates(url: str, language: str) -> list[tuple[str, str]]:
    """The alternates of a `language` page URL in every language and x-default (the default language), as
    (hreflang, URL) pairs."""
    head, _, rest = url.partition("/" + pages.language_root(language))
    links = [(other, pages.under(head, pages.language_root(other)) + rest) for other in LANGUAGES]
    return [*links, ("x-default", pages.under(head, pages.language_root(DEFAULT_LANGUAGE)) + rest)]


def write_hreflang_sitemap(site_dir: Path) -> None:
    """Every page of every language with its language alternates, in one sitemap at the site root.

    Pages have the same path in every language, so the alternates follow from the URL. Search engines read
    hreflang from sitemaps as from page heads. They are kept out of page heads, because Material's instant
    navigation would fetch a `sitemap.xml` next to every alternate page URL and get 404s; and out of the
    languages' own sitemaps, because Material downloads and parses that one on every first page load, and
    the alternates made it four times as long (a long task on a phone).
    """
    entries = []
    for language in LANGUAGES:
        for url, lastmod in re.findall(
            r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>",
            (site_dir / language / "sitemap.xml").read_text(encoding="utf-8"),
        ):
            # Read as text (MkDocs wrote it escaped); the template escapes it again.
            url = html.unescape(url)
            entries.append({"url": url, "lastmod": lastmod, "alternates": _alternates(url, language)})
    (site_dir / HREFLANG_SITEMAP).write_text(
        _root_template("sitemap-languages.xml.j2").render(pages=entries), encoding="utf-8"
    )


def _root_template(name: str) -> jinja2.Template:
    """A template of the files at the site root (`generator/templates/root/`), HTML and XML escaped."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES / "root"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template(name)


def source_date_epoch(project_root: Path) -> str:
    """SOURCE_DATE_EPOCH if set; otherwise the time of the last commit, so two builds of a commit are identical.

    Falls back to the newest modification time of the guideline data outside a git checkout.
    """
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=project_root, capture_output=True, text=True, check=True
        )
        if result.stdout.strip():
            return result.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    newest = max((p.stat().st_mtime for p in (project_root / "guideline_data").rglob("*.yaml")), default=0)
    return str(int(newest))


def write_open_data(site_dir: Path, guideline: Guideline, site_url: str | None) -> None:
    """The JSON API (`api/`), the embeddable growth-model pages (`embed/`), the address schemes for scripts
    (`addresses.json`) and, with a public URL, the Atom feeds of versions (a feed's ids and links must be absolute;
    without a public URL there is no feed)."""
    feeds = {pages.feed(language): atom_feed(guideline, site_url, language) for language in LANGUAGES} if site_url else {}
    embed_root = site_url or pages.site_root_from(pages.EMBED_GROWTH_MODEL)
    files = {**api_files(guideline, site_url), **embed_files(guideline, embed_root), **feeds}
    files[pages.ADDRESSES_FILE] = pages.addresses_json()
    for name, text in files.items():
        target = site_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def build_site(
    project_root: Path,
    output: Path,
    site_url: str | None = None,
    parallel: bool = True,
    strict_translations: bool = True,
) -> float:
    """Validate the data, build both languages and their search indexes into `output`.

    `parallel` builds the languages in separate processes (see `build_languages`); `serve` builds them one after
    the other, because it rebuilds from a server thread, where forking is not safe. `strict_translations` False
    (for `serve`, while an editor changes Dutch texts) turns outdated translations into warnings.

    Without `site_url` (nor SITE_URL) the build is portable: every link is relative, and nothing that needs the
    public address is made (canonical and og:url, sitemaps, feeds, calendar URLs); a warning says so.

    Returns:
        The build time in seconds.

    Raises:
        GuidelineDataError: When the data has errors or, with `strict_translations`, translations.lock is
            invalid or outdated (then `output` is left untouched).
        BuildLocked: When another build into `output` is running.
    """
    started = time.perf_counter()
    data_dir = project_root / "guideline_data"
    guideline = load_guideline(data_dir, root=project_root)  # fail fast, with every data error
    page_problems = content_errors(project_root / "content", project_root)
    # CI builds without `check`: an invalid or outdated translations.lock must stop the build as well.
    problems = all_translation_errors(guideline, data_dir, project_root)
    if page_problems or (problems and strict_translations):
        raise GuidelineDataError([*page_problems, *problems])
    for problem in problems:
        log.warning("%s", str(problem).split("\n")[0])
    site_url = site_url or os.environ.get("SITE_URL") or None
    if site_url is None:
        log.warning(
            "No SITE_URL: building a portable site (relative links only; no canonical addresses, sitemaps, feeds "
            "or calendar URLs). Set SITE_URL (or --site-url) to the public root URL for the deployed site."
        )
    output.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(output):
        staging = Path(tempfile.mkdtemp(prefix=".site-", dir=output.parent))
        try:
            # MkDocs dates the sitemap with SOURCE_DATE_EPOCH when it is set (reproducible builds).
            with _environment(SOURCE_DATE_EPOCH=source_date_epoch(project_root), SITE_URL=site_url or ""):
                build_languages(project_root / "mkdocs.yml", staging, site_url, parallel)
            write_root_files(staging, site_url)
            if site_url:
                write_hreflang_sitemap(staging)
            write_open_data(staging, guideline, site_url)
            swap_into_place(staging, output)
        finally:
            if staging.exists():
                shutil.rmtree(staging)
    return time.perf_counter() - started


def render_check(project_root: Path) -> None:
    """Render every page of every language, strictly, into a folder that is thrown away: what `check` adds to
    the data checks. A link in a text or a page that leads nowhere fails here as it fails `build` (MkDocs' strict
    mode), with the same message at the same YAML line; no search index is made and `site/` is not touched.

    Raises:
        mkdocs.exceptions.Abort: With the count of warnings, each logged before (as `build` does).
    """
    with (
        tempfile.TemporaryDirectory(prefix=".check-") as folder,
        _environment(SOURCE_DATE_EPOCH=source_date_epoch(project_root), SITE_URL=""),
    ):
        build_languages(project_root / "mkdocs.yml", Path(folder), None, parallel=True, index=False)


#: Where `serve` builds (ignored by git, like the staging folders).
SERVE_OUTPUT = ".site-serve"


def serve(project_root: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Build both languages and serve them with live reload; rebuild when data, pages or templates change."""
    from mkdocs.livereload import LiveReloadServer

    # Not site/: what `serve` builds is for this address only, and must not replace the deployable build.
    output = project_root / SERVE_OUTPUT
    site_url = f"http://{host}:{port}/"

    def rebuild() -> None:
        try:
            seconds = build_site(project_root, output, site_url, parallel=False, strict_translations=False)
            log.info("Built both languages in %.1f s", seconds)
        except Exception as exc:  # noqa: BLE001 - keep serving the last good site; the error is shown in the terminal
            log.error("Build failed:\n%s", exc)

    rebuild()
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(output))
    for watched in ("guideline_data", "content", "overrides", "generator", "mkdocs.yml"):
        server.watch(str(project_root / watched))
    log.info("Serving on http://%s:%d/ (%s)", host, port, ", ".join("/" + pages.language_root(language) for language in LANGUAGES))
    try:
        server.serve()  # type: ignore[no-untyped-call]
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
