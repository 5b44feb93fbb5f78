"""Compare two versions of a document: align their blocks, diff aligned pairs word by word, and
classify each change (added, removed, modified, moved, renumbered, unchanged; commitments).

The pipeline reads top to bottom (`iter_compare`):

1. normalise: each body block gets a comparison key (compare.text.normalize): whitespace, quote
   styles, dashes and footnote marks are not differences unless CompareOptions says so, and the
   printed number is not part of the text. A block that is only the document symbol, which the
   other file carries as a running header instead, or a rule typed as underscores that the other
   file holds as page furniture, is set aside (reported unchanged, with the reason); after the
   alignment, so is a block paired with nothing whose text the other file's reader set aside as
   a running header or footer (a Word file's first-page header, printed once in its PDF).
2. anchors: keys that occur exactly once on each side pair up (the unique lines of patience
   diff, Bram Cohen 2005); then near-identical blocks that are each other's best match by
   `fuzz.ratio`, scored over candidate pairs only (compare.versions.candidates: pairs sharing
   rare word shingles), never all pairs. Only anchors in increasing
   order on both sides are kept (longest increasing subsequence, patience sorting,
   O(k log k)); the others are out of order, hence moves, and are reserved for step 5.
3. banded dynamic programme between consecutive anchors: in each gap a monotone alignment that
   maximises the total similarity of pairs at least PAIR_THRESHOLD similar (LONE_PAIR_THRESHOLD
   for one block alone between two anchors on each side) (a Needleman–Wunsch
   style table restricted to a band around the gap's diagonal, as in Myers' O(ND) diff, whose
   band is the edit distance); unmatched blocks are removed or added.
4. splits and merges: one old block whose text is (nearly) 2–3 consecutive new blocks joined
   becomes one change (and the reverse). Done before moves so the second half of a split is
   never taken for a moved paragraph.
5. moves: a removed block whose text (exactly or nearly, MOVE_THRESHOLD) is an added block
   elsewhere becomes one change `moved`, placed where the new block stands, with ops if edited.
   Then the relatedness floor: two operative paragraphs paired whose verbs and openings are
   unrelated (compare.commitments.same_commitment) are removed + added instead.
6. word diffs (compare.versions.wordiff) for every pair, cached by text pair.
7. classification: kinds, then commitments (compare.commitments) for modified, moved, added and
   removed blocks. Before it, a lone table whose words are exactly those of lone blocks next to
   it on the other side (a table without rules that a PDF reader read as lines) is one change,
   unchanged (compare.versions.reflow).

Footnotes (Document.footnotes, as blocks of kind `footnote` labelled FN3: compare.model.
footnote_blocks) go through steps 2-7 among themselves, unless CompareOptions.ignore_footnotes;
their changes follow the body's.

Complexity: normalising and anchoring are linear in the text plus the candidate pairs among the
blocks left after exact anchors (near-linear: each block meets those sharing one of its rarest
word shingles; moves likewise); the dynamic programme costs
n·(2·BAND + |n − m|) per gap, at most about GAP_CELLS, so near-linear for real revisions where
most paragraphs anchor, and bounded for unrelated documents.

Representation of splits and merges: `Change.olds`/`Change.news` hold every block of the bead
(one old and two new for a split). The JSON (compare.reports.text) keeps the contract's single
`old`/`new` objects: the first block's index, kind and number, with the texts joined by a
newline (JOINER), plus `"split": true, "new_indexes": [..]` or `"merged": true,
"old_indexes": [..]`. The ops rebuild the joined texts; the newline shows as a minor op.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Generator, Mapping, Sequence
from dataclasses import replace

from rapidfuzz import fuzz, process

from compare.chain import longest_chain
from compare.citation import cite_blocks
from compare.commitment_lexicon import lexicon
from compare.commitments import classify_change, same_commitment
from compare.model import JOINER as JOINER
from compare.model import (
    Change,
    ChangeKind,
    CompareOptions,
    Comparison,
    Op,
    OpKind,
    footnote_blocks,
    joined_text,
)
from compare.progress import Progress, Stage, run
from compare.text.normalize import key_text, normalize_number
from compare.text.printed import print_alike
from compare.versions.beads import Bead as Bead
from compare.versions.candidates import similar_pairs
from compare.versions.reflow import tables_read_as_lines
from compare.versions.related import RELATED_CELLS, RELATED_THRESHOLD, different_documents
from compare.versions.wordiff import diff_words, is_difference
from parsers.model import RULE_LINE, Block, Document

# Near-identical anchors: a light edit of a 200-character paragraph (a word or two) keeps
# fuzz.ratio above 90; unrelated UN paragraphs, which share much vocabulary, stay below 60.
ANCHOR_NEAR = 90
# A near anchor must beat the runner-up by this much, on its row and its column: repeated
# boilerplate ("Décide de rester saisie de la question") must not anchor at random.
ANCHOR_MARGIN = 5
# Inside a gap (positionally supported) a pair this similar is the same paragraph edited: an
# operative paragraph whose verb and a clause changed is still around 70–85.
PAIR_THRESHOLD = 60
# One block alone between two anchors on both sides is the same block edited unless the texts
# are unrelated: short lines ("13 April 2018" / "16 May 2018": 58) score lower than paragraphs,
# and unrelated texts share letters up to about 40.
LONE_PAIR_THRESHOLD = 50
# A move has no positional support, so it needs more textual evidence.
MOVE_THRESHOLD = 80
# A split or merge is accepted when the joined text is this similar to the other side, and better
# than the plain pairing by SPLIT_GAIN points.
SPLIT_THRESHOLD = 90
SPLIT_GAIN = 5
# A split that is also edited ("13 avril 2018 Français" -> "16 mai 2018" + "Français": 86 joined,
# 55 paired) needs to beat the plain pairing by far.
SPLIT_EDITED_THRESHOLD = 80
SPLIT_EDITED_GAIN = 20
# A paragraph split into at most this many (PDF layouts split title-block lines in three).
SPLIT_PARTS = 3
# Half-width of the DP band beyond the difference in gap sizes: real revisions add or remove a
# few paragraphs between anchors, rarely more than a handful in a row.
BAND = 8
# A gap whose band would have more cells than this (both sides long, and of very different
# lengths: unrelated documents, a long section inserted beside a long one removed) has its band
# narrowed to this many cells: a 500-paragraph gap against a 2,000 one took 9 s (1.5 million
# cells) and grows with the square. Pairs outside the narrowed band are left to the moves.
GAP_CELLS = 400_000
# Rows of the DP band whose similarities one cdist call computes.
BAND_ROWS = 64
# Texts of a split/merge are joined with JOINER: it and joined_text live in compare.model (a report
# needs no engine) and are imported above, so compare.versions.engine.JOINER still works.

# Scores below this cannot make or block a near anchor (a row's best needs ANCHOR_NEAR and a
# runner-up at least ANCHOR_MARGIN lower, likewise in its column): cdist may report them as 0,
# which lets it skip most pairs by their lengths alone.
NEAR_CUTOFF = ANCHOR_NEAR - ANCHOR_MARGIN
# Similarity matrices up to this many cells are computed by fuzz.ratio in a loop (about 7 µs a
# cell, measured) rather than by cdist, which needs numpy: importing numpy costs 0.1-0.3 s, the
# loop over 10,000 cells less, and a real revision's matrices are far smaller (the 860-paragraph
# pair needs none above a few hundred cells), so the second look at a pair never imports numpy.
LOOP_CELLS = 10_000
# fuzz.ratio costs about len(a) x len(b) / 64 steps: two 500 kB paragraphs took 15 s and two 2 MB
# ones minutes (issue 17). A text longer than this is scored on its first and last halves of it
# (similarity only decides which paragraphs pair up; the word diff still reads the whole texts).
RATIO_CHARS = 20_000


def bounded(text: str) -> str:
    """`text`, or its first and last RATIO_CHARS / 2 characters when it is longer."""
    if len(text) <= RATIO_CHARS:
        return text
    half = RATIO_CHARS // 2
    return text[:half] + text[-half:]


def compare_documents(old: Document, new: Document, options: CompareOptions | None = None) -> Comparison:
    """Synchronous wrapper around `iter_compare` (CLI, tests)."""
    return run(iter_compare(old, new, options or CompareOptions()))


def iter_compare(old: Document, new: Document,
                 options: CompareOptions | None = None) -> Generator[Progress, None, Comparison]:
    """Compare `old` and `new`, yielding Progress; returns the Comparison."""
    options = options or CompareOptions()
    old_blocks, new_blocks = old.body(), new.body()
    old_notes, new_notes = ((), ()) if options.ignore_footnotes else (footnote_blocks(old), footnote_blocks(new))
    total = len(old_blocks) + len(new_blocks) + len(old_notes) + len(new_notes)
    yield Progress(Stage.NORMALISE, 0, total)
    # most paragraphs of two versions are the same text: each distinct text is normalised once
    known: dict[tuple[str, tuple[str, ...]], str] = {}
    old_keys = [_key(b, options, known) for b in old_blocks]
    new_keys = [_key(b, options, known) for b in new_blocks]
    furniture = (_set_aside(old_blocks, old_keys, new, new_keys, options),
                 _set_aside(new_blocks, new_keys, old, old_keys, options))
    old_keys = ["" if p in furniture[0] else k for p, k in enumerate(old_keys)]
    new_keys = ["" if q in furniture[1] else k for q, k in enumerate(new_keys)]
    yield Progress(Stage.ANCHORS, 0, total)
    language = old.language or new.language
    beads = unpair_new_commitments(align_keys(old_keys, new_keys), old_blocks, new_blocks, language)
    beads, old_tables, new_tables = tables_read_as_lines(beads, old_blocks, new_blocks, old_keys, new_keys, options)
    running = (running_lines(old_keys, new, new_keys, options), running_lines(new_keys, old, old_keys, options))
    lone = _lone(beads)
    furniture = ({**furniture[0], **old_tables, **{p: why for p, why in running[0].items() if p in lone[0]}},
                 {**furniture[1], **new_tables, **{q: why for q, why in running[1].items() if q in lone[1]}})
    yield Progress(Stage.ALIGN, 0, total)
    # Footnotes are aligned among themselves (a footnote never pairs with a body paragraph) and
    # reported after the body, in the new document's order.
    note_beads = pair_same_marks(align_keys([key_text(b.text, options) for b in old_notes],
                                            [key_text(b.text, options) for b in new_notes]),
                                 old_notes, new_notes) if old_notes or new_notes else []
    changes = []
    work = [(b, old_blocks, new_blocks, furniture) for b in beads] + \
        [(b, old_notes, new_notes, ({}, {})) for b in note_beads]
    for k, (bead, olds, news, aside) in enumerate(work):
        if k % 50 == 0:
            yield Progress(Stage.WORD_DIFFS, k, len(work))
        change = make_change(bead, olds, news, options, aside)
        changes.append(classify_change(change, language))
    yield Progress(Stage.WORD_DIFFS, len(work), len(work))
    return Comparison(old=old, new=new, changes=tuple(changes), options=options)


def prepare(doc: Document, options: CompareOptions, waiting: Callable[[], bool]) -> None:
    """Fill the caches `iter_compare` reads with what it will compute for `doc` alone, while
    `waiting()` (the other document of the pair still being read): the keys of its blocks and
    footnotes (compare.text.normalize caches them by text), then the commitment lexicon of its
    language. The comparison is the same whether this ran, stopped early or not at all; the
    command line runs it in the time one core idles between the end of one parse and the other's."""
    notes = () if options.ignore_footnotes else footnote_blocks(doc)
    for block in doc.body():
        if not waiting():
            return
        key_text(block.text, options, block.footnote_marks)  # as _key
    for note in notes:
        if not waiting():
            return
        key_text(note.text, options)  # as iter_compare's footnote keys
    if doc.language and waiting():  # the pair's language when the other is the same or unknown
        lexicon(doc.language)


