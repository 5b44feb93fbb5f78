"""How the application reads a file: one place, so the CLI and the window behave alike.

Every file is parsed in a worker process with a time limit and a memory cap (parsers.sandbox):
a hostile or damaged file costs an error message, never the application. Both limits can be set
from the environment (`ACCORD_PARSE_TIMEOUT` in seconds, `ACCORD_PARSE_MEMORY_MB`; 0 for no cap),
which tests use to keep hostile files quick.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from parsers import Document, ParseOptions
from parsers.sandbox import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, parse_isolated


def load_document(path: str, options: ParseOptions | None = None, *,
                  cancelled: Callable[[], bool] | None = None) -> Document:
    """Parse `path` in isolation; raises ParseError with a one-line message for any trouble, or
    parsers.sandbox.ParseCancelled once `cancelled()` returns True."""
    return parse_isolated(path, options, timeout=parse_timeout(), memory_mb=parse_memory_mb(),
                          cancelled=cancelled)


def parse_timeout() -> float:
    return _number("ACCORD_PARSE_TIMEOUT", DEFAULT_TIMEOUT)


def parse_memory_mb() -> int:
    return int(_number("ACCORD_PARSE_MEMORY_MB", DEFAULT_MEMORY_MB))


def _number(name: str, default: float) -> float:
    try:
        value = float(os.environ[name])
    except (KeyError, ValueError):
        return default
    return value if value >= 0 else default
