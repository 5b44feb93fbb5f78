"""The ruling lines of a PDF page, as PDFium draws them: the borders of a table's cells.

A rule is a thin horizontal or vertical stroke: a path object whose bounds are thin and long
(Word and LibreOffice print a cell border as a line or a thin filled rectangle), or a straight,
axis-aligned segment of a stroked path (a rectangle drawn around a cell). Curves, slanted lines
and filled shapes (an emblem, a shaded cell) are not rules. Only the page's own objects are read,
not those inside form XObjects. `parsers.pdf.tables` finds the tables these rules draw.

A horizontal rule drawn in a colour (not black, white or a grey) keeps its colour: Word and
LibreOffice print a tracked change's strike-through or underline in its author's colour, in the
colour of its text (`parsers.pdf.markup`).

Coordinates are points, y growing downwards from the top of the page (as `parsers.pdf.chars`).
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from itertools import compress, repeat
from typing import Any

import pypdfium2.raw as pdfium_c

from parsers.pdf.objects import pdfium_address

# A rule is at most this thick and at least this long (points).
RULE_MAX_THICKNESS = 2.5
RULE_MIN_LENGTH = 4.0
# A stroked path with more segments than this is a drawing, not borders: not read segment by segment.
MAX_SEGMENTS = 256
# Two coordinates this close (points) are one: a segment this far from axis-aligned is still a rule.
ALIGNED = 0.5


# A colour is chromatic when its channels (0-255) differ by at least this much: black, white and
# greys (table borders, separators, a form's entry lines) have none of their own.
CHROMA_MIN = 48

Colour = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal (top == bottom) or vertical (x0 == x1) ruling line; a horizontal one drawn in a
    colour has it (`CHROMA_MIN`), others have none."""

    x0: float
    top: float
    x1: float
    bottom: float
    colour: Colour | None = None

    @property
    def vertical(self) -> bool:
        return self.x1 - self.x0 < self.bottom - self.top


def page_rules(page: Any, height: float) -> tuple[Rule, ...]:
    """The rules drawn by the page's own path objects (`page`: PDFium's page handle). Every
    object's type is asked through map() (3 ms for a 57-page report's 3,800 objects, against
    8 ms through pypdfium2's bindings); only the path objects are looked at further."""
    pointer = ctypes.c_void_p(ctypes.cast(page, ctypes.c_void_p).value)
    objects = list(map(ctypes.c_void_p, map(_object_at, repeat(pointer), range(_count_objects(pointer)))))
    paths = compress(objects, map(_PATH.__eq__, map(_object_type, objects)))
    rules: list[Rule] = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for path in paths:
        obj = ctypes.cast(path, pdfium_c.FPDF_PAGEOBJECT)
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        x0, x1, y0, y1 = left.value, right.value, height - top.value, height - bottom.value
        rule = _thin(x0, y0, x1, y1)
        if rule is not None:
            if rule.top == rule.bottom and (colour := _colour(obj)) is not None:
                rule = Rule(rule.x0, rule.top, rule.x1, rule.bottom, colour)
            rules.append(rule)
        elif _stroked(obj):
            rules.extend(_segments(obj, height))
    return tuple(rules)


# Prototypes without argument types (the pointers are passed as c_void_p), for map() over a
# page's objects.
_count_objects = ctypes.CFUNCTYPE(ctypes.c_int)(pdfium_address(pdfium_c.FPDFPage_CountObjects))
_object_at = ctypes.CFUNCTYPE(ctypes.c_void_p)(pdfium_address(pdfium_c.FPDFPage_GetObject))
_object_type = ctypes.CFUNCTYPE(ctypes.c_int)(pdfium_address(pdfium_c.FPDFPageObj_GetType))
_PATH: int = pdfium_c.FPDF_PAGEOBJ_PATH


def _thin(x0: float, top: float, x1: float, bottom: float, thickness: float = RULE_MAX_THICKNESS) -> Rule | None:
    """A box at most `thickness` thin and long enough to be a rule, as the rule along its middle."""
    if x1 - x0 <= thickness and bottom - top >= RULE_MIN_LENGTH:
        middle = (x0 + x1) / 2
        return Rule(middle, top, middle, bottom)
    if bottom - top <= thickness and x1 - x0 >= RULE_MIN_LENGTH:
        middle = (top + bottom) / 2
        return Rule(x0, middle, x1, middle)
    return None


def _colour(obj: Any) -> Colour | None:
    """The colour a path is drawn in (its stroke's when stroked, else its fill's), when chromatic."""
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    ask = pdfium_c.FPDFPageObj_GetStrokeColor if _stroked(obj) else pdfium_c.FPDFPageObj_GetFillColor
    if not ask(obj, red, green, blue, alpha):
        return None
    colour = (red.value, green.value, blue.value)
    return colour if max(colour) - min(colour) >= CHROMA_MIN else None


def _stroked(obj: Any) -> bool:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    return bool(pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke)) and bool(stroke.value)


def _segments(obj: Any, height: float) -> list[Rule]:
    """The axis-aligned straight segments of a stroked path long enough to be rules, in page
    coordinates (the path's points are in its own space: its matrix places them)."""
    count = pdfium_c.FPDFPath_CountSegments(obj)
    if count <= 1 or count > MAX_SEGMENTS:
        return []
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
        return []
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float, int, bool]] = []
    for index in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        if not segment or not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            return []
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        page_x = matrix.a * x.value + matrix.c * y.value + matrix.e
        page_y = height - (matrix.b * x.value + matrix.d * y.value + matrix.f)
        points.append((page_x, page_y, kind, bool(pdfium_c.FPDFPathSegment_GetClose(segment))))
    rules: list[Rule] = []
    start = previous = None
    for px, py, kind, closes in points:
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or previous is None:
            start = previous = (px, py)
            continue
        if kind == pdfium_c.FPDF_SEGMENT_LINETO:
            rules.extend(_line(previous, (px, py)))
        previous = (px, py)  # a curve's end: the next segment starts there, the curve is no rule
        if closes and start is not None:
            rules.extend(_line(previous, start))
            previous = start
    return rules


def _line(a: tuple[float, float], b: tuple[float, float]) -> list[Rule]:
    """The segment from `a` to `b` as a rule, when it is one (`_thin` of its box, almost flat)."""
    (ax, ay), (bx, by) = a, b
    rule = _thin(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by), ALIGNED)
    return [rule] if rule is not None else []