def _key(block: Block, options: CompareOptions, known: dict[tuple[str, tuple[str, ...]], str]) -> str:
    """key_text of `block`, from `known` when a block with the same text and marks had it."""
    at = (block.text, block.footnote_marks)
    if at not in known:
        known[at] = key_text(block.text, options, block.footnote_marks)
    return known[at]


def align_keys(old_keys: Sequence[str], new_keys: Sequence[str]) -> list[Bead]:
    """Beads of two sequences of comparison keys: anchors, the banded programme between them,
    splits and merges, then moves (steps 2-5 above)."""
    anchors, reserved_old, reserved_new = find_anchors(old_keys, new_keys)
    beads = align_between_anchors(old_keys, new_keys, anchors, reserved_old, reserved_new)
    beads = join_splits_and_merges(beads, old_keys, new_keys)
    beads = find_moves(beads, old_keys, new_keys)
    paired_in_order = sum(len(b.olds) for b in beads if b.olds and b.news and not b.moved)
    lone = sum(1 for b in beads if b.olds and not b.news) * sum(1 for b in beads if b.news and not b.olds)
    if different_documents(paired_in_order, sum(1 for key in old_keys if key)) and lone <= RELATED_CELLS:
        # two documents years apart, not revisions: pair what is left by text alone (compare.versions.related)
        beads = find_moves(beads, old_keys, new_keys, RELATED_THRESHOLD)
    return beads


