"""The lines of a scan's text layer set level one by one.

An OCR program sets each line it read along that line's own baseline, as it stands on the scan.
On a page scanned askew all lines lean alike, and the page is turned level as a whole
(parsers.pdf.chars `_level`). A page scanned from a bound volume is warped instead: its lines
lean by different angles, or not at all, side by side (the real 1971 scan of resolution 2758
(XXVI) read by tesseract: 125 of 205 sampled glyphs level, the rest leaning 0.5-1 degree, the
left column's lines more than the right's). There the page's median lean is level, and a line
0.7 degrees off climbs 2 pt over a column, more than its glyphs' baselines may differ within a
line: "Генеральная Ассамб" and "лея —" became two lines, and a paragraph fell apart into pieces
out of order.

tesseract sets a leaning line in one of two ways, and both are met on one page:
- each word turned by the line's angle, its origin on the line: such words share the angle and
  the line's height at the page's left edge (the intercept), and are turned level about the
  line's first word;
- each word level, its origin where it stands on the sloping line: such words follow each other
  within a few spaces, their origins in a straight line, and are moved up or down onto the first
  word's baseline.
The first word stays where it is: a word of the line left out (another size, a raised mark) stays
beside it, as near as it was.
Only the text objects are moved, in memory, never the file; a page with no leaning line is left
as it is.
"""

from __future__ import annotations

import ctypes
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# A line leans when its angle is at least this (the page-wide lean's floor, parsers.pdf.chars
# MIN_TILT_DEGREES) and less than text set at an angle (10 degrees).
MIN_LEAN_DEGREES = 0.2
MAX_LEAN_DEGREES = 10.0
# Turned words are one line's when their angles differ by at most this (tesseract writes each
# word's matrix rounded: one line's words differ by up to 0.02 degrees) and their intercepts by at
# most INTERCEPT_SLACK points (one line's, by that rounding, up to 0.7 pt apart on the 1971 scan;
# the next line's are a whole line's pitch away).
SAME_ANGLE_DEGREES = 0.05
INTERCEPT_SLACK = 1.0
# Level words follow each other on a line when the next starts at most NEXT_WORD_EM ems after the
# end of one (a word space is a third of an em; a chain that crosses a gutter into a line of the
# other column at another height is not straight, below, and is left alone) and its origin is at
# most NEXT_RISE_EM higher or lower (a 50 pt word on a line 1 degree askew climbs 0.9 pt, a tenth
# of a 9 pt em; the next line is a whole em away),
NEXT_WORD_EM = 2.0
NEXT_RISE_EM = 0.3
# and is set in the same size, within SAME_SIZE (tesseract sizes a line's words alike; another
# OCR program's boxes of a Japanese page, 8 pt and 6 pt a point apart, are no line).
SAME_SIZE = 0.05
# A chain of level words is a line set along a slope when it holds at least MIN_CHAIN words, its
# origins lie within LINE_SLACK points of the straight line through its first and last word
# (tesseract's 0.1 pt rounding), and climb at least MIN_DRIFT_EM ems from end to end: a raised
# note mark or a word of another line breaks the straightness, and the chain is left as it is.
MIN_CHAIN = 3
LINE_SLACK = 0.3
MIN_DRIFT_EM = 0.1

Matrix = tuple[float, float, float, float, float, float]


@dataclass(frozen=True, slots=True)
class _Word:
    """A text object of the page: its handle, origin, angle (radians), right end and size."""

    handle: Any  # PDFium's FPDF_PAGEOBJECT
    x: float
    y: float
    angle: float
    right: float
    size: float


def level_lines(page: pdfium.PdfPage) -> int:
    """Set each leaning line of the page's text level (see the module's docstring), at the height
    of its first word, the one least moved; return how many words were moved."""
    words = _words(page)
    lean = math.radians(MIN_LEAN_DEGREES)
    turned = [w for w in words if lean <= abs(w.angle) < math.radians(MAX_LEAN_DEGREES)]
    level = [w for w in words if abs(w.angle) < lean]
    moved = 0
    for line in _turned_lines(turned):
        first = min(line, key=lambda w: w.x)
        matrix = turned_level(first.angle, first.x, first.y)
        for word in line:
            pdfium_c.FPDFPageObj_Transform(word.handle, *matrix)
        moved += len(line)
    for line in _sloping_chains(level):
        for word in line[1:]:
            pdfium_c.FPDFPageObj_Transform(word.handle, 1, 0, 0, 1, 0, line[0].y - word.y)
        moved += len(line) - 1
    return moved


def turned_level(lean: float, x: float, y: float) -> Matrix:
    """The matrix that turns what leans `lean` radians (anticlockwise) level about the point
    (x, y): (a, b, c, d, e, f), a point (x, y) going to (a x + c y + e, b x + d y + f)."""
    cos, sin = math.cos(lean), math.sin(lean)
    return cos, -sin, sin, cos, x - cos * x - sin * y, y + sin * x - cos * y


