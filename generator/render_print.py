"""The whole current guideline as one page, for printing or saving as PDF (pure: no MkDocs import).

It is composed from the Markdown of the guideline's own pages (`Renderer._page_specs`), so it says exactly what
they say: each page becomes a part with a heading one level down, links to pages that are parts of it become
links within the page, anchors that several pages use (`toelichting`, a rule listed on a core element's page and
on the growth-model page) are kept once, and the footnotes are collected at the end.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from generator import pages
from generator.i18n import ui

if TYPE_CHECKING:
    from generator.render import RenderedPage, Renderer

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
HEADING = re.compile(r"^(\s*)(#{1,5}) ", re.MULTILINE)
#: `{#id}` heading anchors and `id="…"` attributes: the ids a page defines.
ANCHOR = re.compile(r'\{#([\w-]+)\}|\bid="([\w-]+)"')
#: Docs-absolute Markdown links (`](/interventies/x/index.md#y)`), as `Renderer.link` writes them.
DOCS_LINK = re.compile(r"\]\(/([^)#\s]+\.md)(?:#([\w-]+))?\)")


def part_anchor(src_uri: str) -> str:
    """The anchor of a page's part in the whole guideline: `interventies/x/index.md` -> `deel-interventies-x`."""
    return "deel-" + (src_uri.removesuffix("index.md").strip("/").replace("/", "-") or "start")


def _keep_first_ids(markdown: str) -> str:
    """Drop every id after its first use (the parts are separate pages that may repeat local anchors)."""
    seen: set[str] = set()

    def once(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2)
        if name not in seen:
            seen.add(name)
            return match.group(0)
        return ""

    return ANCHOR.sub(once, markdown)


def whole_guideline(renderer: Renderer, specs: list[tuple[str, str, str, str, dict[str, Any]]]) -> RenderedPage:
    from generator.render import RenderedPage, plain_title

    language = renderer.language
    parts: list[str] = []
    #: (title, anchor) of each part, for the contents.
    contents: list[tuple[str, str]] = []
    #: Each page's part: src_uri -> the anchor of its heading.
    anchors: dict[str, str] = {}
    renderer.current_src = pages.WHOLE_GUIDELINE  # badges link relative to the page they are on
    try:
        for template, src_uri, title, _data, context in specs:
            body = renderer.env.get_template(template).render(
                title=plain_title(title), page_status=renderer.page_badges.get(src_uri), **context
            )
            body = FRONT_MATTER.sub("", body, count=1)
            body = HEADING.sub(lambda h: f"{h.group(1)}#{h.group(2)} ", body)
            # The part's heading (the page's h1, now h2) keeps its anchor or gets the part's, for the contents.
            heading = re.search(r"^## (.*)$", body, flags=re.MULTILINE)
            assert heading is not None, f"{template} has no h1"
            own = re.search(r"\{#([\w-]+)\}\s*$", heading.group(1))
            anchors[src_uri] = own.group(1) if own else part_anchor(src_uri)
            if not own:
                body = body[: heading.end()] + f" {{#{anchors[src_uri]}}}" + body[heading.end() :]
            parts.append(body.strip("\n"))
            contents.append((plain_title(title), anchors[src_uri]))
    finally:
        renderer.current_src = None
    markdown = _keep_first_ids("\n\n".join(parts))
    defined = {a or b for a, b in ANCHOR.findall(markdown)}

    def within(match: re.Match[str]) -> str:
        src, fragment = match.group(1), match.group(2)
        if src not in anchors:
            return match.group(0)
        return f"](#{fragment if fragment in defined else anchors[src]})"

    markdown = DOCS_LINK.sub(within, markdown)
    version = renderer.version
    label = version.meta.label.get(language)
    title = f"{ui(language, 'whole_guideline_title')}: {label}"
    head_and_body = renderer.env.get_template("whole_guideline.md.j2").render(
        title=title, contents=contents, body=markdown
    )
    printed_inline = version.growth_model.footnotes
    body = renderer._with_footnotes(head_and_body, printed_inline)
    return RenderedPage(pages.WHOLE_GUIDELINE, title, body, f"{version.id}/document.yaml")

