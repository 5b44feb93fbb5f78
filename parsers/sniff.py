"""Tell a file's format from its bytes, not its name (RELIABILITY.md, point 2)."""

from __future__ import annotations

import os
import posixpath
import re
import stat
from typing import TYPE_CHECKING

from parsers.errors import ErrorCode, ParseError
from parsers.model import Format

if TYPE_CHECKING:
    import zipfile

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
# A Word package's main part, where Word puts it; `_rels/.rels` names it (read up to RELS_BYTES).
MAIN_PART = "word/document.xml"
PACKAGE_RELS = "_rels/.rels"
RELS_BYTES = 65_536
_OFFICE_DOCUMENT = "/relationships/officeDocument"
_RELATIONSHIP = re.compile(r"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTRIBUTE = re.compile(r"""\s([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# Enough of a Word document's main part to hold its root element's namespaces, and the namespace
# of Word's "Strict Open XML" documents (ISO/IEC 29500 strict), whose parts python-docx cannot read.
DOCUMENT_HEAD_BYTES = 4096
STRICT_WORD_NAMESPACE = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
# Open flags where the platform has them (O_NONBLOCK: opening a FIFO with no writer returns at once).
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NOCTTY = getattr(os, "O_NOCTTY", 0)
_BINARY = getattr(os, "O_BINARY", 0)
# Byte order marks, longest first: UTF-32 LE starts with UTF-16 LE's mark.
UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
TEXT_BOMS = (*UTF32_BOMS, b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# Control bytes that plain text in a legacy 8-bit encoding has no reason to contain (all below 0x20
# but tab, line feed, form feed and carriage return): their absence with invalid UTF-8 means
# "text, but not UTF-8".
_BINARY_CONTROLS = bytes(b for b in range(32) if b not in b"\t\n\x0c\r")


def read_file(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES, head: int = -1) -> bytes:
    """The bytes of `path` (its first `head` bytes if given), or a ParseError saying why they
    cannot be read: no such file, a folder, not a regular file (a pipe or a device would block
    or never end), unreadable, empty, or over `max_bytes`. The file is opened once, without
    blocking (a FIFO opens at once that way), and its type is checked on the open descriptor
    before a byte is read, so nothing swapped in between the check and the read is read."""
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC | _NOCTTY | _BINARY)
    except FileNotFoundError as exc:
        raise ParseError(path, ErrorCode.NOT_FOUND, "no such file") from exc
    except IsADirectoryError as exc:
        raise ParseError(path, ErrorCode.UNSUPPORTED, "is a folder, not a file") from exc
    except OSError as exc:
        raise ParseError(path, ErrorCode.NOT_FOUND, f"cannot be read ({exc.strerror})") from exc
    try:
        return _read_open(path, fd, max_bytes, head)
    except OSError as exc:
        raise ParseError(path, ErrorCode.NOT_FOUND, f"cannot be read ({exc.strerror})") from exc
    finally:
        os.close(fd)


def _read_open(path: str, fd: int, max_bytes: int, head: int) -> bytes:
    info = os.fstat(fd)
    if stat.S_ISDIR(info.st_mode):
        raise ParseError(path, ErrorCode.UNSUPPORTED, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ParseError(path, ErrorCode.UNSUPPORTED, "is not a regular file (a pipe or a device)")
    if info.st_size == 0:
        raise ParseError(path, ErrorCode.EMPTY, "the file is empty")
    if info.st_size > max_bytes:
        raise _too_large(path, info.st_size, max_bytes)
    if _NONBLOCK:
        os.set_blocking(fd, True)
    wanted = max_bytes + 1 if head < 0 else min(head, max_bytes + 1)
    with os.fdopen(os.dup(fd), "rb") as fh:
        data = fh.read(wanted)
    if head < 0 and len(data) > max_bytes:  # the file grew while it was read
        raise _too_large(path, len(data), max_bytes)
    if not data:
        raise ParseError(path, ErrorCode.EMPTY, "the file is empty")
    return data


def _too_large(path: str, size: int, max_bytes: int) -> ParseError:
    return ParseError(path, ErrorCode.TOO_LARGE,
                      f"the file is {size / 2**20:.0f} MB, over the {max_bytes / 2**20:.0f} MB limit")


def sniff(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Format:
    """Return the format of `path` or raise a ParseError saying why it cannot be read."""
    head = read_file(path, max_bytes=max_bytes, head=PDF_HEADER_WINDOW)
    if PDF_MAGIC in head:
        return Format.PDF
    if head.startswith(ZIP_MAGIC):
        return _sniff_zip(path)
    if head.startswith(OLE_MAGIC):
        return _sniff_ole(path)
    markup = _markup(head)
    if markup is not None:  # text, but a format's markup: read as text, it would be its codes
        raise ParseError(path, ErrorCode.UNSUPPORTED, markup)
    if _looks_like_text(head):
        return Format.TXT
    if _legacy_text(head):
        raise ParseError(path, ErrorCode.UNSUPPORTED,
                         "a text file, but not UTF-8 (Latin-1 or another legacy encoding?); save it as UTF-8")
    raise ParseError(path, ErrorCode.UNSUPPORTED,
                     "not a PDF, Word (.docx) or text file (unrecognised content)")


def _sniff_zip(path: str) -> Format:
    import zipfile  # here: a compare answered from the cache sniffs nothing

    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            mimetype = b""
            if "mimetype" in names:  # read a few bytes only: the member could be a bomb
                with zf.open("mimetype") as member:
                    mimetype = member.read(MIMETYPE_BYTES)
            opening = b""
            main = MAIN_PART if MAIN_PART in names else _main_part(zf, names)
            if main is not None:  # its root element's namespaces, the same way
                with zf.open(main) as member:
                    opening = member.read(DOCUMENT_HEAD_BYTES)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise ParseError(path, ErrorCode.CORRUPT, "the zip container is damaged or truncated") from exc
    if main is not None:
        if STRICT_WORD_NAMESPACE in opening:
            raise ParseError(path, ErrorCode.UNSUPPORTED,
                             "a Strict Open XML .docx, which Accord does not read; in Word, save it as "
                             "'Word Document (*.docx)'")
        return Format.DOCX
    if b"opendocument" in mimetype:
        raise ParseError(path, ErrorCode.UNSUPPORTED,
                         "this is an OpenDocument file (.odt), not a Word .docx; save it as .docx")
    raise ParseError(path, ErrorCode.UNSUPPORTED, "a zip file but not a Word document (no word/document.xml)")


def _main_part(zf: zipfile.ZipFile, names: set[str]) -> str | None:
    """The main document part the package's relationships name (`_rels/.rels`, its first
    RELS_BYTES), when it is in the package: Word Online and Office 365 save it as
    word/document2.xml, and python-docx follows the relationship as Word does."""
    if PACKAGE_RELS not in names:
        return None
    with zf.open(PACKAGE_RELS) as member:
        rels = member.read(RELS_BYTES).decode("utf-8", "replace")
    for found in _RELATIONSHIP.finditer(rels):
        attributes = {m[1]: m[2] if m[2] is not None else m[3] for m in _ATTRIBUTE.finditer(found[1])}
        if attributes.get("Type", "").endswith(_OFFICE_DOCUMENT) and attributes.get("TargetMode") != "External":
            part = posixpath.normpath(attributes.get("Target", "")).lstrip("/")
            if part in names:
                return part
    return None


def _sniff_ole(path: str) -> Format:
    with open(path, "rb") as fh:
        data = fh.read(OLE_WINDOW)
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise ParseError(path, ErrorCode.ENCRYPTED,
                         "the Word document is password-protected; remove the password in Word first")
    raise ParseError(path, ErrorCode.UNSUPPORTED,
                     "a legacy Word .doc (or other OLE) file; save it as .docx")


# Text files that are another format's markup, by how they open (lower-cased, after a byte order
# mark and white space), and what the user is told: Word saves a draft in each of them.
_MARKUPS = (
    ((b"{\\rtf",), "a Rich Text Format (.rtf) file, not a Word .docx; save it as .docx"),
    ((b"<!doctype html", b"<html"), "a web page (HTML), not a Word .docx; save it as .docx or PDF"),
    ((b"mime-version:",), "a web archive (.mht), not a Word .docx; save it as .docx or PDF"),
)
# An XML file Word 2003 or LibreOffice wrote as a whole document ("Word XML", flat OpenDocument).
_OFFICE_XML = ((b"<?mso-application progid=\"word.document\"", b"<w:worddocument"),
               (b"<office:document",))
_OFFICE_XML_MESSAGES = ("a Word 2003 XML file, not a Word .docx; save it as .docx",
                        "a flat OpenDocument (.fodt) file, not a Word .docx; save it as .docx")


def _markup(head: bytes) -> str | None:
    """What to tell the user of a file whose text is a document format's markup (RTF, HTML, a
    web archive, Word's or LibreOffice's XML), or None for any other file."""
    for mark, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(mark):
            head = head[len(mark):].decode(encoding, "ignore").encode("utf-8", "ignore")
            break
    start = head.lstrip().lower()
    for openings, message in _MARKUPS:
        if start.startswith(openings):
            return message
    if start.startswith(b"<?xml"):
        for signs, message in zip(_OFFICE_XML, _OFFICE_XML_MESSAGES, strict=True):
            if any(sign in start for sign in signs):
                return message
    return None


def _looks_like_text(head: bytes) -> bool:
    if head.startswith(TEXT_BOMS):
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


def _legacy_text(head: bytes) -> bool:
    """Bytes that are not UTF-8 but read like 8-bit text: no control bytes, mostly ASCII."""
    if any(b in _BINARY_CONTROLS for b in head):
        return False
    ascii_share = sum(1 for b in head if b < 0x80) / max(len(head), 1)
    return ascii_share >= 0.7
