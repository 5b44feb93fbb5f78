"""A Word draft and the PDF LibreOffice prints of it compare equal where they differed, found by
printing 114 Word files of other projects' test data (python-docx, PyDocX, mammoth, SuperDoc) and
comparing each with its print. The drafts here are made with python-docx to show one thing each:
a subscript set by hand ("CO2" with the 2 smaller and lowered), a numbered list nested in another
whose items end without punctuation, lists inside a table's cells, and sub-paragraphs lettered as
the UN letters them in French, Spanish, Russian, Arabic and Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from libreoffice import print_to_pdf, printed_drafts, require_soffice
from test_docx_reader import word_with_lists_in_a_table

from compare.model import ChangeKind
from compare.versions import compare_documents
from parsers.api import parse_file


def _lowered(paragraph, text: str) -> None:
    """A run set smaller and lowered by hand (Format > Font > Position: lowered 3.5 pt), as a
    real file of PyDocX's test data types "H2O"; Word's own subscript is lowered less, and reads
    in its line already."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.font.size = Pt(9.5)
    position = OxmlElement("w:position")
    position.set(qn("w:val"), "-7")
    run._r.get_or_add_rPr().append(position)


def _subscript(path: Path) -> Path:
    import docx

    draft = docx.Document()
    draft.add_paragraph("The Conference of the Parties,")
    paragraph = draft.add_paragraph("Notes that emissions of CO")
    _lowered(paragraph, "2")
    paragraph.add_run(" and of N")
    _lowered(paragraph, "2")
    paragraph.add_run("O rose in 2023;")
    draft.save(str(path))
    return path


def _nested(path: Path) -> Path:
    import docx

    draft = docx.Document()
    for text, style in [("one", "List Number"), ("two", "List Number"), ("alpha", "List Number 2"),
                        ("beta", "List Number 2"), ("three", "List Number")]:
        draft.add_paragraph(text, style=style)
    draft.save(str(path))
    return path


def _in_a_table(path: Path) -> Path:
    return word_with_lists_in_a_table(path, around=True)


FRENCH = ["L’Assemblée générale,", "Rappelant sa résolution 70/1,", "1.\tPrie le Secrétaire général :",
          "a)\tDe promouvoir la coopération entre les États Membres et les organisations régionales dans tous "
          "les domaines visés par la présente résolution;", "b)\tD’appuyer les États :",
          "i)\tEn particulier les pays les moins avancés;", "ii)\tEt les petits États insulaires en développement;",
          "2.\tDécide de rester saisie de la question."]


def _french(path: Path) -> Path:
    """A French draft as the UN sets one: sub-paragraphs "a)", "i)" typed, indented."""
    import docx
    from docx.shared import Cm

    draft = docx.Document()
    for text in FRENCH:
        paragraph = draft.add_paragraph(text)
        label = text.split("\t")[0]
        if label[:1].isalpha() and label.endswith(")"):
            paragraph.paragraph_format.left_indent = Cm(2 if label in ("i)", "ii)") else 1)
    draft.save(str(path))
    return path


DRAFTS = {"subscript.docx": _subscript, "nested.docx": _nested, "table.docx": _in_a_table, "french.docx": _french}


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    require_soffice()
    out = tmp_path_factory.mktemp("lists")
    sources = [make(out / name) for name, make in DRAFTS.items()]
    print_to_pdf(sources, out)
    return out


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", list(DRAFTS))
def test_the_draft_compares_equal_to_its_pdf(printed, name):
    draft, pdf = parse_file(str(printed / name)), parse_file(str(printed / name.replace(".docx", ".pdf")))
    changed = [(c.kind, [b.text for b in c.olds], [b.text for b in c.news])
               for c in compare_documents(draft, pdf).changes if c.kind is not ChangeKind.UNCHANGED]
    assert changed == []


