"""What a reader returns is made safe to write anywhere before anything else sees it (issue 17).

A PDF's ToUnicode map, a Word file or a text file can put any code point in the text: C0 and C1
control characters (NUL, ESC: a terminal escape could retitle or clear the user's terminal),
noncharacters (U+FFFE), lone surrogates. The redline writer's XML refuses them, and line and
paragraph separators (U+0085, U+001C, U+2028) split a TSV line. At this one boundary each such
character is replaced by one character, so span offsets stay valid and nothing is dropped in
silence: separators become a space, the others U+FFFD, and a warning counts them. Tabs and line
feeds stay (table blocks join cells with them).

Text that is mostly unreadable characters (replaced ones, private-use code points) is what a
font with no Unicode mapping gives: a warning says so rather than comparing garbage quietly.
"""

from __future__ import annotations

import dataclasses
import re

from parsers.model import Block, Document, Footnote, Furniture

REPLACEMENT = "\ufffd"
# Line and paragraph separators other than the line feed: a space keeps words apart.
_SEPARATORS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0010fffe\U0010ffff]"
)
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010fffd]")
# Joins texts to scan them at once: a character neither pattern matches, nor a space or U+FFFD.
_JOINER = "\n"
# A document whose non-space characters are more than this share unreadable gets a warning.
UNREADABLE_SHARE = 0.3
# Below this many non-space characters the share says little.
UNREADABLE_MIN_CHARS = 40


def clean_text(text: str) -> str:
    """`text` with every unsafe character replaced by one character (a space or U+FFFD)."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(_replacement, text)


def _replacement(match: re.Match[str]) -> str:
    return " " if match.group() in _SEPARATORS else REPLACEMENT


def unsafe_count(text: str) -> int:
    """How many characters clean_text replaces in `text` with U+FFFD (not the separators)."""
    return sum(1 for m in _UNSAFE.finditer(text) if m.group() not in _SEPARATORS)


def clean_document(doc: Document) -> Document:
    """`doc` with clean text everywhere a writer may put it (blocks, numbers, labels, footnotes,
    furniture, symbol, warnings), and a warning for what was replaced or looks unreadable."""
    texts = [b.text for b in doc.blocks] + [f.text for f in doc.footnotes]
    # counted over the texts joined by line feeds, which no pattern here matches (each matches one
    # character): one scan instead of one a text (with _needs_cleaning alike: 11 -> 6 ms for the long
    # pair's 57-page document, in its worker)
    joined = _JOINER.join(texts)
    replaced = unsafe_count(joined)
    warnings = [clean_text(w) for w in doc.warnings]
    if replaced:
        warnings.append(f"{replaced} control or invalid character(s) in the text were replaced by U+FFFD")
    if _mostly_unreadable(joined, len(texts), replaced):
        warnings.append("much of the text is not readable characters (a font without a Unicode mapping?); "
                        "check the text, or run OCR on the PDF")
    if not replaced and len(warnings) == len(doc.warnings) and not _needs_cleaning(doc):
        return doc
    return dataclasses.replace(
        doc,
        blocks=tuple(_clean_block(b) for b in doc.blocks),
        footnotes=tuple(Footnote(clean_text(f.mark), clean_text(f.text), f.page) for f in doc.footnotes),
        furniture=tuple(Furniture(f.page, clean_text(f.text), clean_text(f.why)) for f in doc.furniture),
        symbol=clean_text(doc.symbol) if doc.symbol is not None else None,
        warnings=tuple(warnings),
    )


def _clean_block(block: Block) -> Block:
    return dataclasses.replace(
        block,
        text=clean_text(block.text),
        number=clean_text(block.number) if block.number is not None else None,
        label=clean_text(block.label) if block.label is not None else None,
        footnote_marks=tuple(clean_text(m) for m in block.footnote_marks),
    )


def _needs_cleaning(doc: Document) -> bool:
    strings = [doc.symbol or ""]
    for b in doc.blocks:
        strings += [b.text, b.number or "", b.label or "", *b.footnote_marks]
    for f in doc.footnotes:
        strings += [f.mark, f.text]
    for g in doc.furniture:
        strings += [g.text, g.why]
    return _UNSAFE.search(_JOINER.join(strings)) is not None


def _mostly_unreadable(joined: str, count: int, unsafe: int) -> bool:
    """Whether the `count` texts joined by _JOINER in `joined`, `unsafe` of whose characters are
    unsafe, are mostly unreadable characters."""
    visible = len(joined) - max(count - 1, 0) - joined.count(" ")  # the joiners are not text
    if visible < UNREADABLE_MIN_CHARS:
        return False
    bad = unsafe + joined.count(REPLACEMENT) + len(_PRIVATE_USE.findall(joined))
    return bad / visible > UNREADABLE_SHARE
