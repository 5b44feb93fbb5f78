"""How the application reads a file: one place, so the CLI and the window behave alike.

Every file is parsed in a worker process with a time limit and a memory cap (parsers.sandbox):
a hostile or damaged file costs an error message, never the application. Both limits can be set
from the environment (`ACCORD_PARSE_TIMEOUT` in seconds, `ACCORD_PARSE_MEMORY_MB`; 0 for no cap),
which tests use to keep hostile files quick.

A parsed document is kept in the user cache (parsers.cache, keyed by the file's bytes, the parser
version and the options): the second look at a file reads JSON in the parent and starts no
worker. Errors are never cached, nor are documents read with a password (their text would lie in
the cache unencrypted). The readers (and the sandbox that imports them) are imported
only on a miss, so a warm `accord compare` loads no PDF or Word library.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from parsers import Document, ParseOptions


def load_document(path: str, options: ParseOptions | None = None, *,
                  cancelled: Callable[[], bool] | None = None,
                  started: Callable[[bool], None] | None = None) -> Document:
    """Parse `path` in isolation (or take it from the cache); raises ParseError with a one-line
    message for any trouble, or parsers.sandbox.ParseCancelled once `cancelled()` returns True.
    `started` is called once, whatever happens, as soon as no process will be forked for this
    file any more: `started(True)` once its worker runs, `started(False)` when none is needed."""
    started = _once(started) if started is not None else None
    from parsers import cache
    from parsers.api import PARSER_VERSION

    options = options or ParseOptions()
    key = None
    try:
        # A PDF that needed a password is never written to the cache in clear text.
        if options.password is None:
            try:
                key = cache.content_key(path, PARSER_VERSION, options_key(options))
            except OSError:
                key = None  # unreadable: the worker reports it with the usual message
        if key is not None:
            document = cache.load(key, path)
            if document is not None:
                return document
        from parsers.sandbox import parse_isolated

        document = parse_isolated(path, options, timeout=parse_timeout(), memory_mb=parse_memory_mb(),
                                  cancelled=cancelled, started=(lambda: started(True)) if started else None)
    finally:
        if started is not None:
            started(False)
    if key is not None:
        cache.store(key, document)
    return document


def load_pair(old: str, new: str, options: ParseOptions | None = None, *,
              new_options: ParseOptions | None = None,
              cancelled: Callable[[], bool] | None = None,
              meanwhile: Callable[[], object] | None = None) -> tuple[Document, Document]:
    """Both files read at once (two workers on two cores): the pair costs the longer of the two.
    `new_options` (default: `options`) reads the second file (another language for alignment).
    When both fail, the error about `old` is raised (the one a reader would look at first).
    `meanwhile()` runs in this thread while workers read, once both sides are past forking and if
    either needed a worker (the command line imports the comparison's modules there, 0.1 s it
    would otherwise add after the parse; a pair from the cache needs no such wait)."""
    sides = ((old, options), (new, new_options or options))
    settled = threading.Semaphore(0)
    worked: list[bool] = []

    def side_started(worker: bool) -> None:
        worked.append(worker)
        settled.release()

    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="accord-load") as pool:
        futures = [pool.submit(load_document, path, opts, cancelled=cancelled, started=side_started)
                   for path, opts in sides]
        if meanwhile is not None:
            for _ in sides:
                settled.acquire()
            if any(worked):
                meanwhile()
        errors = [f.exception() for f in futures]
    for error in errors:
        if error is not None:
            raise error
    return futures[0].result(), futures[1].result()


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


def parse_timeout() -> float:
    from parsers.sandbox import DEFAULT_TIMEOUT

    return _number("ACCORD_PARSE_TIMEOUT", DEFAULT_TIMEOUT)


def parse_memory_mb() -> int:
    from parsers.sandbox import DEFAULT_MEMORY_MB

    return int(_number("ACCORD_PARSE_MEMORY_MB", DEFAULT_MEMORY_MB))


def _number(name: str, default: float) -> float:
    try:
        value = float(os.environ[name])
    except (KeyError, ValueError):
        return default
    return value if value >= 0 else default
