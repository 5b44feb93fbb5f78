"""Sentence alignment of pre-split input: quality on the gold development set, bead shapes on
small constructed examples, the ladder format and the command line."""

import importlib.util
import subprocess
import sys

import pytest
from conftest import ROOT, SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.languages import beads
from compare.languages import export as align_export
from compare.languages.documents import align_lines, read_lines, realign
from compare.progress import Progress, run
from parsers.errors import ParseError

DEV = SHARED / "data" / "align-dev-de-fr"
SCORER = SHARED / "tools" / "score_alignment.py"
# Strict F1 measured on the whole development file: 0.927 (lax 0.988) with the Model 1 lexicon,
# beads up to 1-5, the open-end discount and the length ratio measured on paired units (0.906 /
# 0.988 before them, 0.896 / 0.978 before the seed lexicon and the split refinement). The
# threshold leaves 0.027 for harmless changes in tie-breaking (settings that differ only in
# noise move it by about 0.01); a real regression (no lexicon: 0.77) trips it.
DEV_STRICT_F1 = 0.90
DEV_LAX_F1 = 0.975

needs_dev = pytest.mark.skipif(not (DEV / "dev.defr").exists(), reason="shared development set not present")


def _scorer():
    spec = importlib.util.spec_from_file_location("score_alignment", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _align(src, tgt):
    return run(align_lines(src, tgt))


@needs_dev
def test_dev_set_f1(tmp_path):
    """The German-French development set aligns at strict F1 >= 0.90 (lax 0.975) through the ladder file."""
    alignment = _align(read_lines(str(DEV / "dev.de")), read_lines(str(DEV / "dev.fr")))
    out = tmp_path / "dev.ladder"
    out.write_text(align_export.render_ladder(alignment), encoding="utf-8")
    scorer = _scorer()
    result = scorer.score([scorer.read_alignments(str(DEV / "dev.defr"))], [scorer.read_alignments(str(out))])
    assert result["f1_strict"] >= DEV_STRICT_F1, result
    assert result["f1_lax"] >= DEV_LAX_F1, result


@needs_dev
def test_cli_ladder_is_read_by_the_scorer(tmp_path):
    """`accord align --lines --format ladder` writes a file the shared scorer reads, covering every line once."""
    out = tmp_path / "out.defr"
    subprocess.run([sys.executable, "-m", "desktop", "align", str(DEV / "dev.de"), str(DEV / "dev.fr"),
                    "--level", "sentence", "--lines", "--format", "ladder", "-o", str(out)],
                   cwd=ROOT, check=True, timeout=120)
    pairs = _scorer().read_alignments(str(out))
    src = sorted(i for s, _ in pairs for i in s)
    tgt = sorted(j for _, t in pairs for j in t)
    assert src == list(range(len(read_lines(str(DEV / "dev.de")))))
    assert tgt == list(range(len(read_lines(str(DEV / "dev.fr")))))


SRC = [
    "The Assembly met in Geneva on 12 May 2018.",
    "It adopted resolution 72/1 without a vote.",
    "The report covers 15 countries and 240 projects in detail.",
    "Funding rose to 3,500 million dollars in 2019.",
    "The secretariat will report again in 2021.",
]
TGT_FR = [
    "L'Assemblée s'est réunie à Genève le 12 mai 2018.",
    "Elle a adopté la résolution 72/1 sans vote.",
    "Le rapport couvre 15 pays.",
    "Il décrit en détail 240 projets.",
    "Le financement a atteint 3 500 millions de dollars en 2019.",
    "Le secrétariat fera de nouveau rapport en 2021.",
]


def test_one_to_two_bead():
    """A sentence translated as two sentences forms a 1-2 bead; the rest stay 1-1."""
    pairs = [(p.source, p.target) for p in _align(SRC, TGT_FR).pairs]
    assert pairs == [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), (4,)), ((4,), (5,))]


def test_two_to_one_bead():
    """Two sentences translated as one form a 2-1 bead."""
    pairs = [(p.source, p.target) for p in _align(TGT_FR, SRC).pairs]
    assert ((2, 3), (2,)) in pairs
    assert ((0,), (0,)) in pairs and ((5,), (4,)) in pairs


