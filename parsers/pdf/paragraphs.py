"""Lines into paragraphs, in reading order, joined across page breaks.

Within a page a new paragraph starts at a vertical gap wider than the line spacing, a first-line
indent, a label at the line start ("1.", "(a)") after a finished line, a change of size or
boldness, or after a short line that ends a sentence. Across a page break (footnotes already
taken out) the last paragraph of a page goes on when it does not end with terminal punctuation
and the next page does not open a new paragraph, or whenever the next page starts in lower case.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence, Set
from dataclasses import dataclass, replace
from itertools import accumulate, groupby

from parsers.layout import RawParagraph
from parsers.model import Location, Span
from parsers.pdf.hyphen import join_hyphenated
from parsers.pdf.lines import LABEL_GAP_EM, Line, all_bold
from parsers.pdf.markup import without_left_out
from parsers.pdf.tables import join_cells
from parsers.structure import BULLETS, NOTE_MARKS, TAB_LIST_SHAPE, TYPED_LABEL, digit_labels, preamble_starts

# A gap between baselines wider than this many line spacings separates paragraphs.
PARAGRAPH_GAP = 1.3
# Line spacings up to this many times the body size count when measuring a page's spacing:
# double spacing (court opinions: 27.6 pt for 12 pt type, 2.3 times) is still line spacing.
MAX_SPACING = 2.6
# Fewer gaps than this below full lines and the spacing is measured on all lines.
MIN_WRAPPED_GAPS = 3
# A text block narrower than this (ems) was not measured on lines that wrap: its lines are all
# short ("One", "Two", ... a line each; a list "1. a", "2. b"), their common end says nothing of
# where text would wrap (the width of a column, as in parsers.pdf.lines.COLUMN_MIN_EM).
MIN_BLOCK_EM = 12.0
# Lines ending together more than this (ems) short of the page's width less its left margin, set
# more than this many times their size apart (single spacing is 1.2 times, double 2-2.3), are
# paragraphs of a line each, not wrapped text (`_set_apart`), ...
SET_APART_EM = 12.0
SET_APART_SPACING = 1.6
# ... of which at least this share end a sentence ("." or ";": TERMINAL), as one-line paragraphs do.
SET_APART_ENDED = 0.5
# Where this share of the lines that run furthest end a sentence or a clause (at least
# LINES_APART_FULL of them), and no two lines stand closer than SET_APART_SPACING, the page's
# lines are paragraphs of a line each wherever they end (PageFrame.lines_apart): a short draft
# whose paragraphs fit a line each ("Recalling …," / "Decides …."), ragged, has no wrapped line
# to measure either its spacing or its wrap width on.
LINES_APART_ENDED = 0.9
LINES_APART_FULL = 2
# A page sets its paragraphs apart with space when at least this many of its short lines that end
# a sentence are followed by a paragraph's gap, and this share of them.
SPACED_ENDS = 3
SPACED_SHARE = 0.75
# A first line set in from the text's left edge by more than this (ems) is indented.
INDENT_EM = 0.8
# A line ending this far (ems) before the right edge of justified text is a paragraph's last.
SHORT_LINE_EM = 3.0
# Sizes differing by more than this share are different styles (heading against body).
SIZE_CHANGE = 0.1
# A continuation line within this distance (points) of the text after a label hangs from it.
HANG_TOLERANCE = 1.5
# Text this much larger than the body's is "large" (titles).
LARGE_RATIO = 1.15
# A line whose margins differ by less than this (ems) and are both wider than it is centred.
CENTRE_EM = 1.5

# A bold (ragged) line shorter than this share of its run's width ends its paragraph when the
# next line's first word would have fitted after it.
RAGGED_SHORT = 0.5
# A line at least this share of its run's width, followed by one at its indent, is a ragged
# paragraph's line however short of the right edge it ends (_starts_new).
RAGGED_LONG = 0.75

# Room (ems) a word needs beyond its own width to fit at the end of the line above: a space
# (~0.25 em) and some slack for justified lines.
FIT_SLACK_EM = 0.5

# A table of contents line: dot leaders (4 or more, spaced or not) before a page number at its
# end. It is an entry of its own; its leaders read as the tab Word's table of contents has there
# ("Definitions\t1"), so a Word file and its PDF compare alike.
_LEADER = re.compile(r"(?:[ \u00a0]*[.\u2026\u00b7]){4,}[ \u00a0]*(?=(?:\d{1,4}|[ivxlc]{1,7})$)")

# What French sets after a word with a no-break space: the word and it are a line's first word.
_ATTACHED_AFTER = frozenset(["»", "›", ":", ";", "!", "?", "%", "».", "»,", "»;"])
TERMINAL = (".", ";", ":", ",", "!", "?", "。", "，", "；", "：", "！", "？", "）", "،", "؛", "؟", "»", ")")
# A label opening a line: "1.", "12/3.", "(a)", "(iv)", "II.", "B.", an Arabic letter ("أ )",
# "ب)"), a number before a tab (right-to-left lines keep a tab's gap: "5<tab>ألا"), a decimal
# section number ("2.1", "3.2.1.") before a capital or a letter of a caseless script ("2.5 per
# cent" is text), a bullet, a note's asterisk or dagger standing alone ("*<tab>Basic limits…").
_LABEL = re.compile(r"^(?:\d{1,3}(?:/\d{1,4})?\.|[(（]?(?:[a-z]{1,2}|[ivxlc]{1,6}|[а-я])[)）]|[IVXL]{1,5}\.|[A-H]\.|[\u0621-\u064a] ?\)|\d{1,3}(?=\t))(?:\s|$)"
                    r"|^\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+(?=[A-ZÀ-Þ]|[^\x00-\u024f])"
                    f"|^[{BULLETS}{re.escape(NOTE_MARKS)}]\\s")


# A label Word prints before a tab, taken for one only in a list (`with_list_labels`): "1)", "a.", "iv."
# ("p. 12", "v. Jones" and "2) and 3)" open lines of prose, some with a wide gap after them).
_TAB_LABEL = re.compile(f"^{TAB_LIST_SHAPE} ")
_ROMAN_DIGITS = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _labelled(line: Line) -> bool:
    """Does a line open with a paragraph's label: `_LABEL`, a label negotiators type ("PP2",
    "OP3."), a number as the lexicons write it in Arabic or Chinese ("٥ -", "5、"), looked for
    in text that opens with a digit and is not all ASCII, or a list's label before a tab (`with_list_labels`)."""
    text = line.text
    return bool(_LABEL.match(text) or TYPED_LABEL.match(text)) or (
        text[:1].isdigit() and not text.isascii() and any(p.match(text) for p in digit_labels())) or line.tab_label


