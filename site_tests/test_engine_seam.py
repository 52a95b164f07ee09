"""The engine seam: the core writes one language's complete docs tree (Markdown with front matter, navigation,
each page's context), and plain MkDocs with Material builds it without our plugin. What a move to another engine
would touch is in the README ("Moving to another engine")."""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.data.load import load_guideline
from generator.docs_tree import docs_tree, write_docs_tree
from generator.languages import DEFAULT_LANGUAGE
from site_tests.conftest import mkdocs_yml

SITE_URL = "https://example.org/mtvp/"


def test_plain_mkdocs_and_material_build_the_core_docs_tree(synthetic_project: Path, tmp_path: Path) -> None:
    guideline = load_guideline(synthetic_project / "guideline_data", root=synthetic_project)
    language = DEFAULT_LANGUAGE
    tree = docs_tree(guideline, language, SITE_URL, SITE_URL)
    folder = tmp_path / "tree"
    write_docs_tree(tree, synthetic_project / "content", folder)
    site = yaml.safe_load((folder / "site.yml").read_text(encoding="utf-8"))
    ours = mkdocs_yml()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        yaml.safe_dump(
            {
                "site_name": "tree", "site_url": f"{SITE_URL}{language}/", "docs_dir": str(folder / "docs"),
                "site_dir": str(tmp_path / "site"), "strict": True, "use_directory_urls": True,
                # Material as it comes: no custom_dir, no plugin of ours, not even search.
                "theme": {"name": "material", "language": language, "font": False}, "plugins": [],
                "markdown_extensions": ours["markdown_extensions"], "validation": ours["validation"],
                "nav": site["nav"], "not_in_nav": "\n".join(f"/{src_uri}" for src_uri in site["not_in_nav"]),
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    config = load_config(str(config_file))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)  # strict: a broken link, a missing page or a page left out of the navigation fails it
    finally:
        config.plugins.on_shutdown()
    built = tmp_path / "site"
    for page in tree.pages:
        html = built / page.src_uri.replace(".md", ".html")
        assert html.is_file(), page.src_uri
    intervention = (built / "interventies" / "samen-plannen" / "index.html").read_text(encoding="utf-8")
    assert f"Samen plannen ({language})" in intervention
    assert (built / "cyclus" / "mtvp-cyclus.ics").is_file() and (built / "plan" / "data.json").is_file()
    context = yaml.safe_load((folder / "context.yml").read_text(encoding="utf-8"))
    assert context["interventies/samen-plannen/index.md"]["lang"] == language
    assert context["interventies/samen-plannen/index.md"]["version"]["id"] == guideline.current.id
