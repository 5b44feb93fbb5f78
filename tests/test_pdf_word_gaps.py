"""Doubtful word gaps (parsers.pdf.word_gaps): a gap between two letters with no space glyph,
whose width alone does not tell a word space, is settled by the words the document writes whole
elsewhere. Pages of `Char`s placed by hand, 10 pt glyphs 6 pt wide: a gap of 1.6 pt is 0.16 em,
over the 0.15 em a font's space (0.25 em) gives; 1.4 pt is under it."""

from __future__ import annotations

from parsers.pdf.chars import Char, Page
from parsers.pdf.lines import page_lines
from parsers.pdf.word_gaps import settle_word_gaps

ADVANCE = 6.0
SPACED = {"Times-Roman": 0.25}  # the document sets space glyphs in its font
GAPPED: dict[str, float] = {}  # it sets none (LaTeX): every word space is a gap


def line_chars(pieces: list[tuple[float, str]], baseline: float) -> list[Char]:
    """Each piece (the gap before it in points, its text) laid left to right from x = 100; a
    piece " " is a space glyph 2.5 pt wide."""
    out: list[Char] = []
    x = 100.0
    for gap, text in pieces:
        x += gap
        for ch in text:
            width = 2.5 if ch == " " else ADVANCE
            out.append(Char(ch, x, x + width, baseline, 10.0, "Times-Roman", False, False))
            x += width
    return out


def read(spaces: dict[str, float], *lines: list[tuple[float, str]]) -> list[str]:
    """The texts of the lines (14 pt apart, one page), the doubtful gaps settled."""
    chars = tuple(c for k, pieces in enumerate(lines) for c in line_chars(pieces, 100.0 + 14 * k))
    settled = settle_word_gaps([page_lines(Page(1, 595.0, 842.0, chars), spaces)])
    return [line.text for line in settled[0]]


def test_a_gap_inside_a_word_the_document_writes_whole_is_closed():
    """MuPDF's rewrite of A/RES/73/3 sets "hea" and "lth" 0.16 em apart (a letter-spaced line of
    the original, 0.13 em): the width reads a space; "health" is written whole elsewhere, and "hea"
    and "lth" are no words of it."""
    whole = [(0, "public"), (0, " "), (0, "health")]
    cut = [(0, "protect"), (0, " "), (0, "hea"), (1.6, "lth")]
    assert read(SPACED, whole, cut) == ["public health", "protect health"]
    assert read(SPACED, cut) == ["protect hea lth"]  # no word to tell: the width decides


def test_a_single_letter_is_no_word_of_the_document():
    """"an" + "d": "and" is a word of the document, "d" alone is none (a label's "(d)" leaves it
    in the text), so the gap is inside "and"."""
    lines = [(0, "(d)"), (0, " "), (0, "prevent"), (0, " "), (0, "and"), (0, " "), (0, "combat")], \
        [(0, "prevent"), (0, " "), (0, "an"), (1.6, "d"), (0, " "), (0, "combat")]
    assert read(SPACED, *lines)[1] == "prevent and combat"


def test_a_squeezed_word_gap_of_a_font_with_no_space_glyph_is_a_space():
    """LaTeX sets no space glyph and squeezes a justified line's word gaps to 0.14 em ("the
    specificity ofpatterns" in a paper read before): "of" and "patterns" are words of the
    document, "ofpatterns" none."""
    elsewhere = [(0, "its"), (3.0, "specificity"), (3.0, "of"), (3.0, "patterns")]
    squeezed = [(0, "specificity"), (1.4, "of"), (1.4, "patterns")]
    assert read(GAPPED, elsewhere, squeezed) == ["its specificity of patterns", "specificity of patterns"]
    assert read(GAPPED, squeezed) == ["specificityofpatterns"]


def test_a_gap_without_a_space_glyph_in_a_font_that_sets_them_stays_closed():
    """Where the document sets its word spaces with space glyphs, a narrow gap without one is
    inside a word even when both sides are words of it: "Yemenis" (once in S/2022/158) is not
    "Yemen is"."""
    lines = [(0, "Yemen"), (0, " "), (0, "is")], [(0, "the"), (0, " "), (0, "Yemen"), (1.2, "is")]
    assert read(SPACED, *lines)[1] == "the Yemenis"
    assert read(GAPPED, *lines)[1] == "the Yemen is"


def test_both_ways_words_leave_the_width_to_decide():
    """"in to" and "into" are both written whole: the width decides either way."""
    whole = [(0, "into"), (0, " "), (0, "in"), (0, " "), (0, "to")]
    assert read(SPACED, whole, [(0, "went"), (0, " "), (0, "in"), (1.6, "to")])[1] == "went in to"
    assert read(SPACED, whole, [(0, "went"), (0, " "), (0, "in"), (1.4, "to")])[1] == "went into"


def test_no_doubtful_gap_is_left_on_a_line():
    lines = [(0, "public"), (0, " "), (0, "health")], [(0, "hea"), (1.6, "lth")]
    chars = tuple(c for k, pieces in enumerate(lines) for c in line_chars(pieces, 100.0 + 14 * k))
    read_lines = page_lines(Page(1, 595.0, 842.0, chars), SPACED)
    assert any(line.doubtful for line in read_lines)
    assert not any(line.doubtful for page in settle_word_gaps([read_lines]) for line in page)


