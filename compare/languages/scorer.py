"""Bead costs for the aligner (compare.languages.units): Gale-Church lengths, shared evidence
(numbers, punctuation, cognates, lexicon translations) as token masks, orphans, boundary leaks
and structural labels. Everything a pass needs is computed once per cell near the band."""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence

from compare.languages import beads
from compare.languages import features as feat
from compare.languages.options import AlignOptions

# Gale and Church's (1993) variance of the length difference, used until the pair gives its own.
GALE_CHURCH_VARIANCE = 6.8
# Pairs this similar are taken as true 1-1 pairs when measuring the pair's own length variance.
VARIANCE_SAMPLE_SIMILARITY = 0.5
VARIANCE_MIN_SAMPLES = 10
# ... and they must be at least this share of the shorter side's units to stand for the whole
# pair. In a UN resolution nearly every paragraph pair is that similar (62 of 70: variance 1.0,
# its real tightness). In literary text only name lists and references are (11 of 166 units in
# one piece of the development set gave 1.2, in others 3 to 31): a variance that small makes
# every 1-1 pair of unequal lengths dear and the aligner merged 1-1 pairs into 3-3 beads. With
# this share, pooled pieces of 50-200 beads 0.912 -> 0.917, the worst 0.74 -> 0.79.
VARIANCE_MIN_SHARE = 0.25
# The least variance a pair's own measure may give. UN paragraph pairs are tight (median 1.0 or
# less on the L.2 resolution), but their tail is heavy: at 1.0 a correct pair of 205 and 226
# characters cost 7.8 nats, so a Rev.1 with a moved paragraph grouped its neighbours into a
# 3-3 bead. 2.0: the L.2 fr Rev.1 / en lines pair gives the moved paragraph's two skips and
# 1-1 pairs around them; 3.0 merged a correct 1-1 pair of the original into a 1-2.
VARIANCE_FLOOR = 2.0
# Lexical similarity two labelled units need, as each other's best match, for their labels to be
# taken as corresponding whatever their numbers (Scorer._corresponding_labels): UN paragraph
# pairs are that similar as a rule (62 of the 70 of the L.2 resolution's, VARIANCE_MIN_SHARE).
# 0.3 and 0.7 give the same beads on the 16 cross-language pairs of the L.2 fixtures.
LABEL_MATCH_SIMILARITY = 0.5
# Cost of a bead shape not listed in the options.
LARGE_SHAPE_COST = 5.0
# Cost of leaving alone a unit with no letter or digit (".....", "- _-": OCR debris, rules):
# it has nothing to translate, so it should not be absorbed into a neighbouring bead.
BLANK_SKIP_COST = 0.5
# Inverse document frequency (align_features.idf) below which a token is a function word:
# found in more than about a fifth of the units ("die", "und", "le", "de"), in a document of
# 50 units as of 500. Such words tie any two neighbouring sentences by chance.
CONTENT_WEIGHT = 2.5
# A unit ending in one of these continues in the next unit (a sentence split at a colon or
# semicolon): translations often keep such parts in one sentence.
OPEN_ENDS = (":", ";", ",", "：", "；", "，", "،", "؛")  # Latin, Chinese full-width and Arabic forms
# ... unless most units of a side end so: UN paragraphs end with "," (preambular) and ";"
# (operative) as a rule (two thirds of the L.2 resolution's units, against 15-19% of the
# literary development set's sentences), and there an open end says nothing: the discount had
# merged runs of correct 1-1 paragraph pairs into 2-2 and 3-3 beads.
OPEN_END_MAX_SHARE = 0.4
# Units on each side of a skipped unit's place whose matches make the skip suspect.
SKIP_REACH = 2
# Rows around the band whose cells a cost may read: the widest bead side (5, beads.WIDER_SHAPES)
# plus the neighbour a boundary leak looks at.
MASK_REACH = max(max(shape) for shape in beads.WIDER_SHAPES) + 1


