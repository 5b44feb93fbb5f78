"""UN document symbols beyond the corpus's: an adopted Security Council resolution's symbol with
its year ("S/RES/2719 (2023)", its running header on every page), a reissued document's asterisk
("A/RES/78/1*"), an emergency special session's ("A/ES-11/L.1") and the symbols of treaty bodies,
conferences and programmes. Each is the document's symbol and a furniture line, not body text,
in a Word draft and in the PDF LibreOffice prints of it."""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest
from conftest import FIXTURES
from libreoffice import print_to_pdf, require_soffice

from compare.versions import compare_documents
from parsers.api import parse_file
from parsers.pdf.furniture import furniture_reason
from parsers.structure import SYMBOL, find_symbol, normalise_symbol

sys.path.insert(0, str(FIXTURES))
import l2_en  # noqa: E402
from resolution_docx import Resolution, write_resolution  # noqa: E402


@pytest.mark.parametrize(("line", "symbol"), [
    ("S/RES/2719 (2023)", "S/RES/2719 (2023)"),
    ("S/RES/1325(2000)", "S/RES/1325(2000)"),
    ("A/RES/78/1*", "A/RES/78/1"),
    ("A/78/L.1/Rev.1**", "A/78/L.1/Rev.1"),
    ("A/ES-11/L.1", "A/ES-11/L.1"),
    ("A/RES/ES-10/19", "A/RES/ES-10/19"),
    ("CRPD/C/GC/8", "CRPD/C/GC/8"),
    ("CMW/C/GC/5", "CMW/C/GC/5"),
    ("SPLOS/33/3", "SPLOS/33/3"),
    ("ISBA/28/A/8", "ISBA/28/A/8"),
    ("CTOC/COP/2024/L.3", "CTOC/COP/2024/L.3"),
    ("CBD/COP/DEC/15/4", "CBD/COP/DEC/15/4"),
    ("ICC-ASP/22/Res.1", "ICC-ASP/22/Res.1"),
    ("NPT/CONF.2026/PC.I/1", "NPT/CONF.2026/PC.I/1"),
])
def test_a_line_that_is_only_a_symbol_is_furniture(line, symbol):
    assert furniture_reason(line) == "document symbol"
    assert SYMBOL.search(line).group(1) == symbol


@pytest.mark.parametrize("line", [
    "S/RES/2719 (2023) is recalled",  # words beside it
    "A/11",  # one part after the body's letters
    "*",  # an asterisk alone
    "ES-11/L.1",  # no body
])
def test_text_beside_or_without_a_symbol_is_not_symbol_furniture(line):
    assert furniture_reason(line) is None


def test_a_security_council_resolutions_year_is_written_after_one_space():
    assert normalise_symbol("s/res/2719(2023)") == "S/RES/2719 (2023)"
    assert normalise_symbol("S/RES/2719  (2023)") == "S/RES/2719 (2023)"
    assert normalise_symbol("a/c.3/80/l.4/rev.1") == "A/C.3/80/L.4/Rev.1"


def _adopted(symbol: str, title: str, *, reissued: bool = False) -> Resolution:
    """The draft of tests/fixtures/l2_en.py as an adopted text under `symbol`: its title block
    reduced to the masthead and a title, as the Security Council and the General Assembly print
    theirs; `reissued`, the symbol on the first page with the note "*" saying so."""
    draft = Resolution.from_module(l2_en)
    block = (("org", "United Nations"), ("symbol", symbol + ("[^*]" if reissued else "")),
             ("organ", "Security Council"), ("distr", "Distr.: General"), ("distr", "21 December 2023"),
             ("title", title))
    notes = {**draft.footnotes, "*": "Reissued for technical reasons on 5 January 2024."}
    return replace(draft, symbol=symbol, title_block=block, footnotes=notes,
                   opener="The Security Council,", operative=draft.operative[:6])


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    require_soffice()
    out = tmp_path_factory.mktemp("symbols")
    drafts = {"sc": _adopted("S/RES/2719 (2023)", "Resolution 2719 (2023)"),
              "reissued": _adopted("A/RES/78/1", "Resolution adopted by the General Assembly", reissued=True)}
    for name, resolution in drafts.items():
        write_resolution(resolution, str(out / f"{name}.docx"))
    print_to_pdf([out / f"{name}.docx" for name in drafts], out)
    return out


@pytest.mark.libreoffice
@pytest.mark.parametrize(("name", "symbol"), [("sc", "S/RES/2719 (2023)"), ("reissued", "A/RES/78/1")])
@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_the_symbol_of_an_adopted_text_is_its_symbol_not_its_text(printed, name, symbol, kind):
    """The masthead line and the running header are the symbol and furniture; no block holds
    the symbol; the resolution's paragraphs are all read, numbered 1..6."""
    document = parse_file(str(printed / f"{name}.{kind}"))
    assert document.symbol == symbol
    assert not [b.text for b in document.blocks if symbol.split(" ")[0] in b.text]
    assert any(f.why == "document symbol" and symbol in f.text for f in document.furniture)
    assert [b.number for b in document.blocks if b.kind.value == "operative"] == [str(n) for n in range(1, 7)]


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", ["sc", "reissued"])
def test_an_adopted_texts_word_file_and_its_pdf_compare_equal(printed, name):
    comparison = compare_documents(parse_file(str(printed / f"{name}.docx")), parse_file(str(printed / f"{name}.pdf")))
    assert not comparison.has_differences, [c.kind for c in comparison.changes if c.kind.value != "unchanged"]


def test_the_symbol_is_found_in_a_title_block_paragraph():
    from parsers.layout import RawParagraph

    paragraphs = [RawParagraph("United Nations"), RawParagraph("S/RES/2719 (2023)")]
    assert find_symbol(paragraphs) == "S/RES/2719 (2023)"
