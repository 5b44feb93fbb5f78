"""The longest chain increasing on both sides, which both comparisons keep as anchors."""

from hypothesis import given
from hypothesis import strategies as st

from compare.chain import longest_chain


def _itself(point: tuple[int, int]) -> tuple[int, int]:
    return point


def _longest_length(points: list[tuple[int, int]]) -> int:
    """The length of the longest chain by the quadratic programme (the reference)."""
    ordered = sorted(points)
    best = [1] * len(ordered)
    for k, (i, j) in enumerate(ordered):
        for q in range(k):
            if ordered[q][0] < i and ordered[q][1] < j:
                best[k] = max(best[k], best[q] + 1)
    return max(best, default=0)


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=40))
def test_chain_is_increasing_on_both_sides_and_longest(points):
    """The chain is a subsequence of the points, strictly increasing in both coordinates, and as
    long as the quadratic programme's longest."""
    chain = longest_chain(points, _itself)
    assert all(p in points for p in chain)
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in zip(chain, chain[1:], strict=False))
    assert len(chain) == _longest_length(points)


def test_points_sharing_a_row_or_column_never_chain():
    """(1, 1) and (1, 2) share a source unit, (1, 2) and (3, 2) a target unit: one of each only."""
    assert len(longest_chain([(1, 1), (1, 2), (3, 2)], _itself)) == 2


def test_crossing_anchor_is_left_out_with_its_payload():
    """Of three matches the one out of order is dropped; a point keeps what it carries (a score)."""
    pairs = [(0, 0, 100.0), (1, 5, 95.0), (2, 1, 100.0), (3, 2, 90.0)]
    assert longest_chain(pairs, lambda p: (p[0], p[1])) == [(0, 0, 100.0), (2, 1, 100.0), (3, 2, 90.0)]


def test_no_points_no_chain():
    """An empty input gives an empty chain."""
    assert longest_chain([], _itself) == []
