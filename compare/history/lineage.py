"""Each paragraph's lineage through several versions (`accord history`), built from the pairwise
comparisons of consecutive versions (compare.versions.engine, through the result cache).

A lineage starts where a paragraph first appears (the first version, or the version that added
it) and follows the comparisons' pairs: modified (with the commitment change), moved, renumbered,
unchanged, until a comparison removes it. A split keeps one lineage (its cell holds the blocks it
became); in a merge the first old paragraph's lineage goes on and the others end there.

Rows come in reading order of the latest version, each paragraph removed earlier kept after the
one it followed when it was last seen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from compare.model import Change, ChangeKind, Commitment, Comparison, Op
from compare.progress import Progress, Steps
from parsers.model import Block, Document


@dataclass(frozen=True, slots=True)
class Step:
    """What happened to a lineage between version `k` and version `k + 1`."""

    kind: ChangeKind
    commitment: Commitment | None = None
    reasons: tuple[str, ...] = ()
    moved: bool = False
    ops: tuple[Op, ...] = ()

    @staticmethod
    def of(change: Change) -> Step:
        return Step(change.kind, change.commitment, change.reasons, change.moved, change.ops)


@dataclass(frozen=True, slots=True)
class Lineage:
    cells: tuple[tuple[Block, ...], ...]  # per version: its blocks there (empty: not in that version)
    steps: tuple[Step | None, ...]  # per consecutive pair; None: absent from both versions

    @property
    def label(self) -> str | None:
        """The label it bears last (the latest version it is in)."""
        for blocks in reversed(self.cells):
            if blocks:
                return blocks[0].label
        return None

    @property
    def changed(self) -> bool:
        """Something happened to it: added after the first version, removed, edited, moved."""
        return any(s is not None and s.kind not in (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED)
                   for s in self.steps)


@dataclass(frozen=True, slots=True)
class History:
    versions: tuple[Document, ...]
    comparisons: tuple[Comparison, ...]
    lineages: tuple[Lineage, ...]


def build_history(versions: Sequence[Document], comparisons: Sequence[Comparison]) -> History:
    """Lineages from the comparisons of consecutive versions (comparisons[k]: versions k, k + 1)."""
    n = len(versions)
    if n < 2 or len(comparisons) != n - 1:
        raise ValueError("history needs two or more versions and one comparison per consecutive pair")
    cells: list[list[tuple[Block, ...]]] = []
    steps: list[list[Step | None]] = []
    order: list[int] = []
    current: dict[int, int] = {}  # block index in version k -> lineage

    def start(version: int) -> int:
        cells.append([() for _ in range(n)])
        steps.append([None for _ in range(n - 1)])
        return len(cells) - 1

    for k, comparison in enumerate(comparisons):
        following: dict[int, int] = {}
        seen: list[int] = []
        for change in comparison.changes:
            step = Step.of(change)
            ids = []
            for block in change.olds:
                lineage = current.get(block.index) if k else None
                if lineage is None:
                    lineage = start(k)
                    cells[lineage][k] = (block,)
                ids.append(lineage)
            lineage = ids[0] if ids else start(k + 1)
            for other in ids:
                steps[other][k] = _stronger(steps[other][k], step)
            if change.news:
                # the parts of a paragraph split earlier, each paired again now, stay one lineage
                cells[lineage][k + 1] = (*cells[lineage][k + 1], *change.news)
                for block in change.news:
                    following[block.index] = lineage
                if not ids:
                    steps[lineage][k] = step
            for i in ids or [lineage]:
                if i not in seen:
                    seen.append(i)
        order = _merge_order(order, seen)
        current = following
    lineages = tuple(Lineage(tuple(cells[i]), tuple(steps[i])) for i in order)
    return History(tuple(versions), tuple(comparisons), lineages)


# Which of two steps a lineage shows when two of its blocks are paired separately.
_WEIGHT = {ChangeKind.UNCHANGED: 0, ChangeKind.RENUMBERED: 1, ChangeKind.MOVED: 2, ChangeKind.MODIFIED: 3,
           ChangeKind.ADDED: 4, ChangeKind.REMOVED: 4}


def _stronger(current: Step | None, step: Step) -> Step:
    if current is None or _WEIGHT[step.kind] + (step.commitment is not None) > \
            _WEIGHT[current.kind] + (current.commitment is not None):
        return step
    return current


def _merge_order(previous: Sequence[int], seen: Sequence[int]) -> list[int]:
    """`seen` (this comparison's order), each earlier-ended lineage kept after the one it followed."""
    in_seen = set(seen)
    pending: dict[int | None, list[int]] = {}
    anchor: int | None = None
    for i in previous:
        if i in in_seen:
            anchor = i
        else:
            pending.setdefault(anchor, []).append(i)
    out = list(pending.get(None, []))
    for i in seen:
        out.append(i)
        out.extend(pending.get(i, []))
    return out


def iter_history(versions: Sequence[Document], *, use_cache: bool = True) -> Steps[History]:
    """Compare each consecutive pair (cached like `accord compare`; two versions in different
    languages across them, compare.history.cross_language), then build the lineages."""
    from compare.history.cross_language import compare_across, is_cross_language
    from compare.result_cache import cached_compare

    comparisons = []
    for k in range(len(versions) - 1):
        yield Progress("compare versions", k, len(versions) - 1)
        old, new = versions[k], versions[k + 1]
        if is_cross_language(old, new):
            comparisons.append((yield from compare_across(old, new)))
        else:
            comparisons.append((yield from cached_compare(old, new, use_cache=use_cache)))
    yield Progress("compare versions", len(versions) - 1, len(versions) - 1)
    return build_history(versions, comparisons)