# Why a block is set aside: the other file holds its text as page furniture.
SYMBOL_ASIDE = "document symbol: a running header in the other file, not a body block"
RUNNING_ASIDE = {"running header": "a running header in the other file, not a body block",
                 "running footer": "a running footer in the other file, not a body block"}
# ... or a rule line (a row of underscores) that the other file sets aside as a footnote separator.
RULE_ASIDE = "a rule line, set aside as page furniture in the other file"
# Why paired blocks whose words differ are unchanged: right-to-left text printed alike (compare.text.printed).
PRINTED_ALIKE = "Latin words or figures in another order that prints the same in right-to-left text"


def _set_aside(blocks: Sequence[Block], keys: Sequence[str], other: Document, other_keys: Sequence[str],
               options: CompareOptions) -> dict[int, str]:
    """The blocks set aside before the alignment, with why: the masthead symbol
    (masthead_symbols) and the rule lines the other file holds as furniture (rule_lines). The
    running headers and footers of the other file (running_lines) are set aside after it, when
    nothing paired with them."""
    aside = dict.fromkeys(rule_lines(blocks, other), RULE_ASIDE)
    aside.update(dict.fromkeys(masthead_symbols(blocks, keys, other), SYMBOL_ASIDE))
    return aside


def _lone(beads: Sequence[Bead]) -> tuple[set[int], set[int]]:
    """The old and new blocks that the alignment paired with nothing."""
    return ({p for b in beads if not b.news for p in b.olds}, {q for b in beads if not b.olds for q in b.news})


