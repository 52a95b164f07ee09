"""Praktijkplan files for the regional overview's tests and benchmark: plans as the checklist writes them, made from
the published checklist data (`plan/data.json`), and broken variants that the checklist's reader refuses.

The plans vary the way a region's do: one to three plan years, new, continued and developed interventions, staff
expansion with or without its details, a deepening with or without a justification, hurdle conditions ticked or not.
"""

from __future__ import annotations

import json
import random
from typing import Any

#: The broken variants: file name, what is wrong (applied to a valid plan), the checklist's message key.
BROKEN: list[tuple[str, str]] = [
    ("kapot.json", "error_json"),
    ("onbekende-versie.json", "error_unknown_version"),
    ("regioplan.json", "overview_error_regioplan"),
    ("onbekende-interventie.json", "error_unknown_id"),
    ("ongeldige-agb.json", "error_agb"),
]


def _choice(action: str, **extra: Any) -> dict[str, Any]:
    return {
        "action": action, "justification": "", "regional": False, "caregivers": [], "trainings": [], "staff_type": "",
        "hours": None, "fully_implemented": None, **extra,
    }


def practice_plan(data: dict[str, Any], index: int, rng: random.Random, version_id: str | None = None) -> dict[str, Any]:
    """One praktijkplan of a region, named after its index."""
    version = data["versions"][version_id or data["current"]]
    staff_elements = {r["core_element"] for r in version["rules"] if r["kind"] == "staff-expansion-needs-details"}
    ids = [i["id"] for i in version["interventions"]]
    staff_ids = [i["id"] for i in version["interventions"] if i["core_element"] in staff_elements]
    menu = sorted(rng.sample(ids, min(len(ids), 10)))
    years: dict[str, dict[str, Any]] = {}
    chosen: list[str] = []
    for year in range(1, rng.choice([1, 2, 2, 3, 3]) + 1):
        choices: dict[str, Any] = {}
        for earlier in chosen:
            deepen = year >= 3 and rng.random() < 0.3
            choices[earlier] = _choice("deepen" if deepen else "continue", justification="Avondspreekuur" if deepen and rng.random() < 0.7 else "")
        for new in rng.sample([i for i in menu if i not in chosen and i not in staff_ids], rng.choice([1, 2, 3])):
            choices[new] = _choice("implement")
        if staff_ids and rng.random() < 0.4:
            staff = rng.choice(staff_ids)
            complete = rng.random() < 0.7
            choices[staff] = _choice(
                "continue" if staff in chosen else "implement", justification="Wachttijd POH" if complete else "",
                staff_type="POH-GGZ" if complete else "", hours=rng.choice([4, 8, 12.5]) if complete else None,
            )
        chosen = list(choices)
        years[str(year)] = choices
    hurdle = [h["id"] for h in version["hurdle"] if rng.random() < 0.9]
    return {
        "format": "mtvp-plan", "format_version": 2, "name": f"Praktijkplan {index + 1}", "kind": "praktijkplan",
        "guideline_version": version["id"], "menu": menu, "year2": [], "deepening": {}, "custom": [], "years": years,
        "hurdle": hurdle, "notes": "",
        "details": {
            "organisation": f"Huisartsenpraktijk {index + 1:03d}", "agb": f"{1000000 + index:08d}",
            "start_year": rng.choice([2024, 2025, 2026]), "status": rng.choice(["draft", "agreed"]),
            "author": "Praktijkmanager", "date": "2026-11-02",
        },
        "follows": None,
    }


def practice_plan_files(data: dict[str, Any], count: int, seed: int = 16) -> list[tuple[str, str]]:
    """`count` praktijkplan files (name, JSON text), as the checklist exports them."""
    rng = random.Random(seed)
    return [(f"praktijkplan-{index + 1:03d}.json", json.dumps(practice_plan(data, index, rng), ensure_ascii=False, indent=2)) for index in range(count)]


def broken_files(data: dict[str, Any]) -> list[tuple[str, str]]:
    """One file per entry of BROKEN: a valid plan with that one thing wrong (or not JSON at all)."""
    rng = random.Random(0)
    out = []
    for name, key in BROKEN:
        plan = practice_plan(data, 900, rng)
        if key == "error_json":
            out.append((name, json.dumps(plan)[:200]))
            continue
        if key == "error_unknown_version":
            plan["guideline_version"] = "1999"
        elif key == "overview_error_regioplan":
            plan.update(kind="regioplan", years={})
        elif key == "error_unknown_id":
            plan["years"]["1"]["bestaat-niet"] = _choice("implement")
        elif key == "error_agb":
            plan["details"]["agb"] = "123"
        out.append((name, json.dumps(plan, ensure_ascii=False)))
    return out