def with_list_labels(bodies: list[list[Line]]) -> list[list[Line]]:
    """The pages' body lines, `tab_label` set on those that open with a list's label
    (`_TAB_LABEL`) LABEL_GAP_EM or more before their text (Word's tab after it), when another such
    line of the page or a page beside it is the list's item before or after it: the same closing
    mark, the label's value one apart, the text starting at the same place."""
    found: dict[tuple[int, str], list[tuple[int, set[int], float]]] = {}  # by page and closing mark
    for k, body in enumerate(bodies):
        for i, line in enumerate(body):
            if not line.rtl and line.text_x0 - line.x0 - line.lead_width >= LABEL_GAP_EM * line.size and (
                    label := _TAB_LABEL.match(line.text)):
                found.setdefault((k, label.group(2)), []).append((i, _label_values(label.group(1)), line.text_x0))
    listed = {(k, i) for (k, mark), items in found.items() for i, values, x in items
              for near_k in (k - 1, k, k + 1) for _j, near, y in found.get((near_k, mark), ())
              if abs(x - y) <= HANG_TOLERANCE and any(abs(a - b) == 1 for a in values for b in near)}
    if not listed:
        return bodies
    return [[replace(line, tab_label=True) if (k, i) in listed else line for i, line in enumerate(body)]
            for k, body in enumerate(bodies)]


def _label_values(label: str) -> set[int]:
    """What a list's label may count: "3" 3, "c" 3 (a letter) or 100 (a roman numeral), "iv" 4."""
    if label.isdigit():
        return {int(label)}
    values = {ord(label) - ord("a") + 1} if len(label) == 1 else set()
    roman = [_ROMAN_DIGITS.get(ch, 0) for ch in label]
    if all(roman):
        values.add(sum(-v if v < after else v for v, after in zip(roman, [*roman[1:], 0], strict=True)))
    return values


