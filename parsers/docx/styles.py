"""styles.xml of a Word file: style names, basedOn chains, numbering carried by paragraph
styles, and bold/italic resolved the way Word does it.

Bold and italic are *toggle* properties (ECMA-376 §17.7.3): direct run formatting sets them
outright; otherwise each style hierarchy that sets them (the paragraph style chain, then the
character style chain) flips the inherited value, and docDefaults apply when no style says
anything. Within one basedOn chain the nearest style that sets the property wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from parsers.docx.wordml import flag, int_value, on_off, qn

# basedOn chains longer than this are treated as cycles (Word itself stops far earlier).
MAX_STYLE_DEPTH = 32
# Built-in styles stored under lower-case names in styles.xml but shown capitalised by Word
# ("heading 1" → "Heading 1"), as python-docx does.
_BUILT_IN_LOWER = re.compile(r"^(heading [1-9]|caption|footer|header|normal|title|subtitle)$")
# bold, italic, all capitals and small capitals (both shown upper case, stored as typed)
TOGGLES = ("b", "i", "caps", "smallCaps")
# Font size (half-points) when neither docDefaults nor any style sets one: Word's 10 pt.
WORD_DEFAULT_SIZE = 20


def run_toggles(rpr: etree._Element | None) -> dict[str, bool]:
    """Bold ("b") and italic ("i") set in an rPr element."""
    out: dict[str, bool] = {}
    if rpr is None:
        return out
    for name in TOGGLES:
        value = on_off(rpr.find(qn(f"w:{name}")))
        if value is not None:
            out[name] = value
    return out


def run_size(rpr: etree._Element | None) -> int | None:
    """The font size (w:sz, half-points) set in an rPr element."""
    if rpr is None:
        return None
    sz = rpr.find(qn("w:sz"))
    return int_value(sz.get(qn("w:val"))) if sz is not None else None


def run_vert_align(rpr: etree._Element | None) -> str | None:
    """The vertical alignment set in an rPr element (w:vertAlign w:val), or None."""
    el = rpr.find(qn("w:vertAlign")) if rpr is not None else None
    return el.get(qn("w:val")) if el is not None else None


def run_language(rpr: etree._Element | None) -> str | None:
    """The language set in an rPr element (w:lang w:val, "fr-FR"), or None."""
    lang = rpr.find(qn("w:lang")) if rpr is not None else None
    return (lang.get(qn("w:val")) or None) if lang is not None else None


@dataclass(frozen=True, slots=True)
class Style:
    style_id: str
    name: str
    kind: str  # paragraph, character, table, numbering
    based_on: str | None
    toggles: dict[str, bool]
    size: int | None  # w:sz, half-points
    num_id: str | None  # from pPr/numPr, "0" switches numbering off
    ilvl: int | None
    jc: str | None
    language: str | None = None  # rPr/lang w:val ("fr-FR")
    vert_align: str | None = None  # rPr/vertAlign w:val: "superscript", "subscript", "baseline"


class Styles:
    """Look-ups over styles.xml; an absent or empty styles part gives Word's defaults."""

    def __init__(self, styles_element: etree._Element | None) -> None:
        self._styles: dict[str, Style] = {}
        self.default_paragraph: str | None = None
        self.default_character: str | None = None
        self.defaults: dict[str, bool] = {}
        self.default_language: str | None = None
        self.default_vert_align: str | None = None
        self._superscript_cache: dict[tuple[str | None, str | None, str | None], bool] = {}
        self._caps_cache: dict[tuple[str | None, str | None], tuple[bool, bool]] = {}
        self.default_size = WORD_DEFAULT_SIZE
        self._size_cache: dict[tuple[str | None, str | None], int] = {}
        self._toggle_cache: dict[tuple[str | None, str], bool | None] = {}
        self._format_cache: dict[tuple[str | None, str | None, bool | None, bool | None], tuple[bool, bool]] = {}
        if styles_element is None:
            return
        defaults = styles_element.find(qn("w:docDefaults"))
        if defaults is not None:
            rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
            self.defaults = run_toggles(rpr)
            self.default_language = run_language(rpr)
            self.default_vert_align = run_vert_align(rpr)
            self.default_size = run_size(rpr) or WORD_DEFAULT_SIZE
        for el in styles_element.iterchildren(qn("w:style")):
            style = _style(el)
            self._styles[style.style_id] = style
            if flag(el, "w:default"):
                if style.kind == "paragraph":
                    self.default_paragraph = style.style_id
                elif style.kind == "character":
                    self.default_character = style.style_id

    def get(self, style_id: str | None) -> Style | None:
        return self._styles.get(style_id) if style_id else None

    def chain(self, style_id: str | None) -> list[Style]:
        """The style and its basedOn ancestors, nearest first (cycles cut)."""
        out: list[Style] = []
        seen: set[str] = set()
        style = self.get(style_id)
        while style is not None and style.style_id not in seen and len(out) < MAX_STYLE_DEPTH:
            out.append(style)
            seen.add(style.style_id)
            style = self.get(style.based_on)
        return out

    def paragraph_style(self, style_id: str | None) -> str | None:
        """The style a paragraph uses: its pStyle when defined, else the default paragraph style."""
        return style_id if self.get(style_id) is not None else self.default_paragraph

    def name(self, style_id: str | None) -> str | None:
        style = self.get(style_id)
        return style.name if style else None

    def chain_toggle(self, style_id: str | None, name: str) -> bool | None:
        key = (style_id, name)
        if key not in self._toggle_cache:
            self._toggle_cache[key] = self._chain_toggle(style_id, name)
        return self._toggle_cache[key]

    def _chain_toggle(self, style_id: str | None, name: str) -> bool | None:
        for style in self.chain(style_id):
            if name in style.toggles:
                return style.toggles[name]
        return None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph style carries, each from the nearest style that sets it."""
        num_id = ilvl = None
        for style in self.chain(style_id):
            if num_id is None:
                num_id = style.num_id
            if ilvl is None:
                ilvl = style.ilvl
        return num_id, ilvl

    def superscript(self, paragraph_style: str | None, character_style: str | None, direct: str | None) -> bool:
        """Whether a run is set as superscript: its own w:vertAlign, else its character style's
        chain, else its paragraph style's chain, else the document defaults'."""
        key = (paragraph_style, character_style, direct)
        if key not in self._superscript_cache:
            value = direct
            for style in (*self.chain(character_style), *self.chain(paragraph_style)):
                if value is not None:
                    break
                value = style.vert_align
            self._superscript_cache[key] = (value or self.default_vert_align) == "superscript"
        return self._superscript_cache[key]

    def language(self, style_id: str | None) -> str | None:
        """The language a paragraph style sets (nearest in its chain), else the document's default."""
        for style in self.chain(style_id):
            if style.language is not None:
                return style.language
        return self.default_language

    def jc(self, style_id: str | None) -> str | None:
        for style in self.chain(style_id):
            if style.jc is not None:
                return style.jc
        return None

    def run_format(self, paragraph_style: str | None, character_style: str | None,
                   direct: dict[str, bool]) -> tuple[bool, bool]:
        """(bold, italic) of a run."""
        key = (paragraph_style, character_style, direct.get("b"), direct.get("i"))
        if key not in self._format_cache:
            self._format_cache[key] = self._run_format(paragraph_style, character_style, direct)
        return self._format_cache[key]

    def run_size(self, paragraph_style: str | None, character_style: str | None, direct: int | None) -> int:
        """Font size of a run in half-points: direct, else the nearest in the character style
        chain, else in the paragraph style chain, else docDefaults."""
        if direct is not None:
            return direct
        key = (paragraph_style, character_style)
        if key not in self._size_cache:
            size = next((s.size for s in self.chain(character_style) if s.size is not None), None)
            if size is None:
                size = next((s.size for s in self.chain(paragraph_style) if s.size is not None), None)
            self._size_cache[key] = size if size is not None else self.default_size
        return self._size_cache[key]

    def _run_format(self, paragraph_style: str | None, character_style: str | None,
                    direct: dict[str, bool]) -> tuple[bool, bool]:
        return (self._toggle("b", paragraph_style, character_style, direct),
                self._toggle("i", paragraph_style, character_style, direct))

    def caps(self, paragraph_style: str | None, character_style: str | None, direct: bool | None,
             direct_small: bool | None = None) -> bool:
        """Whether a run is shown in capitals (w:caps, a toggle like bold) or in small capitals
        (w:smallCaps, capitals of a smaller size: a PDF's text has them upper case): what a reader
        and a PDF of the document see ("DEFINITIONS" for "Definitions" in a heading style that
        sets it). `direct` and `direct_small` are the run's own settings, where it has them."""
        key = (paragraph_style, character_style)
        if key not in self._caps_cache:
            self._caps_cache[key] = (self._toggle("caps", paragraph_style, character_style, {}),
                                     self._toggle("smallCaps", paragraph_style, character_style, {}))
        caps, small = self._caps_cache[key]
        return (caps if direct is None else direct) or (small if direct_small is None else direct_small)

    def _toggle(self, name: str, paragraph_style: str | None, character_style: str | None,
                direct: dict[str, bool]) -> bool:
        if name in direct:
            return direct[name]
        from_para = self.chain_toggle(paragraph_style, name)
        from_char = self.chain_toggle(character_style, name)
        if from_para is None and from_char is None:
            return self.defaults.get(name, False)
        return bool(from_para) ^ bool(from_char)


