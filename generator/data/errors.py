"""Data errors that point at `file:line:column`, the key path and the offending source line.

Rendered as Jinja's `TemplateSyntaxError` is: the message with its location, then the source line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

#: A path of keys and list indexes from the root of a YAML file.
KeyPath = tuple[str | int, ...]


def format_key_path(path: KeyPath) -> str:
    """`("interventions", 3, "title", "en")` -> `interventions[3].title.en`; the root is `(root)`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(root)"


@dataclass(frozen=True)
class DataError:
    file: str
    line: int
    column: int
    #: None for a Markdown page, whose place is its line alone.
    key_path: KeyPath | None
    message: str
    source_line: str = ""

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.message)

    def __str__(self) -> str:
        place = "" if self.key_path is None else f" {format_key_path(self.key_path)}:"
        head = f"{self.file}:{self.line}:{self.column}:{place} {self.message}"
        if self.source_line.strip():
            return f"{head}\n    {self.source_line.strip()}"
        return head


def error_in_page(display_path: str, text: str, offset: int, message: str) -> DataError:
    """`message` at character `offset` of a Markdown page's `text`, located by its line and column alone."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return DataError(display_path, line, column, None, message, text.splitlines()[line - 1])


class GuidelineDataError(Exception):
    """Raised when the guideline data has errors; carries all of them, sorted by file and line."""

    def __init__(self, errors: Iterable[DataError]) -> None:
        self.errors = sorted(set(errors), key=DataError.sort_key)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        noun = "error" if count == 1 else "errors"
        body = "\n".join(str(error) for error in self.errors)
        in_pages = {error.key_path is None for error in self.errors}  # a hand-written page has no key path
        where = " and ".join(name for name, flag in (("guideline data", False), ("pages", True)) if flag in in_pages)
        return f"{count} {noun} in the {where or 'guideline data'}:\n{body}"
