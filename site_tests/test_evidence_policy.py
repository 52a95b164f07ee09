"""The evidence policy of reconstructed versions: `check` refuses each class of over-claim at the overlay's line.

Each test writes one defect of a known class into a copy of the real data (at a line the test knows) and checks
the exact `file:line:column: key.path: message`, so a maintainer sees where and why.
"""

from __future__ import annotations

from pathlib import Path

from generator.data import evidence_policy
from generator.data.load import Guideline
from site_tests.test_data_validation import errors_of

EV_2023 = "guideline_data/2023/reconstruction.yaml"
EV_2025 = "guideline_data/2025/reconstruction.yaml"


def insert_group(root: Path, version: str, section: str, group_yaml: str) -> tuple[str, int]:
    """Insert a group as the first entry of `section` (e.g. `known`); returns the file's text and the group's line."""
    path = root / "guideline_data" / version / "reconstruction.yaml"
    text = path.read_text(encoding="utf-8")
    marker = f"\n{section}:\n"
    at = text.index(marker) + len(marker)
    text = text[:at] + group_yaml + text[at:]
    path.write_text(text, encoding="utf-8")
    return text, text[:at].count("\n") + 1


def only_error(root: Path) -> str:
    [error] = errors_of(root)
    return error


def test_known_needs_a_source_that_states_the_text(data_copy: Path) -> None:
    # A page that only says the objectives exist, used as if it gave their paragraphs.
    _, line = insert_group(
        data_copy, "2023", "known",
        "  - ids: [uitgangspunt-richtinggevend]\n"
        "    evidence:\n"
        "      - tag: SRC\n"
        "        basis: https://rohamsterdam.nl/praktijkondersteuning/mtvp/vragen/\n"
        "        shows: existence\n",
    )
    error = only_error(data_copy)
    assert error.startswith(
        f"{EV_2023}:{line + 2}:7: known[0].evidence: `uitgangspunt-richtinggevend` is `known`, but no evidence shows it: "
        "expected S000, S002 or SRC evidence with `shows: text` and a `quote` or `locator`"
    ), error


def test_absent_needs_evidence_of_absence(data_copy: Path) -> None:
    # The 2026-2027 introduction says interventions were added, but names none: no evidence that these were absent.
    _, line = insert_group(
        data_copy, "2023", "absent",
        "  - ids: [uitgangspunt-richtinggevend]\n"
        "    evidence:\n"
        "      - tag: S000\n"
        "        basis: Leidraad MTVP versie 3 (1 juli 2025)\n"
        "        shows: context\n"
        "        locator: {nl: 'inleiding, pagina 2', en: 'introduction, page 2'}\n",
    )
    error = only_error(data_copy)
    assert error.startswith(
        f"{EV_2023}:{line + 2}:7: absent[0].evidence: `uitgangspunt-richtinggevend` is `absent`, but no evidence shows it: "
        "expected S000, S002 or SRC evidence with `shows: absence` and a `quote` or `locator`"
    ), error


def test_inference_is_tagged_as_inference_and_shows_nothing_by_itself(data_copy: Path) -> None:
    _, line = insert_group(
        data_copy, "2023", "unknown",
        "  - ids: [uitgangspunt-richtinggevend]\n"
        "    evidence:\n"
        "      - tag: INF\n"
        "        basis: gelijk in 2023 en 2026-2027\n"
        "        shows: text\n"
        "        locator: {nl: overal, en: everywhere}\n",
    )
    error = only_error(data_copy)
    assert error.startswith(
        f"{EV_2023}:{line + 4}:16: unknown[0].evidence[0].shows: INF evidence is the editors' inference and shows nothing "
        "by itself: expected `shows: context`, got `shows: text`"
    ), error


def test_a_hedged_statement_cannot_make_an_item_known_or_absent(data_copy: Path) -> None:
    # "waarschijnlijk" turned into a fact: the rho-regioplan and AI-tools defects.
    _, line = insert_group(
        data_copy, "2025", "absent",
        "  - ids: [training-ai-tools]\n"
        "    evidence:\n"
        "      - tag: S000\n"
        "        basis: Leidraad MTVP versie 3 (1 juli 2025)\n"
        "        shows: absence\n"
        "        locator: {nl: 'bijlage B, pagina 19', en: 'appendix B, page 19'}\n"
        "        note: {nl: Is waarschijnlijk pas in 2026-2027 toegevoegd., en: Was only added in 2026-2027.}\n",
    )
    path = data_copy / EV_2025
    path.write_text(path.read_text(encoding="utf-8").replace("  - ids: [training-ai-tools]\n    evidence:\n      - tag: INF", "  - ids: [aanmeldzuil]\n    evidence:\n      - tag: INF", 1), encoding="utf-8")
    errors = [e for e in errors_of(data_copy) if "hedges" in e]
    assert errors and errors[0].startswith(
        f"{EV_2025}:{line + 6}:15: absent[0].evidence[0].note: the evidence hedges (`waarschijnlijk`): an uncertain "
        "statement is inference; tag it INF with `shows: context`"
    ), errors


def test_text_or_absence_needs_the_sources_words_or_a_precise_place(data_copy: Path) -> None:
    path = data_copy / EV_2023
    text = path.read_text(encoding="utf-8")
    old = (
        "        shows: text\n        locator:\n          nl: de definitie van MTVP die de pagina uit de leidraad citeert\n"
        "          en: the definition of MTVP that the page quotes from the guideline\n"
    )
    assert old in text
    line = text[: text.index(old)].count("\n") + 1  # the `shows` line
    path.write_text(text.replace(old, "        shows: text\n", 1), encoding="utf-8")
    errors = errors_of(data_copy)
    assert any(
        e.startswith(f"{EV_2023}:{line}:16: known[0].evidence[0].shows: evidence with `shows: text` needs the source's words (`quote`)")
        for e in errors
    ), errors


