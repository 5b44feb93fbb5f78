"""The trace panel: choose a draft and base files or folders, see each paragraph of the draft
marked agreed, adapted or new with the source it comes from (compare.history.trace, the same path
as `accord trace`). The work runs off the GUI thread (desktop.workers.JobRunner); the view only
shows what comes back."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from compare.history.model import Trace, TracedParagraph, TraceStatus
from compare.history.trace_report import citation, summary_line
from compare.model import Commitment, OpKind
from compare.progress import Progress
from desktop.i18n import shown_reasons
from desktop.workers import Job, JobRunner

STATUS_COLOURS = {TraceStatus.AGREED: QColor("#dafbe1"), TraceStatus.ADAPTED: QColor("#fff8c5"),
                  TraceStatus.NEW: QColor("#ddf4ff")}
_ARROW = {Commitment.STRENGTHENED: " ▲", Commitment.WEAKENED: " ▼"}
FILE_FILTER = "Documents (*.pdf *.docx *.docm *.dotx *.dotm *.txt);;All files (*)"


def trace_job(draft: str, bases: Sequence[str], index: str | None = None) -> Callable[[Callable[[], bool]], Job]:
    """A job for the JobRunner: read, index and trace as `accord trace` does."""
    def make(cancelled: Callable[[], bool]) -> Job:
        from desktop.cli_history import iter_trace_paths

        trace, _paths = yield from iter_trace_paths(draft, list(bases), index=index)
        return trace

    return make


class TraceView(QWidget):
    """Draft and bases on top, the traced paragraphs below, the selected one's source and edits."""

    def __init__(self, parent: QWidget | None = None, *, index: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accord — trace agreed language"))
        self.index = index
        self.draft: str | None = None
        self.trace: Trace | None = None
        self.runner = JobRunner(self)
        self.runner.result.connect(self.show_trace)
        self.runner.error.connect(lambda exc: self.summary.setText(self.tr("Could not trace: ") + str(exc)))
        self.runner.busy_changed.connect(lambda busy: self.run_button.setEnabled(not busy))
        self.runner.progress.connect(self._show_progress)

        self.draft_label = QLabel(self.tr("No draft chosen"))
        choose_draft = QPushButton(self.tr("&Draft…"))
        choose_draft.clicked.connect(self._ask_draft)
        add_files = QPushButton(self.tr("Add &base files…"))
        add_files.clicked.connect(self._ask_base_files)
        add_folder = QPushButton(self.tr("Add base &folder…"))
        add_folder.clicked.connect(self._ask_base_folder)
        clear = QPushButton(self.tr("&Clear bases"))
        clear.clicked.connect(lambda: self.bases.clear())
        self.run_button = QPushButton(self.tr("&Trace"))
        self.run_button.clicked.connect(self.start)
        self.bases = QListWidget()
        self.bases.setMaximumHeight(70)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Label"), self.tr("Comes from"), self.tr("Text")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.currentCellChanged.connect(lambda row, *_: self._show_details(row))
        self.details = QTextBrowser()

        top = QHBoxLayout()
        for w in (choose_draft, self.draft_label, add_files, add_folder, clear, self.run_button):
            top.addWidget(w)
        top.setStretch(1, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setSizes([500, 160])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.bases)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    # --- choosing ---------------------------------------------------------------------------------

    def set_draft(self, path: str) -> None:
        self.draft = path
        self.draft_label.setText(path)

    def add_bases(self, paths: Sequence[str]) -> None:
        for path in paths:
            if path not in self.base_paths():
                self.bases.addItem(path)

    def base_paths(self) -> list[str]:
        return [self.bases.item(k).text() for k in range(self.bases.count())]

    def _ask_draft(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Draft to trace"), "", FILE_FILTER)
        if path:
            self.set_draft(path)

    def _ask_base_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Base documents"), "", FILE_FILTER)
        self.add_bases(paths)

    def _ask_base_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder of base documents"))
        if path:
            self.add_bases([path])

    # --- running and showing ----------------------------------------------------------------------

    def start(self) -> None:
        if not self.draft or not self.bases.count():
            self.summary.setText(self.tr("Choose a draft and at least one base file or folder."))
            return
        self.summary.setText(self.tr("Tracing…"))
        self.runner.start(trace_job(self.draft, self.base_paths(), self.index))

    def _show_progress(self, step: Progress) -> None:
        self.summary.setText(self.tr("Tracing…") + f" {step.stage}: {step.done}/{step.total}")

    def show_trace(self, trace: object) -> None:
        assert isinstance(trace, Trace)
        self.trace = trace
        warnings = "".join(f"\n⚠ {w}" for w in trace.warnings)
        self.summary.setText(summary_line(trace) + warnings)
        self.table.setRowCount(len(trace.paragraphs))
        for row, p in enumerate(trace.paragraphs):
            mark = _ARROW.get(p.commitment, "") if p.commitment else ""
            cells = (p.block.label or p.block.number_label or "", citation(p) + mark, " ".join(p.block.text.split()))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setBackground(STATUS_COLOURS[p.status])
                item.setToolTip("\n".join(shown_reasons(p.reasons)) if p.reasons else text)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        if trace.paragraphs:
            self.table.selectRow(0)

    def _show_details(self, row: int) -> None:
        if self.trace is None or not 0 <= row < len(self.trace.paragraphs):
            self.details.clear()
            return
        self.details.setHtml(details_html(self.trace.paragraphs[row]))


def details_html(p: TracedParagraph) -> str:
    """The selected paragraph: where it comes from, its edits against the source, the reasons."""
    e = html.escape
    if p.source is None:
        return f"<p><b>{e(p.block.label or '')}</b> is new: nothing close in the bases.</p><p>{e(p.block.text)}</p>"
    parts = []
    for op in p.ops:
        if op.kind is OpKind.DELETE:
            parts.append(f"<span style='background:#ffebe9;text-decoration:line-through'>{e(op.text)}</span>")
        elif op.kind is OpKind.INSERT:
            parts.append(f"<span style='background:#dafbe1'>{e(op.text)}</span>")
        else:
            parts.append(e(op.text))
    reasons = "".join(f"<li>{e(r)}</li>" for r in shown_reasons(p.reasons))
    return (f"<p><b>{e(p.block.label or '')}</b> — {e(citation(p))} <small>{e(p.source.path)}</small></p>"
            f"<p>{''.join(parts) or e(p.block.text)}</p>{'<ul>' + reasons + '</ul>' if reasons else ''}")
