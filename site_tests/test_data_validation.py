"""Loading and validation: every kind of bad input is reported with file:line:column, key path and expectation.

Each test breaks a copy of the real data in a known place (by appending an item whose lines the test knows)
and checks the exact error, so the messages maintainers rely on cannot drift.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.data import models as m
from generator.data.errors import GuidelineDataError
from generator.data.load import load_guideline
from site_tests.conftest import ROOT

VERSION = "guideline_data/2026-2027"


def append_item(root: Path, file: str, list_key: str, item_yaml: str) -> int:
    """Append `item_yaml` (a list item) to the list `list_key` that ends `file`; returns the item's first line."""
    path = root / VERSION / file
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    last_key = [line for line in text.splitlines() if line and not line.startswith((" ", "#", "-"))][-1]
    assert last_key.startswith(f"{list_key}:"), f"{file} must end with its `{list_key}` list for this test"
    first_line = text.count("\n") + 1
    path.write_text(text + textwrap.indent(textwrap.dedent(item_yaml).strip("\n") + "\n", "  "), encoding="utf-8")
    return first_line


def errors_of(root: Path) -> list[str]:
    with pytest.raises(GuidelineDataError) as caught:
        load_guideline(root / "guideline_data", root=root)
    return [str(error) for error in caught.value.errors]


ELEMENT = """\
- id: extra-element
  order: 5
  title: {nl: Extra, en: Extra}
  explanation: {nl: Uitleg, en: Explanation}
  source: {page: 3}
"""


def test_real_data_is_valid(guideline) -> None:
    assert guideline.current.id == "2026-2027"


def test_unknown_key_names_line_path_and_allowed_keys(data_copy: Path) -> None:
    line = append_item(data_copy, "core_elements.yaml", "core_elements", ELEMENT + "  ordr: 6\n")
    [error] = errors_of(data_copy)
    assert error.startswith(f"{VERSION}/core_elements.yaml:{line + 5}:5: core_elements[4].ordr: unknown key `ordr`")
    assert "expected one of: id, source, editor_notes, evidence, history, order, title" in error
    assert error.endswith("ordr: 6")  # the offending source line is shown


def test_missing_field_names_the_key_and_what_it_holds(data_copy: Path) -> None:
    line = append_item(data_copy, "core_elements.yaml", "core_elements", ELEMENT.replace("  order: 5\n", ""))
    [error] = errors_of(data_copy)
    assert error.startswith(f"{VERSION}/core_elements.yaml:{line}:5: core_elements[4].order: missing required key `order`")
    # The hint is the field's documentation, declared on the model.
    assert f"({m.CoreElement.model_fields['order'].description})" in error


@pytest.mark.parametrize(("language", "name"), [("en", "English"), ("nl", "Dutch")])
def test_missing_translation(data_copy: Path, language: str, name: str) -> None:
    other = {"en": "nl: Extra", "nl": "en: Extra"}[language]
    item = ELEMENT.replace("title: {nl: Extra, en: Extra}", f"title: {{{other}}}")
    line = append_item(data_copy, "core_elements.yaml", "core_elements", item)
    [error] = errors_of(data_copy)
    assert error.startswith(f"{VERSION}/core_elements.yaml:{line + 2}:12: core_elements[4].title.{language}: ")
    assert f"missing the {name} text: expected keys `nl` and `en`" in error


def test_blank_text_is_missing_text(data_copy: Path) -> None:
    line = append_item(data_copy, "core_elements.yaml", "core_elements", ELEMENT.replace("en: Explanation", "en: ' '"))
    [error] = errors_of(data_copy)
    assert error.startswith(f"{VERSION}/core_elements.yaml:{line + 3}:")
    assert "core_elements[4].explanation.en: text must not be blank" in error


def test_wrong_type_is_not_coerced(data_copy: Path) -> None:
    line = append_item(data_copy, "core_elements.yaml", "core_elements", ELEMENT.replace("order: 5", 'order: "5"'))
    [error] = errors_of(data_copy)
    assert error.startswith(
        f"{VERSION}/core_elements.yaml:{line + 1}:12: core_elements[4].order: Input should be a valid integer; got str '5'"
    )


