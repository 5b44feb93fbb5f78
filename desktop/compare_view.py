"""The compare mode: the old and new panes side by side, scrolled together pair by pair, with
the overview bar. Each pane is one QTextBrowser holding the HTML of compare_html (built once per
pane, no widget per paragraph)."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from compare.model import ChangeKind, Comparison
from desktop.change_list import kind_name
from desktop.cite import cite_change
from desktop.compare_html import PaneText, reasons_text, render_panes
from desktop.message_bar import MessageBar
from desktop.overview_bar import Mark, OverviewBar

# Panes are kept in step at this fraction of the viewport height (a reading line a third of the
# way down, where the eye is, rather than the very top edge).
SYNC_LINE = 0.3
# A selected change is brought to this fraction of the viewport height.
SELECT_LINE = 0.2
SELECTION_COLOUR = QColor("#fff0a8")
QUIET_KINDS = (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED)


class PaneBrowser(QTextBrowser):
    """Read-only rich text with tooltips on commitment badges and clickable paragraphs."""

    paragraph_clicked = Signal(int)  # block number

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setAcceptDrops(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.tooltip_for: Callable[[str], str] = lambda href: ""
        self.paragraph_tooltip: Callable[[int], str] = lambda block: ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            point = self.viewport().mapFromGlobal(event.globalPos())
            href = self.anchorAt(point)
            if href:
                text = self.tooltip_for(href)
            else:
                text = self.paragraph_tooltip(self.cursorForPosition(point).blockNumber())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.paragraph_clicked.emit(self.cursorForPosition(event.position().toPoint()).blockNumber())


class DocumentPane(QWidget):
    """One side: a header naming the file, a message bar for its errors, the text."""

    file_dropped = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setContentsMargins(4, 2, 4, 2)
        self.message = MessageBar()
        self.text = PaneBrowser()
        self.text.setAccessibleName(title)
        self.text.setPlaceholderText(self.tr("Drop a file here, or use File ▸ Open."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.message)
        layout.addWidget(self.text, 1)
        self.setAcceptDrops(True)
        self.set_file(None)
        self.text.viewport().installEventFilter(self)
        self._tops: list[float] | None = None
        self.text.document().documentLayout().documentSizeChanged.connect(self._forget_tops)

    def set_file(self, path: str | None, detail: str = "") -> None:
        from html import escape
        from pathlib import Path

        no_file = self.tr("no file")
        name = escape(Path(path).name) if path else f"<i>{no_file}</i>"
        extra = f' <span style="color:#666">— {escape(detail)}</span>' if detail else ""
        self.header.setText(f"<b>{escape(self.title)}</b>: {name}{extra}")
        self.header.setToolTip(path or "")

    def show_error(self, text: str) -> None:
        self.message.show_message(text, "error")

    def show_warning(self, text: str) -> None:
        self.message.show_message(text, "warning")

    def clear_error(self) -> None:
        self.message.hide()

    def error_text(self) -> str:
        return self.message.label.text() if not self.message.isHidden() else ""

    def set_html(self, html: str) -> None:
        self.text.setHtml(html)
        self._tops = None

    def block_count(self) -> int:
        return self.text.document().blockCount()

    def tops(self) -> list[float]:
        """The y position of every paragraph in document coordinates (laid out on demand)."""
        if self._tops is None:
            layout = self.text.document().documentLayout()
            tops = []
            block = self.text.document().begin()
            while block.isValid():
                tops.append(layout.blockBoundingRect(block).top())
                block = block.next()
            self._tops = tops
        return self._tops

    def document_height(self) -> float:
        return self.text.document().documentLayout().documentSize().height()

    def _forget_tops(self) -> None:
        self._tops = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self._tops = None
        return False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.file_dropped.emit(files[0])


class ComparePanes(QWidget):
    """Old | new panes, synchronised by aligned pairs, and the overview bar."""

    change_clicked = Signal(int)  # a paragraph was clicked (the reader is there: no scrolling)
    change_jump = Signal(int)  # an overview mark was clicked (go there)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.old = DocumentPane(self.tr("Old version"))
        self.new = DocumentPane(self.tr("New version"))
        self.overview = OverviewBar()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.old)
        self.splitter.addWidget(self.new)
        self.splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.overview)
        self.comparison: Comparison | None = None
        self._text: dict[str, PaneText] = {}
        self._syncing = False
        self._zoom = 0
        self._last_find = "new"
        for side, pane in (("old", self.old), ("new", self.new)):
            pane.text.verticalScrollBar().valueChanged.connect(lambda _v, s=side: self._sync_from(s))
            pane.text.paragraph_clicked.connect(lambda k, s=side: self._on_paragraph(s, k))
            pane.text.tooltip_for = self._tooltip
            pane.text.paragraph_tooltip = lambda k, s=side: self.paragraph_tooltip(s, k)
        self._overview_timer = QTimer(self)
        self._overview_timer.setSingleShot(True)
        self._overview_timer.timeout.connect(self._refresh_overview)
        self.new.text.verticalScrollBar().rangeChanged.connect(lambda *_: self._overview_timer.start(0))
        self.overview.change_clicked.connect(self.change_jump)

    def pane(self, side: str) -> DocumentPane:
        return self.old if side == "old" else self.new

    # --- content ----------------------------------------------------------------------------

    def show_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        old_text, new_text = render_panes(comparison)
        self._text = {"old": old_text, "new": new_text}
        self._syncing = True
        try:
            self.old.set_html(old_text.html)
            self.new.set_html(new_text.html)
        finally:
            self._syncing = False
        self.old.text.setExtraSelections([])
        self.new.text.setExtraSelections([])
        self._overview_timer.start(0)

    def clear(self) -> None:
        self.comparison = None
        self._text = {}
        self.old.set_html("")
        self.new.set_html("")
        self.overview.set_marks(())

    def _tooltip(self, href: str) -> str:
        if self.comparison is None or not href.startswith("why:"):
            return ""
        change = self.comparison.changes[int(href[4:])]
        return reasons_text(change)

    def paragraph_tooltip(self, side: str, block: int) -> str:
        """What a pointer resting on a paragraph is told: its change, cited by label
        ('OP10 → OP9: moved'); nothing on unchanged text."""
        rows = self._text.get(side)
        if self.comparison is None or rows is None or not 0 <= block < len(rows.rows):
            return ""
        change = self.comparison.changes[rows.rows[block]]
        if change.kind is ChangeKind.UNCHANGED:
            return ""
        return f"{cite_change(change)}: {kind_name(change.kind)}"

    def _on_paragraph(self, side: str, block: int) -> None:
        rows = self._text.get(side)
        if rows is not None and 0 <= block < len(rows.rows):
            self.change_clicked.emit(rows.rows[block])

    # --- positions --------------------------------------------------------------------------

    def anchor_tops(self, side: str) -> list[float]:
        """The y of each change's anchor paragraph in a pane (monotone in change order)."""
        text = self._text.get(side)
        if text is None:
            return []
        tops = self.pane(side).tops()
        if len(tops) != len(text.rows):  # the HTML did not map one paragraph to one block
            return []
        return [tops[k] for k in text.anchors]

    def change_at_line(self, side: str) -> int | None:
        """The change whose anchor is at the sync line of a pane (what the reader is looking at)."""
        tops = self.anchor_tops(side)
        if not tops:
            return None
        y = self._line_y(side)
        return max(0, bisect.bisect_right(tops, y) - 1)

    def _line_y(self, side: str) -> float:
        text = self.pane(side).text
        return text.verticalScrollBar().value() + text.viewport().height() * SYNC_LINE

    def _sync_from(self, side: str) -> None:
        if not self._syncing:
            self._syncing = True
            try:
                self._follow(side, "new" if side == "old" else "old")
            finally:
                self._syncing = False
        self._refresh_view_frame()

    def _follow(self, src: str, dst: str) -> None:
        """Scroll `dst` so the pair at the sync line of `src` is at the sync line of `dst`,
        at the same fraction of its height."""
        src_tops, dst_tops = self.anchor_tops(src), self.anchor_tops(dst)
        if not src_tops or len(src_tops) != len(dst_tops):
            return
        y = self._line_y(src)
        k = max(0, bisect.bisect_right(src_tops, y) - 1)
        src_end = src_tops[k + 1] if k + 1 < len(src_tops) else self.pane(src).document_height()
        dst_end = dst_tops[k + 1] if k + 1 < len(dst_tops) else self.pane(dst).document_height()
        span = src_end - src_tops[k]
        fraction = min(1.0, max(0.0, (y - src_tops[k]) / span)) if span > 0 else 0.0
        target = dst_tops[k] + fraction * (dst_end - dst_tops[k])
        text = self.pane(dst).text
        text.verticalScrollBar().setValue(round(target - text.viewport().height() * SYNC_LINE))

    # --- selection --------------------------------------------------------------------------

    def select_change(self, index: int, scroll: bool = True) -> None:
        """Highlight a change in both panes and (unless `scroll` is false) bring it into view."""
        if self.comparison is None or not 0 <= index < len(self.comparison.changes):
            return
        self._syncing = True
        try:
            for side in ("old", "new"):
                pane = self.pane(side)
                paragraph = self._text[side].targets[index]
                tops = pane.tops()
                if scroll and paragraph < len(tops):
                    bar = pane.text.verticalScrollBar()
                    bar.setValue(round(tops[paragraph] - pane.text.viewport().height() * SELECT_LINE))
                self._highlight(side, index)
        finally:
            self._syncing = False
        self._refresh_view_frame()

    def _highlight(self, side: str, index: int) -> None:
        selections = []
        document = self.pane(side).text.document()
        for k, change in enumerate(self._text[side].rows):
            if change != index:
                continue
            block = document.findBlockByNumber(k)
            if not block.isValid():
                continue
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format.setBackground(SELECTION_COLOUR)
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selections.append(selection)
        self.pane(side).text.setExtraSelections(selections)

    # --- overview and zoom ------------------------------------------------------------------

    def _refresh_overview(self) -> None:
        if self.comparison is None:
            return
        tops = self.anchor_tops("new")
        height = self.new.document_height()
        if not tops or height <= 0:
            return
        marks = []
        for i, change in enumerate(self.comparison.changes):
            if change.kind in QUIET_KINDS:
                continue
            end = tops[i + 1] if i + 1 < len(tops) else height
            marks.append(Mark(i, change.kind, tops[i] / height, end / height))
        self.overview.set_marks(tuple(marks))
        self._refresh_view_frame()

    def _refresh_view_frame(self) -> None:
        height = self.new.document_height()
        if height > 0:
            bar = self.new.text.verticalScrollBar()
            top = bar.value() / height
            self.overview.set_view(top, min(1.0, top + self.new.text.viewport().height() / height))

    def find(self, text: str, backward: bool = False) -> str | None:
        """Find `text` (case-insensitive) from the cursor of the pane the reader used last (the new
        one by default), wrapping at the end; the other pane follows by the sync. Returns the
        side where it was found, or None."""
        if not text:
            return None
        first = "old" if self.old.text.hasFocus() or self._last_find == "old" else "new"
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        for side in (first, "new" if first == "old" else "old"):
            text_edit = self.pane(side).text
            if text_edit.find(text, flags):
                self._last_find = side
                return side
            cursor = text_edit.textCursor()  # wrap around once
            cursor.movePosition(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
            text_edit.setTextCursor(cursor)
            if text_edit.find(text, flags):
                self._last_find = side
                return side
        return None

    def zoom(self, steps: int) -> None:
        """Change the text size of both panes by `steps` points (0 resets)."""
        delta = -self._zoom if steps == 0 else steps
        if self._zoom + delta < -6:  # never smaller than legible
            return
        self._zoom += delta
        for pane in (self.old, self.new):
            if delta > 0:
                pane.text.zoomIn(delta)
            elif delta < 0:
                pane.text.zoomOut(-delta)
        self._overview_timer.start(0)

    @property
    def zoom_level(self) -> int:
        return self._zoom
