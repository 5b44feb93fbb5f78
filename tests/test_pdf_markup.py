"""A PDF printed with its tracked changes shown (parsers.pdf.markup): a deletion struck through and
an insertion underlined in their author's colour, a change bar in the margin. Read as accepted by
default, as before the changes with `original`; said in a warning. Small PDFs written here, and
the rules the reading keeps to; the real Word files printed by LibreOffice are in test_word_pdf."""

from __future__ import annotations

import pytest
from test_pdf_synthetic import LEFT, PAGE_H, Page, write_pdf

from parsers.api import ParseOptions, parse_file
from parsers.pdf.chars import Char
from parsers.pdf.markup import LEFT_OUT, Marked, marked_warning, tracked_changes, without_left_out
from parsers.pdf.rules import Rule

BLUE = (6, 70, 162)
ADVANCE = 6.0  # Courier 10 pt


def _markup_page(y: float, parts: list[tuple[str, str]], bar: bool = True, colour: str = "0.02 0.27 0.63",
                 filled: bool = False) -> Page:
    """One line of 10-pt Courier from LEFT: (kind, text) parts, kind "" plain, "-" struck through
    or "+" underlined, both in `colour` with a rule of that colour; a change bar left of the line.
    The rules are stroked lines (LibreOffice), or `filled` thin boxes (as Word draws them)."""
    page = Page()
    x = LEFT
    for kind, text in parts:
        width = ADVANCE * len(text.rstrip())
        fill = f"{colour} rg" if kind else "0 g"
        page.ops.append(f"q {fill} BT /R 10 Tf 1 0 0 1 {x:.2f} {PAGE_H - y:.2f} Tm (".encode() + text.encode()
                        + b") Tj ET Q")
        if kind:
            rule_y = PAGE_H - y + (2.8 if kind == "-" else -1.5)
            page.ops.append(f"q {colour} rg {x:.2f} {rule_y - 0.3:.2f} {width:.2f} 0.6 re f Q".encode() if filled else
                            f"q {colour} RG 0.6 w {x:.2f} {rule_y:.2f} m {x + width:.2f} {rule_y:.2f} l S Q".encode())
        x += ADVANCE * len(text)
    if bar:
        page.ops.append(f"{LEFT - 8.4:.1f} {PAGE_H - y - 3:.1f} 0.8 12 re f".encode() if filled else
                        f"0.5 w {LEFT - 8:.1f} {PAGE_H - y - 3:.1f} m {LEFT - 8:.1f} {PAGE_H - y + 9:.1f} l S".encode())
    return page


LINE = [("", "The Council decides to "), ("-", "strongly "), ("+", "firmly "), ("", "condemn the attack.")]


@pytest.mark.parametrize("filled", [False, True], ids=["stroked", "filled"])
def test_a_deletion_struck_through_is_left_out_and_an_insertion_kept(tmp_path, filled):
    path = write_pdf(tmp_path / "markup.pdf", [_markup_page(100, LINE, filled=filled)])
    accepted = parse_file(str(path))
    assert [b.text for b in accepted.blocks] == ["The Council decides to firmly condemn the attack."]
    assert [w for w in accepted.warnings if "tracked changes" in w] == [
        "the PDF shows tracked changes (page 1), read as accepted: 1 passage of deletions (struck through) "
        "left out, 1 passage of insertions (underlined) kept (--original reads the text before them)"]
    assert [(f.page, f.text, f.why) for f in accepted.furniture] == [(1, "strongly", "tracked deletion")]
    before = parse_file(str(path), ParseOptions(original=True))
    assert [b.text for b in before.blocks] == ["The Council decides to strongly condemn the attack."]
    assert [(f.page, f.text, f.why) for f in before.furniture] == [(1, "firmly", "tracked insertion")]
    assert any("read as before them: 1 passage of insertions (underlined) left out" in w for w in before.warnings)


@pytest.mark.parametrize("bar, colour", [(False, "0.02 0.27 0.63"), (True, "0 0 0"), (True, "0.5 0.5 0.5")])
def test_struck_text_is_kept_without_a_change_bar_or_in_black(tmp_path, bar, colour):
    """A red strike-through in a text without change bars is its author's formatting (a
    compilation text's proposed deletions), a black or grey one too: read as printed."""
    path = write_pdf(tmp_path / "struck.pdf", [_markup_page(100, LINE, bar=bar, colour=colour)])
    document = parse_file(str(path))
    assert [b.text for b in document.blocks] == ["The Council decides to strongly firmly condemn the attack."]
    assert not [w for w in document.warnings if "tracked" in w]


def test_a_paragraph_struck_through_over_lines_is_left_out_whole(tmp_path):
    page = _markup_page(100, [("", "First paragraph, which stays.")])
    for k, text in enumerate(["Second paragraph, deleted by the", "author, over two lines."]):
        page.ops += _markup_page(124 + 12 * k, [("-", text)]).ops
    page.ops += _markup_page(160, [("", "Third paragraph, which stays.")], bar=False).ops
    document = parse_file(str(write_pdf(tmp_path / "deleted.pdf", [page])))
    assert [b.text for b in document.blocks] == ["First paragraph, which stays.", "Third paragraph, which stays."]
    assert any("1 passage of deletions (struck through) left out" in w for w in document.warnings)


