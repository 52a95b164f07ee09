"""Shared fixtures: the project's paths, a copy of the data to break, the built site, and a sub-path server."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
import yaml

from generator.data.load import Guideline, load_guideline
from generator.site import build_site
from site_tests.browser import CHROMIUM_ARGS, DESKTOP, PHONE, chromium_path

ROOT = Path(__file__).resolve().parent.parent
#: The sub-path the test server puts the site under, as GitHub project pages do (`/REPO/`).
SUB_PATH = "/mtvp/"
#: The link attributes of a page (what a reader follows or the browser loads).
LINK = re.compile(r'\s(?:href|src)="([^"]*)"')


def broken_links(site: Path, link: re.Pattern[str] = LINK) -> list[str]:
    """`page -> target` for every relative link of a built site (not its search index nor its 404 page, which
    links with absolute addresses) that leads to no file."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        if "pagefind" in page.parts or page.name == "404.html":
            continue
        for target in link.findall(page.read_text(encoding="utf-8")):
            path = urldefrag(target).url.split("?")[0]
            if not path or urlsplit(path).scheme or path.startswith(("#", "javascript:", "data:")):
                continue
            resolved = (page.parent / path).resolve()
            if not (resolved.is_file() or (resolved / "index.html").is_file()):
                broken.append(f"{page.relative_to(site)} -> {target}")
    return broken


def mkdocs_yml() -> dict[str, object]:
    """mkdocs.yml as data, its `!ENV` values left out (None)."""

    class TagsIgnored(yaml.SafeLoader):
        pass

    TagsIgnored.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=TagsIgnored)  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def guideline() -> Guideline:
    return load_guideline(ROOT / "guideline_data", root=ROOT)


@pytest.fixture()
def synthetic_project(tmp_path: Path) -> Path:
    """A project root in `tmp_path` holding the small synthetic guideline (site_tests/synthetic.py), for build
    tests that check how the site is made rather than what the real guideline says."""
    from site_tests.synthetic import write_project

    return write_project(tmp_path / "synthetic")


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A project root in `tmp_path` with a copy of the real data, for tests that break it."""
    shutil.copytree(ROOT / "guideline_data", tmp_path / "guideline_data")
    return tmp_path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def public_url() -> str:
    """The URL the site is built for and served at: a loopback port and the sub-path."""
    return f"http://127.0.0.1:{_free_port()}{SUB_PATH}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, public_url: str) -> Path:
    """The real site, built once per test session (both languages, strict)."""
    output = tmp_path_factory.mktemp("build") / "site"
    build_site(ROOT, output, site_url=public_url)
    return output


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only below SUB_PATH; anything else is a 404, as on GitHub project pages."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(SUB_PATH):
            return str(Path(self.directory) / "__outside_sub_path__")
        return super().translate_path("/" + path[len(SUB_PATH) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # Like GitHub Pages: a missing path gets the site's own 404.html, with status 404.
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path, public_url: str) -> Iterator[str]:
    """The built site served on 127.0.0.1 under SUB_PATH; yields the site root URL."""
    handler = functools.partial(_SubPathHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(public_url.split(":")[2].split("/")[0])), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield public_url
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = chromium_path()
    if executable is None:
        message = "Chromium is not installed (Debian package `chromium`)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must install it")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, site_url):  # type: ignore[no-untyped-def]
    """A desktop page that fails the test if any request leaves the site's origin."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    origin = site_url.split("/mtvp/")[0]
    outside: list[str] = []

    def record(request) -> None:  # type: ignore[no-untyped-def]
        # blob: URLs of the site's own origin are downloads made in the page (plan exports).
        if not request.url.startswith((origin, "data:", f"blob:{origin}")):
            outside.append(request.url)

    page.on("request", record)
    yield page
    context.close()
    assert not outside, f"requests left the site's origin: {outside}"


@pytest.fixture()
def phone(browser, site_url):  # type: ignore[no-untyped-def]
    """A page on a touch phone of 390 x 844 CSS pixels."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()
