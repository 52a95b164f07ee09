"""The word-level redline: lossless, word-sized changes, escaped and announced to screen readers."""

from __future__ import annotations

import pytest

from generator.redline import Labels, count_changes, inline_html, side_by_side_html, tokens, word_diff

LABELS = Labels(inserted="ingevoegd:", deleted="verwijderd:", end="einde wijziging", old="Oud", new="Nieuw")

PAIRS = [
    ("", ""),
    ("", "nieuw"),
    ("oud", ""),
    ("gelijke tekst", "gelijke tekst"),
    ("De patiënt kiest.", "De patiënten kiezen."),
    ("jaar 1, 2 en 3", "jaar 1 en 2"),
    ("eerste regel\ntweede regel", "eerste regel\nderde regel"),
    ("Minimaal één extra stap", "Minimaal twee stappen (zie pagina 9)."),
    ("a  b\tc", "a b c"),
]


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_the_operations_give_back_both_texts(old: str, new: str) -> None:
    ops = word_diff(old, new)
    assert "".join(op.text for op in ops if op.kind != "insert") == old
    assert "".join(op.text for op in ops if op.kind != "delete") == new


def test_tokens_keep_every_character() -> None:
    text = "Training/scholing (bijv. SOLK/ALK) — 4,6 consulten"
    assert "".join(tokens(text)) == text


def test_a_replaced_word_is_one_deletion_and_one_insertion() -> None:
    ops = word_diff("kies twee interventies", "kies drie interventies")
    assert [(op.kind, op.text) for op in ops] == [
        ("equal", "kies "), ("delete", "twee"), ("insert", "drie"), ("equal", " interventies"),
    ]
    assert count_changes(ops) == 2


def test_adjacent_word_changes_read_as_one_change() -> None:
    ops = word_diff("een twee drie", "vier vijf zes")
    assert [(op.kind, op.text) for op in ops] == [("delete", "een twee drie"), ("insert", "vier vijf zes")]


def test_identical_texts_have_no_changes() -> None:
    assert count_changes(word_diff("zelfde", "zelfde")) == 0


def test_html_is_escaped_and_changes_are_announced() -> None:
    html = inline_html(word_diff("tekst", "tekst <script>alert(1)</script>"), LABELS)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert '<ins class="gl-change" tabindex="-1"><span class="gl-sr">[ingevoegd: </span>' in html


def test_side_by_side_has_caption_headers_and_both_sides() -> None:
    html = side_by_side_html(word_diff("oud woord", "nieuw woord"), LABELS, "Titel")
    assert "<caption>Titel</caption>" in html
    assert '<th scope="col">Oud</th><th scope="col">Nieuw</th>' in html
    old_cell, new_cell = html.split("<td", 2)[1:]
    assert "verwijderd:" in old_cell and "ingevoegd:" not in old_cell
    assert "ingevoegd:" in new_cell and "verwijderd:" not in new_cell


def test_newlines_become_line_breaks() -> None:
    assert "regel<br>" in inline_html(word_diff("regel\nx", "regel\ny"), LABELS)
