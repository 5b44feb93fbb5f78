"""Characters into lines, on pages made of `Char`s placed by hand: right-to-left order, Chinese
text, columns, superscripts and font styles."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.model import Span
from parsers.pdf.chars import Char, Page, font_style
from parsers.pdf.lines import page_lines
from parsers.pdf.paragraphs import joined_text, spans_of

_STYLES = [(False, False), (True, False), (False, True), (True, True)]

ADVANCE = 6.0  # every glyph here is 6 pt wide


def run(text: str, x: float, baseline: float, size: float = 10.0, font: str = "Times-Roman",
        step: float = ADVANCE) -> list[Char]:
    """Glyphs laid left to right from x, in the order given (visual order)."""
    name, bold, italic = font_style(font)
    return [Char(ch, x + k * step, x + (k + 1) * step, baseline, size, name, bold, italic)
            for k, ch in enumerate(text)]


def page(*runs: list[Char]) -> Page:
    return Page(1, 595.0, 842.0, tuple(c for r in runs for c in r))


def test_arabic_is_read_right_to_left_with_numbers_left_to_right():
    """Glyphs stored in visual order (the leftmost first) come out in reading order; the number
    inside the Arabic line keeps its digit order."""
    # visual, left to right: "ةرقف 12 ةدام" is the reading order "مادة 12 فقرة" drawn right to left
    visual = "ةرقف 12 ةدام"
    (line,) = page_lines(page(run(visual, 100, 100)))
    assert line.text == "مادة 12 فقرة"


def test_an_arabic_word_inside_a_latin_line_is_turned_round():
    """In a mostly left-to-right line only the right-to-left run is reversed."""
    (line,) = page_lines(page(run("see يبيبح here", 100, 100)))
    assert line.text == "see حبيبي here"


def test_chinese_lines_join_without_spaces():
    """Chinese and Russian text come out in order; Chinese lines join without a space."""
    lines = page_lines(page(run("联合国大会", 100, 100, step=10.0), run("决议草案", 100, 114, step=10.0)))
    assert [line.text for line in lines] == ["联合国大会", "决议草案"]
    assert joined_text(lines, frozenset())[0] == "联合国大会决议草案"
    (russian,) = page_lines(page(run("Генеральная Ассамблея", 100, 100)))
    assert russian.text == "Генеральная Ассамблея"


def test_a_gap_beside_chinese_is_no_word_space():
    """Word and LibreOffice set a quarter em between Han characters and figures or Latin text, with
    no space glyph: "在 2014 年" printed is "在2014年" typed. A space glyph there is a space, and a
    tab's gap is one too."""
    chars = run("在", 100, 100, step=10.0) + run("2014", 113, 100, step=5.0) + run("年", 136, 100, step=10.0)
    (line,) = page_lines(page(chars))
    assert line.text == "在2014年"
    space = [Char(" ", 110, 113, 100, 10.0, "Times-Roman", False, False)]
    (typed,) = page_lines(page(run("在", 100, 100, step=10.0) + space + run("2014", 113, 100, step=5.0)))
    assert typed.text == "在 2014"
    (tab,) = page_lines(page(run("第", 100, 100, step=10.0) + run("5", 125, 100, step=5.0)))
    assert tab.text == "第 5"
    (latin,) = page_lines(page(run("in", 100, 100, step=5.0) + run("2014", 113, 100, step=5.0)))
    assert latin.text == "in 2014"  # between Latin and figures the same gap is a space


PROSE = ("Lorem ipsum dolor sit amet, consectetur", "adipiscing elit, sed do eiusmod tempor",
         "incididunt ut labore et dolore magna", "aliqua. Ut enim ad minim veniam, quis",
         "nostrud exercitation ullamco laboris", "nisi ut aliquip ex ea commodo consequat.",
         "Duis aute irure dolor in reprehenderit", "in voluptate velit esse cillum dolore eu",
         "fugiat nulla pariatur. Excepteur sint", "occaecat cupidatat non proident, sunt in")


