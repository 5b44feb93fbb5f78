"""Characters into lines: baseline clustering, superscript marks, word spaces, right-to-left order.

A line is a run of characters sharing a baseline, cut where a horizontal gap is wider than any
word space (a masthead's "United Nations ... A/RES/72/1", a table's cells). Smaller characters
raised above a line's baseline are superscripts: digits and `*`/`†` become footnote marks
(digits as Unicode superscripts, written right after the word), and so does a raised group of
lower-case roman letters, an endnote's mark ("i" as "ⁱ"); other raised letters ("1er", "XXIe")
stay letters.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate, compress, islice, pairwise, repeat
from operator import attrgetter, gt, itemgetter, not_, sub

from parsers.language import beside_spaceless
from parsers.model import MARK_CHARACTERS, ROMAN_MARK, displayed_mark
from parsers.pdf.bidi import RTL_RANGE, TAB, Kind, kind_of, mostly_right_to_left, reading_order
from parsers.pdf.chars import BARCODE_FONT, RUN_GAP_EM, Char, Page, moved
from parsers.structure import BULLETS, NOTE_MARKS, SYMBOL

# Baselines closer than this (in ems of the larger size) belong to one line: covers the small
# shifts between fonts on a line while staying well under the raise of a superscript (~0.33 em).
BASELINE_TOLERANCE_EM = 0.2
# A character is superscript when set at most this fraction of its line's size...
SUPERSCRIPT_SIZE_RATIO = 0.85
# ... and raised by at least this much (ems of the line) but no more than the upper bound.
SUPERSCRIPT_MIN_RAISE_EM = 0.12
SUPERSCRIPT_MAX_RAISE_EM = 0.75
# A raised group joins the line below when it lies within this many ems of the line's ends (a
# footnote's mark sits a tab's width before its text).
SUPERSCRIPT_REACH_EM = 2.5
# ... unless more than this share of its ink stands over the ink of that line (`_stands_over`).
RAISED_OVER_SHARE = 0.5
# A note's call wrapped alone to the next line (at most this many digits or symbols) sits under
# the line above by less than this (ems: raised over the next baseline, so less than a line's
# pitch: 0.81 em in LibreOffice's Chinese drafts), and is set this far over the line above.
WRAPPED_MARK_CHARS = 3
# A group no larger than a line, set at most this many ems below its baseline, each glyph right
# after one of the line's (within SUBSCRIPT_REACH_EM) and before another, is a subscript of that
# line ("H₂O" lowered by hand: 0.33-0.37 em in LibreOffice's prints).
SUBSCRIPT_MAX_DROP_EM = 0.5
SUBSCRIPT_REACH_EM = 0.3
SUBSCRIPT_CHARS = 3  # a subscript is short: "2", "10", "max"; a lower line is not
WRAPPED_MARK_EM = 1.0
WRAPPED_MARK_RAISE_EM = 0.35
# Word spaces come from the file's own space characters. Where there is none, a gap between two
# glyphs is a word space when it is wider than this share of the font's space, the median width
# of its space glyphs in the document: gaps inside words reach 0.14 em in the real UN corpus
# (letter-spaced justified lines: "hea lth", "an d" with a 0.104-0.14 em gap), word gaps without a
# space glyph start at 0.15 em; Times' space is 0.25 em. (PDFium's generated spaces are not used:
# it puts them into gaps of 0.11 em, "tuberculo sis", and before line-end hyphens.)
SPACE_SHARE = 0.6
# The space of a font the document never sets a space in (ems): Times and Arial are 0.25-0.28.
DEFAULT_SPACE_EM = 0.25
# Across a raised footnote mark (its size is not the text's) this narrower gap already separates
# words: "Goals,³ and" is set with a gap of 0.1-0.2 em and no space glyph.
MARK_GAP_EM = 0.1
# A glyph of combining marks alone takes the baseline of a glyph it overlaps at most this far
# above or below it (ems of its size).
COMBINING_REACH_EM = 0.6
# Where italic text gives way to upright text this narrower gap already separates words: an italic
# glyph's box leans out to the right ("of" in italics then "the": 0.147 em, in S/2018/693, where
# the upright test asks 0.15 em); within a word the two styles meet with no gap.
ITALIC_EXIT_GAP_EM = 0.1
# Between an italic letter or figure and an upright one, this gap: the italic "f" leans furthest
# ("note of" in italics, then "consultations": 0.071 em in S/2018/693, the box 0.64 em wide for an
# advance of 0.28). Across the real UN PDFs such pairs meet at 0.071-0.184 em, all word spaces;
# before punctuation (an upright "," or ":" after italics) 0.02-0.098 em, none.
ITALIC_EXIT_WORD_GAP_EM = 0.05
# A gap between two letters with no space glyph in it, this wide (ems, from the lower bound to the
# upper), is doubtful: gaps inside words reach 0.104-0.144 em in the real UN PDFs (letter-spaced
# justified lines) and 0.154-0.2 em in MuPDF's rewrites of them ("ab uses"), where word gaps with
# no space glyph start at 0.14 em in other typesetters' PDFs (LaTeX's squeezed lines, "of
# patterns"). The width decides them as SPACE_SHARE does unless the document's own words do
# (parsers.pdf.word_gaps).
DOUBTFUL_GAP_EM = (0.08, 0.25)
# A gap before a hyphen (see _HYPHENS) or beside Chinese is no word space unless it is this wide
# (ems): a tab's.
HYPHEN_TAB_EM = 1.0
# Space glyphs narrower than this (ems) say nothing about the font's space (zero-width spaces).
MIN_SPACE_EM = 0.1
# Column gaps: looked for in this band of the page width, at least this wide (ems), crossed by
# at most this share of the lines with text on both sides, of which there are at least this many.
GUTTER_ZONE = (0.2, 0.8)
GUTTER_MIN_EM = 0.5
GUTTER_CROSSING_SHARE = 0.2
GUTTER_MIN_LINES = 8
# A column is at least this wide (ems): narrower "columns" are labels or aligned word spaces.
COLUMN_MIN_EM = 12.0
# Lines whose baselines lie within this many ems of each other stand side by side for finding
# column gaps: half a line's pitch, the furthest a column's lines can stand off the other's.
COLUMN_OFFSET_EM = 0.6
# A page's columns may run only part of the way down it, between lines set across the middle of
# the page (`_column_sections`): lines with no gap this wide (ems) there. Wider than GUTTER_MIN_EM,
# which would take a scan's word gaps for column gaps; narrower column gaps are found only where
# the columns run from the top of the page to the bottom.
SECTION_GAP_EM = 1.0
# A line on one side of the gaps at either end of such a part, further from the next line than
# this many times the part's commonest distance between baselines, is no line of its columns.
SECTION_APART = 1.5
# ... and its columns' lines are mostly at least this wide (ems) and hold at least this many
# words (glyphs more than this many ems apart): prose, not a table's cells.
SECTION_PROSE_EM = 8.0
SECTION_WORDS = 5
WORD_GAP_EM = 0.2
# A gap wider than this (ems) splits a line into two segments (masthead parts, table cells,
# columns); a label's tab ("1.<tab>Decides") stays under it in UN templates.
SEGMENT_GAP_EM = 3.5
# Two segments of one baseline are one line with a tab between them ("Project Manager<tab>Date:",
# a Word paragraph with a tab stop) when they share size and weight, the second has at most
# this many words, and the line is inside the page's text band (TAB_LINE_BAND of the height off
# either edge: mastheads and running lines are nearer the edges, and their parts differ in size).
TAB_LINE_WORDS = 4
TAB_LINE_BAND = 0.1
# Points within which two lines start at one edge.
HANG_EDGE = 1.0
# A line's first word is a list's label set before its text with a tab, not a word, when the gap
# after it is at least this wide (ems): Word's "1)<tab>", "a.<tab>" and "o<tab>" print 0.6-1.2 em
# apart from their text, where a word space is 0.25-0.35 em.
LABEL_GAP_EM = 0.5
# Word's bullet of a list's second level, a Courier New "o" before a tab: a bullet (WHITE BULLET)
# where it stands in a font of its own a label's gap before the line's text; in the text's own
# font it is a word ("o bien", Spanish "or").
O_BULLET = "\u25e6"

# On a right-to-left page a gap this wide (ems) with no space glyph in it is a tab's: a segment
# separator of the bidirectional algorithm ("MOD<tab>MEX/18A3/1" printed "MEX/18A3/1   MOD").
TAB_GAP_EM = 1.5

# On a right-to-left page a space glyph of no width stands for a space only in a gap at least
# this wide (ems): no-break spaces sit in 0.25 em, LibreOffice's stray ones in 0.01 em or less.
ZERO_SPACE_GAP_EM = 0.1
# A space glyph whose place the next glyph takes is no word space: the next glyph starts within
# this share of the space's width from its left, and under COVERED_GAP_EM from the glyph before
# (LibreOffice prints "6.1]]" of an underlined Word field as "6.1", " ", "]" on top of the space).
COVERED_SHARE = 0.25
COVERED_GAP_EM = 0.05

_DEFAULT_GAP = SPACE_SHARE * DEFAULT_SPACE_EM

# A label set apart from its text by a tab stop: "1.", "(a)", "IV.", an Arabic letter ("أ)",
# "(ب)"), a bullet, a note's asterisk or dagger (NOTE_MARKS).
_SEGMENT_LABEL = re.compile(r"\(?(?:\d{1,3}|[a-z]{1,2}|[ivxlcIVXLC]{1,6}|[A-Z]|[\u0621-\u064a])[.)]"
                            f"|[{BULLETS}{re.escape(NOTE_MARKS)}]")
MARK_SYMBOLS = "*†‡§"
SUPERSCRIPT_MARKS = MARK_CHARACTERS + MARK_SYMBOLS


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text with a (bold, italic) style per character of `text`."""

    page: int
    text: str
    styles: tuple[tuple[bool, bool], ...]
    x0: float
    x1: float
    baseline: float
    size: float
    marks: tuple[str, ...] = ()  # footnote marks raised inside the line, in order
    lead_mark: str | None = None  # a raised mark opening the line (a footnote's own text)
    lead_width: float = 0.0  # width of the line's first word, in points
    text_x0: float = 0.0  # where the second word starts (the text after a label)
    # read right to left (its page's direction): then its first word is its rightmost, `lead_width`
    # that word's width and `text_x0` the right end of the word after it
    rtl: bool = False
    # a table (parsers.pdf.tables): each row's cells in reading order, a cell as its lines; then
    # `text` is theirs joined (cells by tabs, rows by newlines) and the line is a paragraph of its own
    cells: tuple[tuple[tuple[Line, ...], ...], ...] = ()
    # the gaps between two letters, with no space glyph, whose width alone does not tell a word
    # space (DOUBTFUL_GAP_EM): where each is in `text` (the space put there, or the letter after
    # a gap left closed), whether it was read as a space, and whether its font sets no space glyph
    # in the document (its word spaces are all gaps); parsers.pdf.word_gaps settles them
    doubtful: tuple[tuple[int, bool, bool], ...] = ()
    # opens with a list's label before a tab ("1)", "a.", "iv.": parsers.pdf.paragraphs.with_list_labels)
    tab_label: bool = False
    # a table's column rules, left to right (x in points, on the page as printed), and whether they
    # were found from its text (a table ruled across only: parsers.pdf.tables.open_grids)
    columns: tuple[float, ...] = ()
    ruled_across: bool = False

    @property
    def bold(self) -> bool:
        """Every shown (non-space) character bold, and at least one shown."""
        return all_bold(self.text, self.styles)

    @property
    def top(self) -> float:
        return self.baseline - self.size


