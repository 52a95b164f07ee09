"""QR codes of page addresses as inline SVG, made at build time (segno, pure Python): nothing is fetched when a
page is printed, and no request leaves the site's origin."""

from __future__ import annotations

import functools
import io

import segno

from generator.qr_mask import with_best_mask


@functools.cache
def qr_svg(address: str) -> str:
    """An inline `<svg>` element encoding `address`, sized by the stylesheet. Hidden from assistive technology:
    the printed address stands next to it in words."""
    code = with_best_mask(segno.make(address, error="m", micro=False, mask=0))
    out = io.BytesIO()
    code.save(out, kind="svg", xmldecl=False, svgns=False, border=2, omitsize=True, svgclass="gl-qr", lineclass=None)
    return out.getvalue().decode("utf-8").replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
