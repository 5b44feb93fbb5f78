"""Align two sequences of texts (sentences or paragraphs) in two languages.

The pipeline reads top to bottom (after bertalign's `align_sents` and hunalign):
anchors (units sharing a number or name found once on each side) -> a band through them ->
first pass on lengths (Gale and Church 1993), numbers, punctuation, cognates and a seed of
frequent-word translations where the language pair has one -> a lexicon learned from the
confident pairs of that pass (IBM Model 1 in both directions, compare.languages.model1) -> second
pass inside a narrow band around the first, with the lexicon -> merged beads whose parts share
no content across the split are split. The length ratio is measured on the pair itself (on the
paired units of the previous pass), and the variance when enough of its pairs look alike.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from compare.chain import common_chain
from compare.languages import beads
from compare.languages import features as feat
from compare.languages import lexicon as align_lexicon
from compare.languages import model1 as align_model1
from compare.languages.options import AlignOptions as AlignOptions
from compare.languages.scorer import Scorer
from compare.model import Pair
from compare.progress import Progress, Stage, Steps

MIN_ANCHOR_DENSITY = 0.05

# Stretches between anchors needed to measure the first pass's length ratio on them.
MIN_RATIO_STRETCHES = 3

def align_texts(source: Sequence[str], target: Sequence[str], options: AlignOptions | None = None, *,
                labels: tuple[Sequence[str | None], Sequence[str | None]] | None = None,
                lexicon: Mapping[str, frozenset[str]] | None = None,
                weights: tuple[Mapping[str, float], Mapping[str, float]] | None = None,
                seed: Mapping[str, frozenset[str]] | None = None) -> Steps[list[Pair]]:
    """Yield progress; return the beads as Pairs (source indexes, target indexes, score in [0, 1]).

    `labels` are structural marks of the units ("operative 7"): equal labels attract, different
    ones repel. A given `lexicon` (and `weights`, e.g. learned over a whole document when this
    aligns the sentences of one paragraph pair) replaces learning one from these texts. A
    `seed` (translations of frequent words, compare.languages.lexicon.seed) serves from the first
    pass on and is added to every lexicon learned."""
    opts = options or AlignOptions()
    n, m = len(source), len(target)
    if n == 0 or m == 0:
        return [Pair((i,), (), 0.0) for i in range(n)] + [Pair((), (j,), 0.0) for j in range(m)]
    src_w, tgt_w = weights or (feat.idf(source), feat.idf(target))
    yield Progress(Stage.ALIGNING_ANCHORS, 0, 3)
    first = lexicon if lexicon is not None else (seed or None)
    src_tok = [feat.tokenise(t, src_w, first) for t in source]
    tgt_tok = [feat.tokenise(t, tgt_w, first, side=feat.Side.TARGET) for t in target]
    points = anchors(src_tok, tgt_tok)
    width = opts.first_band if len(points) >= MIN_ANCHOR_DENSITY * min(n, m) else opts.first_band + abs(n - m)
    # an anchor pairs unit i with unit j: the path passes through both corners of that bead
    band = beads.band_through([*points, *((i + 1, j + 1) for i, j in points)], n, m, width)
    yield Progress(Stage.ALIGNING_FIRST_PASS, 1, 3)
    scorer = Scorer(source, target, src_tok, tgt_tok, opts, band, labels=labels,
                    ratio=_anchor_ratio(points, source, target) if opts.anchor_ratio else None)
    path = beads.align(n, m, scorer.cost, opts.first_shapes, band, scorer.floors(opts.first_shapes))
    for k in range(opts.passes if opts.use_lexicon and lexicon is None else 0):
        yield Progress(Stage.ALIGNING_LEXICON, 2, 3)
        training = [(_words(source, bd.source), _words(target, bd.target)) for bd in path
                    if bd.a and bd.b and scorer.similarity(bd.i0, bd.a, bd.j0, bd.b) >= opts.lexicon_min_similarity]
        if opts.model1:
            prior = [([a], [b]) for a, bs in (seed or {}).items() for b in bs] if opts.model1_seed_pairs else []
            learned = align_model1.lexicon(training + prior, min_probability=opts.model1_min_probability,
                                           min_count=opts.model1_min_count, max_translations=opts.max_translations)
        else:
            learned = align_lexicon.learn(training, min_dice=opts.min_dice, max_translations=opts.max_translations,
                                          max_share=opts.lexicon_max_share)
        if seed:
            learned = align_lexicon.combine(learned, seed)
        src_tok = [feat.tokenise(t, src_w, learned) for t in source]
        tgt_tok = [feat.tokenise(t, tgt_w, learned, side=feat.Side.TARGET) for t in target]
        band = beads.band_around(path, n, m, opts.second_band if k == 0 else opts.later_band)
        scorer = Scorer(source, target, src_tok, tgt_tok, opts, band, ratio=_path_ratio(path, source, target),
                        labels=labels)
        path = beads.align(n, m, scorer.cost, opts.shapes, band, scorer.floors(opts.shapes))
    if opts.split_below:
        path = split_merged(path, scorer, opts)
    yield Progress(Stage.ALIGNING, 3, 3)
    return [Pair(bd.source, bd.target, round(scorer.similarity(bd.i0, bd.a, bd.j0, bd.b), 4)) for bd in path]


def split_merged(path: Sequence[beads.Bead], scorer: Scorer, opts: AlignOptions) -> list[beads.Bead]:
    """Split each merged bead whose parts share (almost) no evidence across the split, at the
    cheapest such split, until none is left."""
    out: list[beads.Bead] = []
    todo = list(reversed(path))
    while todo:
        bd = todo.pop()
        best = None
        if bd.a and bd.b and bd.a + bd.b > 2:
            whole = scorer.cost(bd.i0, bd.a, bd.j0, bd.b)
            for p in range(1, bd.a + 1):
                for q in range(1, bd.b + 1):
                    if (p, q) == (bd.a, bd.b):
                        continue
                    if p == bd.a or q == bd.b:
                        continue
                    if scorer.crossing(bd.i0, bd.a, bd.j0, bd.b, p, q) >= opts.split_below:
                        continue
                    first = scorer.cost(bd.i0, p, bd.j0, q)
                    second = scorer.cost(bd.i0 + p, bd.a - p, bd.j0 + q, bd.b - q)
                    extra = first + second - whole
                    if extra <= opts.split_margin and (best is None or extra < best[0]):
                        best = (extra, beads.Bead(bd.i0, p, bd.j0, q, first),
                                beads.Bead(bd.i0 + p, bd.a - p, bd.j0 + q, bd.b - q, second))
        if best is None:
            out.append(bd)
        else:
            todo.extend((best[2], best[1]))
    return out


def learn_lexicon(pairs: Sequence[tuple[str, str]], options: AlignOptions | None = None) -> dict[str, frozenset[str]]:
    """A lexicon from already aligned text pairs (paragraphs, before aligning their sentences)."""
    opts = options or AlignOptions()
    return align_lexicon.learn([(feat.words(s), feat.words(t)) for s, t in pairs],
                               min_dice=opts.min_dice, max_translations=opts.max_translations)


def _anchor_ratio(points: Sequence[tuple[int, int]], source: Sequence[str], target: Sequence[str]) -> float | None:
    """Target length per source character between consecutive anchors, the median weighted by
    the length of each stretch (the geometric mean of its two sides, so the sides swapped give
    the inverse ratio): a block one side lacks (captions, a page of pictures) skews only the
    stretch it sits in. None (the ratio of the whole texts) with few anchors."""
    corners = [(0, 0), *points, (len(source), len(target))]
    stretches = []
    for (i0, j0), (i1, j1) in zip(corners, corners[1:], strict=False):
        ls = sum(max(len(t), 1) for t in source[i0:i1])
        lt = sum(max(len(t), 1) for t in target[j0:j1])
        if ls and lt:
            stretches.append((math.log(lt / ls), math.sqrt(ls * lt)))
    if len(stretches) < MIN_RATIO_STRETCHES:
        return None
    stretches.sort()
    half, seen = sum(w for _, w in stretches) / 2, 0.0
    for k, (log_ratio, w) in enumerate(stretches):
        seen += w
        if math.isclose(seen, half) and k + 1 < len(stretches):
            return math.exp((log_ratio + stretches[k + 1][0]) / 2)  # the middle of an even split
        if seen >= half:
            return math.exp(log_ratio)
    return None


def _path_ratio(path: Sequence[beads.Bead], source: Sequence[str], target: Sequence[str]) -> float | None:
    """Target length per source character over the beads of a pass that pair units: units left
    alone (a caption block, a page one version lacks) do not skew it, as they skew the ratio of
    the whole texts."""
    ls = sum(max(len(source[i]), 1) for bd in path if bd.a and bd.b for i in bd.source)
    lt = sum(max(len(target[j]), 1) for bd in path if bd.a and bd.b for j in bd.target)
    return lt / ls if ls and lt else None


def _words(texts: Sequence[str], indexes: Sequence[int]) -> list[str]:
    return [w for i in indexes for w in feat.words(texts[i])]


def anchors(src_tok: Sequence[Sequence[feat.KeyedToken]], tgt_tok: Sequence[Sequence[feat.KeyedToken]]) -> list[tuple[int, int]]:
    """Points (i, j) where a number or word found in one unit only on each side appears in both,
    reduced to the longest chain increasing on both sides (so crossing accidents drop out)."""
    def once(units: Sequence[Sequence[feat.KeyedToken]]) -> dict[str, int]:
        seen: dict[str, int] = {}
        dup: set[str] = set()
        for i, toks in enumerate(units):
            for key in {k for t in toks for k in t.keys if k[0] in "#W"}:
                if key in seen:
                    dup.add(key)
                seen[key] = i
        return {k: i for k, i in seen.items() if k not in dup}

    src_once, tgt_once = once(src_tok), once(tgt_tok)
    points = sorted({(i, tgt_once[k]) for k, i in src_once.items() if k in tgt_once})
    return common_chain(points)
