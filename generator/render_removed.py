"""Pages at the unversioned addresses of items a newer version removed (interventions and core elements).

An item's unversioned address was published while its version was current; when a newer version drops the item,
a bare 404 there would break every link people made. The page says in which version the item was removed (or
into which item it was merged) and why, as far as the change set's evidence says, and links to its last text
(pinned, never changes) and the change summary. Pure like `generator.render`: Markdown out.
"""

from __future__ import annotations

from generator import pages
from generator.data.load import GuidelineVersion
from generator.diff import Change
from generator.i18n import ui
from generator.render import RenderedPage, long_date, md_escape
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
    guideline, language = renderer.guideline, renderer.language
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
        lines = [f"# {title}", ""]
        if merged_into is not None:
            target = renderer.link(newer, merged_into.item_id)
            name = md_escape(renderer.label(newer, merged_into.item_id))
            notice = ui(language, "removed_merged", version=renderer.t(newer.meta.label), item=f"[{name}]({target})")
        else:
            notice = ui(language, "removed_notice", version=renderer.t(newer.meta.label))
        valid = long_date(newer.meta.valid_from, language)
        lines += ['!!! info ""', "", f"    {notice} {ui(language, 'removed_valid_from', date=valid)}", ""]
        lines += [f"## {ui(language, 'removed_why')}", "", *_reasons(renderer, merged_into or removed), ""]
        last_link = renderer.link(version, item_id)
        summary_link = pages.Location(pages.changes(changes.old, changes.new)).link()
        summary = ui(language, "removed_summary", old=renderer.t(version.meta.label), new=renderer.t(newer.meta.label))
        last_text = ui(language, "removed_last_text", version=renderer.t(version.meta.label))
        lines += [f"[{last_text}]({last_link}){{ .md-button }} [{summary}]({summary_link}){{ .md-button }}", ""]
        result.append(RenderedPage(src_uri, title, "\n".join(lines), f"{version.id}/{data_file}"))
    return result


def _reasons(renderer: ChangesRenderer, change: Change | None) -> list[str]:
    """The evidence of the change as a list, or the statement that the sources give no reason."""
    evidence = list(change.evidence) if change is not None else []
    if not evidence:
        return [ui(renderer.language, "removed_no_reason")]
    return [f"- {renderer.evidence(item)}" for item in evidence]
