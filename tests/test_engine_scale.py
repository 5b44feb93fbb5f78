"""The versions engine scores candidate pairs, not all pairs (issue 17): two unrelated
5,000-paragraph documents took 77 s, 42 of them in an all-pairs `cdist`. These tests are
structural (how many pairs are scored, and that the candidates miss no pair the engine would
use), never timed: speed is measured by benchmarks/long_inputs.py, recall on real revisions by
benchmarks/candidates_recall.py."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import rapidfuzz.fuzz

from compare.text.normalize import key_text
from compare.versions import engine
from compare.versions.candidates import candidate_pairs, shingles, similar_pairs, trigrams
from parsers.api import parse_file

DECLARATIONS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "declarations"


def _vocabulary(seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(3000)]


def _document(paragraphs: int, seed: int) -> list[str]:
    """Paragraphs of 10-40 random words from a 3,000-word vocabulary: every word recurs in dozens
    of paragraphs, the hard case for word blocking."""
    rng, words = random.Random(seed), _vocabulary(seed)
    return [" ".join(rng.choice(words) for _ in range(rng.randint(10, 40))) + "." for _ in range(paragraphs)]


def _count_ratio_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    real = rapidfuzz.fuzz.ratio

    def counting(*args: object, **kwargs: object) -> float:
        calls[0] += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    real_cdist = engine.process.cdist

    def counting_cdist(rows: list[str], cols: list[str], **kwargs: object) -> object:
        calls[0] += len(rows) * len(cols)
        return real_cdist(rows, cols, **kwargs)

    monkeypatch.setattr(rapidfuzz.fuzz, "ratio", counting)
    monkeypatch.setattr(engine.process, "cdist", counting_cdist)
    return calls


def test_unrelated_documents_are_scored_on_a_number_of_pairs_linear_in_their_length(monkeypatch):
    """Two unrelated documents of 1,000 and then 2,000 paragraphs a side: the engine calls
    fuzz.ratio (one by one or in cdist matrices) fewer than 150 times per paragraph (all pairs
    would be 1,000 and 2,000 times), and doubling the documents about doubles the calls. Short
    lines are scored all against all up to SHORT_CELLS pairs (a constant): turned off here, to
    see the path every larger input takes."""
    from compare.versions import candidates

    monkeypatch.setattr(candidates, "SHORT_CELLS", 0)
    calls = _count_ratio_calls(monkeypatch)
    counts = []
    for n in (1000, 2000):
        calls[0] = 0
        beads = engine.align_keys(_document(n, 2), _document(n, 3))
        assert sum(len(b.olds) for b in beads) == n and sum(len(b.news) for b in beads) == n
        assert not any(b.olds and b.news for b in beads)  # nothing unrelated is paired
        counts.append(calls[0])
        assert calls[0] < 150 * n
    assert counts[1] < 2.5 * counts[0]


def test_a_shuffled_and_edited_document_finds_its_moves_and_anchors_through_candidates(monkeypatch):
    """1,500 paragraphs, 60 of them moved and 300 lightly edited (a word replaced or a phrase
    inserted): the candidate path (LOOP_CELLS exceeded) gives exactly the beads of the
    all-pairs path (every matrix scored in full by the Python loop)."""
    rng = random.Random(5)
    old = _document(1500, 4)
    new = []
    for text in old:
        words = text.split()
        if rng.random() < 0.2:
            if rng.random() < 0.5:
                words[rng.randrange(len(words))] = "replaced"
            else:
                words.insert(rng.randrange(len(words)), "with a phrase inserted here")
        new.append(" ".join(words))
    for _ in range(60):
        new.insert(rng.randrange(len(new)), new.pop(rng.randrange(len(new))))
    fast = engine.align_keys(old, new)
    assert sum(b.moved for b in fast) >= 40
    monkeypatch.setattr(engine, "LOOP_CELLS", 10**9)
    assert engine.align_keys(old, new) == fast


@pytest.mark.skipif(not DECLARATIONS.is_dir(), reason="shared real corpus not present")
@pytest.mark.parametrize("old_name, new_name", [
    ("A_RES_72_195-EN.txt", "A_RES_74_176-EN.txt"),
    ("A_RES_74_176-EN.txt", "A_RES_76_186-EN.txt"),
    ("A_RES_72_195-EN.txt", "A_RES_76_186-EN.txt"),
    ("A_RES_72_1-EN.txt", "A_RES_76_7-EN.txt"),
])
@pytest.mark.parametrize("short_cells", [16_000_000, 0])
def test_candidates_find_every_similar_pair_of_real_revisions(monkeypatch, old_name, new_name, short_cells):
    """Real revisions of one resolution (two and four years apart) and of the declaration: every
    pair of paragraphs scoring at least 79.5 in the full matrix (a move or a near anchor) is a
    candidate, with the same score, and nothing else is returned; short lines scored in bulk or
    picked by their trigrams alike."""
    from compare.versions import candidates

    monkeypatch.setattr(candidates, "SHORT_CELLS", short_cells)
    old = [key_text(b.text) for b in parse_file(str(DECLARATIONS / old_name)).body()]
    new = [key_text(b.text) for b in parse_file(str(DECLARATIONS / new_name)).body()]
    full = {(r, c): s for r, row in enumerate(engine.ratios(old, new)) for c, s in enumerate(row)
            if rapidfuzz.fuzz.ratio(engine.bounded(old[r]), engine.bounded(new[c])) >= 79.5}
    assert len(full) > 20  # (24 for the two declarations since the .txt copies are read as printed pages)
    assert similar_pairs([engine.bounded(t) for t in old], [engine.bounded(t) for t in new], 79.5) == full


def test_prefix_filtering_keeps_pairs_sharing_the_overlap_and_drops_unrelated_ones():
    """Token sets sharing 30 % of the larger set always meet (whatever the order of the tokens);
    sets sharing nothing never do; an empty set meets every other."""
    rng = random.Random(1)
    pool = [f"t{k}" for k in range(400)]
    rows, cols, expected = [], [], set()
    for k in range(200):
        a = set(rng.sample(pool, 20))
        keep = set(rng.sample(sorted(a), 6))  # 6 of 20: 30 %
        b = keep | {f"u{k}-{j}" for j in range(14)}
        rows.append(frozenset(a))
        cols.append(frozenset(b))
        expected.add((k, k))
    found = candidate_pairs(rows, cols, 0.3)
    assert all(c in found.get(r, set()) for r, c in expected)
    assert candidate_pairs([frozenset({"a", "b"})], [frozenset({"c", "d"})], 0.3) == {}
    assert candidate_pairs([frozenset()], [frozenset({"c"}), frozenset({"d"})], 0.3) == {0: {0, 1}}


def test_tokens_are_shingles_for_paragraphs_and_trigrams_for_short_lines():
    """Shingles are casefolded word pairs (each Han character a word); trigrams are padded."""
    assert shingles("Decides to Remain seized") == {"decides to", "to remain", "remain seized"}
    assert shingles("决定继续") == {"决 定", "定 继", "继 续"}
    assert shingles("Français") == {"français"}
    assert trigrams("Ab") == {" ab", "ab "}


def test_a_long_paragraph_is_redlined_piece_by_piece_not_character_by_character(monkeypatch):
    """A 60 kB paragraph in three runs with words inserted and deleted: the writer makes one w:t per
    piece of text of one kind (a few dozen), not one per character (60,000, which took a minute
    at 500 kB), and accepting gives the new text, rejecting the old."""
    from lxml import etree
    from test_redline_paragraph import _edits, _paragraph, _revisions, _text
    from test_redline_tracking import resolve

    from compare.redline import paragraph

    rng, words = random.Random(3), _vocabulary(3)
    old_words = [rng.choice(words) for _ in range(10_000)]
    new_words = list(old_words)
    for k in range(20):
        new_words.insert(rng.randrange(len(new_words)), f"INSERTED{k}")
    for _ in range(10):
        del new_words[rng.randrange(len(new_words))]
    old, new = " ".join(old_words), " ".join(new_words)
    third = len(new) // 3
    body = _paragraph([(new[:third], False), (new[third:2 * third], True), (new[2 * third:], False)])
    made = [0]
    real_make = paragraph.make

    def counting(tag: str) -> etree._Element:
        made[0] += tag == "t"
        return real_make(tag)

    monkeypatch.setattr(paragraph, "make", counting)
    edits = _edits(old, new)
    paragraph.rewrite_paragraph(body[0], edits, (), _revisions(), {})
    assert made[0] <= len(edits) + 3
    assert _text(resolve(body, "accept")) == new
    assert _text(resolve(body, "reject")) == old


@pytest.mark.parametrize("seed", range(6))
def test_a_long_paragraph_is_mapped_onto_its_runs_by_windows_as_well_as_by_one_alignment(monkeypatch, seed):
    """A 30 kB paragraph whose runs differ from the reader's text by a label, doubled spaces and a
    few characters (the windowed path, forced): every mapped character is the same character,
    the map increases, and it maps as many characters as one whole Indel alignment does (the
    whole alignment of a 200 kB paragraph took 5.6 GB)."""
    from compare.redline import paragraph

    rng = random.Random(seed)
    words = _vocabulary(seed)
    text = " ".join(rng.choice(words) for _ in range(5000))
    stream = list("12.\t" + text)
    for _ in range(15):
        at = rng.randrange(len(stream))
        if rng.random() < 0.5:
            stream.insert(at, rng.choice(" x\t"))
        else:
            del stream[at]
    joined = "".join(stream)
    whole = paragraph._char_map(joined, text)
    monkeypatch.setattr(paragraph, "CHAR_MAP_CELLS", 0)
    windows = paragraph._char_map(joined, text)
    mapped = [(s, t) for s, t in enumerate(windows) if t >= 0]
    assert all(joined[s] == text[t] for s, t in mapped)
    assert all(t1 < t2 for (_s1, t1), (_s2, t2) in zip(mapped, mapped[1:], strict=False))
    assert len(mapped) == sum(t >= 0 for t in whole)


def test_a_wide_gap_scores_a_bounded_band(monkeypatch):
    """Unrelated documents of 500 and 2,000 paragraphs (one gap, skew 1,500): the band of the
    dynamic programme is narrowed to about GAP_CELLS cells (the full skew would score 1.5
    million), every block still comes out once, and a gap of three against 300 keeps its full
    band (each of the three pairs with its copy, far from the diagonal)."""
    calls = _count_ratio_calls(monkeypatch)
    beads = engine.align_keys(_document(500, 2), _document(2000, 3))
    assert sorted(p for b in beads for p in b.olds) == list(range(500))
    assert sorted(q for b in beads for q in b.news) == list(range(2000))
    assert calls[0] < 2 * engine.GAP_CELLS + 150 * 2500  # the band is scored by blocks of rows: up to twice
    old = ["Alpha paragraph about the budget of the Office.", "Beta paragraph about the staff of the Office.",
           "Gamma paragraph about the premises of the Office."]
    new = [t.replace("Office", "Offices") for t in old] + _document(300, 5)
    beads = engine.align_keys(old, new)
    assert [(b.olds, b.news) for b in beads[:3]] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
