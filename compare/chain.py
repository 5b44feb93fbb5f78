"""The longest chain of points increasing in both coordinates: the anchors both comparisons keep.

Versions (compare.versions.engine) keep the paragraph matches whose order both documents agree
on (the others are moves); languages (compare.languages.units) keep the rare words shared by one
unit on each side that do not cross. Both are the longest strictly increasing subsequence,
found by patience sorting in O(k log k) (Schensted 1961; Fredman 1975).
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
