"""Numbers as the six UN languages write them, read to one form for anchors and checks.

- Digits of every script (Arabic-Indic ٣, Persian ۳, full-width ３, ...) read as ASCII digits;
  the Arabic decimal and thousands separators (٫ ٬) as "." and ",".
- Chinese numerals (二十七, 一百零五, 两千, 〇/零) read as integers; `第N` (第1段, 第二十七届) is
  the ordinal N.
- Dates in 年月日: the month number of `1月` is a month, not a figure (English writes "January").
- Spelled-out ordinals in English (`twenty-seventh`), French (`vingt-septième`) and Spanish
  (`vigésimo séptimo`); `27º`, `27th`, `27-й` already read as the figure 27.

Spelled-out and Chinese-numeral readings are *soft* (compare.languages.checks): they excuse a
figure the other side writes in digits but are never flagged themselves, since "一" is also in
一致 (unanimous) and "first" in "for the first time".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Han ideographs (with extension A and compatibility forms), CJK punctuation, kana and the
# full-width forms: scripts written without spaces between words.
CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
CJK_CHAR = re.compile(f"[{CJK}]")

_CHINESE_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                   "六": 6, "七": 7, "八": 8, "九": 9}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
_CHINESE_BIG = {"万": 10_000, "亿": 100_000_000}
CHINESE_NUMERAL = "零〇○一二三四五六七八九两十百千万亿"
# 第 + numeral (an ordinal: article, paragraph, session), or a numeral with a unit character
# (二十七, 一百): a lone 一 or 三 is too often part of a word (一致, 三方) to read.
_CHINESE_NUMBER = re.compile(f"第([{CHINESE_NUMERAL}]+)|([{CHINESE_NUMERAL}]*[十百千万亿][{CHINESE_NUMERAL}]*)")
_CHINESE_MONTH = re.compile(r"(\d{1,2})\s*月")
_CHINESE_YEAR_DIGITS = re.compile(f"([{CHINESE_NUMERAL}]{{4}})年")
_CHINESE_ORDINAL = re.compile(f"第([{CHINESE_NUMERAL}]+)")  # 第七十一届: the seventy-first


# Digits outside ASCII (\d matches every script's decimal digits) and the Arabic and full-width
# separators and percent signs, with what each reads as, learned as they are met (a table of the
# whole Basic Multilingual Plane took 0.1-0.3 s to build).
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_TABLE: dict[int, str] = {0x066B: ".", 0x066C: ",", 0xFF05: "%", 0x066A: "%"}


def ascii_digits(text: str) -> str:
    """`text` with every decimal digit written in ASCII (٣ -> 3, ３ -> 3), the Arabic decimal
    and thousands separators and percent signs in their ASCII forms; the length is unchanged."""
    if text.isascii():
        return text
    found = [ch for ch in "".join(_NON_ASCII.findall(text)) if ch.isdecimal() or ord(ch) in _TABLE]
    if not found:
        return text
    for ch in found:
        if ord(ch) not in _TABLE:
            _TABLE[ord(ch)] = str(unicodedata.decimal(ch))
    return text.translate(_TABLE)


def label_key(number: str) -> str:
    """A paragraph's number as compared across languages: in ASCII digits, and a sub-paragraph's
    letter as English writes it, by its rank (parsers.structure.latin_letter: Russian "в)" and
    Arabic "(ج)" are "(c)")."""
    from parsers.structure import latin_letter  # the structure lexicons: loaded only across languages

    return ascii_digits(latin_letter(number))


def chinese_numeral(text: str) -> int | None:
    """The integer a Chinese numeral writes (二十七 -> 27, 一百零五 -> 105, 两千 -> 2000,
    二〇一五 -> 2015 digit by digit); None if `text` is not one."""
    if not text or any(ch not in _CHINESE_DIGITS and ch not in _CHINESE_UNITS and ch not in _CHINESE_BIG
                       for ch in text):
        return None
    if not any(ch in _CHINESE_UNITS or ch in _CHINESE_BIG for ch in text):
        return int("".join(str(_CHINESE_DIGITS[ch]) for ch in text))  # 二〇一五: digit by digit
    total = section = 0
    digit: int | None = None
    for ch in text:
        if ch in _CHINESE_DIGITS:
            digit = _CHINESE_DIGITS[ch]
        elif ch in _CHINESE_UNITS:
            section += (1 if digit is None else digit) * _CHINESE_UNITS[ch]
            digit = None
        else:
            total = (total + section + (digit or 0)) * _CHINESE_BIG[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def chinese_numbers(text: str) -> list[int]:
    """The numbers of a text written in Chinese numerals (第二十七届 -> 27, 二〇一五年 -> 2015)."""
    out = []
    for match in _CHINESE_YEAR_DIGITS.finditer(text):
        value = chinese_numeral(match.group(1))
        if value is not None:
            out.append(value)
    for match in _CHINESE_NUMBER.finditer(text):
        value = chinese_numeral(match.group(1) or match.group(2))
        if value is not None:
            out.append(value)
    return out


def without_month_numbers(text: str) -> str:
    """`text` with the month number of a Chinese date (2015年1月21日) left out: other languages
    write the month as a word."""
    return _CHINESE_MONTH.sub("月", text)


# Scale words after a figure (1.5 billion, 15亿, 2,5 млрд, 3 ملايين): the figure also reads as
# its full value. Longer words first, so "mil millones" is a billion, not a thousand.
_SCALES = (
    ("mil millones", 10**9), ("thousand", 10**3), ("million", 10**6), ("billion", 10**9), ("trillion", 10**12),
    ("millón", 10**6), ("millones", 10**6), ("milliard", 10**9), ("миллиард", 10**9), ("миллион", 10**6),
    ("млрд", 10**9), ("млн", 10**6), ("тыс", 10**3), ("مليار", 10**9), ("بليون", 10**9), ("بلايين", 10**9),
    ("مليون", 10**6), ("ملايين", 10**6), ("亿", 10**8), ("万", 10**4), ("千", 10**3),
)
_SCALE = re.compile(r"[ \u00a0\u202f]*(" + "|".join(re.escape(w) for w, _ in _SCALES) + ")", re.IGNORECASE)
_SCALE_VALUE = {w: v for w, v in _SCALES}


def scale_after(text: str, pos: int) -> int | None:
    """The scale a word right after position `pos` gives a figure (billion -> 10**9, 亿 -> 10**8),
    or None."""
    match = _SCALE.match(text, pos)
    return _SCALE_VALUE[match.group(1).lower()] if match else None


def spaced_cjk(text: str) -> str:
    """`text` with a space around each CJK character, so digits glued to them (定于2015年)
    read as figures of their own."""
    return CJK_CHAR.sub(lambda m: f" {m.group()} ", text)


# English, French and Spanish ordinals and the cardinals they are built from.
_EN_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
             "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
             "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
             "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}
_FR_UNITS = {"premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3,
             "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9,
             "dixième": 10, "onzième": 11, "douzième": 12, "treizième": 13, "quatorzième": 14,
             "quinzième": 15, "seizième": 16, "vingtième": 20, "trentième": 30, "quarantième": 40,
             "cinquantième": 50, "soixantième": 60, "centième": 100, "unième": 1}
_FR_TENS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
            "soixante-dix": 70, "quatre-vingt": 80, "quatre-vingts": 80, "quatre-vingt-dix": 90}
_ES_UNITS = {"primero": 1, "primera": 1, "primer": 1, "segundo": 2, "segunda": 2, "tercero": 3,
             "tercera": 3, "tercer": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5, "sexto": 6,
             "sexta": 6, "séptimo": 7, "séptima": 7, "octavo": 8, "octava": 8, "noveno": 9, "novena": 9,
             "décimo": 10, "décima": 10, "undécimo": 11, "duodécimo": 12}
_ES_TENS = {"vigésimo": 20, "vigésima": 20, "trigésimo": 30, "trigésima": 30, "cuadragésimo": 40,
            "cuadragésima": 40, "quincuagésimo": 50, "quincuagésima": 50, "sexagésimo": 60,
            "sexagésima": 60, "septuagésimo": 70, "septuagésima": 70, "octogésimo": 80,
            "octogésima": 80, "nonagésimo": 90, "nonagésima": 90, "centésimo": 100}
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Russian ordinals: a stem and an adjective's ending (первой, семидесятой, третьего), after a tens
# cardinal for a compound one (семьдесят первой: the seventy-first, as UN texts write sessions).
_RU_STEMS = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "четвёрт": 4, "пят": 5, "шест": 6, "седьм": 7,
             "восьм": 8, "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13,
             "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18,
             "девятнадцат": 19, "двадцат": 20, "тридцат": 30, "сороков": 40, "пятидесят": 50, "шестидесят": 60,
             "семидесят": 70, "восьмидесят": 80, "девяност": 90, "сот": 100}
_RU_ENDINGS = frozenset({"ый", "ой", "ая", "ое", "ого", "ому", "ым", "ом", "ую", "ые", "ых", "ыми", "ий", "ья", "ье",
                         "ьей", "ьего", "ьему", "ьим", "ьем", "ью", "ьи", "ьих", "ьими"})
# Arabic ordinals (after folding "أ", "إ", "آ" to "ا" and leaving out vowel marks and tatweel): a
# unit, then "عشر"/"عشرة" (الحادية عشرة: the eleventh) or a tens word after "و" (الحادية والسبعين:
# the seventy-first), or a tens word alone (السبعين: the seventieth).
_AR_UNITS = {"الحادي": 1, "الحادية": 1, "الاول": 1, "الاولى": 1, "الثاني": 2, "الثانية": 2, "الثالث": 3,
             "الثالثة": 3, "الرابع": 4, "الرابعة": 4, "الخامس": 5, "الخامسة": 5, "السادس": 6, "السادسة": 6,
             "السابع": 7, "السابعة": 7, "الثامن": 8, "الثامنة": 8, "التاسع": 9, "التاسعة": 9, "العاشر": 10,
             "العاشرة": 10}
_AR_TENS = {"العشرين": 20, "العشرون": 20, "الثلاثين": 30, "الثلاثون": 30, "الاربعين": 40, "الاربعون": 40,
            "الخمسين": 50, "الخمسون": 50, "الستين": 60, "الستون": 60, "السبعين": 70, "السبعون": 70,
            "الثمانين": 80, "الثمانون": 80, "التسعين": 90, "التسعون": 90}
_AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "\u0640": None,
                          **{chr(c): None for c in range(0x064B, 0x0653)}})
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_RU_TENS = {"двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
            "восемьдесят": 80, "девяносто": 90, "сто": 100}


def spelled_ordinals(text: str) -> list[int]:
    """Ordinals spelled out in English, French, Spanish, Russian or Arabic (twenty-seventh,
    vingt-septième, vigésimo séptimo, soixante-dixième, семьдесят первой, الحادية والسبعين;
    soixante et onzième and vingt-et-unième, in both the spellings French allows), as integers."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if _ARABIC_LETTER.search(text):
        words = [w.translate(_AR_FOLD) for w in words]
    out: list[int] = []
    k = 0
    while k < len(words):
        word = words[k]
        value: int | None
        if word in _AR_UNITS and k + 1 < len(words) and (
                (after := words[k + 1]) in ("عشر", "عشرة") or after[:1] == "و" and after[1:] in _AR_TENS):
            value = _AR_UNITS[word] + (10 if after in ("عشر", "عشرة") else _AR_TENS[after[1:]])  # الحادية والسبعين
            k += 1
        elif word in _ES_TENS and k + 1 < len(words) and words[k + 1] in _ES_UNITS:
            value = _ES_TENS[word] + _ES_UNITS[words[k + 1]]  # vigésimo séptimo
            k += 1
        elif word in _RU_TENS and k + 1 < len(words) and (unit := _russian_ordinal(words[k + 1])) is not None \
                and unit < 10:
            value = _RU_TENS[word] + unit  # семьдесят первой
            k += 1
        elif word in _FR_TENS and k + 2 < len(words) and words[k + 1] == "et" and words[k + 2] in _FR_UNITS:
            value = _FR_TENS[word] + _FR_UNITS[words[k + 2]]  # soixante et onzième, as the UN spells it
            k += 2
        else:
            value = _ordinal_word(word)
        if value is not None:
            out.append(value)
        k += 1
    return out


