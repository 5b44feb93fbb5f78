"""Word-level differences between the old and new text of an aligned pair.

Tokens (compare.text.tokenize) are compared by their keys (compare.text.normalize), mapped to integers, and
diffed with rapidfuzz's Indel opcodes: a longest common subsequence (Myers 1986, "An O(ND)
difference algorithm and its variations"; Hyyrö's bit-parallel LCS in rapidfuzz), in C.

Ops are reported on the real text: joining the EQUAL and DELETE texts gives the old text exactly,
joining the EQUAL and INSERT texts the new text. Runs are merged for reading: all deletions of a
region come before its insertions, and a run of whitespace alone between two edits joins them
(`[-Encourage vivement-]{+Prie instamment+}`, not word by word).

The LCS is bounded (issue 17): rapidfuzz keeps a bit matrix of about len(a) x len(b) / 8 bytes
for the opcodes, 2.1 GB for a 500 kB paragraph against a copy with 20 words inserted, and a 2 MB
paragraph ran out of memory. So the common head and tail are set aside first, and a middle larger
than MAX_LCS_CELLS is cut at anchors: tokens that occur once in each side, the longest run of
them in the same order (patience diffing, Bram Cohen; the longest increasing subsequence in
O(k log k)); each stretch between anchors is diffed the same way, and a stretch still too large
with no anchor is one replacement. Work and memory are then near-linear in the paragraph.

A region whose differences normalisation ignores (quote style, spacing, footnote marks) is
reported as DELETE/INSERT ops with `minor=True`: the texts still rebuild exactly, and a pair whose
ops are all equal or minor is not a difference.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Indel

from compare.model import CompareOptions, Op, OpKind
from compare.text.normalize import tokens_and_keys

# How many distinct text pairs to remember (a long resolution has about a thousand pairs; the GUI
# re-renders the same pairs often).
CACHE_PAIRS = 4096
# The largest token-count product handed to rapidfuzz's LCS at once: its bit matrix is then about
# 2.5 MB and it takes milliseconds; larger stretches are first cut at unique common tokens.
MAX_LCS_CELLS = 20_000_000
# How deep stretches are cut again before a stretch without anchors is one replacement.
MAX_ANCHOR_DEPTH = 8
# Anchors are runs of this many tokens found once on each side, tried in order: single words
# first, then runs (in long texts every word recurs, but four or sixteen in a row rarely do).
ANCHOR_SIZES = (1, 4, 16)


@dataclass(slots=True)
class _Region:
    old: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    minor: bool = True


def diff_words(old: str, new: str, options: CompareOptions | None = None,
               old_marks: tuple[str, ...] = (), new_marks: tuple[str, ...] = ()) -> tuple[Op, ...]:
    """The ops turning `old` into `new` (cached by text pair and options)."""
    if old == new and tuple(old_marks) == tuple(new_marks):
        # what the diff gives for equal texts (one equal region), without tokenizing: most pairs
        # of a revision are unchanged
        return (Op(OpKind.EQUAL, old),) if old else ()
    return _diff_words(old, new, options or CompareOptions(), tuple(old_marks), tuple(new_marks))


def is_difference(ops: tuple[Op, ...]) -> bool:
    """True when some op is a real (not minor) deletion or insertion."""
    return any(op.kind is not OpKind.EQUAL and not op.minor for op in ops)


@lru_cache(maxsize=CACHE_PAIRS)
def _diff_words(old: str, new: str, options: CompareOptions,
                old_marks: tuple[str, ...], new_marks: tuple[str, ...]) -> tuple[Op, ...]:
    old_tokens, old_keys = tokens_and_keys(old, old_marks, options)
    new_tokens, new_keys = tokens_and_keys(new, new_marks, options)
    ids: dict[str, int] = {}
    a = [ids.setdefault(k, len(ids)) for k in old_keys]
    b = [ids.setdefault(k, len(ids)) for k in new_keys]
    # Atoms: ("equal", text) or a region of one edit; then regions are merged for reading.
    items: list[str | _Region] = []
    for tag, src_start, src_end, dest_start, dest_end in _opcodes(a, b):
        if tag == "equal":
            for i, j in zip(range(src_start, src_end), range(dest_start, dest_end), strict=True):
                if old_tokens[i].text == new_tokens[j].text:
                    items.append(old_tokens[i].text)
                else:
                    items.append(_Region([old_tokens[i].text], [new_tokens[j].text], True))
            continue
        region = _Region()
        for i in range(src_start, src_end):
            region.old.append(old_tokens[i].text)
            region.minor &= old_keys[i] == ""
        for j in range(dest_start, dest_end):
            region.new.append(new_tokens[j].text)
            region.minor &= new_keys[j] == ""
        items.append(region)
    return tuple(_emit(_merge(items)))


Opcode = tuple[str, int, int, int, int]  # tag ("equal" or an edit), a[i1:i2], b[j1:j2]


def _opcodes(a: Sequence[int], b: Sequence[int]) -> list[Opcode]:
    """Opcodes turning `a` into `b`, "equal" or not, in order and covering both sides."""
    return list(_stretch(a, b, 0, len(a), 0, len(b), 0))


def _stretch(a: Sequence[int], b: Sequence[int], i1: int, i2: int, j1: int, j2: int,
             depth: int) -> Iterator[Opcode]:
    """Opcodes for a[i1:i2] against b[j1:j2]: common head and tail, then the middle by LCS when
    small enough, else cut at anchors, else one replacement."""
    head = 0
    while i1 + head < i2 and j1 + head < j2 and a[i1 + head] == b[j1 + head]:
        head += 1
    tail = 0
    while i2 - tail > i1 + head and j2 - tail > j1 + head and a[i2 - tail - 1] == b[j2 - tail - 1]:
        tail += 1
    if head:
        yield ("equal", i1, i1 + head, j1, j1 + head)
    lo_a, hi_a, lo_b, hi_b = i1 + head, i2 - tail, j1 + head, j2 - tail
    if lo_a < hi_a or lo_b < hi_b:
        yield from _middle(a, b, lo_a, hi_a, lo_b, hi_b, depth)
    if tail:
        yield ("equal", i2 - tail, i2, j2 - tail, j2)


def _middle(a: Sequence[int], b: Sequence[int], i1: int, i2: int, j1: int, j2: int,
            depth: int) -> Iterator[Opcode]:
    if i1 == i2 or j1 == j2 or (i2 - i1) * (j2 - j1) <= MAX_LCS_CELLS:
        for op in Indel.opcodes(a[i1:i2], b[j1:j2]):
            yield (op.tag, i1 + op.src_start, i1 + op.src_end, j1 + op.dest_start, j1 + op.dest_end)
        return
    anchors: list[tuple[int, int]] = []
    size = 1
    if depth < MAX_ANCHOR_DEPTH:
        for size in ANCHOR_SIZES:
            anchors = _anchors(a, b, i1, i2, j1, j2, size)
            if anchors:
                break
    if not anchors:
        yield ("replace", i1, i2, j1, j2)
        return
    at_a, at_b = i1, j1
    for i, j in anchors:
        yield from _stretch(a, b, at_a, i, at_b, j, depth + 1)
        yield ("equal", i, i + size, j, j + size)
        at_a, at_b = i + size, j + size
    yield from _stretch(a, b, at_a, i2, at_b, j2, depth + 1)


def _anchors(a: Sequence[int], b: Sequence[int], i1: int, i2: int, j1: int, j2: int,
             size: int) -> list[tuple[int, int]]:
    """(i, j) of runs of `size` tokens found once in a[i1:i2] and once in b[j1:j2], the longest
    chain of them in the same order on both sides (longest increasing subsequence of j by
    patience sorting), without overlaps."""
    grams_a = [tuple(a[i:i + size]) for i in range(i1, i2 - size + 1)]
    grams_b = [tuple(b[j:j + size]) for j in range(j1, j2 - size + 1)]
    count_a, count_b = Counter(grams_a), Counter(grams_b)
    where_b = {g: j1 + n for n, g in enumerate(grams_b) if count_b[g] == 1}
    pairs = [(i1 + n, where_b[g]) for n, g in enumerate(grams_a) if count_a[g] == 1 and g in where_b]
    tops: list[int] = []  # the smallest j ending a chain of each length
    ends: list[int] = []  # the pair index ending it
    back: list[int] = []
    for n, (_i, j) in enumerate(pairs):
        k = bisect_left(tops, j)
        back.append(ends[k - 1] if k else -1)
        if k == len(tops):
            tops.append(j)
            ends.append(n)
        else:
            tops[k], ends[k] = j, n
    chain = []
    n = ends[-1] if ends else -1
    while n >= 0:
        chain.append(pairs[n])
        n = back[n]
    kept: list[tuple[int, int]] = []
    for i, j in reversed(chain):
        if not kept or (i >= kept[-1][0] + size and j >= kept[-1][1] + size):
            kept.append((i, j))
    return kept


def _merge(items: list[str | _Region]) -> list[str | _Region]:
    """Adjacent regions become one; whitespace alone between two real edits joins them."""
    out: list[str | _Region] = []
    for item in items:
        if isinstance(item, _Region) and out and isinstance(out[-1], _Region) and out[-1].minor == item.minor:
            out[-1].old.extend(item.old)
            out[-1].new.extend(item.new)
            continue
        if isinstance(item, _Region) and not item.minor and len(out) >= 2:
            space, previous = out[-1], out[-2]
            if (isinstance(space, str) and not space.strip() and isinstance(previous, _Region)
                    and not previous.minor):
                out.pop()
                previous.old.extend([space, *item.old])
                previous.new.extend([space, *item.new])
                continue
        if isinstance(item, str) and out and isinstance(out[-1], str):
            out[-1] += item
            continue
        out.append(item)
    return out


def _emit(items: list[str | _Region]) -> Iterator[Op]:
    for item in items:
        if isinstance(item, str):
            if item:
                yield Op(OpKind.EQUAL, item)
            continue
        old, new = "".join(item.old), "".join(item.new)
        if old:
            yield Op(OpKind.DELETE, old, minor=item.minor)
        if new:
            yield Op(OpKind.INSERT, new, minor=item.minor)
