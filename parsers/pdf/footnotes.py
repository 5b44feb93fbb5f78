"""Footnotes out of the page body: the block at a page's foot set in smaller type, each note
opening with its mark (a raised ¹ or *, or a plain "1" in some layouts). A block that opens
without a mark continues the previous page's last note.

On a scanned page read by OCR, sizes do not tell notes (the OCR sizes each line by its height on
the scan: a note's first line often as the text's), the separator rule is often not read, and the
raised marks come out as whatever the OCR saw ("'", "®", "°" or "T" for a raised 1, 6, 9 or 7).
There the notes are the block below the page's widest blank, when it opens with such a mark
(`_scanned_foot`), and each note takes the number the document's notes have reached, the
misreadings said in a warning."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from parsers.docx.numformat import format_number
from parsers.model import Footnote, displayed_mark
from parsers.pdf.furniture import text_size
from parsers.pdf.lines import Line

# Footnote type is at most this fraction of the body size (UN: 9 pt under 10 pt, 8 under 10).
FOOTNOTE_SIZE_RATIO = 0.93
# Notes set in the body's size (a short Word document printed by LibreOffice, "¹ My note." in
# 12 pt under 12 pt text) are found by their place instead: a foot block this many body sizes
# below the text above it, opening with a raised mark that the text above calls.
FOOT_GAP_EM = 4.0
# Lines within this many points of a note's size are set in it.
NOTE_SIZE_TOLERANCE = 0.1
_PLAIN_MARK = re.compile(r"^(\d{1,3}|[*†‡§]{1,3})(?:\s+|\t|(?=[^\W\d_]))")
# A mark alone on its line: a note whose text is empty (a Word footnote emptied, printed), taken
# only when the text above calls that mark.
_LONE_MARK = re.compile(r"^\s*(\d{1,3}|[*†‡§]{1,3})\s*$")
# Sizes an OCR gave within this share of each other are one text's (parsers.pdf.reader's steady
# sizes; tesseract sizes the lines of one 10 pt paragraph 8, 9 and 10 pt).
OCR_SIZE_SLACK = 0.15
# A scan's notes stand below a blank at least this many of the page's line pitches high, in the
# lower half of its text (UN pages: 2.0-4.8, the separator rule between; paragraphs are 1.5
# apart, headings 1.9-2.0), set at most OCR_SIZE_SLACK larger than the text (the OCR sizes a
# note's first line 10 pt over 8 and 9 pt text).
SCAN_FOOT_GAP_PITCHES = 2.0
# A note's raised mark as OCR reads it: up to three characters, each a figure or a character
# tesseract gives for a small raised figure ("'", "‘", "’", "!", "|", "l" or "I" for 1, ">" or "?"
# for 2, "*" for 4, "S" for 5, "®" for 6, "T" for 7, "°" for 9), then a space. A figure read keeps
# its place in the sequence ("3" for 13); a mark read otherwise takes the number the notes have
# reached.
_OCR_MARK = re.compile(r"^([0-9'‘’\"“”*°®©>?!|\\^`~¹²³⁴⁵⁶⁷⁸⁹⁰TlIS]{1,3})\s+(?=\S)")
# How many notes the OCR may have lost the marks of (a page's notes, at 200 dpi askew) before a
# mark read whole: it then keeps its number.
OCR_SKIPPED_MARKS = 10
# An opening line of a scan's notes starts at most this many ems right of the foot's leftmost line
# (UN notes hang their marks 6-9 pt left of their other lines; a mark read as two characters
# starts 2.4 pt left of one read as one).
OCR_MARK_MARGIN_EM = 0.5

Joiner = Callable[[Sequence[Line]], str]


def _mark(line: Line, expected: int | None, called: frozenset[str]) -> tuple[str, int] | None:
    """(mark, characters to cut) when the line opens a note. A raised mark always opens one; a
    plain number only when it is the next note's ("15 States ..." inside a note is text); a mark
    alone on the line only when `called` (the marks of the text above) has it."""
    if line.lead_mark is not None:
        return line.lead_mark, len(line.lead_mark)
    m = _PLAIN_MARK.match(line.text)
    if not m:
        lone = _LONE_MARK.match(line.text)
        return (lone.group(1), len(line.text)) if lone and lone.group(1) in called else None
    mark = m.group(1)
    if mark.isdigit() and expected is not None and int(mark) != expected:
        return None
    return mark, m.end()


def _openings(zone: Sequence[Line], expected: int | None, called: frozenset[str]) -> list[tuple[str, int] | None]:
    out = []
    for line in zone:
        opening = _mark(line, expected, called)
        if opening is not None and opening[0].isdigit():
            expected = int(opening[0]) + 1
        out.append(opening)
    return out


Note = tuple[str, int, list[Line], int]  # mark, page, lines (the first cut of its mark), flow
# Where a scanned line opens a note: its mark, the characters to cut, the mark as printed.
Opening = tuple[str, int, str] | None


def split_footnotes(
    pages: Sequence[list[Line]], body_size: float, join: Joiner, scanned: Sequence[bool] = (),
    misread: list[tuple[str, str]] | None = None,
) -> tuple[list[list[Line]], list[Footnote]]:
    """Body lines per page, and the footnotes found at the feet of the pages (of each column on
    pages set in columns), continued notes joined. `scanned` says which pages are an OCR's text
    layer: their notes are found as a scan's (`_scanned_foot`), and the marks read there as
    another character than the number given are added to `misread` (printed, given)."""
    bodies: list[list[Line]] = []
    notes: list[Note] = []
    flow = 0
    for number, lines in enumerate(pages):
        body: list[Line] = []
        for column in _flows(lines):
            flow += 1
            if number < len(scanned) and scanned[number]:
                body.extend(_take_scanned_notes(column, body_size, notes, flow, misread))
            else:
                body.extend(_take_notes(column, body_size, notes, flow))
        bodies.append(body)
    notes.extend(_take_endnotes(bodies))
    if any(scanned):
        bodies = [_scanned_calls(body, [mark for mark, page, _lines, _flow in notes if page == number + 1], misread)
                  if number < len(scanned) and scanned[number] else body for number, body in enumerate(bodies)]
    return bodies, [Footnote(mark, join(lines), page) for mark, page, lines, _flow in notes]


def _take_endnotes(bodies: list[list[Line]]) -> list[Note]:
    """Endnotes printed at the end of the document (Word numbers them i, ii, iii): the lines from
    the first one opening with the raised mark "i" to the end, when that line is on the last page
    or opens its page (the endnotes start on a page of their own), every mark opening a line there
    counts on from it and the text before calls each; taken out of `bodies`."""
    place = [(p, k) for p, body in enumerate(bodies) for k in range(len(body))]
    lines = [bodies[p][k] for p, k in place]
    start = next((n for n, line in enumerate(lines) if line.lead_mark == "i"), None)
    if start is None or not (place[start][0] == place[-1][0] or place[start][1] == 0):
        return []
    called = _called(lines[:start])
    opening = [line.lead_mark for line in lines[start:] if line.lead_mark is not None]
    if opening != [format_number(n, "lowerRoman") for n in range(1, len(opening) + 1)] or not called.issuperset(opening):
        return []
    notes: list[Note] = []
    for line in lines[start:]:
        if line.lead_mark is not None:
            notes.append((line.lead_mark, line.page, [_cut(line, len(line.lead_mark))], 0))
        else:
            notes[-1][2].append(line)
    first_page, first_line = place[start]
    bodies[first_page] = bodies[first_page][:first_line]
    for p in range(first_page + 1, len(bodies)):
        bodies[p] = []
    return notes


def _flows(lines: Sequence[Line]) -> list[list[Line]]:
    """The page's lines cut where reading goes back up the page (the next column)."""
    flows: list[list[Line]] = []
    for line in lines:
        if flows and line.baseline < flows[-1][-1].baseline - 1.0:
            flows.append([line])
        elif flows:
            flows[-1].append(line)
        else:
            flows.append([line])
    return flows


