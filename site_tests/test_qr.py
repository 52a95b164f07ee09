"""The QR codes on printed pages are segno's own: `generator.qr_mask` only finds the mask faster, and must find
the one segno (and ISO/IEC 18004, 7.8.3) selects, or the codes would differ from the standard's choice."""

from __future__ import annotations

import io
import random
import string

import segno

from generator.qr import qr_svg
from generator.qr_mask import best_mask, remasked


def addresses() -> list[str]:
    """Addresses like the site's pinned ones, of every length from a small to a large QR code version, and
    random paths (a fixed seed, so a failure can be reproduced)."""
    chooser = random.Random(18004)
    letters = string.ascii_lowercase + "-"
    found = []
    for length in range(0, 160, 3):
        slug = "".join(chooser.choice(letters) for _ in range(length))
        found.append(f"https://example.org/mtvp/{chooser.choice(['nl', 'en'])}/2026-2027/interventies/{slug}/")
    found += ["http://127.0.0.1:8000/", "https://a.b/", "https://example.org/" + "x" * 300]
    return found


def test_the_mask_found_is_the_one_segno_selects_for_every_address() -> None:
    wrong = [
        address for address in addresses()
        if best_mask(segno.make(address, error="m", micro=False, mask=0)) != segno.make(address, error="m", micro=False).mask
    ]
    assert not wrong


def test_a_remasked_code_is_the_code_segno_makes_with_that_mask() -> None:
    for address in addresses():
        first = segno.make(address, error="m", micro=False, mask=0)
        for mask in (best_mask(first), 5):
            made = segno.make(address, error="m", micro=False, mask=mask)
            changed = remasked(segno.make(address, error="m", micro=False, mask=0), mask)
            assert (changed.matrix, changed.mask) == (made.matrix, made.mask), (address, mask)


def test_a_printed_qr_code_is_segnos_own_code_module_for_module() -> None:
    for address in addresses()[::10]:
        out = io.BytesIO()
        segno.make(address, error="m", micro=False).save(
            out, kind="svg", xmldecl=False, svgns=False, border=2, omitsize=True, svgclass="gl-qr", lineclass=None
        )
        assert qr_svg(address) == out.getvalue().decode("utf-8").replace(
            "<svg ", '<svg aria-hidden="true" focusable="false" ', 1
        )


def test_the_mask_check_notices_a_wrong_choice() -> None:
    """The comparison above can fail: a code made with another mask than segno's is told apart."""
    address = addresses()[20]
    chosen = segno.make(address, error="m", micro=False).mask
    other = segno.make(address, error="m", micro=False, mask=(chosen + 1) % 8)
    assert other.mask != chosen and best_mask(other) == chosen
