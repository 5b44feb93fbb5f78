"""Comparison options, the redline author and the readers' warnings in the window: an option
switched in the Options menu compares again with it and is remembered; the author set in the
window signs the redline's tracked changes; a draft read with its tracked changes accepted says
so in compare and in align mode."""

from __future__ import annotations

import zipfile
from dataclasses import fields
from pathlib import Path

import pytest

from compare.model import CompareOptions
from desktop.main_window import COMPARE_OPTIONS, MainWindow

FIXTURES = Path(__file__).parent / "fixtures"
WAIT_MS = 60_000
ENGINE_FIELDS = {f.name for f in fields(CompareOptions)}


def open_pair(qtbot, session, old, new) -> None:
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.open_pair(str(old), str(new))


def test_the_options_menu_offers_every_option_the_engine_has(app_window):
    """One checkable entry per CompareOptions field the window knows, none for a field the engine
    lacks; the three counting options are always there."""
    window, _ = app_window
    known = {name for name, _ in COMPARE_OPTIONS}
    assert set(window.option_actions) == known & ENGINE_FIELDS
    assert {"count_numbers", "count_footnote_marks", "count_spacing"} <= set(window.option_actions)
    assert all(a.isCheckable() and not a.isChecked() for a in window.option_actions.values())
    assert set(window.options_menu.actions()) == set(window.option_actions.values())


def test_switching_an_option_compares_again_with_it_and_is_remembered(qtbot, app_window, settings):
    """'Count a changed paragraph number' on the L.2 pair: a new comparison runs with count_numbers,
    the renumbered paragraphs now count as differences, and a new window starts with it checked."""
    window, session = app_window
    open_pair(qtbot, session, FIXTURES / "l2-en.docx", FIXTURES / "l2-en-rev1.docx")
    assert session.comparison.options == CompareOptions()
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        window.option_actions["count_numbers"].setChecked(True)
    assert session.comparison.options.count_numbers
    assert "Options: Count a changed paragraph number as a change" in window.summary.text()
    assert settings.compare_option("count_numbers") and not settings.compare_option("count_spacing")
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert again.option_actions["count_numbers"].isChecked()
    assert again.compare_options() == CompareOptions(count_numbers=True)


@pytest.mark.skipif("ignore_case" not in ENGINE_FIELDS, reason="the engine has no ignore_case yet")
def test_ignore_case_in_the_window_hides_case_only_changes(qtbot, app_window, tmp_path):
    """Two texts that differ only in capitals: a change without the option, none with it."""
    window, session = app_window
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("The General Assembly decides to remain seized of the matter.\n", encoding="utf-8")
    new.write_text("The General Assembly Decides to remain Seized of the matter.\n", encoding="utf-8")
    open_pair(qtbot, session, old, new)
    assert session.comparison.has_differences
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        window.option_actions["ignore_case"].setChecked(True)
    assert not session.comparison.has_differences


def test_the_redline_author_is_set_in_the_window_and_signs_the_export(qtbot, app_window, settings, tmp_path, monkeypatch):
    """Settings ▸ Redline author stores the name; the exported redline's tracked changes carry it."""
    window, session = app_window
    open_pair(qtbot, session, FIXTURES / "l2-en.docx", FIXTURES / "l2-en-rev1.docx")
    asked = []
    monkeypatch.setattr(window, "ask_author", lambda current: asked.append(current) or "  Delegation   of Ruritania ")
    window.author_action.trigger()
    assert asked and asked[0]  # the current name was offered for editing
    assert settings.author() == "Delegation of Ruritania"
    target = tmp_path / "redline.docx"
    assert session.export("docx", str(target))
    with zipfile.ZipFile(target) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert 'w:author="Delegation of Ruritania"' in body


def test_a_cancelled_author_dialog_keeps_the_name(qtbot, app_window, settings, monkeypatch):
    """Cancel (or an empty name) leaves the stored author unchanged."""
    window, _ = app_window
    settings.set_author("Secretariat")
    for answer in (None, "   "):
        monkeypatch.setattr(window, "ask_author", lambda current, a=answer: a)
        window.author_action.trigger()
        assert settings.author() == "Secretariat"


def test_tracked_changes_warning_in_compare_and_align_modes(qtbot, app_window, tmp_path):
    """A draft with tracked changes (read accepted) warns in its pane when comparing and above
    the table, named by its file, when aligning."""
    window, session = app_window
    draft = FIXTURES / "tracked-changes.docx"
    other = tmp_path / "other.txt"
    other.write_text("The Commission notes the report.\n\nThe last paragraph.\n", encoding="utf-8")
    open_pair(qtbot, session, other, draft)
    assert window.panes.new.message.level == "warning"
    assert "tracked changes" in window.panes.new.error_text()
    assert window.panes.old.error_text() == ""
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        window.align_mode.trigger()
    message = window.align_view.message
    assert not message.isHidden() and message.level == "warning"
    assert "tracked-changes.docx: tracked changes" in message.label.text()


def test_two_languages_compared_as_versions_are_named_in_a_warning(qtbot, app_window):
    """French against English in compare mode: a warning names both languages and points to
    Align languages; a same-language pair has none."""
    window, session = app_window
    open_pair(qtbot, session, FIXTURES / "l2-fr.docx", FIXTURES / "l2-en-rev1.docx")
    assert not window.notice.isHidden() and window.notice.level == "warning"
    assert "(French and English)" in window.notice.label.text() and "Align languages" in window.notice.label.text()
    open_pair(qtbot, session, FIXTURES / "l2-en.docx", FIXTURES / "l2-en-rev1.docx")
    assert window.notice.isHidden()
