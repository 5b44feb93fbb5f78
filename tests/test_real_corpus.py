"""The PDF reader on real UN documents (`shared/corpus/real`), checked against PDFium's own page
text: every line of it ends up in a block, a footnote or the reported furniture."""

from __future__ import annotations

import ctypes
import dataclasses
import math
import os
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image
from rapidfuzz import fuzz

from parsers.api import parse_file
from parsers.model import BlockKind, Document
from parsers.pdf.chars import canonical, pdfium_pages
from parsers.pdf.lines import page_lines, space_widths

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
# The UN PDFs with a text layer (the Russian scan has none) and the declarations.
UN_PDFS = sorted(p for p in (REAL / "un-pdf").glob("*.pdf") if "2758_XXVI-RU" not in p.name) + sorted(
    (REAL / "declarations").glob("*.pdf"))

pytestmark = pytest.mark.skipif(not (REAL / "un-pdf").is_dir(), reason="shared real corpus not present")

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def letters(text: str) -> str:
    """Letters and digits only, lower-cased: what must survive whatever spacing, hyphenation,
    punctuation of labels and superscript marks the reader sets."""
    text = unicodedata.normalize("NFKC", text.translate(_SUPERSCRIPTS)).lower()
    return "".join(ch for ch in text if ch.isalnum())


@cache
def pdfium_text(path: Path) -> tuple[tuple[int, str], ...]:
    """(page, line) for every line of PDFium's own text of each page."""
    document = pdfium.PdfDocument(str(path))
    try:
        out = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            out.extend((index + 1, line) for line in re.split(r"[\r\n]+", text) if line.strip())
        return tuple(out)
    finally:
        document.close()


@cache
def file_text(path: Path) -> str:
    """The text of the file's own characters, without the spaces and line breaks PDFium
    generates (line ends become one space)."""
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument(str(path))
    try:
        out = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            raw = textpage.raw
            for i in range(pdfium_c.FPDFText_CountChars(raw)):
                code = pdfium_c.FPDFText_GetUnicode(raw, i)
                if pdfium_c.FPDFText_IsGenerated(raw, i):
                    out.append(" " if code in (10, 13) else "")
                else:
                    out.append(chr(code) if code >= 32 else " ")
            textpage.close()
            page.close()
        return re.sub(r"\s+", " ", "".join(out))
    finally:
        document.close()


@cache
def parsed(path: Path) -> Document:
    return parse_file(str(path))


def planted(document: Document, text: str, misread: str) -> Document:
    """The document reduced to its first block holding `text`, with `misread` in its place: a
    check must see the misreading."""
    block = next(b for b in document.blocks if text in b.text)
    return dataclasses.replace(document, blocks=(dataclasses.replace(block, text=block.text.replace(text, misread, 1)),))


def lost_lines(document: Document, reference: tuple[tuple[int, str], ...]) -> list[tuple[int, str]]:
    """The reference lines found in none of the document's blocks, footnotes and furniture.

    Each line is looked for (as letters and digits) in the concatenated output, nearest after
    where the line before it was found, and the text it matched is used up, so two lines cannot
    both be accounted for by one copy. A line the reader cut in two (a masthead's "United
    Nations S/2016/1061") counts when both parts are found. A line whose text repeats (running
    titles, set phrases) counts when the output holds it at least as often as the reference.
    A line that runs across a table's cells (a table is read cell by cell) counts when one table
    block holds each of its words."""
    parts = [(block.number or "") + block.text for block in document.blocks]
    tables = [Counter(map(letters, block.text.split())) for block in document.blocks if block.kind is BlockKind.TABLE]
    parts += [note.mark + note.text for note in document.footnotes]
    parts += [item.text for item in document.furniture]
    original = "\x00".join(letters(part) for part in parts)
    haystack = original
    wanted = Counter(letters(text) for _page, text in reference)
    cursor = 0

    def take(needle: str) -> bool:
        nonlocal haystack, cursor
        k = haystack.find(needle, cursor)
        if k < 0:
            k = haystack.find(needle)
        if k < 0:
            return False
        haystack = haystack[:k] + "\x00" * len(needle) + haystack[k + len(needle):]
        cursor = k + len(needle)
        return True

    lost = []
    for page, text in reference:
        needle = letters(text)
        if not needle or take(needle) or original.count(needle) >= wanted[needle]:
            continue
        words = text.split()
        for cut in range(len(words) - 1, 0, -1):
            head, tail = letters(" ".join(words[:cut])), letters(" ".join(words[cut:]))
            if head and tail and head in haystack and tail in haystack:
                take(head)
                take(tail)
                break
        else:
            words = Counter(map(letters, text.split()))
            if not any(all(table[w] >= n for w, n in words.items()) for table in tables):
                lost.append((page, text))
    return lost


@pytest.mark.parametrize("path", UN_PDFS, ids=lambda p: p.name)
def test_every_line_of_a_real_un_pdf_is_in_a_block_a_footnote_or_the_furniture(path):
    """No line of PDFium's text of the page is dropped in silence: each is in the body, in a
    footnote, or in the furniture list with its page and reason."""
    document = parsed(path)
    assert lost_lines(document, pdfium_text(path)) == []


def test_the_conservation_check_sees_a_lost_line():
    """The check itself fails when a line is missing (a block taken out of a real document)."""
    path = REAL / "un-pdf" / "S_2016_1061-EN.pdf"
    document = parsed(path)
    longest = max(document.blocks, key=lambda b: len(b.text))
    cut = dataclasses.replace(document, blocks=tuple(b for b in document.blocks if b is not longest))
    assert lost_lines(cut, pdfium_text(path))


# Every PDF of the shared corpus with a text layer: the real UN and other PDFs, the declarations
# and the corpus PDFs made by other people's tools (LaTeX, a court's transcript, the Federal
# Register, a page in Arabic).
CORPUS_PDFS = sorted(p for p in [*REAL.rglob("*.pdf"), *(REAL.parent / "pdf").glob("*.pdf")]
                     if "2758_XXVI-RU" not in p.name and "password" not in p.name)


def missing_characters(document: Document, reference: tuple[tuple[int, str], ...]) -> Counter[str]:
    """The letters and digits of PDFium's text found nowhere in the document's blocks (with their
    numbers), footnotes and furniture, counted: what a reader lost whatever the layout (the line
    check above reads lines across columns and table cells as PDFium orders them)."""
    wanted = Counter(letters(" ".join(text for _page, text in reference)))
    parts = [f"{block.number or ''} {block.text}" for block in document.blocks]
    parts += [f"{note.mark} {note.text}" for note in document.footnotes]
    parts += [item.text for item in document.furniture]
    return wanted - Counter(letters(" ".join(parts)))


@pytest.mark.parametrize("path", CORPUS_PDFS, ids=lambda p: p.name)
def test_no_character_of_a_corpus_pdf_is_lost(path):
    """Every letter and digit PDFium reads on the pages is in a block, a footnote or the furniture,
    as often as PDFium reads it, in every PDF of the corpus, whatever made it (no character was
    lost either in 113 PDFs of PyPI packages' test data with text, checked once the same way)."""
    assert missing_characters(parsed(path), pdfium_text(path)) == Counter()