def all_bold(text: str, styles: Sequence[tuple[bool, bool]]) -> bool:
    """Every shown (non-space) character of `text` bold, and one at least (a line's, a
    paragraph's): most texts are answered at their first character."""
    for ch, (bold, _italic) in zip(text, styles, strict=True):
        if not bold and not ch.isspace():
            return False
    return bool(text.strip())


def space_widths(pages: Iterable[Page]) -> dict[str, float]:
    """Each font's word space in ems: the median width of its space glyphs over the pages (a
    no-break space's too: MuPDF's rewrite gives every space glyph as one)."""
    widths: dict[str, list[float]] = {}
    for page in pages:
        chars = page.chars
        # the space glyphs picked out at C level (a tenth of a page's glyphs or so): the single
        # ones, then those inside runs, a run's at once (a generator's step a space: 16 ms for
        # the long pair's 57 pages, 13 ms this way)
        for char in compress(chars, map(_SPACE_GLYPHS.__contains__, map(_TEXT, chars))):
            _add_spaces(widths, char.font, char.size, [char.x1 - char.x0])
        for char in compress(chars, map(_GLYPH_X0S, chars)):
            text, x0s, x1s = char.text, char.glyph_x0s, char.glyph_x1s
            found = []
            for space in _SPACE_GLYPHS:
                k = text.find(space)
                while k >= 0:
                    found.append(x1s[k] - x0s[k])
                    k = text.find(space, k + 1)
            if found:
                _add_spaces(widths, char.font, char.size, found)
    return {font: statistics.median(found) for font, found in widths.items()}


_SPACE_GLYPHS = (" ", "\xa0")


def _add_spaces(widths: dict[str, list[float]], font: str, size: float, found: list[float]) -> None:
    """The space glyphs of one font and size, `found` wide, in ems, those that say something
    about the font's space (MIN_SPACE_EM)."""
    if font and size > 0:
        least = MIN_SPACE_EM * size
        kept = [width / size for width in found if width >= least]
        if kept:  # a font whose spaces all have no width has no word space to tell (its own gap: the default)
            widths.setdefault(font, []).extend(kept)


def glyphs(chars: Iterable[Char]) -> list[Char]:
    """The characters with each run (see `Char`) back into its glyphs, for the steps that look
    inside runs (raised marks, column order, cut lines, damaged or barcode glyphs)."""
    out: list[Char] = []
    new_tuple = tuple.__new__
    for char in chars:
        if char.glyph_x0s:
            shared = char[3:8]
            out.extend(new_tuple(Char, (text, x0, x1, *shared, (), ()))
                       for text, x0, x1 in zip(char.text, char.glyph_x0s, char.glyph_x1s, strict=True))
        else:
            out.append(char)
    return out


def page_lines(page: Page, spaces: dict[str, float] | None = None, rtl: bool | None = None) -> list[Line]:
    """The page's lines from top to bottom (segments of one baseline from left to right, two of a
    line with a tab stop as one, `_tabbed`); `spaces` are the fonts' word spaces in ems
    (`space_widths`), measured on this page when not given. On a page mostly right to left
    (`right_to_left`, or `rtl` when given: a table cell reads in its page's direction) every line
    reads right to left."""
    if spaces is None:
        spaces = space_widths([page])
    gaps = {font: SPACE_SHARE * width for font, width in spaces.items()}
    barcodes = {f for f in set(map(_FONT, page.chars)) if BARCODE_FONT.search(f)}
    chars = list(page.chars)
    # damaged files can place glyphs at infinity or NaN: those are not text anyone can see (one
    # sum over the page says whether any is: NaN and infinity survive a sum)
    if barcodes or not chars or min(map(_SIZE, chars)) <= 0 or not math.isfinite(sum(map(sum, map(_BOX, chars)))):
        # a run's glyphs lie between its ends (see `Char`): a bad glyph inside shows in its ends
        chars = [c for c in glyphs(chars) if c.size > 0 and math.isfinite(c.x0 + c.x1 + c.baseline + c.size)
                 and (not barcodes or c.font not in barcodes)]
    groups = _cluster_baselines(_seat_combining_marks(chars))
    groups = _attach_superscripts(groups)
    sections = _column_sections(groups, page.width)
    if sections:  # each part set in columns read column by column
        ordered: list[list[Char]] = []
        done = 0
        for first, end, gutters in sections:
            ordered += groups[done:first]
            ordered += _column_order([glyphs(g) for g in groups[first:end]], gutters)
            done = end
        groups = ordered + groups[done:]
    # runs are read as one glyph only where no word-space test could fall inside one
    floor = min(min(gaps.values(), default=_DEFAULT_GAP), _DEFAULT_GAP)
    rtl = right_to_left(chars) if rtl is None else rtl
    made = [[line for segment in _segments(group, rtl)
             if (line := _make_line(page.number, segment, gaps, floor, rtl)) is not None] for group in groups]
    lines: list[Line] = []
    edges: list[float] | None = None
    for row in made:
        if len(row) == 2 and not rtl:
            if edges is None:  # where a column's lines start (long lines): a tab stop is no column
                edges = [line.x0 for r in made for line in r if len(line.text.split()) > TAB_LINE_WORDS]
            if _tabbed(row[0], row[1], page.height, edges):
                row = [_with_tab(row[0], row[1])]
        lines.extend(row)
    return lines


