"""Alignment and checks across English, Chinese, Arabic and Russian on a short resolution written
in UN style (tests/fixtures/un6.py): every pair and direction aligns paragraph for paragraph, and
no figure, year or numbering flag is raised for number forms that agree (483 918人, 918 483 in
Arabic, ٣ -, 2015年1月20日, 第七十一届)."""

import itertools
import sys

import pytest
from conftest import FIXTURES

from compare.languages.documents import align_lines
from compare.languages.features import raw_tokens
from compare.progress import run

sys.path.insert(0, str(FIXTURES))
import un6  # noqa: E402

PAIRS = list(itertools.permutations(un6.LANGUAGES, 2))


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_six_language_pairs_align_one_to_one_without_false_flags(source, target):
    """Each of the 12 ordered pairs gives the 16 paragraph pairs 1-1 and no flag at all."""
    src, tgt = list(un6.LANGUAGES[source]), list(un6.LANGUAGES[target])
    alignment = run(align_lines(src, tgt, source_language=source, target_language=target))
    assert [(p.source, p.target) for p in alignment.pairs] == [((i,), (i,)) for i in range(len(src))]
    assert [(p.source, [f.message for f in p.flags]) for p in alignment.pairs if p.flags] == []


def test_chinese_runs_become_character_pairs_and_numbers():
    """决定继续 gives its overlapping pairs; 第七十一届 the number 71; 2015年 the number 2015."""
    assert raw_tokens("决定继续") == ["决定", "定继", "继续"]
    assert "71" in raw_tokens("大会第七十一届会议")
    assert raw_tokens("于2015年")[:3] == ["于", "2015", "年"]


def test_arabic_indic_paragraph_numbers_anchor_to_ascii_ones():
    """The Arabic-Indic ٣ and the ASCII 3 carry the same number key."""
    from compare.languages.features import surface_keys

    assert surface_keys("٣")[0] == surface_keys("3")[0] == frozenset({"#3"})


def test_arabic_letter_variants_and_vowel_marks_fold():
    """أ/إ/آ fold to ا, ى to ي, ة to ه and the vowel marks (شُردوا) go: one word, one key."""
    from compare.text.normalize import fold_word as normalise

    assert normalise("الأمم") == normalise("الامم")
    assert normalise("شُردوا") == normalise("شردوا")
    assert normalise("المسألة") == normalise("المسالة") and normalise("مستوى") == normalise("مستوي")
    assert normalise("Équipe") == "equipe"


SESSION = {"en": ("seventy-first", "seventy-second"), "zh": ("第七十一届", "第七十二届"),
           "ar": ("الحادية والسبعين", "الثانية والسبعين"), "ru": ("семьдесят первой", "семьдесят второй")}


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_a_session_number_changed_in_one_language_is_flagged(source, target):
    """The session named in two paragraphs (the seventy-first) changed to the seventy-second in
    the target: those two pairs, and only they, are flagged, whatever the two languages."""
    src = list(un6.LANGUAGES[source])
    first, second = SESSION[target]
    tgt = [line.replace(first, second) for line in un6.LANGUAGES[target]]
    alignment = run(align_lines(src, tgt, source_language=source, target_language=target))
    flagged = [p.source for p in alignment.pairs if any("numbers in words differ" in f.message for f in p.flags)]
    assert flagged == [(i,) for i, line in enumerate(un6.LANGUAGES[target]) if first in line]