def test_the_character_check_sees_a_lost_word():
    """The count itself fails when one word of a real document is taken out."""
    path = REAL / "other-pdf" / "court-missouri.pdf"
    document = parsed(path)
    block = max(document.blocks, key=lambda b: len(b.text))
    cut = dataclasses.replace(document, blocks=tuple(dataclasses.replace(b, text=b.text.replace(" the ", " ", 1))
                                                     if b is block else b for b in document.blocks))
    assert missing_characters(cut, pdfium_text(path)) == Counter({"t": 1, "h": 1, "e": 1})


@pytest.mark.parametrize("path", [REAL / "other-pdf" / "eu-002.pdf", REAL / "other-pdf" / "eu-004.pdf"],
                         ids=lambda p: p.name)
def test_every_line_of_a_report_with_ruled_tables_is_somewhere(path):
    """Reports whose ruled tables are read cell by cell: no line is lost either (a line across
    cells counts when one table holds its words). Not here: eu-016, whose chart's axis labels
    ("0-4 5-14 … ≥65") come out one block each, and the Federal Register, whose margin stamp
    PDFium's lines run into: the line-by-line check cannot follow either."""
    document = parsed(path)
    assert any(block.kind is BlockKind.TABLE for block in document.blocks)
    assert lost_lines(document, pdfium_text(path)) == []


@pytest.mark.parametrize("path", UN_PDFS, ids=lambda p: p.name)
def test_running_lines_of_a_real_un_pdf_are_reported_with_page_and_reason(path):
    """The job number, symbol and page numbers of every page are in the furniture, each with a
    page and a reason; none of them is left in a block."""
    document = parsed(path)
    assert document.furniture
    assert all(item.page and item.text and item.why for item in document.furniture)
    reasons = {item.why for item in document.furniture}
    assert any("job number" in why or "document symbol" in why for why in reasons)
    for block in document.blocks:
        assert not re.fullmatch(r"\d{1,3}/\d{1,3}(?: \d{2}-\d{5})?|\d{2}-\d{5}(?: \d{1,3}/\d{1,3})?", block.text)


def test_a_symbol_in_a_list_of_references_is_body_text():
    """`S/PRST/2016/3,` ending a line of references in S/2016/1061 stays in its paragraph."""
    document = parsed(REAL / "un-pdf" / "S_2016_1061-EN.pdf")
    assert any("S/PRST/2016/3," in block.text for block in document.blocks)
    assert not any("S/PRST/2016/3" in item.text for item in document.furniture)


_WORD = re.compile(r"\w+")


def split_words(document: Document, reference: tuple[tuple[int, str], ...]) -> list[str]:
    """Pairs of adjacent tokens of a block or footnote that PDFium's text writes as one word and
    never apart ("wit h", "Confere nce")."""
    text = re.sub(r"\s+", " ", " ".join(line for _page, line in reference))
    words = set(_WORD.findall(text))
    found = []
    for body in [block.text for block in document.blocks] + [note.text for note in document.footnotes]:
        tokens = body.split()
        for left, right in zip(tokens, tokens[1:], strict=False):
            tail, head = _WORD.findall(left), _WORD.findall(right)
            if not tail or not head or not left.endswith(tail[-1]) or not right.startswith(head[0]):
                continue
            if tail[-1] + head[0] in words and f"{tail[-1]} {head[0]}" not in text:
                found.append(f"{tail[-1]} {head[0]}")
    return found


@pytest.mark.parametrize("path", UN_PDFS, ids=lambda p: p.name)
def test_no_word_of_a_real_un_pdf_is_split_by_a_stray_space(path):
    """Word spaces come from the file's spaces and its fonts' space widths: no two adjacent
    tokens are one word in PDFium's text (208 such splits in 28 files with a fixed 0.1 em gap)."""
    document = parsed(path)
    assert split_words(document, pdfium_text(path)) == []
    # PDFium's own text has "people -centred" and "information -" (a space it generates before a
    # hyphen): the reader has such a space only where the file has a space glyph ("follow -up")
    spaced = file_text(path)
    texts = [block.text for block in document.blocks] + [note.text for note in document.footnotes]
    assert [m.group(0) for text in texts for m in re.finditer(r"\w+ -\w+", text) if m.group(0) not in spaced] == []


_SUSPENDED = re.compile(r"(\w+)- ?(and|or|nor|to)\b")


def closed_suspended_hyphens(document: Document, reference: tuple[tuple[int, str], ...]) -> list[str]:
    """Suspended hyphens that PDFium's text sets before a space ("troop- and police-contributing",
    "low- and middle-income") and the reader closes up ("troop-and")."""
    text = re.sub(r"\s+", " ", " ".join(line for _page, line in reference))
    spaced = {m.group(0) for m in _SUSPENDED.finditer(text) if "- " in m.group(0)}
    bodies = [block.text for block in document.blocks] + [note.text for note in document.footnotes]
    return [m.group(0) for body in bodies for m in _SUSPENDED.finditer(body)
            if "- " not in m.group(0) and f"{m.group(1)}- {m.group(2)}" in spaced]


@pytest.mark.parametrize("path", UN_PDFS, ids=lambda p: p.name)
def test_a_suspended_hyphen_keeps_the_space_after_it(path):
    """A gap after a hyphen is judged as any gap ("troop- and police-contributing countries",
    in 11 of the real UN PDFs, read "troop-and" before); only a gap before one is no word space
    ("people -centred")."""
    assert closed_suspended_hyphens(parsed(path), pdfium_text(path)) == []


def test_the_suspended_hyphen_check_sees_one_closed_up():
    path = REAL / "un-pdf" / "S_2018_693-EN.pdf"
    closed = planted(parsed(path), "troop- and police", "troop-and police")
    assert closed_suspended_hyphens(closed, pdfium_text(path)) == ["troop-and"]


def _pages_of(path: Path, pages: list[int], folder: Path) -> Path:
    """A PDF of some pages of `path` (PDFium copies them as they are: content, fonts, text)."""
    source, copy = pdfium.PdfDocument(str(path)), pdfium.PdfDocument.new()
    try:
        copy.import_pages(source, pages)
        out = folder / f"{path.stem}-{'-'.join(map(str, pages[:2]))}.pdf"
        copy.save(str(out))
        return out
    finally:
        copy.close()
        source.close()


@pytest.mark.parametrize("part", ["first page", "from the second page"])
@pytest.mark.parametrize("path", UN_PDFS, ids=lambda p: p.name)
def test_part_of_a_real_un_pdf_is_read_as_faithfully_as_the_whole(path, part, tmp_path):
    """Documents the reader has not seen, cut from real ones: the first page alone (a one-page
    document: no running line repeats) and the pages after it (no masthead, the first paragraph
    begun elsewhere). No line is lost, no word split, none run together, and the operative
    paragraphs that are there are numbered without a gap."""
    source = pdfium.PdfDocument(str(path))
    count = len(source)
    source.close()
    if part == "from the second page" and count < 2:
        pytest.skip("a one-page document")
    piece = _pages_of(path, [0] if part == "first page" else list(range(1, count)), tmp_path)
    document, reference = parse_file(str(piece)), pdfium_text(piece)
    assert lost_lines(document, reference) == []
    assert split_words(document, reference) == []
    assert joined_words(document, reference) == []
    numbers = [int(b.number) for b in document.blocks if b.kind is BlockKind.OPERATIVE and b.number]
    if numbers:
        assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))


