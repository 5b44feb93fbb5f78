"""The characters of the Symbol font, which Microsoft Word stores as codes in the private use area
(U+F000 plus the font's code: "≤", inserted from the Symbol font, is w:sym w:char="F0A3") and PDFs
printed from Word often keep as the glyph's text (U+F0A3). The table is data:
resources/lexicons/fonts/symbol.toml (Adobe's Symbol encoding)."""

from __future__ import annotations

import re
from functools import cache

import resources

# Where a symbol font's codes sit when stored in the private use area.
SYMBOL_CODES = range(0xF020, 0xF100)
SYMBOL_RANGE = re.compile("[\uf020-\uf0ff]")
# The Symbol font's names as a Word file gives them (w:sym's w:font). Not LibreOffice's OpenSymbol,
# which prints Wingdings' codes under its name too.
_SYMBOL_FONTS = frozenset({"symbol", "symbolmt"})


@cache
def _table() -> dict[int, str]:
    codes: dict[str, str] = resources.lexicon("fonts", "symbol").get("codes", {})
    return {int(code, 16): char for code, char in codes.items()}


def is_symbol_font(name: str | None) -> bool:
    """Whether a font's name is the Symbol font's ("Symbol", "SymbolMT", any case or spacing)."""
    return name is not None and "".join(name.split()).lower() in _SYMBOL_FONTS


def symbol_character(code: int) -> str | None:
    """The character the Symbol font draws for `code` (its own code, 0x20-0xFF, or that code in
    the private use area, U+F020-U+F0FF), or None where it draws none the table knows."""
    if code in SYMBOL_CODES:
        code -= 0xF000
    return _table().get(code) if 0x20 <= code <= 0xFF else None


def as_symbol_characters(text: str) -> str:
    """`text` with each private-use symbol code (U+F020-U+F0FF) the Symbol font's character for it,
    where the table has one."""
    if not SYMBOL_RANGE.search(text):
        return text
    table = _table()
    return SYMBOL_RANGE.sub(lambda found: table.get(ord(found[0]) - 0xF000, found[0]), text)


def inserted_symbol(code: str | None, font: str | None) -> str:
    """A character Word inserted from a symbol font (w:sym: its w:char in hexadecimal, its
    w:font): the Symbol font's as the character it draws ("F0A3" is "≤"); another font's
    (Wingdings' boxes and ticks) as its code, kept in the private use area as a PDF of the file
    keeps it (the comparison tells one code from another, compare.text.normalize); "" for a
    code that is no character."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if not 0 < value < 0x110000 or 0xD800 <= value < 0xE000:
        return ""
    if is_symbol_font(font):
        return symbol_character(value) or chr(value)
    return chr(value)
