"""An on-disk index of base paragraphs for `accord trace`: SQLite with its FTS5 full-text index
(both in Python's standard library), in the user cache directory.

Built once and kept up to date: each base file is recorded with its modification time, size and
SHA-256. A file whose time and size are unchanged is not read again; one whose time or size
changed is hashed, and parsed only if its bytes changed. A file that could not be read is
recorded with its message, so it is reported again without being read again until it changes.
Files gone from the disk are dropped.
An index written by another parser or index version is emptied and built again.

A lookup is an FTS5 query (the paragraph's distinctive words, OR-ed, ranked by BM25) restricted
to the bases of this trace, which gives a few candidates that compare.history.trace scores with
rapidfuzz; an exact match is found first by the hash of the comparison key. The cost of a lookup
depends on the matching rows, not on the number of files, so an archive of thousands stays fast.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from typing import Any

from compare.history.model import BaseInfo
from compare.progress import Progress, Steps, run
from compare.text.normalize import fold, key_text
from parsers.errors import AccordError
from parsers.model import Block, BlockKind, Document, Format

# Bump when the schema or what is stored for a paragraph changes: the index is then rebuilt.
INDEX_VERSION = "2"
# Kinds of blocks indexed and traced: the paragraphs negotiators cite (titles and headings are
# the masthead of one document, footnotes are traced with their paragraphs' marks only).
TRACED_KINDS = frozenset({BlockKind.PREAMBLE, BlockKind.OPERATIVE, BlockKind.SUBPARAGRAPH, BlockKind.PARAGRAPH})
# Files a folder contributes (the format is still sniffed from the content when read).
BASE_SUFFIXES = (".pdf", ".docx", ".txt")
# Words of a paragraph put in its full-text query: the rarest in the index (fewest paragraphs, from
# FTS5's own vocabulary table), which the source shares and few others do; frequent words ("the",
# "Member States") match every paragraph and only make the query slow (a query costs about the
# paragraphs it matches: 0.6 s with 32 words against 80,000 paragraphs, measured).
QUERY_WORDS = 12
QUERY_MIN_LENGTH = 3
# Candidates are fetched from the whole index, best first, then kept if in this trace's bases:
# this many times the number wanted at first, four times more on each retry, up to MAX_FETCH.
FETCH_FACTOR = 4
MAX_FETCH = 4096
HASH_CHUNK = 1 << 20

_WORD = re.compile(r"\w+")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(
    id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, mtime_ns INTEGER NOT NULL, size INTEGER NOT NULL,
    sha256 TEXT NOT NULL, symbol TEXT, language TEXT, format TEXT, error TEXT);
CREATE TABLE IF NOT EXISTS paragraphs(
    id INTEGER PRIMARY KEY, file INTEGER NOT NULL, block_index INTEGER NOT NULL, kind TEXT NOT NULL,
    number TEXT, label TEXT, text TEXT NOT NULL, marks TEXT NOT NULL, key TEXT NOT NULL, key_hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS paragraphs_key ON paragraphs(key_hash);
CREATE INDEX IF NOT EXISTS paragraphs_file ON paragraphs(file);
CREATE VIRTUAL TABLE IF NOT EXISTS paragraphs_fts USING fts5(key, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS paragraphs_vocab USING fts5vocab(paragraphs_fts, 'row');
"""


class TraceIndexError(AccordError):
    """The index file cannot be opened or written (one line at the edge)."""


@dataclass(frozen=True, slots=True)
class Row:
    """One indexed base paragraph."""

    file: int
    path: str
    symbol: str | None
    block: Block
    key: str


@dataclass(frozen=True, slots=True)
class UpdateReport:
    """What an update did: files parsed, files found unchanged, files that failed (path, message)."""

    parsed: tuple[str, ...]
    unchanged: tuple[str, ...]
    failed: tuple[tuple[str, str], ...]


def default_path() -> str:
    """The index file in the user cache directory (honouring XDG_CACHE_HOME)."""
    from platformdirs import user_cache_dir

    return os.path.join(user_cache_dir("accord", appauthor=False), "trace", "paragraphs.sqlite")


