"""A line's glyphs from visual (left to right) order into reading order, for right-to-left text.

A PDF sets glyphs where they are seen: an Arabic line's letters from left to right, its Latin
words and numbers left to right inside it. Reading order is got back with the part of Unicode's
bidirectional algorithm (UAX #9) that plain lines need, run backwards: the base direction is
given (the page's, as UAX #9 P3 takes the paragraph's or a higher-level one), not counted on the
line; Latin and numbers form left-to-right islands, kept in their order while the rest of the
line is turned round; neutrals between two islands or an island and right-to-left text take the
base direction (N1/N2); digits stay left to right (W4: "1 164-960", "312.5"); a tab's gap is a
segment separator (L1). Brackets read right to left are mirrored (Bidi_Mirroring_Glyph).

What a glyph's bracket is cannot be taken from the file: a font maps one glyph to one character
whichever way it was drawn (LibreOffice prints "(WRC-07)" in Arabic as ")WRC-07)" or
"(WRC-07("). Its shape is read from what it touches: an opening shape has text on its right and
none on its left, a closing shape the other way round; one inside a Latin word ("AM(R)S") is
drawn left to right and keeps the file's character; one between Latin text or a figure and
other text holds the Latin ("،(A/70/123", the line broken after its opening bracket: opening);
another touching text on both sides is an opening one while brackets after it still wait for
openers, else a closing one.

Libraries (python-bidi, the unicode-bidi crate under it) go from reading order to display order,
with their brackets mirrored from the characters: not the direction a PDF needs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from enum import Enum

from parsers.model import MARK_CHARACTERS

Glyph = tuple[str, bool, bool]  # (text, bold, italic)

# Bidi_Mirroring_Glyph for the paired brackets and quotes a text line holds.
MIRRORED = {"(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "«": "»", "»": "«",
            "<": ">", ">": "<", "‹": "›", "›": "‹"}
_PAIRS = ("()", "[]", "{}", "«»", "<>", "‹›")
_PAIR_OF = {ch: pair for pair in _PAIRS for ch in pair}
# The gap a line builder marks as a tab: a segment separator.
TAB = "\t"
# A space read as a thousands separator inside a figure of right-to-left text ("5 000", one number
# as printed) is given as the no-break space that makes it one (UAX #9 W4, CS): a plain space
# there would part the figure's groups, which then print in the other order ("000 5").
NO_BREAK_SPACE = "\u00a0"


# Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan and their presentation forms.
RTL_RANGE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def mostly_right_to_left(text: str) -> bool:
    """Whether more of the text's letters are written right to left than left to right (UAX #9
    P3 takes a paragraph's first strong letter; where that is not known, the majority stands in:
    a PDF page's, parsers.pdf.lines, and a compared text's, compare.text.printed). A text without
    a right-to-left letter is answered at once."""
    if not RTL_RANGE.search(text):
        return False
    counts = Counter(kind_of(ch) for ch in text if ch.isalpha())
    return counts[Kind.RTL] > counts[Kind.LTR]


class Kind(Enum):
    """A glyph's part in the reordering."""

    RTL = "R"  # strong right to left (Hebrew, Arabic letters: R, AL)
    LTR = "L"  # strong left to right
    DIGIT = "D"  # a digit (EN, AN), or a separator or terminator joined to digits (W4, W5)
    SEGMENT = "S"  # a tab's gap
    NEUTRAL = "N"  # spaces, punctuation, brackets, other neutrals


