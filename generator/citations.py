"""What a page cites for the text it shows: the source page, and for a reconstructed version the evidence.

A reconstructed version keeps the 2026-2027 wording only where a source states it; everywhere else its text is
"not known". So the source line under a text cites the 2026-2027 document (with its page) only for a text the
reconstruction knows, and otherwise says that the text is not known and names the evidence for what the page does
show (a title, a symbol, that the item existed). Pure: Markdown out.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlparse

from pydantic import BaseModel

from generator.data import models as m
from generator.data.load import GuidelineVersion
from generator.i18n import Language, ui
from generator.languages import DEFAULT_LANGUAGE
from generator.snippets import snippet


def cite(evidence: m.Evidence, language: Language) -> str:
    """One piece of evidence, short: "Public source (rohamsterdam.nl, legend under the table)"."""
    tag = ui(language, f"evidence_{evidence.tag}")
    where = f", {evidence.locator.get(language)}" if evidence.locator else ""
    if isinstance(evidence.basis, m.Text):
        return f"{tag} ({evidence.basis.get(language)}{where})"
    basis = evidence.basis
    if basis.startswith(("http://", "https://")):
        basis = snippet("_inline.md.j2", "source_link", urlparse(basis).netloc.removeprefix("www."), basis)
    elif language != DEFAULT_LANGUAGE:
        # A document's title is a name in its own language (the sources are in the guideline's language): marked
        # so, not translated.
        basis = snippet("_inline.md.j2", "in_language", DEFAULT_LANGUAGE, basis)
    return f"{tag} ({basis}{where})"


def _owners(version: GuidelineVersion) -> dict[int, str | None]:
    """`id()` of every source reference -> the id of the nearest item around it (None outside any item)."""
    found: dict[int, str | None] = {}

    def visit(value: object, owner: str | None) -> None:
        if isinstance(value, BaseModel):
            item_id = value.__dict__.get("id")
            owner = item_id if isinstance(item_id, str) else owner
            for name in type(value).model_fields:
                child = getattr(value, name)
                if isinstance(child, m.SourceRef):
                    found[id(child)] = owner
                else:
                    visit(child, owner)
        elif isinstance(value, list):
            for child in value:
                visit(child, owner)

    for name in m.VERSION_FILES:
        visit(getattr(version, name.removesuffix(".yaml")), None)
    return found


class Citations:
    """The source lines of one version in one language."""

    def __init__(self, version: GuidelineVersion, language: Language, t: Callable[[m.Text | None], str]) -> None:
        self.version = version
        self.language = language
        self.t = t
        self.owners = _owners(version) if version.reconstruction is not None else {}

    def status(self, ref: m.SourceRef) -> str:
        """`official`, or for a reconstruction the status of the text the reference belongs to."""
        reconstruction = self.version.reconstruction
        if reconstruction is None:
            return "official"
        owner = self.owners.get(id(ref))
        return reconstruction.status.get(owner, "unknown") if owner else "unknown"

    def source(self, ref: m.SourceRef) -> str:
        """The source line (Markdown) for a text with this reference."""
        status = self.status(ref)
        if status == "official":
            return self._page(ref)
        reconstruction = self.version.reconstruction
        assert reconstruction is not None
        owner = self.owners.get(id(ref))
        evidence = reconstruction.evidence.get(owner, []) if owner else []
        cited = "; ".join(dict.fromkeys(cite(e, self.language) for e in evidence))
        if status == "known":
            parts = [self._page(ref, kept=True)]
        else:
            parts = [ui(self.language, "source_changed" if status == "changed" else "source_not_known")]
        if cited:
            parts.append(f"{ui(self.language, 'evidence')}: {cited}")
        return " · ".join(parts)

    def _page(self, ref: m.SourceRef, kept: bool = False) -> str:
        document_id = ref.document or self.version.meta.primary_source
        if not kept and document_id == self.version.meta.primary_source:
            return ui(self.language, "source_page", page=ref.page)
        document = next(s for s in self.version.meta.sources if s.id == document_id)
        key = "source_kept" if kept else "source_page_document"
        return ui(self.language, key, document=self.t(document.title), page=ref.page)
