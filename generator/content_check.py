"""Check the hand-written pages in `content/` before a build: Markdown only, like the data's texts.

The data's texts refuse raw HTML where they are loaded (`generator.data.checks`); the pages beside them hold the
same promise, so a maintainer's `<script>` or `<img onerror>` reaches no page. The one kind of markup allowed is
a directive, `<!-- guideline:name -->`, which the build replaces with generated content; an unknown directive is
reported here too, so every fault of every page is listed at once, with its line and column.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.data.checks import RAW_HTML, raw_html_snippet
from generator.data.errors import DataError, error_in_page
from generator.render import DIRECTIVE, DIRECTIVES


def page_errors(path: Path, root: Path) -> list[DataError]:
    """Every raw HTML tag and unknown directive in one hand-written page."""
    text = path.read_text(encoding="utf-8")
    errors = []
    directives = {match.start(): match for match in DIRECTIVE.finditer(text)}
    for match in RAW_HTML.finditer(text):
        directive = directives.get(match.start())
        if directive is None:
            message = (
                f"raw HTML `{raw_html_snippet(text, match.start())}` in a page; pages are Markdown only (write `&lt;` for a"
                " literal `<`; generated content comes in with a `<!-- guideline:name -->` directive)"
            )
            errors.append(error_in_page(os.path.relpath(path, root), text, match.start(), message))
        elif directive.group(1) not in DIRECTIVES:
            known = ", ".join(DIRECTIVES)
            message = f"unknown directive `guideline:{directive.group(1)}`; known: {known}"
            errors.append(error_in_page(os.path.relpath(path, root), text, match.start(), message))
    return errors


def content_errors(content_dir: Path, root: Path) -> list[DataError]:
    """Every fault in every hand-written page under `content_dir` (all languages), in file order."""
    return [error for path in sorted(content_dir.rglob("*.md")) for error in page_errors(path, root)]
