"""Word-level differences between the old and new text of an aligned pair.

Tokens (compare.text.tokenize) are compared by their keys (compare.text.normalize), mapped to integers, and
diffed with rapidfuzz's Indel opcodes: a longest common subsequence (Myers 1986, "An O(ND)
difference algorithm and its variations"; Hyyrö's bit-parallel LCS in rapidfuzz), in C.

Ops are reported on the real text: joining the EQUAL and DELETE texts gives the old text exactly,
joining the EQUAL and INSERT texts the new text. Runs are merged for reading: all deletions of a
region come before its insertions, and a run of whitespace alone between two edits joins them
(`[-Encourage vivement-]{+Prie instamment+}`, not word by word).

A region whose differences normalisation ignores (quote style, spacing, footnote marks) is
reported as DELETE/INSERT ops with `minor=True`: the texts still rebuild exactly, and a pair whose
ops are all equal or minor is not a difference.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Indel

from compare.model import CompareOptions, Op, OpKind
from compare.text.normalize import tokens_and_keys

# How many distinct text pairs to remember (a long resolution has about a thousand pairs; the GUI
# re-renders the same pairs often).
CACHE_PAIRS = 4096


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
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            for i, j in zip(range(op.src_start, op.src_end), range(op.dest_start, op.dest_end), strict=True):
                if old_tokens[i].text == new_tokens[j].text:
                    items.append(old_tokens[i].text)
                else:
                    items.append(_Region([old_tokens[i].text], [new_tokens[j].text], True))
            continue
        region = _Region()
        for i in range(op.src_start, op.src_end):
            region.old.append(old_tokens[i].text)
            region.minor &= old_keys[i] == ""
        for j in range(op.dest_start, op.dest_end):
            region.new.append(new_tokens[j].text)
            region.minor &= new_keys[j] == ""
        items.append(region)
    return tuple(_emit(_merge(items)))


def _merge(items: list[str | _Region]) -> list[str | _Region]:
    """Adjacent regions become one; whitespace alone between two real edits joins them."""
    out: list[str | _Region] = []
    for item in items:
        if isinstance(item, _Region) and out and isinstance(out[-1], _Region) and out[-1].minor == item.minor:
            out[-1].old.extend(item.old)
            out[-1].new.extend(item.new)
            continue
        if (isinstance(item, _Region) and not item.minor and len(out) >= 2 and isinstance(space := out[-1], str)
                and not space.strip() and isinstance(previous := out[-2], _Region) and not previous.minor):
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
