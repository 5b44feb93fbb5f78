"""Compare two versions written in different languages (../shared/CONTRACT.md "Across languages").

The pipeline:

1. pair paragraphs with the language aligner (compare.languages.documents.align_documents,
   paragraph level): monotone beads, 1-1 for most of a revision;
2. a bilingual lexicon learned from the confident 1-1 pairs (compare.languages.units.learn_lexicon,
   with the shipped seed), and a similarity of every old paragraph with every new one: the share of
   each side's (IDF-weighted) tokens that find a counterpart on the other side (numbers, names,
   cognates, lexicon translations; compare.languages.features), averaged over both sides;
3. refine the beads: a bead of several paragraphs on a side is broken into 1-1 pairs (best
   similarity first, at least PAIR_FLOOR), a 1-1 bead below PAIR_FLOOR is unrelated (removed and
   added), and a removed paragraph whose best counterpart is an added one elsewhere (mutually best,
   at least MOVE_FLOOR) is moved;
4. footnotes are paired by their mark (compare.model's footnote blocks: FN3 with FN3);
5. classify each pair by what can be compared across languages (compare.history.cross_signals):
   operative verb force, qualifiers, modals, deadlines, figures -> `modified` with a commitment or
   reasons; a pair out of order -> `moved`; otherwise `renumbered` (its label changed) or
   `unchanged`. No word ops: a cross-language pair carries none.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from compare import route
from compare.history.cross_signals import cross_signals, verdict
from compare.languages import features as feat
from compare.languages import lexicon as align_lexicon
from compare.languages.documents import align_documents
from compare.languages.units import learn_lexicon
from compare.model import AlignLevel, Change, ChangeKind, Comparison
from compare.progress import Progress, Stage, Steps
from compare.text.normalize import normalize_number
from compare.text.numerals import label_key
from parsers.language import detect_language
from parsers.model import Block, BlockKind, Document, Location, footnote_label

# A pair whose paragraphs share less than this (weighted share of tokens with a counterpart) is not
# the same paragraph: translations of one paragraph share 0.5-0.9, unrelated UN paragraphs 0.1-0.3
# (names, numbers and frequent words).
PAIR_FLOOR = 0.35
# A 1-1 bead of the aligner has positional support: it is refused only below this (short masthead
# lines such as a date, "13 April 2018" / "16 mai 2018", share only their year).
ALIGNED_FLOOR = 0.2
# A 1-1 bead is broken when one of its paragraphs has a counterpart elsewhere this much more
# similar, and each is the other's best (the aligner cannot see moves: it pairs monotonically).
BETTER_ELSEWHERE = 0.15
# A move has no positional support: it needs more.
MOVE_FLOOR = 0.5
# 1-1 pairs of the aligner at least this confident teach the lexicon.
LEARN_SCORE = 0.5


def document_language(doc: Document) -> str | None:
    return doc.language or detect_language(" ".join(b.text for b in doc.body()[:200]))


def is_cross_language(old: Document, new: Document) -> bool:
    """Both languages known (detected again where the reader left none) and different ('fr' and
    'fr-CA' are one language): compare.route's rule."""
    return route.is_cross_language(replace(old, language=document_language(old)),
                                   replace(new, language=document_language(new)))


def compare_across(old: Document, new: Document) -> Steps[Comparison]:
    """Compare `old` and `new` written in different languages; yields Progress."""
    alignment = yield from align_documents(old, new, level=AlignLevel.PARAGRAPH)
    yield Progress(Stage.CROSS_LANGUAGE_PAIRS, 0, 1)
    old_blocks = {b.index: b for b in old.body()}
    new_blocks = {b.index: b for b in new.body()}
    # body paragraphs only: units without a block (the aligner's footnote units) are left out
    src_units = [u for u in alignment.source_units if u.block is not None and u.block in old_blocks]
    tgt_units = [u for u in alignment.target_units if u.block is not None and u.block in new_blocks]
    src = [old_blocks[u.block] for u in src_units if u.block is not None]
    tgt = [new_blocks[u.block] for u in tgt_units if u.block is not None]
    src_pos = {u.index: k for k, u in enumerate(src_units)}
    tgt_pos = {u.index: k for k, u in enumerate(tgt_units)}
    beads = [(tuple(src_pos[i] for i in p.source if i in src_pos), tuple(tgt_pos[j] for j in p.target if j in tgt_pos),
              p.score) for p in alignment.pairs]
    beads = [b for b in beads if b[0] or b[1]]
    learned = learn_lexicon([(src[s[0]].text, tgt[t[0]].text) for s, t, score in beads
                             if len(s) == 1 and len(t) == 1 and score >= LEARN_SCORE])
    lex = align_lexicon.combine(learned, align_lexicon.seed(alignment.source_language, alignment.target_language))
    sim = similarity_matrix([b.text for b in src], [b.text for b in tgt], lex)
    pairs = refine(beads, sim)
    changes = classify(pairs, src, tgt, alignment.source_language, alignment.target_language)
    changes += footnote_changes(old, new, alignment.source_language, alignment.target_language)
    yield Progress("cross-language pairs", 1, 1)
    return Comparison(old=old, new=new, changes=tuple(changes))


