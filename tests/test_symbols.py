"""The Symbol font's table (resources/lexicons/fonts/symbol.toml, read by parsers.symbols)."""

from __future__ import annotations

from pdfminer.fontmetrics import FONT_METRICS

from parsers.symbols import as_symbol_characters, is_symbol_font, symbol_character

# The table's own choices (its header says why): one registered, copyright and trade mark sign for
# the serif and sans-serif ones, Unicode's pieces of tall brackets, the Greek capital delta, omega
# and small mu, where Adobe's glyph list gives private-use codes, the increment, ohm and micro signs.
CHOSEN = {0x44: "\u0394", 0x57: "\u03a9", 0x6D: "\u03bc", 0xD2: "®", 0xD3: "©", 0xD4: "™", 0xE2: "®", 0xE3: "©",
          0xE4: "™"}


def test_every_character_is_one_the_symbol_font_draws():
    """Checked against an independent source: the glyphs of the Symbol font's metrics in pdfminer
    (Adobe's AFM, its glyph names as Unicode). Every code the table maps draws one of them, but
    for its stated choices and the pieces of tall brackets and arrows (U+239B-U+23D0), and the
    common ones are the expected characters."""
    glyphs = set(FONT_METRICS["Symbol"][1])
    mapped = {code: symbol_character(code) for code in range(0x20, 0x100)}
    for code, char in mapped.items():
        if char is None or code in CHOSEN:
            continue
        assert char in glyphs or "\u239b" <= char <= "\u23d0", hex(code)
    assert {code: mapped[code] for code in CHOSEN} == CHOSEN
    assert sum(char is not None for char in mapped.values()) == 188
    assert mapped[0x2A] == "\u2217" and mapped[0xA3] == "≤" and mapped[0xB3] == "≥" and mapped[0xB7] == "•"
    assert mapped[0x61] == "α" and mapped[0xB1] == "±" and mapped[0xAE] == "→" and mapped[0x60] is None


def test_private_use_codes_and_font_names():
    """Word's private-use codes (U+F000 plus the code) map as the codes do; other text is left as
    it is; the Symbol font is known by its names, not LibreOffice's OpenSymbol."""
    assert symbol_character(0xF0A3) == symbol_character(0xA3) == "≤"
    assert symbol_character(0xF060) is None and symbol_character(0xE000) is None
    assert as_symbol_characters("rise \uf0a3 1.5\ue000 \uf060") == "rise ≤ 1.5\ue000 \uf060"
    assert as_symbol_characters("plain") == "plain"
    assert is_symbol_font("Symbol") and is_symbol_font("symbol mt") and is_symbol_font("SymbolMT")
    assert not is_symbol_font("OpenSymbol") and not is_symbol_font("Wingdings") and not is_symbol_font(None)
