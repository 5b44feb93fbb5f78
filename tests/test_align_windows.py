"""Very long line lists are aligned a window at a time (compare.languages.windows), so memory is
bounded (issue 17: 50,000 lines a side took 6.1 GB): every unit is in exactly one bead, beads are
in order, and on an easy pair the windows give the beads of one whole alignment."""

from __future__ import annotations

import random

import pytest

from compare.languages import windows
from compare.languages.documents import align_lines
from compare.model import Pair
from compare.progress import run


def _lines(n: int, seed: int = 4) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choice("abcdefghij") for _ in range(rng.randint(3, 8))) for _ in range(400)]
    source, target = [], []
    for i in range(n):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(4, 12))]
        source.append(f"{i + 1}. " + " ".join(words))
        target.append(f"{i + 1}. " + " ".join(w[::-1] for w in words))
    return source, target


def _covers_in_order(pairs, n: int, m: int) -> None:
    sources = [i for pair in pairs for i in pair.source]
    targets = [j for pair in pairs for j in pair.target]
    assert sources == list(range(n)) and targets == list(range(m))


def test_a_short_pair_is_one_ordinary_alignment(monkeypatch):
    """Under the limit the aligner is called once, on the whole lists."""
    calls = []

    def aligner(src, tgt):
        calls.append((len(src), len(tgt)))
        return [Pair((i,), (i,), 1.0) for i in range(len(src))]
        yield

    pairs = run(windows.align_in_windows(["a"] * 50, ["b"] * 50, aligner))
    assert calls == [(50, 50)] and len(pairs) == 50


@pytest.mark.parametrize("n,m", [(1000, 1000), (1000, 700), (600, 1100)])
def test_windows_cover_every_unit_once_in_order(monkeypatch, n, m):
    """Windows of 100 units (overlap 20) over uneven sides: each window's aligner sees at most
    about a window a side, and the beads cover both sides exactly once, in order."""
    monkeypatch.setattr(windows, "WINDOW_UNITS", 100)
    monkeypatch.setattr(windows, "OVERLAP", 20)
    seen = []

    def diagonal(src, tgt):  # pairs proportionally, leftovers as insertions or deletions
        seen.append((len(src), len(tgt)))
        k = min(len(src), len(tgt))
        return ([Pair((i,), (i,), 1.0) for i in range(k)] + [Pair((i,), (), 0.0) for i in range(k, len(src))]
                + [Pair((), (j,), 0.0) for j in range(k, len(tgt))])
        yield

    pairs = run(windows.align_in_windows([str(i) for i in range(n)], [str(j) for j in range(m)], diagonal))
    _covers_in_order(pairs, n, m)
    assert len(seen) > 5 and max(max(s) for s in seen) <= 2 * 100 + 20


def test_windows_give_the_whole_alignment_on_an_easy_pair(monkeypatch):
    """600 numbered lines a side aligned in windows of 150: the same beads as one alignment."""
    source, target = _lines(600)
    whole = run(align_lines(source, target, source_language="en", target_language="fr"))
    monkeypatch.setattr(windows, "WINDOW_UNITS", 150)
    monkeypatch.setattr(windows, "OVERLAP", 30)
    stages = []
    windowed = run(align_lines(source, target, source_language="en", target_language="fr"), stages.append)
    assert [(p.source, p.target) for p in windowed.pairs] == [(p.source, p.target) for p in whole.pairs]
    assert any(s.stage.startswith("window 2") for s in stages)
