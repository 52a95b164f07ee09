"""The MkDocs plugin: the only module of the core that imports MkDocs (house style H1).

It turns MkDocs events into calls on the pure modules (`generator.data`, `generator.render`). One MkDocs build
renders one language; `generator.site` runs one build per language.

Hook map, in build order:

- `on_startup`: remember whether this is `mkdocs serve`.
- `on_config`: load and validate all guideline data (every error at once, as a `PluginError`); derive the
  language's docs folder, output folder and site URL; build the translated navigation.
- `on_files`: add every generated page with `File.generated` (no temporary files), refusing collisions with
  hand-written pages.
- `on_page_markdown`: expand `<!-- guideline:… -->` directives in hand-written pages.
- `on_page_context`: give the theme templates the interface strings and the page's language alternates.
- `on_serve`: watch the data and the page templates, which MkDocs does not watch by itself.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File

from generator.data.errors import GuidelineDataError
from generator.data.load import Guideline, load_guideline
from generator.i18n import LANGUAGE_NAMES, LANGUAGES, STRINGS, ui
from generator.render import TEMPLATES, DirectiveError, Renderer

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
    """The folder with the hand-written pages, one sub-folder per language (`content/nl`, `content/en`)."""

    language = c.Choice(LANGUAGES, default="nl")
    """The language of this build. Each language is a separate build into `<site_dir>/<language>/`."""


class GuidelinePlugin(BasePlugin[GuidelineConfig]):  # type: ignore[no-untyped-call]
    """Publishes the guideline data as pages of one language."""

    def __init__(self) -> None:
        self.is_serve = False
        self.guideline: Guideline | None = None
        self.renderer: Renderer | None = None
        self.root_url = ""

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
        self.renderer = Renderer(self.guideline, language, site_root=self.root_url or "/")

        # One build per language: the same configuration, pointed at the language's own folders.
        config.docs_dir = os.path.join(self.config.content_dir, language)
        config.site_dir = os.path.join(config.site_dir, language)
        if self.root_url:
            config.site_url = self.root_url.rstrip("/") + f"/{language}/"
        config.theme["language"] = language
        config.site_name = ui(language, "site_name")
        config.site_description = ui(language, "site_description")
        config.nav = self.renderer.nav()
        # Material prints `<link rel="alternate">` with relative URLs for an iterable `extra.alternate`, which
        # search engines reject; a non-iterable true value keeps its language selector in the header while
        # our `partials/alternate.html` and `main.html` print per-page links with absolute URLs instead.
        config.extra["alternate"] = True
        # For the 404 page, which is rendered without a page context and must speak both languages.
        config.extra["gl_root_url"] = self.root_url.rstrip("/") + "/" if self.root_url else "/"
        config.extra["gl_strings"] = STRINGS
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.renderer is not None
        for page in self.renderer.render_pages():
            clash = files.get_file_from_path(page.src_uri)
            if clash is not None:
                raise PluginError(
                    f"The generated page {page.src_uri} (from {self.config.data_dir}/{page.data_file}) clashes "
                    f"with the hand-written file {clash.abs_src_path}; rename or remove one of them."
                )
            files.append(File.generated(config, page.src_uri, content=page.markdown))
        return files

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

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        language = self.config.language
        alternates = []
        for other in LANGUAGES:
            alternates.append(
                {
                    "lang": other,
                    "name": LANGUAGE_NAMES[other],
                    # Relative to this page's site root, so it works under any sub-path.
                    "path": f"../{other}/{page.url}",
                    "absolute": f"{self.root_url.rstrip('/')}/{other}/{page.url}" if self.root_url else "",
                    "current": other == language,
                }
            )
        gl = {"lang": language, "ui": STRINGS[language], "alternates": alternates}
        context["gl"] = gl  # type: ignore[typeddict-unknown-key]
        return context


    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(str(self.config.data_dir))
        server.watch(str(self.config.content_dir))
        server.watch(str(TEMPLATES))
        return server