def test_two_columns_are_read_one_after_the_other():
    """Lines sharing baselines across a column gap are read column by column."""
    step = 5.0  # 40 characters in 200 pt: columns 50-250 and 262-462
    left = [run(text, 50, 100 + 12 * k, step=step) for k, text in enumerate(PROSE)]
    right = [run(text.upper(), 262, 100 + 12 * k, step=step) for k, text in enumerate(reversed(PROSE))]
    lines = page_lines(page(*left, *right))
    assert [line.text for line in lines] == list(PROSE) + [t.upper() for t in reversed(PROSE)]



def test_columns_between_lines_across_the_page_are_read_one_after_the_other():
    """Two columns may run only part of the way down a page, between lines set across it, and
    their baselines need not line up (a scanned brochure's OCR layer sets each column's lines on
    baselines of their own, 2.6 pt apart): the part in columns is read column by column, the
    lines across the page where they stand, each whole (a word gap of one of them at the columns'
    gap does not cut it)."""
    step = 5.0  # 40 characters in 200 pt: columns 50-250 and 262-462
    across = ["The LinnSequencer is a state-of-the-art composition and performance tool for",
              "the professional musician: it is extremely powerful, yet simple to learn and"]
    top = [run(text, 50, 100 + 12 * k, step=step) for k, text in enumerate(across)]
    # a line across the page with a word gap where the columns' gap falls
    gapped = run("Each of the sequences contains thirty-two", 50, 124, step=step) + run(
        "polyphonic tracks at once.", 264, 124, step=step)
    left = [run(text, 50, 150 + 12 * k, step=step) for k, text in enumerate(PROSE)]
    right = [run(text.upper(), 262, 152.6 + 12 * k, step=step) for k, text in enumerate(reversed(PROSE))]
    bottom = run("Linn Electronics, Inc., 18720 Oxnard Street, Tarzana, California 91356", 50, 300, step=step)
    lines = page_lines(page(*top, gapped, *left, *right, bottom))
    assert [line.text for line in lines] == [
        *across, "Each of the sequences contains thirty-two polyphonic tracks at once.", *PROSE,
        *(t.upper() for t in reversed(PROSE)), "Linn Electronics, Inc., 18720 Oxnard Street, Tarzana, California 91356"]

def test_superscripts_marks_and_raised_letters():
    """A raised small digit is a mark (Unicode superscript, glued to the word), a raised '*' stays
    '*', raised letters stay letters, and a line opening with a raised mark records it."""
    chars = run("Convention", 100, 100) + run("2", 160.5, 96.5, size=6) + run(" du 1", 165, 100)
    chars += run("er", 195, 96.5, size=6) + run(" mai*", 203, 100)
    (line,) = page_lines(page(chars))
    assert line.text == "Convention² du 1er mai*"
    assert line.marks == ("2",)
    (note,) = page_lines(page(run("3", 100, 696.5, size=5), run("Ibid., p. 4.", 112, 700, size=8)))
    assert note.lead_mark == "3"
    assert note.text == "³ Ibid., p. 4."


def test_a_raised_roman_group_is_an_endnote_mark_and_other_raised_letters_stay_letters():
    """A raised "i" or "iv" after a word is an endnote's mark (Word numbers endnotes so), written
    as superscript letters; raised "er" after a digit and raised "e" after "XXI" stay letters; a
    line opening with a raised "ii" records it as its own mark (the endnote's text)."""
    chars = run("endnote.", 100, 100) + run("iv", 148.5, 96.5, size=6) + run(" du 1", 161, 100)
    chars += run("er", 191, 96.5, size=6) + run(" XXI", 203, 100) + run("e", 227.5, 96.5, size=6)
    (line,) = page_lines(page(chars))
    assert line.text == "endnote.ⁱᵛ du 1er XXIe"
    assert line.marks == ("iv",)
    (note,) = page_lines(page(run("ii", 100, 696.5, size=5), run("See the report.", 116, 700, size=8)))
    assert (note.lead_mark, note.text) == ("ii", "ⁱⁱ See the report.")


