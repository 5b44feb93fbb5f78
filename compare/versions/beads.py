"""A bead of the alignment of two versions: the blocks of each side it pairs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bead:
    """Positions in the body tuples: old, new (either may be empty), similarity 0–100."""

    olds: tuple[int, ...]
    news: tuple[int, ...]
    similarity: float = 0.0
    moved: bool = False
