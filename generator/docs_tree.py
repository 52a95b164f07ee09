"""One language's complete docs tree, made by the core for any engine to build (no MkDocs import).

The tree is what an engine needs and nothing engine-specific: every generated page as Markdown with front matter
(the current version at unversioned paths, every version pinned under `<version>/`, the versions page, change
summaries, redlines, pages at removed items' addresses), the hand-written pages with their directives expanded,
the generated files beside them (the cycle calendar, the checklist's data), the navigation (MkDocs' `nav` shape:
the site's sections, then one section per pinned version) and the per-page context the theme templates read
(`gl`: language, strings, alternates, version banners and selector, search aliases). `generator.plugin` hands it
to MkDocs; `write_docs_tree` writes it to a folder (`docs/`, `site.yml`, `context.yml`) for an engine without our
plugin (site_tests/test_engine_seam.py builds that folder with plain MkDocs and Material).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator import pages, versions_ui
from generator.badges import item_badges, previous_changes
from generator.data.load import Guideline
from generator.i18n import LANGUAGE_NAMES, LANGUAGES, STRINGS
from generator.ical import calendar_file
from generator.languages import DEFAULT_LANGUAGE, info
from generator.plan_data import plan_data_json
from generator.qr import qr_svg
from generator.render import RenderedPage, Renderer
from generator.render_changes import ChangesRenderer
from generator.render_removed import removed_pages
from generator.search_index import page_aliases, page_core_elements


@dataclass
class DocsTree:
    """The generated part of one language's docs tree, its navigation and its per-page context."""

    guideline: Guideline
    language: str
    #: The public root URL with a trailing slash, or "" for a portable build.
    root_url: str
    #: The current version's renderer (also expands directives in hand-written pages).
    renderer: Renderer
    #: Each version's renderer for its pinned pages, newest first.
    pinned: dict[str, Renderer]
    #: Generated Markdown pages, in navigation order.
    pages: list[RenderedPage] = field(default_factory=list)
    #: Generated files that are not pages (src_uri -> text).
    assets: dict[str, str] = field(default_factory=dict)
    #: Pages reached from the versions page rather than the navigation (change summaries, redlines, removed items).
    not_in_nav: set[str] = field(default_factory=set)
    #: Where each generated guideline page belongs: src_uri -> (version id, path within the version).
    page_versions: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: Search aliases of the current version's pages (src_uri -> words).
    search_aliases: dict[str, str] = field(default_factory=dict)
    #: The core element of each intervention page (src_uri -> title), which each search result shows.
    core_elements: dict[str, str] = field(default_factory=dict)

    def nav(self) -> list[Any]:
        """The site's navigation, then one section per pinned version (an engine shows a pinned page its own)."""
        return self.renderer.nav() + [{title: section} for title, section in self.version_sections().items()]

    def version_sections(self) -> dict[str, list[Any]]:
        """Each pinned version's navigation section by its title (`versions_ui.nav_key`), newest version first:
        the sections `nav` declares after the site's own, which an engine takes out of the site navigation."""
        return {
            versions_ui.nav_key(version_id): [pages.pinned(pages.HOME, version_id), *renderer.guideline_nav()]
            for version_id, renderer in self.pinned.items()
        }

    def page_context(self, src_uri: str) -> dict[str, Any]:
        """The `gl` context of one page (generated or hand-written), as `overrides/` templates read it."""
        located = self.page_versions.get(src_uri)
        version_info = None
        if located is not None:
            version_id, base_uri = located
            version_info = versions_ui.page_version(
                self.guideline, self.language, version_id, base_uri, src_uri != base_uri, set(self.page_versions)
            )
        language_root = pages.under(self.root_url, pages.language_root(self.language)) if self.root_url else ""
        if version_info is not None:
            _absolute_links(version_info, language_root)
        alternates = [
            {
                "lang": other,
                "name": LANGUAGE_NAMES[other],
                # Relative to this page's site root, so it works under any sub-path.
                "path": pages.other_language(other, src_uri),
                "absolute": pages.under(self.root_url, pages.in_language(other, src_uri)) if self.root_url else "",
                "current": other == self.language,
            }
            for other in LANGUAGES
        ]
        return {
            "lang": self.language,
            "default_lang": DEFAULT_LANGUAGE,
            "ui": STRINGS[self.language],
            "alternates": alternates,
            "version": version_info,
            # Only the unversioned current pages have aliases (pinned copies have other source paths).
            "search_aliases": self.search_aliases.get(src_uri, ""),
            "change_page": src_uri in self.not_in_nav,
            # Redlines are left out of search (the change summaries are indexed).
            "redline": pages.is_redline(src_uri),
            "date_locale": info(self.language).date_locale,
            # What every printed page names: its version and date, and its address (partials/gl-print-head.html).
            "print": versions_ui.print_facts(
                self.guideline, self.language, version_info, language_root + pages.url_of(src_uri) if language_root else ""
            ),
            "core_element": self.core_elements.get(src_uri, ""),
        }

    def canonical_path(self, src_uri: str) -> str | None:
        """For a pinned page of the current version: its unversioned path, which search engines should prefer."""
        located = self.page_versions.get(src_uri)
        if located is None or located[1] == src_uri or located[0] != self.guideline.current.id:
            return None
        return pages.url_of(located[1])


