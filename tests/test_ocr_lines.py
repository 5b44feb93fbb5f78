"""A warped scan's text layer: its lines lean by different angles, or not at all, side by side
(parsers.pdf.ocr_lines). Each line is set level on its own; a page askew as a whole is still
turned level as a whole (test_real_corpus's askew scans).

The real case: the corpus's image-only Russian scan, resolution 2758 (XXVI) on a page of the
General Assembly's Official Records of 1971, read by tesseract as ocrmypdf runs it. Its lines
lean by 0 to 1 degree; the page's median lean is level, so it was not turned, and a line 0.7
degrees off climbed 2 pt over a column: "Генеральная Ассамблея —" read "лея — Генеральная
Ассамб", and the paragraphs fell apart into pieces out of order."""

from __future__ import annotations

import ctypes
import math
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from test_real_corpus import _OCR_TOOLS, REAL, _add_text, _scanned

from parsers import parse_file
from parsers.pdf.chars import pdfium_pages
from parsers.pdf.lines import page_lines, space_widths
from parsers.pdf.reader import pdfium_document

SCAN = REAL / "un-pdf" / "A_RES_2758_XXVI-RU.pdf"


@pytest.fixture(scope="module")
def russian_scan(tmp_path_factory) -> Path:
    """The scan read by tesseract (Russian) at its own 300 dpi, its text layer laid over it."""
    if not SCAN.is_file():
        pytest.skip("shared real corpus not present")
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=60)
    if "rus" not in listed.stdout.split():
        pytest.skip("tesseract's Russian not installed (make test installs tesseract-ocr-rus)")
    return _scanned(SCAN, tmp_path_factory.mktemp("ocr"), dpi=300, language="rus")


@_OCR_TOOLS
def test_the_lines_of_a_warped_real_scan_are_whole(russian_scan):
    with pdfium_document(str(russian_scan), None) as document:
        pages = list(pdfium_pages(document))
    lines = [line.text for line in page_lines(pages[0], space_widths(pages))]
    assert "Генеральная Ассамблея —" in lines  # the running title's left column half
    # a line of each column, as printed (the OCR's misreadings its own: "рекомеидацию")
    assert "получив рекомеидацию Совета Безонасности от" in lines
    assert "получив рекомендацию Совета Безопасности от" in lines
    assert not [text for text in lines if text.startswith(("лея", "дацию", "отрев", "ет принять"))]


@_OCR_TOOLS
def test_the_paragraphs_of_a_warped_real_scan_are_whole_and_in_order(russian_scan):
    texts = [block.text for block in parse_file(str(russian_scan)).blocks]
    # the four resolutions on the page admitting Bhutan, Bahrain, Qatar and Oman: each
    # recommendation one paragraph, from its first word to the last of its last line
    received = [text for text in texts if text.startswith("получив реком")]
    assert len(received) == 4 and all("Объединенных Наций" in text for text in received)
    # resolution 2758 (XXVI): its operative paragraph whole, from the left column's foot to the
    # right column's
    decides = [text for text in texts if text.startswith("постановляет восстановить")]
    assert len(decides) == 1 and "Кай-ши" in decides[0] and decides[0].endswith("связанных с пей учреждлениях.")  # the OCR's "пей", "учреждлениях"
    assert texts.index(decides[0]) > next(k for k, text in enumerate(texts) if text.startswith("считая, что"))


# Made here: an OCR layer of three lines, set as tesseract sets them on a warped page.
WORDS = ["Recalling", "the", "principles", "of", "the", "Charter", "of", "the", "United", "Nations,"]


def _add_word(document: pdfium.PdfDocument, page: pdfium.PdfPage, text: str, x: float, y: float,
              angle: float) -> float:
    """`text` in invisible 10 pt Helvetica, its origin at (x, y), turned `angle` degrees; its width."""
    turn = math.radians(angle)
    added = _add_text(document, page, text, b"Helvetica", 10.0,
                      (math.cos(turn), math.sin(turn), -math.sin(turn), math.cos(turn), x, y), invisible=True)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(added, left, bottom, right, top)
    return right.value - left.value


def _warped_layer(path: Path, lean: float) -> Path:
    """Three lines 14 pt apart: the first leaning `lean` degrees, its words turned along it; the
    second leaning as much, its words level, each where it stands on the line; the third level."""
    document = pdfium.PdfDocument.new()
    page = document.new_page(612.0, 792.0)
    slope = math.tan(math.radians(lean))
    for number, (baseline, turned) in enumerate([(700.0, lean), (686.0, 0.0), (672.0, None)]):
        x = 72.0
        for word in WORDS:
            y = baseline + (slope * (x - 72.0) if turned is not None else 0.0)
            x += _add_word(document, page, f"{word}{number}" if word == "Nations," else word, x, y,
                           turned or 0.0) + 3.0
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    document.save(str(path))
    return path


@pytest.mark.parametrize("lean", [0.7, -0.7])
def test_each_leaning_line_of_a_level_page_is_read_whole(tmp_path, lean):
    with pdfium_document(str(_warped_layer(tmp_path / "warped.pdf", lean)), None) as document:
        pages = list(pdfium_pages(document))
    lines = [line.text for line in page_lines(pages[0], space_widths(pages))]
    sentence = " ".join(WORDS[:-1])
    assert lines == [f"{sentence} Nations,0", f"{sentence} Nations,1", f"{sentence} Nations,2"]
