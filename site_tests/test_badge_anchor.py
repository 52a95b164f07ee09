"""A page's H1 anchor (its permalink) comes from its title alone: a badge after the title is not part of it."""

from __future__ import annotations

import re
from pathlib import Path

from generator.i18n import STRINGS

BADGED_H1 = re.compile(r'<h1 id="([^"]*)">(.*?)</h1>', re.DOTALL)


def test_the_h1_anchor_of_a_badged_page_holds_no_badge_word(built_site: Path) -> None:
    checked = 0
    for language in ("nl", "en"):
        badge_words = {
            word
            for key, text in STRINGS[language].items()
            if key.startswith("badge_") and key != "badge_link_title"
            for word in re.findall(r"\w+", text.lower())
        }
        for file in (built_site / language).rglob("index.html"):
            match = BADGED_H1.search(file.read_text(encoding="utf-8"))
            if not match or "gl-badge" not in match.group(2):
                continue
            title = re.sub(r"<[^>]+>", " ", match.group(2).split('class="gl-badge', 1)[0].rsplit("<", 1)[0]).lower()
            extra = set(match.group(1).split("-")) - set(re.findall(r"\w+", title))
            assert not extra & badge_words, (file, match.group(1))
            checked += 1
    assert checked >= 4  # badged pages exist in both languages