@dataclass(frozen=True, slots=True)
class PageFrame:
    """The text block of one page: left and right edges of body lines, line spacing."""

    left: float
    right: float
    spacing: float
    body_size: float
    wrapped: bool = True  # the right edge was measured on lines that wrap (enough of them)
    # the share of the lines at that edge that end a sentence (most do in one-line paragraphs,
    # few in text that wraps)
    ended: float = 0.0
    # the page sets its paragraphs apart with space: below the short lines that end a sentence,
    # most gaps are wider than line spacing (`_spaced_paragraphs`)
    spaced: bool = False
    # where the page's text would wrap: `right` when measured so, else the other pages' commonest,
    # or the page width less the left margin (with_text_right)
    text_right: float = 0.0
    # every line a paragraph (LINES_APART_ENDED)
    lines_apart: bool = False


def frame_of(lines: Sequence[Line], body_size: float) -> PageFrame:
    """The page's text block, measured on its body-size lines: the commonest left edge (where
    continuation lines start), the largest of the three commonest right edges (justified lines
    end there), and the median distance between baselines below lines that run to the right
    edge (of all lines when there are too few)."""
    body = [line for line in lines if abs(line.size - body_size) <= SIZE_CHANGE * body_size] or list(lines)
    if not body:
        return PageFrame(0.0, 0.0, body_size * 1.2, body_size)
    left_edge = Counter(round(line.x0) for line in body).most_common(1)[0][0]
    right_edge = max(x1 for x1, _count in Counter(round(line.x1) for line in body).most_common(3))
    left = min(line.x0 for line in body if abs(line.x0 - left_edge) <= 1.0)
    pairs = [(a, b.baseline - a.baseline) for a, b in zip(body, body[1:], strict=False)
             if 0 < b.baseline - a.baseline < MAX_SPACING * body_size]
    # below a line that runs to the right edge the paragraph goes on: those gaps are line
    # spacing, single or double, where on a page of short paragraphs most gaps are between them
    full = [(a, gap) for a, gap in pairs if a.x1 >= right_edge - SHORT_LINE_EM * a.size]
    wrapped = [gap for _a, gap in full]
    # below a full line that stops mid-sentence (its last character a letter or figure) the
    # paragraph surely goes on: where there are enough of those, their gaps are the spacing (a
    # page of two-line paragraphs whose last lines run full, with space after each, has as many
    # gaps between paragraphs as between lines below its full lines)
    going_on = [gap for a, gap in full if a.text.rstrip()[-1:].isalnum()]
    gaps = (going_on if len(going_on) >= MIN_WRAPPED_GAPS else wrapped if len(wrapped) >= MIN_WRAPPED_GAPS
            else [gap for _a, gap in pairs])
    spacing = statistics.median(gaps) if gaps else body_size * 1.2
    measured = len(wrapped) >= MIN_WRAPPED_GAPS and right_edge - left >= MIN_BLOCK_EM * body_size
    ended = sum(a.text.rstrip().endswith(TERMINAL) for a, _gap in full) / len(full) if full else 0.0
    spaced = _spaced_paragraphs(pairs, right_edge, spacing)
    apart = (len(full) >= LINES_APART_FULL and ended >= LINES_APART_ENDED
             and min(gap for _a, gap in pairs) > SET_APART_SPACING * body_size)
    return PageFrame(left, float(right_edge), spacing, body_size, measured, ended=ended, spaced=spaced,
                     lines_apart=apart)


def _spaced_paragraphs(pairs: Sequence[tuple[Line, float]], right_edge: float, spacing: float) -> bool:
    """Whether the page sets its paragraphs apart with space: of the short lines that end a
    sentence ("." ":" ";"), which mostly end paragraphs, enough are followed by a gap wider than
    a paragraph break (PARAGRAPH_GAP). In such a page a short line that ends a sentence, with the
    next line at line spacing, ends a sentence inside a ragged paragraph, where the next word did
    not fit (Word's "… children States." / "Security …" printed with space after paragraphs)."""
    ends = [gap for a, gap in pairs
            if a.x1 < right_edge - SHORT_LINE_EM * a.size and a.text.rstrip().endswith((".", ":", ";"))]
    if len(ends) < SPACED_ENDS:
        return False
    return sum(gap > PARAGRAPH_GAP * spacing for gap in ends) >= SPACED_SHARE * len(ends)


