"""The PDFium character reader's two paths: pages read in bulk (plain text) and a character at a
time (right-to-left scripts and the like) must give exactly the same characters."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from parsers.pdf import chars as pdf_chars

ROOT = Path(__file__).resolve().parent
CORPUS = ROOT.parent.parent / "shared" / "corpus" / "pdf"
# chars/astral.pdf: chars/astral.txt (a math italic x and an emoji, outside the BMP) converted by
# LibreOffice 7.4 (`soffice --headless --convert-to pdf astral.txt`).
ASTRAL = ROOT / "fixtures" / "chars" / "astral.pdf"
PDFS = sorted((ROOT / "fixtures").glob("*.pdf")) + [ASTRAL] + sorted(
    p for p in CORPUS.glob("*.pdf") if p.name != "password-example.pdf")


def _both_paths(path: Path):
    document = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            height = page.get_size()[1]
            count = pdfium_c.FPDFText_CountChars(textpage.raw)
            bulk_rotated: list[tuple[int, str]] = []
            single_rotated: list[tuple[int, str]] = []
            yield (index + 1, pdf_chars._page_units(textpage.raw, count) is not None,
                   (pdf_chars._pdfium_chars(textpage, height, bulk_rotated), bulk_rotated),
                   (pdf_chars._chars_one_by_one(textpage.raw, count, height, single_rotated), single_rotated))
            textpage.close()
            page.close()
    finally:
        document.close()


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_bulk_and_one_by_one_reading_give_the_same_characters(path):
    """Every page of every fixture and corpus PDF: the same Chars (text, boxes, baseline, font,
    style) and the same rotated text set aside, whichever path reads it."""
    for number, _plain, bulk, single in _both_paths(path):
        assert bulk == single, f"page {number}"


def test_most_pages_take_the_bulk_path_and_arabic_does_not():
    """UN fixtures (curly quotes, dashes, hyphen marks) are plain; an Arabic page is not."""
    fixture = ROOT / "fixtures" / "l2-fr.pdf"
    assert all(plain for _n, plain, _b, _s in _both_paths(fixture))
    arabic = CORPUS / "arabic-habibi.pdf"
    if arabic.exists():
        assert not any(plain for _n, plain, _b, _s in _both_paths(arabic))


def test_the_hyphen_mark_survives_the_bulk_path():
    """PDFium's 0x02 mark for a line-ending hyphen (written 0xFFFE in its page text) reaches the
    line builder as 0x02 on the bulk path."""
    texts = [c.text for path in (ROOT / "fixtures").glob("l2-en*.pdf")
             for _n, plain, (bulk, _rotated), _s in _both_paths(path) if plain for c in bulk]
    assert "\x02" in texts and "\ufffe" not in texts


@pytest.mark.parametrize("text", ["مرحبا", "שלום", "x \U0001d465 y", "emoji \U0001f600"])
def test_pages_the_page_text_cannot_stand_for_go_one_by_one(text):
    """Right-to-left scripts (reordered in PDFium's page text) and characters outside the BMP (two
    char indexes each) make a page not plain; typographic punctuation does not."""
    decoded = text.encode("utf-16-le").decode("utf-16-le", "surrogatepass")
    assert pdf_chars._NOT_PLAIN.search(decoded)
    assert not pdf_chars._NOT_PLAIN.search("« l’Office » — 60 % … ﬁn")


def test_characters_outside_the_bmp_come_out_whole():
    """A real PDF with a math italic x and an emoji: each is one character (not two surrogate
    halves), on a page read one by one."""
    [(_number, plain, (bulk, _rotated), _single)] = list(_both_paths(ASTRAL))
    texts = [c.text for c in bulk]
    assert not plain
    assert "\U0001d465" in texts and "\U0001f600" in texts
    assert not any("\ud800" <= t <= "\udfff" for t in texts)
