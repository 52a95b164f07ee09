"""Embeddable pages: the current growth-model table, for RHO web pages (`<iframe src=…/embed/groeimodel-nl.html>`).

Each page is self-contained (inline styles, no scripts, no requests), carries the guideline version it shows and
links back to the full growth-model page.
"""

from __future__ import annotations

import jinja2

from generator import pages
from generator.data.load import Guideline
from generator.i18n import LANGUAGES, ui
from generator.render import TEMPLATES, Renderer


def embed_files(guideline: Guideline, site_root: str) -> dict[str, str]:
    """File name (below the site root) -> HTML, one growth-model page per language."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
    )
    template = env.get_template("embed_growth_model.html.j2")
    version = guideline.current
    growth = version.growth_model
    files = {}
    for language in LANGUAGES:
        renderer = Renderer(guideline, language)
        rows = [
            {
                "title": renderer.t(version.core_element(row.core_element).title),
                "cells": [
                    {
                        "symbol": renderer.symbol(cell.symbol).symbol if cell.symbol else None,
                        "text": renderer.cell_text(cell),
                    }
                    for cell in row.cells
                ],
            }
            for row in growth.rows
        ]
        files[pages.embed_growth_model(language)] = template.render(
            lang=language,
            title=renderer.t(growth.section.title),
            version_label=f"{renderer.t(version.meta.label)} ({renderer.t(version.document.version_line)})",
            core_element_label=ui(language, "core_element"),
            columns=[renderer.t(column.label) for column in growth.columns],
            rows=rows,
            legend=[{"symbol": s.symbol, "text": renderer.t(s.text_alternative)} for s in growth.legend],
            link=pages.under(site_root, pages.in_language(language, pages.GROWTH_MODEL)),
            link_text=ui(language, "embed_link"),
        )
    return files
