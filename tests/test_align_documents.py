"""Aligning the French and English versions of draft resolution E/CN.15/2018/L.2 (fixtures)."""

import json
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT

from compare.languages.documents import align_documents
from compare.model import FlagKind
from compare.progress import run
from parsers.api import parse_file
from parsers.model import BlockKind

FR, EN = FIXTURES / "l2-fr.docx", FIXTURES / "l2-en.docx"
pytestmark = pytest.mark.skipif(not (FR.exists() and EN.exists()), reason="l2 fixtures not generated")


def _numbered(alignment, side_units, doc, kind):
    by_index = {b.index: b for b in doc.blocks}
    return {u.index: by_index[u.block] for u in side_units
            if u.block is not None and by_index[u.block].kind is kind}  # footnotes have no block


def test_operative_paragraphs_align_one_to_one():
    """Operative n (and sub-paragraph n(x)) in French pairs with operative n in English, 1-1."""
    fr, en = parse_file(str(FR)), parse_file(str(EN))
    alignment = run(align_documents(fr, en))
    fr_ops = _numbered(alignment, alignment.source_units, fr, BlockKind.OPERATIVE)
    en_ops = _numbered(alignment, alignment.target_units, en, BlockKind.OPERATIVE)
    assert len(fr_ops) == len(en_ops) == 12
    matched = 0
    for pair in alignment.pairs:
        if any(i in fr_ops for i in pair.source):
            assert len(pair.source) == 1 and len(pair.target) == 1, pair
            assert en_ops[pair.target[0]].number == fr_ops[pair.source[0]].number
            assert not any(f.kind is FlagKind.NUMBERING for f in pair.flags)
            matched += 1
    assert matched == 12
    assert all(p.source and p.target for p in alignment.pairs if p.source and p.source[0] > 8)


def test_changed_figure_is_flagged(tmp_path):
    """A figure changed in the English text (saved as .txt from the parsed blocks) is flagged on that pair only."""
    en = parse_file(str(EN))
    paragraphs = []
    changed_block = None
    for block in en.body():
        text = block.text
        if "article 27, paragraph 3," in text:
            text = text.replace("paragraph 3,", "paragraph 4,")
            changed_block = block.text
        label = {BlockKind.OPERATIVE: f"{block.number}. ", BlockKind.SUBPARAGRAPH: f"({block.number}) "}.get(
            block.kind, "")
        paragraphs.append(label + text)
    assert changed_block is not None
    changed = tmp_path / "l2-en-changed.txt"
    changed.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "desktop", "align", str(FR), str(changed), "--format", "json"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    flagged = [p for p in data["pairs"] if any(f["kind"] == "numbers" for f in p["flags"])]
    assert len(flagged) == 1, flagged
    assert "paragraph 4," in flagged[0]["target_text"] and "paragraphe 3 de l’article 27" in flagged[0]["source_text"]
    assert "source only: 3" in flagged[0]["flags"][0]["message"]


def test_sentence_level_stays_inside_paragraph_pairs():
    """At sentence level every sentence pair comes from one aligned paragraph pair, and units cover both texts."""
    fr, en = parse_file(str(FR)), parse_file(str(EN))
    paragraphs = run(align_documents(fr, en))
    sentences = run(align_documents(fr, en, level="sentence"))
    assert sentences.level == "sentence"
    block_pairs = {}
    for pair in paragraphs.pairs:
        for i in pair.source:
            block_pairs[("s", paragraphs.source_units[i].block)] = pair
        for j in pair.target:
            block_pairs[("t", paragraphs.target_units[j].block)] = pair
    for pair in sentences.pairs:
        owners = {id(block_pairs[("s", sentences.source_units[i].block)]) for i in pair.source}
        owners |= {id(block_pairs[("t", sentences.target_units[j].block)]) for j in pair.target}
        assert len(owners) == 1, pair
    assert sorted(i for p in sentences.pairs for i in p.source) == list(range(len(sentences.source_units)))
    assert len(sentences.source_units) >= len(paragraphs.source_units)