def test_a_kept_text_dated_after_the_version_is_refused(data_copy: Path) -> None:
    # The 2023 page that showed "Vanaf 1 januari 2026 geldt …": a 2026-2027 description kept for 2023.
    _, line = insert_group(
        data_copy, "2023", "known",
        "  - ids: [laagdrempelige-eenmalige-consultatie]\n"
        "    evidence:\n"
        "      - tag: SRC\n"
        "        basis: https://example.org/\n"
        "        shows: text\n"
        "        locator: {nl: de beschrijving, en: the description}\n",
    )
    # The consultation is now known instead of changed (the changed entry moves to another intervention), so its
    # 2026-2027 description is kept.
    path = data_copy / EV_2023
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - id: laagdrempelige-eenmalige-consultatie\n    set:", "  - id: taakherschikking\n    set:", 1), encoding="utf-8")
    errors = errors_of(data_copy)
    assert any(
        e.startswith(
            f"{EV_2023}:{line}:11: known[0].ids[0]: `laagdrempelige-eenmalige-consultatie` keeps the text of 2026-2027, "
            "which mentions “1 januari 2026”, after this version's validity (until 2024-12-31)"
        )
        for e in errors
    ), errors


def test_an_item_whose_only_evidenced_change_is_its_title_inherits_no_body(guideline: Guideline) -> None:
    v2023, current = guideline.version("2023"), guideline.current
    [item] = [i for i in v2023.interventions.interventions if i.id == "laagdrempelige-eenmalige-consultatie"]
    [base] = [i for i in current.interventions.interventions if i.id == item.id]
    assert item.title != base.title  # the changed title (without the 2026 footnote marker)
    assert item.appendix is not None and item.appendix.body is not None and item.appendix.body.unknown
    assert v2023.reconstruction is not None and v2023.reconstruction.status[item.id] == "changed"


def test_known_from_a_version_that_reads_otherwise_is_a_contradiction(data_copy: Path) -> None:
    # 2025 goede-gesprek rules "as in 2023 and 2026-2027", while the 2023 file changes them.
    path = data_copy / EV_2025
    text = path.read_text(encoding="utf-8").replace("  - ids: [regel-goede-gesprek-jaar-1, regel-goede-gesprek-jaar-2]\n    evidence:\n      - tag: SRC", "  - ids: [uitgangspunt-richtinggevend]\n    evidence:\n      - tag: SRC", 1)
    path.write_text(text, encoding="utf-8")
    _, line = insert_group(
        data_copy, "2025", "known",
        "  - ids: [regel-goede-gesprek-jaar-1]\n"
        "    evidence:\n"
        "      - tag: SRC\n"
        "        basis: https://rohamsterdam.nl/praktijkondersteuning/mtvp/hoofdpunten/\n"
        "        shows: text\n"
        "        of_version: \"2023\"\n"
        "        locator: {nl: tabel van het groeimodel, en: growth-model table}\n",
    )
    errors = [e for e in errors_of(data_copy) if "contradict" in e]
    assert errors and errors[0].startswith(
        f"{EV_2025}:{line + 5}:21: known[0].evidence[0].of_version: `regel-goede-gesprek-jaar-1` is `known` from a source "
        "about 2023, but 2023 marks it `changed`: the two reconstructions contradict each other"
    ), errors


def test_a_changed_text_shown_as_guideline_text_needs_a_source_not_inference(data_copy: Path) -> None:
    # The short 2023 title of the conversation training, inferred from the 2026-2027 appendix heading.
    _, line = insert_group(
        data_copy, "2023", "changed",
        "  - id: uitgangspunt-richtinggevend\n"
        "    set:\n"
        "      text: {nl: Een andere tekst, en: Another text}\n"
        "    evidence:\n"
        "      - tag: INF\n"
        "        basis: kop in bijlage B van 2026-2027\n",
    )
    error = only_error(data_copy)
    assert error.startswith(
        f"{EV_2023}:{line + 4}:7: changed[0].evidence: `uitgangspunt-richtinggevend` is `changed`, but no evidence shows it"
    ), error


def test_a_main_change_leads_to_a_later_version_and_names_real_items(data_copy: Path) -> None:
    path = data_copy / EV_2025
    text = path.read_text(encoding="utf-8")
    text = text.replace('main_changes:\n  - towards: "2026-2027"', 'main_changes:\n  - towards: "2023"', 1)
    text = text.replace("    items: [inleiding]\n", "    items: [inleidingg]\n", 1)
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    towards = lines.index('  - towards: "2023"') + 1
    item = lines.index("    items: [inleidingg]") + 1
    errors = errors_of(data_copy)
    assert f"{EV_2025}:{towards}:14: main_changes[0].towards: `2023` is not a later version; expected one of ['2026-2027']" in [
        e.splitlines()[0] for e in errors
    ], errors
    assert any(e.startswith(f"{EV_2025}:{item}:13: main_changes[2].items[0]: unknown id `inleidingg`") for e in errors), errors


def test_dates_are_read_in_both_languages() -> None:
    found = [words for words, _ in evidence_policy.dates_in("Vanaf 1 januari 2026 geldt; from 1 January 2026; vanaf 2027; in 2025")]
    assert found == ["1 januari 2026", "1 January 2026", "vanaf 2027"]
