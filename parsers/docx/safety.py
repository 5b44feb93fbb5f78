"""Check a .docx container before python-docx opens it (RELIABILITY.md, point 3).

python-docx reads every part of the package into memory and trusts the zip headers, so a 3 MB file
can ask for gigabytes. Before it runs we look at the zip directory (entry count, duplicate names,
declared sizes, compression ratio), then inflate every member in 1 MB chunks, counting the bytes
actually produced (headers can lie) and stopping at the limits. XML parts that declare a DOCTYPE
or an ENTITY are refused: no Word part has one, and they are how XXE and "billion laughs" attacks
start. A part the package declares binary is not XML and is not searched: Word for Mac keeps its
printer settings (word/printerSettings/*.bin) as a property list with Apple's DOCTYPE in it.
Nothing here imports python-docx: it only uses `zipfile` (and lxml, with entities off, for the
content types once they passed the search).
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from parsers.errors import ErrorCode, ParseError

MB = 2**20
# Inflate members in 1 MB chunks: enough to be fast, small enough that a bomb costs nothing.
CHUNK = MB
# Markup that has no place in a Word part, in the encodings an XML part may use.
_FORBIDDEN = tuple(
    (word, word.encode(encoding))
    for word in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_OVERLAP = max(len(pattern) for _word, pattern in _FORBIDDEN) - 1
_XML_SUFFIXES = (".xml", ".rels", ".vml")
# Folders of binary payloads python-docx keeps as bytes and never parses: images (an SVG there
# may carry a DOCTYPE; a white bitmap may compress 1,000:1) and embedded files. Only the total
# limit applies to them, and not to a part there named like XML. Every other part is treated
# as XML whatever its name: python-docx picks a parser by content type, which the file sets.
_OPAQUE_FOLDERS = ("/media/", "/embeddings/")
CONTENT_TYPES = "[Content_Types].xml"
_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"


@dataclass(frozen=True, slots=True)
class DocxLimits:
    """Limits on a .docx container. Real files measured: at most 23 entries and 32:1 compression;
    bombs: 290-1,000:1. Each limit leaves a wide margin above real documents."""

    max_entries: int = 5_000
    max_part_bytes: int = 64 * MB  # one part other than media, inflated
    max_total_bytes: int = 512 * MB  # all parts, inflated
    max_ratio: float = 200.0  # inflated / compressed, for members larger than ratio_floor (not media)
    ratio_floor: int = MB  # small parts may compress well (runs of spaces) and cost nothing


def check_docx(path: str, limits: DocxLimits | None = None) -> None:
    """Raise ParseError (HOSTILE or CORRUPT) if the .docx at `path` is unsafe to hand to python-docx."""
    limits = limits or DocxLimits()
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_directory(path, infos, limits)
            types = next((info for info in infos if info.filename == CONTENT_TYPES), None)
            total = _check_member(path, archive, types, limits, 0) if types is not None else 0
            binary = _binary_parts(archive, types)
            for info in infos:
                if info is not types:
                    total += _check_member(path, archive, info, limits, total, binary)
    except ParseError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise ParseError(path, ErrorCode.CORRUPT, "the Word file is damaged (its zip container "
                         "does not read back intact)") from exc
    except NotImplementedError as exc:
        raise ParseError(path, ErrorCode.UNSUPPORTED,
                         "the Word file uses a zip compression method Word does not write") from exc
    except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
        raise ParseError(path, ErrorCode.ENCRYPTED,
                         "the Word file's zip container is password-protected") from exc
    except OSError as exc:
        raise ParseError(path, ErrorCode.NOT_FOUND, f"cannot be read ({exc.strerror or exc})") from exc


def _check_directory(path: str, infos: list[zipfile.ZipInfo], limits: DocxLimits) -> None:
    if len(infos) > limits.max_entries:
        _hostile(path, f"the Word file holds {len(infos):,} parts, over the {limits.max_entries:,} limit")
    seen: set[str] = set()
    for info in infos:
        key = info.filename.lower()
        if key in seen:
            _hostile(path, f"the Word file holds two parts named {info.filename!r}")
        seen.add(key)
    declared = sum(info.file_size for info in infos)
    if declared > limits.max_total_bytes:
        _hostile(path, f"the Word file would inflate to {_mb(declared)}, over the "
                       f"{_mb(limits.max_total_bytes)} limit (a zip bomb?)")
    for info in infos:
        _check_size(path, info, info.file_size, limits)


def _check_member(path: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: DocxLimits,
                  total_before: int, binary: Callable[[str], bool] = lambda _name: False) -> int:
    """Inflate one member in bounded chunks; return the number of bytes it really holds. Its bytes
    are searched for DOCTYPE and ENTITY markup unless it is opaque or `binary` (by its name)."""
    if info.is_dir():
        return 0
    scanned = not _opaque(info) and not binary(info.filename)
    produced = 0
    tail = b""
    with archive.open(info) as member:
        while chunk := member.read(CHUNK):
            produced += len(chunk)
            if total_before + produced > limits.max_total_bytes:
                _hostile(path, f"the Word file inflates to more than {_mb(limits.max_total_bytes)} "
                               "(a zip bomb?)")
            _check_size(path, info, produced, limits)
            if scanned:
                window = tail + chunk
                for word, pattern in _FORBIDDEN:
                    if pattern in window:
                        _hostile(path, f"{info.filename} declares {word[2:]} markup, which Word never "
                                       "writes (an XML entity attack?)")
                tail = window[-_OVERLAP:]
    return produced


def _check_size(path: str, info: zipfile.ZipInfo, size: int, limits: DocxLimits) -> None:
    """Refuse a member whose (declared or inflated) size breaks the per-part or ratio limits."""
    if _opaque(info):
        return
    if size > limits.max_part_bytes:
        _hostile(path, f"{info.filename} inflates to more than {_mb(limits.max_part_bytes)}, over the "
                       "limit for one part (a zip bomb?)")
    if size > limits.ratio_floor:
        ratio = size / max(info.compress_size, 1)
        if ratio > limits.max_ratio:
            _hostile(path, f"{info.filename} is compressed {ratio:,.0f}:1, far beyond any real "
                           "document (a zip bomb?)")


def _binary_parts(archive: zipfile.ZipFile, types: zipfile.ZipInfo | None) -> Callable[[str], bool]:
    """Whether a part, by name, is declared binary by the package's content types (read once they
    passed `_check_member`): a content type that is not XML, for its name (Override) or its
    extension (Default), as python-docx reads them (case aside). python-docx parses a part by its
    content type: one declared binary is kept as bytes. A part named like XML is never binary
    here, nor one the content types do not name; nothing is, when they cannot be read."""
    if types is None:
        return lambda _name: False
    from lxml import etree

    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = etree.fromstring(archive.read(types), parser)
    except (etree.XMLSyntaxError, ValueError):
        return lambda _name: False
    names = {str(e.get("PartName", "")).lower(): str(e.get("ContentType", "")) for e in root.iter(f"{_TYPES_NS}Override")}
    extensions = {str(e.get("Extension", "")).lower(): str(e.get("ContentType", "")) for e in root.iter(f"{_TYPES_NS}Default")}

    def binary(name: str) -> bool:
        low = name.lower()
        if low.endswith(_XML_SUFFIXES):
            return False
        kind = names.get("/" + low)
        if kind is None:
            kind = extensions.get(low.rpartition(".")[2] if "." in low.rpartition("/")[2] else "")
        return kind is not None and kind.strip() != "" and not kind.split(";")[0].strip().lower().endswith("xml")

    return binary


def _opaque(info: zipfile.ZipInfo) -> bool:
    name = "/" + info.filename.lower()
    return any(folder in name for folder in _OPAQUE_FOLDERS) and not name.endswith(_XML_SUFFIXES)


def _hostile(path: str, message: str) -> None:
    raise ParseError(path, ErrorCode.HOSTILE, message)


def _mb(size: int) -> str:
    return f"{size / MB:,.0f} MB"
