"""Different documents, not revisions (issue 16): paragraphs carried over are paired by text alone."""

import json
from pathlib import Path

import pytest

from compare.model import ChangeKind
from compare.reports.text import render_json, render_text
from compare.versions.engine import compare_documents
from compare.versions.related import carried_over
from parsers import parse_file

FIXTURES = Path(__file__).parent / "fixtures"
DECLARATIONS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "declarations"


def test_revisions_are_not_different_documents():
    """A draft and its revision pair most paragraphs in order: no text-alone pairing, no line."""
    comparison = compare_documents(parse_file(str(FIXTURES / "l2-en.docx")),
                                   parse_file(str(FIXTURES / "l2-en-rev1.docx")))
    assert carried_over(comparison) is None
    assert json.loads(render_json(comparison))["different_documents"] is None
    assert "different documents" not in render_text(comparison, color=False)


@pytest.mark.skipif(not DECLARATIONS.is_dir(), reason="../shared/corpus/real is not beside the repository")
def test_the_2017_and_2025_declarations_share_reworded_paragraphs():
    """A/RES/72/1 against A/RES/80/9: reworded paragraphs are carried over (moved, with word ops),
    and the report says how many are carried over, new and dropped."""
    comparison = compare_documents(parse_file(str(DECLARATIONS / "A_RES_72_1-EN.txt")),
                                   parse_file(str(DECLARATIONS / "A_RES_80_9-EN.pdf")))
    relation = carried_over(comparison)
    assert relation is not None and relation.reworded >= 8
    moved = [c for c in comparison.changes if c.kind is ChangeKind.MOVED]
    assert moved and all(c.olds and c.news and c.ops for c in moved)
    text = render_text(comparison, color=False)
    assert f"carried over {relation.same + relation.reworded}" in text
    counts = json.loads(render_json(comparison))["different_documents"]
    assert counts["new"] == relation.new and counts["dropped"] == relation.dropped
