"""Line numbers in the margin (Word's "line numbering"), left out of the text and reported as
furniture.

Negotiated drafts carry them so that delegates can point at a line ("line 35, delete
'strongly'"). Word sets each number a quarter inch left of the text's margin, on the baseline of
the line it numbers: read as text, the number became the line's first word ("12 for the
maintenance of"), or a line of its own, and every numbered line broke its paragraph.

A line number is a bare number (digits only) opening a baseline, in the margin: it ends at least
LINE_NUMBER_GAP_EM before the page's commonest left edge, and text follows it on its baseline
further right. A page's numbers rise down the page, at least LINE_NUMBERS_MIN of them (or two
counted by COUNT_BY), or rise, fall once and rise again (LibreOffice numbers the lines of a
page's notes too, under the numbers of its text, on a count of their own); on a page with fewer
(a short last page, numbers every fifth line), numbers ending in the column where other pages'
numbers end are line numbers too.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Callable, Sequence
from operator import attrgetter

from parsers.pdf.chars import Char, Page
from parsers.pdf.lines import right_to_left

# At least this many numbers rising down a page make it a numbered page, or two numbered by this
# (Word's "count by", usually 5: a one-page draft numbered every fifth line shows 5 and 10).
LINE_NUMBERS_MIN = 3
COUNT_BY = 5
# A line number ends at least this many ems (of its size) left of the page's commonest left edge
# and of the text after it (Word: a quarter inch from the margin, 1.8 em of 10 pt text).
LINE_NUMBER_GAP_EM = 1.0
# Glyphs of one number stand closer than this (ems).
DIGIT_GAP_EM = 0.3
# Baselines this close (points) are one.
SAME_BASELINE = 1.0
# The longest line number (digits).
LINE_NUMBER_DIGITS = 5
# A baseline whose glyphs are all smaller than this share of the page's commonest size holds raised
# marks (note calls set a little above their line), not a line.
RAISED_RATIO = 0.75

_X0 = attrgetter("x0")


def without_line_numbers(pages: Sequence[Page]) -> list[Page]:
    """The pages without their line numbers, those in each page's `line_numbers`: in the left
    margin, or, on a page set right to left with none there, in the right one (where Word numbers
    the lines of a right-to-left section, an Arabic draft's; a left-to-right page's figures closing
    its lines, a list's "A<tab>1", stay text)."""
    found = _numbered([page.chars for page in pages], _value)
    if not all(found):
        mirrors = [None if numbers or not right_to_left(page.chars) else _mirrored(page)
                   for page, numbers in zip(pages, found, strict=True)]
        right = _numbered([mirror[0] if mirror else () for mirror in mirrors], _mirrored_value)
        for k, (mirror, numbers) in enumerate(zip(mirrors, right, strict=True)):
            if mirror and numbers:
                found[k] = [sorted((mirror[1][id(c)] for c in number), key=_X0) for number in numbers]
    out = []
    for page, numbers in zip(pages, found, strict=True):
        if not numbers:
            out.append(page)
            continue
        dropped = {id(char) for number in numbers for char in number}
        out.append(dataclasses.replace(page, chars=tuple(c for c in page.chars if id(c) not in dropped),
                                       line_numbers=tuple("".join(c.text for c in number) for number in numbers)))
    return out


def _numbered(pages: Sequence[Sequence[Char]], value: Callable[[list[Char]], int]) -> list[list[list[Char]]]:
    """Each page's line numbers (its glyphs given), left of its text; on a page with fewer than
    LINE_NUMBERS_MIN, those ending in the column where other pages' numbers end."""
    found = [_line_numbers(chars, LINE_NUMBERS_MIN, value) for chars in pages]
    column = {round(number[-1].x1) for numbers in found for number in numbers}
    for k, chars in enumerate(pages):
        if not found[k] and column:
            found[k] = [n for n in _line_numbers(chars, 1, value) if round(n[-1].x1) in column]
    return found


def _mirrored(page: Page) -> tuple[list[Char], dict[int, Char]]:
    """The page's glyphs mirrored left to right (a run's text reversed with its glyphs), and the
    glyph each mirrored one stands for: numbers in the right margin then stand in the left one,
    their digits in reverse (`_mirrored_value`)."""
    width = page.width
    mirrored: list[Char] = []
    back: dict[int, Char] = {}
    for char in page.chars:
        image = char._replace(text=char.text[::-1] if char.glyph_x0s else char.text, x0=width - char.x1,
                              x1=width - char.x0, glyph_x0s=tuple(width - x for x in reversed(char.glyph_x1s)),
                              glyph_x1s=tuple(width - x for x in reversed(char.glyph_x0s)))
        mirrored.append(image)
        back[id(image)] = char
    return mirrored, back


def _line_numbers(chars: Sequence[Char], least: int, value: Callable[[list[Char]], int]) -> list[list[Char]]:
    """A page's line numbers (each its glyphs, top to bottom; `value` reads one), when `least` of
    them or more rise down the page; else none."""
    if len(_openings(chars)) < min(least, 2):
        return []  # a page without bare numbers opening its baselines (nearly every page): asked no further
    rows = _rows(chars)
    sizes: Counter[float] = Counter(round(c.size, 1) for row in rows for c in row)
    if not sizes:
        return []
    common = sizes.most_common(1)[0][0]
    # a row of raised marks only (note calls a little above their line) is no line of its own
    rows = [row for row in rows if max(c.size for c in row) >= RAISED_RATIO * common]
    leads: list[tuple[int, list[Char], Char]] = []  # (row, the number's glyphs, the text after it)
    for k, row in enumerate(rows):
        number = _leading_number(row)
        if number is not None:
            leads.append((k, number, row[len(number)]))
    edges: Counter[int] = Counter()
    for row in rows:
        edges[round(row[0].x0)] += 1
    for _row, number, after in leads:  # a numbered line's edge is where its text starts
        edges[round(number[0].x0)] -= 1
        edges[round(after.x0)] += 1
    if not leads or not edges:
        return []
    left = edges.most_common(1)[0][0]
    kept = [(k, number) for k, number, _after in leads
            if number[-1].x1 < left - LINE_NUMBER_GAP_EM * number[-1].size]
    values = [value(number) for _k, number in kept]
    counted_by = len(kept) >= 2 and all(v % COUNT_BY == 0 for v in values)  # every fifth line: 5, 10
    if len(kept) < least and not counted_by or not _rising(values) or not _counts_lines(kept, value):
        return []
    # ... and the numbers of blank lines, alone in the same column (a transcript numbers all 25)
    column = {round(number[-1].x1) for _k, number in kept}
    alone = [(k, row) for k, row in enumerate(rows) if _digits(row) and round(row[-1].x1) in column]
    if alone:
        every = sorted(kept + alone, key=lambda lead: lead[0])
        if _rising([value(number) for _k, number in every]):
            kept = every
    return [number for _k, number in kept]


def _openings(chars: Sequence[Char]) -> list[Char]:
    """The glyphs of digits that stand leftmost on their baseline (to the point): where a line
    number may begin."""
    leftmost: dict[int, float] = {}
    for char in chars:
        key = round(char.baseline)
        if char.x0 < leftmost.get(key, math.inf) and not char.text.isspace():
            leftmost[key] = char.x0
    return [c for c in chars if c.text.isdigit() and c.x0 <= leftmost[round(c.baseline)]]


def _value(number: list[Char]) -> int:
    return int("".join(c.text for c in number))


def _mirrored_value(number: list[Char]) -> int:
    """The value of a number read on a mirrored page (`_mirrored`): its digits in reverse."""
    return int("".join(c.text for c in number)[::-1])


def _rising(values: list[int]) -> bool:
    """Whether the numbers rise down the page, or rise, fall once and rise again: LibreOffice
    numbers the lines of the notes too, under the text's numbers, on a count of their own."""
    return sum(b <= a for a, b in zip(values, values[1:], strict=False)) <= 1


def _counts_lines(numbers: list[tuple[int, list[Char]]], value: Callable[[list[Char]], int]) -> bool:
    """Whether the numbers count lines: between most two after one another, they grow by as many
    as there are baselines between them. Paragraph numbers in the margin (a judgment's) grow by
    one a paragraph, whatever its lines."""
    pairs = list(zip(numbers, numbers[1:], strict=False))
    counted = sum(value(b) - value(a) == k - j for (j, a), (k, b) in pairs)
    return 2 * counted >= len(pairs)


def _digits(row: list[Char]) -> bool:
    """Whether a baseline's glyphs are a bare number and nothing else, set close together."""
    text = "".join(c.text for c in row)
    return (text.isdigit() and len(text) <= LINE_NUMBER_DIGITS
            and all(b.x0 - a.x1 <= DIGIT_GAP_EM * b.size for a, b in zip(row, row[1:], strict=False)))


def _rows(chars: Sequence[Char]) -> list[list[Char]]:
    """The shown glyphs by baseline (those within SAME_BASELINE of a row's first one), each row
    left to right. Not parsers.pdf.lines' grouping, which puts a raised note mark into the line
    under it: a footnote's mark, hanging left of its text, would then pass for a line number
    (a Chinese draft's six notes did)."""
    rows: list[list[Char]] = []
    for char in sorted((c for c in chars if not c.text.isspace()), key=lambda c: c.baseline):
        if rows and char.baseline - rows[-1][0].baseline <= SAME_BASELINE:
            rows[-1].append(char)
        else:
            rows.append([char])
    for row in rows:
        row.sort(key=lambda c: c.x0)
    return rows


def _leading_number(row: list[Char]) -> list[Char] | None:
    """The glyphs of the bare number opening a baseline's glyphs (left to right), when text
    follows it LINE_NUMBER_GAP_EM (of the number's size) or more further right; else None."""
    number: list[Char] = []
    for k, char in enumerate(row):
        if number and char.x0 - number[-1].x1 >= LINE_NUMBER_GAP_EM * number[-1].size:
            digits = "".join(c.text for c in number)
            return number if len(digits) <= LINE_NUMBER_DIGITS else None
        if not char.text.isdigit() or number and char.x0 - number[-1].x1 > DIGIT_GAP_EM * char.size:
            return None
        number.append(char)
        if k == len(row) - 1:
            return None  # a number alone on its baseline numbers no text
    return None
