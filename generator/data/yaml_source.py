"""Load YAML while keeping the source position of every value.

PyYAML's `safe_load` forgets where values came from and silently keeps the last of two equal keys. Here the
file is composed into PyYAML's node tree, each node is turned into a plain Python value by hand, and the
position of every key path is recorded, so that later validation errors can point at `file:line:column`
(the approach of dagster's `_utils/pydantic_yaml.py`). Duplicate keys are reported, not dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.data.errors import DataError, KeyPath

#: libyaml's C parser when PyYAML has it (its wheels do): the same node tree and marks, several times faster.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: The largest data file accepted (the largest real one is about 40 KB): a bigger file is a mistake, and refusing
#: it before parsing keeps a careless commit from exhausting memory.
MAX_FILE_BYTES = 1024 * 1024

#: The most values one file may expand to. Aliases (`*name`) repeat their anchor's value, so a few lines of nested
#: aliases ("billion laughs") can stand for billions of values; real files have a few thousand.
MAX_VALUES = 100_000

_ANCHOR = re.compile(r"&[^\s]+\s*")


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class YamlDocument:
    """A parsed YAML file: its data, and the position of each key path (value and key)."""

    path: Path
    display_path: str
    lines: list[str]
    data: Any = None
    #: Position of the value at each key path.
    values: dict[KeyPath, Position] = field(default_factory=dict)
    #: Position of the mapping key at each key path (where the key is written).
    keys: dict[KeyPath, Position] = field(default_factory=dict)
    #: Key paths already reported while parsing (a tag, an impossible date); validation does not repeat them.
    refused: set[KeyPath] = field(default_factory=set)

    def position(self, path: KeyPath, *, prefer_key: bool = False) -> Position:
        """Position of `path`, or of its nearest existing ancestor (for a missing key)."""
        probe = tuple(path)
        while True:
            table = (self.keys, self.values) if prefer_key else (self.values, self.keys)
            for positions in table:
                if probe in positions:
                    return positions[probe]
            if not probe:
                return Position(1, 1)
            probe = probe[:-1]

    def line_text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    def error(self, path: KeyPath, message: str, *, prefer_key: bool = False) -> DataError:
        pos = self.position(path, prefer_key=prefer_key)
        return DataError(
            file=self.display_path,
            line=pos.line,
            column=pos.column,
            key_path=path,
            message=message,
            source_line=self.line_text(pos.line),
        )


def _mark(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Turns a composed node tree into Python values, recording positions and duplicate keys."""

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.errors: list[DataError] = []
        # The safe constructor resolves scalars exactly as `yaml.safe_load` would (ints, dates, nulls...).
        self._constructor = yaml.constructor.SafeConstructor()
        self._built = 0
        #: Nodes already checked for tags (an aliased node is the same object wherever it is repeated).
        self._checked: set[int] = set()

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        self.doc.values[path] = _mark(node)
        self._built += 1
        if self._built > MAX_VALUES:
            raise _TooLarge(path, node)
        if id(node) not in self._checked:
            self._checked.add(id(node))
            if self._refuse_tag(node, path) and isinstance(node, yaml.ScalarNode):
                return node.value
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*path, index)) for index, child in enumerate(node.value)]
        try:
            return self._constructor.construct_object(node, deep=True)
        except ValueError as exc:  # a date such as 2026-02-30 matches the date pattern but is no date
            kind = "date" if node.tag == "tag:yaml.org,2002:timestamp" else "value"
            self.errors.append(self.doc.error(path, f"{node.value!r} is not a valid {kind}: {exc}"))
            self.doc.refused.add(path)
            return node.value

    def _refuse_tag(self, node: yaml.Node, path: KeyPath) -> bool:
        """Refuse explicit tags (`!!python/object`, `!custom`, even `!!str`): data is plain YAML only.

        The composed node no longer says whether its tag was written or resolved, so the source is read where
        the node starts (after an optional anchor).
        """
        start = _mark(node)
        text = _ANCHOR.sub("", self.doc.line_text(start.line)[start.column - 1 :], count=1)
        if text.startswith("!"):
            tag = text.split()[0] if text.split() else text
            self.errors.append(
                self.doc.error(path, f"YAML tag `{tag}` is not allowed; the data is plain YAML without tags")
            )
            self.doc.refused.add(path)
            return True
        return False

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_seen: dict[Any, Position] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.errors.append(self.doc.error(path, "YAML merge keys (<<) are not supported here"))
                continue
            key = self._constructor.construct_object(key_node, deep=True)
            key_path = (*path, key)
            if key in first_seen:
                earlier = first_seen[key]
                self.doc.keys[key_path] = _mark(key_node)
                self.errors.append(
                    self.doc.error(
                        key_path,
                        f"duplicate key {key!r} (first defined on line {earlier.line}); "
                        "YAML would silently keep only the last one",
                        prefer_key=True,
                    )
                )
                continue
            first_seen[key] = _mark(key_node)
            self.doc.keys[key_path] = _mark(key_node)
            result[key] = self.build(value_node, key_path)
        return result


class _TooLarge(Exception):
    """Raised by the builder when a file expands to more than MAX_VALUES values."""

    def __init__(self, path: KeyPath, node: yaml.Node) -> None:
        super().__init__()
        self.path = path
        self.node = node


def _decode(raw: bytes, display_path: str) -> tuple[str | None, DataError | None]:
    """The file's text, or an error at the line and column of the first byte that is not UTF-8 text."""
    if len(raw) > MAX_FILE_BYTES:
        message = f"the file has {len(raw)} bytes, more than the {MAX_FILE_BYTES} a data file may have"
        return None, DataError(display_path, 1, 1, (), message)
    bad = raw.find(b"\x00")
    if bad >= 0:
        reason = "a NUL byte: this is a binary file, not YAML text"
    else:
        try:
            return raw.decode("utf-8"), None
        except UnicodeDecodeError as exc:
            bad = exc.start
            reason = f"byte 0x{raw[bad]:02x} is not UTF-8; save the file as UTF-8 (Latin-1 or another encoding?)"
    before = raw[:bad]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
    return None, DataError(display_path, line, column, (), reason)


def load_yaml(path: Path, display_path: str) -> tuple[YamlDocument, list[DataError]]:
    """Parse one YAML file.

    Args:
        path: The file to read.
        display_path: How errors name the file (relative to the project root).

    Returns:
        The document (with `data` None if it could not be parsed) and every error found.
    """
    text, unreadable = _decode(path.read_bytes(), display_path)
    if text is None:
        assert unreadable is not None
        return YamlDocument(path=path, display_path=display_path, lines=[]), [unreadable]
    doc = YamlDocument(path=path, display_path=display_path, lines=text.splitlines())
    try:
        node = yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        column = mark.column + 1 if mark else 1
        problem = exc.problem or exc.context or "invalid YAML"
        error = DataError(
            file=display_path,
            line=line,
            column=column,
            key_path=(),
            message=f"YAML syntax error: {problem}",
            source_line=doc.line_text(line),
        )
        return doc, [error]
    if node is None:
        return doc, [doc.error((), "the file is empty; expected a mapping of keys")]
    builder = _Builder(doc)
    try:
        doc.data = builder.build(node, ())
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else 1
        builder.errors.append(
            DataError(display_path, line, (mark.column + 1) if mark else 1, (), f"YAML error: {exc.problem}",
                      doc.line_text(line))
        )
    except _TooLarge as exc:
        doc.data = None
        message = (
            f"the file expands to more than {MAX_VALUES} values (through YAML aliases `*name`?); "
            "write the data out or split it"
        )
        return doc, [doc.error(exc.path, message)]
    return doc, builder.errors