def rule_lines(blocks: Sequence[Block], other: Document) -> list[int]:
    """Blocks that are only a rule typed as underscores ("___________", the line that ends a UN
    text, or a Word file's own footnote separator), when the other file set such a line aside as
    page furniture and holds none in its body: a PDF reader removes them wherever they stand."""
    if not any(RULE_LINE.fullmatch(item.text) for item in other.furniture) or \
            any(RULE_LINE.fullmatch(b.text) for b in other.body()):
        return []
    return [p for p, block in enumerate(blocks) if RULE_LINE.fullmatch(block.text)]


def running_lines(keys: Sequence[str], other: Document, other_keys: Sequence[str],
                  options: CompareOptions) -> dict[int, str]:
    """Blocks whose text the other file's reader set aside as a running header or footer and
    does not hold in its body: one reader kept a line of page furniture that the other removed.
    A Word file's first-page header is the case: its PDF prints it once, on the first page, so no
    PDF reader can tell it from the text below it. Matched by comparison key, whole; set aside
    only when the alignment paired them with nothing (a title that is also the running title
    stays paired with the other file's title)."""
    running = {key_text(item.text, options): item.why for item in other.furniture if item.why in RUNNING_ASIDE}
    running.pop("", None)
    if not running:
        return {}
    body = set(other_keys)
    return {p: RUNNING_ASIDE[running[k]] for p, k in enumerate(keys) if k in running and k not in body}


def masthead_symbols(blocks: Sequence[Block], keys: Sequence[str], other: Document) -> frozenset[int]:
    """Blocks that are only the document symbol which the other file carries as a running header
    (Document.symbol) and not in its body: one reader kept the masthead line, the other did not.
    They are compared with the other file's symbol, not aligned."""
    symbol = (other.symbol or "").casefold()
    if not symbol or any(_folds_to(b.text, symbol) for b in other.body()):
        return frozenset()
    return frozenset(p for p, k in enumerate(keys) if _folds_to(k, symbol))


def _folds_to(text: str, folded: str) -> bool:
    """`text.strip().casefold() == folded`, without folding a text longer than `folded`:
    casefold never shortens a text (each character folds to one or more). Both sides' blocks and
    keys are tested: 7.5 ms of a compare of the long pair when each was folded, 1.2 ms now."""
    text = text.strip()
    return len(text) <= len(folded) and text.casefold() == folded


# --- anchors ------------------------------------------------------------------------------------


Anchor = tuple[int, int, float]


def find_anchors(old_keys: Sequence[str], new_keys: Sequence[str],
                 ) -> tuple[list[Anchor], frozenset[int], frozenset[int]]:
    """Anchors (i, j, similarity) in increasing order on both sides, and the old and new
    positions of unique matches that were out of order (reserved for moves)."""
    old_count, new_count = Counter(old_keys), Counter(new_keys)
    new_at = {k: j for j, k in enumerate(new_keys) if new_count[k] == 1}
    pairs = [(i, new_at[k], 100.0) for i, k in enumerate(old_keys)
             if k and old_count[k] == 1 and k in new_at]
    taken_old = {i for i, _j, _s in pairs}
    taken_new = {j for _i, j, _s in pairs}
    rest_old = [i for i, k in enumerate(old_keys) if i not in taken_old and k]
    rest_new = [j for j, k in enumerate(new_keys) if j not in taken_new and k]
    pairs += near_pairs([old_keys[i] for i in rest_old], [new_keys[j] for j in rest_new],
                        rest_old, rest_new)
    pairs.sort()
    kept = longest_chain(pairs, _old_and_new)
    kept_set = set(kept)
    reserved_old = frozenset(i for i, j, s in pairs if (i, j, s) not in kept_set)
    reserved_new = frozenset(j for i, j, s in pairs if (i, j, s) not in kept_set)
    return kept, reserved_old, reserved_new


