"""The data mask a QR code must carry (ISO/IEC 18004:2015, 7.8.3: the one with the lowest penalty score), found
faster than segno finds it.

Every printed item page carries a QR code of its pinned address, and segno, choosing the mask, builds and scores
each of the eight masked matrices in pure Python, cell by cell: about a seventh of a whole build. This module
scores the same matrices a row at a time (rows as bit strings, runs and patterns found by `re` and `str.find`),
then masks segno's code with the winner and writes its format information with segno's own functions: the
result is the code segno makes, module for module, in about half the time (`site_tests/test_qr.py` compares
both on addresses of every length). The scoring follows segno's `mask_scores` exactly (including its reading of
the 1:1:3:1:1 rule), since the point is to pick the mask segno would pick."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable

import segno
from segno import encoder  # segno's matrix helpers; test_qr.py notices if a segno release changes them

#: N1: a run of five or more modules of one colour in a row or column scores its length - 2.
_RUN = re.compile(r"0{5,}|1{5,}")
#: N3: dark-light-dark-dark-dark-light-dark.
_FINDER_LIKE = "1011101"


def best_mask(code: segno.QRCode) -> int:
    """The mask ISO/IEC 18004 selects for the data of `code` (a QR code made with any mask)."""
    return _best_mask(_unmasked(code), len(code.matrix))


def with_best_mask(code: segno.QRCode) -> segno.QRCode:
    """`code` (made with any mask) masked as ISO/IEC 18004 selects, its data unmasked once for both steps."""
    size = len(code.matrix)
    rows = _unmasked(code)
    mask = _best_mask(rows, size)
    return code if mask == code.mask else _remask(code, rows, mask)


def remasked(code: segno.QRCode, mask: int) -> segno.QRCode:
    """`code` with its data masked by `mask` instead, and its format information saying so (what segno makes
    when told that mask, without encoding the data again)."""
    return _remask(code, _unmasked(code), mask)


def _best_mask(rows: list[int], size: int) -> int:
    data_cells = _layout(size)[1]
    scores = []
    for mask in range(8):
        masked = [rows[i] ^ _mask_row(mask, i, size, data_cells[i]) for i in range(size)]
        scores.append(_penalty(masked, size))
    return scores.index(min(scores))  # the first of equals, as segno chooses


def _remask(code: segno.QRCode, rows: list[int], mask: int) -> segno.QRCode:
    size = len(code.matrix)
    data_cells = _layout(size)[1]
    matrix = tuple(
        bytearray(format(rows[i] ^ _mask_row(mask, i, size, data_cells[i]), f"0{size}b").encode()).translate(_CELLS)
        for i in range(size)
    )
    encoder.add_format_info(matrix, code._version, code._error, mask)  # type: ignore[no-untyped-call]
    encoder.add_version_info(matrix, code._version)  # type: ignore[no-untyped-call]
    code.matrix, code.mask = matrix, mask
    return code


#: Bit-string characters to module values.
_CELLS = bytes.maketrans(b"01", b"\x00\x01")


def _unmasked(code: segno.QRCode) -> list[int]:
    """The rows of `code` before masking: its own mask undone on the data cells; elsewhere the function
    patterns, with the format and version areas still blank, as the standard scores them (they are written
    after masking)."""
    size = len(code.matrix)
    functions, data_cells = _layout(size)
    return [
        ((_bits(row) ^ _mask_row(code.mask, i, size, data_cells[i])) & data_cells[i]) | functions[i]
        for i, row in enumerate(code.matrix)
    ]


@functools.cache
def _layout(size: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Per row: the function patterns' modules (as bits, blank where data goes) and which cells hold data."""
    matrix = encoder.make_matrix(size, size)  # type: ignore[no-untyped-call]
    encoder.add_finder_patterns(matrix, size, size)  # type: ignore[no-untyped-call]
    encoder.add_alignment_patterns(matrix, size, size)  # type: ignore[no-untyped-call]
    # Still 0x2 ("not set") are the data cells; the format and version areas are reserved as 0x0.
    functions = tuple(_bits(1 if cell == 0x1 else 0 for cell in row) for row in matrix)
    data = tuple(_bits(1 if cell == 0x2 else 0 for cell in row) for row in matrix)
    return functions, data


def _bits(cells: Iterable[int]) -> int:
    """A row of 0/1 cells as an integer, the first cell the highest bit."""
    value = 0
    for cell in cells:
        value = (value << 1) | cell
    return value


@functools.cache
def _mask_row(mask: int, i: int, size: int, data: int) -> int:
    """The bits that `mask` flips in row `i` (only data cells are masked)."""
    condition = _MASKS[mask]
    return _bits(1 if condition(i, j) else 0 for j in range(size)) & data


#: The eight conditions of ISO/IEC 18004, table 10: the module at row i, column j is flipped where true.
_MASKS: tuple[Callable[[int, int], bool], ...] = (
    lambda i, j: (i + j) % 2 == 0,
    lambda i, j: i % 2 == 0,
    lambda i, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0,
    lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i + j) % 2 + (i * j) % 3) % 2 == 0,
)


def _penalty(rows: list[int], size: int) -> int:
    """The penalty score N1 + N2 + N3 + N4 of a matrix given as rows of bits."""
    texts = [format(row, f"0{size}b") for row in rows]
    # Every row and column in one string, each followed by a "2", so that no run or pattern spans two of them.
    lines = "2".join([*texts, *map("".join, zip(*texts, strict=True))]) + "2"
    runs = _RUN.findall(lines)
    score = sum(map(len, runs)) - 2 * len(runs)  # N1
    score += _finder_like(lines, size)  # N3
    full = (1 << size) - 1
    pairs = full >> 1  # neighbours j-1, j exist for size - 1 places
    for upper, lower in itertools.pairwise(rows):
        same = ~(upper ^ lower) & full
        block = same & (same >> 1) & ~(lower ^ (lower >> 1)) & pairs
        score += 3 * block.bit_count()  # N2: every 2x2 block of one colour
    dark = sum(row.bit_count() for row in rows)
    score += 10 * int(abs(dark / size**2 * 100 - 50) / 5)  # N4
    return score


def _finder_like(lines: str, size: int) -> int:
    """N3 of all rows and columns (`lines`: each `size` long, followed by a separator), as segno counts it: 40
    for each 1011101 with four light modules before or after it in its line (or at the line's edge); after a hit
    the search goes on behind it, otherwise from its fifth module."""
    count = 0
    found = lines.find(_FINDER_LIKE)
    while found != -1:
        start = found - found % (size + 1)
        index, end = found - start, found + 7
        if index in (0, size - 7) or "1" not in lines[max(found - 4, start):found] or "1" not in lines[end:min(end + 4, start + size)]:
            count += 40
        else:
            end = found + 4
        found = lines.find(_FINDER_LIKE, end)
    return count
