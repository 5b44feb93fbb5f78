"""What an OCR program read at the foot of a scanned UN page that is no text: the barcode and the
"Please recycle" logo beside the job number, read as letters ("ease ret a", "{IOUT YA OD A A").

Over a scan of a UN document's first page, tesseract makes two to seven such lines below the text.
Left in the body, they cut the page's last paragraph from its end on the next page, or are joined
to it ("Recognizing ... the safety of peacekeepers and" / "ease ret a humanitarian personnel").

On a page whose text is an OCR layer (Page.invisible), a line at the page's foot (FOOT_BAND), near
the job line (ANCHOR_REACH), is such noise when it has a word of three letters or more and none of
them is the document's (found in the lines between the running lines' bands, MARGIN_BAND, of any
page); or, with words of two letters only, none of them is; or, with no word, it has no digit but
a mark (";", "E :"), its job number and date code aside ("18-18418 ‘i 071118": the barcode between
them read as letters), or it is a job line with a misread letter ("24-00436 1 120124"). A line
of text has a word of the document ("fragmentation of Yemen's economy, including banking and
financial institutions," has four of nine in a short draft: a share of known words would take
it). A line is kept that names a document symbol, opens with a note's number ("31 A/80/182."),
or holds a year or an ordinal (a date, an adoption line: "26th plenary meeting", whose words may
be found nowhere else). Lines in Chinese or Japanese, written
without spaces, are not judged. A foot with no job line is not judged either: an address's words
may be the document's nowhere else, and nothing tells them from noise.

Noise is reported as furniture with its page, never dropped. Pages with a text layer of their own
are not looked at: their foot lines are read, not guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.model import Furniture
from parsers.pdf.furniture import MARGIN_BAND, furniture_parts, furniture_reason
from parsers.pdf.lines import Line
from parsers.structure import SYMBOL

# The share of the page's height at its foot where noise is looked for: a little more than the
# running footers' band (a barcode's first line stands 79.3 pt above the foot of a 792 pt page).
FOOT_BAND = 0.12
# A line with a known word of this many letters or more is text; without one, a line with an
# unknown one is noise ("lease vee eed an": "an" is a word of the document, not enough).
LONG_WORD = 3
# Noise is looked for only this share of the page's height above or below a line holding a UN
# job number, a barcode's digits, a document symbol or the recycling notice (parsers.pdf.furniture's
# patterns), or the job line's date code (DDMMYY: "rhe 031125", where OCR lost the job number):
# the barcode and the logo stand beside the job number (7.8-26 pt from it over the 43 scans). A
# page number or six digits that are no date are no such line: a scan's foot without one (an
# address, "18720 Oxnard Street, Tarzana, CA 91356", whose words are the document's nowhere else,
# over "(818) 7088131 TELEX #298949") is left as it is.
ANCHOR_REACH = 0.04
ANCHORS = frozenset({"job number", "barcode", "document symbol", "recycling notice"})
_DATE_CODE = re.compile(r"\b(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d\d\b")
# A job line (a job number and a date code) with at most this many letters or digits besides is
# the job line misread ("24-00436 1 120124", its "(E)" read as "1").
JOB_LINE_JUNK = 2
NOISE = "OCR text of no words at the foot of a scanned page (a barcode, logo or stamp read as letters)"
_WORD = re.compile(r"[^\W\d_]{2,}")
_NOTE_NUMBER = re.compile(r"^\W{0,2}\d{1,3}\s")
# A year or an ordinal: a date or an adoption line ("26 October 2018", "26th plenary meeting",
# "26e séance plénière", "26-е пленарное заседание"), text whatever its words. A barcode's digits
# read as a date code ("071118") are not one.
_DATED = re.compile(r"\b(?:1[89]|20)\d\d\b|\d-?[^\W\d_]{1,3}\b")
# Chinese and Japanese are written without spaces: a run of their characters is a phrase, which
# no other line need hold; such lines are not judged.
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def ocr_noise(pages: Sequence[list[Line]], heights: Sequence[float],
              invisible: Sequence[bool]) -> tuple[list[list[Line]], list[Furniture]]:
    """The pages without the noise lines at the foot of their OCR layers, and those lines."""
    if not any(invisible):
        return list(pages), []
    known = {word.casefold()
             for lines, height in zip(pages, heights, strict=True) for line in lines
             if MARGIN_BAND * height < line.baseline < (1 - MARGIN_BAND) * height
             for word in _WORD.findall(line.text)}
    kept: list[list[Line]] = []
    noise: list[Furniture] = []
    for lines, height, ocr in zip(pages, heights, invisible, strict=True):
        if not ocr:
            kept.append(lines)
            continue
        foot = [line for line in lines if line.baseline > (1 - FOOT_BAND) * height and not line.cells]
        anchors = [line.baseline for line in foot
                   if set(furniture_parts(line.text)[1]) & ANCHORS or _DATE_CODE.search(line.text)]
        gone = {id(line) for line in foot
                if any(abs(line.baseline - anchor) <= ANCHOR_REACH * height for anchor in anchors)
                and _is_noise(line.text, known)}
        noise.extend(Furniture(line.page, line.text.strip(), NOISE) for line in lines if id(line) in gone)
        kept.append([line for line in lines if id(line) not in gone])
    return kept, noise


def _is_noise(text: str, known: set[str]) -> bool:
    if SYMBOL.search(text) or _NOTE_NUMBER.match(text) or _DATED.search(text) or _UNSPACED.search(text):
        return False
    if furniture_reason(text) is not None:  # running lines' patterns alone: theirs to report (strip_furniture)
        return False
    rest, parts = furniture_parts(text)  # a job number and a date code beside a barcode's letters
    words = [word.casefold() for word in _WORD.findall(rest)]
    long = [word for word in words if len(word) >= LONG_WORD]
    if long:
        return not any(word in known for word in long)
    if words:  # words of two letters only: "to be" is text, "NA" is not
        return not any(word in known for word in words)
    if {"job number", "date code"} <= set(parts):  # the job line, its language's "(E)" misread: "24-00436 1 120124"
        return sum(ch.isalnum() for ch in rest) <= JOB_LINE_JUNK
    return not any(ch.isdigit() for ch in rest) and not rest.isspace() and bool(rest)
