"""Text drawn over the page's text: a watermark ("DRAFT", "CONFIDENTIAL" set large across a
page), left out of the lines and reported as furniture, as text set at an angle is.

Text does not overlap text: a line's glyphs stand beside the glyphs of other lines, never on
them. A glyph set at several times the page's common size whose capitals' height holds glyphs of
the page's text was drawn over that text. Read with it, its letters went into the
lines they cross ("navigEatxiponre…"). A large initial beside the lines it opens, a masthead, a
title: none stands on other text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from parsers.pdf.chars import Char, Page
from parsers.pdf.lines import dominant_size

# A watermark is set at this many times the page's commonest size or more.
WATERMARK_SIZE_RATIO = 2.5
# ... and its glyphs' height (its size times this, from the baseline up: a capital's height)
# holds glyphs of the text on at least this many baselines.
CAP_HEIGHT_EM = 0.7
LINES_UNDER = 1


def without_watermarks(pages: Sequence[Page]) -> list[Page]:
    """The pages without the glyphs drawn over their text, their text in each page's `watermark`;
    with them, the same glyphs where they stand on another page over no text (a watermark is
    drawn on every page, also over a last page's blank half)."""
    found = [_drawn_over(page) for page in pages]
    marks = {_placed(c) for big, over in found for c in big if id(c) in over}
    out = []
    for page, (big, over) in zip(pages, found, strict=True):
        over |= {id(c) for c in big if _placed(c) in marks}
        if not over:
            out.append(page)
            continue
        kept = tuple(c for c in page.chars if id(c) not in over)
        text = " ".join(" ".join(c.text for c in page.chars if id(c) in over).split())
        out.append(dataclasses.replace(page, chars=kept, watermark=" ".join(filter(None, (page.watermark, text)))))
    return out


def _drawn_over(page: Page) -> tuple[list[Char], set[int]]:
    """The page's glyphs set at WATERMARK_SIZE_RATIO of its commonest size or more, and (by id)
    those of them drawn over its text."""
    common = dominant_size(page.chars)
    if not common:
        return [], set()
    least = WATERMARK_SIZE_RATIO * common
    big = [c for c in page.chars if c.size >= least and not c.text.isspace()]
    if not big:
        return [], set()
    text = [c for c in page.chars if c.size < least and not c.text.isspace()]
    return big, {id(c) for c in big if _on_text(c, text)}


def _placed(glyph: Char) -> tuple[str, int, int, int]:
    """A glyph's text, place and size to the point."""
    return glyph.text, round(glyph.x0), round(glyph.baseline), round(glyph.size)


def _on_text(glyph: Char, text: list[Char]) -> bool:
    """Whether `glyph`'s height, across its width, holds glyphs of `text` on LINES_UNDER baselines."""
    top = glyph.baseline - CAP_HEIGHT_EM * glyph.size
    baselines = {round(c.baseline) for c in text
                 if top < c.baseline < glyph.baseline and c.x0 < glyph.x1 and glyph.x0 < c.x1}
    return len(baselines) >= LINES_UNDER
