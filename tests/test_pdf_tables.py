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


def _box(top: float, bottom: float) -> list[Rule]:
    """A box around a paragraph, as LibreOffice strokes a border: its sides run 1.5 pt past
    its top and bottom rules."""
    return [Rule(72.0, top, 540.0, top), Rule(72.0, bottom, 540.0, bottom),
            Rule(72.0, top - 1.5, 72.0, bottom + 1.5), Rule(540.0, top - 1.5, 540.0, bottom + 1.5)]


def test_boxes_one_under_another_a_few_points_apart_are_no_table():
    """Paragraphs each boxed, four points apart, meet the finder as one column of rows (the
    boxes' sides join across the gaps), every other row a strip between two boxes: boxed
    paragraphs, not a table. Rows that share their rules are a table of one column."""
    apart = [rule for k in range(4) for rule in _box(100.0 + 20 * k, 116.0 + 20 * k)]
    assert find_grids(apart) == []
    shared = [Rule(72.0, y, 540.0, y) for y in (100.0, 116.0, 132.0, 148.0)] + \
        [Rule(x, 100.0, x, 148.0) for x in (72.0, 540.0)]
    (grid,) = find_grids(shared)
    assert [len(row) for row in grid.rows] == [1, 1, 1]


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
    ("Operative paragraph" / "11", "… in" / "accordance …", "Member State number" / "47") is one
    again. Other columns, one column (a form's boxes), or a first row that opens anew (capitals,
    a figure under a figure, after a row that ended its sentence) are not joined, or not to the
    row above."""
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
    for opening in (["Asia", ""], ["Operative paragraph 11", "decides also"]):
        joined = continued_table(first, _table(2, [opening], columns))
        assert joined is not None and _rows(joined[0])[-1] == opening, opening
    named = _table(1, [header, ["Member State number", "1,200"]], columns)  # a name cut before its figure
    joined = continued_table(named, _table(2, [["47", ""], ["Member State number 48", "1,300"]], columns))
    assert joined is not None and _rows(joined[0])[1:] == [["Member State number 47", "1,200"],
                                                           ["Member State number 48", "1,300"]]
    total = _table(1, [header, ["Subtotal", "1,200"]], columns)  # a figure under a figure: a row of its own
    joined = continued_table(total, _table(2, [["", "300"]], columns))
    assert joined is not None and _rows(joined[0])[-1] == ["", "300"]
    finished = _table(1, [header, ["11", "decides that it shall;"]], columns)
    joined = continued_table(finished, _table(2, [["12", "requests also"]], columns))
    assert joined is not None and _rows(joined[0])[-1] == ["12", "requests also"]


def _across(page: Page, ys: tuple[float, ...], x0: float = LEFT, x1: float = 400.0) -> Page:
    """Rules across the page only, at `ys` (from the top), as a UN table has them."""
    for y in ys:
        page.ops.append(f"0.5 w {x0:.1f} {PAGE_H - y:.1f} m {x1:.1f} {PAGE_H - y:.1f} l S".encode())
    return page


def _cells(page: Page, rows: list[tuple[float, list[tuple[float, str]]]]) -> Page:
    for y, cells in rows:
        for x, text in cells:
            page.text(x, y, text)
    return page


def test_a_table_ruled_across_only_is_one_block(tmp_path):
    """The UN's tables have rules above and below the header and at the foot, none between the
    columns: the columns are found by the gaps no glyph crosses, the header is one row, a line
    that goes on a row's first cell ("Contractual" / "services") is in that row, a total is a row
    of its own. Before, each cell was a paragraph, and the first and last glued to the text around."""
    page = Page()
    page.text(LEFT, 80, "The resources requested are shown below.")
    _cells(page, [(115, [(LEFT, "Component"), (250, "2024"), (330, "2025")]),
                  (138, [(LEFT, "Policymaking organs"), (250, "12.5"), (330, "13.0")]),
                  (150, [(LEFT, "Contractual"), (250, "2.0"), (330, "2.1")]), (162, [(LEFT, "services")]),
                  (174, [(LEFT, "Other costs"), (250, "1.0"), (330, "1.5")]),
                  (192, [(LEFT, "Total"), (250, "15.5"), (330, "16.6")])])
    page.text(LEFT, 225, "The increase reflects two new posts.")
    _across(page, (100, 124, 182, 200))
    doc = parse_file(str(write_pdf(tmp_path / "across.pdf", [page])))
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.PARAGRAPH, "The resources requested are shown below."),
        (BlockKind.TABLE, "Component\t2024\t2025\nPolicymaking organs\t12.5\t13.0\nContractual services\t2.0\t2.1\n"
                          "Other costs\t1.0\t1.5\nTotal\t15.5\t16.6"),
        (BlockKind.PARAGRAPH, "The increase reflects two new posts."),
    ]


def test_prose_or_a_charts_figures_between_rules_across_are_no_table(tmp_path):
    """Two columns of prose between rules across (each line a row, its cells going on in lower
    case), a chart's gridlines with a few figures among them, or two rules alone (a running
    header's and a footer's) leave the lines as they were."""
    prose = Page()
    _cells(prose, [(110 + 12 * k, [(LEFT, left), (250, right)]) for k, (left, right) in enumerate([
        ("The Member States shall", "take measures to help"), ("adopt measures to assist", "and protect victims and"),
        ("the victims of trafficking", "to prosecute those who"), ("in persons, in particular", "exploit them, under the"),
        ("women and children, and", "law of each State.")])])
    chart = Page()  # five columns, two figures a line: more than half the cells empty
    _cells(chart, [(110 + 20 * k, [(x, f"{30 - k}.{k}") for x in pair]) for k, pair in enumerate(
        [(LEFT, 210), (140, 280), (210, 350), (LEFT, 280), (140, 350)])])
    two = _cells(Page(), [(115, [(LEFT, "Country"), (250, "Sales")]), (130, [(LEFT, "Nestle"), (250, "38.2")])])
    for name, page, ys in (("prose", prose, (100, 140, 170)), ("chart", chart, (100, 120, 140, 160, 180, 200)),
                           ("two", two, (100, 140))):
        doc = parse_file(str(write_pdf(tmp_path / f"{name}.pdf", [_across(page, ys)])))
        assert BlockKind.TABLE not in {b.kind for b in doc.blocks}, doc.blocks[0].text


def test_a_table_cut_by_a_page_break_goes_on_under_no_rule_on_the_next_page(tmp_path):
    """A table ruled across whose header the next page does not repeat: its rows there stand
    under no rule, down to the rule at its foot, after the page's running header. They go on with
    the table where their columns are its columns; a name stopping after "and" goes on in the row
    below with its capital ("Bosnia and" / "Herzegovina", as far apart as the rows). Lines at the
    top of the next page in other columns (prose) are lines."""
    names = [f"State {k}" for k in range(1, 61)]
    names[20] = "Bosnia and"
    first = Page()
    first.text(LEFT, 80, "Posts by Member State.")
    _cells(first, [(115, [(LEFT, "Member State"), (250, "2024"), (330, "2025")])])
    rows: list[tuple[float, list[tuple[float, str]]]] = []
    for k, name in enumerate(names[:55]):
        rows.append((136 + 12 * len(rows), [(LEFT, name), (250, str(k + 1)), (330, str(k + 2))]))
        if name == "Bosnia and":  # its next line one row below
            rows.append((136 + 12 * len(rows), [(LEFT, "Herzegovina")]))
    _cells(first, rows)
    _across(first, (100, 124))
    second = Page()
    second.text(LEFT, 40, "A/80/123")
    _cells(second, [(80 + 12 * k, [(LEFT, name), (250, str(k + 56)), (330, str(k + 57))])
                    for k, name in enumerate(names[55:])])
    _across(second, (146,))
    second.text(LEFT, 170, "The figures include posts funded from extrabudgetary resources.")
    doc = parse_file(str(write_pdf(tmp_path / "cut.pdf", [first, second])))
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    table = doc.blocks[1].text.split("\n")
    assert table[0] == "Member State\t2024\t2025" and len(table) == 61
    assert "Bosnia and Herzegovina\t21\t22" in table and table[-1] == "State 60\t60\t61"
    prose = Page()
    prose.paragraph(80, ["The Secretary-General has the honour to", "transmit the report of the Board of", "Auditors for the year."],
                    indent=0.0)
    doc = parse_file(str(write_pdf(tmp_path / "prose.pdf", [first, prose])))
    assert [b.kind for b in doc.blocks[:2]] == [BlockKind.PARAGRAPH, BlockKind.TABLE]
    assert len(doc.blocks[1].text.split("\n")) == 56 and BlockKind.TABLE not in {b.kind for b in doc.blocks[2:]}
    assert " ".join(b.text for b in doc.blocks[2:]) == ("The Secretary-General has the honour to transmit the report "
                                                        "of the Board of Auditors for the year.")
