"""Read a PDF into paragraphs in reading order, with footnotes apart and no running lines.

The pipeline reads top to bottom: characters (PDFium by default, pdfplumber as the reference)
→ watermarks and line numbers out → lines → running headers and footers out → footnotes out →
paragraphs → page-break joins.
PDFium is not thread-safe: one PDFium user per process (the caller parses in a worker process).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from enum import StrEnum

import pypdfium2 as pdfium

from parsers.errors import ErrorCode, ParseError, pdf_password_error
from parsers.layout import RawParagraph, ReaderResult
from parsers.model import Furniture
from parsers.pdf.chars import Page, pdfium_pages
from parsers.pdf.footnotes import OCR_SIZE_SLACK, split_footnotes
from parsers.pdf.furniture import size_weights, strip_furniture, text_size
from parsers.pdf.hyphen import Vocabulary, cuts_words
from parsers.pdf.line_numbers import without_line_numbers
from parsers.pdf.lines import Line, barcode_lines, page_lines, right_to_left, space_widths
from parsers.pdf.markup import LEFT_OUT, marked_warning, plain_text
from parsers.pdf.ocr_noise import ocr_noise
from parsers.pdf.paragraphs import (
    PageFrame,
    continues,
    frame_of,
    joined_text,
    page_paragraphs,
    raw_paragraph,
    with_list_labels,
    with_text_right,
)
from parsers.pdf.tables import CutTable, continued_table, table_line, take_tables
from parsers.pdf.watermarks import without_watermarks
from parsers.pdf.word_gaps import settle_word_gaps
from parsers.structure import misreading_warning


class PdfEngine(StrEnum):
    """Which library reads the characters: PDFium (the default) or pdfplumber (the slow reference)."""

    PDFIUM = "pdfium"
    PLUMBER = "plumber"


ENGINES = tuple(PdfEngine)

# PDFium's load error codes (fpdfview.h FPDF_ERR_*) and what they mean to a user.
_ERR_PASSWORD, _ERR_SECURITY = 4, 5
_LOAD_REASONS: dict[int | None, str] = {
    2: "the file cannot be opened as a PDF",
    3: "not a readable PDF structure",
    6: "its page tree cannot be read",
}


@contextmanager
def pdfium_document(path: str, password: str | None) -> Iterator[pdfium.PdfDocument]:
    """An open PDFium document, with its load failures turned into ParseErrors."""
    try:
        document = pdfium.PdfDocument(path, password=password)
    except pdfium.PdfiumError as err:
        code = getattr(err, "err_code", None)
        if code == _ERR_PASSWORD:
            raise pdf_password_error(path, password) from err
        if code == _ERR_SECURITY:
            raise ParseError(path, ErrorCode.UNSUPPORTED, "the PDF uses an unsupported security handler") from err
        reason = _LOAD_REASONS.get(code or 0, "PDFium cannot load it")
        raise ParseError(path, ErrorCode.CORRUPT, f"the PDF is damaged ({reason})") from err
    except OSError as err:
        raise ParseError(path, ErrorCode.NOT_FOUND, f"cannot open the file ({err.strerror or err})") from err
    try:
        yield document
    finally:
        document.close()


def read_pdf(path: str, *, password: str | None = None, engine: PdfEngine = PdfEngine.PDFIUM,
             original: bool = False) -> ReaderResult:
    """Paragraphs, footnotes, page count, warnings and symbol of the PDF at `path`; tracked changes
    it shows as markup read as accepted, or with `original` as before them (parsers.pdf.markup)."""
    try:
        engine = PdfEngine(engine)  # its value is accepted too ("plumber")
    except ValueError:
        raise ValueError(f"unknown PDF engine {engine!r}; use one of {', '.join(ENGINES)}") from None
    warnings: list[str] = []
    if engine is PdfEngine.PDFIUM:
        pages = []
        with pdfium_document(path, password) as document:
            try:
                for page in pdfium_pages(document, original):
                    pages.append(page)
            except pdfium.PdfiumError as err:
                raise ParseError(path, ErrorCode.CORRUPT,
                                 f"the PDF is damaged (page {len(pages) + 1} cannot be read)") from err
    else:
        from parsers.pdf.plumber import plumber_document, plumber_pages

        with pdfium_document(path, password) as document:
            pdfium_count = len(document)
        with plumber_document(path, password) as pdf:
            pages = list(plumber_pages(path, pdf))
        if len(pages) != pdfium_count:
            warnings.append(f"pdfplumber read {len(pages)} pages where PDFium read {pdfium_count}; "
                            "some pages may be missing")
    return _result(pages, warnings, original)


def _result(pages: Sequence[Page], warnings: list[str], original: bool = False) -> ReaderResult:
    pages = without_line_numbers(without_watermarks(pages))
    shown = marked_warning([(page.number, page.tracked) for page in pages], original)
    if shown:  # tracked changes shown as markup
        warnings.append(shown)
    blank = [p.number for p in pages if not any(not c.text.isspace() for c in p.chars)]
    if blank and len(blank) < len(pages):
        listed = ", ".join(str(n) for n in blank)
        if len(blank) == 1:
            warnings.append(f"page {listed} of {len(pages)} has no text layer (scanned?); its text is missing")
        else:
            warnings.append(f"pages {listed} of {len(pages)} have no text layer (scanned?); their text is missing")
    unread = [p for p in pages if p.unread]
    if unread:  # parsers.pdf.copies: PDFium's text page left them out, and they could not be read back
        listed = ", ".join(f"{p.unread} on page {p.number}" for p in unread)
        warnings.append(f"text objects the PDF draws again over earlier ones were left out by PDFium and could not "
                        f"be read ({listed}); their text may be missing")
    spaces = space_widths(pages)
    lines = []
    cut = None  # a table the page break cut, going on on the next page
    for page in pages:
        read, cut = _lines_of(page, spaces, cut)
        lines.append(read)
    if any(_SHOWN_SOFT_HYPHEN.search(line.text) for page in lines for line in page):
        lines = [[_hard_hyphens(line) for line in page] for page in lines]
    lines = settle_word_gaps(lines)
    lines, noise = ocr_noise(lines, [(p.width, p.height) for p in pages], [p.invisible for p in pages])
    lines, symbol, furniture = strip_furniture(lines, [p.height for p in pages])
    furniture += noise
    furniture += [Furniture(page.number, text, "barcode") for page in pages for text in barcode_lines(page)]
    furniture += [Furniture(page.number, page.rotated, "rotated text") for page in pages if page.rotated]
    furniture += [Furniture(page.number, page.watermark, "watermark") for page in pages if page.watermark]
    furniture += [Furniture(page.number, number, "line number") for page in pages for number in page.line_numbers]
    furniture += [Furniture(page.number, text, why) for page in pages for why, text in page.annotations]
    left_out = "tracked insertion" if original else "tracked deletion"
    furniture += [Furniture(page.number, text, left_out) for page in pages for text in page.tracked.left_out]
    furniture += [Furniture(page.number, text, "tracked numbering") for page in pages for text in page.tracked.numbers]
    body_size = text_size(line for page in lines for line in page)
    texts = [line.text for page in lines for line in page]
    vocabulary = Vocabulary(texts)  # made when a line ending with a hyphen asks
    cuts = cuts_words(texts)

    def join(note_lines: Sequence[Line]) -> str:
        return joined_text(note_lines, vocabulary, cuts)[0]

    misread: list[tuple[str, str]] = []
    bodies, footnotes = split_footnotes(lines, body_size, join, [page.invisible for page in pages], misread)
    if misread:  # the printed marks are not kept: said
        warnings.append(misreading_warning("note marks", misread, MISREAD_SHOWN))
    bodies = [_steady_sizes(body) if page.invisible else body for page, body in zip(pages, bodies, strict=True)]
    # right-to-left pages are laid out mirrored: paragraphs are found on them turned over (their
    # lines start at the right, a first line is indented and a last line short on the left)
    rtl = _right_to_left_pages(bodies)
    widths = {page.number: page.width for page in pages if page.number in rtl}
    bodies = [[_mirrored(line, widths[line.page]) if line.page in widths else line for line in body] for body in bodies]
    bodies = with_list_labels(bodies)
    frames = with_text_right({page.number: frame_of(body, body_size) for page, body in zip(pages, bodies, strict=True)},
                             {page.number: page.width for page in pages})
    groups = _join_pages([page_paragraphs(body, frames[page.number]) for page, body in zip(pages, bodies, strict=True)],
                         frames, furniture)
    furniture.sort(key=lambda f: f.page or 0)
    if shown:  # a running head struck through as a tracked deletion (its glyphs left out)
        furniture = [f if LEFT_OUT not in f.text else Furniture(f.page, plain_text(f.text), f.why) for f in furniture]
        furniture = [f for f in furniture if f.text.strip()]
    paragraphs = (_unmirrored(raw_paragraph(group, frames, vocabulary, cuts), widths) for group in groups)
    return ReaderResult(
        paragraphs=tuple(p for p in paragraphs if p.text.strip()),
        footnotes=tuple(footnotes),
        pages=len(pages),
        warnings=tuple(warnings),
        symbol=symbol,
        furniture=tuple(furniture),
    )


# How many of the note marks read from an OCR misreading the warning names.
MISREAD_SHOWN = 10


# An OCR program sizes each line of its invisible text layer to the line's height on the scan
# (tesseract: 8, 9 and 10 pt for the lines of one 10 pt paragraph, by their ascenders and
# descenders). In the body text left once running lines and notes are out (which their sizes
# help find), sizes within OCR_SIZE_SLACK (parsers.pdf.footnotes) of each other are one text's.
def _steady_sizes(lines: list[Line]) -> list[Line]:
    """An OCR layer's lines, each set in the size that most of the page's text near its own size
    has (within OCR_SIZE_SLACK): one text's lines sized 8, 9 and 10 pt by the OCR are one size.
    Not simply the page's commonest, which may be another text's (S/2023/970's sponsor list, at
    10-12 pt, outweighs its text at 8-9 pt, whose 8 pt lines then cut its paragraphs); nor runs of
    near sizes chained (a scanned leaflet's 12 pt headings went into its 10-11 pt text)."""
    weights = size_weights(lines)
    settled = {size: max((other for other in weights if abs(other - size) <= OCR_SIZE_SLACK * max(other, size)),
                         key=lambda other: (weights[other], -abs(other - size)))
               for size in weights}
    return [replace(line, size=settled[line.size]) if settled[line.size] != line.size else line for line in lines]


# A soft hyphen drawn between two letters or figures inside a line: only where a break falls does
# a typesetter show one, so this writer gives its hyphens as soft ones (MuPDF's rewrite maps the
# glyph "hyphen" to U+00AD: "al\xadMandab", "24\xad00436").
_SHOWN_SOFT_HYPHEN = re.compile(r"\w\xad\w")


def _hard_hyphens(line: Line) -> Line:
    """The line with its soft hyphens read as hyphens (those at its end are then judged as any
    line-end hyphen is: parsers.pdf.hyphen), its table cells' too."""
    cells = tuple(tuple(tuple(_hard_hyphens(part) for part in cell) for cell in row) for row in line.cells)
    return replace(line, text=line.text.replace("\xad", "-"), cells=cells)


def _lines_of(page: Page, spaces: dict[str, float], carried: CutTable | None = None) -> tuple[list[Line], CutTable | None]:
    """The page's lines, each table drawn with rules one line of its own (parsers.pdf.tables),
    standing before the first line below its top; and the table the page break cuts (`carried`:
    the one it cut before this page, whose rows may open it)."""
    if not page.rules and carried is None:
        return page_lines(page, spaces), None
    rest, tables, cut = take_tables(page, lambda: right_to_left(page.chars), carried)
    if not tables:
        return page_lines(page, spaces), None
    rtl = right_to_left(page.chars)
    lines = page_lines(rest, spaces, rtl)
    for table in tables:
        line = table_line(table, page, lambda cell: page_lines(cell, spaces, rtl), rtl)
        at = next((k for k, other in enumerate(lines) if other.baseline > table.bbox[1]), len(lines))
        lines.insert(at, line)
    return lines, cut


def _right_to_left_pages(bodies: Sequence[list[Line]]) -> set[int]:
    """The pages whose lines read right to left (they all share their page's direction)."""
    return {line.page for body in bodies for line in body if line.rtl}


def _mirrored(line: Line, width: float) -> Line:
    """The line as seen in a mirror of its page (x becomes width - x)."""
    return replace(line, x0=width - line.x1, x1=width - line.x0, text_x0=width - line.text_x0)


def _unmirrored(paragraph: RawParagraph, widths: dict[int, float]) -> RawParagraph:
    """A paragraph found on a mirrored page with its box back on the page."""
    location = paragraph.location
    if location.page not in widths or location.bbox is None:
        return paragraph
    x0, top, x1, bottom = location.bbox
    width = widths[location.page]
    return replace(paragraph, location=replace(location, bbox=(round(width - x1, 2), top, round(width - x0, 2), bottom)))


def _join_pages(pages: Sequence[list[list[Line]]], frames: dict[int, PageFrame],
                furniture: list[Furniture]) -> list[list[Line]]:
    """Each page's paragraphs in order, the first of a page joined to the last one before it
    when it continues it (pages without body text are skipped over), a table to the table it
    goes on with (`continued_table`: the header row it repeats is added to `furniture`)."""
    out: list[list[Line]] = []
    for groups in pages:
        for k, group in enumerate(groups):
            if k == 0 and out and (table := continued_table(out[-1][-1], group[0])):
                out[-1] = [table[0]]
                if table[1] is not None:
                    furniture.append(Furniture(group[0].page, table[1], "table header repeated"))
            elif k == 0 and out and continues(out[-1], group, frames[group[0].page], frames):
                out[-1] = out[-1] + group
            else:
                out.append(group)
    return out


__all__ = ["read_pdf"]
