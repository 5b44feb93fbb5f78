"""Characters of a PDF page, as PDFium sees them: text, horizontal extent, baseline, size, font.

The one model both engines produce (`parsers.pdf.plumber` makes the same `Char`s with
pdfplumber), so line building, furniture removal and paragraph making are shared and the two
engines can be compared block for block. Coordinates are points, y growing downwards from the top
of the page, as a reader looks at it.
"""

from __future__ import annotations

import ctypes
import math
import re
import statistics
import unicodedata
from bisect import bisect_left
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from itertools import accumulate, chain, compress, islice, repeat
from operator import gt, lt, ne, sub
from typing import Any, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsers.pdf.annotations import annotation_texts
from parsers.pdf.copies import Box, Copy, left_out
from parsers.pdf.markup import Marked, tracked_changes
from parsers.pdf.objects import in_content_order, object_handles, object_of, pdfium_address
from parsers.pdf.ocr_lines import level_lines, text_object_boxes, turned_level
from parsers.pdf.rules import Colour, Rule, page_rules

# PDF font descriptor flag for italic fonts (PDF 32000-1, table 123, bit 7).
FLAG_ITALIC = 64
# ... and for bold rendering of a regular font (bit 19).
FLAG_FORCE_BOLD = 262144
# A weight PDFium reports at or above this is bold (CSS/OpenType: 600 is semibold), up to the
# heaviest weight there is. PDFium derives the weight from the descriptor's stem width (StemV),
# which writers guess: Ghostscript's rewrite of the real UN PDFs states stems that make regular
# Times 1340 and its italic 936. So the weight only counts for a font whose name says nothing
# (`_GENERIC_NAME`): a font's real name states its style ("TimesNewRoman,Bold", "Arial-BoldMT").
BOLD_WEIGHT = 600
MAX_WEIGHT = 1000
# Names that are no font's name: a writer's resource names ("F1", "T1_0", "TT2", "CIDFont+F3")
# and none at all (Type 3 fonts).
_GENERIC_NAME = re.compile(r"(?:CIDFont\+)?(?:[A-Za-z]{0,4}\d+(?:_\d+)?)?")
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi|-bd\b|,bd\b", re.IGNORECASE)
_ITALIC_NAME = re.compile(r"italic|oblique|-it\b|,it\b|-bdit\b|kursiv", re.IGNORECASE)
# Barcode fonts print the job number as bars; their glyphs are never text.
BARCODE_FONT = re.compile(r"barcode|3of9|code ?39|code ?128|idautomation|c39", re.IGNORECASE)
FONT_NAME_BUFFER = 256
# pypdfium2 ships no type information: its handles are ctypes pointers of types made at run time.
TextPageHandle = Any
# What the glyphs of one text object share: (baseline, size, font, bold, italic) ...
Shared = tuple[float, float, str, bool, bool]
# ... with the object's loose box bottom before and its matrix (a, b, c, d) after.
ObjectInfo = tuple[float, Shared, tuple[float, float, float, float]]
FontKey = tuple[bytes, int]


