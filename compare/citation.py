"""How every output cites a paragraph: the way negotiators do (../shared/CONTRACT.md, labels).

One place for the text report, the HTML report, the redline's comments, the change list and the
window: `OP5`, `PP3`, `OP2(a)`, `FN3` (Block.label, set by parsers.labels); a numbered paragraph
without a label by its printed number (`para. 12`); other text (the title block, headings,
unnumbered paragraphs) by its opening words in quotes (`heading “Annex”`). Never by an internal
index. A change whose label changed cites both sides (`OP10 → OP9`); a split or merge joins its
blocks (`OP2 → OP2 + OP3`).
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.model import Change
from parsers.model import Block, BlockKind

ARROW = "→"
# Opening words quoted for a block without a label or number: enough to find it in the document.
QUOTE_WORDS = 5
QUOTE_CHARS = 40
_NOUNS = {BlockKind.TITLE: "title", BlockKind.HEADING: "heading", BlockKind.TABLE: "table",
          BlockKind.PARAGRAPH: "paragraph", BlockKind.PREAMBLE: "preambular paragraph",
          BlockKind.OPERATIVE: "operative paragraph", BlockKind.SUBPARAGRAPH: "subparagraph",
          BlockKind.FOOTNOTE: "footnote"}


def cite_block(block: Block) -> str:
    """`OP5`, `FN3`, `para. 12`, or the kind and opening words: `title “Crime prevention…”`."""
    if block.label:
        return block.label
    if block.number:
        return f"para. {block.number_label}"
    return f"{_NOUNS.get(block.kind, str(block.kind))} “{opening_words(block.text)}”"


def opening_words(text: str) -> str:
    """The first QUOTE_WORDS words of `text` (at most about QUOTE_CHARS characters), with an
    ellipsis when cut."""
    words = text.split()
    short = " ".join(words[:QUOTE_WORDS])
    if len(short) > QUOTE_CHARS:
        short = short[:QUOTE_CHARS].rsplit(" ", 1)[0] or short[:QUOTE_CHARS]
    return short + ("…" if short != " ".join(words) else "")


def cite_blocks(blocks: Sequence[Block]) -> str:
    """One side of a change: its blocks' citations joined by ' + ' ('' when there is none)."""
    return " + ".join(cite_block(b) for b in blocks)


def cite_change(change: Change, arrow: str = ARROW) -> str:
    """Where a change is: one citation when both sides cite the same (or one side is empty),
    `OP10 → OP9` when they differ."""
    old, new = cite_blocks(change.olds), cite_blocks(change.news)
    if not old or not new or old == new:
        return new or old
    return f"{old} {arrow} {new}"


def cite_sides(change: Change) -> tuple[str, str]:
    """The old and the new side's citations ('' for an empty side), for tables with a column each."""
    return cite_blocks(change.olds), cite_blocks(change.news)
