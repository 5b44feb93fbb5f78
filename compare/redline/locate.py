"""Finding blocks in Word XML: body elements counted as the Word reader counts them and the marks
footnote references display (both from parsers.docx.wordml, shared with the reader), text similarity between a paragraph and a block, and the old
version's package (paragraph properties of removed blocks, kept where the new package has their
style and list)."""

from __future__ import annotations

from lxml import etree
from rapidfuzz import fuzz

from compare.redline.package import Package
from compare.redline.paragraph import paragraph_runs
from compare.redline.wordml import clean_paragraph_properties, make, paragraph_text
from compare.text.normalize import fold_spaces
from parsers.docx.wordml import (
    ENDNOTE_REFERENCE,
    R_NS,
    body_elements,
    footnote_marks,
    footnote_numbering,
    is_w,
    visible_references,
    w,
)
from parsers.errors import ParseError
from parsers.model import Block, Document, Format

# A body element is taken as a block's when their whitespace-normalised texts are at least this
# similar (fuzz.ratio): readers drop labels and footnote marks, but another paragraph of a UN
# text shares far less than this with the block.
LOCATE_THRESHOLD = 60


def reference_marks(package: Package, main: str, body: etree._Element) -> dict[etree._Element, str]:
    """The mark each footnote and endnote reference of `body` displays, numbered in the format and
    from the start the document sets, as the Word reader numbers them (references in deleted text
    or text boxes are not counted); "" for custom marks (typed after)."""
    settings = package.related(main, f"{R_NS}/settings")
    settings_xml = package.xml(settings) if settings is not None and package.has(settings) else None
    return {**footnote_marks(visible_references(body), *footnote_numbering(body, settings_xml)),
            **footnote_marks(visible_references(body, tag=ENDNOTE_REFERENCE),
                             *footnote_numbering(body, settings_xml, endnotes=True))}


def similar(a: str, b: str) -> float:
    """fuzz.ratio of the whitespace-normalised texts (100 for two empty ones)."""
    a, b = fold_spaces(a), fold_spaces(b)
    if not a and not b:
        return 100.0
    return fuzz.ratio(a, b)


class OldVersion:
    """The old document's Word package, when it has one: paragraph properties of removed blocks,
    kept only where their style and list exist in the new package."""

    def __init__(self, doc: Document, package: Package, main: str) -> None:
        self.doc = doc
        self.elements: list[etree._Element] = []
        self.marks: dict[etree._Element, str] = {}
        self.package: Package | None = None  # for its footnotes
        if doc.format is Format.DOCX:
            try:
                old = Package.read(doc.path)
                old_main = old.main_part()
                body = old.xml(old_main).find(w("body"))
                if body is not None:
                    self.elements = body_elements(body)
                    self.marks = reference_marks(old, old_main, body)
                    self.package = old
            except ParseError:  # the old file changed since it was read: only its formatting is lost
                pass
        styles = package.related(main, f"{R_NS}/styles")
        numbering = package.related(main, f"{R_NS}/numbering")
        self.styles = {s.get(w("styleId")) for s in package.xml(styles).iter(w("style"))} if styles else set()
        self.lists = {n.get(w("numId")) for n in package.xml(numbering).iter(w("num"))} if numbering else set()

    def element(self, block: Block) -> etree._Element | None:
        """The old block's body element, when its text agrees."""
        index = block.location.element
        if index is None or not 0 <= index < len(self.elements):
            return None
        el = self.elements[index]
        if is_w(el, "p") and similar(paragraph_text(el), block.text) < LOCATE_THRESHOLD:
            return None
        return el

    def formatting(self, block: Block, el: etree._Element | None) -> tuple[etree._Element | None, etree._Element | None]:
        """(w:pPr, base w:rPr) of an old paragraph, or (None, None)."""
        if el is None or not is_w(el, "p"):
            return None, None
        ppr = el.find(w("pPr"))
        ppr = clean_paragraph_properties(ppr) if ppr is not None else make("pPr")
        style = ppr.find(w("pStyle"))
        if style is not None and style.get(w("val")) not in self.styles:
            ppr.remove(style)
        num = ppr.find(w("numPr"))
        if num is not None:
            num_id = num.find(w("numId"))
            if num_id is None or num_id.get(w("val")) not in self.lists:
                ppr.remove(num)
        runs = [r for r in paragraph_runs(el) if r.find(w("t")) is not None]
        return ppr, runs[0].find(w("rPr")) if runs else None
