"""A bilingual table as a Word document, what UN translators pass around: one row per aligned pair
(label, source text, target text, score, flags), a header row naming the languages.

Written with lxml and zipfile as the redline writes its packages (only parsers.docx may import
python-docx). Arabic cells are set right to left (w:bidi on the paragraph, w:rtl on the run);
Chinese runs name an East Asian font and language, so Word picks a font with the glyphs.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from compare.model import LanguageAlignment, Pair

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W}
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur"})
# East Asian fonts Word and LibreOffice map to whatever CJK font the machine has.
EAST_ASIAN_FONT = {"zh": "SimSun", "ja": "MS Mincho", "ko": "Batang"}
EAST_ASIAN_LANG = {"zh": "zh-CN", "ja": "ja-JP", "ko": "ko-KR"}
# Column widths in twentieths of a point on an A4 page in landscape with 2 cm margins (15 026 wide).
WIDTHS = (900, 6000, 6000, 700, 1426)

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/>'
    '</Relationships>'
)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _paragraph(text: str, language: str | None, *, bold: bool = False) -> etree._Element:
    base = (language or "").split("-")[0].lower()
    p = etree.Element(_w("p"))
    if base in RTL_LANGUAGES:
        etree.SubElement(etree.SubElement(p, _w("pPr")), _w("bidi"))
    run = etree.SubElement(p, _w("r"))
    props = etree.SubElement(run, _w("rPr"))
    if base in EAST_ASIAN_FONT:
        etree.SubElement(props, _w("rFonts"), {_w("eastAsia"): EAST_ASIAN_FONT[base], _w("hint"): "eastAsia"})
    if bold:
        etree.SubElement(props, _w("b"))
    if base in RTL_LANGUAGES:
        etree.SubElement(props, _w("rtl"))
    if language:
        key = "bidi" if base in RTL_LANGUAGES else "eastAsia" if base in EAST_ASIAN_LANG else "val"
        etree.SubElement(props, _w("lang"), {_w(key): EAST_ASIAN_LANG.get(base, language)})
    t = etree.SubElement(run, _w("t"), {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
    t.text = _xml_safe(text)
    return p


def _xml_safe(text: str) -> str:
    return "".join(ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 0x20 and ch not in "\ufffe\uffff"))


def _row(table: etree._Element, cells: list[tuple[str, str | None]], *, header: bool = False) -> None:
    tr = etree.SubElement(table, _w("tr"))
    if header:
        etree.SubElement(etree.SubElement(tr, _w("trPr")), _w("tblHeader"))
    for (text, language), width in zip(cells, WIDTHS, strict=True):
        tc = etree.SubElement(tr, _w("tc"))
        etree.SubElement(etree.SubElement(tc, _w("tcPr")), _w("tcW"), {_w("w"): str(width), _w("type"): "dxa"})
        for line in text.split("\n") or [""]:
            tc.append(_paragraph(line, language, bold=header))


def _label(alignment: LanguageAlignment, pair: Pair) -> str:
    """The printed numbers of the pair's units (OP 3, FN2), or its unit indexes from 1."""
    numbers = [alignment.source_units[i].number for i in pair.source] or \
              [alignment.target_units[j].number for j in pair.target]
    shown = [n for n in numbers if n]
    if shown:
        return ", ".join(shown)
    units = pair.source or pair.target
    return ", ".join(str(i + 1) for i in units)


def render_docx(alignment: LanguageAlignment) -> bytes:
    """The alignment as a Word document holding one bilingual table."""
    src_lang, tgt_lang = alignment.source_language, alignment.target_language
    document = etree.Element(_w("document"), nsmap=_NS)
    body = etree.SubElement(document, _w("body"))
    title = f"{alignment.source_path or src_lang or 'source'} — {alignment.target_path or tgt_lang or 'target'}"
    body.append(_paragraph(title, None, bold=True))
    table = etree.SubElement(body, _w("tbl"))
    props = etree.SubElement(table, _w("tblPr"))
    etree.SubElement(props, _w("tblW"), {_w("w"): str(sum(WIDTHS)), _w("type"): "dxa"})
    borders = etree.SubElement(props, _w("tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        etree.SubElement(borders, _w(side), {_w("val"): "single", _w("sz"): "4", _w("space"): "0",
                                             _w("color"): "999999"})
    etree.SubElement(props, _w("tblLayout"), {_w("type"): "fixed"})
    grid = etree.SubElement(table, _w("tblGrid"))
    for width in WIDTHS:
        etree.SubElement(grid, _w("gridCol"), {_w("w"): str(width)})
    _row(table, [("#", None), (src_lang or "source", None), (tgt_lang or "target", None), ("score", None),
                 ("flags", None)], header=True)
    for pair in alignment.pairs:
        src, tgt = alignment.pair_texts(pair)
        flags = "\n".join(f"{f.kind}: {f.message}" for f in pair.flags)
        _row(table, [(_label(alignment, pair), None), (src, src_lang), (tgt, tgt_lang), (f"{pair.score:.2f}", None),
                     (flags, "en")])
    section = etree.SubElement(body, _w("sectPr"))
    etree.SubElement(section, _w("pgSz"), {_w("w"): "16838", _w("h"): "11906", _w("orient"): "landscape"})
    etree.SubElement(section, _w("pgMar"), {_w(k): "1134" for k in ("top", "right", "bottom", "left")}
                     | {_w("header"): "708", _w("footer"): "708", _w("gutter"): "0"})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELS)
        package.writestr("word/document.xml", etree.tostring(document, xml_declaration=True, encoding="UTF-8",
                                                            standalone=True))
    return out.getvalue()
