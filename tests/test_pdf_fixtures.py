"""The PDF reader on the UN-styled fixtures (E/CN.15/2018/L.2 and its Rev.1, made in Word format
and printed to PDF by LibreOffice): the PDF gives the same structure as the Word file it came from.

Comparison PDF against Word needs no normalisation at all: texts, numbers, italic verbs and
footnote marks are compared as they are."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from parsers.api import parse_file
from parsers.model import BlockKind, Document
from parsers.pdf.chars import pdfium_pages
from parsers.pdf.reader import pdfium_document, read_pdf

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RESOLUTIONS = ("l2-fr", "l2-en", "l2-es", "l2-fr-rev1", "l2-en-rev1")
BODY_KINDS = (BlockKind.PREAMBLE, BlockKind.OPERATIVE, BlockKind.SUBPARAGRAPH)
VERBS = {
    "l2-fr": ["Prie instamment", "Demande", "Demande également", "Souligne", "Encourage", "Encourage",
              "Encourage", "Prie", "Prie également", "Invite", "Invite", "Prie"],
    "l2-en": ["Urges", "Calls upon", "Also calls upon", "Stresses", "Encourages", "Encourages",
              "Encourages", "Requests", "Also requests", "Invites", "Invites", "Requests"],
}


@cache
def parsed(name: str) -> Document:
    return parse_file(str(FIXTURES / name))


def body(doc: Document) -> list[tuple]:
    return [(b.kind, b.number, b.text, b.italic_prefix(), b.footnote_marks) for b in doc.blocks
            if b.kind in BODY_KINDS]


@pytest.mark.parametrize("name", RESOLUTIONS)
def test_pdf_and_word_give_the_same_preambular_and_operative_paragraphs(name):
    """Kinds, numbers, texts, italic openings and footnote marks of every preambular, operative
    and sub-paragraph are identical in the PDF and in the Word file it was printed from."""
    pdf, word = body(parsed(f"{name}.pdf")), body(parsed(f"{name}.docx"))
    assert len(pdf) >= 38
    assert pdf == word


@pytest.mark.parametrize("name", RESOLUTIONS)
def test_running_headers_and_footers_are_gone(name):
    """No block holds the running symbol line, the job number or a 'page/pages' number, and the
    symbol read from the running lines is the document's."""
    doc = parsed(f"{name}.pdf")
    word = parsed(f"{name}.docx")
    for block in doc.blocks:
        assert "V.18-02286" not in block.text
        assert not re.search(r"(?<![\d/])\d/[45](?![\d/])", block.text), block.text
        assert block.text != doc.symbol
    assert doc.symbol == word.symbol == ("E/CN.15/2018/L.2/Rev.1" if "rev1" in name else "E/CN.15/2018/L.2")


@pytest.mark.parametrize("name", RESOLUTIONS)
def test_footnotes_are_separated_with_their_marks_and_texts(name):
    """The footnotes equal the Word file's (mark and text), sit on the page where they are
    printed, and none of their text is left in the body."""
    doc, word = parsed(f"{name}.pdf"), parsed(f"{name}.docx")
    assert [(f.mark, f.text) for f in doc.footnotes] == [(f.mark, f.text) for f in word.footnotes]
    assert [f.page for f in doc.footnotes] == [1, 1, 1, 1, 2]
    for note in doc.footnotes:
        assert not any(note.text in block.text for block in doc.blocks)


def test_a_paragraph_split_by_a_page_break_and_footnotes_is_one_block():
    """'Se félicitant de l'adoption par l'Assemblée générale…' starts on page 1, runs under the
    footnotes and goes on at the top of page 2: it is one block, the Word paragraph."""
    with pdfium_document(str(FIXTURES / "l2-fr.pdf"), None) as document:
        pages = list(pdfium_pages(document))
    page_text = ["".join(c.text for c in page.chars) for page in pages]
    tail = "efficaces pour supprimer le travail forcé"
    assert tail in page_text[1] and tail not in page_text[0]
    doc = parsed("l2-fr.pdf")
    (block,) = [b for b in doc.blocks if b.text.startswith("Se félicitant de l’adoption par")]
    assert tail in block.text
    assert block.page == 1
    assert block.text.endswith("dont sont victimes les enfants,")
    assert block.text in [b.text for b in parsed("l2-fr.docx").blocks]


@pytest.mark.parametrize("name", ["l2-fr", "l2-en"])
def test_operative_verbs_are_italic(name):
    """Each operative paragraph opens with its verb as an italic span."""
    doc = parsed(f"{name}.pdf")
    verbs = [b.italic_prefix() for b in doc.blocks if b.kind is BlockKind.OPERATIVE]
    assert verbs == VERBS[name]


@pytest.mark.parametrize("name", ["l2-fr", "l2-en-rev1"])
def test_pdfium_and_pdfplumber_engines_give_the_same_blocks(name):
    """The reference engine (pdfplumber) and the default (PDFium) give the same paragraphs,
    spans, flags, footnotes and symbol; boxes agree to within a point."""
    path = str(FIXTURES / f"{name}.pdf")
    fast, slow = read_pdf(path), read_pdf(path, engine="plumber")
    assert [(p.text, p.spans, p.centered, p.bold, p.large, p.footnote_marks, p.location.page)
            for p in fast.paragraphs] == [
        (p.text, p.spans, p.centered, p.bold, p.large, p.footnote_marks, p.location.page)
        for p in slow.paragraphs]
    for a, b in zip(fast.paragraphs, slow.paragraphs, strict=True):
        assert max(abs(x - y) for x, y in zip(a.location.bbox, b.location.bbox, strict=True)) < 1.0
    assert fast.footnotes == slow.footnotes
    assert (fast.symbol, fast.pages, fast.warnings) == (slow.symbol, slow.pages, slow.warnings)


def test_title_block_flags():
    """The title is large and bold, the sponsor line bold: the structure pass sees a title."""
    doc = parse_file(str(FIXTURES / "l2-en.pdf"))
    (title,) = [b for b in doc.blocks if b.kind is BlockKind.TITLE]
    assert title.text == "Preventing and combating trafficking in persons facilitated by technology"
    raw = read_pdf(str(FIXTURES / "l2-en.pdf")).paragraphs
    flags = {p.text: (p.bold, p.large) for p in raw}
    assert flags[title.text] == (True, True)
    assert flags["Belarus: draft resolution"] == (True, False)
