"""Check a PDF before the reader walks it (RELIABILITY.md, point 7).

A page tree can claim a million pages in a kilobyte (a node listing the same child ten times, six
levels deep); the reader would try to lay out every one. PDFium counts the pages when it opens the
file, in milliseconds, so we ask it first and refuse more than `max_pages`. Hangs (objects that
refer to themselves) and decompression bombs are left to the worker process's time and memory
limits (parsers.sandbox): no cheap pre-check catches them all.
"""

from __future__ import annotations

import pypdfium2 as pdfium

from parsers.errors import ErrorCode, ParseError

# UN documents run to a few hundred pages; the longest reports to about 1,000.
DEFAULT_MAX_PAGES = 5_000  # keep in step with ParseOptions.max_pages


def check_pdf(path: str, *, password: str | None = None, max_pages: int = DEFAULT_MAX_PAGES) -> None:
    """Raise ParseError if the PDF at `path` has more than `max_pages` pages. A file PDFium cannot
    open passes: the reader reports that with its own, more precise message."""
    try:
        document = pdfium.PdfDocument(path, password=password)
    except (pdfium.PdfiumError, OSError):
        return
    try:
        count = len(document)
    finally:
        document.close()
    if count > max_pages:
        raise ParseError(path, ErrorCode.HOSTILE,
                         f"the PDF claims {count:,} pages, over the {max_pages:,}-page limit")