def _tabbed(first: Line, second: Line, height: float, edges: Sequence[float]) -> bool:
    """Whether a baseline's two segments are one line with a tab stop between them (see
    TAB_LINE_WORDS): alike in size and weight, a short second one, inside the text band, a first
    one that is not a line number, neither a document symbol (a masthead's "United Nations" and
    "A/RES/72/1"), and no longer line of the page starting where the second does (a column's
    edge, `edges`)."""
    return (abs(first.size - second.size) <= 0.1 and first.bold == second.bold
            and len(second.text.split()) <= TAB_LINE_WORDS and not first.text.strip().isdigit()
            and not SYMBOL.search(first.text) and not SYMBOL.search(second.text)
            and TAB_LINE_BAND * height < first.baseline < (1 - TAB_LINE_BAND) * height
            and not any(abs(edge - second.x0) <= HANG_EDGE for edge in edges))


def _with_tab(first: Line, second: Line) -> Line:
    """The two segments as one line, a tab between them."""
    return replace(first, text=f"{first.text}\t{second.text}",
                   styles=(*first.styles, first.styles[-1] if first.styles else (False, False), *second.styles),
                   x1=second.x1, marks=first.marks + second.marks)


def right_to_left(chars: Sequence[Char]) -> bool:
    """Whether the page's base direction is right to left: more of its letters are (UAX #9 P3
    takes a paragraph's first strong letter; a line cannot tell which is its paragraph's first,
    the page's majority stands in: `mostly_right_to_left`)."""
    return mostly_right_to_left("".join(map(_TEXT, chars)))


def barcode_lines(page: Page) -> list[str]:
    """The text of the glyphs set in a barcode font (the job number printed as bars), a line per
    baseline: `page_lines` leaves them out, the reader reports them as furniture."""
    barcodes = {f for f in set(map(_FONT, page.chars)) if BARCODE_FONT.search(f)}
    if not barcodes:
        return []
    chars = [c for c in glyphs(page.chars) if c.font in barcodes and c.size > 0
             and math.isfinite(c.x0 + c.x1 + c.baseline + c.size)]
    texts = ("".join(c.text for c in sorted(group, key=_X0)).strip() for group in _cluster_baselines(chars))
    return [text for text in texts if text]


_BASELINE = attrgetter("baseline")
_X0 = attrgetter("x0")
_X1 = attrgetter("x1")
_SIZE = itemgetter(4)
_FONT = itemgetter(5)
_BOX = itemgetter(1, 2, 3, 4)  # x0, x1, baseline, size
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
_TEXT = itemgetter(0)
_X_SPAN = itemgetter(1, 2)
_GLYPH_X0S = itemgetter(8)


def _last_x0(char: Char) -> float:
    """The left of a character's last glyph (a run's glyphs' lefts grow)."""
    return char.glyph_x0s[-1] if char.glyph_x0s else char.x0


def _weight(char: Char) -> int:
    """How many glyphs other than the space a character stands for (a run: its shown ones)."""
    text = char[0]
    if char[8]:
        return len(text) - text.count(" ")
    return 0 if text == " " else 1


def _visible(chars: list[Char]) -> list[Char]:
    """The glyphs that are not spaces, by C-level maps (this looks at every glyph, several times)."""
    return list(compress(chars, map(not_, map(str.isspace, map(_TEXT, chars)))))


def dominant_size(chars: Iterable[Char]) -> float:
    """The size most glyphs other than spaces are set in, to 0.1 pt (0.0 for none)."""
    chars = chars if isinstance(chars, list) else list(chars)
    if not chars:
        return 0.0
    every = list(map(_SIZE, chars))
    smallest = min(every)
    if smallest == max(every):  # most lines: one size, spaces included
        return round(smallest, 1) if any(c[0] != " " for c in chars) else 0.0
    sizes = [c[4] for c in chars if c[0] != " "]  # (size, text) by index: faster on ~165k glyphs
    if not sizes:
        return 0.0
    if min(sizes) == max(sizes):
        return round(sizes[0], 1)
    counts: Counter[float] = Counter()
    for char in chars:  # by glyph: a run counts its glyphs, in the order met (ties go to the first)
        if char[0] != " ":
            counts[round(char[4], 1)] += _weight(char)
    return counts.most_common(1)[0][0] if counts else 0.0


def _cluster_baselines(chars: Sequence[Char]) -> list[list[Char]]:
    """Characters grouped by baseline, top to bottom."""
    groups: list[list[Char]] = []
    base = size = 0.0
    for char in sorted(chars, key=_BASELINE):
        char_size = char.size
        if groups and char.baseline - base <= BASELINE_TOLERANCE_EM * (size if size >= char_size else char_size):
            groups[-1].append(char)
            if char_size > size:
                size = char_size
        else:
            groups.append([char])
            base, size = char.baseline, char_size
    return groups


def _attach_superscripts(groups: list[list[Char]]) -> list[list[Char]]:
    """Merge a group of small raised characters into the line just below it (past a group of
    spaces only: LibreOffice sets one of no size after an Arabic note's call, between the raised
    mark and its line)."""
    sizes = [dominant_size(g) for g in groups]
    bases = [min(map(_BASELINE, g)) for g in groups]
    out: list[list[Char]] = []
    for i, group in enumerate(groups):
        j = i + 1
        while j < len(groups) and not sizes[j] and all(c.text.isspace() for c in groups[j]):
            j += 1
        if j < len(groups) and sizes[i] and sizes[j] and sizes[i] <= SUPERSCRIPT_SIZE_RATIO * sizes[j]:
            raise_em = (bases[j] - bases[i]) / sizes[j]
            lo = min(c.x0 for c in groups[j]) - SUPERSCRIPT_REACH_EM * sizes[j]
            hi = max(c.x1 for c in groups[j]) + SUPERSCRIPT_REACH_EM * sizes[j]
            # a space shows nothing: it may lie anywhere (a PDF rewritten by cairo has one at the
            # margin before each note's mark)
            inside = all(lo <= c.x0 and _last_x0(c) <= hi for c in group if not c.text.isspace())
            if SUPERSCRIPT_MIN_RAISE_EM <= raise_em <= SUPERSCRIPT_MAX_RAISE_EM and inside \
                    and not _stands_over(group, groups[j]):
                groups[j] = groups[j] + group
                continue
        if out and _subscript(group, out[-1]):  # "H₂O", "CO₂": read in its place, as Word reads it
            out[-1] = out[-1] + group
            continue
        if out and (wrapped := _wrapped_mark(group, out[-1])):
            out[-1] = out[-1] + wrapped
            continue
        out.append(group)
    return out


def _stands_over(raised: list[Char], line: list[Char]) -> bool:
    """Whether most of the ink of `raised` stands over ink of `line`: a line of its own set closer
    than its size (a smaller caption's lines 0.57 em apart in an OCR layer; a link "Table of
    Contents" over "Discussion" in a page's corner, on the baseline of a larger title), not a
    note's call, which stands beside the words of its line."""
    spans, under = _shown_spans(raised), _shown_spans(line)
    shown = sum(x1 - x0 for x0, x1 in spans)
    over = sum(max(0.0, min(x1, u1) - max(x0, u0)) for x0, x1 in spans for u0, u1 in under)
    return over > RAISED_OVER_SHARE * shown


