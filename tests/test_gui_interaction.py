"""What a desktop user does besides reading: drop files on the panes, click a paragraph, hover a
commitment badge, export through the menu, switch modes, use the recent files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from compare.model import ChangeKind, Commitment, LanguageAlignment
from desktop.compare_html import reasons_text
from desktop.main_window import MainWindow
from desktop.session import Session

FIXTURES = Path(__file__).parent / "fixtures"
OLD = str(FIXTURES / "l2-en.docx")
NEW = str(FIXTURES / "l2-en-rev1.docx")
WAIT_MS = 60_000  # reading runs in a subprocess and the machine is shared


@pytest.fixture
def ui(qtbot, settings):
    window = MainWindow(settings)
    session = Session(window, settings)
    window.resize(1400, 800)
    window.show()
    yield window, session
    session.fixes_exported = True
    window.close()
    session.runner.wait()
    window.deleteLater()


def drop(widget, path: str) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(path)])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(event)


def test_dropping_files_on_the_panes_opens_them(qtbot, ui):
    """A file dropped on the old pane becomes the old version, on the new pane the new one."""
    window, session = ui
    drop(window.panes.old, OLD)
    assert session.paths["first"] == OLD and session.comparison is None
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        drop(window.panes.new, NEW)
    assert session.comparison.old.path == OLD and session.comparison.new.path == NEW


def test_clicking_a_paragraph_selects_its_change_without_moving_the_text(qtbot, ui):
    """A click on a changed paragraph selects it in the list; the pane under the pointer stays put."""
    window, session = ui
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.open_pair(OLD, NEW)
    changes = session.comparison.changes
    index = next(i for i, c in enumerate(changes) if c.kind is ChangeKind.MODIFIED)
    bar = window.panes.new.text.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    before = bar.value()
    paragraph = window.panes._text["new"].anchors[index]
    window.panes.new.text.paragraph_clicked.emit(paragraph)
    assert window.changes.current_change() == index
    assert bar.value() == before
    assert window.panes.new.text.extraSelections()


def test_a_commitment_badge_explains_itself(qtbot, ui):
    """The ▲/▼ badge links to the change; its tooltip gives the engine's reasons."""
    window, session = ui
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.open_pair(OLD, NEW)
    changes = session.comparison.changes
    index = next(i for i, c in enumerate(changes) if c.commitment is Commitment.WEAKENED)
    assert f'href="why:{index}"' in window.panes._text["new"].html
    tooltip = window.panes._tooltip(f"why:{index}")
    assert tooltip == reasons_text(changes[index])
    assert "weakened" in tooltip and changes[index].reasons[0] in tooltip


def test_export_through_the_menu_asks_where_and_writes(qtbot, ui, tmp_path, monkeypatch):
    """File ▸ Export ▸ JSON asks for a path (the window's dialog) and writes the report there."""
    window, session = ui
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.open_pair(OLD, NEW)
    target = tmp_path / "out.json"
    asked = []
    monkeypatch.setattr(window, "ask_save_path", lambda fmt, suggested: asked.append((fmt, suggested)) or str(target))
    window.exports["json"].trigger()
    assert asked and asked[0][0] == "json" and asked[0][1].endswith("l2-en-vs-l2-en-rev1.json")
    assert json.loads(target.read_text(encoding="utf-8"))["changes"]
    assert "out.json" in window.statusBar().currentMessage()


def test_switching_to_align_mode_aligns_the_same_files(qtbot, ui):
    """View ▸ Align languages runs the aligner on the open pair and shows the table."""
    window, session = ui
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.open_pair(str(FIXTURES / "l2-fr.docx"), str(FIXTURES / "l2-en.docx"))
    assert window.dock.isVisible()
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        window.align_mode.trigger()
    assert isinstance(session.alignment, LanguageAlignment)
    assert window.stack.currentWidget() is window.align_view and not window.dock.isVisible()
    assert window.exports["tmx"].isVisible() and not window.exports["docx"].isVisible()


def test_recent_files_menu_reopens_a_file(qtbot, ui, settings):
    """File ▸ Recent as new lists opened files; choosing one opens it on that side."""
    window, session = ui
    settings.add_recent_file(NEW)
    settings.add_recent_file(OLD)
    session.paths["first"] = OLD
    window.recent_new.aboutToShow.emit()
    entries = [a for a in window.recent_new.actions() if a.toolTip() in (OLD, NEW)]
    assert [a.text() for a in entries] == ["l2-en.docx", "l2-en-rev1.docx"]
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        entries[1].trigger()
    assert session.comparison.new.path == NEW


def test_a_warning_from_the_reader_is_shown_softly_in_its_pane(qtbot, ui, tmp_path):
    """Reader warnings (not errors) appear in the pane's message bar at warning level."""
    window, session = ui
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.open_pair(OLD, NEW)
    for side, doc in (("old", session.comparison.old), ("new", session.comparison.new)):
        pane = window.panes.pane(side)
        if doc.warnings:
            assert pane.message.level == "warning" and doc.warnings[0] in pane.error_text()
        else:
            assert pane.error_text() == ""


