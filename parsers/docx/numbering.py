"""Word's automatic numbering: the label a paragraph displays ("3", "a", "iv", "3.2").

python-docx cannot say which number Word shows; it lives in numbering.xml. A paragraph names a
numbering instance (w:num, by numId) and a level (ilvl), directly in its pPr/numPr or through
its paragraph style's basedOn chain. The instance points to an abstract definition
(w:abstractNum) whose levels (w:lvl) give the start value, the format (numFmt) and the text
(lvlText, "%1." or "(%2)" or "%1.%2"); the instance may override a level's start
(lvlOverride/startOverride) or the whole level.

Counting follows Word: instances sharing an abstract definition share one list and continue it,
unless an instance overrides a start, which restarts that level where the instance is first
used; when a level advances, deeper levels restart (lvlRestart narrows that, 0 meaning never).

`Numbering.label(num_id, ilvl)` must be called once per numbered paragraph, in body order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lxml import etree

from parsers.docx.numformat import WORD_FORMATS, format_number
from parsers.docx.styles import Styles, run_language
from parsers.docx.wordml import int_value, on_off, qn
from parsers.symbols import as_symbol_characters, is_symbol_font

# Levels defined by Word: 0–8.
MAX_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")
# Word's own limits: a start value is at most 32767 (ST_DecimalNumber as Word writes it), a level
# text a few placeholders and punctuation. A file beyond them is hostile (issue 17: lvlText with
# `%1` a thousand times made 20,000-character labels and minutes of work): a start out of range
# is 1, a level text is cut to MAX_LEVEL_TEXT characters.
MAX_START = 32767
MAX_LEVEL_TEXT = 64
NO_NUMBER_FORMATS = ("bullet", "none")


@dataclass(frozen=True, slots=True)
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # lvlRestart: restart after this 1-based level; 0 = never
    style_id: str | None = None  # a paragraph style linked to this level (w:pStyle)
    language: str | None = None  # the level's own w:lang, for numbers in words
    caps: bool = False  # shown in capitals (w:caps): "FIRST" for ordinalText
    symbol: bool = False  # set in the Symbol font: a bullet's code there (U+F0B7) is that font's "•"


def strip_label(label: str) -> str:
    """A displayed label without its surrounding punctuation: "(a)" → "a", "3." → "3"."""
    start, end = 0, len(label)
    while start < end and not label[start].isalnum():
        start += 1
    while end > start and not label[end - 1].isalnum():
        end -= 1
    return label[start:end]


def _int(el: etree._Element | None, default: int | None = None) -> int | None:
    value = int_value(_val(el))
    return default if value is None else value


def _start(el: etree._Element | None, default: int | None = None) -> int | None:
    value = _int(el, default)
    return value if value is None or 0 <= value <= MAX_START else 1


def _val(el: etree._Element | None) -> str | None:
    return el.get(qn("w:val")) if el is not None else None


def _level(el: etree._Element) -> Level:
    start = _start(el.find(qn("w:start")))
    return Level(
        fmt=_val(el.find(qn("w:numFmt"))) or "decimal",
        text=(_val(el.find(qn("w:lvlText"))) or "")[:MAX_LEVEL_TEXT],
        start=1 if start is None else start,
        restart=_int(el.find(qn("w:lvlRestart"))),
        style_id=_val(el.find(qn("w:pStyle"))),
        language=run_language(el.find(qn("w:rPr"))),
        caps=bool(on_off(el.find(f"{qn('w:rPr')}/{qn('w:caps')}"))),
        symbol=_in_symbol_font(el.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")),
    )


def _in_symbol_font(fonts: etree._Element | None) -> bool:
    return fonts is not None and is_symbol_font(fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi")))


class Numbering:
    """The numbering definitions of one document and the running counters of its lists."""

    def __init__(self, numbering_element: etree._Element | None, styles: Styles | None = None) -> None:
        self._abstracts: dict[str, dict[int, Level]] = {}
        self._style_links: dict[str, str] = {}  # abstractNumId → numbering style it defers to
        # numId → (abstractNumId, levels it redefines, levels whose start it overrides)
        self._nums: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}
        self._restart_nums: dict[str, tuple[int, ...]] = {}  # numId → levels restarted on first use
        self._styles = styles
        # numbers in words are in the document's language (a level may set its own)
        self._language = styles.language(styles.default_paragraph) if styles is not None else None
        self._counters: dict[str, list[int | None]] = {}
        self._used: set[str] = set()
        # the label the last call of `label` gave as Word prints it ("(c)", "5."), or None
        self.shown: str | None = None
        # the bullet it gave as Word prints it (the Symbol font's "" as "•"; another symbol
        # font's code stays its code, as a PDF of the file keeps it), or None
        self.bullet: str | None = None
        if numbering_element is None:
            return
        for el in numbering_element.iterchildren(qn("w:abstractNum")):
            aid = el.get(qn("w:abstractNumId")) or ""
            levels = {}
            for lvl in el.iterchildren(qn("w:lvl")):
                ilvl = _int_attr(lvl, "w:ilvl")
                if ilvl is not None and 0 <= ilvl < MAX_LEVELS:
                    levels[ilvl] = _level(lvl)
            self._abstracts[aid] = levels
            link = _val(el.find(qn("w:numStyleLink")))
            if link:
                self._style_links[aid] = link
        for el in numbering_element.iterchildren(qn("w:num")):
            self._read_num(el)

    def _read_num(self, el: etree._Element) -> None:
        num_id = el.get(qn("w:numId"))
        abstract = _val(el.find(qn("w:abstractNumId")))
        if num_id is None or abstract is None:
            return
        whole: dict[int, Level] = {}  # levels the instance redefines
        starts: dict[int, int] = {}  # levels whose start only it overrides
        for ov in el.iterchildren(qn("w:lvlOverride")):
            ilvl = _int_attr(ov, "w:ilvl")
            if ilvl is None or not 0 <= ilvl < MAX_LEVELS:
                continue
            lvl = ov.find(qn("w:lvl"))
            start = _start(ov.find(qn("w:startOverride")))
            if lvl is not None:
                whole[ilvl] = _level(lvl) if start is None else replace(_level(lvl), start=start)
            elif start is not None:
                starts[ilvl] = start
        self._nums[num_id] = (abstract, whole, starts)
        self._restart_nums[num_id] = tuple(sorted(set(whole) | set(starts)))

    def _abstract_of(self, num_id: str, depth: int = 0) -> str | None:
        entry = self._nums.get(num_id)
        if entry is None:
            return None
        aid = entry[0]
        link = self._style_links.get(aid)
        if link and self._styles is not None and depth < 4:
            linked_num, _ilvl = self._styles.numbering(link)
            if linked_num and linked_num != num_id:
                return self._abstract_of(linked_num, depth + 1) or aid
        return aid

    def levels(self, num_id: str) -> dict[int, Level]:
        """The effective levels of a numbering instance (abstract levels with its overrides)."""
        aid = self._abstract_of(num_id)
        if aid is None:
            return {}
        _aid, whole, starts = self._nums[num_id]
        levels = dict(self._abstracts.get(aid, {}))
        levels.update(whole)
        for ilvl, start in starts.items():
            levels[ilvl] = replace(levels.get(ilvl, Level()), start=start)
        return levels

    def level_for_style(self, num_id: str, style_id: str | None) -> int | None:
        """The level whose w:pStyle links it to `style_id` (numbering set through a style)."""
        for ilvl, level in self.levels(num_id).items():
            if style_id and level.style_id == style_id:
                return ilvl
        return None

    def label(self, num_id: str | None, ilvl: int | None) -> tuple[str | None, int | None]:
        """Advance the list and return (label without punctuation, level), or (None, level) for
        bullets and unnumbered levels, or (None, None) when `num_id` names no list."""
        self.shown = self.bullet = None
        if num_id is None or num_id == "0":
            return None, None
        aid = self._abstract_of(num_id)
        if aid is None:
            return None, None
        levels = self.levels(num_id)
        ilvl = min(max(ilvl or 0, 0), MAX_LEVELS - 1)
        counters = self._counters.setdefault(aid, [None] * MAX_LEVELS)
        if num_id not in self._used:
            self._used.add(num_id)
            for restarted in self._restart_nums.get(num_id, ()):
                counters[restarted] = None
        level = levels.get(ilvl, Level())
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            rule = levels.get(deeper, Level()).restart
            if rule is None or (rule != 0 and ilvl <= rule - 1):
                counters[deeper] = None
        if level.fmt in NO_NUMBER_FORMATS:
            text = as_symbol_characters(level.text) if level.symbol else level.text
            self.bullet = text.strip() or None if level.fmt == "bullet" else None
            return None, ilvl

        def value(match: re.Match[str]) -> str:
            n = int(match.group(1)) - 1
            lvl = levels.get(n, Level())
            count = counters[n]
            count = lvl.start if count is None else count
            shown = format_number(count, lvl.fmt, lvl.language or self._language)
            return shown.upper() if lvl.caps and lvl.fmt in WORD_FORMATS else shown

        self.shown = _PLACEHOLDER.sub(value, level.text).strip() or None
        label = strip_label(self.shown or "")
        return (label or None), ilvl


def _int_attr(el: etree._Element, name: str) -> int | None:
    try:
        return int(el.get(qn(name)) or "")
    except ValueError:
        return None
