"""Tables drawn with rules, read as the Word reader reads a table: one paragraph, its rows one
per line ("\\n"), the cells of a row joined by tabs, a cell's lines joined as a paragraph's are.

Without this a table's cells are read across: a line of the PDF takes the first line of every cell
of a row, then the second lines, so a cell's words are interleaved with its neighbours' and no
paragraph matches the Word file the PDF was printed from.

The cells come from the page's rules (`parsers.pdf.rules`): pdfplumber's table finder, given
these rules as its edges (snapped and joined, their crossings, the smallest boxes the crossings
close, boxes touching at a corner one table), finds the same grid it finds on the page itself,
without pdfplumber reading the page. A table has two cells at least; a page without two vertical
and two horizontal rules has none (pdfplumber is imported only for a page that may have one), nor
has a page whose rules cross more than MAX_CROSSINGS times (a chart's grid: read line by line).

A cell's characters are those whose middle lies in it; they are made into lines as a page's are
(`parsers.pdf.lines.page_lines`, in the page's direction) and joined by the paragraph maker.
The cells of a row are in reading order: left to right, or right to left on a page read that way
(a right-to-left table's first cell is its rightmost, as in the Word file). A cell spanning several
columns is one cell; an empty one is an empty text between tabs, as in Word.
"""

from __future__ import annotations

import math
import re
import statistics
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from operator import attrgetter

from parsers.language import function_words
from parsers.pdf.chars import Char, Page
from parsers.pdf.lines import Line, dominant_size
from parsers.pdf.rules import Rule

# Rules this close (points) are snapped onto one line and joined across gaps (pdfplumber's defaults).
SNAP_TOLERANCE = 3.0
JOIN_TOLERANCE = 3.0
# Two rules cross when they come this close (points).
INTERSECTION_TOLERANCE = 3.0
# A table has at least this many cells (one boxed paragraph is not a table).
MIN_CELLS = 2
# Boxes drawn one under another with a strip between them thinner than this (points) are boxed
# paragraphs, each on its own, not a table of one column (`_stacked_boxes`).
BOX_GAP_MAX = 6.0
# A table opening a page goes on with the one ending the page before when their column rules
# stand this close (points): a word processor sets a table's columns alike on every page.
COLUMN_TOLERANCE = 1.5
# A page whose vertical rules times horizontal ones (merged: a border drawn twice is one) exceed
# this is a drawing (a chart's grid, a hostile file), not a table: the finder's cost grows with the
# square of the crossings. A table of 100 rows and 10 columns has 1,111 of them. A page with more
# rules than MAX_RULES before merging is not looked at either.
MAX_CROSSINGS = 5000
MAX_RULES = 20_000

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(frozen=True, slots=True)
class CutTable:
    """A table ruled across that the page break cut (no rule closes it on its page): where its
    column edges stand (its outer edges first and last), the pitch of its rows and its text's size,
    for the page after (`open_grids`' `carried`)."""

    edges: tuple[float, ...]
    pitch: float
    size: float


@dataclass(frozen=True, slots=True)
class Grid:
    """A table's cells, row by row, each row's cells left to right."""

    bbox: Box
    rows: tuple[tuple[Box, ...], ...]
    across: bool = False  # ruled across only: its columns found from its text (`open_grids`)
    cut: CutTable | None = None  # ruled across, and no rule at its foot: it may go on on the next page


