"""parsers.docx.wordml, the WordprocessingML shared by the Word reader and the redline: one copy
of the names, the on/off test, body elements and footnote marks, usable without python-docx."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from real_word import real

from parsers.docx.reader import read_docx
from parsers.docx.wordml import (
    ENDNOTE_REFERENCE,
    FOOTNOTE_REFERENCE,
    W_NS,
    body_elements,
    displayed,
    flag,
    footnote_marks,
    footnote_numbering,
    is_w,
    on_off,
    qn,
    visible_references,
    w,
)

ROOT = Path(__file__).resolve().parents[1]


def element(xml: str) -> etree._Element:
    return etree.fromstring(f'<w:root xmlns:w="{W_NS}">{xml}</w:root>')[0]


def test_module_does_not_load_python_docx():
    """Importing the shared module (as the redline does) leaves python-docx unloaded."""
    code = "import sys, parsers.docx.wordml; print('docx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT)})
    assert out.stdout.strip() == "False"


def test_redline_uses_the_shared_copies():
    """The redline's locating and writing modules use the reader's body_elements and footnote
    numbering, not copies of their own."""
    from compare.redline import locate, writer

    assert writer.body_elements is body_elements and locate.body_elements is body_elements
    assert locate.footnote_marks is footnote_marks
    assert not hasattr(locate, "_SUPERSCRIPT")


def test_names():
    """qn and w give the same Clark names; is_w tests the namespace and the local name."""
    assert qn("w:p") == w("p") == f"{{{W_NS}}}p"
    p = element("<w:p/>")
    assert is_w(p, "tbl", "p") and not is_w(p, "tbl")
    assert not is_w(etree.Element("p"), "p")


@pytest.mark.parametrize(("xml", "expected"), [
    ("<w:b/>", True), ('<w:b w:val="1"/>', True), ('<w:b w:val="true"/>', True), ('<w:b w:val="on"/>', True),
    ('<w:b w:val="0"/>', False), ('<w:b w:val="false"/>', False), ('<w:b w:val="off"/>', False),
])
def test_on_off_property(xml, expected):
    """An on/off element is on when present without a value and off for 0/false/off."""
    assert on_off(element(xml)) is expected


def test_on_off_attribute_absent_is_off():
    """An absent on/off attribute is off; 'true' and '1' are on, '0' is off."""
    assert not flag(element("<w:footnoteReference/>"), "w:customMarkFollows")
    assert flag(element('<w:footnoteReference w:customMarkFollows="true"/>'), "w:customMarkFollows")
    assert not flag(element('<w:footnoteReference w:customMarkFollows="0"/>'), "w:customMarkFollows")
    assert on_off(None) is None


def test_body_elements_look_inside_content_controls_not_nested_tables():
    """Paragraphs and tables in order, those in block-level w:sdt and w:customXml counted in place,
    a table's own paragraphs not."""
    body = element(
        "<w:body><w:p/><w:sdt><w:sdtContent><w:p/><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"
        "</w:sdtContent></w:sdt><w:customXml><w:p/></w:customXml><w:sectPr/></w:body>")
    assert [etree.QName(e).localname for e in body_elements(body)] == ["p", "p", "tbl", "p"]


def test_footnote_numbering_section_wins_over_settings():
    """The last section's footnotePr wins over the settings'; without either, decimal from 1."""
    settings = element('<w:settings><w:footnotePr><w:numFmt w:val="upperRoman"/>'
                       '<w:numStart w:val="3"/></w:footnotePr></w:settings>')
    body = element('<w:body><w:sectPr><w:footnotePr><w:numFmt w:val="lowerLetter"/></w:footnotePr>'
                   '</w:sectPr></w:body>')
    assert footnote_numbering(None, None) == ("decimal", 1)
    assert footnote_numbering(None, settings) == ("upperRoman", 3)
    assert footnote_numbering(body, settings) == ("lowerLetter", 3)


def test_footnote_marks_number_automatic_references_only():
    """Automatic references count in the document's format; a custom-mark reference gets ""."""
    body = element('<w:body><w:footnoteReference/><w:footnoteReference w:customMarkFollows="1"/>'
                   '<w:footnoteReference/></w:body>')
    marks = footnote_marks(body.iter(FOOTNOTE_REFERENCE), "decimal", 9)
    assert list(marks.values()) == ["⁹", "", "¹⁰"]
    assert list(footnote_marks(body.iter(FOOTNOTE_REFERENCE), "lowerRoman").values()) == ["ⁱ", "", "ⁱⁱ"]
    assert displayed("12") == "¹²"
    assert displayed("iv") == "ⁱᵛ"  # an endnote's mark, raised as a PDF prints it


def _body(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read("word/document.xml"))


@pytest.mark.parametrize("name", ["docxodus-NVCA-Model-COI.docx", "pandoc-notes.docx", "oxpt-WC063-Footnote.docx",
                                  "oxpt-WC034-Footnotes-After1.docx", "oxpt-HC031-Complicated-Document.docx"])
@pytest.mark.parametrize("original", [False, True])
def test_reader_and_shared_footnote_marks_agree_on_real_files(name, original):
    """On real Word files with footnotes (and endnotes: pandoc, HC031), the marks the reader puts
    in its paragraphs are the ones the shared numbering gives the references it counts, in order
    (what the redline finds again), with tracked changes accepted or rejected."""
    path = real(name)
    read = [displayed(m) for p in read_docx(str(path), original=original).paragraphs for m in p.footnote_marks]
    body = _body(path)
    notes = footnote_marks(visible_references(body, original=original))
    endnotes = footnote_marks(visible_references(body, original=original, tag=ENDNOTE_REFERENCE),
                              *footnote_numbering(body, None, endnotes=True))
    shared = [mark for ref in body.iter(FOOTNOTE_REFERENCE, ENDNOTE_REFERENCE)
              for mark in [notes.get(ref, endnotes.get(ref, ""))] if mark]
    assert read and read == shared


def test_references_in_deleted_text_are_not_counted():
    """A reference inside a tracked deletion is not numbered when accepted (the next one is 1),
    one inside an insertion not when rejected."""
    body = element('<w:body><w:p><w:del><w:r><w:footnoteReference/></w:r></w:del>'
                   '<w:ins><w:r><w:footnoteReference/></w:r></w:ins></w:p></w:body>')
    deleted, inserted = list(body.iter(FOOTNOTE_REFERENCE))
    assert visible_references(body) == [inserted]
    assert visible_references(body, original=True) == [deleted]