@pytest.mark.parametrize("path", UN_PDFS, ids=lambda p: p.name)
def test_each_page_of_a_real_un_pdf_alone_is_read_as_faithfully_as_the_whole(path, tmp_path):
    """Every page as a document of its own (a middle page starts and ends inside paragraphs, a
    last page may hold only signatures or a footnote): no line lost, no word split, none run
    together."""
    source = pdfium.PdfDocument(str(path))
    count = len(source)
    source.close()
    for index in range(count):
        piece = _pages_of(path, [index], tmp_path)
        document, reference = parse_file(str(piece)), pdfium_text(piece)
        assert (index + 1, lost_lines(document, reference), split_words(document, reference),
                joined_words(document, reference)) == (index + 1, [], [], [])


@pytest.mark.parametrize("path", UN_PDFS, ids=lambda p: p.name)
def test_two_real_un_pdfs_bound_as_one_are_read_as_faithfully_as_each(path, tmp_path):
    """A document the reader has not seen: two UN documents bound as one (a letter and its annex
    from another office, a compilation), running lines and fonts changing midway. The second is
    the one seven places on in the corpus (different years, series and running lines)."""
    other = UN_PDFS[(UN_PDFS.index(path) + 7) % len(UN_PDFS)]
    bound = pdfium.PdfDocument.new()
    try:
        for part in (path, other):
            source = pdfium.PdfDocument(str(part))
            bound.import_pages(source)
            source.close()
        out = tmp_path / f"{path.stem}+{other.stem}.pdf"
        bound.save(str(out))
    finally:
        bound.close()
    document, reference = parse_file(str(out)), pdfium_text(out)
    assert lost_lines(document, reference) == []
    assert split_words(document, reference) == []
    assert joined_words(document, reference) == []


# The UN PDF whose text is an invisible layer over a scan (OCR): a rewrite draws no invisible text.
_INVISIBLE_TEXT = "A_L.632-EN-1971.pdf"


def _reading(document: Document, text: Callable[[str], str] = str) -> tuple[object, ...]:
    """What a rewritten or turned copy of a file must read as the original does, each text as
    `text` gives it."""
    return ([(b.kind, b.number, text(b.text), b.footnote_marks, b.label) for b in document.blocks],
            [(n.mark, text(n.text), n.page) for n in document.footnotes],
            [(f.page, text(f.text), f.why) for f in document.furniture], document.warnings)


@pytest.mark.skipif(shutil.which("pdftocairo") is None, reason="poppler-utils not installed (make test installs it)")
@pytest.mark.parametrize("path", [p for p in UN_PDFS if p.name != _INVISIBLE_TEXT], ids=lambda p: p.name)
def test_a_real_un_pdf_written_again_by_another_program_reads_the_same(path, tmp_path):
    """A file the reader has not seen, of a text it has: the same pages written by another PDF
    writer (poppler's pdftocairo). Every glyph is set at size 1 and scaled by its matrix, the
    fonts are new subsets, the text objects are cut elsewhere (105 for 175 on a page of
    S/2018/693), and a space stands at the margin before each note's call. The blocks (kind,
    number, text, marks, label), the notes, the furniture and the warnings are the original's."""
    rewritten = tmp_path / path.name
    subprocess.run(["pdftocairo", "-pdf", str(path), str(rewritten)], check=True, capture_output=True, timeout=120)
    assert _reading(parse_file(str(rewritten))) == _reading(parsed(path))


@pytest.mark.skipif(shutil.which("pdftocairo") is None, reason="poppler-utils not installed (make test installs it)")
def test_a_character_whose_font_map_gives_a_c1_control_is_read_as_its_windows_code(tmp_path):
    """pdftocairo's rewrite of an EU report maps its apostrophe to U+0092, a control character
    that is never text: it is read as the Windows code it is ("Finland’s"), as in the original."""
    path = REAL / "other-pdf" / "eu-012.pdf"
    rewritten = tmp_path / path.name
    subprocess.run(["pdftocairo", "-pdf", str(path), str(rewritten)], check=True, capture_output=True, timeout=120)
    texts = [block.text for block in parse_file(str(rewritten)).blocks]
    assert [t for t in texts if re.search("[\x80-\x9f]", t)] == []
    assert texts == [block.text for block in parsed(path).blocks]


def _turned(path: Path, degrees: int, out: Path) -> Path:
    """A copy of `path` whose pages the file turns `degrees` clockwise for display (/Rotate)."""
    document = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(document)):
            document[index].set_rotation(degrees)
        document.save(str(out))
        return out
    finally:
        document.close()


@pytest.mark.parametrize("path", [p for p in UN_PDFS if p.name != _INVISIBLE_TEXT], ids=lambda p: p.name)
def test_a_real_un_pdf_whose_pages_are_shown_turned_reads_the_same(path, tmp_path):
    """Pages turned for display only (/Rotate 270, as a viewer's "rotate and save" leaves them):
    the text is read as drawn, the running lines found at the page's own top and bottom (before,
    the page was measured as shown: in 5 of the Security Council PDFs a footer went into the text)."""
    assert _reading(parse_file(str(_turned(path, 270, tmp_path / path.name)))) == _reading(parsed(path))


@pytest.mark.skipif(shutil.which("pdftocairo") is None, reason="poppler-utils not installed (make test installs it)")
@pytest.mark.parametrize("path", [p for p in UN_PDFS if p.name != _INVISIBLE_TEXT], ids=lambda p: p.name)
def test_a_real_un_pdf_set_as_landscape_pages_turned_upright_reads_the_same(path, tmp_path):
    """Landscape pages as PostScript converters write them: the content drawn turned a quarter on
    the sheet, and /Rotate turning the page back upright for display. Made here by showing the
    pages turned (/Rotate 90), having pdftocairo draw them as shown, and turning that back
    (/Rotate 270): it looks like the original. All its text stands turned in the file's own space;
    it was set aside as turned text, and the reader said the PDF had no text (scanned?)."""
    drawn = tmp_path / "drawn.pdf"
    subprocess.run(["pdftocairo", "-pdf", str(_turned(path, 90, tmp_path / "shown.pdf")), str(drawn)], check=True,
                   capture_output=True, timeout=120)
    landscape = _turned(drawn, 270, tmp_path / path.name)
    assert _reading(parse_file(str(landscape))) == _reading(parsed(path))


@pytest.mark.skipif(shutil.which("pdftocairo") is None, reason="poppler-utils not installed (make test installs it)")
@pytest.mark.parametrize("path", [p for p in UN_PDFS if p.name != _INVISIBLE_TEXT], ids=lambda p: p.name)
def test_a_page_set_sideways_in_a_real_un_pdf_is_read_upright(path, tmp_path):
    """A page set sideways (a wide table on a portrait document): the middle page drawn turned a
    quarter on a landscape sheet, which the file does not turn back. Its text was set aside as
    turned text; the page is now read turned upright and the document reads as the original."""
    source = pdfium.PdfDocument(str(path))
    count = len(source)
    source.close()
    if count < 3:
        pytest.skip("fewer than three pages")
    middle = count // 2
    sideways = tmp_path / "sideways.pdf"
    subprocess.run(["pdftocairo", "-pdf", "-f", str(middle + 1), "-l", str(middle + 1),
                    str(_turned(path, 90, tmp_path / "shown.pdf")), str(sideways)], check=True, capture_output=True,
                   timeout=120)
    bound = pdfium.PdfDocument.new()
    try:
        for part, pages in ((path, range(middle)), (sideways, [0]), (path, range(middle + 1, count))):
            document = pdfium.PdfDocument(str(part))
            bound.import_pages(document, list(pages))
            document.close()
        out = tmp_path / path.name
        bound.save(str(out))
    finally:
        bound.close()
    assert _reading(parse_file(str(out))) == _reading(parsed(path))


