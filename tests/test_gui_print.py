"""Printing the comparison report from the window: Ctrl+P prints it (to a PDF printer here), the
print preview lays out its pages, and a PDF written by Qt carries the report's text."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

from desktop.printing import setup_printer, write_pdf

FIXTURES = Path(__file__).parent / "fixtures"
WAIT_MS = 60_000


@pytest.fixture
def compared(qtbot, app_window):
    """A window showing the French L.2 pair."""
    window, session = app_window
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.open_pair(str(FIXTURES / "l2-fr.docx"), str(FIXTURES / "l2-fr-rev1.docx"))
    return window, session


def pdf_text(path: Path) -> tuple[int, str]:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        return len(pdf), text
    finally:
        pdf.close()


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    setup_printer(printer)
    return printer


def test_ctrl_p_prints_the_report(qtbot, compared, tmp_path, monkeypatch):
    """Ctrl+P (the standard Print key) asks for a printer and prints the report on it: several A4
    pages with the documents' symbols and both versions' words."""
    window, session = compared
    target = tmp_path / "printed.pdf"
    monkeypatch.setattr(window, "ask_printer", lambda: pdf_printer(target))
    assert QKeySequence("Ctrl+P") in window.print_action.shortcuts()
    window.print_action.trigger()
    pages, text = pdf_text(target)
    assert pages > 1
    assert "E/CN.15/2018/L.2/Rev.1" in text and "Prie instamment" in text and "Encourage" in text
    assert "page" in window.statusBar().currentMessage()


def test_cancelling_the_print_dialog_prints_nothing(qtbot, compared, tmp_path, monkeypatch):
    """No printer chosen: nothing is printed and nothing is said to be."""
    window, _ = compared
    monkeypatch.setattr(window, "ask_printer", lambda: None)
    window.print_action.trigger()
    assert "page" not in window.statusBar().currentMessage()


def test_print_preview_lays_out_the_report_pages(qtbot, compared, monkeypatch):
    """File ▸ Print preview opens a preview of the report whose pages are laid out (more than one)."""
    window, session = compared
    from desktop.printing import report_document

    dialog = window.preview_dialog(report_document(session.comparison))
    qtbot.addWidget(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    assert preview.pageCount() > 1
    shown = []
    monkeypatch.setattr(window, "preview_report", lambda document: shown.append(document))
    window.print_preview.trigger()
    assert len(shown) == 1 and "Prie instamment" in shown[0].toPlainText()


def test_print_is_off_in_align_mode(qtbot, compared):
    """The report is a comparison's: in align mode the print actions are disabled."""
    window, _ = compared
    window.set_mode("align")
    assert not window.print_action.isEnabled() and not window.print_preview.isEnabled()
    window.set_mode("compare")
    assert window.print_action.isEnabled()


def test_write_pdf_gives_a_report_with_pages(qtbot, compared, tmp_path):
    """The report printed to a PDF file has pages, the files' names and the paragraphs' text."""
    _, session = compared
    target = tmp_path / "report.pdf"
    pages = write_pdf(session.comparison, str(target))
    count, text = pdf_text(target)
    assert count == pages > 1
    assert "l2-fr-rev1.docx" in text and "selon qu" in text


def test_export_pdf_report_writes_the_printed_report(qtbot, compared, tmp_path):
    """File ▸ Export ▸ PDF report writes the report printed by Qt (several pages, the report's
    text), atomically, and never over an input."""
    window, session = compared
    target = tmp_path / "report.pdf"
    assert window.exports["pdf"].isVisible()
    assert session.export("pdf", str(target))
    pages, text = pdf_text(target)
    assert pages > 1 and "Prie instamment" in text
    assert not list(tmp_path.glob("*.tmp*")) and not list(tmp_path.glob(".*"))
    assert not session.export("pdf", session.paths["second"])
    assert "Export failed" in window.notice.label.text()
    assert (FIXTURES / "l2-fr-rev1.docx").read_bytes()[:2] == b"PK"
