"""The reference engine: the same `Char`s as `parsers.pdf.chars`, read with pdfplumber.

Slow (pdfminer lays out every page in Python) and able to hang on self-referencing objects
(see RELIABILITY.md), so it is only used to cross-check the PDFium engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.psexceptions import PSException
from pdfplumber.pdf import PDF
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from parsers.errors import ErrorCode, ParseError, pdf_password_error
from parsers.pdf.chars import Char, Page, font_style, is_text_char

# What pdfminer lets through on damaged files besides its own wrapped errors (RELIABILITY.md).
_DAMAGE = (PSException, MalformedPDFException, ValueError, TypeError, IndexError, KeyError)


def _cause(err: PdfminerException) -> BaseException | None:
    inner = err.args[0] if err.args else None
    return inner if isinstance(inner, BaseException) else None


@contextmanager
def plumber_document(path: str, password: str | None) -> Iterator[PDF]:
    """An open pdfplumber document, with its failures turned into ParseErrors."""
    try:
        pdf = pdfplumber.open(path, password=password or "")
    except PdfminerException as err:
        if isinstance(_cause(err), PDFPasswordIncorrect):
            raise pdf_password_error(path, password) from err
        raise ParseError(path, ErrorCode.CORRUPT, f"the PDF is damaged ({_cause(err) or err!s})") from err
    except _DAMAGE as err:
        raise ParseError(path, ErrorCode.CORRUPT, f"the PDF is damaged ({err})") from err
    try:
        yield pdf
    finally:
        pdf.close()


def plumber_pages(path: str, pdf: PDF) -> Iterator[Page]:
    try:
        for index, page in enumerate(pdf.pages):
            # upright text only, as with PDFium: vertical margin notes and stamps are set aside
            chars = tuple(_char(c) for c in page.chars if is_text_char(c["text"]) and c.get("upright", True))
            rotated = "".join(c["text"] for c in page.chars if is_text_char(c["text"]) and not c.get("upright", True))
            page.close()
            yield Page(index + 1, float(page.width), float(page.height), chars, " ".join(rotated.split()))
    except PdfminerException as err:
        raise ParseError(path, ErrorCode.CORRUPT, f"the PDF is damaged ({_cause(err) or err!s})") from err
    except _DAMAGE as err:
        raise ParseError(path, ErrorCode.CORRUPT, f"the PDF is damaged ({err})") from err


def _char(c: dict[str, Any]) -> Char:
    name, bold, italic = font_style(str(c.get("fontname", "")))
    # the origin's y, top-down: the glyph's top plus the distance from its top to the origin
    baseline = float(c["top"]) + (float(c["y1"]) - float(c["matrix"][5]))
    return Char(c["text"], float(c["x0"]), float(c["x1"]), baseline, float(c["size"]), name, bold, italic)