def similarity_matrix(source: Sequence[str], target: Sequence[str],
                      lex: dict[str, frozenset[str]]) -> list[list[float]]:
    """sim[i][j]: the weighted share of tokens of each side that find a key on the other, averaged."""
    src_w, tgt_w = feat.idf(source), feat.idf(target)
    src_tok = [feat.tokenise(t, src_w, lex) for t in source]
    tgt_tok = [feat.tokenise(t, tgt_w, lex, side=feat.Side.TARGET) for t in target]
    src_keys = [feat.key_union(t) for t in src_tok]
    tgt_keys = [feat.key_union(t) for t in tgt_tok]
    src_total = [sum(t.weight for t in toks) or 1.0 for toks in src_tok]
    tgt_total = [sum(t.weight for t in toks) or 1.0 for toks in tgt_tok]
    out = []
    for i, toks in enumerate(src_tok):
        row = []
        for j, other in enumerate(tgt_tok):
            if src_keys[i].isdisjoint(tgt_keys[j]):
                row.append(0.0)
                continue
            a = feat.matched_weight(toks, tgt_keys[j]) / src_total[i]
            b = feat.matched_weight(other, src_keys[i]) / tgt_total[j]
            row.append((a + b) / 2)
        out.append(row)
    return out


Pair = tuple[tuple[int, ...], tuple[int, ...], float]


def refine(beads: Sequence[Pair], sim: list[list[float]]) -> list[tuple[int | None, int | None, float, bool]]:
    """1-1 pairs (old, new, similarity, moved), removed (old, None) and added (None, new), in the
    new document's order with removed ones where they stood."""
    out: list[tuple[int | None, int | None, float, bool]] = []
    for s, t, _score in beads:
        if len(s) == 1 and len(t) == 1 and _better_elsewhere(s[0], t[0], sim):
            out += [(s[0], None, 0.0, False), (None, t[0], 0.0, False)]
            continue
        out.extend(_split_bead(s, t, sim))
    removed = {k: i for k, (i, j, _s, _m) in enumerate(out) if j is None and i is not None}
    added = {k: j for k, (i, j, _s, _m) in enumerate(out) if i is None and j is not None}
    drop = set()
    for k, i in removed.items():
        best = max(added, key=lambda a: sim[i][added[a]], default=None)
        if best is None or sim[i][added[best]] < MOVE_FLOOR:
            continue
        j = added[best]
        if max(removed, key=lambda r: sim[removed[r]][j]) == k:  # each other's best: a move
            out[best] = (i, j, sim[i][j], True)
            drop.add(k)
    kept = [p for k, p in enumerate(out) if k not in drop]
    in_order = _in_order([k for k, p in enumerate(kept) if p[0] is not None and p[1] is not None], kept)
    return [(i, j, score, i is not None and j is not None and k not in in_order)
            for k, (i, j, score, _moved) in enumerate(kept)]


def _in_order(paired: Sequence[int], pairs: Sequence[tuple[int | None, int | None, float, bool]]) -> set[int]:
    """Positions (in `pairs`) of the longest run of pairs whose old indexes increase in the new
    order (patience sorting); the other pairs are moves."""
    olds = [pairs[k][0] for k in paired]
    values = [v for v in olds if v is not None]
    tails: list[int] = []  # positions in `paired`
    parent: dict[int, int | None] = {}
    for pos, value in enumerate(values):
        lo = bisect.bisect_left([values[t] for t in tails], value)
        parent[pos] = tails[lo - 1] if lo else None
        if lo == len(tails):
            tails.append(pos)
        else:
            tails[lo] = pos
    out: set[int] = set()
    cur = tails[-1] if tails else None
    while cur is not None:
        out.add(paired[cur])
        cur = parent[cur]
    return out


def _better_elsewhere(i: int, j: int, sim: list[list[float]]) -> bool:
    """Old paragraph i or new paragraph j has a mutually best counterpart elsewhere, clearly more
    similar than they are to each other."""
    here = sim[i][j]
    cols = range(len(sim[0]))
    best_j = max(cols, key=lambda c: sim[i][c])
    if best_j != j and sim[i][best_j] - here >= BETTER_ELSEWHERE and \
            max(range(len(sim)), key=lambda r: sim[r][best_j]) == i:
        return True
    best_i = max(range(len(sim)), key=lambda r: sim[r][j])
    return best_i != i and sim[best_i][j] - here >= BETTER_ELSEWHERE and \
        max(cols, key=lambda c: sim[best_i][c]) == j


