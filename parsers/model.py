"""The document model every reader produces and every comparison consumes.

Frozen, slotted dataclasses: a `Document` holds `Block`s in reading order, the footnotes it
separated from the body, and the warnings a reader raised (shown to the user, asserted in tests).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import StrEnum
from operator import attrgetter
from typing import Any, TypeVar

_Class = TypeVar("_Class", bound=type)


def _pickled_by_fields(cls: _Class) -> _Class:
    """`cls` pickled as a call of itself with its field values, in one C-level attrgetter: a
    parsed document crosses from its parse worker to the application as a pickle, and the
    dataclass's own slotted pickling asks `fields()` for each object (measured on the 57-page
    long pair's document: 6.6 ms to pickle and 7.0 ms to load, 2.4 and 3.5 ms this way)."""
    values: Callable[[Any], tuple[Any, ...]] = attrgetter(*(f.name for f in fields(cls)))

    def reduce(self: Any) -> tuple[type, tuple[Any, ...]]:
        return type(self), values(self)

    setattr(cls, "__reduce__", reduce)  # noqa: B010  # a method set on a class the decorator made
    return cls


class BlockKind(StrEnum):
    """What a block is in a UN document (the contract's `kind`)."""

    TITLE = "title"
    HEADING = "heading"
    PREAMBLE = "preamble"
    OPERATIVE = "operative"
    SUBPARAGRAPH = "subparagraph"
    PARAGRAPH = "paragraph"
    FOOTNOTE = "footnote"
    TABLE = "table"


class Format(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    TXT = "txt"


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Span:
    """A run of formatting over `text[start:end]` of its block (half-open, character offsets)."""

    start: int
    end: int
    bold: bool = False
    italic: bool = False


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Location:
    """Where a block came from: a page (1-based) and a box in points for PDFs, or the index of
    the first body element (paragraph or table) for Word files."""

    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    element: int | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Block:
    """One parsed unit: a paragraph, a heading, a table (cells joined by tabs and newlines)."""

    index: int
    kind: BlockKind
    text: str
    number: str | None = None
    level: int = 0
    spans: tuple[Span, ...] = ()
    location: Location = field(default_factory=Location)
    footnote_marks: tuple[str, ...] = ()
    # how negotiators cite the block (PP3, OP5, OP2(a), FN3; None for the title block and other
    # text), set by `parsers.labels.cite_labels` once the whole document's kinds are known
    label: str | None = None

    @property
    def page(self) -> int | None:
        return self.location.page

    @property
    def number_label(self) -> str:
        """The number as printed: '5' for operative 5, '(a)' for a sub-paragraph."""
        if self.number is None:
            return ""
        return f"({self.number})" if self.kind is BlockKind.SUBPARAGRAPH else self.number

    def italic_prefix(self) -> str:
        """The text of the italic run that opens the block (UN operative and preambular verbs)."""
        for span in self.spans:
            if span.italic and span.start == 0:
                return self.text[: span.end]
        return ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "kind": str(self.kind),
            "number": self.number,
            "label": self.label,
            "text": self.text,
            "page": self.location.page,
            "level": self.level,
        }


# How a note's mark stands in the text, as a PDF shows it raised: digits as superscript digits
# ("12" → "¹²"), an endnote's lower-case roman number as superscript letters ("iv" → "ⁱᵛ").
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SUPERSCRIPT_ROMAN = str.maketrans("ivx", "ⁱᵛˣ")
ROMAN_MARK = re.compile(r"[ivx]+")
# Every character a displayed mark is written with (what the comparison's tokens call marks).
MARK_CHARACTERS = "0123456789".translate(SUPERSCRIPT_DIGITS) + "ivx".translate(SUPERSCRIPT_ROMAN)


# A rule typed as a row of underscores (or dashes): a footnote separator, or the line that ends a
# UN text. The PDF reader sets it aside as page furniture wherever it stands (parsers.pdf.furniture).
RULE_LINE = re.compile(r"\s*(?:_{4,}|[_\-–—]{8,})\s*")


def displayed_mark(mark: str) -> str:
    """A footnote or endnote mark as it stands in the text ("12" → "¹²", "iv" → "ⁱᵛ")."""
    return mark.translate(SUPERSCRIPT_ROMAN if ROMAN_MARK.fullmatch(mark) else SUPERSCRIPT_DIGITS)


def footnote_label(mark: str) -> str:
    """`FN3` for the footnote whose mark is `3` (the contract's label)."""
    return f"FN{mark}"


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Footnote:
    mark: str
    text: str
    page: int | None = None

    @property
    def label(self) -> str:
        return footnote_label(self.mark)

    def to_dict(self) -> dict[str, Any]:
        return {"mark": self.mark, "label": self.label, "text": self.text, "page": self.page}


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Furniture:
    """A line the reader set aside as page furniture (a running header or footer, the document
    symbol, a job number, page x/y, a barcode, a footnote separator), reported so nothing is
    dropped in silence."""

    page: int | None
    text: str
    why: str

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "text": self.text, "why": self.why}


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Document:
    path: str
    format: Format
    blocks: tuple[Block, ...]
    language: str | None = None
    pages: int | None = None
    symbol: str | None = None
    footnotes: tuple[Footnote, ...] = ()
    warnings: tuple[str, ...] = ()
    furniture: tuple[Furniture, ...] = ()
    # the draft types its paragraphs' labels in their text ("PP2", "OP1."), as negotiation drafts
    # do: its operative labels are printed "OP1." again (a redline), not "1."
    typed_labels: bool = False

    def body(self) -> tuple[Block, ...]:
        """Blocks that take part in comparison and alignment (all but footnote blocks)."""
        return tuple(b for b in self.blocks if b.kind is not BlockKind.FOOTNOTE)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "format": str(self.format),
            "language": self.language,
            "pages": self.pages,
            "symbol": self.symbol,
            "blocks": [b.to_dict() for b in self.blocks],
            "footnotes": [f.to_dict() for f in self.footnotes],
            "furniture": [f.to_dict() for f in self.furniture],
            "warnings": list(self.warnings),
            "typed_labels": self.typed_labels,
        }
