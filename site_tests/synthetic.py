"""A small synthetic guideline, written as a complete project (data, hand-written pages, mkdocs.yml) into a folder.

Build tests that check how the site is made, not what the real guideline says, build this instead of the real data:
two official versions (the older one for change summaries and redlines), two core elements, three interventions,
one rule of each counting kind, one footnote, a calendar. Its texts are made-up words, never guideline text,
and come in every configured language (`generator.languages`), so the same fixture builds a third language when
MTVP_LANGUAGES names a configuration with one.
"""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path
from typing import Any

import yaml

from generator.languages import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
OLD, NEW = "2030", "2031-2032"


def t(words: str, *footnotes: str) -> dict[str, str]:
    """A text in every configured language: the words tagged with the language, the same footnote markers."""
    markers = "".join(f"[^{footnote}]" for footnote in footnotes)
    return {language: f"{words} ({language}){markers}" for language in LANGUAGES}


def d(iso: str) -> datetime.date:
    return datetime.date.fromisoformat(iso)


def page(number: int) -> dict[str, int]:
    return {"page": number}


def section(item_id: str, title: str, body: str, *footnotes: str) -> dict[str, Any]:
    return {"id": item_id, "source": page(1), "title": t(title), "body": t(body, *footnotes)}


def entries(prefix: str, *texts: str) -> list[dict[str, Any]]:
    return [
        {"id": f"{prefix}-{number}", "source": page(2), "number": str(number), "text": t(text)}
        for number, text in enumerate(texts, start=1)
    ]


def list_section(item_id: str, title: str, *texts: str) -> dict[str, Any]:
    return {"id": item_id, "source": page(2), "title": t(title), "items": entries(item_id, *texts)}


#: The sentence the counting rules cite, standing verbatim in the growth-model row's explanation.
RULE_SENTENCE = "Kies elk jaar minimaal een interventie"


