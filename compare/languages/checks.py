"""Checks on aligned pairs that catch what a translator most often gets wrong or drops: figures
(read with each language's separators: `1,000.5` = `1 000,5` = `1.000,5`), years, document
symbols (`A/RES/72/1`), footnote-mark counts, operative numbering, and units with no
counterpart. Figures are read in every script (٣, ３, 第1段, 483 918人; compare.text.numerals) and
compared as values: "60 %" and "60 por ciento" agree on 60. Numbers in words or Chinese
numerals (twenty-seventh, 第二十七届) only excuse a figure the other side writes in digits: they
are never flagged themselves."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from compare.model import Flag, FlagKind, LanguageAlignment, Pair, Unit
from compare.text import numerals

# UN document symbols: series letters then slash-separated parts (A/RES/72/1, E/CN.15/2018/L.2,
# S/2019/123, A/C.3/73/L.5/Rev.1).
SYMBOL = re.compile(r"\b[A-Z]{1,6}(?:\.\d+)?(?:/(?:[A-Z][A-Za-z]{0,5}(?:\.\d+)?|\d+))+")
# A figure: digits with optional group separators (space, no-break space, thin space,
# apostrophe, comma or full stop) and an optional decimal part.
FIGURE = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f'’]\d{3})+(?:[.,]\d+)?(?![\d])|(?<![\w])\d+(?:[.,]\d+)*")
# Years a resolution cites: four digits in this range are checked as years, not as figures.
YEAR_RANGE = (1900, 2099)
# Languages that write the decimal separator as a comma (and group thousands with a full stop
# or a space); the others use a full stop and group with a comma.
DECIMAL_COMMA = frozenset({"fr", "es", "de", "ru", "pt", "it", "nl"})


def parse_figure(raw: str, language: str | None = None) -> Decimal | None:
    """The value of a figure as written in `language` (None if it is not a number)."""
    text = re.sub(r"[ \u00a0\u202f'’]", "", raw)
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
    elif dots + commas == 0:
        decimal = None
    else:
        sep = "." if dots else ","
        if dots + commas > 1:
            decimal = None  # 1.000.000: only grouping
        else:
            after = text.split(sep)[1]
            comma_decimal = (language or "en") in DECIMAL_COMMA
            grouping_sep = "." if comma_decimal else ","
            decimal = None if (sep == grouping_sep and len(after) == 3) else sep
    if decimal is None:
        text = text.replace(".", "").replace(",", "")
    else:
        group = "," if decimal == "." else "."
        text = text.replace(group, "").replace(decimal, ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f")


def symbols(text: str) -> Counter[str]:
    return Counter(SYMBOL.findall(text))


def _readable(text: str) -> str:
    """The text with digits of every script in ASCII, the month numbers of Chinese dates left
    out and CJK characters spaced, so figures glued to them (第1段, 定于2015年) are read."""
    if text.isascii():
        return text
    text = numerals.ascii_digits(text)
    if numerals.CJK_CHAR.search(text) is None:
        return text
    return numerals.spaced_cjk(numerals.without_month_numbers(text))


def figures(text: str, language: str | None = None) -> tuple[Counter[str], Counter[str]]:
    """(figures, years) found in a text, symbols excluded, as canonical strings."""
    found, years, _ = _figures(text, language)
    return found, years


def _figures(text: str, language: str | None) -> tuple[Counter[str], Counter[str], dict[str, set[str]]]:
    """(figures, years, other readings of each figure). Other readings: in Arabic, a figure
    grouped by spaces may have its groups reversed by right-to-left layout (`918 483` for
    483,918); a figure followed by a scale word (1.5 billion, 15亿, 2,5 млрд) also reads as its
    full value, so `15亿` and `1.5 billion` agree."""
    text = SYMBOL.sub(" ", _readable(text))
    found: Counter[str] = Counter()
    years: Counter[str] = Counter()
    other: dict[str, set[str]] = {}
    for match in FIGURE.finditer(text):
        raw = match.group()
        value = parse_figure(raw, language)
        if value is None:
            continue
        canonical = _fmt(value)
        if raw.isdigit() and len(raw) == 4 and YEAR_RANGE[0] <= int(raw) <= YEAR_RANGE[1]:
            years[canonical] += 1
            continue
        found[canonical] += 1
        readings = other.setdefault(canonical, set())
        groups = re.split(r"[ \u00a0\u202f]", raw)
        if language == "ar" and len(groups) > 1:
            reversed_value = parse_figure(" ".join(reversed(groups)), language)
            if reversed_value is not None:
                readings.add(_fmt(reversed_value))
        scale = numerals.scale_after(text, match.end())
        if scale:
            readings.add(_fmt(value * scale))
    return found, years, other


def _soft(text: str) -> Counter[str]:
    """Numbers written in words or Chinese numerals (compare.text.numerals.soft_numbers)."""
    return Counter({str(value): n for value, n in numerals.soft_numbers(text).items()})


def _spelled(text: str) -> Counter[str]:
    """The ordinals a text spells out (compare.text.numerals.spelled_numbers), as figures are keyed."""
    return Counter({str(value): n for value, n in numerals.spelled_numbers(text).items()})


def _unexcused(left: Counter[str], right: Counter[str], left_soft: Counter[str], right_soft: Counter[str],
               left_other: dict[str, set[str]], right_other: dict[str, set[str]]) -> tuple[Counter[str], Counter[str]]:
    """The figures of each side the other side lacks, less those it writes another way: in
    words or Chinese numerals (二十七, twenty-seventh), with its groups reversed (Arabic), or
    with a scale word (1.5 billion = 15亿)."""
    if left == right:
        return Counter(), Counter()
    only_left, only_right = left - right, right - left
    for value in list(only_left.elements()):  # pair the other readings of the two sides
        readings = {value} | left_other.get(value, set())
        for theirs in list(+only_right):
            if readings & ({theirs} | right_other.get(theirs, set())):
                only_left[value] -= 1
                only_right[theirs] -= 1
                break
    for mine, soft in ((only_left, right_soft), (only_right, left_soft)):
        for value in list(+mine):
            while mine[value] > 0 and soft[value] > 0:
                soft[value] -= 1
                mine[value] -= 1
    return +only_left, +only_right


def _describe(left: Counter[str], right: Counter[str]) -> str:
    only_left = sorted((left - right).elements())
    only_right = sorted((right - left).elements())
    parts = []
    if only_left:
        parts.append("source only: " + ", ".join(only_left))
    if only_right:
        parts.append("target only: " + ", ".join(only_right))
    return "; ".join(parts)


def check_pair(src_units: Sequence[Unit], tgt_units: Sequence[Unit], *, source_language: str | None = None,
               target_language: str | None = None) -> tuple[Flag, ...]:
    """The flags of one pair, given the units on each side (either side may be empty)."""
    if not src_units or not tgt_units:
        side, units = ("source", src_units) if src_units else ("target", tgt_units)
        where = ", ".join(str(u.index) for u in units)
        return (Flag(FlagKind.UNMATCHED, f"{side} unit {where} has no counterpart"),)
    src_text = " ".join(u.text for u in src_units)
    tgt_text = " ".join(u.text for u in tgt_units)
    flags: list[Flag] = []
    src_fig, src_years, src_other = _figures(src_text, source_language)
    tgt_fig, tgt_years, tgt_other = _figures(tgt_text, target_language)
    # numbers in words are read only when some figure or year is left unmatched (rarely)
    unmatched = src_fig != tgt_fig or src_years != tgt_years
    src_soft = _soft(src_text) if unmatched else Counter()
    tgt_soft = _soft(tgt_text) if unmatched else Counter()
    only_src, only_tgt = _unexcused(src_fig, tgt_fig, src_soft, tgt_soft, src_other, tgt_other)
    if only_src or only_tgt:
        flags.append(Flag(FlagKind.NUMBERS, "figures differ (" + _describe(only_src, only_tgt) + ")"))
    only_src, only_tgt = _unexcused(src_years, tgt_years, src_soft, tgt_soft, {}, {})
    if only_src or only_tgt:
        flags.append(Flag(FlagKind.YEARS, "years differ (" + _describe(only_src, only_tgt) + ")"))
    # ordinals spelled out on both sides ("seventy-first session", "soixante et onzième session"):
    # compared when each side writes some, less those the other side writes in figures
    src_words, tgt_words = _spelled(src_text), _spelled(tgt_text)
    if src_words and tgt_words and src_words != tgt_words:
        only_src, only_tgt = _unexcused(src_words, tgt_words, Counter(src_fig), Counter(tgt_fig), {}, {})
        if only_src or only_tgt:
            flags.append(Flag(FlagKind.NUMBERS, "numbers in words differ (" + _describe(only_src, only_tgt) + ")"))
    src_sym, tgt_sym = symbols(src_text), symbols(tgt_text)
    if src_sym != tgt_sym:
        flags.append(Flag(FlagKind.SYMBOLS, "document symbols differ (" + _describe(src_sym, tgt_sym) + ")"))
    src_marks = [u.footnote_marks for u in src_units]
    tgt_marks = [u.footnote_marks for u in tgt_units]
    src_count = sum(m for m in src_marks if m is not None)
    tgt_count = sum(m for m in tgt_marks if m is not None)
    if None not in src_marks and None not in tgt_marks and src_count != tgt_count:
        flags.append(Flag(FlagKind.FOOTNOTES,
                          f"footnote marks differ: {src_count} in source, {tgt_count} in target"))
    src_numbers = [numerals.label_key(u.number) for u in src_units if u.number]
    tgt_numbers = [numerals.label_key(u.number) for u in tgt_units if u.number]
    if src_numbers and tgt_numbers and src_numbers != tgt_numbers:
        flags.append(Flag(FlagKind.NUMBERING, f"paragraph numbers differ: {', '.join(src_numbers)} in source, "
                                             f"{', '.join(tgt_numbers)} in target"))
    return tuple(flags)


def flag_pair(alignment: LanguageAlignment, pair: Pair) -> tuple[Flag, ...]:
    """The flags of one pair of an alignment."""
    return check_pair([alignment.source_units[i] for i in pair.source],
                      [alignment.target_units[j] for j in pair.target],
                      source_language=alignment.source_language, target_language=alignment.target_language)


def flag_alignment(alignment: LanguageAlignment) -> LanguageAlignment:
    """The same alignment with every pair's flags computed afresh."""
    return replace(alignment, pairs=tuple(replace(p, flags=flag_pair(alignment, p)) for p in alignment.pairs))
