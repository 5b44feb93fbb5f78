"""Translation checks: each flag kind is raised on a real difference and only then."""

from decimal import Decimal

import pytest

from compare.languages.checks import check_pair, figures, parse_figure, symbols
from compare.model import FlagKind, Unit


def _kinds(src, tgt, src_lang="en", tgt_lang="fr"):
    return {f.kind for f in check_pair(src, tgt, source_language=src_lang, target_language=tgt_lang)}


@pytest.mark.parametrize(("raw", "language", "value"), [
    ("1,000.5", "en", "1000.5"), ("1 000,5", "fr", "1000.5"), ("1.000,5", "es", "1000.5"),
    ("1\u202f000,5", "fr", "1000.5"), ("8847,60", "de", "8847.6"), ("1,000", "en", "1000"),
    ("1,5", "fr", "1.5"), ("1.000.000", "es", "1000000"), ("2.5", "en", "2.5"),
])
def test_figures_are_read_per_locale(raw, language, value):
    """Group and decimal separators are read with the language's conventions."""
    assert parse_figure(raw, language) == Decimal(value)


def test_same_figures_written_differently_are_not_flagged():
    """`1,000.5` = `1 000,5`, `60%` = `60 %`, and years/symbols that agree raise nothing."""
    src = [Unit(0, "On 12 May 2018, 1,000.5 tonnes, i.e. 60% more (A/RES/72/1).", footnote_marks=1)]
    tgt = [Unit(0, "Le 12 mai 2018, 1 000,5 tonnes, soit 60 % de plus (A/RES/72/1).", footnote_marks=1)]
    assert _kinds(src, tgt) == set()


def test_numbers_flag():
    """A figure that differs is flagged as numbers, naming the figures."""
    flags = check_pair([Unit(0, "It costs 1,500 dollars.")], [Unit(0, "Cela coûte 1 600 dollars.")],
                       source_language="en", target_language="fr")
    assert [f.kind for f in flags] == [FlagKind.NUMBERS]
    assert "1500" in flags[0].message and "1600" in flags[0].message


def test_years_flag():
    """A year that differs is flagged as a year, not as a figure."""
    assert _kinds([Unit(0, "Adopted in 2015.")], [Unit(0, "Adoptée en 2016.")]) == {FlagKind.YEARS}


def test_symbols_flag():
    """A document symbol that differs is flagged; its digits are not read as figures."""
    assert symbols("see E/CN.15/2018/L.2 and A/C.3/73/L.5/Rev.1") == {"E/CN.15/2018/L.2": 1, "A/C.3/73/L.5/Rev.1": 1}
    assert _kinds([Unit(0, "Recalling resolution A/RES/72/1.")],
                  [Unit(0, "Rappelant la résolution A/RES/72/2.")]) == {FlagKind.SYMBOLS}
    assert figures("A/RES/72/1", "en") == ({}, {})


def test_footnote_marks_flag():
    """Different footnote-mark counts are flagged where the counts are known."""
    assert _kinds([Unit(0, "Text.", footnote_marks=2)], [Unit(0, "Texte.", footnote_marks=1)]) == {FlagKind.FOOTNOTES}
    assert _kinds([Unit(0, "Text.")], [Unit(0, "Texte.", footnote_marks=1)]) == set()


def test_numbering_flag():
    """Operative 7 against operative 8 is flagged."""
    assert _kinds([Unit(0, "Urges States.", number="7")], [Unit(0, "Prie les États.", number="8")]) == {
        FlagKind.NUMBERING}


def test_unmatched_flag():
    """A unit with no counterpart is flagged on either side."""
    flags = check_pair([Unit(4, "Dropped paragraph.")], [])
    assert [f.kind for f in flags] == [FlagKind.UNMATCHED]
    assert "source unit 4" in flags[0].message
    assert [f.kind for f in check_pair([], [Unit(2, "Ajout.")])] == [FlagKind.UNMATCHED]
