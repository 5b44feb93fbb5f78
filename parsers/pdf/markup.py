"""Tracked changes a PDF shows as markup: the text as accepted (or, with `original`, as before).

Word and LibreOffice print a document with its tracked changes shown ("All Markup", LibreOffice's
default) as marked-up text: a deletion struck through and an insertion underlined, both in the
colour of their author, with a change bar in the margin beside each line that holds a change.
Read as it is drawn, such a PDF holds both versions at once, and compared with the Word file it
was printed from (read as accepted, as parsers.docx reads tracked changes), every change shows
twice.

A glyph is a tracked deletion when a rule of its own colour, chromatic (parsers.pdf.rules:
not black or a grey), runs through its middle, and a change bar (a short vertical rule) stands
beside its line in the margin, outside all the page's text, on one side; a tracked insertion
likewise with the rule under its baseline. All three together: a red strike-through in a
document that shows no change bars is the author's own formatting (a compilation text's proposed
deletions), as is a blue underlined link, in a form's box or not. Read as accepted, the deleted
glyphs are left out; with `original` the inserted ones are.

The glyphs left out keep their place on the page while lines and paragraphs are found (a line
that loses its words must not end a paragraph early, nor a gap open where they stood): their
text becomes LEFT_OUT, one a glyph, which `without_left_out` takes out of a paragraph's text
once it is joined. The reader says on which pages it found tracked changes, and reports each
passage it left out, with its text, as the page's furniture ("tracked deletion").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any, NamedTuple, Protocol, TypeVar

from parsers.pdf.rules import CHROMA_MIN, Colour, Rule


class Glyphs(Protocol):
    """What is read here of a character or a run of glyphs (parsers.pdf.chars.Char, which calls
    this module: named by its shape, not imported)."""

    @property
    def text(self) -> str: ...
    @property
    def x0(self) -> float: ...
    @property
    def x1(self) -> float: ...
    @property
    def baseline(self) -> float: ...
    @property
    def size(self) -> float: ...
    @property
    def glyph_x0s(self) -> tuple[float, ...]: ...
    @property
    def glyph_x1s(self) -> tuple[float, ...]: ...

    def _replace(self, *, text: str = ..., x0: float = ..., x1: float = ..., glyph_x0s: tuple[float, ...] = ...,
                 glyph_x1s: tuple[float, ...] = ...) -> Any: ...  # a named tuple's: of its own type


Char = TypeVar("Char", bound=Glyphs)

# What a glyph left out reads as until its paragraph is joined: a Unicode noncharacter, which
# no text holds.
LEFT_OUT = "\ufdd0"
# Where a rule lies against a glyph of size s on baseline b (y grows downwards): through its
# middle (a strike-through) from b - STRIKE_HIGH s to b - STRIKE_LOW s; under it (an underline)
# down to b + UNDER_LOW s. Measured on LibreOffice's prints: strike 0.28 em above the baseline,
# underline 0.1-0.15 em under it.
STRIKE_HIGH = 0.6
STRIKE_LOW = 0.1
UNDER_LOW = 0.35
# A glyph's colour is its rule's when no channel differs by more than this (0-255).
COLOUR_SLACK = 24
# A change bar stands at least this far (points) outside the page's glyphs, and is at most this
# long (ems of its line's size): LibreOffice draws one a line (1.2 em), where the side of a
# frame or of a form's box runs along several lines.
BAR_CLEARANCE = 1.0
BAR_MAX_EM = 2.5


class Marked(NamedTuple):
    """How many passages of tracked deletions and insertions a page shows, and the text of each
    passage the reading leaves out (reported as the page's furniture)."""

    deleted: int
    inserted: int
    left_out: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()  # LibreOffice's numbers of renumbered items left out ("[2.]": `_renumbered`)


def tracked_changes(chars: list[Char], rules: Sequence[Rule], colour_at: Callable[[float, float], Colour | None],
                    original: bool = False) -> tuple[list[Char], Marked]:
    """The page's characters with the glyphs of the tracked deletions (with `original`: the
    insertions) given as LEFT_OUT, how many passages of each were found and the text of those left
    out. `colour_at(x, y)` is the colour of the glyph drawn at (x, y). A page with no chromatic
    horizontal rule and no "[" (nearly every page) is answered at once."""
    marks = sorted((rule for rule in rules if rule.colour is not None), key=attrgetter("top"))
    heights = [mark.top for mark in marks]
    numbered = [char for char in chars if "[" in char.text]
    if not marks and not numbered:
        return chars, Marked(0, 0)
    bars = [rule for rule in rules if rule.vertical]
    if not bars or not chars:
        return chars, Marked(0, 0)
    left, right = min(c.x0 for c in chars), max(c.x1 for c in chars)
    numbers: tuple[str, ...] = ()
    if numbered:
        chars, numbers = _renumbered(chars, numbered, bars, left, right, colour_at, original)
    if not marks:
        return chars, Marked(0, 0, (), numbers)
    out: list[Char] = []
    passages = {True: 0, False: 0}  # by struck (a deletion) or not (an insertion)
    going_on: set[bool] = set()  # the kinds of passage the characters before (in content order) were in
    left_out: list[list[tuple[str, Char]]] = []  # each passage left out: its parts, a run's each
    for char in chars:
        found = _marked_glyphs(char, marks, heights, colour_at)
        if not found or not _barred(char, bars, left, right):
            if not char.text.isspace():
                going_on.clear()
            out.append(char)
            continue
        kinds = {struck for struck, _glyphs in found}
        for struck in kinds - going_on:  # a passage starts here; one over several lines counts once
            passages[struck] += 1
            if struck != original:
                left_out.append([])
        going_on = kinds
        kept = list(char.text)
        for struck, glyphs in found:
            if struck != original:
                left_out[-1].append(("".join(char.text[k] for k in glyphs), char))
                for k in glyphs:
                    if not kept[k].isspace():
                        kept[k] = LEFT_OUT
        out.append(char._replace(text="".join(kept)))
    return out, Marked(passages[True], passages[False], tuple(map(_passage_text, left_out)), numbers)


# Two parts of a passage closer than this (ems) are one word: an Arabic line's glyphs are read one
# by one, each a part.
WORD_GAP_EM = 0.1


def _passage_text(parts: Sequence[tuple[str, Char]]) -> str:
    """A passage's text from its parts in content order: a space between two parts on separate
    lines or apart on one line (either way: right-to-left text runs leftwards), none between two
    glyphs of a word."""
    text = ""
    for k, (part, char) in enumerate(parts):
        if k:
            before = parts[k - 1][1]
            gap = max(char.x0 - before.x1, before.x0 - char.x1)
            if abs(char.baseline - before.baseline) > char.size / 2 or gap > WORD_GAP_EM * char.size:
                text += " "
        text += part
    return " ".join(text.split())


def _marked_glyphs(char: Char, marks: Sequence[Rule], heights: Sequence[float],
                   colour_at: Callable[[float, float], Colour | None]) -> list[tuple[bool, list[int]]]:
    """For each rule of the glyph's (a run's) own colour through it or under it: whether it
    strikes through, and the indexes of the glyphs whose middle it covers. `marks` are sorted by
    height, `heights` their tops: only those within the glyph's reach are looked at (a chart may
    draw thousands of coloured strokes)."""
    found: list[tuple[bool, list[int]]] = []
    size, baseline = char.size, char.baseline
    if size <= 0:
        return found
    lefts, rights = _glyph_edges(char)
    near = marks[bisect_left(heights, baseline - STRIKE_HIGH * size): bisect_right(heights, baseline + UNDER_LOW * size)]
    for mark in near:
        if mark.x1 < char.x0 or mark.x0 > char.x1:
            continue
        if baseline - STRIKE_HIGH * size <= mark.top <= baseline - STRIKE_LOW * size:
            struck = True
        elif baseline - STRIKE_LOW * size < mark.top <= baseline + UNDER_LOW * size:
            struck = False
        else:
            continue
        glyphs = [k for k, (x0, x1) in enumerate(zip(lefts, rights, strict=True)) if mark.x0 <= (x0 + x1) / 2 <= mark.x1]
        if not glyphs:
            continue
        colour = _glyph_colour(char, glyphs, colour_at)
        if colour is not None and max(abs(a - b) for a, b in zip(colour, mark.colour or colour, strict=True)) <= COLOUR_SLACK:
            found.append((struck, glyphs))
    return found


def _glyph_colour(char: Char, glyphs: Sequence[int], colour_at: Callable[[float, float], Colour | None],
                  ) -> Colour | None:
    """The colour of the widest of the glyphs `glyphs` of `char` (a letter or a figure, not a
    full stop), asked at a third of its size above the baseline."""
    lefts, rights = _glyph_edges(char)
    widest = max(glyphs, key=lambda k: rights[k] - lefts[k])
    return colour_at((lefts[widest] + rights[widest]) / 2, char.baseline - char.size / 3)


def _glyph_edges(char: Char) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The left and right edges of each glyph of `char`, a run or a single glyph."""
    return (char.glyph_x0s, char.glyph_x1s) if char.glyph_x0s else ((char.x0,), (char.x1,))


# LibreOffice's number of a list item a tracked change renumbers, printed as the number it has
# now and the number it had in brackets ("3.[2.]"; "[5.0]" where it has none now, "[1.]" struck
# through where it is deleted), as the whole of a text object.
_NUMBER = r"(?:\d{1,3}(?:\.\d{1,3})*[.)]?|(?:[A-Za-z]|[ivxlcIVXLC]{1,6})[.)])"  # "5.0", "2.", "6)", "b.", "iv)"
_RENUMBERED = re.compile(rf"(?P<new>{_NUMBER})?\[(?P<old>{_NUMBER})\]")


def _renumbered(chars: list[Char], numbered: Sequence[Char], bars: Sequence[Rule], left: float, right: float,
                colour_at: Callable[[float, float], Colour | None], original: bool) -> tuple[list[Char], tuple[str, ...]]:
    """`chars` with each renumbered item's numbers (`_RENUMBERED`, drawn in a colour at the start
    of a line with a change bar) as the item had them: the new one, or with `original` the old
    one, the brackets and the other number taken out of the line; and the numbers so read, as
    printed."""
    changed: dict[int, Char | None] = {}
    numbers: list[str] = []
    for char in numbered:
        found = _RENUMBERED.fullmatch(char.text)
        if found is None or not char.glyph_x0s or not (found.group("new") or _barred(char, bars, left, right)):
            continue  # "[5.0]" alone only beside a change bar (LibreOffice does not bar every renumbered line)
        if any(other.x1 <= char.x0 and abs(other.baseline - char.baseline) <= char.size / 2 and not other.text.isspace()
               for other in chars):
            continue  # not at the start of its line
        colour = _glyph_colour(char, range(len(char.text)), colour_at)
        if colour is None or max(colour) - min(colour) < CHROMA_MIN:
            continue
        start, end = found.span("old") if original else found.span("new")
        changed[id(char)] = _glyphs_of(char, start, end) if end > start else None
        numbers.append(char.text)
    out = []
    for char in chars:
        kept = changed.get(id(char), char)
        if kept is not None:
            out.append(kept)
    return out, tuple(numbers)


def _glyphs_of(char: Char, start: int, end: int) -> Char:
    """The run of the glyphs start..end of the run `char`."""
    x0s, x1s = char.glyph_x0s[start:end], char.glyph_x1s[start:end]
    single = end - start == 1
    part: Char = char._replace(text=char.text[start:end], x0=x0s[0], x1=x1s[-1], glyph_x0s=() if single else x0s,
                               glyph_x1s=() if single else x1s)
    return part


def _barred(char: Char, bars: Sequence[Rule], left: float, right: float) -> bool:
    """Whether a change bar stands beside the line of `char`: a vertical rule across the middle
    of its glyphs' height, in the margin (left of every glyph of the page, `left`, or right of
    them all, `right`), no longer than BAR_MAX_EM, on one side only. A form's boxes and a table's
    borders stand among the text, run along more lines or stand on both sides."""
    middle = char.baseline - char.size / 3
    beside = [bar.x0 for bar in bars if bar.top <= middle <= bar.bottom and bar.bottom - bar.top <= BAR_MAX_EM * char.size]
    on_left = any(x < left - BAR_CLEARANCE for x in beside)
    on_right = any(x > right + BAR_CLEARANCE for x in beside)
    return on_left != on_right  # on both sides: a box's sides


# A stretch left out, with the spaces around and inside it.
_LEFT_OUT_STRETCH = re.compile(f" *{LEFT_OUT}(?:[ {LEFT_OUT}]*{LEFT_OUT})? *")
# No space is put before these or after those where a stretch is taken out (Latin, Arabic and
# Chinese punctuation).
_CLOSING = ",.;:!?)]}\u00bb\u201d\u2019\u060c\u061b\u061f\u3001\u3002\uff0c\uff1b\uff1a\uff01\uff1f\uff09\u300d\u300f\u3011\u300b"
_OPENING = "([{\u00ab\u201c\u2018\uff08\u300c\u300e\u3010\u300a"


# A list item's label alone, closed ("2.", "(b)", "iv)"): not a figure or a word.
_LABEL_ONLY = re.compile(r"[(\[]?(?:\d{1,3}(?:\.\d{1,3})*|[A-Za-z]|[ivxlcIVXLC]{1,6})[.)\]]")


def without_left_out(text: str, styles: list[tuple[bool, bool]]) -> tuple[str, list[tuple[bool, bool]]]:
    """`text` (with a style a character) without the glyphs left out. Where a stretch of them is
    taken out with the spaces around it, the words on either side are parted by one space if any
    space was there (a word deleted: "the long text" less "long"), else joined ("organisation"
    less its "s" and with an inserted "z"); none before closing punctuation or after an opening
    bracket, at either end, or beside a tab or a line break. A text left out but for a list
    label ("2." before an inserted item's text, read as before it) is left out whole."""
    if LEFT_OUT not in text:
        return text, styles
    out: list[str] = []
    kept: list[tuple[bool, bool]] = []
    last = ""  # the last character kept so far
    at = 0
    for found in _LEFT_OUT_STRETCH.finditer(text):
        out.append(text[at:found.start()])
        kept.extend(styles[at:found.start()])
        last = text[found.start() - 1] if found.start() > at else last
        after = text[found.end():]
        if last and after and " " in found.group() and last not in _OPENING + "\t\n" and after[0] not in _CLOSING + "\t\n":
            out.append(" ")
            kept.append(styles[found.start()])
            last = " "
        at = found.end()
    out.append(text[at:])
    kept.extend(styles[at:])
    joined = "".join(out)
    if _LABEL_ONLY.fullmatch(joined.strip()):  # an item left out but its list label: all of it
        return "", []
    return joined, kept


def plain_text(text: str) -> str:
    """`text` without the glyphs left out (`without_left_out`)."""
    return without_left_out(text, [(False, False)] * len(text))[0]


def marked_warning(pages: Sequence[tuple[int, Marked]], original: bool) -> str | None:
    """What the reader says of the tracked changes it found shown (`pages`: each page's
    number and counts), or None when it found none."""
    shown = [number for number, marked in pages if marked.deleted or marked.inserted]
    if not shown:
        return None
    deleted = sum(marked.deleted for _number, marked in pages)
    inserted = sum(marked.inserted for _number, marked in pages)
    listed = ", ".join(map(str, shown[:10])) + (f" and {len(shown) - 10} more" if len(shown) > 10 else "")
    where = f"the PDF shows tracked changes (page{'s' if len(shown) > 1 else ''} {listed})"
    if original:
        return (f"{where}, read as before them: {_passages(inserted)} of insertions (underlined) left out, "
                f"{_passages(deleted)} of deletions (struck through) kept")
    return (f"{where}, read as accepted: {_passages(deleted)} of deletions (struck through) left out, "
            f"{_passages(inserted)} of insertions (underlined) kept (--original reads the text before them)")


def _passages(count: int) -> str:
    return f"{count} passage{'s' if count != 1 else ''}"