def _subscript(group: list[Char], above: list[Char]) -> bool:
    """Whether `group` is set as subscripts in the line above it: not larger, short (at most
    SUBSCRIPT_CHARS in a run), its baseline lowered by at most SUBSCRIPT_MAX_DROP_EM of the line's
    size, each glyph right after one of that line's (within SUBSCRIPT_REACH_EM) and before another
    ("H₂O", "CO₂": the "2" lowered, by hand or as Word's subscript). A note's call wrapped to the
    next line (`_wrapped_mark`) stands at a line's start, after nothing."""
    shown = [c for c in group if not c.text.isspace()]
    if not shown or max(len(c.text) for c in shown) > SUBSCRIPT_CHARS:  # most lines: a word or a run
        return False
    size = dominant_size(above)
    if not size or max(c.size for c in shown) > size:
        return False
    drop = min(map(_BASELINE, shown)) - max(map(_BASELINE, above))
    if not 0 < drop <= SUBSCRIPT_MAX_DROP_EM * size:
        return False
    ink = [c for c in above if not c.text.isspace()]
    reach = SUBSCRIPT_REACH_EM * size

    def inside(glyph: Char) -> bool:
        middle = (glyph.x0 + glyph.x1) / 2  # a glyph's box may reach into the next one's by its advance
        return (any(abs(glyph.x0 - c.x1) <= reach and c.x0 < middle for c in ink)
                and any(c.x0 >= middle for c in ink))

    return all(map(inside, shown))


def _wrapped_mark(group: list[Char], above: list[Char]) -> list[Char]:
    """A note's call that the line broke before, alone at the start of a line with no line under
    it in reach (LibreOffice wraps Chinese text anywhere: "…的报告；" full, then "⁶" alone): its
    glyphs moved to the end of the line above, raised there as over the line below (empty: not
    such a call). Only left to right, where a line starts at its left."""
    call = "".join(c.text for c in group)
    if not 0 < len(call) <= WRAPPED_MARK_CHARS or not all(ch.isdigit() or ch in MARK_SYMBOLS for ch in call):
        return []
    above_size = dominant_size(above)
    if not above_size:
        return []
    base = max(map(_BASELINE, above))
    drop = min(map(_BASELINE, group)) - base
    if not (0 < drop < WRAPPED_MARK_EM * above_size and max(c.size for c in group) <= SUPERSCRIPT_SIZE_RATIO * above_size):
        return []
    if min(map(_X0, group)) > min(map(_X0, above)) + SUPERSCRIPT_REACH_EM * above_size:
        return []  # not at the start of a line
    shift = max(map(_X1, above)) - min(map(_X0, group))
    raised = base - WRAPPED_MARK_RAISE_EM * above_size
    return [moved(c, shift, raised - c.baseline) for c in group]


def _seat_combining_marks(chars: list[Char]) -> list[Char]:
    """Each glyph that is only combining marks (an Arabic tanwin or shadda a font fallback set on
    a baseline of its own, a little off its letter's: "ً" over "استنادا") moved onto the baseline
    of the nearest glyph it stands over or under, within COMBINING_REACH_EM: it then joins that
    line, beside its letter, rather than making a line of its own or joining another line's."""
    marks = [k for k, c in enumerate(chars) if _combining(c.text)]
    if not marks:
        return chars
    is_mark = set(marks)
    bases = sorted((c.baseline, c.x0, c.x1) for k, c in enumerate(chars) if k not in is_mark and not c.text.isspace())
    keys = [b[0] for b in bases]
    out = list(chars)
    for k in marks:
        mark = chars[k]
        reach = COMBINING_REACH_EM * mark.size
        near = bases[bisect_left(keys, mark.baseline - reach): bisect_right(keys, mark.baseline + reach)]
        over = [b for b in near if b[1] < mark.x1 and mark.x0 < b[2]]
        if over:
            out[k] = mark._replace(baseline=min(over, key=lambda b: abs(b[0] - mark.baseline))[0])
    return out


def _combining(text: str) -> bool:
    """Whether `text` is combining marks only (asked of every character of a page: map, not a
    generator, 4 -> 1.5 ms for 57 pages)."""
    return bool(text) and all(map(unicodedata.combining, text))


def _column_sections(groups: Sequence[list[Char]], width: float) -> list[tuple[int, int, list[float]]]:
    """The parts of the page set in columns: (first group, end, gutters) for groups[first:end]
    (`_gutters`). The whole page when its columns run from top to bottom; else each run of lines
    between lines that run across the page's middle (a brochure's two-column section between
    paragraphs set across the page)."""
    # each line's spans sorted once, left to right, for every step below
    shown = [(k, g[0].baseline, sorted(spans)) for k, g in enumerate(groups) if (spans := _shown_spans(g))]
    if len(shown) < GUTTER_MIN_LINES or width <= 0:
        return []
    size = dominant_size(c for g in groups for c in g) or 10.0
    gutters = _gutters(shown, width, size)
    if gutters:
        return [(0, len(groups), gutters)]
    # where a column's gap can lie: columns hold prose (COLUMN_MIN_EM)
    left = min(spans[0][0] for _k, _base, spans in shown)
    right = max(max(map(_SECOND, spans)) for _k, _base, spans in shown)
    lo = max(width * GUTTER_ZONE[0], left + COLUMN_MIN_EM * size)
    hi = min(width * GUTTER_ZONE[1], right - COLUMN_MIN_EM * size)
    if hi <= lo:
        return []
    runs: list[list[tuple[int, float, list[tuple[float, float]]]]] = [[]]
    for row in shown:
        if _runs_across(row[2], lo, hi, SECTION_GAP_EM * size):
            runs.append([])
        else:
            runs[-1].append(row)
    sections = []
    for run in runs:
        if len(run) < GUTTER_MIN_LINES or not (found := _gutters(run, width, size, COLUMN_OFFSET_EM * size)):
            continue
        # the columns run between the lines that cross their gaps (lines set across the page whose
        # word gaps kept them in the run), and not past a line on one side set apart below or
        # above them (a heading of the next part)
        parts: list[list[tuple[int, float, list[tuple[float, float]]]]] = [[]]
        for row in run:
            if any(x0 < gutter < x1 for x0, x1 in row[2] for gutter in found):
                parts.append([])
            else:
                parts[-1].append(row)
        for part in parts:
            part = _trimmed(part, found)
            if len(part) >= GUTTER_MIN_LINES and (gutters := _gutters(part, width, size, COLUMN_OFFSET_EM * size)) \
                    and _prose(part, gutters, size):
                sections.append((part[0][0], part[-1][0] + 1, gutters))
    return sections


def _prose(rows: list[tuple[int, float, list[tuple[float, float]]]], gutters: list[float], size: float) -> bool:
    """Whether each column between `gutters` is set in prose: most of its lines at least
    SECTION_PROSE_EM wide and of SECTION_WORDS words or more (gaps of a fifth of an em), not the
    cells of a table with no rules (a label and its figure, a signature's rule and a name), which
    read row by row."""
    edges = [-math.inf, *gutters, math.inf]
    for a, b in pairwise(edges):
        widths, words = [], []
        for _k, _base, spans in rows:
            inside = [span for span in spans if a < (span[0] + span[1]) / 2 < b]
            if inside:
                widths.append(max(map(_SECOND, inside)) - inside[0][0])
                reach, count = inside[0][1], 1
                for x0, x1 in inside[1:]:
                    count += x0 - reach > WORD_GAP_EM * size
                    reach = max(reach, x1)
                words.append(count)
        if not widths or statistics.median(widths) < SECTION_PROSE_EM * size \
                or statistics.median(words) < SECTION_WORDS:
            return False
    return True


