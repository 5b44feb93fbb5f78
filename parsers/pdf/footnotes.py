"""Footnotes out of the page body: the block at a page's foot set in smaller type, each note
opening with its mark (a raised ¹ or *, or a plain "1" in some layouts). A block that opens
without a mark continues the previous page's last note."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from parsers.docx.numformat import format_number
from parsers.model import Footnote
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


def split_footnotes(
    pages: Sequence[list[Line]], body_size: float, join: Joiner
) -> tuple[list[list[Line]], list[Footnote]]:
    """Body lines per page, and the footnotes found at the feet of the pages (of each column on
    pages set in columns), continued notes joined."""
    bodies: list[list[Line]] = []
    notes: list[Note] = []
    flow = 0
    for lines in pages:
        body: list[Line] = []
        for column in _flows(lines):
            flow += 1
            body.extend(_take_notes(column, body_size, notes, flow))
        bodies.append(body)
    notes.extend(_take_endnotes(bodies))
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


def _take_notes(lines: list[Line], body_size: float, notes: list[Note], flow: int) -> list[Line]:
    """Move the notes at the foot of one column of lines into `notes`; return the body lines."""
    start = len(lines)
    while start > 0 and lines[start - 1].size <= FOOTNOTE_SIZE_RATIO * body_size and not lines[start - 1].cells:
        start -= 1
    if start == len(lines):
        start = _foot_of_same_size(lines, body_size)
    zone = lines[start:]
    opened = _openings(zone, _next_number(notes), _called(lines[:start]))
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
