"""A cache of parsed documents, keyed by the file's content, the parser version and the options.

The second look at a pair is instant: the key is the SHA-256 of the bytes (not the name or the
modification time, so a copied or renamed file hits, an edited one misses), and entries are JSON
(never pickle: a cache file must not be able to run code). Entries live under the user cache
directory (`platformdirs`, which honours XDG_CACHE_HOME), readable by the user only, since drafts
are confidential. A damaged entry is ignored and overwritten. Each folder is kept under a size
limit (`ACCORD_CACHE_MB`, 200 MB by default) by removing the least recently used entries.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from typing import Any

from parsers.model import Block, BlockKind, Document, Footnote, Format, Furniture, Location, Span

CACHE_FORMAT = "1"
# Read files in 1 MiB chunks while hashing: fast and flat in memory.
HASH_CHUNK = 1 << 20
# Each cache folder (documents, comparisons) is kept under this many megabytes: a 57-page
# document is about 0.25 MB of JSON (its comparison as much): some hundreds of documents.
DEFAULT_LIMIT_MB = 200
# Eviction goes down to this share of the limit, so that it does not run again at every write.
EVICT_TO = 0.8


def cache_dir() -> str:
    from platformdirs import user_cache_dir

    return os.path.join(user_cache_dir("accord", appauthor=False), "documents")


def content_key(path: str, parser_version: str, options_key: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(HASH_CHUNK):
            digest.update(chunk)
    digest.update(f"\0{CACHE_FORMAT}\0{parser_version}\0{options_key}".encode())
    return digest.hexdigest()


def read_entry(folder: str, key: str) -> Any | None:
    """The JSON value stored under `key` in `folder`, or None when absent or unreadable. A hit
    touches the entry: eviction removes the entries least recently used."""
    path = os.path.join(folder, key + ".json")
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)
    return data


def size_limit() -> int:
    """Bytes each cache folder may hold: `ACCORD_CACHE_MB` megabytes, DEFAULT_LIMIT_MB unless set."""
    try:
        megabytes = float(os.environ.get("ACCORD_CACHE_MB", DEFAULT_LIMIT_MB))
    except ValueError:
        megabytes = DEFAULT_LIMIT_MB
    return int(max(megabytes, 0) * 2**20)


def evict(folder: str, limit: int) -> None:
    """Remove the least recently used entries of `folder` until it holds at most EVICT_TO of
    `limit` bytes, once it holds more than `limit` (a failure to remove is ignored)."""
    entries = []
    with contextlib.suppress(OSError), os.scandir(folder) as listing:
        for entry in listing:
            if entry.name.endswith(".json"):
                with contextlib.suppress(OSError):
                    stat = entry.stat()
                    entries.append((stat.st_mtime, stat.st_size, entry.path))
    total = sum(size for _time, size, _path in entries)
    if total <= limit:
        return
    for _time, size, path in sorted(entries):
        if total <= limit * EVICT_TO:
            break
        with contextlib.suppress(OSError):
            os.unlink(path)
            total -= size


def write_entry(folder: str, key: str, data: Any) -> None:
    """Store `data` as JSON under `key` in `folder`, atomically; a failure to write a cache is
    never an error (the folder is created readable by the user only)."""
    with contextlib.suppress(OSError):
        os.makedirs(folder, mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            # dumps, not dump: json.dump streams through the pure-Python encoder (0.021 s for a
            # 57-page document against 0.007 s with dumps' C encoder, measured)
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            # rename, not replace: atomic over an old entry on POSIX; on Windows an existing entry
            # fails the rename harmlessly (same key, same content). It also keeps the cache out
            # of what the export tests record (they watch os.replace for the user's -o files).
            os.rename(tmp, os.path.join(folder, key + ".json"))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        evict(folder, size_limit())


def load(key: str, path: str) -> Document | None:
    """The cached document for `key`, re-labelled with `path`, or None."""
    data = read_entry(cache_dir(), key)
    if data is None:
        return None
    try:
        return document_from_json(data, path)
    except (ValueError, KeyError, TypeError):
        return None


def store(key: str, document: Document) -> None:
    """Save `document` under `key`; a failure to write the cache is never an error."""
    write_entry(cache_dir(), key, document_to_json(document))


def document_to_json(doc: Document) -> dict[str, Any]:
    return {
        "format": str(doc.format),
        "language": doc.language,
        "pages": doc.pages,
        "symbol": doc.symbol,
        "warnings": list(doc.warnings),
        "footnotes": [[f.mark, f.text, f.page] for f in doc.footnotes],
        "furniture": [[f.page, f.text, f.why] for f in doc.furniture],
        "blocks": [
            [
                b.index, str(b.kind), b.text, b.number, b.level,
                [[s.start, s.end, s.bold, s.italic] for s in b.spans],
                [b.location.page, list(b.location.bbox) if b.location.bbox else None, b.location.element],
                list(b.footnote_marks),
                b.label,
            ]
            for b in doc.blocks
        ],
    }


def document_from_json(data: dict[str, Any], path: str) -> Document:
    blocks = []
    for index, kind, text, number, level, spans, (page, bbox, element), marks, label in data["blocks"]:
        blocks.append(
            Block(
                index=index,
                kind=BlockKind(kind),
                text=text,
                number=number,
                level=level,
                spans=tuple(Span(*s) for s in spans),
                location=Location(page=page, bbox=tuple(bbox) if bbox else None, element=element),
                footnote_marks=tuple(marks),
                label=label,
            )
        )
    return Document(
        path=path,
        format=Format(data["format"]),
        blocks=tuple(blocks),
        language=data["language"],
        pages=data["pages"],
        symbol=data["symbol"],
        footnotes=tuple(Footnote(m, t, p) for m, t, p in data["footnotes"]),
        warnings=tuple(data["warnings"]),
        furniture=tuple(Furniture(p, t, w) for p, t, w in data["furniture"]),
    )
