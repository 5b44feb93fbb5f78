"""WordprocessingML shared by the Word reader (parsers.docx) and the redline (compare.redline):
names, the on/off test, the body elements `Location.element` counts, and footnote-mark numbering.

Both sides must agree on these for a block read from a Word file to be found again in it, so there
is one copy, here. Plain lxml: this module must not import python-docx (the redline uses it).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from lxml import etree

from parsers.docx.numformat import format_number
from parsers.model import displayed_mark

# python-docx's oxml elements are lxml elements; the readers walk them with lxml's API.
Element = etree._Element

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_PREFIXES = {"w": W_NS, "r": R_NS, "mc": MC_NS}
# ST_OnOff values that mean "off" ("none" is what some writers put on w:u-like toggles).
_OFF = frozenset(("0", "false", "off", "none"))
_W_PREFIX = f"{{{W_NS}}}"
_VAL = f"{_W_PREFIX}val"


@cache
def qn(tag: str) -> str:
    """Clark name of a prefixed name: "w:p" → "{http://…/main}p" (memoised: the reader looks up
    the same few dozen names hundreds of thousands of times)."""
    prefix, _, name = tag.partition(":")
    return f"{{{_PREFIXES[prefix]}}}{name}"


@cache
def w(tag: str) -> str:
    """Clark name of a w: element or attribute ("p" → "{…/main}p")."""
    return f"{{{W_NS}}}{tag}"


def local(el: etree._Element) -> str:
    """The local name of an element ("" for comments and processing instructions)."""
    tag = el.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def is_w(el: etree._Element, *names: str) -> bool:
    """Whether `el` is a w: element with one of `names`."""
    tag = el.tag
    return isinstance(tag, str) and tag.startswith(_W_PREFIX) and tag[len(_W_PREFIX):] in names


def int_value(value: str | None) -> int | None:
    """An integer attribute value (`w:val="3"`), or None when absent or not a number (or longer
    than any number Word writes: int() of 4,300 digits raises with Python's own advice)."""
    if value is not None and len(value) > 20:
        return None
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def on_off_value(value: str | None, default: bool) -> bool:
    """An ST_OnOff value ("1", "true", "on", "0", "false", "off"); `default` when absent."""
    return default if value is None else value.lower() not in _OFF


def on_off(el: etree._Element | None) -> bool | None:
    """The value of an on/off property element (`<w:i/>` on, `<w:i w:val="0"/>` off), None if absent."""
    if el is None:
        return None
    return on_off_value(el.get(_VAL), True)


def flag(el: etree._Element, name: str) -> bool:
    """An on/off attribute (`w:customMarkFollows="1"`); absent is off."""
    return on_off_value(el.get(qn(name)), False)


_P, _TBL, _SDT, _SDT_CONTENT, _CUSTOM_XML = w("p"), w("tbl"), w("sdt"), w("sdtContent"), w("customXml")


def body_elements(body: etree._Element) -> list[etree._Element]:
    """The w:p and w:tbl children of a body (or cell, or note) in order, looking inside
    block-level content controls (w:sdt) and custom XML: the index in this list is
    `Location.element`. Nested tables' content is not listed."""
    return content_children(body, _P, _TBL)


def content_children(parent: etree._Element, *tags: str) -> list[etree._Element]:
    """The children of `parent` with one of `tags` (Clark names) in order, looking inside content
    controls and custom XML wrapped around them (around paragraphs, table rows or cells)."""
    out: list[etree._Element] = []
    _collect(parent, tags, out)
    return out


def _collect(parent: etree._Element, tags: tuple[str, ...], out: list[etree._Element]) -> None:
    for child in parent.iterchildren():
        tag = child.tag
        if tag in tags:
            out.append(child)
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                _collect(content, tags, out)
        elif tag in (_CUSTOM_XML, _SDT_CONTENT):
            _collect(child, tags, out)


# --- footnote marks ---------------------------------------------------------------------------

FOOTNOTE_REFERENCE = w("footnoteReference")
ENDNOTE_REFERENCE = w("endnoteReference")


_TEXT_BOX = w("txbxContent")
_GONE_ACCEPTED = (w("del"), w("moveFrom"), _TEXT_BOX)
_GONE_ORIGINAL = (w("ins"), w("moveTo"), _TEXT_BOX)


def visible_references(root: etree._Element, *, original: bool = False,
                       tag: str = FOOTNOTE_REFERENCE) -> list[etree._Element]:
    """The footnote references (endnote ones with `tag=ENDNOTE_REFERENCE`) under `root` that the
    Word reader numbers, in order: not those in text the version read leaves out (deleted when
    accepted, inserted when `original`) nor in text boxes (which it does not read)."""
    gone = _GONE_ORIGINAL if original else _GONE_ACCEPTED
    return [ref for ref in root.iter(tag) if next(ref.iterancestors(*gone), None) is None]


def custom_mark_follows(ref: etree._Element) -> bool:
    """A footnote reference whose mark is the text typed after it ("*"), not a number."""
    return flag(ref, "w:customMarkFollows")


def footnote_numbering(body: etree._Element | None, settings: etree._Element | None, *,
                       endnotes: bool = False) -> tuple[str, int]:
    """Footnote number format and start: the last section's w:footnotePr, else the settings',
    else decimal from 1. With `endnotes`, the same for endnotes (w:endnotePr), whose numbers
    are lower-case roman by default (ECMA-376 17.11.4: i, ii, iii)."""
    fmt, start = ("lowerRoman" if endnotes else "decimal"), 1
    properties = w("endnotePr" if endnotes else "footnotePr")
    candidates: list[etree._Element | None] = []
    if settings is not None:
        candidates.append(settings.find(properties))
    if body is not None:
        candidates.append(body.find(f"{w('sectPr')}/{properties}"))
    for pr in candidates:  # the section's settings, last, win
        if pr is None:
            continue
        num_fmt, num_start = pr.find(w("numFmt")), pr.find(w("numStart"))
        if num_fmt is not None and num_fmt.get(_VAL):
            fmt = num_fmt.get(_VAL) or fmt
        if num_start is not None:
            start = int_value(num_start.get(_VAL)) or 1
    return fmt, start


class FootnoteCounter:
    """Numbers automatic footnote references in the order they are met, the way Word displays
    them (`fmt` and `start` from footnote_numbering)."""

    def __init__(self, fmt: str = "decimal", start: int = 1) -> None:
        self.fmt = fmt
        self.start = start
        self.count = 0

    def next_mark(self) -> str:
        mark = format_number(self.start + self.count, self.fmt)
        self.count += 1
        return mark


def displayed(mark: str) -> str:
    """A footnote mark as it stands in the text: digits as superscript digits ("12" → "¹²"), an
    endnote's roman number as superscript letters ("iv" → "ⁱᵛ"), the way a PDF shows it."""
    return displayed_mark(mark)


def footnote_marks(refs: Iterable[etree._Element], fmt: str = "decimal",
                   start: int = 1) -> dict[etree._Element, str]:
    """The mark each footnote reference displays in the text, in the order given: automatic ones
    numbered (as superscript digits), "" for those followed by a typed custom mark."""
    counter = FootnoteCounter(fmt, start)
    return {ref: "" if custom_mark_follows(ref) else displayed(counter.next_mark()) for ref in refs}
