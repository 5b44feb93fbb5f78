"""A redlined Word file: the new version with every change as a native tracked change.

Built on the new document's own package when it is a Word file (only the changed body
paragraphs are rewritten, so styles, numbering, footnotes, headers and footers survive), else on
a clean UN-styled document generated from the parsed model (compare.redline.blank).

- modified: the paragraph's runs carry the word ops (compare.redline.paragraph);
- added: runs in w:ins and an inserted paragraph mark;
- removed: the old paragraph comes back where it stood, runs in w:del, deleted paragraph mark,
  with its old paragraph properties when the old version is a Word file;
- moved: w:moveFrom at the old place, w:moveTo at the new place, named ranges move1, move2 …;
  an edited move has its inserted words as w:ins inside the moveTo copy and its deleted words
  as w:del beside the w:moveFrom runs at the old place (LibreOffice 7 drops a w:del nested in
  w:moveTo, and a plain w:del in the target would come back on "reject all");
- split and merge: an inserted or deleted paragraph mark between the pieces;
- renumbered and unchanged: untouched (Word's automatic numbering renumbers by itself);
- commitments strengthened or weakened: a Word comment with the reasons;
- Word to Word, footnotes (compare.redline.notes): a renumbered note's reference is left alone, a
  removed note's reference comes back deleted with a copy of its note, an added one is inserted
  with its note's text; an edited note carries the word edits inside it.

Accepting every change gives the new text, rejecting every change the old text. Every revision
has the same author and date and an id unique in the package.
"""

from __future__ import annotations

from datetime import UTC, datetime

from lxml import etree

from compare.model import Change, ChangeKind, Comparison, Op, OpKind
from compare.redline.blank import (
    block_properties,
    build_blank,
    follows_word_numbering,
    on_list,
    table_from_text,
    typed_label,
)
from compare.redline.comments import Comments, comment_text
from compare.redline.existing import accept_revisions
from compare.redline.locate import (
    LOCATE_THRESHOLD,
    OldVersion,
    reference_marks,
    similar,
)
from compare.redline.math import mark_equations, plan_equations, without_ranges
from compare.redline.notes import FootnoteTracker
from compare.redline.ops import joined_spans, replace_edits, split_edits
from compare.redline.package import Package
from compare.redline.paragraph import Style, accept_existing, paragraph_runs, rewrite_paragraph, stream_text
from compare.redline.settings import track_revisions
from compare.redline.tables import track_table
from compare.redline.wordml import (
    Revisions,
    clean_paragraph_properties,
    make,
    mark_paragraph,
    paragraph_properties,
    paragraph_text,
    text_runs,
)
from compare.text.normalize import fold_spaces
from compare.versions.engine import JOINER
from parsers.docx.wordml import R_NS, body_elements, is_w, w
from parsers.errors import ErrorCode, ParseError
from parsers.model import Block, BlockKind, Format

DEFAULT_AUTHOR = "Accord"


