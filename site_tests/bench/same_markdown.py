"""The build benchmark's baseline: plain MkDocs with Material building *our own* Markdown.

The core writes each language's docs tree (generator/docs_tree.py: the pages as the plugin hands them to MkDocs,
hand-written pages with their directives expanded, the navigation); plain Material builds it with our Markdown
extensions and theme features, Material's own search plugin (as Material comes; our build indexes with Pagefind
instead), and none of our plugin, templates or scripts. Against this, our build differs in our own work only:
loading and checking the data, rendering the tree, our templates (link box, print header, QR codes), the Pagefind
index, the API, feeds and root files. The same Markdown converts at the same cost in both, so the ratio is like
for like. A site of generated paragraphs of the same length (`plain_material_project`) converts several times
faster per character than our tables, lists and links (Python-Markdown alone, 2026-2027 data: 3.7 times), which
is a difference in content, not in our code.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.data.load import Guideline
from generator.docs_tree import docs_tree, write_docs_tree
from generator.languages import LANGUAGES
from site_tests.conftest import ROOT, mkdocs_yml


def same_markdown_configs(guideline: Guideline, folder: Path, site_url: str, project: Path = ROOT) -> list[Path]:
    """One plain MkDocs configuration per language, over that language's docs tree (of `guideline` and the
    hand-written pages of `project`) written into `folder`."""
    ours = mkdocs_yml()
    theme = ours["theme"]
    assert isinstance(theme, dict)
    configs = []
    for language in LANGUAGES:
        tree_folder = folder / language
        write_docs_tree(docs_tree(guideline, language, site_url, site_url), project / "content", tree_folder)
        site = yaml.safe_load((tree_folder / "site.yml").read_text(encoding="utf-8"))
        config = {
            "site_name": "same Markdown", "site_url": f"{site_url.rstrip('/')}/{language}/",
            "docs_dir": str(tree_folder / "docs"), "use_directory_urls": True,
            "theme": {"name": "material", "language": language, "font": False, "features": list(theme["features"])},
            "plugins": ["search"], "markdown_extensions": ours["markdown_extensions"], "nav": site["nav"],
            "not_in_nav": "\n".join(f"/{src_uri}" for src_uri in site["not_in_nav"]),
        }
        config_file = tree_folder / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        configs.append(config_file)
    return configs
