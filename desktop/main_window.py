"""The main window: menus, toolbar, the two modes (compare panes, align table), the change list
dock and the status bar. It offers a narrow API to the controller (desktop.session) and emits
what the user asks for; it runs no engine code itself."""

from __future__ import annotations

import html
import os
from dataclasses import fields

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

import resources
from compare.model import CompareOptions, Comparison, LanguageAlignment
from compare.progress import Progress, Stage
from compare.route import is_cross_language
from desktop.align_view import AlignView
from desktop.change_list import ChangeList
from desktop.compare_html import render_document
from desktop.compare_view import ComparePanes
from desktop.message_bar import MessageBar
from desktop.modes import ExportFormat, FileSide, Mode
from desktop.printing import print_document, setup_printer
from desktop.settings import Settings

# Opening filters: the formats the readers accept (the content decides, the name only filters).
OPEN_FILTER = QT_TRANSLATE_NOOP("MainWindow", "Documents (*.pdf *.docx *.docm *.dotx *.dotm *.txt);;All files (*)")
EXPORTS = {
    ExportFormat.REDLINE: (QT_TRANSLATE_NOOP("MainWindow", "Redlined Word document (*.docx)"), ".docx"),
    ExportFormat.HTML: (QT_TRANSLATE_NOOP("MainWindow", "HTML report (*.html)"), ".html"),
    ExportFormat.PDF: (QT_TRANSLATE_NOOP("MainWindow", "PDF report (*.pdf)"), ".pdf"),
    ExportFormat.JSON: (QT_TRANSLATE_NOOP("MainWindow", "JSON (*.json)"), ".json"),
    ExportFormat.TMX: (QT_TRANSLATE_NOOP("MainWindow", "Translation memory TMX (*.tmx)"), ".tmx"),
    ExportFormat.TSV: (QT_TRANSLATE_NOOP("MainWindow", "Tab-separated text (*.tsv)"), ".tsv"),
    ExportFormat.BILINGUAL: (QT_TRANSLATE_NOOP("MainWindow", "Bilingual table Word document (*.docx)"), ".docx"),
}
# The comparison options the window offers: CompareOptions field -> menu text. Only the fields the
# engine has are shown (dataclasses.fields), so the menu follows the engine.
COMPARE_OPTIONS = (
    ("ignore_case", QT_TRANSLATE_NOOP("MainWindow", "Ignore &case")),
    ("ignore_punctuation", QT_TRANSLATE_NOOP("MainWindow", "Ignore &punctuation")),
    ("ignore_footnotes", QT_TRANSLATE_NOOP("MainWindow", "Ignore &footnotes")),
    ("ignore_numbering", QT_TRANSLATE_NOOP("MainWindow", "Ignore paragraph &numbering")),
    ("count_numbers", QT_TRANSLATE_NOOP("MainWindow", "Count a changed paragraph n&umber as a change")),
    ("count_footnote_marks", QT_TRANSLATE_NOOP("MainWindow", "Count changed footnote &marks")),
    ("count_spacing", QT_TRANSLATE_NOOP("MainWindow", "Count &spacing and quote style")),
)
COMPARE_EXPORTS = (ExportFormat.REDLINE, ExportFormat.HTML, ExportFormat.PDF, ExportFormat.JSON)
ALIGN_EXPORTS = (ExportFormat.TMX, ExportFormat.TSV, ExportFormat.BILINGUAL)
STATUS_MESSAGE_MS = 8000


def language_name(code: str) -> str:
    """'French' for 'fr' (Qt's name for it), the code itself when Qt does not know it."""
    from PySide6.QtCore import QLocale

    language = QLocale(code).language()
    if language in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return code
    return QLocale.languageToString(language)


