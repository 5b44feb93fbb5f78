"""Structure and commitment lexicons for Arabic, Chinese and Russian (resources/lexicons/): the
resolution of tests/fixtures/un6.py gets the same PP/OP structure and the same operative-verb
glosses in all four languages."""

import sys

import pytest
from conftest import FIXTURES

from compare.commitments import lexicon, operative_verb
from parsers.layout import RawParagraph
from parsers.model import BlockKind
from parsers.structure import classify

sys.path.insert(0, str(FIXTURES))
import un6  # noqa: E402

# The operative verbs of un6's eight operative paragraphs, as the commitment lexicons gloss them.
GLOSSES = ["decide", "request", "urge", "encourage", "call upon", "invite", "request", "decide"]


def _structure(language):
    paragraphs = [RawParagraph(text) for text in un6.LANGUAGES[language]]
    return classify(paragraphs, language).blocks


@pytest.mark.parametrize("language", ["en", "zh", "ar", "ru"])
def test_every_language_gets_preamble_and_operative_paragraphs(language):
    """Title, opener, six preambular and eight operative paragraphs numbered 1 to 8."""
    blocks = _structure(language)
    kinds = [b.kind for b in blocks]
    assert kinds[2:8] == [BlockKind.PREAMBLE] * 6, kinds
    assert kinds[8:] == [BlockKind.OPERATIVE] * 8, kinds
    assert [b.number for b in blocks[8:]] == [str(n) for n in range(1, 9)] if language != "ar" else \
        ["١", "٢", "٣", "٤", "٥", "٦", "٧", "٨"]


@pytest.mark.parametrize("language", ["en", "zh", "ar", "ru"])
def test_operative_verbs_get_the_same_glosses(language):
    """决定/يقرر/постановляет = decide, 请/تطلب/просит = request, 敦促/تحث/настоятельно призывает = urge ..."""
    lex = lexicon(language)
    assert lex is not None
    verbs = [operative_verb(b, lex) for b in _structure(language)[8:]]
    assert [v.gloss if v else None for v in verbs] == GLOSSES
    assert all(v.force is not None for v in verbs if v)


def test_chinese_also_and_strongly():
    """又请 is 'also requests' (connective skipped); 强烈敦促 is 'strongly urge', half a step above urge."""
    from parsers.model import Block

    lex = lexicon("zh")
    also = operative_verb(Block(index=0, kind=BlockKind.OPERATIVE, text="又请秘书长提交报告；", number="1"), lex)
    strongly = operative_verb(Block(index=0, kind=BlockKind.OPERATIVE, text="强烈敦促各国；", number="2"), lex)
    urge = operative_verb(Block(index=0, kind=BlockKind.OPERATIVE, text="敦促各国；", number="3"), lex)
    assert also.gloss == "request"
    assert strongly.gloss == "strongly urge" and strongly.force > urge.force


def test_arabic_operative_labels_match_the_english_ones():
    """The aligner's label of Arabic operative ٣ is 'operative 3', as in English."""
    from compare.languages.documents import _label

    assert _label(BlockKind.OPERATIVE, "٣", "٣") == _label(BlockKind.OPERATIVE, "3", "3") == "operative 3"
    assert _label(BlockKind.SUBPARAGRAPH, "a", "١٢") == "operative 12 (a)"
