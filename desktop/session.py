"""The controller: which files are open, which mode, running the engine off the GUI thread and
exporting. Talks to the window only through its narrow API (desktop.main_window)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from compare.model import AlignLevel, Comparison, LanguageAlignment
from compare.route import is_cross_language
from desktop.main_window import ALIGN_EXPORTS, EXPORTS, MainWindow
from desktop.modes import ExportFormat, FileSide, Mode
from desktop.settings import Settings
from desktop.workers import JobRunner, Loaded, LoadFailed, align_job, compare_job, realign_job
from parsers import AccordError, ParseOptions
from parsers.errors import ErrorCode, ParseError

SIDES = {"old": FileSide.FIRST, "new": FileSide.SECOND, "source": FileSide.FIRST, "target": FileSide.SECOND}


def _needs_password(error: BaseException, path: str) -> bool:
    """A PDF that is encrypted, or whose password was wrong: a password can open it (a
    password-protected Word file cannot be read at all: Word must remove the password)."""
    if not isinstance(error, ParseError):
        return False
    if error.code is ErrorCode.BAD_PASSWORD:
        return True
    if error.code is not ErrorCode.ENCRYPTED:
        return False
    from parsers.model import Format
    from parsers.sniff import sniff

    try:
        return sniff(path) is Format.PDF
    except (AccordError, OSError):
        return False


class Session(QObject):
    shown = Signal()  # a comparison or an alignment is on screen
    failed = Signal()  # the files could not be read or compared; errors are on screen

    def __init__(self, window: MainWindow, settings: Settings, mode: Mode | str = Mode.COMPARE) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.mode = Mode(mode)
        self.paths: dict[FileSide, str | None] = {FileSide.FIRST: None, FileSide.SECOND: None}
        self.comparison: Comparison | None = None
        self.alignment: LanguageAlignment | None = None
        self.loaded: Loaded | None = None
        self.level = AlignLevel.PARAGRAPH  # of the language alignment
        self.passwords: dict[str, str] = {}  # path -> the password typed for it (this session only)
        self.ask_passwords = True  # False when no one is there to type one (a screenshot)
        self.fixes_exported = True
        self.runner = JobRunner(self)
        self.runner.progress.connect(window.show_progress)
        self.runner.busy_changed.connect(window.set_busy)
        self.runner.result.connect(self._on_result)
        self.runner.error.connect(self._on_error)
        self.runner.cancelled.connect(lambda: window.summary.setText(self.tr("Cancelled.")))
        window.open_requested.connect(self.open)
        window.reload_requested.connect(self.reload)
        window.swap_requested.connect(self.swap)
        window.export_requested.connect(self.export)
        window.print_requested.connect(self.print_report)
        window.options_changed.connect(self._on_options_changed)
        window.mode_requested.connect(self.set_mode)
        window.cancel_requested.connect(self.runner.cancel)
        window.language_chosen.connect(self._choose_language)
        window.align_view.alignment_edited.connect(self._on_alignment_edited)
        window.align_view.realign_requested.connect(self.realign)
        window.align_view.level_changed.connect(self.set_level)
        window.close_guard = self.may_close
        window.set_mode(mode)

    # --- opening and running ------------------------------------------------------------------

    def open_pair(self, first: str | None, second: str | None) -> None:
        self.paths = {FileSide.FIRST: first, FileSide.SECOND: second}
        for path in (first, second):
            if path:
                self.settings.add_recent_file(path)
        self.window.set_paths(first, second)
        self.start()

    def open(self, side: FileSide | str, path: str) -> None:
        if not self._may_discard_fixes():
            return
        self.paths[FileSide(side)] = path
        self.settings.add_recent_file(path)
        self.window.set_paths(self.paths[FileSide.FIRST], self.paths[FileSide.SECOND])
        self.start()

    def reload(self) -> None:
        if self._may_discard_fixes():
            self.start()

    def swap(self) -> None:
        if not self._may_discard_fixes():
            return
        self.paths = {FileSide.FIRST: self.paths[FileSide.SECOND], FileSide.SECOND: self.paths[FileSide.FIRST]}
        self.window.set_paths(self.paths[FileSide.FIRST], self.paths[FileSide.SECOND])
        self.start()

    def set_mode(self, mode: Mode | str) -> None:
        mode = Mode(mode)
        if mode is self.mode:
            return
        if not self._may_discard_fixes():
            self.window.set_mode(self.mode)
            return
        self.mode = mode
        self.window.set_mode(mode)
        self.start()

    def set_level(self, level: AlignLevel | str) -> None:
        """Align paragraphs or sentences (the translation memory's unit)."""
        level = AlignLevel(level)
        if level is self.level:
            return
        if not self._may_discard_fixes():
            self.window.align_view.set_level(self.level)
            return
        self.level = level
        if self.mode is Mode.ALIGN:
            self.start()

    def start(self) -> None:
        """Run the current mode's job on both files (when both are chosen)."""
        self.window.clear_errors()
        first, second = self.paths[FileSide.FIRST], self.paths[FileSide.SECOND]
        if not first or not second:
            self.window.summary.setText(self.tr("Choose both files (File ▸ Open, or drop them on the panes)."))
            return
        first_options, second_options = self._parse_options(first), self._parse_options(second)
        if self.mode is Mode.COMPARE:
            options = self.window.compare_options()
            self.runner.start(lambda cancelled: compare_job(first, second, cancelled, first_options,
                                                            compare_options=options, new_options=second_options))
        else:
            level = self.level
            self.runner.start(lambda cancelled: align_job(first, second, level, cancelled, first_options,
                                                          second_options))

    def _parse_options(self, path: str) -> ParseOptions:
        """How to read `path`: with the password the user typed for it, if any."""
        return ParseOptions(password=self.passwords.get(path))

    def realign(self) -> None:
        """Run the aligner again, keeping the pairs fixed by hand."""
        if self.loaded is None or self.alignment is None:
            return
        if not any(p.pinned for p in self.alignment.pairs):
            self.window.show_status(self.tr("Fix a row first (merge, split, link or unlink): "
                                                   "re-aligning keeps those fixes and redoes the rest."))
            return
        loaded = Loaded(self.loaded.first, self.loaded.second, self.alignment)
        self.runner.start(lambda cancelled: realign_job(loaded, cancelled))

    def _on_result(self, loaded: Loaded) -> None:
        self.loaded = loaded
        result = loaded.result
        if isinstance(result, Comparison):
            self.comparison = result
            self.window.show_comparison(result)
            if is_cross_language(result.old, result.new):  # paired across the languages (compare_job)
                self.window.show_languages_differ(str(result.old.language), str(result.new.language))
        elif isinstance(result, LanguageAlignment):
            self.fixes_exported = not any(p.pinned for p in result.pairs)
            self.alignment = result
            self.window.show_alignment(result)
        self.window.show_warnings(loaded.first, loaded.second)
        self.shown.emit()

    def _on_options_changed(self) -> None:
        """A comparison option changed: compare again (the option is saved already)."""
        if self.mode is Mode.COMPARE and self.paths[FileSide.FIRST] and self.paths[FileSide.SECOND]:
            self.start()

    def _on_error(self, exc: BaseException) -> None:
        if isinstance(exc, LoadFailed):
            if self._retry_with_password(exc):
                return
            self.comparison = None
            self.window.show_documents_alone({SIDES[side]: doc for side, doc in exc.documents.items()})
            for side, error in exc.errors.items():
                self.window.show_file_error(SIDES[side], self._error_text(error, self.paths[SIDES[side]]))
        else:
            self.window.show_notice(self.tr("The work stopped: %1").replace("%1", str(exc) or type(exc).__name__))
        self.failed.emit()

    def _retry_with_password(self, failed: LoadFailed) -> bool:
        """An encrypted PDF (or a password that does not open it): ask for its password and read
        both files again. False when the user cancels (the error then shows in the pane)."""
        for side, error in failed.errors.items():
            path = self.paths[SIDES[side]]
            if not self.ask_passwords or path is None or not _needs_password(error, path):
                continue
            wrong = isinstance(error, ParseError) and error.code is ErrorCode.BAD_PASSWORD
            password = self.window.ask_password(path, wrong)
            if password is None:
                self.passwords.pop(path, None)
                return False
            self.passwords[path] = password
            self.start()
            return True
        return False

    def _error_text(self, error: BaseException, path: str | None) -> str:
        """The pane's one line: an encrypted PDF left without its password says how to give it
        here (the reader's own line speaks of the command line's --password)."""
        if path and isinstance(error, ParseError) and error.code is ErrorCode.ENCRYPTED and _needs_password(error, path):
            return self.tr("%1: the PDF is encrypted; reload (F5) to type its password").replace("%1", path)
        return str(error)

    def _on_alignment_edited(self, alignment: LanguageAlignment) -> None:
        self.alignment = alignment
        self.fixes_exported = False

    def _may_discard_fixes(self) -> bool:
        """Manual alignment fixes not yet exported would be lost: the one place we ask."""
        if self.fixes_exported or self.alignment is None:
            return True
        answer = QMessageBox.question(
            self.window, self.tr("Discard your fixes?"),
            self.tr("You fixed the alignment by hand and have not exported it since. Discard the fixes?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def may_close(self) -> bool:
        return self._may_discard_fixes()

    # --- exporting ----------------------------------------------------------------------------

    def render(self, fmt: ExportFormat | str) -> str | bytes:
        """The export in `fmt` of what is on screen (AccordError / ImportError if it cannot)."""
        fmt = ExportFormat(fmt)
        if fmt in ALIGN_EXPORTS:
            if self.alignment is None:
                raise ValueError(self.tr("Nothing aligned yet."))
            from compare.languages import export as align_export

            render = {ExportFormat.TMX: align_export.render_tmx, ExportFormat.TSV: align_export.render_tsv,
                      ExportFormat.BILINGUAL: align_export.render_docx}[fmt]  # the table `accord align --format docx` writes
            return render(self.alignment)
        if self.comparison is None:
            raise ValueError(self.tr("Nothing compared yet."))
        if fmt is ExportFormat.PDF:
            from desktop.printing import pdf_bytes

            return pdf_bytes(self.comparison)
        across = is_cross_language(self.comparison.old, self.comparison.new)
        if across and fmt is not ExportFormat.REDLINE:  # the command line's reports across languages
            from compare.history import cross_report

            return (cross_report.render_html if fmt is ExportFormat.HTML else cross_report.render_json)(self.comparison)
        if fmt is ExportFormat.REDLINE:
            if across:
                raise ValueError(self.tr("a Word redline needs two versions in one language, and these are in "
                                         "%1 and %2: export the HTML or PDF report, which shows both texts side "
                                         "by side with the differences named")
                                 .replace("%1", str(self.comparison.old.language))
                                 .replace("%2", str(self.comparison.new.language)))
            from compare.redline.writer import render_redline

            return render_redline(self.comparison, author=self.settings.author())
        from compare.reports.html_report import render_html
        from compare.reports.text import render_json

        return (render_html if fmt == "html" else render_json)(self.comparison)

    def export(self, fmt: ExportFormat | str, path: str | None = None) -> bool:
        """Ask where (unless `path` is given), render and write atomically. True if written."""
        from desktop.files import write_atomic

        fmt = ExportFormat(fmt)
        suggested = self._suggested_name(fmt)
        path = path or self.window.ask_save_path(fmt, suggested)
        if not path:
            return False
        inputs = [p for p in self.paths.values() if p]
        try:
            data = self.render(fmt)
            write_atomic(path, data, inputs=inputs)
        except (AccordError, ImportError, ValueError, OSError) as exc:  # one line, non-modal
            self.window.show_notice(self.tr("Export failed: %1").replace("%1", str(exc)))
            return False
        if fmt in ALIGN_EXPORTS:  # each carries the manual fixes
            self.fixes_exported = True
        self.window.show_status(self.tr("Exported to %1").replace("%1", path))
        return True

    def print_report(self, preview: bool = False) -> None:
        """Print the comparison report (the HTML export, laid out by Qt), or preview it first."""
        if self.comparison is None or self.mode is not Mode.COMPARE:
            self.window.show_status(self.tr("Nothing compared yet."))
            return
        from desktop.printing import report_document

        document = report_document(self.comparison)
        if preview:
            self.window.preview_report(document)
        else:
            self.window.print_report(document)

    def _suggested_name(self, fmt: str) -> str:
        first, second = self.paths[FileSide.FIRST], self.paths[FileSide.SECOND]
        suffix = EXPORTS[fmt][1]
        if not first or not second:
            return f"accord{suffix}"
        stem = f"{Path(first).stem}-vs-{Path(second).stem}" if self.mode is Mode.COMPARE else Path(first).stem
        if fmt is ExportFormat.BILINGUAL:
            stem = f"{Path(first).stem}-{Path(second).stem}-table"
        return os.path.join(os.path.dirname(second), f"{stem}{suffix}")

    def _choose_language(self, language: str) -> None:
        self.settings.set_language(language)
        self.window.show_status(self.tr("The language will change the next time Accord starts."))