def find_grids(rules: Sequence[Rule]) -> list[Grid]:
    """The tables the rules draw, top to bottom."""
    verticals = sum(r.vertical for r in rules)
    if verticals < 2 or len(rules) - verticals < 2 or len(rules) > MAX_RULES:
        return []
    from pdfplumber.table import (
        Table,
        cells_to_tables,
        edges_to_intersections,
        intersections_to_cells,
        merge_edges,
    )

    edges = [{"x0": r.x0, "x1": r.x1, "top": r.top, "bottom": r.bottom, "doctop": r.top,
              "width": r.x1 - r.x0, "height": r.bottom - r.top, "orientation": "v" if r.vertical else "h"}
             for r in rules]
    # a cell's box drawn on its own gives each border twice or more: counted once merged
    edges = merge_edges(edges, SNAP_TOLERANCE, SNAP_TOLERANCE, JOIN_TOLERANCE, JOIN_TOLERANCE)
    merged_verticals = sum(e["orientation"] == "v" for e in edges)
    if merged_verticals * (len(edges) - merged_verticals) > MAX_CROSSINGS:
        return []
    cells = intersections_to_cells(edges_to_intersections(edges, INTERSECTION_TOLERANCE, INTERSECTION_TOLERANCE))
    grids = []
    for table_cells in cells_to_tables(cells):
        if len(table_cells) < MIN_CELLS:
            continue
        table = Table(None, table_cells)  # type: ignore[arg-type]  # rows never read the page
        rows = tuple(tuple(cell for cell in row.cells if cell is not None) for row in table.rows)
        if not _stacked_boxes(rows):
            grids.append(Grid(table.bbox, rows))
    return grids


def _stacked_boxes(rows: Sequence[Sequence[Box]]) -> bool:
    """Are the rows of a grid boxes set apart one under another: one cell each, every other row
    a strip thinner than BOX_GAP_MAX (the gap the finder reads as a row where the boxes' sides
    join across it)? Paragraphs with a border or shading each draw a box of their own (Word's
    heading bars printed by LibreOffice: "HEADING 1", "HEADING 2" four points apart); Word holds
    them as paragraphs, and so does the reader then."""
    return (len(rows) >= 3 and len(rows) % 2 == 1 and all(len(row) == 1 for row in rows)
            and all(row[0][3] - row[0][1] < BOX_GAP_MAX for row in rows[1::2])
            and all(row[0][3] - row[0][1] >= BOX_GAP_MAX for row in rows[::2]))


# Tables ruled across only (the UN's own style: a rule above the header, one below it, one at the
# foot, none between the columns): at least this many horizontal rules of one span (within
# SNAP_TOLERANCE at both ends) and at least OPEN_MIN_WIDTH points wide, the text between each two
# in columns apart by gutters of OPEN_GUTTER_EM (of the text's size) that no glyph crosses. A
# running header's rule and a footer's are two; prose between two rules has no gutter.
OPEN_MIN_RULES = 3
OPEN_MIN_WIDTH = 100.0
OPEN_GUTTER_EM = 0.6
# ... and its cells a table's (`_tabular`): at most this share of them empty, and of its rows after
# the first at most this share with a cell opening in lower case.
OPEN_EMPTY_SHARE = 0.5
OPEN_LOWER_SHARE = 1 / 3
# Glyphs whose baselines lie this close (ems) are on one line of a table ruled across only (a
# raised note mark on its word's line).
OPEN_LINE_EM = 0.5
# A table ruled across that a page break cuts has no rule at its foot on that page: below its
# header (two rules, at most OPEN_HEADER_LINES lines between them) its rows go on while each line
# follows the one before within OPEN_ROW_GAP_EM (of the header's size), or within OPEN_PITCH_SLACK
# times the gap between its first two rows where they stand wider apart (up to OPEN_PITCH_MAX_EM:
# Word sets space after a cell's paragraph). Its part on the next page
# goes on with it when their column edges lie within OPEN_EDGE_SLACK points (each part's columns
# are found from its own rows' gaps).
OPEN_HEADER_LINES = 4
OPEN_ROW_GAP_EM = 2.0
OPEN_PITCH_SLACK = 1.25
OPEN_PITCH_MAX_EM = 3.0
# A line closer to the one above than this share of the rows' commonest pitch is a cell's next line.
OPEN_WRAP_SHARE = 0.8
OPEN_EDGE_SLACK = 24.0
# A table cut by a page break goes on at the top of the next page, where Word repeats no header
# row, in the lines at its rows' pitch, after at most this many other lines (a running header),
# down to a rule of its span or the lines' end, when their columns are its columns. A page with
# more lines than this below such a table does not cut it.
OPEN_CARRIED_SKIP = 3
_BY_X0, _BY_BASELINE = attrgetter("x0"), attrgetter("baseline")