def version_files(version_id: str, newer: bool) -> dict[str, dict[str, Any]]:
    """The data files of one version; the newer version adds an intervention and changes a text."""
    interventions = [
        {
            "id": "samen-plannen", "source": page(3), "core_element": "rustig-werken", "number": 1,
            "title": t("Samen plannen"), "appendix": {"heading": t("Samen plannen"), "body": t("Zo plant u samen."), "source": page(4)},
        },
        {
            "id": "kort-overleg", "source": page(3), "core_element": "goed-gesprek", "number": 1,
            "title": t("Kort overleg"), "appendix_missing": t("De bron beschrijft dit niet."),
        },
    ]
    if newer:
        interventions.append(
            {
                "id": "open-spreekuur", "source": page(3), "core_element": "rustig-werken", "number": 2,
                "title": t("Open spreekuur"), "appendix": {"heading": t("Open spreekuur"), "body": t("Een nieuw spreekuur."), "source": page(4)},
            }
        )
    cite = {"item": "rij-rustig-werken", "quote": {language: RULE_SENTENCE for language in LANGUAGES}}
    return {
        "document.yaml": {
            "title": t("Synthetische leidraad"),
            "version_line": t(f"Versie {version_id}"),
            "publishers": [{"id": "uitgever", "name": t("Uitgever")}],
            "introduction": section("inleiding", "Inleiding", "Dit is een verzonnen leidraad voor tests." + (" Herzien." if newer else "")),
            "principles": list_section("uitgangspunten", "Uitgangspunten", "Eerste punt.", "Tweede punt."),
            "definition": {"id": "definitie", "source": page(1), "title": t("Definitie"), "intro": t("Wat het is."), "quote": t("Meer tijd.")},
            "core_elements_section": section("kernelementen", "Kernelementen", "Twee kernelementen."),
            "core_elements_figure_caption": t("Figuur 1"),
            "interventions_section": section("interventies", "Interventies", "Interventies per kernelement."),
            "appendices_title": t("Bijlagen"),
        },
        "core_elements.yaml": {
            "core_elements": [
                {"id": "rustig-werken", "source": page(2), "order": 1, "title": t("Rustig werken"), "explanation": t("Werk rustig.")},
                {"id": "goed-gesprek", "source": page(2), "order": 2, "title": t("Goed gesprek"), "explanation": t("Praat goed."), "optional": True},
            ]
        },
        "interventions.yaml": {"overview_title": t("Overzicht"), "interventions": interventions},
        "minimum_hurdle.yaml": {
            "section": section("minimale-horde-sectie", "Minimale horde", "Wat minimaal moet."),
            "conditions": list_section("voorwaarden", "Voorwaarden", "Een plan.", "Een RHO."),
            "rho_tasks": list_section("rho-taken", "Taken van de RHO", "Ondersteunen."),
            "rho_tasks_condition": "voorwaarden-2",
        },
        "growth_model.yaml": {
            "section": section("groeimodel", "Groeimodel", "Zo groeit het."),
            "columns": [
                {"id": "jaar-1", "year": 1, "label": t("Jaar 1")},
                {"id": "jaar-2", "year": 2, "label": t("Jaar 2")},
                {"id": "jaar-3", "year": 3, "open_ended": True, "label": t("Jaar 3 en verder")},
            ],
            "legend": [{"id": "invoeren", "symbol": "✓", "text_alternative": t("invoeren"), "text": t("minimaal een interventie invoeren")}],
            "rows": [
                {
                    "id": "rij-rustig-werken", "core_element": "rustig-werken",
                    "cells": [{"year": 1, "symbol": "invoeren"}, {"year": 2, "symbol": "invoeren"}, {"year": 3, "footnote": "fn-groei", "text": t("Verdiepen")}],
                    "explanation": {language: f"{RULE_SENTENCE}. Meer mag ({language}).[^fn-groei]" for language in LANGUAGES},
                },
                {"id": "rij-goed-gesprek", "core_element": "goed-gesprek", "cells": [{"year": 1}, {"year": 2}, {"year": 3}], "explanation": t("Naar keuze.")},
            ],
            "footnotes": ["fn-groei"],
            "rules": [
                {
                    "id": "regel-minimaal-een", "kind": "min-new-interventions", "plan": "praktijkplan",
                    "core_element": "rustig-werken", "years": [1, 2], "min": 1, "basis": ["rij-rustig-werken"],
                    "summary": t("Minimaal een nieuwe interventie per jaar."), "cite": cite,
                },
                {
                    "id": "regel-menu", "kind": "menu-min-options", "plan": "regioplan", "core_element": "rustig-werken",
                    "min": 1, "basis": ["rij-rustig-werken"], "summary": t("Het menu biedt er minimaal een."), "cite": cite,
                },
            ],
        },
        "selection.yaml": {"selection": list_section("selectie", "Selectie", "Kies uit het menu.")},
        "objectives.yaml": {
            "section": section("doelstellingen", "Doelstellingen", "Wat we willen."),
            "objectives": [{"id": "doel-tijd", "source": page(5), "number": 1, "title": t("Tijd"), "text": t("Meer tijd.")}],
            "monitoring_intro": t("Zo meten we."),
            "monitoring_source": page(5),
            "monitoring": [{"id": "meting", "source": page(5), "number": 1, "title": t("Meting"), "items": entries("meting", "Tel.")}],
            "accountability": section("verantwoording", "Verantwoording", "Zo verantwoorden we."),
            "kpi_groups": [
                {
                    "id": "kpis", "caption": t("KPI's"),
                    "kpis": [{"id": "kpi-tijd", "source": page(5), "number": 1, "indicator": t("Minuten"), "target": t("Meer"), "objective": "doel-tijd"}],
                }
            ],
        },
        "cycle.yaml": {
            "update": section("actualisatie", "Actualisatie", "Elk jaar."),
            "cycle_caption": t("Cyclus"),
            "cycle_source": page(6),
            "cycle": [{"year": None, "events": [{"id": "cyclus-meting", "kind": "impact-measurement", "text": t("Meten"), "source": page(6)}]}],
            "annual_cycle_caption": t("Jaarcyclus"),
            "annual_cycle": [{"id": "jaar-plan", "kind": "regional-plan", "text": t("Regioplan maken"), "months": [9], "source": page(6)}],
            "intake": {
                "caption": t("Instroom"), "source": page(6),
                "columns": [{"version": OLD, "label": t("Oud")}, {"version": NEW, "label": t("Nieuw")}],
                "cohorts": [{"id": "groep-a", "label": t("Groep A"), "starts": [{"version": OLD, "date": d("2030-01-01")}, {"version": NEW, "date": d("2031-01-01")}]}],
            },
            "calendar": [
                {"id": "kalender-start", "basis": "groep-a", "roles": ["practice", "rho"], "start": d("2031-01-01"), "title": t("Start")},
                {"id": "kalender-plan", "basis": "jaar-plan", "roles": ["rho"], "start": d("2031-09-01"), "end": d("2031-09-30"), "title": t("Plan maken")},
            ],
        },
        "funding.yaml": {
            "title": t("Bekostiging"), "source": page(7),
            "description": section("omschrijving", "Omschrijving", "Zo wordt betaald."),
            "conditions_title": t("Voorwaarden"), "conditions_intro": t("Vooraf."),
            "conditions": [{"id": "bekostiging-1", "source": page(7), "number": "1", "text": t("Een plan."), "same_as": "voorwaarden-1"}],
            "conditions_outro": t("Achteraf."),
            "fee": section("tarief", "Tarief", "Een tarief."),
            "contracting": list_section("contractering", "Contractering", "Een contract."),
        },
        "footnotes.yaml": {"footnotes": [{"id": "fn-groei", "source": page(9), "marker": "1", "text": t("Een voetnoot.")}]},
        "corrections.yaml": {"corrections": [{"source_text": "tekts", "corrected": "tekst"}], "kept": []},
    }


