"""One citation function for every output: labels as negotiators cite them, never internal indexes."""

from compare.citation import cite_block, cite_change
from compare.model import Change, ChangeKind
from parsers.model import Block, BlockKind


def test_labels_first_then_printed_numbers_then_opening_words():
    """A labelled block is cited by its label, a numbered one by its number, other text by its
    kind and opening words (cut with an ellipsis), never by its index."""
    assert cite_block(Block(7, BlockKind.OPERATIVE, "Urges…", number="5", label="OP5")) == "OP5"
    assert cite_block(Block(40, BlockKind.FOOTNOTE, "A/73/85.", number="3", label="FN3")) == "FN3"
    assert cite_block(Block(9, BlockKind.PARAGRAPH, "The Panel met.", number="12")) == "para. 12"
    title = cite_block(Block(0, BlockKind.TITLE, "Crime prevention and criminal justice in the digital age"))
    assert title == "title “Crime prevention and criminal justice…”"
    assert "0" not in title


def test_a_change_cites_both_labels_only_when_they_differ():
    """OP10 → OP9 for a renumbered paragraph, one label when it kept it, the side that exists for
    an added or removed one, both blocks of a split."""
    op10 = Block(12, BlockKind.OPERATIVE, "x", number="10", label="OP10")
    op9 = Block(11, BlockKind.OPERATIVE, "x", number="9", label="OP9")
    assert cite_change(Change(ChangeKind.RENUMBERED, olds=(op10,), news=(op9,))) == "OP10 → OP9"
    assert cite_change(Change(ChangeKind.MODIFIED, olds=(op9,), news=(op9,))) == "OP9"
    assert cite_change(Change(ChangeKind.ADDED, news=(op9,))) == "OP9"
    assert cite_change(Change(ChangeKind.REMOVED, olds=(op10,))) == "OP10"
    assert cite_change(Change(ChangeKind.MODIFIED, olds=(op9,), news=(op9, op10)), arrow="->") == "OP9 -> OP9 + OP10"
