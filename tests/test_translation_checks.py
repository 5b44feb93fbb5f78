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


@pytest.mark.parametrize(("src", "src_lang", "tgt", "tgt_lang"), [
    ("In paragraph 1, the Committee met on 20 January 2015.", "en",
     "委员会于2015年1月20日在第1段中开会。", "zh"),
    ("Some 483,918 persons were displaced.", "en", "约有483 918人流离失所。", "zh"),
    ("Some 483,918 persons were displaced.", "en", "نزح نحو 918 483 شخصا.", "ar"),
    ("٣ - يقرر أن يعقد ١٢ اجتماعا في عام ٢٠١٥.", "ar", "3. Decides to hold 12 meetings in 2015.", "en"),
    ("Решение принято на двадцать седьмой сессии (27-я сессия).", "ru", "第二十七届会议通过了该决定。", "zh"),
    ("at its twenty-seventh session", "en", "en su 27º período de sesiones", "es"),
    ("à sa vingt-septième session", "fr", "在其第27届会议上", "zh"),
    ("en su vigésimo séptimo período de sesiones", "es", "at its 27th session", "en"),
    ("的全角数字１２３。", "zh", "full-width digits 123.", "en"),
    ("二〇一五年通过。", "zh", "Adopted in 2015.", "en"),
])
def test_number_forms_of_every_script_are_not_flagged(src, src_lang, tgt, tgt_lang):
    """Figures in Arabic-Indic or full-width digits, glued to Chinese characters, in Chinese
    dates (the month is a word elsewhere), Chinese numerals, spelled-out ordinals and Arabic
    groups in reversed order agree with the same figure written in ASCII digits."""
    assert _kinds([Unit(0, src)], [Unit(0, tgt)], src_lang, tgt_lang) == set()


def test_a_wrong_figure_in_chinese_or_arabic_is_still_flagged():
    """Reading every script does not hide real differences: 484 918 against 483,918 in Chinese,
    a reversed-group reading that matches nothing in Arabic, and a Chinese numeral 28 against 27."""
    assert FlagKind.NUMBERS in _kinds([Unit(0, "Some 483,918 persons.")], [Unit(0, "约有484 918人。")], "en", "zh")
    assert FlagKind.NUMBERS in _kinds([Unit(0, "Some 483,918 persons.")], [Unit(0, "نحو 918 484 شخصا.")], "en", "ar")
    assert FlagKind.NUMBERS in _kinds([Unit(0, "at its 27th session")], [Unit(0, "在其第二十八届会议上")], "en", "zh")
    assert FlagKind.YEARS in _kinds([Unit(0, "Adopted in 2016.")], [Unit(0, "2015年1月通过。")], "en", "zh")


def test_reversed_groups_are_only_excused_in_arabic():
    """'918 483' in French is the figure 918483: against 483,918 it is flagged."""
    assert FlagKind.NUMBERS in _kinds([Unit(0, "Some 483,918 persons.")], [Unit(0, "Quelque 918 483 personnes.")])


def test_arabic_indic_paragraph_numbers_match():
    """Paragraph number ٣ in Arabic is paragraph 3: no numbering flag."""
    assert _kinds([Unit(0, "Decides", number="3")], [Unit(0, "يقرر", number="٣")], "en", "ar") == set()


@pytest.mark.parametrize(("src", "src_lang", "tgt", "tgt_lang"), [
    ("a budget of $1.5 billion", "en", "预算为15亿美元", "zh"),
    ("some 2.3 million refugees", "en", "约230万难民", "zh"),
    ("un presupuesto de 1.500 millones de dólares", "es", "a budget of $1.5 billion", "en"),
    ("бюджет в размере 2,5 млрд. долл. США", "ru", "a budget of $2.5 billion", "en"),
    ("ميزانية قدرها 3 ملايين دولار", "ar", "a budget of 3 million dollars", "en"),
])
def test_figures_with_scale_words_agree(src, src_lang, tgt, tgt_lang):
    """A figure with a scale word (billion, 亿, 万, млрд, ملايين) agrees with the same amount
    written with another scale: 1.5 billion = 15亿, 2.3 million = 230万."""
    assert _kinds([Unit(0, src)], [Unit(0, tgt)], src_lang, tgt_lang) == set()