def test_a_gap_by_a_hyphen_is_no_space_unless_it_is_a_tab():
    """A justified line's small gap next to a hyphen joins ("twenty-fifth"), and a gap before a
    hyphen as wide as a space ("people -centred"); the same gap after a hyphen is the word space
    after a suspended hyphen ("troop- and"); a gap of an em or more after a list's dash is a space
    ("- Test file")."""
    (joined,) = page_lines(page(run("twenty-", 100, 100), run("fifth", 143, 100)))
    assert joined.text == "twenty-fifth"
    (before,) = page_lines(page(run("people", 100, 100), run("-centred", 142.0, 100)))
    assert before.text == "people-centred"
    (suspended,) = page_lines(page(run("troop-", 100, 100), run("and police-contributing", 142.0, 100)))
    assert suspended.text == "troop- and police-contributing"
    (listed,) = page_lines(page(run("-", 100, 100), run("Test file", 118, 100)))
    assert listed.text == "- Test file"


def test_a_space_glyph_the_next_glyph_sits_on_is_no_word_space():
    """LibreOffice prints "6.1]" of an underlined field as "6.1", a space, and "]" drawn over the
    space's start: no space. A space whose box starts inside an italic "f" while the next word
    starts after most of it ("of the" in S/2024/400) stays a word space."""
    name = font_style("Times-Roman")[0]
    covered = run("6.1", 100, 100) + [Char(" ", 117.9, 120.65, 100, 10.0, name, False, False)] + run("]", 118.0, 100)
    (line,) = page_lines(page(covered))
    assert line.text == "6.1]"
    kept = run("of", 100, 100) + [Char(" ", 110.2, 112.8, 100, 10.0, name, False, False)] + run("the", 112.35, 100)
    (line,) = page_lines(page(kept))
    assert line.text == "of the"


def test_two_like_segments_of_a_line_are_one_line_with_a_tab():
    """A Word line with a tab stop ("Project Manager<tab>Date:") printed: its two segments, alike
    in size and weight, the second short, are one line with a tab. Not a masthead's parts (a
    document symbol), a line number and its line, a column's edge (long lines start there), nor
    segments of two sizes."""
    (tabbed,) = page_lines(page(run("Project Manager", 100, 300), run("Date:", 400, 300)))
    assert tabbed.text == "Project Manager\tDate:"
    assert len(page_lines(page(run("United Nations", 100, 300), run("A/RES/72/1", 400, 300)))) == 2
    assert len(page_lines(page(run("12", 60, 300), run("Tuesday, January", 200, 300)))) == 2
    column = page(run("the FAA intends to", 100, 300), run("this AD.", 400, 300),
                  run("deviations from the Accomplishment Instructions", 400, 312))
    assert [line.text for line in page_lines(column)][:2] == ["the FAA intends to", "this AD."]
    assert len(page_lines(page(run("Total", 100, 300), run("27.5", 400, 300, size=8)))) == 2


def test_font_names_give_bold_and_italic():
    """Styles come from the names PDF producers use and from the italic flag."""
    assert font_style("ABCDEF+TimesNewRomanPS-ItalicMT")[1:] == (False, True)
    assert font_style("TimesNewRomanPS-BoldItalicMT")[1:] == (True, True)
    assert font_style("Times-Italic")[1:] == (False, True)
    assert font_style("Arial,Bold")[1:] == (True, False)
    assert font_style("LiberationSerif", flags=64)[1:] == (False, True)
    assert font_style("ABCDEF+LiberationSerif-Bold") == ("LiberationSerif-Bold", True, False)


def test_a_font_s_weight_counts_only_where_its_name_says_nothing():
    """PDFium's weight comes from the stem width the writer guessed: Ghostscript's rewrite of the
    UN PDFs makes regular Times 1340 and its italic 936, which are not bold. A font with a
    writer's resource name or none has nothing else to go by."""
    assert font_style("ABCDEF+TimesNewRoman", weight=1340)[1:] == (False, False)
    assert font_style("ABCDEF+TimesNewRoman,Italic", weight=936)[1:] == (False, True)
    assert font_style("Calibri", weight=700)[1] is False
    assert [font_style(name, weight=700)[1] for name in ("F1", "T1_0", "CIDFont+F3", "")] == [True] * 4
    assert [font_style(name, weight=weight)[1] for name, weight in (("F1", 400), ("F1", 1340))] == [False, False]


