"""Exports of a language alignment: the ladder the scorer reads, a TMX 1.4b translation memory,
JSON with texts, scores and flags (../shared/CONTRACT.md), tab-separated text with score and
flags, and a bilingual table as a Word document; any of them for the flagged pairs only."""

from __future__ import annotations

import json
import re
from dataclasses import replace

from compare.model import AlignLevel, LanguageAlignment, Pair

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Characters XML 1.0 cannot carry (control characters other than tab, newline, return).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TSV_SPACE = re.compile(r"[\t\r\n\v\f\u2028\u2029]+")


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("accord")
    except metadata.PackageNotFoundError:
        return "0.0.0"


def render_ladder(alignment: LanguageAlignment) -> str:
    """One alignment a line, `[0]:[0, 1]`, 0-based unit indexes, then `:score`."""
    lines = [f"{list(p.source)}:{list(p.target)}:{p.score:.4f}" for p in alignment.pairs]
    return "\n".join(lines) + ("\n" if lines else "")


def _pair_dict(alignment: LanguageAlignment, pair: Pair) -> dict[str, object]:
    src, tgt = alignment.pair_texts(pair)
    return {
        "source": list(pair.source),
        "target": list(pair.target),
        "source_text": src,
        "target_text": tgt,
        "score": pair.score,
        "pinned": pair.pinned,
        "flags": [{"kind": str(f.kind), "message": f.message} for f in pair.flags],
    }


def render_json(alignment: LanguageAlignment) -> str:
    pairs = [_pair_dict(alignment, p) for p in alignment.pairs]
    data = {
        "source": {"path": alignment.source_path, "language": alignment.source_language,
                   "units": len(alignment.source_units)},
        "target": {"path": alignment.target_path, "language": alignment.target_language,
                   "units": len(alignment.target_units)},
        "level": alignment.level,
        "summary": {
            "pairs": len(pairs),
            "unmatched": sum(1 for p in alignment.pairs if not p.source or not p.target),
            "flagged": sum(1 for p in alignment.pairs if p.flags),
        },
        "pairs": pairs,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_tsv(alignment: LanguageAlignment) -> str:
    """Source TAB target TAB score TAB flags, one pair a line; tabs and line breaks inside texts
    become spaces; the flags are `kind: message`, separated by ` | ` (empty when there is none)."""
    lines = []
    for pair in alignment.pairs:
        src, tgt = alignment.pair_texts(pair)
        flags = " | ".join(f"{f.kind}: {f.message}" for f in pair.flags)
        lines.append("\t".join((_TSV_SPACE.sub(" ", src), _TSV_SPACE.sub(" ", tgt), f"{pair.score:.4f}",
                                _TSV_SPACE.sub(" ", flags))))
    return "\n".join(lines) + ("\n" if lines else "")


def flagged_only(alignment: LanguageAlignment) -> LanguageAlignment:
    """The same alignment keeping only the pairs with a flag (what a reviser must look at)."""
    return replace(alignment, pairs=tuple(p for p in alignment.pairs if p.flags))


def render_docx(alignment: LanguageAlignment) -> bytes:
    """A bilingual table as a Word document (compare.languages.docx_table)."""
    from compare.languages.docx_table import render_docx as render

    return render(alignment)


def render_tmx(alignment: LanguageAlignment) -> str:
    """TMX 1.4b: one <tu> per pair with text on both sides (pairs with an empty side are
    skipped: a memory holds translations, not gaps)."""
    from lxml import etree  # loaded only for TMX

    src_lang = alignment.source_language or "und"
    tgt_lang = alignment.target_language or "und"
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {
        "creationtool": "Accord",
        "creationtoolversion": _version(),
        "datatype": "plaintext",
        "segtype": "sentence" if alignment.level == AlignLevel.SENTENCE else "paragraph",
        "adminlang": "en",
        "srclang": src_lang,
        "o-tmf": "Accord",
    })
    body = etree.SubElement(root, "body")
    for pair in alignment.pairs:
        src, tgt = alignment.pair_texts(pair)
        if not src.strip() or not tgt.strip():
            continue
        tu = etree.SubElement(body, "tu")
        for lang, text in ((src_lang, src), (tgt_lang, tgt)):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = _XML_ILLEGAL.sub("", text)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">').decode("utf-8")
