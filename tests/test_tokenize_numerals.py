"""Numbers in every script of the six UN languages (compare.text.numerals)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare.text import numerals


def test_digits_of_every_script_read_as_ascii():
    """Arabic-Indic, Persian and full-width digits and the Arabic separators become ASCII, the length kept."""
    text = "٣ - ١٢٫٥ و۴ １２３ ٤٬٥٠٠"
    out = numerals.ascii_digits(text)
    assert out == "3 - 12.5 و4 123 4,500"
    assert len(out) == len(text)


@pytest.mark.parametrize(("text", "value"), [
    ("二十七", 27), ("十", 10), ("十五", 15), ("一百零五", 105), ("两千", 2000), ("三万五千", 35000),
    ("二〇一五", 2015), ("一千九百四十八", 1948), ("七十", 70),
])
def test_chinese_numerals(text, value):
    """Chinese numerals with units, zeros, 两 and digit-by-digit years read as integers."""
    assert numerals.chinese_numeral(text) == value


def test_chinese_numbers_in_text_need_a_unit_or_di():
    """第一条 and 二十七 are numbers; 一致 and 统一 (words holding 一) are not."""
    assert numerals.chinese_numbers("第一条 大会一致通过第二十七届会议的统一决定") == [1, 27]
    assert numerals.chinese_numbers("二〇一五年") == [2015]


def test_spelled_ordinals():
    """English, French and Spanish ordinals, compound ones included."""
    assert numerals.spelled_ordinals("twenty-seventh and first") == [27, 1]
    assert numerals.spelled_ordinals("vingt-septième, soixante-dixième et vingt-et-unième") == [27, 70, 21]
    assert numerals.spelled_ordinals("vigésimo séptimo período") == [27]
    # the spelling the UN's French uses, "et" between words: it read 11 ("onzième") and 1
    assert numerals.spelled_ordinals("à sa soixante et onzième session, au vingt et unième siècle") == [71, 21]
    assert numerals.spelled_numbers("first and foremost, at its seventy-first session") == {71: 1}
    assert numerals.spelled_ordinals("на ее семьдесят первой сессии, семидесятой, третьего, двадцатилетней") == [71, 70, 3]
    assert numerals.spelled_numbers("第七十一届会议，第二次") == {71: 1}
    assert numerals.spelled_ordinals("دورتها الحادية والسبعين، الدورة الثانية عشرة، دورتها الأربعين") == [71, 12, 40]


def test_month_numbers_and_spacing():
    """The month of a Chinese date is left out and digits glued to Han characters stand apart."""
    assert numerals.without_month_numbers("2015年1月21日") == "2015年月21日"
    assert numerals.spaced_cjk("定于2015年").split() == ["定", "于", "2015", "年"]


@given(st.integers(min_value=0, max_value=99_999))
def test_ascii_digits_of_arabic_indic_round_trip(n):
    """Any integer written in Arabic-Indic digits reads back as itself."""
    arabic = str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert int(numerals.ascii_digits(arabic)) == n


def test_chinese_characters_are_words_and_glued_figures_are_numbers():
    """定于2015年1月21日 gives one word per character and the figures 2015, 1 and 21."""
    from compare.text.tokenize import TokenKind, tokenize

    tokens = tokenize("定于2015年1月21日举行，483 918人。")
    assert [t.text for t in tokens if t.kind is TokenKind.NUMBER] == ["2015", "1", "21", "483 918"]
    assert [t.text for t in tokens if t.kind is TokenKind.WORD][:3] == ["定", "于", "年"]
    assert "".join(t.text for t in tokens) == "定于2015年1月21日举行，483 918人。"


def test_arabic_indic_and_full_width_digits_are_numbers():
    """٣ and ١٢ and the full-width ３ are number tokens; Arabic words stay whole."""
    from compare.text.tokenize import TokenKind, tokenize

    kinds = {t.text: t.kind for t in tokenize("٣ - يقرر ١٢ و３")}
    assert kinds["٣"] is TokenKind.NUMBER and kinds["١٢"] is TokenKind.NUMBER and kinds["３"] is TokenKind.NUMBER
    assert kinds["يقرر"] is TokenKind.WORD