class Char(NamedTuple):
    """One glyph's text, or a run of glyphs (`glyph_x0s` given). `baseline` is the y of its
    origin; `size` its font size in points.

    A run is glyphs of one text object that a line treats alike (see `_runs`): one baseline and
    style, left to right, no gap inside that could be a word space, single spaces only between
    shown glyphs, a shown glyph at both ends. `x0` is its first glyph's left, `x1` its last's
    right; each glyph's extent stays in `glyph_x0s`/`glyph_x1s` for the few steps that need it
    (`parsers.pdf.lines.glyphs`). The UN PDFs have ~27 glyphs a text object: a long report is
    ~4k runs instead of ~165k glyphs.

    A named tuple, not a frozen dataclass: a frozen dataclass's __init__ costs about five times
    as much (measured 0.36 s against 0.07 s for 170k)."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    font: str
    bold: bool
    italic: bool
    glyph_x0s: tuple[float, ...] = ()  # a run's glyphs' left edges (empty: one glyph)
    glyph_x1s: tuple[float, ...] = ()  # ... and right edges


@dataclass(frozen=True, slots=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    chars: tuple[Char, ...]
    # the text set vertically or upside down (margin notes, stamps), left out of the lines and
    # reported as furniture
    rotated: str = ""
    # the ruling lines drawn on the page (a table's borders: parsers.pdf.tables)
    rules: tuple[Rule, ...] = ()
    # text objects PDFium's text page left out that could not be read back (parsers.pdf.copies)
    unread: int = 0
    # large text drawn over the page's text (a watermark: parsers.pdf.watermarks), left out of the
    # lines and reported as furniture
    watermark: str = ""
    # most of its text is drawn invisible: an OCR program's text layer over a scan, whose sizes
    # are its guesses at each line's height
    invisible: bool = False
    # the numbers of its lines in the margin (parsers.pdf.line_numbers), left out of the lines and
    # reported as furniture
    line_numbers: tuple[str, ...] = ()
    # tracked changes the page shows as markup (parsers.pdf.markup): how many passages of deletions
    # and of insertions, the text of those the reading leaves out (given as LEFT_OUT in `chars`)
    tracked: Marked = Marked(0, 0)
    # text carried in annotations, not in the content: (why, text), a comment's or a form field's
    # (parsers.pdf.annotations), reported as furniture
    annotations: tuple[tuple[str, str], ...] = ()


def font_style(name: str, flags: int = 0, weight: int = -1) -> tuple[str, bool, bool]:
    """(clean name, bold, italic) from a font's base name ("ABCDEF+TimesNewRomanPS-BoldItalicMT"),
    its descriptor flags and, for a font with no real name, its weight when the file states one."""
    clean = _SUBSET_PREFIX.sub("", name)
    bold = bool(_BOLD_NAME.search(clean)) or bool(flags & FLAG_FORCE_BOLD) or (
        BOLD_WEIGHT <= weight <= MAX_WEIGHT and _GENERIC_NAME.fullmatch(clean) is not None)
    italic = bool(_ITALIC_NAME.search(clean)) or bool(flags & FLAG_ITALIC)
    return clean, bold, italic


def is_text_char(text: str) -> bool:
    """False for the control characters some files map glyphs to (PDFium's 0x02, its mark for a
    hyphen ending a line, is kept: the line builder turns it back into "-")."""
    return bool(text) and (text >= " " or text in "\x02\t")


def pdfium_pages(document: pdfium.PdfDocument, original: bool = False) -> Iterator[Page]:
    """Yield every page's characters, skipping the line breaks and spaces PDFium generates; the
    tracked changes a page shows as markup read as accepted, or with `original` as before them
    (parsers.pdf.markup).

    A page is read in its own space, where its text is drawn (a page the file only turns for
    display, /Rotate, is read as drawn), unless most of its text stands turned there. Then the page
    is read turned a quarter or a half (`_turn_upright`), the way that sets the most text upright:
    first the way the file turns it for display (a landscape page set on portrait paper and turned
    back, as PostScript converters write them), then the others (a table set sideways on a
    portrait page)."""
    for index in range(len(document)):
        page = document[index]
        try:
            annotations = annotation_texts(page)
            turned = page.get_rotation()
            if any(page.get_cropbox()[:2]):
                _to_origin(page)
            width, height = page.get_size()  # as displayed: turned a quarter, its sides swap
            if turned in (90, 270):
                width, height = height, width
            best = reading = _read_page(page, width, height, original)
            done = 0  # how far the page's content has been turned so far
            for turn in _TURNS[turned]:
                if len(best.rotated) <= _glyph_count(best.chars):
                    break  # most of its text stands upright
                _turn_upright(page, (turn - done) % 360)
                done = turn
                turned_width, turned_height = page.get_size()
                reading = _read_page(page, turned_width, turned_height, original)
                if _glyph_count(reading.chars) > _glyph_count(best.chars):
                    best = reading
            if best is reading and best.tilt:  # a scan's text layer, a little askew: read level
                _level(page, best.tilt, best.width, best.height)
                level = _read_page(page, best.width, best.height, original)
                if _shown_count(level.chars) >= _shown_count(best.chars):
                    best = level
            elif best is reading and best.invisible and level_lines(page):
                # a warped scan's text layer: level as a whole, some of its lines leaning
                best = _read_page(page, best.width, best.height, original)
        finally:
            page.close()
        yield Page(index + 1, best.width, best.height, tuple(best.chars), rotated_text(best.rotated), best.rules,
                   best.unread, invisible=best.invisible, tracked=best.tracked, annotations=annotations)


# The turns (degrees clockwise) a page whose text mostly stands turned is read at, in order, by the
# turn the file gives it for display.
_TURNS = {0: (90, 270, 180), 90: (90, 270, 180), 180: (180, 90, 270), 270: (270, 90, 180)}


def _glyph_count(chars: list[Char]) -> int:
    return sum(len(c.text) for c in chars)


def _shown_count(chars: list[Char]) -> int:
    """How many glyphs but spaces (which runs take in or leave out as the glyphs stand)."""
    return sum(len(c.text) - c.text.count(" ") for c in chars)


class _Reading(NamedTuple):
    """A page read one way: its size, rules, characters (with those of the text objects PDFium
    left out as copies), the characters it sets turned, how many text objects could not be read."""

    width: float
    height: float
    rules: tuple[Rule, ...]
    chars: list[Char]
    rotated: list[tuple[int, str]]
    unread: int
    invisible: bool  # most of its text objects are drawn invisible (an OCR layer)
    tilt: float  # the angle (degrees, anticlockwise) most of its text leans at, when small (`_tilt`)
    tracked: Marked  # tracked deletions and insertions shown (parsers.pdf.markup)


def _read_page(page: pdfium.PdfPage, width: float, height: float, original: bool = False) -> _Reading:
    """The page read as it stands, `width` by `height`, its tracked changes as accepted (with
    `original`, as before them)."""
    rules = page_rules(page.raw, height)
    textpage = page.get_textpage()
    try:
        rotated: list[tuple[int, str]] = []
        seen: set[int] = set()
        found, tracked = tracked_changes(_pdfium_chars(textpage, height, rotated, seen), rules,
                                         partial(_colour_at, textpage.raw, height), original)
        copies, unread = left_out(ctypes.c_void_p(ctypes.cast(page.raw, ctypes.c_void_p).value), seen)
        asked = [handle for handle in islice(seen, _MODE_SAMPLE) if handle]
        hidden = sum(_render_mode(handle) == _INVISIBLE for handle in asked)
        invisible = 2 * hidden > len(asked)
        return _Reading(width, height, rules, found + _copied(found, copies, height), rotated, unread,
                        invisible, _tilt(textpage) or (_word_lean(page) if invisible else 0.0), tracked)
    finally:
        textpage.close()


# How far (points) from a point a glyph whose colour is asked may be drawn.
COLOUR_REACH = 2.0


def _colour_at(raw: TextPageHandle, height: float, x: float, y: float) -> Colour | None:
    """The fill colour of the glyph drawn at (x, y), or nearest it within COLOUR_REACH, if any."""
    index = pdfium_c.FPDFText_GetCharIndexAtPos(raw, x, height - y, COLOUR_REACH, COLOUR_REACH)
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    if index < 0 or not pdfium_c.FPDFText_GetFillColor(raw, index, red, green, blue, alpha):
        return None
    return red.value, green.value, blue.value


# FPDFTextObj_GetTextRenderMode taking the object's address as a plain int; render mode 3 draws
# nothing (the text layer an OCR program lays over a scan).
_render_mode = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)(pdfium_address(pdfium_c.FPDFTextObj_GetTextRenderMode))
_INVISIBLE = pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
# How many of a page's text objects are asked how they are drawn.
_MODE_SAMPLE = 32


# A page's text leaning by at least this many degrees (and less than the 10 degrees of text set at
# an angle, _TILT) is read level: a scan a little askew, whose OCR layer sets each word along its
# line's slope (tesseract: 1.5 degrees climb 9 pt over a line, most of a line's pitch, and the
# lines fell apart into pieces).
MIN_TILT_DEGREES = 0.2
# How many of a page's characters its lean is measured on, and how many found level say it is.
TILT_SAMPLE = 48
_LEVEL_SAMPLE = 8


def _tilt(textpage: pdfium.PdfTextPage) -> float:
    """The median lean (degrees, anticlockwise) of a sample of the page's characters, when the
    text leans by MIN_TILT_DEGREES or more and less than text set at an angle; else 0."""
    count = pdfium_c.FPDFText_CountChars(textpage.raw)
    matrix = pdfium_c.FS_MATRIX()
    angles = []
    for i in range(0, count, max(1, count // TILT_SAMPLE)):
        if pdfium_c.FPDFText_GetMatrix(textpage.raw, i, matrix) and matrix.a > 0 and abs(matrix.b) <= _TILT * matrix.a:
            angles.append(math.degrees(math.atan2(matrix.b, matrix.a)))
            if len(angles) == _LEVEL_SAMPLE and not any(angles):
                return 0.0  # level, as nearly every page is: asked no further
    if not any(angles):  # none, or all level
        return 0.0
    lean = statistics.median(angles)
    return lean if abs(lean) >= MIN_TILT_DEGREES else 0.0


# A page's words lean when this many pairs of words that follow each other on a line say so, by
# this many degrees at least. Turning the page level then leans each word's glyphs the other way,
# which blurs the gaps between them: it is done only where the slope would break the lines (1.5
# degrees climb 12 pt over a 450 pt line), not for the 0.4-0.5 degrees of pypdf's scanned "Siege
# of Vicksburg", whose lines hold.
WORD_LEAN_PAIRS = 8
WORD_LEAN_MIN_DEGREES = 1.0


def _word_lean(page: pdfium.PdfPage) -> float:
    """The lean (degrees, anticlockwise) of an OCR layer whose words are set level, each where it
    stands on a sloping line (tesseract on a sparse page of a scan 1.5 degrees askew: S/2023/970's
    second page, five lines, read as eighteen pieces out of order), from each word to the next on
    its line: the median of their slopes, when at least WORD_LEAN_PAIRS pairs give one and it is
    WORD_LEAN_MIN_DEGREES or more and less than text set at an angle; else 0."""
    boxes = [box for _handle, *box in text_object_boxes(page)]
    angles = []
    for (x0, y0, x1, y1), (next_x0, next_y0, _x1, _y1) in zip(boxes, boxes[1:], strict=False):
        run = next_x0 - x0
        if run > 0 and 0 <= next_x0 - x1 <= 3 * (y1 - y0) and abs(next_y0 - y0) <= _TILT * run:
            angles.append(math.degrees(math.atan2(next_y0 - y0, run)))
    if len(angles) < WORD_LEAN_PAIRS:
        return 0.0
    lean = statistics.median(angles)
    return lean if abs(lean) >= WORD_LEAN_MIN_DEGREES else 0.0


def _level(page: pdfium.PdfPage, lean: float, width: float, height: float) -> None:
    """Turn the page's content (in memory) `lean` degrees clockwise about its middle, its boxes
    as they are: text leaning `lean` degrees anticlockwise then stands level."""
    _move_objects(page, turned_level(math.radians(lean), width / 2, height / 2))


def _turn_upright(page: pdfium.PdfPage, turned: int) -> None:
    """Turn the page's content (in memory) `turned` degrees clockwise, as /Rotate turns a page for
    display, into a page of the turned size that the file does not turn, its box at the origin."""
    left, bottom, right, top = page.get_cropbox()
    # (a, b, c, d, e, f): a point (x, y) goes to (a x + c y + e, b x + d y + f)
    matrix = {90: (0.0, -1.0, 1.0, 0.0, -bottom, right), 180: (-1.0, 0.0, 0.0, -1.0, right, top),
              270: (0.0, 1.0, -1.0, 0.0, top, -left)}[turned]
    _transform(page, matrix)
    page.set_rotation(0)


def _to_origin(page: pdfium.PdfPage) -> None:
    """Move the page's content (in memory) so that its box (the crop box, else the media box)
    starts at the origin, where the reader measures from: a PDF may place it anywhere."""
    left, bottom, _right, _top = page.get_cropbox()
    _transform(page, (1.0, 0.0, 0.0, 1.0, -left, -bottom))


def _transform(page: pdfium.PdfPage, matrix: tuple[float, float, float, float, float, float]) -> None:
    """Every object of the page, and its media and crop boxes, moved by `matrix`."""
    _move_objects(page, matrix)
    a, b, c, d, e, f = matrix
    boxes = [(page.get_mediabox(), page.set_mediabox), (page.get_cropbox(), page.set_cropbox)]  # both read first:
    for (x0, y0, x1, y1), put in boxes:  # a crop box the file does not give is read as the media box
        xs = [a * x + c * y + e for x in (x0, x1) for y in (y0, y1)]
        ys = [b * x + d * y + f for x in (x0, x1) for y in (y0, y1)]
        put(min(xs), min(ys), max(xs), max(ys))


def _move_objects(page: pdfium.PdfPage, matrix: tuple[float, float, float, float, float, float]) -> None:
    """Every object of the page moved by `matrix` (a, b, c, d, e, f), its boxes as they are."""
    for k in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        pdfium_c.FPDFPageObj_Transform(pdfium_c.FPDFPage_GetObject(page.raw, k), *matrix)


def _copied(chars: list[Char], copies: list[Copy], height: float) -> list[Char]:
    """The characters of the text objects PDFium left out as copies (parsers.pdf.copies): each
    copy's source's characters moved to it, a copy of a copy from the copy's."""
    out: list[Char] = []
    for source, origin, dx, down in copies:
        out += [moved(c, dx, down) for c in _chars_in(chars + out, source, height - origin)]
    return out


