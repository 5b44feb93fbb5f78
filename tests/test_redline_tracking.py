"""Accept-all and reject-all on WordprocessingML, written for the redline tests (other
tests/test_redline_*.py import these helpers), and the specification of what tracked changes
mean: the tests below pin the helper's behaviour on hand-written XML."""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from compare.redline.wordml import W_NS, safe_parser

W = f"{{{W_NS}}}"
_SPACES = re.compile(r"\s+")
# with every change accepted, these go with their content; rejected, the other list
_GONE = {"accept": ("del", "moveFrom"), "reject": ("ins", "moveTo")}
_KEPT = {"accept": ("ins", "moveTo"), "reject": ("del", "moveFrom")}
_MARKERS = ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")


def document_xml(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read("word/document.xml"), safe_parser())


def resolve(root: etree._Element, how: str) -> etree._Element:
    """A copy of a document (or body) with every tracked change accepted or rejected."""
    root = etree.fromstring(etree.tostring(root), safe_parser())
    gone, kept = _GONE[how], _KEPT[how]
    # paragraph marks first: a paragraph whose mark goes merges into the next one
    for p in list(root.iter(W + "p")):
        mark = p.find(f"{W}pPr/{W}rPr")
        if mark is not None and any(mark.find(W + t) is not None for t in gone):
            nxt = p.getnext()
            while nxt is not None and nxt.tag != W + "p":
                nxt = nxt.getnext()
            content = [c for c in p if c.tag != W + "pPr"]
            if nxt is not None:
                ppr = nxt.find(W + "pPr")
                at = 1 if ppr is not None else 0
                for k, child in enumerate(content):
                    nxt.insert(at + k, child)
            p.getparent().remove(p)
    for row in list(root.iter(W + "tr")):
        trpr = row.find(W + "trPr")
        if trpr is not None and any(trpr.find(W + t) is not None for t in gone):
            row.getparent().remove(row)
    for tbl in list(root.iter(W + "tbl")):
        if tbl.find(W + "tr") is None:
            tbl.getparent().remove(tbl)
    for el in list(root.iter(*(W + t for t in gone))):
        if el.getparent() is not None and el.getparent().tag != W + "rPr" and el.getparent().tag != W + "trPr":
            el.getparent().remove(el)
    for el in list(root.iter(*(W + t for t in kept))):
        parent = el.getparent()
        if parent is None:
            continue
        if parent.tag in (W + "rPr", W + "trPr"):
            parent.remove(el)
            continue
        at = parent.index(el)
        for k, child in enumerate(list(el)):
            parent.insert(at + k, child)
        parent.remove(el)
    for el in list(root.iter(*(W + t for t in _MARKERS))):
        el.getparent().remove(el)
    for el in list(root.iter(W + "delText")):
        el.tag = W + "t"
    for el in list(root.iter(W + "delInstrText")):
        el.tag = W + "instrText"
    return root


def paragraph_texts(root: etree._Element) -> list[str]:
    """Whitespace-normalised texts of the body's non-empty paragraphs (footnote references and
    comments carry no text)."""
    out = []
    body = root.find(W + "body") if root.tag == W + "document" else root
    for p in body.iter(W + "p"):
        parts = []
        for el in p.iter(W + "t", W + "tab", W + "delText"):
            if el.tag == W + "tab":
                if el.getparent().tag == W + "r":
                    parts.append(" ")
            else:
                parts.append(el.text or "")
        text = _SPACES.sub(" ", "".join(parts)).strip()
        if text:
            out.append(text)
    return out


def norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _doc(body: str) -> etree._Element:
    return etree.fromstring(f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'.encode())


STAMP = 'w:author="A" w:date="2026-01-01T00:00:00Z"'


def test_accept_keeps_insertions_and_drops_deletions():
    """Accepting keeps w:ins text and drops w:del text; rejecting does the reverse."""
    root = _doc(f'<w:p><w:r><w:t xml:space="preserve">Le </w:t></w:r><w:del w:id="1" {STAMP}><w:r>'
                f'<w:delText>chat</w:delText></w:r></w:del><w:ins w:id="2" {STAMP}><w:r><w:t>chien</w:t></w:r>'
                '</w:ins></w:p>')
    assert paragraph_texts(resolve(root, "accept")) == ["Le chien"]
    assert paragraph_texts(resolve(root, "reject")) == ["Le chat"]


def test_deleted_paragraph_mark_merges_on_accept():
    """A deleted paragraph mark joins its paragraph to the next when accepted, not when rejected."""
    root = _doc(f'<w:p><w:pPr><w:rPr><w:del w:id="1" {STAMP}/></w:rPr></w:pPr><w:r><w:t>A</w:t></w:r></w:p>'
                '<w:p><w:r><w:t>B</w:t></w:r></w:p>')
    assert paragraph_texts(resolve(root, "accept")) == ["AB"]
    assert paragraph_texts(resolve(root, "reject")) == ["A", "B"]


def test_deletion_inside_a_move_target_goes_either_way():
    """Text deleted inside a moved-to copy is gone on accept (deleted) and on reject (not moved)."""
    root = _doc(f'<w:p><w:moveTo w:id="1" {STAMP}><w:r><w:t>x</w:t></w:r><w:del w:id="2" {STAMP}><w:r>'
                '<w:delText>y</w:delText></w:r></w:del></w:moveTo></w:p>')
    assert paragraph_texts(resolve(root, "accept")) == ["x"]
    assert paragraph_texts(resolve(root, "reject")) == []
