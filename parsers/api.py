"""Read any supported file into a Document: sniff the bytes, run the reader, classify structure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from parsers.errors import ErrorCode, ParseError
from parsers.layout import ReaderResult
from parsers.model import Document, Format
from parsers.sniff import DEFAULT_MAX_BYTES, sniff

if TYPE_CHECKING:  # the readers, structure and language modules load when a file is parsed: a
    # compare answered from the cache never needs them (0.015-0.02 s of its start-up)
    from parsers.docx.safety import DocxLimits

# Bump when a reader's output changes, so cached documents are read again.
PARSER_VERSION = "102"


@dataclass(frozen=True, slots=True)
class ParseOptions:
    password: str | None = None
    language: str | None = None  # overrides detection
    original: bool = False  # tracked changes (a Word draft's, a PDF's shown as markup): read with all changes rejected
    max_bytes: int = DEFAULT_MAX_BYTES
    max_pages: int = 5_000  # PDFs claiming more are refused (parsers.pdf.safety)
    docx_limits: DocxLimits | None = None  # zip limits checked before python-docx (None: parsers.docx.safety's)


def read_raw(path: str, fmt: Format, options: ParseOptions) -> ReaderResult:
    if fmt is Format.PDF:
        from parsers.pdf.reader import read_pdf
        from parsers.pdf.safety import check_pdf

        check_pdf(path, password=options.password, max_pages=options.max_pages)
        return read_pdf(path, password=options.password, original=options.original)
    if fmt is Format.DOCX:
        from parsers.docx.reader import read_docx
        from parsers.docx.safety import check_docx

        check_docx(path, options.docx_limits)
        return read_docx(path, original=options.original)
    from parsers.txt_reader import read_text

    return read_text(path)


def parse_file(path: str, options: ParseOptions | None = None) -> Document:
    """Parse `path` in this process. Raises ParseError for anything that cannot be read."""
    from parsers.language import detect_language
    from parsers.structure import classify

    options = options or ParseOptions()
    fmt = sniff(path, max_bytes=options.max_bytes)
    result = read_raw(path, fmt, options)
    text = "\n".join(p.text for p in result.paragraphs)
    if not text.strip():
        if fmt is Format.PDF:
            raise ParseError(path, ErrorCode.NO_TEXT,
                             "the PDF has no text to read: its pages are images (scanned: run OCR on it first) or empty")
        unread = [w for w in result.warnings if " not read" in w]  # text boxes, old equations, …: said, not hidden
        raise ParseError(path, ErrorCode.EMPTY, "; ".join(["the document contains no text Accord reads", *unread])
                         if unread else "the document contains no text")
    language = options.language or detect_language(text)
    structured = classify(result.paragraphs, language, symbol_hint=result.symbol)
    return Document(
        path=path,
        format=fmt,
        blocks=structured.blocks,
        language=language,
        pages=result.pages,
        symbol=structured.symbol,
        footnotes=tuple(result.footnotes),
        warnings=tuple(result.warnings) + structured.warnings,
        furniture=result.furniture + structured.furniture,
        typed_labels=structured.typed_labels,
    )
