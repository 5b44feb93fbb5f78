"""Encrypted PDFs in the window (issues 15, 17): a PDF that needs a password makes the window ask
for it (hidden as typed), read again with it, say so when it is wrong, and show the reader's error
in the pane when the user cancels."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit

import desktop.main_window as main_window_module
from desktop.main_window import MainWindow
from desktop.session import Session

ENCRYPTED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pdf" / "password-example.pdf"
PASSWORD = "test"  # the sample's password (tests/test_loading_cache.py opens it with it)
OTHER = str(Path(__file__).parent / "fixtures" / "l2-en.pdf")
WAIT_MS = 60_000  # reading runs in a subprocess and the machine is shared

pytestmark = pytest.mark.skipif(not ENCRYPTED.is_file(), reason="the shared corpus is absent")


def typed(monkeypatch, answers: list[tuple[str, bool]]) -> list[tuple[str, QLineEdit.EchoMode]]:
    """Replace the password dialog by `answers` (text, OK pressed), in order; return the prompts
    it was shown with and the echo mode asked for."""
    asked: list[tuple[str, QLineEdit.EchoMode]] = []

    def get_text(parent, title, label, echo=QLineEdit.EchoMode.Normal, *args, **kwargs):
        asked.append((label, echo))
        return answers[len(asked) - 1]

    monkeypatch.setattr(main_window_module.QInputDialog, "getText", staticmethod(get_text))
    return asked


def test_an_encrypted_pdf_is_read_once_its_password_is_typed(qtbot, app_window, monkeypatch):
    """The window asks for the password with hidden echo, reads the PDF with it and compares."""
    window, session = app_window
    asked = typed(monkeypatch, [(PASSWORD, True)])
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.open_pair(str(ENCRYPTED), OTHER)
    assert len(asked) == 1
    prompt, echo = asked[0]
    assert echo is QLineEdit.EchoMode.Password and "password-example.pdf" in prompt and "encrypted" in prompt
    assert session.comparison is not None and session.comparison.old.body()
    assert window.panes.old.error_text() == ""


def test_a_wrong_password_says_so_and_asks_again(qtbot, app_window, monkeypatch):
    """A password that does not open the PDF: the next prompt says it was wrong; the right one opens it."""
    window, session = app_window
    asked = typed(monkeypatch, [("not-it", True), (PASSWORD, True)])
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.open_pair(str(ENCRYPTED), OTHER)
    assert len(asked) == 2
    assert "does not open" not in asked[0][0]
    assert "does not open" in asked[1][0]
    assert session.comparison is not None


def test_cancelling_the_password_shows_the_error_in_the_pane(qtbot, app_window, monkeypatch):
    """Cancel: no comparison, the pane says the PDF is encrypted and how to type its password;
    the other file is shown alone."""
    window, session = app_window
    asked = typed(monkeypatch, [("", False)])
    with qtbot.waitSignal(session.failed, timeout=WAIT_MS):
        session.open_pair(str(ENCRYPTED), OTHER)
    assert len(asked) == 1
    assert session.comparison is None
    message = window.panes.old.error_text()
    assert "encrypted" in message and "reload" in message and "--password" not in message
    assert window.panes.new.error_text() == ""


def test_no_password_is_asked_for_a_file_that_is_no_pdf(qtbot, app_window, monkeypatch, tmp_path):
    """A damaged Word file fails as before: its error in the pane, no password dialog."""
    window, session = app_window
    asked = typed(monkeypatch, [])
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    with qtbot.waitSignal(session.failed, timeout=WAIT_MS):
        session.open_pair(OTHER, str(bad))
    assert asked == []
    assert "bad.docx" in window.panes.new.error_text()


def test_align_mode_asks_for_the_password_too(qtbot, settings, monkeypatch):
    """The same dialog in align mode: the encrypted PDF as the source is read with its password."""
    window = MainWindow(settings)
    session = Session(window, settings, mode="align")
    qtbot.addWidget(window)
    asked = typed(monkeypatch, [(PASSWORD, True)])
    try:
        with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
            session.open_pair(str(ENCRYPTED), OTHER)
        assert len(asked) == 1 and session.alignment is not None
        assert session.alignment.source_units
    finally:
        session.fixes_exported = True
        session.runner.wait()


def test_a_failed_read_after_a_comparison_across_languages_enables_the_redline_again(qtbot, app_window,
                                                                                       monkeypatch):
    """The redline is disabled only while a comparison across languages is on screen."""
    window, session = app_window
    fixtures = Path(__file__).parent / "fixtures"
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.open_pair(str(fixtures / "l2-fr-rev1.docx"), str(fixtures / "l2-en.docx"))
    assert not window.exports["docx"].isEnabled()
    typed(monkeypatch, [("", False)])
    with qtbot.waitSignal(session.failed, timeout=WAIT_MS):
        session.open_pair(str(ENCRYPTED), OTHER)
    assert window.exports["docx"].isEnabled() and window.redline_possible
