"""Right-to-left lines from visual order (as a PDF draws them, left to right) into reading order:
the base direction given, Latin and numbers kept left to right, brackets mirrored whatever
character the file maps them to, a tab's gap a segment separator. The visual strings are the
ones LibreOffice prints for the Arabic Word file oxpt-RP051-Arabic (see test_word_pdf)."""

from __future__ import annotations

import pytest
from test_pdf_lines import page, run

from parsers.pdf.bidi import bracket_shapes, reading_order
from parsers.pdf.chars import Char
from parsers.pdf.lines import page_lines, right_to_left


def read(visual: str, rtl: bool = True) -> str:
    return "".join(text for text, _b, _i in reading_order([(ch, False, False) for ch in visual], rtl))


@pytest.mark.parametrize("visual", [":)WRC-07) 417 رارقلا", ":(WRC-07( 417 رارقلا", ":(WRC-07) 417 رارقلا"])
def test_brackets_are_mirrored_whatever_the_file_maps_them_to(visual):
    """LibreOffice maps the two brackets of "(WRC-07)" in Arabic text to ")" and ")", or "(" and
    "(": their shape comes from the text they touch, and the number before them in reading
    order stays apart from the Latin inside them."""
    assert read(visual) == "القرار 417 (WRC-07):"


def test_a_bracket_touching_text_on_both_sides():
    """Inside a Latin word ("AM(R)S") a bracket is drawn left to right and keeps the file's
    character; between an Arabic semicolon and Latin it opens while a later bracket waits for
    one. Two bracketed groups on one line keep apart."""
    glyphs = [(ch, False, False) for ch in "(AM(R)S)"]
    assert "".join(bracket_shapes(glyphs).values()) == "(())"
    assert read("؛(WRC-07( 420رارقلاو") == "والقرار420 (WRC-07)؛"
    assert read(")AM(R)S) )R) ناريطلل") == "للطيران (R) (AM(R)S)"


def test_a_bracket_between_latin_and_arabic_holds_the_latin():
    """"(A/70/123)،" broken after its opening bracket: the next line starts with the closing one,
    drawn as "(" between the Arabic comma and "A" (LibreOffice maps it to ")"): it opens towards
    the Latin it holds, and reads as the closing bracket it is."""
    assert read("بيهت ،)A/70/123") == "A/70/123)، تهيب"
    assert read("بيهت ،(A/70/123") == "A/70/123)، تهيب"


def test_a_separator_right_of_latin_text_goes_with_it_unless_it_opens_the_line():
    """"(A/" ending a line, "70/123)" on the next: the slash drawn right of "A", before the
    bracket, is the Latin text's (it goes on beyond the line's end). A hyphen at the right edge of
    a cell opens it: "-dBW 90,8" (the Arabic draft's table) is printed "dBW 90,8-"."""
    assert read("A/) ٢٠١٥ ريرقتب") == "بتقرير ٢٠١٥ (A/"
    assert read("dBW 90,8-") == "-dBW 90,8"
    assert read("MHz :ناونعلا") == "العنوان: MHz"


def test_a_note_mark_after_a_bracket_stays_after_it():
    """"(A/70/123)⁴،" in Arabic prints the mark left of the bracket (UAX #9: the brackets take the
    Arabic text's direction, the mark the Latin's): the mark is no part of the Latin word, and the
    bracket between them closes the reference."""
    assert read("،⁴)A/70/123) ٢٠١٥") == "٢٠١٥ (A/70/123)⁴،"
    assert read("بيهت ،¹)A/70/123") == "A/70/123)¹، تهيب"


def test_a_mostly_latin_line_of_an_arabic_paragraph_reads_right_to_left():
    """The line's own majority is Latin and digits; the page's direction decides: the Arabic word
    comes first, the unit and its number ("MHz 1 164-960", W7) after it, left to right."""
    assert read("MHz 1 164-960 قاـطنلل )R)") == "(R) للنطـاق MHz 1 164-960"


