"""The site served under /mtvp/ (as GitHub project pages are): every internal link and asset resolves."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlparse


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        if tag == "link" and found.get("rel") in ("alternate", "canonical"):
            return  # absolute URLs to the public site, checked in test_build
        for name in ("href", "src"):
            value = found.get(name)
            if value and not value.startswith(("mailto:", "data:", "javascript:")):
                self.links.append(value)


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers.get_content_type()


def test_every_internal_link_and_asset_resolves(site_url: str) -> None:
    origin = urlparse(site_url)
    queue = [site_url + "nl/", site_url + "en/"]
    seen: set[str] = set()
    pages: dict[str, set[str]] = {}
    anchors: list[tuple[str, str, str]] = []
    broken: list[str] = []
    referrer: dict[str, str] = {}
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, body, content_type = fetch(url)
        if status != 200:
            broken.append(f"{url} ({status}) linked from {referrer.get(url, 'start')}")
            continue
        if content_type == "text/css":
            for asset in re.findall(rb"url\(([^)]+)\)", body):
                target = urljoin(url, asset.decode().strip("'\""))
                if target.startswith(site_url) and target not in seen:
                    referrer[target] = url
                    queue.append(target)
        if content_type != "text/html":
            continue
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        pages[url] = parser.ids
        for link in parser.links:
            absolute, fragment = urldefrag(urljoin(url, link))
            parsed = urlparse(absolute)
            if parsed.netloc != origin.netloc:
                continue
            assert absolute.startswith(site_url), f"{url} links outside the sub-path: {link}"
            if fragment:
                anchors.append((url, absolute, fragment))
            if absolute not in seen:
                referrer.setdefault(absolute, url)
                queue.append(absolute)
    assert not broken, "\n".join(broken)
    assert len(pages) >= 60, len(pages)
    missing = [
        f"{source} -> {target}#{fragment}"
        for source, target, fragment in anchors
        if target in pages and fragment not in pages[target]
    ]
    assert not missing, "\n".join(missing[:20])


def test_404_page_works_under_the_sub_path(site_url: str) -> None:
    status, body, _ = fetch(site_url + "nl/interventies/bestaat-niet/")
    assert status == 404
    html = body.decode("utf-8")
    # Served at any depth, so it links with absolute URLs under the sub-path: home and search in both languages.
    for language in ("nl", "en"):
        assert f'href="{site_url}{language}/"' in html
        assert f'href="{site_url}{language}/?q="' in html
    assets = re.findall(r'(?:href|src)="([^"]+\.(?:css|js|mjs))"', html)
    assert assets
    for asset in assets:
        absolute = urljoin(site_url, asset)  # Material writes them root-absolute: /mtvp/nl/assets/…
        assert absolute.startswith(site_url), asset
        assert fetch(absolute)[0] == 200, asset