def open_grids(rules: Sequence[Rule], chars: Sequence[Char], ruled: Sequence[Grid] = (),
               carried: CutTable | None = None) -> list[Grid]:
    """The tables ruled across only (OPEN_MIN_RULES) outside the `ruled` ones, as grids: a run of
    rules of one span whose bands all hold columns (or nothing) is a table (`_open_grid`). With
    `carried`, the table the page break cut on the page before, its rows at the top of this page
    (`_carried_grid`) are a table too where no other stands there."""
    if len(rules) > MAX_RULES:  # a drawing, as for find_grids
        return []
    found = _open_grids(rules, chars, ruled)
    if carried is not None and (grid := _carried_grid(carried, rules, chars)) is not None \
            and not any(_overlap(grid.bbox, other.bbox) for other in (*ruled, *found)):
        found.append(grid)
    return found


def _open_grids(rules: Sequence[Rule], chars: Sequence[Char], ruled: Sequence[Grid]) -> list[Grid]:
    spans: dict[tuple[float, float], list[float]] = {}
    for rule in rules:
        if rule.vertical or rule.x1 - rule.x0 < OPEN_MIN_WIDTH or any(_within(rule, grid.bbox) for grid in ruled):
            continue
        key = next((k for k in spans if abs(k[0] - rule.x0) <= SNAP_TOLERANCE and abs(k[1] - rule.x1) <= SNAP_TOLERANCE),
                   (rule.x0, rule.x1))
        spans.setdefault(key, []).append((rule.top + rule.bottom) / 2)
    found_grids: list[Grid] = []
    for (x0, x1), found in spans.items():
        ys = _distinct(sorted(found))
        if len(ys) < 2:
            continue
        spanned = [c for c in chars if not c.text.isspace() and x0 <= _middle_x(c) < x1]
        shown = [c for c in spanned if ys[0] < _middle_y(c) < ys[-1]]
        bands = [[c for c in shown if top < _middle_y(c) < bottom] for top, bottom in pairwise(ys)]
        start = 0
        for k in range(len(bands) + 1):
            if k < len(bands) and (not bands[k] or _column_gaps(bands[k], x0, x1)):
                continue
            run_ys: Sequence[float] = ys[start:k + 1]
            run_bands: Sequence[Sequence[Char]] = bands[start:k]
            cut = k - start == 1 and k == len(bands)  # a header and no rule at the foot
            if cut:
                run_ys, run_bands = _open_foot(run_ys, run_bands, spanned)
            if len(run_bands) >= OPEN_MIN_RULES - 1 and (grid := _open_grid(x0, x1, run_ys, run_bands, cut=cut)):
                found_grids.append(grid)
            start = k + 1
    # rules of several spans over one stretch of the page (a form's, tables side by side under one
    # rule): the widest table is kept, and none that overlaps a table kept
    kept: list[Grid] = []
    for grid in sorted(found_grids, key=lambda g: g.bbox[0] - g.bbox[2]):
        if not any(_overlap(grid.bbox, other.bbox) for other in (*ruled, *kept)):
            kept.append(grid)
    return kept


