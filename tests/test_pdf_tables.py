"""Tables drawn with rules (parsers.pdf.rules, parsers.pdf.tables) on small PDFs written here: a
table is one block, a row a line, cells joined by tabs and a cell's lines joined, whichever way
its borders are drawn (lines, thin filled boxes, a stroked box a cell); rules that draw no grid
leave the text as it was."""

from __future__ import annotations

import pytest
from test_pdf_synthetic import LEFT, PAGE_H, Page, write_pdf

from parsers.api import parse_file
from parsers.model import BlockKind
from parsers.pdf.lines import Line
from parsers.pdf.rules import Rule
from parsers.pdf.tables import continued_table, find_grids

COLUMNS = (LEFT, 200.0, 330.0)
ROWS = (100.0, 140.0, 180.0)
CELLS = {(0, 0): ["Country of", "origin"], (0, 1): ["Sales"], (1, 0): ["Nestle"], (1, 1): ["38.2"]}


def _lines(page: Page) -> Page:
    """The grid's borders as stroked lines (y from the top of the page)."""
    for x in COLUMNS:
        page.ops.append(f"0.5 w {x:.1f} {PAGE_H - ROWS[0]:.1f} m {x:.1f} {PAGE_H - ROWS[-1]:.1f} l S".encode())
    for y in ROWS:
        page.ops.append(f"0.5 w {COLUMNS[0]:.1f} {PAGE_H - y:.1f} m {COLUMNS[-1]:.1f} {PAGE_H - y:.1f} l S".encode())
    return page


def _filled(page: Page) -> Page:
    """The borders as thin filled boxes, as Word prints them."""
    height = ROWS[-1] - ROWS[0]
    for x in COLUMNS:
        page.ops.append(f"{x - 0.25:.2f} {PAGE_H - ROWS[-1]:.1f} 0.5 {height:.1f} re f".encode())
    for y in ROWS:
        page.ops.append(f"{COLUMNS[0]:.1f} {PAGE_H - y - 0.25:.2f} {COLUMNS[-1] - COLUMNS[0]:.1f} 0.5 re f".encode())
    return page


def _boxes(page: Page) -> Page:
    """Each cell's border a stroked rectangle of its own."""
    for r in range(len(ROWS) - 1):
        for c in range(len(COLUMNS) - 1):
            x, y = COLUMNS[c], ROWS[r + 1]
            page.ops.append(f"0.5 w {x:.1f} {PAGE_H - y:.1f} {COLUMNS[c + 1] - x:.1f} {ROWS[r + 1] - ROWS[r]:.1f} re S".encode())
    return page


def _page(draw) -> Page:
    page = Page()
    page.text(LEFT, 70, "The largest companies are listed below.")
    for (r, c), lines in CELLS.items():
        for k, line in enumerate(lines):
            page.text(COLUMNS[c] + 4, ROWS[r] + 12 + 12 * k, line)
    page.text(LEFT, 220, "The figures are in billions of ecus.")
    return draw(page)


@pytest.mark.parametrize("draw", [_lines, _filled, _boxes])
def test_a_ruled_table_is_one_block_a_row_a_line(tmp_path, draw):
    """Read across, the first row would give "Country of Sales" and "origin"; read by its cells
    it is one table block between the two paragraphs, as the Word reader gives a table."""
    doc = parse_file(str(write_pdf(tmp_path / "table.pdf", [_page(draw)])))
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.PARAGRAPH, "The largest companies are listed below."),
        (BlockKind.TABLE, "Country of origin\tSales\nNestle\t38.2"),
        (BlockKind.PARAGRAPH, "The figures are in billions of ecus."),
    ]
    x0, top, x1, bottom = doc.blocks[1].location.bbox  # the table's width, its cells' lines' height
    assert (x0, x1) == (COLUMNS[0], COLUMNS[-1]) and ROWS[0] < top < ROWS[0] + 12 and bottom == ROWS[1] + 12