def _trimmed(rows: list[tuple[int, float, list[tuple[float, float]]]],
             gutters: list[float]) -> list[tuple[int, float, list[tuple[float, float]]]]:
    """`rows` without the lines at either end that stand on one side of the gutters only and
    further from the next line than SECTION_APART times the rows' commonest distance."""
    if len(rows) < 3:
        return rows
    steps = sorted(b[1] - a[1] for a, b in pairwise(rows))
    apart = SECTION_APART * steps[len(steps) // 2]

    def one_sided(row: tuple[int, float, list[tuple[float, float]]]) -> bool:
        return len({sum(1 for gutter in gutters if (x0 + x1) / 2 > gutter) for x0, x1 in row[2]}) == 1

    while len(rows) > 1 and one_sided(rows[-1]) and rows[-1][1] - rows[-2][1] > apart:
        rows = rows[:-1]
    while len(rows) > 1 and one_sided(rows[0]) and rows[1][1] - rows[0][1] > apart:
        rows = rows[1:]
    return rows


def _runs_across(spans: list[tuple[float, float]], lo: float, hi: float, gap: float) -> bool:
    """Whether a line's ink (its spans, left to right) runs from `lo` to `hi` with no gap of `gap`
    or more in between."""
    reach = -math.inf
    for x0, x1 in spans:
        if x0 - reach >= gap and lo < x0:
            return False  # a gap inside [lo, hi] (or ink starting after lo)
        if x1 > reach:
            reach = x1
            if reach >= hi:
                return True
    return False


def _gutters(shown: Sequence[tuple[int, float, list[tuple[float, float]]]], width: float, size: float,
             reach: float = 0.0) -> list[float]:
    """x positions of the gaps between text columns among `shown` lines ((index, baseline, the
    spans of their glyphs but spaces, left to right), top to bottom): strips at least GUTTER_MIN_EM wide in the
    middle of the page that almost no line crosses, among the many lines with text on both sides
    (theirs, or that of the lines within `reach` of their baseline: `_beside`). Word spaces never
    line up over that width in prose; column gaps always do."""
    lo, hi = int(width * GUTTER_ZONE[0]), int(width * GUTTER_ZONE[1])
    # difference arrays over 1-pt bins: lines with text on both sides of x, lines inked at x
    top = int(width) + 2  # the last bin: positions are clamped to [0, top]
    both = [0] * (top + 1)
    inked = [0] * (top + 1)
    for left, right in _beside(shown, reach) if reach else []:
        both[max(0, min(top, int(left) + 1))] += 1
        both[max(0, min(top, int(right)))] -= 1
    ends = []  # each line's right end
    for _index, _base, row in shown:
        end = max(map(_SECOND, row))
        ends.append(end)
        if not reach:
            both[max(0, min(top, int(row[0][0]) + 1))] += 1
            both[max(0, min(top, int(end)))] -= 1
        start_x, end_x = row[0]
        for a, b in row[1:] + [(float("inf"), float("inf"))]:
            if a <= end_x + 0.5:
                if b > end_x:
                    end_x = b
                continue
            # max(0, min(top, k)) written out: this runs for every inked run of every line
            k = int(start_x)
            inked[0 if k < 0 else top if k > top else k] += 1
            k = int(end_x) + 1
            inked[0 if k < 0 else top if k > top else k] -= 1
            start_x, end_x = a, b
    free = []
    n_both = n_inked = 0
    for x in range(0, hi):
        n_both += both[x]
        n_inked += inked[x]
        if x >= lo:
            free.append(n_both >= GUTTER_MIN_LINES and n_inked <= GUTTER_CROSSING_SHARE * n_both)
    gutters = []
    start = None
    for k, ok in enumerate(free + [False]):
        if ok and start is None:
            start = k
        elif not ok and start is not None:
            if k - start >= GUTTER_MIN_EM * size:
                gutters.append(lo + (start + k) / 2)
            start = None
    # keep only gutters between columns wide enough to hold prose
    text_left = min(row[0][0] for _index, _base, row in shown)
    text_right = max(ends)
    kept: list[float] = []
    for gutter in gutters:
        edge = kept[-1] if kept else text_left
        if gutter - edge >= COLUMN_MIN_EM * size and text_right - gutter >= COLUMN_MIN_EM * size:
            kept.append(gutter)
    return kept


def _beside(shown: Sequence[tuple[int, float, list[tuple[float, float]]]], reach: float) -> list[tuple[float, float]]:
    """The left and right ends of each line's text with that of the lines within `reach` of its
    baseline: columns whose baselines do not line up (an OCR layer sets each column's lines on
    baselines of their own) have text on both sides of their gap, as lines of aligned columns
    have."""
    ordered = sorted(((base, spans[0][0], max(map(_SECOND, spans))) for _k, base, spans in shown),
                     key=_FIRST)
    bases = [base for base, _left, _right in ordered]
    out = []
    lo = hi = 0
    for base, left, right in ordered:
        while bases[lo] < base - reach:
            lo += 1
        while hi < len(bases) and bases[hi] <= base + reach:
            hi += 1
        if hi - lo > 1:
            left = min(near[1] for near in ordered[lo:hi])
            right = max(near[2] for near in ordered[lo:hi])
        out.append((left, right))
    return out


def _shown_spans(chars: list[Char]) -> list[tuple[float, float]]:
    """(x0, x1) of the glyphs but spaces, a run's words as one span each: its glyphs are closer
    than the 0.5 pt `_gutters` bridges (chars.RUN_GAP_MAX), so the inked strips are the same."""
    spans: list[tuple[float, float]] = []
    for char in _visible(chars):
        if char.glyph_x0s and " " in char.text:
            x0s, x1s = char.glyph_x0s, char.glyph_x1s
            start = 0
            for word in char.text.split(" "):
                end = start + len(word)
                spans.append((x0s[start], x1s[end - 1]))
                start = end + 1
        else:
            spans.append((char.x0, char.x1))
    return spans


def _column_order(groups: Sequence[list[Char]], gutters: Sequence[float]) -> list[list[Char]]:
    """Lines in reading order for a page with columns: between two lines that span the
    columns (titles), read each column top to bottom, left column first."""
    out: list[list[Char]] = []
    band: list[list[list[Char]]] = [[] for _ in range(len(gutters) + 1)]

    def flush() -> None:
        for column in band:
            out.extend(column)
            column.clear()

    for group in groups:
        spans = any(c.x0 < g < c.x1 for c in group for g in gutters)
        if spans:
            flush()
            out.append(group)
            continue
        parts: list[list[Char]] = [[] for _ in range(len(gutters) + 1)]
        for char in group:
            parts[sum(1 for g in gutters if (char.x0 + char.x1) / 2 > g)].append(char)
        for column, part in zip(band, parts, strict=True):
            if any(not c.text.isspace() for c in part):
                column.append(part)
    flush()
    return out


def _segments(group: list[Char], rtl: bool = False) -> list[list[Char]]:
    """One baseline's characters left to right, cut at gaps wider than SEGMENT_GAP_EM; a label
    stays with the text it opens (on its right when the line reads right to left)."""
    ordered = sorted(group, key=_X0)
    size = dominant_size(ordered) or 1.0
    cut = SEGMENT_GAP_EM * size
    shown = _visible(ordered)
    if not shown:
        return []
    runs = any(map(_GLYPH_X0S, ordered))
    # runs stand for their glyphs when sorting them sorts the glyphs and no cut can fall inside
    # one (a run's gaps are under its size: chars.RUN_SPACE_EM)
    if runs and not (max(map(_SIZE, shown)) <= cut and _in_glyph_order(ordered)):
        return _segments(glyphs(group), rtl)
    # most lines have no gap that wide: each glyph against the right end of all before it
    rights = accumulate(map(_X1, shown), max)
    if not any(map(gt, map(sub, map(_X0, islice(shown, 1, None)), rights), repeat(cut))):
        return [ordered]
    if runs:
        return _segments(glyphs(group), rtl)
    segments: list[list[Char]] = [[]]
    current = segments[0]
    right = None
    for char in ordered:
        text, x0, x1 = char[:3]
        if text.isspace():
            current.append(char)
            continue
        if right is not None and x0 - right > cut:
            current = []
            segments.append(current)
        current.append(char)
        if right is None or x1 > right:
            right = x1
    segments = [s for s in segments if any(not c.text.isspace() for c in s)]
    # a label ("1.", "(a)", "IV.", "*") set far from its text by a hanging indent stays with it
    merged: list[list[Char]] = []
    for segment in reversed(segments) if rtl else segments:
        if merged and _SEGMENT_LABEL.fullmatch("".join(c.text for c in merged[-1]).strip()):
            merged[-1] = segment + merged[-1] if rtl else merged[-1] + segment
        else:
            merged.append(segment)
    return merged[::-1] if rtl else merged


def _in_glyph_order(ordered: list[Char]) -> bool:
    """Whether characters sorted by x0 have their glyphs sorted by x0 as sorting the glyphs
    would (stably): each run strictly right of the last glyph before it, and of it the next."""
    last = -math.inf
    was_run = False
    for char in ordered:
        run = bool(char[8])
        if (run or was_run) and char[1] <= last:
            return False
        last = char[8][-1] if run else char[1]
        was_run = run
    return True


def _make_line(page: int, chars: list[Char], gaps: dict[str, float], floor: float = _DEFAULT_GAP,
               rtl: bool = False) -> Line | None:
    """Text with word spaces, superscript marks and per-character styles, in reading order.
    `floor` is the narrowest word-space share in `gaps`; `rtl` the page's base direction."""
    if chars[0].text == "o" and not rtl:
        chars = _o_bullet(chars)
    if any(map(_GLYPH_X0S, chars)) and not rtl:
        line = _run_line(page, chars, gaps, floor)
        if line is not _BY_GLYPH:
            return line
        chars = glyphs(chars)
    if rtl:
        chars = _joined_marks(glyphs(chars))
    normal = _visible(chars)
    size = dominant_size(normal)
    first = normal[0].baseline
    if all(c.baseline == first for c in normal):  # one baseline: nothing to count
        base = round(first, 1)
    else:
        base = Counter(round(c.baseline, 1) for c in normal if round(c.size, 1) == size).most_common(1)[0][0]
    small, least = SUPERSCRIPT_SIZE_RATIO * size, size * 0.8
    marks: list[str] = []
    lead_mark = None
    if min(map(_SIZE, normal)) > small:  # most lines: no glyph small enough to be a raised mark
        texts, style_list, doubtful = _spaced(chars, least, gaps, rtl)
        text = "".join(texts)
        if len(text) == len(texts) and not rtl and not RTL_RANGE.search(text) and not _SPECIAL_FORMS.search(text):
            styles = tuple(style_list)
        else:
            text, styles = _text_and_styles([(t, b, i) for t, (b, i) in zip(texts, style_list, strict=True)], rtl)
            doubtful = doubtful if _in_place(texts, text, rtl) else []
    else:
        marked, marks, lead_mark, doubtful = _marked_glyphs(chars, base, size, gaps, rtl)
        text, styles = _text_and_styles(marked, rtl)
        doubtful = doubtful if _in_place([t for t, _b, _i in marked], text, rtl) else []
    if not text.strip():
        return None
    if rtl:  # the first word is the rightmost: measured on the line turned over
        flipped = [c._replace(x0=-c.x1, x1=-c.x0) for c in reversed(chars)]
        shown = _visible(flipped)
        end = _first_word_end(flipped, gaps, size)
        if end + 2 < len(shown) and shown[end + 1].text in "()":  # a label "أ )": its bracket is part of it
            end += 1
        lead_width, text_x0 = shown[end].x1 - shown[0].x0, -shown[min(end + 1, len(shown) - 1)].x0
    else:
        word_end = _first_word_end(chars, gaps, size)
        lead_width, text_x0 = normal[word_end].x1 - normal[0].x0, normal[min(word_end + 1, len(normal) - 1)].x0
    return Line(
        page=page,
        text=text,
        styles=styles,
        x0=min(map(_X0, normal)),
        x1=max(map(_X1, normal)),
        baseline=base,
        size=size,
        marks=tuple(marks),
        lead_mark=lead_mark,
        lead_width=lead_width,
        text_x0=text_x0,
        rtl=rtl,
        doubtful=tuple(doubtful),
    )


def _o_bullet(chars: list[Char]) -> list[Char]:
    """The line's characters (left to right, the first an "o") with that "o" read as O_BULLET
    when it is Word's bullet: in a font other than the next glyph's, LABEL_GAP_EM or more before it."""
    first, *rest = chars
    after = next((c for c in rest if not c.text.isspace()), None)
    if after is None or after.font == first.font or after.x0 - first.x1 < LABEL_GAP_EM * first.size:
        return chars
    return [first._replace(text=O_BULLET), *rest]


# What `_run_line` returns for a line it leaves to the glyph by glyph reading.
_BY_GLYPH = Line(0, "", (), 0.0, 0.0, 0.0, 0.0)


def _joined_marks(chars: list[Char]) -> list[Char]:
    """A right-to-left line's glyphs (left to right) with each glyph of combining marks joined to
    the letter it overlaps most, of the shown glyphs on either side (a shadda and fatha set over
    "ز" of "وزَّع" sort after it, a tanwin over an alef before it): reordering then keeps them
    after their letter. A space glyph of no width is a space only in a gap of ZERO_SPACE_GAP_EM
    to TAB_GAP_EM: LibreOffice draws a no-break space so (in a word space's gap) and a tab (in a
    tab's gap, which the line builder reads), and sets one inside "وزَّع" (between glyphs that
    overlap) and where a Latin run meets an Arabic one (no gap)."""
    out: list[Char] = []
    right = -math.inf
    for k, char in enumerate(chars):
        if char.text.isspace():
            if char.x1 - char.x0 < MIN_SPACE_EM * char.size:
                after = next((c for c in chars[k + 1:] if not c.text.isspace()), None)
                if after is not None and not ZERO_SPACE_GAP_EM <= (after.x0 - right) / after.size <= TAB_GAP_EM:
                    continue
            out.append(char)
            continue
        right = max(right, char.x1)
        out.append(char)
    marks = [k for k, c in enumerate(out) if _combining(c.text)]
    if not marks:
        return out
    for k in marks:
        mark = out[k]
        best, overlap = -1, 0.0
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(out) and (not out[j].text or _combining(out[j].text)):
                j += step
            if 0 <= j < len(out) and not out[j].text.isspace():
                shared = min(mark.x1, out[j].x1) - max(mark.x0, out[j].x0)
                if shared > overlap:
                    best, overlap = j, shared
        if best >= 0:
            out[best] = out[best]._replace(text=out[best].text + mark.text)
            out[k] = mark._replace(text="")
    return [c for c in out if c.text]


def _run_line(page: int, chars: list[Char], gaps: dict[str, float], floor: float) -> Line | None:
    """`_make_line` for a line with runs, read a run at a time: the same line, or _BY_GLYPH
    where a run's inside matters (raised marks, a size a word-space test inside a run could
    reach, forms to rewrite, right-to-left text)."""
    normal = _visible(chars)
    size = dominant_size(normal)
    sizes = list(map(_SIZE, normal))
    # no gap inside a run (RUN_GAP_EM) reaches a word-space test of `_spaced` or `_run_word_end`
    if min(sizes) <= SUPERSCRIPT_SIZE_RATIO * size or floor <= RUN_GAP_EM or max(sizes) * RUN_GAP_EM >= floor * size:
        return _BY_GLYPH
    first = normal[0].baseline
    if all(c.baseline == first for c in normal):
        base = round(first, 1)
    else:
        bases: Counter[float] = Counter()
        for char in normal:
            if round(char.size, 1) == size:
                bases[round(char.baseline, 1)] += _weight(char)
        base = bases.most_common(1)[0][0]
    text, styles, doubtful = _run_text(chars, size * 0.8, gaps)
    if len(text) != len(styles) or RTL_RANGE.search(text) or _SPECIAL_FORMS.search(text):
        return _BY_GLYPH
    if not text.strip():
        return None
    end_x1, next_x0 = _run_word_end(chars, gaps, size)
    return Line(page=page, text=text, styles=tuple(styles), x0=min(map(_X0, normal)), x1=max(map(_X1, normal)),
                baseline=base, size=size, lead_width=end_x1 - normal[0].x0, text_x0=next_x0,
                doubtful=tuple(doubtful))


def _covered(space: tuple[float, float], right: float, x0: float, size: float, around: str) -> bool:
    """Does a glyph at `x0`, after shown glyphs ending at `right`, sit on the space glyph
    `space` (its left and right), so that the space takes no room (COVERED_SHARE)? Not between
    right-to-left letters (`around`: the glyphs on either side), whose boxes say less."""
    return (x0 - right < COVERED_GAP_EM * size and x0 - space[0] < COVERED_SHARE * (space[1] - space[0])
            and not RTL_RANGE.search(around))


def _run_text(chars: list[Char], least: float,
              gaps: dict[str, float]) -> tuple[str, list[tuple[bool, bool]], list[tuple[int, bool, bool]]]:
    """`_spaced` a run at a time: a run's text as it stands (its single spaces are word spaces,
    its gaps none), the word-space test before its first glyph; a style per character; the
    doubtful gaps (`Line.doubtful`)."""
    texts: list[str] = []
    styles: list[tuple[bool, bool]] = []
    doubtful: list[tuple[int, bool, bool]] = []
    pending_space = False
    right = None
    last = ""  # the last glyph's text
    last_italic = False
    last_font, share = None, _DEFAULT_GAP
    space = (0.0, 0.0)
    for text, x0, x1, _baseline, char_size, font, bold, italic, x0s, _x1s in chars:
        if text.isspace():
            pending_space, space = True, (x0, x1)
            continue
        style = (bold, italic)
        if font is not last_font:
            last_font, share = font, gaps.get(font, _DEFAULT_GAP)
        if right is None:
            right = x1
        else:
            if pending_space and _covered(space, right, x0, char_size, last + text[:1]):
                pending_space = False
            head = text[0] if x0s else text
            least_gap = _italic_exit(share, last, head) if last_italic and not italic else share
            unit = char_size if char_size >= least else least
            spaced = pending_space or _word_gap(x0 - right, least_gap, unit, last, head, False, font in gaps)
            if not pending_space and _doubtful(x0 - right, unit, last, head):
                doubtful.append((len(styles), spaced, font not in gaps))
            if spaced:
                texts.append(" ")
                styles.append(style)
            if x1 > right:
                right = x1
        texts.append(text)
        if x0s:
            styles.extend([style] * len(text))
            last = text[-1]
        else:
            styles.append(style)
            last = text
        last_italic = italic
        pending_space = False
    return "".join(texts), styles, doubtful


def _doubtful(gap: float, unit: float, before: str, after: str) -> bool:
    """Is a `gap` (points) with no space glyph between the glyphs `before` and `after` one whose
    width alone does not tell a word space (DOUBTFUL_GAP_EM of `unit`, between two letters of
    scripts written with spaces: Chinese has no word space to tell)?"""
    return (DOUBTFUL_GAP_EM[0] * unit <= gap <= DOUBTFUL_GAP_EM[1] * unit
            and before[-1:].isalpha() and after[:1].isalpha() and not beside_spaceless(before[-1:], after[:1]))


def _run_word_end(chars: list[Char], gaps: dict[str, float], size: float) -> tuple[float, float]:
    """`_first_word_end` a run at a time: the right of the first word's last glyph and the left
    of the next shown glyph (of that last glyph when none follows). An opening guillemet and the
    word after it are one word (`_OPENING_GUILLEMETS`)."""
    previous: Char | None = None
    right = 0.0
    word = ""
    for k, (text, x0, x1, _baseline, _size, font, _bold, _italic, x0s, x1s) in enumerate(chars):
        if text.isspace() or (previous is not None and x0 - right > gaps.get(font, _DEFAULT_GAP) * size):
            if previous is not None and word not in _OPENING_GUILLEMETS:
                following = _visible(chars[k:])
                return previous.x1, following[0].x0 if following else _last_x0(previous)
            if text.isspace():
                continue
            # a gap after "«": the word after it goes on the first
        if x0s:
            space = text.find(" ")
            while space > 0 and word + text[:space] in _OPENING_GUILLEMETS:
                space = text.find(" ", space + 1)
            if space > 0:
                return x1s[space - 1], x0s[space + 1]
        word += text
        right = x1 if previous is None or x1 > right else right
        previous = chars[k]
    assert previous is not None  # a line has a shown glyph
    return previous.x1, _last_x0(previous)


def _first_word_end(chars: list[Char], gaps: dict[str, float], size: float) -> int:
    """The index among the visible glyphs of the last glyph of the line's first word (an opening
    guillemet and the word after it are one: `_OPENING_GUILLEMETS`)."""
    seen = -1
    right = 0.0
    word = ""
    for text, x0, x1, _baseline, _size, font, _bold, _italic, _x0s, _x1s in chars:
        if text.isspace():
            if seen >= 0 and word not in _OPENING_GUILLEMETS:
                return seen
            continue
        if seen >= 0 and x0 - right > gaps.get(font, _DEFAULT_GAP) * size and word not in _OPENING_GUILLEMETS:
            return seen
        seen += 1
        word += text
        right = x1 if seen == 0 or x1 > right else right
    return max(seen, 0)


# French sets a no-break space after an opening guillemet: with the next word, it is the line's
# first word ("« Transformer"), the one a line before would have had to hold.
_OPENING_GUILLEMETS = frozenset("«‹")


# A gap before a hyphen is no word space ("people -centred", "twenty -fifth"): a dash between
# words is set with space glyphs. A gap of HYPHEN_TAB_EM or more is one all the same. A gap after
# a hyphen is judged as any other: a suspended hyphen is followed by a word space that Word's
# PDFs set as a gap with no space glyph ("troop- and police-contributing", "low- and
# middle-income": 0.26-0.92 em in 11 of the real UN PDFs). MuPDF's rewrite gives its hyphens as
# soft hyphens (U+00AD), widened: "drug - resistant", "Secretary -General" in 14 of them.
_HYPHENS = frozenset("-\x02\u2010\u2011\xad")
# Nor is a gap before a comma or a closing bracket, on a page read left to right: none of the six
# languages types a space there. French does before ":", ";", "!" and "?", and its PDFs may set that
# space as a gap with no glyph in a font with space glyphs ("Membres :" in the corpus's French
# minutes, "Téléphone :" in a Canadian data model), so a gap there is judged by its width (and
# MuPDF's rewrite of an English draft keeps its "Process :"). MuPDF's widths open gaps before
# commas and brackets too: "exploitation ,", "(Da’esh )". On a page read right to
# left the glyph after a gap is the one before it in reading order. Nor, in a font the document
# sets space glyphs in, before an apostrophe ("Abyei ’s"): where a font has none (LaTeX), a gap is
# the only word space there is, and one may come before an apostrophe ("EDBT ’98").
_CLOSING = frozenset(",)]")
_APOSTROPHE = "\u2019"


def _word_gap(gap: float, share: float, unit: float, before: str, after: str, rtl: bool = False,
              glyph_spaces: bool = False) -> bool:
    """Is a `gap` (points) between the glyphs `before` and `after` a word space: wider than
    `share` of `unit` (ems of the glyphs' size), and before no hyphen (nor, on a page read left to
    right, `rtl` False, before a comma or closing bracket, or an apostrophe in a font that sets
    space glyphs, `glyph_spaces`: _CLOSING) and next to no character of a script written without
    spaces (Chinese: the quarter em Word and LibreOffice set between Han and Latin text or figures,
    "在 2014 年", is no space typed) unless a tab's width (HYPHEN_TAB_EM)? The test of the three
    line builders (`_run_text`, `_spaced`, `_marked_glyphs`), which differ in how they find the
    share."""
    if gap <= share * unit:
        return False
    head = after[:1]
    if after in _HYPHENS or beside_spaceless(before[-1:], head) or (
            not rtl and (head in _CLOSING or (glyph_spaces and head == _APOSTROPHE))):
        return gap > HYPHEN_TAB_EM * unit
    return True


def _italic_exit(share: float, before: str, after: str) -> float:
    """The share of a space that is a word space where italic text gives way to upright, between
    the glyphs `before` and `after` (ITALIC_EXIT_GAP_EM, ITALIC_EXIT_WORD_GAP_EM)."""
    exit_gap = ITALIC_EXIT_WORD_GAP_EM if before[-1:].isalnum() and after[:1].isalnum() else ITALIC_EXIT_GAP_EM
    return min(share, exit_gap)


def _spaced(chars: list[Char], least: float, gaps: dict[str, float],
            rtl: bool = False) -> tuple[list[str], list[tuple[bool, bool]], list[tuple[int, bool, bool]]]:
    """Each glyph's text and (bold, italic), with a word space before a glyph that follows a space
    glyph or a gap wider than its font's share of a space (for a line without raised marks:
    `_marked_glyphs` less the marks), and the doubtful gaps (`Line.doubtful`, placed in the texts
    joined). On a right-to-left page (`rtl`) a tab's gap is a tab."""
    texts: list[str] = []
    styles: list[tuple[bool, bool]] = []
    doubtful: list[tuple[int, bool, bool]] = []
    pending_space = False
    right = None
    last_italic = False
    last_font, share = None, _DEFAULT_GAP
    space = (0.0, 0.0)
    for text, x0, x1, _baseline, char_size, font, bold, italic, _x0s, _x1s in chars:
        if text.isspace():
            pending_space, space = True, (x0, x1)
            continue
        style = (bold, italic)
        if font is not last_font:  # the glyphs of a text object share one font string
            last_font, share = font, gaps.get(font, _DEFAULT_GAP)
        if right is None:
            right = x1
        else:
            if pending_space and _covered(space, right, x0, char_size, texts[-1] + text):
                pending_space = False
            least_gap = _italic_exit(share, texts[-1], text) if last_italic and not italic else share
            unit = char_size if char_size >= least else least
            tab = rtl and not pending_space and x0 - right > TAB_GAP_EM * char_size  # a bullet's "-<tab>" too
            spaced = pending_space or tab or _word_gap(x0 - right, least_gap, unit, texts[-1], text, rtl, font in gaps)
            if not pending_space and not tab and _doubtful(x0 - right, unit, texts[-1], text):
                doubtful.append((len(texts), spaced, font not in gaps))
            if spaced:
                texts.append(TAB if tab else " ")
                styles.append(style)
            if x1 > right:
                right = x1
        texts.append(text)
        styles.append(style)
        last_italic = italic
        pending_space = False
    return texts, styles, doubtful


def _marked_glyphs(chars: list[Char], base: float, size: float, gaps: dict[str, float], rtl: bool = False
                   ) -> tuple[list[tuple[str, bool, bool]], list[str], str | None, list[tuple[int, bool, bool]]]:
    """(text, bold, italic) glyphs with word spaces and raised digits or symbols as superscript
    marks; the marks in order, and the one opening the line (a footnote's own mark) apart; the
    doubtful gaps (`Line.doubtful`, placed in the glyphs). On a right-to-left page (`rtl`) a tab's
    gap is a tab, and the line opens at its right end."""
    glyphs: list[tuple[str, bool, bool]] = []
    doubtful: list[tuple[int, bool, bool]] = []
    marks: list[str] = []
    leading = False
    pending_space = False
    right = None
    after_mark = False
    last_italic = False
    small, low, least = SUPERSCRIPT_SIZE_RATIO * size, SUPERSCRIPT_MIN_RAISE_EM * size, size * 0.8
    roman = _roman_marks(chars, base, small, low)
    append = glyphs.append
    space = (0.0, 0.0)
    for k, char in enumerate(chars):
        # unpacked once: cheaper than reading the named tuple's fields one by one, glyph by glyph
        text, x0, x1, baseline, char_size, font, bold, italic, _x0s, _x1s = char
        if text.isspace():
            pending_space, space = True, (x0, x1)
            continue
        if pending_space and right is not None and glyphs and _covered(space, right, x0, char_size,
                                                                         glyphs[-1][0] + text):
            pending_space = False
        raised = char_size <= small and (base - baseline) >= low
        share = MARK_GAP_EM if raised or after_mark else gaps.get(font, _DEFAULT_GAP)
        if last_italic and not italic:
            share = _italic_exit(share, glyphs[-1][0] if glyphs else "", text)
        unit = char_size if char_size >= least else least
        gap = right is not None and _word_gap(x0 - right, share, unit, glyphs[-1][0] if glyphs else "", text, rtl,
                                              font in gaps)
        if raised and (text.isdigit() or text in MARK_SYMBOLS or k in roman):  # a superscript mark
            if glyphs and glyphs[-1][0] in SUPERSCRIPT_MARKS and not pending_space and not gap and marks:
                marks[-1] += text
            else:
                leading = leading or not glyphs
                marks.append(text)
            append((displayed_mark(text), bold, italic))
            after_mark = True
        else:
            tab = rtl and not pending_space and right is not None and x0 - right > TAB_GAP_EM * char_size
            if glyphs and right is not None and not pending_space and not tab \
                    and _doubtful(x0 - right, unit, glyphs[-1][0], text):
                doubtful.append((len(glyphs), gap, font not in gaps))
            if glyphs and (pending_space or gap or tab):
                append((TAB if tab else " ", bold, italic))
            append((text, bold, italic))
            after_mark = False
        pending_space = False
        last_italic = italic
        if right is None or x1 > right:
            right = x1
    # the mark that opens the line: its first glyph, on a right-to-left page its last (there the
    # first glyph drawn is the line's end: "…لولايتها¹" ends with its mark on the left)
    lead_mark = None
    if rtl and after_mark and marks:
        lead_mark = marks.pop()
    elif leading and not rtl:
        lead_mark = marks.pop(0)
    return glyphs, marks, lead_mark, doubtful


def _roman_marks(chars: list[Char], base: float, small: float, low: float) -> set[int]:
    """The indexes of the raised glyphs that make an endnote's mark: a raised group of lower-case
    roman letters only ("i", "iv"; Word numbers endnotes so) not raised after a digit. Other
    raised letters stay letters ("1er", "XXIe", "Mlle")."""
    out: set[int] = set()
    group: list[int] = []
    for k in range(len(chars) + 1):
        char = chars[k] if k < len(chars) else None
        if char is not None and not char.text.isspace() and char.size <= small and base - char.baseline >= low:
            group.append(k)
            continue
        if group and ROMAN_MARK.fullmatch("".join(chars[j].text for j in group)) and not (
                group[0] > 0 and chars[group[0] - 1].text[-1:].isdigit()):
            out.update(group)
        group = []
    return out


def _text_and_styles(glyphs: list[tuple[str, bool, bool]],
                     rtl: bool = False) -> tuple[str, tuple[tuple[bool, bool], ...]]:
    """The glyphs in reading order as text with a style per character (forms rewritten); `rtl`
    the page's base direction."""
    glyphs = _logical_order(glyphs, rtl)
    text = "".join([t for t, _b, _i in glyphs])
    if len(text) == len(glyphs) and not _SPECIAL_FORMS.search(text):  # one character a glyph, none to rewrite
        return text, tuple([(b, i) for _t, b, i in glyphs])
    pieces = [(_normalise_forms(t), b, i) for t, b, i in glyphs]
    return "".join(t for t, _b, _i in pieces), tuple((b, i) for t, b, i in pieces for _ in t)


def _in_place(pieces: list[str], text: str, rtl: bool) -> bool:
    """Is a line's `text` its glyphs' `pieces` (a character each) in their order, so that the
    places of its doubtful gaps hold (PDFium's hyphen mark rewritten "-" keeps them; a ligature
    rewritten, right-to-left text reordered do not: their gaps stay as the width read them)?"""
    return (not rtl and len(text) == len(pieces) and not RTL_RANGE.search(text)
            and text == "".join(pieces).replace("\x02", "-"))


# What _normalise_forms rewrites: PDFium's hyphen mark, presentation forms and ligatures.
_SPECIAL_FORMS = re.compile("[\x02\ufb00-\ufefc]")


def _normalise_forms(text: str) -> str:
    """Arabic presentation forms and compatibility ligatures (ﬁ) back to plain letters. PDFium
    reports a hyphen that ends a line as 0x02 whether the hyphen is real or the typesetter's:
    it becomes "-" again and the hyphenation rules decide."""
    if text == "\x02":
        return "-"
    if "\ufb00" <= text[:1] <= "\ufefc":
        return unicodedata.normalize("NFKC", text)
    return text


def _logical_order(glyphs: list[tuple[str, bool, bool]], rtl: bool = False) -> list[tuple[str, bool, bool]]:
    """Visual (left to right) order into reading order (`parsers.pdf.bidi`): right to left on a
    right-to-left page; elsewhere a line with right-to-left letters reads right to left when most
    of its letters do. A tab's gap stays a tab ("MOD<tab>MEX/18A3/1", "5<tab>ألا")."""
    if not rtl:
        if not RTL_RANGE.search("".join([g[0][:1] for g in glyphs])):
            return glyphs
        kinds = Counter(kind_of(g[0]) for g in glyphs)
        rtl = kinds[Kind.RTL] > kinds[Kind.LTR] + kinds[Kind.DIGIT]
    return reading_order(glyphs, rtl)