def _take_notes(lines: list[Line], body_size: float, notes: list[Note], flow: int,
                first: int | None = None) -> list[Line]:
    """Move the notes at the foot of one column of lines into `notes`; return the body lines. A
    plain number opens the first note only when it is `first` (any, when None)."""
    start = len(lines)
    while start > 0 and lines[start - 1].size <= FOOTNOTE_SIZE_RATIO * body_size and not lines[start - 1].cells:
        start -= 1
    if start == len(lines):
        start = _foot_of_same_size(lines, body_size)
    zone = lines[start:]
    opened = _openings(zone, _next_number(notes) or first, _called(lines[:start]))
    first_mark = next((k for k, m in enumerate(opened) if m is not None), len(zone))
    if first_mark > 0 and zone:
        if _continues(notes, flow) or _goes_on_in_note_type(zone, first_mark, notes, flow):
            notes[-1][2].extend(zone[:first_mark])
        else:  # small lines above the first note are body text (a small table, a source line)
            start += first_mark
        zone, opened = zone[first_mark:], opened[first_mark:]
    for line, opening in zip(zone, opened, strict=True):
        if opening is not None:
            mark, cut = opening
            notes.append((mark, line.page, [_cut(line, cut)], flow))
        elif notes:
            notes[-1][2].append(line)
    return lines[:start]


