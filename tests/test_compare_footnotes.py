"""Footnotes are compared like paragraphs (label FN3), and the comparison options of the window and
the command line (ignore case, punctuation, footnotes, numbering) change what counts."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from compare.model import ChangeKind, CompareOptions, footnote_blocks
from compare.result_cache import comparison_from_json, comparison_key, comparison_to_json
from compare.versions.engine import compare_documents
from parsers.model import Block, BlockKind, Document, Footnote, Format

ROOT = Path(__file__).resolve().parent.parent
WORD = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "word"
needs_word = pytest.mark.skipif(not WORD.is_dir(), reason="shared corpus not present")


def accord(*args, tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=240)


def doc(texts, notes=(), path="d.docx", numbers=None):
    blocks = tuple(Block(i, BlockKind.OPERATIVE, t, number=(numbers or {}).get(i, str(i + 1)),
                         label=f"OP{(numbers or {}).get(i, i + 1)}") for i, t in enumerate(texts))
    return Document(path, Format.DOCX, blocks, language="en",
                    footnotes=tuple(Footnote(str(k + 1), t) for k, t in enumerate(notes)))


BODY = ["Urges Member States to ratify the Protocol;", "Requests the Secretary-General to report."]


@needs_word
@pytest.mark.parametrize(("old", "new", "kind"), [
    ("oxpt-WC034-Footnotes-Before.docx", "oxpt-WC034-Footnotes-After1.docx", "modified"),
    ("oxpt-WC063-Footnote.docx", "oxpt-WC063-Footnote-Mod.docx", "modified"),
])
def test_word_pairs_whose_only_change_is_a_footnote_differ(old, new, kind, tmp_path):
    """The two real Word pairs whose only change is in a footnote exit 1 with one footnote change
    (FN1 on both sides, kind footnote); with --ignore-footnotes they are the same (exit 0)."""
    result = accord("compare", WORD / old, WORD / new, "--format", "json", tmp_path=tmp_path)
    assert result.returncode == 1, result.stderr
    changed = [c for c in json.loads(result.stdout)["changes"] if c["kind"] != "unchanged"]
    assert [c["kind"] for c in changed] == [kind]
    assert changed[0]["old"]["kind"] == changed[0]["new"]["kind"] == "footnote"
    assert changed[0]["old"]["label"] == changed[0]["new"]["label"] == "FN1"
    quiet = accord("compare", WORD / old, WORD / new, "--ignore-footnotes", tmp_path=tmp_path)
    assert quiet.returncode == 0, quiet.stdout + quiet.stderr


def test_footnotes_align_among_themselves_after_the_body():
    """A removed footnote is removed (not paired with a body paragraph), an edited one modified,
    footnote changes follow the body's, and their indexes do not collide with the blocks'."""
    old = doc(BODY, ["United Nations, Treaty Series, vol. 2225, No. 39574.", "A/73/85."])
    new = doc(BODY, ["United Nations, Treaty Series, vol. 2237, No. 39574."])
    c = compare_documents(old, new)
    body, notes = c.changes[:2], c.changes[2:]
    assert all(ch.kind is ChangeKind.UNCHANGED for ch in body)
    assert [ch.kind for ch in notes] == [ChangeKind.MODIFIED, ChangeKind.REMOVED]
    assert notes[1].old.label == "FN2" and notes[1].old.kind is BlockKind.FOOTNOTE
    assert {b.index for b in footnote_blocks(old)}.isdisjoint(b.index for b in old.blocks)
    assert c.has_differences
    assert not compare_documents(old, new, CompareOptions(ignore_footnotes=True)).has_differences


def test_footnote_changes_survive_the_result_cache():
    """A comparison with footnote changes is rebuilt equal from its cache entry, and the key sees
    the footnotes (a footnote edit alone gives another key)."""
    old, new = doc(BODY, ["A/73/85."]), doc(BODY, ["A/74/85."])
    c = compare_documents(old, new)
    again = comparison_from_json(json.loads(json.dumps(comparison_to_json(c))), old, new, c.options)
    assert again == c
    assert comparison_key(old, new, c.options) != comparison_key(old, old, c.options)


def test_every_option_changes_the_cache_key():
    """Each ignore_* option gives another result-cache key (the window and the command line set them)."""
    old, new = doc(BODY), doc(BODY)
    fields = ("ignore_case", "ignore_punctuation", "ignore_footnotes", "ignore_numbering")
    keys = {comparison_key(old, new, CompareOptions(**{f: True})) for f in fields}
    assert len(keys | {comparison_key(old, new, CompareOptions())}) == len(fields) + 1


def test_ignore_case_and_punctuation_show_but_do_not_count():
    """A change of case alone, or of punctuation alone, is modified by default and unchanged with
    the option (its ops still rebuild the new text)."""
    old = doc(["Urges Member States to ratify the Protocol;"])
    cased = doc(["Urges member states to ratify the Protocol;"])
    punct = doc(["Urges Member States to ratify the Protocol."])
    assert compare_documents(old, cased).changes[0].kind is ChangeKind.MODIFIED
    quiet = compare_documents(old, cased, CompareOptions(ignore_case=True)).changes[0]
    assert quiet.kind is ChangeKind.UNCHANGED
    assert "".join(op.text for op in quiet.ops if op.kind != "delete") == cased.blocks[0].text
    assert compare_documents(old, punct).changes[0].kind is ChangeKind.MODIFIED
    assert compare_documents(old, punct, CompareOptions(ignore_punctuation=True)).changes[0].kind \
        is ChangeKind.UNCHANGED
    assert compare_documents(old, punct, CompareOptions(ignore_case=True)).changes[0].kind is ChangeKind.MODIFIED


def test_ignore_numbering_reports_a_renumbered_paragraph_unchanged():
    """Same text under another number: renumbered by default, unchanged with ignore_numbering."""
    old = doc(BODY)
    new = doc(BODY, numbers={0: "1", 1: "3"})
    assert compare_documents(old, new).changes[1].kind is ChangeKind.RENUMBERED
    assert compare_documents(old, new, CompareOptions(ignore_numbering=True)).changes[1].kind is ChangeKind.UNCHANGED


def test_command_line_version_and_options(tmp_path):
    """`accord --version` prints `accord X.Y.Z`; the four --ignore options are accepted."""
    result = accord("--version", tmp_path=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("accord ")
    assert len(result.stdout.split()[1].split(".")) >= 3
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Urges Member States to act.\n", encoding="utf-8")
    b.write_text("urges member states to act\n", encoding="utf-8")
    assert accord("compare", a, b, tmp_path=tmp_path).returncode == 1
    both = accord("compare", a, b, "--ignore-case", "--ignore-punctuation", "--ignore-footnotes",
                  "--ignore-numbering", tmp_path=tmp_path)
    assert both.returncode == 0, both.stdout + both.stderr
