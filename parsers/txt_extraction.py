"""Text files that are another tool's extraction of a PDF (the UN's own .txt copies, `pdftotext`
output): the page furniture, footnotes and paragraph numbers of the printed pages are in the text,
one printed line a line, without blank lines between paragraphs.

Recognised when at least MIN_FURNITURE_LINES lines are page furniture by the PDF reader's own
patterns (job numbers `17-30057`, `2/6`, barcodes, a line that is only the document symbol). Then:
- furniture lines, and short lines repeated MIN_REPEATS times or more next to them (running titles,
  within NEAR_FURNITURE lines of a job number or a page number), go to `furniture` (nothing is
  dropped in silence);
- a rule of underscores opens the page's footnotes: `1  Resolution 64/293.` is footnote 1, with
  the lines that continue it, until the next page's furniture;
- a paragraph number alone on its line (`2.`, `(a)`) or opening a line after a line that ended a
  sentence (`12. We also stress`, the next number in sequence) starts a paragraph;
- a paragraph cut by a page break (its last line ends without . ; or :, the next body line starts
  in lower case) is joined again.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice

from parsers.layout import RawParagraph, ReaderResult
from parsers.model import Footnote, Furniture, Location
from parsers.pdf.furniture import SEPARATOR, furniture_reason
from parsers.structure import normalise_symbol

# A text with fewer furniture lines than this is ordinary text (a hand-written .txt).
MIN_FURNITURE_LINES = 3
# A short line repeated this often is a running title of the printed pages.
MIN_REPEATS = 3
RUNNING_TITLE_MAX_CHARS = 120
# A running title stands among the page's furniture lines: at most this many lines away from one
# (a line of body text repeated word for word, "Prevent, Suppress and Punish Trafficking in
# Persons, Especially Women and", is not a title).
NEAR_FURNITURE = 3

_RULE = re.compile(r"\s*_{6,}\s*")
_FOOTNOTE = re.compile(r"\s*(\d{1,3})\s{1,}(\S.*)")
_NUMBER_ALONE = re.compile(r"\s*(\d{1,3}\.|\((?:[a-z]{1,2}|[ivxl]{1,6})\))\s*")
_NUMBER_OPENS = re.compile(r"\s*(\d{1,3})\.\s+(?=[A-Z])")
_ENDS_SENTENCE = re.compile(r"[.;:]\s*$")


def is_extraction(lines: list[str]) -> bool:
    """True when the text carries the furniture of printed pages (stops at the MIN_FURNITURE_LINES-th)."""
    marked = (line for line in lines if line.strip() and furniture_reason(line.strip()))
    return sum(1 for _ in islice(marked, MIN_FURNITURE_LINES)) == MIN_FURNITURE_LINES


def read_extraction(lines: list[str]) -> ReaderResult:
    """Paragraphs, footnotes and furniture of a PDF's text extraction (see the module docstring)."""
    repeated = Counter(line.strip() for line in lines if 0 < len(line.strip()) <= RUNNING_TITLE_MAX_CHARS)
    reasons = [furniture_reason(line.strip()) for line in lines if line.strip()]  # one a non-blank line
    near = {k for m, why in enumerate(reasons) if why for k in range(m - NEAR_FURNITURE, m + NEAR_FURNITURE + 1)}
    position = -1
    furniture: list[Furniture] = []
    footnotes: list[list[str]] = []  # [mark, text]
    paragraphs: list[list[str]] = []
    page = 1
    in_notes = False
    fresh = True  # a blank line or a page break since the last body line
    last_number = 0
    for raw in lines:
        line = raw.strip()
        if not line:
            fresh = True
            continue
        position += 1
        if _RULE.fullmatch(line):
            furniture.append(Furniture(page, line, SEPARATOR))
            in_notes = True
            continue
        why = reasons[position]
        if (why is None and repeated[line] >= MIN_REPEATS and position in near
                and not _NUMBER_ALONE.fullmatch(line)):
            why = "running title"
        if why is not None:
            if "page number" in why:
                page += 1
            furniture.append(Furniture(page, line, why))
            in_notes = False
            continue
        if in_notes:
            note = _FOOTNOTE.fullmatch(line)
            if note:
                footnotes.append([note.group(1), note.group(2)])
            elif footnotes:
                footnotes[-1][1] += " " + line
            continue
        alone = _NUMBER_ALONE.fullmatch(line)
        opens = _NUMBER_OPENS.match(line)
        previous = paragraphs[-1] if paragraphs else None
        ends = previous is not None and bool(_ENDS_SENTENCE.search(previous[-1]))
        if alone:
            paragraphs.append([line])
            last_number = int(line[:-1]) if line[:-1].isdigit() else last_number
            fresh = False
            continue
        if opens and (ends or fresh) and int(opens.group(1)) == last_number + 1:
            last_number += 1
            paragraphs.append([line])
        elif previous is not None and _NUMBER_ALONE.fullmatch(previous[-1]) and len(previous) == 1:
            previous.append(line)  # the text after a number alone on its line
        elif previous is not None and (not fresh or (not ends and line[:1].islower())):
            previous.append(line)  # the same paragraph, or one cut by a page break
        else:
            paragraphs.append([line])
        fresh = False
    return ReaderResult(
        paragraphs=tuple(RawParagraph(text=" ".join(p), location=Location(element=n))
                         for n, p in enumerate(paragraphs)),
        footnotes=tuple(Footnote(mark, text) for mark, text in footnotes),
        furniture=tuple(furniture),
        symbol=next((normalise_symbol(f.text) for f in furniture if f.why == "document symbol"), None),
    )