def _old_and_new(pair: tuple[int, int, float]) -> tuple[int, int]:
    return pair[0], pair[1]


def near_pairs(old_texts: Sequence[str], new_texts: Sequence[str],
               old_pos: Sequence[int], new_pos: Sequence[int]) -> list[tuple[int, int, float]]:
    """Mutual best matches by fuzz.ratio ≥ ANCHOR_NEAR with a clear margin: over the whole matrix
    when it is small, over the candidate pairs (compare.versions.candidates) otherwise."""
    if not old_texts or not new_texts:
        return []
    if len(old_texts) * len(new_texts) <= LOOP_CELLS:
        return _near_pairs_small(ratios(old_texts, new_texts), old_pos, new_pos)
    scores = similar_pairs([bounded(t) for t in old_texts], [bounded(t) for t in new_texts], NEAR_CUTOFF)
    return _near_pairs_sparse(scores, old_pos, new_pos)


def _near_pairs_sparse(scores: dict[tuple[int, int], int], old_pos: Sequence[int],
                       new_pos: Sequence[int]) -> list[tuple[int, int, float]]:
    """`near_pairs` on the scores at or above NEAR_CUTOFF (the others count as 0, as cdist with
    that cutoff reports them): the same rule as `_near_pairs_small`."""
    row_top: dict[int, list[int]] = {}
    col_top: dict[int, list[int]] = {}
    for (r, c), s in scores.items():
        for top in (row_top.setdefault(r, [0, 0]), col_top.setdefault(c, [0, 0])):
            if s > top[0]:
                top[0], top[1] = s, top[0]
            elif s > top[1]:
                top[1] = s
    out = []
    for (r, c), s in sorted(scores.items()):
        if s >= ANCHOR_NEAR and s == row_top[r][0] and s == col_top[c][0] \
                and s - row_top[r][1] >= ANCHOR_MARGIN and s - col_top[c][1] >= ANCHOR_MARGIN:
            out.append((old_pos[r], new_pos[c], float(s)))
    return out


def _near_pairs_small(scores: list[list[int]], old_pos: Sequence[int],
                      new_pos: Sequence[int]) -> list[tuple[int, int, float]]:
    """`near_pairs` on a small matrix in plain Python: the same rule, the same result."""
    width = len(scores[0])
    col_top, col_second, col_arg = [0] * width, [0] * width, [0] * width
    for r, row in enumerate(scores):
        for c, s in enumerate(row):
            if s > col_top[c]:
                col_top[c], col_second[c], col_arg[c] = s, col_top[c], r
            elif s > col_second[c]:
                col_second[c] = s
    out = []
    for r, row in enumerate(scores):
        top = max(row)
        second = sorted(row)[-2] if width > 1 else 0
        if top < ANCHOR_NEAR or top - second < ANCHOR_MARGIN:
            continue
        c = row.index(top)
        if col_arg[c] == r and col_top[c] - col_second[c] >= ANCHOR_MARGIN:
            out.append((old_pos[r], new_pos[c], float(top)))
    return out


def ratios(rows: Sequence[str], cols: Sequence[str]) -> list[list[int]]:
    """fuzz.ratio of every row text against every column text, rounded as cdist rounds into
    uint8 (half up): in a loop for small matrices (LOOP_CELLS), by cdist otherwise."""
    rows, cols = [bounded(t) for t in rows], [bounded(t) for t in cols]
    if len(rows) * len(cols) <= LOOP_CELLS:
        ratio = fuzz.ratio
        return [[int(ratio(a, b) + 0.5) for b in cols] for a in rows]
    import numpy as np

    matrix: list[list[int]] = process.cdist(rows, cols, scorer=fuzz.ratio, dtype=np.uint8).tolist()
    return matrix


# --- the banded dynamic programme ---------------------------------------------------------------


def align_between_anchors(old_keys: Sequence[str], new_keys: Sequence[str], anchors: Sequence[Anchor],
                          reserved_old: frozenset[int] = frozenset(),
                          reserved_new: frozenset[int] = frozenset()) -> list[Bead]:
    """Beads in order: each anchor a pair, each gap aligned by `align_gap`."""
    beads: list[Bead] = []
    i0 = j0 = 0
    for i, j, score in [*anchors, (len(old_keys), len(new_keys), -1.0)]:
        olds = [p for p in range(i0, i) if p not in reserved_old]
        news = [q for q in range(j0, j) if q not in reserved_new]
        gap = align_gap(olds, news, old_keys, new_keys)
        gap += [Bead((p,), ()) for p in range(i0, i) if p in reserved_old]
        for q in (q for q in range(j0, j) if q in reserved_new):  # keep the new document's order
            at = next((k for k, b in enumerate(gap) if b.news and b.news[0] > q), len(gap))
            gap.insert(at, Bead((), (q,)))
        beads += gap
        if score >= 0:
            beads.append(Bead((i,), (j,), score))
        i0, j0 = i + 1, j + 1
    return beads


