"""JSON Schemas of the data files, generated from the models, for editors' YAML completion and checks."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from generator.data.models import (
    RECONSTRUCTION_FILE,
    SEARCH_ALIASES_FILE,
    VERSION_FILES,
    ReconstructionFile,
    SearchAliasesFile,
    VersionsFile,
)

SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "versions.yaml": VersionsFile,
    **VERSION_FILES,
    RECONSTRUCTION_FILE: ReconstructionFile,
    SEARCH_ALIASES_FILE: SearchAliasesFile,
}


def schema_text(model: type[BaseModel]) -> str:
    """The JSON Schema of one file's model, serialised deterministically."""
    schema = model.model_json_schema()
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_name(data_file: str) -> str:
    return data_file.removesuffix(".yaml") + ".schema.json"


def write_schemas(folder: Path) -> list[Path]:
    """Write one schema per data file into `folder`; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for data_file, model in SCHEMA_FILES.items():
        path = folder / schema_name(data_file)
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written
