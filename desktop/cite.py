"""How the window cites a paragraph: the contract's label (`PP3`, `OP5`, `OP2(a)`, `FN3`), never an
internal index. A block without a label (the title block, headings, other text) is cited by what it
is and where it stands: its printed number (`para. 12`), else its kind and page (`title, p. 1`).

The change list, the pane placeholders and the tooltips all go through `cite_blocks`, so a
paragraph is cited the same way everywhere in the window; once compare.citation exists (the
reports' citation function) a block is cited by it, so the window and the reports agree.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication

from compare.model import Change
from parsers.model import Block, BlockKind


def _engine_citation() -> Callable[[Block], str] | None:
    """The engine's one citation function (compare/citation.py) once that branch is merged; until
    then None, and the window cites with its own (same labels; kind and page for other text)."""
    try:
        module = importlib.import_module("compare.citation")
    except ImportError:
        return None
    function: Callable[[Block], str] = module.cite_block
    return function


_engine_cite = _engine_citation()

ARROW = " → "
JOIN = " + "


def cite(block: Block) -> str:
    """One block's citation: its label, or a readable description when it has none."""
    if _engine_cite is not None:
        return _engine_cite(block)
    if block.label:
        return block.label
    translate = QCoreApplication.translate
    if block.number_label:
        return translate("Cite", "para. %1").replace("%1", block.number_label)
    kinds = {
        BlockKind.TITLE: translate("Cite", "title"),
        BlockKind.HEADING: translate("Cite", "heading"),
        BlockKind.TABLE: translate("Cite", "table"),
        BlockKind.FOOTNOTE: translate("Cite", "footnote"),
    }
    what = kinds.get(block.kind, translate("Cite", "text"))
    if block.page is not None:
        return translate("Cite", "%1, p. %2").replace("%1", what).replace("%2", str(block.page))
    return what


def cite_blocks(blocks: Sequence[Block]) -> str:
    """The blocks of one side of a change ('OP2 + OP3' for a paragraph split in two); '—' for none."""
    if not blocks:
        return "—"
    return JOIN.join(cite(block) for block in blocks)


def cite_change(change: Change) -> str:
    """A change as a delegate cites it: 'OP5', or 'OP10 → OP9' when its label changed, the one
    side it has when it was added or removed."""
    old, new = cite_blocks(change.olds), cite_blocks(change.news)
    if not change.olds:
        return new
    if not change.news or old == new:
        return old
    return old + ARROW + new
