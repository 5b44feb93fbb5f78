"""The align mode: the aligned table shows the translation flags, steps through them, and lets
the user fix the alignment by hand (merge, split, link, unlink), fixes being pinned."""

from __future__ import annotations

import importlib.util
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from compare.model import Flag, FlagKind, LanguageAlignment, Pair, Unit
from desktop import align_edits
from desktop.main_window import MainWindow
from desktop.session import Session

FIXTURES = Path(__file__).parent / "fixtures"
WAIT_MS = 60_000  # reading runs in a subprocess and the machine is shared

SOURCE = ["Le Conseil économique et social,", "Rappelant sa résolution 2017/19,",
          "Prie le Secrétaire général de lui faire rapport à sa soixante-dixième session.",
          "Décide de rester saisi de la question.", "Note avec satisfaction le rapport."]
TARGET = ["The Economic and Social Council,", "Recalling its resolution 2017/18,",
          "Requests the Secretary-General to report to it at its seventieth session.",
          "Decides to remain seized of the matter.", "Notes with appreciation", "the report."]


def sample_alignment() -> LanguageAlignment:
    """Five source units against six target units: a figure differs in pair 1, pair 4 is a
    one-to-two, and the engine left the last target unit unmatched."""
    pairs = (
        Pair((0,), (0,), 0.95),
        Pair((1,), (1,), 0.81, (Flag(FlagKind.NUMBERS, "2017/19 in the source, 2017/18 in the target"),)),
        Pair((2,), (2,), 0.90),
        Pair((3,), (3,), 0.92),
        Pair((4,), (4,), 0.40),
        Pair((), (5,), 0.0, (Flag(FlagKind.UNMATCHED, "target unit with no counterpart"),)),
    )
    return LanguageAlignment(
        source_units=tuple(Unit(i, t) for i, t in enumerate(SOURCE)),
        target_units=tuple(Unit(i, t) for i, t in enumerate(TARGET)),
        pairs=pairs, source_language="fr", target_language="en",
        source_path="/tmp/src-fr.docx", target_path="/tmp/tgt-en.docx",
    )


@contextmanager
def _align_window(settings):
    """The window in align mode with its session (as `window.session`), closed afterwards."""
    window = MainWindow(settings)
    session = Session(window, settings, mode="align")
    window.resize(1300, 800)
    window.show()
    window.session = session
    try:
        yield window, session
    finally:
        session.fixes_exported = True  # closing must not stop on the "discard your fixes?" question
        window.close()
        session.runner.wait()
        window.deleteLater()


@pytest.fixture
def window(qtbot, settings):
    with _align_window(settings) as (window, session):
        alignment = sample_alignment()
        session.alignment = alignment
        window.show_alignment(alignment)
        yield window