def test_id_must_be_kebab_case(data_copy: Path) -> None:
    line = append_item(data_copy, "core_elements.yaml", "core_elements", ELEMENT.replace("extra-element", "Extra_Element"))
    [error] = errors_of(data_copy)
    assert error.startswith(f"{VERSION}/core_elements.yaml:{line}:9: core_elements[4].id: expected a kebab-case id")


def test_duplicate_id_across_files(data_copy: Path) -> None:
    line = append_item(
        data_copy, "core_elements.yaml", "core_elements", ELEMENT.replace("extra-element", "regie-op-veelgebruikers")
    )
    [error] = errors_of(data_copy)
    # Files are read in a fixed order (core elements before interventions): the later definition is flagged.
    assert error.startswith(f"{VERSION}/interventions.yaml:")
    assert error.split(": ", 2)[2].startswith(
        f"duplicate id `regie-op-veelgebruikers` (first defined at {VERSION}/core_elements.yaml:{line})"
    )


def test_duplicate_yaml_key_is_an_error_not_last_wins(data_copy: Path) -> None:
    line = append_item(data_copy, "core_elements.yaml", "core_elements", ELEMENT + "  order: 6\n")
    [error] = errors_of(data_copy)
    assert error.startswith(
        f"{VERSION}/core_elements.yaml:{line + 5}:5: core_elements[4].order: duplicate key 'order' "
        f"(first defined on line {line + 1})"
    )


def test_dangling_reference(data_copy: Path) -> None:
    intervention = """\
    - id: extra-intervention
      core_element: no-such-element
      number: 99
      title: {nl: Extra, en: Extra}
      source: {page: 6}
      appendix_missing: {nl: Geen toelichting., en: No description.}
    """
    line = append_item(data_copy, "interventions.yaml", "interventions", intervention)
    count = len(load_guideline(ROOT / "guideline_data", root=ROOT).current.interventions.interventions)
    [error] = errors_of(data_copy)
    assert error.startswith(
        f"{VERSION}/interventions.yaml:{line + 1}:19: interventions[{count}].core_element: "
        "unknown CoreElement id `no-such-element`: no such id in this version"
    )


def test_dangling_footnote_reference(data_copy: Path) -> None:
    item = ELEMENT.replace("{nl: Uitleg, en: Explanation}", "{nl: 'Uitleg[^fn-nergens]', en: 'Explanation[^fn-nergens]'}")
    line = append_item(data_copy, "core_elements.yaml", "core_elements", item)
    errors = errors_of(data_copy)
    assert len(errors) == 2
    assert errors[0].startswith(f"{VERSION}/core_elements.yaml:{line + 3}:")
    assert "footnote reference [^fn-nergens] names no footnote in footnotes.yaml" in errors[0]


def test_yaml_syntax_error(data_copy: Path) -> None:
    path = data_copy / VERSION / "selection.yaml"
    path.write_text("selection:\n  id: [unclosed\n  title: x\n", encoding="utf-8")
    [error] = errors_of(data_copy)
    assert error.startswith(f"{VERSION}/selection.yaml:3:")
    assert "YAML syntax error" in error


def test_every_error_is_listed_sorted_by_file_and_line(data_copy: Path) -> None:
    append_item(data_copy, "core_elements.yaml", "core_elements", ELEMENT.replace("order: 5", "order: five") + "  colour: red\n")
    (data_copy / VERSION / "selection.yaml").write_text("selection: [\n", encoding="utf-8")
    (data_copy / VERSION / "corrections.yaml").unlink()
    errors = errors_of(data_copy)
    assert len(errors) == 4
    files = [error.split(":", 1)[0] for error in errors]
    assert files == sorted(files)
    assert any("corrections.yaml:1:1: (root): missing file" in error for error in errors)
    assert any("order: Input should be a valid integer" in error for error in errors)
    assert any("unknown key `colour`" in error for error in errors)
    assert any("selection.yaml" in error and "YAML syntax error" in error for error in errors)