def test_a_tab_is_a_segment_separator():
    """"MOD<tab>MEX/18A3/1" in an Arabic paragraph is printed "MEX/18A3/1   MOD"."""
    assert read("MEX/18A3/1\tMOD") == "MOD\tMEX/18A3/1"
    assert read("MEX/18A3/1 MOD") == "MEX/18A3/1 MOD"  # a word space joins the two


def test_brackets_of_a_pair_around_latin_text_go_with_it():
    """UAX #9 N0: "[" inside "M.[AM(R)S…" makes its "]" Latin too, drawn at the Latin end."""
    assert read("ITU-R M.[AM(R)S_1GHz_SHARING] ريرقتلا") == "التقرير ITU-R M.[AM(R)S_1GHz_SHARING]"


def test_numbers_stay_left_to_right_and_apart():
    """A thousands group after a space is one number; two numbers with a comma are two."""
    assert read("2011 ربمتبس 23") == "23 سبتمبر 2011"
    assert read("5 000 نيب") == "بين 5\u00a0000"  # its space a no-break one: it prints as one number
    assert read("2012 ،2011 يماع") == "عامي 2011، 2012"
    assert read("312.5 مقرلا") == "الرقم 312.5"


def test_a_left_to_right_line_turns_only_its_arabic_round():
    """In a left-to-right line the Arabic island is turned round, the number inside it kept."""
    assert read("see ةرقف 12 ةدام here", rtl=False) == "see مادة 12 فقرة here"
    assert read("see (يبيبح) here", rtl=False) == "see (حبيبي) here"


def test_the_page_direction_is_its_letters_majority():
    """A page mostly in Arabic is right to left; a Latin page is answered without counting."""
    assert right_to_left(page(run("ةدام ةرقف", 100, 100), run("MHz", 100, 114)).chars)
    assert not right_to_left(page(run("Article 12", 100, 100)).chars)


def test_a_latin_line_on_an_arabic_page_is_read_right_to_left():
    """The mostly-Latin line is read with the page's direction: "MOD<tab>MEX/18A3/1" printed
    right-aligned with a tab's gap comes out in Word's order."""
    arabic = run("يبرعلا صنلا اذه", 100, 100)
    latin = run("MEX/18A3/1", 300, 114) + run("MOD", 300 + 10 * 6 + 27, 114)
    lines = page_lines(page(arabic, latin))
    assert [line.text for line in lines] == ["هذا النص العربي", "MOD\tMEX/18A3/1"]


def test_vowel_marks_stay_with_their_letter():
    """A shadda and fatha drawn over "ز" after it, then a space glyph of no width that overlaps
    both neighbours (LibreOffice's, inside "وزَّع"): the word reads "وزَّع", marks after "ز"."""
    glyphs = [Char("ع", 142.0, 151.0, 100, 11, "DejaVuSans", False, False),
              Char("ز", 150.5, 158.3, 100, 11, "DejaVuSans", False, False),
              Char("\u0651", 152.5, 158.5, 100, 11, "DejaVuSans", False, False),
              Char("\u064e", 152.5, 158.5, 100, 11, "DejaVuSans", False, False),
              Char(" ", 157.1, 157.1, 100, 11, "", False, False),
              Char("و", 157.8, 165.6, 100, 11, "DejaVuSans", False, False)]
    (line,) = page_lines(page(glyphs))
    assert line.text == "وز\u0651\u064eع"


def test_a_space_of_no_width_is_a_space_only_in_a_gap():
    """LibreOffice draws a no-break space with no width in a word space's gap ("MHz 1"), and a
    stray one where a Latin run meets an Arabic comma with no gap: the first is a space, the
    second is none (the comma follows the number: "1 164،", not "1 164 ،")."""
    def glyph(text: str, x0: float, x1: float, font: str = "DejaVuSans") -> Char:
        return Char(text, x0, x1, 100, 11, font, False, False)
    arabic = [glyph("ع", 280.0, 290.0), glyph("م", 290.0, 297.5), glyph(" ", 305.8 - 4.7, 305.8)]
    comma = [glyph("،", 310.5, 315.4), Char(" ", 315.4, 315.4, 100, 1.0, "", False, False)]
    latin = [glyph("M", 315.5, 325.3, "Liberation"), glyph("H", 325.3, 333.2, "Liberation"),
             glyph("z", 333.2, 338.1, "Liberation"), Char(" ", 338.1, 338.1, 100, 11, "", False, False),
             glyph("1", 340.8, 346.3, "Liberation")]
    lines = page_lines(page(run("يبرعلا صنلا اذه", 100, 80), arabic + comma + latin))
    assert lines[1].text == "MHz 1، مع"


