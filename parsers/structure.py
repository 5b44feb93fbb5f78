"""Decide what each paragraph is: title block, the opener naming the body, preambular and
operative paragraphs, sub-paragraphs, headings. Shared by every reader, so a PDF and the Word
file it was made from get the same kinds and numbers.

The pipeline reads top to bottom: labels → opener → kinds → blocks. Words that mark structure
(openers such as "La Commission …,", preambular participles) live in
resources/lexicons/structure/<language>.toml.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import resources
from parsers.labels import cite_labels
from parsers.layout import RawParagraph
from parsers.model import Block, BlockKind, Span

# An opener ("The General Assembly,") is a short line; anything longer is prose.
OPENER_MAX_CHARS = 250
# Headings are short and carry no closing punctuation.
HEADING_MAX_CHARS = 160
STRUCTURED_LANGUAGES = ("en", "fr", "es")
# The title block (symbol, body, date, distribution, agenda item, sponsor, title) fits in this many
# paragraphs at the top of a document.
TITLE_BLOCK_SCAN = 12

_DIGIT_LABEL = re.compile(r"^[\-–•]?\s*(\d{1,3})\s*\.(?:\s+|\t|(?=[^\d\s]))")
_PAREN_LABEL = re.compile(r"^\(([a-z]{1,2}|[ivxlcdm]{1,6})\)\s*")
_ROMAN_HEADING = re.compile(r"^([IVXLC]{1,6})\.\s+(?=\S)")
_LETTER_HEADING = re.compile(r"^([A-Z])\.\s+(?=\S)")
_ROMAN = re.compile(r"^[ivxlcdm]+$")
SYMBOL = re.compile(
    r"\b((?:A|E|S|ST|UNEP|TD|CRC|CEDAW|CCPR|HRC|DP|ICCD|FCCC|UNW|CAT|CERD)(?:/[A-Za-z0-9.]+){2,}"
    r"(?:/(?:Rev|Add|Corr|Amend)\.\d+)*)",
    re.IGNORECASE,
)
_SYMBOL_SUFFIXES = ("rev.", "add.", "corr.", "amend.")


@dataclass(frozen=True, slots=True)
class Structured:
    blocks: tuple[Block, ...]
    symbol: str | None
    warnings: tuple[str, ...]


@cache
def _all_lexicons() -> dict[str, dict[str, Any]]:
    return {lang: resources.lexicon("structure", lang) for lang in STRUCTURED_LANGUAGES}


def _openers(language: str | None) -> tuple[str, ...]:
    lexicons = _all_lexicons()
    langs = [language] if language in lexicons else list(lexicons)
    return tuple(o for lang in langs for o in lexicons[lang].get("openers", ()))


def _preamble_starts(language: str | None) -> tuple[str, ...]:
    lexicons = _all_lexicons()
    langs = [language] if language in lexicons else list(lexicons)
    return tuple(o for lang in langs for o in lexicons[lang].get("preamble_starts", ()))


def split_label(raw: RawParagraph) -> tuple[RawParagraph, str | None, str | None]:
    """Take a printed label off the start of the text: ('1', 'digit'), ('a', 'letter'),
    ('iv', 'roman'), ('II', 'heading'). A Word automatic number wins over the text."""
    if raw.number is not None:
        return raw, raw.number, _label_style(raw.number)
    text = raw.text
    for pattern, style in (
        (_DIGIT_LABEL, "digit"),
        (_PAREN_LABEL, None),
        (_ROMAN_HEADING, "heading"),
        (_LETTER_HEADING, "heading"),
    ):
        m = pattern.match(text)
        if not m:
            continue
        label = m.group(1)
        if style == "heading" and len(text) > HEADING_MAX_CHARS:
            continue
        cut = m.end()
        rest = text[cut:]
        if not rest.strip():
            continue
        return _cut(raw, cut), label, style or _label_style(label)
    return raw, None, None


def _label_style(label: str) -> str:
    if label.isdigit():
        return "digit"
    if _ROMAN.match(label) and label != "i" * len(label) or label in ("i", "ii", "iii"):
        return "roman"
    if label.isalpha() and label.islower():
        return "letter"
    return "heading"


def _cut(raw: RawParagraph, cut: int) -> RawParagraph:
    text = raw.text[cut:]
    lead = len(text) - len(text.lstrip())
    text = text.lstrip()
    shift = cut + lead
    spans = tuple(
        Span(max(0, s.start - shift), s.end - shift, s.bold, s.italic)
        for s in raw.spans
        if s.end - shift > 0
    )
    return replace(raw, text=text, spans=spans)


def _is_opener(text: str, openers: Sequence[str]) -> bool:
    t = text.strip()
    return len(t) <= OPENER_MAX_CHARS and t.endswith(",") and t.startswith(tuple(openers))


def _looks_like_heading(raw: RawParagraph) -> bool:
    t = raw.text.strip()
    if raw.style and raw.style.lower().startswith(("heading", "titre", "título", "title")):
        return True
    if len(t) > HEADING_MAX_CHARS or t.endswith((".", ",", ";", ":")):
        return False
    return raw.bold or raw.centered or raw.large


def normalise_symbol(symbol: str) -> str:
    parts = symbol.split("/")
    out = []
    for part in parts:
        low = part.lower()
        if low.startswith(_SYMBOL_SUFFIXES):
            out.append(part[0].upper() + part[1:].lower())
        else:
            out.append(part.upper())
    return "/".join(out)


def find_symbol(paragraphs: Sequence[RawParagraph], limit: int = TITLE_BLOCK_SCAN) -> str | None:
    for raw in paragraphs[:limit]:
        m = SYMBOL.search(raw.text)
        if m:
            return normalise_symbol(m.group(1).rstrip("."))
    return None


def _find_opener(labelled: Sequence[tuple[RawParagraph, str | None, str | None]], language: str | None) -> int | None:
    openers = _openers(language)
    for i, (raw, label, _style) in enumerate(labelled):
        if label is None and _is_opener(raw.text, openers):
            return i
    # No opener line (an extract, a decision without one): a run of preambular paragraphs
    # followed by numbered ones still marks a resolution.
    starts = _preamble_starts(language)
    for i, (raw, label, _style) in enumerate(labelled):
        if label is None and raw.text.startswith(starts) and raw.text.rstrip().endswith((",", ".", ";")):
            following = labelled[i: i + 60]
            if any(style == "digit" for _r, _l, style in following):
                return i - 1
            break
    return None


def classify(
    paragraphs: Sequence[RawParagraph],
    language: str | None,
    *,
    symbol_hint: str | None = None,
) -> Structured:
    """Turn a reader's paragraphs into blocks with kinds, numbers and levels."""
    paragraphs = [raw for raw in paragraphs if raw.text.strip()]
    title_symbol, paragraphs = _take_symbol_lines(paragraphs)
    labelled = [split_label(raw) for raw in paragraphs]
    opener = _find_opener(labelled, language)
    warnings: list[str] = []
    kinds = _kinds(labelled, opener)
    if opener is None and language not in STRUCTURED_LANGUAGES and language is not None:
        warnings.append(
            f"the structure of this {language} document was not recognised; "
            "its text is read as plain paragraphs in reading order"
        )
    blocks = []
    for index, ((raw, label, style), (kind, level)) in enumerate(zip(labelled, kinds, strict=True)):
        number = label if kind in (BlockKind.OPERATIVE, BlockKind.SUBPARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH) else None
        text = raw.text.strip()
        if label is not None and number is None:
            text = f"{label}. {text}" if style == "digit" else f"({label}) {text}"
        blocks.append(
            Block(
                index=index,
                kind=kind,
                text=text,
                number=number,
                level=level,
                spans=_clip_spans(raw.spans, len(text)) if number is not None or label is None else (),
                location=raw.location,
                footnote_marks=raw.footnote_marks,
            )
        )
    symbol = symbol_hint or title_symbol or find_symbol([r for r, _l, _s in labelled])
    labels = cite_labels(blocks)
    blocks = [replace(block, label=label) for block, label in zip(blocks, labels, strict=True)]
    return Structured(tuple(blocks), symbol, tuple(warnings))


