"""The word diff stays near-linear in time and memory on huge paragraphs (issue 17): a 500 kB
paragraph against a copy with 20 words inserted took 2.1 GB (rapidfuzz's LCS bit matrix) and a
2 MB one ended in MemoryError. Large inputs are generated here, never committed; memory is
measured in a child process (its peak resident size), never a timed assertion."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.model import OpKind
from compare.versions import wordiff
from compare.versions.wordiff import diff_words

ROOT = Path(__file__).resolve().parent.parent


def _paragraph(chars: int, seed: int = 1) -> tuple[str, str, list[str]]:
    """A paragraph of `chars` characters from a 3,000-word vocabulary (every word recurs: no single
    word is an anchor) and a copy with 20 words inserted at random places."""
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
                  for _ in range(3000)]
    words: list[str] = []
    size = 0
    while size < chars:
        words.append(rng.choice(vocabulary))
        size += len(words[-1]) + 1
    inserted = [f"INSERTED{k}" for k in range(20)]
    new = list(words)
    for word in inserted:
        new.insert(rng.randrange(len(new)), word)
    return " ".join(words), " ".join(new), inserted


def _rebuilds(ops, old: str, new: str) -> bool:
    return ("".join(o.text for o in ops if o.kind is not OpKind.INSERT) == old
            and "".join(o.text for o in ops if o.kind is not OpKind.DELETE) == new)


def test_a_long_paragraph_with_inserted_words_gives_exactly_those_insertions():
    """A 60 kB paragraph (over the LCS bound, so cut at anchors) with 20 words inserted: the ops
    rebuild both texts and the only edits are the 20 insertions."""
    old, new, inserted = _paragraph(60_000)
    ops = diff_words(old, new)
    assert _rebuilds(ops, old, new)
    edits = [o for o in ops if o.kind is not OpKind.EQUAL]
    assert all(o.kind is OpKind.INSERT for o in edits)
    assert sorted(o.text.strip() for o in edits) == sorted(inserted)


@settings(max_examples=60, deadline=None)
@given(old=st.lists(st.sampled_from(["a", "b", "c", "d", " ", "e"]), max_size=60),
       new=st.lists(st.sampled_from(["a", "b", "c", "d", " ", "f"]), max_size=60))
def test_the_bounded_diff_rebuilds_any_token_lists(old, new):
    """With the bound made tiny (every middle is cut at anchors or replaced), the opcodes still
    cover both sides in order: the ops rebuild both texts exactly."""
    saved = wordiff.MAX_LCS_CELLS
    wordiff.MAX_LCS_CELLS = 4
    try:
        a = [hash(t) for t in old]
        b = [hash(t) for t in new]
        ops = wordiff._opcodes(a, b)
        i = j = 0
        for _tag, i1, i2, j1, j2 in ops:
            assert (i1, j1) == (i, j)
            i, j = i2, j2
        assert (i, j) == (len(a), len(b))
        assert all(a[i1:i2] == b[j1:j2] for tag, i1, i2, j1, j2 in ops if tag == "equal")
    finally:
        wordiff.MAX_LCS_CELLS = saved


PROBE = """
import resource, sys
sys.path.insert(0, sys.argv[2])
from tests.test_wordiff_bounds import _paragraph, _rebuilds
from compare.versions.wordiff import diff_words
old, new, inserted = _paragraph(int(sys.argv[1]))
ops = diff_words(old, new)
assert _rebuilds(ops, old, new)
# this process's own peak (VmHWM): ru_maxrss also counts the parent's pages of the fork before exec,
# so a large test runner as parent would be measured instead (Linux keeps that high-water mark)
try:
    with open("/proc/self/status") as status:
        print(next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmHWM:")))
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="peak memory through the resource module")
@pytest.mark.parametrize("chars,limit_mb", [(500_000, 1024), (2_000_000, 1024)], ids=["500kB", "2MB"])
def test_huge_paragraphs_stay_under_a_gigabyte(chars, limit_mb):
    """500 kB and 2 MB paragraphs with 20 words inserted: diffed (no MemoryError) under 1 GB."""
    done = subprocess.run([sys.executable, "-c", PROBE, str(chars), str(ROOT)], capture_output=True,
                          text=True, timeout=280, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) < limit_mb


def test_a_huge_paragraph_pair_is_one_modified_change_with_its_insertions():
    """Two 100 kB paragraphs (similarity scored on their bounded ends, engine.RATIO_CHARS) pair up
    as one modified change whose ops are exactly the 20 insertions."""
    from compare.versions import engine
    from compare.versions.engine import compare_documents
    from parsers.model import Block, BlockKind, Document, Format

    old, new, inserted = _paragraph(100_000, seed=2)
    assert len(engine.bounded(old)) == engine.RATIO_CHARS
    docs = [Document(path=p, format=Format.TXT, language="en", blocks=(Block(0, BlockKind.PARAGRAPH, t),))
            for p, t in (("old", old), ("new", new))]
    comparison = compare_documents(*docs)
    (change,) = comparison.changes
    assert str(change.kind) == "modified"
    assert sorted(o.text.strip() for o in change.ops if o.kind is OpKind.INSERT) == sorted(inserted)