def with_text_right(frames: dict[int, PageFrame], widths: dict[int, float]) -> dict[int, PageFrame]:
    """The frames with their text block's right edge: a page's own where its lines wrap, else the
    commonest of the other pages' (a last page holding a short list), or in a document of short
    lines only ("One", "Two", ... a line each; "1. a", "2. b") the page's width less its left
    margin (margins taken as equal)."""
    wrapped = {number: frame.wrapped and not _set_apart(frame, widths[number]) for number, frame in frames.items()}
    measured = [round(frame.right) for number, frame in frames.items() if wrapped[number]]
    common = float(Counter(measured).most_common(1)[0][0]) if measured else None
    return {number: replace(frame, wrapped=wrapped[number], text_right=frame.right if wrapped[number]
                            else common if common is not None else widths[number] - frame.left)
            for number, frame in frames.items()}


def _set_apart(frame: PageFrame, width: float) -> bool:
    """Lines that end together far from where the page's margins say text would wrap, stand
    further apart than double spacing and mostly end a sentence are one-line paragraphs of about
    one length ("Warming is kept ≤ 1.5 degrees.", "Emissions fall by ≥ 45 per cent.", each with
    space after it), not a narrow block of text that wraps: their common end is no wrap width."""
    return (width - frame.left - frame.right > SET_APART_EM * frame.body_size
            and frame.spacing > SET_APART_SPACING * frame.body_size and frame.ended >= SET_APART_ENDED)


def _indented(line: Line, frame: PageFrame) -> bool:
    return line.x0 > frame.left + INDENT_EM * line.size


def _would_fit(prev: Line, cur: Line, right: float) -> bool:
    """The current line's first word would have fitted at the end of the previous line, so the
    previous line ended by choice (a line break), not by wrapping. A closing guillemet or French
    punctuation after it (`_ATTACHED_AFTER`, held by a no-break space) goes with it: its width
    taken as the line's average."""
    words = cur.text.split(None, 2)
    if words[0].endswith("-"):
        return False
    lead = cur.lead_width
    if len(words) > 1 and words[1] in _ATTACHED_AFTER:  # "naturelles »": held by a no-break space
        lead += (len(words[1]) + 1) * (cur.x1 - cur.x0) / len(cur.text)
    return right - prev.x1 > lead + FIT_SLACK_EM * cur.size


def is_centred(line: Line, frame: PageFrame) -> bool:
    left, right = line.x0 - frame.left, frame.right - line.x1
    em = CENTRE_EM * line.size
    return left > em and right > em and abs(left - right) < em


def _closes(prev: Line, cur: Line) -> bool:
    """The line leaves a square bracket open that the next line closes, before opening another
    ("[Use the following Sections 2.1 and 2.2 … Preferred" / "Stock.]"): one bracketed sentence
    goes on, whatever room the line had left (LibreOffice lays a field's result out narrower)."""
    text = prev.text
    if text.rfind("[") <= text.rfind("]"):
        return False
    close, reopen = cur.text.find("]"), cur.text.find("[")
    return close >= 0 and (reopen < 0 or close < reopen)


def _hard_break(prev: Line, cur: Line, frame: PageFrame) -> bool:
    """A break no line ending can undo: another size or weight, a vertical gap, a new column, a
    table (a paragraph of its own)."""
    if prev.cells or cur.cells:
        return True
    # a line of figures alone ("50.") after an unfinished line goes on in another size: LibreOffice
    # sets the digits of an Arabic paragraph in the Latin font's size
    figures = not any(map(str.isalpha, cur.text)) and not prev.text.rstrip().endswith(TERMINAL)
    if abs(cur.size - prev.size) > SIZE_CHANGE * max(cur.size, prev.size) and not figures and not _names_go_on(prev, cur, frame) \
            or cur.bold != prev.bold:
        return True
    gap = cur.baseline - prev.baseline
    return gap <= 0.0 or gap > PARAGRAPH_GAP * frame.spacing * (prev.size if figures else cur.size) / frame.body_size


