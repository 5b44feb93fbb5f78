"""One exception type for every reader, turned into a one-line message at the edge (the CLI or
the window). Readers raise these `from` the library's own error."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    NOT_FOUND = "not-found"
    EMPTY = "empty"
    TOO_LARGE = "too-large"
    UNSUPPORTED = "unsupported"
    CORRUPT = "corrupt"
    ENCRYPTED = "encrypted"
    BAD_PASSWORD = "bad-password"
    NO_TEXT = "no-text"
    HOSTILE = "hostile"
    TIMEOUT = "timeout"
    RESOURCES = "resources"


class AccordError(Exception):
    """Base of Accord's own errors: a message a user can act on."""


class ParseError(AccordError):
    """A file could not be read. `str(err)` is the one-line message, naming the file."""

    def __init__(self, path: str, code: ErrorCode, message: str) -> None:
        super().__init__(path, code, message)
        self.path = path
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def pdf_password_error(path: str, password: str | None) -> ParseError:
    """The error for an encrypted PDF that was given no password, or one that does not open it."""
    if password is None:
        return ParseError(path, ErrorCode.ENCRYPTED, "the PDF is encrypted; give --password")
    return ParseError(path, ErrorCode.BAD_PASSWORD, "the password does not open this PDF")
