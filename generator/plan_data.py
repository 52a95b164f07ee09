"""The data the plan checklist runs on (`/<lang>/plan/data.json`), generated from the guideline data.

The checklist evaluates the rules it finds here; it knows no rule, core element or intervention itself. URLs are
relative to the plan page, so the file works under any sub-path. Every version is included (with its rules and
the id mapping of the change sets), so a plan can be re-checked against another version without the network.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from generator import pages
from generator.data import rule_citations
from generator.data.load import Guideline, GuidelineVersion
from generator.data.models import Rule
from generator.diff import diff, pairs
from generator.i18n import STRINGS, Language, ui, words

FORMAT_VERSION = 2


def _url(guideline: Guideline, version: GuidelineVersion, src_uri: str, anchor: str | None = None) -> str:
    """A URL relative to the plan page (`/<lang>/plan/`)."""
    page = src_uri if version.id == guideline.current.id else pages.pinned(src_uri, version.id)
    return pages.relative_url(pages.PLAN, page, anchor or "")


def _text(value: Any, language: Language) -> str:
    return words(value, language)


def _citation(
    citations: dict[str, rule_citations.Found], rule: Rule, language: Language, url: Callable[[str], str]
) -> dict[str, Any] | None:
    """The rule's sentence in this version, with its page and a link to it (None where it is not known)."""
    cited = rule_citations.citation(citations, rule)
    if cited is None:
        return None
    return {"quote": _text(cited.quote, language), "page": cited.page, "url": url(cited.item_id)}


def version_data(guideline: Guideline, version: GuidelineVersion, language: Language) -> dict[str, Any]:
    locations = pages.item_locations(version)
    citations = version.rule_citation_index

    def url(item_id: str) -> str:
        location = locations[item_id]
        return _url(guideline, version, location.src_uri, location.anchor)

    def title(intervention: Any) -> str:
        return _text(intervention.short_title or intervention.title, language).split("[^")[0].strip()

    return {
        "id": version.id,
        "label": _text(version.meta.label, language),
        "status": version.meta.status,
        "completeness": version.meta.completeness,
        "years": [{"year": c.year, "label": _text(c.label, language)} for c in version.growth_model.columns],
        "core_elements": [
            {"id": e.id, "title": _text(e.title, language), "url": url(e.id), "optional": e.optional}
            for e in version.core_elements.core_elements
        ],
        "interventions": [
            {
                "id": i.id,
                "core_element": i.core_element,
                "number": i.number,
                "title": title(i),
                "url": url(i.id),
                "traits": [t.value for t in i.traits],
                "trainings": [{"key": t.key, "label": _text(t.label, language)} for t in i.trainings],
                "uncertain": version.is_uncertain(i.id),
            }
            for e in version.core_elements.core_elements
            for i in version.interventions_of(e.id)
        ],
        "rules": [
            {
                "id": r.id,
                "kind": r.kind.value,
                "plan": r.plan,
                "core_element": r.core_element,
                "years": r.years,
                "min": r.min,
                "from_menu": r.from_menu,
                "summary": _text(r.summary, language),
                "url": url(r.id),
                "uncertain": version.is_uncertain(r.id),
                # A reconstruction that does not know the rule keeps the base version's values: not evidence.
                "unknown": version.is_unknown(r.id),
                "cite": _citation(citations, r, language, url),
                "editor_notes": [_text(note, language) for note in r.editor_notes],
            }
            for r in version.growth_model.rules
        ],
        "hurdle": [
            {
                "id": c.id,
                "label": _text(c.label or c.text, language),
                "url": url(c.id),
                "unknown": bool((c.label or c.text).unknown),
            }
            for c in version.minimum_hurdle.conditions.items
        ],
    }


def plan_data(guideline: Guideline, language: Language) -> dict[str, Any]:
    """Everything the checklist needs in one language."""
    changes = {}
    for old, new in pairs(guideline.chronological()):
        changeset = diff(old, new)
        changes[pages.pair_id(old.id, new.id)] = {
            "old": old.id,
            "new": new.id,
            "changes": [
                {"kind": c.kind, "id": c.item_id, "type": c.item_type, "merged_from": list(c.merged_from)}
                for c in changeset.changes
                if c.item_type == "Intervention"
            ],
        }
    return {
        "format_version": FORMAT_VERSION,
        "language": language,
        "current": guideline.current.id,
        "strings": {key: value for key, value in STRINGS[language].items() if key.startswith("plan_")},
        "versions": {v.id: version_data(guideline, v, language) for v in guideline.chronological()[::-1]},
        "changes": changes,
        "site_name": ui(language, "site_name"),
    }


def plan_data_json(guideline: Guideline, language: Language) -> str:
    return json.dumps(plan_data(guideline, language), ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
