"""A non-modal message at the top of a pane or of the window (Meld's message areas)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget


class MessageBar(QFrame):
    """A non-modal message shown at the top of a pane (Meld's message areas): an error in red,
    a warning in amber, each with its icon (never colour alone)."""

    STYLES = {
        "error": ("#fdecea", "#e0a6a0", "#611a15", QStyle.StandardPixmap.SP_MessageBoxCritical),
        "warning": ("#fff6da", "#e6c66e", "#5c4400", QStyle.StandardPixmap.SP_MessageBoxWarning),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 4, 6)
        self.icon = QLabel()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setAutoRaise(True)
        close.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        close.setToolTip(self.tr("Hide this message"))
        close.clicked.connect(self.hide)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.level = "error"
        self.hide()

    def show_message(self, text: str, level: str = "error") -> None:
        background, border, foreground, pixmap = self.STYLES[level]
        self.level = level
        self.setStyleSheet(f"#messageBar {{ background:{background}; border:1px solid {border}; border-radius:4px; }}"
                           f"#messageBar QLabel {{ color:{foreground}; }}")
        size = self.fontMetrics().height()
        self.icon.setPixmap(self.style().standardIcon(pixmap).pixmap(size, size))
        self.label.setText(text)
        self.show()
