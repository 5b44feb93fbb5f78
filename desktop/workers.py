"""Long work off the GUI thread: a worker drives an engine generator in a QThread, sends its
Progress, result or exception back through signals, and stops between yields when cancelled.
The worker never touches a widget (STYLE.md, Qt)."""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal, Slot

from compare.model import AlignLevel, CompareOptions
from compare.progress import Progress
from parsers import AccordError, Document, ParseOptions

Job = Generator[Progress, None, object]


class Cancelled(Exception):
    """The user stopped the work; nothing to show."""


class LoadFailed(AccordError):
    """One or both files could not be read: `errors` maps "old"/"new" (or "source"/"target")
    to the exception raised while reading that side; `documents` holds the sides that were read."""

    def __init__(self, errors: dict[str, BaseException], documents: dict[str, Document] | None = None) -> None:
        super().__init__("; ".join(str(e) for e in errors.values()))
        self.errors = errors
        self.documents = documents or {}


@dataclass(frozen=True, slots=True)
class Loaded:
    """What a job returns: both documents and the engine's result built from them."""

    first: Document
    second: Document
    result: object


def load_pair(first: str, second: str, names: tuple[str, str],
              cancelled: Callable[[], bool] | None = None, options: ParseOptions | None = None,
              second_options: ParseOptions | None = None) -> Generator[Progress, None, tuple]:
    """Read both files at once, each in its own reader process, through the command line's own
    path (desktop.loading.iter_load_pair, which kills a worker if the user cancels meanwhile) and
    with the same options (password, language, original): the pair costs the longer of the two
    reads, not their sum. Every side that fails is reported."""
    from desktop import loading
    from parsers.sandbox import ParseCancelled

    read = yield from loading.iter_load_pair(first, second, options, second_options=second_options,
                                             names=names, cancelled=cancelled)
    if any(isinstance(e, ParseCancelled) for e in read.errors.values()):
        raise Cancelled()
    for error in read.errors.values():
        if not isinstance(error, AccordError | OSError):  # a file vanished between choosing and reading
            raise error
    if read.errors:
        raise LoadFailed(read.errors, read.documents)
    return read.documents[names[0]], read.documents[names[1]]


def compare_job(old: str, new: str, cancelled: Callable[[], bool] | None = None,
                options: ParseOptions | None = None, *,
                compare_options: CompareOptions | None = None, new_options: ParseOptions | None = None) -> Job:
    """Read both versions (with `options`: a password, a language, Word drafts read original;
    the new one with `new_options` when given, e.g. its own password) and compare them with the
    window's comparison options; a document read with a password stays out of the comparison cache. Two documents in different languages (compare.route) are paired
    across the languages, as `accord compare` does: a comparison without word ops whose changes
    name what differs (commitments, hedges, modals, figures, deadlines)."""
    from compare.result_cache import cached_compare
    from compare.route import is_cross_language

    options = options or ParseOptions()
    new_options = new_options or options
    old_doc, new_doc = yield from load_pair(old, new, ("old", "new"), cancelled, options, new_options)
    if is_cross_language(old_doc, new_doc):
        from compare.history.cross_language import compare_across

        across = yield from compare_across(old_doc, new_doc)
        return Loaded(old_doc, new_doc, across)
    comparison = yield from cached_compare(old_doc, new_doc, compare_options or CompareOptions(),
                                           use_cache=options.password is None and new_options.password is None)
    return Loaded(old_doc, new_doc, comparison)


def align_job(source: str, target: str, level: AlignLevel | str = AlignLevel.PARAGRAPH,
              cancelled: Callable[[], bool] | None = None, options: ParseOptions | None = None,
              target_options: ParseOptions | None = None) -> Job:
    """Read both language versions (each with its own options, e.g. its language) and align them."""
    from compare.languages.documents import align_documents

    src, tgt = yield from load_pair(source, target, ("source", "target"), cancelled, options, target_options)
    alignment = yield from align_documents(src, tgt, level=AlignLevel(level))
    return Loaded(src, tgt, alignment)


def realign_job(loaded: Loaded, cancelled: Callable[[], bool] | None = None) -> Job:
    """Align again around the user's pinned pairs (their manual fixes)."""
    from compare.languages.documents import iter_realign

    alignment = loaded.result
    pins = [p for p in alignment.pairs if p.pinned]
    realigned = yield from iter_realign(alignment, pins)
    return Loaded(loaded.first, loaded.second, realigned)


class GeneratorWorker(QObject):
    """Drives one job generator to its end. Lives in its own QThread (see JobRunner). The job
    factory receives `is_cancelled`, for steps that block without yielding (reading a file)."""

    progress = Signal(object)  # Progress
    result = Signal(object)
    error = Signal(object)  # the exception object itself
    done = Signal()

    def __init__(self, make_job: Callable[[Callable[[], bool]], Job]) -> None:
        super().__init__()
        self._make_job = make_job
        self._cancelled = False

    def cancel(self) -> None:
        """Ask the job to stop at its next yield (safe from any thread: a plain flag)."""
        self._cancelled = True

    def is_cancelled(self) -> bool:
        return self._cancelled

    @Slot()
    def run(self) -> None:
        try:
            steps = self._make_job(self.is_cancelled)
            while True:
                if self._cancelled:
                    steps.close()
                    raise Cancelled()
                try:
                    step = next(steps)
                except StopIteration as stop:
                    self.result.emit(stop.value)
                    break
                self.progress.emit(step)
        except Exception as exc:  # every failure crosses to the GUI thread as the object
            self.error.emit(exc)
        finally:
            self.done.emit()


class JobRunner(QObject):
    """Runs one job at a time on a worker thread; starting a new one cancels the previous."""

    progress = Signal(object)
    result = Signal(object)
    error = Signal(object)
    cancelled = Signal()
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: GeneratorWorker | None = None
        self._running: list[tuple[QThread, GeneratorWorker]] = []

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def start(self, make_job: Callable[[Callable[[], bool]], Job]) -> None:
        self.cancel()
        thread = QThread()
        worker = GeneratorWorker(make_job)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        worker.result.connect(self._on_result)
        worker.error.connect(self._on_error)
        worker.done.connect(thread.quit)
        thread.finished.connect(self._on_thread_finished)  # queued: runs in the GUI thread
        self._thread, self._worker = thread, worker
        self._running.append((thread, worker))
        self.busy_changed.emit(True)
        thread.start()

    def cancel(self) -> None:
        """Stop the current job between two steps; its late signals are ignored."""
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None
            self._thread = None
            self.busy_changed.emit(False)
            self.cancelled.emit()

    def wait(self, msecs: int = 10_000) -> None:
        """Block until every worker thread has stopped (closing the window, tests)."""
        for thread, worker in list(self._running):
            worker.cancel()
            thread.wait(msecs)

    def _current(self) -> bool:
        return self.sender() is self._worker

    def _on_progress(self, step: Progress) -> None:
        if self._current():
            self.progress.emit(step)

    def _on_result(self, value: object) -> None:
        if self._current():
            self._worker = self._thread = None
            self.busy_changed.emit(False)
            self.result.emit(value)

    def _on_error(self, exc: BaseException) -> None:
        if self._current():
            self._worker = self._thread = None
            self.busy_changed.emit(False)
            if not isinstance(exc, Cancelled):
                self.error.emit(exc)

    def _on_thread_finished(self) -> None:
        thread = self.sender()
        for entry in [e for e in self._running if e[0] is thread]:
            self._running.remove(entry)
            entry[1].deleteLater()
            entry[0].deleteLater()