def moved(char: Char, dx: float, down: float) -> Char:
    """The character (a glyph or a run, its glyphs' edges too) moved `dx` right and `down`."""
    return char._replace(x0=char.x0 + dx, x1=char.x1 + dx, baseline=char.baseline + down,
                         glyph_x0s=tuple(x + dx for x in char.glyph_x0s),
                         glyph_x1s=tuple(x + dx for x in char.glyph_x1s))


def _chars_in(chars: list[Char], box: Box, baseline: float) -> list[Char]:
    """The characters drawn in `box` on `baseline` (their middle inside it: a glyph's loose box can
    stand out of the object's ink)."""
    return [c for c in chars if abs(c.baseline - baseline) <= _BASELINE_SLACK
            and box.left <= (c.x0 + c.x1) / 2 <= box.right]


# Points within which a glyph's baseline is its object's origin's.
_BASELINE_SLACK = 0.05


def _pdfium_chars(textpage: pdfium.PdfTextPage, height: float, rotated: list[tuple[int, str]],
                  seen: set[int] | None = None) -> list[Char]:
    """The page's characters: two calls into PDFium for most (its text object, its box), what the
    glyphs of one text object share (matrix, size, font, baseline) asked once per object, and the
    text read in one call. Plain pages (most) are read in bulk, the others one by one. The text
    objects the characters belong to are added to `seen`."""
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return []
    text = _page_text(raw, count)
    if text is not None:
        return _plain_chars(raw, text, height, rotated, in_content_order(textpage, text), seen)
    return _chars_one_by_one(raw, count, height, rotated, seen)


