"""Which text object each character of a PDFium text page belongs to, asked of as few
characters as can tell (parsers.pdf.chars reads a page's characters with it), and the address of
a PDFium function, for the prototypes of our own that call it without argument conversion."""

from __future__ import annotations

import ctypes
import re
from itertools import repeat
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c


def pdfium_address(function: Any) -> int:
    """The address of a PDFium function, to call it through a prototype of our own."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    if address is None:
        raise ImportError("PDFium function not found")
    return address


# FPDFText_GetTextObject with a plain integer result (0 for no object) and no argument types, for
# map() over a page's indexes: the calls then run without a Python frame a character.
object_of = ctypes.CFUNCTYPE(ctypes.c_size_t)(pdfium_address(pdfium_c.FPDFText_GetTextObject))


# Characters whose bidirectional class makes PDFium reverse a stretch of a line in its char list
# (right-to-left marks and embeddings) besides the right-to-left letters, which already make a
# page not plain (parsers.pdf.chars._NOT_PLAIN).
REVERSING = re.compile("[\u200f\u202b\u202e\u2067]")


def in_content_order(textpage: pdfium.PdfTextPage, text: str) -> bool:
    """Whether PDFium's char list holds each text object's characters in one stretch, as on a
    plain page (`text`, without right-to-left letters) without right-to-left marks (`REVERSING`)
    in a document that does not ask to be read right to left (its viewer preferences'
    /Direction /R2L). PDFium appends an object's characters together
    (CPDF_TextPage::ProcessTextObject); only its bidirectional reordering of a line
    (CloseTempLine: right-to-left runs, and neutral ones after them or at the start of a line on
    a right-to-left page) can put one object's characters on either side of another's."""
    if REVERSING.search(text):
        return False
    buffer = ctypes.create_string_buffer(8)
    length = pdfium_c.FPDF_VIEWERREF_GetName(textpage.page.pdf.raw, b"Direction", buffer, len(buffer))
    return not (length and buffer.value == b"R2L")


def object_handles(page: ctypes.c_void_p, index: list[int], breaks: list[int]) -> tuple[list[int], list[int]]:
    """The text object of each char `index` (as `object_of` gives it, 0 for none) on a page whose
    objects each hold one stretch of characters (`in_content_order`), asked of a few characters:
    the first and last of each stretch between two characters PDFium generated (a line break, a
    space between two objects: where objects mostly change; `breaks` are the positions after
    them), and by bisection inside a stretch whose two ends are in different objects (an italic
    verb then the text: 860 of 3,800 objects of a 57-page report). There: 11.5k calls instead of
    165k, 0.043-0.075 s -> 0.007-0.015 s a document (measured). Also where the object changes
    (0 and the count at the ends), found on the way (7 ms when looked for in the 165k)."""
    count = len(index)
    starts = [0, *breaks]
    ends = [*map((-1).__add__, breaks), count - 1]
    firsts = list(map(object_of, repeat(page), map(index.__getitem__, starts)))
    lasts = list(map(object_of, repeat(page), map(index.__getitem__, ends)))
    handles: list[int] = []
    cuts = [0]
    before = firsts[0]
    for a, b, first, last in zip(starts, ends, firsts, lasts, strict=True):
        if first != before:
            cuts.append(a)
        while first != last:  # the objects change between a and b: where `first` ends, by bisection
            low, high, found = a, b, last
            while high - low > 1:
                middle = (low + high) // 2
                handle = object_of(page, index[middle])
                if handle == first:
                    low = middle
                else:
                    high, found = middle, handle
            handles += repeat(first, high - a)
            cuts.append(high)
            a, first = high, found
        handles += repeat(first, b - a + 1)  # one object (its characters are together) from a to b
        before = last
    cuts.append(count)
    return handles, cuts