class Scorer:
    """Bead costs for one pass: lengths and pairwise lexical matches, computed once per cell."""

    def __init__(self, source: Sequence[str], target: Sequence[str], src_tok: Sequence[Sequence[feat.KeyedToken]],
                 tgt_tok: Sequence[Sequence[feat.KeyedToken]], opts: AlignOptions, band: beads.Band,
                 ratio: float | None = None,
                 labels: tuple[Sequence[str | None], Sequence[str | None]] | None = None) -> None:
        self.opts = opts
        self.src_labels: Sequence[str | None] | None
        self.tgt_labels: Sequence[str | None] | None
        self.src_labels, self.tgt_labels = labels or (None, None)
        src_len = [max(len(t), 1) for t in source]
        tgt_len = [max(len(t), 1) for t in target]
        self.ratio = ratio or sum(tgt_len) / sum(src_len)
        # Lengths are compared in a unit halfway between the two scripts' (source characters
        # times sqrt(ratio), target characters over it), so swapping the sides gives the same
        # cost, and the variance (Gale and Church's 6.8 included) is in that unit whatever the
        # ratio: with the difference in target characters over a scale in source characters,
        # Chinese (ratio 3.7 to English) made every correct 1-1 pair dearer than two skips.
        self.root = math.sqrt(self.ratio)
        src_weight = [sum(t.weight for t in toks) for toks in src_tok]
        tgt_weight = [sum(t.weight for t in toks) for toks in tgt_tok]
        # prefix sums: the length or weight of any run of units in constant time
        self.src_len, self.tgt_len = _prefix(src_len), _prefix(tgt_len)
        self.src_weight, self.tgt_weight = _prefix(src_weight), _prefix(tgt_weight)
        self.src_tok, self.tgt_tok = src_tok, tgt_tok
        self.src_blank = [not any(ch.isalnum() for ch in t) for t in source]
        self.tgt_blank = [not any(ch.isalnum() for ch in t) for t in target]
        # prefix counts of the units that end open (":", ";", ","): the sentence goes on in the next
        self.src_open = _prefix(_open_ends(source))
        self.tgt_open = _prefix(_open_ends(target))
        self.masks = _match_masks(src_tok, tgt_tok, band)
        self._src_cache: list[dict[int, float]] = [{} for _ in src_tok]
        self._tgt_cache: list[dict[int, float]] = [{} for _ in tgt_tok]
        self._span_cache: dict[tuple[int, int, int], float] = {}
        self.src_content = [_content_mask(toks) for toks in src_tok]
        self.tgt_content = [_content_mask(toks) for toks in tgt_tok]
        self.src_strong = [_strong_mask(toks) for toks in src_tok]
        self.tgt_strong = [_strong_mask(toks) for toks in tgt_tok]
        self.pair_matched = {
            (i, j): _masked_weight(self._src_cache[i], src_tok[i], ms) + _masked_weight(self._tgt_cache[j], tgt_tok[j], mt)
            for (i, j), (ms, mt) in self.masks.items()
        }
        self.shape_cost = dict(opts.shape_cost)
        self.variance = self._variance()
        if self.src_labels is not None and self.tgt_labels is not None:
            self.src_labels, self.tgt_labels = self._corresponding_labels(self.src_labels, self.tgt_labels)

    def _variance(self) -> float:
        """Variance of the length difference per unit of length, from pairs that look 1-1."""
        samples = []
        root = self.root
        for (i, j) in self.masks:
            if self.similarity(i, 1, j, 1) >= VARIANCE_SAMPLE_SIMILARITY:
                ls, lt = self.src_len[i + 1] - self.src_len[i], self.tgt_len[j + 1] - self.tgt_len[j]
                samples.append((lt / root - ls * root) ** 2 / ((ls * root + lt / root) / 2))
        shorter = min(len(self.src_tok), len(self.tgt_tok))
        if len(samples) < max(VARIANCE_MIN_SAMPLES, VARIANCE_MIN_SHARE * shorter):
            return GALE_CHURCH_VARIANCE
        samples.sort()
        # median-based, robust to the odd misalignment among the samples: the median of a
        # squared standard normal variable is 0.455
        return max(samples[len(samples) // 2] / 0.455, VARIANCE_FLOOR)

    def _corresponding_labels(self, src_labels: Sequence[str | None], tgt_labels: Sequence[str | None]
                              ) -> tuple[list[str | None], list[str | None]]:
        """The labels, with each pair of labelled units that are each other's best lexical match
        (at least LABEL_MATCH_SIMILARITY) given one label of their own on both sides: a revision
        renumbers (French Rev.1 operative 7 is the English original's operative 8, a paragraph
        having been removed), and then equal numbers are not the same paragraph. The two units
        of such a pair attract each other and repel every other unit, whatever their numbers;
        units not in such a pair keep their labels."""
        best_src: dict[int, tuple[float, int]] = {}
        best_tgt: dict[int, tuple[float, int]] = {}
        for i, j in self.masks:
            sim = self.similarity(i, 1, j, 1)
            if sim > best_src.get(i, (0.0, -1))[0]:
                best_src[i] = (sim, j)
            if sim > best_tgt.get(j, (0.0, -1))[0]:
                best_tgt[j] = (sim, i)
        src_out, tgt_out = list(src_labels), list(tgt_labels)
        for i, (sim, j) in best_src.items():
            if sim >= LABEL_MATCH_SIMILARITY and best_tgt[j][1] == i and src_labels[i] and tgt_labels[j]:
                src_out[i] = tgt_out[j] = f"{src_labels[i]} = {tgt_labels[j]}"
        return src_out, tgt_out

    def similarity(self, i0: int, a: int, j0: int, b: int) -> float:
        """Share of the bead's token weight (both sides) that finds a counterpart across."""
        got, total, _ = self.matched(i0, a, j0, b)
        return got / total if total > 0 else 0.0

    def matched(self, i0: int, a: int, j0: int, b: int) -> tuple[float, float, int]:
        """Token weight of the bead that finds a counterpart across, its total weight, and how
        many units of a multi-unit side share nothing with the other side (orphans)."""
        total = self.src_weight[i0 + a] - self.src_weight[i0] + self.tgt_weight[j0 + b] - self.tgt_weight[j0]
        if total <= 0:
            return 0.0, 0.0, 0
        if a == 1 and b == 1:
            return self.pair_matched.get((i0, j0), 0.0), total, 0
        got = 0.0
        orphans = 0
        for i in range(i0, i0 + a):
            w = self._src_span(i, j0, b)
            if w:
                got += w
            elif a > 1:
                orphans += 1
        for j in range(j0, j0 + b):
            w = self._tgt_span(j, i0, a)
            if w:
                got += w
            elif b > 1:
                orphans += 1
        return got, total, orphans

    def leak(self, i0: int, a: int, j0: int, b: int) -> float:
        """Token weight of the bead found only in the units just outside it (the target unit
        before and after, for source units, and vice versa): content that crosses the bead's
        boundary, evidence that the boundary is misplaced."""
        get = self.masks.get
        out = 0.0
        for i in range(i0, i0 + a):
            outside = get((i, j0 - 1), _NO_MASK)[0] | get((i, j0 + b), _NO_MASK)[0]
            if outside:
                inside = 0
                for j in range(j0, j0 + b):
                    inside |= get((i, j), _NO_MASK)[0]
                crossing = outside & ~inside & self.src_strong[i]
                if crossing:
                    out += _masked_weight(self._src_cache[i], self.src_tok[i], crossing)
        for j in range(j0, j0 + b):
            outside = get((i0 - 1, j), _NO_MASK)[1] | get((i0 + a, j), _NO_MASK)[1]
            if outside:
                inside = 0
                for i in range(i0, i0 + a):
                    inside |= get((i, j), _NO_MASK)[1]
                crossing = outside & ~inside & self.tgt_strong[j]
                if crossing:
                    out += _masked_weight(self._tgt_cache[j], self.tgt_tok[j], crossing)
        return out

    def nearby(self, i0: int, a: int, j0: int, b: int) -> float:
        """Share of the weight of a unit left without counterpart that finds a match in the
        units of the other side around its place (SKIP_REACH on each side): a unit with
        evidence right there is more likely part of a neighbouring bead than an addition."""
        if a:
            total = self.src_weight[i0 + 1] - self.src_weight[i0]
            lo = max(j0 - SKIP_REACH, 0)
            got = self._src_span(i0, lo, min(j0 + SKIP_REACH, len(self.tgt_tok)) - lo)
        else:
            total = self.tgt_weight[j0 + 1] - self.tgt_weight[j0]
            lo = max(i0 - SKIP_REACH, 0)
            got = self._tgt_span(j0, lo, min(i0 + SKIP_REACH, len(self.src_tok)) - lo)
        return got / total if total > 0 else 0.0

    def crossing(self, i0: int, a: int, j0: int, b: int, p: int, q: int) -> float:
        """Share of the bead's token weight that ties its first part (p source units, q target
        units) to its second part and to nothing in its own part: the evidence that the bead
        must stay whole rather than be split there."""
        get = self.masks.get
        total = self.src_weight[i0 + a] - self.src_weight[i0] + self.tgt_weight[j0 + b] - self.tgt_weight[j0]
        if total <= 0:
            return 0.0
        out = 0.0
        parts = ((range(i0, i0 + p), range(j0, j0 + q)), (range(i0 + p, i0 + a), range(j0 + q, j0 + b)))
        for (mine_s, mine_t), (other_s, other_t) in (parts, parts[::-1]):
            for i in mine_s:
                out += _crossing_weight(self._src_cache[i], self.src_tok[i], self.src_content[i],
                                        (get((i, j), _NO_MASK)[0] for j in mine_t),
                                        (get((i, j), _NO_MASK)[0] for j in other_t))
            for j in mine_t:
                out += _crossing_weight(self._tgt_cache[j], self.tgt_tok[j], self.tgt_content[j],
                                        (get((i, j), _NO_MASK)[1] for i in mine_s),
                                        (get((i, j), _NO_MASK)[1] for i in other_s))
        return out / total

    def _src_span(self, i: int, j0: int, b: int) -> float:
        """Weight of source unit i's tokens found in target units j0 .. j0 + b - 1."""
        key = (i, j0, b)
        found = self._span_cache.get(key)
        if found is None:
            mask = 0
            get = self.masks.get
            for j in range(j0, j0 + b):
                mask |= get((i, j), _NO_MASK)[0]
            found = _masked_weight(self._src_cache[i], self.src_tok[i], mask) if mask else 0.0
            self._span_cache[key] = found
        return found

    def _tgt_span(self, j: int, i0: int, a: int) -> float:
        """Weight of target unit j's tokens found in source units i0 .. i0 + a - 1."""
        key = (-1 - j, i0, a)
        found = self._span_cache.get(key)
        if found is None:
            mask = 0
            get = self.masks.get
            for i in range(i0, i0 + a):
                mask |= get((i, j), _NO_MASK)[1]
            found = _masked_weight(self._tgt_cache[j], self.tgt_tok[j], mask) if mask else 0.0
            self._span_cache[key] = found
        return found

    def _structure(self, i0: int, a: int, j0: int, b: int) -> float:
        """Bonus when the labelled units of a bead carry the same labels, cost per unit when they
        differ (operative 7 goes with operative 7, never with operative 8)."""
        if self.src_labels is None or self.tgt_labels is None:
            return 0.0
        left = [x for x in self.src_labels[i0:i0 + a] if x]
        right = [x for x in self.tgt_labels[j0:j0 + b] if x]
        if not left and not right:
            return 0.0
        if left == right:
            return -self.opts.label_bonus
        # per unit of the bead, as the lexical cost: paid once per bead, a conflict made three
        # 1-1 pairs of a renumbered document (a Rev.1 with a moved paragraph) dearer than the
        # one 3-3 bead covering them
        conflict = self.opts.label_conflict * (a + b) / 2.0
        return conflict if left and right else conflict / 2

    def floors(self, shapes: Sequence[beads.Shape]) -> list[float]:
        """Lower bounds of the cost of each shape (its shape cost, less any structure bonus)."""
        bonus = self.opts.label_bonus if self.src_labels is not None else 0.0
        joined = self.opts.continuation_bonus
        return [BLANK_SKIP_COST if 0 in shape
                else self.shape_cost.get(shape, LARGE_SHAPE_COST) - bonus - joined * (sum(shape) - 2)
                for shape in shapes]

    def cost(self, i0: int, a: int, j0: int, b: int, budget: float = math.inf) -> float:
        """Shape cost + length cost + lexical cost ((1 - similarity) per unit of the bead) +
        orphans + structure. Returns inf as soon as the cost is known to exceed `budget`."""
        opts = self.opts
        if a == 0 or b == 0:
            if (self.src_blank[i0] if a else self.tgt_blank[j0]):
                return BLANK_SKIP_COST
            return opts.skip_cost + opts.skip_evidence * self.nearby(i0, a, j0, b)
        ls = self.src_len[i0 + a] - self.src_len[i0]
        lt = self.tgt_len[j0 + b] - self.tgt_len[j0]
        # beads.gale_church, inlined: this is the innermost loop
        xs, xt = ls * self.root, lt / self.root
        delta = abs(xt - xs) / math.sqrt(max((xs + xt) / 2.0, 1.0) * self.variance)
        length = -math.log(max(math.erfc(delta * _INV_SQRT2), 1e-12))
        cheap = self.shape_cost.get((a, b), LARGE_SHAPE_COST) + opts.length_weight * length
        if a + b > 2 and opts.continuation_bonus:
            joined = self.src_open[i0 + a - 1] - self.src_open[i0] + self.tgt_open[j0 + b - 1] - self.tgt_open[j0]
            cheap -= opts.continuation_bonus * joined
        if self.src_labels is not None:
            cheap += self._structure(i0, a, j0, b)
        if cheap >= budget:
            return math.inf
        got, total, orphans = self.matched(i0, a, j0, b)
        sim = got / total if total > 0 else 0.0
        cost = cheap + opts.orphan_cost * orphans + opts.lexical_weight * (1.0 - sim) * (a + b) / 2.0
        if opts.leak_weight and total > 0 and cost < budget:
            cost += opts.leak_weight * self.leak(i0, a, j0, b) / total * (a + b) / 2.0
        return cost


_NO_MASK = (0, 0)
_INV_SQRT2 = 1.0 / math.sqrt(2.0)


def _match_masks(src_tok: Sequence[Sequence[feat.KeyedToken]], tgt_tok: Sequence[Sequence[feat.KeyedToken]],
                 band: beads.Band) -> dict[tuple[int, int], tuple[int, int]]:
    """(i, j) -> (bitmask of the tokens of source i found in target j, the same for j in i), for
    the cells within MASK_REACH of the band, through an index from keys to the units holding them. Each unit's
    tokens are first folded into key -> bitmask of the tokens carrying that key, so a cell costs
    one OR per shared key rather than a look at every token."""
    widest = MASK_REACH
    n = len(src_tok)
    index: dict[str, list[int]] = {}
    tgt_bits: list[dict[str, int]] = []
    for j, toks in enumerate(tgt_tok):
        bits = _key_bits(toks)
        tgt_bits.append(bits)
        for key in bits:
            index.setdefault(key, []).append(j)
    cells: dict[tuple[int, int], list[int]] = {}
    for i, toks in enumerate(src_tok):
        # the band's cells widened by `widest` in both directions (the same cells, transposed,
        # with the sides swapped)
        lo = band[max(i - widest, 0)][0] - widest
        hi = band[min(i + widest, n)][1] + widest
        for key, src_bits in _key_bits(toks).items():
            units = index.get(key)
            if not units:
                continue
            for j in units[bisect.bisect_left(units, lo):bisect.bisect_right(units, hi)]:
                cell = cells.get((i, j))
                if cell is None:
                    cells[i, j] = [src_bits, tgt_bits[j][key]]
                else:
                    cell[0] |= src_bits
                    cell[1] |= tgt_bits[j][key]
    return {cell: (ms, mt) for cell, (ms, mt) in cells.items()}


def _key_bits(tokens: Sequence[feat.KeyedToken]) -> dict[str, int]:
    """Each key of the tokens -> bitmask of the tokens (by position) that carry it."""
    bits: dict[str, int] = {}
    for k, tok in enumerate(tokens):
        bit = 1 << k
        for key in tok.keys:
            bits[key] = bits.get(key, 0) | bit
    return bits


def _crossing_weight(cache: dict[int, float], tokens: Sequence[feat.KeyedToken], content: int,
                     own_masks: Iterable[int], other_masks: Iterable[int]) -> float:
    """Weight of a unit's content tokens found in the other part of a bead and not in its own."""
    own = other = 0
    for mask in own_masks:
        own |= mask
    for mask in other_masks:
        other |= mask
    cross = other & ~own & content
    return _masked_weight(cache, tokens, cross) if cross else 0.0


def _content_mask(tokens: Sequence[feat.KeyedToken]) -> int:
    """Bits of the tokens rarer than function words (weight at least CONTENT_WEIGHT)."""
    mask = 0
    for k, tok in enumerate(tokens):
        if tok.weight >= CONTENT_WEIGHT:
            mask |= 1 << k
    return mask


def _strong_mask(tokens: Sequence[feat.KeyedToken]) -> int:
    """Bits of the tokens that are numbers or identical words: evidence that does not wander."""
    mask = 0
    for k, tok in enumerate(tokens):
        if any(key[0] in "#W" for key in tok.keys):
            mask |= 1 << k
    return mask


def _open_ends(texts: Sequence[str]) -> list[bool]:
    """Which units end open (OPEN_ENDS), or none when most of them do (OPEN_END_MAX_SHARE)."""
    found = [t.rstrip().endswith(OPEN_ENDS) for t in texts]
    return [False] * len(found) if sum(found) > OPEN_END_MAX_SHARE * len(found) else found


def _prefix(values: Sequence[float]) -> list[float]:
    out = [0.0]
    for v in values:
        out.append(out[-1] + v)
    return out


def _masked_weight(cache: dict[int, float], tokens: Sequence[feat.KeyedToken], mask: int) -> float:
    found = cache.get(mask)
    if found is None:
        found = 0.0
        rest = mask
        while rest:
            low = rest & -rest
            found += tokens[low.bit_length() - 1].weight
            rest ^= low
        cache[mask] = found
    return found
