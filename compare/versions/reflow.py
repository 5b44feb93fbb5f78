"""A table in one file whose cells the other file reads as lines: one change, unchanged.

A table without rules (a signature block set in two columns, a header laid out with a Word table)
is one block in the Word file, a row a line and its cells joined by tabs, but a PDF reader sees
only lines, each taking a line of every cell it crosses ("MERIDIAN CONSULTING GROUP LLC ATLAS
MANUFACTURING" over "CORPORATION"): the same words in another order, no paragraph pairing with
the table. Without this the table is reported removed and every line added.

After the alignment, a lone table block (nothing paired with it) and lone blocks of the other
side next to it in the alignment (nothing between them but other lone blocks) are one bead when
some consecutive run of those blocks holds exactly the table's words, each as many times
(comparison keys, so spacing, quotes and marks are as elsewhere). The bead is reported unchanged,
with the reason; a word more or less on either side and the table stays removed, the lines added.
A right-to-left table's words and its lines' are taken as they print (compare.text.printed: a
cell's "18-A" is the line's "A-18", the same on paper).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from compare.model import CompareOptions
from compare.text.printed import right_to_left, words_as_printed
from compare.versions.beads import Bead
from parsers.model import Block, BlockKind

REFLOWED = "a table in one file, its cells read as lines in the other: the same words"
# The most lone blocks around a table looked at (a table of a page is some dozens of lines).
MAX_RUN = 200


def tables_read_as_lines(beads: list[Bead], old_blocks: Sequence[Block], new_blocks: Sequence[Block],
                         old_keys: Sequence[str], new_keys: Sequence[str], options: CompareOptions | None = None,
                         ) -> tuple[list[Bead], dict[int, str], dict[int, str]]:
    """The beads with each such table and its lines as one bead, and the old and new tables
    so joined, with the reason (as compare.versions.engine.make_change reads set-aside blocks)."""
    aside: tuple[dict[int, str], dict[int, str]] = ({}, {})
    if not any(b.kind is BlockKind.TABLE for b in (*old_blocks, *new_blocks)):
        return beads, *aside
    out = list(beads)
    k = 0
    while k < len(out):
        bead = out[k]
        found = _lines_of_table(out, k, old_blocks, new_blocks, old_keys, new_keys, options)
        if found is None:
            k += 1
            continue
        taken, lines = found
        if bead.olds:
            joined = Bead(bead.olds, lines, 100.0)
            aside[0][bead.olds[0]] = REFLOWED
        else:
            joined = Bead(lines, bead.news, 100.0)
            aside[1][bead.news[0]] = REFLOWED
        first = min(taken | {k})
        out = [b for j, b in enumerate(out) if j not in taken and j != k]
        out.insert(first, joined)
        k = first + 1
    return out, *aside


def _lines_of_table(beads: list[Bead], k: int, old_blocks: Sequence[Block], new_blocks: Sequence[Block],
                    old_keys: Sequence[str], new_keys: Sequence[str],
                    options: CompareOptions | None = None) -> tuple[set[int], tuple[int, ...]] | None:
    """For a lone table bead at `k`: the beads and the other side's blocks that hold its words."""
    bead = beads[k]
    if not _lone(bead):
        return None
    old_side = bool(bead.olds)
    table = bead.olds[0] if old_side else bead.news[0]
    block = (old_blocks if old_side else new_blocks)[table]
    if block.kind is not BlockKind.TABLE:
        return None
    key = (old_keys if old_side else new_keys)[table]
    printed = right_to_left(block.text)
    words = Counter(words_as_printed(block.text, options) if printed and key else key.split())
    if not words:
        return None
    other_blocks = new_blocks if old_side else old_blocks
    other_keys = new_keys if old_side else old_keys

    def words_of(q: int) -> list[str]:
        """A block's words (none for a block set aside, whose key is empty)."""
        if printed and other_keys[q]:
            return list(words_as_printed(other_blocks[q].text, options))
        return other_keys[q].split()

    # the lone beads around the table, then the other side's among them, in order
    start, end = k, k + 1
    while start > 0 and k - start < MAX_RUN and _lone(beads[start - 1]):
        start -= 1
    while end < len(beads) and end - k < MAX_RUN and _lone(beads[end]):
        end += 1
    run = [(j, (beads[j].news if old_side else beads[j].olds)[0]) for j in range(start, end)
           if j != k and (beads[j].news if old_side else beads[j].olds)]
    for a in range(len(run)):
        seen: Counter[str] = Counter()
        for b in range(a, len(run)):
            seen.update(words_of(run[b][1]))
            if seen == words:
                return {j for j, _ in run[a:b + 1]}, tuple(q for _, q in run[a:b + 1])
            if any(seen[w] > words[w] for w in seen):
                break
    return None


def _lone(bead: Bead) -> bool:
    """One block on one side, nothing paired with it."""
    return len(bead.olds) + len(bead.news) == 1 and not bead.moved
