"""parse_file on the Word versions of draft resolution E/CN.15/2018/L.2 (fr, en, es): the
structure a delegate sees, read from real numbering, styles and footnotes."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from parsers.api import parse_file
from parsers.model import BlockKind, Document, Format

FIXTURES = Path(__file__).resolve().parent / "fixtures"

OPENERS = {
    "fr": "La Commission pour la prévention du crime et la justice pénale,",
    "en": "The Commission on Crime Prevention and Criminal Justice,",
    "es": "La Comisión de Prevención del Delito y Justicia Penal,",
}
VERBS = {
    "fr": ["Prie instamment", "Demande", "Demande également", "Souligne", "Encourage", "Encourage",
           "Encourage", "Prie", "Prie également", "Invite", "Invite", "Prie"],
    "en": ["Urges", "Calls upon", "Also calls upon", "Stresses", "Encourages", "Encourages", "Encourages",
           "Requests", "Also requests", "Invites", "Invites", "Requests"],
    "es": ["Insta", "Exhorta", "Exhorta también", "Destaca", "Alienta", "Alienta", "Alienta", "Solicita",
           "Solicita también", "Invita", "Invita", "Solicita"],
}
FIRST_PARTICIPLE = {"fr": "Condamnant de nouveau énergiquement", "en": "Reaffirming", "es": "Reafirmando"}
FOOTNOTE_STARTS = {
    "fr": ["E/CN.15/2018/1.", "Nations Unies, Recueil des Traités, vol. 2225", "Ibid., vol. 2237",
           "Résolution 70/1", "Résolution 72/1"],
    "en": ["E/CN.15/2018/1.", "United Nations, Treaty Series, vol. 2225", "Ibid., vol. 2237",
           "General Assembly resolution 70/1", "General Assembly resolution 72/1"],
    "es": ["E/CN.15/2018/1.", "Naciones Unidas, Treaty Series, vol. 2225", "Ibid., vol. 2237",
           "Resolución 70/1", "Resolución 72/1"],
}
LANGS = ("fr", "en", "es")
PREAMBULAR_PARAGRAPHS = 22


@cache
def doc(lang: str) -> Document:
    return parse_file(str(FIXTURES / f"l2-{lang}.docx"))


def kinds(lang: str, kind: BlockKind):
    return [b for b in doc(lang).blocks if b.kind is kind]


@pytest.mark.parametrize("lang", LANGS)
def test_reads_as_word_in_its_language(lang):
    """The file is read as Word, its language detected, its symbol found, no warnings."""
    d = doc(lang)
    assert (d.format, d.language, d.symbol, d.warnings) == (Format.DOCX, lang, "E/CN.15/2018/L.2", ())


@pytest.mark.parametrize("lang", LANGS)
def test_opener_is_a_paragraph_before_the_preamble(lang):
    """The line naming the Commission is a plain paragraph right before the first preambular one."""
    blocks = doc(lang).blocks
    opener = next(i for i, b in enumerate(blocks) if b.text == OPENERS[lang])
    assert blocks[opener].kind is BlockKind.PARAGRAPH
    assert blocks[opener + 1].kind is BlockKind.PREAMBLE
    assert all(b.kind is not BlockKind.PREAMBLE for b in blocks[:opener])


@pytest.mark.parametrize("lang", LANGS)
def test_preambular_paragraphs_open_with_italic_participles(lang):
    """All 22 preambular paragraphs are preamble blocks, each opening with an italic run."""
    preamble = kinds(lang, BlockKind.PREAMBLE)
    assert len(preamble) == PREAMBULAR_PARAGRAPHS
    assert preamble[0].italic_prefix() == FIRST_PARTICIPLE[lang]
    assert all(b.italic_prefix() for b in preamble)


@pytest.mark.parametrize("lang", LANGS)
def test_operative_paragraphs_numbered_1_to_12_with_italic_verbs(lang):
    """Operative paragraphs carry Word's numbers 1–12 (not in their text) and italic verbs."""
    operative = kinds(lang, BlockKind.OPERATIVE)
    assert [b.number for b in operative] == [str(n) for n in range(1, 13)]
    assert [b.italic_prefix() for b in operative] == VERBS[lang]
    assert all(not b.text[0].isdigit() for b in operative)


@pytest.mark.parametrize("lang", LANGS)
def test_subparagraphs_with_letters_romans_and_levels(lang):
    """Operative 2 holds (a), (b) with (i), (ii) under it, then (c), at levels 1 and 2."""
    blocks = doc(lang).blocks
    two = next(i for i, b in enumerate(blocks) if b.kind is BlockKind.OPERATIVE and b.number == "2")
    subs = [(b.kind, b.number, b.level) for b in blocks[two + 1: two + 6]]
    sub = BlockKind.SUBPARAGRAPH
    assert subs == [(sub, "a", 1), (sub, "b", 1), (sub, "i", 2), (sub, "ii", 2), (sub, "c", 1)]
    assert blocks[two + 6].kind is BlockKind.OPERATIVE and blocks[two + 6].number == "3"


@pytest.mark.parametrize("lang", LANGS)
def test_footnotes_with_marks_and_texts(lang):
    """The agenda footnote * and footnotes 1–4 come back with their texts."""
    notes = doc(lang).footnotes
    assert [n.mark for n in notes] == ["*", "1", "2", "3", "4"]
    assert all(n.text.startswith(start) for n, start in zip(notes, FOOTNOTE_STARTS[lang], strict=True))


@pytest.mark.parametrize("lang", LANGS)
def test_footnote_marks_sit_in_the_paragraphs_citing_them(lang):
    """Marks appear as superscripts in the citing paragraphs and are listed on their blocks."""
    preamble = kinds(lang, BlockKind.PREAMBLE)
    assert preamble[2].footnote_marks == ("1", "2")
    assert "¹" in preamble[2].text and "²" in preamble[2].text
    assert preamble[3].footnote_marks == ("3",)
    assert preamble[8].footnote_marks == ("4",)


@pytest.mark.parametrize("lang", LANGS)
def test_no_footnote_header_or_footer_text_in_the_body(lang):
    """Footnote texts, the running header's page numbers and the job number stay out of blocks."""
    d = doc(lang)
    body_text = "\n".join(b.text for b in d.blocks)
    assert "V.18-02286" not in body_text
    assert "1/1" not in body_text  # the running header's PAGE/NUMPAGES fields
    for note in d.footnotes:
        assert note.text not in body_text
