"""Starting Debian's Chromium through Playwright (no browser download: `executable_path`)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")

#: Flags for a closed network and a root user: no background calls home, no sandbox (root cannot use it).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

#: One page of every type, by its path below a language root (the same path in both languages).
PAGE_TYPES = {
    "home": "",
    "guideline": "leidraad/",
    "core element": "kernelementen/anders-werken-in-de-praktijk/",
    "interventions": "interventies/",
    "intervention": "interventies/training-gespreksvoering/",
    "intervention without appendix": "interventies/gezondheidsverschillen-gezondheidsvaardigheden/",
    "minimum hurdle": "minimale-horde/",
    "growth model": "groeimodel/",
    "selection": "selectie/",
    "KPI": "doelstellingen/",
    "monitoring": "monitoring/",
    "timeline": "cyclus/",
    "funding": "bekostiging/",
    "about": "over/",
    "how to use": "gebruik/",
    "accessibility statement": "toegankelijkheid/",
    "open data": "open-data/",
    "editors' guide": "redactie/",
    "404": "bestaat-niet/",
    "versions": "versies/",
    "change summary": "wijzigingen/2025-naar-2026-2027/",
    "redline": "wijzigingen/2023-naar-2026-2027/redline/",
    "pinned reconstructed intervention": "2025/interventies/aanmeldzuil/",
    "pinned reconstructed growth model": "2023/groeimodel/",
    "version home": "2023/",
    "plan checklist": "plan/",
    "plan overview": "plan/overzicht/",
    "pinned current intervention": "2026-2027/interventies/regie-op-veelgebruikers/",
    "whole guideline": "leidraad/geheel/",
    "quick-reference card": "snelkaart/",
    "RHO help": "hulp-voor-rho/",
}


def chromium_path() -> str | None:
    """The Chromium executable: $CHROMIUM_PATH, then Debian's paths, then whatever is on PATH."""
    configured = os.environ.get("CHROMIUM_PATH")
    if configured and Path(configured).is_file():
        return configured
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    return shutil.which("chromium")
