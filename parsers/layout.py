"""What every reader hands to the structure pass: paragraphs in reading order, before kinds and
numbers are decided. Readers fill what they know (Word knows its numbering and styles; a PDF
knows fonts and positions); `parsers.structure` does the rest for all of them alike."""

from __future__ import annotations

from dataclasses import dataclass

from parsers.model import Footnote, Furniture, Location, Span


@dataclass(frozen=True, slots=True)
class RawParagraph:
    text: str
    spans: tuple[Span, ...] = ()
    location: Location = Location()
    # the label Word's automatic numbering displays, without punctuation ("1", "a", "iv"), and
    # its list level (0-based); None where the paragraph has no automatic number
    number: str | None = None
    list_level: int | None = None
    # Word style name ("Heading 1", "Title") or None
    style: str | None = None
    is_table: bool = False
    # the paragraph is centred, all bold, or set larger than body text (PDF headings, titles)
    centered: bool = False
    bold: bool = False
    large: bool = False
    footnote_marks: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReaderResult:
    """What a reader returns: body paragraphs in order, footnotes, page count, warnings, the
    document symbol when the reader saw it in running headers, and what it set aside as page
    furniture (with page and reason)."""

    paragraphs: tuple[RawParagraph, ...]
    footnotes: tuple[Footnote, ...] = ()
    pages: int | None = None
    warnings: tuple[str, ...] = ()
    symbol: str | None = None
    furniture: tuple[Furniture, ...] = ()
