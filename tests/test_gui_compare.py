"""The compare window, driven as a user would: open a pair, read the change list, filter it,
step through changes, export, survive a broken file, cancel."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from compare.model import ChangeKind
from compare.progress import Progress
from desktop.change_list import ChangeFilter
from desktop.main_window import MainWindow
from desktop.session import Session
from desktop.workers import JobRunner

FIXTURES = Path(__file__).parent / "fixtures"
OLD = str(FIXTURES / "l2-en.docx")
NEW = str(FIXTURES / "l2-en-rev1.docx")
# Generous: reading runs in a subprocess and the machine is shared.
WAIT_MS = 60_000


def open_pair(qtbot, session, old=OLD, new=NEW):
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.open_pair(old, new)


def test_opening_a_pair_shows_the_comparison_and_its_changes(qtbot, app_window):
    """Both panes fill, the change list has one row per change that is not 'unchanged'."""
    window, session = app_window
    open_pair(qtbot, session)
    comparison = session.comparison
    assert comparison is not None
    expected = [i for i, c in enumerate(comparison.changes) if c.kind is not ChangeKind.UNCHANGED]
    assert window.changes.visible_changes() == expected
    assert window.panes.old.block_count() >= len(comparison.old.body())
    assert window.panes.new.block_count() >= len(comparison.new.body())
    # one QTextBlock per paragraph of the HTML: the pair-to-position map holds
    assert len(window.panes.anchor_tops("old")) == len(comparison.changes)
    assert "Moved" in window.summary.text()


def test_the_panes_show_the_texts_with_their_numbers(qtbot, app_window):
    """Every numbered block of the new version appears in the new pane with its label."""
    window, session = app_window
    open_pair(qtbot, session)
    text = window.panes.new.text.toPlainText()
    for block in session.comparison.new.body():
        assert " ".join(block.text.split())[:40] in " ".join(text.split())
        if block.kind == "operative" and block.number:
            assert f"{block.number}." in text


def test_filters_reduce_the_list_to_the_kind_asked_for(qtbot, app_window):
    """Each filter keeps exactly the changes of its kind (commitments: those strengthened or weakened
    and the operative paragraphs added or removed)."""
    window, session = app_window
    open_pair(qtbot, session)
    changes = session.comparison.changes
    kinds = Counter(c.kind for c in changes)
    assert kinds[ChangeKind.MOVED] >= 1 and kinds[ChangeKind.REMOVED] >= 1
    for which, kind in ((ChangeFilter.ADDED, ChangeKind.ADDED), (ChangeFilter.REMOVED, ChangeKind.REMOVED),
                        (ChangeFilter.MOVED, ChangeKind.MOVED), (ChangeFilter.MODIFIED, ChangeKind.MODIFIED)):
        window.changes.set_filter(which)
        shown = window.changes.visible_changes()
        assert len(shown) == kinds[kind]
        assert all(changes[i].kind is kind for i in shown)
    window.changes.set_filter(ChangeFilter.COMMITMENTS)
    shown = window.changes.visible_changes()
    expected = [i for i, c in enumerate(changes) if c.commitment is not None
                or (c.kind in (ChangeKind.ADDED, ChangeKind.REMOVED) and (c.new or c.old).kind == "operative")]
    assert shown and shown == expected
    assert len(shown) < len([c for c in changes if c.kind is not ChangeKind.UNCHANGED])


def test_next_and_previous_move_the_selection_and_scroll_both_panes(qtbot, app_window):
    """F8 goes to the next change: the list selects it and both panes bring it into view."""
    window, session = app_window
    window.resize(1400, 700)  # short panes, so later changes are out of view
    open_pair(qtbot, session)
    shown = window.changes.visible_changes()
    last = shown[-1]
    for _ in shown:
        window.next_change.trigger()
    assert window.changes.current_change() == last
    old_bar = window.panes.old.text.verticalScrollBar()
    new_bar = window.panes.new.text.verticalScrollBar()
    assert old_bar.value() > 0 and new_bar.value() > 0
    for side in ("old", "new"):
        pane = window.panes.pane(side)
        paragraph = window.panes._text[side].targets[last]
        top = pane.tops()[paragraph]
        bar = pane.text.verticalScrollBar()
        assert bar.value() <= top <= bar.value() + pane.text.viewport().height()
    window.previous_change.trigger()
    assert window.changes.current_change() == shown[-2]


def test_scrolling_one_pane_brings_the_other_to_the_same_pair(qtbot, app_window):
    """Scrolling is synchronised by aligned pairs, not by pixels."""
    window, session = app_window
    window.resize(1400, 700)
    open_pair(qtbot, session)
    old_bar = window.panes.old.text.verticalScrollBar()
    for fraction in (0.3, 0.6, 0.9):
        old_bar.setValue(int(old_bar.maximum() * fraction))
        qtbot.waitUntil(lambda: window.panes.change_at_line("new") is not None)
        old_pair = window.panes.change_at_line("old")
        new_pair = window.panes.change_at_line("new")
        assert abs(old_pair - new_pair) <= 1, (fraction, old_pair, new_pair)


def test_clicking_a_change_in_the_overview_selects_it(qtbot, app_window):
    """The overview bar marks the changes; a click on one selects it in the list."""
    window, session = app_window
    open_pair(qtbot, session)
    qtbot.waitUntil(lambda: bool(window.panes.overview.marks()))
    marks = window.panes.overview.marks()
    kinds = {session.comparison.changes[m.change].kind for m in marks}
    assert ChangeKind.UNCHANGED not in kinds and ChangeKind.MODIFIED in kinds
    new_bar = window.panes.new.text.verticalScrollBar()
    assert new_bar.value() == 0
    window.panes.overview.change_clicked.emit(marks[-1].change)
    assert window.changes.current_change() == marks[-1].change
    assert new_bar.value() > 0


def test_exports_write_valid_files(qtbot, app_window, tmp_path):
    """HTML parses, JSON loads with the contract's keys, the redlined .docx opens in python-docx."""
    window, session = app_window
    open_pair(qtbot, session)
    html_path, json_path, docx_path = tmp_path / "r.html", tmp_path / "r.json", tmp_path / "r.docx"
    assert session.export("html", str(html_path))
    HTMLParser().feed(html_path.read_text(encoding="utf-8"))
    assert session.export("json", str(json_path))
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert len(data["changes"]) == len(session.comparison.changes)
    assert session.export("docx", str(docx_path))
    import docx

    assert docx.Document(str(docx_path)).paragraphs


