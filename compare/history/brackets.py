"""Negotiation brackets: text still under negotiation in a draft, and what happened to it between
versions.

Negotiators bracket what is not agreed: `[text]` (an option, possibly nested, possibly a whole
paragraph), `[alt 1: …]` / `[Alt. 2: …]` (alternatives), paragraphs numbered `5 bis` or `7 alt`
(read by parsers.structure, labelled `OP5bis`), and mark settled paragraphs "(agreed ad ref)" or
"(agreed)". A footnote call `[1]` or an editorial `[sic]` is not a bracket.

Between two versions (a comparison's pairs), a bracket of the old version is
- `resolved` when its brackets are gone and its text stays (accepted as it stood),
- `removed` when it is gone with its text (or its paragraph was removed),
- `open` when the same bracketed text is still bracketed;
and a bracket only the new version has is `added`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from compare.model import Comparison
from compare.text.normalize import fold
from parsers.model import Block, Document

# 'alt 1:', 'Alt. 2:', 'Alternative:', 'alt 3' — a colon or a number, so that "[alternative
# development]" stays an option
_ALTERNATIVE = re.compile(r"^\s*alt(?:ernative)?\.?\s*(?:\d+\s*[:.]?|:)\s*", re.IGNORECASE)
# Bracketed text that is not under negotiation: footnote calls, editorial marks, ellipses, and the
# line of an adopted resolution that says how it came ("[on the report of the Third Committee
# (A/72/440)]", "[without reference to a Main Committee (A/72/L.1)]", "[sans renvoi à une grande
# commission]", "[sur la base du rapport de la Troisième Commission]", "[sin remisión previa a una
# Comisión Principal]").
_NOT_A_BRACKET = re.compile(r"^\s*(?:\d{1,3}|\^?\d{1,3}|sic|\.\.\.|…|[a-z])\s*$|^\s*(?:without reference to|"
                            r"on the report of|sans renvoi|sur la base du rapport|sin remisi[oó]n|sobre la base del "
                            r"informe)", re.IGNORECASE)
_AGREED = re.compile(r"\(\s*agreed(?:\s+ad\s+ref(?:erendum)?)?\s*\)|\(\s*ad\s+ref(?:erendum)?\s*\)", re.IGNORECASE)
_SPECIAL_NUMBER = re.compile(r"\b(bis|ter|quater|alt)\b", re.IGNORECASE)


class BracketKind(StrEnum):
    OPTION = "option"
    ALTERNATIVE = "alternative"


class BracketFate(StrEnum):
    ADDED = "added"
    RESOLVED = "resolved"
    REMOVED = "removed"
    OPEN = "open"


@dataclass(frozen=True, slots=True)
class Bracket:
    text: str  # inside the brackets (an alternative without its 'alt 1:' head)
    kind: BracketKind
    start: int  # offsets of the brackets themselves in the block's text
    end: int


@dataclass(frozen=True, slots=True)
class BracketCounts:
    """What a version still has under negotiation."""

    brackets: int  # top-level brackets, alternatives included
    alternatives: int
    paragraphs: int  # paragraphs with at least one bracket
    agreed: int  # paragraphs marked (agreed) or (agreed ad ref)
    special_numbers: int  # paragraphs numbered 5 bis, 7 alt …


@dataclass(frozen=True, slots=True)
class BracketChange:
    fate: BracketFate
    text: str
    label: str | None  # where it stands (the new label, or the old one when removed)


def find_brackets(text: str) -> list[Bracket]:
    """Top-level negotiation brackets of a text (nested ones are part of their outer bracket)."""
    out: list[Bracket] = []
    depth, start = 0, -1
    for pos, ch in enumerate(text):
        if ch == "[":
            if depth == 0:
                start = pos
            depth += 1
        elif ch == "]" and depth:
            depth -= 1
            if depth == 0:
                inner = text[start + 1: pos]
                if _NOT_A_BRACKET.match(inner):
                    continue
                alt = _ALTERNATIVE.match(inner)
                if alt:
                    out.append(Bracket(inner[alt.end():].strip(), BracketKind.ALTERNATIVE, start, pos + 1))
                else:
                    out.append(Bracket(inner.strip(), BracketKind.OPTION, start, pos + 1))
    return out


def is_agreed(block: Block) -> bool:
    return bool(_AGREED.search(block.text))


def counts(doc: Document) -> BracketCounts:
    found = [(b, find_brackets(b.text)) for b in doc.body()]
    return BracketCounts(
        brackets=sum(len(f) for _b, f in found),
        alternatives=sum(1 for _b, f in found for x in f if x.kind is BracketKind.ALTERNATIVE),
        paragraphs=sum(1 for _b, f in found if f),
        agreed=sum(1 for b, _f in found if is_agreed(b)),
        special_numbers=sum(1 for b, _f in found if b.number and _SPECIAL_NUMBER.search(b.number)),
    )


def _key(text: str) -> str:
    """Bracketed text as compared: brackets, case, quote styles and spacing ignored."""
    return " ".join(fold(text).replace("[", " ").replace("]", " ").casefold().split())


def bracket_changes(comparison: Comparison) -> list[BracketChange]:
    """What happened to each bracket between the comparison's old and new version."""
    out: list[BracketChange] = []
    for change in comparison.changes:
        olds, news = change.olds, change.news
        label = (news or olds)[0].label if (news or olds) else None
        old_br = [b for block in olds for b in find_brackets(block.text)]
        new_br = [b for block in news for b in find_brackets(block.text)]
        new_text = _key(" ".join(block.text for block in news))
        new_keys = [_key(b.text) for b in new_br]
        for b in old_br:
            key = _key(b.text)
            if key in new_keys:
                new_keys.remove(key)
                out.append(BracketChange(BracketFate.OPEN, b.text, label))
            elif news and key and key in new_text:
                out.append(BracketChange(BracketFate.RESOLVED, b.text, label))
            else:
                out.append(BracketChange(BracketFate.REMOVED, b.text, olds[0].label if olds else label))
        old_keys = [_key(b.text) for b in old_br]
        for b in new_br:
            key = _key(b.text)
            if key in old_keys:
                old_keys.remove(key)
                continue
            out.append(BracketChange(BracketFate.ADDED, b.text, label))
    return out


def tally(changes: Sequence[BracketChange]) -> dict[str, int]:
    out = {str(f): 0 for f in BracketFate}
    for c in changes:
        out[str(c.fate)] += 1
    return out
