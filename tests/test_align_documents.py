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


SUB_PARAGRAPHS = {
    "en": "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Requests the Secretary-General:\n\n"
          "(a) To promote cooperation among Member States;\n\n(b) To support the least developed countries;\n\n"
          "(c) To report to the Assembly at its seventy-first session;\n\n2. Decides to remain seized of the matter.\n",
    "ru": "Генеральная Ассамблея,\n\nссылаясь на свою резолюцию 70/1,\n\n1. просит Генерального секретаря:\n\n"
          "а) содействовать сотрудничеству между государствами-членами;\n\nб) оказывать поддержку наименее развитым "
          "странам;\n\nв) представить доклад Ассамблее на ее семьдесят первой сессии;\n\n2. постановляет продолжать "
          "заниматься этим вопросом.\n",
    "ar": "إن الجمعية العامة،\n\nإذ تشير إلى قرارها 70/1،\n\n1 - تطلب إلى الأمين العام:\n\n(أ) أن يعزز التعاون بين "
          "الدول الأعضاء؛\n\n(ب) أن يدعم أقل البلدان نموا؛\n\n(ج) أن يقدم تقريرا إلى الجمعية في دورتها الحادية "
          "والسبعين؛\n\n2 - تقرر أن تبقي المسألة قيد نظرها.\n",
}


@pytest.mark.parametrize("language", ["ru", "ar"])
def test_sub_paragraphs_lettered_in_another_script_pair_with_english_ones(tmp_path, language):
    """Russian "в)" and Arabic "(ج)" are sub-paragraph (c): read as sub-paragraphs (they were
    paragraphs with their letters in the text), cited with the letter as printed (OP1(в)), and
    paired with English (c) by rank, without a false "paragraph numbers differ" flag."""
    paths = {}
    for name in ("en", language):
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_text(SUB_PARAGRAPHS[name], encoding="utf-8")
    other, english = parse_file(str(paths[language])), parse_file(str(paths["en"]))
    assert [b.label for b in other.blocks if b.kind is BlockKind.SUBPARAGRAPH] == \
        {"ru": ["OP1(а)", "OP1(б)", "OP1(в)"], "ar": ["OP1(أ)", "OP1(ب)", "OP1(ج)"]}[language]
    alignment = run(align_documents(other, english))
    subs = _numbered(alignment, alignment.source_units, other, BlockKind.SUBPARAGRAPH)
    english_subs = _numbered(alignment, alignment.target_units, english, BlockKind.SUBPARAGRAPH)
    paired = [(subs[p.source[0]].number, english_subs[p.target[0]].number) for p in alignment.pairs
              if len(p.source) == len(p.target) == 1 and p.source[0] in subs and p.target[0] in english_subs]
    assert [english for _other, english in paired] == ["a", "b", "c"]
    assert not [f.message for p in alignment.pairs for f in p.flags if f.kind is FlagKind.NUMBERING]