def _open_foot(ys: Sequence[float], bands: Sequence[Sequence[Char]],
               spanned: Sequence[Char]) -> tuple[Sequence[float], Sequence[Sequence[Char]]]:
    """A header between two rules (`bands`' one) whose table has no rule at its foot on this page
    (a page break cut it), with its rows among the `spanned` glyphs (those across the rules'
    span): the lines below that follow each other within OPEN_ROW_GAP_EM (or their own pitch),
    two at least, as a band ending just below the last. Unchanged otherwise."""
    size = dominant_size(list(bands[0])) or 1.0
    if len(_band_lines(bands[0], size)) > OPEN_HEADER_LINES:
        return ys, bands
    rows: list[list[Char]] = []
    last, reach = ys[-1], OPEN_ROW_GAP_EM * size
    for line in _band_lines([c for c in spanned if _middle_y(c) > ys[-1]], size):
        base = _base(line)
        if len(rows) == 1 and base - last <= OPEN_PITCH_MAX_EM * size:  # the rows' own pitch, a cell's space after included
            reach = max(reach, OPEN_PITCH_SLACK * (base - last))
        if base - last > reach:
            break
        rows.append(line)
        last = base
    if len(rows) < 2:
        return ys, bands
    return [*ys, last + size / 3], [bands[0], [c for line in rows for c in line]]


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _within(rule: Rule, bbox: Box) -> bool:
    x0, top, x1, bottom = bbox
    return x0 - SNAP_TOLERANCE <= rule.x0 and rule.x1 <= x1 + SNAP_TOLERANCE and top - SNAP_TOLERANCE <= rule.top <= bottom + SNAP_TOLERANCE


def _distinct(ys: list[float]) -> list[float]:
    """Sorted heights, those within SNAP_TOLERANCE of the one before left out (a double rule)."""
    out: list[float] = []
    for y in ys:
        if not out or y - out[-1] > SNAP_TOLERANCE:
            out.append(y)
    return out


def _column_gaps(chars: Sequence[Char], x0: float, x1: float) -> list[tuple[float, float]]:
    """The gaps between the glyphs' columns from `x0` to `x1`: stretches no glyph covers, at least
    OPEN_GUTTER_EM of their size wide, with glyphs on both sides."""
    least = OPEN_GUTTER_EM * (dominant_size(list(chars)) or 1.0)
    gaps: list[tuple[float, float]] = []
    ordered = sorted(chars, key=_BY_X0)
    reach = ordered[0].x1 if ordered else 0.0
    for char in ordered[1:]:
        if char.x0 - reach >= least:
            gaps.append((reach, char.x0))
        reach = max(reach, char.x1)
    return [(a, b) for a, b in gaps if x0 <= a and b <= x1]


def _edges(chars: Sequence[Char], x0: float, x1: float) -> list[float]:
    """A table's column edges from `x0` to `x1`: those two and the middle of each gap between its
    glyphs' columns (`_column_gaps`)."""
    return [x0, *((a + b) / 2 for a, b in _column_gaps(chars, x0, x1)), x1]


