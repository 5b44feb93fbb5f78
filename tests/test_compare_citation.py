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


def test_parse_and_compare_output_carry_labels(tmp_path):
    """parse JSON: every block has a label key (OP/PP labels on the resolution); parse text shows
    them; compare JSON: every old/new block object has its label; the text report cites no index."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    fixtures = root / "tests" / "fixtures"
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(root))

    def accord(*args):
        return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], cwd=root, env=env,
                              capture_output=True, text=True, timeout=240)

    parsed = json.loads(accord("parse", fixtures / "l2-fr.docx").stdout)
    assert all("label" in b for b in parsed["blocks"])
    assert {"PP1", "OP5"} <= {b["label"] for b in parsed["blocks"]}
    assert "[operative OP5] 5 " in accord("parse", fixtures / "l2-fr.docx", "--format", "text").stdout
    compared = json.loads(accord("compare", fixtures / "l2-fr.docx", fixtures / "l2-fr-rev1.docx",
                                 "--format", "json").stdout)
    sides = [s for c in compared["changes"] for s in (c["old"], c["new"]) if s]
    assert sides and all("label" in s for s in sides)
    text = accord("compare", fixtures / "l2-fr.docx", fixtures / "l2-fr-rev1.docx").stdout
    assert "OP10 → OP9  renumbered" in text and "OP5  modified" in text and "#" not in text