def test_the_table_shows_both_texts_and_the_flags(window):
    """One row per pair, source and target texts side by side, flagged rows with icon and tooltip."""
    model = window.align_view.model
    assert model.rowCount() == 6
    assert model.index(1, 1).data() == SOURCE[1] and model.index(1, 2).data() == TARGET[1]
    assert model.index(1, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "2017/19" in model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(5, 1).data() == "—"
    assert "(fr)" in model.headerData(1, Qt.Orientation.Horizontal)
    assert window.align_view.flagged_rows() == [1, 5]


def test_next_and_previous_flag_select_the_flagged_rows(window):
    """F8 / Shift+F8 in align mode go from flag to flag."""
    view = window.align_view
    window.next_change.setEnabled(True)
    view.next_flag.trigger()
    assert view.current_row() == 1
    view.next_flag.trigger()
    assert view.current_row() == 5
    view.previous_flag.trigger()
    assert view.current_row() == 1


def test_merge_with_next_then_split_restores_the_rows(window):
    """Merging rows 4 and 5 makes one pinned pair; splitting it gives two pinned pairs again."""
    view = window.align_view
    view.select_rows([4])
    view.merge.trigger()
    pairs = view.alignment.pairs
    assert len(pairs) == 5
    assert pairs[4].source == (4,) and pairs[4].target == (4, 5) and pairs[4].pinned
    assert view.model.index(4, 2).data() == "Notes with appreciation the report."
    assert window.session.alignment is view.alignment and not window.session.fixes_exported
    view.select_rows([4])
    view.split.trigger()
    pairs = view.alignment.pairs
    assert [(p.source, p.target) for p in pairs[4:]] == [((4,), (4,)), ((), (5,))]
    assert all(p.pinned for p in pairs[4:])


def test_unlink_and_link_rows(window):
    """Unlink turns a pair into a source-only and a target-only row; linking them joins them back."""
    view = window.align_view
    view.select_rows([2])
    view.unlink.trigger()
    pairs = view.alignment.pairs
    assert (pairs[2].source, pairs[2].target) == ((2,), ())
    assert (pairs[3].source, pairs[3].target) == ((), (2,))
    assert pairs[2].flags and pairs[2].flags[0].kind is FlagKind.UNMATCHED
    view.select_rows([2, 3])
    view.link.trigger()
    pairs = view.alignment.pairs
    assert len(pairs) == 6 and (pairs[2].source, pairs[2].target) == ((2,), (2,)) and pairs[2].pinned


def test_a_fix_that_cannot_be_made_is_explained_not_applied(window, qtbot):
    """Splitting a one-to-one row changes nothing and says why in the status bar."""
    view = window.align_view
    view.select_rows([0])
    with qtbot.waitSignal(view.status) as blocker:
        view.split.trigger()
    assert "nothing to split" in blocker.args[0]
    assert len(view.alignment.pairs) == 6


def test_edits_keep_every_unit_once_and_in_order():
    """Whatever the sequence of fixes, each unit is in exactly one pair, in reading order."""
    pairs = sample_alignment().pairs
    for edit in (lambda p: align_edits.merge_with_next(p, 0), lambda p: align_edits.unlink(p, 1),
                 lambda p: align_edits.link(p, [1, 2]), lambda p: align_edits.split(p, 0)):
        pairs = edit(pairs)
        sources = [i for p in pairs for i in p.source]
        targets = [i for p in pairs for i in p.target]
        assert sources == list(range(len(SOURCE))) and targets == list(range(len(TARGET)))


def test_link_refuses_rows_that_are_not_neighbours():
    """Linking rows 0 and 2 would cross row 1: refused."""
    with pytest.raises(align_edits.EditError):
        align_edits.link(sample_alignment().pairs, [0, 2])


@pytest.mark.skipif(importlib.util.find_spec("compare.languages.export") is None,
                    reason="compare.languages.export not written yet")
def test_exports_keep_the_manual_fixes(window, tmp_path):
    """A merge made by hand is one translation unit in the TMX and one line in the TSV."""
    view = window.align_view
    view.select_rows([4])
    view.merge.trigger()
    tsv, tmx = tmp_path / "m.tsv", tmp_path / "m.tmx"
    assert window.session.export("tsv", str(tsv))
    assert "Notes with appreciation the report." in tsv.read_text(encoding="utf-8")
    assert window.session.export("tmx", str(tmx))
    from lxml import etree

    root = etree.parse(str(tmx)).getroot()
    texts = ["".join(seg.itertext()) for seg in root.iter("seg")]
    assert "Notes with appreciation the report." in texts
    assert window.session.fixes_exported


@pytest.fixture
def real_window(qtbot, settings):
    """The window in align mode on the French and English versions of E/CN.15/2018/L.2."""
    with _align_window(settings) as (window, session):
        with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
            session.open_pair(str(FIXTURES / "l2-fr.docx"), str(FIXTURES / "l2-en.docx"))
        yield window


def test_align_mode_on_real_files_shows_pairs_and_flags(real_window):
    """The French and English versions align paragraph by paragraph; the window's Next steps flags."""
    alignment = real_window.session.alignment
    view = real_window.align_view
    assert alignment.source_language == "fr" and alignment.target_language == "en"
    assert view.model.rowCount() == len(alignment.pairs) > 40
    assert real_window.stack.currentWidget() is view and real_window.dock.isHidden()
    flagged = view.flagged_rows()
    assert flagged, "the French version has a line the English one lacks"
    real_window.next_change.trigger()
    assert view.current_row() == flagged[0]
    assert "flag" in real_window.summary.text()


def test_realigning_keeps_the_fixes(qtbot, real_window):
    """A row unlinked by hand stays unlinked (pinned) when the rest is aligned again."""
    view = real_window.align_view
    session = real_window.session
    row = next(r for r, p in enumerate(session.alignment.pairs) if len(p.source) == 1 and len(p.target) == 1
               and r > 10)
    source, target = session.alignment.pairs[row].source, session.alignment.pairs[row].target
    view.select_rows([row])
    view.unlink.trigger()
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        view.realign.trigger()
    pinned = [(p.source, p.target) for p in session.alignment.pairs if p.pinned]
    assert (source, ()) in pinned and ((), target) in pinned
    assert not session.fixes_exported


def test_choosing_sentences_aligns_sentence_by_sentence(qtbot, real_window):
    """The level box re-aligns the open pair at sentence level (a resolution's paragraphs are
    mostly one sentence each, so the count stays close) and the table shows the new pairs."""
    session = real_window.session
    paragraphs = session.alignment
    with qtbot.waitSignal(session.shown, timeout=WAIT_MS):
        real_window.align_view.level.setCurrentIndex(real_window.align_view.level.findData("sentence"))
    assert paragraphs.level == "paragraph" and session.alignment.level == "sentence"
    assert len(session.alignment.source_units) >= len(paragraphs.source_units)
    assert real_window.align_view.alignment is session.alignment
    assert real_window.align_view.model.rowCount() == len(session.alignment.pairs)


def test_export_bilingual_table_writes_the_word_table_with_the_fixes(window, tmp_path):
    """Export ▸ Bilingual table (Word) is offered in align mode only and writes the table
    `accord align --format docx` writes: one row per pair, the manual merge one row."""
    import re
    import zipfile

    assert window.exports["bilingual"] in window.export_menu.actions()
    view = window.align_view
    view.select_rows([4])
    view.merge.trigger()
    table = tmp_path / "table.docx"
    assert window.session.export("bilingual", str(table))
    assert window.session.fixes_exported
    with zipfile.ZipFile(table) as package:
        body = package.read("word/document.xml").decode("utf-8")
    rows = re.split(r"<w:tr[ >]", body)[1:]
    assert len(rows) == 1 + len(window.session.alignment.pairs)  # the header, then one per pair
    merged = [row for row in rows if "Note avec satisfaction le rapport." in row]
    assert len(merged) == 1 and "Notes with appreciation" in merged[0] and "the report." in merged[0]
    assert window.session._suggested_name("bilingual").endswith(".docx")
    window.set_mode("compare")
    assert not window.exports["bilingual"].isVisible()
    window.set_mode("align")
    assert window.exports["bilingual"].isVisible()
