"""One counter value in a Word number format (ST_NumberFormat): "3", "c", "iv", "03", "†"."""

from __future__ import annotations

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_CHICAGO = ("*", "†", "‡", "§")


def format_number(value: int, fmt: str) -> str:
    """One counter value in a Word number format (decimal, lowerLetter, upperRoman, …)."""
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
