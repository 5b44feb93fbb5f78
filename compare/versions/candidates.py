"""Which paragraph pairs the versions engine scores at all (issue 17): near-linear candidate pairs
for the similarity matrices of near anchors and moves, so two long documents are never compared
paragraph by paragraph.

Scoring every pair by `fuzz.ratio` is quadratic: two unrelated 5,000-paragraph documents took 42 s
in `process.cdist` alone. A pair the engine can use scores at least 79.5 (a move, MOVE_THRESHOLD
rounded half up) or 85 (a near anchor or its runner-up), so it shares most of its words in the
same order. Candidates are found by prefix filtering (Chaudhuri, Ganti and Kaushik, "A primitive
operator for similarity joins in data cleaning", ICDE 2006; Bayardo, Ma and Srikant, "Scaling up
all pairs similarity search", WWW 2007): with tokens in one global order, rarest first, two sets
that share at least a fraction f of the larger one share a token among the first
|A| - ceil(f·|A|) + 1 of each. Only those first tokens are indexed, so a paragraph meets only the
few that share one of its rarest tokens, and the shared boilerplate of UN texts ("of the United
Nations") is never used.

Tokens, by length (`fuzz.ratio` ≥ c needs the longer text at most (200 - c) / c times the shorter,
so a pair is in one tier whole, and the tiers overlap by that factor):

- texts longer than SHORT_CHARS: word shingles (two consecutive words, casefolded; each Han or kana
  character is a word), of which a pair must share SHINGLE_OVERLAP. An inserted phrase breaks two
  shingles, a replaced word two; a pair at ratio 80 with its edits scattered over eight words of
  thirty still shares about 45 %.
- texts up to SHORT_CHARS times that factor: every pair scored (in C) up to SHORT_CELLS pairs;
  beyond, character trigrams (of the casefolded text, padded with a space), of which a pair must
  share SHORT_OVERLAP ("colour"/"color": 2 of 4).

A text with no token (punctuation only) is a candidate with every text of its tier. The filter is
a heuristic: a pair scoring above the cutoff whose words nearly all changed (every word respelt)
is not found, and is then aligned by position (the banded programme) rather than as an anchor or
move. benchmarks/candidates_recall.py measures how many pairs of the real corpus it finds.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz, process

# A text this short (a date, a title, "Français") has too few words for shingles.
SHORT_CHARS = 60
GRAM = 3
# The share of the larger token set a pair scoring at the cutoff keeps, with a margin (see above).
SHINGLE_OVERLAP = 0.3
SHORT_OVERLAP = 0.3
# Short texts score fast in C (a pair of 60 characters in well under a microsecond): up to this
# many pairs of them are all scored by cdist, which misses none; above, trigrams pick candidates.
SHORT_CELLS = 16_000_000
# ... of which up to this many are scored a row at a time (process.extract, in C): cdist needs
# numpy, whose import costs 0.1-0.3 s, more than scoring this many short pairs (the 860-paragraph
# pair has a few thousand; a cold compare then never loads numpy).
EXTRACT_CELLS = 1_000_000
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_WORD = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")

Tokens = frozenset[str]


def shingles(text: str) -> Tokens:
    """Pairs of consecutive words of `text`, casefolded (its one word when it has only one)."""
    words = _WORD.findall(text.casefold())
    if len(words) < 2:
        return frozenset(words)
    return frozenset(map(" ".join, zip(words, words[1:], strict=False)))


def trigrams(text: str) -> Tokens:
    """Character trigrams of `text`, casefolded and padded with a space on each side."""
    padded = f" {text.casefold()} "
    return frozenset(padded[k:k + GRAM] for k in range(len(padded) - GRAM + 1))


def similar_pairs(rows: Sequence[str], cols: Sequence[str], cutoff: float) -> dict[tuple[int, int], int]:
    """Every candidate pair (row, column) whose `fuzz.ratio` is at least `cutoff`, with that ratio
    rounded half up (as `process.cdist` rounds into uint8). Pairs not returned scored below the
    cutoff or were never candidates."""
    factor = (200 - cutoff) / cutoff
    out: dict[tuple[int, int], int] = {}
    lengths_r, lengths_c = [len(t) for t in rows], [len(t) for t in cols]
    tiers: tuple[tuple[Callable[[int], bool], Callable[[str], Tokens], float], ...] = (
        (lambda n: n > SHORT_CHARS, shingles, SHINGLE_OVERLAP),
        (lambda n: n <= SHORT_CHARS * factor, trigrams, SHORT_OVERLAP),
    )
    ratio = fuzz.ratio
    for member, tokens, overlap in tiers:
        tier_r = [r for r, n in enumerate(lengths_r) if member(n)]
        tier_c = [c for c, n in enumerate(lengths_c) if member(n)]
        if not tier_r or not tier_c:
            continue
        if tokens is trigrams and len(tier_r) * len(tier_c) <= SHORT_CELLS:
            _score_all([rows[r] for r in tier_r], [cols[c] for c in tier_c], cutoff, tier_r, tier_c, out)
            continue
        # a text repeated (boilerplate paragraphs) is cut into tokens once: the same sets
        made: dict[str, Tokens] = {}
        for r, cands in candidate_pairs([_once(made, tokens, rows[r]) for r in tier_r],
                                        [_once(made, tokens, cols[c]) for c in tier_c], overlap).items():
            row = tier_r[r]
            for k in sorted(cands):
                col = tier_c[k]
                if (row, col) in out:
                    continue
                score = ratio(rows[row], cols[col], score_cutoff=cutoff)
                if score:
                    out[row, col] = int(score + 0.5)
    return out


def _once(made: dict[str, Tokens], tokens: Callable[[str], Tokens], text: str) -> Tokens:
    """`tokens(text)`, remembered in `made` (the 860-paragraph pair's texts left to anchor are
    half repeats: 13 -> 7 ms)."""
    found = made.get(text)
    if found is None:
        found = made[text] = tokens(text)
    return found


def _score_all(rows: list[str], cols: list[str], cutoff: float, row_at: list[int], col_at: list[int],
               out: dict[tuple[int, int], int]) -> None:
    """Every pair of short texts scored in bulk (rounded into uint8 as `process.cdist` does): a
    row at a time by `process.extract` up to EXTRACT_CELLS pairs, by cdist on every core beyond."""
    if len(rows) * len(cols) <= EXTRACT_CELLS:
        extract, ratio = process.extract, fuzz.ratio
        for r, text in enumerate(rows):
            for _col, score, c in extract(text, cols, scorer=ratio, score_cutoff=cutoff, limit=None):
                out.setdefault((row_at[r], col_at[c]), int(score + 0.5))
        return
    import numpy as np

    matrix = process.cdist(rows, cols, scorer=fuzz.ratio, dtype=np.uint8, score_cutoff=cutoff, workers=-1)
    for r, c in zip(*np.nonzero(matrix), strict=True):
        out.setdefault((row_at[int(r)], col_at[int(c)]), int(matrix[r, c]))


def candidate_pairs(rows: Sequence[Tokens], cols: Sequence[Tokens], overlap: float) -> dict[int, set[int]]:
    """For each row, the columns that share a token with it among the first tokens of each
    (prefix filtering, rarest first); a row or column without tokens meets every other."""
    frequency: Counter[str] = Counter()
    for tokens in (*rows, *cols):
        frequency.update(tokens)
    count = frequency.__getitem__

    def prefix(tokens: Tokens) -> list[str]:
        """The rarest tokens, and any as rare as the last of them: ties are kept whole, so the
        prefix does not depend on the order of equal tokens (a set's order varies by run)."""
        size = len(tokens) - math.ceil(overlap * len(tokens)) + 1
        ordered = sorted(tokens, key=count)
        while size < len(ordered) and count(ordered[size]) == count(ordered[size - 1]):
            size += 1
        return ordered[:size]

    # a repeated text's token set (the same set: similar_pairs makes each once) has one prefix
    prefixes: dict[Tokens, list[str]] = {}

    def prefix_of(tokens: Tokens) -> list[str]:
        found = prefixes.get(tokens)
        if found is None:
            found = prefixes[tokens] = prefix(tokens)
        return found

    index: defaultdict[str, list[int]] = defaultdict(list)
    empty_cols = []
    for c, tokens in enumerate(cols):
        if not tokens:
            empty_cols.append(c)
        for token in prefix_of(tokens):
            index[token].append(c)
    out: dict[int, set[int]] = {}
    for r, tokens in enumerate(rows):
        if not tokens:
            out[r] = set(range(len(cols)))
            continue
        found = set(empty_cols)
        for token in prefix_of(tokens):
            found.update(index.get(token, ()))
        if found:
            out[r] = found
    return out
