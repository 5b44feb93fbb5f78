"""The one cache store of Accord: parsed documents (`documents/`) and comparisons
(`comparisons/`, compare.result_cache) as authenticated JSON entries under one root folder.

The second look at a pair is instant: a document's key is the SHA-256 of the bytes that were
parsed (not the name or the modification time, so a copied or renamed file hits, an edited one
misses), with the parser version and the options. Entries are JSON, never pickle (a cache file
must not be able to run code), in the user cache directory (`platformdirs`, which honours
XDG_CACHE_HOME): `<root>/<folder>/<key>.json`.

Nothing in the cache is trusted as found (issue 17):
- the root and each folder are real folders (not links) owned by the user and made 0700 (drafts
  are confidential); a folder owned by someone else turns the cache off;
- each entry starts with an HMAC-SHA256 of its folder, key and body under a per-user secret
  (`<root>/secret`, 32 random bytes, 0600, owned by the user, made once): an entry edited,
  planted, copied under another key or written by another program does not verify and is a miss;
- an entry is opened without following a link and without blocking, and read only if it is a
  regular file owned by the user and under MAX_ENTRY_BYTES (a FIFO, a device or a link to one is
  a miss, never a hang); JSON nested too deeply is a miss, never a RecursionError;
- a verified entry is still decoded field by field with type checks (compare.result_cache does the
  same for its own), and a language is kept only if it is a language code.
A miss is overwritten by the next store. Each folder is kept under a size limit (`ACCORD_CACHE_MB`,
200 MB by default) by removing the least recently used entries.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import stat
import tempfile
from typing import Any

from parsers.model import Block, BlockKind, Document, Footnote, Format, Furniture, Location, Span
from parsers.settings import number_setting

CACHE_FORMAT = "2"
# Each cache folder (documents, comparisons) is kept under this many megabytes: a 57-page
# document is about 0.25 MB of JSON (its comparison as much): some hundreds of documents.
DEFAULT_LIMIT_MB = 200
# Eviction goes down to this share of the limit, so that it does not run again at every write.
EVICT_TO = 0.8
# An entry larger than this is not read (a 200 MB input gives tens of MB of JSON at most).
MAX_ENTRY_BYTES = 256 * 2**20
SECRET_NAME = "secret"
SECRET_BYTES = 32
# The first line of an entry: magic, format, MAC in hex.
_MAGIC = b"accord-cache"
_KEY = re.compile(r"[0-9A-Za-z_-]{1,128}")
# A language as the parsers name it: an ISO 639 code (never a path: lexicons are files named by it).
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def cache_root() -> str:
    """The user cache directory of Accord (`accord` under XDG_CACHE_HOME or the platform's)."""
    from platformdirs import user_cache_dir

    return user_cache_dir("accord", appauthor=False)


def cache_folder(name: str) -> str:
    """The folder of one kind of entry under the root: `documents` or `comparisons`."""
    return os.path.join(cache_root(), name)


def cache_dir() -> str:
    """The folder of parsed documents."""
    return cache_folder("documents")


def key_for_bytes(data: bytes, parser_version: str, options_key: str) -> str:
    """The key of a document parsed from `data` with this parser version and these options."""
    digest = hashlib.sha256(data)
    digest.update(f"\0{CACHE_FORMAT}\0{parser_version}\0{options_key}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def content_key(path: str, parser_version: str, options_key: str) -> str:
    """key_for_bytes of the file at `path` (read once, refused if not a regular file)."""
    from parsers.sniff import read_file

    return key_for_bytes(read_file(path), parser_version, options_key)


def _uid() -> int | None:
    return os.getuid() if hasattr(os, "getuid") else None


def _owned(info: os.stat_result) -> bool:
    uid = _uid()
    return uid is None or info.st_uid == uid


def _safe_folder(path: str, *, create: bool) -> bool:
    """Whether `path` is a folder the cache may use: a real folder owned by the user, made 0700
    (created so when `create`)."""
    if create:
        with contextlib.suppress(FileExistsError):
            os.makedirs(os.path.dirname(path), exist_ok=True)
            os.mkdir(path, 0o700)
    try:
        info = os.lstat(path)
        if not stat.S_ISDIR(info.st_mode) or not _owned(info):
            return False
        if _uid() is not None and stat.S_IMODE(info.st_mode) & 0o077:
            os.chmod(path, 0o700)
    except OSError:
        return False
    return True


def _folder_ready(folder: str, *, create: bool) -> bytes | None:
    """The secret that authenticates entries of `folder`, once the root and `folder` are safe
    folders (made when `create`), else None: then the cache is not used."""
    root = os.path.dirname(folder)
    if not _safe_folder(root, create=create) or not _safe_folder(folder, create=create):
        return None
    return _secret(root, create=create)


def _secret(root: str, *, create: bool) -> bytes | None:
    path = os.path.join(root, SECRET_NAME)
    secret = _read_private(path, SECRET_BYTES, secret=True)
    if secret is None and create:
        if not os.path.lexists(path):
            with contextlib.suppress(OSError):
                fd, tmp = tempfile.mkstemp(dir=root, prefix=".secret-")
                try:
                    with os.fdopen(fd, "wb") as fh:
                        fh.write(os.urandom(SECRET_BYTES))
                    os.link(tmp, path)  # never over a secret another process made meanwhile
                except FileExistsError:
                    pass
                finally:
                    os.unlink(tmp)
        # read again, also where the secret appeared since the first read: another thread (the
        # other file of a pair, stored at the same time) made it meanwhile
        secret = _read_private(path, SECRET_BYTES, secret=True)
    return secret if secret is not None and len(secret) == SECRET_BYTES else None


def _read_private(path: str, limit: int, *, secret: bool = False) -> bytes | None:
    """The bytes of `path` if it is a regular file (not a link, a FIFO or a device) owned by the
    user and at most `limit` bytes long (and, for a `secret`, readable by the user alone), else
    None; never blocks."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _owned(info) or info.st_size > limit:
            return None
        if secret and _uid() is not None and stat.S_IMODE(info.st_mode) & 0o077:
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(limit + 1)
        return data if len(data) <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)


def _mac(secret: bytes, folder: str, key: str, body: bytes) -> str:
    signed = hmac.new(secret, digestmod=hashlib.sha256)
    signed.update(f"{CACHE_FORMAT}\0{os.path.basename(folder)}\0{key}\0".encode())
    signed.update(body)
    return signed.hexdigest()


def read_entry(folder: str, key: str) -> Any | None:
    """The JSON value stored under `key` in `folder`, or None when absent, unreadable, not
    authentic or not JSON. A hit touches the entry: eviction removes the least recently used."""
    if not _KEY.fullmatch(key):
        return None
    secret = _folder_ready(folder, create=False)
    if secret is None:
        return None
    path = os.path.join(folder, key + ".json")
    raw = _read_private(path, MAX_ENTRY_BYTES)
    if raw is None:
        return None
    header, _newline, body = raw.partition(b"\n")
    parts = header.split(b" ")
    if len(parts) != 3 or parts[0] != _MAGIC or parts[1] != CACHE_FORMAT.encode():
        return None
    if not hmac.compare_digest(parts[2], _mac(secret, folder, key, body).encode()):
        return None
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)
    return data


def write_entry(folder: str, key: str, data: Any) -> None:
    """Store `data` as JSON under `key` in `folder`, signed, atomically; a failure to write a
    cache is never an error (nor is a folder the cache may not use: nothing is written)."""
    if not _KEY.fullmatch(key):
        return
    with contextlib.suppress(OSError, ValueError, RecursionError):
        secret = _folder_ready(folder, create=True)
        if secret is None:
            return
        # dumps, not dump: json.dump streams through the pure-Python encoder (0.021 s for a
        # 57-page document against 0.007 s with dumps' C encoder, measured)
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        header = b" ".join((_MAGIC, CACHE_FORMAT.encode(), _mac(secret, folder, key, body).encode()))
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(header + b"\n" + body)
            # rename, not replace: atomic over an old entry on POSIX; on Windows an existing entry
            # fails the rename harmlessly (same key, same content). It also keeps the cache out
            # of what the export tests record (they watch os.replace for the user's -o files).
            os.rename(tmp, os.path.join(folder, key + ".json"))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        evict(folder, size_limit())


def size_limit() -> int:
    """Bytes each cache folder may hold: `ACCORD_CACHE_MB` megabytes, DEFAULT_LIMIT_MB unless set
    (a value that is not a finite number >= 0 is a parsers.settings.SettingError)."""
    return int(number_setting("ACCORD_CACHE_MB", DEFAULT_LIMIT_MB, unit="megabytes") * 2**20)


def evict(folder: str, limit: int) -> None:
    """Remove the least recently used entries of `folder` until it holds at most EVICT_TO of
    `limit` bytes, once it holds more than `limit` (a failure to remove is ignored)."""
    entries = []
    with contextlib.suppress(OSError), os.scandir(folder) as listing:
        for entry in listing:
            if entry.name.endswith(".json"):
                with contextlib.suppress(OSError):
                    info = entry.stat(follow_symlinks=False)
                    entries.append((info.st_mtime, info.st_size, entry.path))
    total = sum(size for _time, size, _path in entries)
    if total <= limit:
        return
    for _time, size, path in sorted(entries):
        if total <= limit * EVICT_TO:
            break
        with contextlib.suppress(OSError):
            os.unlink(path)
            total -= size


def load(key: str, path: str) -> Document | None:
    """The cached document for `key`, re-labelled with `path`, or None."""
    data = read_entry(cache_dir(), key)
    if data is None:
        return None
    try:
        return document_from_json(data, path)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
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
        "typed_labels": doc.typed_labels,
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
    """The document an entry holds; TypeError or ValueError when any field has the wrong type."""
    if not isinstance(data, dict):
        raise TypeError("an entry is an object")
    blocks = []
    for index, kind, text, number, level, spans, location, marks, label in _list(data["blocks"]):
        page, bbox, element = _list(location)
        blocks.append(
            Block(
                index=_int(index),
                kind=BlockKind(kind),
                text=_str(text),
                number=_optional(number, _str),
                level=_int(level),
                spans=tuple(Span(_int(a), _int(b), _bool(c), _bool(d)) for a, b, c, d in _list(spans)),
                location=Location(page=_optional(page, _int), bbox=_bbox(bbox), element=_optional(element, _int)),
                footnote_marks=tuple(_str(m) for m in _list(marks)),
                label=_optional(label, _str),
            )
        )
    return Document(
        path=path,
        format=Format(data["format"]),
        blocks=tuple(blocks),
        language=_optional(data["language"], _language),
        pages=_optional(data["pages"], _int),
        symbol=_optional(data["symbol"], _str),
        footnotes=tuple(Footnote(_str(m), _str(t), _optional(p, _int)) for m, t, p in _list(data["footnotes"])),
        warnings=tuple(_str(w) for w in _list(data["warnings"])),
        furniture=tuple(Furniture(_optional(p, _int), _str(t), _str(w)) for p, t, w in _list(data["furniture"])),
        typed_labels=_bool(data["typed_labels"]),
    )


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("damaged entry: a list expected")
    return value


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("damaged entry: text expected")
    return value


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("damaged entry: a whole number expected")
    return value


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError("damaged entry: true or false expected")
    return value


def _language(value: object) -> str:
    if not isinstance(value, str) or not LANGUAGE_CODE.fullmatch(value):
        raise ValueError("damaged entry: not a language code")
    return value


def _bbox(value: object) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    box = _list(value)
    if len(box) != 4 or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in box):
        raise TypeError("damaged entry: a box is four numbers")
    return (float(box[0]), float(box[1]), float(box[2]), float(box[3]))


def _optional(value: object, check: Any) -> Any:
    return None if value is None else check(value)
