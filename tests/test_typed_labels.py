"""The labels negotiators type before a draft's paragraphs: a zero draft, a revision or a
compilation text circulated in informal consultations numbers its paragraphs "PP1", "PP2bis",
"OP1.", "OP 5 alt", in every language. Before, they were text: "OP1. Decides …" read as a
preambular paragraph (PP4), so the draft had no operative part, and every renumbering made each
paragraph after it "modified". They are labels: a "PP" paragraph is preambular and cited as
typed ("PP2bis"), an "OP" paragraph operative with its number; the text is what follows."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from libreoffice import print_to_pdf, printed_drafts, require_soffice

from compare.model import ChangeKind
from compare.versions import compare_documents
from parsers import parse_file
from parsers.model import BlockKind

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# A zero draft as co-facilitators circulate it (its labels typed: PP1, PP2, PP2bis, OP1.-OP3.) and
# the same draft a round later: PP2bis kept and renumbered PP3, OP2 reworded and renumbered OP3, a
# new OP2 before it (the README compares them).
ZERO = (FIXTURES / "typed-zero.txt").read_text(encoding="utf-8")
REV1 = (FIXTURES / "typed-rev1.txt").read_text(encoding="utf-8")


def _parsed(tmp_path: Path, text: str, name: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(str(path))


def _cited(document):
    return [(b.kind, b.label, b.number, b.text[:12]) for b in document.blocks if b.label]


def test_typed_labels_are_the_paragraphs_labels(tmp_path):
    assert _cited(_parsed(tmp_path, ZERO, "zero.txt")) == [
        (BlockKind.PREAMBLE, "PP1", "PP1", "Recalling it"),
        (BlockKind.PREAMBLE, "PP2", "PP2", "Reaffirming "),
        (BlockKind.PREAMBLE, "PP2bis", "PP2bis", "Noting with "),
        (BlockKind.OPERATIVE, "OP1", "1", "Decides to c"),
        (BlockKind.OPERATIVE, "OP2", "2", "Requests the"),
        (BlockKind.OPERATIVE, "OP3", "3", "Decides to r"),
    ]


@pytest.mark.parametrize("typed, label, number", [
    ("OP 5 alt.", "OP5alt", "5 alt"), ("[OP3]", "OP3", "3"), ("OP4:", "OP4", "4"), ("OP7ter -", "OP7ter", "7 ter"),
    ("OP5 Alt 2", "OP5alt2", "5 alt 2"), ("OP5alt1.", "OP5alt1", "5 alt1"),
    ("PP 4", "PP4", "PP4"), ("[PP6]", "PP6", "PP6"),
])
def test_the_ways_a_label_is_typed(tmp_path, typed, label, number):
    text = ZERO.replace("OP2. Requests", f"{typed} Requests") if typed.lstrip("[").startswith("OP") else \
        ZERO.replace("PP2 Reaffirming", f"{typed} Reaffirming")
    opening = "Requests" if typed.lstrip("[").startswith("OP") else "Reaffirming"
    block = next(b for b in _parsed(tmp_path, text, "typed.txt").blocks if b.text.startswith(opening))
    assert (block.label, block.number) == (label, number)


def test_a_typed_preambular_paragraph_stays_preambular_however_it_ends(tmp_path):
    """"PP2 Reaffirming the Charter." (a full stop typed for a comma) before "Decides …." with no
    number: the typed label says preambular; the unnumbered paragraph after it is the operative one."""
    text = ("The General Assembly,\n\nPP1 Recalling its resolution 70/1,\n\nPP2 Reaffirming the Charter.\n\n"
            "Decides to remain seized of the matter.\n")
    assert [(b.kind, b.label) for b in _parsed(tmp_path, text, "typo.txt").blocks if b.label] == [
        (BlockKind.PREAMBLE, "PP1"), (BlockKind.PREAMBLE, "PP2"), (BlockKind.OPERATIVE, "OP1")]


def test_a_typed_preambular_paragraph_after_the_operative_one_keeps_its_label(tmp_path):
    """A compilation text that moved a preambular paragraph below the draft's one operative
    paragraph: "PP3" is still preambular and cited PP3, its label not put back in its text."""
    text = ("The General Assembly,\n\nPP1 Recalling its resolution 70/1,\n\nDecides to remain seized of the matter.\n\n"
            "PP3 Noting the report of the Secretary-General,\n")
    assert [(b.kind, b.label, b.text[:6]) for b in _parsed(tmp_path, text, "moved.txt").blocks if b.label] == [
        (BlockKind.PREAMBLE, "PP1", "Recall"), (BlockKind.OPERATIVE, "OP1", "Decide"), (BlockKind.PREAMBLE, "PP3", "Noting")]


def test_one_typed_preambular_label_alone_does_not_make_a_resolution(tmp_path):
    """A document that is no resolution, with one paragraph opening "PP 12" (a reference, a code):
    nothing else marks a resolution, so the paragraph keeps its text as written and no label."""
    text = "Minutes of the meeting\n\nPP 12 was discussed at length.\n\nThe next meeting is on Monday.\n"
    blocks = _parsed(tmp_path, text, "minutes.txt").blocks
    assert [(b.kind, b.label, b.text) for b in blocks][1] == (BlockKind.PARAGRAPH, None, "PP 12 was discussed at length.")
    assert all(b.label is None for b in blocks)


def test_a_word_that_begins_with_the_letters_is_no_label(tmp_path):
    """"OPEC", "PPP" and "OP" alone are words: the paragraph keeps its text."""
    text = ZERO.replace("OP3. Decides to remain", "OPEC and PPP 3 Decides to remain")
    last = _parsed(tmp_path, text, "words.txt").blocks[-1]
    assert last.text.startswith("OPEC and PPP 3") and last.label != "OP3"


def test_a_draft_without_an_opener_line_is_still_a_resolution(tmp_path):
    """A compilation text often starts at PP1: the typed labels mark it as a resolution."""
    text = ZERO.replace("The General Assembly,\n\n", "")
    assert [label for _k, label, _n, _t in _cited(_parsed(tmp_path, text, "no-opener.txt"))] == [
        "PP1", "PP2", "PP2bis", "OP1", "OP2", "OP3"]


def test_a_revision_compares_paragraph_by_paragraph_with_its_labels(tmp_path):
    """PP2bis renumbered PP3 and OP3 renumbered OP4 are the same paragraphs under a new label
    (renumbered, as printed numbers are); the reworded OP2 is OP2 → OP3, modified; the new OP2 is
    added. Before, the labels were text: each renumbered paragraph read as modified."""
    zero, rev1 = _parsed(tmp_path, ZERO, "zero.txt"), _parsed(tmp_path, REV1, "rev1.txt")
    changes = [(c.kind, [b.label for b in c.olds], [b.label for b in c.news])
               for c in compare_documents(zero, rev1).changes if c.kind is not ChangeKind.UNCHANGED]
    assert changes == [(ChangeKind.RENUMBERED, ["PP2bis"], ["PP3"]), (ChangeKind.ADDED, [], ["OP2"]),
                       (ChangeKind.MODIFIED, ["OP2"], ["OP3"]), (ChangeKind.RENUMBERED, ["OP3"], ["OP4"])]


@pytest.mark.libreoffice
def test_a_word_draft_with_typed_labels_and_its_pdf(tmp_path):
    """The draft as a Word file, each label typed before a tab as delegations do, and the PDF
    LibreOffice prints of it: both cite the same paragraphs, and compare equal."""
    require_soffice()
    draft = docx.Document()
    for paragraph in ZERO.strip().split("\n\n"):
        label, _space, rest = paragraph.partition(" ")
        draft.add_paragraph(f"{label}\t{rest}" if label[:2] in ("PP", "OP") else paragraph)
    path = tmp_path / "zero.docx"
    draft.save(str(path))
    print_to_pdf([path], tmp_path)
    word, pdf = parse_file(str(path)), parse_file(str(tmp_path / "zero.pdf"))
    assert _cited(word) == _cited(pdf) == _cited(_parsed(tmp_path, ZERO, "zero.txt"))
    assert [c for c in compare_documents(word, pdf).changes if c.kind is not ChangeKind.UNCHANGED] == []


# The draft's opener, two preambular and two operative paragraphs in other languages, labels typed
# before a tab as the English one's.
LANGUAGES = {
    "ar": ["إن الجمعية العامة،", "PP1\tإذ تشير إلى قرارها 70/1 المؤرخ 25 أيلول/سبتمبر 2015،",
           "PP2\tوإذ تؤكد من جديد ميثاق الأمم المتحدة،", "OP1.\tتقرر عقد اجتماع رفيع المستوى في عام 2027؛",
           "OP2.\tتقرر أن تبقي المسألة قيد نظرها."],
    "zh": ["大会，", "PP1\t回顾其2015年9月25日第70/1号决议，", "PP2\t重申《联合国宪章》，",
           "OP1.\t决定于2027年召开一次高级别会议；", "OP2.\t决定继续处理此案。"],
    "ru": ["Генеральная Ассамблея,", "PP1\tссылаясь на свою резолюцию 70/1 от 25 сентября 2015 года,",
           "PP2\tвновь подтверждая Устав Организации Объединенных Наций,",
           "OP1.\tпостановляет провести совещание высокого уровня в 2027 году;",
           "OP2.\tпостановляет продолжать заниматься этим вопросом."],
    "fr": ["L'Assemblée générale,", "PP1\tRappelant sa résolution 70/1 du 25 septembre 2015,",
           "PP2\tRéaffirmant la Charte des Nations Unies,", "OP1.\tDécide de convoquer une réunion de haut niveau en 2027 ;",
           "OP2.\tDécide de rester saisie de la question."],
    "es": ["La Asamblea General,", "PP1\tRecordando su resolución 70/1, de 25 de septiembre de 2015,",
           "PP2\tReafirmando la Carta de las Naciones Unidas,", "OP1.\tDecide convocar una reunión de alto nivel en 2027;",
           "OP2.\tDecide seguir ocupándose de la cuestión."],
}


@pytest.fixture(scope="module")
def six(tmp_path_factory):
    """Each language's draft as a Word file (Arabic set right to left) and the PDF LibreOffice
    prints of it, by language."""
    return printed_drafts(tmp_path_factory.mktemp("typed"), LANGUAGES)


@pytest.mark.libreoffice
@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_typed_labels_in_the_other_languages_in_word_and_pdf(six, language):
    """Chinese's PDF reads "OP1.决定": the space beside Chinese is no space, and the label is still one."""
    word, pdf = parse_file(str(six[language])), parse_file(str(six[language].with_suffix(".pdf")))
    expected = [(BlockKind.PREAMBLE, "PP1"), (BlockKind.PREAMBLE, "PP2"), (BlockKind.OPERATIVE, "OP1"),
                (BlockKind.OPERATIVE, "OP2")]
    assert [(b.kind, b.label) for b in word.blocks if b.label] == expected
    assert [(b.kind, b.label) for b in pdf.blocks if b.label] == expected
    assert [c for c in compare_documents(word, pdf).changes if c.kind is not ChangeKind.UNCHANGED] == []