def test_an_export_never_overwrites_an_input(qtbot, app_window):
    """Exporting over one of the compared files is refused with a message, the file untouched."""
    window, session = app_window
    open_pair(qtbot, session)
    before = Path(NEW).read_bytes()
    assert not session.export("json", NEW)
    assert Path(NEW).read_bytes() == before
    assert not window.notice.isHidden() and "input" in window.notice.label.text()


def test_a_corrupt_file_shows_an_error_in_its_pane_and_the_app_goes_on(qtbot, app_window, tmp_path):
    """The broken side gets a message bar naming the file; a good file opened after works."""
    window, session = app_window
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 40)
    with qtbot.waitSignal(session.failed, timeout=WAIT_MS):
        session.open_pair(OLD, str(broken))
    assert "broken.docx" in window.panes.new.error_text()
    assert window.panes.old.error_text() == ""
    assert "Commission on Crime Prevention" in window.panes.old.text.toPlainText()  # the good side is shown
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.open("second", NEW)
    assert window.panes.new.error_text() == ""
    assert session.comparison is not None and session.comparison.new.path == NEW


def test_swap_exchanges_the_sides(qtbot, app_window):
    """Swap sides compares new against old: an added paragraph becomes a removed one."""
    window, session = app_window
    open_pair(qtbot, session)
    before = Counter(c.kind for c in session.comparison.changes)
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        window.swap.trigger()
    after = Counter(c.kind for c in session.comparison.changes)
    assert session.comparison.old.path == NEW
    assert after[ChangeKind.ADDED] == before[ChangeKind.REMOVED]


