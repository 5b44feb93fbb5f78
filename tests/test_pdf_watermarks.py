"""Large text drawn over a page's text is a watermark (parsers.pdf.watermarks); large text beside
or above the text is text."""

from __future__ import annotations

from parsers.pdf.chars import Char, Page
from parsers.pdf.watermarks import without_watermarks


def line(text: str, x: float, baseline: float, size: float = 10.0) -> Char:
    return Char(text, x, x + 5.0 * len(text), baseline, size, "Times-Roman", False, False)


def body(top: float = 300.0, lines: int = 8) -> list[Char]:
    return [line("Some words of the body text here", 100.0, top + 12.0 * k) for k in range(lines)]


def test_large_text_over_the_text_is_a_watermark():
    mark = line("DRAFT", 120.0, 360.0, size=96.0)  # its capitals' height holds lines 300-348
    (page,) = without_watermarks([Page(1, 595.0, 842.0, (*body(), mark))])
    assert page.watermark == "DRAFT" and mark not in page.chars and len(page.chars) == 8


def test_the_same_watermark_over_no_text_on_another_page_is_one_too():
    mark = line("DRAFT", 120.0, 360.0, size=96.0)
    other = line("DRAFT", 120.0, 360.0, size=96.0)
    first, second = without_watermarks([Page(1, 595.0, 842.0, (*body(), mark)),
                                        Page(2, 595.0, 842.0, (*body(top=500.0), other))])
    assert (first.watermark, second.watermark) == ("DRAFT", "DRAFT")


def test_a_large_title_above_the_text_or_an_initial_beside_it_is_text():
    title = line("Report", 100.0, 280.0, size=30.0)  # above the first line, at 300
    initial = line("T", 60.0, 324.0, size=36.0)  # left of the lines it opens, which start at 100
    chars = (*body(), title, initial)
    (page,) = without_watermarks([Page(1, 595.0, 842.0, chars)])
    assert page.watermark == "" and page.chars == chars