def render_redline(comparison: Comparison, author: str = DEFAULT_AUTHOR, date: datetime | None = None) -> bytes:
    """The redlined .docx of `comparison` as bytes (written atomically by the caller)."""
    stamp = (date or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if comparison.new.format is Format.DOCX:
        package, mapping = Package.read(comparison.new.path), None
        package.as_document()  # a .docx, whichever of Word's types the draft is
    else:
        package, mapping = build_blank(comparison.new)
    revisions = Revisions(author or DEFAULT_AUTHOR, stamp, package.first_free_id())
    _Redline(comparison, package, mapping, revisions).run()
    track_revisions(package)
    return package.to_bytes()




class _Redline:
    def __init__(self, comparison: Comparison, package: Package, mapping: dict[int, int] | None,
                 revisions: Revisions) -> None:
        self.comparison = comparison
        self.package = package
        self.mapping = mapping
        self.revisions = revisions
        main = package.main_part()
        body = package.xml(main).find(w("body"))
        if body is None:
            raise ParseError(package.path, ErrorCode.CORRUPT, "the Word file has no document body")
        self.body: etree._Element = body
        self.elements = body_elements(self.body)  # indexed as the reader counted, before accepting
        if mapping is None:
            accept_revisions(self.body)
        self.marks = reference_marks(package, main, self.body)
        self.comments = Comments(package, revisions)
        self.used: set[int] = set()
        self.old = OldVersion(comparison.old, package, main)
        # Word to Word: footnote references removed, added or renumbered as Word tracks them
        self.notes = FootnoteTracker(comparison, package, self.old.package if mapping is None else None,
                                     self.old.marks, self.marks, revisions)
        # a generated document puts operative numbers on Word's list when they follow it
        self.auto_numbering = mapping is not None and follows_word_numbering(comparison.new.body())
        self.typed_labels = comparison.new.typed_labels  # "OP3." where the draft typed its labels
        # old block index -> the last element standing for it, for placing moved-from copies
        self.placed: dict[int, etree._Element] = {}
        self.anchor: etree._Element | None = None
        self.move_names: dict[int, str] = {}

    # --- the walk ---------------------------------------------------------------------------

    def run(self) -> None:
        moves = []
        notes = []
        for change in self.comparison.changes:
            if any(b.kind is BlockKind.FOOTNOTE for b in (*change.olds, *change.news)):
                notes.append(change)  # tracked in the footnotes part, not the body
                continue
            commented = self._apply(change)
            if id(change) in self.move_names:  # its moveTo copy is in place
                moves.append(change)
            text = comment_text(change)
            if text and commented is not None:
                self.comments.add(commented, text)
        for change in moves:
            self._move_from(change)
        self._track_symbol()
        self._track_footnotes(notes)
        self.notes.restore(self.body)
        self._end_on_a_kept_paragraph_mark()

    def _apply(self, change: Change) -> etree._Element | None:
        """Track one change; returns the paragraph a comment would anchor on."""
        if not change.news:
            out = None
            for block in change.olds:
                out = self._insert_after_anchor(self._old_element(block, "del"))
                self.placed[block.index] = out
            return out
        located = [self._locate(b) for b in change.news]
        elements = [el for el in located if el is not None]
        if len(elements) != len(located):
            # a block the Word file does not show as a paragraph: a changed one's old text stays
            # rejectable (an unchanged one is in the file anyway)
            quiet = change.kind in (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED)
            for block in () if quiet else change.olds:
                self.placed[block.index] = self._insert_after_anchor(self._old_element(block, "del"))
            return None
        moved = change.moved
        if change.kind in (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED) and not moved and not _visible(change) \
                and self._same_notes(change, elements):
            outs = elements
        elif any(is_w(el, "tbl") for el in elements):
            outs = self._track_tables(change, elements)
        else:
            outs = self._track_paragraphs(change, elements, moved)
        self.anchor = outs[-1]
        if not moved:
            for block in change.olds:
                self.placed[block.index] = outs[-1]
        return outs[-1] if is_w(outs[-1], "p") else None

    def _track_paragraphs(self, change: Change, elements: list[etree._Element], moved: bool) -> list[etree._Element]:
        added = not change.olds
        ops = change.ops if change.ops else (Op(OpKind.INSERT, JOINER.join(b.text for b in change.news)),)
        per = split_edits(ops, change.olds, change.news)
        if per is None:  # ops that do not rebuild the texts: show the paragraph replaced whole
            ops = (Op(OpKind.DELETE, JOINER.join(b.text for b in change.olds)),
                   Op(OpKind.INSERT, JOINER.join(b.text for b in change.news)))
            per = split_edits(ops, change.olds, change.news)
        if per is None:  # a replacement rebuilds both texts by construction
            raise AssertionError("a whole replacement must rebuild the texts")
        spans = joined_spans(change.olds)
        old_elements = [self.old.element(b) for b in change.olds]
        # changed equations tracked whole, their characters' edits left out (compare.redline.math)
        equations = plan_equations(old_elements, elements, JOINER.join(b.text for b in change.olds))
        if equations.dropped:
            per = [(without_ranges(edits, equations.dropped), brk) for edits, brk in per]
        olds = self.notes.old_references(change.olds, old_elements, JOINER)
        outs: list[etree._Element] = []
        for el, (edits, brk) in zip(elements, per, strict=True):
            accept_existing(el)
            edits = self.notes.edits(el, edits, olds)
            pieces = rewrite_paragraph(el, edits, spans, self.revisions, self.marks, Style(added=added, moved=moved))
            last = pieces[-1]
            if added or brk is OpKind.INSERT:
                mark_paragraph(last, self.revisions, "ins")
            elif moved:
                mark_paragraph(last, self.revisions, "moveTo")
            outs.extend(pieces)
        mark_equations(equations, outs[-1], self.revisions)
        if moved:
            name = self._move_name(change)
            _range(outs[0], outs[-1], self.revisions, "moveTo", name)
        return outs

    def _same_notes(self, change: Change, elements: list[etree._Element]) -> bool:
        """The paragraphs cite the same footnotes on both sides (not a removed note and an added
        one under the same mark)."""
        olds = self.notes.old_references(change.olds, [self.old.element(b) for b in change.olds], JOINER)
        return self.notes.settled(olds, elements, change.news)

    def _track_tables(self, change: Change, elements: list[etree._Element]) -> list[etree._Element]:
        for block in change.olds:
            self._insert_before(elements[0], self._old_element(block, "del"))
        for block, el in zip(change.news, elements, strict=True):
            if is_w(el, "tbl"):
                track_table(el, self.revisions, "ins")
            else:
                self._track_paragraphs(Change(ChangeKind.ADDED, news=(block,)), [el], False)
        return elements

    def _track_symbol(self) -> None:
        """The document symbol (E/CN.15/2018/L.2 → …/Rev.1) is no block: track it where it is
        printed, in body paragraphs no block claimed and in the headers and footers."""
        old, new = self.comparison.old.symbol, self.comparison.new.symbol
        if not old or not new or old == new:
            return
        paragraphs = [el for k, el in enumerate(self.elements) if k not in self.used and is_w(el, "p")]
        for name in self.package.related_all(self.package.main_part(), (f"{R_NS}/header", f"{R_NS}/footer")):
            paragraphs += list(self.package.xml(name).iter(w("p")))
        for p in paragraphs:
            edits = replace_edits(stream_text(paragraph_runs(p), self.marks), old, new)
            if edits is not None:
                rewrite_paragraph(p, edits, (), self.revisions, self.marks)

    def _track_footnotes(self, changes: list[Change]) -> None:
        """Edited footnotes and endnotes as tracked changes inside their own note
        (word/footnotes.xml or word/endnotes.xml of the new Word file), found by their text; the
        body walk never sees notes."""
        paragraphs = []
        for kind in ("footnote", "endnote"):
            name = self.package.related(self.package.main_part(), f"{R_NS}/{kind}s")
            if name is not None:
                paragraphs += [p for note in self.package.xml(name).iter(w(kind))
                               if note.get(w("type")) in (None, "normal") for p in note.iter(w("p"))]
        for change in changes:
            if change.kind is not ChangeKind.MODIFIED or len(change.olds) != 1 or len(change.news) != 1:
                continue
            target = fold_spaces(change.news[0].text)
            p = next((p for p in paragraphs if fold_spaces(paragraph_text(p)) == target), None)
            per = split_edits(change.ops, change.olds, change.news)
            if p is None or per is None:
                self.notes.replace_note(change.olds[0], change.news[0])
                continue
            paragraphs.remove(p)
            rewrite_paragraph(p, per[0][0], change.olds[0].spans, self.revisions, self.marks)

    def _end_on_a_kept_paragraph_mark(self) -> None:
        """Paragraphs added at the very end of the body: the document's last paragraph mark can
        be neither inserted nor removed (rejecting would leave an empty, numbered paragraph, as
        "13."), so the mark between the last kept paragraph and the first added one is the
        inserted one, the last mark stays, and the last paragraph records the kept paragraph's
        properties as its former ones (w:pPrChange), as Word does when one types after the end."""
        elements = [c for c in self.body if isinstance(c.tag, str) and is_w(c, "p", "tbl")]
        trailing = 0
        while trailing < len(elements) and _mark_revision(elements[-1 - trailing]) == "ins":
            trailing += 1
        if not trailing or trailing == len(elements):
            return
        kept, last = elements[-1 - trailing], elements[-1]
        if not is_w(kept, "p") or _mark_revision(kept) is not None:
            return
        former = clean_paragraph_properties(paragraph_properties(kept))
        for child in [c for c in former if is_w(c, "rPr")]:
            former.remove(child)
        mark_paragraph(kept, self.revisions, "ins")
        ppr = paragraph_properties(last)
        rpr = ppr.find(w("rPr"))
        if rpr is not None:
            for child in [c for c in rpr if is_w(c, "ins")]:
                rpr.remove(child)
            if len(rpr) == 0:
                ppr.remove(rpr)
        change = self.revisions.mark("pPrChange")
        change.append(former)
        ppr.append(change)

    # --- moves ------------------------------------------------------------------------------

    def _move_name(self, change: Change) -> str:
        """The range name shared by the two copies of a move (move1, move2 …)."""
        key = id(change)
        if key not in self.move_names:
            self.move_names[key] = self.revisions.move_name()
        return self.move_names[key]

    def _move_from(self, change: Change) -> None:
        """The old copy of a moved paragraph, where it stood among the old paragraphs."""
        name = self._move_name(change)
        block = change.olds[0]
        p = self._old_element(block, "moveFrom", change.ops)
        _range(p, p, self.revisions, "moveFrom", name)
        before = [i for i in self.placed if i < block.index]
        if before:
            anchor = self.placed[max(before)]
            anchor.addnext(p)
        else:
            after = [i for i in self.placed if i > block.index]
            target = self.placed[min(after)] if after else (self.elements[0] if self.elements else None)
            self._insert_before(target, p)
        self.placed[block.index] = p

    # --- helpers ----------------------------------------------------------------------------

    def _locate(self, block: Block) -> etree._Element | None:
        """The body element of a new block: by its recorded index when the texts agree, else the
        most similar paragraph not yet used."""
        index = self.mapping.get(block.index) if self.mapping is not None else block.location.element
        if index is not None and 0 <= index < len(self.elements) and index not in self.used:
            el = self.elements[index]
            if el.getparent() is not None and (
                    is_w(el, "tbl") or similar(paragraph_text(el), block.text) >= LOCATE_THRESHOLD):
                self.used.add(index)
                return el
        best, best_score = None, float(LOCATE_THRESHOLD)
        for k, el in enumerate(self.elements):
            if k in self.used or not is_w(el, "p") or el.getparent() is None:
                continue
            score = similar(paragraph_text(el), block.text)
            if score > best_score:
                best, best_score = k, score
        if best is None:
            return None
        self.used.add(best)
        return self.elements[best]

    def _old_element(self, block: Block, tag: str, ops: tuple[Op, ...] = ()) -> etree._Element:
        """A removed (or moved-from) old block as a deleted paragraph or table. For a move, the
        ops of an edited move split the old text: what moved is w:moveFrom, what was deleted on
        the way is w:del."""
        old_el = self.old.element(block)
        if old_el is not None and is_w(old_el, "tbl"):
            return track_table(old_el, self.revisions, "del", self.notes.table_marks(old_el))
        if block.kind is BlockKind.TABLE:
            return track_table(table_from_text(block), self.revisions, "del")
        # on a generated document, removed blocks take its styles (and typed numbers) too
        ppr, base = self.old.formatting(block, old_el) if self.mapping is None else (None, None)
        if ppr is None:
            ppr, base = self._new_formatting(block)
        p = make("p", None, ppr)
        if self.mapping is not None and block.number is not None and not on_list(block, self.auto_numbering):
            p.append(self._label_run(typed_label(block, self.typed_labels) + "\t", tag, base))
        text = self.notes.old_text(block, old_el)  # footnote references as placeholders
        pieces = [(tag, text, 0)]
        if ops and "".join(o.text for o in ops if o.kind is not OpKind.INSERT) == block.text:
            pieces, at = [], 0
            for op in ops:
                if op.kind is not OpKind.INSERT:
                    pieces.append(("del" if op.kind is OpKind.DELETE else tag, text[at:at + len(op.text)], at))
                    at += len(op.text)
        for piece_tag, text, start in pieces:
            wrapper = self.revisions.mark(piece_tag)
            for run in text_runs(text, block.spans, base, start=start, deleted=piece_tag == "del"):
                wrapper.append(run)
            p.append(wrapper)
        mark_paragraph(p, self.revisions, tag)
        return p

    def _label_run(self, label: str, tag: str, base: etree._Element | None) -> etree._Element:
        wrapper = self.revisions.mark(tag)
        for run in text_runs(label, (), base, deleted=tag == "del"):
            wrapper.append(run)
        return wrapper

    def _new_formatting(self, block: Block) -> tuple[etree._Element, etree._Element | None]:
        """Paragraph properties of the nearest new block of the same kind and level."""
        candidates = [b for b in self.comparison.new.body() if b.kind is block.kind and b.level == block.level]
        candidates.sort(key=lambda b: abs(b.index - block.index))
        for candidate in candidates[:1]:
            index = self.mapping.get(candidate.index) if self.mapping is not None else candidate.location.element
            if index is not None and 0 <= index < len(self.elements) and is_w(self.elements[index], "p"):
                el = self.elements[index]
                ppr = el.find(w("pPr"))
                runs = [r for r in paragraph_runs(el) if r.find(w("t")) is not None]
                base = runs[0].find(w("rPr")) if runs else None
                return (clean_paragraph_properties(ppr) if ppr is not None else make("pPr")), base
        return block_properties(block, self.auto_numbering), None

    def _insert_after_anchor(self, el: etree._Element) -> etree._Element:
        if self.anchor is None:
            self._insert_before(self.elements[0] if self.elements else None, el)
        else:
            self.anchor.addnext(el)
        self.anchor = el
        return el

    def _insert_before(self, target: etree._Element | None, el: etree._Element) -> None:
        if target is not None:
            target.addprevious(el)
        else:
            sect = self.body.find(w("sectPr"))
            if sect is not None:
                sect.addprevious(el)
            else:
                self.body.append(el)


def _mark_revision(el: etree._Element) -> str | None:
    """How a paragraph's own mark is tracked: 'ins', 'del', 'moveFrom', 'moveTo' or None."""
    rpr = el.find(f"{w('pPr')}/{w('rPr')}") if is_w(el, "p") else None
    if rpr is None:
        return None
    return next((etree.QName(c).localname for c in rpr if is_w(c, "ins", "del", "moveFrom", "moveTo")), None)


def _visible(change: Change) -> bool:
    """True when the texts differ beyond whitespace: a difference the comparison calls minor (a
    quote style, a hyphen) is still tracked, so that rejecting every change gives the old text."""
    old = "".join(o.text for o in change.ops if o.kind is not OpKind.INSERT)
    new = "".join(o.text for o in change.ops if o.kind is not OpKind.DELETE)
    return fold_spaces(old) != fold_spaces(new)


def _range(first: etree._Element, last: etree._Element, revisions: Revisions, tag: str, name: str) -> None:
    """Named move range markers around the content of paragraphs first … last."""
    start = revisions.mark(f"{tag}RangeStart", name=name)
    ppr = first.find(w("pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        first.insert(0, start)
    last.append(make(f"{tag}RangeEnd", {"id": start.get(w("id")) or ""}))
