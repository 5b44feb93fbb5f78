"""Chains of points increasing in both coordinates: the anchors both comparisons keep.

Versions (compare.versions.engine) keep a longest chain of the paragraph matches (`longest_chain`:
the others are out of order, hence moves); languages (compare.languages.units) keep the points
every longest chain of shared rare words passes through (`common_chain`: the same whichever side
is the source). Both rest on the longest strictly increasing subsequence, found by patience
sorting in O(k log k) (Schensted 1961; Fredman 1975).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import TypeVar

P = TypeVar("P")


def longest_chain(points: Sequence[P], position: Callable[[P], tuple[int, int]]) -> list[P]:
    """The longest subsequence of `points` whose positions (i, j) = `position(point)` strictly
    increase in both coordinates, in increasing order. Points sharing an i never chain (they
    are tried with j descending); among chains of equal length the one patience sorting finds
    first in that order is returned."""
    where = [position(p) for p in points]
    order = sorted(range(len(points)), key=lambda k: (where[k][0], -where[k][1]))
    tails: list[int] = []  # smallest j ending a chain of each length
    tail_at: list[int] = []  # the point ending it
    back = [-1] * len(points)
    for k in order:
        j = where[k][1]
        n = bisect.bisect_left(tails, j)
        if n == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[n], tail_at[n] = j, k
        back[k] = tail_at[n - 1] if n else -1
    chain: list[P] = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(points[k])
        k = back[k]
    return chain[::-1]


def chain_lengths(points: Sequence[tuple[int, int]]) -> list[int]:
    """For each point, the length of the longest chain strictly increasing in both coordinates
    that ends there (patience sorting)."""
    tails: list[int] = []  # smallest j ending a chain of each length
    out = [0] * len(points)
    # by i ascending, j descending, so points sharing an i never chain
    for k in sorted(range(len(points)), key=lambda k: (points[k][0], -points[k][1])):
        j = points[k][1]
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
        else:
            tails[pos] = j
        out[k] = pos + 1
    return out


def common_chain(points: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The points every longest chain (strictly increasing in both coordinates) passes through:
    where longest chains differ (two candidates at the same step), that step is left out, so the
    choice never depends on which side is the source (a swap transposes the result)."""
    if not points:
        return []
    ending = chain_lengths(points)
    starting = chain_lengths([(-i, -j) for i, j in points])
    longest = max(ending)
    steps: dict[int, list[tuple[int, int]]] = {}
    for point, end, start in zip(points, ending, starting, strict=True):
        if end + start - 1 == longest:
            steps.setdefault(end, []).append(point)
    return sorted(found[0] for found in steps.values() if len(found) == 1)
