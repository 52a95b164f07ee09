"""The committed JSON Schemas match the models (interface strings: test_strings.py)."""

from __future__ import annotations

from generator.data.schema import SCHEMA_FILES, schema_name, schema_text
from site_tests.conftest import ROOT


def test_committed_schemas_match_the_models() -> None:
    stale = []
    for data_file, model in SCHEMA_FILES.items():
        path = ROOT / "guideline_data" / "schema" / schema_name(data_file)
        if not path.is_file() or path.read_text(encoding="utf-8") != schema_text(model):
            stale.append(path.name)
    assert not stale, f"run `make schema`: stale or missing {stale}"


def test_every_data_file_names_its_schema() -> None:
    for data_file in SCHEMA_FILES:
        for path in (ROOT / "guideline_data").rglob(data_file):
            first_line = path.read_text(encoding="utf-8").splitlines()[0]
            assert first_line.startswith("# yaml-language-server: $schema="), path
            assert first_line.endswith(schema_name(data_file)), path
