"""The MkDocs plugin: the only module of the core that imports MkDocs (house style H1).

It hands MkDocs what the core made: `generator.docs_tree` renders one language's complete tree (generated pages
and files, navigation, each page's template context), and this plugin gives it to MkDocs' events. One MkDocs
build renders one language; `generator.site` runs one build per language.

Hook map, in build order:

- `on_startup`: remember whether this is `mkdocs serve`.
- `on_config`: load and validate all guideline data (every error at once, as a `PluginError`); have the core
  render the language's tree; derive the language's docs folder, output folder and site URL; set the tree's
  navigation; link one combined
  stylesheet instead of the `extra_css` files; name the theme's script bundle for the deferred `scripts` block.
- `on_config` also unhooks Material's lunr indexing (the site searches with Pagefind).
- `on_files`: leave out Material's lunr files and source maps; add the tree's generated pages and files with
  `File.generated` (no temporary files), refusing collisions with hand-written pages; replace the `extra_css`
  files by their combination.
- `on_nav`: take the pinned versions' sections (named by the tree) out of the site navigation; pinned pages
  show their own version's section.
- `on_page_markdown`: expand `<!-- guideline:… -->` directives in hand-written pages.
- `on_page_content`: put every Markdown table in a labelled scroll area of its own (phones never scroll sideways).
- `on_page_context`: give the theme templates the page's context from the tree (`gl`: strings, language
  alternates, version banners, search aliases); pinned pages get their version's navigation.
- `on_post_page`: resolve the site-root placeholder; drop the templates' indentation (page weight).
- `on_serve`: watch the data and the page templates, which MkDocs does not watch by itself.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel

from generator import pages, versions_ui
from generator.data.errors import GuidelineDataError
from generator.data.load import Guideline, load_guideline
from generator.data.text_links import link_in_page, text_with_link
from generator.docs_tree import DocsTree, docs_tree
from generator.i18n import LANGUAGES, STRINGS, ui
from generator.languages import DEFAULT_LANGUAGE, info
from generator.render import (
    RELATIVE_ROOT,
    TEMPLATES,
    DirectiveError,
    Renderer,
    shared_bytecode_cache,
)
from generator.stylesheets import COMBINED_STYLESHEET, combined_stylesheet
from generator.tables import scroll_areas
from generator.whitespace import drop_indentation

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)


class GuidelineConfig(base.Config):  # type: ignore[no-untyped-call]
    data_dir = c.Dir(exists=True, default="guideline_data")
    """The folder with `versions.yaml` and one folder per guideline version."""

    content_dir = c.Dir(exists=True, default="content")
    """The folder with the hand-written pages, one sub-folder per language (`content/<language>/`)."""

    language = c.Choice(LANGUAGES, default=DEFAULT_LANGUAGE)
    """The language of this build. Each language is a separate build into `<site_dir>/<language>/`."""


class GuidelinePlugin(BasePlugin[GuidelineConfig]):  # type: ignore[no-untyped-call]
    """Publishes the guideline data as pages of one language."""

    def __init__(self) -> None:
        self.is_serve = False
        self.guideline: Guideline | None = None
        self.renderer: Renderer | None = None
        self.pinned: dict[str, Renderer] = {}
        self.root_url = ""
        #: The language's docs tree, made by the core (generated pages and files, navigation, page context).
        self.tree: DocsTree | None = None
        #: Each version's navigation section (taken out of the site navigation in `on_nav`).
        self.version_navs: dict[str, Any] = {}
        #: The `extra_css` files of mkdocs.yml, served combined as COMBINED_STYLESHEET.
        self.stylesheets: list[str] = []
        self._link_filter: logging.Filter | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.is_serve = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        language = self.config.language
        project_root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        try:
            self.guideline = load_guideline(Path(self.config.data_dir), root=project_root)
        except GuidelineDataError as exc:
            raise PluginError(exc.report()) from None
        self.root_url = config.site_url or ""
        # The core renders the language's whole tree: pages, files, navigation, per-page context. Without a
        # public URL, pages link to the site root relatively (see `on_post_page`).
        self.tree = docs_tree(self.guideline, language, self.root_url or RELATIVE_ROOT, self.root_url)
        self.renderer, self.pinned = self.tree.renderer, self.tree.pinned

        # One build per language: the same configuration, pointed at the language's own folders.
        config.docs_dir = os.path.join(self.config.content_dir, language)
        config.site_dir = os.path.join(config.site_dir, language)
        if self.root_url:
            config.site_url = pages.under(self.root_url, pages.language_root(language))
        config.theme["language"] = language
        config.site_name = ui(language, "site_name")
        config.site_description = ui(language, "site_description")
        # Python-Markdown's footnotes write an English tooltip on every back-link unless told otherwise.
        config.mdx_configs.setdefault("footnotes", {})["BACKLINK_TITLE"] = ui(language, "footnote_backlink_title")
        # Each version's pinned pages get a navigation section of their own; `on_nav` takes these sections out
        # of the site navigation again and `on_page_context` shows a pinned page its own version's section.
        config.nav = self.tree.nav()
        # What the theme's templates need on every page, the 404 page included, which MkDocs renders without a
        # page context (so it cannot come from `gl`): the public root, every language's strings (the 404 page
        # speaks them all), the languages, og:locale, the script bundle. The language alternates are per page
        # (`gl.alternates`, read by partials/alternate.html); mkdocs.yml's `extra.alternate` only turns
        # Material's language selector on.
        # Empty without a public URL: then no feed is built or linked (a feed needs absolute addresses).
        root = self.root_url.rstrip("/") + "/" if self.root_url else ""
        config.extra["gl_root_url"] = root
        config.extra["gl_feed_url"] = pages.under(root, pages.feed(language)) if root else ""
        config.extra["gl_language_roots"] = {other: pages.under(root, pages.language_root(other)) for other in LANGUAGES}
        config.extra["gl_strings"] = STRINGS
        # The languages as the 404 page lists them: this build's first, then the others in their order
        # (generator/languages.yaml); and this language's og:locale.
        config.extra["gl_languages"] = [language, *(other for other in LANGUAGES if other != language)]
        config.extra["gl_locale"] = info(language).locale
        # Material shows a page's `status` (set by the generator from the diff) as an icon in the navigation.
        config.extra["status"] = {kind: ui(language, f"status_{kind}") for kind in ("new", "changed", "possibly_new")}
        # overrides/main.html loads the theme's script bundle itself, deferred; its name carries a content hash.
        config.extra["gl_theme_bundle"] = theme_bundle(config.theme.dirs)
        _unhook_search_index(config)
        # One stylesheet request before the first paint instead of one per file (see generator.stylesheets).
        self.stylesheets = [str(path) for path in config.extra_css]
        if self.stylesheets:
            config.extra_css = [COMBINED_STYLESHEET]
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.tree is not None
        generated = self.tree.pages
        for src_uri, content in self.tree.assets.items():
            files.append(File.generated(config, src_uri, content=content))
        # Change summaries and redlines are reached from the versions page, not from the navigation.
        not_in_nav = self.tree.not_in_nav
        for page in generated:
            clash = files.get_file_from_path(page.src_uri)
            if clash is not None:
                raise PluginError(
                    f"The generated page {page.src_uri} (from {self.config.data_dir}/{page.data_file}) clashes "
                    f"with the hand-written file {clash.abs_src_path}; rename or remove one of them."
                )
            inclusion = InclusionLevel.NOT_IN_NAV if page.src_uri in not_in_nav else InclusionLevel.UNDEFINED
            files.append(File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion))
        project_root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self._link_filter = _LinkToDataLine(
            Path(self.config.data_dir), project_root, {page.src_uri for page in generated}, Path(config.docs_dir)
        )
        logging.getLogger("mkdocs.structure.pages").addFilter(self._link_filter)
        self._combine_stylesheets(files, config)
        for file in list(files):
            if file.src_uri.startswith(UNUSED_THEME_ASSETS) or file.src_uri.endswith(".map"):
                files.remove(file)
        return files

    def _combine_stylesheets(self, files: Files, config: MkDocsConfig) -> None:
        """Replace the `extra_css` files (from the docs or theme folders) by their combination."""
        parts = []
        for path in self.stylesheets:
            file = files.get_file_from_path(path)
            if file is None:
                raise PluginError(
                    f"extra_css names {path}, which is in neither the docs folder nor the theme's custom_dir "
                    f"(the site's stylesheets are combined into {COMBINED_STYLESHEET}, so each must be a local file)."
                )
            parts.append((path, file.content_string))
            files.remove(file)
        if parts:
            try:
                files.append(File.generated(config, COMBINED_STYLESHEET, content=combined_stylesheet(parts)))
            except ValueError as error:
                raise PluginError(str(error)) from None

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.renderer is not None
        if page.file.generated_by is not None:
            return markdown
        # MkDocs passes the Markdown without its front matter; count those lines so errors name file lines.
        source = page.file.content_string
        start = source.find(markdown)
        line_offset = source.count("\n", 0, start) if start > 0 else 0
        try:
            return self.renderer.expand_directives(markdown, page.file.src_uri, line_offset)
        except DirectiveError as exc:
            raise PluginError(str(exc)) from None

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Take the pinned versions' sections (named by the tree, `DocsTree.version_sections`) out of the site
        navigation; `on_page_context` shows each pinned page its own version's section instead."""
        versions = {versions_ui.nav_key(version_id): version_id for version_id in self.pinned}
        self.version_navs = {}
        kept = []
        for item in nav.items:
            if item.is_section and item.title in versions:
                self.version_navs[versions[item.title]] = item
            else:
                kept.append(item)
        missing = [version_id for version_id in self.pinned if version_id not in self.version_navs]
        if missing:
            raise PluginError(f"the navigation has no section for the pinned version(s) {', '.join(missing)}")
        nav.items = kept
        return nav

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Wrap each table in a labelled scroll area. A rewrite of the page's HTML, because the tables are
        Python-Markdown's output (from the data's and the hand-written pages' Markdown tables), not markup of ours
        or of the theme's templates."""
        language = self.config.language

        def label(heading: str) -> str:
            return ui(language, "table_scroll_label", heading=heading)

        title = re.sub(r"<[^>]+>", "", page.title or "")
        return scroll_areas(html, label, title, ui(language, "table_scroll_hint"))

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        assert self.tree is not None
        src_uri = page.file.src_uri
        located = self.tree.page_versions.get(src_uri)
        if located is not None and located[1] != src_uri:
            # A pinned page shows its own version's navigation.
            context["nav"] = _section_navigation(self.version_navs[located[0]], nav)
        canonical = self.tree.canonical_path(src_uri)
        if canonical is not None and self.root_url:
            # The same text also lives at the unversioned address, which search engines should prefer.
            page.canonical_url = pages.under(self.root_url, pages.language_root(self.config.language)) + canonical
        gl = self.tree.page_context(src_uri)
        # Pinned pages name their version in the browser tab and in link previews.
        gl["title"] = versions_ui.page_title(page.title or "", gl["version"])
        context["gl"] = gl  # type: ignore[typeddict-unknown-key]
        return context


    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """Share compiled theme templates between the builds of one process (the second language, `serve`'s
        rebuilds): MkDocs makes a new environment per build and compiled Material's templates each time, about a
        tenth of a build. The cache checks each template's source, so a changed template is compiled again."""
        env.bytecode_cache = shared_bytecode_cache()
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Replace RELATIVE_ROOT by the way up from this page to the site root (its language folder's parent),
        and drop the templates' indentation, about a tenth of every page as served (`generator.whitespace`).

        A rewrite of the finished HTML, on purpose: the placeholder stands in the generated Markdown (links to
        files outside the language's folder: the API, the embeddable pages) and reaches the HTML through
        Python-Markdown; only here is the page's depth known. MkDocs' own `base_url` leads to the language's
        folder, not to the site root above it, and has no counterpart in Markdown."""
        return drop_indentation(output.replace(RELATIVE_ROOT, "../" * (page.url.count("/") + 1)))

    def on_shutdown(self) -> None:
        if self._link_filter is not None:
            logging.getLogger("mkdocs.structure.pages").removeFilter(self._link_filter)
            self._link_filter = None

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(str(self.config.data_dir))
        server.watch(str(self.config.content_dir))
        server.watch(str(TEMPLATES))
        return server


#: Material's lunr search (library and worker, about 1.2 MB per language): the site searches with Pagefind.
UNUSED_THEME_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


def _unhook_search_index(config: MkDocsConfig) -> None:
    """Keep Material's search plugin configured (its header shows the search box only then, which
    `partials/search.html` drives with Pagefind) but stop it from indexing every page and writing the lunr index:
    nothing reads that index, and building it took about a tenth of the build."""
    search = config.plugins.get("material/search")
    if search is None:
        return
    for event in ("page_context", "post_build"):
        config.plugins.events[event] = [
            method for method in config.plugins.events[event] if getattr(method, "__self__", None) is not search
        ]


class _LinkToDataLine(logging.Filter):
    """Rewrites MkDocs' warning about a broken link to point at the line a maintainer edits.

    On a generated page that is the YAML text holding the link (`file:line:column: key.path`); on a hand-written
    page it is the page's own file and line (`content/nl/over.md:12:5`), where MkDocs names only `over.md`. The
    warning still counts (strict mode fails the build); only its location changes.
    """

    WARNING = re.compile(r"Doc file '([^']+)' contains (?:a link|an unrecognized relative link) '([^']+)'")

    def __init__(self, data_dir: Path, root: Path, generated: set[str], docs_dir: Path) -> None:
        super().__init__()
        self.data_dir, self.root, self.generated, self.docs_dir = data_dir, root, generated, docs_dir

    def filter(self, record: logging.LogRecord) -> bool:
        match = self.WARNING.match(record.getMessage())
        if match is None:
            return True
        page, target = match.groups()
        if page in self.generated:
            message = (
                f"link `{target}` in a text leads to no page (found on the generated page {page}; a link in a text "
                "is relative to each page the text is shown on)"
            )
            located = text_with_link(self.data_dir, target, self.root, message)
        else:
            located = link_in_page(self.docs_dir / page, target, self.root, f"link `{target}` leads to no page")
        if located is not None:
            record.msg, record.args = str(located).split("\n")[0], ()
        return True


def _section_navigation(section: Any, site_nav: Navigation) -> Navigation:
    """A navigation holding one version's section children only, for that version's pinned pages."""
    from mkdocs.structure.nav import Navigation

    navigation = Navigation(section.children, site_nav.pages)
    navigation.homepage = site_nav.homepage
    for child in section.children:
        child.parent = None  # the version section itself is never shown
    return navigation


#: Where Material keeps its script bundle (`bundle.<hash>.min.js`), relative to a theme folder.
THEME_BUNDLE_GLOB = "assets/javascripts/bundle.*.min.js"


def theme_bundle(theme_dirs: list[str]) -> str:
    """The path of the theme's script bundle, as `overrides/main.html` links it, found in the theme's folders.

    Our `scripts` block writes the bundle's `<script>` tag itself (with `defer`) instead of rewriting the HTML of
    Material's block; the name is looked up rather than copied, so a theme update cannot leave a stale name.
    """
    found = sorted({path.relative_to(d).as_posix() for d in theme_dirs for path in Path(d).glob(THEME_BUNDLE_GLOB)})
    if len(found) != 1:
        raise PluginError(f"expected one theme script bundle {THEME_BUNDLE_GLOB} in {theme_dirs}, found {found or 'none'}")
    return found[0]
