"""Markup snippets that Python fills in: the macros of a template in `generator/templates/` called as functions.

Some markup is made inside Python's work rather than by a page template: a badge or an item link put into a text,
a footnote marker, the words of a redline. Python decides which snippet and with which values; the template holds
the markup, so markup is read and changed in templates only.
"""

from __future__ import annotations

import functools
import html
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).parent / "templates"


@functools.cache
def _macros(template: str) -> Any:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined, autoescape=False
    )
    # Escaping as the standard library does (quotes as `&quot;` and `&#x27;`), as the pages always had it.
    env.filters["html_escape"] = html.escape
    return env.get_template(template).module


def snippet(template: str, name: str, *values: object) -> str:
    """The macro `name` of `template` (a file in `generator/templates/`) filled with `values`."""
    return str(getattr(_macros(template), name)(*values))
