"""Runs: the glyphs of one text object that the PDFium reader gives as one Char. The line
builder reads a run as one glyph only where that gives the line its glyphs would give: checked
here on every fixture and corpus PDF against the same pages read glyph by glyph."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.errors import ParseError
from parsers.pdf.chars import _RUN_TEXT, Page, _spaces_in, pdfium_pages
from parsers.pdf.lines import barcode_lines, glyphs, page_lines, space_widths
from parsers.pdf.reader import pdfium_document

ROOT = Path(__file__).resolve().parent
CORPUS = ROOT.parent.parent / "shared" / "corpus"
PDFS = sorted((ROOT / "fixtures").glob("*.pdf")) + sorted((CORPUS / "pdf").glob("*.pdf")) + sorted(
    (CORPUS / "real").rglob("*.pdf"))


def _pages(path: Path) -> list[Page]:
    try:
        with pdfium_document(str(path), None) as document:
            return list(pdfium_pages(document))
    except ParseError as err:  # a password or a damaged file: nothing to compare
        pytest.skip(str(err))


def _by_glyph(page: Page) -> Page:
    return Page(page.number, page.width, page.height, tuple(glyphs(page.chars)), page.rotated)


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_lines_from_runs_are_the_lines_from_their_glyphs(path):
    """Every page: the same word spaces, Lines (text, styles, marks, extents) and barcode text
    whether the line builder is given runs or each run's glyphs."""
    pages = _pages(path)
    single = [_by_glyph(page) for page in pages]
    spaces = space_widths(pages)
    assert spaces == space_widths(single)
    for page, glyph_page in zip(pages, single, strict=True):
        assert page_lines(page, spaces) == page_lines(glyph_page, spaces), f"page {page.number}"
        assert barcode_lines(page) == barcode_lines(glyph_page), f"page {page.number}"


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_runs_keep_their_shape(path):
    """A run is at least two glyphs of allowed text, left to right (lefts and rights growing),
    shown glyphs at both ends and single spaces only; its ends are its first and last glyph's."""
    for page in _pages(path):
        for char in page.chars:
            if not char.glyph_x0s:
                continue
            text, x0s, x1s = char.text, char.glyph_x0s, char.glyph_x1s
            assert len(text) == len(x0s) == len(x1s) >= 2
            assert text[0] != " " and text[-1] != " " and "  " not in text
            assert set(text) <= _RUN_TEXT
            assert list(x0s) == sorted(x0s) and list(x1s) == sorted(x1s)
            assert (char.x0, char.x1) == (x0s[0], x1s[-1])


def test_un_pages_are_read_mostly_as_runs():
    """The point of runs: a UN document's page is a few hundred Chars, not thousands of glyphs."""
    pages = _pages(ROOT / "fixtures" / "l2-en.pdf")
    runs = sum(len(page.chars) for page in pages)
    glyph_count = sum(len(glyphs(page.chars)) for page in pages)
    assert runs * 5 < glyph_count


@pytest.mark.parametrize("text", ["", " ", "a", "a b", "  a  b ", "ab c d "])
def test_spaces_are_found_where_they_are(text):
    assert _spaces_in(text) == [i for i, ch in enumerate(text) if ch == " "]
