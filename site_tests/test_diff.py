"""Golden-file tests of the version diff on small hand-made version pairs.

Each case starts from the real 2026-2027 data and changes a few items (so every id and reference stays valid);
the expected change lists are in `golden/diff_cases.json`. Set `UPDATE_GOLDEN=1` to rewrite that file after an
intended change of the diff, and review the file's diff before committing it.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.data import models as m
from generator.data.load import GuidelineVersion, load_guideline
from generator.diff import ChangeSet, compare

GOLDEN = Path(__file__).parent / "golden" / "diff_cases.json"
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def base() -> GuidelineVersion:
    return load_guideline(ROOT / "guideline_data", root=ROOT).version("2026-2027")


def _interventions(version: GuidelineVersion, change: Callable[[list[m.Intervention]], list[m.Intervention]]) -> GuidelineVersion:
    updated = version.interventions.model_copy(update={"interventions": change(list(version.interventions.interventions))})
    return dataclasses.replace(version, interventions=updated)


def _replace(items: list[Any], item_id: str, **update: Any) -> list[Any]:
    return [i.model_copy(update=update) if i.id == item_id else i for i in items]


def _rules(version: GuidelineVersion, change: Callable[[list[m.Rule]], list[m.Rule]]) -> GuidelineVersion:
    growth = version.growth_model.model_copy(update={"rules": change(list(version.growth_model.rules))})
    return dataclasses.replace(version, growth_model=growth)


def _text(nl: str, en: str, unknown: bool = False) -> m.Text:
    return m.Text(nl=nl, en=en, unknown=unknown)


def _cases(base: GuidelineVersion) -> dict[str, tuple[GuidelineVersion, GuidelineVersion]]:
    interventions = {i.id: i for i in base.interventions.interventions}
    extra = interventions["aanmeldzuil"].model_copy(update={"id": "nieuwe-interventie", "number": 13, "title": _text("Nieuw", "New")})
    rule = next(r for r in base.growth_model.rules if r.id == "regel-netwerk-jaar-2")
    appendix = interventions["flexibele-consultduur"].appendix
    assert appendix is not None and appendix.body is not None
    reworded = appendix.model_copy(update={"body": _text(appendix.body.nl + " Extra zin.", appendix.body.en + " Extra sentence.")})
    unknown_body = appendix.model_copy(update={"body": _text("Niet bekend.", "Not known.", unknown=True)})
    merged_history = [m.History(kind=m.HistoryKind.MERGED, version="2026-2027", merged_from=["e-health-platforms"])]
    return {
        "identical": (base, base),
        "added": (base, _interventions(base, lambda items: [*items, extra])),
        "removed": (base, _interventions(base, lambda items: [i for i in items if i.id != "aanmeldzuil"])),
        "changed-text": (base, _interventions(base, lambda items: _replace(items, "flexibele-consultduur", appendix=reworded))),
        "renamed": (base, _interventions(base, lambda items: _replace(items, "anders-trieren", title=_text("Triage anders", "Triage differently")))),
        "moved": (base, _interventions(base, lambda items: _replace(items, "regie-op-veelgebruikers", core_element="samenwerken-met-het-netwerk"))),
        "merged": (
            base,
            _interventions(
                base,
                lambda items: _replace([i for i in items if i.id != "e-health-platforms"], "aanmeldzuil", history=merged_history),
            ),
        ),
        "rule-min-changed": (base, _rules(base, lambda rules: _replace(rules, "regel-netwerk-jaar-2", min=3))),
        "rule-years-changed": (base, _rules(base, lambda rules: _replace(rules, "regel-anders-werken-jaar-3", years=[2, 3]))),
        "rule-added-and-removed": (
            base,
            _rules(base, lambda rules: [*[r for r in rules if r.id != "regel-geen-herhaling"], rule.model_copy(update={"id": "regel-netwerk-jaar-4", "years": [3]})]),
        ),
        "unknown-text-not-compared": (
            _interventions(base, lambda items: _replace(items, "flexibele-consultduur", appendix=unknown_body)),
            base,
        ),
        "footnote-marker-is-no-rename": (
            _interventions(
                base,
                lambda items: _replace(items, "laagdrempelige-eenmalige-consultatie", title=_text(
                    m.FOOTNOTE_REF.sub("", interventions["laagdrempelige-eenmalige-consultatie"].title.nl),
                    m.FOOTNOTE_REF.sub("", interventions["laagdrempelige-eenmalige-consultatie"].title.en),
                )),
            ),
            base,
        ),
    }


def _summary(changes: ChangeSet) -> list[dict[str, Any]]:
    out = []
    for c in changes.changes:
        entry: dict[str, Any] = {"kind": c.kind, "id": c.item_id, "type": c.item_type}
        for name in ("fields", "unknown_fields", "merged_from"):
            if getattr(c, name):
                entry[name] = list(getattr(c, name))
        if c.moved_from:
            entry["moved"] = [c.moved_from, c.moved_to]
        if c.texts:
            entry["texts"] = [t.field for t in c.texts]
        out.append(entry)
    return out


def test_diff_of_hand_made_pairs_matches_the_golden_file(base: GuidelineVersion) -> None:
    results = {name: _summary(compare(old, new)) for name, (old, new) in _cases(base).items()}
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert results == expected


def test_rule_changes_are_reported_as_rules_not_as_text(base: GuidelineVersion) -> None:
    old, new = _cases(base)["rule-min-changed"]
    (change,) = compare(old, new).changes
    assert (change.kind, change.item_type, change.fields, change.texts) == ("changed", "Rule", ("min",), ())


def test_a_merge_hides_the_removal_of_the_merged_items(base: GuidelineVersion) -> None:
    old, new = _cases(base)["merged"]
    kinds = {c.item_id: c.kind for c in compare(old, new).changes}
    assert kinds == {"aanmeldzuil": "merged"}


def test_identical_versions_have_no_changes(base: GuidelineVersion) -> None:
    assert not compare(base, base).has_changes
