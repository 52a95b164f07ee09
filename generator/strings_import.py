"""Carry interface strings from an old-style `STRINGS` dict (`generator/i18n.py` before issue 14) into the
per-language string files (`generator/strings/<language>.yaml`).

Branches started before the strings became data add keys to that dict. Merging one: give this tool the dict as
it was where the branch started (BASE) and as the branch left it (NEW); it applies the branch's own change to the
string files: added keys land after the key they followed (with the comment lines above them), changed texts
are replaced, removed keys are removed. Every change is printed.

    git show $(git merge-base main issue-15):generator/i18n.py > /tmp/base.py
    git show issue-15:generator/i18n.py > /tmp/new.py
    python -m generator.strings_import /tmp/base.py /tmp/new.py
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.languages import info

#: The first lines of every string file.
HEADER = (
    "# Interface strings of the site in one language: the words of the site itself (headings it adds, labels,\n"
    "# notices), never guideline text. Every language's file has the same keys and the same {placeholders}\n"
    "# (site_tests/test_strings.py). A key `x_one` is the form of `x` used when its {count} is 1.\n"
)


@dataclass
class Entry:
    key: str
    value: str
    #: Comment lines just above the key.
    comments: list[str] = field(default_factory=list)


def dict_entries(source: str) -> dict[str, list[Entry]]:
    """The `STRINGS` dict of a Python source, per language, in source order, with each key's comment lines."""
    lines = source.splitlines()
    found = None
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.AnnAssign | ast.Assign) and isinstance(node.value, ast.Dict):
            target = node.target if isinstance(node, ast.AnnAssign) else node.targets[0]
            if isinstance(target, ast.Name) and target.id == "STRINGS":
                found = node.value
    if found is None:
        raise ValueError("no `STRINGS = {...}` dict in the source")
    result = {}
    for language_node, block in zip(found.keys, found.values):
        assert isinstance(language_node, ast.Constant) and isinstance(block, ast.Dict)
        entries, previous_end = [], block.lineno
        for key_node, value_node in zip(block.keys, block.values):
            assert isinstance(key_node, ast.Constant)
            between = lines[previous_end : key_node.lineno - 1]
            comments = [line.strip() for line in between if line.strip().startswith("#")]
            entries.append(Entry(str(key_node.value), ast.literal_eval(value_node), comments))
            previous_end = value_node.end_lineno or value_node.lineno
        result[str(language_node.value)] = entries
    return result


def read_entries(path: Path) -> list[Entry]:
    """The entries of a string file, in file order, each with its comment lines (the header excluded)."""
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    values = yaml.safe_load(text) or {}
    entries, comments, in_header = [], [], True
    for line in text.splitlines():
        if line.startswith("#"):
            if not in_header:
                comments.append(line)
        elif line and not line[0].isspace():
            in_header = False
            key = line.split(":", 1)[0]
            entries.append(Entry(key, values[key], comments))
            comments = []
        else:
            in_header = False
    return entries


def write_entries(path: Path, entries: list[Entry]) -> None:
    lines = [HEADER]
    for entry in entries:
        lines.extend(comment + "\n" for comment in entry.comments)
        lines.append(yaml.safe_dump({entry.key: entry.value}, allow_unicode=True, width=1 << 20, sort_keys=False))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")


def apply_change(base: list[Entry], new: list[Entry], current: list[Entry], language: str) -> list[Entry]:
    """`current` with the change from `base` to `new` applied (added, changed and removed keys)."""
    old = {entry.key: entry.value for entry in base}
    result = list(current)
    for index, entry in enumerate(new):
        keys = [e.key for e in result]
        if entry.key not in old:
            if entry.key in keys:
                result[keys.index(entry.key)].value = entry.value
                print(f"{language}: {entry.key}: already present, text set")
                continue
            before = [e.key for e in new[:index] if e.key in keys]
            at = keys.index(before[-1]) + 1 if before else len(result)
            result.insert(at, Entry(entry.key, entry.value, entry.comments if entry.comments else []))
            print(f"{language}: {entry.key}: added" + (f" after {before[-1]}" if before else ""))
        elif old[entry.key] != entry.value and entry.key in keys:
            result[keys.index(entry.key)].value = entry.value
            print(f"{language}: {entry.key}: text changed")
    removed = set(old) - {entry.key for entry in new}
    for key in sorted(removed):
        print(f"{language}: {key}: removed")
    return [entry for entry in result if entry.key not in removed]


def carry(base_source: str | None, new_source: str, files: dict[str, Path]) -> None:
    """Apply the change between two `STRINGS` dict sources (None: no base, every key is new) to the string files."""
    base = dict_entries(base_source) if base_source is not None else {}
    for language, entries in dict_entries(new_source).items():
        path = files[language]
        write_entries(path, apply_change(base.get(language, []), entries, read_entries(path), language))


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    base = Path(argv[0]).read_text(encoding="utf-8") if argv[0] != "-" else None
    new = Path(argv[1]).read_text(encoding="utf-8")
    carry(base, new, {language: info(language).strings for language in dict_entries(new)})
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
