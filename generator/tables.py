"""Markdown tables that a phone can read: stacked rows in a narrow column, else a scroll area of their own.

Python-Markdown writes a Markdown table as a bare `<table>`. On a phone (390 px) a table of several columns is
wider than the screen. Each one is put in a scroll area that a keyboard can reach (`tabindex="0"`) and a screen
reader can name (a region labelled after the heading above the table), with a visible cue in the stylesheet
(`.gl-table-scroll`: a hint above the table and a fade at the edge that hides more); each cell gets its column's
heading as `data-label`, so that in a narrow column the stylesheet shows every row as a block of labelled cells. Material wraps bare tables in its own scroll
container in the browser; the stylesheet lets that one grow, so ours is the only one that scrolls. The site's own
tables (growth model, annual cycle) carry a class and their own region. Pure: HTML in, HTML out.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable

_HEADING_OR_TABLE = re.compile(r"<h([1-6]) id=\"[^\"]*\"[^>]*>(.*?)</h\1>|<table>.*?</table>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_HEADER_CELL = re.compile(r"<th[^>]*>(.*?)</th>", re.DOTALL)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
_DATA_CELL = re.compile(r"<td([^>]*)>")


def _heading_text(inner_html: str) -> str:
    """A heading's words, without its permalink, footnote numbers or markup."""
    without = _PERMALINK.sub("", inner_html)
    without = re.sub(r"<sup[^>]*>.*?</sup>", "", without, flags=re.DOTALL)
    return " ".join(html.unescape(_TAG.sub("", without)).split())


def _labelled_cells(table: str) -> str:
    """The table with each body cell labelled by its column's heading (`data-label`)."""
    head, _, body = table.partition("</thead>")
    labels = [html.escape(_heading_text(cell), quote=True) for cell in _HEADER_CELL.findall(head)]
    if not body:
        return table

    def row(match: re.Match[str]) -> str:
        column = itertools.count()

        def cell(found: re.Match[str]) -> str:
            index = next(column)
            label = labels[index] if index < len(labels) else ""
            return f'<td{found.group(1)} data-label="{label}">'

        return "<tr>" + _DATA_CELL.sub(cell, match.group(1)) + "</tr>"

    return head + "</thead>" + _ROW.sub(row, body)


def scroll_areas(page_html: str, label: Callable[[str], str], fallback: str, hint: str) -> str:
    """`page_html` with every bare `<table>` in a labelled, focusable scroll area.

    Args:
        page_html: The page's content as Python-Markdown rendered it.
        label: Makes the area's accessible name from the words of the heading above the table.
        fallback: The heading words to use for a table with no heading above it (the page title).
        hint: The cue the stylesheet shows above a table that is wider than its area.

    Returns:
        The HTML with each bare table wrapped; names are made unique on the page (regions must be told apart).
    """
    heading = fallback
    used: dict[str, int] = {}

    def replace(match: re.Match[str]) -> str:
        nonlocal heading
        if match.group(1):
            heading = _heading_text(match.group(2)) or heading
            return match.group(0)
        name = label(heading)
        used[name] = used.get(name, 0) + 1
        if used[name] > 1:
            name = f"{name} ({used[name]})"
        return (
            f'<div class="gl-table-scroll" role="region" tabindex="0" aria-label="{html.escape(name)}" '
            f'data-gl-scroll-hint="{html.escape(hint)}">'
            f"{_labelled_cells(match.group(0))}</div>"
        )

    return _HEADING_OR_TABLE.sub(replace, page_html)
