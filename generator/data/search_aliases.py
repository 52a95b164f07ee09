"""Read `search_aliases.yaml`: the words people type for an item, checked against the current version.

The file is optional (a site without aliases searches the guideline's own words). Every alias must name an item
that has a page in the current version, since that page is where the words lead; each item is listed once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from generator.data import models as m
from generator.data.errors import DataError
from generator.data.validate import validate_document
from generator.data.yaml_source import load_yaml

if TYPE_CHECKING:
    from generator.data.load import GuidelineVersion


def load_search_aliases(
    path: Path, display_path: str, current: GuidelineVersion
) -> tuple[tuple[m.SearchAlias, ...], list[DataError]]:
    """The aliases in `path` (none if the file does not exist) and every error found in it."""
    if not path.is_file():
        return (), []
    doc, errors = load_yaml(path, display_path)
    if doc.data is None:
        return (), errors
    validated, model_errors = validate_document(doc, m.SearchAliasesFile)
    if validated is None or model_errors:
        return (), errors + model_errors
    aliases = validated.aliases
    # Imported here: `pages` knows where items live and itself imports the loader's types.
    from generator.pages import item_locations

    on_pages = item_locations(current)
    seen: dict[str, int] = {}
    for index, alias in enumerate(aliases):
        where = ("aliases", index, "id")
        if alias.id not in on_pages:
            errors.append(doc.error(where, f"unknown item id `{alias.id}`: no page of version {current.id} shows it"))
        elif alias.id in seen:
            first = doc.position(("aliases", seen[alias.id], "id")).line
            errors.append(doc.error(where, f"`{alias.id}` has aliases already (line {first}); list an item once"))
        seen.setdefault(alias.id, index)
    return (tuple(aliases) if not errors else ()), errors
