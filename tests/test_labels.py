"""Citation labels (the contract's `label`): PP/OP/OP2(a)(i)/FN, as negotiators cite paragraphs."""

from pathlib import Path

from parsers import parse_file
from parsers.labels import cite_labels
from parsers.model import Block, BlockKind, Footnote

FIXTURES = Path(__file__).parent / "fixtures"


def _block(kind: BlockKind, number: str | None = None, level: int = 0) -> Block:
    return Block(index=0, kind=kind, text="x", number=number, level=level)


def test_preambular_paragraphs_count_from_one_and_operatives_keep_their_number():
    """PP counts preambular paragraphs in order; OP takes the printed number, sub-paragraphs nest."""
    blocks = [
        _block(BlockKind.TITLE), _block(BlockKind.PARAGRAPH),
        _block(BlockKind.PREAMBLE), _block(BlockKind.PREAMBLE),
        _block(BlockKind.OPERATIVE, "1"), _block(BlockKind.OPERATIVE, "2"),
        _block(BlockKind.SUBPARAGRAPH, "a", 1), _block(BlockKind.SUBPARAGRAPH, "i", 2),
        _block(BlockKind.SUBPARAGRAPH, "ii", 2), _block(BlockKind.SUBPARAGRAPH, "b", 1),
        _block(BlockKind.OPERATIVE, "3"), _block(BlockKind.HEADING),
    ]
    assert cite_labels(blocks) == (None, None, "PP1", "PP2", "OP1", "OP2", "OP2(a)", "OP2(a)(i)",
                                   "OP2(a)(ii)", "OP2(b)", "OP3", None)


def test_an_annex_does_not_carry_the_last_operative_number():
    """After a heading (an annex), sub-paragraphs belong to the annex's paragraphs, not to OP6."""
    blocks = [_block(BlockKind.OPERATIVE, "6"), _block(BlockKind.HEADING), _block(BlockKind.PARAGRAPH, "1"),
              _block(BlockKind.SUBPARAGRAPH, "a", 1)]
    assert cite_labels(blocks) == ("OP6", None, None, None)


def test_unnumbered_operative_paragraphs_are_counted():
    """An operative paragraph without a printed number is cited by its order."""
    assert cite_labels([_block(BlockKind.OPERATIVE), _block(BlockKind.OPERATIVE)]) == ("OP1", "OP2")


def test_footnotes_are_cited_fn_and_their_mark():
    """A footnote is FN plus its mark, in the model and in parse JSON."""
    assert Footnote("3", "A/73/85.").label == "FN3"
    assert Footnote("3", "A/73/85.").to_dict()["label"] == "FN3"


def test_parsed_resolution_blocks_carry_labels_in_json():
    """Every block of a parsed resolution has its label in the JSON; the body opener has none."""
    doc = parse_file(str(FIXTURES / "l2-en.docx"))
    data = doc.to_dict()
    labels = [b["label"] for b in data["blocks"]]
    kinds = [b["kind"] for b in data["blocks"]]
    assert "PP1" in labels and "OP1" in labels and "OP2(a)" in labels
    for kind, label in zip(kinds, labels, strict=True):
        if kind == "preamble":
            assert label.startswith("PP")
        elif kind in ("operative", "subparagraph"):
            assert label.startswith("OP")
        elif kind in ("title", "heading"):
            assert label is None
    assert data["furniture"] == [] or all({"page", "text", "why"} <= set(f) for f in data["furniture"])
