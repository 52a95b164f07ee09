"""A loopback HTTP server for the built site under /mtvp/ that gzips text responses, as GitHub Pages does."""

from __future__ import annotations

import functools
import gzip
import http.server
import mimetypes
import threading
from pathlib import Path
from types import TracebackType

SUB_PATH = "/mtvp/"
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    # Persistent connections, as GitHub Pages keeps them (it serves HTTP/2 over one connection); HTTP/1.0,
    # the default here, would open a new connection, one more round trip, for every file.
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        if not self.path.startswith(SUB_PATH):
            self.send_error(404)
            return
        relative = self.path[len(SUB_PATH) :].split("?")[0].split("#")[0]
        target = Path(self.directory) / relative
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            target, status = Path(self.directory) / "404.html", 404
        else:
            status = 200
        body = target.read_bytes()
        content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if target.suffix == ".mjs":
            content_type = "application/javascript"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if content_type.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class GzipServer:
    """`with GzipServer(site) as base:` serves `site` at `base` (http://127.0.0.1:PORT/mtvp/)."""

    def __init__(self, site: Path, port: int = 0) -> None:
        handler = functools.partial(_GzipHandler, directory=str(site))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}{SUB_PATH}"

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.server.shutdown()
        self.server.server_close()