def _take_scanned_notes(lines: list[Line], body_size: float, notes: list[Note], flow: int,
                        misread: list[tuple[str, str]] | None) -> list[Line]:
    """`_take_notes` for a column of a scanned page: the notes are the block `_scanned_foot`
    finds, each opening where an OCR mark (`_ocr_mark`) stands at the block's left. Lines above
    the block's first mark go on with the previous page's last note when it stopped mid-sentence,
    or when set smaller than the text (the OCR lost the marks of the notes they are); else they
    stay text. Lines below the block (what the OCR made of a barcode, under a blank of its own)
    stay in the body. A page where no such block is found is read as a printed page is."""
    lines = _lone_marks_joined(lines)
    margin = Counter(round(line.x0) for line in lines).most_common(1)[0][0]  # where most lines start

    def openings(zone: Sequence[Line]) -> list[Opening]:
        left = min(line.x0 for line in zone)
        starts = [line.lead_mark or _OCR_MARK.match(line.text) for line in zone
                  if line.x0 <= left + OCR_MARK_MARGIN_EM * line.size]
        printed = [start if isinstance(start, str) else start.group(1) for start in starts if start]
        expected, first = _next_number(notes) or 1, not notes
        expected += _marks_lost(printed, expected)
        # a block set smaller than the text, its first line hung left of the text's margin
        hung = zone[0].x0 <= margin - OCR_MARK_MARGIN_EM * zone[0].size and _smaller(zone, body_size)
        out: list[Opening] = []
        for line in zone:
            at_left = line.x0 <= left + OCR_MARK_MARGIN_EM * line.size
            # past a note found by its mark, or in a block that is notes by its look, any mark at
            # the left opens the next
            opening = _ocr_mark(line, expected, first, inside=hung or any(out)) if at_left else None
            if opening is not None:
                expected = int(opening[0]) + 1 if opening[0].isdigit() else expected
                first = False
            out.append(opening)
        return out

    def opens(zone: Sequence[Line]) -> list[Opening] | None:
        """The block's openings when it opens the notes, else None."""
        opened = openings(zone)
        if opened[0] is not None:
            return opened
        if not notes or not any(opened):
            return None
        return opened if _continues(notes, flow) or _smaller(zone, body_size) else None

    start, end, opened = _scanned_foot(lines, body_size, opens)
    if start == end:  # none found so: as on a printed page (notes the OCR sized smaller), from 1
        return _take_notes(lines, body_size, notes, flow, first=1)
    for line, opening in zip(lines[start:end], opened, strict=True):
        if opening is None:
            notes[-1][2].append(line)
            continue
        mark, cut, printed = opening
        notes.append((mark, line.page, [_cut(line, cut)], flow))
        if misread is not None and printed != mark:
            misread.append((printed, mark))
    return lines[:start] + lines[end:]


# A raised mark the OCR read as a line of its own (figures or asterisks: a quote alone may be the
# text's), at most this many ems above the baseline of the line it belongs to (3.8 pt over 9 pt
# text; a note's mark 2-3.5 pt over its 8 pt line at 200 dpi askew).
LONE_MARK_RISE_EM = 0.6
_LONE_OCR_MARK = re.compile(r"[0-9¹²³⁴⁵⁶⁷⁸⁹⁰*]{1,3}")


