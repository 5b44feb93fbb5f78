"""Printing a comparison report with Qt's own printing: the window's Print, Print preview and
Export ▸ PDF report, and `accord compare --format pdf` (the command line imports this module only
then) all go through it. No new engine: the HTML is the report compare.reports writes, in its print
variant (Qt's rich text has no <details>, so each run of unchanged paragraphs is one line), or
compare.history.cross_report's across languages; a QTextDocument lays it out on A4 pages with
MARGIN_MM margins, at the device's page size (so the page count is known before printing), each
page with a footer: the two files' names on the left, "page / pages" on the right.

Without a running Qt application (the command line) `ensure_application` starts a
QGuiApplication on the offscreen platform (unless QT_QPA_PLATFORM says otherwise): no display is
needed to write a PDF.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from compare.model import Comparison

# Page margins in millimetres: the usual A4 office margin, wide enough for a hole punch.
MARGIN_MM = 15.0
# Body text size in points: the report's CSS sizes are relative to it.
BASE_POINT_SIZE = 9.5
RESOLUTION_DPI = 300
# The band at the foot of each page for its footer (files, page number), in millimetres, and the
# footer's size against the body's.
FOOTER_MM = 7.0
FOOTER_SCALE = 0.85

_app: QGuiApplication | None = None


def ensure_application() -> None:
    """A Qt GUI application must exist to lay text out; the command line has none."""
    global _app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([])


def report_html(comparison: Comparison) -> str:
    """The HTML that is printed: the HTML export's print variant, or the cross-language report."""
    from compare.reports.html_report import render_html
    from compare.route import is_cross_language

    if is_cross_language(comparison.old, comparison.new):  # both texts side by side, differences named
        from compare.history.cross_report import render_html as render_across

        return render_across(comparison)
    return render_html(comparison, changes_only=True)


def title(comparison: Comparison) -> str:
    return f"{comparison.old.path} → {comparison.new.path}"


def report_document(comparison: Comparison) -> QTextDocument:
    """The report laid out as Qt rich text, ready to print."""
    ensure_application()
    document = QTextDocument()
    font = document.defaultFont()
    font.setPointSizeF(BASE_POINT_SIZE)
    document.setDefaultFont(font)
    document.setHtml(report_html(comparison))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title(comparison))
    return document


def page_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def setup_printer(printer: QPrinter) -> None:
    """A4 portrait with MARGIN_MM margins unless the user chooses otherwise in a dialog."""
    printer.setPageLayout(page_layout())


def print_document(document: QTextDocument, device: QPagedPaintDevice) -> int:
    """Lay the report out on `device`'s pages (a QPrinter the print dialog or preview set up, or a
    QPdfWriter) and print it there, a footer on each page; returns the number of pages.
    (QTextDocument.print_ numbers pages only when it chooses the page size itself.)"""
    rect = device.pageLayout().paintRectPixels(device.resolution())
    footer = FOOTER_MM / 25.4 * device.resolution()
    height = rect.height() - footer
    layout = document.documentLayout()
    layout.setPaintDevice(device)
    document.setPageSize(QSizeF(rect.width(), height))
    pages = document.pageCount()
    names = document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
    font = QFont(document.defaultFont())
    font.setPointSizeF(font.pointSizeF() * FOOTER_SCALE)
    painter = QPainter()
    if not painter.begin(device):  # a printer that cannot be opened (the dialog reports it)
        return 0
    try:
        for page in range(pages):
            if page:
                device.newPage()
            top = page * height
            painter.save()
            painter.translate(0, -top)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, top, rect.width(), height)
            painter.setClipRect(context.clip)
            layout.draw(painter, context)
            painter.restore()
            _footer(painter, font, QRectF(0, height, rect.width(), footer), names, f"{page + 1} / {pages}")
    finally:
        painter.end()
    return pages


def _footer(painter: QPainter, font: QFont, band: QRectF, names: str, number: str) -> None:
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    room = band.width() - metrics.horizontalAdvance(number) - metrics.averageCharWidth() * 4
    bottom = Qt.AlignmentFlag.AlignBottom
    painter.drawText(band, Qt.AlignmentFlag.AlignLeft | bottom,
                     metrics.elidedText(names, Qt.TextElideMode.ElideMiddle, room))
    painter.drawText(band, Qt.AlignmentFlag.AlignRight | bottom, number)


def pdf_bytes(comparison: Comparison) -> bytes:
    """The report as a PDF file's bytes (A4, margins, Qt's page numbering), for an atomic write."""
    document = report_document(comparison)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(page_layout())
    writer.setTitle(title(comparison))
    writer.setCreator("Accord")
    print_document(document, writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())


def write_pdf(comparison: Comparison, path: str) -> int:
    """Print the report to a PDF file at `path` through a QPrinter; returns its page count."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    setup_printer(printer)
    printer.setDocName(title(comparison))
    return print_document(report_document(comparison), printer)
