"""The align mode: the two language versions as an aligned table (source | target) with the
translation-check flags, next/previous flag, and manual fixes (merge, split, link, unlink)
that are pinned and kept in the exports."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

import resources
from compare.languages.checks import flag_pair
from compare.model import AlignLevel, FlagKind, LanguageAlignment, Pair
from desktop import align_edits, scripts
from desktop.message_bar import MessageBar

# Rows taller than this many text lines are cut (the tooltip shows everything).
MAX_ROW_LINES = 8


def icon(name: str) -> QIcon:
    return QIcon(str(resources.path("icons", f"{name}.svg")))


def flag_name(kind: FlagKind) -> str:
    names = {
        FlagKind.NUMBERS: QCoreApplication.translate("AlignView", "figures"),
        FlagKind.SYMBOLS: QCoreApplication.translate("AlignView", "symbols"),
        FlagKind.YEARS: QCoreApplication.translate("AlignView", "years"),
        FlagKind.FOOTNOTES: QCoreApplication.translate("AlignView", "footnotes"),
        FlagKind.NUMBERING: QCoreApplication.translate("AlignView", "numbering"),
        FlagKind.UNMATCHED: QCoreApplication.translate("AlignView", "unmatched"),
    }
    return names.get(kind, str(kind))


def _flag_new_pairs(before: LanguageAlignment, after: LanguageAlignment) -> LanguageAlignment:
    """Run the translation checks on the pairs a fix made (the others keep their flags)."""
    kept = set(before.pairs)
    return replace(after, pairs=tuple(p if p in kept else replace(p, flags=flag_pair(after, p)) for p in after.pairs))


class AlignmentModel(QAbstractTableModel):
    """Rows are the alignment's pairs: flags, source text, target text, score."""

    COLUMNS = ("flags", "source", "target", "score")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.alignment: LanguageAlignment | None = None
        self._texts: list[tuple[str, str]] = []
        self._flag_icon = icon("flag")
        self._pin_icon = icon("pin")

    def set_alignment(self, alignment: LanguageAlignment | None) -> None:
        self.beginResetModel()
        self.alignment = alignment
        self._texts = [alignment.pair_texts(p) for p in alignment.pairs] if alignment else []
        self.endResetModel()

    def replace_alignment(self, alignment: LanguageAlignment) -> range:
        """Swap in an edited alignment, telling the view only about the rows that changed (a
        fix touches a few neighbouring rows; the others keep their layout). Returns the new rows."""
        old = self.alignment.pairs if self.alignment else ()
        new = alignment.pairs
        start = 0
        while start < min(len(old), len(new)) and old[start] == new[start]:
            start += 1
        end_old, end_new = len(old), len(new)
        while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
            end_old -= 1
            end_new -= 1
        if end_old > start:
            self.beginRemoveRows(QModelIndex(), start, end_old - 1)
            self.alignment = replace(self.alignment, pairs=old[:start] + old[end_old:])
            self._texts[start:end_old] = []
            self.endRemoveRows()
        self.alignment = alignment
        if end_new > start:
            self.beginInsertRows(QModelIndex(), start, end_new - 1)
            self._texts[start:start] = [alignment.pair_texts(p) for p in new[start:end_new]]
            self.endInsertRows()
        self.dataChanged.emit(self.index(0, 0), self.index(max(0, len(new) - 1), 0))  # flags may move
        return range(start, end_new)

    def _cjk_font(self) -> QFont | None:
        """The view's font with a family that has Chinese glyphs put first (None: none installed)."""
        family = scripts.cjk_family()
        if family is None:
            return None
        font = QFont(QApplication.font())
        font.setFamilies([family, *font.families()])
        return font

    def pair(self, row: int) -> Pair:
        assert self.alignment is not None
        return self.alignment.pairs[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or self.alignment is None else len(self.alignment.pairs)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        alignment = self.alignment
        source = self.tr("Source") + (f" ({alignment.source_language})" if alignment and alignment.source_language else "")
        target = self.tr("Target") + (f" ({alignment.target_language})" if alignment and alignment.target_language else "")
        return [self.tr("Checks"), source, target, self.tr("Score")][section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.alignment is None:
            return None
        pair = self.alignment.pairs[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in ("source", "target"):
            # top: both texts start on the same line
            horizontal = Qt.AlignmentFlag.AlignRight if column == "score" else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignTop)
        if column == "flags":
            if role == Qt.ItemDataRole.DecorationRole:
                return self._flag_icon if pair.flags else (self._pin_icon if pair.pinned else None)
            if role == Qt.ItemDataRole.DisplayRole:
                return ", ".join(dict.fromkeys(flag_name(f.kind) for f in pair.flags))
            if role == Qt.ItemDataRole.ToolTipRole:
                lines = [f"• {f.message}" for f in pair.flags]
                if pair.pinned:
                    lines.append(self.tr("Fixed by hand (kept when re-aligning and exporting)"))
                return "\n".join(lines) or None
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return ", ".join(f.message for f in pair.flags)
            return None
        if column in ("source", "target"):
            text = self._texts[index.row()][0 if column == "source" else 1]
            language = self.alignment.source_language if column == "source" else self.alignment.target_language
            if role == Qt.ItemDataRole.DisplayRole:
                return text or "—"
            if role == Qt.ItemDataRole.TextAlignmentRole:
                # Arabic from the right edge; the delegate lays it out right to left
                horizontal = Qt.AlignmentFlag.AlignRight if scripts.is_rtl(text, language) else Qt.AlignmentFlag.AlignLeft
                return int(horizontal | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop)
            if role == Qt.ItemDataRole.FontRole and scripts.has_cjk(text):
                return self._cjk_font()
            if role == Qt.ItemDataRole.ToolTipRole:
                return text or None
            return None
        if column == "score" and role == Qt.ItemDataRole.DisplayRole:
            return "" if pair.pinned else f"{pair.score:.2f}"
        return None


class ScriptDelegate(QStyledItemDelegate):
    """Lays out a right-to-left paragraph (Arabic) right to left: the text's own direction, not
    the window's, so punctuation and numbers land where an Arabic reader expects them."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        alignment = index.data(Qt.ItemDataRole.TextAlignmentRole)
        if isinstance(text, str) and alignment is not None and int(alignment) & int(Qt.AlignmentFlag.AlignRight) \
                and scripts.is_rtl(text):
            option.direction = Qt.LayoutDirection.RightToLeft


class AlignView(QWidget):
    """Toolbar of fixes + the aligned table + a message bar for errors."""

    alignment_edited = Signal(object)  # the new LanguageAlignment
    realign_requested = Signal()
    level_changed = Signal(str)  # an AlignLevel
    status = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AlignmentModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(ScriptDelegate(self.table))
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        # Fixed widths measured once from the labels they hold: ResizeToContents would measure
        # every row again after each fix.
        metrics = self.table.fontMetrics()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, metrics.horizontalAdvance(max((flag_name(k) for k in FlagKind), key=len))
                             + metrics.height() * 2 + metrics.averageCharWidth() * 4)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, metrics.horizontalAdvance(QCoreApplication.translate("AlignmentModel", "Score")) + metrics.averageCharWidth() * 3)
        header.sectionResized.connect(lambda *_: self._fit_rows_later())
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.message = MessageBar()
        self.summary = QLabel()
        self.toolbar = QToolBar(self.tr("Alignment"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # F8 / Shift+F8 belong to the window's Next/Previous actions, which step through flags here
        self.previous_flag = self._action(self.tr("Previous flag"), "go-up", lambda: self.step_flag(-1), None)
        self.next_flag = self._action(self.tr("Next flag"), "go-down", lambda: self.step_flag(1), None)
        for action in (self.previous_flag, self.next_flag):  # the window's toolbar shows these
            self.toolbar.removeAction(action)
        self.merge = self._action(self.tr("Merge with next"), "merge", self.merge_with_next, QKeySequence("Ctrl+M"))
        self.split = self._action(self.tr("Split"), "split", self.split_row, QKeySequence("Ctrl+Shift+M"))
        self.link = self._action(self.tr("Link rows"), "link", self.link_rows, QKeySequence("Ctrl+L"))
        self.unlink = self._action(self.tr("Unlink"), "unlink", self.unlink_row, QKeySequence("Ctrl+Shift+L"))
        self.toolbar.addSeparator()
        self.realign = self._action(self.tr("Re-align around my fixes"), "realign", self.realign_requested.emit,
                                    QKeySequence("Ctrl+Shift+R"))
        self.toolbar.addSeparator()
        self.level = QComboBox()
        self.level.addItem(self.tr("Paragraphs"), str(AlignLevel.PARAGRAPH))
        self.level.addItem(self.tr("Sentences"), str(AlignLevel.SENTENCE))
        self.level.setToolTip(self.tr("Align paragraph by paragraph, or sentence by sentence within them"))
        self.level.currentIndexChanged.connect(lambda _i: self.level_changed.emit(self.level.currentData()))
        self.toolbar.addWidget(self.level)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self._fit_rows_if_resized)
        self._fitted_widths = (0, 0)
        self._set_enabled(False)

    def _action(self, text: str, icon_name: str, slot, shortcut: QKeySequence | None) -> QAction:
        action = QAction(text, self)
        if icon_name in ("go-up", "go-down"):
            arrow = QStyle.StandardPixmap.SP_ArrowUp if icon_name == "go-up" else QStyle.StandardPixmap.SP_ArrowDown
            action.setIcon(self.style().standardIcon(arrow))
        else:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.addAction(action)
        return action

    def set_level(self, level: AlignLevel | str) -> None:
        """Show `level` in the box without asking for a new alignment."""
        self.level.blockSignals(True)
        self.level.setCurrentIndex(max(0, self.level.findData(str(level))))
        self.level.blockSignals(False)

    def _set_enabled(self, enabled: bool) -> None:
        for action in (self.previous_flag, self.next_flag, self.merge, self.split, self.link, self.unlink,
                       self.realign):
            action.setEnabled(enabled)

    # --- content ----------------------------------------------------------------------------

    @property
    def alignment(self) -> LanguageAlignment | None:
        return self.model.alignment

    def show_alignment(self, alignment: LanguageAlignment | None, keep_row: int | None = None) -> None:
        self.model.set_alignment(alignment)
        self._set_enabled(alignment is not None)
        if alignment is not None and scripts.cjk_family() is None and \
                any(scripts.has_cjk(u.text) for u in (*alignment.source_units, *alignment.target_units)):
            self.message.show_message(self.tr(scripts.MISSING_CJK_FONT), "warning")
        self._fit_rows()
        self._update_summary()
        if keep_row is not None and alignment is not None and alignment.pairs:
            self.select_rows([min(keep_row, len(alignment.pairs) - 1)])

    def _fit_rows_later(self) -> None:
        self._fit_timer.start(50)

    def _fit_rows_if_resized(self) -> None:
        """Text columns changed width: row heights must follow (skipped when they did not)."""
        header = self.table.horizontalHeader()
        widths = (header.sectionSize(1), header.sectionSize(2))
        if widths != self._fitted_widths:
            self._fit_rows()

    def _fit_rows(self) -> None:
        header = self.table.horizontalHeader()
        self._fitted_widths = (header.sectionSize(1), header.sectionSize(2))
        self.table.resizeRowsToContents()
        limit = self._row_limit()
        for row in range(self.model.rowCount()):
            if self.table.rowHeight(row) > limit:
                self.table.setRowHeight(row, limit)

    def _fit_row(self, row: int) -> None:
        self.table.resizeRowToContents(row)
        self.table.setRowHeight(row, min(self.table.rowHeight(row), self._row_limit()))

    def _row_limit(self) -> int:
        return self.table.fontMetrics().lineSpacing() * MAX_ROW_LINES + 8

    def _update_summary(self) -> None:
        alignment = self.alignment
        if alignment is None:
            self.summary.setText("")
            return
        flagged = sum(1 for p in alignment.pairs if p.flags)
        pinned = sum(1 for p in alignment.pairs if p.pinned)
        self.summary.setText(self.tr("%1 pairs · %2 flagged · %3 fixed by hand")
                             .replace("%1", str(len(alignment.pairs)))
                             .replace("%2", str(flagged)).replace("%3", str(pinned)))

    def flagged_rows(self) -> list[int]:
        alignment = self.alignment
        return [r for r, p in enumerate(alignment.pairs) if p.flags] if alignment else []

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def current_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def select_rows(self, rows: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        for k, row in enumerate(rows):
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            if k == 0:
                flags |= QItemSelectionModel.SelectionFlag.Current
            selection.setCurrentIndex(self.model.index(row, 1), flags) if k == 0 else selection.select(
                self.model.index(row, 1), flags)
        if rows:
            self.table.scrollTo(self.model.index(rows[0], 1), QAbstractItemView.ScrollHint.PositionAtCenter)

    # --- navigation and fixes ---------------------------------------------------------------

    def step_flag(self, delta: int) -> None:
        flagged = self.flagged_rows()
        if not flagged:
            self.status.emit(self.tr("No flags: the checks found nothing to look at."))
            return
        current = self.current_row()
        if current is None:
            row = flagged[0] if delta > 0 else flagged[-1]
        elif delta > 0:
            row = next((r for r in flagged if r > current), flagged[-1])
        else:
            row = next((r for r in reversed(flagged) if r < current), flagged[0])
        self.select_rows([row])

    def _edit(self, make, keep_row: int) -> None:
        alignment = self.alignment
        if alignment is None:
            return
        try:
            pairs = make(alignment.pairs)
        except align_edits.EditError as exc:
            self.status.emit(str(exc))
            return
        edited = _flag_new_pairs(alignment, align_edits.with_pairs(alignment, pairs))
        for row in self.model.replace_alignment(edited):
            self._fit_row(row)
        self._update_summary()
        self.select_rows([min(keep_row, len(edited.pairs) - 1)])
        self.alignment_edited.emit(edited)

    def merge_with_next(self) -> None:
        row = self.current_row()
        if row is not None:
            self._edit(lambda pairs: align_edits.merge_with_next(pairs, row), row)

    def split_row(self) -> None:
        row = self.current_row()
        if row is not None:
            self._edit(lambda pairs: align_edits.split(pairs, row), row)

    def link_rows(self) -> None:
        rows = self.selected_rows()
        if rows:
            self._edit(lambda pairs: align_edits.link(pairs, rows), rows[0])

    def unlink_row(self) -> None:
        row = self.current_row()
        if row is not None:
            self._edit(lambda pairs: align_edits.unlink(pairs, row), row)
