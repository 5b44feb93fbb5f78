"""A resolution's sections ("I", "II" over the section's title, as the General Assembly's omnibus
resolutions set them, often before the first operative paragraph): in plain text, with no bold or
centring to go by, the numeral and its title read as preambular paragraphs, and every preambular
paragraph after them was cited one or two numbers too high. They are headings."""

from __future__ import annotations

from pathlib import Path

from parsers import parse_file
from parsers.model import BlockKind

APART = """The General Assembly,

Recalling its previous resolutions on the matter,

I

General considerations

1. Reaffirms its commitment to the matter;

II

Small Island Developing States

Noting the particular vulnerability of small island developing States,

2. Decides to consider the matter further.
"""


def _parsed(tmp_path: Path, text: str):
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    return parse_file(str(path))


def test_a_numeral_alone_and_the_title_under_it_are_headings(tmp_path):
    blocks = _parsed(tmp_path, APART).blocks
    assert [(b.kind, b.label, b.text) for b in blocks[1:]] == [
        (BlockKind.PREAMBLE, "PP1", "Recalling its previous resolutions on the matter,"),
        (BlockKind.HEADING, None, "I"), (BlockKind.HEADING, None, "General considerations"),
        (BlockKind.OPERATIVE, "OP1", "Reaffirms its commitment to the matter;"),
        (BlockKind.HEADING, None, "II"), (BlockKind.HEADING, None, "Small Island Developing States"),
        # a sentence after the title is the section's text, not another title
        (BlockKind.PARAGRAPH, None, "Noting the particular vulnerability of small island developing States,"),
        (BlockKind.OPERATIVE, "OP2", "Decides to consider the matter further."),
    ]


def test_a_numeral_and_its_title_on_two_lines_of_one_paragraph(tmp_path):
    """Plain text with no blank line between the numeral and the title reads them as one
    paragraph: "I General considerations" is the heading."""
    text = APART.replace("I\n\nGeneral", "I\nGeneral").replace("II\n\nSmall", "II\nSmall")
    headings = [b.text for b in _parsed(tmp_path, text).blocks if b.kind is BlockKind.HEADING]
    assert headings == ["I General considerations", "II Small Island Developing States"]


def test_outside_a_resolution_a_numeral_opening_a_sentence_is_text(tmp_path):
    """A form's item "I If you are a resident of Canada, Mexico, or" (a sample PDF of pdfminer's)
    is no section title: only a resolution's text, after its opener, is looked at."""
    block = _parsed(tmp_path, "I If you are a resident of Canada, Mexico, or\n").blocks[0]
    assert (block.kind, block.number, block.text) == (BlockKind.PARAGRAPH, None, "I If you are a resident of Canada, Mexico, or")
