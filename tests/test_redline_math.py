"""Equations (Office Math) and symbols (w:sym) in a redline: a changed equation is deleted and
inserted whole, a symbol is one character, the text around them tracked as words; accepting every
change gives the new file, rejecting them the old."""

from __future__ import annotations

from datetime import UTC, datetime

import docx
from lxml import etree
from test_docx_reader import word_with_symbols
from test_redline_tracking import W, document_xml

from compare.redline.writer import render_redline
from compare.versions.engine import compare_documents
from parsers.api import ParseOptions, parse_file

DATE = datetime(2026, 1, 2, tzinfo=UTC)
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
NS = ('xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"')


def _power(base: str, exponent: str) -> etree._Element:
    return etree.fromstring(f"<m:oMath {NS}><m:sSup><m:e><m:r><m:t>{base}</m:t></m:r></m:e>"
                            f"<m:sup><m:r><m:t>{exponent}</m:t></m:r></m:sup></m:sSup></m:oMath>")


def _word(path, paragraphs):
    """A Word file of paragraphs, each (text before, equation or None, text after)."""
    document = docx.Document()
    for before, equation, after in paragraphs:
        p = document.add_paragraph(before)
        if equation is not None:
            p._p.append(_power(*equation))
            p.add_run(after)
    document.save(str(path))
    return str(path)


def test_a_changed_equation_is_replaced_whole_and_the_rest_tracked_as_words(tmp_path):
    old = _word(tmp_path / "old.docx", [
        ("The growth rate is ", ("x", "2"), " per cent a year."),
        ("The area is ", ("r", "2"), " square metres, as agreed."),
        ("Decides to remain seized of the matter.", None, ""),
        ("Energy grows as ", ("v", "2"), " in the model."),
    ])
    new = _word(tmp_path / "new.docx", [
        ("The growth rate is ", ("x", "3"), " percent a year."),
        ("The area is ", ("r", "2"), " square metres, as agreed."),
        ("Decides to remain actively seized of the matter.", None, ""),
        ("Mass grows as ", ("m", "3"), " in the model, and faster."),
    ])
    before, after = parse_file(old), parse_file(new)
    assert [b.text for b in after.blocks][:2] == ["The growth rate is x^3 percent a year.",
                                                  "The area is r^2 square metres, as agreed."]
    data = render_redline(compare_documents(before, after), date=DATE)
    root = document_xml(data)
    deleted = [e for e in root.iter(M + "oMath") if any(a.tag == W + "del" for a in e.iterancestors())]
    inserted = [e for e in root.iter(M + "oMath") if any(a.tag == W + "ins" for a in e.iterancestors())]
    assert ["".join(e.itertext()) for e in deleted] == ["x2", "v2"]
    assert ["".join(e.itertext()) for e in inserted] == ["x3", "m3"]
    assert len(list(root.iter(M + "oMath"))) == 5  # the area's, unchanged, stays as it was
    # the equations' characters are no deleted words beside them
    assert not any("2" in (t.text or "") for t in root.iter(W + "delText"))
    path = tmp_path / "redline.docx"
    path.write_bytes(data)
    assert [b.text for b in parse_file(str(path)).blocks] == [b.text for b in after.blocks]
    assert [b.text for b in parse_file(str(path), ParseOptions(original=True)).blocks] == \
        [b.text for b in before.blocks]


def _with_symbol(path, before: str, code: str, after: str):
    return parse_file(str(word_with_symbols(path, [(before, "Symbol", code, after)])))


def test_a_changed_symbol_is_tracked_as_one_character(tmp_path):
    """"≤" inserted from the Symbol font, "≥" in the new file: the new symbol is inserted and the
    old one deleted, once each, so that rejecting the changes gives "≤" alone."""
    old = _with_symbol(tmp_path / "old.docx", "Warming kept ", "F0A3", " 1.5 degrees.")
    new = _with_symbol(tmp_path / "new.docx", "Warming kept ", "F0B3", " 1.5 degrees.")
    data = render_redline(compare_documents(old, new), date=DATE)
    root = document_xml(data)
    assert [s.get(W + "char") for s in root.iter(W + "sym") if s.getparent().getparent().tag == W + "ins"] == ["F0B3"]
    assert [t.text for t in root.iter(W + "delText")] == ["≤"]
    path = tmp_path / "redline.docx"
    path.write_bytes(data)
    assert [b.text for b in parse_file(str(path)).blocks] == ["Warming kept ≥ 1.5 degrees."]
    assert [b.text for b in parse_file(str(path), ParseOptions(original=True)).blocks] == ["Warming kept ≤ 1.5 degrees."]