def _chars_one_by_one(raw: TextPageHandle, count: int, height: float, rotated: list[tuple[int, str]],
                      seen: set[int] | None = None) -> list[Char]:
    """Any page, a character at a time (pages whose text PDFium reorders or rewrites)."""
    rect = pdfium_c.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    objects: dict[int, ObjectInfo | None] = {}
    fonts: dict[FontKey, tuple[str, bool, bool]] = {}
    buffers = _InfoBuffers()
    # bound once: this loop runs for every character of the document. The two per-glyph calls go
    # through prototypes without argument types, given ready-made pointers (half the call cost)
    page_pointer = ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)
    rect_pointer = ctypes.c_void_p(ctypes.addressof(rect))
    is_generated, get_unicode = pdfium_c.FPDFText_IsGenerated, pdfium_c.FPDFText_GetUnicode
    get_box, get_origin = _loose_char_box, pdfium_c.FPDFText_GetCharOrigin
    get_object, get_matrix = _text_object_address, pdfium_c.FPDFText_GetMatrix
    new_tuple = tuple.__new__  # Char(...) without the named tuple's Python-level __new__
    matrix = pdfium_c.FS_MATRIX()
    chars: list[Char] = []
    owners: list[int] = []  # each glyph's text object (0 for none), for the runs
    append = chars.append
    pending_high = 0
    last_handle, last_info = None, None
    for i in range(count):
        code = get_unicode(raw, i)
        if code <= 0x20:
            if code == 0x20:
                if is_generated(raw, i):  # PDFium generates spaces, "\r" and "\n" only
                    continue
            elif code != 2 and code != 9:  # see is_text_char
                continue
        elif 0xD800 <= code < 0xE000:
            if code < 0xDC00:  # a surrogate pair arrives as two chars
                pending_high = code
                continue
            if pending_high:
                code = 0x10000 + ((pending_high - 0xD800) << 10) + (code - 0xDC00)
        pending_high = 0
        handle = get_object(page_pointer, i)
        if handle and handle == last_handle:  # most glyphs continue the previous glyph's object
            info = last_info
            known = True
        else:
            info = objects.get(handle, _MISSING) if handle else _MISSING
            known = info is not _MISSING
            if not known:  # the object's first glyph (or a glyph PDFium ties to no object)
                info = _object_info(page_pointer, i, fonts, height, buffers)
                if handle:
                    objects[handle] = info
            last_handle, last_info = handle, info
        if known and code == 0x20:
            # PDFium adds spaces for wide TJ gaps with a matrix of their own (not flagged generated)
            get_matrix(raw, i, matrix)
            if info is None or (matrix.a, matrix.b, matrix.c, matrix.d) != info[2]:
                info = _object_info(page_pointer, i, fonts, height, buffers)
        if handle and seen is not None:
            seen.add(handle)
        if info is None:  # set vertically or upside down: margin notes and stamps, not body text
            rotated.append((handle or 0, chr(code)))
            continue
        get_box(page_pointer, i, rect_pointer)
        x0, x1 = rect.left, rect.right
        if x1 < x0:
            x0, x1 = x1, x0
        text = chr(code)
        if 0x20 < code < 0x7F and _kashida(raw, i, x1 - x0, info[1][1]):
            text = TATWEEL
        elif 0x7F < code < 0xA0:
            text = WINANSI_C1.get(code, text)
        elif code > 0x2FF:
            text = canonical(text)
        if rect.bottom == info[0]:
            append(new_tuple(Char, (text, x0, x1, *info[1], (), ())))
        else:  # another baseline inside one object (vertical writing, rise)
            get_origin(raw, i, ox, oy)
            append(new_tuple(Char, (text, x0, x1, height - oy.value, *info[1][1:], (), ())))
        owners.append(handle or 0)
    return group_runs(chars, owners)


_MISSING: Any = object()  # typed Any: it stands in for an ObjectInfo in dict.get

TATWEEL = "\u0640"
# A kashida's ink: a stroke on the baseline (within KASHIDA_BASE_EM) at most KASHIDA_INK_EM high,
# over most of its advance (KASHIDA_SPAN). Measured on LibreOffice's Arabic PDFs, which map it to
# an ASCII character: 0.09-0.125 em high on the baseline, 0.75-1.0 of the advance. No ASCII glyph is
# drawn so: "_" lies under the baseline, "-" a fifth of an em above it, "." covers 0.3-0.6 of its
# advance, "," goes under the baseline.
KASHIDA_INK_EM = 0.15
KASHIDA_BASE_EM = 0.03
KASHIDA_SPAN = 0.7


