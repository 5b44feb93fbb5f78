"""Printing a comparison report with Qt's own printing: `accord compare --format pdf` and the
window's Print and Print preview use this module.

The HTML comes from compare.reports (`render_html(comparison, changes_only=True)`: Qt's rich text
has no <details>, so unchanged runs are one line each). A QTextDocument lays it out on A4 pages
with margins and page numbers drawn by Qt; `pdf_bytes` writes it through a QPdfWriter into
memory (the command line then writes the file atomically), `print_document` sends it to a
QPrinter (the window's print dialog or preview fills the printer in).

The command line imports this module only for --format pdf; without a running Qt application it
starts a QGuiApplication on the offscreen platform (unless QT_QPA_PLATFORM says otherwise), so no
display is needed.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import (
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

# Page margins in millimetres. QTextDocument.print_ adds 2 cm of its own inside them (and the page
# numbers below the text), so 5 mm gives about 2.5 cm all round, as UN documents have.
MARGIN_MM = 5.0
# Body text size in points: the report's CSS sizes are relative to it.
BASE_POINT_SIZE = 9.5
RESOLUTION_DPI = 300

_app: QGuiApplication | None = None


def ensure_application() -> None:
    """A Qt GUI application must exist to lay text out; the command line has none."""
    global _app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([])


def report_document(html: str) -> QTextDocument:
    """The report laid out as Qt rich text."""
    ensure_application()
    document = QTextDocument()
    font = document.defaultFont()
    font.setPointSizeF(BASE_POINT_SIZE)
    document.setDefaultFont(font)
    document.setHtml(html)
    return document


def page_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def print_document(html: str, device: QPagedPaintDevice) -> None:
    """Print the report on `device` (a QPrinter the print dialog or preview set up, or a
    QPdfWriter): Qt paginates a copy to the device's page rectangle and numbers the pages."""
    report_document(html).print_(device)


def pdf_bytes(html: str, title: str = "Accord comparison") -> bytes:
    """The report as a PDF file's bytes (A4, margins, Qt's page numbering)."""
    ensure_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(page_layout())
    writer.setTitle(title)
    writer.setCreator("Accord")
    print_document(html, writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())