def _style(el: etree._Element) -> Style:
    def val(tag: str) -> str | None:
        child = el.find(qn(tag))
        return child.get(qn("w:val")) if child is not None else None

    ppr = el.find(qn("w:pPr"))
    num_id = ilvl = jc = None
    if ppr is not None:
        num_pr = ppr.find(qn("w:numPr"))
        if num_pr is not None:
            num_el, ilvl_el = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
            num_id = num_el.get(qn("w:val")) if num_el is not None else None
            ilvl = int_value(ilvl_el.get(qn("w:val"))) if ilvl_el is not None else None
        jc_el = ppr.find(qn("w:jc"))
        jc = jc_el.get(qn("w:val")) if jc_el is not None else None
    style_id = el.get(qn("w:styleId")) or ""
    return Style(
        style_id=style_id,
        name=_ui_name(val("w:name") or style_id),
        kind=el.get(qn("w:type")) or "paragraph",
        based_on=val("w:basedOn"),
        toggles=run_toggles(el.find(qn("w:rPr"))),
        language=run_language(el.find(qn("w:rPr"))),
        vert_align=run_vert_align(el.find(qn("w:rPr"))),
        size=run_size(el.find(qn("w:rPr"))),
        num_id=num_id,
        ilvl=ilvl,
        jc=jc,
    )



def _ui_name(name: str) -> str:
    return name[0].upper() + name[1:] if _BUILT_IN_LOWER.match(name) else name
