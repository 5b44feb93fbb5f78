"""A resolution with a single operative paragraph: the United Nations leaves it unnumbered
("The General Assembly, / Recalling …, / Decides that …."), as in the 1971 draft A/L.632 of the
real corpus and in resolution 2758 (XXVI) itself. With no number to go by, it read as the last
preambular paragraph ("PP2"), and its resolution had no operative part. It is the operative
paragraph, OP1, in each of the six languages; a part of a resolution in parts has its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.model import ChangeKind
from compare.versions import compare_documents
from parsers import parse_file
from parsers.model import BlockKind

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"

# The six languages' texts of one resolution with a single operative paragraph, set as the
# Assembly sets them: opener, preamble, the operative paragraph, the adoption line.
LONE = {
    "en": ("The General Assembly,", ["Recalling the principles of the Charter of the United Nations,",
                                     "Considering that the restoration of the lawful rights is essential,"],
           "Decides to restore all its rights to the People's Republic of China.",
           ["1976th plenary meeting", "25 October 1971"]),
    "fr": ("L'Assemblée générale,", ["Rappelant les principes de la Charte des Nations Unies,",
                                     "Considérant que le rétablissement des droits légitimes est essentiel,"],
           "Décide de rétablir la République populaire de Chine dans tous ses droits.",
           ["1976e séance plénière", "25 octobre 1971"]),
    "es": ("La Asamblea General,", ["Recordando los principios de la Carta de las Naciones Unidas,",
                                    "Considerando que la restitución de los derechos legítimos es esencial,"],
           "Decide restituir a la República Popular China todos sus derechos.",
           ["1976a sesión plenaria", "25 de octubre de 1971"]),
    "ru": ("Генеральная Ассамблея,", ["ссылаясь на принципы Устава Организации Объединенных Наций,",
                                      "считая, что восстановление законных прав имеет существенное значение,"],
           "постановляет восстановить Китайскую Народную Республику во всех ее правах.",
           ["1976-е пленарное заседание", "25 октября 1971 года"]),
    "ar": ("إن الجمعية العامة،", ["إذ تشير إلى مبادئ ميثاق الأمم المتحدة،",
                                  "وإذ ترى أن إعادة الحقوق المشروعة أمر أساسي،"],
           "تقرر إعادة جميع الحقوق إلى جمهورية الصين الشعبية.",
           ["الجلسة العامة 1976", "25 تشرين الأول/أكتوبر 1971"]),
    "zh": ("大会，", ["回顾《联合国宪章》的各项原则，", "考虑到恢复合法权利至关重要，"],
           "决定恢复中华人民共和国的一切权利。", ["1971年10月25日", "第1976次全体会议"]),
}


def _text(opener: str, preamble: list[str], operative: str, after: list[str]) -> str:
    return "\n\n".join([opener, *preamble, operative, *after]) + "\n"


def _parsed(tmp_path: Path, text: str, name: str = "draft.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(str(path))


@pytest.mark.parametrize("language", sorted(LONE))
def test_the_one_unnumbered_operative_paragraph_is_operative(tmp_path, language):
    opener, preamble, operative, after = LONE[language]
    blocks = _parsed(tmp_path, _text(opener, preamble, operative, after)).blocks
    kinds = [(b.kind, b.label, b.number) for b in blocks]
    assert kinds == [(BlockKind.PARAGRAPH, None, None), (BlockKind.PREAMBLE, "PP1", None),
                     (BlockKind.PREAMBLE, "PP2", None), (BlockKind.OPERATIVE, "OP1", None),
                     # the adoption line is no preambular paragraph either
                     (BlockKind.PARAGRAPH, None, None), (BlockKind.PARAGRAPH, None, None)]
    assert blocks[3].text == operative  # printed without a number, read without one


@pytest.mark.skipif(not REAL.is_dir(), reason="shared real corpus not present")
def test_a_real_draft_with_one_operative_paragraph():
    """A/L.632 (1971, a scan with an OCR layer): "Recalling the provisions of the Charter of the
    United Nations," then "Decides that any proposal …": PP1 and OP1 (it read PP1 and PP2)."""
    blocks = parse_file(str(REAL / "un-pdf" / "A_L.632-EN-1971.pdf")).blocks
    cited = [(b.kind, b.label, b.text[:20]) for b in blocks if b.label]
    assert cited == [(BlockKind.PREAMBLE, "PP1", "Recalling the provis"),
                     (BlockKind.OPERATIVE, "OP1", "Decides that any pro")]


def test_a_resolution_with_no_preamble(tmp_path):
    """"The Security Council, / Decides to extend the mandate …." is the operative paragraph."""
    blocks = _parsed(tmp_path, "The Security Council,\n\nDecides to extend the mandate of the Mission until "
                               "31 January 2027.\n").blocks
    assert [(b.kind, b.label) for b in blocks] == [(BlockKind.PARAGRAPH, None), (BlockKind.OPERATIVE, "OP1")]