def versions_file() -> dict[str, Any]:
    def version(version_id: str, status: str, start: datetime.date, end: datetime.date) -> dict[str, Any]:
        return {
            "id": version_id, "label": t(f"Synthetische leidraad {version_id}"), "document_version": version_id[:4],
            "valid_from": start, "valid_until": end, "status": status, "completeness": "official",
            "primary_source": "bron",
            "sources": [{"id": "bron", "title": t("Verzonnen bron"), "publisher": t("Uitgever"), "description": t("Voor tests.")}],
        }

    return {"versions": [version(NEW, "current", d("2031-01-01"), d("2032-12-31")), version(OLD, "superseded", d("2030-01-01"), d("2030-12-31"))]}


#: A hand-written page per language: the pages mkdocs.yml's navigation names (generator/render.py `nav`).
CONTENT_PAGES = ("index.md", "over.md", "gebruik.md", "open-data.md", "redactie.md", "toegankelijkheid.md")


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1 << 20)
    path.write_text(text, encoding="utf-8")


def write_project(root: Path) -> Path:
    """Write the synthetic project into `root` (data, pages, mkdocs.yml; the theme overrides linked) and return it."""
    from generator.data.load import load_guideline
    from generator.data.translations import write_lock

    data = root / "guideline_data"
    _dump(data / "versions.yaml", versions_file())
    for version_id, newer in ((NEW, True), (OLD, False)):
        for name, content in version_files(version_id, newer).items():
            _dump(data / version_id / name, content)
    for language in LANGUAGES:
        for name in CONTENT_PAGES:
            title = name.removesuffix(".md").capitalize()
            body = "<!-- guideline:definition -->\n\n<!-- guideline:core-elements -->\n" if name == "index.md" else ""
            if name == "open-data.md":
                body = "<!-- guideline:open-data -->\n"
            (root / "content" / language).mkdir(parents=True, exist_ok=True)
            (root / "content" / language / name).write_text(f"# {title} ({language})\n\n{body}", encoding="utf-8")
    shutil.copyfile(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    if not (root / "overrides").exists():
        os.symlink(ROOT / "overrides", root / "overrides")
    guideline = load_guideline(data, root=root)
    for version in guideline.versions:
        write_lock(version, data / version.id)
    return root
