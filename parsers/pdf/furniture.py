"""Running headers and footers ("page furniture") out of the page lines, and the document symbol
they carry.

Two tests, either suffices:
- by pattern, wherever the line sits: a line made only of the symbol (`E/CN.15/2018/L.2`), a job
  number (`V.18-02286`, `17-16793 (F)`), page numbers (`2/5`, `page 2 of 5`), barcode digits
  (`*1802286*`), date codes and "Please recycle";
- by repetition: a line among the first or last lines of a page, in the outer band, whose text
  with digits blanked out repeats on other pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from parsers.pdf.lines import Line
from parsers.structure import SYMBOL, normalise_symbol

# Lines this close to the top or bottom edge (fraction of page height) may be running lines.
MARGIN_BAND = 0.1
# How many lines at each end of a page are looked at for repetition.
EDGE_LINES = 3
# A running line repeats on at least this share of the pages (and on two pages at least).
REPEAT_SHARE = 0.3

_FURNITURE_PARTS = [
    SYMBOL,
    re.compile(r"\*\s?\d[\d\s]{5,10}\*"),  # barcode text *1802286*
    re.compile(r"\b(?:[A-Z]{1,3}\.)?\d{2}-\d{4,6}\b(?:\s*\([A-Z]{1,2}\))?"),  # job number
    re.compile(r"\b(?:page|pág(?:ina)?\.?|p\.)\s*\d{1,4}\s*(?:/|of|sur|de)\s*\d{1,4}\b", re.I),
    re.compile(r"\b\d{1,4}\s*/\s*\d{1,4}\b"),  # 2/5
    re.compile(r"\b\d{6}\b"),  # date codes of the job line: 120418
    re.compile(r"please\s+recycle|prière\s+de\s+recycler|merci\s+de\s+recycler|sírvase\s+reciclar|"
               r"por\s+favor\s+recicle", re.I),
    re.compile(r"[♲♻]"),
]
_PAGE_ONLY = re.compile(r"^[\s\-–—]*(?:page\s*)?\d{1,4}[\s\-–—]*$", re.I)
_LEFTOVER = re.compile(r"[\s.,;:·•|\-–—()]*")


def is_furniture_text(text: str) -> bool:
    """True when the line holds nothing but symbols, job numbers, page numbers, barcodes and the
    like (and holds at least one of them)."""
    rest = text
    found = False
    for pattern in _FURNITURE_PARTS:
        rest, n = pattern.subn(" ", rest)
        found = found or n > 0
    return found and _LEFTOVER.fullmatch(rest) is not None


def _shape(text: str) -> str:
    """The line with its stand-alone numbers blanked ("Page 3" and "Page 4" match; footnotes
    "3 Resolution 70/1" and "4 Resolution 72/1" do not)."""
    return " ".join("#" if re.fullmatch(r"[\W_]*\d+[\W_]*", t) else t for t in text.lower().split())


def _in_band(line: Line, height: float) -> bool:
    return line.baseline < MARGIN_BAND * height or line.baseline > (1 - MARGIN_BAND) * height


def strip_furniture(
    pages: Sequence[list[Line]], heights: Sequence[float]
) -> tuple[list[list[Line]], str | None]:
    """Pages without their running lines, and the symbol read from those lines."""
    candidates = []
    for lines, height in zip(pages, heights, strict=True):
        edge = set(range(min(EDGE_LINES, len(lines)))) | set(range(max(0, len(lines) - EDGE_LINES), len(lines)))
        candidates.append({i for i in edge if _in_band(lines[i], height)})
    seen: Counter[str] = Counter()
    for lines, edge in zip(pages, candidates, strict=True):
        seen.update({_shape(lines[i].text) for i in edge})
    needed = max(2, REPEAT_SHARE * len(pages))
    kept: list[list[Line]] = []
    removed: list[str] = []
    for lines, edge in zip(pages, candidates, strict=True):
        page_kept = []
        for i, line in enumerate(lines):
            running = i in edge and (seen[_shape(line.text)] >= needed or _PAGE_ONLY.match(line.text))
            if running or is_furniture_text(line.text):
                removed.append(line.text)
            else:
                page_kept.append(line)
        kept.append(page_kept)
    return kept, _symbol(removed)


def _symbol(lines: Sequence[str]) -> str | None:
    found = Counter(normalise_symbol(m.group(1).rstrip(".")) for text in lines for m in SYMBOL.finditer(text))
    return found.most_common(1)[0][0] if found else None
