"""Ordinal-word labels ("FIRST:", "VINGT ET UNIÈME :") are looked for through a cheap test first
(parsers.structure._ordinal_match): the big pattern of every ordinal word is built only for a text
that could match it, and the labels found are those the pattern finds."""

from __future__ import annotations

import pytest

from parsers import structure
from parsers.docx.numformat import MAX_WORD_NUMBER, WORD_LANGUAGES, format_words
from parsers.layout import RawParagraph

WORDS = sorted({format_words(n, "ordinalText", lang) for lang in WORD_LANGUAGES for n in range(1, MAX_WORD_NUMBER + 1)})


def _texts() -> list[str]:
    texts = []
    for word in WORDS:
        for form in (word.upper(), word, word.lower()):
            for tail in (": Decides", ". Décide", " : Décide", "\u00a0:\tDecide", ":", ".x", ": ", " Decides",
                         "⁸⁷ To the fullest", "⁸⁷\u00a0To", "¹", "¹: x", " ¹ x", "ⁱᵛ x"):
                texts.append(form + tail)
    texts += ["Decides to remain seized of the matter.", "A/RES/72/1. Political declaration", "NOTE: text",
              "I. Introduction", "FIRST SECOND: text", "PRIMERO.  texto", "TWENTY-FIRST:\u00a0text", "", ":", ". a",
              "ÉTÉ: été", "VINGT-ET-UNIÈME : x", "FIRST\n: x", "ﬁRST: x", "İ: x", "NOTE¹ text", "FIRST¹² SECOND: x"]
    return texts


def test_the_cheap_test_finds_what_the_pattern_finds():
    """For every ordinal word of every language, in capitals or not, before a colon or period or
    not, and for other openings, _ordinal_match gives the pattern's own match (or none)."""
    pattern = structure._ordinal_label()
    found = 0
    for text in _texts():
        expected, got = pattern.match(text), structure._ordinal_match(text)
        assert (got and (got.span(), got.group(1))) == (expected and (expected.span(), expected.group(1))), text
        found += expected is not None
    assert found >= len(WORDS) * 3  # the capitals before ":", ". " and " :" at least


def test_an_ordinal_word_right_before_a_note_mark_is_a_label():
    """LibreOffice prints "TENTH⁸⁷ To the fullest …" for Word's item numbered TENTH whose text
    opens with footnote reference 87: the label is the word, the mark stays with the text."""
    raw, label, style = structure.split_label(RawParagraph(text="TENTH⁸⁷ To the fullest extent permitted"))
    assert (label, style, raw.text) == ("TENTH", "heading", "⁸⁷ To the fullest extent permitted")
    raw, label, _style = structure.split_label(RawParagraph(text="TENTHS⁸⁷ of the shares"))
    assert label is None


@pytest.mark.parametrize("text", ["Decides to remain seized of the matter.", "Recalling its resolution 72/1,",
                                  "1. Welcomes the report;", "Note: the figures are estimates."])
def test_body_text_does_not_build_the_pattern(text):
    """Paragraphs that open otherwise never build the ordinal pattern (it cost each parse worker
    10 ms), and their label is read as before."""
    structure._ordinal_label.cache_clear()
    raw, label, _style = structure.split_label(RawParagraph(text=text))
    assert structure._ordinal_label.cache_info().misses == 0
    assert (label == "1") == text.startswith("1.")
