"""Checks on aligned pairs that catch what a translator most often gets wrong or drops: figures
(read with each language's separators: `1,000.5` = `1 000,5` = `1.000,5`), years, document
symbols (`A/RES/72/1`), footnote-mark counts, operative numbering, and units with no
counterpart. Figures are compared as digits only: "60 %" and "60 por ciento" agree on 60, but
"sixty" is not read (spelled-out numbers differ too much across languages to be safe)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from compare.model import Flag, FlagKind, LanguageAlignment, Pair, Unit

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


def figures(text: str, language: str | None = None) -> tuple[Counter[str], Counter[str]]:
    """(figures, years) found in a text, symbols excluded, as canonical strings."""
    text = SYMBOL.sub(" ", text)
    found: Counter[str] = Counter()
    years: Counter[str] = Counter()
    for raw in FIGURE.findall(text):
        value = parse_figure(raw, language)
        if value is None:
            continue
        canonical = _fmt(value)
        if raw.isdigit() and len(raw) == 4 and YEAR_RANGE[0] <= int(raw) <= YEAR_RANGE[1]:
            years[canonical] += 1
        else:
            found[canonical] += 1
    return found, years


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
    src_fig, src_years = figures(src_text, source_language)
    tgt_fig, tgt_years = figures(tgt_text, target_language)
    if src_fig != tgt_fig:
        flags.append(Flag(FlagKind.NUMBERS, "figures differ (" + _describe(src_fig, tgt_fig) + ")"))
    if src_years != tgt_years:
        flags.append(Flag(FlagKind.YEARS, "years differ (" + _describe(src_years, tgt_years) + ")"))
    src_sym, tgt_sym = symbols(src_text), symbols(tgt_text)
    if src_sym != tgt_sym:
        flags.append(Flag(FlagKind.SYMBOLS, "document symbols differ (" + _describe(src_sym, tgt_sym) + ")"))
    src_marks = [u.footnote_marks for u in src_units]
    tgt_marks = [u.footnote_marks for u in tgt_units]
    if None not in src_marks and None not in tgt_marks:
        src_total, tgt_total = sum(m or 0 for m in src_marks), sum(m or 0 for m in tgt_marks)
        if src_total != tgt_total:
            flags.append(Flag(FlagKind.FOOTNOTES,
                              f"footnote marks differ: {src_total} in source, {tgt_total} in target"))
    src_numbers = [u.number for u in src_units if u.number]
    tgt_numbers = [u.number for u in tgt_units if u.number]
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
