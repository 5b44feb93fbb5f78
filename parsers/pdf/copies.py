"""Lines PDFium's text page leaves out as copies of the line above, read back.

PDFium leaves a text object out of its text page when one of the five text objects drawn before
it has the same character codes at the same size, their boxes overlapping, no further off than an
eighth of the earlier box's longer side (CPDF_TextPage::IsSameAsPreTextObject). That is meant for
text drawn twice to look bold; it also drops a wide line that repeats a line just above: a
justified Arabic line LibreOffice draws as one object under the same words, a rule of underscores
under another. Such a line is lost in silence by any reader of PDFium's text.

The text objects no character of the text page belongs to are found on the page; one with a box
that matches an earlier object's (the same width and left, the same font size) on another line is
that object again: its characters are the earlier object's, moved down to it (parsers.pdf.chars
moves them). A copy on the same line (less than a point away: the bold effect) stays out, as
PDFium leaves it. What cannot be matched is counted, to be reported."""

from __future__ import annotations

import ctypes
from itertools import repeat
from typing import NamedTuple

import pypdfium2.raw as pdfium_c

from parsers.pdf.objects import pdfium_address

# How far back PDFium looks for an object the same (IsSameAsPreTextObject: five text objects).
LOOK_BACK = 5
# Two boxes are one object drawn again when their widths and lefts differ by at most this (points)
# ... and another line when their bottoms differ by at least this: a nearer copy is the bold effect.
SAME_BOX = 0.5
OTHER_LINE = 1.0

_count_objects = ctypes.CFUNCTYPE(ctypes.c_int)(pdfium_address(pdfium_c.FPDFPage_CountObjects))
_object_at = ctypes.CFUNCTYPE(ctypes.c_size_t)(pdfium_address(pdfium_c.FPDFPage_GetObject))
_object_type = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_size_t)(pdfium_address(pdfium_c.FPDFPageObj_GetType))
_FLOAT_AT = ctypes.POINTER(ctypes.c_float)
_object_bounds = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_size_t, *[_FLOAT_AT] * 4)(
    pdfium_address(pdfium_c.FPDFPageObj_GetBounds))
_object_matrix = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_size_t, ctypes.c_void_p)(
    pdfium_address(pdfium_c.FPDFPageObj_GetMatrix))
_text_size = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_size_t, _FLOAT_AT)(pdfium_address(pdfium_c.FPDFTextObj_GetFontSize))


class Box(NamedTuple):
    """A page object's bounds, y growing upwards (PDF space)."""

    left: float
    bottom: float
    right: float
    top: float


def text_objects(page: ctypes.c_void_p) -> list[int]:
    """The addresses of the page's text objects, in drawing order (top level: where PDFium looks
    for copies)."""
    count = _count_objects(page)
    if count <= 0:
        return []
    objects = list(map(_object_at, repeat(page), range(count)))
    return [o for o, kind in zip(objects, map(_object_type, objects), strict=True) if kind == pdfium_c.FPDF_PAGEOBJ_TEXT]


class Copy(NamedTuple):
    """A left-out text object read as the object drawn in `source` on the baseline `origin` (PDF
    space, y upwards) moved `dx` right and `down`."""

    source: Box
    origin: float
    dx: float
    down: float


def left_out(page: ctypes.c_void_p, seen: set[int]) -> tuple[list[Copy], int]:
    """The text objects PDFium's text page left out as copies of an earlier one on another line,
    in drawing order (`seen`: the objects its characters belong to; the earlier object may be
    one of these copies), and how many left-out objects with text could not be matched."""
    objects = text_objects(page)
    if seen.issuperset(objects):
        return [], 0
    copies: list[Copy] = []
    read = set(seen)
    unread = 0
    for k, obj in enumerate(objects):
        if obj in seen:
            continue
        box = _bounds(obj)
        if box is None:  # nothing drawn (spaces only): nothing lost
            continue
        size = _font_size(obj)
        found = False
        for earlier in objects[max(0, k - LOOK_BACK): k][::-1]:
            other = _bounds(earlier)
            if other is None or _font_size(earlier) != size or not _same_box(box, other):
                continue
            if abs(box.bottom - other.bottom) < OTHER_LINE:
                found = True  # drawn again to look bold: left out
                break
            if earlier in read:
                copies.append(Copy(other, _origin(earlier), box.left - other.left, other.bottom - box.bottom))
                read.add(obj)
                found = True
                break
        unread += not found
    return copies, unread


def _same_box(box: Box, other: Box) -> bool:
    return (abs((box.right - box.left) - (other.right - other.left)) <= SAME_BOX
            and abs(box.left - other.left) <= SAME_BOX)


def _bounds(obj: int) -> Box | None:
    """The object's box, None when it covers no area (a text object of spaces)."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not _object_bounds(obj, left, bottom, right, top):
        return None
    box = Box(left.value, bottom.value, right.value, top.value)
    return box if box.right - box.left > SAME_BOX and box.top - box.bottom > SAME_BOX else None


def _origin(obj: int) -> float:
    """The y of the object's text origin: its first glyph's baseline."""
    matrix = pdfium_c.FS_MATRIX()
    _object_matrix(obj, ctypes.byref(matrix))
    return float(matrix.f)


def _font_size(obj: int) -> float:
    size = ctypes.c_float()
    _text_size(obj, size)
    return round(size.value, 3)
