"""Line numbers in the margin are set aside (parsers.pdf.line_numbers); numbers in the text are
text."""

from __future__ import annotations

from parsers.pdf.chars import Char, Page
from parsers.pdf.line_numbers import without_line_numbers


def glyphs(text: str, x: float, baseline: float) -> Char:
    return Char(text, x, x + 5.0 * len(text), baseline, 10.0, "Times-Roman", False, False)


def numbered(first: int, count: int, number_x: float = 95.0, text_x: float = 123.0) -> tuple[Char, ...]:
    chars: list[Char] = []
    for k in range(count):
        baseline = 100.0 + 12.0 * k
        chars += [glyphs(str(first + k), number_x, baseline), glyphs("words of a line of the draft", text_x, baseline)]
    return tuple(chars)


def test_numbers_in_the_margin_rising_down_the_page_are_line_numbers():
    (page,) = without_line_numbers([Page(1, 595.0, 842.0, numbered(12, 4))])
    assert page.line_numbers == ("12", "13", "14", "15")
    assert [c.text for c in page.chars] == ["words of a line of the draft"] * 4


def test_a_page_with_one_number_in_the_other_pages_column_has_it_set_aside():
    first, last = without_line_numbers([Page(1, 595.0, 842.0, numbered(1, 4)), Page(2, 595.0, 842.0, numbered(5, 1))])
    assert first.line_numbers == ("1", "2", "3", "4") and last.line_numbers == ("5",)


def test_numbers_at_the_text_s_edge_or_not_rising_are_text():
    """A list numbered without periods at the margin ("1 Afghanistan") among the page's other text,
    and numbers in the margin that do not rise (a table's column of figures), are text."""
    prose = tuple(glyphs("a line of the text around the list", 123.0, 200.0 + 12.0 * k) for k in range(6))
    at_edge = numbered(1, 4, number_x=123.0, text_x=140.0) + prose
    falling = tuple(c for k, c in enumerate(numbered(1, 4)) if k % 2) + tuple(
        glyphs(str(9 - k), 95.0, 100.0 + 12.0 * k) for k in range(4))
    for chars in (at_edge, falling):
        (page,) = without_line_numbers([Page(1, 595.0, 842.0, chars)])
        assert page.line_numbers == () and page.chars == chars


def test_paragraph_numbers_in_the_margin_are_text():
    """A judgment numbers its paragraphs in the margin ("12  In the case ..."): the numbers grow by
    one a paragraph, not by the lines between them, and stay with their paragraphs."""
    chars: list[Char] = []
    baseline = 100.0
    for number in range(12, 17):  # five paragraphs of three lines
        chars.append(glyphs(str(number), 95.0, baseline))
        for _line in range(3):
            chars.append(glyphs("words of a line of the judgment", 123.0, baseline))
            baseline += 12.0
    (page,) = without_line_numbers([Page(1, 595.0, 842.0, tuple(chars))])
    assert page.line_numbers == () and page.chars == tuple(chars)


def test_numbers_in_the_right_margin_of_a_right_to_left_page_are_line_numbers():
    """Word numbers the lines of a right-to-left section (an Arabic draft's) in the right margin: a
    quarter inch right of the text, each number's digits left to right ("10", a run of glyphs, and
    "11" as two glyphs). A left-to-right page's figures closing its lines (a list's "A<tab>1",
    "B<tab>2") are text."""
    arabic = "كلمات سطر من مشروع القرار"  # visual order does not matter here: only where each line ends
    chars: list[Char] = []
    for k, value in enumerate(range(8, 13)):
        baseline = 100.0 + 12.0 * k
        chars.append(glyphs(arabic, 300.0, baseline))  # the text ends at 425
        if value == 11:  # two glyphs
            chars += [glyphs("1", 450.0, baseline), glyphs("1", 455.0, baseline)]
        elif value == 10:  # one run of two glyphs
            chars.append(Char("10", 450.0, 460.0, baseline, 10.0, "Times-Roman", False, False, (450.0, 455.0), (455.0, 460.0)))
        else:
            chars.append(glyphs(str(value), 450.0, baseline))
    (page,) = without_line_numbers([Page(1, 595.0, 842.0, tuple(chars))])
    assert page.line_numbers == ("8", "9", "10", "11", "12")
    assert [c.text for c in page.chars] == [arabic] * 5
    listed = tuple(c for k in range(5) for c in (glyphs("ABCDE"[k], 300.0, 100.0 + 12.0 * k), glyphs(str(k + 1), 325.0, 100.0 + 12.0 * k)))
    (page,) = without_line_numbers([Page(1, 595.0, 842.0, listed)])
    assert page.line_numbers == () and page.chars == listed