def _open_grid(x0: float, x1: float, ys: Sequence[float], bands: Sequence[Sequence[Char]],
               cut: bool = False) -> Grid | None:
    """A table ruled across at `ys`, its text in `bands` (between each two rules): columns
    between the gaps of its body (the bands after the first, whose header may span columns), a
    row for the first band when it has fewer lines than the others (the header), and one for each
    line of the others but those that go on the row above (`_goes_on`); each row's box reaches
    half way to the next line. `cut`: no rule closes it (the page break cut it: `Grid.cut`)."""
    edges = _edges([c for band in bands[1:] for c in band] or [c for band in bands for c in band], x0, x1)
    if len(edges) < 3:
        return None
    size = dominant_size([c for band in bands for c in band]) or 1.0
    lined = [_band_lines(band, size) for band in bands]
    # the first band is the header, one row, when the table has more lines below it
    header = len(lined[0]) < sum(map(len, lined[1:]))
    rows: list[tuple[Box, ...]] = []
    texts: list[list[str]] = []  # each row's cells (`_cells_of`)
    row_pitch = 0.0  # the last band's (its rows', where the page break cut the table)
    for k, (lines, top, bottom) in enumerate(zip(lined, ys, ys[1:], strict=False)):
        if not lines:
            continue
        starts = [0]
        row = _cells_of(lines[0], edges)  # the row's text so far, by column
        bases = [_base(line) for line in lines]
        pitches = [b - a for a, b in pairwise(bases)]
        pitch = statistics.median(pitches) if pitches else 0.0  # most rows are one line
        for i, line in enumerate(lines[1:], 1):
            cells = _cells_of(line, edges)
            wrapped = pitches[i - 1] < OPEN_WRAP_SHARE * pitch  # a cell's next line
            if k == 0 and header or _goes_on(row, cells, wrapped):
                row = [a + b for a, b in zip(row, cells, strict=True)]
            else:
                starts.append(i)
                texts.append(row)
                row = cells
        texts.append(row)
        cuts = [top, *((bases[i - 1] + bases[i]) / 2 - size / 3 for i in starts[1:]), bottom]
        rows += [tuple((a, upper, b, lower) for a, b in pairwise(edges)) for upper, lower in pairwise(cuts)]
        row_pitch = pitch
    if not _tabular(texts):
        return None
    carried = CutTable(tuple(edges), row_pitch, size) if cut and row_pitch else None
    return Grid((x0, ys[0], x1, ys[-1]), tuple(rows), across=True, cut=carried)


def _carried_grid(carried: CutTable, rules: Sequence[Rule], chars: Sequence[Char]) -> Grid | None:
    """The rows of `carried`, a table the page break cut, at the top of this page: from the first
    line followed by another at its rows' pitch (after OPEN_CARRIED_SKIP other lines at most: a
    running header), down to a rule of its span (its foot) or the last line at that pitch; a table
    when their columns (found from their own gaps) are the cut table's, each edge within
    OPEN_EDGE_SLACK (`_open_grid`), whose rows may go on to the next page again when no rule
    closes it."""
    x0, x1 = carried.edges[0], carried.edges[-1]
    lines = _band_lines([c for c in chars if not c.text.isspace() and x0 <= _middle_x(c) < x1], carried.size)
    reach = OPEN_PITCH_SLACK * carried.pitch
    first = next((k for k in range(min(OPEN_CARRIED_SKIP + 1, len(lines) - 1))
                  if 0 < _base(lines[k + 1]) - _base(lines[k]) <= reach), None)
    if first is None:
        return None
    top = _base(lines[first]) - carried.size
    foot = min((y for r in rules if not r.vertical and abs(r.x0 - x0) <= SNAP_TOLERANCE and abs(r.x1 - x1) <= SNAP_TOLERANCE
                and (y := (r.top + r.bottom) / 2) > top), default=math.inf)
    rows = [lines[first]]
    for line in lines[first + 1:]:
        if _base(line) - _base(rows[-1]) > reach or _middle_y(line[0]) > foot:
            break
        rows.append(line)
    shown = [c for line in rows for c in line]
    edges = _edges(shown, x0, x1)
    if len(edges) != len(carried.edges) or any(abs(a - b) > OPEN_EDGE_SLACK for a, b in zip(edges, carried.edges, strict=True)):
        return None
    bottom = foot if foot < math.inf else _base(rows[-1]) + carried.size / 3
    return _open_grid(x0, x1, [top, bottom], [shown], cut=foot == math.inf)


def _tabular(rows: Sequence[Sequence[str]]) -> bool:
    """Do the rows' cells make a table: two rows at least, every column with text in two of them,
    no more than OPEN_EMPTY_SHARE of the cells empty (a chart's gridlines hold a few figures), and
    no more than OPEN_LOWER_SHARE of the rows after the first with a cell opening in lower case
    (columns of prose between two rules, each line a row)?"""
    if len(rows) < 2 or any(sum(1 for row in rows if row[c]) < 2 for c in range(len(rows[0]))):
        return False
    cells = [cell for row in rows for cell in row]
    lower = sum(1 for row in rows[1:] if any(cell[:1].islower() for cell in row))
    return cells.count("") <= OPEN_EMPTY_SHARE * len(cells) and lower <= OPEN_LOWER_SHARE * (len(rows) - 1)


