"""`accord history`: each paragraph's lineage across versions, from the pairwise comparisons."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from compare.history.lineage import History, iter_history
from compare.model import ChangeKind
from compare.progress import run
from desktop.cli import main
from parsers.api import parse_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DECLARATIONS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "declarations"
COORDINATION = ("A_RES_72_195-EN.txt", "A_RES_74_176-EN.txt", "A_RES_76_186-EN.txt", "A_RES_78_228-EN.pdf",
                "A_RES_80_228-EN.pdf")


@cache
def _coordination() -> History:
    docs = [parse_file(str(DECLARATIONS / name)) for name in COORDINATION]
    return run(iter_history(docs, use_cache=False))


def _l2(*names: str) -> History:
    return run(iter_history([parse_file(str(FIXTURES / n)) for n in names], use_cache=False))


def _check_invariants(history: History) -> None:
    """Every body block of every version is in exactly one lineage (footnotes too, when the
    comparisons compare them); steps agree with the cells."""
    for k, doc in enumerate(history.versions):
        placed = [b.index for lin in history.lineages for b in lin.cells[k]]
        body = {b.index for b in doc.body()}
        notes = set(range(len(doc.blocks), len(doc.blocks) + len(doc.footnotes)))  # footnotes, when compared
        assert len(placed) == len(set(placed)), f"version {k}: a block in two lineages"
        assert body <= set(placed) <= body | notes, f"version {k}: blocks missing"
    for lin in history.lineages:
        for k, step in enumerate(lin.steps):
            before, after = bool(lin.cells[k]), bool(lin.cells[k + 1])
            if not before and not after:
                assert step is None
            elif not before:
                assert step is not None and step.kind is ChangeKind.ADDED
            elif not after:
                # removed, or merged into another lineage's paragraph
                assert step is not None and step.kind is not ChangeKind.ADDED
            else:
                assert step is not None and step.kind not in (ChangeKind.ADDED, ChangeKind.REMOVED)


def test_three_versions_follow_a_paragraph_strengthened_then_weakened_and_one_removed_then_new():
    """L.2 -> Rev.1 -> L.2 again: OP5 is strengthened then weakened; old OP7, removed in Rev.1,
    comes back as a new lineage; the added paragraph is added then removed."""
    history = _l2("l2-en.docx", "l2-en-rev1.docx", "l2-en.docx")
    _check_invariants(history)
    op5 = next(lin for lin in history.lineages if lin.cells[0] and lin.cells[0][0].label == "OP5")
    assert [s.commitment for s in op5.steps if s] == ["strengthened", "weakened"]
    added = next(lin for lin in history.lineages if not lin.cells[0] and lin.cells[1])
    assert [str(s.kind) for s in added.steps if s] == ["added", "removed"]
    assert added.cells[1][0].label == "OP10"
    op7 = [lin for lin in history.lineages if any(c and c[0].text.startswith("Encourages academics") for c in lin.cells)]
    assert [[bool(c) for c in lin.cells] for lin in op7] == [[True, False, False], [False, False, True]]


def test_lineages_keep_the_order_of_the_latest_version_with_removed_ones_where_they_stood():
    """Rows follow Rev.1's order; the removed old OP7 sits right after old OP6, where it stood."""
    history = _l2("l2-en.docx", "l2-en-rev1.docx")
    labels = [(lin.cells[0][0].label if lin.cells[0] else None, lin.cells[1][0].label if lin.cells[1] else None)
              for lin in history.lineages if any(c and c[0].kind == "operative" for c in lin.cells)]
    assert labels[:3] == [("OP1", "OP1"), ("OP4", "OP2"), ("OP2", "OP3")]
    assert labels[labels.index(("OP6", "OP6")) + 1] == ("OP7", None)


@pytest.mark.skipif(not DECLARATIONS.is_dir(), reason="shared corpus not present")
def test_the_five_coordination_resolutions_give_a_lineage_for_every_paragraph():
    """72/195 -> 74/176 -> 76/186 -> 78/228 -> 80/228: nothing dropped, PP1 unchanged throughout."""
    history = _coordination()
    _check_invariants(history)
    pp1 = next(lin for lin in history.lineages if lin.cells[0] and lin.cells[0][0].label == "PP1")
    assert [c[0].label for c in pp1.cells] == ["PP1"] * 5
    assert all(s is not None and s.kind is ChangeKind.UNCHANGED for s in pp1.steps)