def align_gap(olds: list[int], news: list[int], old_keys: Sequence[str], new_keys: Sequence[str]) -> list[Bead]:
    """Monotone alignment of one gap maximising Σ(similarity − PAIR_THRESHOLD) over pairs at or
    above PAIR_THRESHOLD, within a band of half-width BAND + |n − m| around the diagonal
    (narrowed to about GAP_CELLS cells in all)."""
    n, m = len(olds), len(news)
    if not n or not m:
        return [Bead((p,), ()) for p in olds] + [Bead((), (q,)) for q in news]
    # the band must hold the whole skew of the gap, but its cells cost a similarity and a Python
    # step each: a wide gap gets GAP_CELLS at most (and always enough to join the two corners)
    width = min(BAND + abs(n - m), max(BAND, GAP_CELLS // (2 * n), m // n + 1))
    threshold = LONE_PAIR_THRESHOLD if n == m == 1 else PAIR_THRESHOLD

    bands = [(max(0, i * m // n - width), min(m, i * m // n + width)) for i in range(n + 1)]
    sims = _band_similarities(olds, news, old_keys, new_keys, bands)
    neg = float("-inf")
    # Row i holds columns bands[i][0]..bands[i][1]; outside the band a cell is unreachable.
    score: list[list[float]] = []
    step: list[list[int]] = []  # 1: pair, 2: old removed, 3: new added

    def at(i: int, j: int) -> float:
        lo, hi = bands[i]
        return score[i][j - lo] if lo <= j <= hi else neg

    for i in range(n + 1):
        lo, hi = bands[i]
        row, how_row = [neg] * (hi - lo + 1), [0] * (hi - lo + 1)
        score.append(row)
        step.append(how_row)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best, how = neg, 0
            if i and j:
                s = sims.get((i - 1, j - 1), 0)
                diagonal = at(i - 1, j - 1)
                if s >= threshold and diagonal > neg:
                    best, how = diagonal + s - threshold + 1, 1
            if i and at(i - 1, j) > best:
                best, how = at(i - 1, j), 2
            if j and j - 1 >= lo and row[j - 1 - lo] > best:
                best, how = row[j - 1 - lo], 3
            row[j - lo], how_row[j - lo] = best, how
    out: list[Bead] = []
    i, j = n, m
    while i or j:
        how = step[i][j - bands[i][0]]
        if how == 1:
            out.append(Bead((olds[i - 1],), (news[j - 1],), float(sims[i - 1, j - 1])))
            i, j = i - 1, j - 1
        elif how == 2:
            out.append(Bead((olds[i - 1],), ()))
            i -= 1
        else:
            out.append(Bead((), (news[j - 1],)))
            j -= 1
    return out[::-1]


def _band_similarities(olds: list[int], news: list[int], old_keys: Sequence[str], new_keys: Sequence[str],
                       bands: list[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """fuzz.ratio of old row i and new column j for the cells in the band, by bulk cdist over
    chunks of BAND_ROWS rows and the columns their bands span."""
    out: dict[tuple[int, int], int] = {}
    n = len(olds)
    for start in range(0, n, BAND_ROWS):
        rows = range(start, min(n, start + BAND_ROWS))
        lo, hi = max(0, bands[start][0] - 1), min(len(news), bands[rows[-1] + 1][1])
        block = ratios([old_keys[olds[i]] for i in rows], [new_keys[q] for q in news[lo:hi]])
        for r, i in enumerate(rows):
            for c in range(hi - lo):
                out[i, lo + c] = block[r][c]
    return out


# --- splits, merges, moves ----------------------------------------------------------------------


def join_splits_and_merges(beads: list[Bead], old_keys: Sequence[str], new_keys: Sequence[str]) -> list[Bead]:
    """Replace up to SPLIT_PARTS + 1 neighbouring beads by one split (1 old, 2 or 3 consecutive
    new) or merge (the reverse) when the joined text matches clearly better."""
    out: list[Bead] = []
    k = 0
    while k < len(beads):
        best: tuple[float, int, Bead] | None = None
        for size in range(2, SPLIT_PARTS + 2):
            window = beads[k:k + size]
            if len(window) < size:
                break
            candidate = _joined(window, old_keys, new_keys)
            if candidate is None:
                continue
            plain = max((b.similarity for b in window if b.olds and b.news), default=0.0)
            clear = candidate.similarity >= SPLIT_THRESHOLD and candidate.similarity >= plain + SPLIT_GAIN
            edited = candidate.similarity >= SPLIT_EDITED_THRESHOLD and candidate.similarity >= plain + SPLIT_EDITED_GAIN
            if (clear or edited) and (best is None or candidate.similarity > best[0]):
                best = (candidate.similarity, size, candidate)
        if best is None:
            out.append(beads[k])
            k += 1
        else:
            out.append(best[2])
            k += best[1]
    return out


def _joined(window: list[Bead], old_keys: Sequence[str], new_keys: Sequence[str]) -> Bead | None:
    if any(b.moved for b in window):
        return None
    # most windows hold two pairs or more: told by the counts, before sorting (2.6k windows of
    # the 860-paragraph pair, 10 ms)
    old_count, new_count = sum(len(b.olds) for b in window), sum(len(b.news) for b in window)
    if min(old_count, new_count) != 1 or not 2 <= max(old_count, new_count) <= SPLIT_PARTS:
        return None
    olds = tuple(sorted(p for b in window for p in b.olds))
    news = tuple(sorted(q for b in window for q in b.news))
    if min(len(olds), len(news)) != 1 or not 2 <= max(len(olds), len(news)) <= SPLIT_PARTS or olds[-1] - olds[0] != len(olds) - 1 \
            or news[-1] - news[0] != len(news) - 1:
        return None
    old_text = " ".join(old_keys[p] for p in olds)
    new_text = " ".join(new_keys[q] for q in news)
    return Bead(olds, news, float(fuzz.ratio(bounded(old_text), bounded(new_text))))


def find_moves(beads: list[Bead], old_keys: Sequence[str], new_keys: Sequence[str],
               threshold: float = MOVE_THRESHOLD) -> list[Bead]:
    """Pair removed and added blocks whose texts match (best first, ≥ `threshold`); each pair
    becomes one moved bead where the added block stood."""
    removed = [k for k, b in enumerate(beads) if len(b.olds) == 1 and not b.news and old_keys[b.olds[0]]]
    added = [k for k, b in enumerate(beads) if len(b.news) == 1 and not b.olds and new_keys[b.news[0]]]
    if not removed or not added:
        return beads
    scores = _move_scores([old_keys[beads[k].olds[0]] for k in removed], [new_keys[beads[k].news[0]] for k in added],
                          threshold)
    candidates = sorted(sorted(scores), key=lambda rc: -scores[rc])
    drop: set[int] = set()
    out = list(beads)
    used_cols: set[int] = set()
    for r, c in candidates:
        if removed[r] in drop or c in used_cols:
            continue
        drop.add(removed[r])
        used_cols.add(c)
        out[added[c]] = Bead(beads[removed[r]].olds, beads[added[c]].news, float(scores[r, c]), moved=True)
    return [b for k, b in enumerate(out) if k not in drop]


def _move_scores(rows: Sequence[str], cols: Sequence[str],
                 threshold: float = MOVE_THRESHOLD) -> dict[tuple[int, int], int]:
    """Pairs (row, column) scoring at least `threshold` (rounded half up): every pair of a small
    matrix, the candidate pairs (compare.versions.candidates) of a large one."""
    if len(rows) * len(cols) <= LOOP_CELLS:
        return {(r, c): s for r, row in enumerate(ratios(rows, cols)) for c, s in enumerate(row) if s >= threshold}
    scores = similar_pairs([bounded(t) for t in rows], [bounded(t) for t in cols], threshold - 0.5)
    return {rc: s for rc, s in scores.items() if s >= threshold}


def unpair_new_commitments(beads: list[Bead], old_blocks: Sequence[Block], new_blocks: Sequence[Block],
                           language: str | None) -> list[Bead]:
    """The relatedness floor for commitments: a pair of operative paragraphs that are not the same
    commitment (compare.commitments.same_commitment: another verb asking for something else) is
    the old one removed and a new one added, not one paragraph "strengthened". A pair at least
    ANCHOR_NEAR similar (a long paragraph whose opening alone was rewritten) is never split."""
    out: list[Bead] = []
    for bead in beads:
        if len(bead.olds) == 1 and len(bead.news) == 1 and bead.similarity < ANCHOR_NEAR and not same_commitment(
                old_blocks[bead.olds[0]], new_blocks[bead.news[0]], language):
            out += [Bead(bead.olds, ()), Bead((), bead.news)]
        else:
            out.append(bead)
    return out


def pair_same_marks(beads: list[Bead], old_notes: Sequence[Block], new_notes: Sequence[Block]) -> list[Bead]:
    """A footnote removed and one added with the same mark are the same footnote rewritten (or
    emptied): one bead, where the new one stands. Footnotes are cited by their marks, so a
    rewrite that shares no words is still FN1 -> FN1, not FN1 removed and FN1 added."""
    added = {new_notes[b.news[0]].number: k for k, b in enumerate(beads)
             if len(b.news) == 1 and not b.olds and new_notes[b.news[0]].number}
    out = list(beads)
    drop: set[int] = set()
    for k, bead in enumerate(beads):
        if len(bead.olds) != 1 or bead.news:
            continue
        at = added.pop(old_notes[bead.olds[0]].number or "", None)
        if at is None:
            continue
        old_key, new_key = old_notes[bead.olds[0]].text, new_notes[beads[at].news[0]].text
        out[at] = Bead(bead.olds, beads[at].news, float(fuzz.ratio(old_key, new_key)))
        drop.add(k)
    return [b for k, b in enumerate(out) if k not in drop]


# --- changes ------------------------------------------------------------------------------------


def make_change(bead: Bead, old_blocks: Sequence[Block], new_blocks: Sequence[Block],
                options: CompareOptions, furniture: tuple[Mapping[int, str], Mapping[int, str]] = ({}, {}),
                ) -> Change:
    """The change of one bead: its kind and word ops (commitments come after). `furniture`: the
    old and new blocks set aside (the other file holds them as page furniture), with why."""
    olds = tuple(old_blocks[p] for p in bead.olds)
    news = tuple(new_blocks[q] for q in bead.news)
    similarity = bead.similarity / 100
    why = [furniture[0][p] for p in bead.olds if p in furniture[0]] + \
        [furniture[1][q] for q in bead.news if q in furniture[1]]
    if why:
        kind_ops = ((Op(OpKind.DELETE, joined_text(olds), minor=True),) if olds else ()) + \
            ((Op(OpKind.INSERT, joined_text(news), minor=True),) if news else ())
        return Change(ChangeKind.UNCHANGED, olds=olds, news=news, ops=kind_ops, similarity=1.0,
                      reasons=(why[0],))
    if not news:
        return Change(ChangeKind.REMOVED, olds=olds, ops=(Op(OpKind.DELETE, joined_text(olds)),), similarity=0.0)
    if not olds:
        return Change(ChangeKind.ADDED, news=news, ops=(Op(OpKind.INSERT, joined_text(news)),), similarity=0.0)
    marks_old = tuple(m for b in olds for m in b.footnote_marks)
    marks_new = tuple(m for b in news for m in b.footnote_marks)
    old_text, new_text = joined_text(olds), joined_text(news)
    ops = diff_words(old_text, new_text, options, marks_old, marks_new)
    # right-to-left text whose differing words print in the same order: what a reader sees is the same
    alike = is_difference(ops) and print_alike(old_text, new_text, options)
    if alike:
        ops = tuple(replace(op, minor=True) if op.kind is not OpKind.EQUAL else op for op in ops)
    reasons: tuple[str, ...] = ()
    if options.count_footnote_marks and marks_old != marks_new:
        reasons = (f"footnote marks {', '.join(marks_old) or 'none'} -> {', '.join(marks_new) or 'none'}",)
    if len(olds) > 1 or len(news) > 1:
        # Same words, same numbers: only the paragraphing differs, as between a PDF's layout and
        # the Word file it came from. Numbered paragraphs split or merged are a real change.
        same = not is_difference(ops) and [b.number for b in olds if b.number] == [
            b.number for b in news if b.number]
        kind = ChangeKind.UNCHANGED if same else ChangeKind.MODIFIED
        reasons += (_split_reason(olds, news),)
    elif bead.moved:
        kind = ChangeKind.MOVED
    elif is_difference(ops) or reasons:
        kind = ChangeKind.MODIFIED
    elif normalize_number(olds[0].number) != normalize_number(news[0].number) and not options.ignore_numbering:
        kind = ChangeKind.RENUMBERED
    else:
        kind = ChangeKind.UNCHANGED
    if alike:
        reasons += (PRINTED_ALIKE,)
    return Change(kind, olds=olds, news=news, ops=ops, reasons=reasons, similarity=similarity)


def _split_reason(olds: tuple[Block, ...], news: tuple[Block, ...]) -> str:
    verb = "split into" if len(news) > 1 else "merged into"
    return f"{cite_blocks(olds)} {verb} {cite_blocks(news)}"