def _band_lines(chars: Sequence[Char], size: float) -> list[list[Char]]:
    """The glyphs of a band in lines, top to bottom (baselines within OPEN_LINE_EM of a line's first)."""
    lines: list[list[Char]] = []
    for char in sorted(chars, key=_BY_BASELINE):
        if lines and char.baseline - lines[-1][0].baseline <= OPEN_LINE_EM * size:
            lines[-1].append(char)
        else:
            lines.append([char])
    return lines


def _base(line: Sequence[Char]) -> float:
    return Counter(c.baseline for c in line).most_common(1)[0][0]


def _cells_of(line: Sequence[Char], edges: Sequence[float]) -> list[str]:
    """A line's text in each column (its glyphs and runs left to right, joined: the first and
    last letters are what `_goes_on` reads)."""
    return ["".join(c.text for c in sorted((c for c in line if a <= _middle_x(c) < b), key=_BY_X0))
            for a, b in pairwise(edges)]


def _goes_on(above: Sequence[str], below: Sequence[str], near: bool = False) -> bool:
    """Does a line of cells go on the row `above` (its cells' next lines: "Contractual" /
    "services", "Subprogramme" / "1, sustainable development", "Programme of" / "work")? It leaves
    a cell empty, holds words (not figures alone: a total), and each of its cells with text goes
    on one with text that ends no sentence (`_cell_goes_on`: in lower case or with a figure, after
    a text that cannot end there, or with anything when the line stands `near` the one above,
    closer than the rows do).
    A line that fills every cell ("apples", "12" then "pears", "14") is a row of its own."""
    went_on = [(a, b) for a, b in zip(above, below, strict=True) if b]
    return (len(went_on) < len(below) and any(ch.islower() for _a, b in went_on for ch in b)
            and all(_cell_goes_on(a, b, near) for a, b in went_on))


def _cell_goes_on(above: str, below: str, capital: bool = False) -> bool:
    """Does a cell's text `below` go on the cell `above`: that holds text ending no sentence, and
    `below` opens in lower case or with a figure, or with a capital where `capital` is allowed or
    `above` cannot end there (`_open_ended`: "Bosnia and" / "Herzegovina")."""
    return bool(above) and not above.endswith(_SENTENCE_ENDS) and (
        capital or below[:1].islower() or below[:1].isdigit() or _open_ended(above))


def _open_ended(text: str) -> bool:
    """Does a cell's text stop where it cannot end: inside brackets ("Bolivia (Plurinational"), or
    after a function word ("Bosnia and", "Saint Vincent and the", "United Kingdom of":
    parsers.language.function_words)?"""
    words = text.split()
    return text.count("(") > text.count(")") or bool(words) and words[-1] in function_words()


@dataclass(frozen=True, slots=True)
class TableCells:
    """A table read off a page: each row's cells in reading order, a cell as its characters."""

    bbox: Box
    rows: tuple[tuple[tuple[Char, ...], ...], ...]
    columns: tuple[float, ...] = ()  # the x of its column rules, left to right
    across: bool = False  # ruled across only (`Grid.across`)


