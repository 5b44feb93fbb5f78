"""Running headers and footers ("page furniture") out of the page lines, each reported with the
reason it was set aside, and the document symbol they carry.

Three tests, any suffices:
- by pattern, in the top or bottom band of the page: a line made only of the symbol
  (`E/CN.15/2018/L.2`), a job number (`V.18-02286`, `17-16793 (F)`), page numbers (`2/5`,
  `page 2 of 5`), barcode digits (`*1802286*`), date codes and "Please recycle". The same text in
  the body (`S/PRST/2016/3,` in a list of references) is text. The band reaches at least a little
  past the document's outermost lines, so that pages printed onto bigger paper keep theirs;
- by repetition: a line among the first or last lines of a page, in the outer band, whose text
  with digits blanked out repeats on other pages (running titles, non-UN headers), or only on
  the page before or after it at the same height (the footer of a short section: a Word
  addendum's "Addendum Last Updated October 2024" on its two pages);
- a footnote separator (a rule typed as underscores), wherever it stands.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from parsers.model import RULE_LINE, Furniture
from parsers.pdf.lines import Line
from parsers.structure import SYMBOL, normalise_symbol

# Lines this close to the top or bottom edge (fraction of page height) may be running lines.
MARGIN_BAND = 0.1
# A line made only of UN furniture (a symbol, a job number, a barcode) or a running title set
# smaller than the text may also stand this share of the height between a document's highest and
# lowest baselines (over its pages of a size) past the outermost one: a page printed onto bigger
# paper ("fit to page": a Letter page centred on A4 moves 36 pt in) keeps its running lines in
# that band. In the real UN PDFs the running lines stand within 0.021 of that height of the
# outermost line, the nearest text 0.033 from it. Repetition and lone page numbers keep to the
# page's band: the first or last line of a page with wide margins is more often text.
FRAME_BAND = 0.025
# How many lines at each end of a page are looked at for repetition.
EDGE_LINES = 3
# A running line repeats on at least this share of the pages (and on two pages at least).
REPEAT_SHARE = 0.3

# A line outside the band is a running line when it repeats at the same height on this many pages
# at least (and REPEAT_SHARE of them): on two pages that may be chance.
PLACED_MIN_PAGES = 3
# A footer recognised by its words alone has at least this many (numbers aside).
WORDED_MIN = 2
# A running title is set smaller than this share of the body size.
RUNNING_SIZE_RATIO = 0.93

# What each pattern finds, in the words the furniture list gives as its reason.
_FURNITURE_PARTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("document symbol", SYMBOL),
    ("barcode", re.compile(r"\*\s?\d[\d\s]{5,10}\*")),  # barcode text *1802286*
    ("job number", re.compile(r"\b(?:[A-Z]{1,3}\.)?\d{2}-\d{4,6}\b(?:\s*\([A-Z]{1,2}\))?")),
    ("page number", re.compile(r"\b(?:page|pág(?:ina)?\.?|p\.)\s*\d{1,4}\s*(?:/|of|sur|de)\s*\d{1,4}\b", re.I)),
    ("page number", re.compile(r"\b\d{1,4}\s*/\s*\d{1,4}\b")),  # 2/5
    ("date code", re.compile(r"\b\d{6}\b")),  # date codes of the job line: 120418
    ("recycling notice", re.compile(
        r"please\s+recycle|prière\s+de\s+recycler|merci\s+de\s+recycler|sírvase\s+reciclar|"
        r"por\s+favor\s+recicle", re.I)),
    ("recycling notice", re.compile(r"[♲♻]")),
)
_PAGE_ONLY = re.compile(r"^[\s\-–—]*(?:page\s*)?\d{1,4}[\s\-–—]*$", re.I)
# ... and a front matter's lower-case roman page number ("ii", "xiv"), alone at a page's edge.
_ROMAN_PAGE_ONLY = re.compile(r"^[\s\-–—]*(?=[ivxlc])(?:x{0,3}|xl|l|lx{1,3}|xc|c)(?:i{0,3}|iv|v|vi{1,3}|ix)[\s\-–—]*$")
# A page number is set at this share of the body size or more (0.8-1.3 over the corpus); a
# number alone in smaller type is a footnote mark whose note is empty (footnotes.py).
PAGE_NUMBER_MIN_SIZE = 0.7
# What may stand beside them: punctuation, and the asterisk of a reissued document's symbol
# ("A/RES/78/1*"; a barcode's asterisks are the barcode's).
_LEFTOVER = re.compile(r"[\s.·•|\-–—()*]*")
# A footnote separator: a rule typed as a row of underscores (or dashes).
_SEPARATOR = RULE_LINE
SEPARATOR = "footnote separator"


def furniture_parts(text: str) -> tuple[str, list[str]]:
    """The text without the symbols, job numbers, page numbers, barcodes and the like it holds,
    and what they were."""
    rest = text
    found: list[str] = []
    for name, pattern in _FURNITURE_PARTS:
        rest, n = pattern.subn(" ", rest)
        if n and name not in found:
            found.append(name)
    return rest, found


def furniture_reason(text: str) -> str | None:
    """What the line is when it holds nothing but symbols, job numbers, page numbers, barcodes
    and the like (and at least one of them): "page number, job number"; None for text."""
    return reason_of(*furniture_parts(text))


def reason_of(rest: str, found: list[str]) -> str | None:
    """`furniture_reason` from what `furniture_parts` gave: the parts found, when nothing but
    punctuation is left beside them."""
    if found and _LEFTOVER.fullmatch(rest) is not None:
        return ", ".join(found)
    return None


def is_furniture_text(text: str) -> bool:
    """True when the line holds nothing but symbols, job numbers, page numbers and the like."""
    return furniture_reason(text) is not None


def _shape(text: str) -> str:
    """The line with its stand-alone numbers blanked ("Page 3" and "Page 4" match; footnotes
    "3 Resolution 70/1" and "4 Resolution 72/1" do not)."""
    return " ".join("#" if re.fullmatch(r"[\W_]*\d+[\W_]*", t) else t for t in text.lower().split())


def _ends(lines: Sequence[Line]) -> list[Line]:
    """The first and last EDGE_LINES lines of a page."""
    return list(lines[:EDGE_LINES]) + list(lines[max(EDGE_LINES, len(lines) - EDGE_LINES):])


def _placed(line: Line) -> tuple[str, int]:
    """A line's shape and its height on the page to the point."""
    return _shape(line.text), round(line.baseline)


