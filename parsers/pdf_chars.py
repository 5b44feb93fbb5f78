"""Characters of a PDF page, as PDFium sees them: text, horizontal extent, baseline, size, font.

The one model both engines produce (`parsers.pdf_plumber` makes the same `Char`s with
pdfplumber), so line building, furniture removal and paragraph making are shared and the two
engines can be compared block for block. Coordinates are points, y growing downwards from the top
of the page, as a reader looks at it.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# PDF font descriptor flag for italic fonts (PDF 32000-1, table 123, bit 7).
FLAG_ITALIC = 64
# ... and for bold rendering of a regular font (bit 19).
FLAG_FORCE_BOLD = 262144
# A weight PDFium reports at or above this is bold (CSS/OpenType: 600 is semibold).
BOLD_WEIGHT = 600
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi|-bd\b|,bd\b", re.IGNORECASE)
_ITALIC_NAME = re.compile(r"italic|oblique|-it\b|,it\b|-bdit\b|kursiv", re.IGNORECASE)
# Barcode fonts print the job number as bars; their glyphs are never text.
BARCODE_FONT = re.compile(r"barcode|3of9|code ?39|code ?128|idautomation|c39", re.IGNORECASE)
FONT_NAME_BUFFER = 256


@dataclass(frozen=True, slots=True)
class Char:
    """One glyph's text. `baseline` is the y of its origin; `size` its font size in points."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    font: str
    bold: bool
    italic: bool


@dataclass(frozen=True, slots=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    chars: tuple[Char, ...]


def font_style(name: str, flags: int = 0, weight: int = -1) -> tuple[str, bool, bool]:
    """(clean name, bold, italic) from a font's base name ("ABCDEF+TimesNewRomanPS-BoldItalicMT"),
    its descriptor flags and its weight when the file states them."""
    clean = _SUBSET_PREFIX.sub("", name)
    bold = bool(_BOLD_NAME.search(clean)) or bool(flags & FLAG_FORCE_BOLD) or weight >= BOLD_WEIGHT
    italic = bool(_ITALIC_NAME.search(clean)) or bool(flags & FLAG_ITALIC)
    return clean, bold, italic


def is_text_char(text: str) -> bool:
    """False for the control characters some files map glyphs to (PDFium's 0x02, its mark for a
    hyphen ending a line, is kept: the line builder turns it back into "-")."""
    return bool(text) and (text >= " " or text in "\x02\t")


def pdfium_pages(document: pdfium.PdfDocument) -> Iterator[Page]:
    """Yield every page's characters, skipping the line breaks and spaces PDFium generates."""
    for index in range(len(document)):
        page = document[index]
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                chars = tuple(_pdfium_chars(textpage, height))
            finally:
                textpage.close()
        finally:
            page.close()
        yield Page(index + 1, width, height, chars)


def _pdfium_chars(textpage: pdfium.PdfTextPage, height: float) -> Iterator[Char]:
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    name_buffer = ctypes.create_string_buffer(FONT_NAME_BUFFER)
    flags = ctypes.c_int()
    fonts: dict[tuple[bytes, int], tuple[str, bool, bool]] = {}
    # bound once: this loop runs for every character of the document
    is_generated, get_unicode = pdfium_c.FPDFText_IsGenerated, pdfium_c.FPDFText_GetUnicode
    get_box, get_origin = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetCharOrigin
    get_matrix, get_size = pdfium_c.FPDFText_GetMatrix, pdfium_c.FPDFText_GetFontSize
    get_font = pdfium_c.FPDFText_GetFontInfo
    hypot = math.hypot
    pending_high = 0
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        if is_generated(raw, i):
            continue
        code = get_unicode(raw, i)
        if 0xD800 <= code < 0xDC00:  # a surrogate pair arrives as two chars
            pending_high = code
            continue
        if 0xDC00 <= code < 0xE000 and pending_high:
            code = 0x10000 + ((pending_high - 0xD800) << 10) + (code - 0xDC00)
        pending_high = 0
        text = chr(code)
        if not is_text_char(text):
            continue
        get_box(raw, i, rect)
        get_origin(raw, i, ox, oy)
        # the font size times the vertical scale of the text matrix ("1 Tf" with a 12x matrix)
        get_matrix(raw, i, matrix)
        if abs(matrix.b) > abs(matrix.a) or matrix.a < 0:
            continue  # set vertically or upside down: margin notes and stamps, not body text
        size = get_size(raw, i) * (hypot(matrix.c, matrix.d) or 1.0)
        get_font(raw, i, name_buffer, FONT_NAME_BUFFER, flags)
        key = (name_buffer.value, flags.value)
        style = fonts.get(key)
        if style is None:
            weight = pdfium_c.FPDFText_GetFontWeight(raw, i)
            style = fonts[key] = font_style(key[0].decode("utf-8", "replace"), key[1], weight)
        x0, x1 = rect.left, rect.right
        if x1 < x0:
            x0, x1 = x1, x0
        yield Char(text, x0, x1, height - oy.value, size, *style)