def take_tables(page: Page, right_to_left: Callable[[], bool],
                carried: CutTable | None = None) -> tuple[Page, list[TableCells], CutTable | None]:
    """The page without the characters inside its tables, and those tables' cells, each row's in
    reading order (`right_to_left()`: the page reads right to left, asked only when it has a
    table); and the table the page break cuts, for the next page (`open_grids`, which reads the
    rows of `carried`, the one it cut before this page). A cell's characters are looked for among
    those whose middle lies in its band of the page (found by bisection), not among all of the
    page's."""
    grids = find_grids(page.rules)
    grids = sorted([*grids, *open_grids(page.rules, page.chars, grids, carried)], key=lambda grid: grid.bbox[1])
    if not grids:
        return page, [], None
    cut = grids[-1].cut
    if cut is not None and len(_band_lines([c for c in page.chars if not c.text.isspace() and _middle_y(c) > grids[-1].bbox[3]],
                                           cut.size)) > OPEN_CARRIED_SKIP:
        cut = None  # text goes on below it: the table ends on its page
    rtl = right_to_left()
    order = sorted(range(len(page.chars)), key=lambda k: _middle_y(page.chars[k]))
    middles = [_middle_y(page.chars[k]) for k in order]
    taken: set[int] = set()
    tables = []
    for grid in grids:
        rows = []
        for row in grid.rows:
            cells = []
            for box in (reversed(row) if rtl else row):
                x0, top, x1, bottom = box
                band = order[bisect_left(middles, top): bisect_left(middles, bottom)]
                inside = sorted(k for k in band if k not in taken and x0 <= _middle_x(page.chars[k]) < x1)
                taken.update(inside)
                cells.append(tuple(page.chars[k] for k in inside))
            rows.append(tuple(cells))
        if any(cell for row in rows for cell in row):
            columns = tuple(sorted({round(x, 1) for row in grid.rows for box in row for x in (box[0], box[2])}))
            tables.append(TableCells(grid.bbox, tuple(rows), columns, grid.across))
    if not taken:
        return page, tables, cut
    rest = tuple(char for k, char in enumerate(page.chars) if k not in taken)
    return replace(page, chars=rest), tables, cut


def _middle_x(char: Char) -> float:
    return (char.x0 + char.x1) / 2


def _middle_y(char: Char) -> float:
    """Half way up a lower-case letter: a character belongs to the cell this lies in."""
    return char.baseline - char.size / 3


Styles = list[tuple[bool, bool]]


def join_cells(rows: Sequence[Sequence[Sequence[Line]]],
               join_cell: Callable[[Sequence[Line]], tuple[str, Styles]]) -> tuple[str, Styles]:
    """A table's text as the Word reader gives it, with a (bold, italic) style per character:
    each cell's lines joined by `join_cell`, cells by tabs, rows by newlines."""
    text: list[str] = []
    styles: Styles = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            separator = "\t" if c else "\n" if r else ""
            cell_text, cell_styles = join_cell(cell) if cell else ("", [])
            text.append(separator + cell_text)
            styles.extend([(False, False)] * len(separator) + cell_styles)
    return "".join(text), styles


def _spaced(lines: Sequence[Line]) -> tuple[str, Styles]:
    """A cell's lines joined by spaces, as they stand (no hyphenation undone)."""
    styles: Styles = []
    for k, line in enumerate(lines):
        styles.extend([(False, False)] * bool(k) + list(line.styles))
    return " ".join(line.text for line in lines), styles


def table_line(table: TableCells, page: Page, make_lines: Callable[[Page], list[Line]], rtl: bool) -> Line:
    """The table as one line of its page (`Line.cells`: each cell's lines, made by `make_lines`
    from a page holding the cell's characters only), standing where the table starts; its text,
    for the steps that read every line's (the hyphenation vocabulary), is the cells' lines joined
    by spaces, cells by tabs and rows by newlines. The paragraph maker makes it a paragraph of its
    own (`parsers.pdf.paragraphs.raw_paragraph`)."""
    rows = tuple(tuple(tuple(make_lines(replace(page, chars=cell, rules=()))) if cell else ()
                       for cell in row) for row in table.rows)
    text, styles = join_cells(rows, _spaced)
    x0, top, x1, _bottom = table.bbox
    chars = [char for row in table.rows for cell in row for char in cell]
    size = dominant_size(chars)
    first = min((char.baseline for char in chars), default=top + size)
    return Line(page=page.number, text=text, styles=tuple(styles), x0=x0, x1=x1, baseline=first,
                size=size, marks=_marks(rows), text_x0=x0, rtl=rtl, cells=rows, columns=table.columns,
                ruled_across=table.across)