def test_zoom_changes_the_text_size_and_resets(qtbot, app_window):
    """Ctrl+= enlarges both panes' text, Ctrl+0 restores it."""
    window, session = app_window
    open_pair(qtbot, session)
    size = window.panes.new.text.font().pointSizeF()
    window.zoom_in.trigger()
    window.zoom_in.trigger()
    assert window.panes.new.text.font().pointSizeF() > size
    assert window.panes.old.text.font().pointSizeF() > size
    window.zoom_reset.trigger()
    assert window.panes.new.text.font().pointSizeF() == size


def slow_job(steps: int):
    for k in range(steps):
        time.sleep(0.01)
        yield Progress("slow", k, steps)
    return "finished"


def test_cancel_stops_the_work_between_steps(qtbot):
    """A cancelled job never delivers its result; its thread ends."""
    runner = JobRunner()
    results, progress = [], []
    runner.result.connect(results.append)
    runner.progress.connect(progress.append)
    runner.start(lambda _cancelled: slow_job(100_000))
    qtbot.waitUntil(lambda: len(progress) > 3, timeout=WAIT_MS)
    with qtbot.waitSignal(runner.cancelled):
        runner.cancel()
    runner.wait()
    assert not runner.busy and results == []
    qtbot.wait(50)
    assert results == []


def test_cancel_button_in_the_window_stops_a_comparison(qtbot, app_window):
    """The status bar's Cancel ends the work; the window can start another one after."""
    window, session = app_window
    with qtbot.waitSignal(session.runner.cancelled, timeout=WAIT_MS):
        session.open_pair(OLD, NEW)
        assert window.cancel_button.isVisibleTo(window)
        window.cancel_button.click()
    assert not session.runner.busy and not window.cancel_button.isVisibleTo(window)
    open_pair(qtbot, session)
    assert session.comparison is not None


def test_errors_cross_threads_as_the_exception_object(qtbot):
    """A failing job's exception reaches the GUI thread as itself, not as text."""

    def failing():
        yield Progress("x", 0, 1)
        raise KeyError("boom")

    runner = JobRunner()
    with qtbot.waitSignal(runner.error, timeout=WAIT_MS) as blocker:
        runner.start(lambda _cancelled: failing())
    runner.wait()
    assert isinstance(blocker.args[0], KeyError)


