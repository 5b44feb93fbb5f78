"""Aligning very long line lists in windows, so memory stays bounded (issue 17).

`align --lines` with 50,000 lines a side took 1,088 s and 6.1 GB: the aligner's work and memory
grow with the units it holds at once (measured here: 5,000 lines a side 420 MB, 10,000 790 MB).
Beyond WINDOW_UNITS + OVERLAP units a side, the lines are aligned a window at a time: WINDOW_UNITS
source lines against the share of the remaining target lines that matches the remaining
proportion, keeping only the beads that end before the last OVERLAP units of either side (the
edge of a window is where its alignment is least sure); the next window starts where the kept
beads end, so the OVERLAP units are aligned again with what follows them. Each window is an
ordinary alignment, so a pair of files under the limit is aligned exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from compare.model import Pair
from compare.progress import Progress, Steps

Aligner = Callable[[Sequence[str], Sequence[str]], Steps[list[Pair]]]

# Units a side aligned at once: about 350 MB with the aligner's default options (measured at
# 5,000 lines a side: 420 MB), well under the 1 GB the command should stay within.
WINDOW_UNITS = 4_000
# Units at the end of a window aligned again in the next one.
OVERLAP = 400


def align_in_windows(source: Sequence[str], target: Sequence[str], align: Aligner) -> Steps[list[Pair]]:
    """`align(source, target)`, a window at a time when either side is longer than
    WINDOW_UNITS + OVERLAP units; the beads of all windows, with indexes into the whole lists."""
    n, m = len(source), len(target)
    if max(n, m) <= WINDOW_UNITS + OVERLAP:
        return (yield from align(source, target))
    windows = -(-max(n, m) // WINDOW_UNITS)
    out: list[Pair] = []
    s0 = t0 = 0
    for k in range(1, 10 * windows + 1):
        rest_s, rest_t = n - s0, m - t0
        last = max(rest_s, rest_t) <= WINDOW_UNITS + OVERLAP
        if last:
            ws, wt = rest_s, rest_t
        elif rest_s >= rest_t:
            ws, wt = WINDOW_UNITS, min(rest_t, max(OVERLAP + 1, round(WINDOW_UNITS * rest_t / rest_s)) + OVERLAP)
        else:
            wt, ws = WINDOW_UNITS, min(rest_s, max(OVERLAP + 1, round(WINDOW_UNITS * rest_s / rest_t)) + OVERLAP)
        pairs = yield from _labelled(align(source[s0:s0 + ws], target[t0:t0 + wt]), k, windows)
        kept = pairs if last else _before_edge(pairs, ws - OVERLAP, wt - OVERLAP)
        out.extend(Pair(tuple(s0 + i for i in p.source), tuple(t0 + j for j in p.target), p.score) for p in kept)
        if last:
            return out
        s0 += 1 + max((i for p in kept for i in p.source), default=-1)
        t0 += 1 + max((j for p in kept for j in p.target), default=-1)
    raise RuntimeError("windowed alignment did not advance")  # pragma: no cover (every window keeps beads)


def _before_edge(pairs: list[Pair], source_edge: int, target_edge: int) -> list[Pair]:
    """The leading beads that end before both edges (at least one bead, so a window advances)."""
    kept: list[Pair] = []
    for pair in pairs:
        if any(i >= source_edge for i in pair.source) or any(j >= target_edge for j in pair.target):
            break
        kept.append(pair)
    return kept or pairs[:1]


def _labelled(steps: Steps[list[Pair]], window: int, windows: int) -> Steps[list[Pair]]:
    """The window's own progress, named after the window."""
    while True:
        try:
            progress = next(steps)
        except StopIteration as stop:
            result: list[Pair] = stop.value
            return result
        yield Progress(f"window {window} of about {windows}: {progress.stage}", progress.done, progress.total)
