"""Beads stay 1-1 when 1-1 is right: a renumbered revision (a paragraph moved, so every later
label differs by one) must not have its sub-paragraphs merged into 3-3 beads to pay the label
conflict once instead of once per paragraph (the README's align example)."""

from conftest import FIXTURES

from compare.languages.documents import align_documents, align_lines
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


def _lines(name):
    doc = parse_file(str(FIXTURES / name))
    return [b.text.replace("\n", " ") for b in doc.blocks] + [f.text for f in doc.footnotes]


def test_un_paragraphs_ending_in_commas_stay_one_to_one():
    """One paragraph a line (no labels), the L.2 resolution in French against Spanish and English:
    every bead is 1-1 but the line naming the original language. UN paragraphs end with ',' or
    ';' as a rule, so an open end is no reason to merge (it had made 2-2 and 3-3 beads)."""
    fr, es, en = _lines("l2-fr.docx"), _lines("l2-es.docx"), _lines("l2-en.docx")
    for source, target in ((es, fr), (fr, es), (en, fr)):
        pairs = run(align_lines(source, target)).pairs
        wide = [(p.source, p.target) for p in pairs if len(p.source) > 1 or len(p.target) > 1]
        assert wide == [] or wide == [((4,), (4, 5))] or wide == [((4, 5), (4,))], wide
        assert sum(1 for p in pairs if len(p.source) == len(p.target) == 1) >= len(source) - 3


def test_a_moved_paragraph_is_two_skips_not_a_wide_bead():
    """French Rev.1 (OP4 moved to the front) against the English original, one paragraph a line:
    the moved paragraph is left alone on each side and its neighbours pair 1-1 (no 3-3 bead)."""
    fr, en = _lines("l2-fr-rev1.docx"), _lines("l2-en.docx")
    pairs = run(align_lines(fr, en)).pairs
    assert not [p for p in pairs if len(p.source) > 1 and len(p.target) > 1]
    moved_fr = next(i for i, t in enumerate(fr) if t.startswith("Souligne l’importance pour les États Membres"))
    moved_en = next(j for j, t in enumerate(en) if t.startswith("Stresses the importance of Member States"))
    assert ((moved_fr,), ()) in {(p.source, p.target) for p in pairs}
    assert ((), (moved_en,)) in {(p.source, p.target) for p in pairs}


def test_renumbered_paragraphs_pair_by_content_not_by_number():
    """French Rev.1 against the English original (the README's align example): the Rev.1 drops
    operative 7 ('Encourages academics...') and adds operative 10, so French operatives 7-9 are
    English 8-10. Each pairs 1-1 with its translation, the dropped and the added paragraph are
    left alone, in both directions: equal numbers had drawn them into two 2-2 beads (7-8 with
    7-8, 9-10 with 9-10) to collect the label bonus."""
    fr = parse_file(str(FIXTURES / "l2-fr-rev1.docx"))
    en = parse_file(str(FIXTURES / "l2-en.docx"))
    forward = run(align_documents(fr, en))
    backward = run(align_documents(en, fr))
    pairs = {(p.source, p.target) for p in forward.pairs}

    def at(units, start):
        return next(k for k, u in enumerate(units) if u.text.startswith(start))

    src, tgt = forward.source_units, forward.target_units
    expected = [
        ((at(src, "Prie l’Office des Nations Unies contre la drogue et le crime de fournir"),),
         (at(tgt, "Requests the United Nations Office on Drugs and Crime to provide"),)),
        ((at(src, "Prie également l’Office"),), (at(tgt, "Also requests the United Nations Office"),)),
        ((at(src, "Invite le Groupe de travail"),), (at(tgt, "Invites the Working Group"),)),
        ((), (at(tgt, "Encourages academics and researchers"),)),
        ((at(src, "Invite les États Membres à échanger"),), ()),
    ]
    for pair in expected:
        assert pair in pairs, pair
    assert not [p for p in forward.pairs if len(p.source) > 1 and len(p.target) > 1]
    assert {(p.target, p.source) for p in backward.pairs} == pairs