def test_zero_to_one_bead():
    """A target sentence with no source (an added caption) stays alone in a 0-1 bead."""
    tgt = TGT_FR[:2] + ["Photo : Nations Unies / J. Dupont, 2017."] + TGT_FR[2:]
    alignment = _align(SRC, tgt)
    pairs = [(p.source, p.target) for p in alignment.pairs]
    assert ((), (2,)) in pairs
    assert ((1,), (1,)) in pairs and ((2,), (3, 4)) in pairs
    unmatched = [p for p in alignment.pairs if p.target == (2,)][0]
    assert [f.kind for f in unmatched.flags] == ["unmatched"]


def test_dp_shapes_on_costs():
    """The bead programme finds the cheapest path, using 2-1 and 0-1 beads when they are cheap."""
    wanted = {(0, 2, 0, 1), (2, 0, 1, 1), (2, 1, 2, 1)}

    def cost(i0, a, j0, b, budget=float("inf")):
        return 0.0 if (i0, a, j0, b) in wanted else 10.0

    path = beads.align(3, 3, cost, beads.BASIC_SHAPES, beads.full_band(3, 3))
    assert [(bd.source, bd.target) for bd in path] == [((0, 1), (0,)), ((), (1,)), ((2,), (2,))]


def test_progress_and_empty_sides():
    """Alignment yields Progress; an empty side gives only unmatched units."""
    gen = align_lines(SRC, TGT_FR)
    assert isinstance(next(gen), Progress)
    alignment = run(align_lines(SRC, []))
    assert [(p.source, p.target) for p in alignment.pairs] == [((i,), ()) for i in range(5)]


def test_realign_keeps_pins():
    """A pinned pair survives re-alignment unchanged and marked pinned; the rest is realigned around it."""
    alignment = _align(SRC, TGT_FR)
    pinned = ((0, 1), (0, 1))  # the user merged the first two rows
    again = realign(alignment, [pinned])
    pairs = [(p.source, p.target) for p in again.pairs]
    assert pairs == [pinned, ((2,), (2, 3)), ((3,), (4,)), ((4,), (5,))]
    assert [p.pinned for p in again.pairs] == [True, False, False, False]
    gap = realign(alignment, [((), (3,))])  # "240 projets" declared untranslated
    assert ((), (3,)) in [(p.source, p.target) for p in gap.pairs]
    assert sorted(j for p in gap.pairs for j in p.target) == list(range(len(TGT_FR)))
    with pytest.raises(ValueError):
        realign(alignment, [((3,), (1,)), ((1,), (3,))])


def test_read_lines(tmp_path):
    """Lines are units (empty lines kept so indexes are line numbers); non-UTF-8 is a ParseError naming the file."""
    f = tmp_path / "a.txt"
    f.write_bytes(b"\xef\xbb\xbfone\r\n\ntwo\n")
    assert read_lines(str(f)) == ["one", "", "two"]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9\n")
    with pytest.raises(ParseError) as err:
        read_lines(str(bad))
    assert "bad.txt" in str(err.value)

_TEXTS = st.lists(st.text(alphabet="ab 12.,?Éé\t", max_size=30), max_size=12)


@settings(max_examples=60, deadline=None)
@given(_TEXTS, _TEXTS)
def test_every_unit_once_in_order(src, tgt):
    """Whatever the input, every unit of each side is in exactly one pair, in increasing order."""
    pairs = _align(src, tgt).pairs
    assert [i for p in pairs for i in p.source] == list(range(len(src)))
    assert [j for p in pairs for j in p.target] == list(range(len(tgt)))
    assert all(p.source or p.target for p in pairs)


def test_read_lines_refuses_what_every_reader_refuses(tmp_path):
    """A folder, a pipe (which would block), a missing or an empty file: the same one-line errors
    as when parsing a document (parsers.sniff.read_file), never a hang."""
    import os

    from parsers.errors import ErrorCode
    from parsers.sniff import sniff

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    for path, code in ((tmp_path, ErrorCode.UNSUPPORTED), (fifo, ErrorCode.UNSUPPORTED),
                       (tmp_path / "missing.txt", ErrorCode.NOT_FOUND), (empty, ErrorCode.EMPTY)):
        with pytest.raises(ParseError) as lines_error:
            read_lines(str(path))
        with pytest.raises(ParseError) as sniff_error:
            sniff(str(path))
        assert lines_error.value.code is code
        assert str(lines_error.value) == str(sniff_error.value)
