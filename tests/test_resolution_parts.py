"""A resolution in parts: the General Assembly adopts several texts under one item and one number
("79/87 A" and "79/87 B"), each with its letter, title, opener, preamble and operative paragraphs
numbered from 1, each part ending with its adoption line. Each part's paragraphs are its own
(its preamble is preambular, not text after the operative part) and are cited with the part:
`B.PP1`, `B.OP2(a)`. The texts here are set as the General Assembly's resolutions set them; no
multi-part resolution is in the real corpus."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from libreoffice import print_to_pdf, require_soffice

from compare.model import ChangeKind
from compare.versions import compare_documents
from parsers import parse_file
from parsers.model import BlockKind

TWO_PARTS = """Resolution adopted by the General Assembly on 9 December 2024

79/87. Questions relating to information

A
Information in the service of humanity

The General Assembly,

Taking note of the comprehensive and important report of the Committee on Information,

Also taking note of the report of the Secretary-General,

1. Urges all countries to cooperate in reducing existing disparities in information flows;

2. Requests the Secretary-General to report to it at its eightieth session;

50th plenary meeting

9 December 2024

B
United Nations global communications policies and activities of the Department of Global Communications

The General Assembly,

Emphasizing the role of the Committee on Information in its work,

Reaffirming its resolution 13 (I) of 13 February 1946,

1. Reaffirms that the United Nations remains the indispensable foundation of a peaceful world;

2. Requests the Department to continue its work, including:

(a) Its news services;

(b) Its radio programmes;

3. Decides to include in the provisional agenda of its eightieth session the item entitled "Questions relating to information".

50th plenary meeting

9 December 2024
"""


def _parsed(tmp_path: Path, text: str, name: str = "draft.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(str(path))


def test_each_part_of_a_resolution_has_its_own_preamble_and_operative_paragraphs(tmp_path):
    """Before, part B's preamble read as plain paragraphs after part A's operative part, and its
    operative paragraphs were a second OP1, OP2 and OP3."""
    blocks = _parsed(tmp_path, TWO_PARTS).blocks
    labelled = [(b.kind, b.label) for b in blocks if b.label]
    assert labelled == [
        (BlockKind.PREAMBLE, "A.PP1"), (BlockKind.PREAMBLE, "A.PP2"),
        (BlockKind.OPERATIVE, "A.OP1"), (BlockKind.OPERATIVE, "A.OP2"),
        (BlockKind.PREAMBLE, "B.PP1"), (BlockKind.PREAMBLE, "B.PP2"),
        (BlockKind.OPERATIVE, "B.OP1"), (BlockKind.OPERATIVE, "B.OP2"),
        (BlockKind.SUBPARAGRAPH, "B.OP2(a)"), (BlockKind.SUBPARAGRAPH, "B.OP2(b)"),
        (BlockKind.OPERATIVE, "B.OP3"),
    ]
    title = next(b for b in blocks if b.text.startswith("B"))
    assert title.kind is BlockKind.TITLE and "global communications" in title.text
    openers = [b for b in blocks if b.text == "The General Assembly,"]
    assert [b.kind for b in openers] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    # each part's adoption line stays text of its part
    assert [b.kind for b in blocks if b.text == "50th plenary meeting"] == [BlockKind.PARAGRAPH] * 2


def test_a_change_in_a_part_is_cited_with_its_part(tmp_path):
    """A delegate reads "B.OP1 strengthened", not an "OP1" that two parts have."""
    old = _parsed(tmp_path, TWO_PARTS, "old.txt")
    new = _parsed(tmp_path, TWO_PARTS.replace("1. Reaffirms that", "1. Strongly reaffirms that")
                  .replace("1. Urges all", "1. Encourages all"), "new.txt")
    changed = [c for c in compare_documents(old, new).changes if c.kind is not ChangeKind.UNCHANGED]
    assert sorted(c.olds[0].label for c in changed) == ["A.OP1", "B.OP1"]


def test_parts_without_letters_are_numbered(tmp_path):
    """Parts whose heads carry no letter or numeral are cited by their order."""
    text = TWO_PARTS.replace("A\nInformation", "Information").replace("B\nUnited", "United")
    labels = [b.label for b in _parsed(tmp_path, text).blocks if b.label]
    assert labels[0] == "1.PP1" and "2.OP3" in labels


def test_a_draft_recommended_by_an_operative_paragraph_is_no_part(tmp_path):
    """An opener quoted by the paragraph before it ("… the following draft resolution:") opens
    the recommended text inside an operative paragraph, not another part: the labels are those
    of a resolution in one part."""
    text = """The Economic and Social Council,