def _kashida(raw: TextPageHandle, i: int, advance: float, size: float) -> bool:
    """Is char `i`, which PDFium maps to a printable ASCII character, drawn as a kashida (the
    stroke that stretches a justified Arabic word, which LibreOffice's PDFs map to "M", "!", "7",
    "/", …)? Its tight box says: asked only of ASCII glyphs on pages read a character at a time
    (right-to-left ones)."""
    left, right, bottom, top, x, y = (ctypes.c_double() for _ in range(6))
    if size <= 0 or not pdfium_c.FPDFText_GetCharBox(raw, i, left, right, bottom, top):
        return False
    pdfium_c.FPDFText_GetCharOrigin(raw, i, x, y)
    return (top.value - bottom.value <= KASHIDA_INK_EM * size and abs(bottom.value - y.value) <= KASHIDA_BASE_EM * size
            and right.value - left.value >= KASHIDA_SPAN * advance)


def rotated_text(rotated: list[tuple[int, str]]) -> str:
    """The rotated glyphs' text, a space between two text objects and runs of spaces made one."""
    parts = [text if k == 0 or handle == rotated[k - 1][0] else " " + text
             for k, (handle, text) in enumerate(rotated)]
    return " ".join("".join(parts).split())


# FPDFText_GetTextObject returning the object's address as a plain int (pypdfium2's binding gives
# a ctypes pointer, which cannot key the per-object cache); no argument types, like the next one.
_text_object_address = ctypes.CFUNCTYPE(ctypes.c_void_p)(
    pdfium_address(pdfium_c.FPDFText_GetTextObject))
# FPDFText_GetLooseCharBox(text page, index, FS_RECTF*) with no argument conversion: called with
# c_void_p pointers made once a page (measured 0.35 us a call against 0.70 us for the binding).
_loose_char_box = ctypes.CFUNCTYPE(ctypes.c_int)(
    pdfium_address(pdfium_c.FPDFText_GetLooseCharBox))
_is_generated = ctypes.CFUNCTYPE(ctypes.c_int)(
    pdfium_address(pdfium_c.FPDFText_IsGenerated))
_matrix_into = ctypes.CFUNCTYPE(ctypes.c_int)(pdfium_address(pdfium_c.FPDFText_GetMatrix))
_RECT_BYTES = ctypes.sizeof(pdfium_c.FS_RECTF)