def test_a_label_set_far_from_its_text_stays_on_its_line():
    """A hanging indent puts '1.' and 'IV.' far from their text: the label is not a line apart,
    while a masthead's far-apart parts are."""
    (operative,) = page_lines(page(run("1.", 100, 100), run("Decides to act;", 160, 100)))
    assert operative.text == "1. Decides to act;"
    (heading,) = page_lines(page(run("IV.", 100, 100), run("Introduction", 170, 100)))
    assert heading.text == "IV. Introduction"
    masthead = page_lines(page(run("United Nations", 100, 100), run("A/RES/72/1", 400, 100)))
    assert [line.text for line in masthead] == ["United Nations", "A/RES/72/1"]


def test_glyphs_placed_at_infinity_are_ignored():
    """A damaged file's glyphs with infinite or NaN positions do not break line building."""
    broken = [Char("x", 0.0, float("inf"), 100, 10, "Times", False, False),
              Char("y", 100, 106, float("nan"), 10, "Times", False, False)]
    text = [run(f"Line {k} of the text", 100, 100 + 12 * k) for k in range(10)]
    lines = page_lines(page(*text, broken))
    assert [line.text for line in lines] == [f"Line {k} of the text" for k in range(10)]


def test_a_note_mark_or_bullet_set_far_from_its_text_stays_on_its_line():
    """A note's asterisk or a bullet, set apart by a tab stop, opens its line's text: at the left
    of a left-to-right line, at the right of a right-to-left one (the Symbol font's asterisk comes
    through as U+F02A), where it is read first. A label at the other end is not the line's."""
    (note,) = page_lines(page(run("\uf02a", 100, 100), run("Basic limits apply to every station of the band", 160, 100)))
    assert note.text == "\uf02a Basic limits apply to every station of the band"
    (bullet,) = page_lines(page(run("\u2022", 100, 100), run("First item of a list of things to do", 160, 100)))
    assert bullet.text == "\u2022 First item of a list of things to do"
    # visual, left to right: "ةرقف ةدام" drawn right to left reads "مادة فقرة"
    (arabic,) = page_lines(page(run("ةرقف ةدام", 100, 100), run("\uf02a", 300, 100)))
    assert arabic.text == "\uf02a\tمادة فقرة"
    assert arabic.x0 == 100 and arabic.x1 == 306
    ends = page_lines(page(run("1.", 100, 100), run("ةرقف ةدام", 300, 100)))
    assert len(ends) == 2 and ends[1].text == "مادة فقرة"


def test_a_font_whose_spaces_have_no_width_has_no_measured_space():
    """LibreOffice draws some spaces of an Arabic font with no width: that font's word space is
    not measured (the default stands), and reading the page does not fail."""
    from parsers.pdf.lines import space_widths

    zero = Char(" ", 120.0, 120.0, 100, 10.0, "DejaVuSans", False, False)
    measured = Char(" ", 100.0, 102.5, 120, 10.0, "Times-Roman", False, False)
    assert space_widths([page(run("ةرقف", 100, 100, font="DejaVuSans") + [zero], [measured])]) == {"Times-Roman": 0.25}


def test_a_no_break_space_glyph_is_measured_as_a_space():
    """MuPDF's rewrite maps every space glyph to U+00A0: a font's word space is measured from
    those as from spaces (else its gaps are judged by the default)."""
    from parsers.pdf.lines import space_widths

    nbsp = Char("\xa0", 100.0, 103.0, 120, 10.0, "Times-Roman", False, False)
    assert space_widths([page([nbsp])]) == {"Times-Roman": 0.3}
    # inside a run (one text object's glyphs read at once): its middle glyph, 4 pt wide
    inside = Char("a\xa0b", 100.0, 112.0, 100, 10.0, "Times-Roman", False, False, (100.0, 104.0, 108.0), (103.0, 108.0, 112.0))
    assert space_widths([page([inside])]) == {"Times-Roman": 0.4}


