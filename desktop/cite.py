"""How the window cites a paragraph: the engine's one citation function (compare.citation: the
contract's label `PP3`, `OP5`, `OP2(a)`, `FN3`, else `para. 12`, else the kind and opening words),
never an internal index, so the window and the reports cite alike. The change list, the pane
placeholders and the tooltips all go through this module; it only adds the window's dash for an
empty side.
"""

from __future__ import annotations

from collections.abc import Sequence

from compare import citation
from compare.model import Change
from parsers.model import Block

EMPTY_SIDE = "—"


def cite(block: Block) -> str:
    """One block's citation (compare.citation.cite_block)."""
    return citation.cite_block(block)


def cite_blocks(blocks: Sequence[Block]) -> str:
    """The blocks of one side of a change ('OP2 + OP3' for a paragraph split in two); '—' for none."""
    return citation.cite_blocks(blocks) or EMPTY_SIDE


def cite_change(change: Change) -> str:
    """'OP5', or 'OP10 → OP9' when its label changed, the one side it has when added or removed."""
    return citation.cite_change(change)