class MainWindow(QMainWindow):
    open_requested = Signal(str, str)  # FileSide, path
    reload_requested = Signal()
    swap_requested = Signal()
    export_requested = Signal(str)  # ExportFormat
    mode_requested = Signal(str)  # Mode
    cancel_requested = Signal()
    language_chosen = Signal(str)
    print_requested = Signal(bool)  # preview?
    options_changed = Signal()  # a comparison option was switched (already saved in the settings)

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.mode = Mode.COMPARE
        self.redline_possible = True  # False while a comparison across languages is shown
        self.close_guard = lambda: True  # the controller may refuse to close (unsaved fixes)
        self.shortcuts_dialog = None
        self.setWindowTitle("Accord")
        self.setWindowIcon(QIcon(str(resources.path("icons", "accord.svg"))))
        self.setObjectName("AccordMainWindow")
        self.panes = ComparePanes()
        self.align_view = AlignView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.panes)
        self.stack.addWidget(self.align_view)
        self.notice = MessageBar()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.changes = ChangeList()
        self.dock = QDockWidget(self.tr("Changes"), self)
        self.dock.setObjectName("changesDock")
        self.dock.setWidget(self.changes)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status()
        self._scroll_to_selection = True
        self.changes.change_selected.connect(lambda i: self.panes.select_change(i, self._scroll_to_selection))
        self.panes.change_clicked.connect(self._on_change_clicked)
        self.panes.change_jump.connect(self._on_change_jump)
        self.panes.old.file_dropped.connect(lambda p: self.open_requested.emit(FileSide.FIRST, p))
        self.panes.new.file_dropped.connect(lambda p: self.open_requested.emit(FileSide.SECOND, p))
        self.align_view.status.connect(lambda text: self.statusBar().showMessage(text, STATUS_MESSAGE_MS))
        self.setAcceptDrops(False)
        self.set_mode(Mode.COMPARE)
        self.set_busy(False)

    # --- construction -----------------------------------------------------------------------

    def _action(self, text: str, slot, shortcuts=(), icon: QStyle.StandardPixmap | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.replace('&', '')} ({key})")
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.open_old = self._action(self.tr("Open &old…"), lambda: self._ask_open(FileSide.FIRST),
                                     (QKeySequence.StandardKey.Open,), sp.SP_DialogOpenButton,
                                     self.tr("Choose the old version (or the source language)"))
        self.open_new = self._action(self.tr("Open &new…"), lambda: self._ask_open(FileSide.SECOND), ("Ctrl+Shift+O",),
                                     sp.SP_FileDialogNewFolder, self.tr("Choose the new version (or the target language)"))
        self.reload = self._action(self.tr("&Reload"), self.reload_requested.emit, ("Ctrl+R", "F5"),
                                   sp.SP_BrowserReload, self.tr("Read both files again"))
        self.swap = self._action(self.tr("&Swap sides"), self.swap_requested.emit, ("Ctrl+Shift+S",),
                                 sp.SP_BrowserStop, self.tr("Exchange the old and new files"))
        self.swap.setIcon(QIcon(str(resources.path("icons", "swap.svg"))))
        self.exports = {}
        for fmt in EXPORTS:
            label = {ExportFormat.REDLINE: self.tr("Redlined &Word document (.docx)…"),
                     ExportFormat.HTML: self.tr("&HTML report…"), ExportFormat.PDF: self.tr("&PDF report…"),
                     ExportFormat.JSON: self.tr("&JSON…"), ExportFormat.TMX: self.tr("&TMX translation memory…"),
                     ExportFormat.TSV: self.tr("T&SV (tab-separated)…"),
                     ExportFormat.BILINGUAL: self.tr("&Bilingual table (Word)…")}[fmt]
            self.exports[fmt] = self._action(label, lambda _=False, f=fmt: self.export_requested.emit(f))
        self.export_default = self._action(self.tr("&Export…"), self._export_default, ("Ctrl+E",),
                                           sp.SP_DialogSaveButton, self.tr("Export the result"))
        self.print_action = self._action(self.tr("&Print report…"), lambda: self.print_requested.emit(False),
                                         (QKeySequence.StandardKey.Print, "Ctrl+P"), None,
                                         self.tr("Print the comparison report"))
        self.print_preview = self._action(self.tr("Print pre&view…"), lambda: self.print_requested.emit(True),
                                          ("Ctrl+Shift+P",), None, self.tr("See the report's pages before printing"))
        self.quit = self._action(self.tr("&Quit"), self.close, (QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        self.next_change = self._action(self.tr("&Next change"), lambda: self.step(1), ("F8", "Alt+Down"),
                                        sp.SP_ArrowDown, self.tr("Go to the next change"))
        self.previous_change = self._action(self.tr("&Previous change"), lambda: self.step(-1),
                                            ("Shift+F8", "Alt+Up"), sp.SP_ArrowUp, self.tr("Go to the previous change"))
        self.zoom_in = self._action(self.tr("Zoom &in"), lambda: self.zoom(1), ("Ctrl+=", "Ctrl++", QKeySequence.StandardKey.ZoomIn))
        self.zoom_out = self._action(self.tr("Zoom &out"), lambda: self.zoom(-1), ("Ctrl+-", QKeySequence.StandardKey.ZoomOut))
        self.zoom_reset = self._action(self.tr("Actual si&ze"), lambda: self.zoom(0), ("Ctrl+0",))
        self.modes = QActionGroup(self)
        self.compare_mode = self._action(self.tr("&Compare versions"), lambda: self.mode_requested.emit(Mode.COMPARE),
                                         ("Ctrl+1",))
        self.align_mode = self._action(self.tr("&Align languages"), lambda: self.mode_requested.emit(Mode.ALIGN),
                                       ("Ctrl+2",))
        for action in (self.compare_mode, self.align_mode):
            action.setCheckable(True)
            self.modes.addAction(action)
        self.find_focus = self._action(self.tr("&Find…"), self._focus_find, (QKeySequence.StandardKey.Find,))
        self.find_next = self._action(self.tr("Find ne&xt"), lambda: self.find(backward=False), ("F3",))
        self.find_previous = self._action(self.tr("Find pre&vious"), lambda: self.find(backward=True), ("Shift+F3",))
        engine_fields = {f.name for f in fields(CompareOptions)}
        self.option_actions: dict[str, QAction] = {}
        for name, text in COMPARE_OPTIONS:
            if name not in engine_fields:
                continue
            action = QAction(self.tr(text), self)
            action.setCheckable(True)
            action.setChecked(self.settings.compare_option(name))
            action.toggled.connect(lambda on, n=name: self._option_toggled(n, on))
            self.option_actions[name] = action
        self.author_action = self._action(self.tr("Redline &author…"), self._ask_author, (), None,
                                          self.tr("The name the redline's tracked changes carry"))
        self.shortcuts_action = self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts,
                                             (QKeySequence.StandardKey.HelpContents, "Ctrl+/"), None,
                                             self.tr("Every key the window answers to"))
        self.cancel = self._action(self.tr("Cancel"), self.cancel_requested.emit, ("Esc",))
        self.addAction(self.cancel)  # a shortcut works only on an action a widget holds

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        file.addActions([self.open_old, self.open_new])
        self.recent_old = file.addMenu(self.tr("Recent as o&ld"))
        self.recent_new = file.addMenu(self.tr("Recent as ne&w"))
        self.recent_old.aboutToShow.connect(lambda: self._fill_recent(self.recent_old, FileSide.FIRST))
        self.recent_new.aboutToShow.connect(lambda: self._fill_recent(self.recent_new, FileSide.SECOND))
        file.addSeparator()
        file.addActions([self.reload, self.swap])
        file.addSeparator()
        self.export_menu = file.addMenu(self.tr("E&xport"))
        self.export_menu.addActions(list(self.exports.values()))
        file.addActions([self.print_preview, self.print_action])
        file.addSeparator()
        file.addAction(self.quit)
        view = bar.addMenu(self.tr("&View"))
        view.addActions([self.compare_mode, self.align_mode])
        from desktop.history_view import add_history_actions  # trace and history panels (issue 16)

        self.history_actions = add_history_actions(self, view)
        view.addSeparator()
        view.addActions([self.next_change, self.previous_change])
        view.addSeparator()
        view.addActions([self.zoom_in, self.zoom_out, self.zoom_reset])
        view.addSeparator()
        view.addActions([self.find_focus, self.find_next, self.find_previous])
        view.addSeparator()
        view.addAction(self.dock.toggleViewAction())
        options = bar.addMenu(self.tr("&Options"))
        options.setToolTipsVisible(True)
        options.addActions(list(self.option_actions.values()))
        self.options_menu = options
        settings = bar.addMenu(self.tr("&Settings"))
        settings.addAction(self.author_action)
        language = settings.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, label in (("system", self.tr("System")), ("en", "English"), ("fr", "Français")):
            action = language.addAction(label)
            action.setCheckable(True)
            action.setChecked(self.settings.language() == code)
            action.triggered.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            group.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.tr("&About Accord"), self._about)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.open_old, self.open_new, self.reload, self.swap])
        toolbar.addSeparator()
        toolbar.addActions([self.compare_mode, self.align_mode])
        toolbar.addSeparator()
        toolbar.addActions([self.previous_change, self.next_change])
        toolbar.addSeparator()
        toolbar.addAction(self.export_default)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.find_box = QLineEdit()
        self.find_box.setPlaceholderText(self.tr("Find in both versions (Ctrl+F)"))
        self.find_box.setClearButtonEnabled(True)
        self.find_box.setMaximumWidth(self.fontMetrics().averageCharWidth() * 36)
        self.find_box.returnPressed.connect(lambda: self.find(backward=False))
        self.find_action = toolbar.addWidget(self.find_box)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _build_status(self) -> None:
        status = self.statusBar()
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        status.addWidget(self.summary, 1)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(self.fontMetrics().averageCharWidth() * 30)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_requested.emit)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)

    # --- the narrow API the controller uses ---------------------------------------------------

    def set_mode(self, mode: Mode | str) -> None:
        self.mode = Mode(mode)
        compare = self.mode is Mode.COMPARE
        self.stack.setCurrentWidget(self.panes if compare else self.align_view)
        (self.compare_mode if compare else self.align_mode).setChecked(True)
        self.dock.setVisible(compare)
        self.dock.toggleViewAction().setEnabled(compare)
        for fmt, action in self.exports.items():
            action.setVisible(fmt in (COMPARE_EXPORTS if compare else ALIGN_EXPORTS))
        self.find_action.setVisible(compare)
        self.print_action.setEnabled(compare)
        self.print_preview.setEnabled(compare)
        self.next_change.setText(self.tr("&Next change") if compare else self.tr("&Next flag"))
        self.previous_change.setText(self.tr("&Previous change") if compare else self.tr("&Previous flag"))
        self.open_old.setText(self.tr("Open &old…") if compare else self.tr("Open &source…"))
        self.open_new.setText(self.tr("Open &new…") if compare else self.tr("Open &target…"))

    def set_paths(self, first: str | None, second: str | None) -> None:
        names = [os.path.basename(p) for p in (first, second) if p]
        self.setWindowTitle(" ↔ ".join(names) + " — Accord" if names else "Accord")
        self.panes.old.set_file(first)
        self.panes.new.set_file(second)

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel.setEnabled(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.summary.setText(self.tr("Working…"))

    def show_progress(self, step: Progress) -> None:
        aligning = self.tr("Aligning")  # one label for all the aligner's passes
        stages = {Stage.READ_BOTH: self.tr("Reading both files"),
                  Stage.READ_OLD: self.tr("Reading the old version"), Stage.READ_NEW: self.tr("Reading the new version"),
                  Stage.READ_SOURCE: self.tr("Reading the source"), Stage.READ_TARGET: self.tr("Reading the target"),
                  Stage.NORMALISE: self.tr("Preparing the texts"), Stage.ANCHORS: self.tr("Matching paragraphs"),
                  Stage.ALIGN: self.tr("Matching paragraphs"), Stage.WORD_DIFFS: self.tr("Comparing words"),
                  Stage.ALIGNING_ANCHORS: aligning, Stage.ALIGNING_FIRST_PASS: aligning,
                  Stage.ALIGNING_LEXICON: aligning, Stage.ALIGNING: aligning,
                  Stage.ALIGNING_SENTENCES: self.tr("Aligning sentences"), Stage.REALIGNING: self.tr("Re-aligning"),
                  Stage.CROSS_LANGUAGE_PAIRS: self.tr("Pairing across the languages")}
        label = stages.get(step.stage, step.stage)
        if step.total > 0:
            self.progress.setRange(0, step.total)
            self.progress.setValue(step.done)
        self.progress.setFormat(f"{label} %p%")
        self.summary.setText(label + "…")

    def clear_errors(self) -> None:
        for pane in (self.panes.old, self.panes.new):
            pane.clear_error()
        self.align_view.message.hide()
        self.notice.hide()

    def show_file_error(self, side: FileSide | str, message: str) -> None:
        """A file could not be read: say so in its pane (non-modal)."""
        if self.mode is Mode.COMPARE:
            (self.panes.old if side == FileSide.FIRST else self.panes.new).show_error(message)
        else:
            current = self.align_view.message.label.text() if not self.align_view.message.isHidden() else ""
            self.align_view.message.show_message((current + "\n" if current else "") + message)
        self.summary.setText(self.tr("Could not read a file: see the message in its pane."))

    def show_documents_alone(self, documents: dict) -> None:
        """After a failed read: forget the last result and show the sides that were read."""
        self.panes.clear()
        self.changes.set_comparison(None)
        self.align_view.show_alignment(None)
        self.redline_possible = True  # no comparison on screen: the action no longer says why not
        self.exports[ExportFormat.REDLINE].setEnabled(True)
        self.exports[ExportFormat.REDLINE].setToolTip("")
        for side, doc in documents.items():
            pane = self.panes.old if side == FileSide.FIRST else self.panes.new
            pane.set_file(doc.path, self._detail(doc))
            pane.set_html(render_document(doc))

    def show_warnings(self, first, second) -> None:
        """Each document's reader warnings (tracked changes read accepted, text boxes not read…),
        softly: in its own pane in compare mode, above the table (named by file) in align mode."""
        if self.mode is Mode.COMPARE:
            for pane, doc in ((self.panes.old, first), (self.panes.new, second)):
                if doc.warnings:
                    pane.show_warning("\n".join(doc.warnings))
            return
        lines = [f"{os.path.basename(doc.path)}: {warning}" for doc in (first, second) for warning in doc.warnings]
        if lines:
            self.align_view.message.show_message("\n".join(lines), "warning")

    def show_notice(self, message: str, level: str = "error") -> None:
        """A problem that concerns no single file (an export that failed, two languages)."""
        self.notice.show_message(message, level)

    def show_languages_differ(self, old: str, new: str) -> None:
        """The versions compared are in two languages and were paired across them: say so, what
        was compared, and where to align them as translations instead; options chosen in the
        Options menu (word-level: case, punctuation, numbering…) do not apply, and the notice says so."""
        chosen = [action.text().replace("&", "") for action in self.option_actions.values() if action.isChecked()]
        unused = ""
        if chosen:
            unused = " " + self.tr("The comparison options do not apply across languages (%1).").replace(
                "%1", "; ".join(chosen))
        self.show_notice(self.tr("The two documents are in different languages (%1 and %2): their paragraphs "
                                 "were paired across the languages and compared for commitments, hedges, "
                                 "modals, figures and deadlines, not word for word. View ▸ Align languages "
                                 "(Ctrl+2) pairs them as translations.").replace("%1", language_name(old))
                         .replace("%2", language_name(new)) + unused, "warning")

    def show_comparison(self, comparison: Comparison) -> None:
        self.set_paths(comparison.old.path, comparison.new.path)
        self.panes.old.set_file(comparison.old.path, self._detail(comparison.old))
        self.panes.new.set_file(comparison.new.path, self._detail(comparison.new))
        self.panes.show_comparison(comparison)
        self.changes.set_comparison(comparison)
        # no redline across languages (it would be all deletions and insertions): the action says why
        self.redline_possible = not is_cross_language(comparison.old, comparison.new)
        self.exports[ExportFormat.REDLINE].setEnabled(self.redline_possible)
        self.exports[ExportFormat.REDLINE].setToolTip("" if self.redline_possible else
                                        self.tr("A Word redline needs two versions in one language"))
        summary = self.changes.summary_html(comparison)
        chosen = [action.text().replace("&", "") for name, action in self.option_actions.items()
                  if getattr(comparison.options, name, False)]
        if chosen:  # say why changes may be fewer (or more) than without them
            summary += " · " + self.tr("Options: %1").replace("%1", html.escape("; ".join(chosen)))
        self.summary.setText(summary)

    def show_alignment(self, alignment: LanguageAlignment) -> None:
        self.set_paths(alignment.source_path, alignment.target_path)
        self.align_view.show_alignment(alignment)
        flagged = sum(1 for p in alignment.pairs if p.flags)
        self.summary.setText(self.tr("%1 pairs aligned, %2 with a translation flag")
                             .replace("%1", str(len(alignment.pairs))).replace("%2", str(flagged)))

    def ask_open_path(self, side: FileSide | str) -> str | None:
        title = self.tr("Open the old version") if side == FileSide.FIRST else self.tr("Open the new version")
        path, _ = QFileDialog.getOpenFileName(self, title, self.settings.last_folder(), self.tr(OPEN_FILTER))
        return path or None

    def ask_password(self, path: str, wrong: bool = False) -> str | None:
        """The password of an encrypted PDF (typed hidden), or None if the user cancelled; `wrong`
        says the last one typed did not open it."""
        name = os.path.basename(path)
        if wrong:
            prompt = self.tr("The password does not open %1. Type it again:").replace("%1", name)
        else:
            prompt = self.tr("%1 is an encrypted PDF. Type its password:").replace("%1", name)
        text, ok = QInputDialog.getText(self, self.tr("Password"), prompt, QLineEdit.EchoMode.Password)
        return text if ok else None

    def ask_save_path(self, fmt: str, suggested: str) -> str | None:
        description, suffix = EXPORTS[fmt]
        folder = self.settings.last_folder("export") or os.path.dirname(suggested)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), os.path.join(folder, os.path.basename(suggested)),
                                              self.tr(description))
        if not path:
            return None
        if not path.lower().endswith(suffix):
            path += suffix
        self.settings.set_last_folder("export", os.path.dirname(path))
        return path

    def ask_printer(self) -> QPrinter | None:
        """The print dialog: the printer the user chose, or None if they cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        setup_printer(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the comparison report"))
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    def print_report(self, document: QTextDocument) -> bool:
        """Ask for a printer and print the report on it. True if printed."""
        printer = self.ask_printer()
        if printer is None:
            return False
        from PySide6.QtWidgets import QApplication

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # about a second per 100 pairs
        try:
            pages = print_document(document, printer)
        finally:
            QApplication.restoreOverrideCursor()
        self.show_status(self.tr("Printed %n page(s).", "", pages))
        return True

    def preview_dialog(self, document: QTextDocument) -> QPrintPreviewDialog:
        """The print preview of the report (pages laid out as they will print; print from there)."""
        dialog = QPrintPreviewDialog(self)  # owns its printer (a printer of ours would die first)
        setup_printer(dialog.printer())
        dialog.setWindowTitle(self.tr("Print preview"))
        dialog.paintRequested.connect(lambda target: print_document(document, target))
        dialog.resize(self.size() * 0.9)
        return dialog

    def preview_report(self, document: QTextDocument) -> None:
        dialog = self.preview_dialog(document)
        dialog.exec()
        dialog.deleteLater()

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    # --- user actions handled in the window ---------------------------------------------------

    def _ask_open(self, side: FileSide) -> None:
        path = self.ask_open_path(side)
        if path:
            self.open_requested.emit(side, path)

    def _fill_recent(self, menu: QMenu, side: FileSide) -> None:
        menu.clear()
        files = self.settings.recent_files()
        for path in files:
            action = menu.addAction(os.path.basename(path))
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_requested.emit(side, p))
        if not files:
            menu.addAction(self.tr("(none)")).setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(self.tr("Clear the list"), self.settings.clear_recent_files)

    def _export_default(self) -> None:
        if self.mode is Mode.COMPARE:
            self.export_requested.emit(ExportFormat.REDLINE if self.redline_possible else ExportFormat.HTML)
        else:
            self.export_requested.emit(ExportFormat.TMX)

    def step(self, delta: int) -> None:
        if self.mode is Mode.COMPARE:
            self.changes.step(delta)
        else:
            self.align_view.step_flag(delta)

    def _on_change_clicked(self, index: int) -> None:
        """A click in a pane selects that change without moving the text under the pointer."""
        self._scroll_to_selection = False
        try:
            if not self.changes.select_change(index):
                self.panes.select_change(index, scroll=False)
        finally:
            self._scroll_to_selection = True

    def _on_change_jump(self, index: int) -> None:
        if not self.changes.select_change(index):
            self.panes.select_change(index)

    def _option_toggled(self, name: str, on: bool) -> None:
        self.settings.set_compare_option(name, on)
        self.options_changed.emit()

    def compare_options(self) -> CompareOptions:
        """The comparison options chosen in the Options menu."""
        return CompareOptions(**{name: action.isChecked() for name, action in self.option_actions.items()})

    def ask_author(self, current: str) -> str | None:
        """Ask for the redline author's name (None if cancelled)."""
        text, ok = QInputDialog.getText(self, self.tr("Redline author"),
                                        self.tr("Name shown on the tracked changes of exported redlines:"),
                                        QLineEdit.EchoMode.Normal, current)
        return text if ok else None

    def _ask_author(self) -> None:
        name = self.ask_author(self.settings.author())
        if name is not None and name.strip():
            self.settings.set_author(name)
            self.show_status(self.tr("Redlines will carry the author “%1”.").replace("%1", self.settings.author()))

    def _focus_find(self) -> None:
        self.find_box.setFocus()
        self.find_box.selectAll()

    def find(self, backward: bool = False) -> bool:
        """Find the text of the find box in the compare panes; say so when it is nowhere."""
        text = self.find_box.text().strip()
        if not text or self.mode is not Mode.COMPARE:
            return False
        found = self.panes.find(text, backward) is not None
        if not found:
            self.show_status(self.tr("“%1” is in neither version.").replace("%1", text))
        return found

    def zoom(self, steps: int) -> None:
        self.panes.zoom(steps)
        self.settings.set_zoom(self.panes.zoom_level)

    def shortcut_rows(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(section, [(keys, what they do)]) from the actions themselves, so the page never goes
        stale: each menu's actions that have keys, the align mode's, and the window's own."""
        def keys(action: QAction) -> str:
            names = dict.fromkeys(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            return self.tr(" or ").join(n for n in names if n)

        def what(action: QAction) -> str:
            return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")

        sections: list[tuple[str, list[tuple[str, str]]]] = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            if menu is None:
                continue
            rows = [(keys(a), what(a)) for a in menu.actions() if a.menu() is None and keys(a)]
            if rows:
                sections.append((what(menu_action), rows))
        align = [(keys(a), what(a)) for a in self.align_view.actions() if keys(a)]
        if align:
            sections.append((self.tr("Align mode (the table has the focus)"), align))
        sections.append((self.tr("Anywhere"), [
            (keys(self.cancel), self.tr("Stop the work in progress")),
            (keys(self.export_default), self.tr("Export the result (redline in compare mode, TMX in align mode)")),
        ]))
        return sections

    def shortcuts_html(self) -> str:
        from html import escape

        parts = [f"<h2>{escape(self.tr('Keyboard shortcuts'))}</h2><table cellpadding='3'>"]
        for section, rows in self.shortcut_rows():
            parts.append(f"<tr><td colspan='2'><h3>{escape(section)}</h3></td></tr>")
            parts += [f"<tr><td><b>{escape(k)}</b></td><td>{escape(w)}</td></tr>" for k, w in rows]
        parts.append("</table>")
        mouse = self.tr("With the mouse: click a paragraph to select its change; click a mark in the overview "
                        "bar to go there; point at a ▲/▼ badge for the reasons; drop a file on a pane to open it.")
        parts.append(f"<p>{escape(mouse)}</p>")
        return "".join(parts)

    def show_shortcuts(self) -> None:
        """The keyboard shortcuts page (non-modal: it can stay open beside the window)."""
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser

        if self.shortcuts_dialog is None:
            dialog = QDialog(self)
            dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
            browser = QTextBrowser()
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            buttons.rejected.connect(dialog.close)
            layout = QVBoxLayout(dialog)
            layout.addWidget(browser)
            layout.addWidget(buttons)
            dialog.resize(self.fontMetrics().averageCharWidth() * 80, self.fontMetrics().height() * 40)
            self.shortcuts_dialog = dialog
            self.shortcuts_browser = browser
        self.shortcuts_browser.setHtml(self.shortcuts_html())
        self.shortcuts_dialog.show()
        self.shortcuts_dialog.raise_()

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About Accord"), self.tr(
            "<h3>Accord</h3><p>Compares UN documents across versions and languages, fully offline.</p>"))

    def restore(self) -> None:
        geometry, state = self.settings.geometry(), self.settings.state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        self.set_mode(self.mode)
        if self.settings.zoom():
            self.panes.zoom(self.settings.zoom())

    def _detail(self, doc) -> str:
        """What the pane header says about a document: symbol, format, language, warnings."""
        parts = [p for p in (doc.symbol, str(doc.format).upper(), doc.language) if p]
        if doc.warnings:
            parts.append(self.tr("%n warning(s)", "", len(doc.warnings)))
        return " · ".join(parts)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.close_guard():
            event.ignore()
            return
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        super().closeEvent(event)

