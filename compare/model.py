"""What a comparison and a language alignment produce. Frozen dataclasses and enums; the JSON
shapes of ../shared/CONTRACT.md are built from these by compare.reports.text and compare.languages.export."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from parsers.model import Block, BlockKind, Document, Location


class ChangeKind(StrEnum):
    UNCHANGED = "unchanged"
    RENUMBERED = "renumbered"
    MODIFIED = "modified"
    MOVED = "moved"
    ADDED = "added"
    REMOVED = "removed"


class Commitment(StrEnum):
    STRENGTHENED = "strengthened"
    WEAKENED = "weakened"


class OpKind(StrEnum):
    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


@dataclass(frozen=True, slots=True)
class Op:
    """One word-level edit: concatenating the EQUAL and DELETE texts gives the old text, the
    EQUAL and INSERT texts the new text (a replacement is a DELETE followed by an INSERT)."""

    kind: OpKind
    text: str
    # a difference normalisation ignores (quote style, spacing, footnote mark): shown, not counted
    minor: bool = False

    def to_list(self) -> list[str]:
        return [str(self.kind), self.text]


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """What counts as a difference. The window shows the `ignore_*` fields as checkboxes and the
    command line as `--ignore-case`, `--ignore-punctuation`, `--ignore-footnotes`,
    `--ignore-numbering`; the result cache keys on the whole repr, so every field is in its key."""

    count_numbers: bool = False  # a changed paragraph number is itself a difference
    count_footnote_marks: bool = False
    count_spacing: bool = False  # whitespace, non-breaking spaces, quote styles
    ignore_case: bool = False  # "Member States" = "member states" (shown, not counted)
    ignore_punctuation: bool = False  # commas, semicolons, full stops… (shown, not counted)
    ignore_footnotes: bool = False  # footnote texts are not aligned nor compared
    ignore_numbering: bool = False  # a paragraph whose number alone changed is reported unchanged


@dataclass(frozen=True, slots=True)
class Change:
    """One aligned pair, classified. `olds`/`news` hold more than one block for a split
    (one old paragraph became several) or a merge; `old`/`new` are the first of each."""

    kind: ChangeKind
    olds: tuple[Block, ...] = ()
    news: tuple[Block, ...] = ()
    ops: tuple[Op, ...] = ()
    commitment: Commitment | None = None
    reasons: tuple[str, ...] = ()
    similarity: float = 1.0

    @property
    def moved(self) -> bool:
        """The JSON's `"moved"`: the kind says it (a moved block is never also split or merged)."""
        return self.kind is ChangeKind.MOVED

    @property
    def old(self) -> Block | None:
        return self.olds[0] if self.olds else None

    @property
    def new(self) -> Block | None:
        return self.news[0] if self.news else None


def footnote_blocks(doc: Document) -> tuple[Block, ...]:
    """The document's footnotes as blocks of kind `footnote` (number: the mark, label: FN3), so
    they are aligned and diffed like paragraphs. Their indexes continue the document's block
    indexes (the first footnote is `len(doc.blocks)`), so every block of a comparison has a
    distinct index on its side."""
    base = len(doc.blocks)
    return tuple(Block(base + k, BlockKind.FOOTNOTE, f.text, number=f.mark, label=f.label,
                       location=Location(page=f.page)) for k, f in enumerate(doc.footnotes))


# Texts of a split/merge (several blocks on one side of a change) are joined with this in the
# report and the ops.
JOINER = "\n"


def joined_text(blocks: Sequence[Block]) -> str:
    """The text of one side of a change (several blocks for a split or merge)."""
    return JOINER.join(b.text for b in blocks)


@dataclass(frozen=True, slots=True)
class Comparison:
    old: Document
    new: Document
    changes: tuple[Change, ...]
    options: CompareOptions = field(default_factory=CompareOptions)

    @property
    def has_differences(self) -> bool:
        quiet = (ChangeKind.UNCHANGED,) if self.options.count_numbers else (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED)
        return any(c.kind not in quiet for c in self.changes)


# --- language alignment -------------------------------------------------------------------------


class AlignLevel(StrEnum):
    """What a language alignment pairs: paragraphs (blocks), or the sentences within them."""

    PARAGRAPH = "paragraph"
    SENTENCE = "sentence"


class FlagKind(StrEnum):
    NUMBERS = "numbers"  # figures differ (locale-aware)
    SYMBOLS = "symbols"  # document symbols differ
    YEARS = "years"
    FOOTNOTES = "footnotes"  # footnote mark counts differ
    NUMBERING = "numbering"  # operative / paragraph numbers differ
    UNMATCHED = "unmatched"  # a unit with no counterpart


@dataclass(frozen=True, slots=True)
class Flag:
    kind: FlagKind
    message: str


@dataclass(frozen=True, slots=True)
class Unit:
    """One alignable unit: a block or a sentence of one, or a line of pre-split input."""

    index: int
    text: str
    block: int | None = None  # index of the block it comes from
    number: str | None = None
    footnote_marks: int | None = None  # marks in the unit, where known (blocks, not sentences)


@dataclass(frozen=True, slots=True)
class Pair:
    """A bead: source unit indexes and target unit indexes (either may be empty)."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float = 0.0
    flags: tuple[Flag, ...] = ()
    pinned: bool = False  # set by a user's manual fix; kept when re-aligning


@dataclass(frozen=True, slots=True)
class LanguageAlignment:
    source_units: tuple[Unit, ...]
    target_units: tuple[Unit, ...]
    pairs: tuple[Pair, ...]
    source_language: str | None = None
    target_language: str | None = None
    level: AlignLevel = AlignLevel.PARAGRAPH
    source_path: str | None = None
    target_path: str | None = None

    def pair_texts(self, pair: Pair) -> tuple[str, str]:
        src = " ".join(self.source_units[i].text for i in pair.source)
        tgt = " ".join(self.target_units[i].text for i in pair.target)
        return src, tgt
