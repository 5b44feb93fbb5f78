"""The PDF reader on real PDFs from other projects' test suites, and on damaged and protected
files: every file is read or refused with a ParseError, never another exception."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.api import parse_file
from parsers.errors import ErrorCode, ParseError
from parsers.model import BlockKind, Document
from parsers.pdf.reader import read_pdf

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "pdf"
PROTECTED = CORPUS / "password-example.pdf"
# The py-pdf sample file's password (the obvious one: found by trying).
PASSWORD = "test"
REAL = sorted(p for p in CORPUS.glob("*.pdf") if p != PROTECTED)

pytestmark = [pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present"),
              pytest.mark.slow]  # both engines over every real PDF (about 30 s): not in make test-fast


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
@pytest.mark.parametrize("engine", ["pdfium", "plumber"])
def test_every_corpus_pdf_is_read_or_refused_cleanly(path, engine):
    """Both engines read each real PDF into text with a page count, or raise a ParseError."""
    try:
        result = read_pdf(str(path), engine=engine)
    except ParseError as err:
        assert err.code in ErrorCode and str(err).startswith(str(path))
        return
    assert result.pages and result.pages > 0
    assert any(p.text.strip() for p in result.paragraphs)


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_every_corpus_pdf_parses_into_a_document(path):
    """parse_file gives a Document (or a ParseError) for each real PDF."""
    try:
        doc = parse_file(str(path))
    except ParseError:
        return
    assert isinstance(doc, Document) and doc.blocks


@pytest.mark.parametrize("engine", ["pdfium", "plumber"])
def test_an_encrypted_pdf_asks_for_its_password(engine):
    """Without a password: ENCRYPTED, saying to give --password; with a wrong one: BAD_PASSWORD;
    with the right one the text is read."""
    with pytest.raises(ParseError) as missing:
        read_pdf(str(PROTECTED), engine=engine)
    assert missing.value.code is ErrorCode.ENCRYPTED
    assert str(missing.value) == f"{PROTECTED}: the PDF is encrypted; give --password"
    assert missing.value.__cause__ is not None
    with pytest.raises(ParseError) as wrong:
        read_pdf(str(PROTECTED), password="not-it", engine=engine)
    assert wrong.value.code is ErrorCode.BAD_PASSWORD
    result = read_pdf(str(PROTECTED), password=PASSWORD, engine=engine)
    assert result.pages == 4
    assert result.paragraphs[0].text.startswith("Backup4all")


def test_parse_file_passes_the_password_on():
    """The password option reaches the reader."""
    from parsers.api import ParseOptions

    doc = parse_file(str(PROTECTED), ParseOptions(password=PASSWORD))
    assert doc.pages == 4 and doc.blocks


@pytest.mark.parametrize("cut", ["half", "tail"])
def test_a_truncated_pdf_is_corrupt(tmp_path, cut):
    """A PDF cut short is CORRUPT with a short reason, raised from the library's error."""
    data = (CORPUS / "latex-multicolumn.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2] if cut == "half" else data[:-200])
    with pytest.raises(ParseError) as caught:
        read_pdf(str(path))
    assert caught.value.code is ErrorCode.CORRUPT
    assert "damaged" in caught.value.message and "\n" not in str(caught.value)
    assert caught.value.__cause__ is not None


def test_a_missing_file_is_not_found(tmp_path):
    """A path that does not exist is NOT_FOUND."""
    with pytest.raises(ParseError) as caught:
        read_pdf(str(tmp_path / "absent.pdf"))
    assert caught.value.code is ErrorCode.NOT_FOUND


def test_arabic_comes_out_in_reading_order():
    """The Arabic word of arabic-habibi.pdf is in logical order (ح first), not in the visual
    order PDFium stores it in. (The file maps one Latin glyph to the Arabic word as well, so the
    Latin word is interrupted by it: that is in the file, not ours to repair.)"""
    text = " ".join(p.text for p in read_pdf(str(CORPUS / "arabic-habibi.pdf")).paragraphs)
    assert "حَبيبي" in text
    assert "يبيبَح" not in text


def test_two_column_pages_are_read_column_by_column():
    """latex-multicolumn.pdf: the first column's paragraph is whole and not interleaved with the
    second column's lines."""
    paragraphs = [p.text for p in read_pdf(str(CORPUS / "latex-multicolumn.pdf")).paragraphs]
    first = next(p for p in paragraphs if p.startswith("Lorem ipsum dolor sit amet, consectetuer adipiscing elit."))
    assert "placerat ac, adipiscing vitae, felis" in first
    assert "This is a sample document" not in first
    assert "This is a sample document with two columns filled with Lorem Ipsum text." in paragraphs


HOSTILE = Path(__file__).resolve().parent / "hostile"
# Crafted files PDFium gets through quickly (the page-tree bomb and pdfplumber's endless loops
# are the worker process's business: parsers.sandbox).
PDFIUM_SAFE = ["broken-xref", "deeply-nested", "empty", "image-only", "million-pages", "page-tree-cycle",
               "random-bytes", "reference-cycle", "self-reference-contents", "self-reference-pages",
               "truncated", "uri-action"]


@pytest.mark.parametrize("name", PDFIUM_SAFE)
def test_crafted_files_are_read_or_refused_with_a_parse_error(name):
    """Damaged and hostile PDFs end as a result or a one-line ParseError, never another error."""
    path = HOSTILE / f"{name}.pdf"
    if not path.exists():
        pytest.skip(f"{path.name} not generated")
    try:
        result = read_pdf(str(path))
    except ParseError as err:
        assert err.code in (ErrorCode.CORRUPT, ErrorCode.UNSUPPORTED)
        assert "\n" not in str(err) and err.__cause__ is not None
        return
    assert result.pages is not None


def test_text_set_vertically_is_reported_as_furniture():
    """The Federal Register's vertical margin note is not body text, and not dropped in silence:
    each page reports it as rotated text."""
    path = CORPUS / "federal-register-2020-17221.pdf"
    document = parse_file(str(path))
    rotated = [f for f in document.furniture if f.why == "rotated text"]
    assert [f.page for f in rotated] == list(range(1, document.pages + 1))
    assert rotated[0].text == "jbell on DSKJLSW7X2PROD with PROPOSALS"
    assert rotated[6].text == "jbell on DSKJLSW7X2PROD with PROPOSALS EP06AU20.010</GPH>"
    assert not any("DSKJLSW7X2PROD" in block.text for block in document.blocks)


def test_a_note_whose_mark_stands_alone_on_its_line_is_a_note():
    """The Federal Register sets the marks of notes 10 and 15 on a line of their own above the
    note's text: the small number is the note's mark (not body text), and the line
    "14 CFR 39.19, send your request ..." in the body is not note 14."""
    document = parse_file(str(CORPUS / "federal-register-2020-17221.pdf"))
    notes = {f.mark: f.text for f in document.footnotes}
    assert notes["10"].startswith("A flight control law generates commands")
    assert notes["15"].startswith("All of the checklists that the FAA proposes")
    assert "14" not in notes
    assert any("In accordance with 14 CFR 39.19, send your request" in b.text for b in document.blocks)
    assert not any(b.text in ("10", "15") for b in document.blocks)


def test_a_ruled_table_is_one_block_a_row_a_line():
    """EU report eu-004's tables of countries and figures, drawn with rules: each is one table
    block, a row a line and its cells joined by tabs ("Germany<tab>27.5<tab>81.9…"), as the Word
    reader reads a table; read across, each figure used to open the next row's line."""
    path = CORPUS.parent / "real" / "other-pdf" / "eu-004.pdf"
    if not path.is_file():
        pytest.skip("shared corpus not present")
    tables = [b.text.split("\n") for b in parse_file(str(path)).blocks if b.kind is BlockKind.TABLE]
    (retail,) = [rows for rows in tables if rows[0].startswith("per capita GNP")]
    assert retail[1:5] == ["Germany\t27.5\t81.9\t415.3\t196\t373\t898", "France\t25.0\t58.1\t343.4\t169\t292\t850",
                           "UK\t18.7\t58.6\t289.9\t202\t233\t803", "Italy\t19.0\t57.3\t627.2\t91\t311\t496"]
    assert retail[-1] == "EU15 Total\t\t372.3\t3236.5\t115\t1565\t549"  # an empty cell stays a cell
    assert len(tables) >= 10
