"""Take screenshots of built pages at desktop and phone widths, for people to look at (not a test).

Usage: python -m site_tests.screenshots [SITE_DIR] [PAGE ...]
Serves SITE_DIR (default: site/) under /mtvp/ and writes PNGs to site_tests/artifacts/.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

from site_tests.browser import CHROMIUM_ARGS, DESKTOP, PHONE, chromium_path
from site_tests.conftest import ROOT, SUB_PATH, _SubPathHandler

DEFAULT_PAGES = [
    "nl/",
    "en/",
    "nl/interventies/regie-op-veelgebruikers/",
    "en/interventies/training-gespreksvoering/",
    "nl/groeimodel/",
    "en/groeimodel/",
    "nl/doelstellingen/",
    "nl/cyclus/",
]


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else ROOT / "site"
    wanted = argv[1:] or DEFAULT_PAGES
    out = ROOT / "site_tests" / "artifacts"
    out.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SubPathHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            context = browser.new_context(viewport=viewport, device_scale_factor=1)
            page = context.new_page()
            for path in wanted:
                page.goto(base + path)
                target = out / f"{name}-{path.strip('/').replace('/', '_') or 'root'}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target.relative_to(ROOT))
            context.close()
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