def test_a_raised_mark_joins_its_line_past_a_stray_space_of_no_size():
    """LibreOffice sets a space of size 1 a little above the baseline after an Arabic note's call:
    alone on its baseline, between the raised mark and its line. The mark still joins the line."""
    stray = Char(" ", 170.0, 170.0, 99.8, 1.0, "", False, False)
    lead = Char(" ", 99.0, 99.0, 100.05, 1.0, "", False, False)  # another, on the line's baseline
    chars = [lead, *run("Convention", 100, 100.05), *run("4", 160.5, 96.1, size=6), stray]
    (line,) = [line for line in page_lines(page(chars)) if line.text.strip()]
    assert (line.text, line.marks) == ("Convention⁴", ("4",))


def test_a_raised_mark_joins_its_line_past_a_space_at_the_margin():
    """pdftocairo's rewrite of a UN PDF sets a space at the left margin before each note's call,
    on the call's baseline, out of the call's reach: it neither keeps the call off its line nor
    moves with it into the text."""
    margin = Char(" ", 94.4, 97.2, 729.4, 5.5, "Times-Roman", False, False)
    chars = [margin, *run("24", 113.9, 729.4, size=5.5, step=2.85), *run("A/79/322.", 123.1, 732.4, size=8.5, step=4.1)]
    (line,) = [line for line in page_lines(page(chars)) if line.text.strip()]
    assert (line.lead_mark, line.text) == ("24", "²⁴ A/79/322.")


def test_a_note_call_wrapped_alone_to_the_next_line_ends_the_line_above():
    """LibreOffice wraps Chinese text anywhere: a paragraph's last line full, then its note's call
    alone at the start of the next line, raised, nothing under it but the next paragraph. The call
    ends the line above, as a mark; a small figure far below a line stays where it is."""
    full = run("请秘书长提交报告；", 100, 100, step=10.0)
    wrapped = run("6", 100, 104.0, size=6)
    lines = page_lines(page(full, wrapped, run("鼓励会员国", 100, 130, step=10.0)))
    assert [(line.text, line.marks) for line in lines] == [("请秘书长提交报告；⁶", ("6",)), ("鼓励会员国", ())]
    far = page_lines(page(full, run("6", 100, 118.0, size=6)))
    assert [line.text for line in far] == ["请秘书长提交报告；", "6"]


def test_an_opening_guillemet_and_its_word_are_a_line_s_first_word():
    """French sets a no-break space after "«": "« Transformer" is the first word a line before
    would have had to hold (the paragraph builder asks whether it would have fitted there), glyph
    by glyph and as a run of glyphs."""
    (glyph_line,) = page_lines(page(run("« Transformer notre monde", 100, 100)))
    assert glyph_line.lead_width == 13 * ADVANCE  # "« Transformer", not "«" alone
    text = "« Transformer notre monde"
    x0s = tuple(100.0 + k * ADVANCE for k in range(len(text)))
    chunk = Char(text, x0s[0], x0s[-1] + ADVANCE, 100, 10.0, "Times-Roman", False, False, x0s,
                 tuple(x + ADVANCE for x in x0s))
    (run_line,) = page_lines(page([chunk]))
    assert run_line.lead_width == 13 * ADVANCE
    (plain,) = page_lines(page(run("Le monde", 100, 100)))
    assert plain.lead_width == 2 * ADVANCE


def test_french_punctuation_after_a_line_s_first_word_goes_with_it():
    """"naturelles »." opening a line: the guillemet is held to the word by a no-break space, so a
    line before that had room for "naturelles" alone did not end by choice."""
    from parsers.pdf.lines import Line
    from parsers.pdf.paragraphs import _would_fit

    def line(text: str, x1: float, lead: float) -> Line:
        return Line(1, text, ((False, False),) * len(text), 100.0, x1, 100.0, 10.0, lead_width=lead, text_x0=100.0)

    prev = line("x" * 48, 390.0, 6.0)  # 70 pt short of the block's right edge, 460
    assert not _would_fit(prev, line("naturelles ». Suite du texte.", 100.0 + 29 * ADVANCE, 10 * ADVANCE), 460.0)
    assert _would_fit(prev, line("naturelles et suite du texte.", 100.0 + 29 * ADVANCE, 10 * ADVANCE), 460.0)


