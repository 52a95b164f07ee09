"""Page weight: the templates' indentation is dropped from every page without changing what the page shows.

The budget itself (14 KB gzipped per page) is measured by the benchmark (`python -m site_tests.bench --weight`),
never asserted on timings or sizes here; these tests pin down that the saving is safe.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.languages import LANGUAGES
from generator.whitespace import drop_indentation

_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_ATTRIBUTE_VALUE = re.compile(r'="([^"]*)"')
_KEPT = re.compile(r"<(pre|textarea|script)\b.*?</\1>", re.DOTALL)


def test_indentation_and_blank_lines_are_dropped_one_line_break_stays() -> None:
    page = "<ul>\n    <li>\n\n      <a href=\"x\">\n        Home\n      </a>\n    </li>\n  </ul>\n"

    assert drop_indentation(page) == '<ul>\n<li>\n<a href="x">\nHome\n</a>\n</li>\n</ul>\n'


def test_words_on_separate_lines_stay_separate_words() -> None:
    # A line break renders as a space between inline words, as the indentation did.
    assert drop_indentation("<p><strong>MTVP</strong>\n        <em>2026</em>\n    text</p>") == (
        "<p><strong>MTVP</strong>\n<em>2026</em>\ntext</p>"
    )


def test_preformatted_text_areas_and_scripts_keep_their_white_space() -> None:
    kept = (
        '<pre><code>{\n    "id": "x"\n}</code></pre>',
        "<textarea>\n  line one\n    line two</textarea>",
        "<script>const text = `\n    kept`;</script>",
    )
    page = "<div>\n    " + "\n    ".join(kept) + "\n</div>"

    assert drop_indentation(page) == "<div>\n" + "\n".join(kept) + "\n</div>"


def test_a_non_breaking_space_at_the_start_of_a_line_is_kept() -> None:
    assert drop_indentation("<td>\n\u00a0</td>") == "<td>\n\u00a0</td>"


def test_no_page_of_the_site_has_an_indented_line_or_a_multi_line_attribute(built_site: Path) -> None:
    """The built pages are what `drop_indentation` assumes: no attribute value spans lines (there, indentation
    would be part of the value), and outside the kept elements no line starts with white space. (The 404 page is
    a theme template of its own, not a page of the guideline, and keeps its indentation.)"""
    multi_line, indented = [], []
    pages = [page for code in LANGUAGES for page in sorted((built_site / code).rglob("index.html"))]
    assert len(pages) > 100
    for page in pages:
        text = page.read_text(encoding="utf-8")
        name = str(page.relative_to(built_site))
        if any("\n" in value for tag in _TAG.findall(text) for value in _ATTRIBUTE_VALUE.findall(tag)):
            multi_line.append(name)
        if re.search(r"\n[\t ]", _KEPT.sub("", text)):
            indented.append(name)

    assert not multi_line, f"attribute values spanning lines: {multi_line[:5]}"
    assert not indented, f"indented lines left: {indented[:5]}"
