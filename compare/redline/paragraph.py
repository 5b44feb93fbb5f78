"""Track the word edits of one paragraph inside its existing Word runs.

The paragraph's runs are read as a stream of characters (text, tabs, footnote references as their
marks); the stream is aligned character by character with the block text the ops were computed
on (a reader may have dropped a label or collapsed spaces), so each op lands on the runs that
hold it. Runs are split at op boundaries and keep their own w:rPr: equal text stays a plain run,
inserted text is wrapped in w:ins, deleted words come back as w:del runs with the old block's
italic and bold. A deleted paragraph break (a merge) splits the paragraph in two, the first with
a deleted paragraph mark.
"""

from __future__ import annotations

import bisect
import copy
from collections import defaultdict
from dataclasses import dataclass

from lxml import etree
from rapidfuzz.distance import Indel, Opcodes

from compare.model import OpKind
from compare.redline.wordml import (
    DELETED_CONTAINERS,
    RUN_CONTAINERS,
    Revisions,
    detach,
    make,
    mark_paragraph,
    text_runs,
)
from parsers.docx.wordml import is_w, local, w
from parsers.model import Span
from parsers.symbols import inserted_symbol

# A deleted paragraph break (where two old paragraphs were merged) inside a deletion's text.
PARAGRAPH_BREAK = "\u2029"
BREAK = "accordBreak"  # placeholder for a deleted paragraph mark until the paragraph is split
# Run children that are one character of the text a reader sees.
_ONE_CHAR = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "\u2011"}
# Run children dropped when a run is rewritten: rendering hints Word recomputes.
_DROP = ("lastRenderedPageBreak",)
# Indel.opcodes keeps an LCS bit matrix: a 50 kB paragraph against a 50 kB text took 370 MB, a
# 200 kB one 5.6 GB and 40 s. Above this many cells the stream and the text are aligned by
# windows: the common prefix is skipped, and from the first difference a WINDOW (doubled up to
# MAX_WINDOW) of each is aligned until they agree again on SYNC characters in a row.
CHAR_MAP_CELLS = 25_000_000
WINDOW = 2_048
MAX_WINDOW = 16_384
SYNC = 32


@dataclass(frozen=True, slots=True)
class Edit:
    """One op restricted to a paragraph; `old_start` is where a deletion starts in the old text
    (to find the old block's formatting)."""

    kind: OpKind
    text: str
    old_start: int = 0


@dataclass(frozen=True, slots=True)
class Style:
    """How the pieces of a paragraph are tracked: plain, a whole insertion, or a move target."""

    added: bool = False
    moved: bool = False


def accept_existing(p: etree._Element) -> None:
    """Accept revisions already in a paragraph we rewrite (the new text is read with them
    accepted): drop deleted content, unwrap insertions."""
    for el in list(p.iter()):
        if is_w(el, *DELETED_CONTAINERS, "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart",
                "moveToRangeEnd") and (parent := el.getparent()) is not None and not is_w(parent, "rPr"):
            parent.remove(el)
    for el in list(p.iter(w("ins"), w("moveTo"))):
        parent = el.getparent()
        if parent is None or is_w(parent, "rPr"):
            continue
        at = parent.index(el)
        for k, child in enumerate(list(el)):
            parent.insert(at + k, child)
        parent.remove(el)


def paragraph_runs(p: etree._Element) -> list[etree._Element]:
    """The runs of a paragraph's visible text, in order (not those of text boxes or deletions)."""
    out = []
    for r in p.iter(w("r")):
        parent = r.getparent()
        ok = True
        while parent is not None and parent is not p:
            if not is_w(parent, *RUN_CONTAINERS):
                ok = False
                break
            parent = parent.getparent()
        if ok:
            out.append(r)
    return out


def child_text(child: etree._Element, marks: dict[etree._Element, str]) -> str:
    name = local(child)
    if name == "t":
        return child.text or ""
    if name in _ONE_CHAR:
        return _ONE_CHAR[name]
    if name in ("footnoteReference", "endnoteReference"):
        return marks.get(child, "")
    if name == "sym":  # one character, as the reader gives it ("≤" for the Symbol font's F0A3)
        return inserted_symbol(child.get(w("char")), child.get(w("font")))
    return ""


def stream_text(runs: list[etree._Element], marks: dict[etree._Element, str]) -> str:
    return "".join(child_text(c, marks) for r in runs for c in r if not is_w(c, "rPr"))


