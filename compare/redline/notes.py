"""Footnote references in a Word-to-Word redline, the way Word tracks them: a reference run inside
w:del deletes its note on "accept all", one inside w:ins adds it, and the note's own paragraphs
carry the w:del / w:ins runs of its text.

- a footnote only renumbered (an earlier one removed or added) keeps its reference as plain,
  unchanged text: the old and new marks are paired through the comparison's footnote changes,
  and Word renumbers by itself;
- a removed footnote's reference comes back deleted, pointing to a copy of the old note (its text
  deleted) added to the new file's footnotes part, so "reject all" restores the note with it;
- an added footnote's reference is inserted and its note's text is an insertion.

Endnotes are handled alike, in the endnotes part (word/endnotes.xml).

The body paragraph edits are rewritten at the character level before compare.redline.paragraph
places them: each old reference that stays deleted becomes placeholder characters (one private
code point per reference, as many as its mark has), turned into a deleted w:footnoteReference
once the paragraph is written (`restore`)."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree
from rapidfuzz.distance import Indel

from compare.model import Comparison, OpKind
from compare.redline.package import Package
from compare.redline.paragraph import Edit, accept_existing, child_text, paragraph_runs
from compare.redline.tables import make_portable
from compare.redline.wordml import Revisions, detach, make, mark_paragraph, to_deleted
from parsers.docx.wordml import R_NS, custom_mark_follows, displayed, is_w, w
from parsers.model import Block, BlockKind

# Placeholders for deleted old references: Supplementary Private Use Area-B, which no UN text
# uses (symbol fonts map to U+F0xx, in the BMP).
PLACEHOLDER = 0x100000
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
# What each kind of note's part holds: its content type; "footnote" and "endnote" name the note
# element, "…Reference" the body's reference to it, "…Ref" the mark inside the note, "…s" the part
# and its relationship.
NOTE_TYPES = {"footnote": FOOTNOTES_TYPE,
              "endnote": "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"}
REFERENCES = ("footnoteReference", "endnoteReference")
NOTE_MARKS = (w("footnoteRef"), w("endnoteRef"))


def note_kind(reference: etree._Element) -> str:
    """ "footnote" or "endnote": what a reference element refers to."""
    return "endnote" if is_w(reference, "endnoteReference") else "footnote"


def _holds_note_mark(run: etree._Element) -> bool:
    return any(run.find(tag) is not None for tag in NOTE_MARKS)


@dataclass(frozen=True, slots=True)
class Reference:
    """A footnote reference found in a paragraph's text: where its mark starts, how long it is."""

    start: int
    length: int
    element: etree._Element
    mark: str


def references_in(p: etree._Element, marks: dict[etree._Element, str], text: str) -> list[Reference]:
    """The numbered footnote references of paragraph `p`, placed in `text` (the block text a
    reader gave for it) by aligning the paragraph's character stream with it."""
    stream: list[str] = []
    found: list[tuple[int, etree._Element, str]] = []
    for r in paragraph_runs(p):
        custom: tuple[int, etree._Element] | None = None  # a custom mark's reference, its text to come
        for child in r:
            if is_w(child, "rPr"):
                continue
            piece = child_text(child, marks)
            if custom is not None and not (is_w(child, "t") and piece):
                found.append((custom[0], custom[1], "".join(stream[custom[0]:])))
                custom = None
            if is_w(child, *REFERENCES) and piece:
                found.append((len(stream), child, piece))
            elif is_w(child, *REFERENCES) and custom_mark_follows(child):
                custom = (len(stream), child)  # the mark is the text typed after it, in its run
            stream.extend(piece)
        if custom is not None and len(stream) > custom[0]:
            found.append((custom[0], custom[1], "".join(stream[custom[0]:])))
    if not found:
        return []
    joined = "".join(stream)
    to_text = list(range(len(joined))) if joined == text else [-1] * len(joined)
    if joined != text:
        for op in Indel.opcodes(joined, text):
            if op.tag == "equal":
                for k in range(op.src_end - op.src_start):
                    to_text[op.src_start + k] = op.dest_start + k
    out = []
    for at, el, mark in found:
        placed = [to_text[at + k] for k in range(len(mark))]
        if placed[0] >= 0 and placed == list(range(placed[0], placed[0] + len(mark))):
            out.append(Reference(placed[0], len(mark), el, mark))
    return out


