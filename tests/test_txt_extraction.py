"""Text files that are a PDF's text extraction (the declarations' .txt copies): furniture,
footnotes and paragraph numbers of the printed pages read as such, nothing dropped in silence."""

import re
from pathlib import Path

import pytest

from parsers import parse_file

DECLARATIONS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "declarations"
TXT = sorted(DECLARATIONS.glob("*.txt")) if DECLARATIONS.is_dir() else []
PAGE = """United Nations
A/RES/99/1

General Assembly
Distr.: General
1 January 2030

30-00001 (E)    010130
*3000001*

The General Assembly,

1.
Decides to keep the matter under review, in accordance with resolution 70/1,1 and
with its earlier decisions;
2. Requests the Secretary-General to report on the implementation of the present
resolution at its
__________________

1  Resolution 70/1.

A/RES/99/1
30-00001
2/2

eighty-fifth session.
"""


def _words(text: str) -> str:
    """Text compared without spacing and without the punctuation of paragraph numbers ("5." is 5)."""
    return re.sub(r"\s+", " ", re.sub(r"[().]", "", text)).strip()


def test_an_extraction_is_read_as_printed_pages(tmp_path):
    """Numbers alone on a line, a paragraph cut by a page break, the footnote after the rule, and
    the job number, barcode, symbol and page number as furniture."""
    path = tmp_path / "extraction.txt"
    path.write_text(PAGE, encoding="utf-8")
    doc = parse_file(str(path))
    operative = [b for b in doc.blocks if b.kind == "operative"]
    assert [b.number for b in operative] == ["1", "2"]
    assert operative[1].text.endswith("at its eighty-fifth session.")
    assert [(f.mark, f.text) for f in doc.footnotes] == [("1", "Resolution 70/1.")]
    whys = {f.text: f.why for f in doc.furniture}
    assert whys["*3000001*"] == "barcode" and "page number" in whys["2/2"]
    assert doc.symbol == "A/RES/99/1"


def test_a_hand_written_text_is_not_an_extraction(tmp_path):
    """Plain text without page furniture keeps its paragraphs as they are."""
    path = tmp_path / "plain.txt"
    path.write_text("The General Assembly,\n\n1. Decides to remain seized of the matter.\n", encoding="utf-8")
    doc = parse_file(str(path))
    assert doc.furniture == () and [b.number for b in doc.blocks if b.number] == ["1"]


@pytest.mark.skipif(not TXT, reason="../shared/corpus/real is not beside the repository")
@pytest.mark.parametrize("path", TXT, ids=lambda p: p.stem)
def test_every_line_of_a_real_extraction_is_somewhere(path):
    """Every line of the real .txt copies is in a block, a footnote or the furniture; paragraph
    numbers run 1..N; no block starts in lower case (a paragraph cut by a page break is whole)."""
    doc = parse_file(str(path))
    body = _words(" ".join(f"{b.number or ''} {b.text}" for b in doc.blocks))
    notes = _words(" ".join(f"{f.mark} {f.text}" for f in doc.footnotes))
    aside = {_words(f.text) for f in doc.furniture}
    lost = [line for line in (_words(raw) for raw in path.read_text(encoding="utf-8").splitlines())
            if line and line not in aside and line not in body and line not in notes]
    assert not lost, lost[:5]
    assert doc.footnotes and not [b.text[:40] for b in doc.blocks if b.text[:1].islower()]
    digits = [int(b.number) for b in doc.blocks if b.number and b.number.isdigit()]
    assert digits == list(range(1, len(digits) + 1))