def _project_with_data(data_copy: Path) -> Path:
    for name in ("mkdocs.yml", "content", "overrides"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, data_copy / name)
        else:
            shutil.copy(source, data_copy / name)
    return data_copy


def test_check_and_build_exit_non_zero_and_build_nothing(data_copy: Path) -> None:
    append_item(data_copy, "core_elements.yaml", "core_elements", ELEMENT + "  ordr: 6\n")
    project = _project_with_data(data_copy)
    check = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "check"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert check.returncode == 1
    assert "core_elements.yaml" in check.stderr and "unknown key `ordr`" in check.stderr
    build = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "build"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert build.returncode == 1
    assert "unknown key `ordr`" in build.stderr and "No site was built." in build.stderr
    assert not (project / "site").exists()


def test_unknown_directive_in_a_page_names_page_and_line(synthetic_project: Path) -> None:
    project = synthetic_project
    page = project / "content" / "nl" / "gebruik.md"
    lines = page.read_text(encoding="utf-8").splitlines() + [""] * 8
    lines.insert(7, "<!-- guideline:no-such-thing -->")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    build = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "build"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert build.returncode == 1
    assert "content/nl/gebruik.md:8:1: unknown directive `guideline:no-such-thing`" in build.stderr
    assert not (project / "site").exists()


# --- reconstructed versions -----------------------------------------------------------------------------------


def _overlay(root: Path, version: str = "2025") -> Path:
    return root / "guideline_data" / version / "reconstruction.yaml"