# Ordinals spelled out are compared across languages from this one up (`spelled_numbers`).
SPELLED_FROM = 11


def spelled_numbers(text: str) -> Counter[int]:
    """The ordinals a text spells out in English, French, Spanish, Russian or Arabic, or writes in
    Chinese numerals after 第, from SPELLED_FROM up: a session's or an anniversary's number
    ("seventy-first session", "soixante et onzième session", 第七十一届会议), which the languages of
    a pair must agree on; "first" and "second" are as often words as numbers ("first and
    foremost"), and are left out."""
    found = [*spelled_ordinals(text), *(chinese_numeral(m.group(1)) for m in _CHINESE_ORDINAL.finditer(text))]
    return Counter(value for value in found if value is not None and value >= SPELLED_FROM)


def _russian_ordinal(word: str) -> int | None:
    """The value of a Russian ordinal word (a stem of `_RU_STEMS` and nothing after it but an
    adjective's ending: "двадцатилетней", twenty years', is none)."""
    for cut in range(2, 5):
        stem, ending = word[:-cut], word[-cut:]
        if ending in _RU_ENDINGS and stem in _RU_STEMS and (ending[0] == "ь" or ending == "ий") == (stem == "трет"):
            return _RU_STEMS[stem]
    return None


# The one-word ordinals of every table, looked up once a word (a word in two tables has one value).
_ORDINAL_WORDS = {**_AR_TENS, **_AR_UNITS, **_ES_TENS, **_ES_UNITS, **_FR_UNITS, **_EN_UNITS}


def _ordinal_word(word: str) -> int | None:
    value = _ORDINAL_WORDS.get(word)
    if value is not None:
        return value
    if "а" <= word[:1] <= "я":
        return _russian_ordinal(word)
    if "-" not in word:
        return None
    head, _, last = word.rpartition("-")
    for tens, units in ((_EN_TENS, _EN_UNITS), (_FR_TENS, _FR_UNITS)):
        if last in units and head.removesuffix("-et") in tens:
            return tens[head.removesuffix("-et")] + units[last]
    if last in _FR_UNITS and head in ("soixante", "quatre-vingt"):  # soixante-dixième, quatre-vingt-onzième
        return {"soixante": 60, "quatre-vingt": 80}[head] + _FR_UNITS[last]
    return None


def soft_numbers(text: str) -> Counter[int]:
    """Numbers a text writes in words or Chinese numerals (compare.languages.checks forgives a
    figure written in digits on the other side when one of these reads the same)."""
    return Counter(chinese_numbers(text)) + Counter(spelled_ordinals(text))
