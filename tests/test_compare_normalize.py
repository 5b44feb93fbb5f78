"""What is not a difference by default: spacing (a space beside Chinese too), quote styles, dashes,
in-word hyphens, footnote marks."""

import pytest

from compare.model import CompareOptions
from compare.text.normalize import key_text, normalize, normalize_number


@pytest.mark.parametrize(("a", "b"), [
    ("la traite des personnes ; l’Office", "la traite des personnes; l'Office"),
    ("« Programme 2030 »", "\"Programme 2030\""),
    ("¿Qué medidas ?", "¿Qué medidas?"),
    ("soit 60 % des cas", "soit 60% des cas"),
    ("1\u202f000 personnes", "1 000 personnes"),
    ("la  traite\u00a0des\npersonnes", "la traite des personnes"),
    ("période 2018–2030", "période 2018-2030"),
    ("capacity-building tools", "capacitybuilding tools"),
    ("la Convention¹ et le Protocole²", "la Convention et le Protocole"),
    ("l’adoption de la déclaration politique ⁴, dans laquelle", "l’adoption de la déclaration politique, dans laquelle"),
    ("Point 6 de l’ordre du jour provisoire*", "Point 6 de l’ordre du jour provisoire"),
    ("  texte entouré d’espaces ", "texte entouré d’espaces"),
    ("إلى نتـائج دراسـات قطـاع", "إلى نتائج دراسات قطاع"),
    ("Section 3.2 (a) (i) of resolution 70/1 (2015)", "Section 3.2(a)(i) of resolution 70/1(2015)"),  # tatweel of a justified Arabic line (a PDF)
    ("ﻫ) ﻻ يعمل", "ه) لا يعمل"),  # Arabic presentation forms a Word file stored, the letters its PDF gives
    ("للطيران (R)ـ (AM(R)S)", "للطيران (R)(AM(R)S)"),  # a tatweel LibreOffice set after a bracket
    ("the endnoteⁱ and the next.ⁱⁱ", "the endnote and the next."),  # endnote marks, raised roman letters
    ("仅在 2014 年，第 70/1 号决议（A/70/123）", "仅在2014年，第70/1号决议（A/70/123）"),  # spacing beside Chinese
    ("会员国 和 观察员", "会员国和观察员"),
])
def test_typographic_variants_compare_equal(a, b):
    """Each pair differs only in typography and compares equal by default."""
    assert key_text(a) == key_text(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Encourage les États", "Prie les États"),
    ("d’ici à 2025", "d’ici à 2030"),
    ("les États", "Les États"),
    ("la traite", "la traite ;"),
    ("نتائج دراسات", "نتائج دراسة"),
    ("the States (a)", "the States(a)"),  # only after a number or ")"
    ("in 2014 year", "in2014year"),  # a space beside Chinese only
    ("국제 연합", "국제연합"),  # Korean writes spaces between words
])
def test_real_edits_still_differ(a, b):
    """Words, figures, case and punctuation are differences."""
    assert key_text(a) != key_text(b)


def test_options_turn_each_tolerance_off():
    """count_spacing keeps spaces and quotes; count_footnote_marks keeps marks."""
    assert key_text("l’Office ;", CompareOptions(count_spacing=True)) != key_text("l'Office;", CompareOptions(count_spacing=True))
    marks = CompareOptions(count_footnote_marks=True)
    assert key_text("Convention¹ et", marks) != key_text("Convention et", marks)


def test_listed_marks_glued_to_words_are_ignored():
    """A reader's listed footnote mark printed as a plain digit after a word is not a difference."""
    assert key_text("criminalité2 et", marks=("2",)) == key_text("criminalité et")


def test_offsets_point_into_the_real_text():
    """Normalised characters map to the offsets of the real characters they come from."""
    text = "Prie instamment  l’Office ;"
    norm = normalize(text)
    assert norm.text == "Prie instamment l'Office;"
    assert text[norm.offsets[norm.text.index("O")]] == "O"
    assert text[norm.offsets[norm.text.index("'")]] == "’"


def test_numbers_compare_without_punctuation_or_case():
    """Paragraph numbers '5', '5.' and '(a)'/'A' normalise alike."""
    assert normalize_number("5.") == normalize_number("5") == "5"
    assert normalize_number("(a)") == normalize_number("A") == "a"
    assert normalize_number(None) == ""


def test_symbol_font_codes_compare_as_the_characters_they_draw():
    """A symbol font's code in the private use area, which Word stores and a PDF printed from it
    often keeps as text, compares as the Symbol font's character for it: a PDF's U+F02A is the
    Word reader's asterisk "∗", U+F0A3 its "≤", and "≤" is not "≥". Another font's codes stand for
    themselves (a Wingdings box U+F0A8 is no tick U+F0FC); the rest of the area (a font without
    a Unicode map) is not compared, nor the spaces it leaves."""
    assert key_text("غير منطبق\uf02a") == key_text("غير منطبق\u2217") == "غير منطبق\u2217"
    assert key_text("\uf02a\tتستند القيم") == key_text("\u2217\tتستند القيم")
    assert key_text("rise \uf0a3 1.5") == key_text("rise ≤ 1.5") != key_text("rise ≥ 1.5")
    assert key_text("Yes \uf0a8 No") != key_text("Yes \uf0fc No")
    assert key_text("Yes \ue000 No \ue001") == key_text("Yes No") == "Yes No"
