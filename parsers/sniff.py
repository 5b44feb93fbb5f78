"""Tell a file's format from its bytes, not its name (RELIABILITY.md, point 2)."""

from __future__ import annotations

import os
import stat
import zipfile

from parsers.errors import ErrorCode, ParseError
from parsers.model import Format

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A PDF header may be preceded by junk; readers accept it within the first kilobyte.
PDF_HEADER_WINDOW = 1024
# Real UN documents are a few MB; scanned annexes reach tens of MB.
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
# How much of an OLE file to search for the stream names that tell .doc from encrypted .docx:
# both sit in the directory sector, near the start of files Word writes.
OLE_WINDOW = 4 * 1024 * 1024
# An OpenDocument `mimetype` member is one short line.
MIMETYPE_BYTES = 100


def read_file(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES, head: int = -1) -> bytes:
    """The bytes of `path` (its first `head` bytes if given), or a ParseError saying why they
    cannot be read: no such file, a folder, not a regular file (a pipe or a device would block
    or never end), unreadable, empty, or over `max_bytes`."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            raise ParseError(path, ErrorCode.UNSUPPORTED, "is not a regular file")
        size = info.st_size
        if size == 0:
            raise ParseError(path, ErrorCode.EMPTY, "the file is empty")
        if size > max_bytes:
            raise ParseError(
                path, ErrorCode.TOO_LARGE,
                f"the file is {size / 2**20:.0f} MB, over the {max_bytes / 2**20:.0f} MB limit",
            )
        with open(path, "rb") as fh:
            return fh.read(head)
    except FileNotFoundError as exc:
        raise ParseError(path, ErrorCode.NOT_FOUND, "no such file") from exc
    except IsADirectoryError as exc:
        raise ParseError(path, ErrorCode.UNSUPPORTED, "is a folder, not a file") from exc
    except OSError as exc:
        raise ParseError(path, ErrorCode.NOT_FOUND, f"cannot be read ({exc.strerror})") from exc


def sniff(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Format:
    """Return the format of `path` or raise a ParseError saying why it cannot be read."""
    head = read_file(path, max_bytes=max_bytes, head=PDF_HEADER_WINDOW)
    if PDF_MAGIC in head:
        return Format.PDF
    if head.startswith(ZIP_MAGIC):
        return _sniff_zip(path)
    if head.startswith(OLE_MAGIC):
        return _sniff_ole(path)
    if _looks_like_text(head):
        return Format.TXT
    raise ParseError(path, ErrorCode.UNSUPPORTED,
                     "not a PDF, Word (.docx) or text file (unrecognised content)")


def _sniff_zip(path: str) -> Format:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            mimetype = b""
            if "mimetype" in names:  # read a few bytes only: the member could be a bomb
                with zf.open("mimetype") as member:
                    mimetype = member.read(MIMETYPE_BYTES)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise ParseError(path, ErrorCode.CORRUPT, "the zip container is damaged or truncated") from exc
    if "word/document.xml" in names:
        return Format.DOCX
    if b"opendocument" in mimetype:
        raise ParseError(path, ErrorCode.UNSUPPORTED,
                         "this is an OpenDocument file (.odt), not a Word .docx; save it as .docx")
    raise ParseError(path, ErrorCode.UNSUPPORTED, "a zip file but not a Word document (no word/document.xml)")


def _sniff_ole(path: str) -> Format:
    with open(path, "rb") as fh:
        data = fh.read(OLE_WINDOW)
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise ParseError(path, ErrorCode.ENCRYPTED,
                         "the Word document is password-protected; remove the password in Word first")
    raise ParseError(path, ErrorCode.UNSUPPORTED,
                     "a legacy Word .doc (or other OLE) file; save it as .docx")


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the window's end is still text
        if exc.start < len(head) - 4:
            return False
    return True