def note_pairs(comparison: Comparison) -> dict[str, str]:
    """Old displayed mark -> new displayed mark of each footnote the comparison pairs (kept,
    renumbered or edited)."""
    out: dict[str, str] = {}
    for change in comparison.changes:
        olds = [b for b in change.olds if b.kind is BlockKind.FOOTNOTE]
        news = [b for b in change.news if b.kind is BlockKind.FOOTNOTE]
        if len(olds) == 1 and len(news) == 1 and olds[0].number and news[0].number:
            out[displayed(olds[0].number)] = displayed(news[0].number)
    return out


@dataclass(slots=True)
class _Char:
    kind: OpKind
    ch: str
    old: int  # position in the old (joined) text; for an insertion, where it stands


def _chars(edits: list[Edit]) -> list[_Char]:
    out: list[_Char] = []
    for e in edits:
        out.extend(_Char(e.kind, ch, e.old_start + (k if e.kind is not OpKind.INSERT else 0))
                   for k, ch in enumerate(e.text))
    return out


def _edits(chars: list[_Char]) -> list[Edit]:
    """Characters back to edits; each placeholder reference is an edit of its own."""
    out: list[Edit] = []
    for c in chars:
        prev = out[-1] if out else None
        if prev is not None and prev.kind is c.kind and _group(prev.text[-1]) == _group(c.ch):
            out[-1] = Edit(prev.kind, prev.text + c.ch, prev.old_start)
        else:
            out.append(Edit(c.kind, c.ch, c.old))
    return out


def _group(ch: str) -> str:
    return ch if ord(ch) >= PLACEHOLDER else ""


def _custom_references_join_their_insertion(body: etree._Element) -> None:
    """A custom mark's reference is zero-width, so the paragraph writer leaves it in a plain run
    of its own when the typed mark after it was inserted: it goes into that insertion (else
    "reject all" would keep the new note)."""
    for ref in list(body.iter(*map(w, REFERENCES))):
        run = ref.getparent()
        if run is None or not custom_mark_follows(ref) or next(ref.iterancestors(w("ins"), w("del")), None) is not None:
            continue
        nxt = run.getnext()
        if nxt is not None and is_w(nxt, "ins") and all(is_w(c, "rPr", *REFERENCES) for c in run):
            nxt.insert(0, run)


def _in_reference_order(notes: etree._Element, body: etree._Element, kind: str = "footnote") -> None:
    """Notes numbered 1, 2, 3 … and stored in the order the body refers to them, separators
    first: LibreOffice gives the k-th reference of a Word file the note with the k-th smallest
    id, whatever the reference's id says."""
    refs = list(body.iter(w(f"{kind}Reference")))
    ids: dict[str | None, str] = {}
    for ref in refs:
        ids.setdefault(ref.get(w("id")), str(len(ids) + 1))
    children = [c for c in notes if is_w(c, kind)]
    normal = [n for n in children if n.get(w("type")) in (None, "normal")]
    for note in normal:
        if note.get(w("id")) not in ids:
            ids[note.get(w("id"))] = str(len(ids) + 1)
    for ref in refs:
        ref.set(w("id"), ids[ref.get(w("id"))])
    for note in normal:
        note.set(w("id"), ids[note.get(w("id"))])
    ranked = sorted(children, key=lambda n: (n.get(w("type")) in (None, "normal"), int(n.get(w("id")) or 0)))
    for note in children:
        notes.remove(note)
    for note in ranked:
        notes.append(note)


