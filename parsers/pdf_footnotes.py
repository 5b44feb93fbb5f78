"""Footnotes out of the page body: the block at a page's foot set in smaller type, each note
opening with its mark (a raised ¹ or *, or a plain "1" in some layouts). A block that opens
without a mark continues the previous page's last note."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from parsers.model import Footnote
from parsers.pdf_lines import Line

# Footnote type is at most this fraction of the body size (UN: 9 pt under 10 pt, 8 under 10).
FOOTNOTE_SIZE_RATIO = 0.93
_PLAIN_MARK = re.compile(r"^(\d{1,3}|[*†‡§]{1,3})(?:\s+|\t|(?=[^\W\d_]))")

Joiner = Callable[[Sequence[Line]], str]


def _mark(line: Line, expected: int | None) -> tuple[str, int] | None:
    """(mark, characters to cut) when the line opens a note. A raised mark always opens one; a
    plain number only when it is the next note's ("15 States ..." inside a note is text)."""
    if line.lead_mark is not None:
        return line.lead_mark, len(line.lead_mark)
    m = _PLAIN_MARK.match(line.text)
    if not m:
        return None
    mark = m.group(1)
    if mark.isdigit() and expected is not None and int(mark) != expected:
        return None
    return mark, m.end()


def _openings(zone: Sequence[Line], expected: int | None) -> list[tuple[str, int] | None]:
    out = []
    for line in zone:
        opening = _mark(line, expected)
        if opening is not None and opening[0].isdigit():
            expected = int(opening[0]) + 1
        out.append(opening)
    return out


def split_footnotes(
    pages: Sequence[list[Line]], body_size: float, join: Joiner
) -> tuple[list[list[Line]], list[Footnote]]:
    """Body lines per page, and the footnotes found at the pages' feet (continued notes joined)."""
    bodies: list[list[Line]] = []
    notes: list[tuple[str, int, list[Line]]] = []  # mark, page, lines (first line cut of its mark)
    for lines in pages:
        start = len(lines)
        while start > 0 and lines[start - 1].size <= FOOTNOTE_SIZE_RATIO * body_size:
            start -= 1
        zone = lines[start:]
        opened = _openings(zone, _next_number(notes))
        first_mark = next((k for k, m in enumerate(opened) if m is not None), None)
        if first_mark is None and not notes:
            bodies.append(list(lines))
            continue
        if first_mark is None:
            first_mark = len(zone)
        if first_mark > 0:
            if _continues(notes, zone[0]):
                notes[-1][2].extend(zone[:first_mark])
            else:  # small lines above the first note are body text (a small table, a source line)
                start += first_mark
            zone, opened = zone[first_mark:], opened[first_mark:]
        bodies.append(list(lines[:start]))
        for line, opening in zip(zone, opened, strict=True):
            if opening is not None:
                mark, cut = opening
                notes.append((mark, line.page, [_cut(line, cut)]))
            elif notes:
                notes[-1][2].append(line)
    return bodies, [Footnote(mark, join(lines), page) for mark, page, lines in notes]


def _continues(notes: Sequence[tuple[str, int, list[Line]]], line: Line) -> bool:
    """A page's foot opening without a mark continues the last note when that note ended the
    previous page mid-sentence."""
    if not notes:
        return False
    last = notes[-1][2][-1]
    return last.page == line.page - 1 and not last.text.rstrip().endswith((".", "!", "?"))


def _next_number(notes: Sequence[tuple[str, int, list[Line]]]) -> int | None:
    for mark, _page, _lines in reversed(notes):
        if mark.isdigit():
            return int(mark) + 1
    return None


def _cut(line: Line, cut: int) -> Line:
    text = line.text[cut:]
    lead = len(text) - len(text.lstrip())
    return replace(line, text=text[lead:], styles=line.styles[cut + lead:], lead_mark=None)