def _worded(line: Line) -> tuple[str, int]:
    """A line's words without its numbers (empty under WORDED_MIN words), and its height."""
    words = [t for t in line.text.lower().split() if not any(ch.isdigit() for ch in t) and any(ch.isalpha() for ch in t)]
    return (" ".join(words) if len(words) >= WORDED_MIN else ""), round(line.baseline)


class Band(NamedTuple):
    """A page's margin bands: lines with a baseline above `top` or below `bottom`."""

    top: float
    bottom: float
    height: float

    def holds(self, line: Line) -> bool:
        return line.baseline < self.top or line.baseline > self.bottom


def margin_bands(pages: Sequence[Sequence[Line]], heights: Sequence[float]) -> tuple[list[Band], list[Band]]:
    """Each page's bands, MARGIN_BAND of its height from each edge, and those bands reaching at
    least FRAME_BAND past the outermost baselines of the document's pages of its size."""
    frames: dict[int, tuple[float, float]] = {}  # by page height: the highest and lowest baselines
    for lines, height in zip(pages, heights, strict=True):
        if lines:
            baselines = [line.baseline for line in lines]
            top, bottom = frames.get(round(height), (min(baselines), max(baselines)))
            frames[round(height)] = (min(top, *baselines), max(bottom, *baselines))
    bands, reached = [], []
    for height in heights:
        band = Band(MARGIN_BAND * height, (1 - MARGIN_BAND) * height, height)
        bands.append(band)
        frame = frames.get(round(height))
        if frame is not None:
            reach = FRAME_BAND * (frame[1] - frame[0])
            band = Band(max(band.top, frame[0] + reach), min(band.bottom, frame[1] - reach), height)
        reached.append(band)
    return bands, reached


def _running_reason(line: Line, band: Band) -> str:
    return "running header" if line.baseline < band.height / 2 else "running footer"


