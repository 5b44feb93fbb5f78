"""A clean, UN-styled Word document built from a parsed document (when the new version is a PDF
or text file), for the redline to track changes on.

Times New Roman 10 pt, justified body text, preambular paragraphs indented with their italic
verbs, operative paragraphs and sub-paragraphs on real Word numbering ("1.", "(a)", "(i)") when
the printed numbers follow it (else the labels are typed), footnotes as real footnotes carrying
the printed mark, tables as Word tables.
"""

from __future__ import annotations

import re

from lxml import etree

from compare.redline.package import CT_NS, OFFICE_DOCUMENT, PR_NS, Package
from compare.redline.wordml import make, text_runs
from parsers.docx.wordml import R_NS, W_NS, w
from parsers.model import Block, BlockKind, Document

BODY_FONT = "Times New Roman"
BODY_SIZE = 20  # half-points: UN documents set body text at 10 pt
INDENT = 567  # twips (1 cm): first-line indent of preambular paragraphs and number position
# A4 with the UN's wide margins (twips)
PAGE = {"w": "11906", "h": "16838"}
MARGINS = {"top": "1900", "right": "2270", "bottom": "2000", "left": "2270", "header": "900", "footer": "900",
           "gutter": "0"}
NUM_ID = "1"
# Word's numbering of a resolution: operative "1.", sub-paragraph "(a)", sub-sub "(i)"; in a draft
# whose labels were typed (parsers.model.Document.typed_labels), operative "OP1.".
LEVELS = (("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)"))
TYPED_OPERATIVE = "OP%1."
STYLE_OF = {BlockKind.TITLE: "Title", BlockKind.HEADING: "Heading1"}
_MARK = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+|(?<=\w)\*+")
_SUPER = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
RT = f"{R_NS}"


def build_blank(doc: Document) -> tuple[Package, dict[int, int]]:
    """A package for `doc` and, for each body block index, the index of its body element."""
    footnotes = _Footnotes(doc)
    body = make("body")
    mapping: dict[int, int] = {}
    auto = follows_word_numbering(doc.body())
    typed = doc.typed_labels
    for block in doc.body():
        mapping[block.index] = len(body)
        body.append(table_from_text(block) if block.kind is BlockKind.TABLE else _paragraph(block, auto, footnotes, typed))
    sect = make("sectPr", None, make("pgSz", PAGE), make("pgMar", MARGINS))
    body.append(sect)
    document = etree.Element(w("document"), nsmap={"w": W_NS, "r": R_NS})
    document.append(body)
    document_rels = {
        "rId1": (f"{RT}/styles", "styles.xml"),
        "rId2": (f"{RT}/numbering", "numbering.xml"),
        "rId3": (f"{RT}/settings", "settings.xml"),
        "rId4": (f"{RT}/footnotes", "footnotes.xml"),
    }
    parts: dict[str, etree._Element] = {
        "word/document.xml": document,
        "word/styles.xml": _styles(),
        "word/numbering.xml": _numbering(typed),
        "word/settings.xml": make("settings", None, make("defaultTabStop", {"val": str(INDENT)})),
        "word/footnotes.xml": footnotes.root,
    }
    types = _content_types()
    if doc.symbol:  # the running header of a UN document: its symbol, at the right
        parts["word/header1.xml"] = _header(doc.symbol)
        document_rels["rId5"] = (f"{RT}/header", "header1.xml")
        etree.SubElement(types, f"{{{CT_NS}}}Override", PartName="/word/header1.xml", ContentType=f"{CT}.header+xml")
        reference = make("headerReference", {"type": "default"})
        sect.insert(0, reference)
        reference.set(f"{{{R_NS}}}id", "rId5")  # set in the tree: takes the root's r: prefix
    package = Package({name: b"" for name in parts}, doc.path)
    for name, root in parts.items():
        package.set_xml(name, root)
    package.set_xml("[Content_Types].xml", types)
    package.set_xml("_rels/.rels", _relationships({"rId1": (OFFICE_DOCUMENT, "word/document.xml")}))
    package.set_xml("word/_rels/document.xml.rels", _relationships(document_rels))
    return package, mapping


def _header(symbol: str) -> etree._Element:
    t = make("t")
    t.text = symbol
    run = make("r", None, make("rPr", None, make("b"), make("sz", {"val": "17"})), t)
    return make("hdr", None, make("p", None, make("pPr", None, make("jc", {"val": "right"})), run))


# --- body ---------------------------------------------------------------------------------------


def follows_word_numbering(blocks: tuple[Block, ...]) -> bool:
    """True when the printed numbers are what Word's multilevel list would display."""
    counters = [0, 0, 0]
    for block in blocks:
        if block.number is None or block.kind not in (BlockKind.OPERATIVE, BlockKind.SUBPARAGRAPH):
            continue
        level = 0 if block.kind is BlockKind.OPERATIVE else min(max(block.level, 1), 2)
        counters[level] += 1
        for lower in range(level + 1, 3):
            counters[lower] = 0
        if block.number.strip().strip(".()").lower() != _label(counters[level], level):
            return False
    return True


def _label(n: int, level: int) -> str:
    if level == 0:
        return str(n)
    if level == 1:
        return "".join(chr(ord("a") + d) for d in _letters(n))
    return _roman(n)


def _letters(n: int) -> list[int]:
    # Word's lowerLetter: a..z, then aa, bb ...
    return [(n - 1) % 26] * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += digits
            n -= value
    return out


def on_list(block: Block, auto: bool) -> bool:
    """True when Word's list numbering displays this block's number."""
    return auto and block.number is not None and block.kind in (BlockKind.OPERATIVE, BlockKind.SUBPARAGRAPH)


def block_properties(block: Block, auto: bool) -> etree._Element:
    """w:pPr for a block of this kind (also used for removed blocks of a PDF)."""
    ppr = make("pPr", None, make("pStyle", {"val": STYLE_OF.get(block.kind, "SingleTxt")}))
    if on_list(block, auto):
        level = 0 if block.kind is BlockKind.OPERATIVE else min(max(block.level, 1), 2)
        ppr.append(make("numPr", None, make("ilvl", {"val": str(level)}), make("numId", {"val": NUM_ID})))
    elif block.kind is BlockKind.PREAMBLE:
        ppr.append(make("ind", {"firstLine": str(INDENT)}))
    elif block.number is not None:
        ppr.append(make("ind", {"left": "0", "firstLine": str(INDENT * (block.level + 1))}))
    return ppr


def typed_label(block: Block, typed: bool = False) -> str:
    """A number Word's list does not display, typed as UN documents print it: "3.", "(a)"; a
    preambular paragraph's as the draft typed it ("PP2bis"), and an operative one's "OP3." in a
    draft that typed its labels (`typed`)."""
    if block.kind is BlockKind.SUBPARAGRAPH:
        return f"({block.number})"
    if block.kind is BlockKind.PREAMBLE:
        return f"{block.number}"
    if typed and block.kind is BlockKind.OPERATIVE and block.number:
        return f"OP{block.number.replace(' ', '')}."
    return f"{block.number}."


def _paragraph(block: Block, auto: bool, footnotes: _Footnotes, typed: bool = False) -> etree._Element:
    p = make("p", None, block_properties(block, auto))
    if block.number is not None and not on_list(block, auto):
        for run in text_runs(typed_label(block, typed) + "\t", (), None):
            p.append(run)
    at = 0
    for m in _MARK.finditer(block.text):
        ref = footnotes.reference(m.group())
        if ref is None:
            continue
        fid, auto = ref
        for run in text_runs(block.text[at:m.start()], block.spans, None, start=at):
            p.append(run)
        p.append(_reference_run(fid, m.group(), auto))
        at = m.end()
    for run in text_runs(block.text[at:], block.spans, None, start=at):
        p.append(run)
    return p


def _mark_properties(mark: str) -> etree._Element:
    """A superscript glyph (³) is already raised; a plain mark (*, 3) gets the reference style."""
    raised = any(ch in "⁰¹²³⁴⁵⁶⁷⁸⁹" for ch in mark)
    return make("rPr") if raised else make("rPr", None, make("rStyle", {"val": "FootnoteReference"}))


def _reference_run(fid: str, mark: str, auto: bool) -> etree._Element:
    """The body's reference: Word's own numbering when the mark is the next number (readers then
    show the number once, in the text and in the note), else the printed mark as a custom mark."""
    if auto:
        return make("r", None, make("rPr", None, make("rStyle", {"val": "FootnoteReference"})),
                    make("footnoteReference", {"id": fid}))
    t = make("t")
    t.text = mark
    return make("r", None, _mark_properties(mark), make("footnoteReference", {"customMarkFollows": "1", "id": fid}), t)


def table_from_text(block: Block) -> etree._Element:
    """A Word table from a table block's text (rows on newlines, cells on tabs)."""
    rows = block.text.split("\n")
    width = max(len(r.split("\t")) for r in rows)
    tbl = make("tbl", None, make("tblPr", None, make("tblStyle", {"val": "TableGrid"}),
                                 make("tblW", {"w": "0", "type": "auto"})))
    grid = make("tblGrid")
    for _ in range(width):
        grid.append(make("gridCol", {"w": str(int(MARGINS_TEXT_WIDTH / width))}))
    tbl.append(grid)
    for row in rows:
        tr = make("tr")
        cells = row.split("\t")
        for k in range(width):
            text = cells[k] if k < len(cells) else ""
            p = make("p", None, make("pPr", None, make("pStyle", {"val": "SingleTxt"})), *text_runs(text, (), None))
            tr.append(make("tc", None, make("tcPr", None, make("tcW", {"w": "0", "type": "auto"})), p))
        tbl.append(tr)
    return tbl


MARGINS_TEXT_WIDTH = int(PAGE["w"]) - int(MARGINS["left"]) - int(MARGINS["right"])


class _Footnotes:
    """footnotes.xml: the two separators Word requires, then the document's footnotes, each
    referenced once from the body by its printed mark."""

    def __init__(self, doc: Document) -> None:
        self.root = make("footnotes")
        for fid, kind, child in (("-1", "separator", "separator"), ("0", "continuationSeparator",
                                                                      "continuationSeparator")):
            self.root.append(make("footnote", {"type": kind, "id": fid},
                                  make("p", None, make("r", None, make(child)))))
        self.texts = {f.mark.translate(_SUPER).strip(): f.text for f in doc.footnotes}
        self.used: set[str] = set()
        self.next_id = 1
        self.auto = 0  # footnotes Word numbers itself so far

    def reference(self, mark: str) -> tuple[str, bool] | None:
        """The id of the footnote for `mark` (made on its first reference), and whether Word
        numbers it itself: a superscript number that is the next in Word's count (1, 2, 3 …) is
        an automatic footnote whose note starts with w:footnoteRef; any other mark (*, a number
        out of sequence) is a custom mark, printed once in the note as text. A note never shows
        its mark twice (a custom mark's text beside an automatic number)."""
        key = mark.translate(_SUPER).strip()
        if key not in self.texts or key in self.used:
            return None
        self.used.add(key)
        fid = str(self.next_id)
        self.next_id += 1
        auto = mark.strip() != key and key == str(self.auto + 1)
        if auto:
            self.auto += 1
            lead = make("r", None, make("rPr", None, make("rStyle", {"val": "FootnoteReference"})), make("footnoteRef"))
        else:
            t = make("t")
            t.text = mark
            lead = make("r", None, _mark_properties(mark), t)
        p = make("p", None, make("pPr", None, make("pStyle", {"val": "FootnoteText"})),
                 lead, make("r", None, make("tab")), *text_runs(self.texts[key], (), None))
        self.root.append(make("footnote", {"id": fid}, p))
        return fid, auto


# --- package parts ------------------------------------------------------------------------------


def _styles() -> etree._Element:
    fonts = {"ascii": BODY_FONT, "hAnsi": BODY_FONT, "eastAsia": BODY_FONT, "cs": BODY_FONT}
    size = str(BODY_SIZE)
    run_defaults = make("rPr", None, make("rFonts", fonts), make("sz", {"val": size}), make("szCs", {"val": size}))
    spacing = make("spacing", {"after": "120", "line": "240", "lineRule": "exact"})
    styles = make("styles", None, make("docDefaults", None, make("rPrDefault", None, run_defaults),
                                       make("pPrDefault", None, make("pPr", None, spacing))))

    def style(kind: str, sid: str, name: str, *props: etree._Element, default: bool = False) -> None:
        el = make("style", {"type": kind, "styleId": sid}, make("name", {"val": name}))
        if default:
            el.set(w("default"), "1")
        if kind == "paragraph" and sid != "Normal":
            el.append(make("basedOn", {"val": "Normal"}))
        for prop in props:
            el.append(prop)
        styles.append(el)

    style("paragraph", "Normal", "Normal", default=True)
    style("paragraph", "Title", "Title", make("pPr", None, make("keepNext"), make("spacing", {
        "before": "240", "after": "240", "line": "320", "lineRule": "exact"})),
        make("rPr", None, make("b"), make("sz", {"val": "28"})))
    style("paragraph", "Heading1", "heading 1", make("pPr", None, make("keepNext"), make("spacing", {
        "before": "240", "after": "120"})), make("rPr", None, make("b")))
    style("paragraph", "SingleTxt", "UN Single Text", make("pPr", None, make("jc", {"val": "both"})))
    style("paragraph", "FootnoteText", "footnote text", make("pPr", None, make("spacing", {
        "after": "0", "line": "220", "lineRule": "exact"}), make("ind", {"left": "567", "hanging": "283"})),
        make("rPr", None, make("sz", {"val": "17"})))
    style("character", "FootnoteReference", "footnote reference",
          make("rPr", None, make("vertAlign", {"val": "superscript"})))
    style("table", "TableGrid", "Table Grid", make("tblPr", None, make("tblBorders", None, *(
        make(side, {"val": "single", "sz": "4", "space": "0", "color": "auto"})
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")))))
    return styles


def _numbering(typed: bool = False) -> etree._Element:
    abstract = make("abstractNum", {"abstractNumId": "0"}, make("multiLevelType", {"val": "multilevel"}))
    levels = ((LEVELS[0][0], TYPED_OPERATIVE), *LEVELS[1:]) if typed else LEVELS
    for ilvl, (fmt, text) in enumerate(levels):
        pos = INDENT * (ilvl + 1)
        abstract.append(make("lvl", {"ilvl": str(ilvl)}, make("start", {"val": "1"}), make("numFmt", {"val": fmt}),
                             make("lvlText", {"val": text}), make("lvlJc", {"val": "left"}),
                             make("pPr", None, make("tabs", None, make("tab", {"val": "num", "pos": str(pos + INDENT)})),
                                  make("ind", {"left": "0", "firstLine": str(pos)}))))
    return make("numbering", None, abstract, make("num", {"numId": NUM_ID}, make("abstractNumId", {"val": "0"})))


def _content_types() -> etree._Element:
    types = etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})  # type: ignore[dict-item]  # lxml-stubs: None (the default namespace) is a valid prefix
    for ext, ctype in (("rels", "application/vnd.openxmlformats-package.relationships+xml"),
                       ("xml", "application/xml")):
        etree.SubElement(types, f"{{{CT_NS}}}Default", Extension=ext, ContentType=ctype)
    for part, ctype in (("document", "document.main"), ("styles", "styles"), ("numbering", "numbering"),
                        ("settings", "settings"), ("footnotes", "footnotes")):
        etree.SubElement(types, f"{{{CT_NS}}}Override", PartName=f"/word/{part}.xml", ContentType=f"{CT}.{ctype}+xml")
    return types


def _relationships(rels: dict[str, tuple[str, str]]) -> etree._Element:
    root = etree.Element(f"{{{PR_NS}}}Relationships", nsmap={None: PR_NS})  # type: ignore[dict-item]  # lxml-stubs: None (the default namespace) is a valid prefix
    for rid, (rtype, target) in rels.items():
        etree.SubElement(root, f"{{{PR_NS}}}Relationship", Id=rid, Type=rtype, Target=target)
    return root

