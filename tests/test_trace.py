"""`accord trace`: each paragraph of a draft marked agreed, adapted or new against base documents,
through an on-disk paragraph index that is built once and updated when files change."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from compare.history.index import ParagraphIndex, expand_bases
from compare.history.model import TraceStatus
from compare.history.trace import trace_document
from desktop.cli import main
from parsers.api import parse_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MANIFEST = json.loads((FIXTURES / "l2-rev1-changes.json").read_text(encoding="utf-8"))


def _parse(path: str):
    return parse_file(path)


def _expected_operatives(lang: str) -> dict[str, tuple[str, str | None, str | None]]:
    """New operative number -> (status, source label, commitment), from the Rev.1 manifest."""
    pair = MANIFEST["pairs"][lang]
    modified = {c["old_number"]: c["commitment"] for c in pair["changes"]
                if c["kind"] == "modified" and c["block"] == "operative"}
    out: dict[str, tuple[str, str | None, str | None]] = {}
    for old, new in pair["operative_map"]:
        if new is None:
            continue
        status = "adapted" if old in modified else "agreed"
        out[new] = (status, f"OP{old}", modified.get(old))
    numbers = {n for _o, n in pair["operative_map"] if n}
    for added in (str(k) for k in range(1, 13)):
        if added not in numbers:
            out[added] = ("new", None, None)
    return out


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_revision_traced_against_its_original_gives_each_operative_its_status_and_source(tmp_path, lang):
    """Rev.1 against L.2 (with an unrelated base beside it): every operative paragraph agreed with the
    old number it came from, the three edited ones adapted with their commitment, the added one new."""
    bases = [str(FIXTURES / f"l2-{lang}.docx"), str(FIXTURES / "footnotes.docx")]
    with ParagraphIndex(str(tmp_path / "index.sqlite")) as index:
        index.update(bases, _parse, workers=1)
        trace = trace_document(parse_file(str(FIXTURES / f"l2-{lang}-rev1.docx")), index, bases)
    got = {p.block.number: (str(p.status), p.source.label if p.source else None,
                            str(p.commitment) if p.commitment else None)
           for p in trace.paragraphs if p.block.kind == "operative"}
    assert got == _expected_operatives(lang)
    symbols = {p.source.symbol for p in trace.paragraphs if p.source}
    assert symbols == {"E/CN.15/2018/L.2"}


def test_an_adapted_paragraph_carries_the_word_edits_against_its_source(tmp_path):
    """The ops of an adapted paragraph rebuild the source text (equal + delete) and the draft text
    (equal + insert), and name the edit (Encourages -> Urges)."""
    bases = [str(FIXTURES / "l2-en.docx")]
    with ParagraphIndex(str(tmp_path / "index.sqlite")) as index:
        index.update(bases, _parse, workers=1)
        trace = trace_document(parse_file(str(FIXTURES / "l2-en-rev1.docx")), index, bases)
    p = next(p for p in trace.paragraphs if p.block.label == "OP5")
    assert p.status is TraceStatus.ADAPTED and p.source is not None
    assert "".join(op.text for op in p.ops if op.kind != "insert") == p.source.text
    assert "".join(op.text for op in p.ops if op.kind != "delete") == p.block.text
    assert [op.text for op in p.ops if op.kind == "delete"] == ["Encourages"]
    assert any("Urges" in r for r in p.reasons)


def test_with_one_base_the_paragraphs_the_draft_dropped_are_listed(tmp_path):
    """Read against its single original, Rev.1 dropped exactly preambular 5 and operative 7."""
    bases = [str(FIXTURES / "l2-en.docx")]
    with ParagraphIndex(str(tmp_path / "index.sqlite")) as index:
        index.update(bases, _parse, workers=1)
        trace = trace_document(parse_file(str(FIXTURES / "l2-en-rev1.docx")), index, bases)
    assert trace.single_base
    assert sorted(s.label for s in trace.unused if s.label) == ["OP7", "PP5"]


def test_the_index_parses_a_file_once_and_again_only_when_its_bytes_change(tmp_path):
    """Second update: nothing parsed; a touched file (same bytes) is not parsed; an edited one is;
    a deleted one leaves the index."""
    a, b = tmp_path / "a.docx", tmp_path / "b.txt"
    shutil.copy(FIXTURES / "l2-en.docx", a)
    b.write_text("Urges Member States to act on the matter without delay.\n", encoding="utf-8")
    parsed: list[str] = []

    def parse(path: str):
        parsed.append(Path(path).name)
        return parse_file(path)

    paths = [str(a), str(b)]
    with ParagraphIndex(str(tmp_path / "index.sqlite")) as index:
        first = index.update(paths, parse, workers=2)
        assert sorted(first.parsed) == sorted(paths) and sorted(parsed) == ["a.docx", "b.txt"]
        parsed.clear()
        assert index.update(paths, parse).parsed == () and parsed == []
        os.utime(a, ns=(1_000_000_000, 1_000_000_000))
        assert index.update(paths, parse).parsed == () and parsed == []
        b.write_text("Decides to remain seized of the matter.\n", encoding="utf-8")
        assert index.update(paths, parse).parsed == (str(b),) and parsed == ["b.txt"]
        ids = index.file_ids([str(b)])
        assert [r.block.text for r in index.paragraphs(ids[str(b)])] == ["Decides to remain seized of the matter."]
        b.unlink()
        index.update([str(a)], parse)
        assert index.file_ids([str(b)]) == {}


def test_the_index_survives_reopening(tmp_path):
    """The index is on disk: a second process (here a second connection) parses nothing."""
    bases = [str(FIXTURES / "l2-en.docx")]
    with ParagraphIndex(str(tmp_path / "index.sqlite")) as index:
        index.update(bases, _parse)
    with ParagraphIndex(str(tmp_path / "index.sqlite")) as index:
        assert index.update(bases, _parse).unchanged == tuple(bases)


def test_an_index_of_another_parser_version_is_rebuilt(tmp_path):
    """A version change empties the index, so every base is parsed again."""
    bases = [str(FIXTURES / "l2-en.docx")]
    with ParagraphIndex(str(tmp_path / "index.sqlite"), version="1") as index:
        index.update(bases, _parse)
    with ParagraphIndex(str(tmp_path / "index.sqlite"), version="2") as index:
        assert index.update(bases, _parse).parsed == tuple(bases)


def test_folders_give_their_documents_once_and_skip_hidden_files(tmp_path):
    """A folder contributes its PDF, Word and text files (subfolders too), not hidden or other files."""
    (tmp_path / "sub").mkdir()
    for name in ("a.pdf", "sub/b.DOCX", "c.txt", ".hidden.txt", "notes.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    got = [Path(p).relative_to(tmp_path).as_posix() for p in expand_bases([str(tmp_path), str(tmp_path / "c.txt")])]
    assert got == ["a.pdf", "c.txt", "sub/b.DOCX"]


def test_cli_trace_json_follows_the_contract(tmp_path, capsys):
    """JSON: draft, bases, and per paragraph status, source (path, symbol, label, text, similarity),
    ops, commitment and reasons; exit 0; a base that cannot be read is a warning, not a failure."""
    broken = tmp_path / "empty.txt"
    broken.write_text("", encoding="utf-8")
    out = tmp_path / "trace.json"
    code = main(["trace", str(FIXTURES / "l2-en-rev1.docx"), "--base", str(FIXTURES / "l2-en.docx"), str(broken),
                 "--format", "json", "-o", str(out), "--index", str(tmp_path / "i.sqlite")])
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["draft"]["symbol"] == "E/CN.15/2018/L.2/Rev.1"
    assert [b["symbol"] for b in data["bases"]] == ["E/CN.15/2018/L.2"]
    op5 = next(p for p in data["paragraphs"] if p["label"] == "OP5")
    assert set(op5) >= {"index", "kind", "number", "label", "text", "status", "source", "ops", "commitment", "reasons"}
    assert op5["status"] == "adapted" and op5["commitment"] == "strengthened"
    assert set(op5["source"]) >= {"path", "symbol", "label", "text", "similarity"}
    assert op5["source"]["label"] == "OP5"
    assert any("empty.txt" in w for w in data["warnings"])
    assert "empty.txt" in capsys.readouterr().err


def test_cli_trace_text_cites_symbol_and_label(tmp_path, capsys):
    """The terminal report says 'agreed: E/CN.15/2018/L.2 OP1' and the summary line."""
    code = main(["trace", str(FIXTURES / "l2-en-rev1.docx"), "--base", str(FIXTURES / "l2-en.docx"),
                 "--index", str(tmp_path / "i.sqlite")])
    out = capsys.readouterr().out
    assert code == 0
    assert "agreed: E/CN.15/2018/L.2 OP1" in out
    assert "carried over" in out and "new 1" in out


def test_cli_trace_missing_base_is_one_line_and_exit_2(tmp_path, capsys):
    """A base that does not exist: status 2, one line on stderr, nothing written."""
    out = tmp_path / "t.json"
    code = main(["trace", str(FIXTURES / "l2-en-rev1.docx"), "--base", str(tmp_path / "nowhere"), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "nowhere" in err
    assert not out.exists()


def test_a_base_that_cannot_be_read_is_reported_again_without_being_read_again(tmp_path):
    """An empty base fails once; the next update reports the same message and parses nothing, until
    the file changes."""
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    calls: list[str] = []

    def parse(path: str):
        calls.append(path)
        return parse_file(path)

    with ParagraphIndex(str(tmp_path / "index.sqlite")) as index:
        first = index.update([str(bad)], parse)
        second = index.update([str(bad)], parse)
        assert first.failed == second.failed and len(first.failed) == 1 and len(calls) == 1
        bad.write_text("Decides to remain seized of the matter.\n", encoding="utf-8")
        assert index.update([str(bad)], parse).parsed == (str(bad),)


def test_a_base_in_another_language_is_traced_through_the_cross_language_pairing(tmp_path):
    """English Rev.1 against the French L.2 only: every operative paragraph finds its French source
    label; the three edited ones are adapted with their commitment, the added one is new, and at
    most one other is reported adapted (a lexicon asymmetry); no word ops across languages."""
    bases = [str(FIXTURES / "l2-fr.docx")]
    with ParagraphIndex(str(tmp_path / "index.sqlite")) as index:
        index.update(bases, _parse, workers=1)
        trace = trace_document(parse_file(str(FIXTURES / "l2-en-rev1.docx")), index, bases)
    expected = _expected_operatives("en")
    got = {p.block.number: p for p in trace.paragraphs if p.block.kind == "operative"}
    assert {n: (p.source.label if p.source else None) for n, p in got.items()} == \
        {n: label for n, (_s, label, _c) in expected.items()}
    wanted = {n: (s, c) for n, (s, _l, c) in expected.items() if s != "agreed"}
    assert {n: (str(got[n].status), got[n].commitment) for n in wanted} == wanted
    noise = [n for n, (s, _l, _c) in expected.items() if s == "agreed" and got[n].status != "agreed"]
    assert len(noise) <= 1, noise
    assert all(p.ops == () for p in trace.paragraphs if p.source and p.source.path.endswith("l2-fr.docx"))


def test_a_damaged_index_file_is_one_line_and_exit_2(tmp_path, capsys):
    """An index file that is not a database: status 2 and one line naming it, no traceback."""
    bad = tmp_path / "index.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    code = main(["trace", str(FIXTURES / "l2-en-rev1.docx"), "--base", str(FIXTURES / "l2-en.docx"),
                 "--index", str(bad)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "index.sqlite" in err


def test_cli_trace_html_marks_each_paragraph(tmp_path):
    """HTML: a row per paragraph with its status class, the edits as del/ins, the summary line."""
    out = tmp_path / "t.html"
    assert main(["trace", str(FIXTURES / "l2-en-rev1.docx"), "--base", str(FIXTURES / "l2-en.docx"),
                 "--format", "html", "-o", str(out), "--index", str(tmp_path / "i.sqlite")]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.count('<tr class="agreed">') == 35 and page.count('<tr class="adapted">') == 4
    assert page.count('<tr class="new">') == 1
    assert "<del>Encourages</del><ins>Urges</ins>" in page and "carried over 39" in page