# Paper sizes a Letter page may be printed onto, "fit to page": scaled to fit, centred.
_PAPERS = {"A4": (595.0, 842.0), "A3": (842.0, 1191.0)}


@pytest.mark.parametrize("paper", sorted(_PAPERS))
@pytest.mark.parametrize("path", [p for p in UN_PDFS if p.name != _INVISIBLE_TEXT], ids=lambda p: p.name)
def test_a_real_un_pdf_printed_to_fit_other_paper_reads_the_same(path, paper, tmp_path):
    """Each page drawn scaled to fit A4 or A3 paper and centred, as printing to PDF with "fit to
    page" does: a Letter page on A4 is scaled by 0.972 and moved 36 pt down, on A3 scaled by 1.376
    and moved 50 pt down. The running lines then stand further from the paper's edge than the
    band of a tenth of its height where they are looked for: before, every one of these files
    read otherwise (symbols on later pages read as headings, job numbers as text, paragraphs cut
    by them at page breaks)."""
    paper_width, paper_height = _PAPERS[paper]

    def fitted(width: float, height: float) -> tuple[tuple[float, float, float, float], pdfium.PdfMatrix]:
        scale = min(paper_width / width, paper_height / height)
        return (0, 0, paper_width, paper_height), pdfium.PdfMatrix().scale(scale, scale).translate(
            (paper_width - scale * width) / 2, (paper_height - scale * height) / 2)

    out = _redrawn(path, tmp_path / path.name, fitted)
    assert _reading(parse_file(str(out))) == _reading(parsed(path))


@pytest.mark.parametrize("path", [p for p in UN_PDFS if p.name != _INVISIBLE_TEXT], ids=lambda p: p.name)
def test_a_real_un_pdf_on_pages_placed_away_from_the_origin_reads_the_same(path, tmp_path):
    """Each page drawn (as a form) on a page whose box starts at (200, 300), not at the origin, as
    a PDF may place it: the reader measures from the page's box. Before, every page was measured
    from the origin, and every one of these files read otherwise."""
    def placed(width: float, height: float) -> tuple[tuple[float, float, float, float], pdfium.PdfMatrix]:
        return (200, 300, 200 + width, 300 + height), pdfium.PdfMatrix().translate(200, 300)

    out = _redrawn(path, tmp_path / path.name, placed)
    assert _reading(parse_file(str(out))) == _reading(parsed(path))


def _redrawn(path: Path, out: Path,
             place: Callable[[float, float], tuple[tuple[float, float, float, float], pdfium.PdfMatrix]]) -> Path:
    """Each page of the PDF drawn as a form on a page of a new PDF saved at `out`: `place(width,
    height)` gives the new page's box (left, bottom, right, top) and the form's matrix."""
    source, drawn = pdfium.PdfDocument(str(path)), pdfium.PdfDocument.new()
    try:
        for index in range(len(source)):
            (left, bottom, right, top), matrix = place(*source[index].get_size())
            page = drawn.new_page(right - left, top - bottom)
            page.set_mediabox(left, bottom, right, top)
            form = source.page_as_xobject(index, drawn).as_pageobject()
            form.transform(matrix)
            page.insert_obj(form)
            page.gen_content()
        drawn.save(str(out))
    finally:
        drawn.close()
        source.close()
    return out


def test_a_page_s_first_lines_under_a_tight_crop_box_are_text(tmp_path):
    """S/2023/970 with a crop box 20 pt in from every side: page 2's first operative paragraph
    then stands in the top band, in 10 pt where the document's commonest size is its 12 pt
    sponsor list, and it was taken for a running title. A running title is smaller than the text
    of its own page; the page reads as the original."""
    path = REAL / "un-pdf" / "S_2023_970-EN.pdf"
    document = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(document)):
            page = document[index]
            left, bottom, right, top = page.get_mediabox()
            page.set_cropbox(left + 20, bottom + 20, right - 20, top - 20)
        cropped = tmp_path / path.name
        document.save(str(cropped))
    finally:
        document.close()
    assert _reading(parse_file(str(cropped))) == _reading(parsed(path))


# Ghostscript's text layer maps the curly quotes of the UN PDFs' unembedded Times to "<", "=", "8"
# and "9" (pdftotext reads the same): its rewrite is compared with those folded.
_GHOSTSCRIPT_QUOTES = str.maketrans({"“": "<", "”": "=", "‘": "8", "’": "9"})
# Quick to rewrite (0.3-1.3 s each), and each read with other paragraphs or kinds before.
_GHOSTSCRIPT_SAMPLE = ["S_2016_1061-EN.pdf", "S_2016_1100-EN.pdf", "S_2017_142-EN.pdf", "S_2023_970-EN.pdf",
                       "S_2024_835-EN.pdf", "A_RES_73_8-EN.pdf"]


@pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript not installed (make test installs it)")
@pytest.mark.parametrize("name", _GHOSTSCRIPT_SAMPLE)
def test_a_real_un_pdf_written_again_by_ghostscript_reads_the_same(name, tmp_path):
    """Another writer, which many PDFs pass through (ps2pdf, print queues, "reduce file size"):
    Ghostscript's pdfwrite. It states font stem widths from which PDFium derives a weight of 1340
    for regular Times and 936 for its italic: read as bold, they made paragraphs break at every
    change of weight and short lines headings. The blocks, notes and furniture are the original's."""
    path = REAL / "un-pdf" / name
    rewritten = tmp_path / name
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", f"-sOutputFile={rewritten}",
                    str(path)], check=True, capture_output=True, timeout=120)

    def reading(document: Document) -> tuple[object, ...]:
        return ([(b.kind, b.number, b.text.translate(_GHOSTSCRIPT_QUOTES)) for b in document.blocks],
                [(n.mark, n.text.translate(_GHOSTSCRIPT_QUOTES)) for n in document.footnotes],
                [(f.page, f.text, f.why) for f in document.furniture])

    assert reading(parse_file(str(rewritten))) == reading(parsed(path))


def _add_text(document: pdfium.PdfDocument, page: pdfium.PdfPage, text: str, font: bytes, size: float,
              matrix: tuple[float, float, float, float, float, float], grey: int = 0, invisible: bool = False) -> Any:
    """`text` in a standard `font` at `size`, placed by `matrix`, drawn on the page over what it
    holds (the page's content is written again by the caller), or drawn invisible as an OCR
    layer's text is; the text object."""
    added = pdfium_c.FPDFPageObj_NewTextObj(document.raw, font, size)
    buffer = ctypes.create_string_buffer(f"{text}\0".encode("utf-16-le"))
    pdfium_c.FPDFText_SetText(added, ctypes.cast(buffer, pdfium_c.FPDF_WIDESTRING))
    pdfium_c.FPDFPageObj_SetFillColor(added, grey, grey, grey, 255)
    if invisible:
        pdfium_c.FPDFTextObj_SetTextRenderMode(added, pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE)
    pdfium_c.FPDFPageObj_Transform(added, *matrix)
    pdfium_c.FPDFPage_InsertObject(page.raw, added)
    return added