def test_a_wrong_amount_with_scale_words_is_flagged():
    """1.5 billion against 16亿 (1.6 billion) is still a figure flag."""
    assert FlagKind.NUMBERS in _kinds([Unit(0, "$1.5 billion")], [Unit(0, "16亿美元")], "en", "zh")


def test_sub_paragraph_letters_of_other_scripts_match():
    """Sub-paragraph "в)" in Russian and "(ج)" in Arabic are (c): no numbering flag; (d) is one."""
    assert _kinds([Unit(0, "To report", number="c")], [Unit(0, "представить доклад", number="в")], "en", "ru") == set()
    assert _kinds([Unit(0, "To report", number="c")], [Unit(0, "أن يقدم تقريرا", number="ج")], "en", "ar") == set()
    assert _kinds([Unit(0, "To report", number="d")], [Unit(0, "представить доклад", number="в")], "en", "ru") == {
        FlagKind.NUMBERING}


def test_session_numbers_spelled_out_are_compared():
    """"seventy-second session" against "soixante et onzième session" (as the UN spells 71st in
    French) is flagged; the same session is not, nor one side in figures ("71st"), nor an ordinal
    under 11 that one side writes as a word ("first and foremost")."""
    flags = check_pair([Unit(0, "at its seventy-second session")], [Unit(0, "à sa soixante et onzième session")],
                       source_language="en", target_language="fr")
    assert [f.message for f in flags] == ["numbers in words differ (source only: 72; target only: 71)"]
    assert _kinds([Unit(0, "at its seventy-first session")], [Unit(0, "à sa soixante et onzième session")]) == set()
    assert _kinds([Unit(0, "at its 71st session")], [Unit(0, "à sa soixante et onzième session")]) == set()
    assert _kinds([Unit(0, "at its seventy-first and seventy-second sessions")],
                  [Unit(0, "à ses soixante et onzième et 72e sessions")]) == set()
    assert _kinds([Unit(0, "First and foremost, at its seventy-first session")],
                  [Unit(0, "Avant tout, à sa soixante et onzième session")]) == set()


def test_a_chinese_session_number_is_compared_with_one_spelled_out():
    """第七十二届 (the seventy-second) against "seventy-first session" is flagged; 第七十一届 is not,
    nor 第二次 ("the second time": under 11)."""
    flags = check_pair([Unit(0, "at its seventy-first session")], [Unit(0, "大会第七十二届会议")],
                       source_language="en", target_language="zh")
    assert [f.message for f in flags] == ["numbers in words differ (source only: 71; target only: 72)"]
    assert _kinds([Unit(0, "at its seventy-first session")], [Unit(0, "大会第七十一届会议")], "en", "zh") == set()
    assert _kinds([Unit(0, "for the second time, at its seventy-first session")],
                  [Unit(0, "第二次，在第七十一届会议上")], "en", "zh") == set()


def test_a_russian_session_number_is_compared_with_one_spelled_out():
    """"семьдесят второй сессии" (the seventy-second) against "seventy-first session" is flagged;
    "семьдесят первой" is not, nor a word that only begins like an ordinal ("двадцатилетней",
    twenty years')."""
    flags = check_pair([Unit(0, "at its seventy-first session")], [Unit(0, "на ее семьдесят второй сессии")],
                       source_language="en", target_language="ru")
    assert [f.message for f in flags] == ["numbers in words differ (source only: 71; target only: 72)"]
    assert _kinds([Unit(0, "at its seventy-first session, after twenty years")],
                  [Unit(0, "на ее семьдесят первой сессии после двадцатилетней работы")], "en", "ru") == set()


def test_an_arabic_session_number_is_compared_with_one_spelled_out():
    """"دورتها الثانية والسبعين" (its seventy-second session) against "seventy-first session" is
    flagged; "الحادية والسبعين" is not (written with or without the hamza and vowel marks)."""
    flags = check_pair([Unit(0, "at its seventy-first session")], [Unit(0, "في دورتها الثانية والسبعين")],
                       source_language="en", target_language="ar")
    assert [f.message for f in flags] == ["numbers in words differ (source only: 71; target only: 72)"]
    for arabic in ("في دورتها الحادية والسبعين", "في دورتها الحاديةَ والسبعينَ"):
        assert _kinds([Unit(0, "at its seventy-first session")], [Unit(0, arabic)], "en", "ar") == set()