def text_object_boxes(page: pdfium.PdfPage) -> Iterator[tuple[Any, float, float, float, float]]:
    """Each text object of the page with a box, in drawing order: (handle, left, bottom, right,
    top), y growing upwards."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for k in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        handle = pdfium_c.FPDFPage_GetObject(page.raw, k)
        if pdfium_c.FPDFPageObj_GetType(handle) == pdfium_c.FPDF_PAGEOBJ_TEXT and pdfium_c.FPDFPageObj_GetBounds(
                handle, left, bottom, right, top):
            yield handle, left.value, bottom.value, right.value, top.value


def _words(page: pdfium.PdfPage) -> list[_Word]:
    """The page's text objects drawn upright (a matrix that does not mirror or stand them on end)."""
    words = []
    matrix = pdfium_c.FS_MATRIX()
    size = ctypes.c_float()
    for handle, _left, _bottom, right, _top in text_object_boxes(page):
        if (not pdfium_c.FPDFPageObj_GetMatrix(handle, matrix) or matrix.a <= 0 or matrix.d <= 0
                or not pdfium_c.FPDFTextObj_GetFontSize(handle, size)):
            continue
        height = size.value * math.hypot(matrix.c, matrix.d)
        if height > 0:
            words.append(_Word(handle, matrix.e, matrix.f, math.atan2(matrix.b, matrix.a), right, height))
    return words


@dataclass(slots=True)
class _TurnedLine:
    """A line of turned words as it is gathered: its last word's intercept, its angle, its words."""

    intercept: float
    angle: float
    words: list[_Word]


def _turned_lines(words: list[_Word]) -> list[list[_Word]]:
    """Turned words grouped into lines: the same angle and the same intercept (the height at which
    the line they stand on meets the page's left edge)."""
    lines: list[_TurnedLine] = []
    slack = math.radians(SAME_ANGLE_DEGREES)
    for intercept, word in sorted(((w.y - math.tan(w.angle) * w.x, w) for w in words), key=lambda item: item[0]):
        line = None
        for met in reversed(lines):  # sorted by intercept: the lines met last are the nearest
            if intercept - met.intercept > INTERCEPT_SLACK:
                break
            if abs(word.angle - met.angle) <= slack:
                line = met
                break
        if line is None:
            lines.append(_TurnedLine(intercept, word.angle, [word]))
        else:
            line.intercept = intercept
            line.words.append(word)
    return [line.words for line in lines]


def _sloping_chains(words: list[_Word]) -> list[list[_Word]]:
    """Level words that follow each other along one straight sloping line, left to right, each
    chain climbing at least MIN_DRIFT_EM from end to end."""
    by_height = sorted(words, key=lambda w: w.y)
    heights = [w.y for w in by_height]
    following: dict[int, _Word] = {}  # a word (by id) -> the next word on its line
    taken: set[int] = set()
    ordered = sorted(words, key=lambda w: w.x)
    for word in ordered:
        rise = NEXT_RISE_EM * word.size
        # the words about as high (a line's few, not the page's), the nearest after it that may follow
        near = by_height[bisect_left(heights, word.y - rise): bisect_right(heights, word.y + rise)]
        after = [other for other in near
                 if max(word.x, word.right - rise) < other.x <= word.right + NEXT_WORD_EM * word.size  # so no loop
                 and id(other) not in taken
                 and abs(other.size - word.size) <= SAME_SIZE * word.size]
        if after:
            nearest = min(after, key=lambda w: w.x)
            following[id(word)] = nearest
            taken.add(id(nearest))
    chains = []
    for word in ordered:
        if id(word) in taken or id(word) not in following:
            continue
        chain = [word]
        while id(chain[-1]) in following:
            chain.append(following[id(chain[-1])])
        if _straight_and_sloping(chain):
            chains.append(chain)
    # the words of each line set in another size ("a" sized apart from the words around it), on
    # the line: moved with it, else they would stand apart from it
    chained = {id(w) for chain in chains for w in chain}
    for chain in chains:
        first, last = chain[0], chain[-1]
        slope = (last.y - first.y) / (last.x - first.x)
        reach = NEXT_WORD_EM * first.size
        low, high = sorted((first.y - slope * reach, last.y + slope * reach))
        for other in by_height[bisect_left(heights, low - LINE_SLACK): bisect_right(heights, high + LINE_SLACK)]:
            if (id(other) not in chained and first.x - reach <= other.x <= last.right + reach
                    and abs(other.y - first.y - slope * (other.x - first.x)) <= LINE_SLACK):
                chain.append(other)
                chained.add(id(other))
    return chains


def _straight_and_sloping(chain: list[_Word]) -> bool:
    """Whether a chain of words is a line set along a slope (MIN_CHAIN, LINE_SLACK, MIN_DRIFT_EM)."""
    if len(chain) < MIN_CHAIN:
        return False
    first, last = chain[0], chain[-1]
    run = last.x - first.x
    if run <= 0 or abs(last.y - first.y) < MIN_DRIFT_EM * first.size:
        return False
    slope = (last.y - first.y) / run
    return all(abs(w.y - first.y - slope * (w.x - first.x)) <= LINE_SLACK for w in chain)