def _watermarked(path: Path, angle: float, out: Path) -> Path:
    """The PDF with "DRAFT" set in 96 pt light grey Helvetica across each page, turned `angle`
    degrees, drawn last (over the text), as a watermark is."""
    document = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            turn = math.radians(angle)
            _add_text(document, page, "DRAFT", b"Helvetica-Bold", 96.0,
                      (math.cos(turn), math.sin(turn), -math.sin(turn), math.cos(turn), 0.2 * width, 0.4 * height),
                      grey=200)
            pdfium_c.FPDFPage_GenerateContent(page.raw)
        document.save(str(out))
    finally:
        document.close()
    return out


@pytest.mark.parametrize(("angle", "why"), [(45, "rotated text"), (0, "watermark")])
@pytest.mark.parametrize("path", [p for p in UN_PDFS if p.name != _INVISIBLE_TEXT], ids=lambda p: p.name)
def test_a_watermark_across_a_real_un_pdf_is_furniture(path, angle, why, tmp_path):
    """A draft marked "DRAFT" across every page, diagonally or level, in large letters drawn over
    the text. Before, every one of these files read otherwise: each letter, on its own height,
    went into a line it crossed ("navigEatxiponre"). Now the letters are furniture (text at an
    angle; level text drawn over the page's text, the same where it stands over none) and the
    text reads as the original's."""
    document = parse_file(str(_watermarked(path, angle, tmp_path / path.name)))
    marks = [f for f in document.furniture if f.why == why]
    assert [(f.page, f.text) for f in marks] == [(n, "DRAFT") for n in range(1, document.pages + 1)]
    unmarked = dataclasses.replace(document, furniture=tuple(f for f in document.furniture if f not in marks))
    assert _reading(unmarked) == _reading(parsed(path))


# Scans are read at this resolution (dots per inch): 150-300 is what office scanners give.
_SCAN_DPI = 200


