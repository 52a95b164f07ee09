"""Maintainers' tools: start a new guideline version from an existing one."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from generator.data.load import REGISTRY_FILE, load_guideline
from generator.i18n import LANGUAGES, ui

VERSION_ID = re.compile(r"^(\d{4})(?:-(\d{4}))?$")


class MaintenanceError(Exception):
    """A maintainer's command that cannot be carried out; nothing was changed."""


def new_version(data_dir: Path, new_id: str, from_id: str, root: Path) -> Path:
    """Copy version `from_id` to `new_id` and register it as a future, official version.

    The registry is edited as text (an entry appended) so its comments and layout stay as they are.

    Returns:
        The new version folder.

    Raises:
        MaintenanceError: If the id is malformed or taken, or `from_id` does not exist; nothing is written then.
    """
    match = VERSION_ID.match(new_id)
    if match is None:
        raise MaintenanceError(f"version id `{new_id}` must be a year or a range of years, e.g. 2028 or 2028-2029")
    first, last = int(match.group(1)), int(match.group(2) or match.group(1))
    if last < first:
        raise MaintenanceError(f"version id `{new_id}` ends before it starts")
    guideline = load_guideline(data_dir, root=root)
    known = [version.id for version in guideline.versions]
    if from_id not in known:
        raise MaintenanceError(f"unknown version `{from_id}`; known versions: {', '.join(known)}")
    target = data_dir / new_id
    if new_id in known or target.exists():
        raise MaintenanceError(f"version `{new_id}` exists already ({target})")
    source = guideline.version(from_id).meta
    registry = data_dir / REGISTRY_FILE
    text = registry.read_text(encoding="utf-8")
    column, sources_block = _entry_layout(text, from_id, registry)
    indent, item = " " * column, " " * (column - 2) + "- "
    # The new version's label in every language: the site's name and the version id ("Leidraad MTVP 2028").
    labels = "".join(f"{indent}  {language}: {ui(language, 'site_name')} {new_id}\n" for language in LANGUAGES)
    entry = (
        f'{item}id: "{new_id}"\n'
        f"{indent}label:\n{labels}"
        f'{indent}document_version: "{source.document_version}"\n'
        f"{indent}valid_from: {first}-01-01\n{indent}valid_until: {last}-12-31\n"
        f"{indent}status: future\n{indent}completeness: official\n"
        f"{sources_block.rstrip()}\n"
    )
    shutil.copytree(data_dir / from_id, target)
    original = text
    try:
        registry.write_text(text.rstrip("\n") + "\n" + entry, encoding="utf-8")
        load_guideline(data_dir, root=root)
    except Exception:
        registry.write_text(original, encoding="utf-8")
        shutil.rmtree(target)
        raise
    return target


def _entry_layout(text: str, version_id: str, registry: Path) -> tuple[int, str]:
    """The column of the registry's version entries and the lines of `version_id`'s entry from its
    `primary_source` on (its sources, copied as written), found in the parsed YAML so any layout works."""
    root = yaml.compose(text)
    versions = next((value for key, value in root.value if key.value == "versions"), None) if root else None
    for entry in versions.value if isinstance(versions, yaml.SequenceNode) else []:
        fields = {key.value: (key, value) for key, value in entry.value}
        if "id" in fields and fields["id"][1].value == version_id and "primary_source" in fields:
            start = text.rfind("\n", 0, fields["primary_source"][0].start_mark.index) + 1
            return entry.start_mark.column, text[start : entry.end_mark.index]
    raise MaintenanceError(f"cannot find the entry of `{version_id}` in {registry} to copy its sources")