def test_rules_that_draw_no_grid_are_no_table(tmp_path):
    """A rule under a heading and a footnote separator (horizontal only), or one box around a
    paragraph (one cell), leave the lines as they were."""
    page = Page()
    page.text(LEFT, 70, "Heading")
    page.ops.append(f"0.5 w {LEFT:.1f} {PAGE_H - 75:.1f} m 300 {PAGE_H - 75:.1f} l S".encode())
    page.text(LEFT, 100, "Country of Sales")
    page.text(LEFT, 112, "origin")
    page.ops.append(f"0.5 w {LEFT - 4:.1f} {PAGE_H - 118:.1f} 250 30 re S".encode())
    page.ops.append(f"0.5 w {LEFT:.1f} {PAGE_H - 700:.1f} m 150 {PAGE_H - 700:.1f} l S".encode())
    doc = parse_file(str(write_pdf(tmp_path / "rules.pdf", [page])))
    assert BlockKind.TABLE not in {b.kind for b in doc.blocks}
    assert "Country of Sales origin" in " ".join(b.text for b in doc.blocks)


def test_a_cell_spanning_two_columns_is_one_cell():
    """The grid of a table whose first row is one cell over both columns: that row has one
    cell, the next two."""
    rules = [Rule(x, 100.0, x, 180.0) for x in (72.0, 330.0)] + [Rule(200.0, 140.0, 200.0, 180.0)] + \
        [Rule(72.0, y, 330.0, y) for y in (100.0, 140.0, 180.0)]
    (grid,) = find_grids(rules)
    assert [len(row) for row in grid.rows] == [1, 2]
    assert grid.bbox == (72.0, 100.0, 330.0, 180.0)


def test_a_grid_of_too_many_rules_is_a_drawing_not_a_table():
    """A chart's grid (100 by 100 rules) is not looked into: the finder's cost grows with the
    square of the crossings, and a hostile file could draw millions."""
    rules = [Rule(float(x), 0.0, float(x), 500.0) for x in range(0, 500, 5)] + \
        [Rule(0.0, float(y), 500.0, float(y)) for y in range(0, 500, 5)]
    assert find_grids(rules) == []
    assert len(find_grids(rules[:10] + rules[100:110])) == 1  # ten by ten: a table


def _table(page: int, rows: list[list[str]], columns: tuple[float, ...]) -> Line:
    """A table line as parsers.pdf.tables makes one: each cell one line of its text."""
    cells = tuple(tuple((Line(page, text, ((False, False),) * len(text), 0.0, 10.0, 0.0, 10.0),) if text else ()
                        for text in row) for row in rows)
    text = "\n".join("\t".join(row) for row in rows)
    return Line(page, text, ((False, False),) * len(text), columns[0], columns[-1], 100.0, 10.0, cells=cells,
                columns=columns)


def _rows(line: Line) -> list[list[str]]:
    return [[" ".join(part.text for part in cell) for cell in row] for row in line.cells]


def test_a_table_goes_on_over_a_page_break_only_at_its_own_columns():
    """A table opening a page goes on with the one closing the page before where its column rules
    stand (within 1.5 pt): its repeated header row is left out and named, the row the break cut
    ("Operative paragraph" / "11", "… in" / "accordance …") is one again. Other columns, one
    column (a form's boxes), or a first row that opens anew (capitals, a figure alone, after a
    row that ended its sentence) are not joined, or not to the row above."""
    columns = (72.0, 200.0, 330.0)
    header = ["Paragraph", "Text"]
    first = _table(1, [header, ["Operative paragraph 10", "Decides so."], ["Operative paragraph", "Calls upon States in"]],
                   columns)
    second = _table(2, [header, ["11", "accordance with law."], ["Operative paragraph 12", "Urges all."]],
                    tuple(x + 1.0 for x in columns))
    joined = continued_table(first, second)
    assert joined is not None
    assert _rows(joined[0]) == [header, ["Operative paragraph 10", "Decides so."],
                                ["Operative paragraph 11", "Calls upon States in accordance with law."],
                                ["Operative paragraph 12", "Urges all."]]
    assert joined[1] == "Paragraph\tText"
    assert continued_table(first, _table(2, [["A", "B"]], (72.0, 250.0, 330.0))) is None  # other columns
    assert continued_table(_table(1, [["Privacy"], ["Act"]], (72.0, 330.0)),
                           _table(2, [["Instructions"], ["Continued"]], (72.0, 330.0))) is None  # one column
    for opening in (["Asia", ""], ["", "1,200"], ["Operative paragraph 11", "decides also"]):
        joined = continued_table(first, _table(2, [opening], columns))
        assert joined is not None and _rows(joined[0])[-1] == opening, opening
    finished = _table(1, [header, ["11", "decides that it shall;"]], columns)
    joined = continued_table(finished, _table(2, [["12", "requests also"]], columns))
    assert joined is not None and _rows(joined[0])[-1] == ["12", "requests also"]
