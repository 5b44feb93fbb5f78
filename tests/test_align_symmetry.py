"""The aligner gives the same answer whichever document is called the source: the length cost is
symmetric in its two sides (lengths compared in one unit halfway between the scripts), the ratio
and the lexicon are the inverse ones when the sides are swapped, so the alignment is transposed."""

from hypothesis import given, settings
from hypothesis import strategies as st
from test_align_quality import DEV, needs_dev, pieces
from test_align_quality import _scorer as load_scorer

from compare.languages import beads
from compare.languages import features as feat
from compare.languages.documents import align_lines
from compare.languages.scorer import GALE_CHURCH_VARIANCE, Scorer
from compare.languages.units import AlignOptions, _anchor_ratio
from compare.progress import run

lengths = st.integers(min_value=0, max_value=2000)
ratios = st.floats(min_value=0.2, max_value=5.0)


@given(lengths, lengths, ratios, st.floats(min_value=0.5, max_value=40.0))
def test_length_cost_is_symmetric(ls, lt, ratio, variance):
    """Swapping the lengths and inverting the ratio leaves the Gale-Church cost unchanged."""
    forward = beads.gale_church(ls, lt, ratio, variance)
    assert abs(forward - beads.gale_church(lt, ls, 1.0 / ratio, variance)) < 1e-9 * max(1.0, forward)


def test_length_cost_of_a_chinese_pair_is_not_dearer_than_two_skips():
    """A Chinese sentence of 30 characters and its English translation of 111 (ratio 3.7) cost
    about as much in either direction, and little: a 1-1 pair stays cheaper than two skips."""
    zh_en = beads.gale_church(30, 111, 3.7, GALE_CHURCH_VARIANCE)
    en_zh = beads.gale_church(111, 30, 1 / 3.7, GALE_CHURCH_VARIANCE)
    assert abs(zh_en - en_zh) < 1e-9
    assert zh_en < 1.0 < 2 * AlignOptions().skip_cost


words = st.text(alphabet="abcdefghij 0123456789.", min_size=1, max_size=60)


@settings(max_examples=40, deadline=None)
@given(st.lists(words, min_size=1, max_size=6), st.lists(words, min_size=1, max_size=6))
def test_bead_cost_is_symmetric(source, target):
    """Every bead costs the same as its transpose when the two documents change sides."""
    opts = AlignOptions()
    src_tok = [feat.tokenise(t, feat.idf(source)) for t in source]
    tgt_tok = [feat.tokenise(t, feat.idf(target)) for t in target]
    n, m = len(source), len(target)
    forward = Scorer(source, target, src_tok, tgt_tok, opts, beads.full_band(n, m))
    backward = Scorer(target, source, tgt_tok, src_tok, opts, beads.full_band(m, n))
    assert abs(forward.variance - backward.variance) < 1e-9
    for a, b in opts.shapes:
        for i in range(n - a + 1):
            for j in range(m - b + 1):
                one, other = forward.cost(i, a, j, b), backward.cost(j, b, i, a)
                assert abs(one - other) < 1e-6 * max(1.0, abs(one)), (i, a, j, b)


def test_anchor_ratio_inverts_when_the_sides_swap():
    """The first pass's length ratio, measured between anchors, is the inverse one with the sides swapped."""
    source = ["a" * k for k in (10, 40, 25, 70, 15, 33)]
    target = ["b" * k for k in (31, 90, 70, 140, 52, 80)]
    points = [(1, 1), (2, 2), (3, 3), (4, 4)]
    forward = _anchor_ratio(points, source, target)
    backward = _anchor_ratio([(j, i) for i, j in points], target, source)
    assert forward is not None and backward is not None
    assert abs(forward * backward - 1.0) < 1e-9


@needs_dev
def test_swapping_the_documents_transposes_the_alignment():
    """Pieces of the development set aligned French against German give the German-French beads transposed."""
    src, tgt = DEV / "dev.de", DEV / "dev.fr"
    lines_de = src.read_text(encoding="utf-8").splitlines()
    lines_fr = tgt.read_text(encoding="utf-8").splitlines()
    gold = load_scorer().read_alignments(str(DEV / "dev.defr"))
    for de, fr, _ in pieces(lines_de, lines_fr, gold, 100)[:3]:
        forward = {(p.source, p.target) for p in run(align_lines(de, fr)).pairs}
        backward = {(p.target, p.source) for p in run(align_lines(fr, de)).pairs}
        assert forward == backward
