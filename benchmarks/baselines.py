"""What our steps are measured against: the plain ways of doing the same work.

- `naive_alignment`: Needleman–Wunsch over every (old, new) block pair, scored with rapidfuzz's
  `fuzz.ratio` (the whole n·m similarity matrix, then the full table): what block alignment
  costs without anchors and bands.
- `difflib_word_diffs`: difflib.SequenceMatcher on the words of each changed pair.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

# Gap penalty of the naive alignment, in fuzz.ratio points: a pair scoring under this is worth
# less than leaving both blocks unpaired (the same role as compare.versions.engine.PAIR_THRESHOLD / 2).
GAP = 30


def naive_alignment(old: Sequence[str], new: Sequence[str]) -> list[tuple[int | None, int | None]]:
    """A global alignment maximising the summed similarity minus gap penalties."""
    from rapidfuzz import fuzz, process

    scores = process.cdist(old, new, scorer=fuzz.ratio)
    n, m = len(old), len(new)
    table = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        table[i][0] = -GAP * i
    for j in range(1, m + 1):
        table[0][j] = -GAP * j
    for i in range(1, n + 1):
        row, above, sims = table[i], table[i - 1], scores[i - 1]
        for j in range(1, m + 1):
            row[j] = max(above[j - 1] + float(sims[j - 1]) - 50.0, above[j] - GAP, row[j - 1] - GAP)
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i and j:
        if table[i][j] == table[i - 1][j - 1] + float(scores[i - 1][j - 1]) - 50.0:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif table[i][j] == table[i - 1][j] - GAP:
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    pairs += [(k, None) for k in range(i - 1, -1, -1)] + [(None, k) for k in range(j - 1, -1, -1)]
    return pairs[::-1]


def difflib_word_diffs(pairs: Sequence[tuple[str, str]]) -> int:
    """Opcodes of SequenceMatcher over the words of each pair; returns how many ops were found."""
    count = 0
    for old, new in pairs:
        a, b = re.findall(r"\w+|\W", old), re.findall(r"\w+|\W", new)
        count += sum(1 for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
                     if op[0] != "equal")
    return count