def kind_of(text: str) -> Kind:
    """The kind of a glyph's text, from its first character that is not a combining mark."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "NSM":
            continue
        if kind in ("R", "AL"):
            return Kind.RTL
        if kind == "L":
            return Kind.LTR
        if kind in ("EN", "AN"):
            return Kind.DIGIT
        if kind == "S":
            return Kind.SEGMENT
        return Kind.NEUTRAL
    return Kind.NEUTRAL


def kinds_of(glyphs: Sequence[Glyph]) -> list[Kind]:
    """Each glyph's kind, with a single separator between two digits and terminators next to
    digits counted as digits ("164-960", "312.5", "5٫3", "10%")."""
    kinds = [kind_of(text) for text, _b, _i in glyphs]
    last = len(kinds) - 1
    for k in range(1, last):
        if (kinds[k] is Kind.NEUTRAL and kinds[k - 1] is Kind.DIGIT and kinds[k + 1] is Kind.DIGIT
                and unicodedata.bidirectional(glyphs[k][0][:1]) in ("ES", "CS")):
            kinds[k] = Kind.DIGIT
    for k, kind in enumerate(kinds):
        if kind is Kind.NEUTRAL and unicodedata.bidirectional(glyphs[k][0][:1]) == "ET" and (
                (k > 0 and kinds[k - 1] is Kind.DIGIT) or (k < last and kinds[k + 1] is Kind.DIGIT)):
            kinds[k] = Kind.DIGIT
    return kinds


def bracket_shapes(glyphs: Sequence[Glyph]) -> dict[int, str]:
    """The shape (as drawn, left to right) of each bracket glyph, by index: see the module's
    docstring. A bracket touching nothing keeps the file's character."""
    found = [k for k, (text, _b, _i) in enumerate(glyphs) if text in MIRRORED]
    shapes: dict[int, str] = {}
    opens: dict[str, int] = {}
    for n, k in enumerate(found):
        text = glyphs[k][0]
        family = _PAIR_OF[text]
        left = k > 0 and not glyphs[k - 1][0].isspace()
        right = k + 1 < len(glyphs) and not glyphs[k + 1][0].isspace()
        if right and not left:
            opening = True
        elif left and not right:
            opening = False
        elif left and right and _latin(glyphs[k - 1][0]) and _latin(glyphs[k + 1][0]):
            opening = text == family[0]  # inside a Latin word ("AM(R)S"), set left to right
        elif left and right and _latin(glyphs[k - 1][0]) != _latin(glyphs[k + 1][0]):
            # between Latin text or a figure and other text: it holds the Latin, whose side it opens
            # to ("،(A/70/123" where a line broke after the opening bracket of "(A/70/123)،")
            opening = _latin(glyphs[k + 1][0])
        elif left and right:
            later = sum(1 for j in found[n + 1:] if _PAIR_OF[glyphs[j][0]] == family)
            opening = later > opens.get(family, 0)
        else:
            opening = text == family[0]
        shapes[k] = family[0] if opening else family[1]
        opens[family] = opens.get(family, 0) + 1 if opening else max(opens.get(family, 0) - 1, 0)
    return shapes


def _latin(text: str) -> bool:
    """Latin text or a figure; not a footnote's raised mark ("(A/70/123)²" in Arabic prints the
    mark apart, left of the bracket: it is no part of a word)."""
    return kind_of(text) in (Kind.LTR, Kind.DIGIT) and text[:1] not in MARK_CHARACTERS


def reading_order(glyphs: Sequence[Glyph], rtl: bool) -> list[Glyph]:
    """The glyphs of one line, given left to right as drawn, in reading order for a right-to-left
    (`rtl`) or left-to-right base direction; brackets read right to left mirrored."""
    kinds = kinds_of(glyphs)
    shapes = bracket_shapes(glyphs)
    # the runs set against the base direction, as (first, last) index ranges
    pairs = _pairs(shapes)
    groups: set[int] = set()  # the spaces read as a figure's thousands separator
    runs = _ltr_islands(glyphs, kinds, dict(pairs), groups) if rtl else _rtl_islands(glyphs, kinds)
    if rtl:
        runs = _with_trailing_separators(glyphs, kinds, runs)
    runs = _with_pairs(runs, pairs, kinds, Kind.RTL if rtl else Kind.LTR)
    inside = [False] * len(glyphs)
    for first, last in runs:
        inside[first: last + 1] = [True] * (last + 1 - first)

    def shown(k: int) -> Glyph:
        text, bold, italic = glyphs[k]
        if k in groups:
            return NO_BREAK_SPACE, bold, italic
        if k in shapes:  # mirrored where read right to left
            shape = shapes[k]
            return (MIRRORED[shape] if rtl != inside[k] else shape), bold, italic
        return glyphs[k]

    out: list[Glyph] = []
    if rtl:
        starts = {last: first for first, last in runs}
        k = len(glyphs) - 1
        while k >= 0:
            if k in starts:
                out.extend(shown(j) for j in range(starts[k], k + 1))
                k = starts[k] - 1
            else:
                out.append(shown(k))
                k -= 1
        return out
    ends = {first: last for first, last in runs}
    k = 0
    while k < len(glyphs):
        if k in ends:
            out.extend(_turned(kinds, k, ends[k], shown))
            k = ends[k] + 1
        else:
            out.append(shown(k))
            k += 1
    return out