def expand_bases(paths: Sequence[str]) -> list[str]:
    """Files and folders given as bases, as a sorted list of absolute file paths (each once):
    a folder gives its PDF, Word and text files, subfolders included, hidden ones left out."""
    out: dict[str, None] = {}
    for given in paths:
        if os.path.isdir(given):
            for root, dirs, files in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and name.lower().endswith(BASE_SUFFIXES):
                        out[os.path.abspath(os.path.join(root, name))] = None
        else:
            out[os.path.abspath(given)] = None
    return list(out)


def paragraph_key(block: Block) -> str:
    """The comparison key of a block (compare.text.normalize: what the engine calls the same text)."""
    return key_text(block.text, None, block.footnote_marks)


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def query_terms(key: str) -> list[str]:
    """The distinct words of a paragraph as the index's tokenizer stores them (lower case, no
    diacritics), at least QUERY_MIN_LENGTH long."""
    out: dict[str, None] = {}
    for word in _WORD.findall(fold(key).lower()):
        plain = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
        if len(plain) >= QUERY_MIN_LENGTH:
            out[plain] = None
    return list(out)


def _file_hash(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class ParagraphIndex:
    """The index file, opened. Use as a context manager or call close()."""

    def __init__(self, path: str, version: str = "") -> None:
        self.path = path
        self._df: dict[str, int] | None = None  # paragraphs per term, read when first needed
        try:
            if path != ":memory:":
                os.makedirs(os.path.dirname(path) or ".", mode=0o700, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=30)
            # the schema's own hash too: a schema edited without a version bump still rebuilds
            self._open(f"{INDEX_VERSION}/{hashlib.sha256(_SCHEMA.encode()).hexdigest()[:12]}/{version}")
        except sqlite3.Error as exc:
            raise TraceIndexError(f"{path}: the trace index cannot be opened ({exc})") from exc

    def __enter__(self) -> ParagraphIndex:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def _open(self, version: str) -> None:
        """Create the tables, or empty and re-create them when written by another version."""
        db = self._db
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        found = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone() if "meta" in tables else None
        if found is not None and found[0] == version:
            return
        with db:
            for table in ("paragraphs_vocab", "paragraphs_fts", "paragraphs", "files", "meta"):
                db.execute(f"DROP TABLE IF EXISTS {table}")
        db.executescript(_SCHEMA)
        with db:
            db.execute("INSERT INTO meta(key, value) VALUES ('version', ?)", (version,))

    # --- keeping it up to date ---------------------------------------------------------------

    def update(self, paths: Sequence[str], parse: Callable[[str], Document], *, workers: int = 2,
               progress: Callable[[Progress], None] | None = None) -> UpdateReport:
        """`iter_update` driven to its end (`progress` told after each file parsed)."""
        return run(self.iter_update(paths, parse, workers=workers), progress)

    def iter_update(self, paths: Sequence[str], parse: Callable[[str], Document], *,
                    workers: int = 2) -> Steps[UpdateReport]:
        """Bring the index up to date for `paths` (absolute file paths), parsing only files that
        changed, `workers` at a time, each stored as soon as it is read (yields Progress after
        each). A file that cannot be read is reported, not indexed."""
        self._prune_missing()
        known = {r[0]: (r[1], r[2], r[3], r[4])
                 for r in self._db.execute("SELECT path, mtime_ns, size, sha256, error FROM files")}
        todo: list[tuple[str, int, int, str]] = []
        unchanged: list[str] = []
        failed: list[tuple[str, str]] = []
        for path in paths:
            try:
                st = os.stat(path)
                stored = known.get(path)
                if stored and stored[0] == st.st_mtime_ns and stored[1] == st.st_size:
                    _keep(path, stored[3], failed, unchanged)
                    continue
                digest = _file_hash(path)
            except OSError as exc:
                failed.append((path, exc.strerror or str(exc)))
                continue
            if stored and stored[2] == digest:
                with self._db:
                    self._db.execute("UPDATE files SET mtime_ns = ?, size = ? WHERE path = ?",
                                     (st.st_mtime_ns, st.st_size, path))
                _keep(path, stored[3], failed, unchanged)
                continue
            todo.append((path, st.st_mtime_ns, st.st_size, digest))
        parsed: list[str] = []
        yield Progress("index bases", 0, len(todo))
        results = _parse_all([t[0] for t in todo], parse, workers)
        for k, ((path, mtime, size, digest), result) in enumerate(zip(todo, results, strict=False)):
            yield Progress("index bases", k + 1, len(todo))
            if isinstance(result, str):
                failed.append((path, result))
                self._store_failure(path, mtime, size, digest, result)
                continue
            self._store(path, mtime, size, digest, result)
            parsed.append(path)
        return UpdateReport(tuple(parsed), tuple(unchanged), tuple(failed))

    def _prune_missing(self) -> None:
        gone = [(i,) for i, p in self._db.execute("SELECT id, path FROM files") if not os.path.exists(p)]
        if gone:
            with self._db:
                for (i,) in gone:
                    self._forget(i)

    def _forget(self, file_id: int) -> None:
        self._df = None
        self._db.execute("DELETE FROM paragraphs_fts WHERE rowid IN (SELECT id FROM paragraphs WHERE file = ?)",
                         (file_id,))
        self._db.execute("DELETE FROM paragraphs WHERE file = ?", (file_id,))
        self._db.execute("DELETE FROM files WHERE id = ?", (file_id,))

    def _store_failure(self, path: str, mtime: int, size: int, digest: str, message: str) -> None:
        with self._db:
            row = self._db.execute("SELECT id FROM files WHERE path = ?", (path,)).fetchone()
            if row is not None:
                self._forget(row[0])
            self._db.execute("INSERT INTO files(path, mtime_ns, size, sha256, error) VALUES (?, ?, ?, ?, ?)",
                             (path, mtime, size, digest, message))

    def _store(self, path: str, mtime: int, size: int, digest: str, doc: Document) -> None:
        self._df = None
        with self._db:
            row = self._db.execute("SELECT id FROM files WHERE path = ?", (path,)).fetchone()
            if row is not None:
                self._forget(row[0])
            cur = self._db.execute(
                "INSERT INTO files(path, mtime_ns, size, sha256, symbol, language, format) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (path, mtime, size, digest, doc.symbol, doc.language, str(doc.format)))
            file_id = cur.lastrowid
            for block in doc.body():
                if block.kind not in TRACED_KINDS:
                    continue
                key = paragraph_key(block)
                if not key.strip():
                    continue
                cur = self._db.execute(
                    "INSERT INTO paragraphs(file, block_index, kind, number, label, text, marks, key, key_hash)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (file_id, block.index, str(block.kind), block.number, block.label, block.text,
                     _MARKS_SEPARATOR.join(block.footnote_marks), key, key_hash(key)))
                self._db.execute("INSERT INTO paragraphs_fts(rowid, key) VALUES (?, ?)", (cur.lastrowid, key))

    # --- reading ------------------------------------------------------------------------------

    def file_ids(self, paths: Sequence[str]) -> dict[str, int]:
        """The index's id of each of `paths` that is indexed."""
        out = {}
        for path in paths:
            row = self._db.execute("SELECT id FROM files WHERE path = ?", (path,)).fetchone()
            if row is not None:
                out[path] = int(row[0])
        return out

    def bases(self, paths: Sequence[str]) -> list[BaseInfo]:
        out = []
        for path in paths:
            row = self._db.execute(
                "SELECT f.symbol, f.language, COUNT(p.id) FROM files f LEFT JOIN paragraphs p ON p.file = f.id"
                " WHERE f.path = ? GROUP BY f.id", (path,)).fetchone()
            if row is not None:
                out.append(BaseInfo(path, row[0], row[1], int(row[2])))
        return out

    def exact(self, key: str, files: Sequence[int]) -> list[Row]:
        """Base paragraphs whose comparison key is `key`, in `files`, in file and reading order."""
        marks = ",".join("?" * len(files))
        return list(self._rows(
            f"SELECT {_COLUMNS} FROM paragraphs p JOIN files f ON f.id = p.file"
            f" WHERE p.key_hash = ? AND p.file IN ({marks}) ORDER BY p.file, p.block_index",
            (key_hash(key), *files)))

    def candidates(self, key: str, files: Sequence[int], limit: int) -> list[Row]:
        """The `limit` base paragraphs in `files` that share the most distinctive words with `key`
        (BM25 over its rarest words)."""
        terms = self._rarest(query_terms(key))
        if not terms or not files:
            return []
        query = " OR ".join(f'"{t}"' for t in terms)
        allowed = set(files)
        fetch = limit * FETCH_FACTOR
        while True:
            ids = [r[0] for r in self._db.execute(
                "SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH ? ORDER BY rank LIMIT ?", (query, fetch))]
            kept = [r for r in self._by_ids(ids) if r.file in allowed]
            if len(kept) >= limit or len(ids) < fetch or fetch >= MAX_FETCH:
                return kept[:limit]
            fetch *= FETCH_FACTOR

    def _rarest(self, terms: Sequence[str]) -> list[str]:
        """The QUERY_WORDS terms found in the fewest paragraphs (terms the index lacks left out).
        The vocabulary's counts are read once (one scan of FTS5's vocabulary table; a lookup by
        term scans it too) and kept until the index changes."""
        if self._df is None:
            self._df = dict(self._db.execute("SELECT term, doc FROM paragraphs_vocab"))
        df = self._df
        return sorted((t for t in terms if t in df), key=lambda t: (df[t], t))[:QUERY_WORDS]

    def _by_ids(self, ids: Sequence[int]) -> list[Row]:
        """Paragraphs by id, in the order of `ids`."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = {}
        with closing(self._db.execute(f"SELECT p.id, {_COLUMNS} FROM paragraphs p JOIN files f ON f.id = p.file"
                                      f" WHERE p.id IN ({marks})", tuple(ids))) as cur:
            for pid, *rest in cur:
                rows[pid] = _row(tuple(rest))
        return [rows[i] for i in ids if i in rows]

    def paragraphs(self, file_id: int) -> list[Row]:
        """Every indexed paragraph of one base, in reading order."""
        return list(self._rows(f"SELECT {_COLUMNS} FROM paragraphs p JOIN files f ON f.id = p.file"
                               " WHERE p.file = ? ORDER BY p.block_index", (file_id,)))

    def document(self, path: str) -> Document | None:
        """An indexed base as a Document of its traced paragraphs (what a cross-language pairing
        needs: kinds, numbers, labels, texts, language, symbol), or None when not indexed."""
        row = self._db.execute("SELECT id, symbol, language, format FROM files WHERE path = ? AND error IS NULL",
                               (path,)).fetchone()
        if row is None:
            return None
        blocks = tuple(r.block for r in self.paragraphs(int(row[0])))
        return Document(path=path, format=Format(row[3] or "txt"), blocks=blocks, language=row[2], symbol=row[1])

    def _rows(self, sql: str, params: tuple[object, ...]) -> Iterator[Row]:
        with closing(self._db.execute(sql, params)) as cur:
            for values in cur:
                yield _row(values)


def _row(values: tuple[Any, ...]) -> Row:
    file_id, path, symbol, index, kind, number, label, text, marks, key = values
    block = Block(index=index, kind=BlockKind(kind), text=text, number=number, label=label,
                  footnote_marks=tuple(marks.split(_MARKS_SEPARATOR)) if marks else ())
    return Row(file_id, path, symbol, block, key)


_COLUMNS = "p.file, f.path, f.symbol, p.block_index, p.kind, p.number, p.label, p.text, p.marks, p.key"
# Footnote marks of a paragraph are stored joined by a character no mark contains.
_MARKS_SEPARATOR = "\x1f"


def _keep(path: str, error: str | None, failed: list[tuple[str, str]], unchanged: list[str]) -> None:
    """An unchanged file: reported as failed again when it could not be read before."""
    if error:
        failed.append((path, error))
    else:
        unchanged.append(path)


def _parse_all(paths: Sequence[str], parse: Callable[[str], Document], workers: int) -> Iterator[Document | str]:
    """Each path parsed (a Document) or its one-line error (a str), in order, as they come."""
    def one(path: str) -> Document | str:
        try:
            return parse(path)
        except AccordError as exc:
            return str(getattr(exc, "message", exc))

    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="accord-index") as pool:
        yield from pool.map(one, paths)
