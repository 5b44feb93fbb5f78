"""Reading PDFs: PDFium's characters into lines, lines into paragraphs, footnotes and furniture
set apart. The only package that imports pypdfium2 and pdfplumber.
"""

from parsers.lazy import lazy_exports

__all__ = ["read_pdf", "ENGINES", "PdfEngine", "check_pdf"]
__getattr__ = lazy_exports(__name__, {"read_pdf": "reader", "ENGINES": "reader", "PdfEngine": "reader",
                                      "check_pdf": "safety"})