def test_chinese_full_width_punctuation_ends_a_line_s_paragraph_before_a_label():
    """A full line ending with "，" (or "；") and a line opening with the lexicon's "5、" at the
    margin: two paragraphs, as after "," and a "5." label."""
    from parsers.pdf.reader import _result

    text = "深为关切仅在二〇一四年该区域就有约四十万人因洪水和风暴而流离失所赞赏地注意到秘书长的报告强调国际合作"  # 49
    for mark in ("，", "；"):  # lines of 49 glyphs, 8 pt each: 100-492, the page's text right edge 495
        lines = [run(text[:48] + mark, 100, 100, step=8.0), run("5、" + text[:47], 100, 114, step=8.0),
                 run(text[:20] + "。", 100, 128, step=8.0)]
        assert [p.text[:2] for p in _result([page(*lines)], []).paragraphs] == ["深为", "5、"]


def test_a_smaller_line_standing_over_the_next_line_is_no_superscript():
    """A group of smaller glyphs raised over a line is a note's call only where it stands beside
    that line's words. Over them, it is a line of its own: a link "Table of Contents" over
    "Discussion" in a page's corner, on the baseline of a larger title (an NCCN guideline: read
    "Table oDf iCscounstesinotns"), and a caption's 8 pt lines 6.3 pt apart beside an 11 pt column
    (an OCR layer of a scanned book: "wbliet,h saanwd-dtuhset")."""
    title = run("Thyroid Carcinoma", 100, 62.3, size=18, step=9.0)
    links = run("Table of Contents", 400, 48.9, size=11) + run("Discussion", 440, 62.1, size=11)
    assert [line.text for line in page_lines(page(title, links))] == [
        "Table of Contents", "Thyroid Carcinoma", "Discussion"]
    caption = [run(text, 60, 256.3 + 6.3 * k, size=8, step=4.0)
               for k, text in enumerate(["with saw-dust. The heads are", "ble, and the edge? of the"])]
    column = run("privations aie worthy of a better", 210, 262.6, size=11, step=5.5)
    assert [line.text for line in page_lines(page(*caption, column))] == [
        "with saw-dust. The heads are", "ble, and the edge? of the", "privations aie worthy of a better"]


def _spans_one_space_at_a_time(text, styles):
    """spans_of as first written: every whitespace set in order, the style changes found one
    character at a time."""
    if not text or not any(map(any, styles)):
        return ()
    fixed = list(styles)
    for i in range(1, len(text) - 1):
        if text[i].isspace():
            fixed[i] = fixed[i - 1] if fixed[i - 1] == styles[i + 1] else (False, False)
    spans, start = [], 0
    for i in [*(k for k in range(1, len(text)) if fixed[k] != fixed[k - 1]), len(text)]:
        bold, italic = fixed[start]
        end = i
        while end > start and text[end - 1].isspace():
            end -= 1
        if bold or italic:
            spans.append(Span(start, end, bold=bold, italic=italic))
        start = i
    return tuple(spans)


@given(st.lists(st.tuples(st.sampled_from("ab \t\n\xa0."), st.sampled_from(_STYLES)), max_size=30))
@settings(max_examples=2000, deadline=None, derandomize=True, database=None)
def test_a_paragraphs_styled_spans_are_those_of_each_whitespace_set_in_turn(chars):
    """spans_of looks only at the whitespace beside a change of style: it gives what setting every
    whitespace in turn gives."""
    text, styles = "".join(ch for ch, _style in chars), [style for _ch, style in chars]
    assert spans_of(text, styles) == _spans_one_space_at_a_time(text, styles)


def test_a_space_belongs_to_the_style_on_both_its_sides():
    """"Recalling" italic then "its": the space between is neither's; a space between two bold
    words is bold, a tab between bold and italic neither."""
    assert spans_of("Recalling its", [(False, True)] * 9 + [(False, False)] * 4) == (Span(0, 9, bold=False, italic=True),)
    assert spans_of("Decides to", [(True, False)] * 10) == (Span(0, 10, bold=True, italic=False),)
    assert spans_of("a\tb", [(True, False), (True, False), (False, True)]) == (
        Span(0, 1, bold=True, italic=False), Span(2, 3, bold=False, italic=True))
