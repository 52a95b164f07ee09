"""Find the text that holds a Markdown link, so a broken link is reported where a maintainer edits it: at its YAML
line, not at the generated page MkDocs found it on; at its line in a hand-written page, not at the page's name."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.data.errors import DataError, KeyPath, error_in_page
from generator.data.yaml_source import load_yaml


def _strings(value: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, (*path, index))


def text_with_link(data_dir: Path, target: str, root: Path, message: str) -> DataError | None:
    """`message` at the first text in `data_dir` whose Markdown links to `target`, or None if no text does."""
    needle = f"]({target}"
    for path in sorted(data_dir.rglob("*.yaml")):
        if needle not in path.read_text(encoding="utf-8", errors="replace"):
            continue
        doc, _ = load_yaml(path, os.path.relpath(path, root))
        for key_path, text in _strings(doc.data):
            if needle in text:
                return doc.error(key_path, message)
    return None


def link_in_page(path: Path, target: str, root: Path, message: str) -> DataError | None:
    """`message` at the first Markdown link to `target` in the hand-written page `path`, or None if it has none."""
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    start = text.find(f"]({target}")
    if start < 0:
        return None
    return error_in_page(os.path.relpath(path, root), text, start, message)