def _absolute_links(version_info: dict[str, Any], language_root: str) -> None:
    """Give the page's current and pinned addresses in full where the public URL is known (a portable build
    leaves them to the browser, which resolves the relative ones), and a QR code of the pinned address."""
    links = version_info.get("links")
    if not links:
        return
    version_info["links"] = {kind: {"path": path, "absolute": language_root + path} for kind, path in links.items()}
    version_info["qr"] = qr_svg(language_root + links["pinned"]) if language_root else ""


def docs_tree(guideline: Guideline, language: str, site_root: str, root_url: str) -> DocsTree:
    """Render one language's tree. `site_root` is what pages link the site root with (the public URL, or the
    placeholder a portable build replaces per page); `root_url` is the public URL or ""."""
    badges = {}
    for version in guideline.versions:
        changes = previous_changes(guideline, version)
        badges[version.id] = item_badges(changes, version) if changes else {}
    current = guideline.current
    tree = DocsTree(
        guideline=guideline,
        language=language,
        root_url=root_url,
        renderer=Renderer(guideline, language, site_root=site_root, badges=badges[current.id]),
        pinned={
            v.id: Renderer(guideline, language, v, site_root=site_root, prefix=pages.pinned_prefix(v.id), badges=badges[v.id])
            for v in guideline.chronological()[::-1]
        },
        search_aliases=page_aliases(guideline, language),
        core_elements={
            **page_core_elements(current, language),
            **{
                src_uri: title
                for version in guideline.versions
                for src_uri, title in page_core_elements(version, language, prefix=pages.pinned_prefix(version.id)).items()
            },
        },
    )
    for page in tree.renderer.render_pages():
        # The checklist has its own version choice; the print pages are of the current version only.
        if page.src_uri not in (pages.PLAN, pages.WHOLE_GUIDELINE, pages.QUICK_REFERENCE):
            tree.page_versions[page.src_uri] = (current.id, page.src_uri)
        tree.pages.append(page)
    for version_id, renderer in tree.pinned.items():
        for page in renderer.render_pages():
            tree.page_versions[page.src_uri] = (version_id, pages.unpinned(page.src_uri, version_id))
            tree.pages.append(page)
    cycle_url = pages.under(root_url, pages.in_language(language, pages.CYCLE)) if root_url else ""
    tree.assets[pages.CALENDAR] = calendar_file(current, language, cycle_url)
    # The plan checklist's data, next to its page (the page's script reads it; people can download it).
    tree.assets[pages.PLAN_DATA] = plan_data_json(guideline, language)
    changes_renderer = ChangesRenderer(guideline, language, site_root)
    # The unversioned addresses of items a newer version removed keep a page saying so.
    change_pages = changes_renderer.render_pages() + removed_pages(changes_renderer)
    tree.not_in_nav = {page.src_uri for page in change_pages if page.src_uri != pages.VERSIONS}
    tree.pages.extend(change_pages)
    return tree


def write_docs_tree(tree: DocsTree, content_dir: Path, folder: Path) -> None:
    """Write the tree for an engine without our plugin: `docs/` (hand-written pages with directives expanded,
    their other files, the generated pages and files), `site.yml` (`nav`, and `not_in_nav`: the pages reached
    from the versions page) and `context.yml` (each page's `gl` context, for the theme's templates)."""
    docs = folder / "docs"
    sources = content_dir / tree.language
    written: dict[str, str] = {}
    for path in sorted(sources.rglob("*")):
        if path.is_file():
            src_uri = path.relative_to(sources).as_posix()
            target = docs / src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix == ".md":
                written[src_uri] = tree.renderer.expand_directives(path.read_text(encoding="utf-8"), src_uri)
            else:
                target.write_bytes(path.read_bytes())
    written.update({page.src_uri: page.markdown for page in tree.pages})
    written.update(tree.assets)
    for src_uri, text in written.items():
        target = docs / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    dump = {"width": 1 << 20, "allow_unicode": True, "sort_keys": False}
    site = {"nav": tree.nav(), "not_in_nav": sorted(tree.not_in_nav)}
    (folder / "site.yml").write_text(yaml.safe_dump(site, **dump), encoding="utf-8")  # type: ignore[call-overload]
    context = {src_uri: tree.page_context(src_uri) for src_uri in written if src_uri.endswith(".md")}
    (folder / "context.yml").write_text(yaml.safe_dump(context, **dump), encoding="utf-8")  # type: ignore[call-overload]
