"""The committed JSON Schemas match the models (interface strings: test_strings.py)."""

from __future__ import annotations

import json

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


def undocumented(schema: object, path: str = "") -> list[str]:
    """The properties of a JSON Schema (in `$defs` too) that have no `description`."""
    found = []
    if isinstance(schema, dict):
        for name, value in schema.get("properties", {}).items():
            if not (isinstance(value, dict) and value.get("description")):
                found.append(f"{path}/properties/{name}")
        for key, value in schema.items():
            found += undocumented(value, f"{path}/{key}")
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            found += undocumented(value, f"{path}/{index}")
    return found


def test_every_property_of_every_data_schema_is_documented() -> None:
    checked = 0
    for data_file in SCHEMA_FILES:
        schema = json.loads((ROOT / "guideline_data" / "schema" / schema_name(data_file)).read_text(encoding="utf-8"))
        assert not undocumented(schema), (data_file, undocumented(schema))
        checked += len(json.dumps(schema).split('"properties"')) - 1
    assert checked > 50  # the walk found the models' properties


def test_the_schemas_say_which_fields_are_content_names_labels_and_editorial() -> None:
    schema = json.loads((ROOT / "guideline_data" / "schema" / "interventions.schema.json").read_text(encoding="utf-8"))
    intervention = schema["$defs"]["Intervention"]["properties"]
    assert intervention["title"]["x-roles"] == ["content", "name", "label"]
    assert intervention["overview_text"]["x-roles"] == ["content"]
    assert intervention["editor_notes"]["x-roles"] == ["editorial", "note"]


def test_every_rule_kind_is_explained_in_the_schema() -> None:
    schema = json.loads((ROOT / "guideline_data" / "schema" / "growth_model.schema.json").read_text(encoding="utf-8"))
    kinds = schema["$defs"]["RuleKind"]
    undocumented_kinds = [kind for kind in kinds["enum"] if f"- `{kind}`: " not in kinds["description"]]
    assert len(kinds["enum"]) > 10 and not undocumented_kinds, undocumented_kinds