def _scanned(path: Path, out: Path, skew: float = 0.0, pages: tuple[int, int] | None = None,
             dpi: int = _SCAN_DPI, language: str = "eng") -> Path:
    """The PDF printed and scanned at `dpi` (`skew` degrees askew; only `pages`, first and last,
    when given) and read by OCR in `language` (tesseract, as ocrmypdf runs it), saved in `out`."""
    first_last = ["-f", str(pages[0]), "-l", str(pages[1])] if pages else []
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", *first_last, str(path), str(out / "page")],
                   check=True, capture_output=True, timeout=120)
    scanned = pdfium.PdfDocument.new()
    try:
        for image in sorted(out.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[1])):
            with Image.open(image) as page:
                page.rotate(skew, fillcolor=255).save(image, dpi=(dpi, dpi))
            subprocess.run(["tesseract", str(image), str(image.with_suffix("")), "-l", language, "pdf"], check=True,
                           capture_output=True, timeout=300, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
            scan = pdfium.PdfDocument(str(image.with_suffix(".pdf")))
            scanned.import_pages(scan)
            scan.close()
        scanned.save(str(out / path.name))
    finally:
        scanned.close()
    return out / path.name


_OCR_TOOLS = pytest.mark.skipif(shutil.which("tesseract") is None or shutil.which("pdftoppm") is None,
                                reason="tesseract or poppler-utils not installed (make test installs them)")


@_OCR_TOOLS
@pytest.mark.parametrize("skew", [0.0, 1.5])
@pytest.mark.parametrize("name", ["S_2018_341-EN.pdf", "S_2022_443-EN.pdf", "S_2024_37-EN.pdf", "S_2023_970-EN.pdf"])
def test_a_scan_of_a_real_un_pdf_with_an_ocr_layer_keeps_its_paragraphs(name, skew, tmp_path):
    """A printed draft scanned, straight or 1.5 degrees askew, and read by OCR (tesseract, as
    ocrmypdf runs it). Its text layer is invisible, each line sized to its height on the scan (8,
    9 or 10 pt within one paragraph), each word set along its line's slope. The sizes broke
    paragraphs (S/2024/37's operative 1 read as three); on the askew scan a line climbs 9 pt, and
    the lines fell apart into pieces out of order. On the sparse second page of S/2023/970 the OCR
    sets each word level where it stands on the sloping line: the slope is read from the words'
    places; on its first page the sponsor list, sized larger than the text, outweighed it, and the
    text's 8 pt lines cut its paragraphs. The OCR's own misreadings aside, the preambular and
    operative paragraphs are the original's."""
    path = REAL / "un-pdf" / name
    scan = _scanned(path, tmp_path, skew)

    def paragraphs(document: Document) -> list[tuple[BlockKind, str | None]]:
        return [(b.kind, b.number) for b in document.blocks if b.kind in (BlockKind.PREAMBLE, BlockKind.OPERATIVE)]

    assert paragraphs(parse_file(str(scan))) == paragraphs(parsed(path))


@_OCR_TOOLS
@pytest.mark.parametrize(("name", "cut"), [
    ("A_RES_73_8-EN.pdf", "Recalling its resolutions 47/19"),
    ("S_2021_1075-EN.pdf", "Recognizing that arms embargoes"),
    ("S_2019_179-EN.pdf", "Noting that Africa still faces enormous challenges"),
])
def test_a_barcode_and_logo_read_as_letters_at_a_scans_foot_are_furniture(name, cut, tmp_path):
    """The first page of a UN document ends with its job number, a barcode and the "Please recycle"
    logo; OCR reads them as letters ("ease ret a", "{IOUT YA OD A A"). They are furniture, with
    their page and why, so the paragraph the page break cuts is whole: it was cut in two at the
    noise, or the noise was joined to its end ("... peacekeepers and ease ret a humanitarian")."""
    from parsers.pdf.ocr_noise import NOISE

    path = REAL / "un-pdf" / name
    document = parse_file(str(_scanned(path, tmp_path, pages=(1, 2))))
    original = next(b for b in parsed(path).blocks if b.text.startswith(cut))
    whole = next(b for b in document.blocks if letters(b.text).startswith(letters(cut)))
    # the OCR's own misreadings aside: the same words, none added
    assert len(whole.text.split()) == len(original.text.split())
    assert letters(whole.text)[-30:] == letters(original.text)[-30:]
    noise = [f for f in document.furniture if f.why == NOISE]
    assert noise and {f.page for f in noise} == {1}


@_OCR_TOOLS
@pytest.mark.parametrize("name", ["A_RES_73_7-EN.pdf", "A_RES_73_6-EN.pdf"])
def test_the_notes_of_a_scanned_un_pdf_are_its_notes(name, tmp_path):
    """A resolution with notes, printed, scanned and read by OCR. The OCR sizes a note's first line
    as the text's, drops the separator rule and reads the raised marks as other characters ("'"
    for 1, "©" for 6, "°" for 9). Before, the notes were body paragraphs (three of nine found),
    and they cut the paragraphs that a page break splits (73/7: 42 preambular and operative
    paragraphs for 41). Now the notes are the original's, numbered as printed, each misread mark
    said in a warning, and the paragraphs are the original's."""
    path = REAL / "un-pdf" / name
    document = parse_file(str(_scanned(path, tmp_path)))
    original = parsed(path)
    assert [(n.mark, n.page) for n in document.footnotes] == [(n.mark, n.page) for n in original.footnotes]
    for note, printed in zip(document.footnotes, original.footnotes, strict=True):
        assert fuzz.ratio(note.text, printed.text) >= 90, (note, printed)  # the OCR's own misreadings aside

    def paragraphs(document: Document) -> list[tuple[BlockKind, str | None]]:
        return [(b.kind, b.number) for b in document.blocks if b.kind in (BlockKind.PREAMBLE, BlockKind.OPERATIVE)]

    assert paragraphs(document) == paragraphs(original)
    said = [w for w in document.warnings if w.startswith("note marks read from what looks like an OCR misreading")]
    assert len(said) == 1 and '"\'" as 1' in said[0]


@_OCR_TOOLS
@pytest.mark.parametrize(("name", "body"), [("A_RES_73_8-EN.pdf", "General Assembly"), ("S_2024_400-EN.pdf", "Security Council")])
def test_the_un_emblem_read_as_letters_beside_a_scans_masthead_is_furniture(name, body, tmp_path):
    """OCR reads the UN emblem left of a masthead as letters, before the body's name and the date
    and on lines of their own ("M) General Assembly", "(", "S24"), which were headings. They are
    furniture, and the masthead reads as printed: every block of the first page has a word."""
    from parsers.pdf.ocr_noise import EMBLEM

    document = parse_file(str(_scanned(REAL / "un-pdf" / name, tmp_path, pages=(1, 1))))
    assert document.blocks[0].text == "United Nations" and document.blocks[1].text.startswith(body)
    assert all(re.search(r"[^\W\d_]{3}", b.text) for b in document.blocks)
    assert [f for f in document.furniture if f.why == EMBLEM]


def _line_numbered(path: Path, out: Path, every: int, restart: bool) -> list[tuple[int, str]]:
    """The PDF with its body lines numbered in the margin as Word numbers them (each number's right
    edge a quarter inch left of the text's left margin, on its line's baseline; every `every`th
    line, from 1 on each page when `restart`), saved at `out`; the numbers set, by page."""
    source = pdfium.PdfDocument(str(path))
    try:
        pages = list(pdfium_pages(source))
    finally:
        source.close()
    spaces = space_widths(pages)
    body = [[line for line in page_lines(page, spaces) if line.size <= 11 and 70 < line.baseline < page.height - 80
             and line.x0 >= 100] for page in pages]
    margin = min(line.x0 for lines in body for line in lines)
    document = pdfium.PdfDocument(str(path))
    numbers: list[tuple[int, str]] = []
    count = 0
    try:
        for index, lines in enumerate(body):
            page = document[index]
            height = page.get_size()[1]
            count = 0 if restart else count
            for line in lines:
                if index == 0 and line.baseline < 200:  # the masthead and title: Word numbers no table
                    continue
                count += 1
                if count % every:
                    continue
                _add_text(document, page, str(count), b"Times-Roman", 10.0,
                          (1, 0, 0, 1, margin - 18 - 5 * len(str(count)), height - line.baseline))
                numbers.append((index + 1, str(count)))
            pdfium_c.FPDFPage_GenerateContent(page.raw)
        document.save(str(out))
    finally:
        document.close()
    return numbers


@pytest.mark.parametrize(("every", "restart"), [(1, False), (5, True)])
@pytest.mark.parametrize("path", [p for p in UN_PDFS if p.name != _INVISIBLE_TEXT], ids=lambda p: p.name)
def test_a_real_un_pdf_with_line_numbers_reads_the_same(path, every, restart, tmp_path):
    """A negotiated draft carries line numbers ("line 35, delete 'strongly'"): every line or every
    fifth, running on or from 1 on each page. Before, every one of these files read otherwise:
    each number was its line's first word or a line of its own, and every numbered line broke its
    paragraph. The numbers are furniture, and the text reads as the original's."""
    numbers = _line_numbered(path, tmp_path / path.name, every, restart)
    document = parse_file(str(tmp_path / path.name))
    set_aside = [(f.page, f.text) for f in document.furniture if f.why == "line number"]
    assert set_aside == numbers
    unnumbered = dataclasses.replace(document, furniture=tuple(f for f in document.furniture if f.why != "line number"))
    assert _reading(unnumbered) == _reading(parsed(path))


def test_a_court_transcript_s_line_numbers_are_furniture():
    """A real transcript (not made here, and read before line numbers were looked for) numbers its
    25 lines in the margin, blank ones too: they are set aside, and no block holds one."""
    document = parse_file(str(REAL.parent / "pdf" / "scotus-transcript-p1.pdf"))
    assert [f.text for f in document.furniture if f.why == "line number"] == [str(n) for n in range(1, 26)]
    texts = [block.text for block in document.blocks]
    assert not any(text.isdigit() for text in texts)
    for text in ("MICHAEL A. KNOWLES,\t:", "Washington, D.C.", "Tuesday, January 13, 2009", "APPEARANCES:",
                 "The above-entitled matter came on for oral argument before the Supreme Court of the United States "
                 "at 1:01 p.m."):
        assert text in texts


def _unspaced(document: Document) -> tuple[object, ...]:
    """`_reading` with every text's spaces left out: where the words are, not where they part."""
    return _reading(document, lambda text: re.sub(r"\s+", "", text))


# MuPDF's rewrites that still read a word split: a gap its widths open inside a word the document
# writes nowhere else whole, between two pieces of two letters or more (parsers.pdf.word_gaps
# cannot tell it from two words), or before a colon (French types a space there).
_MUPDF_SPLITS = {"S_2018_221-EN.pdf": "Process :", "S_2018_693-EN.pdf": "coordina te",
                 "S_2019_179-EN.pdf": "financi al", "S_2020_445-EN.pdf": "UNM AS",
                 "S_2022_158-EN.pdf": "insti tutions"}


@pytest.mark.skipif(shutil.which("mutool") is None, reason="MuPDF's mutool not installed (make test installs it)")
@pytest.mark.parametrize("path", [p for p in UN_PDFS if p.name != _INVISIBLE_TEXT], ids=lambda p: p.name)
def test_a_real_un_pdf_written_again_by_mupdf_reads_the_same_text(path, tmp_path):
    """A third writer, first tried after the fixes for pdftocairo and Ghostscript: MuPDF's
    (`mutool convert`). Its fonts' maps give the hyphen as a soft hyphen (U+00AD), the space as a
    no-break space and ";" as U+037E GREEK QUESTION MARK. Before, every one of these files read
    otherwise, spaces aside ("Secretary-General" as "SecretaryGeneral", job numbers as text).
    The blocks (kind, number, text, marks, label), notes, furniture and warnings are the
    original's, spaces and all, in 38 of the 43 (19 before a gap between letters too narrow to
    tell by its width was settled by the document's words, and a gap before its widened soft
    hyphen, a comma, a closing bracket or an apostrophe was no space; 34 before a lower-case
    letter left alone by such a gap, "o ther", was read as part of its word): MuPDF sets its own
    glyph widths, which moves the gaps inside some words (0.13 em in the original, "ab uses") past
    the smallest word space of the same files (0.15 em, after an "f"). In the other 5
    (`_MUPDF_SPLITS`) the texts are the original's without their spaces."""
    rewritten = tmp_path / path.name
    subprocess.run(["mutool", "convert", "-F", "pdf", "-o", str(rewritten), str(path)], check=True,
                   capture_output=True, timeout=120)
    read = parse_file(str(rewritten))
    if path.name in _MUPDF_SPLITS:
        assert _unspaced(read) == _unspaced(parsed(path))
        assert _MUPDF_SPLITS[path.name] in " ".join(block.text for block in read.blocks)  # still split: say so
    else:
        assert _reading(read) == _reading(parsed(path))


@pytest.mark.skipif(shutil.which("mutool") is None, reason="MuPDF's mutool not installed (make test installs it)")
def test_words_split_by_mupdf_s_glyph_widths_read_whole(tmp_path):
    """Words MuPDF's widths split in a rewrite that still reads one word split ("coordina te",
    which S/2018/693 writes nowhere else): each of these, written whole elsewhere in it, reads as
    one word, as often as in the original."""
    for name, words in (("S_2018_693-EN.pdf", ["abuses", "conduct", "against", "removal"]),):
        rewritten = tmp_path / name
        subprocess.run(["mutool", "convert", "-F", "pdf", "-o", str(rewritten), str(REAL / "un-pdf" / name)],
                       check=True, capture_output=True, timeout=120)
        read = parse_file(str(rewritten))
        tokens = Counter(_WORD.findall(" ".join(block.text for block in read.blocks)))
        original = Counter(_WORD.findall(" ".join(block.text for block in parsed(REAL / "un-pdf" / name).blocks)))
        for word in words:
            assert tokens[word] == original[word] > 0, (name, word)


def test_a_character_canonically_another_reads_as_that_one():
    assert canonical("\u037e") == ";"  # GREEK QUESTION MARK
    assert canonical("\uf900") == "\u8c48"  # a CJK compatibility ideograph: its unified one
    assert canonical("\u2126") == "\u03a9"  # OHM SIGN: Greek capital omega
    assert canonical("é") == "é" and canonical("\u0301") == "\u0301" and canonical("a") == "a"


def test_the_split_word_check_sees_a_split_word():
    """The check fails on a block where a stray space cuts a word in two."""
    path = REAL / "un-pdf" / "S_2022_158-EN.pdf"
    assert split_words(planted(parsed(path), " including ", " includin g "), pdfium_text(path)) == ["includin g"]


@cache
def corpus_words() -> Counter[str]:
    """How often each word of PDFium's text occurs across the real UN PDFs."""
    words: Counter[str] = Counter()
    for path in UN_PDFS:
        words.update(_WORD.findall(" ".join(line for _page, line in pdfium_text(path))))
    return words


def joined_words(document: Document, reference: tuple[tuple[int, str], ...]) -> list[str]:
    """Tokens of a block or footnote that are two words of PDFium's text run together ("ofthe"),
    never one word there, each word found elsewhere too, in this file or another of the corpus
    (PDFium splits some words itself: "peopl e", which the reader rightly joins; a word this file
    has once, "consultations" in S/2018/693, the corpus has again)."""
    text = re.sub(r"\s+", " ", " ".join(line for _page, line in reference))
    words = _WORD.findall(text)
    known = Counter(words) | corpus_words()
    pairs = {a + b: f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if known[a] > 1 and known[b] > 1}
    bodies = [block.text for block in document.blocks] + [note.text for note in document.footnotes]
    return [pairs[w] for body in bodies for w in _WORD.findall(body) if w in pairs and w not in known]


@pytest.mark.parametrize("path", UN_PDFS, ids=lambda p: p.name)
def test_no_two_words_of_a_real_un_pdf_run_together(path):
    """Where italic text gives way to upright text ("of" in italics, then "the"), the italic
    glyph's box leans into the gap: the words stay apart ("ofthe" in S/2018/693 and S/2019/90,
    "ofconsultations" in S/2018/693, where the italic "f" leans furthest)."""
    assert joined_words(parsed(path), pdfium_text(path)) == []


def test_the_joined_word_check_sees_two_words_run_together():
    path = REAL / "un-pdf" / "S_2018_693-EN.pdf"
    assert "of the" in joined_words(planted(parsed(path), " of the ", " ofthe "), pdfium_text(path))


RESOLUTIONS = [p for p in UN_PDFS if p.name.startswith(("S_", "A_RES_", "A_C.3_", "A_L."))]


@pytest.mark.parametrize("path", RESOLUTIONS, ids=lambda p: p.name)
def test_operative_paragraphs_of_a_real_resolution_are_numbered_one_to_n(path):
    """Operative paragraphs come out numbered 1, 2, …, N: no restart (a list inside a paragraph,
    an annex's own numbering) and no gap (a number printed without its period). A resolution's
    only operative paragraph is printed without a number (A/L.632: test_lone_operative)."""
    numbers = [block.number for block in parsed(path).blocks if block.kind is BlockKind.OPERATIVE]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)] or numbers == [None]


