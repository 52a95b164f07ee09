"""Search aliases (`guideline_data/search_aliases.yaml`): refused where they are wrong, given to the search index
of the current pages only, and never shown on a page."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from generator.data.errors import GuidelineDataError
from generator.data.load import Guideline, load_guideline
from generator.pages import item_locations

ALIASES = "guideline_data/search_aliases.yaml"


def add_alias(root: Path, entry: str) -> int:
    """Appends one alias entry (YAML, one line) to the file; returns its line number."""
    path = root / ALIASES
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    path.write_text(text + f"  - {entry}\n", encoding="utf-8")
    return text.count("\n") + 1


def errors_of(root: Path) -> list[str]:
    with pytest.raises(GuidelineDataError) as caught:
        load_guideline(root / "guideline_data", root=root)
    return [str(error) for error in caught.value.errors]


def test_alias_of_an_unknown_item_is_refused_with_its_line(data_copy: Path) -> None:
    line = add_alias(data_copy, "{id: geen-interventie, nl: [iets], en: [something]}")
    [error] = errors_of(data_copy)
    assert error.startswith(f"{ALIASES}:{line}:")
    assert "unknown item id `geen-interventie`" in error


def test_second_entry_for_an_item_is_refused(data_copy: Path) -> None:
    line = add_alias(data_copy, "{id: aanmeldzuil, nl: [paal], en: [post]}")
    [error] = errors_of(data_copy)
    assert error.startswith(f"{ALIASES}:{line}:") and "list an item once" in error


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{id: aanmeldzuil, nl: [zuil, Zuil], en: [kiosk]}", "nl: zuil listed more than once"),
        ("{id: aanmeldzuil, nl: [zuil], en: []}", "en: "),
        ("{id: aanmeldzuil, nl: [zuil]}", "en: missing"),
        ("{id: aanmeldzuil, nl: ['**zuil**'], en: [kiosk]}", "nl[0]: "),
    ],
    ids=["repeated word", "no English words", "English missing", "Markdown"],
)
def test_malformed_alias_is_refused(data_copy: Path, entry: str, message: str) -> None:
    path = data_copy / ALIASES
    text = path.read_text(encoding="utf-8")
    # Replace the real entry of the item, so that only the malformed one is wrong.
    text = re.sub(r"  - id: aanmeldzuil\n(    .*\n)+", "", text)
    path.write_text(text, encoding="utf-8")
    add_alias(data_copy, entry)
    errors = errors_of(data_copy)
    assert len(errors) == 1 and message in errors[0], errors


def _body_and_rest(page_html: str) -> tuple[str, str]:
    """The indexed article (inside `data-pagefind-body`) and the page without it."""
    start = page_html.index("<div data-pagefind-body>")
    end = page_html.index("</article>", start)
    return page_html[start:end], page_html[:start] + page_html[end:]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_aliases_are_hidden_metadata_of_the_current_page_only(
    built_site: Path, guideline: Guideline, language: str
) -> None:
    locations = item_locations(guideline.current)
    assert guideline.search_aliases, "the real data has aliases"
    for alias in guideline.search_aliases:
        folder = locations[alias.id].src_uri.removesuffix("index.md")
        page_html = (built_site / language / folder / "index.html").read_text(encoding="utf-8")
        body, rest = _body_and_rest(page_html)
        [meta] = re.findall(r'<span data-pagefind-meta="aliases" hidden>([^<]*)</span>', rest)
        words = html.unescape(meta).split(", ")
        for term in getattr(alias, language):
            assert term in words, (alias.id, term)
        assert html.unescape(meta) not in html.unescape(body)
        pinned = built_site / language / guideline.current.id / folder / "index.html"
        assert 'data-pagefind-meta="aliases"' not in pinned.read_text(encoding="utf-8")
    for version in guideline.versions:
        if version is not guideline.current:
            for page in (built_site / language / version.id).rglob("index.html"):
                assert 'data-pagefind-meta="aliases"' not in page.read_text(encoding="utf-8"), page


def test_change_summaries_and_earlier_versions_are_the_secondary_search_group(built_site: Path) -> None:
    def group(path: str) -> list[str]:
        text = (built_site / "nl" / path / "index.html").read_text(encoding="utf-8")
        return re.findall(r'<span data-pagefind-filter="group" hidden>(\w+)</span>', text)

    assert group("interventies/aanmeldzuil") == []
    assert group("over") == []
    assert group("2025/interventies/aanmeldzuil") == ["secondary"]
    assert group("wijzigingen/2025-naar-2026-2027") == ["secondary"]
