"""Translation tracking: which English texts are older than the Dutch text they translate.

Each version folder may hold `translations.lock`: for every bilingual text, a stable key and the SHA-256 of the
Dutch text the English was last checked against. When an editor changes a Dutch text, its hash no longer matches
and `python -m generator check` reports the English as outdated, with file and line. After updating the English,
`python -m generator translated` records the current Dutch texts as translated.

Keys name the nearest item by id rather than by list position, so inserting an item does not make every later
translation look outdated: `interventions.yaml#aanmeldzuil.appendix.body`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from generator.data.errors import KeyPath
from generator.data.models import VERSION_FILES, Text
from generator.data.validate import validate_document
from generator.data.yaml_source import YamlDocument, load_yaml

LOCK_FILE = "translations.lock"


@dataclass(frozen=True)
class TrackedText:
    key: str
    dutch_hash: str
    doc: YamlDocument
    path: KeyPath


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _texts(doc: YamlDocument, value: object, path: KeyPath, anchor: str) -> list[TrackedText]:
    """Every bilingual text below `value`, keyed by the nearest item id and the field path from it."""
    if isinstance(value, Text):
        return [TrackedText(anchor, _sha256(value.nl), doc, path)]
    found: list[TrackedText] = []
    if isinstance(value, BaseModel):
        item_id = getattr(value, "id", None)
        base = f"{doc.path.name}#{item_id}" if isinstance(item_id, str) else anchor
        for name in type(value).model_fields:
            child = getattr(value, name)
            if child is not None:
                found.extend(_texts(doc, child, (*path, name), f"{base}.{name}"))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.extend(_texts(doc, child, (*path, index), f"{anchor}[{index}]"))
    return found


def tracked_texts(version_dir: Path, root: Path) -> list[TrackedText]:
    """Every bilingual text of a (valid) version folder."""
    texts: list[TrackedText] = []
    for name, model in VERSION_FILES.items():
        path = version_dir / name
        doc, _ = load_yaml(path, str(path.relative_to(root)) if path.is_relative_to(root) else str(path))
        validated, errors = validate_document(doc, model)
        if validated is not None and not errors:
            texts.extend(_texts(doc, validated, (), name))
    return texts


def read_lock(version_dir: Path) -> dict[str, str]:
    lock = version_dir / LOCK_FILE
    if not lock.is_file():
        return {}
    data = json.loads(lock.read_text(encoding="utf-8"))
    return {str(key): str(value) for key, value in data.items()}


def write_lock(version_dir: Path, root: Path) -> int:
    """Record every current Dutch text as translated; returns the number of texts recorded."""
    texts = tracked_texts(version_dir, root)
    lock = {text.key: text.dutch_hash for text in texts}
    (version_dir / LOCK_FILE).write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return len(lock)


def outdated_translations(version_dir: Path, root: Path) -> list[str]:
    """A `file:line:column: key: message` line for every English text older than its Dutch text."""
    lock = read_lock(version_dir)
    problems = []
    for text in tracked_texts(version_dir, root):
        recorded = lock.get(text.key)
        if recorded == text.dutch_hash:
            continue
        reason = "never recorded as translated" if recorded is None else "the Dutch text changed since"
        error = text.doc.error(
            (*text.path, "en"), f"English translation may be outdated ({reason}); update it, then run "
            "`python -m generator translated`"
        )
        problems.append(str(error).split("\n")[0])
    return problems
