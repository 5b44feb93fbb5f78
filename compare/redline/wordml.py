"""WordprocessingML vocabulary for the redline export: names, a safe parser, revision stamps
(author, date, unique ids), paragraph-mark revisions, and runs built from a block's text and
spans. Names, the on/off test, body elements and footnote marks are shared with the Word reader
(parsers.docx.wordml)."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lxml import etree

from parsers.docx.math import is_equation, math_text
from parsers.docx.wordml import W_NS, is_w, local, w
from parsers.model import Span
from parsers.symbols import inserted_symbol

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Containers inside a paragraph whose runs belong to the paragraph's text.
RUN_CONTAINERS = ("hyperlink", "smartTag", "customXml", "fldSimple", "sdt", "sdtContent", "ins", "moveTo",
                  "dir", "bdo")
# Content that is not part of the text a reader sees with all changes accepted.
DELETED_CONTAINERS = ("del", "moveFrom")
# The same as tags, the elements an equation's text leaves out (parsers.docx.math).
ACCEPTED_VIEW = tuple(map(w, DELETED_CONTAINERS))
# Elements of w:pPr that must come after w:rPr (CT_PPr sequence).
AFTER_PARAGRAPH_RPR = ("sectPr", "pPrChange")


def detach(el: etree._Element) -> None:
    """Take `el` out of the tree it stands in (it must have a parent)."""
    parent = el.getparent()
    if parent is None:
        raise ValueError(f"a w:{local(el)} element with no parent cannot be removed")
    parent.remove(el)


def safe_parser() -> etree.XMLParser:
    """The only parser used on document XML: no entities, no network, no huge trees."""
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)


def make(tag: str, attrs: dict[str, str] | None = None, *children: etree._Element) -> etree._Element:
    el = etree.Element(w(tag), nsmap={"w": W_NS})
    for key, value in (attrs or {}).items():
        el.set(w(key), value)
    for child in children:
        el.append(child)
    return el


@dataclass(slots=True)
class Revisions:
    """Stamps revisions: one author and one date for the whole export, ids unique across the
    document (started above every id already used in the package)."""

    author: str
    date: str
    next_id: int = 1
    moves: int = 0

    def new_id(self) -> str:
        value = self.next_id
        self.next_id += 1
        return str(value)

    def mark(self, tag: str, **attrs: str) -> etree._Element:
        """A w:ins / w:del / w:moveFrom / w:moveTo (or range start) element, stamped."""
        el = make(tag, {"id": self.new_id(), "author": self.author, "date": self.date})
        for key, value in attrs.items():
            el.set(w(key), value)
        return el

    def move_name(self) -> str:
        self.moves += 1
        return f"move{self.moves}"


def paragraph_properties(p: etree._Element) -> etree._Element:
    ppr = p.find(w("pPr"))
    if ppr is None:
        ppr = make("pPr")
        p.insert(0, ppr)
    return ppr


def mark_paragraph(p: etree._Element, revisions: Revisions, tag: str) -> None:
    """Track the paragraph mark itself (inserted, deleted, moved) in w:pPr/w:rPr."""
    ppr = paragraph_properties(p)
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = make("rPr")
        later = [c for c in ppr if is_w(c, *AFTER_PARAGRAPH_RPR)]
        if later:
            later[0].addprevious(rpr)
        else:
            ppr.append(rpr)
    for old in [c for c in rpr if is_w(c, "ins", "del", "moveFrom", "moveTo")]:
        rpr.remove(old)
    rpr.insert(0, revisions.mark(tag))


def clean_paragraph_properties(ppr: etree._Element) -> etree._Element:
    """A copy of w:pPr without revision marks, section breaks or property changes."""
    ppr = copy.deepcopy(ppr)
    for child in list(ppr):
        if is_w(child, *AFTER_PARAGRAPH_RPR):
            ppr.remove(child)
    rpr = ppr.find(w("rPr"))
    if rpr is not None:
        for child in list(rpr):
            if is_w(child, "ins", "del", "moveFrom", "moveTo", "rPrChange"):
                rpr.remove(child)
    return ppr


def plain_run_properties(rpr: etree._Element | None) -> etree._Element:
    """A copy of a run's properties without italic, bold, character style or revision marks:
    the base for runs whose emphasis comes from a block's spans."""
    out = make("rPr") if rpr is None else copy.deepcopy(rpr)
    for child in list(out):
        if is_w(child, "i", "iCs", "b", "bCs", "rStyle", "vertAlign", "rPrChange", "ins", "del"):
            out.remove(child)
    return out


