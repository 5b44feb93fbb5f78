"""Citation labels: how negotiators cite a paragraph (the contract's `label`).

`PP1`…`PPn` for preambular paragraphs (their order among the preambular paragraphs, from 1), `OP5` for
operative paragraph 5 (its printed number; its order when unnumbered), `OP2(a)` and `OP2(a)(i)` for
sub-paragraphs (the enclosing operative paragraph and each level's number), `FN3` for footnote 3; `None`
for the title block, headings and other text. One function, used by every output.
"""

from __future__ import annotations

from collections.abc import Sequence

from parsers.model import Block, BlockKind, footnote_label


def cite_labels(blocks: Sequence[Block], parts: Sequence[str | None] | None = None) -> tuple[str | None, ...]:
    """The label of each block, in order (blocks in reading order of one document). In a
    resolution in parts (`parts`: each block's part, "A", "B", …), each part's paragraphs are
    counted from 1 and cited with the part: `B.PP1`, `B.OP2(a)`."""
    labels: list[str | None] = []
    preamble = 0
    operatives = 0
    operative: str | None = None
    sub_path: list[tuple[int, str]] = []  # (level, number) of the open sub-paragraphs
    part: str | None = None
    for k, block in enumerate(blocks):
        if parts is not None and parts[k] != part:  # another part: its own count
            part, preamble, operatives, operative, sub_path = parts[k], 0, 0, None, []
        label: str | None = None
        if block.kind is BlockKind.PREAMBLE:
            preamble += 1
            label = block.number or f"PP{preamble}"  # a label the draft typed ("PP2bis") is its number
        elif block.kind is BlockKind.OPERATIVE:
            operatives += 1
            operative = f"OP{block.number or operatives}".replace(" ", "")  # '5 bis' -> OP5bis
            sub_path = []
            label = operative
        elif block.kind is BlockKind.SUBPARAGRAPH and operative is not None:
            level = max(block.level, 1)
            sub_path = [(lv, num) for lv, num in sub_path if lv < level]
            sub_path.append((level, block.number or "?"))
            label = operative + "".join(f"({num})" for _, num in sub_path)
        elif block.kind is BlockKind.FOOTNOTE and block.number:
            label = footnote_label(block.number)
        elif block.kind is not BlockKind.SUBPARAGRAPH:
            # a heading ("Annex") or other text closes the operative part: an annex's (a) is not OP6(a)
            operative = None
        labels.append(f"{part}.{label}" if part and label and block.kind is not BlockKind.FOOTNOTE else label)
    return tuple(labels)

