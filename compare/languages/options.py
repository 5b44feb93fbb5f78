"""The aligner's options (one dataclass, compare.languages.units and .scorer both read it)."""

from __future__ import annotations

from dataclasses import dataclass

from compare.languages import beads
from compare.languages import lexicon as align_lexicon
from compare.languages import model1 as align_model1


@dataclass(frozen=True, slots=True)
class AlignOptions:
    """Tuning of the aligner. The values were set by hand on the first half of the German-French
    development set and checked on its second half (benchmarks/align_dev.py reports both);
    none refers to one document's quirks."""

    # Weight of the Gale-Church length cost (a -log probability, about 0..10).
    length_weight: float = 1.0
    # Cost of a bead with no shared evidence at all, per unit of the bead: (1 - similarity) *
    # this * (units / 2). Above the skip cost's half, so an unmatched 1-1 pair still beats
    # leaving both units alone when lengths agree.
    lexical_weight: float = 6.0
    # Cost of leaving a unit without counterpart (a 1-0 or 0-1 bead).
    skip_cost: float = 5.0
    # Extra cost of leaving a unit alone, times the share of its weight matched by the units of
    # the other side around its place (Scorer.nearby): such a unit belongs to a bead there.
    skip_evidence: float = 4.0
    # Cost of a unit inside a merged bead (1-2, 3-1...) that shares nothing with the other
    # side: such a unit is more often a caption or OCR debris than half of a split sentence.
    orphan_cost: float = 1.5
    # Extra cost of a bead by shape, about -log of how rare it is in translated text (Gale and
    # Church count 1-1 0.89, 1-2/2-1 0.089, 2-2 0.011); larger beads are rarer still.
    shape_cost: tuple[tuple[beads.Shape, float], ...] = (
        ((1, 1), 0.0), ((1, 2), 1.5), ((2, 1), 1.5), ((2, 2), 3.0),
        ((1, 3), 3.0), ((3, 1), 3.0), ((2, 3), 4.0), ((3, 2), 4.0), ((1, 4), 4.0), ((4, 1), 4.0),
        ((3, 3), 5.0), ((1, 5), 5.0), ((5, 1), 5.0),
    )
    # Half-width (units) of the band around the anchor path; anchors follow the stretches one
    # version has and the other lacks, so the band can stay narrow. Without enough anchors the
    # band widens by the difference in unit counts.
    first_band: int = 10
    first_shapes: tuple[beads.Shape, ...] = beads.BASIC_SHAPES
    # Up to 1-5, 5-1 and 3-3 in the lexicon passes: the gold standard of literary text holds a few
    # (a German sentence listing five dated expeditions, one French line each). Measured in
    # benchmarks/README.md (Aligner tuning).
    shapes: tuple[beads.Shape, ...] = beads.WIDER_SHAPES
    # Half-width around the previous pass for the lexicon passes: they move boundaries.
    second_band: int = 6
    # Half-width for the passes after the second: they only settle what the lexicon changed.
    later_band: int = 3
    use_lexicon: bool = True
    # Learn the lexicon with IBM Model 1 in both directions (compare.languages.model1) rather than
    # with Dice co-occurrence counts (compare.languages.lexicon.learn): EM explains function words
    # away, so the lexicon is smaller (about 150 entries against 570 on the development set)
    # and cleaner: better on average, not on every piece (benchmarks/README.md, Aligner tuning).
    model1: bool = True
    model1_min_probability: float = align_model1.MIN_PROBABILITY
    model1_min_count: float = align_model1.MIN_COUNT
    # The seed's translations join Model 1's training as one-word pairs (a dictionary added to
    # the corpus, the usual way to give EM a prior), so short documents start from them.
    model1_seed_pairs: bool = True
    # The first pass's length ratio: the weighted median over the stretches between anchors
    # (_anchor_ratio) rather than the ratio of the whole texts, which a block one side lacks
    # skews (33 French caption lines in a 50-bead piece: 1.54 against 1.05 on its true pairs;
    # benchmarks/README.md, Aligner tuning).
    anchor_ratio: bool = True
    # Discount on a merged bead for each of its units (but the last of a side) that ends open
    # (":", ";", ","; align_scorer.OPEN_ENDS): the sentence goes on in the next unit. In the
    # development set's gold, two units after an open end share a bead 27-75% of the time,
    # after a full stop 14-16%: about 1.5 nats of log odds. 1.0 chosen on the first half,
    # checked on the second (benchmarks/README.md, Aligner tuning).
    continuation_bonus: float = 1.0
    # Lexicon passes: learn from the previous pass, align again (the second adds about 0.01 F1).
    passes: int = 2
    # Pairs of a pass used to learn the lexicon: those with at least this lexical similarity.
    lexicon_min_similarity: float = 0.1
    min_dice: float = align_lexicon.MIN_DICE
    # 1.0 keeps function words in the lexicon: dropping them is faster but less stable.
    lexicon_max_share: float = align_lexicon.MAX_SHARE
    max_translations: int = align_lexicon.MAX_TRANSLATIONS
    # Equal structural labels (operative numbers) attract; different ones repel, per unit of the
    # bead; a labelled unit paired only with unlabelled ones is suspect (half the conflict).
    # The conflict was 12 once per bead: a Rev.1 with a moved paragraph (every later label off
    # by one) then had its 1-1 sub-paragraphs merged into 3-3 beads to pay it once; at 12 per
    # unit, two skips (10) beat every renumbered pair. 4 per unit: the L.2 Rev.1 example's
    # chapeau, (a), (b) and (i) rows pair 1-1 and the L.2 fr/es/en pairs are unchanged.
    label_bonus: float = 4.0
    label_conflict: float = 4.0
    # Cost of the bead's share of numbers and identical words found only in the units just
    # outside it, per unit of the bead: content crossing a boundary means a misplaced boundary
    # (it turns two crossed 1-1 pairs into the 2-2 bead they are). 6 sits inside the range that
    # does equally well (benchmarks/README.md, Aligner tuning).
    leak_weight: float = 6.0
    # Refinement: a merged bead (2-2, 1-3...) is split into two beads, each with units on both
    # sides, when less than this share of its token weight ties one part to the other, and
    # the split costs at most `split_margin` more. Chance matches of function words make a
    # merged bead look better covered than its parts; its parts tell whether it is one.
    split_below: float = 0.1
    split_margin: float = 3.0


# Anchors per unit below which the anchor path is not trusted to follow the documents.