def _with_emphasis(base: etree._Element, bold: bool, italic: bool) -> etree._Element:
    rpr = copy.deepcopy(base)
    # CT_RPr order: rStyle, rFonts, b, bCs, i, iCs, ...: after rFonts if present, else first.
    at = 1 if len(rpr) and is_w(rpr[0], "rFonts") else 0
    for name, on in (("iCs", italic), ("i", italic), ("bCs", bold), ("b", bold)):
        if on:
            rpr.insert(at, make(name))
    return rpr


def span_pieces(text: str, spans: Iterable[Span], start: int = 0) -> Iterator[tuple[str, bool, bool]]:
    """Cut `text` (which begins at offset `start` of its block) where the block's formatting
    changes: (piece, bold, italic)."""
    spans = tuple(spans)
    cuts = {0, len(text)}
    for s in spans:
        for edge in (s.start - start, s.end - start):
            if 0 < edge < len(text):
                cuts.add(edge)
    edges = sorted(cuts)
    for a, b in zip(edges, edges[1:], strict=False):
        mid = start + a
        bold = any(s.bold and s.start <= mid < s.end for s in spans)
        italic = any(s.italic and s.start <= mid < s.end for s in spans)
        yield text[a:b], bold, italic


def text_children(text: str, deleted: bool) -> list[etree._Element]:
    """Run content for plain text: w:t (or w:delText), w:tab for tabs, w:br for line breaks."""
    out: list[etree._Element] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            t = make("delText" if deleted else "t")
            t.text = "".join(buf)
            t.set(XML_SPACE, "preserve")
            out.append(t)
            buf.clear()

    for ch in text:
        if ch in "\t\n\v\r":
            flush()
            out.append(make("tab" if ch == "\t" else "br"))
        else:
            buf.append(ch)
    flush()
    return out


def text_runs(text: str, spans: Iterable[Span], base: etree._Element | None, *, start: int = 0,
              deleted: bool = False) -> list[etree._Element]:
    """Runs for `text` (offset `start` in its block) with the block's italic and bold, on top of
    `base` run properties (font, size) stripped of their own emphasis."""
    plain = plain_run_properties(base)
    runs = []
    for piece, bold, italic in span_pieces(text, spans, start):
        run = make("r")
        rpr = _with_emphasis(plain, bold, italic)
        if len(rpr):
            run.append(rpr)
        for child in text_children(piece, deleted):
            run.append(child)
        runs.append(run)
    return runs


def to_deleted(run: etree._Element) -> etree._Element:
    """A copy of a run as deleted text (w:t → w:delText, w:instrText → w:delInstrText)."""
    run = copy.deepcopy(run)
    for t in run.iter(w("t")):
        t.tag = w("delText")
    for t in run.iter(w("instrText")):
        t.tag = w("delInstrText")
    return run


def paragraph_text(p: etree._Element) -> str:
    """The text of a paragraph as shown with all changes accepted (tabs and breaks as characters,
    footnote references left out), a symbol and an equation as the reader gives them."""
    parts: list[str] = []
    for el in p.iter():
        equation = is_equation(el)
        if not equation and not is_w(el, "t", "tab", "br", "cr", "noBreakHyphen", "sym"):
            continue
        if any(is_w(a, *DELETED_CONTAINERS) for a in el.iterancestors()):
            continue
        if equation:
            parts.append(math_text(el, ACCEPTED_VIEW))
        elif is_w(el, "sym"):
            parts.append(inserted_symbol(el.get(w("char")), el.get(w("font"))))
        elif is_w(el, "t"):
            parts.append(el.text or "")
        elif is_w(el, "tab"):
            if (parent := el.getparent()) is not None and is_w(parent, "r"):
                parts.append("\t")
        elif is_w(el, "noBreakHyphen"):
            parts.append("\u2011")
        else:
            parts.append("\n")
    return "".join(parts)