# A line of a list of names holds at least this many commas.
NAMES_MIN = 2
# Two lines of a list of names differ in size by at most this share: a scan's OCR sizes an askew
# sponsor list's lines 10 and 11 pt by turns, which parsers.pdf.reader's steady sizes make 9 and 11
# (each goes to the commonest size near its own, and 10 is near the text's 9, 11 is not).
NAMES_SIZE_CHANGE = 0.2


def _starts_new(prev: Line, cur: Line, frame: PageFrame, right: float) -> bool:
    """Within a run of like lines, where `right` is the run's right edge (the wrap width)."""
    if _LEADER.search(prev.text.rstrip()):
        return True  # a table of contents entry ends at its page number
    if not cur.rtl and ("\t" in prev.text or "\t" in cur.text):
        return True  # a line with a tab stop ("Project Manager<tab>Date:", a table's row) stands alone
    if prev.bold and prev.text.rstrip().endswith(",") and not _labelled(cur) and not _indented(cur, frame):
        return False  # a list of sponsors, bold and ragged ("France,", "Germany, Greece, …"): one paragraph
    if _names_go_on(prev, cur, frame):
        return False  # the same list where nothing is bold (a scan's text layer)
    short = prev.x1 < right - SHORT_LINE_EM * prev.size
    finished = prev.text.rstrip().endswith(TERMINAL)
    goes_on = cur.text[:1].isalpha() and cur.text[:1].islower() and prev.text.rstrip().endswith((",", ";"))
    if frame.lines_apart and finished and not goes_on:
        return True
    # titles and headings (bold) are set ragged: there a word that would have fitted only says
    # the line was broken by hand when the line is short ("Annex" over the annex's title)
    broken = _would_fit(prev, cur, right) and (
        not prev.bold or prev.x1 - prev.x0 < RAGGED_SHORT * (right - min(prev.x0, cur.x0))) and not _closes(prev, cur)
    # ragged text: a line that ends in a comma or semicolon because the next word, in lower case,
    # did not fit goes on ("… Suspendisse dui purus," / "scelerisque at, …"): `goes_on` above
    # in a page that sets paragraphs apart with space, a short line of body text (not bold: a
    # title's lines are set short by hand) that ends a sentence, the next at line spacing (a larger
    # gap is a hard break), goes on: the next word did not fit
    if short and finished and not goes_on and not (frame.spaced and not prev.bold) or broken:
        return True
    if _labelled(cur) and (finished or short or _indented(cur, frame)):
        return True
    if (_labelled(cur) and _labelled(prev) and cur.x0 < prev.x0 - INDENT_EM * cur.size
            and prev.x1 < frame.text_right - SHORT_LINE_EM * prev.size):
        return True  # a nested list's item on one short line, then the outer list's next ("1. alpha", "4. four")
    if is_centred(cur, frame) and is_centred(prev, frame):
        return False
    if _labelled(prev) and abs(cur.x0 - prev.text_x0) <= HANG_TOLERANCE:
        return False  # a hanging indent: the continuation lines up with the text after the label
    if (not finished and cur.text[:1].islower() and abs(prev.x1 - right) <= HANG_TOLERANCE
            and abs(cur.x1 - right) <= HANG_TOLERANCE):
        return False  # text set flush right, ragged on the left: the sentence goes on at the same right edge
    # a short line before an indented one ends a paragraph, unless both stand at one indent and
    # the line fills most of the run's width (ragged text set in from the margin, where only a
    # word that would have fitted says so; not a masthead's short lines)
    ragged = abs(cur.x0 - prev.x0) <= HANG_TOLERANCE and prev.x1 - prev.x0 >= RAGGED_LONG * (right - prev.x0)
    return _indented(cur, frame) and (cur.x0 > prev.x0 + INDENT_EM * cur.size or short and not ragged)


def _names_go_on(prev: Line, cur: Line, frame: PageFrame) -> bool:
    """A list of names, ragged and not bold (a scan's sponsor list: "Albania, Antigua and Barbuda,
    …, Belgium," / "Belize, Bosnia and Herzegovina, …"): a line of several names, ending with a
    comma or inside a name ("… Venezuela (Bolivarian" / "Republic of), Viet Nam … : draft
    resolution"), then one that goes on with a capital at the same margin and in much the same size
    (NAMES_SIZE_CHANGE), and holds a comma or a colon."""
    text = prev.text.rstrip()
    return (not text.endswith((".", ";", ":", "!", "?")) and text.count(",") >= NAMES_MIN and cur.text[:1].isupper()
            and not _labelled(cur) and not _indented(cur, frame) and abs(cur.x0 - prev.x0) <= HANG_TOLERANCE
            and abs(cur.size - prev.size) <= NAMES_SIZE_CHANGE * max(cur.size, prev.size)
            and ("," in cur.text or ":" in cur.text))


