"""The real declaration pairs of `shared/corpus/real/declarations`: a draft and its adopted text
compare with no noise from line breaks, hyphens, footnote placement or page breaks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compare.model import ChangeKind
from compare.versions.engine import compare_documents
from parsers.api import parse_file
from parsers.model import Block, BlockKind, Document

DECLARATIONS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "declarations"

pytestmark = pytest.mark.skipif(not DECLARATIONS.is_dir(), reason="shared real corpus not present")


# The adoption lines of a resolution: "48th plenary meeting" and its date.
ADOPTION = re.compile(r"\d{1,3}(?:st|nd|rd|th) plenary meeting|\d{1,2} [A-Z][a-z]+ \d{4}")


def _body_changes(old: Document, new: Document) -> list[tuple[str, str]]:
    """(kind, label or text) of every change that touches a block of either body: all but the
    header (what comes before the opener "The General Assembly,") and the adoption lines."""
    openers = {id(doc): next(b.index for b in doc.blocks if b.text.startswith("The General Assembly"))
               for doc in (old, new)}

    def in_body(block: Block, document: Document) -> bool:
        if block.kind is BlockKind.FOOTNOTE:
            return True
        return block.index >= openers[id(document)] and not ADOPTION.fullmatch(block.text)

    out = []
    for change in compare_documents(old, new).changes:
        if change.kind in (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED):
            continue
        touched = [b for b in change.olds if in_body(b, old)] + [b for b in change.news if in_body(b, new)]
        if touched:
            out.append((str(change.kind), touched[0].label or touched[0].text[:60]))
    return out


def test_the_2025_declaration_draft_and_adopted_text_differ_only_in_header_and_adoption_lines():
    """A/80/L.8 and A/RES/80/9 have the same wording: no change inside the body (was 18
    modified, 6 added, 3 removed and 1 moved, most of them spacing, hyphens, footnote separators
    and paragraphs cut at page breaks)."""
    old = parse_file(str(DECLARATIONS / "A_80_L.8-EN.pdf"))
    new = parse_file(str(DECLARATIONS / "A_RES_80_9-EN.pdf"))
    assert _body_changes(old, new) == []


def test_the_coordination_resolution_draft_against_adopted_shows_only_its_wording_changes():
    """A/C.3/80/L.4 against A/RES/80/228: the paragraphs whose wording changed, and nothing else
    (was 53 changes, at least 31 of them noise: separators 'moved', 'twenty -fifth', a
    preambular paragraph removed and added where a page break cut it)."""
    old = parse_file(str(DECLARATIONS / "A_C.3_80_L.4-EN.pdf"))
    new = parse_file(str(DECLARATIONS / "A_RES_80_228-EN.pdf"))
    assert _body_changes(old, new) == [
        ("modified", "PP32"),  # "unjustly" deleted
        ("modified", "PP35"),  # "identifying" -> "identify"
        ("modified", "OP8"),  # "respect of" -> "respect for"
        ("modified", "OP22"),  # "forced criminality", "adolescents" -> "youth", ...
        ("modified", "OP23"),  # "and marginalization" deleted, "which promote"
        ("modified", "OP24"),  # "in armed conflicts," (a comma added)
        ("modified", "OP25"),  # "into forced marriages", "forced religious conversions" deleted
        # footnotes (compared since issue 13): the adopted text cites the newer reports, real changes
        ("removed", "FN31"),  # A/79/159.
        ("modified", "FN32"),  # A/79/122. -> A/80/182. (old FN32, now FN31: cited by its old label)
        ("added", "FN32"),  # A/80/113.
    ]
