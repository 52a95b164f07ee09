"""Shared fixtures: the project's paths, a copy of the data to break, the built site, and a sub-path server."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.data.load import Guideline, load_guideline
from generator.site import build_site

ROOT = Path(__file__).resolve().parent.parent
#: The sub-path the test server puts the site under, as GitHub project pages do (`/REPO/`).
SUB_PATH = "/mtvp/"


@pytest.fixture(scope="session")
def guideline() -> Guideline:
    return load_guideline(ROOT / "guideline_data", root=ROOT)


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A project root in `tmp_path` with a copy of the real data, for tests that break it."""
    shutil.copytree(ROOT / "guideline_data", tmp_path / "guideline_data")
    return tmp_path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session (both languages, strict)."""
    output = tmp_path_factory.mktemp("build") / "site"
    build_site(ROOT, output, site_url=f"http://127.0.0.1{SUB_PATH}")
    return output


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only below SUB_PATH; anything else is a 404, as on GitHub project pages."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(SUB_PATH):
            return str(Path(self.directory) / "__outside_sub_path__")
        return super().translate_path("/" + path[len(SUB_PATH) :])

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 under SUB_PATH; yields the site root URL."""
    handler = functools.partial(_SubPathHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    finally:
        server.shutdown()
        server.server_close()
