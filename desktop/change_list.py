"""The change list: a table of the comparison's changes with filters and next/previous. The
model only adapts the engine's Change tuples for the view; the proxy filters rows."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from compare.commitments import commitment_effect as _engine_effect
from compare.model import Change, ChangeKind, Commitment, Comparison
from desktop.cite import cite_blocks, cite_change
from desktop.i18n import shown_reasons

# How much of a paragraph the excerpt column shows.
EXCERPT_CHARS = 160
COMMITMENT_COLOURS = {Commitment.STRENGTHENED: QColor("#0b6e4f"), Commitment.WEAKENED: QColor("#b3261e")}


def kind_name(kind: ChangeKind) -> str:
    names = {
        ChangeKind.UNCHANGED: QCoreApplication.translate("ChangeList", "unchanged"),
        ChangeKind.RENUMBERED: QCoreApplication.translate("ChangeList", "renumbered"),
        ChangeKind.MODIFIED: QCoreApplication.translate("ChangeList", "modified"),
        ChangeKind.MOVED: QCoreApplication.translate("ChangeList", "moved"),
        ChangeKind.ADDED: QCoreApplication.translate("ChangeList", "added"),
        ChangeKind.REMOVED: QCoreApplication.translate("ChangeList", "removed"),
    }
    return names[kind]


def commitment_name(commitment: Commitment | None) -> str:
    if commitment is Commitment.STRENGTHENED:
        return "▲ " + QCoreApplication.translate("ChangeList", "strengthened")
    if commitment is Commitment.WEAKENED:
        return "▼ " + QCoreApplication.translate("ChangeList", "weakened")
    return ""


def commitment_effect(change: Change) -> str | None:
    """'strengthened', 'weakened', 'added' (an operative paragraph added), 'removed' or None: the
    engine's one list of commitment changes (compare.commitments.commitment_effect), so the window
    lists what the reports list."""
    effect = _engine_effect(change)
    return None if effect is None else str(effect)


def commitment_added_or_removed(change: Change) -> bool:
    """An operative paragraph added or removed is itself a commitment change."""
    return commitment_effect(change) in ("added", "removed")


def is_commitment_change(change: Change) -> bool:
    """Strengthened, weakened, or an operative paragraph added or removed."""
    return commitment_effect(change) is not None


def commitment_text(change: Change) -> str:
    """What the commitment column says about a change."""
    if change.commitment is not None:
        return commitment_name(change.commitment)
    if commitment_added_or_removed(change):
        if change.kind is ChangeKind.ADDED:
            return "+ " + QCoreApplication.translate("ChangeList", "commitment added")
        return "− " + QCoreApplication.translate("ChangeList", "commitment removed")
    if change.kind is ChangeKind.MODIFIED and change.reasons and not change.ops:
        # across languages: no word ops, the difference the engine names ('figure '16' -> '13'')
        return "≠ " + shown_reasons(change.reasons[:1])[0] + (" …" if len(change.reasons) > 1 else "")
    return ""


class ChangeFilter(StrEnum):
    ALL = "all"
    COMMITMENTS = "commitments"
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    MODIFIED = "modified"


FILTER_KINDS = {
    ChangeFilter.ADDED: {ChangeKind.ADDED},
    ChangeFilter.REMOVED: {ChangeKind.REMOVED},
    ChangeFilter.MOVED: {ChangeKind.MOVED},
    ChangeFilter.MODIFIED: {ChangeKind.MODIFIED},
}


def accepts(change: Change, which: ChangeFilter) -> bool:
    """Does a filter keep this change? Unchanged pairs are never in the list."""
    if change.kind is ChangeKind.UNCHANGED:
        return False
    if which is ChangeFilter.ALL:
        return True
    if which is ChangeFilter.COMMITMENTS:
        return is_commitment_change(change)
    return change.kind in FILTER_KINDS[which]


class ChangeTableModel(QAbstractTableModel):
    """Rows are the comparison's changes (every one; the proxy hides what is filtered out)."""

    COLUMNS = ("kind", "commitment", "old", "new", "excerpt")
    CHANGE_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._changes: tuple[Change, ...] = ()

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._changes = comparison.changes if comparison else ()
        self.endResetModel()

    def change(self, row: int) -> Change:
        return self._changes[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Change"), self.tr("Commitment"), self.tr("Old"), self.tr("New"),
                    self.tr("Excerpt")][section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        change = self._changes[index.row()]
        column = self.COLUMNS[index.column()]
        if role == self.CHANGE_ROLE:
            return index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(change, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(change, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "commitment":
            colour = self._commitment_colour(change)
            return QBrush(colour) if colour is not None else None
        return None

    def _display(self, change: Change, column: str) -> str:
        if column == "kind":
            return kind_name(change.kind)
        if column == "commitment":
            return commitment_text(change)
        if column == "old":
            return cite_blocks(change.olds)
        if column == "new":
            return cite_blocks(change.news)
        return self._excerpt(change, limit=EXCERPT_CHARS)

    def _tooltip(self, change: Change, column: str) -> str | None:
        """The citation and kind of the change ('OP10 → OP9: moved'), then the column's detail."""
        head = f"{cite_change(change)}: {kind_name(change.kind)}"
        if column == "commitment" and (change.reasons or commitment_text(change)):
            return "\n".join([head, commitment_text(change), *(f"• {r}" for r in shown_reasons(change.reasons))])
        if column == "excerpt":
            return head + "\n" + self._excerpt(change, limit=None)
        return head

    @staticmethod
    def _commitment_colour(change: Change) -> QColor | None:
        if change.commitment is not None:
            return COMMITMENT_COLOURS[change.commitment]
        if commitment_added_or_removed(change):
            return COMMITMENT_COLOURS[Commitment.STRENGTHENED if change.kind is ChangeKind.ADDED
                                      else Commitment.WEAKENED]
        return None

    @staticmethod
    def _excerpt(change: Change, limit: int | None) -> str:
        block = change.new or change.old
        text = " ".join(block.text.split()) if block else ""
        return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


class ChangeFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._which = ChangeFilter.ALL

    def set_filter(self, which: ChangeFilter) -> None:
        self.beginFilterChange()
        self._which = which
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        return isinstance(model, ChangeTableModel) and accepts(model.change(row), self._which)


class ChangeList(QWidget):
    """Filter box + table. Emits the comparison index of the change the user selects."""

    change_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ChangeTableModel(self)
        self.proxy = ChangeFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QComboBox()
        for which, label in (
            (ChangeFilter.ALL, self.tr("All changes")),
            (ChangeFilter.COMMITMENTS, self.tr("Commitments only")),
            (ChangeFilter.ADDED, self.tr("Added")),
            (ChangeFilter.REMOVED, self.tr("Removed")),
            (ChangeFilter.MOVED, self.tr("Moved")),
            (ChangeFilter.MODIFIED, self.tr("Modified")),
        ):
            self.filter.addItem(label, str(which))
        self.filter.currentIndexChanged.connect(self._on_filter)
        self.count = QLabel()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._size_columns()
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        top = QHBoxLayout()
        label = QLabel(self.tr("Show:"))
        label.setBuddy(self.filter)
        top.addWidget(label)
        top.addWidget(self.filter)
        top.addStretch(1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.model.set_comparison(comparison)
        self._update_count()

    def _size_columns(self) -> None:
        """Widths from the longest label each column can hold, measured once: resizing to
        contents would measure every row (slow on a 900-paragraph comparison)."""
        metrics = self.table.fontMetrics()
        padding = metrics.averageCharWidth() * 3
        samples = (
            [kind_name(k) for k in ChangeKind],
            [commitment_name(c) for c in Commitment] + ["− " + self.tr("commitment removed")],
            ["OP12(a)(iii)", "title, p. 99"],
            ["OP12(a)(iii)", "title, p. 99"],
        )
        for column, texts in enumerate(samples):
            header_text = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(t) for t in [*texts, header_text]) + padding
            self.table.horizontalHeader().resizeSection(column, width)

    def set_filter(self, which: ChangeFilter) -> None:
        self.filter.setCurrentIndex(self.filter.findData(str(which)))

    def _on_filter(self) -> None:
        self.proxy.set_filter(ChangeFilter(self.filter.currentData()))
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(self.tr("%n change(s)", "", self.proxy.rowCount()))

    def visible_changes(self) -> list[int]:
        """Comparison indexes of the rows shown, in order."""
        return [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in range(self.proxy.rowCount())]

    def current_change(self) -> int | None:
        index = self.table.currentIndex()
        return self.proxy.mapToSource(index).row() if index.isValid() else None

    def select_change(self, change: int) -> bool:
        """Select a change by its comparison index (if the filter shows it)."""
        source = self.model.index(change, 0)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def step(self, delta: int) -> None:
        """Select the next (+1) or previous (-1) row; from nothing, the first or the last."""
        rows = self.proxy.rowCount()
        if rows == 0:
            return
        current = self.table.currentIndex()
        row = (0 if delta > 0 else rows - 1) if not current.isValid() else current.row() + delta
        row = max(0, min(rows - 1, row))
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.change_selected.emit(self.proxy.mapToSource(current).row())

    def summary_html(self, comparison: Comparison) -> str:
        """Counts by kind and commitments, for the status bar."""
        counts = {kind: 0 for kind in ChangeKind}
        stronger = weaker = added = removed = 0
        for change in comparison.changes:
            counts[change.kind] += 1
            stronger += change.commitment is Commitment.STRENGTHENED
            weaker += change.commitment is Commitment.WEAKENED
            if commitment_added_or_removed(change):
                added += change.kind is ChangeKind.ADDED
                removed += change.kind is ChangeKind.REMOVED
        labels = (
            (self.tr("Added"), counts[ChangeKind.ADDED]),
            (self.tr("Removed"), counts[ChangeKind.REMOVED]),
            (self.tr("Modified"), counts[ChangeKind.MODIFIED]),
            (self.tr("Moved"), counts[ChangeKind.MOVED]),
            (self.tr("Renumbered"), counts[ChangeKind.RENUMBERED]),
        )
        parts = [f"{label} <b>{count}</b>" for label, count in labels]
        strengthened, weakened = self.tr("strengthened"), self.tr("weakened")
        commitments = self.tr("Commitments")
        line = (f"{commitments}: <span style='color:#0b6e4f'>▲ {stronger} {strengthened}</span>,"
                f" <span style='color:#b3261e'>▼ {weaker} {weakened}</span>")
        if added:
            line += f", <span style='color:#0b6e4f'>+ {added} {self.tr('added')}</span>"
        if removed:
            line += f", <span style='color:#b3261e'>− {removed} {self.tr('removed')}</span>"
        parts.append(line)
        return " · ".join(parts)
