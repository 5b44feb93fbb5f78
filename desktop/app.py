"""Application wiring: create the window, load the pair, run."""

from __future__ import annotations

import sys


def run_app(old: str | None = None, new: str | None = None, screenshot: str | None = None,
            mode: str = "compare") -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Accord")
    window.setCentralWidget(QLabel(f"Accord — {old or 'sample'} / {new or ''}"))
    window.resize(1280, 800)
    window.show()
    if screenshot:
        def grab() -> None:
            window.grab().save(screenshot)
            app.quit()

        QTimer.singleShot(200, grab)
    return app.exec()
