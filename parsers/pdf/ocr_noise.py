"""What an OCR program read at the foot of a scanned UN page that is no text: the barcode and the
"Please recycle" logo beside the job number, read as letters ("ease ret a", "{IOUT YA OD A A").

Over a scan of a UN document's first page, tesseract makes two to seven such lines below the text.
Left in the body, they cut the page's last paragraph from its end on the next page, or are joined
to it ("Recognizing ... the safety of peacekeepers and" / "ease ret a humanitarian personnel").

On a page whose text is an OCR layer (Page.invisible), a line at the page's foot (FOOT_BAND) is
such noise when it stands beside the job line (`_beside`: near it, and level with it or below it,
or in the page's right half, where the logo is; the notes end above it on the left) and has a
word of three letters or more, none of which is the document's (found in the lines between the
running lines' bands, MARGIN_BAND, of any page); or, with words of two letters only, none of
them is; or, with no word, it has no digit but a mark (";", "E :"), its job number and date code
aside ("18-18418 ‘i 071118": the barcode between them read as letters), or it is a job line with
a misread letter ("24-00436 1 120124"). A line of text has a word of the document
("fragmentation of Yemen's economy, including banking and financial institutions," has four of
nine in a short draft: a share of known words would take it). Where the OCR lost the job line (at
200 dpi it often does), a line it sized as tall as a picture (TALL) with no word of the document
is noise too.

A line is kept that names a document symbol, opens with a note's number ("31 A/80/182."), or
holds a year or an ordinal (a date, an adoption line: "26th plenary meeting", whose words may be
found nowhere else). Lines in Chinese or Japanese, written without spaces, are not judged. A foot
with no job line and no tall line is not judged either: an address's words may be the document's
nowhere else, and nothing tells them from noise.

At the top of a scanned UN first page, the OCR reads the UN emblem, left of the masthead, as
letters too ("\\y General Assembly", "Vj<tab>14 October 2025", "SF", "M"), and the symbol at the
masthead's right as something close to it ("Aic.3/80/L4", "S 2021/1075"). Below a line "United
Nations" at the top of an OCR page (`_masthead_noise`), within EMBLEM_DEPTH of it, what starts
left of that line's margin is noise up to its first word of three letters or figure ("General
Assembly", "14 October 2025" are kept), and a line on its right that looks like a symbol is the
symbol misread.

Noise is reported as furniture with its page, never dropped. Pages with a text layer of their own
are not looked at: their foot lines are read, not guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from parsers.language import spaceless
from parsers.model import Furniture
from parsers.pdf.furniture import MARGIN_BAND, furniture_parts, reason_of, text_size
from parsers.pdf.lines import Line
from parsers.structure import SYMBOL

# The share of the page's height at its foot where noise is looked for: a little more than the
# running footers' band (a barcode's first line stands 79.3 pt above the foot of a 792 pt page).
FOOT_BAND = 0.12
# A line with a known word of this many letters or more is text; without one, a line with an
# unknown one is noise ("lease vee eed an": "an" is a word of the document, not enough).
LONG_WORD = 3
# Noise is looked for only this share of the page's height above or below a line holding a UN
# job number, a barcode's digits or the recycling notice (parsers.pdf.furniture's patterns), a
# symbol alone, or the job line's date code (DDMMYY: "rhe 031125", where OCR lost the job number):
# the barcode and the logo stand beside the job number (7.8-26 pt from it over the 43 scans). A
# page number or six digits that are no date are no such line: a scan's foot without one (an
# address, "18720 Oxnard Street, Tarzana, CA 91356", whose words are the document's nowhere else,
# over "(818) 7088131 TELEX #298949") is left as it is.
ANCHOR_REACH = 0.04
ANCHORS = frozenset({"job number", "barcode", "recycling notice"})
_DATE_CODE = re.compile(r"\b(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d\d\b")
# A job line (a job number and a date code) with at most this many letters or digits besides is
# the job line misread ("24-00436 1 120124", its "(E)" read as "1").
JOB_LINE_JUNK = 2
# A line the OCR sized this many times the page's text (its commonest size) or more is as tall as
# a picture: the barcode and the logo read as letters stand 18-27 pt tall over 8-9 pt text in the
# scans, where the job line that tells them is often lost (at 200 dpi: "i 0 0" and "rene ee" alone).
TALL = 1.8
NOISE = "OCR text of no words at the foot of a scanned page (a barcode, logo or stamp read as letters)"
_WORD = re.compile(r"[^\W\d_]{2,}")
_LONG_RUN = re.compile(rf"[^\W\d_]{{{LONG_WORD}}}")  # a run of LONG_WORD letters
_NOTE_NUMBER = re.compile(r"^\W{0,2}\d{1,3}\s")
# A year or an ordinal: a date or an adoption line ("26 October 2018", "26th plenary meeting",
# "26e séance plénière", "26-е пленарное заседание"), text whatever its words. A barcode's digits
# read as a date code ("071118") are not one.
_DATED = re.compile(r"\b(?:1[89]|20)\d\d\b|\d-?[^\W\d_]{1,3}\b")
# A UN masthead's first line, looked for in the top MASTHEAD_BAND of an OCR page (its baseline
# 57-65 pt down a 792 pt page on the scans), and how far below it (a share of the page's height)
# the emblem's letters are looked for: they stood 29-63 pt under that line's baseline.
_UNITED_NATIONS = re.compile(r"\s*united\s+nations\s*", re.IGNORECASE)
MASTHEAD_BAND = 0.15
EMBLEM_DEPTH = 0.1
EMBLEM = "OCR text of no words beside a scanned page's masthead (the UN emblem read as letters)"
MISREAD_SYMBOL = "document symbol, as OCR misread it"
# The masthead's symbol as OCR misreads it: a capital, then letters, figures, points, slashes
# and a space or two, with a figure ("Aic.3/80/L4", "$2018/693", "A RES/80/228").
_SYMBOL_LIKE = re.compile(r"[A-Z$][A-Za-z0-9./ ]{3,24}")


def ocr_noise(pages: Sequence[list[Line]], sizes: Sequence[tuple[float, float]],
              invisible: Sequence[bool]) -> tuple[list[list[Line]], list[Furniture]]:
    """The pages without the noise lines at the foot of their OCR layers, and those lines."""
    if not any(invisible):
        return list(pages), []
    known = {word.casefold()
             for lines, (_width, height) in zip(pages, sizes, strict=True) for line in lines
             if MARGIN_BAND * height < line.baseline < (1 - MARGIN_BAND) * height
             for word in _WORD.findall(line.text)}
    kept: list[list[Line]] = []
    noise: list[Furniture] = []
    for lines, (width, height), ocr in zip(pages, sizes, invisible, strict=True):
        if not ocr:
            kept.append(lines)
            continue
        foot = [line for line in lines if line.baseline > (1 - FOOT_BAND) * height and not line.cells]
        anchors = [line.baseline for line in foot if _is_job_line(line.text)]
        size = text_size(lines)
        gone = {id(line) for line in foot
                if any(_beside(line, anchor, width, height, size) for anchor in anchors) and _is_noise(line.text, known)
                or line.size >= TALL * size and _is_picture(line.text, known)}
        noise.extend(Furniture(line.page, line.text.strip(), NOISE) for line in lines if id(line) in gone)
        top, found = _masthead_noise([line for line in lines if id(line) not in gone], height)
        noise.extend(found)
        kept.append(top)
    return kept, noise


def _masthead_noise(lines: list[Line], height: float) -> tuple[list[Line], list[Furniture]]:
    """The lines without what the OCR read from a UN masthead's emblem and the symbol it misread
    (see the module's note), and those as furniture."""
    heads = [line for line in lines if line.baseline < MASTHEAD_BAND * height and _UNITED_NATIONS.fullmatch(line.text)]
    if not heads:
        return lines, []
    head = heads[0]
    out: list[Line] = []
    found: list[Furniture] = []
    for line in lines:
        beside = head.baseline < line.baseline <= head.baseline + EMBLEM_DEPTH * height
        if line is not head and abs(line.baseline - head.baseline) <= head.size and line.x0 > head.x1 \
                and _SYMBOL_LIKE.fullmatch(line.text.strip()) and any(ch.isdigit() for ch in line.text) \
                and SYMBOL.search(line.text) is None:
            found.append(Furniture(line.page, line.text.strip(), MISREAD_SYMBOL))
            continue
        if not beside or line.x0 >= head.x0 - 0.5 * line.size:
            out.append(line)
            continue
        cut = _emblem_letters(line.text)
        if cut:
            found.append(Furniture(line.page, line.text[:cut].strip(), EMBLEM))
            start = len(line.text) - len(line.text[cut:].lstrip())  # where the words kept start
            if start < len(line.text):
                out.append(replace(line, text=line.text[start:], styles=line.styles[start:], x0=max(line.x0, head.x0)))
        else:
            out.append(line)
    return out, found


def _emblem_letters(text: str) -> int:
    """How many characters at the start of a line left of a masthead are the emblem read as
    letters: the words before the first with a run of LONG_WORD letters or a number (the whole
    line when there is none). The emblem's are of one or two letters, a figure among them at
    times ("\\y", "Vj", "SF", "M)", "S24")."""
    for word in re.finditer(r"\S+", text):
        alnum = [ch for ch in word.group() if ch.isalnum()]
        if (alnum and all(ch.isdigit() for ch in alnum)) or _LONG_RUN.search(word.group()):
            return word.start()
    return len(text)


def _is_job_line(text: str) -> bool:
    """A UN page's job line, or the running line beside which the barcode stands: a job number,
    a barcode's digits, the recycling notice or a date code anywhere in it, or a symbol alone (a
    note citing "A/71/53/Add.1" is no such line)."""
    rest, found = furniture_parts(text)
    return bool(set(found) & ANCHORS) or _DATE_CODE.search(text) is not None or (
        "document symbol" in found and reason_of(rest, found) is not None)


def _beside(line: Line, anchor: float, width: float, height: float, size: float) -> bool:
    """Whether the line stands where a UN page's barcode and logo do beside its job line (whose
    baseline is `anchor`): within ANCHOR_REACH of it, and level with it or below it, or in the
    page's right half. The notes end above the job line on the left ("decision 1/CP.21, annex.",
    a note's words found nowhere else in a short resolution); the logo may stand higher on the
    right ("ee", 26 pt above S/2021/1075's job line)."""
    return (abs(line.baseline - anchor) <= ANCHOR_REACH * height
            and (line.baseline >= anchor - size or line.x0 >= width / 2))


def _text_whatever_its_words(text: str, rest: str, parts: list[str]) -> bool:
    """A line kept whatever its words: it names a document symbol, holds a year or an ordinal, is
    written without spaces (Chinese, Japanese: parsers.language.spaceless), or is a running line
    by its patterns alone (`rest` and `parts`, furniture_parts': strip_furniture reports it)."""
    return (SYMBOL.search(text) is not None or _DATED.search(text) is not None or any(map(spaceless, text))
            or reason_of(rest, parts) is not None)


def _is_noise(text: str, known: set[str]) -> bool:
    rest, parts = furniture_parts(text)  # a job number and a date code beside a barcode's letters
    if _NOTE_NUMBER.match(text) or _text_whatever_its_words(text, rest, parts):
        return False
    words = [word.casefold() for word in _WORD.findall(rest)]
    long = [word for word in words if len(word) >= LONG_WORD]
    if long:
        return not any(word in known for word in long)
    if words:  # words of two letters only: "to be" is text, "NA" is not
        return not any(word in known for word in words)
    if {"job number", "date code"} <= set(parts):  # the job line, its language's "(E)" misread: "24-00436 1 120124"
        return sum(ch.isalnum() for ch in rest) <= JOB_LINE_JUNK
    return not any(ch.isdigit() for ch in rest) and not rest.isspace() and bool(rest)


def _is_picture(text: str, known: set[str]) -> bool:
    """A line as tall as a picture (TALL) is one read as letters when it holds no word of the
    document, figures or not ("i 0 0", a barcode's bars; "rene ee", the recycling logo)."""
    if _text_whatever_its_words(text, *furniture_parts(text)):
        return False
    return not any(word.casefold() in known for word in _WORD.findall(text)) and any(ch.isalnum() for ch in text)