def test_reconstruction_with_an_unknown_id_names_its_line(data_copy: Path) -> None:
    path = _overlay(data_copy)
    text = path.read_text(encoding="utf-8").replace("  - ids: [definitie-mtvp]\n", "  - ids: [definitie-mtvq]\n", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - ids: [definitie-mtvq]") + 1
    [error] = errors_of(data_copy)
    assert error.startswith(f"guideline_data/2025/reconstruction.yaml:{line}:")
    assert "known[0].ids[0]: unknown id `definitie-mtvq`: no such item in version 2026-2027" in error


def test_reconstruction_listing_an_item_twice_is_an_error(data_copy: Path) -> None:
    path = _overlay(data_copy)
    text = path.read_text(encoding="utf-8").replace("  - ids: [time-out-verwijzingen]\n", "  - ids: [time-out-verwijzingen, definitie-mtvp]\n", 1)
    path.write_text(text, encoding="utf-8")
    [error] = errors_of(data_copy)
    assert "`definitie-mtvp` is listed twice; give each item one status" in error


def test_reconstruction_must_be_based_on_an_official_version(data_copy: Path) -> None:
    path = _overlay(data_copy)
    path.write_text(path.read_text(encoding="utf-8").replace('based_on: "2026-2027"', 'based_on: "2023"'), encoding="utf-8")
    [error] = errors_of(data_copy)
    assert "based_on: `2023` is not an official version; expected one of ['2026-2027']" in error


def test_reconstruction_value_errors_point_into_the_overlay(data_copy: Path) -> None:
    path = _overlay(data_copy)
    text = path.read_text(encoding="utf-8").replace("        - {year: 1, symbol: implementatie}\n", "        - {year: one, symbol: implementatie}\n", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("        - {year: one, symbol: implementatie}") + 1
    errors = errors_of(data_copy)
    assert any(e.startswith(f"guideline_data/2025/reconstruction.yaml (applied to 2026-2027/growth_model.yaml):{line}:") for e in errors), errors


def test_reconstruction_without_evidence_is_refused(data_copy: Path) -> None:
    path = _overlay(data_copy)
    text = path.read_text(encoding="utf-8")
    start = text.index("\nunknown:\n  - ids: [")
    end = text.index("    evidence:\n", start) + len("    evidence:\n")
    text = text[: end - len("    evidence:\n")] + "    evidence: []\n    old_evidence:\n" + text[end:]
    path.write_text(text, encoding="utf-8")
    errors = errors_of(data_copy)
    assert any("unknown[0].evidence: List should have at least 1 item" in e for e in errors), errors


def test_unknown_texts_are_stated_never_copied(guideline) -> None:
    v2025 = guideline.version("2025")
    assert v2025.document.introduction.body.unknown
    assert v2025.document.introduction.body.nl != guideline.current.document.introduction.body.nl
    assert not v2025.document.definition.quote.unknown
    assert v2025.document.definition.quote == guideline.current.document.definition.quote


def test_every_difference_from_the_base_has_evidence(guideline) -> None:
    for version in guideline.versions:
        if version.reconstruction is None:
            continue
        r = version.reconstruction
        for item_id, status in r.status.items():
            if status in ("known", "changed"):
                assert r.evidence.get(item_id), f"{version.id}: {item_id} is {status} without evidence"
        for item_id in [*r.absent, *r.uncertain]:
            assert r.evidence.get(item_id) or r.absent.get(item_id), f"{version.id}: {item_id} has no evidence"


def test_replacing_a_reconstruction_by_the_official_text_is_a_data_only_change(data_copy: Path) -> None:
    from generator.diff import compare

    data = data_copy / "guideline_data"
    (data / "2025" / "reconstruction.yaml").unlink()
    for path in (data / "2026-2027").glob("*.yaml"):
        shutil.copy(path, data / "2025" / path.name)  # stands in for the official text of 2025
    registry = data / "versions.yaml"
    text = registry.read_text(encoding="utf-8")
    start = text.index('  - id: "2025"')
    end = text.index("completeness: reconstructed", start)
    registry.write_text(text[:end] + "completeness: official" + text[end + len("completeness: reconstructed") :], encoding="utf-8")
    guideline = load_guideline(data, root=data_copy)
    official = guideline.version("2025")
    assert official.reconstruction is None and official.meta.completeness == "official"
    assert not compare(official, guideline.version("2026-2027")).has_changes


RULE = """\
- id: extra-regel
  kind: optional
  plan: praktijkplan
  basis: [groei-netwerk]
  summary: {nl: Samenvatting, en: Summary}
"""


def test_a_rule_must_quote_its_sentence(data_copy: Path) -> None:
    line = append_item(data_copy, "growth_model.yaml", "rules", RULE)
    [error] = errors_of(data_copy)
    assert error.startswith(f"{VERSION}/growth_model.yaml:{line}:5: rules[")
    assert "rule `extra-regel` needs `cite`" in error


def test_a_misquoted_rule_sentence_names_its_line_and_language(data_copy: Path, guideline) -> None:
    row = next(r for r in guideline.current.growth_model.rows if r.id == "groei-netwerk")
    # The real English sentence, and a Dutch one with one word changed: only the Dutch is refused.
    english = row.explanation.en.split(". ")[0]
    dutch = row.explanation.nl.split(". ")[0].replace("bepaalt", "beslist", 1)
    assert dutch != row.explanation.nl.split(". ")[0]
    cite = f"  cite:\n    item: groei-netwerk\n    quote: {{nl: '{dutch}', en: '{english}'}}\n"
    line = append_item(data_copy, "growth_model.yaml", "rules", RULE + cite)
    [error] = errors_of(data_copy)
    assert error.startswith(f"{VERSION}/growth_model.yaml:{line + 7}:")
    assert ".cite.quote.nl: the quote is not in the text of `groei-netwerk` (nl)" in error


def test_a_named_training_uses_the_guideline_s_words(data_copy: Path) -> None:
    path = data_copy / VERSION / "interventions.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "label: {nl: SOLK/ALK, en: SOLK/ALK}"
    assert marker in text
    line = text[: text.index(marker)].count("\n") + 1
    path.write_text(text.replace(marker, "label: {nl: Mindfulness, en: SOLK/ALK}"), encoding="utf-8")
    [error] = errors_of(data_copy)
    assert error.startswith(f"{VERSION}/interventions.yaml:{line}:")
    assert "`mindfulness` is not in the text of `training-gespreksvoering` (nl)" in error