def rewrite_paragraph(p: etree._Element, edits: list[Edit], old_spans: tuple[Span, ...], revisions: Revisions,
                      marks: dict[etree._Element, str], style: Style = Style()) -> list[etree._Element]:
    """Rewrite `p` in place so its runs carry `edits`; returns the paragraphs it became (more
    than one when a deleted paragraph break splits it), in order."""
    accept_existing(p)
    runs = paragraph_runs(p)
    stream = stream_text(runs, marks)
    new_text = "".join(e.text for e in edits if e.kind is not OpKind.DELETE)
    status, deletions = _plan(stream, new_text, edits, style)
    writer = _Writer(p, old_spans, revisions, style)
    deletion_at = sorted(deletions)
    cursor = 0
    for r in runs:
        writer.start_run(r)
        for child in [c for c in r if not is_w(c, "rPr")]:
            text = child_text(child, marks)
            if not text:
                if not is_w(child, *_DROP):
                    writer.add(child, None)
                continue
            if is_w(child, "t"):
                for start, end in _pieces(status, deletion_at, cursor, cursor + len(text)):
                    writer.delete(deletions.pop(start, []))
                    t = make("t")
                    t.text = text[start - cursor:end - cursor]
                    writer.add(t, status[start])
            else:
                writer.delete(deletions.pop(cursor, []))
                writer.add(child, status[cursor])
            cursor += len(text)
        writer.end_run()
    rest = [e for _at, group in sorted(deletions.items()) for e in group]
    if rest:
        writer.start_run(None)
        writer.delete(rest)
        writer.end_run()
    writer.merge_wrappers()
    return _split_at_breaks(p, revisions)


