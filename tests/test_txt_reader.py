"""Plain text files: paragraphs, and what the structure pass sets aside."""

from __future__ import annotations

from parsers.api import parse_file


def test_a_symbol_line_in_the_title_block_is_reported_as_furniture(tmp_path):
    """A paragraph that is only the document symbol becomes the symbol and a furniture entry,
    not a block, and is not dropped in silence."""
    path = tmp_path / "draft.txt"
    path.write_text("A/RES/80/9\n\nThe General Assembly,\n\n1. Decides to remain seized of the matter.\n",
                    encoding="utf-8")
    document = parse_file(str(path))
    assert document.symbol == "A/RES/80/9"
    assert [(f.text, f.why) for f in document.furniture] == [("A/RES/80/9", "document symbol")]
    assert all("A/RES/80/9" not in block.text for block in document.blocks)