def _wrap_width(run: Sequence[Line], lines: Sequence[Line], frame: PageFrame) -> float:
    """Where the lines of `run` would wrap: its widest line's end, or the text block's right edge
    for a run of short lines (not bold) at the left margin (a list of words or items, a line each) when no
    text on the page starts to the right of them (a second column, a table's next cell)."""
    right = max(line.x1 for line in run)
    if len(run) < 2 or frame.text_right <= right + SHORT_LINE_EM * frame.body_size or all(line.bold for line in run):
        return right  # bold lines are titles, set ragged and broken by hand (_starts_new)
    if any(_indented(line, frame) or line.x0 < frame.left - INDENT_EM * line.size for line in run):
        return right
    if any(line.x0 >= right for line in lines):
        return right
    return frame.text_right


def page_paragraphs(lines: Sequence[Line], frame: PageFrame) -> list[list[Line]]:
    """The page's lines cut into runs at hard breaks, then each run into paragraphs."""
    runs: list[list[Line]] = []
    for line in lines:
        if runs and not _hard_break(runs[-1][-1], line, frame):
            runs[-1].append(line)
        else:
            runs.append([line])
    groups: list[list[Line]] = []
    for run in runs:
        right = _wrap_width(run, lines, frame)
        groups.append([run[0]])
        for prev, line in zip(run, run[1:], strict=False):
            if _starts_new(prev, line, frame, right):
                groups.append([line])
            else:
                groups[-1].append(line)
    return groups


def continues(last: list[Line], first: list[Line], next_frame: PageFrame,
              frames: dict[int, PageFrame] | None = None) -> bool:
    """Does the first paragraph of a page continue the last one of the page before?"""
    if last[-1].cells or first[0].cells:
        return False
    head = first[0]
    text = head.text.lstrip()
    if text[:1].isalpha() and text[:1].islower():
        return True
    tail = last[-1]
    ending = tail.text.rstrip()
    # a comma or semicolon ends a preambular paragraph or a list item, but not on a line that
    # runs to the right edge when the next page goes on at the margin ("…the heavy burden of
    # tuberculosis," / "HIV and AIDS, and other co-morbidities…" in A/RES/73/3) with other words
    # than a preambular paragraph's opening ones ("Recalling", "Prenant note")
    right = frames[tail.page].right if frames and tail.page in frames else next_frame.right
    full = tail.x1 >= right - SHORT_LINE_EM * tail.size
    goes_on = full and ending.endswith((",", ";")) and not text.startswith(preamble_starts(None))
    if ending.endswith(TERMINAL) and not goes_on or _labelled(head):
        return False
    if _would_fit(tail, head, right):
        return False  # the last line ended by choice ("By: … President" over the next page's title)
    if abs(head.size - tail.size) > SIZE_CHANGE * max(head.size, tail.size) or head.bold != tail.bold:
        return False
    if full and abs(head.x0 - tail.x0) <= HANG_TOLERANCE:
        return True  # set in as the full line before it: a list item's hanging lines go on over the break
    return not _indented(head, next_frame) and not is_centred(head, next_frame)


def joined_text(lines: Sequence[Line], vocabulary: Set[str],
                cuts: bool = True) -> tuple[str, list[tuple[bool, bool]]]:
    """The lines' text joined (hyphenation undone) with one (bold, italic) style per character."""
    text = ""
    styles: list[tuple[bool, bool]] = []
    for line in lines:
        part = line.text.strip()
        lead = len(line.text) - len(line.text.lstrip())
        part_styles = list(line.styles[lead: lead + len(part)])
        leader = _LEADER.search(part)
        if leader:  # dot leaders as the tab a table of contents has there
            part = part[:leader.start()] + "\t" + part[leader.end():]
            part_styles = part_styles[:leader.start() + 1] + part_styles[leader.end():]
        if not text:
            text, styles = part, part_styles
            continue
        joined, dropped = join_hyphenated(text, part, vocabulary, cuts)
        if dropped:
            styles = styles[:-1] + part_styles
        elif len(joined) == len(text) + len(part):
            styles = styles + part_styles
        else:
            styles = styles + [styles[-1]] + part_styles
        text = joined
    if "\xad" in text:
        keep = [i for i, ch in enumerate(text) if ch != "\xad"]
        text = "".join(text[i] for i in keep)
        styles = [styles[i] for i in keep]
    return without_left_out(text, styles)  # the glyphs of tracked changes left out (parsers.pdf.markup)


