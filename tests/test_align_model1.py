"""IBM Model 1 learned from the pair itself (compare.languages.model1) and the length ratio measured on
the paired units of a pass (compare.languages.units)."""

import pytest
from conftest import SHARED

from compare.languages import model1 as align_model1
from compare.languages import units as align_units
from compare.languages.documents import align_lines, read_lines
from compare.progress import run

DEV = SHARED / "data" / "align-dev-de-fr"
needs_dev = pytest.mark.skipif(not (DEV / "dev.defr").exists(), reason="shared development set not present")

# A tiny parallel text: "haus" is always with "maison", "das"/"la" are everywhere.
TINY = [(s.split(), t.split()) for s, t in (
    ("das haus ist gross", "la maison est grande"),
    ("das haus ist alt", "la maison est vieille"),
    ("das auto ist alt", "la voiture est vieille"),
    ("das auto ist gross", "la voiture est grande"),
    ("das haus", "la maison"),
    ("das auto", "la voiture"),
)]


def test_model1_learns_word_pairs_from_a_tiny_parallel_text():
    """Model 1 in both directions pairs haus/maison and auto/voiture, and not haus with la."""
    lexicon = align_model1.lexicon(TINY)
    assert "maison" in lexicon["haus"]
    assert "voiture" in lexicon["auto"]
    assert "est" in lexicon["ist"]
    assert "la" not in lexicon["haus"] and "maison" not in lexicon.get("das", frozenset())


def test_model1_explains_away_frequent_words():
    """EM gives 'la' to 'das' (they are in every pair) rather than to the content words beside it."""
    lexicon = align_model1.lexicon(TINY)
    assert lexicon["das"] == frozenset({"la"})


def test_model1_needs_more_than_one_pair():
    """A pair of words seen together once is not taken as a translation."""
    assert align_model1.lexicon([(["berg"], ["montagne"])]) == {}
    assert align_model1.lexicon([]) == {}


def test_path_ratio_ignores_units_left_alone():
    """The length ratio of a pass counts the units of paired beads only, not a block one side lacks."""
    from compare.languages.beads import Bead

    source = ["a" * 10, "b" * 20]
    target = ["x" * 12, "y" * 24, "caption " * 40]
    path = [Bead(0, 1, 0, 1, 0.0), Bead(1, 1, 1, 1, 0.0), Bead(2, 0, 2, 1, 0.0)]
    assert align_units._path_ratio(path, source, target) == pytest.approx(1.2)


def test_anchor_ratio_ignores_a_block_between_two_anchors():
    """The first pass's length ratio is the weighted median of the stretches between anchors: a block of captions in one stretch leaves it at the others' ratio."""
    source = ["a" * 100] * 8
    target = ["b" * 110] * 8
    target[4:4] = ["caption " * 5] * 10  # ten lines the source lacks, between anchors 3 and 5
    points = [(0, 0), (1, 1), (2, 2), (3, 3), (5, 15), (6, 16), (7, 17)]
    assert align_units._anchor_ratio(points, source, target) == pytest.approx(1.1)
    assert align_units._anchor_ratio(points[:1], source, target) is None


@needs_dev
def test_extra_block_on_one_side_does_not_skew_lengths():
    """A 50-bead piece whose French side has 33 extra caption lines still pairs sentences 3 and 4 one to one."""
    src, tgt = read_lines(str(DEV / "dev.de"))[:16], read_lines(str(DEV / "dev.fr"))[:54]
    pairs = {(p.source, p.target) for p in run(align_lines(src, tgt)).pairs}
    assert ((3,), (3,)) in pairs and ((4,), (4,)) in pairs


def test_one_sentence_against_five_lines():
    """A German sentence listing five dated works aligns with the five French lines that list them (a 1-5 bead)."""
    src = ["Seit 1950 arbeiteten viele Forscher in diesem Gebiet des Landes .",
           "1951 Lombard über Gesteine , 1952 Pugh über Atmung , 1953 Heuberger über Täler , "
           "1954 Schneider über Karten , 1955 Durst über Wetter und Klima .",
           "Ihre Berichte sind in Bern erschienen ."]
    tgt = ["Depuis 1950 , de nombreux chercheurs ont travaillé dans cette région du pays .",
           "1951 , Lombard sur les roches ;", "1952 , Pugh sur la respiration ;", "1953 , Heuberger sur les vallées ;",
           "1954 , Schneider sur les cartes ;", "1955 , Durst sur le temps et le climat .",
           "Leurs rapports ont paru à Berne ."]
    pairs = [(p.source, p.target) for p in run(align_lines(src, tgt, source_language="de", target_language="fr")).pairs]
    assert pairs == [((0,), (0,)), ((1,), (1, 2, 3, 4, 5)), ((2,), (6,))]




def _gold():
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_alignment", SHARED / "tools" / "score_alignment.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return scorer.read_alignments(str(DEV / "dev.defr"))


def _piece_pairs(gold, start: int, count: int) -> tuple[int, int, set]:
    """Align the lines of gold beads start .. start + count - 1 alone (as a short document);
    returns the first source and target line and the beads in whole-file numbering."""
    src, tgt = read_lines(str(DEV / "dev.de")), read_lines(str(DEV / "dev.fr"))
    part = gold[start:start + count]
    s0 = min(i for a, _ in part for i in a)
    t0 = min(j for _, b in part for j in b)
    s1 = max(i for a, _ in part for i in a) + 1
    t1 = max(j for _, b in part for j in b) + 1
    pairs = run(align_lines(src[s0:s1], tgt[t0:t1])).pairs
    return s0, t0, {(tuple(i + s0 for i in p.source), tuple(j + t0 for j in p.target)) for p in pairs}


@needs_dev
def test_unit_ending_open_joins_the_next_in_a_bead():
    """In a 40-bead piece, "... cirrus :" and "il faut se hâter ." (nothing to match in German) share the bead of their one German sentence."""
    gold = _gold()
    src, tgt = read_lines(str(DEV / "dev.de")), read_lines(str(DEV / "dev.fr"))
    de = next(i for i, line in enumerate(src) if line.startswith("Der 12. Juli - es wird hell"))
    fr = next(j for j, line in enumerate(tgt) if line.startswith("il faut se hâter"))
    assert ((de,), (fr - 1, fr)) in gold
    start = next(k for k, (a, _) in enumerate(gold) if a and a[0] == de - 36)  # the piece the bead sits in
    assert ((de,), (fr - 1, fr)) in _piece_pairs(gold, start, 40)[2]


@needs_dev
def test_few_similar_pairs_do_not_set_the_length_variance():
    """In a 130-bead piece whose only near-identical pairs are name lists, three plain 1-1 sentence pairs stay 1-1 (not one 3-3 bead)."""
    gold = _gold()
    s0, t0, pairs = _piece_pairs(gold, 130, 130)
    for k in (7, 8, 9):
        assert ((s0 + k,), (t0 + k - 2,)) in gold and ((s0 + k,), (t0 + k - 2,)) in pairs