def _run(text: str, x0: float, baseline: float = 100.0) -> Char:
    x0s = tuple(x0 + ADVANCE * k for k in range(len(text)))
    return Char(text, x0, x0s[-1] + ADVANCE, baseline, 10.0, "Courier", False, False, x0s,
                tuple(x + ADVANCE for x in x0s))


def test_only_the_glyphs_under_the_rule_are_left_out():
    """A rule over part of a run (a word deleted inside a text object) leaves out the glyphs whose
    middle it covers, spaces kept; a black rule and one under the wrong colour do nothing."""
    char = _run("to strongly condemn", 100.0)
    strike = Rule(100.0 + 3 * ADVANCE, 97.2, 100.0 + 11 * ADVANCE, 97.2, BLUE)
    bar = Rule(90.0, 88.0, 90.0, 103.0)
    out, marked = tracked_changes([char], [strike, bar], lambda x, y: BLUE)
    assert out[0].text == "to " + LEFT_OUT * 8 + " condemn" and marked == Marked(1, 0, ("strongly",))
    assert tracked_changes([char], [strike, bar], lambda x, y: (0, 0, 0))[0] == [char]  # the text is black
    assert tracked_changes([char], [Rule(strike.x0, 97.2, strike.x1, 97.2), bar], lambda x, y: BLUE)[0] == [char]
    assert tracked_changes([char], [strike, Rule(200.0, 88.0, 200.0, 103.0)], lambda x, y: BLUE)[0] == [char]  # among the text
    assert tracked_changes([char], [strike, Rule(90.0, 40.0, 90.0, 800.0)], lambda x, y: BLUE)[0] == [char]  # a frame
    assert tracked_changes([char], [strike, bar, Rule(300.0, 88.0, 300.0, 103.0)], lambda x, y: BLUE)[0] == [char]  # a box


def test_libreoffice_numbers_of_a_renumbered_item():
    """LibreOffice prints a renumbered list item's numbers as "3.[2.]" (now, then), in colour at
    the start of its line: read as accepted the item is "3.", as before "2."."""
    label, text = _run("3.[2.]", 100.0), _run("When you click", 150.0)
    bar = Rule(90.0, 88.0, 90.0, 103.0)
    accepted, marked = tracked_changes([label, text], [bar], lambda x, y: BLUE)
    before, _ = tracked_changes([label, text], [bar], lambda x, y: BLUE, original=True)
    assert marked == Marked(0, 0, (), ("3.[2.]",))  # reported as the page's furniture
    assert [c.text for c in accepted] == ["3.", "When you click"] and accepted[0].glyph_x0s == label.glyph_x0s[:2]
    assert [c.text for c in before] == ["2.", "When you click"] and before[0].x0 == label.glyph_x0s[3]
    assert tracked_changes([label, text], [bar], lambda x, y: (0, 0, 0))[0] == [label, text]  # in black: as printed
    reference = _run("Ref[1]", 100.0)  # a word and a reference, not numbers: as printed
    assert tracked_changes([reference, text], [bar], lambda x, y: BLUE)[0] == [reference, text]


@pytest.mark.parametrize("text, expected", [
    ("This is " + LEFT_OUT * 4 + " text", "This is text"),
    ("organi" + LEFT_OUT + "zation", "organization"),
    ("the " + LEFT_OUT * 5 + ", rest", "the, rest"),
    ("قيد نظرها " + LEFT_OUT * 4 + "؛", "قيد نظرها؛"),  # Arabic punctuation closes too
    ("决定" + LEFT_OUT * 2 + "。", "决定。"),
    ("(" + LEFT_OUT * 3 + " text)", "(text)"),
    ("the " + LEFT_OUT * 3 + " 5", "the 5"),
    ("end " + LEFT_OUT * 3, "end"),
    (LEFT_OUT * 2 + " start", "start"),
    ("1.\t" + LEFT_OUT * 3 + " text", "1.\ttext"),
    ("2. " + LEFT_OUT * 6, ""),  # an item left out but its label
    (LEFT_OUT * 3 + " 25", "25"),  # a figure is no label
    (LEFT_OUT * 3 + " " + LEFT_OUT * 2, ""),
    ("no change", "no change"),
])
def test_text_without_the_glyphs_left_out(text, expected):
    styles = [(k % 2 == 0, False) for k in range(len(text))]
    out, kept = without_left_out(text, styles)
    assert out == expected and len(kept) == len(out)
    if LEFT_OUT not in text:
        assert kept == styles


def test_the_warning_names_the_pages_and_counts():
    assert marked_warning([(1, Marked(0, 0))], False) is None
    assert marked_warning([(2, Marked(2, 0)), (5, Marked(1, 3))], True) == (
        "the PDF shows tracked changes (pages 2, 5), read as before them: 3 passages of insertions (underlined) "
        "left out, 3 passages of deletions (struck through) kept")
