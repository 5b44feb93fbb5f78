"""A narrow bar beside the panes showing where the changes are in the new version, with the
visible part framed; a click jumps to the nearest change."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from compare.model import ChangeKind

MARK_COLOURS = {
    ChangeKind.ADDED: QColor("#2e9e4f"),
    ChangeKind.REMOVED: QColor("#d2392f"),
    ChangeKind.MODIFIED: QColor("#e0a800"),
    ChangeKind.MOVED: QColor("#5b4fd6"),
}
# Width in font-relative units (average character widths), so it scales with the desktop's DPI.
BAR_WIDTH_CHARS = 1.6
# A mark is at least this tall (pixels) so a one-line change stays visible on a long document.
MIN_MARK_PX = 3


@dataclass(frozen=True, slots=True)
class Mark:
    change: int  # index in the comparison
    kind: ChangeKind
    top: float  # 0..1 of the document height
    bottom: float


class OverviewBar(QWidget):
    change_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._marks: tuple[Mark, ...] = ()
        self._view = (0.0, 1.0)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Where the changes are: click to jump"))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(int(self.fontMetrics().averageCharWidth() * BAR_WIDTH_CHARS) + 4, 100)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def set_marks(self, marks: tuple[Mark, ...]) -> None:
        self._marks = marks
        self.update()

    def marks(self) -> tuple[Mark, ...]:
        return self._marks

    def set_view(self, top: float, bottom: float) -> None:
        self._view = (top, bottom)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(self.backgroundRole()).darker(104))
        h = self.height()
        w = self.width()
        for mark in self._marks:
            colour = MARK_COLOURS.get(mark.kind)
            if colour is None:
                continue
            top = mark.top * h
            height = max(MIN_MARK_PX, (mark.bottom - mark.top) * h)
            painter.fillRect(QRectF(2, top, w - 4, height), colour)
        pen = QPen(self.palette().color(self.foregroundRole()))
        pen.setWidthF(1.0)
        painter.setPen(pen)
        top, bottom = self._view
        painter.drawRect(QRectF(0.5, top * h, w - 1.0, max(4.0, (bottom - top) * h)))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if not self._marks or self.height() <= 0:
            return
        where = event.position().y() / self.height()
        nearest = min(self._marks, key=lambda m: abs((m.top + m.bottom) / 2 - where))
        self.change_clicked.emit(nearest.change)