def _plain_chars(raw: TextPageHandle, page_text: str, height: float, rotated: list[tuple[int, str]],
                 objects_together: bool = False, seen: set[int] | None = None) -> list[Char]:
    """A plain page's characters, the same as `_chars_one_by_one` gives, with PDFium called in
    bulk: which spaces PDFium generated, every kept glyph's text object and box are asked through
    map() (no Python frame a call), and where runs break is found for the whole page at once
    (`_run_breaks`). Measured on a 57-page report: 0.41-0.50 s a character at a time, 0.26-0.36 s
    in bulk with a Char a glyph. Where PDFium keeps each text object's characters together
    (`objects_together`, parsers.pdf.objects.in_content_order), the objects are asked of a few
    characters only (`object_handles`)."""
    page = ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)
    index, letters, breaks = _kept(page, page_text)
    count = len(index)
    if not count:
        return []
    if objects_together:
        handles, cuts = object_handles(page, index, breaks)
    else:
        handles = list(map(object_of, repeat(page), index))
        cuts = [0, *compress(range(1, count), map(ne, handles, islice(handles, 1, None))), count]
    if seen is not None:
        seen.update(map(handles.__getitem__, cuts[:-1]))
    boxes = (ctypes.c_float * (4 * count))()  # FS_RECTF rows: left, top, right, bottom
    deque(map(_loose_char_box, repeat(page), index,
              map(ctypes.byref, repeat(boxes), range(0, _RECT_BYTES * count, _RECT_BYTES))), maxlen=0)
    # the three columns read through strided views: the tops are never made into floats (the
    # whole array as a list, then sliced, took twice as long: 20 against 10 ms for 57 pages)
    flat = memoryview(boxes).cast("B").cast("f")
    x0s: list[float] = flat[0::4].tolist()  # type: ignore[assignment]  # typeshed says int for any format
    x1s: list[float] = flat[2::4].tolist()  # type: ignore[assignment]
    bottoms: list[float] = flat[3::4].tolist()  # type: ignore[assignment]
    if any(map(lt, x1s, x0s)):  # as `if x1 < x0: swap`: min(a, b) is b only when b < a, ...
        x0s, x1s = list(map(min, x0s, x1s)), list(map(max, x1s, x0s))  # ... max(b, a) a only when a > b
    kept_spaces = _spaces_in(letters)
    space_matrices = _matrices(page, list(map(index.__getitem__, kept_spaces)))
    objects: dict[int, ObjectInfo | None] = {}
    fonts: dict[FontKey, tuple[str, bool, bool]] = {}
    buffers = _InfoBuffers()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    new_tuple = tuple.__new__
    # each object's glyphs: (start, end, what they share) read as runs below, or ready Chars
    parts: list[tuple[int, int, Shared] | list[Char]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        handle = handles[a]
        if not handle:  # glyphs tied to no object: each asked on its own
            odd = {j: _object_info(page, index[j], fonts, height, buffers) for j in range(a, b)}
            info = None
        else:
            info = objects.get(handle, _MISSING)
            known = info is not _MISSING
            if not known:
                info = objects[handle] = _object_info(page, index[a], fonts, height, buffers)
            # spaces PDFium adds for wide TJ gaps have a matrix of their own (not flagged generated)
            odd = {}
            lo, hi = bisect_left(kept_spaces, a if known else a + 1), bisect_left(kept_spaces, b)
            if info is None or space_matrices[lo:hi].count(info[2]) != hi - lo:
                for m in range(lo, hi):
                    if info is None or space_matrices[m] != info[2]:
                        odd[kept_spaces[m]] = _object_info(page, index[kept_spaces[m]], fonts, height, buffers)
            if not odd and info is not None and bottoms[a:b].count(info[0]) == b - a:
                parts.append((a, b, info[1]))
                continue
        glyphs: list[Char] = []
        for j in range(a, b):
            glyph = odd.get(j, info)
            if glyph is None:  # set vertically or upside down
                rotated.append((handles[j], letters[j]))
                continue
            if bottoms[j] == glyph[0]:
                glyphs.append(new_tuple(Char, (letters[j], x0s[j], x1s[j], *glyph[1], (), ())))
            else:  # another baseline inside one object
                pdfium_c.FPDFText_GetCharOrigin(raw, index[j], ox, oy)
                glyphs.append(new_tuple(Char, (letters[j], x0s[j], x1s[j], height - oy.value, *glyph[1][1:], (), ())))
        parts.append(group_runs(glyphs, [handle] * len(glyphs)))
    return _page_runs(parts, letters, x0s, x1s, kept_spaces)


_MATRIX_BYTES = ctypes.sizeof(pdfium_c.FS_MATRIX)
_MATRIX_FLOATS = _MATRIX_BYTES // ctypes.sizeof(ctypes.c_float)  # FS_MATRIX is six floats


def _matrices(page: ctypes.c_void_p, indexes: list[int]) -> list[tuple[float, float, float, float]]:
    """The (a, b, c, d) of the matrix of each char index, asked through map() into one array."""
    count = len(indexes)
    if not count:
        return []
    array = (ctypes.c_float * (_MATRIX_FLOATS * count))()
    deque(map(_matrix_into, repeat(page), indexes,
              map(ctypes.byref, repeat(array), range(0, _MATRIX_BYTES * count, _MATRIX_BYTES))), maxlen=0)
    flat: list[float] = memoryview(array).cast("B").cast("f").tolist()  # type: ignore[assignment]  # typeshed says int for any format
    step = _MATRIX_FLOATS
    return list(zip(flat[0::step], flat[1::step], flat[2::step], flat[3::step], strict=True))


def _spaces_in(text: str) -> list[int]:
    """Where the spaces of `text` are: from the lengths of the pieces between them, at C level
    (a map of str.__eq__ over every character costs four times as much)."""
    pieces = text.split(" ")
    del pieces[-1]
    return list(map(sub, accumulate(map((1).__add__, map(len, pieces))), repeat(1)))


def _kept(page: ctypes.c_void_p, text: str) -> tuple[list[int], str, list[int]]:
    """The indexes and text of the characters to read: all but PDFium's generated spaces and
    line breaks and the control characters (see is_text_char), found at C level (they are few);
    and where, among those read, one follows a character left out."""
    spaces = _spaces_in(text)
    dropped = [*compress(spaces, map(_is_generated, repeat(page), spaces)),
               *(found.start() for found in _CONTROL.finditer(text))]
    if not dropped:
        return list(range(len(text))), text, []
    dropped.sort()
    mask = bytearray(b"\x01") * len(text)
    for k in dropped:
        mask[k] = 0
    kept = "".join([text[a + 1: b] for a, b in zip([-1, *dropped], [*dropped, len(text)], strict=True)])
    # the k-th character left out (from 0) is followed by the one read at position dropped[k] - k
    after = [k for k in dict.fromkeys(map(sub, dropped, range(len(dropped)))) if 0 < k < len(kept)]
    return list(compress(range(len(text)), mask)), kept, after


# The control characters left out (is_text_char): all but PDFium's hyphen mark 0x02 and the tab.
_CONTROL = re.compile("[\x00\x01\x03-\x08\x0a-\x1f]")


def _page_runs(parts: list[tuple[int, int, Shared] | list[Char]], text: str, x0s: list[float],
               x1s: list[float], spaces: list[int] | None = None) -> list[Char]:
    """The page's Chars in order: the objects read as runs (their breaks found for the page at
    once when every box is finite, else an object at a time) and the Chars made glyph by glyph.
    `spaces`: where the spaces of `text` are, when the caller has them (5 ms of 57 pages)."""
    chars: list[Char] = []
    objects = [part for part in parts if isinstance(part, tuple)]
    if not objects or not math.isfinite(sum(x0s) + sum(x1s)):
        for part in parts:
            if isinstance(part, tuple):
                a, b, shared = part
                chars.extend(_runs(text[a:b], x0s[a:b], x1s[a:b], shared))
            else:
                chars.extend(part)
        return chars
    # each glyph's limits, its object's (0 for glyphs read one by one), laid out a stretch at a
    # time by repeat(): 9 -> 3 ms for 57 pages against a slice assignment an object
    gap_values: list[float] = []
    space_values: list[float] = []
    lengths: list[int] = []
    at = 0
    for a, b, shared in objects:
        if a > at:
            gap_values.append(0.0)
            space_values.append(0.0)
            lengths.append(a - at)
        gap_values.append(min(RUN_GAP_MAX, RUN_GAP_EM * shared[1]))
        space_values.append(RUN_SPACE_EM * shared[1])
        lengths.append(b - a)
        at = b
    if at < len(text):
        gap_values.append(0.0)
        space_values.append(0.0)
        lengths.append(len(text) - at)
    limits = list(chain.from_iterable(map(repeat, gap_values, lengths)))
    space_limits = list(chain.from_iterable(map(repeat, space_values, lengths)))
    # a run never crosses from one object to the next, nor into glyphs read one by one
    edges = [k for a, b, _shared in objects for k in (a - 1, b - 1)]
    breaks = sorted(_run_breaks(text, x0s, x1s, limits, space_limits, edges, spaces))
    for part in parts:
        if isinstance(part, tuple):
            a, b, shared = part
            inside = breaks[bisect_left(breaks, a): bisect_left(breaks, b - 1)]
            chars.extend(_make_runs(text, x0s, x1s, shared, [a, *(k + 1 for k in inside), b]))
        else:
            chars.extend(part)
    return chars


# What a run may hold: Latin, Greek, Cyrillic, general punctuation (quotes, dashes) and the
# space; not PDFium's hyphen mark, ligatures, presentation forms, right-to-left scripts or other
# spaces, which the line builder reads glyph by glyph.
_RUN_TEXT = frozenset(ch for ch in map(chr, [*range(0x20, 0x590), *range(0x2010, 0x2028), *range(0x2030, 0x205F)])
                      if ch == " " or not ch.isspace())


def _character_class(characters: frozenset[str]) -> str:
    """A regular expression's class of `characters`, written as ranges of consecutive code points
    (the pattern of 1,500 characters one by one took 2.5 ms more to compile, in each worker)."""
    codes = sorted(map(ord, characters))
    starts = [code for k, code in enumerate(codes) if k == 0 or codes[k - 1] != code - 1]
    ends = [code for k, code in enumerate(codes) if k == len(codes) - 1 or codes[k + 1] != code + 1]
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                   for a, b in zip(starts, ends, strict=True))


