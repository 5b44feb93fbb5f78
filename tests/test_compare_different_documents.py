"""Different documents, not revisions (issue 16): paragraphs carried over are paired by text alone."""

import json
from pathlib import Path

import pytest

from compare.model import ChangeKind
from compare.reports.text import render_json, render_text
from compare.versions.engine import compare_documents
from compare.versions.related import carried_over
from parsers import parse_file
from parsers.model import Block, BlockKind, Document, Format

FIXTURES = Path(__file__).parent / "fixtures"
DECLARATIONS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "declarations"


def test_revisions_are_not_different_documents():
    """A draft and its revision pair most paragraphs in order: no text-alone pairing, no line."""
    comparison = compare_documents(parse_file(str(FIXTURES / "l2-en.docx")),
                                   parse_file(str(FIXTURES / "l2-en-rev1.docx")))
    assert carried_over(comparison) is None
    assert json.loads(render_json(comparison))["different_documents"] is None
    assert "different documents" not in render_text(comparison, color=False)


def _doc(name: str, paragraphs: list[str]) -> Document:
    blocks = tuple(Block(i, BlockKind.PARAGRAPH, text) for i, text in enumerate(paragraphs))
    return Document(name, Format.TXT, blocks, language="en")


SHARED = [
    "We reaffirm our commitment to prevent and combat trafficking in persons in all its forms and manifestations.",
    "We call upon Member States to ratify the Convention against Transnational Organized Crime and its Protocols.",
    "We recognize the important role of civil society in identifying, assisting and protecting victims of trafficking.",
]
OLD_ONLY = [f"In {1990 + k} the Assembly considered item {k} on questions of {w} at its plenary meetings."
            for k, w in enumerate(["budget", "oceans", "outer space", "health", "trade", "energy"])]
NEW_ONLY = [f"Delegations exchanged views on {w} during informal consultations held in room {k}."
            for k, w in enumerate(["water", "forests", "cities", "migration", "youth", "ageing"])]


def test_two_different_documents_pair_reworded_paragraphs_in_any_order():
    """Six paragraphs of each document have no counterpart and three are carried over, reworded
    and in reverse order: the three are moves (with word ops), the rest new or dropped, and the
    report counts them."""
    old = _doc("old", OLD_ONLY[:3] + SHARED + OLD_ONLY[3:])
    reworded = [SHARED[2].replace("important", "essential"), SHARED[1].replace("ratify", "ratify and implement"),
                SHARED[0].replace("prevent and combat", "prevent, combat and end")]
    new = _doc("new", NEW_ONLY[:2] + reworded + NEW_ONLY[2:])
    comparison = compare_documents(old, new)
    relation = carried_over(comparison)
    assert relation is not None
    assert (relation.same + relation.reworded, relation.new, relation.dropped) == (3, 6, 6)
    assert "carried over 3" in render_text(comparison, color=False)
    carried = [c for c in comparison.changes if c.olds and c.news]
    assert len(carried) == 3 and all(c.ops for c in carried)


@pytest.mark.skipif(not DECLARATIONS.is_dir(), reason="../shared/corpus/real is not beside the repository")
def test_the_2017_and_2025_declarations_share_reworded_paragraphs():
    """A/RES/72/1 against A/RES/80/9: the paragraphs the 2025 declaration carries over from 2017,
    reworded and rearranged, are paired (modified, renumbered or moved), not removed and added."""
    comparison = compare_documents(parse_file(str(DECLARATIONS / "A_RES_72_1-EN.txt")),
                                   parse_file(str(DECLARATIONS / "A_RES_80_9-EN.pdf")))
    carried = [c for c in comparison.changes if c.olds and c.news and c.kind is not ChangeKind.UNCHANGED]
    assert len(carried) >= 20  # was 9 (8 modified, 1 unchanged) before reading the .txt's pages
    assert any(c.kind is ChangeKind.MOVED for c in carried)
