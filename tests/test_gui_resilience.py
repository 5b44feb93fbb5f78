"""The window survives a file deleted while it is open: reload shows the error in that pane."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.main_window import MainWindow
from desktop.session import Session
from desktop.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
WAIT_MS = 60_000


@pytest.fixture
def ui(qtbot, tmp_path):
    settings = Settings(QSettings(str(tmp_path / "accord.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    session = Session(window, settings)
    qtbot.addWidget(window)
    window.show()
    yield window, session
    session.runner.wait()


def test_reload_after_the_new_file_was_deleted(qtbot, ui, tmp_path):
    """Deleting the open new file then reloading names it in its pane; the old side stays shown."""
    window, session = ui
    old = tmp_path / "old.docx"
    new = tmp_path / "new.docx"
    shutil.copy(FIXTURES / "l2-en.docx", old)
    shutil.copy(FIXTURES / "l2-en-rev1.docx", new)
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.open_pair(str(old), str(new))
    new.unlink()
    with qtbot.waitSignal(session.failed, timeout=WAIT_MS):
        session.reload()
    assert "new.docx" in window.panes.new.error_text()
    assert window.panes.old.error_text() == ""
    shutil.copy(FIXTURES / "l2-en-rev1.docx", new)
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.reload()
    assert window.panes.new.error_text() == ""
    assert session.comparison is not None
