"""Tables in the redline: a table that changed is shown whole, the old one deleted (rows with
w:trPr/w:del, every run in w:del, every paragraph mark deleted) above the new one inserted
(w:trPr/w:ins, runs in w:ins). Word and LibreOffice both accept and reject whole rows this way."""

from __future__ import annotations

import copy

from lxml import etree

from compare.redline.paragraph import accept_existing, paragraph_runs
from compare.redline.wordml import Revisions, detach, make, mark_paragraph, to_deleted
from parsers.docx.wordml import R_NS, is_w, w

# Content of another package that cannot travel: it points into that package's relationships,
# notes, comments or bookmarks by id.
_FOREIGN = ("drawing", "pict", "object", "footnoteReference", "endnoteReference", "commentReference",
            "commentRangeStart", "commentRangeEnd", "bookmarkStart", "bookmarkEnd", "permStart", "permEnd")
# CT_TrPr: the revision marks come after the row's other properties, before w:trPrChange.
_AFTER_ROW_MARK = ("trPrChange",)


def make_portable(el: etree._Element, marks: dict[etree._Element, str]) -> etree._Element:
    """Strip a copy of the old package's XML of what only made sense there (pictures, comment
    references, bookmarks, relationship ids); a footnote reference becomes its mark as text
    (`marks`, keyed by the original's reference elements, in copy order); hyperlinks keep their runs."""
    for child in list(el.iter(*(w(t) for t in _FOREIGN))):
        parent = child.getparent()
        if parent is None:
            continue
        mark = marks.get(child, "")
        if mark:
            t = make("t")
            t.text = mark
            child.addprevious(t)
        parent.remove(child)
    for link in list(el.iter(w("hyperlink"))):
        parent = link.getparent()
        if parent is None:
            continue
        at = parent.index(link)
        for k, run in enumerate(list(link)):
            parent.insert(at + k, run)
        parent.remove(link)
    for node in el.iter():
        for key in [k for k in node.attrib if isinstance(k, str) and k.startswith(f"{{{R_NS}}}")]:
            del node.attrib[key]
    return el


def track_table(tbl: etree._Element, revisions: Revisions, tag: str,
                marks: dict[etree._Element, str] | None = None) -> etree._Element:
    """Mark a whole table inserted (`tag` "ins", in place) or deleted ("del", on a portable copy,
    which is returned; `marks` gives the footnote marks of its references)."""
    if tag == "del":
        originals = list(tbl.iter(w("footnoteReference"), w("endnoteReference")))
        tbl = copy.deepcopy(tbl)
        copies = list(tbl.iter(w("footnoteReference"), w("endnoteReference")))
        tbl = make_portable(tbl, {c: (marks or {}).get(o, "") for o, c in zip(originals, copies, strict=True)})
    for row in tbl.iter(w("tr")):
        trpr = row.find(w("trPr"))
        if trpr is None:
            trpr = make("trPr")
            at = 1 if len(row) and is_w(row[0], "tblPrEx") else 0
            row.insert(at, trpr)
        later = [c for c in trpr if is_w(c, *_AFTER_ROW_MARK)]
        mark = revisions.mark(tag)
        if later:
            later[0].addprevious(mark)
        else:
            trpr.append(mark)
    for p in list(tbl.iter(w("p"))):
        accept_existing(p)
        for run in paragraph_runs(p):
            wrapper = revisions.mark(tag)
            run.addprevious(wrapper)
            wrapper.append(to_deleted(run) if tag == "del" else run)
            if tag == "del":
                detach(run)
        mark_paragraph(p, revisions, tag)
    return tbl
