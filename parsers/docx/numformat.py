"""One counter value in a Word number format (ST_NumberFormat): "3", "c", "iv", "03", "†", and
numbers in words ("Twenty-one", "Premier", "Vigésimo primero") from resources/lexicons/numbering."""

from __future__ import annotations

from typing import Any

import resources

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_CHICAGO = ("*", "†", "‡", "§")


def format_number(value: int, fmt: str, language: str | None = None) -> str:
    """One counter value in a Word number format (decimal, lowerLetter, upperRoman, cardinalText
    in `language`, …)."""
    if fmt in WORD_FORMATS:
        return format_words(value, fmt, language)
    if fmt in ("lowerLetter", "upperLetter"):
        # Word repeats the letter after z: 27 → "aa", 28 → "bb"
        if value < 1:
            return str(value)
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        if value < 1:
            return str(value)
        out, rest = [], value
        for amount, digits in _ROMAN:
            while rest >= amount:
                out.append(digits)
                rest -= amount
        roman = "".join(out)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "chicago":
        symbol = _CHICAGO[(value - 1) % len(_CHICAGO)]
        return symbol * ((value - 1) // len(_CHICAGO) + 1)
    return str(value)


# --- numbers in words (cardinalText, ordinalText) ----------------------------------------------

WORD_FORMATS = ("cardinalText", "ordinalText")
WORD_LANGUAGES = ("en", "fr", "es")
# Composed from the lexicon's words up to this value; larger ones are shown as digits.
MAX_WORD_NUMBER = 99


def format_words(value: int, fmt: str, language: str | None) -> str:
    """A counter value in words, as Word shows cardinalText ("Twenty-one") and ordinalText
    ("Twenty-first") in `language` (a code such as "fr" or "fr-FR"; English when None). Digits
    when the language has no words here or the number is out of their range."""
    lang = (language or "en").split("-")[0].lower()
    if lang not in WORD_LANGUAGES or not 1 <= value <= MAX_WORD_NUMBER:
        return str(value)
    rules = resources.lexicon("numbering", lang)
    if fmt == "ordinalText":
        words = _ordinal(value, rules["ordinal"], rules["cardinal"])
    else:
        words = _compose(value, rules["cardinal"])
    return words[:1].upper() + words[1:]


def _compose(value: int, rules: dict[str, Any]) -> str:
    """`value` from a lexicon's small numbers and tens (with joiners); see resources/lexicons/numbering."""
    small: list[str] = rules.get("small", [])
    if value < len(small) and small[value]:
        return small[value]
    round_: dict[str, str] = rules.get("round", {})
    if str(value) in round_:
        return round_[str(value)]
    tens: dict[int, str] = {int(k): str(v) for k, v in rules["tens"].items()}
    base = max(k for k in tens if k <= value)
    rest = value - base
    if rest == 0:
        return tens[base]
    joiner = str(rules["joiner"])
    if rest in rules.get("and_units", ()) and base < rules.get("and_below", 0):
        joiner = str(rules["and_joiner"])
    return f"{tens[base]}{joiner}{_compose(rest, rules)}"


def _ordinal(value: int, rules: dict[str, Any], cardinal: dict[str, Any]) -> str:
    if "tens" in rules:  # composed from ordinal words of its own
        return _compose(value, rules)
    if value == 1 and "first" in rules:
        return str(rules["first"])
    words = _compose(value, cardinal)
    cut = max(words.rfind("-"), words.rfind(" ")) + 1
    head, last = words[:cut], words[cut:]
    listed: dict[str, str] = rules.get("words", {})
    if last in listed:
        return head + listed[last]
    endings: list[tuple[str, str]] = [(str(e), str(r)) for e, r in rules["endings"]]
    for ending, replacement in endings:
        if last.endswith(ending):
            return head + last[: len(last) - len(ending)] + replacement
    return words