def _split_bead(s: tuple[int, ...], t: tuple[int, ...], sim: list[list[float]]) -> list[tuple[int | None, int | None, float, bool]]:
    """A bead as 1-1 pairs, best first, at least PAIR_FLOOR similar; the rest removed or added,
    in order."""
    floor = ALIGNED_FLOOR if len(s) == 1 and len(t) == 1 else PAIR_FLOOR
    candidates = sorted(((sim[i][j], i, j) for i in s for j in t), reverse=True)
    taken_s: dict[int, tuple[int, float]] = {}
    taken_t: set[int] = set()
    for score, i, j in candidates:
        if score < floor or i in taken_s or j in taken_t:
            continue
        # keep the bead's pairs in order on both sides
        if any((i2 < i) != (j2 < j) for i2, (j2, _sc) in taken_s.items()):
            continue
        taken_s[i] = (j, score)
        taken_t.add(j)
    out: list[tuple[int | None, int | None, float, bool]] = []
    by_target = {j: i for i, (j, _sc) in taken_s.items()}
    pending_old = [i for i in s if i not in taken_s]
    for j in t:
        if j in by_target:
            i = by_target[j]
            out += [(o, None, 0.0, False) for o in pending_old if o < i]
            pending_old = [o for o in pending_old if o > i]
            out.append((i, j, taken_s[i][1], False))
        else:
            out.append((None, j, 0.0, False))
    out += [(o, None, 0.0, False) for o in pending_old]
    return out


def classify(pairs: Sequence[tuple[int | None, int | None, float, bool]], src: Sequence[Block],
             tgt: Sequence[Block], src_language: str | None, tgt_language: str | None) -> list[Change]:
    changes = []
    for i, j, score, moved in pairs:
        if j is None:
            assert i is not None
            changes.append(_added_or_removed(ChangeKind.REMOVED, src[i]))
            continue
        if i is None:
            changes.append(_added_or_removed(ChangeKind.ADDED, tgt[j]))
            continue
        old, new = src[i], tgt[j]
        signals = cross_signals(old, src_language, new, tgt_language)
        commitment, reasons = verdict(signals)
        if moved:
            kind = ChangeKind.MOVED
        elif signals:
            kind = ChangeKind.MODIFIED
        elif label_key(normalize_number(old.number)) != label_key(normalize_number(new.number)):  # "в" is "c"
            kind = ChangeKind.RENUMBERED
        else:
            kind = ChangeKind.UNCHANGED
        changes.append(Change(kind, olds=(old,), news=(new,), commitment=commitment, reasons=reasons,
                              similarity=score))
    return changes


def footnote_blocks(doc: Document) -> tuple[Block, ...]:
    """The footnotes as blocks of kind `footnote` (number: the mark, label: FN3), indexed after the
    document's blocks, as the same-language comparison makes them."""
    base = len(doc.blocks)
    return tuple(Block(base + k, BlockKind.FOOTNOTE, f.text, number=f.mark, label=footnote_label(f.mark),
                       location=Location(page=f.page)) for k, f in enumerate(doc.footnotes))


def footnote_changes(old: Document, new: Document, src_language: str | None,
                     tgt_language: str | None) -> list[Change]:
    """Footnotes paired by their mark (footnote 3 is footnote 3 in every language), figures and
    deadlines compared through both lexicons; a mark on one side only is a footnote added or
    removed. After the body's changes, in the new document's order."""
    olds = {b.number: b for b in footnote_blocks(old)}
    news = {b.number: b for b in footnote_blocks(new)}
    out = []
    for mark, block in news.items():
        before = olds.get(mark)
        if before is None:
            out.append(_added_or_removed(ChangeKind.ADDED, block))
            continue
        commitment, reasons = verdict(cross_signals(before, src_language, block, tgt_language))
        kind = ChangeKind.MODIFIED if reasons else ChangeKind.UNCHANGED
        out.append(Change(kind, olds=(before,), news=(block,), commitment=commitment, reasons=reasons))
    out += [_added_or_removed(ChangeKind.REMOVED, b) for mark, b in olds.items() if mark not in news]
    return out


def _added_or_removed(kind: ChangeKind, block: Block) -> Change:
    reasons: tuple[str, ...] = ()
    removed = kind is ChangeKind.REMOVED
    if block.kind is BlockKind.OPERATIVE:
        what = "removed: a commitment is gone" if removed else "added: a new commitment"
        reasons = (f"operative paragraph {block.number} {what}" if block.number else f"operative paragraph {what}",)
    if removed:
        return Change(kind, olds=(block,), reasons=reasons, similarity=0.0)
    return Change(kind, news=(block,), reasons=reasons, similarity=0.0)