def test_a_list_inside_an_operative_paragraph_is_its_sub_items():
    """S/2018/1021 operative 7 ends "the following:" and lists 1-3: they are OP7(1)-(3), and
    operative 8 follows."""
    blocks = parsed(REAL / "un-pdf" / "S_2018_1021-EN.pdf").blocks
    k = next(i for i, b in enumerate(blocks) if b.label == "OP7")
    assert [b.label for b in blocks[k + 1: k + 5]] == ["OP7(1)", "OP7(2)", "OP7(3)", "OP8"]
    assert blocks[k + 1].text.startswith("Resolution of the final status of Abyei")


def test_a_number_without_its_period_is_still_the_paragraph_number():
    """S/2024/400 prints "11 Condemns" without a period: it is operative 11."""
    blocks = parsed(REAL / "un-pdf" / "S_2024_400-EN.pdf").blocks
    eleven = next(b for b in blocks if b.label == "OP11")
    assert eleven.text.startswith("Condemns disinformation")


def test_an_annex_keeps_its_own_numbering_apart_from_the_operative_paragraphs():
    """S/2024/557 has six operative paragraphs, then two annexes numbered from 1: the annexes'
    paragraphs keep their numbers as paragraphs, not operative paragraphs."""
    blocks = parsed(REAL / "un-pdf" / "S_2024_557-EN.pdf").blocks
    assert [b.number for b in blocks if b.kind is BlockKind.OPERATIVE] == ["1", "2", "3", "4", "5", "6"]
    annex = [b for b in blocks if b.kind is BlockKind.PARAGRAPH and b.number]
    assert [b.number for b in annex[:3]] == ["1", "2", "3"] and annex[0].text.startswith("Upon receipt")


@pytest.mark.parametrize("name", ["S_2024_557-EN.pdf", "S_2024_400-EN.pdf", "S_2023_970-EN.pdf", "S_2021_1075-EN.pdf",
                                  "A_L.632-EN-1971.pdf"])
