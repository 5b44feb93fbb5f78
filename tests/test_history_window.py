"""The window's trace and history panels: the same engine as `accord trace` / `accord history`,
run off the GUI thread, each paragraph shown with its status or its lineage."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from compare.model import Commitment
from desktop.history_view import COMMITMENT_COLOURS, HistoryView
from desktop.main_window import MainWindow
from desktop.settings import Settings
from desktop.trace_view import STATUS_COLOURS, TraceView

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
WAIT_MS = 60_000


def test_the_trace_panel_marks_each_paragraph_with_its_source(qtbot, tmp_path):
    """Draft Rev.1 against L.2: a row per paragraph; OP5 adapted from OP5, strengthened, in the
    adapted colour; the details show the edit."""
    view = TraceView(index=str(tmp_path / "index.sqlite"))
    qtbot.addWidget(view)
    view.set_draft(str(FIXTURES / "l2-en-rev1.docx"))
    view.add_bases([str(FIXTURES / "l2-en.docx"), str(FIXTURES / "l2-en.docx")])
    assert view.base_paths() == [str(FIXTURES / "l2-en.docx")]
    with qtbot.waitSignal(view.runner.result, timeout=WAIT_MS):
        view.start()
    assert view.trace is not None
    assert view.table.rowCount() == len(view.trace.paragraphs) == 40
    row = next(r for r in range(view.table.rowCount()) if view.table.item(r, 0).text() == "OP5")
    assert view.table.item(row, 1).text() == "adapted: E/CN.15/2018/L.2 OP5 (98%) ▲"
    assert view.table.item(row, 1).background().color() == STATUS_COLOURS["adapted"]
    view.table.selectRow(row)
    assert "Urges" in view.details.toPlainText() and "Encourages" in view.details.toPlainText()
    assert "carried over 39" in view.summary.text()


def test_the_trace_panel_asks_for_a_draft_and_bases_first(qtbot):
    """Nothing chosen: a message, no work started."""
    view = TraceView()
    qtbot.addWidget(view)
    view.start()
    assert "Choose a draft" in view.summary.text() and not view.runner.busy


def test_the_history_panel_shows_a_column_per_version_and_colours_commitments(qtbot):
    """L.2 -> Rev.1: two columns; OP5's Rev.1 cell says it was strengthened, in that colour; the
    step summary and the related-paragraph line are shown."""
    view = HistoryView()
    qtbot.addWidget(view)
    view.add_versions([str(FIXTURES / "l2-en.docx"), str(FIXTURES / "l2-en-rev1.docx")])
    with qtbot.waitSignal(view.runner.result, timeout=WAIT_MS):
        view.start()
    assert view.table.columnCount() == 2
    assert view.table.horizontalHeaderItem(1).text() == "E/CN.15/2018/L.2/Rev.1"
    row = next(r for r in range(view.table.rowCount()) if "OP5 Urges" in view.table.item(r, 1).text())
    cell = view.table.item(row, 1)
    assert "strengthened" in cell.text()
    assert cell.background().color() == COMMITMENT_COLOURS[Commitment.STRENGTHENED]
    assert "carried over" in view.summary.text() and "by text alone" in view.summary.text()
    shown = view.table.rowCount()
    view.only_changed.setChecked(False)
    cited = view.table.rowCount()
    assert cited > shown
    view.only_cited.setChecked(False)
    assert view.table.rowCount() > cited


def test_the_main_window_offers_both_panels(qtbot, tmp_path):
    """View menu: 'Trace agreed language…' and 'History of versions…' open their panels."""
    window = MainWindow(Settings(QSettings(str(tmp_path / "a.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(window)
    trace, history = window.history_actions
    trace.trigger()
    history.trigger()
    panels = window.history_panels
    assert isinstance(panels["trace"], TraceView) and isinstance(panels["history"], HistoryView)
    for panel in panels.values():
        qtbot.addWidget(panel)
        assert panel.isVisible()
