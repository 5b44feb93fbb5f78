"""What tracing a draft produces: frozen dataclasses and enums; the JSON of ../shared/CONTRACT.md
("Trace") is built from them by compare.history.trace_report."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from compare.model import Commitment, Op
from parsers.model import Block


class TraceStatus(StrEnum):
    AGREED = "agreed"  # the same text (the comparison's notion of sameness) in a base document
    ADAPTED = "adapted"  # an edited base paragraph
    NEW = "new"  # nothing close in the bases


@dataclass(frozen=True, slots=True)
class BaseInfo:
    """One base document as the index knows it."""

    path: str
    symbol: str | None
    language: str | None
    paragraphs: int


@dataclass(frozen=True, slots=True)
class Source:
    """The base paragraph a draft paragraph comes from."""

    path: str
    symbol: str | None
    label: str | None
    text: str
    similarity: float  # 0-1
    block: Block  # rebuilt from the index (index, kind, number, label, text)


@dataclass(frozen=True, slots=True)
class TracedParagraph:
    block: Block
    status: TraceStatus
    source: Source | None = None
    ops: tuple[Op, ...] = ()
    commitment: Commitment | None = None
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Trace:
    draft_path: str
    draft_symbol: str | None
    draft_language: str | None
    bases: tuple[BaseInfo, ...]
    paragraphs: tuple[TracedParagraph, ...]
    warnings: tuple[str, ...] = ()  # bases that could not be read or were left out, and why
    # with a single base (in the draft's language), its paragraphs that no draft paragraph comes
    # from: what the draft dropped from the one earlier document it is read against
    unused: tuple[Source, ...] = ()
    single_base: bool = False