def test_a_sponsor_list_is_one_block(name):
    """The list of sponsors, set ragged over several lines ending in commas, is one block. In
    A/L.632 (1971) it is the scan's text layer, with no bold to hold the lines together: its
    lines up to "Nicaragua," read as one paragraph and the rest ("… and Uruguay: draft
    resolution") as another, the title; the two are the list."""
    blocks = parsed(REAL / "un-pdf" / name).blocks
    opener = next(i for i, b in enumerate(blocks) if b.text.startswith(("The Security Council", "The General Assembly")))
    sponsors = [b for b in blocks[:opener] if b.text.count(",") >= 3]
    assert len(sponsors) == 1
    if name.startswith("A_L."):
        assert sponsors[0].kind is BlockKind.TITLE and sponsors[0].text.endswith("and Uruguay: draft resolution")


@_OCR_TOOLS
@pytest.mark.parametrize(("name", "skew"), [("S_2021_1075-EN.pdf", 0.0), ("S_2023_970-EN.pdf", 0.0),
                                            ("S_2024_557-EN.pdf", 1.5), ("S_2024_400-EN.pdf", 1.5),
                                            ("S_2021_1075-EN.pdf", 1.5)])
def test_a_scanned_sponsor_list_is_one_block(name, skew, tmp_path):
    """The same lists scanned: no bold holds their ragged lines together, and a line wraps inside
    a name ("Venezuela (Bolivarian" / "Republic of), …"). They read in three to five pieces; each
    is one block, the title ending "draft resolution". Scanned askew, the OCR sizes the list's
    lines 10 and 11 pt by turns (9 and 11 once the reader has steadied the sizes): they went on as
    other paragraphs at each change."""
    blocks = parse_file(str(_scanned(REAL / "un-pdf" / name, tmp_path, skew, pages=(1, 1)))).blocks
    opener = next(i for i, b in enumerate(blocks) if b.text.startswith("The Security Council"))
    sponsors = [b for b in blocks[:opener] if b.text.count(",") >= 3]
    assert len(sponsors) == 1 and sponsors[0].text.endswith("draft resolution")


def test_a_paragraph_cut_by_a_page_break_after_a_comma_is_whole():
    """A/RES/73/3 paragraph 6 ends page 2 with "tuberculosis," and goes on at the margin of page
    3 ("HIV and AIDS, …"): one block."""
    blocks = parsed(REAL / "un-pdf" / "A_RES_73_3-EN.pdf").blocks
    six = next(b for b in blocks if b.number == "6")
    assert "heavy burden of tuberculosis, HIV and AIDS, and other co-morbidities" in six.text
    assert not any(b.text.startswith("HIV and AIDS") for b in blocks)


def test_a_running_title_printed_once_is_furniture_and_the_title_one_block():
    """A/RES/73/8 has two pages: the running title at the top of page 2 (smaller than the body)
    is furniture, not two headings; the resolution's title on page 1 is one block."""
    document = parsed(REAL / "un-pdf" / "A_RES_73_8-EN.pdf")
    running = [f for f in document.furniture if f.why == "running header"]
    assert [f.page for f in running] == [2, 2]
    assert running[0].text.startswith("Necessity of ending the economic")
    titles = [b for b in document.blocks if b.text.startswith(("73/8. Necessity", "Necessity", "against Cuba"))]
    assert [b.text[-40:] for b in titles] == ["he United States of America against Cuba"]


OTHER = REAL / "other-pdf"


def test_a_double_spaced_opinion_keeps_its_paragraphs_whole():
    """The Missouri opinion is double spaced: a paragraph of several lines is one block, not one
    block a line."""
    blocks = parsed(OTHER / "court-missouri.pdf").blocks
    intro = next(b for b in blocks if b.text.startswith("Appellant Nichole M. Jagels appeals"))
    assert intro.text.endswith("through an order nunc pro tunc.")
    assert len(blocks) < 60


def test_a_non_un_running_header_repeated_at_the_same_height_is_furniture():
    """The Fifth Circuit opinion repeats "No. 21-50498" under its header line on every page,
    below the top band: it is furniture on pages 2-10, and the body keeps only page 1's."""
    document = parsed(OTHER / "court-ca5_00516242060.pdf")
    assert sum(b.text == "No. 21-50498" for b in document.blocks) == 0
    assert [f.page for f in document.furniture if f.text == "No. 21-50498"] == list(range(2, 11))


def test_a_footer_with_its_page_number_first_or_last_is_furniture():
    """The EFSA Journal's footer puts the page number before its words on even pages and after
    them on odd ones ("26 The EFSA Journal 2009 – 223 26/312"): furniture on every page, in no
    block and no footnote."""
    document = parsed(OTHER / "eu-016.pdf")
    footers = [f for f in document.furniture if "EFSA Journal" in f.text]
    assert [(f.page, f.why) for f in footers] == [(1, "running footer"), (2, "running footer"), (3, "running footer")]
    assert not any("EFSA Journal" in b.text for b in document.blocks)
    assert not any("EFSA Journal" in n.text for n in document.footnotes)


# A delegate's comments on a draft, as a PDF reader adds them: a sticky note, a typed text box and
# a highlight with a note, on the first page.
_COMMENTS = [(pdfium_c.FPDF_ANNOT_TEXT, "Check with capital: delete 'strongly'?"),
             (pdfium_c.FPDF_ANNOT_FREETEXT, "Our proposal:\nreplace paragraph 3"),
             (pdfium_c.FPDF_ANNOT_HIGHLIGHT, "Agreed language (2015)")]


def _commented(path: Path, out: Path) -> None:
    """The PDF with `_COMMENTS` on its first page, saved at `out`."""
    document = pdfium.PdfDocument(str(path))
    try:
        page = document[0]
        for k, (kind, text) in enumerate(_COMMENTS):
            annot = pdfium_c.FPDFPage_CreateAnnot(page.raw, kind)
            top = 300.0 + 40 * k
            pdfium_c.FPDFAnnot_SetRect(annot, pdfium_c.FS_RECTF(100, top, 300, top - 20))
            if kind == pdfium_c.FPDF_ANNOT_HIGHLIGHT:
                pdfium_c.FPDFAnnot_AppendAttachmentPoints(annot, pdfium_c.FS_QUADPOINTSF(
                    100, top, 300, top, 100, top - 20, 300, top - 20))
            encoded = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
            pdfium_c.FPDFAnnot_SetStringValue(annot, b"Contents", ctypes.cast(encoded, pdfium_c.FPDF_WIDESTRING))
            pdfium_c.FPDFPage_CloseAnnot(annot)
        document.save(str(out))
    finally:
        document.close()


@pytest.mark.parametrize("path", UN_PDFS, ids=lambda p: p.name)
def test_a_commented_real_un_pdf_reads_the_same_and_reports_its_comments(path, tmp_path):
    """A delegate's comments (a sticky note, a text box, a highlight's note) stand beside the
    text, not in it: the draft reads as the original, and each comment is furniture of its page
    ("comment", on one line). Before, they were left out in silence."""
    _commented(path, tmp_path / path.name)
    document = parse_file(str(tmp_path / path.name))
    comments = [(f.page, f.text) for f in document.furniture if f.why == "comment"]
    assert comments == [(1, "Check with capital: delete 'strongly'?"), (1, "Our proposal: replace paragraph 3"),
                        (1, "Agreed language (2015)")]
    uncommented = dataclasses.replace(document, furniture=tuple(f for f in document.furniture if f.why != "comment"))
    assert _reading(uncommented) == _reading(parsed(path))
