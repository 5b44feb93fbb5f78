"""Different documents, not revisions (issue 16): the 2017 declaration against the 2025 one.

Two revisions of one draft keep most paragraphs in order, and the versions engine pairs them in
order (anchors, then a banded programme, then moves of near-identical text). Two documents years
apart share only some paragraphs, reworded and rearranged: in order, the engine pairs few of them
(9 of 36 on A/RES/72/1 against A/RES/80/9) and reports the rest as removed and added. When fewer
than DIFFERENT_DOCUMENTS_SHARE of the old body's paragraphs are paired in order, the lone removed
and added paragraphs are also paired by text alone, one to one, best first, from RELATED_THRESHOLD
similar (a paragraph carried over and reworded: a move, possibly edited); what stays alone is new
or dropped. `carried_over` counts the result for the reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from compare.model import ChangeKind, Comparison
from parsers.model import BlockKind

# Below this share of the old body's paragraphs paired in order, two documents are different
# documents (revisions of one draft pair 80-100 %; the trafficking declarations of 2017 and 2025, 25 %).
DIFFERENT_DOCUMENTS_SHARE = 0.5
# Paragraphs of two related documents at least this similar (rapidfuzz ratio on the comparison
# keys) are the same paragraph reworded: on the trafficking declarations related paragraphs score
# 55-100 and unrelated ones, which share the declarations' formulas ("We reaffirm our commitment
# to"), 40-54 (measured by the history module, compare.history.related, on the same documents).
RELATED_THRESHOLD = 55
# The text-alone pass scores the lone paragraphs at a low cutoff, where the candidate filter
# (compare.versions.candidates) lets many pairs through: it runs while lone removed x lone added
# paragraphs stay under this many pairs (500 a side; UN resolutions and declarations have under
# 200 paragraphs), so two unrelated long documents stay near-linear (tests/test_engine_scale.py).
RELATED_CELLS = 250_000
# A carried-over paragraph at least this similar is the same text (spacing or a figure apart).
SAME_SIMILARITY = 0.95


def different_documents(paired_in_order: int, old_paragraphs: int) -> bool:
    """True when too few of the old paragraphs were paired in order for two revisions."""
    return old_paragraphs > 0 and paired_in_order < DIFFERENT_DOCUMENTS_SHARE * old_paragraphs


@dataclass(frozen=True, slots=True)
class CarriedOver:
    """What two different documents share: paragraphs carried over (the same, or reworded), new, dropped."""

    same: int
    reworded: int
    new: int
    dropped: int

    def line(self) -> str:
        carried = self.same + self.reworded
        return (f"different documents, not revisions: carried over {carried} (same {self.same}, "
                f"reworded {self.reworded}), new {self.new}, dropped {self.dropped}")


def carried_over(comparison: Comparison) -> CarriedOver | None:
    """The counts when `comparison` is of two different documents (body paragraphs only), else None."""
    body = [c for c in comparison.changes if not any(b.kind is BlockKind.FOOTNOTE for b in c.olds + c.news)]
    in_order = sum(len(c.olds) for c in body if c.olds and c.news and c.kind is not ChangeKind.MOVED)
    old_paragraphs = sum(len(c.olds) for c in body)
    if not different_documents(in_order, old_paragraphs):
        return None
    paired = [c for c in body if c.olds and c.news]
    same = sum(1 for c in paired if c.kind in (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED)
               or c.similarity >= SAME_SIMILARITY)
    return CarriedOver(same=same, reworded=len(paired) - same,
                       new=sum(1 for c in body if not c.olds), dropped=sum(1 for c in body if not c.news))