def strip_furniture(
    pages: Sequence[list[Line]], heights: Sequence[float]
) -> tuple[list[list[Line]], str | None, list[Furniture]]:
    """Pages without their running lines, the symbol read from those lines, and every line set
    aside with its page and the reason."""
    bands, reached = margin_bands(pages, heights)
    candidates = []
    for lines, band in zip(pages, bands, strict=True):
        edge = set(range(min(EDGE_LINES, len(lines)))) | set(range(max(0, len(lines) - EDGE_LINES), len(lines)))
        candidates.append({i for i in edge if band.holds(lines[i])})
    seen: Counter[str] = Counter()
    for lines, edge in zip(pages, candidates, strict=True):
        seen.update({_shape(lines[i].text) for i in edge})
    # outside the band, a first or last line repeating at the same height on many pages ("No.
    # 21-50498" under a court's header line)
    placed: Counter[tuple[str, int]] = Counter()
    for lines in pages:
        placed.update({_placed(line) for line in _ends(lines)})
    # in the band, a line whose words (numbers left out, wherever they stand) repeat at the same
    # height: a footer that puts the page number first on even pages and last on odd ones ("26
    # The EFSA Journal 2009 – 223 26/312", "The EFSA Journal 2009 – 223 27/312 27")
    worded: Counter[tuple[str, int]] = Counter()
    for lines, edge in zip(pages, candidates, strict=True):
        worded.update({_worded(lines[i]) for i in edge})
    # the same line at the same height in the band of the page before or after (a short section's own
    # footer, on too few pages for REPEAT_SHARE)
    banded = [{_placed(lines[i]) for i in edge} for lines, edge in zip(pages, candidates, strict=True)]
    needed = max(2, REPEAT_SHARE * len(pages))
    needed_placed = max(PLACED_MIN_PAGES, REPEAT_SHARE * len(pages))
    body_size = text_size(line for lines in pages for line in lines)
    kept: list[list[Line]] = []
    removed: list[Furniture] = []
    for number, (lines, edge, band) in enumerate(zip(pages, candidates, reached, strict=True)):
        header = _running_title(lines, band, text_size(lines)) if number else set()
        ends = set(range(min(EDGE_LINES, len(lines)))) | set(range(max(EDGE_LINES, len(lines) - EDGE_LINES), len(lines)))
        page_kept = []
        for i, line in enumerate(lines):
            if line.cells:  # a table (parsers.pdf.tables) is text
                page_kept.append(line)
                continue
            why = _why(line, i in edge, seen, needed, band, body_size)
            if why is None and (i in header or i in ends and placed[_placed(line)] >= needed_placed
                                or i in edge and _worded(line)[0] and worded[_worded(line)] >= needed
                                or i in edge and _worded(line)[0] and _next_to(banded, number, _placed(line))):
                why = _running_reason(line, band)
            if why is None:
                page_kept.append(line)
            else:
                removed.append(Furniture(line.page, line.text.strip(), why))
        kept.append(page_kept)
    return kept, _symbol([f.text for f in removed]), removed


def _next_to(banded: Sequence[set[tuple[str, int]]], number: int, placed: tuple[str, int]) -> bool:
    """Whether the page before or after page index `number` has `placed` in its band."""
    return any(0 <= k < len(banded) and placed in banded[k] for k in (number - 1, number + 1))


def text_size(lines: Iterable[Line]) -> float:
    """The size most of the text of `lines` is set in (10 pt when there is none)."""
    weights = size_weights(lines)
    return weights.most_common(1)[0][0] if weights else 10.0


def size_weights(lines: Iterable[Line]) -> Counter[float]:
    """How many characters of `lines` each size sets, in the order the sizes are met."""
    weights: Counter[float] = Counter()
    for line in lines:
        weights[line.size] += len(line.text)
    return weights


def _running_title(lines: Sequence[Line], band: Band, body_size: float) -> set[int]:
    """The lines of a running title on a page after the first, found without repetition (a
    two-page document prints it once): the lines in the top band above the page's first
    body-size line, set smaller than the body (A/RES/73/8's 8.5 pt title over 10 pt text).
    `body_size` is the page's own: the document's commonest size may be another page's (S/2023/970's
    12 pt sponsor list outweighs its 10 pt text; a Word file's last page may hold only an endnote)."""
    out: set[int] = set()
    for i, line in enumerate(lines):
        if line.baseline >= band.top or line.size >= RUNNING_SIZE_RATIO * body_size:
            break
        out.add(i)
    return out


def _why(line: Line, at_edge: bool, seen: Counter[str], needed: float, band: Band,
         body_size: float) -> str | None:
    """Why the line is furniture, or None when it is text."""
    text = line.text
    if _SEPARATOR.fullmatch(text):
        return SEPARATOR
    if band.holds(line) and not text.rstrip().endswith((",", ";")):
        reason = furniture_reason(text)
        if reason is not None:
            return reason
    if at_edge:
        if (_PAGE_ONLY.match(text) or _ROMAN_PAGE_ONLY.match(text)) and line.size >= PAGE_NUMBER_MIN_SIZE * body_size:
            return "page number"
        if seen[_shape(text)] >= needed:
            return _running_reason(line, band)
    return None


def _symbol(lines: Sequence[str]) -> str | None:
    found = Counter(normalise_symbol(m.group(1).rstrip(".")) for text in lines for m in SYMBOL.finditer(text))
    return found.most_common(1)[0][0] if found else None
