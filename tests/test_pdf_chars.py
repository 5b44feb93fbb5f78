"""The PDFium character reader's two paths: pages read in bulk (plain text) and a character at a
time (right-to-left scripts and the like) must give exactly the same characters."""

from __future__ import annotations

import ctypes
import shutil
import subprocess
from itertools import repeat
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from parsers.pdf import chars as pdf_chars
from parsers.pdf import objects as pdf_objects

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


@pytest.mark.skipif(shutil.which("pdftocairo") is None, reason="poppler-utils not installed (make test installs it)")
def test_both_paths_read_a_c1_control_as_its_windows_code(tmp_path):
    """pdftocairo's rewrite of an EU report maps "’" to U+0092: both paths read "’"."""
    source = ROOT.parent.parent / "shared" / "corpus" / "real" / "other-pdf" / "eu-012.pdf"
    if not source.exists():
        pytest.skip("shared real corpus not present")
    rewritten = tmp_path / "eu-012.pdf"
    subprocess.run(["pdftocairo", "-pdf", "-f", "2", "-l", "2", str(source), str(rewritten)], check=True,
                   capture_output=True, timeout=120)
    ((_number, plain, (bulk, _r), (single, _s)),) = _both_paths(rewritten)
    assert plain and bulk == single
    texts = "".join(c.text for c in single)
    assert "’" in texts and "\x92" not in texts


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


def _handles_both_ways(textpage):
    """(whether PDFium keeps each object's characters together here, the objects and where they
    change as `object_handles` finds them from a few characters, the same from the object of
    every character); None for a page that is not plain or has no character to read."""
    raw = textpage.raw
    text = pdf_chars._page_text(raw, pdfium_c.FPDFText_CountChars(raw))
    page = ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)
    index, _letters, breaks = pdf_chars._kept(page, text or "")
    if not text or not index:
        return None
    every = list(map(pdf_objects.object_of, repeat(page), index))
    changes = [0, *(k for k in range(1, len(every)) if every[k] != every[k - 1]), len(every)]
    return (pdf_objects.in_content_order(textpage, text), pdf_objects.object_handles(page, index, breaks),
            (every, changes))


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_objects_found_from_a_few_characters_are_every_characters_objects(path):
    """Every plain page of every fixture and corpus PDF: where PDFium keeps each text object's
    characters together, the objects asked of a few characters and bisected are those asked of
    every character, and so are the places where the object changes."""
    document = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(document)):
            found = _handles_both_ways(document[index].get_textpage())
            if found is not None:
                in_order, few, every = found
                assert in_order, f"page {index + 1}"
                assert few == every, f"page {index + 1}"
    finally:
        document.close()


def _one_line_pdf(path: Path, catalog: bytes) -> Path:
    """A page with one line set as two text objects, '- ' and '* x' (Courier), and `catalog`
    added to the document catalog."""
    content = b"BT /F1 10 Tf 1 0 0 1 20 100 Tm (- ) Tj ET BT /F1 10 Tf 1 0 0 1 32 100 Tm (* x) Tj ET"
    objects = [b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Page /Parent 4 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 1 0 R >> >> "
               b"/Contents 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Catalog /Pages 4 0 R " + catalog + b" >>"]
    body = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(body))
    return path


def test_a_document_read_right_to_left_asks_every_characters_object(tmp_path):
    """A document whose viewer preferences say /Direction /R2L: PDFium turns the line's opening
    run of neutral characters around, so one object's characters stand on either side of the
    other's ('x * -': 'x' and ' ' of the second object around the first's ' '). Such a page is
    not taken to keep objects together (bisecting would give the wrong objects there), and its
    characters are still those read one at a time. The same page left to right keeps them
    together."""
    plain = pdfium.PdfDocument(str(_one_line_pdf(tmp_path / "ltr.pdf", b"")))
    mirrored = pdfium.PdfDocument(str(_one_line_pdf(tmp_path / "rtl.pdf", b"/ViewerPreferences << /Direction /R2L >>")))
    try:
        in_order, found, every = _handles_both_ways(plain[0].get_textpage()) or (False, (), ())
        assert in_order and found == every and len(set(every[0])) == 2
        in_order, found, (every, _changes) = _handles_both_ways(mirrored[0].get_textpage()) or (True, (), ([], []))
        assert not in_order
        stretches = 1 + sum(1 for a, b in zip(every, every[1:], strict=False) if a != b)
        assert stretches > len(set(every)) and found[0] != every  # an object in two stretches
    finally:
        plain.close()
        mirrored.close()
    for number, _plain, bulk, single in _both_paths(tmp_path / "rtl.pdf"):
        assert bulk == single, f"page {number}"


def test_right_to_left_marks_make_a_page_ask_every_characters_object():
    """A right-to-left mark or embedding (U+200F, U+202B, U+202E, U+2067) starts a run PDFium
    reverses even on a page without right-to-left letters."""
    document = pdfium.PdfDocument(str(PDFS[0]))
    try:
        textpage = document[0].get_textpage()
        assert pdf_objects.in_content_order(textpage, "a b")
        for mark in "\u200f\u202b\u202e\u2067":
            assert not pdf_objects.in_content_order(textpage, f"a{mark}b")
    finally:
        document.close()
