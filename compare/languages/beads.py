"""The dynamic programme over beads (Gale and Church 1993), restricted to a band.

A bead takes `a` source units and `b` target units (1-1, 1-0, 0-1, 1-2, 2-1, 2-2, ... up to the
shapes given). The band says, for each number of source units consumed, which numbers of
target units may have been consumed; it comes from anchors (units sharing a rare number or
name), so the work is near-linear in the length of the documents rather than quadratic.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Shape = tuple[int, int]
# (i0, a, j0, b, budget) -> cost of src[i0:i0+a] ~ tgt[j0:j0+b]; may return inf once the cost is
# known to be at least `budget` (the programme then need not compute it exactly).
CostFn = Callable[[int, int, int, int, float], float]

BASIC_SHAPES: tuple[Shape, ...] = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2))
# Translators also split one sentence into three or four, and OCR splits more: real gold
# standards (Text+Berg) hold a few percent of such beads.
WIDE_SHAPES: tuple[Shape, ...] = BASIC_SHAPES + ((1, 3), (3, 1), (2, 3), (3, 2), (1, 4), (4, 1))
WIDER_SHAPES: tuple[Shape, ...] = WIDE_SHAPES + ((3, 3), (1, 5), (5, 1))


@dataclass(frozen=True, slots=True)
class Bead:
    i0: int
    a: int
    j0: int
    b: int
    cost: float

    @property
    def source(self) -> tuple[int, ...]:
        return tuple(range(self.i0, self.i0 + self.a))

    @property
    def target(self) -> tuple[int, ...]:
        return tuple(range(self.j0, self.j0 + self.b))


Band = list[tuple[int, int]]  # per source position i (0..n): inclusive range of target positions


def full_band(n: int, m: int) -> Band:
    return [(0, m)] * (n + 1)


def band_through(points: Sequence[tuple[int, int]], n: int, m: int, width: int) -> Band:
    """A band of `width` target positions on each side of the piecewise-linear path through
    `points` (increasing in both coordinates), from (0, 0) to (n, m); kept monotone so the
    programme can always reach the end."""
    pts = sorted({(0, 0), (n, m), *points})
    xs = [p[0] for p in pts]
    band: Band = []
    prev_lo = prev_hi = 0
    for i in range(n + 1):
        k = bisect.bisect_right(xs, i) - 1
        k = min(k, len(pts) - 2)
        (x0, y0), (x1, y1) = pts[k], pts[k + 1]
        centre = y0 + (y1 - y0) * (i - x0) / (x1 - x0) if x1 > x0 else y1
        # Points sharing this row (a stretch one side lacks, between two anchors) widen it down
        # to the lowest of them; a segment whose sides differ in length (skew) may hide such a
        # stretch anywhere along it, so its rows widen by the skew, within the segment's box.
        first = bisect.bisect_left(xs, i)
        low_centre = min(centre, pts[first][1]) if first < len(pts) and xs[first] == i else centre
        skew = abs((y1 - y0) - (x1 - x0)) if x1 > x0 else 0
        lo = max(int(low_centre) - width - skew, min(y0, int(low_centre)) - width)
        hi = min(int(math.ceil(centre)) + width + skew, y1 + width)
        lo = min(max(0, lo, prev_lo), prev_hi)  # rows must overlap
        hi = min(m, hi)
        hi = max(hi, prev_hi, lo)
        band.append((lo, hi))
        prev_lo, prev_hi = lo, hi
    band[0] = (0, band[0][1])
    band[-1] = (band[-1][0], m)
    return band


def band_around(path: Sequence[Bead], n: int, m: int, width: int) -> Band:
    """A band of `width` around an earlier alignment (the corners of its beads)."""
    return band_through([(bd.i0 + bd.a, bd.j0 + bd.b) for bd in path], n, m, width)


def align(n: int, m: int, cost: CostFn, shapes: Sequence[Shape], band: Band,
          floors: Sequence[float] | None = None) -> list[Bead]:
    """The cheapest sequence of beads covering src[0:n] and tgt[0:m] inside the band.
    `floors` (one per shape) are lower bounds of the cost of a bead of that shape: a bead that
    cannot beat the best one found for a cell is then not costed at all."""
    inf = math.inf
    lows = [lo for lo, _ in band]
    # beads with an empty side first: their cost is cheap to know and bounds the others
    order = sorted(range(len(shapes)), key=lambda k: (min(shapes[k]) != 0, sum(shapes[k])))
    low = floors or [-inf] * len(shapes)
    ordered = [(k, shapes[k][0], shapes[k][1], low[k]) for k in order]
    table: list[list[float]] = []
    back: list[list[int]] = []
    for i in range(n + 1):
        lo, hi = band[i]
        row = [inf] * (hi - lo + 1)
        brow = [-1] * (hi - lo + 1)
        if i == 0:
            row[0 - lo] = 0.0 if lo == 0 else inf
        for j in range(lo, hi + 1):
            best = row[j - lo]
            arg = brow[j - lo]
            for s, a, b, floor in ordered:
                pi, pj = i - a, j - b
                if pi < 0 or pj < 0:
                    continue
                plo, phi = (lo, hi) if a == 0 else band[pi]
                if pj < plo or pj > phi:
                    continue
                prev = row[pj - lo] if a == 0 else table[pi][pj - plo]
                if prev + floor >= best:
                    continue
                c = prev + cost(pi, a, pj, b, best - prev)
                if c < best:
                    best, arg = c, s
            row[j - lo] = best
            brow[j - lo] = arg
        table.append(row)
        back.append(brow)
    beads: list[Bead] = []
    i, j = n, m
    if table[n][m - lows[n]] == inf:
        raise ValueError("no alignment inside the band")
    while i > 0 or j > 0:
        s = back[i][j - lows[i]]
        a, b = shapes[s]
        pi, pj = i - a, j - b
        before = table[pi][pj - lows[pi]]
        beads.append(Bead(pi, a, pj, b, table[i][j - lows[i]] - before))
        i, j = pi, pj
    beads.reverse()
    return beads