def _marks(rows: Sequence[Sequence[Sequence[Line]]]) -> tuple[str, ...]:
    return tuple(m for row in rows for cell in row for line in cell for m in line.marks)


def continued_table(first: Line, second: Line) -> tuple[Line, str | None] | None:
    """`first`, a table ending a page, and `second`, a table opening the next page's body, as one
    table when `second` goes on with it: it has two columns or more, its column edges standing
    where `first`'s do (`_same_columns`; two boxes of one column in a row, a form's, are two).
    Then the header row `second` repeats (Word's "Repeat as header row": the same cells as
    `first`'s first row) is left out, and its text returned to be reported; and a row the page
    break cut (`_cut_row`) is one row again. None when `second` is a table of its own."""
    if not (first.cells and second.cells and len(first.columns) == len(second.columns) > 2
            and first.ruled_across == second.ruled_across and _same_columns(first, second)):
        return None
    rows = list(second.cells)
    header = None
    if len(rows) > 1 and _row_text(rows[0]) == _row_text(first.cells[0]):
        header = "\t".join(_row_text(rows.pop(0)))
    joined = list(first.cells)
    if _cut_row(joined[-1], rows[0]):
        joined[-1] = tuple(above + below for above, below in zip(joined[-1], rows.pop(0), strict=True))
    cells = (*joined, *rows)
    text, styles = join_cells(cells, _spaced)
    return replace(first, text=text, styles=tuple(styles), x0=min(first.x0, second.x0), x1=max(first.x1, second.x1),
                   marks=_marks(cells), cells=cells), header


def _same_columns(first: Line, second: Line) -> bool:
    """Do two tables' column edges stand at one place: their outer edges within COLUMN_TOLERANCE,
    the inner ones too for ruled columns, within OPEN_EDGE_SLACK for columns found from the text."""
    inner = OPEN_EDGE_SLACK if first.ruled_across else COLUMN_TOLERANCE
    return all(abs(a - b) <= (COLUMN_TOLERANCE if k in (0, len(first.columns) - 1) else inner)
               for k, (a, b) in enumerate(zip(first.columns, second.columns, strict=True)))


def _row_text(row: Sequence[Sequence[Line]]) -> list[str]:
    return [" ".join(line.text for line in cell) for cell in row]


def _cut_row(above: Sequence[Sequence[Line]], below: Sequence[Sequence[Line]]) -> bool:
    """Is `below`, the first row after a page break, the rest of `above`, the last row before it
    (Word lets a row break across pages)? Each of its cells that holds text goes on a cell of
    `above` that holds some and ends no sentence (`_cell_goes_on`: "Operative paragraph" / "11"),
    one in lower case at least, or else figures alone that each go on a cell
    ending in a word ("Member State number" / "47"): a new row's cells open with capitals, or
    are figures under figures (a total), or follow a finished row ("11 decides …;" then "12
    requests …")."""
    if len(above) != len(below):
        return False
    went_on = [(a, b) for a, b in zip(_row_text(above), _row_text(below), strict=True) if b]
    return bool(went_on) and all(_cell_goes_on(a, b) for a, b in went_on) and (
        any(b[:1].islower() for _a, b in went_on) or all(a[-1:].isalpha() and _FIGURE.fullmatch(b) for a, b in went_on))


# A figure alone in a cell: "47", "1,200", "12.5".
_FIGURE = re.compile(r"\d[\d,.\u00a0 ]*")


# What ends a cell's sentence: a row that ends so is whole.
_SENTENCE_ENDS = (".", ";", ":", "!", "?", "。", "；", "：", "！", "？", "؛", "؟")
