"""The text inside one Word paragraph, with bold/italic per character and footnote marks.

Walks the paragraph's lxml children in order: runs, and the containers text lives in
(hyperlinks, smart tags, custom XML, content controls, simple fields, tracked insertions and
deletions). Complex fields give their displayed result, not their instruction. Hidden runs
(w:vanish), comment references and drawings give nothing.

Tracked changes: by default the text reads with every change accepted (w:ins and w:moveTo in,
w:del and w:moveFrom out); with `original=True`, rejected (the reverse, deleted text from
w:delText).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from parsers.docx.styles import Styles, on_off
from parsers.docx.wordml import Element, int_value, qn

SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

R, T, DEL_TEXT, TAB, BR, CR = qn("w:r"), qn("w:t"), qn("w:delText"), qn("w:tab"), qn("w:br"), qn("w:cr")
INS, DEL, MOVE_FROM, MOVE_TO = qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo")
FOOTNOTE_REF = qn("w:footnoteReference")
FLD_CHAR, RPR, PPR = qn("w:fldChar"), qn("w:rPr"), qn("w:pPr")
VANISH, R_STYLE, BOLD, ITALIC, VAL = qn("w:vanish"), qn("w:rStyle"), qn("w:b"), qn("w:i"), qn("w:val")
SIZE = qn("w:sz")
CHANGE_TAGS = (INS, DEL, MOVE_FROM, MOVE_TO)
# Containers whose children are read as part of the paragraph.
_CONTAINERS = {qn("w:hyperlink"), qn("w:smartTag"), qn("w:customXml"), qn("w:fldSimple"),
               qn("w:bdo"), qn("w:dir"), qn("w:sdtContent")}
_SDT = qn("w:sdt")
# Symbol-font characters (w:sym) sit in the private use area and mean nothing as text.
_PRIVATE_USE = range(0xE000, 0xF900)


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


class TextWalker:
    """Reads paragraphs of one document. Footnote references are reported, in the order met, to
    `footnote_mark(footnote_id, custom_mark_or_None) -> mark`, which numbers the automatic ones."""

    def __init__(self, styles: Styles, *, original: bool, footnote_mark: Callable[[str, str | None], str]) -> None:
        self.styles = styles
        self.original = original
        self._footnote_mark = footnote_mark
        self._skip = (INS, MOVE_TO) if original else (DEL, MOVE_FROM)
        self._field_depth: list[bool] = []  # per open complex field: showing its result yet?
        self._custom_mark_next: str | None = None  # footnote id whose custom mark comes next

    def paragraph(self, p: Element, paragraph_style: str | None) -> Content:
        content = Content()
        self._field_depth = []
        self._walk(p, paragraph_style, content)
        return content

    def _walk(self, parent: Element, paragraph_style: str | None, content: Content) -> None:
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

    def _run(self, r: Element, paragraph_style: str | None, content: Content) -> None:
        rpr = r.find(RPR)
        char_style = None
        direct: dict[str, bool] = {}
        direct_size = None
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
        char_style = char_style or self.styles.default_character
        bold, italic = self.styles.run_format(paragraph_style, char_style, direct)
        size = self.styles.run_size(paragraph_style, char_style, direct_size)
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
                if self._custom_mark_next is not None and text.strip():
                    content.marks.append(self._footnote_mark(self._custom_mark_next, text.strip()))
                    self._custom_mark_next = None
            elif tag == TAB:
                text = "\t"
            elif tag in (BR, CR):
                text = "" if child.get(qn("w:type")) in ("page", "column") else "\n"
            elif tag == qn("w:noBreakHyphen"):
                text = "-"
            elif tag == qn("w:sym"):
                text = _symbol(child.get(qn("w:char")))
            elif tag == FOOTNOTE_REF:
                text = self._footnote(child, content)
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

    def _footnote(self, ref: Element, content: Content) -> str:
        fid = ref.get(qn("w:id")) or ""
        if _attr_flag(ref, "w:customMarkFollows"):
            self._custom_mark_next = fid  # the mark is the text that follows
            return ""
        mark = self._footnote_mark(fid, None)
        content.marks.append(mark)
        return mark.translate(SUPERSCRIPT_DIGITS)


def _attr_flag(el: Element, name: str) -> bool:
    value = el.get(qn(name))
    return value is not None and value.lower() in ("1", "true", "on")


def _symbol(code: str | None) -> str:
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if value in _PRIVATE_USE or not 0 < value < 0x110000:
        return ""
    return chr(value)

