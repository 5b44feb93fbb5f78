"""Doubtful word gaps settled by the document's own words.

Where a PDF sets a word space as a gap with no space glyph, the line builder judges it by its
width (parsers.pdf.lines, SPACE_SHARE of the font's space). Between two letters some widths tell
nothing (DOUBTFUL_GAP_EM): a letter-spaced justified line of a UN resolution opens gaps of 0.10 to
0.14 em inside words ("hea lth"), MuPDF's rewrite of it 0.154 em ("ab uses"), while LaTeX squeezes
a line's word gaps to 0.14 em ("of patterns"), each with no space glyph. What the document writes
elsewhere tells them apart:
- a gap whose sides together are a word of the document, written whole, and apart are not both
  such words, is inside the word ("hea" + "lth", "an" + "d": a single letter counts as no word);
- a gap whose two sides are words of the document and together are none is a word space ("of" +
  "patterns"), in a font the document sets no space glyph in: where a font has space glyphs, a
  gap with none is inside a word, or its word is rare ("Yemenis" in S/2022/158, once, and
  "Yemen" and "is"), and the width decides.
Where the document's words tell neither (both ways are words, "in to" and "into", or none is),
the width decides, as before: two pieces that are no words of the document may be two words it
writes once (a page read alone: "Concerned" in italics, then "about"). But a gap read as a space
that leaves a lower-case letter standing alone beside a word, in a font with space glyphs, is inside
that word unless the letter is a word of one letter in the document's language ("o ther",
"managemen t": MuPDF's rewrite of S/2018/257 and S/2022/501 widens such gaps to 0.16 em, over
the width's 0.15, in words the document writes once; English writes "a" and "i" alone, Spanish
"o" and "y": resources/lexicons/language/stopwords.toml).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import cache

from parsers.language import detect_language, one_letter_words
from parsers.pdf.lines import Line

_LETTERS = re.compile(r"[^\W\d_]+")
_LAST_LETTERS = re.compile(r"[^\W\d_]+$")
_FIRST_LETTERS = re.compile(r"^[^\W\d_]+")
# What ends a line cut inside a word (its last letters and the next line's first are pieces).
_CUT_ENDS = ("-", "\xad", "\x02")


def settle_word_gaps(pages: Sequence[list[Line]]) -> list[list[Line]]:
    """Each page's lines with their doubtful gaps (`Line.doubtful`) settled by the words the
    document writes whole elsewhere, and no doubtful gap left on any line."""
    if not any(line.doubtful for page in pages for line in page):
        return [list(page) for page in pages]
    words = frozenset(_sure_words(line for page in pages for line in page))

    @cache
    def alone() -> frozenset[str] | None:  # asked only of a gap beside a lone letter
        return one_letter_words(detect_language(" ".join(line.text for page in pages for line in page)))

    return [[_settled(line, words, alone) if line.doubtful else line for line in page] for page in pages]


def _sure_words(lines: Iterable[Line]) -> Iterable[str]:
    """The lower-cased words of the lines that no doubtful gap touches, without the pieces of a
    word cut at a line end."""
    cut = False
    for line in lines:
        text = line.text
        found = list(_LETTERS.finditer(text))
        if cut and found:
            found = found[1:]
        cut = text.rstrip().endswith(_CUT_ENDS)
        if cut and found:
            found = found[:-1]
        for match in found:
            start, end = match.span()
            if not any(start - 1 <= at <= end for at, _spaced, _gapped in line.doubtful):
                yield match[0].lower()


def _settled(line: Line, words: frozenset[str], alone: Callable[[], frozenset[str] | None]) -> Line:
    """The line with each doubtful gap a space or none as `words` say (see the module). Each gap
    is judged on the line as read: closed when the letters on either side of it make a word and
    do not make two (across other gaps left closed: "Improv|i|se d" is "Improvised"), or when it
    leaves a lower-case letter alone that is no word of one letter (`alone()`, the language's, None
    where it has none); opened when its sides up to the doubtful gaps beside them are two words and
    together none ("specificity|of|patterns"); then the changes are made from the last to the
    first, so that each one's place still holds."""
    text = line.text
    gaps = sorted(line.doubtful)
    changes: list[tuple[int, bool]] = []
    for k, (at, spaced, gapped) in enumerate(gaps):
        if spaced:
            sides = _sides(text[:at], text[at + 1:])
            if sides is not None and ((sides[0] + sides[1] in words and not _words(sides, words))
                                      or (not gapped and _stray_letter(text, at, sides, alone))):
                changes.append((at, True))
        elif gapped:
            start = gaps[k - 1][0] + gaps[k - 1][1] if k else 0
            end = gaps[k + 1][0] if k + 1 < len(gaps) else len(text)
            sides = _sides(text[start:at], text[at:end])
            if sides is not None and _words(sides, words) and sides[0] + sides[1] not in words:
                changes.append((at, False))
    styles = list(line.styles)
    for at, spaced in reversed(changes):
        if spaced:  # the space read there comes out
            text = text[:at] + text[at + 1:]
            del styles[at]
        else:  # a space goes in, in the style of the letter after it
            text = text[:at] + " " + text[at:]
            styles.insert(at, styles[at])
    return replace(line, text=text, styles=tuple(styles), doubtful=())


def _sides(before: str, after: str) -> tuple[str, str] | None:
    """The letters ending `before` and those opening `after`, lower-cased (None if either has none)."""
    left, right = _LAST_LETTERS.search(before), _FIRST_LETTERS.match(after)
    return None if left is None or right is None else (left[0].lower(), right[0].lower())


def _stray_letter(text: str, at: int, sides: tuple[str, str], alone: Callable[[], frozenset[str] | None]) -> bool:
    """Does the space at `at` leave a lower-case letter standing alone, a token of its own, beside
    a word of two letters or more that goes on in lower case towards it ("o ther", "managemen t,";
    not the "s" of "listener’s gaze", nor a note's letter before its capital: "c For"), a letter
    that is no word of one letter in the document's language?"""
    if len(sides[0]) == 1 and len(sides[1]) > 1:  # the letter before the space
        letter, outside, neighbour = text[at - 1], text[at - 2:at - 1], text[at + 1]
        apart = outside == "" or outside.isspace()
    elif len(sides[1]) == 1 and len(sides[0]) > 1:  # the letter after it
        letter, outside, neighbour = text[at + 1], text[at + 2:at + 3], text[at - 1]
        apart = outside == "" or outside.isspace() or outside in _CLOSING
    else:
        return False
    if not (apart and letter.islower() and neighbour.islower()):
        return False
    single = alone()
    return single is not None and letter not in single


# What may follow a word and end it, after a lone letter ("managemen t,"): not an apostrophe.
_CLOSING = frozenset(",.;:!?)]")


def _words(sides: tuple[str, str], words: frozenset[str]) -> bool:
    """Are both sides words of the document (a single letter counts as none)?"""
    return all(len(side) > 1 and side in words for side in sides)