def _lone_marks_joined(lines: list[Line]) -> list[Line]:
    """A scanned column's lines with each raised mark the OCR set on a line of its own joined to
    the line just below it that it belongs to: before it when it stands left of that line (a
    note's mark: "26" over "Resolution 73/195, annex."), after it when right of its end (a call:
    "persons," then "23")."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        mark = lines[k]
        below = lines[k + 1] if k + 1 < len(lines) else None
        if below is not None and _LONE_OCR_MARK.fullmatch(mark.text.strip()) \
                and 0 < below.baseline - mark.baseline <= LONE_MARK_RISE_EM * below.size:
            text = mark.text.strip()
            styles = ((False, False),) * len(text)
            if mark.x1 <= below.x0 + 1.0:
                out.append(replace(below, text=f"{text} {below.text}", styles=(*styles, (False, False), *below.styles),
                                   x0=mark.x0, lead_mark=None))
                k += 2
                continue
            if mark.x0 >= below.x1 - 1.0:
                out.append(replace(below, text=below.text + text, styles=(*below.styles, *styles), x1=mark.x1))
                k += 2
                continue
        out.append(mark)
        k += 1
    return out


def _marks_lost(printed: Sequence[str], expected: int) -> int:
    """How many notes before a block of a scan's notes lost their marks (a page's notes at 200 dpi
    askew, joined to the note before): the shift, up to OCR_SKIPPED_MARKS, under which most of the
    block's marks read with figures (`printed`, in turn) fit their numbers ("1", "2", "3" read
    where 8, 9, 10 are expected: 11, 12, 13), when two do at least and more than unshifted."""
    def fitting(shift: int) -> int:
        return sum(1 for k, mark in enumerate(printed)
                   if any(ch.isdigit() and ch.isascii() for ch in mark) and _fits(mark, str(expected + shift + k)))

    best = max(range(OCR_SKIPPED_MARKS + 1), key=lambda shift: (fitting(shift), -shift))
    return best if fitting(best) >= 2 and fitting(best) > fitting(0) else 0


def _smaller(lines: Sequence[Line], body_size: float) -> bool:
    """Whether most of the lines' characters are set smaller than the text."""
    return text_size(lines) < body_size - NOTE_SIZE_TOLERANCE


def _scanned_foot(lines: Sequence[Line], body_size: float,
                  opens: Callable[[Sequence[Line]], list[Opening] | None]) -> tuple[int, int, list[Opening]]:
    """Where a scanned page's notes start and end in `lines`, and their lines' openings (start ==
    end for none): the lowest block in the lower half of the lines below a blank of
    SCAN_FOOT_GAP_PITCHES line pitches (the commonest step between baselines), down to the next
    such blank, with no line set larger than the text (OCR_SIZE_SLACK), that `opens` the notes."""
    steps = [round(b.baseline - a.baseline, 1) for a, b in zip(lines, lines[1:], strict=False)]
    positive = [step for step in steps if step > 0]
    if not positive:
        return len(lines), len(lines), []
    pitch = Counter(positive).most_common(1)[0][0]
    middle = (lines[0].baseline + lines[-1].baseline) / 2
    cuts = [k + 1 for k, step in enumerate(steps) if step >= SCAN_FOOT_GAP_PITCHES * pitch]
    largest = body_size * (1 + OCR_SIZE_SLACK) + NOTE_SIZE_TOLERANCE
    for start, end in reversed(list(zip(cuts, [*cuts[1:], len(lines)], strict=False))):
        zone = lines[start:end]
        if zone[0].baseline < middle:
            break
        if not any(line.size > largest or line.cells for line in zone) and (opened := opens(zone)) is not None:
            return start, end, opened
    return len(lines), len(lines), []