_NOT_RUN_TEXT = re.compile(f"[^{_character_class(_RUN_TEXT)}]")
# The widest gap between two shown glyphs of a run, in ems and points: under every word-space
# test of the line builder (the narrowest is 0.06 em, SPACE_SHARE 0.6 of the narrowest space it
# counts, 0.1 em) and under the 0.5 pt its column finder bridges, so a run is never cut inside.
RUN_GAP_EM = 0.05
RUN_GAP_MAX = 0.5
# Two shown glyphs around one space stay in a run when at most this far apart (ems): a word
# space, far under the 3.5 em that cuts a line into segments.
RUN_SPACE_EM = 1.0


def _runs(text: str, x0s: list[float], x1s: list[float], shared: Shared) -> list[Char]:
    """The glyphs of one text object (one a character of `text`, in content order, sharing
    `shared`) as runs (see `_run_breaks`); glyph by glyph when a box is not finite."""
    count = len(text)
    if count == 1 or not math.isfinite(sum(x0s) + sum(x1s)):
        return [tuple.__new__(Char, (letter, x0, x1, *shared, (), ()))
                for letter, x0, x1 in zip(text, x0s, x1s, strict=True)]
    breaks = _run_breaks(text, x0s, x1s, [min(RUN_GAP_MAX, RUN_GAP_EM * shared[1])] * count,
                         [RUN_SPACE_EM * shared[1]] * count, ())
    return _make_runs(text, x0s, x1s, shared, [0, *sorted(k + 1 for k in breaks if 0 <= k < count - 1), count])


def _run_breaks(text: str, x0s: list[float], x1s: list[float], limits: list[float], space_limits: list[float],
                edges: Iterable[int], spaces: list[int] | None = None) -> set[int]:
    """The k where glyphs k and k+1 (finite boxes) are in two runs. Two shown glyphs join while
    their lefts and rights grow, both are allowed and the gap is at most the first's limit; a
    single space joins two such glyphs at most its space limit apart; never across `edges`.
    Looked for at C level (map, a regex): no Python step a glyph or a space. `spaces`: where the
    spaces of `text` are (`_spaces_in`), when the caller has them."""
    count = len(text)
    pairs = range(count - 1)
    later0 = x0s[1:]
    hard = {*compress(pairs, map(gt, x0s, later0)), *compress(pairs, map(gt, x1s, islice(x1s, 1, None))), *edges}
    for found in _NOT_RUN_TEXT.finditer(text):
        hard.update((found.start() - 1, found.start()))
    breaks = hard.union(compress(pairs, map(lt, limits, map(sub, later0, x1s))))
    # a space decides both its sides: joined when single between two shown glyphs it keeps in order
    if spaces is None:
        spaces = _spaces_in(text)
    if not spaces:
        return breaks
    inner = spaces[spaces[0] == 0: len(spaces) - (spaces[-1] == count - 1)]
    before, after = [k - 1 for k in inner], [k + 1 for k in inner]
    bad = {*spaces[:spaces[0] == 0], *spaces[len(spaces) - (spaces[-1] == count - 1):],
           *compress(inner, map(lt, map(space_limits.__getitem__, inner),
                                map(sub, map(x0s.__getitem__, after), map(x1s.__getitem__, before)))),
           *(k for k in hard if 0 <= k < count and text[k] == " "), *(k + 1 for k in hard if 0 <= k < count - 1 and text[k + 1] == " ")}
    double = text.find("  ")
    while double >= 0:
        bad.update((double, double + 1))
        double = text.find("  ", double + 1)
    good = set(inner).difference(bad)
    return breaks.union(bad, [k - 1 for k in bad]).difference(good, [k - 1 for k in good])


def _make_runs(text: str, x0s: list[float], x1s: list[float], shared: Shared, bounds: list[int]) -> list[Char]:
    """A Char for each stretch between two bounds: a single glyph or a run."""
    new_tuple = tuple.__new__
    return [new_tuple(Char, (text[a:b], x0s[a], x1s[a], *shared, (), ())) if b - a == 1 else
            new_tuple(Char, (text[a:b], x0s[a], x1s[b - 1], *shared, tuple(x0s[a:b]), tuple(x1s[a:b])))
            for a, b in zip(bounds, islice(bounds, 1, None), strict=False)]


def group_runs(glyphs: list[Char], owners: list[int]) -> list[Char]:
    """Single glyphs into runs (`_runs`), each of consecutive glyphs with one owner (text
    object) and one baseline, size and style: the one-by-one reading's runs, as the bulk one's."""
    out: list[Char] = []
    start = 0
    for k in range(1, len(glyphs) + 1):
        if k == len(glyphs) or owners[k] != owners[start] or glyphs[k][3:8] != glyphs[start][3:8]:
            part = glyphs[start:k]
            shared: Shared = part[0][3:8]
            out.extend(_runs("".join([c.text for c in part]), [c.x0 for c in part], [c.x1 for c in part], shared))
            start = k
    return out


# Where the page text PDFium assembles can differ from its characters: it reorders right-to-left
# scripts (Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan and their presentation forms) and mirrors
# their brackets, and a character outside the BMP is two char indexes. Such pages are read a
# character at a time. (Ligatures are expanded alike in both; checked on every fixture and
# corpus page: the text and the characters agree but for the hyphen mark, next.)
_NOT_PLAIN = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\ud800-\udfff\U00010000-\U0010ffff]")
# How the page text writes the 0x02 mark PDFium gives a hyphen that ends a line.
_TEXT_HYPHEN_MARK = "\ufffe"