def _pieces(status: list[OpKind], deletion_at: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """Stream ranges [start, end) cut where the status changes or a deletion goes: each piece is
    one text of one kind (the writer used to place it character by character, which cost a
    minute for a 500 kB paragraph)."""
    inside = deletion_at[bisect.bisect_right(deletion_at, start):bisect.bisect_left(deletion_at, end)]
    cuts = [start, *inside, end]
    out: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        k = a
        while k < b:
            kind, j = status[k], k + 1
            while j < b and status[j] is kind:
                j += 1
            out.append((k, j))
            k = j
    return out


def _plan(stream: str, new_text: str, edits: list[Edit], style: Style) -> tuple[list[OpKind], dict[int, list[Edit]]]:
    """Status (EQUAL/INSERT) of each stream character and deletions keyed by stream position."""
    t_status: list[OpKind] = []
    t_deletions: dict[int, list[Edit]] = defaultdict(list)
    for e in edits:
        if e.kind is OpKind.DELETE:
            t_deletions[len(t_status)].append(e)
        else:
            t_status.extend([e.kind] * len(e.text))
    s_to_t = _char_map(stream, new_text)
    default = OpKind.INSERT if style.added else OpKind.EQUAL
    status = [t_status[t] if t >= 0 else default for t in s_to_t]
    # a deletion at text position q goes right after the stream character holding text q-1
    t_to_s = {t: s for s, t in enumerate(s_to_t) if t >= 0}
    first = min(t_to_s.values(), default=0)
    deletions: dict[int, list[Edit]] = defaultdict(list)
    for q, group in sorted(t_deletions.items()):
        before = next((t_to_s[t] for t in range(q - 1, -1, -1) if t in t_to_s), None)
        at = before + 1 if before is not None else first
        deletions[at].extend(group)
    return status, deletions


def _char_map(stream: str, text: str) -> list[int]:
    """For each stream character, the index of the same character in `text`, or -1: by one
    Indel alignment when the texts are small (CHAR_MAP_CELLS), by windows along them otherwise."""
    if stream == text:
        return list(range(len(stream)))
    out = [-1] * len(stream)
    if len(stream) * len(text) <= CHAR_MAP_CELLS:
        _map_equal(out, Indel.opcodes(stream, text), 0, 0, len(stream))
        return out
    i = j = 0
    while i < len(stream) and j < len(text):
        k = _common_prefix(stream, text, i, j)
        out[i:i + k] = range(j, j + k)
        i, j = i + k, j + k
        if i == len(stream) or j == len(text):
            break
        width, resume = WINDOW, None
        while resume is None and width <= MAX_WINDOW:
            ops = Indel.opcodes(stream[i:i + width], text[j:j + width])
            resume = next(((op.src_start, op.dest_start) for op in ops
                           if op.tag == "equal" and op.src_end - op.src_start >= SYNC), None)
            width *= 2
        if resume is None:  # no common run of SYNC characters within MAX_WINDOW: the rest stays unmapped
            break
        _map_equal(out, ops, i, j, resume[0])
        i, j = i + resume[0], j + resume[1]
    return out


def _map_equal(out: list[int], ops: Opcodes, i: int, j: int, before: int) -> None:
    """Map the equal characters of `ops` (offsets i, j) that start before stream offset `before`."""
    for op in ops:
        if op.tag == "equal" and op.src_start < before:
            out[i + op.src_start:i + op.src_end] = range(j + op.dest_start, j + op.dest_end)


def _common_prefix(a: str, b: str, i: int, j: int) -> int:
    """Length of the common prefix of a[i:] and b[j:], compared in slices of doubling size."""
    size, k = 64, 0
    while True:
        n = min(size, len(a) - i - k, len(b) - j - k)
        if n <= 0:
            return k
        if a[i + k:i + k + n] != b[j + k:j + k + n]:
            break
        k += n
        size *= 2
    lo, hi = 0, n  # the first difference is in a[i+k : i+k+n]
    while lo < hi:
        mid = (lo + hi) // 2
        if a[i + k:i + k + mid + 1] == b[j + k:j + k + mid + 1]:
            lo = mid + 1
        else:
            hi = mid
    return k + lo


class _Writer:
    """Replaces each original run by its pieces: plain, inserted, deleted, moved."""

    def __init__(self, p: etree._Element, old_spans: tuple[Span, ...], revisions: Revisions, style: Style) -> None:
        self.p = p
        self.old_spans = old_spans
        self.revisions = revisions
        self.style = style
        self.wrappers: list[etree._Element] = []
        self.run: etree._Element | None = None
        self.base_rpr: etree._Element | None = None
        self.pieces: list[etree._Element] = []
        self.current: tuple[OpKind, etree._Element] | None = None
        self.last: etree._Element | None = None  # the last piece placed in the paragraph

    def start_run(self, run: etree._Element | None) -> None:
        """Start replacing `run`; None: pieces go after the last one placed (trailing deletions)."""
        self.run = run
        self.pieces, self.current = [], None
        rpr = run.find(w("rPr")) if run is not None else None
        text_run = run is not None and not any(is_w(c, "footnoteReference", "endnoteReference") for c in run)
        if text_run or self.base_rpr is None:
            self.base_rpr = rpr

    def add(self, child: etree._Element, kind: OpKind | None) -> None:
        if kind is None:  # zero-width content (fields, drawings) joins the current piece
            kind = self.current[0] if self.current else (OpKind.INSERT if self.style.added else OpKind.EQUAL)
        if self.current is None or self.current[0] is not kind:
            run = make("r")
            rpr = self.run.find(w("rPr")) if self.run is not None else None
            if rpr is not None:
                run.append(copy.deepcopy(rpr))
            self.current = (kind, run)
            self.pieces.append(self._wrap(run, kind))
        run = self.current[1]
        if is_w(child, "t") and len(run) and is_w(run[-1], "t"):
            run[-1].text = (run[-1].text or "") + (child.text or "")
        else:
            if is_w(child, "t"):
                child.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            run.append(child)

    def delete(self, edits: list[Edit]) -> None:
        if self.style.moved:
            # a move target shows the new text only: the words deleted from a moved paragraph are
            # w:del beside w:moveFrom at its old place (LibreOffice loses w:del nested in w:moveTo,
            # and a plain w:del here would come back on "reject all")
            return
        for e in edits:
            offset = 0
            for k, piece in enumerate(e.text.split(PARAGRAPH_BREAK)):
                if k:
                    self.pieces.append(make(BREAK))
                if piece:
                    runs = text_runs(piece, self.old_spans, self.base_rpr, start=e.old_start + offset, deleted=True)
                    wrapper = self.revisions.mark("del")
                    for r in runs:
                        wrapper.append(r)
                    self.wrappers.append(wrapper)
                    self.pieces.append(wrapper)
                offset += len(piece) + 1
            self.current = None

    def _wrap(self, run: etree._Element, kind: OpKind) -> etree._Element:
        tag = "ins" if kind is OpKind.INSERT else ("moveTo" if self.style.moved else None)
        if tag is None:
            return run
        wrapper = self.revisions.mark(tag)
        wrapper.append(run)
        self.wrappers.append(wrapper)
        return wrapper

    def end_run(self) -> None:
        if self.run is None:
            for piece in self.pieces:
                if self.last is None:
                    self.p.append(piece)
                else:
                    self.last.addnext(piece)
                self.last = piece
            return
        for piece in self.pieces:
            self.run.addprevious(piece)
            self.last = piece
        detach(self.run)

    def merge_wrappers(self) -> None:
        """Adjacent insertions (or deletions) become one revision, as Word records them."""
        for wrapper in self.wrappers:
            nxt = wrapper.getnext()
            parent = wrapper.getparent()
            if parent is None:
                continue
            while (nxt is not None and nxt in self.wrappers and local(nxt) == local(wrapper)
                   and local(wrapper) in ("ins", "del", "moveTo")):
                for child in list(nxt):
                    wrapper.append(child)
                parent.remove(nxt)
                nxt = wrapper.getnext()


def _split_at_breaks(p: etree._Element, revisions: Revisions) -> list[etree._Element]:
    """Turn each top-level BREAK placeholder into a paragraph with a deleted mark before `p`."""
    for stray in [b for b in p.iter(w(BREAK)) if b.getparent() is not p]:
        detach(stray)  # a break inside a hyperlink: the texts stay joined
    out = []
    while True:
        brk = p.find(w(BREAK))
        if brk is None:
            break
        head = make("p")
        ppr = p.find(w("pPr"))
        if ppr is not None:
            head.append(copy.deepcopy(ppr))
        for child in list(p):
            if child is brk:
                break
            if not is_w(child, "pPr"):
                head.append(child)
        p.remove(brk)
        mark_paragraph(head, revisions, "del")
        p.addprevious(head)
        out.append(head)
    out.append(p)
    return out