@pytest.mark.libreoffice
def test_labels_typed_in_a_hanging_indent_over_several_lines(tmp_path):
    """Each label before a tab at the hanging indent the paragraph's lines run at, as a
    delegation's template sets them: the PDF's continuation lines stay with their paragraph."""
    require_soffice()
    from docx.shared import Inches

    longer = (" and calls upon all Member States, the organizations of the United Nations system and other "
              "relevant stakeholders to strengthen their cooperation, including through technical assistance")
    draft = docx.Document()
    draft.add_paragraph("The General Assembly,")
    for label, text in [("PP1", "Recalling its resolution 70/1" + longer + ","), ("PP2bis", "Noting the report" + longer + ","),
                        ("OP1.", "Decides to convene a high-level meeting in 2027" + longer + ";"),
                        ("OP2.", "Decides to remain seized of the matter.")]:
        written = draft.add_paragraph(f"{label}\t{text}")
        written.paragraph_format.left_indent = Inches(0.75)
        written.paragraph_format.first_line_indent = -Inches(0.75)
        written.paragraph_format.tab_stops.add_tab_stop(Inches(0.75))
    path = tmp_path / "hanging.docx"
    draft.save(str(path))
    print_to_pdf([path], tmp_path)
    word, pdf = parse_file(str(path)), parse_file(str(tmp_path / "hanging.pdf"))
    assert [b.label for b in pdf.blocks] == [b.label for b in word.blocks] == [None, "PP1", "PP2bis", "OP1", "OP2"]
    assert [c for c in compare_documents(word, pdf).changes if c.kind is not ChangeKind.UNCHANGED] == []


