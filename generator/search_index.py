"""What the search index gets besides the pages' text: aliases per page, and what it leaves out.

Pagefind indexes each language's pages after the build (`generator.site.index_search`). Two things are decided
here, in the pure core, so that templates and the indexer only apply them:

- the search aliases of `guideline_data/search_aliases.yaml` for each page of the current version, given to the
  page as Pagefind metadata (`aliases`), which Pagefind searches and weights but never shows as text;
- the core element of each intervention page, given as metadata (`element`) that each result shows;
- the parts of an article that are not its text (heading permalinks, bylines, badges, source lines, footnote
  markers), left out of the index so that excerpts start with the guideline's words.
"""

from __future__ import annotations

from generator.data.load import Guideline, GuidelineVersion
from generator.pages import INTERVENTION, item_locations
from generator.render import plain_title

#: Pagefind's `--exclude-selectors`: page furniture inside the article that is not text to search or show.
EXCLUDED_SELECTORS = (
    ".headerlink",  # the "¶" permalink after every heading
    ".gl-meta",  # bylines: "Interventie 11 van kernelement …"
    ".gl-source",  # source lines: "Bron: pagina 6"
    ".gl-badge",  # "nieuw" / "gewijzigd" (the results show badges from metadata)
    ".footnote-ref",  # footnote numbers glued to words
    ".footnote-backref",
)


def page_aliases(guideline: Guideline, language: str) -> dict[str, str]:
    """The alias words of each current page (by MkDocs source path), in one line for the `aliases` metadata."""
    locations = item_locations(guideline.current)
    found: dict[str, list[str]] = {}
    for alias in guideline.search_aliases:
        found.setdefault(locations[alias.id].src_uri, []).extend(getattr(alias, language))
    return {src_uri: ", ".join(dict.fromkeys(terms)) for src_uri, terms in found.items()}


def page_core_elements(version: GuidelineVersion, language: str, prefix: str = "") -> dict[str, str]:
    """The title of the core element of each intervention page of `version` (by MkDocs source path, below
    `prefix` for pinned pages), for the `element` metadata that a search result shows. A reconstructed version
    whose core element title is not known gives none."""
    titles = {
        element.id: plain_title(element.title.get(language))
        for element in version.core_elements.core_elements
        if not element.title.unknown
    }
    return {
        prefix + INTERVENTION.format(id=intervention.id): titles[intervention.core_element]
        for intervention in version.interventions.interventions
        if intervention.core_element in titles
    }
