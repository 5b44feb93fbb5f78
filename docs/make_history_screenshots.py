"""Pictures of the trace and history panels for the README (docs/screenshot-trace.png,
docs/screenshot-history.png), made on the real documents in ../shared/corpus/real/:

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python docs/make_history_screenshots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.history_view import HistoryView
from desktop.trace_view import TraceView

HERE = Path(__file__).resolve().parent
REAL = HERE.parent.parent / "shared" / "corpus" / "real"
SIZE = (1400, 860)


def _wait(runner, app: QApplication) -> None:
    done: list[object] = []
    runner.result.connect(done.append)
    runner.error.connect(done.append)
    while not done:
        app.processEvents()
    if isinstance(done[0], BaseException):
        raise done[0]
    app.processEvents()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    trace = TraceView()
    trace.resize(*SIZE)
    trace.set_draft(str(REAL / "un-pdf" / "S_2019_266-EN.pdf"))
    trace.add_bases([str(REAL / "un-pdf")])
    trace.show()
    trace.start()
    _wait(trace.runner, app)
    trace.table.selectRow(next(r for r in range(trace.table.rowCount()) if trace.table.item(r, 0).text() == "OP22"))
    app.processEvents()
    trace.grab().save(str(HERE / "screenshot-trace.png"))

    history = HistoryView()
    history.resize(*SIZE)
    declarations = REAL / "declarations"
    history.add_versions([str(declarations / n) for n in ("A_RES_78_228-EN.pdf", "A_C.3_80_L.4-EN.pdf",
                                                          "A_RES_80_228-EN.pdf")])
    history.show()
    history.start()
    _wait(history.runner, app)
    history.grab().save(str(HERE / "screenshot-history.png"))


if __name__ == "__main__":
    main()
