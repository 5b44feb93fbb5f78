"""How the application reads a file: one place, so the command line and the window behave alike.

Each input is opened once (parsers.sniff.read_file: a pipe, a device or a folder is refused before
a byte is read, so nothing blocks), its bytes hashed once for the cache key, and those same bytes
parsed in a worker process with a time limit and a memory cap (parsers.sandbox): a hostile or
damaged file costs an error message, never the application, and a file that changes on disk
meanwhile cannot put one version's text under another version's key. Both limits can be set from
the environment (`ACCORD_PARSE_TIMEOUT` in seconds, `ACCORD_PARSE_MEMORY_MB`; 0 for no cap), which
tests use to keep hostile files quick; a value that is not a finite number >= 0 is an error.

A PDF's page limit follows the memory cap (issue 17): a text PDF costs the worker about 0.45 MB a
page (2,000 pages: 898 MB peak, measured) on top of about 50 MB of libraries, so under the default
1 GiB cap a PDF may have at most `pages_within(1024)` = 1,936 pages (ParseOptions.max_pages, 5,000,
when the cap allows more): a longer one is refused at once with the limit in the message, instead
of dying half-way when the cap is reached. Raising ACCORD_PARSE_MEMORY_MB raises the limit.

A parsed document is kept in the user cache (parsers.cache, keyed by the bytes, the parser
version and the options): the second look at a file reads JSON in the parent and starts no
worker. Errors are never cached, nor are documents read with a password (their text would lie in
the cache unencrypted). The readers (and the sandbox that imports them) are imported only on a
miss, so a warm `accord compare` loads no PDF or Word library.

`iter_load_pair` reads both files of a pair at once for the command line (`load_pair`) and the
window (desktop.workers), with the same options: password, language, original.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
from collections.abc import Callable, Generator
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from compare.progress import Progress, Stage
from parsers import Document, ParseOptions
from parsers.settings import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, number_setting


def load_document(path: str, options: ParseOptions | None = None, *,
                  cancelled: Callable[[], bool] | None = None,
                  started: Callable[[bool], None] | None = None) -> Document:
    """Parse `path` in isolation (or take it from the cache); raises ParseError with a one-line
    message for any trouble, or parsers.sandbox.ParseCancelled once `cancelled()` returns True.
    `started` is called once, whatever happens, as soon as no process will be forked for this
    file any more: `started(True)` once its worker runs, `started(False)` when none is needed."""
    started = _once(started) if started is not None else None
    from parsers import cache
    from parsers.sniff import read_file

    memory_mb = parse_memory_mb()
    options = _capped(options or ParseOptions(), memory_mb)
    key = None
    try:
        data = read_file(path, max_bytes=options.max_bytes)
        # A PDF that needed a password is never written to the cache in clear text.
        if options.password is None:
            key = _key_of(data, options)
            document = cache.load(key, path)
            if document is not None:
                return document
        from parsers.sandbox import parse_isolated

        document = parse_isolated(path, options, timeout=parse_timeout(), memory_mb=memory_mb,
                                  cancelled=cancelled, started=(lambda: started(True)) if started else None,
                                  data=data)
        del data
    finally:
        if started is not None:
            started(False)
    if key is not None:
        cache.store(key, document)
    return document


def document_key(path: str, options: ParseOptions | None = None) -> str | None:
    """The cache key `load_document` reads `path` under with `options` (the file read and hashed,
    nothing parsed), or None for a file read with a password (never cached); ParseError when the
    file cannot be read. The command line finds a pair's report with it (desktop.cli)."""
    from parsers.sniff import read_file

    options = _capped(options or ParseOptions(), parse_memory_mb())
    if options.password is not None:
        return None
    return _key_of(read_file(path, max_bytes=options.max_bytes), options)


def _capped(options: ParseOptions, memory_mb: int) -> ParseOptions:
    """`options` with the page limit a worker's memory cap allows (see the module's docstring)."""
    pages = pages_within(memory_mb)
    if pages is not None and pages < options.max_pages:
        return dataclasses.replace(options, max_pages=pages)
    return options


def _key_of(data: bytes, options: ParseOptions) -> str:
    from parsers import cache
    from parsers.api import PARSER_VERSION

    return cache.key_for_bytes(data, PARSER_VERSION, options_key(options))


@dataclass(frozen=True, slots=True)
class PairRead:
    """What reading a pair gave: the documents read and the errors raised, by side name."""

    documents: dict[str, Document] = field(default_factory=dict)
    errors: dict[str, BaseException] = field(default_factory=dict)


