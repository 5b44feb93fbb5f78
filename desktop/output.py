"""What every subcommand of the command line writes, and how: exit statuses, the usage error,
printable text (no control character reaches a terminal raw), reports written atomically or to
standard output, warnings and progress on stderr. desktop.cli and desktop.cli_history share it."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from typing import BinaryIO

from compare.progress import Progress
from parsers import AccordError, Document, ParseOptions

EXIT_SAME, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2


class UsageError(AccordError):
    pass


# What a message or a text report may not carry raw to a terminal: C0 and C1 controls (ESC
# starts an escape sequence) but tab and line feed, lone surrogates (a file name that is not
# UTF-8), line separators; the colour sequences the text report writes itself are kept.
_SGR = r"\x1b\[[0-9;]*m"
_UNPRINTABLE = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]"
_UNPRINTABLE_OR_SGR = re.compile(f"{_SGR}|{_UNPRINTABLE}")
_UNPRINTABLE_IN_LINE = re.compile(f"[\n\t]|{_UNPRINTABLE}")
# What every match of _UNPRINTABLE_OR_SGR starts with (ESC is a C0 control): a text without any
# is printable as it is, found by one scan of a character class (the long pair's JSON report,
# 767 kB: 3-7 ms, against 10-20 ms for the substitution's scan of the alternation)
_UNPRINTABLE_START = re.compile(_UNPRINTABLE)


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    if len(char) > 1:  # a colour sequence of our own
        return char
    if "\ud800" <= char <= "\udfff":  # a byte of a non-UTF-8 file name (surrogateescape)
        return f"\\x{ord(char) - 0xDC00:02x}" if char >= "\udc80" else "\ufffd"
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def printable(text: str) -> str:
    """`text` safe for a terminal: controls shown as \\xNN, colour sequences kept."""
    if not _UNPRINTABLE_START.search(text):
        return text
    return _UNPRINTABLE_OR_SGR.sub(_shown, text)


def one_line(text: str) -> str:
    """`text` as one printable line (a newline in a file name must not split the message)."""
    return _UNPRINTABLE_IN_LINE.sub(_shown, text)


def stderr_is_tty() -> bool:
    return sys.stderr.isatty()


def load(path: str, *, password: str | None = None, language: str | None = None,
         original: bool = False) -> Document:
    """Parse one input for the command line (isolated and cached where available)."""
    from desktop.loading import load_document

    return load_document(path, ParseOptions(password=password, language=language, original=original))


def emit(data: str | bytes, output: str | None, inputs: Sequence[str]) -> None:
    """Write a report to `output` (atomically, never over an input) or to standard output. Text
    is UTF-8; a character that cannot be encoded (a non-UTF-8 file name) becomes U+FFFD. Text on
    standard output is printable: no control character reaches the terminal raw."""
    if output:
        from desktop.files import write_atomic

        write_atomic(output, _encode(data, "utf-8"), inputs=inputs)
        return
    if isinstance(data, str):
        text = printable(data)
        if text and not text.endswith("\n"):
            text += "\n"
        data = _encode(text, sys.stdout.encoding or "utf-8")
    sys.stdout.flush()
    _write_all(sys.stdout.buffer, data)


def _write_all(stream: BinaryIO, data: bytes) -> None:
    """All of `data` to `stream`, flushed; BrokenPipeError when the reader has gone (a buffered
    write into a closed pipe may report a partial count instead of raising)."""
    view = memoryview(data)
    while view:
        written = stream.write(view)
        if not written:
            raise BrokenPipeError("the output was closed")
        view = view[written:]
    stream.flush()


def _encode(data: str | bytes, encoding: str) -> bytes:
    if isinstance(data, bytes):
        return data
    try:
        return data.encode(encoding)
    except UnicodeEncodeError:
        fixed = re.sub("[\ud800-\udfff]", "\ufffd", data)
        return fixed.encode(encoding, errors="replace")


def warn(lines: Sequence[str]) -> None:
    """Warnings about the inputs, one line each on stderr (the reports carry them too)."""
    for line in lines:
        print(f"accord: warning: {one_line(line)}", file=sys.stderr)


def progress_printer() -> Callable[[Progress], None] | None:
    """Progress on stderr, only when stderr is a terminal (the contract)."""
    if not stderr_is_tty():
        return None

    def show(progress: Progress) -> None:
        sys.stderr.write(f"\r{progress.stage}: {progress.done}/{progress.total}\033[K")
        sys.stderr.flush()

    return show


