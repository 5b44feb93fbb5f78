"""Tracked changes already in the new Word file are accepted before ours are added: the new
version is read with its changes accepted (parsers.docx.text), so the redline shows old → new and
nothing else, and "reject all" gives the old version rather than some earlier draft of the new.

A paragraph whose mark was deleted absorbs the next paragraph (the Word reader gives them as one
block located at the first), so element objects held for located blocks stay valid."""

from __future__ import annotations

from lxml import etree

from compare.redline.wordml import detach
from parsers.docx.wordml import is_w, w

# Revision containers whose content is gone once accepted, and those whose content stays.
_GONE = ("del", "moveFrom")
_KEPT = ("ins", "moveTo")
# Markers and property-change records that accepting simply removes.
_DROPPED = ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd", "rPrChange",
            "pPrChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange", "tblGridChange",
            "numberingChange", "cellIns", "cellMerge")
_PROPERTY_HOLDERS = ("rPr", "trPr", "tcPr")


def accept_revisions(root: etree._Element) -> int:
    """Accept every tracked change under `root` in place; returns how many were found."""
    found = 0
    # from the end: a paragraph absorbs a next one whose own deleted mark was already handled
    for p in reversed(list(root.iter(w("p")))):
        mark = p.find(f"{w('pPr')}/{w('rPr')}")
        if mark is None:
            continue
        for rev in [c for c in mark if is_w(c, *_GONE, *_KEPT)]:
            found += 1
            mark.remove(rev)
            if is_w(rev, *_GONE):
                _absorb_next(p)
    for row in list(root.iter(w("tr"))):
        trpr = row.find(w("trPr"))
        if trpr is not None and any(is_w(c, *_GONE) for c in trpr):
            found += 1
            detach(row)
    for tbl in list(root.iter(w("tbl"))):
        if tbl.find(w("tr")) is None and (parent := tbl.getparent()) is not None:
            parent.remove(tbl)
    for el in list(root.iter(*(w(t) for t in _GONE))):
        parent = el.getparent()
        if parent is not None:
            found += 1
            parent.remove(el)
    for el in list(root.iter(*(w(t) for t in _KEPT))):
        parent = el.getparent()
        if parent is None:
            continue
        found += 1
        if is_w(parent, *_PROPERTY_HOLDERS):
            parent.remove(el)
            continue
        at = parent.index(el)
        for k, child in enumerate(list(el)):
            parent.insert(at + k, child)
        parent.remove(el)
    for el in list(root.iter(*(w(t) for t in _DROPPED))):
        if (parent := el.getparent()) is not None:
            found += 1
            parent.remove(el)
    return found


def _absorb_next(p: etree._Element) -> None:
    """Join the next paragraph's content to `p` (its deleted mark accepted)."""
    nxt = p.getnext()
    while nxt is not None and not is_w(nxt, "p", "tbl"):
        nxt = nxt.getnext()
    if nxt is None or not is_w(nxt, "p"):
        return
    for child in list(nxt):
        if not is_w(child, "pPr"):
            p.append(child)
    detach(nxt)
