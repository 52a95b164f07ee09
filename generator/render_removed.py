"""Pages at the unversioned addresses of items a newer version removed (interventions and core elements).

An item's unversioned address was published while its version was current; when a newer version drops the item,
a bare 404 there would break every link people made. The page says in which version the item was removed (or
into which item it was merged) and why, as far as the change set's evidence says, and links to its last text
(pinned, never changes) and the change summary. Pure like `generator.render`: Markdown out, written by the
template `removed.md.j2`.
"""

from __future__ import annotations

from generator import pages
from generator.data.load import GuidelineVersion
from generator.render import RenderedPage, md_escape
from generator.render_changes import ChangesRenderer

#: The kinds of pages an item has of its own: (address template, data file).
OWN_PAGES = ((pages.INTERVENTION, "interventions.yaml"), (pages.CORE_ELEMENT, "core_elements.yaml"))


def _own_pages(version: GuidelineVersion) -> dict[str, tuple[str, str]]:
    """src_uri -> (item id, data file) of every item with a page of its own."""
    found = {}
    for item_id, location in pages.item_locations(version).items():
        for template, data_file in OWN_PAGES:
            if location.src_uri == template.format(id=item_id):
                found[location.src_uri] = (item_id, data_file)
    return found


def removed_pages(renderer: ChangesRenderer) -> list[RenderedPage]:
    """A page for every own-page item of an earlier current version that the current version no longer has."""
    guideline = renderer.guideline
    current = guideline.current
    still_published = _own_pages(current)
    # The newest version (up to the current one) that had each address, so the page names the latest text.
    last: dict[str, tuple[GuidelineVersion, str, str]] = {}
    for version in guideline.chronological():
        if version.meta.valid_from >= current.meta.valid_from:
            break
        for src_uri, (item_id, data_file) in _own_pages(version).items():
            if src_uri not in still_published:
                last[src_uri] = (version, item_id, data_file)
    result = []
    for src_uri, (version, item_id, data_file) in sorted(last.items()):
        changes = next(c for c in renderer.changesets if c.old == version.id)
        newer = guideline.version(changes.new)
        title = md_escape(renderer.label(version, item_id))
        merged_into = next((c for c in changes.changes if c.kind == "merged" and item_id in c.merged_from), None)
        removed = next((c for c in changes.changes if c.item_id == item_id and c.kind == "removed"), None)
        reason = merged_into or removed
        markdown = renderer.home.env.get_template("removed.md.j2").render(
            title=title,
            last=version,
            newer=newer,
            merged_into=None if merged_into is None else {
                "label": renderer.label(newer, merged_into.item_id), "link": renderer.link(newer, merged_into.item_id)
            },
            reasons=[renderer.evidence(item) for item in reason.evidence] if reason is not None else [],
            last_link=renderer.link(version, item_id),
            summary_link=pages.Location(pages.changes(changes.old, changes.new)).link(),
        )
        result.append(RenderedPage(src_uri, title, markdown, f"{version.id}/{data_file}"))
    return result

