"""Parse a file in a worker process with a wall-clock timeout and a memory cap (RELIABILITY.md, point 1).

pdfminer can loop for ever on a PDF object that refers to itself, PDFium aborts the whole process
when an allocation fails, and a decompression bomb can take gigabytes: none of that may reach the
application. `parse_isolated` runs `parsers.api.parse_file` in a child process.

How the child starts depends on the calling process. The window's process has Qt threads, so it
never forks itself: it uses the `forkserver` method where the platform has it (`spawn`
elsewhere). The fork server imports the readers once, so each file costs a fork, not an
interpreter start (measured: about 0.02 s a file once the server runs, 0.25-0.33 s for the first,
against 0.3-0.7 s a file with `spawn`). As with any `spawn`/`forkserver` use, the program's main
script must be safe to import (`if __name__ == "__main__":`): each worker re-imports it. The
command line has no threads but its own (the loader's pool, Python threads waiting on workers), so
on Linux without Qt loaded it forks directly (`_fork_is_safe`): about 0.01 s to start, each child
then imports the readers itself, both at once on two cores (about 0.1 s). Forks are started one at
a time under a lock, so no child inherits the other worker's pipe ends while they are being set up.

The child caps its own address space (`RLIMIT_AS`, where `resource` exists), sends back the
Document or the ParseError through a pipe, and the parent turns a timeout, a crash, a MemoryError
or any unexpected exception into a ParseError with a one-line message naming the file.

The worker parses bytes, not a name: the caller's bytes when it has read them (desktop.loading
reads each input once and keys the cache by their hash), else the worker reads the file once
(parsers.sniff.read_file, which refuses a pipe or a device before reading). The readers take a
path (and PDFium resolves it, so an anonymous `/proc/self/fd` file will not do), so the worker
writes the bytes into a private scratch folder (0700) the parent made and removes after the
worker ends; a file that changes on disk meanwhile cannot make the document disagree with its
hash. Scratch folders are named after the parent's process id: one whose process is gone (it was
killed) is removed by the next parse.

A worker never outlives its parent: on Linux the kernel kills it when the parent dies
(PR_SET_PDEATHSIG), and everywhere a thread in the worker exits it once its parent is gone.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Final, cast

from parsers import settings
from parsers.api import ParseOptions, parse_file
from parsers.clean import clean_document
from parsers.errors import AccordError, ErrorCode, ParseError
from parsers.model import Document
from parsers.sniff import read_file

# Honest documents parse in seconds (a 56-page draft in under 10 s on a slow machine); a minute
# means a loop, not a long file.
DEFAULT_TIMEOUT = settings.DEFAULT_TIMEOUT  # 60 s
# Real files peaked at 219 MB resident (a 300-page PDF's worker: 280 MB). The cap is on address
# space, which also counts the libraries mapped into the worker: about 50 MB of it before reading
# anything (measured). 1 GiB keeps a decompression bomb under 1 GB (measured peak 994 MB before
# PDFium gives up) with three times the largest real need to spare.
DEFAULT_MEMORY_MB = settings.DEFAULT_MEMORY_MB  # 1024
# How long a finished worker may take to exit after sending its result before it is killed.
EXIT_GRACE = 5.0
# How often the parent samples a running worker's peak memory (Linux), so that a worker which
# crashes or is killed still has a measured peak; reading /proc costs microseconds.
SAMPLE_INTERVAL = 0.25
# Scratch folders in the system's temporary folder: the prefix, then the parent's process id.
SCRATCH_PREFIX = "accord-parse-"
# How often a worker checks that its parent still lives (where the kernel cannot tell it).
PARENT_WATCH_INTERVAL = 0.5
# Modules the fork server imports once, so each worker starts with the readers loaded. A module
# that does not exist (yet) is skipped by multiprocessing.
PRELOAD = ("parsers.api", "parsers.pdf.reader", "parsers.docx.reader", "parsers.docx.safety",
           "parsers.pdf.safety")


class ParseCancelled(AccordError):
    """The caller asked to stop while the file was being read; the worker was killed."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one isolated parse gave: a document or an error, and what it cost. `failure` says, for
    developers and the fuzz tests, how the worker failed when the reader neither returned nor
    raised a ParseError (a timeout, a signal, MemoryError, an exception and where it was raised)."""

    document: Document | None
    error: ParseError | None
    peak_rss_mb: float | None  # the worker's peak resident memory, where the platform tells it
    seconds: float
    failure: str | None = None


def parse_isolated(path: str, options: ParseOptions | None = None, *, timeout: float = DEFAULT_TIMEOUT,
                   memory_mb: int | None = DEFAULT_MEMORY_MB,
                   cancelled: Callable[[], bool] | None = None,
                   started: Callable[[], None] | None = None, data: bytes | None = None) -> Document:
    """Parse `path` in a worker process; raise ParseError for anything that goes wrong there.
    `data`, when given, are the file's bytes as the caller read them: they are what is parsed.
    `cancelled` is polled while waiting: when it returns True the worker is killed and
    ParseCancelled raised (the window's Cancel button). `started` is called once the worker
    process exists (or could not be made)."""
    outcome = run_isolated(path, options, timeout=timeout, memory_mb=memory_mb, cancelled=cancelled,
                           started=started, data=data)
    if outcome.error is not None:
        raise outcome.error
    assert outcome.document is not None
    return outcome.document


def run_isolated(path: str, options: ParseOptions | None = None, *, timeout: float = DEFAULT_TIMEOUT,
                 memory_mb: int | None = DEFAULT_MEMORY_MB,
                 reader: Callable[[str, ParseOptions], Document] = parse_file,
                 cancelled: Callable[[], bool] | None = None,
                 started: Callable[[], None] | None = None, data: bytes | None = None) -> Outcome:
    """Run `reader` (parse_file; a module-level function, since it is sent to the worker by name)
    on the bytes of `path` (`data`, or read once by the worker) in a worker process; report the
    result with its time and peak memory. `started` is called once the worker process exists (or
    could not be made): from then on the caller's other threads may import modules without a
    fork copying a half-held import lock."""
    options = options or ParseOptions()
    start_time = time.monotonic()
    ctx = _context()
    _remove_stale_scratch()
    try:
        scratch = _make_scratch(path)
        with _STARTING:
            receiver, sender = ctx.Pipe(duplex=False)
            creator = os.getpid() if ctx.get_start_method() == "fork" else None
            worker = ctx.Process(target=_work, args=(sender, reader, path, options, memory_mb, data, scratch,
                                                     creator), daemon=True, name="accord-parse")
            try:
                worker.start()
            except OSError as exc:
                receiver.close()
                sender.close()
                shutil.rmtree(scratch, ignore_errors=True)
                raise ParseError(path, ErrorCode.RESOURCES,
                                 f"could not start a reader process ({exc.strerror or exc})") from exc
            sender.close()
            _LIVE.add(worker)
    finally:
        if started is not None:
            started()
    try:
        message, sampled_peak = _await(worker, receiver, start_time + timeout, cancelled)
        if message is _CANCELLED:
            raise ParseCancelled(f"{path}: reading stopped")
        if isinstance(message, _Stopped):  # timed out
            timed_out = ParseError(path, ErrorCode.TIMEOUT,
                                   f"the file took too long to read (over {timeout:g} s); it may be damaged")
            return Outcome(None, timed_out, sampled_peak, time.monotonic() - start_time, "timeout")
        worker.join(EXIT_GRACE)
        document, error, failure, own_peak = _interpret(path, message, worker.exitcode, memory_mb)
        peaks = [p for p in (own_peak, sampled_peak) if p is not None]
        return Outcome(document, error, max(peaks) if peaks else None, time.monotonic() - start_time, failure)
    finally:
        _stop(worker)
        _LIVE.discard(worker)
        receiver.close()
        shutil.rmtree(scratch, ignore_errors=True)


class _Stopped(Enum):
    """Why the parent stopped waiting for a worker's message."""

    TIMED_OUT = "timed out"
    CANCELLED = "cancelled"


_TIMED_OUT: Final = _Stopped.TIMED_OUT
_CANCELLED: Final = _Stopped.CANCELLED
# What a worker sends (see _work): (kind, payload, where it failed, traceback, its peak memory in MB);
# the payload is the Document for "ok", the ParseError for "error", an exception name or None else.
_Message = tuple[str, object, str | None, str | None, float | None]
# Characters of a worker's traceback kept for `accord --debug`.
TRACE_CHARS = 20_000


Message = tuple[str, Any, str | None, str | None, float | None]  # kind, payload, detail, trace, peak
Interpreted = tuple[Document | None, ParseError | None, str | None, float | None]


def _await(worker: BaseProcess, receiver: Connection, deadline: float,
           cancelled: Callable[[], bool] | None) -> tuple[Message | _Stopped | None, float | None]:
    """The worker's message (None if it died without one), _TIMED_OUT or _CANCELLED, with the
    worker's peak memory as last sampled (the caller kills a worker it stops waiting for)."""
    peak: float | None = None
    while True:
        sampled = _peak_rss_mb(worker.pid)
        if sampled is not None:
            peak = max(peak or 0.0, sampled)
        if cancelled is not None and cancelled():
            return _CANCELLED, peak
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return _TIMED_OUT, peak
        ready = wait([receiver, worker.sentinel], timeout=min(remaining, SAMPLE_INTERVAL))
        if receiver in ready or (ready and receiver.poll()):
            try:
                return cast(_Message, receiver.recv()), peak
            except (EOFError, OSError):
                return None, peak
        if ready:  # the worker is gone and sent nothing
            return None, peak


def _interpret(path: str, message: Message | None, exitcode: int | None, memory_mb: int | None) -> Interpreted:
    """(document, error, failure, the worker's own peak) from the worker's message or its death."""
    limit = _format_mb(memory_mb) if memory_mb else None
    if message is None:
        if exitcode is not None and exitcode < 0:
            failure = _signal_name(-exitcode)
            hint = f", or need more than {limit} of memory" if limit else ""
            text = f"the reader crashed on this file ({failure}); it may be damaged{hint}"
        else:
            failure = f"exit status {exitcode}"
            text = f"the reader stopped on this file without an answer ({failure})"
        return None, ParseError(path, ErrorCode.CORRUPT, text), failure, None
    kind, payload, detail, trace, peak = message
    if kind == "ok":
        return cast(Document, payload), None, None, peak
    if kind == "error":
        return None, cast(ParseError, payload), None, peak
    if kind == "memory":
        text = f"reading the file needed more than {limit} of memory" if limit else \
            "reading the file needed more memory than there is"
        error = ParseError(path, ErrorCode.RESOURCES, text)
    elif kind == "nested":
        error = ParseError(path, ErrorCode.CORRUPT, "the file's structure is nested too deeply to read; it may be damaged")
    else:
        error = ParseError(path, ErrorCode.CORRUPT,
                           f"the file could not be read (the reader failed with {payload}); it may be damaged")
    if trace:
        # shown after the traceback by `accord --debug`; never part of the one-line message
        error.add_note(f"In the reader process:\n{trace}")
    return None, error, detail, peak


def _work(sender: Connection, reader: Callable[[str, ParseOptions], Document], path: str,
          options: ParseOptions, memory_mb: int | None, data: bytes | None, scratch: str,
          creator: int | None) -> None:
    """The worker: die with the parent, cap memory, silence stderr, parse the bytes, send one
    message, exit."""
    _die_with_parent(creator)
    _silence_stderr()
    _cap_memory(memory_mb)
    # A worker lives for one file and its objects die with it, so the cycle collector only costs
    # time here (0.10-0.13 s of a 1.3 s parse of a 57-page PDF, measured); the memory cap still
    # bounds what a file can make it hold.
    gc.disable()
    message: tuple[str, Any, str | None, str | None]
    try:
        message = ("ok", _parse_bytes(reader, path, options, data, scratch), None, None)
    except ParseError as exc:
        # the reader saw the scratch copy: a message naming it names the user's file instead
        text = exc.message.replace(os.path.join(scratch, "input"), path)
        message = ("error", ParseError(path, exc.code, _one_line(text)), None, None)
    except MemoryError as exc:
        message = ("memory", None, _where(exc), _trace())
    except RecursionError as exc:
        message = ("nested", None, _where(exc), _trace())
    except Exception as exc:  # the last line of defence (RELIABILITY.md, point 4)
        message = ("unexpected", type(exc).__name__, _where(exc), _trace())
    try:
        sender.send((*message, _own_peak_rss_mb()))
    except MemoryError as exc:
        sender.send(("memory", None, _where(exc), None, _own_peak_rss_mb()))
    except Exception as exc:  # e.g. a result that does not pickle
        sender.send(("unexpected", type(exc).__name__, _where(exc), _trace(), _own_peak_rss_mb()))
    finally:
        sender.close()


def _parse_bytes(reader: Callable[[str, ParseOptions], Document], path: str, options: ParseOptions,
                 data: bytes | None, scratch: str) -> Document:
    """`reader` run on `data` (read from `path` once if None), the document named `path`."""
    if data is None:
        data = read_file(path, max_bytes=options.max_bytes)
    source = os.path.join(scratch, "input")
    fd = os.open(source, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)
    del data
    document = clean_document(reader(source, options))
    return dataclasses.replace(document, path=path) if document.path != path else document


def _make_scratch(path: str) -> str:
    """A new private folder (0700) for the worker's copy of the bytes, named after this process."""
    try:
        return tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-")
    except OSError as exc:
        raise ParseError(path, ErrorCode.RESOURCES,
                         f"could not make a temporary folder to read in ({exc.strerror or exc})") from exc


def _remove_stale_scratch() -> None:
    """Remove the scratch folders of parents that no longer run (killed while a worker read)."""
    with contextlib.suppress(OSError):
        folder = tempfile.gettempdir()
        for name in os.listdir(folder):
            if not name.startswith(SCRATCH_PREFIX):
                continue
            pid = name[len(SCRATCH_PREFIX):].split("-", 1)[0]
            if pid.isdigit() and not _alive(int(pid)):
                shutil.rmtree(os.path.join(folder, name), ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would end the process there: treat it as running
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):  # someone else's process (or no way to tell): leave it
        return True
    return True


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _die_with_parent(creator: int | None) -> None:
    """Make sure this worker ends when its parent does (the process that forked it, or the fork
    server, which itself ends with the application): on Linux the kernel sends SIGKILL
    (PR_SET_PDEATHSIG; a forked worker also checks that `creator` is still its parent, in case
    it died just before); everywhere a daemon thread polls the parent's id, which changes when
    the parent is gone (a C library holding the interpreter lock delays that thread, never the
    kernel's signal)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    parent = os.getppid()
    if creator is not None and parent != creator:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_WATCH_INTERVAL)
        os._exit(1)

    threading.Thread(target=watch, name="accord-parent-watch", daemon=True).start()


def _trace() -> str:
    """The traceback being handled, for `accord --debug` (its last TRACE_CHARS characters: a
    recursion's traceback runs to thousands of frames)."""
    import traceback

    return traceback.format_exc()[-TRACE_CHARS:]


def _where(exc: BaseException) -> str:
    """`TypeError: message at file.py:123` for the innermost frame: enough to find the bug."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    place = f" at {frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    return _one_line(f"{type(exc).__name__}: {exc}")[:300] + place


# The workers running now, for stop_all_workers.
_LIVE: set[BaseProcess] = set()


def stop_all_workers() -> None:
    """Kill every worker this process runs (a signal handler's first step: the threads waiting on
    them then return at once, and the command line exits without waiting for a parse)."""
    for worker in list(_LIVE):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            if worker.pid is not None:
                os.kill(worker.pid, signal.SIGKILL)


# Held while a worker's pipe and process are set up, so that a fork in one loader thread never
# copies the other thread's half-made pipe or process sentinel into its child.
_STARTING = threading.Lock()


def _context() -> Any:  # a multiprocessing context (typeshed's BaseContext lacks Process)
    if _fork_is_safe():
        return multiprocessing.get_context("fork")
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(list(PRELOAD))
        return ctx
    return multiprocessing.get_context("spawn")


def _fork_is_safe() -> bool:
    """Whether this process may fork a worker directly: Linux (elsewhere system libraries are not
    fork-safe, and macOS defaults to `spawn` for that reason), Qt not loaded, and every thread of
    the process a Python thread (/proc/self/task against `threading`), so no library thread can
    hold a lock the child would need. Python 3.12 and later deprecate forking with more than one
    thread at all: there it also takes a single thread."""
    if not sys.platform.startswith("linux") or "PySide6.QtCore" in sys.modules:
        return False
    threads = threading.active_count()
    if sys.version_info >= (3, 12) and threads != 1:
        return False
    try:
        # a thread being started counts in `threading` before it exists in /proc: hence <=
        return len(os.listdir("/proc/self/task")) <= threads
    except OSError:
        return False


def _stop(worker: BaseProcess) -> None:
    """Kill the worker if it still runs and release it (safe to call on a closed one)."""
    with contextlib.suppress(ValueError):  # already closed
        if worker.is_alive():
            with contextlib.suppress(OSError):
                worker.kill()
            worker.join(EXIT_GRACE)
        worker.close()


def _cap_memory(memory_mb: int | None) -> None:
    if not memory_mb:
        return
    try:
        import resource
    except ImportError:  # Windows: the timeout alone protects the application
        return
    limit = memory_mb * 2**20
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _silence_stderr() -> None:
    """Libraries log and PDFium prints on stderr; the user sees one line, from the parent."""
    import logging
    import warnings

    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)


def _own_peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, KiB elsewhere


def _peak_rss_mb(pid: int | None) -> float | None:
    """A running process's peak resident memory from /proc (Linux), else None."""
    with contextlib.suppress(OSError, ValueError), open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 2**10
    return None


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _format_mb(mb: int) -> str:
    return f"{mb / 1024:.1f} GB" if mb >= 1024 else f"{mb} MB"


def _one_line(text: str) -> str:
    return " ".join(text.split())