@pytest.mark.libreoffice
def test_a_subscript_is_read_in_its_place(printed):
    """The lowered "2" of "CO2" stands in its word, as Word's text has it: it was read as a note's
    raised mark moved to the line's end ("CO and N O rose in 2023;²²")."""
    pdf = parse_file(str(printed / "subscript.pdf"))
    assert pdf.blocks[1].text == "Notes that emissions of CO2 and of N2O rose in 2023;"
    assert pdf.blocks[1].footnote_marks == ()


@pytest.mark.libreoffice
def test_a_nested_item_on_one_line_ends_before_the_outer_list_goes_on(printed):
    """"b. beta" (indented) and then "3. three" at the margin: two paragraphs (the outer item was
    joined to the inner one: "beta 3. three")."""
    pdf = parse_file(str(printed / "nested.pdf"))
    assert [(b.number, b.text) for b in pdf.blocks][-2:] == [("2", "beta"), ("3", "three")]


@pytest.mark.libreoffice
def test_french_sub_paragraphs_are_sub_paragraphs_in_word_and_in_the_pdf(printed):
    """"a)", "b)", "i)": French sub-paragraphs, cited OP1(a), OP1(b)(i), in the Word draft and in
    its PDF alike (they were paragraphs with their labels in the text)."""
    for name in ("french.docx", "french.pdf"):
        labels = [b.label for b in parse_file(str(printed / name)).blocks if b.label]
        assert labels == ["PP1", "OP1", "OP1(a)", "OP1(b)", "OP1(b)(i)", "OP1(b)(ii)", "OP2"], name


# A resolution's operative paragraph and two sub-paragraphs as the UN letters them in Arabic, Russian,
# Chinese and Spanish (French: FRENCH above).
SUB_PARAGRAPHS = {
    "ar": ["إن الجمعية العامة،", "إذ تشير إلى قرارها 70/1،", "1 - تطلب إلى الأمين العام:",
           "(أ) أن يعزز التعاون بين الدول الأعضاء في جميع المجالات التي يتناولها هذا القرار؛",
           "(ب) أن يدعم أقل البلدان نموا؛", "2 - تقرر أن تبقي المسألة قيد نظرها."],
    "ru": ["Генеральная Ассамблея,", "ссылаясь на свою резолюцию 70/1,", "1. просит Генерального секретаря:",
           "а) содействовать сотрудничеству между государствами-членами во всех областях, охватываемых настоящей "
           "резолюцией;", "б) оказывать поддержку наименее развитым странам;",
           "2. постановляет продолжать заниматься этим вопросом."],
    "zh": ["大会，", "回顾其第70/1号决议，", "1. 请秘书长：", "（a）促进会员国之间在本决议所涉所有领域的合作；",
           "（b）支持最不发达国家；", "2. 决定继续处理此案。"],
    "es": ["La Asamblea General,", "Recordando su resolución 70/1,", "1. Solicita al Secretario General:",
           "a) Que promueva la cooperación entre los Estados Miembros en todos los ámbitos de la presente resolución;",
           "b) Que apoye a los países menos adelantados;", "2. Decide seguir ocupándose de la cuestión."],
}


@pytest.fixture(scope="module")
def languages(tmp_path_factory):
    return printed_drafts(tmp_path_factory.mktemp("sub-paragraphs"), SUB_PARAGRAPHS)


@pytest.mark.libreoffice
@pytest.mark.parametrize("language", list(SUB_PARAGRAPHS))
def test_sub_paragraphs_in_four_more_languages_in_word_and_in_the_pdf(languages, language):
    """"(أ)", "а)", "（a）", "a)": sub-paragraphs of OP1 in the Word draft and in its PDF alike."""
    letters = {"ar": ("أ", "ب"), "ru": ("а", "б")}.get(language, ("a", "b"))
    for path in (languages[language], languages[language].with_suffix(".pdf")):
        labels = [b.label for b in parse_file(str(path)).blocks if b.label]
        assert labels == ["PP1", "OP1", f"OP1({letters[0]})", f"OP1({letters[1]})", "OP2"], path.name