class FootnoteTracker:
    """Footnote references of a Word-to-Word redline: pairs old and new references, stands for
    deleted old ones by placeholders, then writes them as deleted references to restored notes."""

    def __init__(self, comparison: Comparison, package: Package, old_package: Package | None,
                 old_marks: dict[etree._Element, str], marks: dict[etree._Element, str],
                 revisions: Revisions) -> None:
        self.package = package
        self.old_package = old_package
        self.old_marks = old_marks
        self.marks = marks
        self.revisions = revisions
        self.pairs = note_pairs(comparison)
        self.deleted: list[etree._Element] = []  # old reference elements, by placeholder number
        self.custom: dict[int, str] = {}  # placeholder number -> the custom mark typed after it
        # a text that holds the placeholders' code points itself keeps the plain behaviour
        self.active = old_package is not None and not any(
            max(b.text, default="\0") >= chr(PLACEHOLDER) for doc in (comparison.old, comparison.new) for b in doc.blocks)

    # --- before writing ---------------------------------------------------------------------

    def old_references(self, blocks: tuple[Block, ...], elements: list[etree._Element | None],
                       joiner: str) -> list[Reference]:
        """The references of old blocks (with their Word paragraphs) in their joined text."""
        out: list[Reference] = []
        offset = 0
        for block, el in zip(blocks, elements, strict=True):
            if el is not None and is_w(el, "p"):
                out.extend(Reference(r.start + offset, r.length, r.element, r.mark)
                           for r in references_in(el, self.old_marks, block.text))
            offset += len(block.text) + len(joiner)
        return out

    def settled(self, olds: list[Reference], elements: list[etree._Element], news: tuple[Block, ...]) -> bool:
        """True when an unchanged-looking paragraph cites the same notes on both sides (each old
        reference's note is the one the new reference at its rank shows): it needs no tracking."""
        if not self.active:
            return True
        new_marks = [r.mark for el, block in zip(elements, news, strict=False) if is_w(el, "p")
                     for r in references_in(el, self.marks, block.text)]
        return [self.pairs.get(r.mark) for r in olds] == new_marks

    def old_text(self, block: Block, el: etree._Element | None) -> str:
        """A removed block's text with each footnote reference as its placeholder."""
        if not self.active or el is None or not is_w(el, "p"):
            return block.text
        text = list(block.text)
        for ref in references_in(el, self.old_marks, block.text):
            code = self._placeholder(ref.element, ref.mark if custom_mark_follows(ref.element) else "")
            text[ref.start:ref.start + ref.length] = code * ref.length
        return "".join(text)

    def table_marks(self, tbl: etree._Element) -> dict[etree._Element, str]:
        """What each footnote reference of a removed old table becomes in its deleted copy: its
        placeholder (a deleted reference to its restored note), or its mark as text from a PDF."""
        if not self.active:
            return self.old_marks
        return {ref: self._placeholder(ref) for ref in tbl.iter(*map(w, REFERENCES))}

    def edits(self, p: etree._Element, edits: list[Edit], olds: list[Reference]) -> list[Edit]:
        """The edits of new paragraph `p` with its references handled: a paired old and new
        reference becomes one unchanged reference, other old ones placeholders."""
        if not self.active:
            return edits
        new_text = "".join(e.text for e in edits if e.kind is not OpKind.DELETE)
        news = references_in(p, self.marks, new_text)
        if not olds and not news:
            return edits
        chars = _chars(edits)
        # where each reference's characters stand in `chars`
        old_at: dict[int, list[int]] = {}
        new_at: dict[int, list[int]] = {}
        npos = 0
        for k, c in enumerate(chars):
            if c.kind is not OpKind.INSERT:
                for j, ref in enumerate(olds):
                    if ref.start <= c.old < ref.start + ref.length:
                        old_at.setdefault(j, []).append(k)
            if c.kind is not OpKind.DELETE:
                for j, ref in enumerate(news):
                    if ref.start <= npos < ref.start + ref.length:
                        new_at.setdefault(j, []).append(k)
                npos += 1
        # a mark the word diff kept equal in part is deleted and inserted whole
        split = {k for at in (*old_at.values(), *new_at.values()) for k in at if chars[k].kind is OpKind.EQUAL}
        if split:
            expanded: list[_Char] = []
            remap: dict[int, tuple[int, int]] = {}
            for k, c in enumerate(chars):
                if k in split:
                    remap[k] = (len(expanded), len(expanded) + 1)
                    expanded += [_Char(OpKind.DELETE, c.ch, c.old), _Char(OpKind.INSERT, c.ch, c.old + 1)]
                else:
                    remap[k] = (len(expanded), len(expanded))
                    expanded.append(c)
            old_at = {j: [remap[k][0] for k in at] for j, at in old_at.items()}
            new_at = {j: [remap[k][1] for k in at] for j, at in new_at.items()}
            chars = expanded
        drop: set[int] = set()
        used: set[int] = set()
        for j, ref in enumerate(olds):
            at = old_at.get(j, [])
            if len(at) != ref.length or any(chars[k].kind is not OpKind.DELETE for k in at):
                continue  # not wholly in this paragraph's deletions
            target = self.pairs.get(ref.mark)
            partner = next((i for i, n in enumerate(news) if n.mark == target and i not in used
                            and len(new_at.get(i, [])) == n.length), None)
            if partner is not None and self._pair(chars, at, new_at[partner], drop):
                used.add(partner)
                continue
            code = self._placeholder(ref.element, ref.mark if custom_mark_follows(ref.element) else "")
            for k in at:
                chars[k].ch = code
        return _edits([c for k, c in enumerate(chars) if k not in drop])

    @staticmethod
    def _pair(chars: list[_Char], old: list[int], new: list[int], drop: set[int]) -> bool:
        """Make a deleted old mark and an inserted new mark of the same note one unchanged
        reference, where that leaves both texts as they were: between the two only insertions
        (the reference stays at the new mark) or only deletions (it stays at the old one)."""
        if any(chars[k].kind is not OpKind.INSERT for k in new):
            return False
        lo, hi = (old[-1], new[0]) if old[-1] < new[0] else (new[-1], old[0])
        between = {chars[k].kind for k in range(lo + 1, hi)}
        if between <= {OpKind.INSERT}:
            drop.update(old)
            for k in new:
                chars[k].kind = OpKind.EQUAL
                chars[k].old = chars[old[0]].old
            return True
        text = "".join(chars[k].ch for k in new)
        if between <= {OpKind.DELETE} and len(text) == len(old):
            drop.update(new)
            for k, ch in zip(old, text, strict=True):
                chars[k].kind = OpKind.EQUAL
                chars[k].ch = ch
            return True
        return False

    def _placeholder(self, element: etree._Element, custom: str = "") -> str:
        self.deleted.append(element)
        if custom:
            self.custom[len(self.deleted) - 1] = custom
        return chr(PLACEHOLDER + len(self.deleted) - 1)

    # --- after writing ----------------------------------------------------------------------

    def restore(self, body: etree._Element) -> None:
        """Placeholders become deleted references to copies of their old notes; the notes of
        references the redline inserted get their text as an insertion."""
        if not self.active:
            return
        roots: dict[str, etree._Element] = {}
        for t in list(body.iter(w("t"), w("delText"))):
            if t.text and any(ord(ch) >= PLACEHOLDER for ch in t.text):
                self._split_run(t, roots)
        _custom_references_join_their_insertion(body)
        for kind in NOTE_TYPES:
            self._mark_inserted_notes(body, kind)
        for kind, notes in roots.items():
            _in_reference_order(notes, body, kind)

    def _split_run(self, t: etree._Element, roots: dict[str, etree._Element]) -> None:
        run = t.getparent()
        if run is None or not is_w(run, "r"):
            return
        rpr = run.find(w("rPr"))
        pieces: list[tuple[str, int | None]] = []  # (text, None) or ("", placeholder number)
        for ch in t.text or "":
            n = ord(ch) - PLACEHOLDER if ord(ch) >= PLACEHOLDER else None
            if n is None:
                if pieces and pieces[-1][1] is None:
                    pieces[-1] = (pieces[-1][0] + ch, None)
                else:
                    pieces.append((ch, None))
            elif not pieces or pieces[-1][1] != n:
                pieces.append(("", n))
        at = list(run).index(t)
        before, after = list(run)[:at], list(run)[at + 1:]
        runs: list[etree._Element] = []
        for k, (text, n) in enumerate(pieces):
            if n is None:
                piece = make("r")
                if rpr is not None:
                    piece.append(copy.deepcopy(rpr))
                holder = make(etree.QName(t).localname)
                holder.text = text
                holder.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                if k == 0:
                    for child in before:
                        if not is_w(child, "rPr"):
                            piece.append(child)
                piece.append(holder)
                if k == len(pieces) - 1:
                    for child in after:
                        piece.append(child)
                runs.append(piece)
            else:
                kind = note_kind(self.deleted[n])
                if kind not in roots:
                    roots[kind] = self._notes_root(kind)
                ref_run = self._reference_run(self.deleted[n], roots[kind])
                if n in self.custom:  # the typed mark, deleted or moved with its reference
                    typed = make(etree.QName(t).localname)
                    typed.text = self.custom[n]
                    ref_run.append(typed)
                runs.append(ref_run)
        for piece in runs:
            run.addprevious(piece)
        parent = run.getparent()
        if parent is not None:
            parent.remove(run)

    def _reference_run(self, old_ref: etree._Element, notes: etree._Element) -> etree._Element:
        """A run with a reference to a copy of `old_ref`'s note, its text deleted."""
        kind = note_kind(old_ref)
        ids = [int(v) for n in notes.iter(w(kind)) if (v := n.get(w("id"))) and v.lstrip("-").isdigit()]
        fid = str(max([0, *ids]) + 1)
        notes.append(self._restored_note(old_ref.get(w("id")), fid, kind))
        old_run = old_ref.getparent()
        rpr = old_run.find(w("rPr")) if old_run is not None else None
        out = make("r")
        if rpr is not None:
            out.append(copy.deepcopy(rpr))
        else:
            out.append(make("rPr", None, make("vertAlign", {"val": "superscript"})))
        ref = make(f"{kind}Reference", {"id": fid})
        if old_ref.get(w("customMarkFollows")) is not None:  # its typed mark follows, deleted too
            ref.set(w("customMarkFollows"), old_ref.get(w("customMarkFollows")) or "1")
        out.append(ref)
        return out

    def _restored_note(self, old_id: str | None, fid: str, kind: str = "footnote") -> etree._Element:
        note = make(kind, {"id": fid})
        source = self._old_note(old_id, kind)
        paragraphs = [copy.deepcopy(p) for p in source.iter(w("p"))] if source is not None else [make("p")]
        for p in paragraphs:
            accept_existing(p)  # the old version as it reads, its own revisions accepted
            make_portable(p, {})  # no ids or relationships of the old package
            for run in paragraph_runs(p):
                if _holds_note_mark(run):
                    continue
                wrapper = self.revisions.mark("del")
                run.addprevious(wrapper)
                wrapper.append(to_deleted(run))
                detach(run)
            note.append(p)
        return note

    def _old_note(self, old_id: str | None, kind: str = "footnote") -> etree._Element | None:
        if self.old_package is None:
            return None
        name = self.old_package.related(self.old_package.main_part(), f"{R_NS}/{kind}s")
        if name is None:
            return None
        return next((n for n in self.old_package.xml(name).iter(w(kind)) if n.get(w("id")) == old_id), None)

    def _notes_root(self, kind: str = "footnote") -> etree._Element:
        main = self.package.main_part()
        name = self.package.related(main, f"{R_NS}/{kind}s")
        if name is not None:
            return self.package.xml(name)
        root = make(f"{kind}s")
        for fid, separator in (("-1", "separator"), ("0", "continuationSeparator")):
            root.append(make(kind, {"type": separator, "id": fid}, make("p", None, make("r", None, make(separator)))))
        self.package.add_part(f"word/{kind}s.xml", root, NOTE_TYPES[kind], main, f"{R_NS}/{kind}s")
        return root

    def _mark_inserted_notes(self, body: etree._Element, kind: str = "footnote") -> None:
        name = self.package.related(self.package.main_part(), f"{R_NS}/{kind}s")
        if name is None:
            return
        inserted = {ref.get(w("id")) for ref in body.iter(w(f"{kind}Reference"))
                    if next(ref.iterancestors(w("ins")), None) is not None
                    and next(ref.iterancestors(w("del"), w("moveFrom")), None) is None}
        for note in self.package.xml(name).iter(w(kind)):
            if note.get(w("id")) not in inserted or next(note.iter(w("ins"), w("del")), None) is not None:
                continue
            for p in note.iter(w("p")):
                for run in paragraph_runs(p):
                    if _holds_note_mark(run):
                        continue
                    wrapper = self.revisions.mark("ins")
                    run.addprevious(wrapper)
                    wrapper.append(run)

    # --- edited notes -----------------------------------------------------------------------

    def replace_note(self, old: Block, new: Block) -> bool:
        """An edited note the word edits cannot be placed in (several paragraphs, or none, as a
        note emptied by Word): its old paragraphs come back deleted before the new ones, whose
        text is inserted. False when either note cannot be found."""
        if not self.active or not old.number or not new.number:
            return False
        old_ref = next((r for r, m in self.old_marks.items() if m == displayed(old.number)), None)
        new_ref = next((r for r, m in self.marks.items() if m == displayed(new.number)), None)
        if old_ref is None or new_ref is None or note_kind(old_ref) != note_kind(new_ref):
            return False
        kind = note_kind(new_ref)
        source = self._old_note(old_ref.get(w("id")), kind)
        name = self.package.related(self.package.main_part(), f"{R_NS}/{kind}s")
        if source is None or name is None:
            return False
        note = next((n for n in self.package.xml(name).iter(w(kind))
                     if n.get(w("id")) == new_ref.get(w("id"))), None)
        if note is None:
            return False
        news = [p for p in note if is_w(p, "p")]
        for p in news:
            accept_existing(p)
            for run in [r for r in paragraph_runs(p) if not _holds_note_mark(r)]:
                wrapper = self.revisions.mark("ins")
                run.addprevious(wrapper)
                wrapper.append(run)
        restored = self._restored_note(old_ref.get(w("id")), "", kind)
        olds = [p for p in restored if is_w(p, "p")]
        if news:
            for p in olds:
                for ref_run in [r for r in p.iter(w("r")) if _holds_note_mark(r)]:
                    parent = ref_run.getparent()
                    if parent is not None:
                        parent.remove(ref_run)  # the new paragraphs carry the number
                mark_paragraph(p, self.revisions, "del")
                news[0].addprevious(p)
        else:
            for p in olds:
                note.append(p)
        return True
