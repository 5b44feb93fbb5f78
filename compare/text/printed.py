"""Right-to-left text as it prints: two texts that differ only where a reader cannot see it.

Inside Arabic or Hebrew text, Latin words and figures typed in one order often print as if typed
in another: "934 km" and "km 934", "18-A" and "A-18" give the same line, because Unicode's
bidirectional algorithm (UAX #9) lays each out so. A Word file keeps the order that was typed; a
PDF keeps only what was printed, and its reader has to choose one (parsers.pdf.bidi). A delegate
comparing an Arabic Word draft with its PDF would be told of changes nobody can see on paper.

`printed_words` gives the words of a right-to-left text in the order they print: each line
segment (a tab or a line break ends one: a table's cell, a block's line) keyed as it is compared
(compare.text.normalize.key_text), then laid out left to right by the algorithm with a
right-to-left base direction (python-bidi, which implements UAX #9 in full). Two texts with the
same printed words are the same as printed (compare.versions.engine reports them unchanged, with
the reason). A no-break space between two digits is laid out as one ("1 164": one number, W4),
though the keys fold it into a space; a plain space there parts two numbers, which print in the
other order ("918 483" prints "483 918"). The PDF reader gives a space it read as a thousands
separator as a no-break space (parsers.pdf.bidi).

The text's direction is that of most of its letters, as a PDF page's is (parsers.pdf.lines): a
left-to-right text is compared as it is.
"""

from __future__ import annotations

import re

from compare.model import CompareOptions
from compare.text.normalize import key_text
from parsers.pdf.bidi import mostly_right_to_left

# What ends a segment laid out on its own: a tab (UAX #9 L1 segment separator), a line break.
_SEGMENT = re.compile("[\t\n\r\u2028\u2029]")
# A no-break space between two digits: a figure's thousands separator ("1 164", one number as it
# prints: UAX #9 W4), where a plain space parts two numbers ("918 483" prints "483 918"). The keys
# fold it into a space: it goes through them as a word joiner, which they keep as it is.
_DIGIT_GROUP = re.compile("(?<=\\d)[\u00a0\u202f\u2007](?=\\d)")
_KEPT_GROUP = "\u2060"
# A lone surrogate (a damaged PDF's text can hold one): the layout library takes UTF-8 only.
_SURROGATE = re.compile("[\ud800-\udfff]")


def right_to_left(text: str) -> bool:
    """Most of the text's letters are written right to left, as on a PDF page (one rule for
    both: parsers.pdf.bidi.mostly_right_to_left)."""
    return mostly_right_to_left(text)


def printed_words(text: str, options: CompareOptions | None = None) -> tuple[str, ...] | None:
    """The compared words of a right-to-left `text` in the order they print (see the module's
    docstring), or None for a text that is not right to left."""
    return words_as_printed(text, options) if right_to_left(text) else None


def words_as_printed(text: str, options: CompareOptions | None = None) -> tuple[str, ...]:
    """The compared words of `text` in the order they print in a right-to-left paragraph (a line
    of mostly Latin text in an Arabic table too)."""
    from bidi import get_display  # only for right-to-left text: most comparisons never load it

    words: list[str] = []
    for segment in _SEGMENT.split(text):
        key = key_text(_DIGIT_GROUP.sub(_KEPT_GROUP, segment), options).replace(_KEPT_GROUP, "\u00a0")
        key = _SURROGATE.sub("\ufffd", key)
        words.extend(str(get_display(key, base_dir="R")).split())
    return tuple(words)


def print_alike(old: str, new: str, options: CompareOptions | None = None) -> bool:
    """Two right-to-left texts whose words print in the same order (`printed_words`)."""
    printed = printed_words(old, options)
    return printed is not None and printed == printed_words(new, options)
