"""From a change's ops to the edits of each Word paragraph: a split or merge change spans several
paragraphs (its texts joined by compare.versions.engine.JOINER); each new paragraph gets its share of
the ops, with how its paragraph break changed, and deleted joiners become deleted paragraph
marks. Also the little diff used for the document symbol, which is not a block."""

from __future__ import annotations

from compare.model import Op, OpKind
from compare.redline.paragraph import PARAGRAPH_BREAK, Edit
from compare.versions.engine import JOINER
from parsers.model import Block, Span


def joined_spans(blocks: tuple[Block, ...]) -> tuple[Span, ...]:
    """The spans of blocks joined by JOINER, in offsets of the joined text."""
    out: list[Span] = []
    offset = 0
    for block in blocks:
        out.extend(Span(s.start + offset, s.end + offset, s.bold, s.italic) for s in block.spans)
        offset += len(block.text) + len(JOINER)
    return tuple(out)


def _cuts(blocks: tuple[Block, ...]) -> set[int]:
    """Offsets of the joiners in the joined text of `blocks`."""
    cuts, offset = set(), 0
    for block in blocks[:-1]:
        offset += len(block.text)
        cuts.add(offset)
        offset += len(JOINER)
    return cuts


def split_edits(ops: tuple[Op, ...], olds: tuple[Block, ...],
                news: tuple[Block, ...]) -> list[tuple[list[Edit], OpKind | None]] | None:
    """The ops of a change cut per new paragraph, each with how its paragraph break (the joiner
    after it) changed: EQUAL, INSERT (a split), or None for the last. Deleted joiners (a merge)
    stay inside deletions as PARAGRAPH_BREAK. None when the ops do not rebuild the texts."""
    old_text, new_text = JOINER.join(b.text for b in olds), JOINER.join(b.text for b in news)
    if "".join(o.text for o in ops if o.kind is not OpKind.INSERT) != old_text \
            or "".join(o.text for o in ops if o.kind is not OpKind.DELETE) != new_text:
        return None
    old_cuts, new_cuts = _cuts(olds), _cuts(news)
    out: list[tuple[list[Edit], OpKind | None]] = []
    edits: list[Edit] = []
    opos = npos = 0
    for op in ops:
        if op.kind is OpKind.DELETE:
            text = op.text
            for k in _inside(old_cuts, opos, len(text)):
                text = text[:k] + PARAGRAPH_BREAK + text[k + 1:]
            edits.append(Edit(OpKind.DELETE, text, opos))
            opos += len(op.text)
            continue
        start = 0
        for k in _inside(new_cuts, npos, len(op.text)):
            if op.text[start:k]:
                edits.append(Edit(op.kind, op.text[start:k], opos + start))
            out.append((edits, op.kind))
            edits, start = [], k + len(JOINER)
        if op.text[start:]:
            edits.append(Edit(op.kind, op.text[start:], opos + start))
        npos += len(op.text)
        if op.kind is OpKind.EQUAL:
            opos += len(op.text)
    out.append((edits, None))
    return out if len(out) == len(news) else None


def _inside(cuts: set[int], offset: int, length: int) -> list[int]:
    """The cuts within [offset, offset + length), relative to offset, in order (a paragraph of
    500 kB was scanned character by character)."""
    return sorted(c - offset for c in cuts if offset <= c < offset + length)


def replace_edits(text: str, old: str, new: str) -> list[Edit] | None:
    """Edits turning `text`, where the first `new` stands, back into its old version: the symbol
    is replaced whole, as the word diff treats a document symbol as one token."""
    at = text.find(new)
    if at < 0 or old == new:
        return None
    edits = [Edit(OpKind.EQUAL, text[:at]), Edit(OpKind.DELETE, old, at), Edit(OpKind.INSERT, new),
             Edit(OpKind.EQUAL, text[at + len(new):])]
    return [e for e in edits if e.text]