def _pairs(shapes: dict[int, str]) -> list[tuple[int, int]]:
    """The (closing, opening) indexes of the bracket pairs, matched by shape left to right."""
    stacks: dict[str, list[int]] = {}
    pairs: list[tuple[int, int]] = []
    for k in sorted(shapes):
        shape = shapes[k]
        family = _PAIR_OF[shape]
        if shape == family[0]:
            stacks.setdefault(family, []).append(k)
        elif stacks.get(family):
            pairs.append((k, stacks[family].pop()))
    return pairs


def _with_pairs(runs: list[tuple[int, int]], pairs: list[tuple[int, int]], kinds: list[Kind],
                against: Kind) -> list[tuple[int, int]]:
    """The islands grown to take in the far bracket of a pair whose other bracket is inside,
    where nothing of the `against` direction or a tab lies between (UAX #9 N0: the brackets of
    "M.[AM(R)S_1GHz_SHARING]" take the direction of the text around the opening one)."""
    if not pairs:
        return runs
    grown = list(runs)
    for closing, opening in pairs:
        for n, (first, last) in enumerate(grown):
            if first < opening < last < closing and all(kinds[j] not in (against, Kind.SEGMENT) for j in range(last + 1, closing)):
                grown[n] = (first, closing)
            elif opening < first < closing < last and all(kinds[j] not in (against, Kind.SEGMENT) for j in range(opening, first)):
                grown[n] = (opening, last)
    merged: list[tuple[int, int]] = []
    for first, last in sorted(grown):  # an island grown over the next one takes it in
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return merged


def _turned(kinds: list[Kind], first: int, last: int, shown: Callable[[int], Glyph]) -> list[Glyph]:
    """A right-to-left island of a left-to-right line turned round, its numbers kept in order."""
    units: list[list[Glyph]] = []
    k = first
    while k <= last:
        if kinds[k] is Kind.DIGIT:
            j = k
            while j + 1 <= last and kinds[j + 1] is Kind.DIGIT:
                j += 1
            units.append([shown(m) for m in range(k, j + 1)])
            k = j + 1
        else:
            units.append([shown(k)])
            k += 1
    return [glyph for unit in reversed(units) for glyph in unit]


def _tokens(kinds: list[Kind], strong: Kind) -> list[tuple[int, int, Kind]]:
    """Maximal runs of `strong` glyphs or of digits, as (first, last, kind)."""
    tokens: list[tuple[int, int, Kind]] = []
    for k, kind in enumerate(kinds):
        if kind is strong or kind is Kind.DIGIT:
            if tokens and tokens[-1][1] == k - 1 and tokens[-1][2] is kind:
                tokens[-1] = (tokens[-1][0], k, kind)
            else:
                tokens.append((k, k, kind))
    return tokens


