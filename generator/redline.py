"""Word-level redlines of two texts, as accessible HTML (pure: no MkDocs import).

Texts are split into words, the spaces and punctuation between them (joining the tokens gives the text back),
and compared with `difflib.SequenceMatcher`; diffing words rather than characters keeps a redline readable.
Most screen readers do not announce `<ins>` and `<del>`, so each change carries visually hidden words
("inserted:", "deleted:") that they read out; strike-through and underline tell the changes apart without
colour; every change can take focus (`tabindex="-1"`) for the "next change" button. The markup is in the template
`_redline.html.j2`; this module finds the changes.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

from generator.snippets import snippet

TEMPLATE = "_redline.html.j2"

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")

OpKind = Literal["equal", "insert", "delete"]


@dataclass(frozen=True)
class Op:
    kind: OpKind
    text: str


@dataclass(frozen=True)
class Labels:
    """Words for screen readers and table headers, in the page's language."""

    inserted: str
    deleted: str
    end: str
    old: str
    new: str


def tokens(text: str) -> list[str]:
    """Words, runs of white space and single punctuation marks; `"".join(tokens(t)) == t`."""
    return _TOKEN.findall(text)


def _merge(ops: list[Op]) -> list[Op]:
    merged: list[Op] = []
    for op in ops:
        if not op.text:
            continue
        if merged and merged[-1].kind == op.kind:
            merged[-1] = Op(op.kind, merged[-1].text + op.text)
        else:
            merged.append(op)
    return merged


def _absorb_gaps(ops: list[Op]) -> list[Op]:
    """Fold a white-space-only equal run between changes into both sides, so that a redline reads as
    "~~a b~~ __c d__" rather than word-by-word alternations."""
    out: list[Op] = []
    for index, op in enumerate(ops):
        gap = op.kind == "equal" and not op.text.strip()
        between = 0 < index < len(ops) - 1 and ops[index - 1].kind != "equal" and ops[index + 1].kind != "equal"
        if gap and between:
            out.append(Op("delete", op.text))
            out.append(Op("insert", op.text))
        else:
            out.append(op)
    # Group all deletions before all insertions within each run of changes.
    grouped: list[Op] = []
    run: list[Op] = []
    for op in [*out, Op("equal", "")]:
        if op.kind == "equal":
            deleted = "".join(o.text for o in run if o.kind == "delete")
            inserted = "".join(o.text for o in run if o.kind == "insert")
            grouped.extend([Op("delete", deleted), Op("insert", inserted)])
            run = []
            grouped.append(op)
        else:
            run.append(op)
    return _merge(grouped)


def word_diff(old: str, new: str) -> list[Op]:
    """The operations that turn `old` into `new`, word by word."""
    a, b = tokens(old), tokens(new)
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(Op("equal", "".join(a[i1:i2])))
        else:
            ops.append(Op("delete", "".join(a[i1:i2])))
            ops.append(Op("insert", "".join(b[j1:j2])))
    return _absorb_gaps(_merge(ops))


def count_changes(ops: list[Op]) -> int:
    return sum(1 for op in ops if op.kind != "equal")


def inline_html(ops: list[Op], labels: Labels) -> str:
    """One paragraph with deletions and insertions in place."""
    return snippet(TEMPLATE, "inline", ops, labels)


def side_by_side_html(ops: list[Op], labels: Labels, caption: str) -> str:
    """A two-column table: the old text with its deletions, the new text with its insertions."""
    old = [op for op in ops if op.kind != "insert"]
    new = [op for op in ops if op.kind != "delete"]
    return snippet(TEMPLATE, "side_by_side", old, new, labels, caption)
