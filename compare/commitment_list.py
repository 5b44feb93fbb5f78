"""The one list of commitment changes every output shows (the text and HTML reports, the Word
redline's comments, the window's "Commitments only" view): commitments strengthened, weakened,
added and removed, in the comparison's order, each cited by label (compare.citation). The rule
"an added or removed operative paragraph is a commitment added or removed" lives here only
(`is_commitment`). Re-exported by compare.commitments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from compare.citation import cite_change
from compare.model import Change, ChangeKind, Comparison
from parsers.model import Block, BlockKind


class CommitmentEffect(StrEnum):
    STRENGTHENED = "strengthened"
    WEAKENED = "weakened"
    ADDED = "added"  # a new operative paragraph: a new commitment
    REMOVED = "removed"  # an operative paragraph gone: a commitment gone


@dataclass(frozen=True, slots=True)
class CommitmentChange:
    """One entry of the commitments list every output shows (text, HTML, redline comments, the
    window): the change, what it does to the commitments, where it is and why."""

    change: Change
    effect: CommitmentEffect

    @property
    def where(self) -> str:
        return cite_change(self.change)

    @property
    def reasons(self) -> tuple[str, ...]:
        return self.change.reasons


def is_commitment(blocks: Sequence[Block]) -> bool:
    """The rule, in one place: an operative paragraph added or removed is a commitment added or
    removed (sub-paragraphs belong to their paragraph's commitment; preambular ones commit no one)."""
    return bool(blocks) and blocks[0].kind is BlockKind.OPERATIVE


def commitment_effect(change: Change) -> CommitmentEffect | None:
    """What a change does to the commitments, or None."""
    if change.commitment is not None:
        return CommitmentEffect(str(change.commitment))
    if change.kind is ChangeKind.ADDED and is_commitment(change.news):
        return CommitmentEffect.ADDED
    if change.kind is ChangeKind.REMOVED and is_commitment(change.olds):
        return CommitmentEffect.REMOVED
    return None


def commitment_changes(comparison: Comparison) -> tuple[CommitmentChange, ...]:
    """Every commitment strengthened, weakened, added or removed, in the comparison's order."""
    out = []
    for change in comparison.changes:
        effect = commitment_effect(change)
        if effect is not None:
            out.append(CommitmentChange(change, effect))
    return tuple(out)
