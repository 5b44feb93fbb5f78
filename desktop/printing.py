"""Printing the comparison report through Qt: the HTML report of compare.reports laid out by a
QTextDocument and sent to a QPrinter (a printer, the print preview, or a PDF file). No new engine:
the same HTML the export writes, Qt's own rich-text layout and printing.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from compare.model import Comparison

# Page margins in millimetres: the usual A4 office margin, wide enough for a hole punch.
MARGIN_MM = 15.0
# The report's body text size in points when printed (the HTML leaves it to the reader).
PRINT_POINT_SIZE = 10


def report_html(comparison: Comparison) -> str:
    """The HTML report that is printed: the one File ▸ Export ▸ HTML writes, in its print variant
    (unchanged runs one line each) where the report has one: Qt's rich text cannot fold them."""
    import inspect

    from compare.reports.html_report import render_html
    from compare.route import is_cross_language

    if is_cross_language(comparison.old, comparison.new):  # both texts side by side, differences named
        from compare.history.cross_report import render_html as render_across

        return render_across(comparison)
    if "changes_only" in inspect.signature(render_html).parameters:
        return render_html(comparison, changes_only=True)  # type: ignore[call-arg, unused-ignore]
    return render_html(comparison)


def report_document(comparison: Comparison) -> QTextDocument:
    """The report as a QTextDocument ready to print (its page size is set by `print_document`)."""
    document = QTextDocument()
    font = document.defaultFont()
    font.setPointSize(PRINT_POINT_SIZE)
    document.setDefaultFont(font)
    document.setHtml(report_html(comparison))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle,
                                f"{comparison.old.path} → {comparison.new.path}")
    return document


def setup_printer(printer: QPrinter) -> None:
    """A4 portrait with MARGIN_MM margins unless the user chose otherwise in a dialog."""
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                      QPageLayout.Unit.Millimeter))


def print_document(document: QTextDocument, printer: QPrinter) -> int:
    """Lay the document out on the printer's pages and print it; returns the number of pages."""
    rect = printer.pageRect(QPrinter.Unit.DevicePixel)
    document.documentLayout().setPaintDevice(printer)
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    pages = document.pageCount()
    document.print_(printer)
    return pages


def pdf_bytes(comparison: Comparison) -> bytes:
    """The report printed to PDF, as bytes (for an atomic export: desktop.files.write_atomic)."""
    import os
    import tempfile

    handle, scratch = tempfile.mkstemp(prefix="accord-report-", suffix=".pdf")
    os.close(handle)
    try:
        write_pdf(comparison, scratch)
        with open(scratch, "rb") as file:
            return file.read()
    finally:
        os.unlink(scratch)


def write_pdf(comparison: Comparison, path: str) -> int:
    """Print the report to a PDF file at `path` (callers write atomically); returns its page count."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    setup_printer(printer)
    printer.setDocName(f"{comparison.old.path} → {comparison.new.path}")
    return print_document(report_document(comparison), printer)