def iter_load_pair(first: str, second: str, options: ParseOptions | None = None, *,
                   second_options: ParseOptions | None = None, names: tuple[str, str] = ("old", "new"),
                   cancelled: Callable[[], bool] | None = None,
                   early: Callable[[Document, Callable[[], bool]], object] | None = None,
                   meanwhile: Callable[[], object] | None = None,
                   ) -> Generator[Progress, None, PairRead]:
    """Both files read at once (two workers on two cores): the pair costs the longer of the two.
    `second_options` (default: `options`) reads the second file (another language for alignment).
    Yields "read both", then the name of the side still being read once the other is done;
    returns every document and every error by side name.
    `early(document, waiting)` runs in this thread with the first document read while the other
    is still read, `waiting()` saying whether it still is, once both sides are past forking (it may
    import modules) and if either needed a worker (the command line imports the comparison's
    modules and starts its work on that document there, on the core that would idle; a pair from
    the cache loads no engine).
    `meanwhile()` runs in a thread of its own while the workers read, once both sides are past
    forking and if either needed a worker: the command line loads there the modules of the work
    that follows (desktop.cli), which would else wait until both documents are read. The thread
    is a third on two cores for its while, so the workers lose about half of its time and the
    caller gains all of it (a cold compare of the 56-page pair: 25-30 ms of 0.77 s, desktop.cli).
    What it raises is not reported there: the caller's own import raises it again."""
    sides = ((names[0], first, options), (names[1], second, second_options or options))
    forked = threading.Event()  # set once neither side will fork a worker any more
    worked: list[bool] = []

    def side_started(worker: bool) -> None:
        worked.append(worker)
        if len(worked) == len(sides):
            forked.set()

    read = PairRead()
    yield Progress(Stage.READ_BOTH, 0, 2)
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="accord-load") as pool:
        pending = {pool.submit(load_document, path, opts, cancelled=cancelled, started=side_started): name
                   for name, path, opts in sides}
        if meanwhile is not None:
            threading.Thread(target=_after_forks, args=(forked, worked, meanwhile), daemon=True,
                             name="accord-meanwhile").start()
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                name = pending.pop(future)
                error = future.exception()
                if error is None:
                    read.documents[name] = future.result()
                else:
                    read.errors[name] = error
            if pending:
                yield Progress(Stage(f"read {next(iter(pending.values()))}"), 2 - len(pending), 2)
                if early is not None and read.documents:  # once: one side is read, the other not
                    # the other side's load runs until it is read. Both sides past forking first:
                    # `early` may import modules, and a fork must never copy a half-held import
                    # lock. Only once a worker was started: a pair from the cache has nothing to
                    # prepare (and a warm compare must not load the engine).
                    forked.wait()
                    if any(worked):
                        early(next(iter(read.documents.values())), next(iter(pending)).running)
    return read


def load_pair(old: str, new: str, options: ParseOptions | None = None, *,
              new_options: ParseOptions | None = None,
              cancelled: Callable[[], bool] | None = None,
              early: Callable[[Document, Callable[[], bool]], object] | None = None,
              meanwhile: Callable[[], object] | None = None) -> tuple[Document, Document]:
    """iter_load_pair for the command line: both documents, or the error about `old` when both
    fail (the one a reader would look at first), else the one about `new`."""
    steps = iter_load_pair(old, new, options, second_options=new_options, cancelled=cancelled, early=early,
                           meanwhile=meanwhile)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            read: PairRead = stop.value
            break
    for name in ("old", "new"):
        if name in read.errors:
            raise read.errors[name]
    return read.documents["old"], read.documents["new"]


def _after_forks(forked: threading.Event, worked: list[bool], action: Callable[[], object]) -> None:
    """`action()` once no side will fork any more (a fork must never copy a half-held import
    lock), if a worker was started (a pair from the cache has nothing to wait for)."""
    forked.wait()
    if any(worked):
        with contextlib.suppress(Exception):  # the caller does the same work next and meets it there
            action()


def _once(action: Callable[..., object]) -> Callable[..., None]:
    """`action` wrapped so that calling it again does nothing."""
    done = threading.Lock()

    def call(*args: object) -> None:
        if done.acquire(blocking=False):
            action(*args)

    return call


def options_key(options: ParseOptions) -> str:
    """Everything in the options that changes what a reader returns (the password too: a file read
    with its password must not come back from the cache to someone without it)."""
    return repr((options.password, options.language, options.original, options.max_bytes,
                 options.max_pages, options.docx_limits))


# What a page of a text PDF costs the worker, and its libraries before any page (measured).
PDF_MB_PER_PAGE = 0.45
WORKER_BASE_MB = 50
# The share of the memory cap the pages may plan to use (the rest is spare).
PAGE_BUDGET = 0.9


def pages_within(memory_mb: int) -> int | None:
    """The most PDF pages a worker can read under a cap of `memory_mb` (None: no cap)."""
    if not memory_mb:
        return None
    return max(1, int((memory_mb * PAGE_BUDGET - WORKER_BASE_MB) / PDF_MB_PER_PAGE))


def parse_timeout() -> float:
    return number_setting("ACCORD_PARSE_TIMEOUT", DEFAULT_TIMEOUT, unit="seconds")


def parse_memory_mb() -> int:
    return int(number_setting("ACCORD_PARSE_MEMORY_MB", DEFAULT_MEMORY_MB, unit="megabytes"))


def check_settings() -> None:
    """Raise parsers.settings.SettingError now for any environment setting Accord cannot use,
    before a file is read (the command line calls it first)."""
    from parsers.cache import size_limit

    # checked without the sandbox's defaults: a warm compare imports no reader (nor the sandbox)
    number_setting("ACCORD_PARSE_TIMEOUT", 0, unit="seconds")
    number_setting("ACCORD_PARSE_MEMORY_MB", 0, unit="megabytes")
    size_limit()