def test_recent_files_and_geometry_are_remembered(qtbot, settings, tmp_path):
    """Opened files go to the recent list; the window's state is saved on close."""
    window = MainWindow(settings)
    session = Session(window, settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.open_pair(OLD, NEW)
    assert settings.recent_files()[:2] == [os.path.abspath(NEW), os.path.abspath(OLD)]
    window.close()
    session.runner.wait()
    assert settings.geometry() is not None and settings.state() is not None


def test_tables_and_line_breaks_keep_one_paragraph_per_block(qtbot):
    """A table block (tabs, newlines) and markup-like text still map one paragraph to one text
    block, so the pair positions hold."""
    from compare.versions.engine import compare_documents
    from desktop.compare_view import ComparePanes
    from parsers.model import Block, BlockKind, Document, Format

    def doc(path, texts):
        blocks = tuple(Block(i, kind, text, number) for i, (kind, text, number) in enumerate(texts))
        return Document(path=path, format=Format.TXT, blocks=blocks, language="en")

    old = doc("old.txt", [(BlockKind.PARAGRAPH, "Intro <b>not bold</b> & more", None),
                          (BlockKind.TABLE, "Year\tAmount\n2017\t10\n2018\t12", None),
                          (BlockKind.OPERATIVE, "Decides to remain seized of the matter.", "1")])
    new = doc("new.txt", [(BlockKind.PARAGRAPH, "Intro <b>not bold</b> & more", None),
                          (BlockKind.TABLE, "Year\tAmount\n2017\t10\n2018\t14\n2019\t15", None),
                          (BlockKind.OPERATIVE, "Decides to remain actively seized of the matter.", "1")])
    comparison = compare_documents(old, new)
    panes = ComparePanes()
    qtbot.addWidget(panes)
    panes.resize(900, 500)
    panes.show()
    panes.show_comparison(comparison)
    assert len(panes.anchor_tops("old")) == len(panes.anchor_tops("new")) == len(comparison.changes)
    assert "<b>not bold</b>" in panes.new.text.toPlainText()


def test_cancel_while_reading_stops_the_reader(tmp_path):
    """A job cancelled while a file is being read ends as Cancelled, not as an error in a pane."""
    from compare.progress import run
    from desktop.workers import Cancelled, compare_job

    with pytest.raises(Cancelled):
        run(compare_job(OLD, NEW, cancelled=lambda: True))


def test_reload_after_the_new_file_was_deleted(qtbot, app_window, tmp_path):
    """Deleting the open new file then reloading names it in its pane; the old side stays shown."""
    window, session = app_window
    old = tmp_path / "old.docx"
    new = tmp_path / "new.docx"
    shutil.copy(OLD, old)
    shutil.copy(NEW, new)
    open_pair(qtbot, session, str(old), str(new))
    new.unlink()
    with qtbot.waitSignal(session.failed, timeout=WAIT_MS):
        session.reload()
    assert "new.docx" in window.panes.new.error_text()
    assert window.panes.old.error_text() == ""
    shutil.copy(NEW, new)
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        session.reload()
    assert window.panes.new.error_text() == ""
    assert session.comparison is not None


def test_the_window_reads_both_files_at_once(monkeypatch):
    """The window's jobs read the two files in parallel (a barrier both reads must reach together
    would time out if they ran one after the other), report both failures, and keep the order."""
    import threading

    from compare.progress import run
    from desktop import loading
    from desktop.workers import LoadFailed, load_pair
    from parsers import ErrorCode, ParseError
    from parsers.model import Block, BlockKind, Document, Format

    together = threading.Barrier(2, timeout=20)

    def reading(path, options=None, **kwargs):
        together.wait()
        if "bad" in path:
            raise ParseError(path, ErrorCode.EMPTY, "the file is empty")
        block = Block(0, BlockKind.PARAGRAPH, f"text of {path}", None)
        return Document(path=path, format=Format.TXT, blocks=(block,), language="en")

    monkeypatch.setattr(loading, "load_document", reading)
    stages = []
    first, second = run(load_pair("a.txt", "b.txt", ("old", "new")), stages.append)
    assert (first.path, second.path) == ("a.txt", "b.txt")
    # then, if one read ends first, the other one's name (both may end at the same moment)
    assert stages[0].stage == "read both"
    assert all(s.stage in ("read old", "read new") and s.done == 1 for s in stages[1:])
    with pytest.raises(LoadFailed) as info:
        run(load_pair("bad-1.txt", "bad-2.txt", ("old", "new")))
    assert sorted(info.value.errors) == ["new", "old"]


def test_change_list_cites_every_paragraph_of_a_split(qtbot):
    """Operative 2 split into 2 and 3: the change list's New column reads "OP2 + OP3", not just "OP2"."""
    from dataclasses import replace

    from compare.versions.engine import compare_documents
    from desktop.change_list import ChangeTableModel
    from parsers.labels import cite_labels
    from parsers.model import Block, BlockKind, Document, Format

    def doc(path, items):
        blocks = [Block(i, BlockKind.OPERATIVE, text, number) for i, (text, number) in enumerate(items)]
        labelled = tuple(replace(b, label=label) for b, label in zip(blocks, cite_labels(blocks), strict=True))
        return Document(path=path, format=Format.TXT, blocks=labelled, language="en")

    welcome = ("Welcomes the report of the Secretary-General on the work of the Office.", "1")
    old = doc("old.txt", [welcome, (
        "Requests the Secretary-General to submit a report on the implementation of the present resolution to "
        "the General Assembly at its seventy-fifth session, and to include in that report recommendations on "
        "further action by Member States.", "2")])
    new = doc("new.txt", [welcome, (
        "Requests the Secretary-General to submit a report on the implementation of the present resolution to "
        "the General Assembly at its seventy-fifth session;", "2"), (
        "Also requests the Secretary-General to include in that report recommendations on further action by "
        "Member States.", "3")])
    model = ChangeTableModel()
    model.set_comparison(compare_documents(old, new))
    old_column, new_column = ChangeTableModel.COLUMNS.index("old"), ChangeTableModel.COLUMNS.index("new")
    rows = [(model.data(model.index(r, old_column)), model.data(model.index(r, new_column)))
            for r in range(model.rowCount())]
    assert ("OP2", "OP2 + OP3") in rows
