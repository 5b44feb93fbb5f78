"""Comparing two documents in different languages in the window (issue 16): the compare job pairs
them across the languages (compare.history.cross_language), the panes show both texts with the
differences named, the notice bar says what was done, and a Word redline is refused."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from compare.model import ChangeKind

FIXTURES = Path(__file__).parent / "fixtures"
FRENCH = str(FIXTURES / "l2-fr-rev1.docx")
ENGLISH = str(FIXTURES / "l2-en.docx")
ENGLISH_REV = str(FIXTURES / "l2-en-rev1.docx")
WAIT_MS = 60_000  # reading runs in a subprocess and the machine is shared


def open_pair(qtbot, session, old=FRENCH, new=ENGLISH):
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.open_pair(old, new)


def test_two_languages_are_paired_across_them_not_compared_word_for_word(qtbot, app_window):
    """French against English: a comparison without word ops whose changed pairs name their
    differences (the engine's reasons), some of them commitments."""
    window, session = app_window
    open_pair(qtbot, session)
    comparison = session.comparison
    assert comparison is not None
    assert (comparison.old.language, comparison.new.language) == ("fr", "en")
    assert all(not change.ops for change in comparison.changes)
    modified = [c for c in comparison.changes if c.kind is ChangeKind.MODIFIED]
    assert modified and all(c.reasons for c in modified)
    assert any(c.commitment is not None for c in modified)
    # same-language comparison of these texts would be almost all deletions and insertions
    assert sum(c.kind is ChangeKind.UNCHANGED for c in comparison.changes) > len(comparison.changes) / 2


def test_the_panes_show_both_texts_with_the_differences_named(qtbot, app_window):
    """Each pane holds its own language's text; every named difference appears in the new pane
    under its paragraph; one paragraph of HTML per change keeps the panes in step."""
    window, session = app_window
    open_pair(qtbot, session)
    comparison = session.comparison
    old_text = " ".join(window.panes.old.text.toPlainText().split())
    new_text = " ".join(window.panes.new.text.toPlainText().split())
    for block in comparison.old.body():
        assert " ".join(block.text.split())[:40] in old_text
    for block in comparison.new.body():
        assert " ".join(block.text.split())[:40] in new_text
    for change in comparison.changes:
        if change.kind is ChangeKind.MODIFIED:
            for reason in change.reasons:
                assert f"≠ {' '.join(reason.split())}" in new_text
    assert len(window.panes.anchor_tops("old")) == len(comparison.changes)
    assert len(window.panes.anchor_tops("new")) == len(comparison.changes)


def test_the_change_list_names_a_difference_that_is_no_commitment(qtbot, app_window):
    """A figure or deadline changed across languages shows its reason in the commitment column."""
    window, session = app_window
    open_pair(qtbot, session)
    model = window.changes.model
    texts = [model._display(model.change(row), "commitment") for row in range(model.rowCount())]
    assert any(t.startswith("≠ figure") for t in texts)
    assert any(t.startswith("▼") for t in texts) and any(t.startswith("▲") for t in texts)


def test_the_notice_says_the_languages_differ_and_were_paired_across_them(qtbot, app_window):
    """The notice bar names both languages and says the paragraphs were paired across them."""
    window, session = app_window
    open_pair(qtbot, session)
    assert not window.notice.isHidden()
    text = window.notice.label.text()
    assert "French" in text and "English" in text
    assert "paired across the languages" in text and "not word for word" in text


def test_a_redline_across_languages_is_refused_with_a_clear_message(qtbot, app_window, tmp_path):
    """Export ▸ Word redline is disabled and, if asked anyway, refused in one line; nothing is
    written. The HTML and JSON exports are the command line's cross-language reports."""
    window, session = app_window
    open_pair(qtbot, session)
    assert not window.exports["docx"].isEnabled()
    target = tmp_path / "redline.docx"
    assert not session.export("docx", str(target))
    assert not target.exists()
    message = window.notice.label.text()
    assert "Word redline needs two versions in one language" in message and "fr and en" in message
    html_path, json_path = tmp_path / "r.html", tmp_path / "r.json"
    assert session.export("html", str(html_path))
    page = html_path.read_text(encoding="utf-8")
    HTMLParser().feed(page)
    assert "Across languages" in page
    assert session.export("json", str(json_path))
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["cross_language"] is True
    assert len(data["changes"]) == len(session.comparison.changes)


def test_the_default_export_across_languages_is_the_html_report(qtbot, app_window, monkeypatch, tmp_path):
    """Ctrl+E asks for the HTML report across languages and for the redline within one."""
    window, session = app_window
    asked: list[str] = []
    monkeypatch.setattr(window, "ask_save_path", lambda fmt, suggested: asked.append(fmt) or None)
    open_pair(qtbot, session)
    window.export_default.trigger()
    open_pair(qtbot, session, ENGLISH, ENGLISH_REV)
    assert window.exports["docx"].isEnabled()
    window.export_default.trigger()
    assert asked == ["html", "docx"]


def test_the_printed_report_across_languages_shows_both_texts(qtbot, app_window):
    """The print/PDF report of a comparison across languages is the side-by-side report."""
    from desktop.printing import report_html

    window, session = app_window
    open_pair(qtbot, session)
    page = report_html(session.comparison)
    assert "Across languages" in page
    first = session.comparison.old.body()[3].text
    assert " ".join(first.split())[:30] in " ".join(page.split())


def test_options_that_do_not_apply_across_languages_are_named(qtbot, app_window):
    """An option chosen in the Options menu is not silently dropped: the notice names it."""
    window, session = app_window
    window.option_actions["ignore_case"].setChecked(True)  # compares again if a pair is open: none yet
    open_pair(qtbot, session)
    text = window.notice.label.text()
    assert "do not apply across languages" in text and "Ignore case" in text
    window.option_actions["ignore_case"].setChecked(False)
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.reload()
    assert "do not apply" not in window.notice.label.text()
