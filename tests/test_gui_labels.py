"""The window cites paragraphs as negotiators do (PP3, OP5, OP10 → OP9), never by internal index,
and its "Commitments only" filter lists every commitment change the reports list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compare.model import Change, ChangeKind
from desktop.change_list import ChangeFilter, ChangeTableModel, is_commitment_change
from desktop.cite import cite, cite_blocks, cite_change
from desktop.compare_html import reasons_text
from parsers.model import Block, BlockKind, Location

FIXTURES = Path(__file__).parent / "fixtures"
WAIT_MS = 60_000
# An internal index as the window used to cite it ("¶17") or as the text report does ("#16").
INDEX_CITATION = re.compile(r"¶\s*\d|#\d")


@pytest.fixture
def window_on(qtbot, app_window):
    """A window and its controller; call the result with a pair to open it and wait."""
    window, session = app_window

    def open_pair(old: Path, new: Path):
        with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
            session.open_pair(str(old), str(new))
        return window, session

    return open_pair


def test_a_block_is_cited_by_its_label_or_by_what_it_is():
    """A labelled block is cited by its label; the title by 'title' and its page; a numbered
    paragraph of a report by its number; never by its index."""
    assert cite(Block(16, BlockKind.OPERATIVE, "Decides…", "5", label="OP5")) == "OP5"
    assert cite(Block(3, BlockKind.PREAMBLE, "Recalling…", label="PP3")) == "PP3"
    assert cite(Block(0, BlockKind.TITLE, "Crime prevention", location=Location(page=1))).startswith("title")
    assert cite(Block(7, BlockKind.PARAGRAPH, "The Committee…", "12")) == "para. 12"
    assert not re.search(r"\d", cite(Block(7, BlockKind.PARAGRAPH, "The General Assembly,")))
    split = Change(ChangeKind.MODIFIED, olds=(Block(9, BlockKind.OPERATIVE, "a", "10", label="OP10"),),
                   news=(Block(8, BlockKind.OPERATIVE, "a", "9", label="OP9"),
                         Block(9, BlockKind.OPERATIVE, "b", "10", label="OP10")))
    assert cite_blocks(split.news) == "OP9 + OP10"
    assert cite_change(split) == "OP10 → OP9 + OP10"
    assert cite_change(Change(ChangeKind.ADDED, news=split.news[:1])) == "OP9"


def test_change_list_and_panes_cite_labels_never_indexes(window_on):
    """On the French L.2 pair the change list's Old/New columns, its tooltips and the panes'
    placeholders cite PP/OP labels; no '¶17' or '#16' anywhere."""
    window, session = window_on(FIXTURES / "l2-fr.docx", FIXTURES / "l2-fr-rev1.docx")
    model: ChangeTableModel = window.changes.model
    changes = session.comparison.changes
    columns = [ChangeTableModel.COLUMNS.index(c) for c in ("old", "new")]
    cited = []
    for row in range(model.rowCount()):
        for column in columns:
            text = model.data(model.index(row, column))
            tip = model.data(model.index(row, column), role=0x03)  # ToolTipRole
            assert not INDEX_CITATION.search(text) and not INDEX_CITATION.search(tip)
            cited.append(text)
    labels = {b.label for c in changes for b in (*c.olds, *c.news) if b.label}
    assert {"OP5", "PP1"} <= labels
    assert labels <= set(" + ".join(cited).split(" + "))
    moved = next(i for i, c in enumerate(changes) if c.kind is ChangeKind.MOVED)
    tip = model.data(model.index(moved, columns[0]), role=0x03)
    assert tip.startswith(f"{changes[moved].old.label} → {changes[moved].new.label}: moved")
    for side in ("old", "new"):
        text = window.panes.pane(side).text.toPlainText()
        assert not INDEX_CITATION.search(text), side
    # the removed preambular paragraph is cited by its label where it stood
    removed = next(c for c in changes if c.kind is ChangeKind.REMOVED and c.old.kind is BlockKind.PREAMBLE)
    assert f"({removed.old.label})" in window.panes.new.text.toPlainText()
    # the moved operative paragraph says where it went, by label
    assert f"moved to {changes[moved].new.label}" in window.panes.old.text.toPlainText()


def test_a_commitment_tooltip_names_the_paragraph(window_on):
    """The ▲/▼ badge's tooltip starts with the paragraph's label, then the reasons."""
    window, session = window_on(FIXTURES / "l2-fr.docx", FIXTURES / "l2-fr-rev1.docx")
    index, change = next((i, c) for i, c in enumerate(session.comparison.changes)
                         if c.commitment is not None and c.new is not None and c.new.label == "OP5")
    tip = window.panes._tooltip(f"why:{index}")
    assert tip == reasons_text(change) and tip.startswith("OP5 — Commitment strengthened")


def test_commitments_only_lists_added_and_removed_commitments(window_on):
    """On the L.2 fr pair, 'Commitments only' shows the five commitment changes the HTML report
    lists: one strengthened, two weakened, one operative paragraph added, one removed."""
    window, session = window_on(FIXTURES / "l2-fr.docx", FIXTURES / "l2-fr-rev1.docx")
    comparison = session.comparison
    window.changes.set_filter(ChangeFilter.COMMITMENTS)
    shown = window.changes.visible_changes()
    assert len(shown) == 5
    kinds = sorted(str(comparison.changes[i].kind) for i in shown)
    assert kinds == ["added", "modified", "modified", "modified", "removed"]
    assert all(is_commitment_change(comparison.changes[i]) for i in shown)
    column = ChangeTableModel.COLUMNS.index("commitment")
    texts = {window.changes.model.data(window.changes.model.index(i, column)) for i in shown}
    assert {"+ commitment added", "− commitment removed", "▲ strengthened", "▼ weakened"} == texts
    assert window.changes.count.text() == "5 change(s)"


def test_the_status_bar_counts_commitments_added_and_removed(window_on):
    """The summary under the window counts the operative paragraphs added and removed among the
    commitments, as the reports do."""
    window, _ = window_on(FIXTURES / "l2-fr.docx", FIXTURES / "l2-fr-rev1.docx")
    text = re.sub("<[^>]+>", "", window.summary.text())
    assert "▲ 1 strengthened, ▼ 2 weakened, + 1 added, − 1 removed" in text


def test_resting_on_a_changed_paragraph_tells_its_change_by_label(window_on):
    """The tooltip of a paragraph in either pane cites its change ('OP4 → OP2: moved'); unchanged
    paragraphs say nothing."""
    window, session = window_on(FIXTURES / "l2-fr.docx", FIXTURES / "l2-fr-rev1.docx")
    changes = session.comparison.changes
    moved = next(i for i, c in enumerate(changes) if c.kind is ChangeKind.MOVED)
    expected = f"{changes[moved].old.label} → {changes[moved].new.label}: moved"
    for side in ("old", "new"):
        block = window.panes._text[side].targets[moved]
        assert window.panes.paragraph_tooltip(side, block) == expected
    unchanged = next(i for i, c in enumerate(changes) if c.kind is ChangeKind.UNCHANGED)
    assert window.panes.paragraph_tooltip("new", window.panes._text["new"].anchors[unchanged]) == ""
    # the pane asks the same function for the paragraph under the pointer
    assert window.panes.new.text.paragraph_tooltip(window.panes._text["new"].anchors[moved]) == expected


def test_a_footnote_in_a_pane_shows_its_label_not_a_bare_number():
    """A footnote block (kind footnote, label FN3) is introduced by 'FN3', not by '3' that would
    read as operative paragraph 3; an operative paragraph keeps its printed '3.'."""
    from PySide6.QtGui import QTextDocument

    from compare.model import Comparison
    from desktop.compare_html import render_new
    from parsers.model import Document, Format

    note = Block(1, BlockKind.FOOTNOTE, "See A/73/85.", "3", label="FN3")
    operative = Block(0, BlockKind.OPERATIVE, "Decides to remain seized of the matter.", "3", label="OP3")
    doc = Document(path="d.docx", format=Format.DOCX, blocks=(operative, note), language="en")
    changes = (Change(ChangeKind.UNCHANGED, olds=(operative,), news=(operative,)),
               Change(ChangeKind.ADDED, news=(note,)))
    document = QTextDocument()
    document.setHtml(render_new(Comparison(doc, doc, changes)).html)
    lines = document.toPlainText().splitlines()
    assert lines[0].startswith("3.") and "FN3" in lines[1] and not lines[1].lstrip("+ \u00a0").startswith("3")