def _take_symbol_lines(paragraphs: Sequence[RawParagraph]) -> tuple[str | None, list[RawParagraph]]:
    """A title-block paragraph that is only the document symbol is the symbol, not body text:
    a PDF reader removes it with the running headers, so a Word file must not keep it either."""
    symbol = None
    kept = []
    for i, raw in enumerate(paragraphs):
        m = SYMBOL.fullmatch(raw.text.strip())
        if i < TITLE_BLOCK_SCAN and m and not raw.is_table:
            symbol = symbol or normalise_symbol(m.group(1))
            continue
        kept.append(raw)
    return symbol, kept


def _clip_spans(spans: tuple[Span, ...], length: int) -> tuple[Span, ...]:
    return tuple(
        Span(s.start, min(s.end, length), s.bold, s.italic) for s in spans if s.start < length and s.end > s.start
    )


def _kinds(
    labelled: Sequence[tuple[RawParagraph, str | None, str | None]], opener: int | None
) -> list[tuple[BlockKind, int]]:
    out: list[tuple[BlockKind, int]] = []
    seen_operative = False
    last_letter: str | None = None
    for i, (raw, label, style) in enumerate(labelled):
        if raw.is_table:
            out.append((BlockKind.TABLE, 0))
            continue
        if opener is None or i < opener:
            out.append((_title_block_kind(raw, i, opener), 0))
            continue
        if i == opener:
            out.append((BlockKind.PARAGRAPH, 0))
            continue
        if style == "digit":
            seen_operative = True
            last_letter = None
            level = raw.list_level or 0
            out.append((BlockKind.OPERATIVE, level))
            continue
        if style in ("letter", "roman") and label is not None:
            is_letter = style == "letter" or (
                last_letter is not None and len(label) == 1 and ord(label) == ord(last_letter) + 1
            )
            if is_letter:
                last_letter = label
            level = raw.list_level if raw.list_level is not None else (1 if is_letter else 2)
            out.append((BlockKind.SUBPARAGRAPH, max(level, 1)))
            continue
        if style == "heading" or _looks_like_heading(raw):
            out.append((BlockKind.HEADING, 0))
            continue
        out.append((BlockKind.PARAGRAPH if seen_operative else BlockKind.PREAMBLE, 0))
    return out


def _title_block_kind(raw: RawParagraph, i: int, opener: int | None) -> BlockKind:
    if opener is not None and i == opener - 1:
        return BlockKind.TITLE
    if raw.style and raw.style.lower() in ("title", "titre", "título"):
        return BlockKind.TITLE
    if _looks_like_heading(raw) or (opener is not None and len(raw.text) <= HEADING_MAX_CHARS
                                    and not raw.text.rstrip().endswith(".")):
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH
