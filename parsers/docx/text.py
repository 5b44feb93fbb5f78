"""The text inside one Word paragraph, with bold/italic per character and footnote marks.

Walks the paragraph's lxml children in order: runs, and the containers text lives in
(hyperlinks, smart tags, custom XML, content controls, simple fields, tracked insertions and
deletions). Complex fields give their displayed result, not their instruction. Hidden runs
(w:vanish), comment references and drawings give nothing; an equation gives its linear form
(parsers.docx.math).

Digits typed in a superscript run (w:vertAlign, directly or through a style) are not footnote
references but read as a PDF shows them: superscript digits ("¹"), listed as marks.

Tracked changes: by default the text reads with every change accepted (w:ins and w:moveTo in,
w:del and w:moveFrom out); with `original=True`, rejected (the reverse, deleted text from
w:delText, and a run's properties as they were before a tracked change of them, w:rPrChange).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from parsers.docx.math import MATH, MATH_PARA, math_text
from parsers.docx.styles import Styles
from parsers.docx.wordml import custom_mark_follows, displayed, int_value, on_off, qn
from parsers.symbols import inserted_symbol

R, T, DEL_TEXT, TAB, BR, CR = qn("w:r"), qn("w:t"), qn("w:delText"), qn("w:tab"), qn("w:br"), qn("w:cr")
INS, DEL, MOVE_FROM, MOVE_TO = qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo")
FOOTNOTE_REF, ENDNOTE_REF = qn("w:footnoteReference"), qn("w:endnoteReference")
FLD_CHAR, RPR, PPR = qn("w:fldChar"), qn("w:rPr"), qn("w:pPr")
VANISH, R_STYLE, BOLD, ITALIC, VAL = qn("w:vanish"), qn("w:rStyle"), qn("w:b"), qn("w:i"), qn("w:val")
CAPS, SMALL_CAPS = qn("w:caps"), qn("w:smallCaps")
SIZE, RPR_CHANGE, VERT_ALIGN = qn("w:sz"), qn("w:rPrChange"), qn("w:vertAlign")
_DIGITS = re.compile(r"[0-9]+")
CHANGE_TAGS = (INS, DEL, MOVE_FROM, MOVE_TO)
# Containers whose children are read as part of the paragraph.
_CONTAINERS = {qn("w:hyperlink"), qn("w:smartTag"), qn("w:customXml"), qn("w:fldSimple"),
               qn("w:bdo"), qn("w:dir"), qn("w:sdtContent")}
_SDT = qn("w:sdt")


@dataclass
class Piece:
    text: str
    bold: bool
    italic: bool
    size: int = 0  # half-points


@dataclass
class Content:
    """What a paragraph (or several merged by a deleted paragraph mark) contains."""

    pieces: list[Piece] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    def extend(self, other: Content) -> None:
        self.pieces.extend(other.pieces)
        self.marks.extend(other.marks)

    def drop(self, count: int) -> None:
        """Remove the first `count` characters (a label typed at the start)."""
        while count > 0 and self.pieces:
            first = self.pieces[0]
            if len(first.text) <= count:
                count -= len(first.text)
                self.pieces.pop(0)
            else:
                self.pieces[0] = Piece(first.text[count:], first.bold, first.italic, first.size)
                count = 0


class TextWalker:
    """Reads paragraphs of one document. Footnote references are reported, in the order met, to
    `footnote_mark(footnote_id, custom_mark_or_None) -> mark`, which numbers the automatic ones;
    endnote references likewise to `endnote_mark` (left out of the text when None)."""

    def __init__(self, styles: Styles, *, original: bool, footnote_mark: Callable[[str, str | None], str],
                 endnote_mark: Callable[[str, str | None], str] | None = None) -> None:
        self.styles = styles
        self.original = original
        self._footnote_mark = footnote_mark
        self._endnote_mark = endnote_mark
        self._custom_mark_to = footnote_mark  # footnote_mark or endnote_mark: whose custom mark comes next
        self._skip = (INS, MOVE_TO) if original else (DEL, MOVE_FROM)
        self._field_depth: list[bool] = []  # per open complex field: showing its result yet?
        self._custom_mark_next: str | None = None  # footnote id whose custom mark comes next

    def paragraph(self, p: etree._Element, paragraph_style: str | None) -> Content:
        content = Content()
        self._field_depth = []
        self._walk(p, paragraph_style, content)
        return content

    def _walk(self, parent: etree._Element, paragraph_style: str | None, content: Content) -> None:
        for child in parent.iterchildren():
            tag = child.tag
            if tag == R:
                self._run(child, paragraph_style, content)
            elif tag in self._skip:
                continue
            elif tag in CHANGE_TAGS or tag in _CONTAINERS:
                self._walk(child, paragraph_style, content)
            elif tag == _SDT:
                inner = child.find(qn("w:sdtContent"))
                if inner is not None:
                    self._walk(inner, paragraph_style, content)
            elif tag in (MATH, MATH_PARA):  # an equation, in Word's linear form
                content.pieces.append(Piece(math_text(child, self._skip), False, False))

    def _run(self, r: etree._Element, paragraph_style: str | None, content: Content) -> None:
        rpr = r.find(RPR)
        if self.original and rpr is not None:
            change = rpr.find(RPR_CHANGE)
            if change is not None:
                rpr = change.find(RPR)  # the properties before the tracked change
        char_style = None
        direct: dict[str, bool] = {}
        direct_size = direct_vert = None
        direct_caps: bool | None = None
        direct_small: bool | None = None
        if rpr is not None:
            for prop in rpr.iterchildren():
                ptag = prop.tag
                if ptag == VANISH and on_off(prop):
                    return
                if ptag == R_STYLE:
                    char_style = prop.get(VAL)
                elif ptag == BOLD:
                    direct["b"] = bool(on_off(prop))
                elif ptag == ITALIC:
                    direct["i"] = bool(on_off(prop))
                elif ptag == SIZE:
                    direct_size = int_value(prop.get(VAL))
                elif ptag == VERT_ALIGN:
                    direct_vert = prop.get(VAL)
                elif ptag == CAPS:
                    direct_caps = bool(on_off(prop))
                elif ptag == SMALL_CAPS:
                    direct_small = bool(on_off(prop))
        char_style = char_style or self.styles.default_character
        bold, italic = self.styles.run_format(paragraph_style, char_style, direct)
        size = self.styles.run_size(paragraph_style, char_style, direct_size)
        raised = self.styles.superscript(paragraph_style, char_style, direct_vert)
        caps = self.styles.caps(paragraph_style, char_style, direct_caps, direct_small)
        fields = self._field_depth
        for child in r.iterchildren():
            tag = child.tag
            text = None
            if tag == RPR:
                continue
            if tag == FLD_CHAR:
                self._field_char(child.get(qn("w:fldCharType")))
            elif fields and not fields[-1]:
                continue  # a field's instruction, not its result
            elif tag == T or (tag == DEL_TEXT and self.original):
                text = child.text or ""
                if caps:  # shown in capitals, as a reader and the PDF see it
                    text = text.upper()
                custom = self._custom_mark_next is not None and bool(text.strip())
                if custom:
                    content.marks.append(self._custom_mark_to(self._custom_mark_next or "", text.strip()))
                    self._custom_mark_next = None
                if raised and _DIGITS.search(text):
                    if not custom:  # digits typed as superscript: marks, as a PDF reads them
                        content.marks.extend(_DIGITS.findall(text))
                    text = displayed(text)
            elif tag == TAB:
                text = "\t"
            elif tag in (BR, CR):
                text = "" if child.get(qn("w:type")) in ("page", "column") else "\n"
            elif tag == qn("w:noBreakHyphen"):
                text = "-"
            elif tag == qn("w:sym"):
                text = inserted_symbol(child.get(qn("w:char")), child.get(qn("w:font")))
            elif tag == FOOTNOTE_REF:
                text = self._footnote(child, content, self._footnote_mark)
                bold = italic = False
            elif tag == ENDNOTE_REF and self._endnote_mark is not None:
                text = self._footnote(child, content, self._endnote_mark)
                bold = italic = False
            if text:
                content.pieces.append(Piece(text, bold, italic, size))

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self._field_depth.append(False)
        elif kind == "separate" and self._field_depth:
            self._field_depth[-1] = True
        elif kind == "end" and self._field_depth:
            self._field_depth.pop()

    def _footnote(self, ref: etree._Element, content: Content, numbered: Callable[[str, str | None], str]) -> str:
        fid = ref.get(qn("w:id")) or ""
        if custom_mark_follows(ref):
            self._custom_mark_next = fid  # the mark is the text that follows
            self._custom_mark_to = numbered
            return ""
        mark = numbered(fid, None)
        content.marks.append(mark)
        return displayed(mark)