# A C1 control character (U+0080-U+009F) is never text: it is the Windows code of a character
# whose Unicode value the font's map forgot (pdftocairo's rewrite of an EU report maps the
# apostrophe "’" to U+0092). Read as Windows-1252 reads the code; the five codes it leaves
# undefined stay as they are.
WINANSI_C1 = {code: bytes([code]).decode("cp1252") for code in range(0x80, 0xA0) if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_C1_CONTROL = re.compile("[\x80-\x9f]")


@cache
def canonical(char: str) -> str:
    """The character its canonical equivalent is (NFC) when that is one other character: MuPDF's
    rewrite maps ";" to U+037E GREEK QUESTION MARK, which is ";" to Unicode; CJK compatibility
    ideographs are their unified ones. A character that composes with others is left as it is
    (one character a glyph: the page text stays aligned with the glyphs' boxes)."""
    single = unicodedata.normalize("NFC", char)
    return single if len(single) == 1 else char


def _page_text(raw: TextPageHandle, count: int) -> str | None:
    """The page's text, a character per character index, or None when it is not plain text."""
    buffer = ctypes.create_string_buffer(count * 2 + 2)
    written = pdfium_c.FPDFText_GetText(raw, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    if written != count + 1:
        return None
    text = buffer.raw[: count * 2].decode("utf-16-le", "surrogatepass")
    if _NOT_PLAIN.search(text):
        return None
    if _C1_CONTROL.search(text):
        text = text.translate(WINANSI_C1)
    if not unicodedata.is_normalized("NFC", text):  # a character canonically another (`canonical`)
        text = "".join(map(canonical, text))
    mark = text.find(_TEXT_HYPHEN_MARK)
    if mark < 0:
        return text
    letters = list(text)
    while mark >= 0:
        letters[mark] = chr(pdfium_c.FPDFText_GetUnicode(raw, mark))
        mark = text.find(_TEXT_HYPHEN_MARK, mark + 1)
    return "".join(letters)


def _page_units(raw: TextPageHandle, count: int) -> list[int] | None:
    """The page's UTF-16 units, one per character index, or None when it is not plain text."""
    text = _page_text(raw, count)
    return None if text is None else list(map(ord, text))


class _InfoBuffers:
    """What `_object_info` has PDFium write into, and the pointers to it, made once a page: making
    them for each object cost more than the calls (3,800 objects of a 57-page report: 20 -> 15 ms)."""

    __slots__ = ("matrix", "matrix_at", "name", "flags", "flags_at", "rect", "rect_at", "x", "y", "x_at", "y_at")

    def __init__(self) -> None:
        self.matrix = pdfium_c.FS_MATRIX()
        self.matrix_at = ctypes.byref(self.matrix)
        self.name = ctypes.create_string_buffer(FONT_NAME_BUFFER)
        self.flags = ctypes.c_int()
        self.flags_at = ctypes.byref(self.flags)
        self.rect = pdfium_c.FS_RECTF()
        self.rect_at = ctypes.byref(self.rect)
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self.x_at, self.y_at = ctypes.byref(self.x), ctypes.byref(self.y)


def _object_info(page: ctypes.c_void_p, i: int, fonts: dict[FontKey, tuple[str, bool, bool]],
                 height: float, buffers: _InfoBuffers | None = None) -> ObjectInfo | None:
    """(loose box bottom, (baseline, size, font, bold, italic), matrix) shared by the glyphs of
    char `i`'s text object; None for text set vertically or upside down. `page` is the text
    page's pointer; PDFium is called through prototypes of our own (4.4 us a call against 6.4 us
    through pypdfium2's, whose argument types convert each pointer: 7 ms of a 57-page PDF), into
    `buffers` (the page's, made here when not given)."""
    into = buffers or _InfoBuffers()
    matrix = into.matrix
    _matrix_into(page, i, into.matrix_at)
    if matrix.a <= 0 or abs(matrix.b) > _TILT * matrix.a:
        return None
    # the font size times the vertical scale of the text matrix ("1 Tf" with a 12x matrix)
    size = _font_size(page, i) * (math.hypot(matrix.c, matrix.d) or 1.0)
    # PDFium leaves both untouched for a name longer than the buffer or a glyph without a font
    into.name[0], into.flags.value = b"\0", 0
    _font_info(page, i, into.name, _FONT_NAME_LENGTH, into.flags_at)
    key = (into.name.value, into.flags.value)
    style = fonts.get(key)
    if style is None:
        weight = _font_weight(page, i)
        style = fonts[key] = font_style(key[0].decode("utf-8", "replace"), key[1], weight)
    _loose_char_box(page, i, into.rect_at)
    _char_origin(page, i, into.x_at, into.y_at)
    return into.rect.bottom, (height - into.y.value, size, *style), (matrix.a, matrix.b, matrix.c, matrix.d)


# Text whose baseline climbs or falls more steeply than this (the tangent of 10 degrees) is set at
# an angle: a watermark set across the page ("DRAFT" at 45 degrees, whose glyphs, each on its own
# height, went into the body's lines), a stamp, a label along a chart's axis. A scan's text layer
# tilted by a degree or two is text.
_TILT = math.tan(math.radians(10))


# FPDFText_GetFontSize, GetFontInfo, GetFontWeight and GetCharOrigin without argument types, for
# _object_info (the buffer length, an unsigned long, passed as one).
_font_size = ctypes.CFUNCTYPE(ctypes.c_double)(pdfium_address(pdfium_c.FPDFText_GetFontSize))
_font_info = ctypes.CFUNCTYPE(ctypes.c_ulong)(pdfium_address(pdfium_c.FPDFText_GetFontInfo))
_font_weight = ctypes.CFUNCTYPE(ctypes.c_int)(pdfium_address(pdfium_c.FPDFText_GetFontWeight))
_char_origin = ctypes.CFUNCTYPE(ctypes.c_int)(pdfium_address(pdfium_c.FPDFText_GetCharOrigin))
_FONT_NAME_LENGTH = ctypes.c_ulong(FONT_NAME_BUFFER)