def spans_of(text: str, styles: Sequence[tuple[bool, bool]]) -> tuple[Span, ...]:
    """Runs of bold or italic characters; a space between two words of one style belongs to it."""
    if not text or not any(map(any, styles)):
        return ()
    fixed = list(styles)
    last = len(text) - 1
    # each whitespace between its neighbours' styles: the style of the one before when the one
    # after shares it, else none, in order (a run of spaces follows its first). Only whitespace
    # beside a change of style, and the rest of its run, can change: elsewhere both neighbours
    # have its style (every space looked at took 14 ms of a 57-page parse, measured)
    starts = {at for k in _changes(styles) for at in (k - 1, k) if 0 < at < last and text[at].isspace()}
    for i in sorted(starts):
        while i < last and text[i].isspace():
            fixed[i] = fixed[i - 1] if fixed[i - 1] == styles[i + 1] else (False, False)
            i += 1
    spans: list[Span] = []
    start = 0
    for i in [*_changes(fixed), len(text)]:
        bold, italic = fixed[start]
        if bold or italic:
            end = i
            while end > start and text[end - 1].isspace():
                end -= 1
            spans.append(Span(start, end, bold=bold, italic=italic))
        start = i
    return tuple(spans)


def _changes(styles: Sequence[tuple[bool, bool]]) -> list[int]:
    """Where the style changes: each k whose style is not that of k - 1. Found from the lengths of
    the runs of one style at C level (groupby compares a run's shared style tuple by identity
    first: 3.5 ms for the 165,000 characters of a 57-page report, against 5 ms for comparing
    each character's with the one before)."""
    ends = list(accumulate(len(list(run)) for _style, run in groupby(styles)))
    del ends[-1:]
    return ends


def raw_paragraph(lines: Sequence[Line], frames: dict[int, PageFrame], vocabulary: Set[str],
                  cuts: bool = True) -> RawParagraph:
    if lines[0].cells:
        text, styles = table_text(lines[0].cells, vocabulary, cuts)
    else:
        text, styles = joined_text(lines, vocabulary, cuts)
        if lines[0].tab_label and (label := _TAB_LABEL.match(text)):
            text = text[:label.end() - 1] + "\t" + text[label.end():]  # the label's tab, as Word has it
    page = lines[0].page
    frame = frames[page]
    on_page = [line for line in lines if line.page == page]
    # a table's box: its own width (mirrored with its page), the height of its cells' lines
    heights = [*on_page, *(line for row in lines[0].cells for cell in row for line in cell)]
    bbox = (
        round(min(line.x0 for line in on_page), 2),
        round(min(line.top for line in heights), 2),
        round(max(line.x1 for line in on_page), 2),
        round(max(line.baseline for line in heights), 2),
    )
    size = Counter(line.size for line in lines).most_common(1)[0][0]
    return RawParagraph(
        text=text,
        spans=spans_of(text, styles),
        location=Location(page=page, bbox=bbox),
        centered=all(is_centred(line, frames[line.page]) for line in lines),
        bold=all_bold(text, styles),
        large=size >= LARGE_RATIO * frame.body_size,
        footnote_marks=tuple(mark for line in lines for mark in line.marks),
        is_table=bool(lines[0].cells),
    )


def table_text(rows: Sequence[Sequence[Sequence[Line]]], vocabulary: Set[str],
               cuts: bool = True) -> tuple[str, list[tuple[bool, bool]]]:
    """A table's text as the Word reader gives it: each cell's lines joined as a paragraph's,
    cells by tabs, rows by newlines; with a style per character."""
    return join_cells(rows, lambda cell: joined_text(cell, vocabulary, cuts))
