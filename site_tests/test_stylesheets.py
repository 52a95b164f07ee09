"""The site's stylesheets reach the browser as one file: one request before the first paint, not one per file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.i18n import LANGUAGES
from generator.stylesheets import COMBINED_STYLESHEET, combined_stylesheet
from site_tests.conftest import ROOT, mkdocs_yml


def test_parts_keep_their_order_under_a_comment_naming_their_source() -> None:
    css = combined_stylesheet([("a.css", ".a { color: red; }\n"), ("b.css", "\n.b { color: blue; }")])
    assert css == "/* a.css */\n.a { color: red; }\n\n/* b.css */\n.b { color: blue; }\n"


@pytest.mark.parametrize("rule", ["@import url(x.css);", '@charset "utf-8";'])
def test_an_at_rule_that_must_come_first_is_refused_after_the_first_part(rule: str) -> None:
    assert combined_stylesheet([("a.css", f"{rule}\n.a {{}}")]).startswith("/* a.css */\n@")
    with pytest.raises(ValueError, match="b.css"):
        combined_stylesheet([("a.css", ".a {}"), ("b.css", f"  {rule}\n.b {{}}")])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_one_site_stylesheet_with_every_source(built_site: Path, language: str) -> None:
    sources = mkdocs_yml()["extra_css"]
    assert isinstance(sources, list)
    assert len(sources) > 1  # otherwise there is nothing to combine and this test says nothing
    combined = (built_site / language / COMBINED_STYLESHEET).read_text(encoding="utf-8")
    for source in sources:
        css = (ROOT / "overrides" / source).read_text(encoding="utf-8").strip()
        assert f"/* {source} */\n{css}\n" in combined, source
        assert not (built_site / language / source).exists(), f"{source} is published on its own as well"
    for page in [*(built_site / language).rglob("index.html"), built_site / "404.html"]:
        own = [
            href for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', page.read_text(encoding="utf-8"))
            if "/stylesheets/main." not in href and "/stylesheets/palette." not in href
        ]
        assert [href.rsplit("/", 1)[-1] for href in own] == ["site.css"], page
