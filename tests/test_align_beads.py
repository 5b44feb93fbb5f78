"""Beads stay 1-1 when 1-1 is right: a renumbered revision (a paragraph moved, so every later
label differs by one) must not have its sub-paragraphs merged into 3-3 beads to pay the label
conflict once instead of once per paragraph (the README's align example)."""

from conftest import FIXTURES

from compare.languages.documents import align_documents
from compare.progress import run
from parsers.api import parse_file


def test_renumbered_sub_paragraphs_stay_one_to_one():
    """French Rev.1 (OP4 moved to the front) against the English original: 'Demande aux États
    Membres :' and its (a), (b) and (i) rows pair one for one with 'Calls upon Member States:'
    and its rows, in both directions."""
    fr = parse_file(str(FIXTURES / "l2-fr-rev1.docx"))
    en = parse_file(str(FIXTURES / "l2-en.docx"))
    forward = run(align_documents(fr, en))
    backward = run(align_documents(en, fr))
    pairs = {(p.source, p.target) for p in forward.pairs}
    starts = {p.source: p.target for p in forward.pairs}
    calls = next(i for i, u in enumerate(forward.source_units) if u.text.startswith("Demande aux États Membres"))
    target = next(j for j, u in enumerate(forward.target_units) if u.text.startswith("Calls upon Member States"))
    for k in range(4):  # the chapeau, (a), (b) and (i)
        assert ((calls + k,), (target + k,)) in pairs, (k, starts.get((calls + k,)))
    assert {(p.target, p.source) for p in backward.pairs} == pairs
    assert not [p for p in forward.pairs if len(p.source) == 3 and len(p.target) == 3]
