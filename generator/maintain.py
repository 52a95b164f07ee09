"""Maintainers' tools: start a new guideline version from an existing one."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

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
    entry_start = text.find(f'  - id: "{from_id}"')
    if entry_start == -1:
        raise MaintenanceError(f"cannot find the entry of `{from_id}` in {registry} to copy its sources")
    next_entry = text.find("\n  - id:", entry_start + 1)
    old_entry = text[entry_start : next_entry + 1 if next_entry != -1 else len(text)]
    sources_block = old_entry[old_entry.index("    primary_source:") :]
    # The new version's label in every language: the site's name and the version id ("Leidraad MTVP 2028").
    labels = "".join(f"      {language}: {ui(language, 'site_name')} {new_id}\n" for language in LANGUAGES)
    entry = (
        f'  - id: "{new_id}"\n'
        f"    label:\n{labels}"
        f'    document_version: "{source.document_version}"\n'
        f"    valid_from: {first}-01-01\n    valid_until: {last}-12-31\n"
        f"    status: future\n    completeness: official\n"
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