def _ocr_mark(line: Line, expected: int, first: bool, inside: bool = False) -> Opening:
    """(mark, characters to cut, the mark as printed) when a scanned line opens a note: a raised
    mark the line builder saw, or an OCR mark (_OCR_MARK) that fits (`_fits`) the expected number,
    or "*" alone for the first note when written so, or a number read whole up to
    OCR_SKIPPED_MARKS further (the marks between lost). `inside` a block of notes, any OCR mark at
    its left opens one: the expected number, misread ("5" for 13)."""
    if line.lead_mark is not None:
        return line.lead_mark, len(line.lead_mark), line.lead_mark
    m = _OCR_MARK.match(line.text)
    if not m:
        return None
    printed = m.group(1)
    if first and printed.strip("*") == "":
        return "*", m.end(), printed
    if _fits(printed, str(expected)):
        return str(expected), m.end(), printed
    if printed.isascii() and printed.isdigit() and expected < int(printed) <= expected + OCR_SKIPPED_MARKS:
        return printed, m.end(), printed
    return (str(expected), m.end(), printed) if inside else None


# A note's call in a scanned page's text as OCR reads the raised figures: up to three figures or
# characters tesseract gives for them, right after a word or its punctuation, before a space or
# the line's end ("Development,! and", "2017? and", "Convention,° as"); `_own_character` keeps
# the text's own.
_OCR_CALL = re.compile(r"(?<=\S)([0-9'‘’\"“”*°®©>?!^`~]{1,3})(?=\s|$)")
_QUOTES = "'‘’\"“”"
# What a call's figures may follow: a lower-case letter or a word's punctuation (not a capital,
# "G77", nor a figure or a slash, "70/1").
_BEFORE_FIGURES = ",.;:”)]"


def _scanned_calls(lines: list[Line], marks: Sequence[str], misread: list[tuple[str, str]] | None) -> list[Line]:
    """A scanned page's lines with the calls of its notes (`marks`, in order) written as raised
    marks where the OCR read them as other characters (_OCR_CALL, less `_own_character`), when
    the page holds as many such calls as notes it does not call otherwise: each is then the next
    note in order. On a page short of calls, or with one too many, a call the OCR lost would shift
    the numbers of those after it: only calls read as the number of a note not yet called are
    written ("persons,23"), the others left as read."""
    called = {mark for line in lines for mark in line.marks}
    wanted = [m for m in marks if m.isdigit() and m not in called]
    if not wanted:
        return lines
    calls = [(n, start, end, printed) for n, line in enumerate(lines) for start, end, printed in _calls_in(line.text)]
    if len(calls) == len(wanted) and all(_fits(printed, mark) for (*_place, printed), mark in zip(calls, wanted, strict=True)):
        pairs = list(zip(calls, wanted, strict=True))
    else:  # only the calls read as the number of a note not yet called, in turn
        pairs = []
        for call in calls:
            if call[3] in wanted:
                pairs.append((call, call[3]))
                del wanted[:wanted.index(call[3]) + 1]
    found: dict[int, list[tuple[int, int, str]]] = {}
    for (n, start, end, printed), mark in pairs:
        found.setdefault(n, []).append((start, end, mark))
        if misread is not None and printed != mark:
            misread.append((printed, mark))
    return [_with_calls(line, found[n]) if n in found else line for n, line in enumerate(lines)]


