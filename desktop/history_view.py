"""The history panel: choose two or more versions (oldest first), see each paragraph's lineage as
a row with one column per version, coloured by what happened to it there (added, modified,
strengthened, weakened, moved, removed); the step summaries and brackets above. The same engine
as `accord history` (compare.history.lineage), run off the GUI thread.

`add_history_actions` puts "Trace agreed language…" and "History of versions…" in a menu of the
main window; each opens its panel in a window of its own."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compare.history.history_report import bracket_lines, describe, related_dict, step_line, version_name
from compare.history.lineage import History, Lineage
from compare.model import ChangeKind, Commitment, joined_text
from compare.progress import Progress
from desktop.i18n import shown_reasons
from desktop.trace_view import FILE_FILTER, TraceView
from desktop.workers import Job, JobRunner

KIND_COLOURS = {ChangeKind.ADDED: QColor("#dafbe1"), ChangeKind.MODIFIED: QColor("#fff8c5"),
                ChangeKind.MOVED: QColor("#f3e8ff"), ChangeKind.RENUMBERED: QColor("#f6f8fa")}
COMMITMENT_COLOURS = {Commitment.STRENGTHENED: QColor("#b7f0c4"), Commitment.WEAKENED: QColor("#ffd6d1")}
ABSENT = QColor("#eeeeee")
# Characters of a paragraph shown in a cell (the whole text is its tooltip).
CELL_CHARS = 180


def history_job(paths: Sequence[str]) -> Callable[[Callable[[], bool]], Job]:
    def make(cancelled: Callable[[], bool]) -> Job:
        from compare.history.lineage import iter_history
        from desktop.loading import load_document

        docs = []
        for k, path in enumerate(paths):
            yield Progress("read versions", k, len(paths))
            docs.append(load_document(path, cancelled=cancelled))
        return (yield from iter_history(docs))

    return make


class HistoryView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accord — history of versions"))
        self.history: History | None = None
        self.runner = JobRunner(self)
        self.runner.result.connect(self.show_history)
        self.runner.error.connect(lambda exc: self.summary.setText(self.tr("Could not compare: ") + str(exc)))
        self.runner.busy_changed.connect(lambda busy: self.run_button.setEnabled(not busy))

        add = QPushButton(self.tr("Add &versions…"))
        add.clicked.connect(self._ask_versions)
        clear = QPushButton(self.tr("&Clear"))
        clear.clicked.connect(lambda: self.versions.clear())
        self.run_button = QPushButton(self.tr("Show &history"))
        self.run_button.clicked.connect(self.start)
        self.only_changed = QCheckBox(self.tr("Only paragraphs that changed"))
        self.only_changed.setChecked(True)
        self.only_changed.toggled.connect(lambda _on: self._fill())
        self.only_cited = QCheckBox(self.tr("Only cited paragraphs (PP, OP)"))
        self.only_cited.setChecked(True)
        self.only_cited.toggled.connect(lambda _on: self._fill())
        self.versions = QListWidget()
        self.versions.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.versions.setMaximumHeight(80)
        self.versions.setToolTip(self.tr("Oldest first; drag to reorder"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)

        top = QHBoxLayout()
        for w in (add, clear, self.only_changed, self.only_cited, self.run_button):
            top.addWidget(w)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.versions)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def add_versions(self, paths: Sequence[str]) -> None:
        self.versions.addItems(list(paths))

    def version_paths(self) -> list[str]:
        return [self.versions.item(k).text() for k in range(self.versions.count())]

    def _ask_versions(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Versions, oldest first"), "", FILE_FILTER)
        self.add_versions(sorted(paths))

    def start(self) -> None:
        paths = self.version_paths()
        if len(paths) < 2:
            self.summary.setText(self.tr("Add two or more versions, oldest first."))
            return
        self.summary.setText(self.tr("Comparing the versions…"))
        self.runner.start(history_job(paths))

    def show_history(self, history: object) -> None:
        assert isinstance(history, History)
        self.history = history
        lines = []
        for k in range(len(history.comparisons)):
            lines.append(step_line(history, k))
            lines.append("    " + self.tr("by text alone: ") + related_dict(history, k)["summary_line"])
        lines += [line.strip() for line in bracket_lines(history)[1:] if line.strip()]
        self.summary.setText("\n".join(lines))
        self._fill()

    def shown_lineages(self) -> list[Lineage]:
        if self.history is None:
            return []
        lineages = list(self.history.lineages)
        if self.only_changed.isChecked():
            lineages = [lin for lin in lineages if lin.changed]
        if self.only_cited.isChecked():  # the masthead, title and plain lines have no label
            lineages = [lin for lin in lineages if any(c and c[0].label for c in lin.cells)]
        return lineages

    def _fill(self) -> None:
        history = self.history
        if history is None:
            return
        rows = self.shown_lineages()
        self.table.clear()
        self.table.setColumnCount(len(history.versions))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels([version_name(d) for d in history.versions])
        for row, lin in enumerate(rows):
            for col, blocks in enumerate(lin.cells):
                step = lin.steps[col - 1] if col else None
                event = describe(step, col - 1, history) if step is not None and step.kind is not \
                    ChangeKind.UNCHANGED else ""
                if blocks:
                    text = joined_text(blocks)
                    label = blocks[0].label or ""
                    shown = f"{label} {' '.join(text.split())}".strip()
                    if len(shown) > CELL_CHARS:
                        shown = shown[: CELL_CHARS - 1] + "…"
                    item = QTableWidgetItem((event + "\n" if event else "") + shown)
                    reasons = shown_reasons(step.reasons) if step else []
                    item.setToolTip("\n".join([event, *reasons, "", text]).strip())
                else:
                    item = QTableWidgetItem(event)
                    item.setBackground(ABSENT)
                if step is not None and blocks:
                    colour = COMMITMENT_COLOURS.get(step.commitment) if step.commitment else KIND_COLOURS.get(step.kind)
                    if colour is not None:
                        item.setBackground(colour)
                self.table.setItem(row, col, item)
        width = max(220, (self.table.viewport().width() - 60) // max(1, len(history.versions)))
        for col in range(len(history.versions)):
            self.table.setColumnWidth(col, width)
        self.table.resizeRowsToContents()


def add_history_actions(window: QWidget, menu: QMenu) -> list[QAction]:
    """'Trace agreed language…' (Ctrl+T) and 'History of versions…' (Ctrl+H) in `menu`; each opens
    its panel in its own window, kept as an attribute of `window`."""
    panels: dict[str, QWidget] = {}

    def open_panel(name: str, make: Callable[[], QWidget]) -> None:
        panel = panels.get(name)
        if panel is None:
            panel = panels[name] = make()
            panel.resize(1200, 800)
        panel.show()
        panel.raise_()
        panel.activateWindow()

    trace = QAction(window.tr("&Trace agreed language…"), window)
    trace.setShortcut(QKeySequence("Ctrl+T"))
    trace.triggered.connect(lambda: open_panel("trace", TraceView))
    history = QAction(window.tr("&History of versions…"), window)
    history.setShortcut(QKeySequence("Ctrl+H"))
    history.triggered.connect(lambda: open_panel("history", HistoryView))
    menu.addSeparator()
    menu.addActions([trace, history])
    window.history_panels = panels  # type: ignore[attr-defined]
    return [trace, history]
