"""A Word equation (Office Math, m:oMath) as one line of text, in the manner of the linear form
Word types and shows (UnicodeMath): the binomial theorem reads "(x+a)^n=∑_(k=0)^n▒((n¦k)x^k
a^(n-k))". An equation is text a delegate reads and a draft can change; it used to be left out of
the paragraph in silence.

Each structure is written as its parts with the operators of the linear form between them: a
script as `^` and `_`, a fraction as `/` (`¦` without a bar), a large operator's body after `▒`,
a root as `√`, a matrix's cells by `&` and rows by `@`; a part longer than one letter or number
in parentheses. Structures not listed give their parts in order. Tracked changes inside an
equation read as in the rest of the paragraph (`skip`: the change elements left out).
"""

from __future__ import annotations

from lxml import etree

from parsers.docx.wordml import qn

M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MATH, MATH_PARA = M + "oMath", M + "oMathPara"
_RUN, _TEXT, _VAL = M + "r", M + "t", M + "val"
_CHANGES = (qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo"))
_DEL_TEXT, _INS = qn("w:delText"), qn("w:ins")
_SCRIPTED = frozenset(M + name for name in ("sSup", "sSub", "sSubSup", "limLow", "limUpp"))


def is_equation(element: etree._Element) -> bool:
    """An equation as a paragraph holds it: an m:oMathPara, or an m:oMath not inside one."""
    if element.tag == MATH_PARA:
        return True
    parent = element.getparent()
    return element.tag == MATH and (parent is None or parent.tag != MATH_PARA)


def math_text(element: etree._Element, skip: tuple[str, ...]) -> str:
    """The linear text of an m:oMath or m:oMathPara (its equations a line each)."""
    if element.tag == MATH_PARA:
        return "\n".join(math_text(e, skip) for e in element.iterchildren(MATH))
    return _Linear(skip).parts(element)


class _Linear:
    def __init__(self, skip: tuple[str, ...]) -> None:
        self.skip = skip

    def parts(self, parent: etree._Element | None) -> str:
        """The linear text of `parent`'s children, in order (properties give nothing)."""
        if parent is None:
            return ""
        out: list[str] = []
        scripted = False  # the part before ends with a script: "x^k a^(n-k)", not "x^ka^(n-k)"
        for child in parent.iterchildren():
            if not isinstance(child.tag, str) or child.tag.endswith("Pr"):
                continue
            text = self.one(child)
            if scripted and text[:1].isalnum():
                out.append(" ")
            out.append(text)
            scripted = bool(text) and child.tag in _SCRIPTED
        return "".join(out)

    def one(self, e: etree._Element) -> str:
        tag = e.tag
        if tag in self.skip:
            return ""
        if tag in _CHANGES:
            return self.parts(e)
        if tag == _RUN:
            # deleted text (w:delText) only where deletions are read: the original view
            return "".join(t.text or "" for t in e.iterchildren(_TEXT, _DEL_TEXT)
                           if t.tag == _TEXT or _INS in self.skip)
        name = tag[len(M):] if tag.startswith(M) else ""
        part = self._part
        if name == "d":  # delimiters: "(", its elements by "|", ")"
            props = e.find(M + "dPr")
            begin, separator, end = (_char(props, "begChr", "("), _char(props, "sepChr", "|"),
                                     _char(props, "endChr", ")"))
            return begin + separator.join(self.parts(x) for x in e.iterchildren(M + "e")) + end
        if name == "f":
            bar = _char(e.find(M + "fPr"), "type", "bar")
            return part(e, "num") + ("¦" if bar == "noBar" else "/") + part(e, "den")
        if name in ("sSup", "sSub", "sSubSup"):
            return self.parts(e.find(M + "e")) + self._scripts(e)
        if name == "sPre":
            return "(" + self._scripts(e) + ")" + part(e, "e")
        if name == "nary":
            props = e.find(M + "naryPr")
            return _char(props, "chr", "∫") + self._scripts(e, props) + "▒" + part(e, "e")
        if name == "rad":
            degree = self.parts(e.find(M + "deg"))
            return "√(" + (degree + "&" if degree else "") + self.parts(e.find(M + "e")) + ")"
        if name == "func":
            return self.parts(e.find(M + "fName")) + "\u2061" + part(e, "e")
        if name in ("acc", "groupChr"):
            default = "\u0302" if name == "acc" else "\u23df"
            return part(e, "e") + _char(e.find(M + name + "Pr"), "chr", default)
        if name == "bar":
            top = _char(e.find(M + "barPr"), "pos", "bot") == "top"
            return part(e, "e") + ("\u0305" if top else "\u0332")
        if name in ("limLow", "limUpp"):
            return self.parts(e.find(M + "e")) + ("_" if name == "limLow" else "^") + part(e, "lim")
        if name == "m":  # a matrix: cells by "&", rows by "@"
            rows = ("&".join(self.parts(cell) for cell in row.iterchildren(M + "e"))
                    for row in e.iterchildren(M + "mr"))
            return "■(" + "@".join(rows) + ")"
        if name == "eqArr":
            return "█(" + "@".join(self.parts(x) for x in e.iterchildren(M + "e")) + ")"
        return self.parts(e)

    def _part(self, e: etree._Element, name: str) -> str:
        return _grouped(self.parts(e.find(M + name)))

    def _scripts(self, e: etree._Element, props: etree._Element | None = None) -> str:
        """A structure's "_sub" and "^sup", those its properties hide left out."""
        out = []
        for name, operator in (("sub", "_"), ("sup", "^")):
            if _on(props, name + "Hide"):
                continue
            part = e.find(M + name)
            if part is not None:
                out.append(operator + _grouped(self.parts(part)))
        return "".join(out)


def _char(props: etree._Element | None, name: str, default: str) -> str:
    """A structure property's m:val (its character: "∑", ""), or `default` where it is not set."""
    found = props.find(M + name) if props is not None else None
    if found is None:
        return default
    value = found.get(_VAL)
    return default if value is None else value


def _on(props: etree._Element | None, name: str) -> bool:
    """An on/off property: off when absent, on when present without a value or with a true one."""
    found = props.find(M + name) if props is not None else None
    return found is not None and found.get(_VAL, "1") in ("1", "on", "true")


def _grouped(text: str) -> str:
    """A script, fraction part or operand in parentheses unless it is one letter or number."""
    return text if _single(text) else f"({text})"


def _single(text: str) -> bool:
    return bool(text) and (len(text) == 1 or text.isalnum())