@pytest.mark.parametrize("before", [
    # a preambular paragraph that introduces a quotation: what ends with a full stop after it may be the quotation's
    "Recalling its resolution 1 (2020), in which it decided:",
    "Recalling its resolution 1 (2020)",  # a paragraph that ends with neither: nothing to go by
])
def test_a_paragraph_before_that_ends_otherwise_leaves_the_preamble_as_it_was(tmp_path, before):
    text = _text("The General Assembly,", [before, "Noting the report of the Secretary-General,"],
                 "Decides to remain seized of the matter.", [])
    kinds = [b.kind for b in _parsed(tmp_path, text).blocks]
    assert BlockKind.OPERATIVE not in kinds and kinds.count(BlockKind.PREAMBLE) == 3


def test_numbered_operative_paragraphs_are_left_as_they_are(tmp_path):
    """A preambular paragraph ending with a full stop in a resolution with numbered paragraphs is
    still preambular: only a resolution without any number has its operative paragraph found so."""
    text = _text("The General Assembly,", ["Recalling its resolution 1 (2020).", "Noting the report,"],
                 "1. Decides to remain seized of the matter.", [])
    blocks = _parsed(tmp_path, text).blocks
    assert [b.label for b in blocks] == [None, "PP1", "PP2", "OP1"] and blocks[3].number == "1"


def test_each_part_has_its_own_lone_operative_paragraph(tmp_path):
    text = "\n\n".join(["A", "Information in the service of humanity", "The General Assembly,",
                        "Taking note of the report of the Committee on Information,",
                        "Urges all countries to cooperate in reducing disparities in information flows.",
                        "50th plenary meeting", "B", "Global communications policies", "The General Assembly,",
                        "Emphasizing the role of the Committee on Information,",
                        "Requests the Department to continue its work.", "50th plenary meeting"]) + "\n"
    blocks = _parsed(tmp_path, text).blocks
    assert [(b.label, b.text[:8]) for b in blocks if b.label] == [
        ("A.PP1", "Taking n"), ("A.OP1", "Urges al"), ("B.PP1", "Emphasiz"), ("B.OP1", "Requests")]


def test_a_lone_operative_paragraph_is_compared_as_op1(tmp_path):
    """Rev.1's one operative paragraph, reworded in Rev.2, is cited OP1; when Rev.2 numbers it with
    a second one, the two first are the same paragraph and the second is added."""
    opener, preamble, operative, after = LONE["en"]
    rev1 = _parsed(tmp_path, _text(opener, preamble, operative, after), "rev1.txt")
    reworded = _parsed(tmp_path, _text(opener, preamble, operative.replace("Decides", "Decides, as a matter of urgency,"),
                                       after), "rev2.txt")
    changed = [c for c in compare_documents(rev1, reworded).changes if c.kind is not ChangeKind.UNCHANGED]
    assert [(c.kind, c.olds[0].label, c.news[0].label) for c in changed] == [(ChangeKind.MODIFIED, "OP1", "OP1")]
    numbered = _parsed(tmp_path, _text(opener, preamble, "1. " + operative,
                                       ["2. Decides to remain seized of the matter.", *after]), "rev3.txt")
    changes = [c for c in compare_documents(rev1, numbered).changes if c.kind is not ChangeKind.UNCHANGED]
    added = [c for c in changes if c.kind is ChangeKind.ADDED]
    assert [c.news[0].label for c in added] == ["OP2"]
    first = next(c for c in compare_documents(rev1, numbered).changes if c.olds and c.olds[0].label == "OP1")
    assert first.news[0].label == "OP1" and first.kind is not ChangeKind.REMOVED


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Each language's resolution as a Word file (a paragraph a line, with Word's space after each;
    Arabic set right to left) and the PDF LibreOffice prints of it, by language."""
    from libreoffice import printed_drafts

    return printed_drafts(tmp_path_factory.mktemp("lone"), {
        language: [opener, *preamble, operative, *after] for language, (opener, preamble, operative, after) in LONE.items()})


@pytest.mark.libreoffice
@pytest.mark.parametrize("language", sorted(LONE))
def test_a_short_draft_and_its_pdf_read_alike(printed, language):
    """Every paragraph of the draft fits a line, each set apart by the space Word puts after it:
    no line wraps, so the page's commonest gap between lines is the gap between paragraphs. Its
    PDF read the English and French ones' preamble, operative paragraph and adoption line as one
    paragraph (each line fills most of the widest, and ends a clause); a page whose lines nearly
    all end a sentence or a clause, set further apart than double spacing allows for, has a
    paragraph a line."""
    word, pdf = parse_file(str(printed[language])), parse_file(str(printed[language].with_suffix(".pdf")))
    expected = [(BlockKind.PARAGRAPH, None), (BlockKind.PREAMBLE, "PP1"), (BlockKind.PREAMBLE, "PP2"),
                (BlockKind.OPERATIVE, "OP1"), (BlockKind.PARAGRAPH, None), (BlockKind.PARAGRAPH, None)]
    assert [(b.kind, b.label) for b in word.blocks] == expected
    assert [(b.kind, b.label) for b in pdf.blocks] == expected
    assert [c for c in compare_documents(word, pdf).changes if c.kind is not ChangeKind.UNCHANGED] == []