def test_numbered_arabic_paragraphs_hang_from_their_number():
    """A right-to-left page's paragraphs are found mirrored: after a paragraph set full width,
    "5<tab>…" at the right margin with its lines set under the text after the number (indented
    from the right) is one paragraph, the next number another; the number is a label because a
    tab's gap follows it."""
    from parsers.pdf.reader import _result

    words = "ةرقف ةدام صنلا اذه يف ءاج امك "  # visual order, 30 glyphs
    lines = []
    # (number, glyphs, right end): a full-width paragraph, then two numbered ones
    layout = [("", 64, 506), ("", 64, 506), ("", 64, 506), ("", 30, 506),
              ("5", 60, 480), ("", 60, 480), ("", 30, 480), ("6", 60, 480), ("", 20, 480)]
    for k, (number, width, right) in enumerate(layout):
        text = (words * 3)[:width - 2] + "ك"  # the line's reading starts at its right end with a letter
        text = ("." if width < 60 else "ة") + text[1:]  # a last line ends with a full stop
        baseline = 100 + 14 * k
        lines.append(run(text, right - 6 * width, baseline))
        if number:
            lines.append(run(number, 500, baseline))  # 2 em beyond: a tab
    paragraphs = _result([page(*lines)], []).paragraphs
    assert [p.text[:2] for p in paragraphs] == ["كر", "5\t", "6\t"]
    assert all(p.location.bbox is not None and p.location.bbox[2] >= 500 for p in paragraphs)  # boxes back on the page


def test_an_arabic_numbered_paragraph_after_a_full_line_is_a_new_one():
    """UN Arabic numbers paragraphs "٤ -": after a one-line paragraph set full width and ending
    with the Arabic comma "،" (a paragraph's end, as "," is), "٥ -<tab>…" at the same first-line
    indent opens the next paragraph; its second line, back at the margin, goes on with it."""
    from parsers.pdf.reader import _result

    words = "ةرقف ةدام صنلا اذه يف ءاج امك "  # visual order, 30 glyphs
    lines = []
    for k, (label, width, right, end) in enumerate([("- ٤", 53, 442, "،"), ("- ٥", 53, 442, "ك"), ("", 21, 506, "؛")]):
        text = end + (words * 3)[1:width - 1] + "ك"  # read from the right end; its last glyph on the left
        baseline = 100 + 14 * k
        lines.append(run(text, right - 6 * width, baseline))
        if label:
            lines.append(run(label, 460, baseline))  # set in from the margin (506), a tab's gap before the text
    paragraphs = _result([page(*lines)], []).paragraphs
    assert [p.text[:4] for p in paragraphs] == ["٤ -\t", "٥ -\t"]
    assert paragraphs[1].text.endswith("؛")


def test_an_arabic_note_opens_with_the_mark_at_its_right_end():
    """On a right-to-left page a line opens at its right end: a raised mark there opens a note
    (its lead mark), and one at the left end closes the line's last word (a mark the text calls)."""
    body = run("ةرقفلا", 300, 100) + run("1", 294, 96, size=6)  # "الفقرة¹": the mark on the left
    note = run("1", 336, 696, size=6) + run("A/70/123 رظنا", 252, 700, size=8)  # "¹انظر A/70/123"
    lines = page_lines(page(run("يبرعلا صنلا اذه", 100, 80), body, note))
    assert (lines[1].text, lines[1].marks, lines[1].lead_mark) == ("الفقرة¹", ("1",), None)
    assert (lines[2].lead_mark, lines[2].marks) == ("1", ())
    assert lines[2].text.startswith("¹انظر")