def test_a_gap_between_chinese_characters_is_never_doubtful():
    """Chinese is written without word spaces: a gap between two Han characters is no space
    whatever words the document writes (the line builder's rule), and none is put in."""
    chars = tuple(Char(ch, 100 + 11.6 * k, 110 + 11.6 * k, 100.0, 10.0, "SimSun", False, False)
                  for k, ch in enumerate("联合国大会"))
    elsewhere = tuple(Char(ch, 100 + 14 * k, 110 + 14 * k, 114.0, 10.0, "SimSun", False, False)
                      for k, ch in enumerate("联合国 大会".replace(" ", "")))
    lines = page_lines(Page(1, 595.0, 842.0, chars + elsewhere), GAPPED)
    assert not any(line.doubtful for line in lines)
    assert [line.text for line in settle_word_gaps([lines])[0]] == ["联合国大会", "联合国大会"]


def test_a_gap_before_a_comma_a_closing_bracket_or_an_apostrophe_is_no_space():
    """No language of the six types a space before a comma or a closing bracket; MuPDF's widths
    open gaps there ("exploitation ,", "(Da’esh )"), and before an apostrophe ("Abyei ’s") in a
    font with space glyphs. Where a font sets none (LaTeX) a gap is the only word space there is,
    and one may come before an apostrophe ("EDBT ’98")."""
    assert read(SPACED, [(0, "sexual"), (0, " "), (0, "exploitation"), (2.0, ","), (0, " "), (0, "and")]) == [
        "sexual exploitation, and"]
    assert read(SPACED, [(0, "(Da’esh"), (2.0, ")")]) == ["(Da’esh)"]
    assert read(SPACED, [(0, "Abyei"), (2.0, "’s")]) == ["Abyei’s"]
    assert read(GAPPED, [(0, "EDBT"), (2.0, "’98")]) == ["EDBT ’98"]
    assert read(SPACED, [(0, "a"), (12.0, ",")]) == ["a ,"]  # a tab's width is a space all the same


def _prose(*words: str) -> list[tuple[float, str]]:
    """A line of `words` with space glyphs between them."""
    pieces: list[tuple[float, str]] = []
    for k, word in enumerate(words):
        pieces += [(0, " "), (0, word)] if k else [(0, word)]
    return pieces


ENGLISH = _prose("the", "Council", "of", "the", "United", "Nations", "and", "the", "Assembly")
SPANISH = _prose("el", "Consejo", "de", "las", "Naciones", "Unidas", "y", "la", "Asamblea")


def test_a_lower_case_letter_left_alone_by_a_gap_is_inside_its_word():
    """MuPDF's rewrite of S/2018/257 sets "o" and "ther" 0.16 em apart, and S/2022/501 "managemen"
    and "t": the width reads a space, and "other" and "management" are written nowhere else whole.
    English writes no word "o" or "t" (only "a" and "i"): the letter belongs to its neighbour."""
    assert read(SPACED, ENGLISH, [(0, "among"), (0, " "), (0, "o"), (1.6, "ther"), (0, " "), (0, "factors")])[1] \
        == "among other factors"
    assert read(SPACED, ENGLISH, [(0, "its"), (0, " "), (0, "managemen"), (1.6, "t,")])[1] == "its management,"


def test_a_letter_that_is_a_word_of_its_language_or_a_capital_keeps_its_space():
    """"a" is an English word; "o" ("or") and "y" ("and") are Spanish ones; a capital letter standing
    alone is a name ("Annex A", "Plan B"); and in a font with no space glyph (LaTeX) the gap is the
    word space: the width decides each of them, as before."""
    assert read(SPACED, ENGLISH, [(0, "as"), (0, " "), (0, "a"), (1.6, "rule")])[1] == "as a rule"
    assert read(SPACED, SPANISH, [(0, "uno"), (0, " "), (0, "o"), (1.6, "dos")])[1] == "uno o dos"
    assert read(SPACED, ENGLISH, [(0, "Annex"), (1.6, "A")])[1] == "Annex A"
    assert read(GAPPED, ENGLISH, [(0, "among"), (0, " "), (0, "o"), (1.6, "ther")])[1] == "among o ther"


def test_a_letter_that_is_part_of_a_longer_token_or_a_note_s_label_keeps_its_space():
    """The "s" of "listener’s" stands alone among the letters but not in the text (a court opinion
    read before: "Pierre’s claims"); a table note's letter before the note's first word, capital
    ("c For well-defined nodules", a clinical guideline), is no piece of that word."""
    assert read(SPACED, ENGLISH, [(0, "the"), (0, " "), (0, "listener’s"), (1.6, "gaze.")])[1] == "the listener’s gaze."
    assert read(SPACED, ENGLISH, [(0, "c"), (1.6, "For"), (0, " "), (0, "nodules")])[1] == "c For nodules"


def test_a_lone_letter_in_a_language_the_lexicon_does_not_cover_is_left_to_the_width():
    """Too little text to tell the language (or one with no list of one-letter words): no rule."""
    assert read(SPACED, [(0, "o"), (1.6, "ther")]) == ["o ther"]