Recalling its resolution 2023/1,

1. Recommends to the General Assembly the adoption of the following draft resolution:

The General Assembly,

Recalling its resolution 78/1,

1. Decides to continue its work;
"""
    labels = [b.label for b in _parsed(tmp_path, text).blocks if b.label]
    assert labels[:2] == ["PP1", "OP1"] and not any("." in label for label in labels)


def test_a_resolution_in_one_part_keeps_its_labels(tmp_path):
    text = TWO_PARTS.split("50th plenary meeting")[0]
    labels = [b.label for b in _parsed(tmp_path, text).blocks if b.label]
    assert labels == ["PP1", "PP2", "OP1", "OP2"]


RUSSIAN_TWO_PARTS = """Резолюция, принятая Генеральной Ассамблеей 9 декабря 2024 года

79/87. Вопросы, касающиеся информации

А
Информация на службе человечества

Генеральная Ассамблея,

принимая к сведению всеобъемлющий и важный доклад Комитета по информации,

1. настоятельно призывает все страны сотрудничать в сокращении существующего неравенства в информационных потоках;

2. просит Генерального секретаря представить ей доклад на ее восьмидесятой сессии;

50-е пленарное заседание

9 декабря 2024 года

В
Глобальная коммуникационная политика и деятельность Департамента глобальных коммуникаций

Генеральная Ассамблея,

подчеркивая роль Комитета по информации в его работе,

1. вновь подтверждает, что Организация Объединенных Наций остается незаменимой основой мирного мира;

2. просит Департамент продолжать свою работу;

50-е пленарное заседание

9 декабря 2024 года
"""


def test_a_russian_resolution_s_parts_are_cited_by_their_latin_letters(tmp_path):
    """Russian writes the parts' letters in Cyrillic ("А", "В", alike to the eye): they are cited
    as "A" and "B", as in the other languages, so that the six versions cite one paragraph alike."""
    labels = [b.label for b in _parsed(tmp_path, RUSSIAN_TWO_PARTS).blocks if b.label]
    assert labels == ["A.PP1", "A.OP1", "A.OP2", "B.PP1", "B.OP1", "B.OP2"]


@pytest.mark.libreoffice
def test_a_word_resolution_in_parts_and_its_pdf_read_the_parts_alike(tmp_path):
    """The text above as a Word file (each part's letter and title centred in bold, as the
    Assembly sets them) and the PDF LibreOffice prints of it: both cite the same paragraphs with
    their parts."""
    require_soffice()
    draft = docx.Document()
    for paragraph in TWO_PARTS.split("\n\n"):
        lines = paragraph.strip().split("\n")
        for line in lines:
            written = draft.add_paragraph()
            run = written.add_run(line)
            if len(lines) > 1 or line.startswith("79/87"):  # a part's letter and title
                written.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run.bold = True
    path = tmp_path / "parts.docx"
    draft.save(str(path))
    print_to_pdf([path], tmp_path)
    word = [(b.kind, b.label) for b in parse_file(str(path)).blocks if b.label]
    pdf = [(b.kind, b.label) for b in parse_file(str(tmp_path / "parts.pdf")).blocks if b.label]
    assert word == pdf
    assert [label for _kind, label in word] == ["A.PP1", "A.PP2", "A.OP1", "A.OP2", "B.PP1", "B.PP2", "B.OP1",
                                                "B.OP2", "B.OP2(a)", "B.OP2(b)", "B.OP3"]