def _calls_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, printed) of what may be notes' calls in a scanned line (_OCR_CALL): after a
    figure, only what follows the figures ("2017?": "?")."""
    out = []
    for call in _OCR_CALL.finditer(text):
        start, printed = call.start(), call.group(1)
        while printed[:1].isdigit() and text[start - 1].isdigit():
            start, printed = start + 1, printed[1:]
        if printed and not _own_character(printed, text[max(0, start - 2):start], text[call.end():call.end() + 2]):
            out.append((start, call.end(), printed))
    return out


def _own_character(printed: str, before: str, after: str) -> bool:
    """Whether characters read after a word (`before` its last two characters, `after` the two
    that follow) are the text's own rather than a note's call: a quote alone, unless after a comma
    and before a lower-case word (an apostrophe, a closing quote); a question or exclamation mark,
    unless a lower-case word follows; anything after a figure (the number goes on, a degree sign);
    figures after anything but a lower-case letter or punctuation ("G77", "70/1"), or after a
    point or comma that follows a figure or a capital ("69.2", "115,000", "L.8")."""
    last = before[-1:]
    lower_next = after[:1] == " " and after[1:].islower()
    if printed in _QUOTES:
        return not (last == "," and lower_next)
    if printed in ("?", "!"):
        return not lower_next
    if last.isdigit():
        return True
    if not any(ch.isdigit() for ch in printed):
        return False
    if last in _BEFORE_FIGURES:
        return not before[:1].islower() and before[:1] not in "”)]"
    return not last.islower()


def _with_calls(line: Line, found: Sequence[tuple[int, int, str]]) -> Line:
    """The line with each (start, end, mark) of `found` written as the raised mark, and its marks
    in the order they stand (after those the line had when their places cannot be told)."""
    placed: list[tuple[int, str]] = []
    at = 0
    for mark in line.marks:
        at = line.text.find(displayed_mark(mark), at)
        if at < 0:
            break
        placed.append((at, mark))
        at += 1
    text, styles = line.text, list(line.styles)
    for start, end, mark in reversed(found):  # from the end: the places before stay
        shown = displayed_mark(mark)
        text = text[:start] + shown + text[end:]
        styles[start:end] = [styles[start - 1]] * len(shown)
    if len(placed) == len(line.marks):
        marks = tuple(mark for _at, mark in sorted([*placed, *((start, mark) for start, _end, mark in found)]))
    else:
        marks = (*line.marks, *(mark for _start, _end, mark in found))
    return replace(line, text=text, styles=tuple(styles), marks=marks)


def _fits(printed: str, number: str) -> bool:
    """Whether a mark the OCR read can be `number`: read from the right, each of its figures is
    that of the number (its first figures may be lost: "3" for 13) and its other characters stand
    for one figure each ("°7" for 27, "'©" for 10)."""
    if len(printed) > len(number):
        return False
    return all(not (ch.isdigit() and ch.isascii()) or ch == digit for ch, digit in zip(reversed(printed), reversed(number),
                                                                                   strict=False))


def _called(lines: Sequence[Line]) -> frozenset[str]:
    """The marks the lines call, one opening a line included ("¹One")."""
    return frozenset([*(m for line in lines for m in line.marks),
                      *(line.lead_mark for line in lines if line.lead_mark is not None)])


def _foot_of_same_size(lines: list[Line], body_size: float) -> int:
    """Where notes set in the body's size start at the foot of `lines` (len(lines) for none): after
    the last gap of FOOT_GAP_EM, when the line below it opens with a raised mark the lines above
    call."""
    for k in range(len(lines) - 1, 0, -1):
        if lines[k].baseline - lines[k - 1].baseline > FOOT_GAP_EM * body_size:
            mark = lines[k].lead_mark
            called = {m for line in lines[:k] for m in line.marks}
            return k if mark is not None and mark in called else len(lines)
    return len(lines)


def _continues(notes: Sequence[Note], flow: int) -> bool:
    """A foot opening without a mark continues the last note when that note ended the previous
    page (or column) mid-sentence."""
    if not notes:
        return False
    _mark_text, _page, lines, last_flow = notes[-1]
    return last_flow == flow - 1 and not lines[-1].text.rstrip().endswith((".", "!", "?"))


def _goes_on_in_note_type(zone: Sequence[Line], first_mark: int, notes: Sequence[Note], flow: int) -> bool:
    """Unmarked lines at the top of a foot that also holds marked notes, set in those notes' size,
    continue the previous page's last note even after a full stop: the next paragraph of a note
    of several paragraphs (the NVCA charter's note 5, continued on the next page)."""
    if first_mark >= len(zone) or not notes or notes[-1][3] != flow - 1:
        return False
    size = zone[first_mark].size
    return all(abs(line.size - size) <= NOTE_SIZE_TOLERANCE for line in zone[:first_mark])


def _next_number(notes: Sequence[Note]) -> int | None:
    for mark, _page, _lines, _flow in reversed(notes):
        if mark.isdigit():
            return int(mark) + 1
    return None


def _cut(line: Line, cut: int) -> Line:
    text = line.text[cut:]
    lead = len(text) - len(text.lstrip())
    return replace(line, text=text[lead:], styles=line.styles[cut + lead:], lead_mark=None)
