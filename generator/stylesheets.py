"""The site's own stylesheets served as one file.

Every stylesheet in the head blocks the first paint until it has arrived; on a phone each extra file can cost a
round trip. The sources stay one file per concern (`overrides/assets/stylesheets/`), and the site gets one.
"""

from __future__ import annotations

from collections.abc import Iterable

COMBINED_STYLESHEET = "assets/stylesheets/site.css"


def combined_stylesheet(parts: Iterable[tuple[str, str]]) -> str:
    """The (path, CSS) parts in order, each under a comment naming its source file.

    CSS keeps its meaning when files are concatenated in the order they were linked, as long as no part starts
    with `@import` or `@charset`, which are only valid at the start of a stylesheet.

    Raises:
        ValueError: When a part other than the first starts with `@import` or `@charset`.
    """
    chunks = []
    for index, (path, css) in enumerate(parts):
        if index and css.lstrip().startswith(("@import", "@charset")):
            raise ValueError(f"{path} starts with an at-rule that must come first; it cannot be combined")
        chunks.append(f"/* {path} */\n{css.strip()}\n")
    return "\n".join(chunks)
