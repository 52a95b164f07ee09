"""Translation tracking: which English texts are older than the Dutch text they translate.

Each version folder may hold `translations.lock`: for every bilingual text, a stable key and the SHA-256 of the
Dutch text the English was last checked against. When an editor changes a Dutch text, its hash no longer matches
and `python -m generator check` reports the English as outdated, with file and line. After updating the English,
`python -m generator translated` records the current version's Dutch texts as translated (`--version` names
another). `build` refuses an invalid or outdated lock as `check` does, so CI cannot publish a stale translation.

Keys name the nearest item by id rather than by list position, so inserting an item does not make every later
translation look outdated: `interventions.yaml#aanmeldzuil.appendix.body`.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from generator.data.errors import DataError, KeyPath
from generator.data.models import VERSION_FILES, Text
from generator.data.yaml_source import YamlDocument, load_yaml
from generator.languages import DEFAULT_LANGUAGE, TRANSLATIONS, info

if TYPE_CHECKING:
    from generator.data.load import Guideline, GuidelineVersion

LOCK_FILE = "translations.lock"
_HASH = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class TrackedText:
    key: str
    dutch_hash: str
    file: str  # the file name within the version folder
    path: KeyPath


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _texts(file: str, value: object, path: KeyPath, anchor: str) -> list[TrackedText]:
    """Every bilingual text below `value`, keyed by the nearest item id and the field path from it."""
    if isinstance(value, Text):
        return [TrackedText(anchor, _sha256(value.get(DEFAULT_LANGUAGE)), file, path)]
    found: list[TrackedText] = []
    if isinstance(value, BaseModel):
        item_id = getattr(value, "id", None)
        base = f"{file}#{item_id}" if isinstance(item_id, str) else anchor
        for name in type(value).model_fields:
            child = getattr(value, name)
            if child is not None:
                found.extend(_texts(file, child, (*path, name), f"{base}.{name}"))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.extend(_texts(file, child, (*path, index), f"{anchor}[{index}]"))
    return found


def tracked_texts(version: GuidelineVersion) -> list[TrackedText]:
    """Every bilingual text of a validated official version."""
    texts: list[TrackedText] = []
    for name in VERSION_FILES:
        texts.extend(_texts(name, getattr(version, name.removesuffix(".yaml")), (), name))
    return texts


def _display(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def read_lock(version_dir: Path, root: Path) -> tuple[dict[str, str], list[DataError]]:
    """The recorded hashes, and an error with its line and column if the file is not what `translated` writes."""
    lock = version_dir / LOCK_FILE
    if not lock.is_file():
        return {}, []
    display = _display(lock, root)
    redo = f"; run `python -m generator translated --version {version_dir.name}` to write it again"
    raw = lock.read_bytes()
    try:
        text = raw.decode("utf-8")
        data = json.loads(text)
    except UnicodeDecodeError as exc:
        return {}, [DataError(display, raw[: exc.start].count(b"\n") + 1, 1, (), f"not UTF-8 text{redo}")]
    except json.JSONDecodeError as exc:
        return {}, [DataError(display, exc.lineno, exc.colno, (), f"not valid JSON: {exc.msg}{redo}")]
    if not isinstance(data, dict):
        return {}, [DataError(display, 1, 1, (), f"expected a JSON object of text keys and hashes{redo}")]
    errors = []
    for key, value in data.items():
        if not (isinstance(value, str) and _HASH.fullmatch(value)):
            line = next((n for n, row in enumerate(text.splitlines(), 1) if json.dumps(key) in row), 1)
            errors.append(DataError(display, line, 1, (key,), f"expected a SHA-256 hash (64 hex digits){redo}"))
    return ({str(k): str(v) for k, v in data.items()} if not errors else {}), errors


def write_lock(version: GuidelineVersion, version_dir: Path) -> int:
    """Record every current Dutch text as translated; returns the number of texts recorded."""
    lock = {text.key: text.dutch_hash for text in tracked_texts(version)}
    (version_dir / LOCK_FILE).write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return len(lock)


def translation_errors(version: GuidelineVersion, version_dir: Path, root: Path) -> list[DataError]:
    """An invalid lock file, and every English text older than its Dutch text, at the English text's line.

    Hashes are compared on the already validated models; only a file with an outdated text is read again, for
    the positions.
    """
    lock, errors = read_lock(version_dir, root)
    if errors:
        return errors
    outdated = [text for text in tracked_texts(version) if lock.get(text.key) != text.dutch_hash]
    docs: dict[str, YamlDocument] = {}
    for text in outdated:
        if text.file not in docs:
            docs[text.file] = load_yaml(version_dir / text.file, _display(version_dir / text.file, root))[0]
        source = info(DEFAULT_LANGUAGE).english_name
        reason = "never recorded as translated" if text.key not in lock else f"the {source} text changed since"
        for language in TRANSLATIONS:
            message = (
                f"{info(language).english_name} translation may be outdated ({reason}); update it, then run "
                f"`python -m generator translated --version {version.id}`"
            )
            errors.append(docs[text.file].error((*text.path, language), message))
    return errors


def all_translation_errors(guideline: Guideline, data_dir: Path, root: Path) -> list[DataError]:
    """`translation_errors` of every official version (a reconstruction's texts are tracked in its one file)."""
    errors = []
    for version in guideline.versions:
        if version.reconstruction is None:
            errors.extend(translation_errors(version, data_dir / version.id, root))
    return errors