def test_escape_cancels_the_work(qtbot, ui):
    """Esc stops a running comparison (the Cancel action is reachable from the keyboard)."""
    window, session = ui
    with qtbot.waitSignal(session.runner.cancelled, timeout=WAIT_MS):
        session.open_pair(OLD, NEW)
        window.activateWindow()
        assert window.cancel.isEnabled()
        window.cancel.trigger()
    assert not session.runner.busy
    QApplication.processEvents()
    assert not window.progress.isVisibleTo(window)


def test_a_mark_position_in_the_overview_follows_the_document(qtbot, ui):
    """Marks are placed at the change's height in the new pane, in document order."""
    window, session = ui
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.open_pair(OLD, NEW)
    qtbot.waitUntil(lambda: bool(window.panes.overview.marks()))
    tops = [m.top for m in window.panes.overview.marks()]
    assert tops == sorted(tops) and tops[0] >= 0 and tops[-1] < 1
    point = QPoint(2, int(window.panes.overview.height() * tops[-1]) + 1)
    qtbot.mouseClick(window.panes.overview, Qt.MouseButton.LeftButton, pos=point)
    assert window.changes.current_change() == window.panes.overview.marks()[-1].change


def test_language_menu_stores_the_choice_for_the_next_start(ui, settings):
    """Settings ▸ Language ▸ Français is remembered and the user is told when it applies."""
    window, _session = ui
    settings_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Settings")
    language_menu = next(a.menu() for a in settings_menu.actions() if a.menu())
    french = next(a for a in language_menu.actions() if a.text() == "Français")
    french.trigger()
    assert settings.language() == "fr"
    assert "next time" in window.statusBar().currentMessage()


def test_zoom_is_remembered_and_restored(qtbot, settings):
    """The text zoom chosen in one session is applied when the next window is restored."""
    first = MainWindow(settings)
    qtbot.addWidget(first)
    base = first.panes.new.text.font().pointSizeF()
    first.zoom_in.trigger()
    assert settings.zoom() == 1
    second = MainWindow(settings)
    qtbot.addWidget(second)
    second.restore()
    assert second.panes.new.text.font().pointSizeF() > base


def test_progress_shows_in_the_status_bar_in_words(ui):
    """The engine's Progress fills the status bar's bar, its stage named for a reader."""
    from compare.progress import Progress

    window, _session = ui
    window.set_busy(True)
    window.show_progress(Progress("word diffs", 5, 10))
    assert window.progress.isVisibleTo(window) and window.cancel_button.isVisibleTo(window)
    assert (window.progress.value(), window.progress.maximum()) == (5, 10)
    assert window.summary.text() == "Comparing words…"
    window.show_progress(Progress("aligning: lexicon", 1, 3))
    assert window.summary.text() == "Aligning…"
    window.set_busy(False)
    assert not window.progress.isVisibleTo(window)


def test_find_searches_both_versions_and_wraps(qtbot, ui):
    """Ctrl+F text found in the new version selects it; text only in the old one is found there;
    text in neither is reported in the status bar."""
    window, session = ui
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.open_pair(OLD, NEW)
    window.find_focus.trigger()
    window.find_box.setText("Urges")  # only in Rev.1
    assert window.find()
    assert window.panes.new.text.textCursor().selectedText() == "Urges"
    window.find_box.setText("academics and researchers")  # paragraph 7, removed in Rev.1
    assert window.find()
    assert window.panes.old.text.textCursor().selectedText() == "academics and researchers"
    window.find_box.setText("no such phrase anywhere")
    assert not window.find()
    assert "neither version" in window.statusBar().currentMessage()


def test_modes_and_sides_are_enums_whatever_the_signal_carried(qtbot, ui):
    """The mode and the file sides are enums in the window and the session (issue 15), whether a
    menu, a drop or the command line's text named them; the old strings still equal them."""
    from desktop.modes import FileSide, Mode

    window, session = ui
    assert session.mode is Mode.COMPARE and window.mode is Mode.COMPARE
    drop(window.panes.new, NEW)
    window.open_requested.emit("first", OLD)  # a signal carries the side as text
    assert set(session.paths) == {FileSide.FIRST, FileSide.SECOND}
    assert all(type(side) is FileSide for side in session.paths)
    assert session.paths[FileSide.FIRST] == OLD and session.paths["second"] == NEW
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        window.align_mode.trigger()
    assert session.mode is Mode.ALIGN and window.mode is Mode.ALIGN and session.mode == "align"
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.set_mode("compare")
    assert session.mode is Mode.COMPARE and window.mode is Mode.COMPARE
    with pytest.raises(ValueError):
        session.set_mode("translate")


def test_export_formats_and_the_alignment_level_are_enums(qtbot, ui, tmp_path):
    """Each export action is keyed by an ExportFormat and the session's alignment level is an
    AlignLevel, whatever text the signal carried; an unknown format is refused."""
    from compare.model import AlignLevel
    from desktop.modes import ExportFormat

    window, session = ui
    assert set(window.exports) == set(ExportFormat)
    assert session.level is AlignLevel.PARAGRAPH
    window.align_view.level_changed.emit("sentence")
    assert session.level is AlignLevel.SENTENCE
    with pytest.raises(ValueError):
        session.render("rtf")
    with pytest.raises(ValueError, match="Nothing compared yet"):
        session.render("html")