@pytest.mark.skipif(not DECLARATIONS.is_dir(), reason="shared corpus not present")
def test_the_solidarity_paragraph_is_followed_through_renumbering_and_its_hedge_changes():
    """'Expresses solidarity with … victims': OP6 in 2017, OP7, then OP8; 'where appropriate' added
    in 74/176 (weakened), its hedges changed again in 78/228 (a commitment verdict, whichever the
    lexicon reads)."""
    history = _coordination()
    lin = next(lin for lin in history.lineages
               if any(c and c[0].text.startswith("Expresses solidarity with and compassion") for c in lin.cells))
    assert [c[0].label if c else None for c in lin.cells] == ["OP6", "OP7", "OP8", "OP8", "OP8"]
    first, _second, third = lin.steps[0], lin.steps[1], lin.steps[2]
    assert first is not None and first.commitment == "weakened"
    assert any("where appropriate" in r for r in first.reasons)
    assert third is not None and third.kind is ChangeKind.MODIFIED and third.commitment is not None
    assert any("hedge" in r for r in third.reasons)


def test_cli_history_json_has_versions_steps_and_lineages(tmp_path):
    """JSON: versions, per-step counts with a summary line, and lineages with a cell per version."""
    out = tmp_path / "h.json"
    code = main(["history", str(FIXTURES / "l2-en.docx"), str(FIXTURES / "l2-en-rev1.docx"),
                 "--format", "json", "-o", str(out)])
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [v["symbol"] for v in data["versions"]] == ["E/CN.15/2018/L.2", "E/CN.15/2018/L.2/Rev.1"]
    assert data["steps"][0]["summary"]["new"] == 1 and "carried over" in data["steps"][0]["summary_line"]
    assert all(len(lin["cells"]) == 2 and len(lin["steps"]) == 1 for lin in data["lineages"])
    op5 = next(lin for lin in data["lineages"] if lin["label"] == "OP5")
    assert op5["steps"][0]["commitment"] == "strengthened"


def test_cli_history_html_and_text(tmp_path, capsys):
    """HTML: one column per version; text: the changed lineages with what happened in which version."""
    out = tmp_path / "h.html"
    assert main(["history", str(FIXTURES / "l2-en.docx"), str(FIXTURES / "l2-en-rev1.docx"),
                 "--format", "html", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.count("<th>") == 2 and "E/CN.15/2018/L.2/Rev.1" in page
    assert main(["history", str(FIXTURES / "l2-en.docx"), str(FIXTURES / "l2-en-rev1.docx")]) == 0
    text = capsys.readouterr().out
    assert "strengthened in E/CN.15/2018/L.2/Rev.1" not in text
    assert "modified in E/CN.15/2018/L.2/Rev.1 ▲ strengthened" in text


def test_cli_history_needs_two_versions(capsys):
    """One version: status 2 and one line."""
    assert main(["history", str(FIXTURES / "l2-en.docx")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.skipif(not DECLARATIONS.is_dir(), reason="shared corpus not present")
def test_two_declarations_years_apart_pair_only_related_paragraphs():
    """2017 (A/RES/72/1, a text extraction gluing numbered paragraphs) against 2025 (A/RES/80/9):
    paragraphs related by text alone, one to one; the ones kept word for word pair at 100, and
    the counts add up on both sides."""
    from compare.history.related import paragraphs, relate

    old = parse_file(str(DECLARATIONS / "A_RES_72_1-EN.txt"))
    new = parse_file(str(DECLARATIONS / "A_RES_80_9-EN.pdf"))
    relation = relate(old, new)
    assert len(relation.pairs) + len(relation.new) == len(paragraphs(new))
    assert len(relation.pairs) + len(relation.dropped) == len(paragraphs(old))
    # (the text reader now sets the page furniture and footnotes of the .txt aside: fewer stray
    # lines are left to be "dropped" than the 10 this test first counted)
    assert 18 <= len(relation.pairs) <= 35 and len(relation.new) >= 15 and len(relation.dropped) >= 5
    central = next(s for o, n, s in relation.pairs if n.text.startswith("We reaffirm the central role of the work"))
    assert central == 100
    # glued paragraphs were split: no old paragraph holds two numbered paragraphs
    assert not any(" 2. We recall" in p.text for p in paragraphs(old))


def test_a_revision_related_by_text_alone_matches_its_comparison():
    """L.2 -> Rev.1 by text alone: one new paragraph, the removed PP5 and OP7 dropped."""
    from compare.history.related import relate

    relation = relate(parse_file(str(FIXTURES / "l2-en.docx")), parse_file(str(FIXTURES / "l2-en-rev1.docx")))
    assert [p.label for p in relation.new] == ["OP10"]
    assert sorted(p.label or "" for p in relation.dropped) == ["OP7", "PP5"]


def test_a_history_through_two_languages_pairs_the_versions_across_them():
    """English L.2 -> French Rev.1: the step is compared across the languages (no word ops), and
    OP5's lineage is strengthened (Encourages -> Prie instamment)."""
    history = _l2("l2-en.docx", "l2-fr-rev1.docx")
    _check_invariants(history)
    assert all(ch.ops == () for ch in history.comparisons[0].changes)
    op5 = next(lin for lin in history.lineages if lin.cells[0] and lin.cells[0][0].label == "OP5")
    assert op5.steps[0] is not None and op5.steps[0].commitment == "strengthened"
