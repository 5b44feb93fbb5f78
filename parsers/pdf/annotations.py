"""The text a PDF page carries in annotations rather than in its content: a reviewer's comments
(sticky notes, typed text boxes, a highlight's or a strike-out's note) and the values typed into
form fields.

A delegate comments a draft in a PDF reader; the comments stand beside the text, not in it, and
PDFium's text page (what the reader reads) leaves them out. They are no part of the document
compared, so they are reported as furniture ("comment", "form field"), never dropped in silence.
Links and pop-up windows (which show their note's own text) carry none of their own.
"""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# Subtypes whose text is someone else's: a link's is its target, a pop-up shows its parent's note.
_WITHOUT_TEXT = {pdfium_c.FPDF_ANNOT_LINK, pdfium_c.FPDF_ANNOT_POPUP}


def annotation_texts(page: pdfium.PdfPage) -> tuple[tuple[str, str], ...]:
    """(why, text) of each annotation of the page that carries text: a comment's contents, a form
    field's value; each on one line."""
    found = []
    for index in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, index)
        if not annot:
            continue
        try:
            kind = pdfium_c.FPDFAnnot_GetSubtype(annot)
            if kind in _WITHOUT_TEXT:
                continue
            why, key = ("form field", b"V") if kind == pdfium_c.FPDF_ANNOT_WIDGET else ("comment", b"Contents")
            text = " ".join(_string(annot, key).split())
            if text:
                found.append((why, text))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return tuple(found)


def _string(annot: pdfium_c.FPDF_ANNOTATION, key: bytes) -> str:
    """The annotation's text entry `key` ("" when it has none, or it is no text)."""
    if pdfium_c.FPDFAnnot_GetValueType(annot, key) != pdfium_c.FPDF_OBJECT_STRING:
        return ""
    size = pdfium_c.FPDFAnnot_GetStringValue(annot, key, None, 0)  # bytes, UTF-16LE with its terminator
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFAnnot_GetStringValue(annot, key, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace")
