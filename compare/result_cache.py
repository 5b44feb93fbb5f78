"""A cache of comparison results: the second compare of a pair is a file read, not a comparison.

Key: SHA-256 over a canonical JSON of everything `compare.versions.engine.iter_compare` reads: each
document's language and symbol (commitment lexicon, masthead symbols), its furniture (a block the
other file holds as a running header or footer is set aside) and every block's index,
kind, number, text, level, footnote marks and spans; the CompareOptions (their repr, so a new
field is in the key without an edit here); COMPARE_VERSION and the entry format. Not the paths,
so a renamed copy hits, and not the locations, which the engine does not read. The footnotes
(mark, text, page: compared as blocks, compare.model.footnote_blocks) are in the key.

Value: JSON (never pickle: a cache file must not be able to run code) of the changes, blocks by
their index; a hit rebuilds the Comparison around the documents the caller already holds (so
paths, locations and warnings are those of this run) and equals the computed one. A damaged or
unusable entry is a miss and is overwritten; errors are never cached; only the engine's result
is kept, never a rendering (a Word redline carries the date of its revisions).

Entries are kept by the one cache store (parsers.cache: authenticated, read without following a
link or blocking, in a folder readable by the user only), in its folder `comparisons`. A hit
imports neither the engine (rapidfuzz, numpy) nor any reader.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Generator, Sequence
from typing import Any

from compare.model import (
    Change,
    ChangeKind,
    Commitment,
    CompareOptions,
    Comparison,
    Op,
    OpKind,
    footnote_blocks,
)
from compare.progress import Progress
from compare.version import COMPARE_VERSION
from parsers.cache import cache_folder, read_entry, write_entry
from parsers.model import Block, Document

# Bump when the layout of an entry below changes.
CACHE_FORMAT = "1"


def cache_dir() -> str:
    return cache_folder("comparisons")


def cached_compare(old: Document, new: Document, options: CompareOptions | None = None, *,
                   use_cache: bool = True, key: str | None = None) -> Generator[Progress, None, Comparison]:
    """`iter_compare`, answered from the cache when this pair was compared before (then it
    yields nothing); a computed result is stored. `use_cache=False` neither reads nor writes
    (documents that were opened with a password stay out of the cache). `key` is the pair's
    `comparison_key` when the caller has it already (the command line's report cache)."""
    options = options or CompareOptions()
    if not use_cache:
        from compare.versions.engine import iter_compare

        return (yield from iter_compare(old, new, options))
    key = key or comparison_key(old, new, options)
    comparison = load(key, old, new, options)
    if comparison is not None:
        return comparison
    from compare.versions.engine import iter_compare

    comparison = yield from iter_compare(old, new, options)
    store(key, comparison)
    return comparison


def comparison_key(old: Document, new: Document, options: CompareOptions) -> str:
    canonical = [CACHE_FORMAT, COMPARE_VERSION, repr(options), _document_key(old), _document_key(new)]
    data = json.dumps(canonical, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


def _document_key(doc: Document) -> list[Any]:
    return [
        doc.language,
        doc.symbol,
        [[b.index, str(b.kind), b.number, b.text, b.level, list(b.footnote_marks),
          [[s.start, s.end, s.bold, s.italic] for s in b.spans]] for b in doc.blocks],
        [[f.mark, f.text, f.page] for f in doc.footnotes],
        [[f.why, f.text] for f in doc.furniture],
    ]


def load(key: str, old: Document, new: Document, options: CompareOptions) -> Comparison | None:
    """The cached comparison of `old` and `new` for `key`, or None (absent or damaged)."""
    data = read_entry(cache_dir(), key)
    if data is None:
        return None
    try:
        return comparison_from_json(data, old, new, options)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
        return None


def store(key: str, comparison: Comparison) -> None:
    """Save `comparison` under `key`; a failure to write the cache is never an error, and a
    comparison whose blocks cannot be named by index is not stored."""
    try:
        data = comparison_to_json(comparison)
    except KeyError:
        return
    write_entry(cache_dir(), key, data)


def comparison_to_json(comparison: Comparison) -> dict[str, Any]:
    """The changes as lists; blocks by `Block.index`. KeyError when a block is not one of its
    document's blocks or the document's indexes are not unique (it could not be rebuilt)."""
    olds, news = _all_blocks(comparison.old), _all_blocks(comparison.new)
    return {
        "format": CACHE_FORMAT,
        "changes": [
            [
                str(c.kind),
                [_indexed(b, olds) for b in c.olds],
                [_indexed(b, news) for b in c.news],
                [[str(op.kind), op.text, op.minor] for op in c.ops],
                str(c.commitment) if c.commitment else None,
                list(c.reasons),
                c.moved,
                c.similarity,
            ]
            for c in comparison.changes
        ],
    }


def comparison_from_json(data: dict[str, Any], old: Document, new: Document,
                         options: CompareOptions) -> Comparison:
    if data["format"] != CACHE_FORMAT:
        raise ValueError("another entry format")
    olds, news = _all_blocks(old), _all_blocks(new)
    changes = []
    for kind, old_indexes, new_indexes, ops, commitment, reasons, moved, similarity in data["changes"]:
        # "moved" stays in the entry (the format is unchanged) but must agree with the kind
        if not isinstance(moved, bool) or moved != (kind == ChangeKind.MOVED) or not isinstance(similarity, int | float):
            raise TypeError("damaged entry")
        changes.append(Change(
            kind=ChangeKind(kind),
            olds=tuple(olds[i] for i in old_indexes),
            news=tuple(news[i] for i in new_indexes),
            ops=tuple(Op(OpKind(k), _text(text), _flag(minor)) for k, text, minor in ops),
            commitment=Commitment(commitment) if commitment is not None else None,
            reasons=tuple(_text(r) for r in reasons),
            similarity=similarity,
        ))
    return Comparison(old=old, new=new, changes=tuple(changes), options=options)


def _all_blocks(doc: Document) -> dict[int, Block]:
    """The document's blocks and its footnotes as blocks, by index."""
    return _by_index((*doc.blocks, *footnote_blocks(doc)))


def _by_index(blocks: Sequence[Block]) -> dict[int, Block]:
    out = {b.index: b for b in blocks}
    if len(out) != len(blocks):
        raise KeyError("block indexes are not unique")
    return out


def _indexed(block: Block, blocks: dict[int, Block]) -> int:
    if blocks.get(block.index) is not block and blocks.get(block.index) != block:
        raise KeyError(block.index)
    return block.index


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("damaged entry")
    return value


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError("damaged entry")
    return value
