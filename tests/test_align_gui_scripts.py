"""The window lays Arabic out right to left and gives Chinese a font with its glyphs, in the
align table and in the compare panes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyleOptionViewItem
from test_gui_align import _align_window

from compare.model import LanguageAlignment, Pair, Unit
from desktop import scripts

ZH = ["大会，", "1. 决定继续积极处理此案；"]
AR = ["إن الجمعية العامة،", "١ - تقرر أن تبقي المسألة قيد نظرها الفعلي؛"]


def _alignment() -> LanguageAlignment:
    return LanguageAlignment(
        source_units=tuple(Unit(i, t) for i, t in enumerate(ZH)),
        target_units=tuple(Unit(i, t) for i, t in enumerate(AR)),
        pairs=(Pair((0,), (0,), 0.5), Pair((1,), (1,), 0.5)), source_language="zh", target_language="ar")


def test_first_strong_character_decides_the_direction():
    """Arabic text is right to left even when it starts with a number; English and Chinese are not."""
    assert scripts.is_rtl("١ - تقرر") and scripts.is_rtl("3. يقرر")
    assert not scripts.is_rtl("3. Decides") and not scripts.is_rtl("决定")
    assert scripts.is_rtl("٣", "ar") and not scripts.is_rtl("3", "en")
    assert scripts.has_cjk("决定") and not scripts.has_cjk("Decides")


def test_align_table_sets_arabic_right_to_left_and_chinese_in_a_cjk_font(qtbot, settings):
    """Arabic cells are aligned right and drawn right to left; Chinese cells get a font whose
    family has Chinese glyphs (when one is installed: the window warns otherwise)."""
    with _align_window(settings) as (window, _session):
        window.show_alignment(_alignment())
        view = window.align_view
        model = view.model
        arabic = model.index(1, 2)
        assert int(arabic.data(Qt.ItemDataRole.TextAlignmentRole)) & int(Qt.AlignmentFlag.AlignRight)
        assert not int(model.index(1, 1).data(Qt.ItemDataRole.TextAlignmentRole)) & int(Qt.AlignmentFlag.AlignRight)
        option = QStyleOptionViewItem()
        view.table.itemDelegate().initStyleOption(option, arabic)
        assert option.direction == Qt.LayoutDirection.RightToLeft
        option = QStyleOptionViewItem()
        view.table.itemDelegate().initStyleOption(option, model.index(1, 1))
        assert option.direction != Qt.LayoutDirection.RightToLeft
        family = scripts.cjk_family()
        if family is None:
            assert view.message.isVisible() and "Chinese" in view.message.label.text()
            pytest.skip("no font with Chinese glyphs installed here")
        font = model.index(1, 1).data(Qt.ItemDataRole.FontRole)
        assert font.families()[0] == family
        assert QFontMetrics(font).inFontUcs4(ord("决"))


def test_compare_pane_paragraphs_of_arabic_are_right_to_left():
    """The compare panes' HTML marks an Arabic paragraph dir="rtl" and leaves the others alone."""
    from compare.model import Change, ChangeKind
    from desktop.compare_html import _block_html
    from parsers.model import Block, BlockKind

    arabic = Block(0, BlockKind.OPERATIVE, "تقرر أن تبقي المسألة قيد نظرها الفعلي؛", number="١")
    english = Block(0, BlockKind.OPERATIVE, "Decides to remain seized of the matter;", number="1")
    assert ' dir="rtl"' in _block_html(Change(ChangeKind.UNCHANGED, (arabic,), (arabic,)), (arabic,), "old", 0)
    assert "dir=" not in _block_html(Change(ChangeKind.UNCHANGED, (english,), (english,)), (english,), "old", 0)
