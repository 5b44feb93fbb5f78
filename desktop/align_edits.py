"""A user's manual fixes of a language alignment: merge rows, split a merged row, link rows into
one pair, unlink a pair into its two sides. Pure functions over the pair tuple (no Qt); every
pair they make is pinned, so a re-alignment and the exports keep it.

The pairs stay in reading order on both sides: only neighbouring rows are joined, and a split
keeps its units in order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from compare.model import Flag, FlagKind, LanguageAlignment, Pair


class EditError(ValueError):
    """The fix asked for cannot be made on these rows (shown in the status bar)."""


def _joined(pairs: Sequence[Pair]) -> Pair:
    source = tuple(sorted({i for p in pairs for i in p.source}))
    target = tuple(sorted({i for p in pairs for i in p.target}))
    return Pair(source, target, score=0.0, flags=_unmatched_flags(source, target), pinned=True)


def _unmatched_flags(source: tuple[int, ...], target: tuple[int, ...]) -> tuple[Flag, ...]:
    if source and target:
        return ()
    side = "target" if source else "source"
    return (Flag(FlagKind.UNMATCHED, f"no {side} text: checked by hand"),)


def link(pairs: Sequence[Pair], rows: Sequence[int]) -> tuple[Pair, ...]:
    """Join a run of neighbouring rows into one pinned pair."""
    chosen = sorted(set(rows))
    if len(chosen) < 2:
        raise EditError("select at least two neighbouring rows to link")
    if chosen != list(range(chosen[0], chosen[-1] + 1)):
        raise EditError("only neighbouring rows can be linked")
    if chosen[0] < 0 or chosen[-1] >= len(pairs):
        raise EditError("no such row")
    first, last = chosen[0], chosen[-1]
    return (*pairs[:first], _joined(pairs[first:last + 1]), *pairs[last + 1:])


def merge_with_next(pairs: Sequence[Pair], row: int) -> tuple[Pair, ...]:
    if row + 1 >= len(pairs):
        raise EditError("the last row has no next row to merge with")
    return link(pairs, (row, row + 1))


def split(pairs: Sequence[Pair], row: int) -> tuple[Pair, ...]:
    """Undo a merge: a pair of several units becomes one pair per unit, matched in order; the
    side with more units keeps its extra ones in the last pair."""
    pair = pairs[row]
    if len(pair.source) < 2 and len(pair.target) < 2:
        raise EditError("this row holds one unit on each side: nothing to split")
    count = max(len(pair.source), len(pair.target))
    pieces = []
    for k in range(count):
        source = pair.source[k:k + 1] if k < count - 1 else pair.source[k:]
        target = pair.target[k:k + 1] if k < count - 1 else pair.target[k:]
        if source or target:
            pieces.append(Pair(source, target, flags=_unmatched_flags(source, target), pinned=True))
    return (*pairs[:row], *pieces, *pairs[row + 1:])


def unlink(pairs: Sequence[Pair], row: int) -> tuple[Pair, ...]:
    """A pair whose sides do not belong together becomes a source-only and a target-only row."""
    pair = pairs[row]
    if not pair.source or not pair.target:
        raise EditError("this row is already one-sided")
    pieces = (
        Pair(pair.source, (), flags=_unmatched_flags(pair.source, ()), pinned=True),
        Pair((), pair.target, flags=_unmatched_flags((), pair.target), pinned=True),
    )
    return (*pairs[:row], *pieces, *pairs[row + 1:])


def with_pairs(alignment: LanguageAlignment, pairs: Sequence[Pair]) -> LanguageAlignment:
    return replace(alignment, pairs=tuple(pairs))