@pytest.mark.libreoffice
def test_word_numbering_set_to_print_op_labels(tmp_path):
    """Word's own numbering whose levels print "PP1" and "OP1." (lvlText "PP%1", "OP%1."), and its
    PDF, where the labels are printed text: both read preambular paragraphs 1-2 and operative
    paragraphs 1-3."""
    require_soffice()
    from docx.oxml.ns import qn

    draft = docx.Document()
    draft.add_paragraph("The General Assembly,")
    for text in ["Recalling its resolution 70/1,", "Reaffirming the Charter,"]:
        draft.add_paragraph(text, style="List Bullet")
    for text in ["Decides to convene a meeting;", "Requests a report;", "Decides to remain seized of the matter."]:
        draft.add_paragraph(text, style="List Number")
    numbering = draft.part.numbering_part.element

    def first_level(style):
        num_id = draft.styles[style].element.find(qn("w:pPr")).find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
        num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
        abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        abstract = next(a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
        return abstract.findall(qn("w:lvl"))[0]

    bullets = first_level("List Bullet")
    bullets.find(qn("w:numFmt")).set(qn("w:val"), "decimal")
    bullets.find(qn("w:lvlText")).set(qn("w:val"), "PP%1")
    first_level("List Number").find(qn("w:lvlText")).set(qn("w:val"), "OP%1.")
    path = tmp_path / "numbered.docx"
    draft.save(str(path))
    print_to_pdf([path], tmp_path)
    expected = [None, "PP1", "PP2", "OP1", "OP2", "OP3"]
    word, pdf = parse_file(str(path)), parse_file(str(tmp_path / "numbered.pdf"))
    assert [b.label for b in word.blocks] == [b.label for b in pdf.blocks] == expected
    assert [b.number for b in pdf.blocks if b.kind is BlockKind.OPERATIVE] == ["1", "2", "3"]
    assert [c for c in compare_documents(word, pdf).changes if c.kind is not ChangeKind.UNCHANGED] == []


def test_a_redline_prints_the_labels_as_typed(tmp_path):
    """The redline of the two text drafts writes each preambular paragraph's label as the draft
    typed it ("PP3", not "PP3."), and numbers the operative paragraphs "OP1.", "OP2." as the draft
    does (Word's list, its level printing "OP%1."), where an untyped draft's print "1."."""
    from compare.redline import render_redline

    zero, rev1 = _parsed(tmp_path, ZERO, "zero.txt"), _parsed(tmp_path, REV1, "rev1.txt")
    out = tmp_path / "redline.docx"
    out.write_bytes(render_redline(compare_documents(zero, rev1)))
    written = docx.Document(str(out))
    texts = [p.text for p in written.paragraphs]
    assert "PP3\tNoting with concern the slow progress towards the Goals," in texts
    assert not [t for t in texts if t.startswith(("PP1.", "PP2.", "PP3."))]
    numbering = written.part.numbering_part.element.xml
    assert 'w:val="OP%1."' in numbering
    untyped = [_parsed(tmp_path, text.replace("PP2bis", "PP3").replace("OP", "").replace("PP1 ", "").replace("PP2 ", "")
                       .replace("PP3 ", ""), name) for text, name in ((ZERO, "plain-zero.txt"), (REV1, "plain-rev1.txt"))]
    out.write_bytes(render_redline(compare_documents(*untyped)))
    assert 'w:val="OP%1."' not in docx.Document(str(out)).part.numbering_part.element.xml


def _only_operative_typed(text: str) -> str:
    """The draft with its preambular labels left out: only "OP1.", "OP2." typed."""
    for label in ("PP1 ", "PP2 ", "PP2bis ", "PP3 "):
        text = text.replace(label, "")
    return text


def test_a_draft_that_types_only_its_operative_labels_says_so(tmp_path):
    """A draft may type "OP1." and leave its preambular paragraphs unlabelled: nothing in its
    blocks then tells (an operative paragraph's number is "1" however it was printed), so the
    document says it (`typed_labels`), as a draft that types "PP1" does, and one that types
    nothing does not."""
    assert _parsed(tmp_path, ZERO, "zero.txt").typed_labels
    only_op = _parsed(tmp_path, _only_operative_typed(ZERO), "only-op.txt")
    assert only_op.typed_labels
    assert [(b.kind, b.label) for b in only_op.blocks if b.label][3:] == [
        (BlockKind.OPERATIVE, "OP1"), (BlockKind.OPERATIVE, "OP2"), (BlockKind.OPERATIVE, "OP3")]
    plain = _parsed(tmp_path, _only_operative_typed(ZERO).replace("OP", ""), "plain.txt")
    assert not plain.typed_labels
    assert [b.number for b in plain.blocks if b.kind is BlockKind.OPERATIVE] == ["1", "2", "3"]


def test_a_typed_label_outside_a_resolution_types_nothing(tmp_path):
    """"OP1." opening a paragraph of a text that is no resolution is no operative label."""
    notes = _parsed(tmp_path, "Meeting notes\n\nOP1. was discussed at length on Monday.\n\nNo decision was taken.\n",
                    "notes.txt")
    assert not notes.typed_labels


def test_a_redline_of_a_draft_that_types_only_its_operative_labels_prints_them(tmp_path):
    """Its redline numbers the operative paragraphs "OP1.", "OP2bis." as the draft does, where it
    printed "1." and "2 bis." before."""
    from compare.redline import render_redline

    zero = _parsed(tmp_path, _only_operative_typed(ZERO), "zero.txt")
    rev1 = _parsed(tmp_path, _only_operative_typed(REV1).replace("OP2. Invites", "OP2bis. Invites"), "rev1.txt")
    out = tmp_path / "redline.docx"
    out.write_bytes(render_redline(compare_documents(zero, rev1)))
    assert 'w:val="OP%1."' in docx.Document(str(out)).part.numbering_part.element.xml
