"""Rendered pages without their template indentation: every line's leading white space and every blank line go.

Material's templates indent their output deeply and leave a blank line for most template tags; the navigation
alone is 10 KB of spaces on every page. Gzip compresses runs of spaces well but not for free: dropping them takes
about 0.8 KB (a tenth) off every page as served, which is what keeps the longest change summaries under the
14 KB page budget (`site_tests/bench`). Pure: HTML in, HTML out.

Only white space that follows a line break is touched, and one line break stays, so the page renders the same:
in HTML text a line break and any run of spaces show as one space. Left as they are: `<pre>` and `<textarea>`,
where white space is shown, and `<script>`, whose template literals may hold it. No attribute value on the site
spans lines (`site_tests/test_page_weight.py` checks), so tags lose only the indentation between attributes.
"""

from __future__ import annotations

import re

#: Elements whose content keeps its white space, when it spans lines (a one-line element has no indentation).
_KEEP = re.compile(r"<(pre|textarea|script)\b.*?</\1>", re.DOTALL)
#: A line break and the spaces, tabs and further line breaks after it. Not `\s`, which would also take a
#: non-breaking space written at the start of a line.
_INDENT = re.compile(r"\n[\t\n\r ]+")


def drop_indentation(page: str) -> str:
    """`page` with each run of white space that starts with a line break cut to that line break.

    Args:
        page: a rendered HTML page.

    Returns:
        The same page, white space inside multi-line `<pre>`, `<textarea>` and `<script>` elements kept.
    """
    parts = []
    start = 0
    for kept in _KEEP.finditer(page):
        if "\n" in kept.group(0):
            parts.append(_INDENT.sub("\n", page[start : kept.start()]))
            parts.append(kept.group(0))
            start = kept.end()
    parts.append(_INDENT.sub("\n", page[start:]))
    return "".join(parts)