def _ltr_islands(glyphs: Sequence[Glyph], kinds: list[Kind], openers: dict[int, int],
                 groups: set[int] | None = None) -> list[tuple[int, int]]:
    """In a right-to-left line, the left-to-right islands: Latin words and numbers with what lies
    between them when nothing right to left or a tab does. A number is an island of its own after
    a bracket ("(WRC-07) 417" is read "417 (WRC-07)") and, unless Latin text leads it (W7),
    after anything but one space before a group of three digits ("5 000"); Latin text after a
    bracket closing one opened before the island ("(R) (AM(R)S)": N0 gives those brackets the
    right-to-left direction around them). `openers` gives each closing bracket's opening one;
    the space before a group of three digits joined so is added to `groups`."""
    islands: list[tuple[int, int]] = []
    latin = False  # the current island holds a Latin word: its numbers are read as Latin (W7)
    previous: tuple[int, int, Kind] | None = None
    for token in _tokens(kinds, Kind.LTR):
        first, _last, kind = token
        joined = False
        if previous is not None and islands:
            between = range(previous[1] + 1, first)
            blocked = any(kinds[j] in (Kind.RTL, Kind.SEGMENT) or openers.get(j, first) < islands[-1][0]
                          for j in between)
            bracket = any(glyphs[j][0] in MIRRORED for j in between)
            if not blocked:
                if kind is Kind.LTR:  # but not to a footnote's mark across a bracket: "(A/70/123)⁴"
                    joined = not (bracket and _marks_only(glyphs, previous))
                elif bracket:
                    joined = False
                elif latin:
                    joined = True
                else:
                    joined = len(between) == 1 and glyphs[between[0]][0].isspace() and _digit_group(glyphs, token)
                    if joined and groups is not None:
                        groups.add(between[0])
        if joined:
            islands[-1] = (islands[-1][0], token[1])
            latin = latin or kind is Kind.LTR
        else:
            islands.append((first, token[1]))
            latin = kind is Kind.LTR
        previous = token
    return islands


def _with_trailing_separators(glyphs: Sequence[Glyph], kinds: list[Kind],
                              islands: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The left-to-right islands of a right-to-left line grown over the separators drawn right
    after them ("/", ".", ",", ":", "-": UAX #9 CS, ES, ET), touching, before a space or a bracket
    that more of the line follows: set there, they go on the Latin text beyond the line's end
    ("(A/" broken before "70/123)": its slash drawn right of "A"). A separator that went with the
    Arabic text would be drawn on the island's other side; one at the right edge of the line or
    of a cell opens it ("-dBW 90,8" typed, printed "dBW 90,8-")."""
    grown = []
    for first, last in islands:
        end = last
        while (end + 1 < len(glyphs) and kinds[end + 1] is Kind.NEUTRAL and glyphs[end + 1][0] not in MIRRORED
               and unicodedata.bidirectional(glyphs[end + 1][0][:1]) in ("CS", "ES", "ET")):
            end += 1
        after = end + 1
        if end > last and after < len(glyphs) and (glyphs[after][0] == " " or glyphs[after][0] in MIRRORED):
            last = end
        grown.append((first, last))
    return grown


def _marks_only(glyphs: Sequence[Glyph], token: tuple[int, int, Kind]) -> bool:
    """The token is a footnote's raised mark (superscript digits or roman letters)."""
    return all(glyphs[k][0][:1] in MARK_CHARACTERS for k in range(token[0], token[1] + 1))


def _digit_group(glyphs: Sequence[Glyph], token: tuple[int, int, Kind]) -> bool:
    """The number opens with a group of three digits (a thousands group after a space)."""
    first, last, _kind = token
    digits = 0
    for k in range(first, last + 1):
        if not glyphs[k][0].isdigit():
            break
        digits += 1
    return digits == 3


def _rtl_islands(glyphs: Sequence[Glyph], kinds: list[Kind]) -> list[tuple[int, int]]:
    """In a left-to-right line, the right-to-left islands: from a right-to-left glyph to the last
    one before Latin text or a tab, numbers and neutrals between them included."""
    islands: list[tuple[int, int]] = []
    start = last = -1
    for k, kind in enumerate(kinds):
        if kind is Kind.RTL:
            if start < 0:
                start = k
            last = k
        elif kind in (Kind.LTR, Kind.SEGMENT) and start >= 0:
            islands.append((start, last))
            start = -1
    if start >= 0:
        islands.append((start, last))
    return islands
