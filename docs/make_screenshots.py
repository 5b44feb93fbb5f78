"""Make the README's screenshots (offscreen; no display needed), from the repository's root:

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py

The window pictures come from `accord gui OLD NEW --screenshot PNG` itself; the print preview and
the shortcuts page, which that command does not open, are grabbed here from the app's own window
and dialogs. Look at each picture before committing it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FIXTURES = ROOT / "tests" / "fixtures"
WINDOW_SIZE = (1440, 900)


def accord_screenshot(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "desktop", "gui", *args], cwd=ROOT, check=True,
                   env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))


def dialogs(old: Path, new: Path) -> None:
    """The print preview of the comparison report and the keyboard-shortcuts page."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QApplication

    from desktop.main_window import MainWindow
    from desktop.printing import report_document
    from desktop.session import Session
    from desktop.settings import Settings

    app = QApplication.instance() or QApplication([])
    settings = Settings(QSettings(str(DOCS / ".screenshots.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    session = Session(window, settings)
    window.resize(*WINDOW_SIZE)
    window.show()
    loop = QEventLoop()
    session.shown.connect(loop.quit)
    session.failed.connect(loop.quit)
    session.open_pair(str(old), str(new))
    loop.exec()
    if session.comparison is None:
        raise SystemExit("the comparison failed")
    preview = window.preview_dialog(report_document(session.comparison))
    preview.resize(900, 1000)
    preview.show()
    widget = preview.findChild(QPrintPreviewWidget)
    widget.setViewMode(QPrintPreviewWidget.ViewMode.SinglePageView)
    widget.updatePreview()
    widget.fitInView()
    settle(app, QTimer)
    preview.grab().save(str(DOCS / "screenshot-print-preview.png"), "PNG")
    preview.close()
    window.show_shortcuts()
    window.shortcuts_dialog.resize(620, 860)
    settle(app, QTimer)
    window.shortcuts_dialog.grab().save(str(DOCS / "screenshot-shortcuts.png"), "PNG")
    session.runner.wait()
    (DOCS / ".screenshots.ini").unlink(missing_ok=True)


def settle(app, timer_class) -> None:
    """Let layouts and paints finish before grabbing."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    timer_class.singleShot(400, loop.quit)
    loop.exec()
    app.processEvents()


if __name__ == "__main__":
    accord_screenshot("--screenshot", str(DOCS / "screenshot-compare.png"))
    accord_screenshot(str(FIXTURES / "l2-fr-rev1.docx"), str(FIXTURES / "l2-en.docx"), "--mode", "align",
                      "--screenshot", str(DOCS / "screenshot-align.png"))
    # two languages compared as versions: paired across them, the differences named (issue 16)
    accord_screenshot(str(FIXTURES / "l2-fr-rev1.docx"), str(FIXTURES / "l2-en.docx"),
                      "--screenshot", str(DOCS / "screenshot-cross-language.png"))
    os.chdir(ROOT)  # the report names the files as given: relative, as a user would type them
    dialogs(Path("tests/fixtures/l2-fr.docx"), Path("tests/fixtures/l2-fr-rev1.docx"))
