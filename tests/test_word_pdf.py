"""A Word draft and the PDF printed from it compare equal: real Word files of
../shared/corpus/real/word (made with Microsoft Word by other projects) printed by LibreOffice, one
conversion for all of them. Each file here failed before the reader handled what it shows: a line
per paragraph with no gap between them (WC063), lists of one-word items (DB012, pandoc), decimal
section numbers "1.0", "2.1", "3.2.1." printed in the text (the Contract), "FIRST:", "(1)" and
"5A.3.1" labels (NVCA), a footnote set in the body's size (pandoc), a table of contents and
headings in a style set in capitals (RP052), a footnote emptied (WC063-Mod), an endnote (pandoc),
a dash bullet (redlines), ragged lines set in from the margin and a hyphen before "und" (the
Contract), lines with a tab stop (WC004), a signature table without rules that the PDF reads as
lines (VP004: the same words, one unchanged change)."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from libreoffice import print_to_pdf, require_soffice
from real_word import WORD, real
from test_docx_reader import word_with_symbols
from test_real_corpus import missing_characters, pdfium_text

from compare.model import ChangeKind
from compare.versions import compare_documents
from compare.versions.engine import PRINTED_ALIKE
from compare.versions.reflow import REFLOWED
from parsers.api import ParseOptions, parse_file
from parsers.model import BlockKind

NVCA = "docxodus-NVCA-Model-COI.docx"
ARABIC = "oxpt-RP051-Arabic-Accepted.docx"
COMPLICATED = "oxpt-HC031-Complicated-Document.docx"  # ten pages, tracked changes, a footnote and an endnote
EQUAL = [
    "oxpt-WC063-Footnote.docx",  # ten one-word paragraphs and a footnote
    "oxpt-DB012-Lists-With-Different-Numberings.docx",  # three lists "1. a", "2. b", "3. c"
    "pandoc-lists_restarting.docx",  # a list interrupted and restarted
    "oxpt-WC034-Footnotes-Before.docx",
    "oxpt-RP021-Inserted-Numbering-Properties-Rejected.docx",
    "redlines-original.docx",
    "oxpt-RP052-Deleted-Para-Mark-Accepted.docx",  # a table of contents (dot leaders), headings in capitals
    "oxpt-WC063-Footnote-Mod.docx",  # a footnote with no text: its mark alone at the foot, small
    "pandoc-notes.docx",  # an endnote ("ⁱ", printed on a page of its own at the end)
    "redlines-modified.docx",  # a list with Word's "-" bullet, a tab after it
    "docxodus-Contract.docx",  # German, ragged text set in from the margin, "Erweiterungs- und"
    "oxpt-WC004-Large.docx",  # signature lines "Project Manager<tab>Date:" under "____<tab>____"
    "oxpt-WC004-Large-Mod.docx",
    "docxodus-VP004-Legal-Contract.docx",  # a signature table without rules, read as lines in the PDF
    NVCA,  # 48 pages: first-page header, an addendum's footer, "$[___]", "TENTH⁸⁷", "(c)", "[… Stock.]"
]


# Word files with tracked changes, which LibreOffice prints shown as markup (parsers.pdf.markup):
# deleted list items (their numbers "[1.]" struck through too), an inserted item (the next one's
# numbers printed "3.[2.]"), a moved paragraph, a moved word, words deleted and inserted.
MARKUP = [
    "docxodus-FA-002-DeletedNumberedParagraphs.docx",
    "docxodus-FA-005-InsertedNumberedParagraph.docx",
    "docxodus-FA-014-MovedParagraph.docx",
    "pandoc-track_changes_move.docx",
    "redlines-expected_redline.docx",
]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The PDF LibreOffice prints of each file of EQUAL, NVCA, ARABIC, COMPLICATED and MARKUP, of the
    drafts written here (symbols, tables, heading bars, tracked changes in Arabic and Chinese), and of the
    line-numbered copies of NUMBERED, by name."""
    require_soffice()
    names = list(dict.fromkeys([*EQUAL, NVCA, ARABIC, COMPLICATED, *MARKUP]))
    sources = [real(name) for name in names]
    out = tmp_path_factory.mktemp("printed")
    for name, draft in ((SYMBOLS, _symbols_draft), (TABLES, _tables_draft), (ACROSS, _ruled_across_draft),
                        (ACROSS_LONG, _long_ruled_across_draft), (BOXED, _boxed_headings_draft),
                        (ACROSS_SINGLE, _single_spaced_across_draft)):
        sources.append(draft(out / name))
        names.append(name)
    for language in TRACKED_DRAFTS:
        sources.append(_tracked_draft(out / _tracked_name(language), language))
        names.append(_tracked_name(language))
    for name in NUMBERED:
        sources.append(_line_numbered(real(name), out / f"numbered-{name}"))
        names.append(f"numbered-{name}")
    print_to_pdf(sources, out)
    return {name: str(out / name.replace(".docx", ".pdf")) for name in names}


# Real Word files given line numbering (every line, running on), as negotiated drafts carry it.
# WC063 has a footnote: LibreOffice numbers the note's lines too, on a count of their own.
NUMBERED = ["docxodus-Contract.docx", "redlines-original.docx", "oxpt-WC004-Large.docx", "oxpt-WC063-Footnote.docx"]


def _line_numbered(source: Path, path: Path) -> Path:
    """The Word file with its sections' lines numbered (w:lnNumType, as Word's Layout > Line
    Numbers > Continuous writes it), saved at `path`."""
    with zipfile.ZipFile(source) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    numbered, count = re.subn(r"<w:sectPr(?:\s[^>]*)?>",
                              lambda m: m.group(0) + '<w:lnNumType w:countBy="1" w:restart="continuous"/>', xml)
    assert count
    parts["word/document.xml"] = numbered.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


# A draft written here with characters inserted from symbol fonts (w:sym), printed like the rest.
SYMBOLS = "symbols.docx"


def _symbols_draft(path):
    return word_with_symbols(path, [("Warming is kept ", "Symbol", "F0A3", " 1.5 degrees."),
                                    ("Emissions fall by ", "Symbol", "F0B3", " 45 per cent."),
                                    ("Checked ", "Wingdings", "F0FC", " by the secretariat."),
                                    ("Note", "Symbol", "F02A", " on the figures.")], opening=(
        "The Conference of the Parties, recalling the goal of holding the increase in the global average "
        "temperature well below 2 degrees above pre-industrial levels and of pursuing efforts to limit it, "
        "notes the following figures of the synthesis report:",))


# A draft written here with a table of 25 rows over nine pages, its first row repeated on each
# (Word's "Repeat as header row"), its rows of long sentences cut by the page breaks; then, after
# a page break, a table of two columns.
TABLES = "tables.docx"
_TABLE_WORDS = ("the member states shall take appropriate measures to strengthen national capacities for the "
                "prevention of trafficking in persons and for the protection of victims in accordance with "
                "international law including human rights law and refugee law")


def _tables_draft(path: Path) -> Path:
    import random

    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    draw, words = random.Random(3), _TABLE_WORDS.split()
    document = docx.Document()
    document.add_paragraph("The agreed text of each paragraph beside the text proposed for the revision:")
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for cell, text in zip(table.rows[0].cells, ["Paragraph", "Text agreed in 2023", "Text proposed in 2024"], strict=True):
        cell.text = text
    for k in range(24):
        cells = table.add_row().cells
        length = draw.randint(25, 60)
        cells[0].text = f"Operative paragraph {k + 1}"
        cells[1].text = "Calls upon " + " ".join(draw.choice(words) for _ in range(length)) + "."
        cells[2].text = "Urges " + " ".join(draw.choice(words) for _ in range(length + 10)) + "."
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    other = document.add_table(rows=3, cols=2)
    other.style = "Table Grid"
    for row, (name, amount) in zip(other.rows, [("Member State", "Amount"), ("Austria", "1,200"), ("Chile", "800")],
                                   strict=True):
        row.cells[0].text, row.cells[1].text = name, amount
    document.add_paragraph("The Secretary-General thanks the Member States for their proposals.")
    document.save(str(path))
    return path


# A draft written here with a table as the UN sets them: rules above and below the header row
# and above and below the total, none between the columns or the other rows; some first cells
# over two lines, a heading row with no figures.
ACROSS = "ruled-across.docx"
_ACROSS_ROWS = [("Component", "2022-2023 expenditure", "2024-2025 appropriation", "2026-2027 estimate before recosting"),
                ("Policymaking organs", "12,345.6", "13,000.1", "13,654.5"),
                ("Executive direction and management", "1,204.3", "1,100.0", "980.2"),
                ("Programme of work", "", "", ""),
                ("Subprogramme 1, sustainable development", "455.0", "500.0", "520.0"),
                ("Subprogramme 2, statistics", "310.2", "295.0", "280.0"),
                ("Programme support", "2,002.1", "2,100.0", "2,150.5"),
                ("Total", "16,317.2", "16,995.1", "17,585.2")]


def _rules(parent, edges):
    """Single black rules on `edges` of a table (its w:tblPr) or a cell (its w:tcPr)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tcBorders" if parent.tag == qn("w:tcPr") else "w:tblBorders")
    for edge in edges:
        rule = OxmlElement(f"w:{edge}")
        for key, value in (("val", "single"), ("sz", "4"), ("color", "000000")):
            rule.set(qn(f"w:{key}"), value)
        borders.append(rule)
    parent.append(borders)


def _ruled_across_draft(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("Table 3 shows the resources requested, by component, before recosting.")
    document.add_paragraph("Resource requirements by component (thousands of United States dollars)")
    table = document.add_table(rows=0, cols=4)
    _rules(table._tbl.tblPr, ("top", "bottom"))
    for k, texts in enumerate(_ACROSS_ROWS):
        for cell, text in zip(table.add_row().cells, texts, strict=True):
            cell.text = text
            if k in (0, len(_ACROSS_ROWS) - 1):
                _rules(cell._tc.get_or_add_tcPr(), ("bottom",) if k == 0 else ("top",))
    document.add_paragraph("The decrease under executive direction reflects the abolishment of one post.")
    document.save(str(path))
    return path


# The same rules on a table of 67 Member States over three pages, its header row repeated on each
# (on the first two pages no rule closes it: the page break cuts it); some names over two lines.
ACROSS_LONG = "ruled-across-long.docx"
_STATES = ("Afghanistan, Albania, Algeria, Andorra, Angola, Argentina, Armenia, Australia, Austria, Azerbaijan, "
           "Bahamas, Bahrain, Bangladesh, Barbados, Belarus, Belgium, Belize, Benin, Bhutan, Bolivia (Plurinational "
           "State of), Bosnia and Herzegovina, Botswana, Brazil, Brunei Darussalam, Bulgaria, Burkina Faso, Burundi, "
           "Cabo Verde, Cambodia, Cameroon, Canada, Central African Republic, Chad, Chile, China, Colombia, Comoros, "
           "Congo, Costa Rica, Côte d'Ivoire, Croatia, Cuba, Cyprus, Czechia, Democratic People's Republic of Korea, "
           "Democratic Republic of the Congo, Denmark, Djibouti, Dominica, Dominican Republic, Ecuador, Egypt, "
           "El Salvador, Equatorial Guinea, Eritrea, Estonia, Eswatini, Ethiopia, Fiji, Finland, France, Gabon, "
           "Gambia, Georgia, Germany, Ghana, Greece")


def _long_ruled_across_draft(path: Path) -> Path:
    return _states_table_draft(path, _STATES.split(", "), repeat_header=True)


def _states_table_draft(path: Path, names: list[str], *, repeat_header: bool, single_spaced: bool = False) -> Path:
    """A table of Member States and two figures each, ruled above and below its header row and at
    its foot; its header row repeated on each page (Word's "Repeat as header row") or not; its
    paragraphs with Word's default space after, or single-spaced."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    if single_spaced:
        document.styles["Normal"].paragraph_format.space_after = Pt(0)
        document.styles["Normal"].paragraph_format.line_spacing = 1.0
    document.add_paragraph("Posts by Member State, as at 31 December.")
    table = document.add_table(rows=0, cols=3)
    _rules(table._tbl.tblPr, ("top", "bottom"))
    rows = [("Member State", "Posts at 31 December 2024", "Posts at 31 December 2025")]
    rows += [(name, str(7 * k % 400 + 1), str(11 * k % 400 + 1)) for k, name in enumerate(names, 1)]
    for k, texts in enumerate(rows):
        row = table.add_row()
        if k == 0 and repeat_header:
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            row._tr.get_or_add_trPr().append(repeat)
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
            if k == 0:
                _rules(cell._tc.get_or_add_tcPr(), ("bottom",))
    document.add_paragraph("The figures include posts funded from extrabudgetary resources.")
    document.save(str(path))
    return path


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", EQUAL)
def test_word_draft_compares_equal_to_its_pdf(printed, name):
    draft, pdf = parse_file(str(WORD / name)), parse_file(printed[name])
    comparison = compare_documents(draft, pdf)
    changed = [(c.kind, [b.text for b in c.olds], [b.text for b in c.news])
               for c in comparison.changes if c.kind is not ChangeKind.UNCHANGED]
    assert changed == []


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", MARKUP)
def test_a_pdf_printed_with_tracked_changes_compares_equal_to_its_word_draft(printed, name):
    """The PDF shows the tracked changes as markup; read as accepted it compares equal to the Word
    file read as accepted, and says so. Before, every change showed twice: the deleted items of
    FA-002 were 5 added paragraphs and their numbers, the moved and replaced words of the others
    1-5 changes each."""
    draft, pdf = parse_file(str(WORD / name)), parse_file(printed[name])
    changed = [(c.kind, [b.text for b in c.olds], [b.text for b in c.news])
               for c in compare_documents(draft, pdf).changes if c.kind is not ChangeKind.UNCHANGED]
    assert changed == []
    assert [w for w in pdf.warnings if w.startswith("the PDF shows tracked changes (page 1), read as accepted: ")]


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", [name for name in MARKUP if "FA-005" not in name])
def test_a_pdf_printed_with_tracked_changes_read_as_before_them(printed, name):
    """With `original` the PDF leaves out the underlined insertions and keeps the struck-through
    deletions: it compares equal to the Word file read as before its changes. (FA-005 is left out:
    its first item's number is printed underlined, as inserted, where the Word reader numbers it.)"""
    options = ParseOptions(original=True)
    draft, pdf = parse_file(str(WORD / name), options), parse_file(printed[name], options)
    changed = [(c.kind, [b.text for b in c.olds], [b.text for b in c.news])
               for c in compare_documents(draft, pdf).changes if c.kind is not ChangeKind.UNCHANGED]
    assert changed == []
    assert any("read as before them" in w for w in pdf.warnings)


# Drafts with tracked changes written here, by language: an operative verb replaced and a phrase
# deleted before the paragraph's closing punctuation. (text, "del" | "ins" | None) runs.
TRACKED_DRAFTS = {
    "ar": [[("إن الجمعية العامة،", None)],
           [("1 - ", None), ("تحث", "del"), ("تطلب إلى", "ins"),
            (" الدول الأعضاء أن تتخذ التدابير اللازمة لمكافحة الاتجار بالأشخاص؛", None)],
           [("2 - تقرر أن تبقي المسألة قيد نظرها", None), (" في دورتها الحادية والثمانين", "del"), ("؛", None)]],
    "zh": [[("大会，", None)],
           [("1. ", None), ("鼓励", "del"), ("请", "ins"), ("会员国采取必要措施打击贩运人口行为；", None)],
           [("2. 决定召开一次", None), ("高级别", "del"), ("会议；", None)]],
}
# What each reading of the PDF leaves out, as its furniture: accepted, then as before the changes.
TRACKED_LEFT_OUT = {
    "ar": ([("تحث", "tracked deletion"), ("في دورتها الحادية والثمانين", "tracked deletion")],
           [("تطلب إلى", "tracked insertion")]),
    "zh": ([("鼓励", "tracked deletion"), ("高级别", "tracked deletion")], [("请", "tracked insertion")]),
}


def _tracked_name(language: str) -> str:
    return f"tracked-{language}.docx"


def _tracked_draft(path: Path, language: str) -> Path:
    """The draft of TRACKED_DRAFTS in `language` as a Word file with tracked changes (an Arabic one
    set right to left)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rtl = language == "ar"

    def run(text: str, change: str | None, number: int):
        element = OxmlElement("w:r")
        if rtl:
            properties = OxmlElement("w:rPr")
            properties.append(OxmlElement("w:rtl"))
            element.append(properties)
        text_element = OxmlElement("w:delText" if change == "del" else "w:t")
        text_element.set(qn("xml:space"), "preserve")
        text_element.text = text
        element.append(text_element)
        if change is None:
            return element
        tracked = OxmlElement(f"w:{change}")
        for key, value in (("id", str(number)), ("author", "Delegate"), ("date", "2025-10-01T00:00:00Z")):
            tracked.set(qn(f"w:{key}"), value)
        tracked.append(element)
        return tracked

    document = docx.Document()
    for parts in TRACKED_DRAFTS[language]:
        paragraph = document.add_paragraph()
        if rtl:
            paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        for k, (text, change) in enumerate(parts):
            paragraph._p.append(run(text, change, 10 * len(document.paragraphs) + k))
    document.save(str(path))
    return path


@pytest.mark.libreoffice
@pytest.mark.parametrize("original", [False, True])
@pytest.mark.parametrize("language", sorted(TRACKED_DRAFTS))
def test_an_arabic_or_chinese_draft_printed_with_tracked_changes_reads_as_its_word_file(printed, language, original):
    """Right to left and without spaces, the markup reads as in Latin text: the PDF compares equal
    to the Word file, read as accepted or as before the changes, and what it leaves out is its
    furniture, each passage's words in reading order (an Arabic line's glyphs are read one by
    one). Before, a space was left before the Arabic "؛" where a phrase was taken out, and the
    Arabic passages read "ت ح ث"."""
    options = ParseOptions(original=original)
    pdf_path = printed[_tracked_name(language)]
    draft = parse_file(str(Path(pdf_path).with_suffix(".docx")), options)
    pdf = parse_file(pdf_path, options)
    changed = [c for c in compare_documents(draft, pdf).changes if c.kind is not ChangeKind.UNCHANGED]
    assert changed == []
    assert [(f.text, f.why) for f in pdf.furniture] == TRACKED_LEFT_OUT[language][original]


@pytest.mark.libreoffice
@pytest.mark.parametrize("original", [False, True])
@pytest.mark.parametrize("name", MARKUP)
def test_nothing_of_a_pdf_printed_with_tracked_changes_is_lost(printed, name, original):
    """What either reading leaves out of the markup is the PDF's furniture, with its text
    ("tracked deletion", "tracked insertion", "tracked numbering"): every letter and figure PDFium
    reads on the pages is in a block, a footnote or the furniture, as in every corpus PDF."""
    pdf = parse_file(printed[name], ParseOptions(original=original))
    assert missing_characters(pdf, pdfium_text(Path(printed[name]))) == Counter()
    assert {f.why for f in pdf.furniture} <= {"tracked deletion", "tracked insertion", "tracked numbering"}


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", NUMBERED)
def test_a_word_draft_with_line_numbers_compares_equal_to_its_pdf(printed, name):
    """The PDF prints each line's number in the margin (LibreOffice: 14 pt left of the text); the
    Word file holds none. The numbers are the PDF's furniture, and the two compare equal (before:
    every numbered line was a paragraph of its own, or began with its number)."""
    draft, pdf = parse_file(str(WORD / name)), parse_file(printed[f"numbered-{name}"])
    assert any(f.why == "line number" for f in pdf.furniture)
    changed = [c for c in compare_documents(draft, pdf).changes if c.kind is not ChangeKind.UNCHANGED]
    assert changed == []


@pytest.mark.libreoffice
def test_decimal_section_numbers_are_labels_in_the_pdf(printed):
    """"1.0 EINLEITUNG", "2.1 Methodik, …" are numbered headings in the PDF as in Word: the
    number is the block's, not its text's."""
    draft, pdf = parse_file(str(WORD / "docxodus-Contract.docx")), parse_file(printed["docxodus-Contract.docx"])
    numbered = [(b.number, b.text) for b in pdf.blocks if b.number and "." in b.number]
    assert numbered[:2] == [("1.0", "EINLEITUNG"), ("2.0", "BEISPIEL-ÜBERSCHRIFT")]  # capitals: the style's
    assert ("2.1", "Methodik, Werkzeuge und Verfahren") in numbered
    assert ("3.2.1", "Die eingeschränkte VERFÜGBARKEIT von kritischen Schnittstellen bzw. ANWENDUNGEN, "
            "Datenbanken oder SYSTEM SOFTWARE.") in numbered
    # the same numbers as Word's, in the same order
    assert [n for n, _ in numbered] == [b.number for b in draft.blocks if b.number and "." in b.number]
    assert not [b.text for b in pdf.blocks if b.text[:3] in ("1.0", "2.0", "2.1", "2.2", "3.2")]


@pytest.mark.libreoffice
def test_printed_labels_are_words_numbers(printed):
    """The NVCA model charter's labels, printed: "FIRST:" ... "FOURTEENTH:", "4.4.4", "5A",
    "5A.3.1", "(1)": the PDF's paragraph numbers are Word's, in order, "TENTH" too, which has a
    footnote mark glued to it in print ("TENTH⁸⁷ To the fullest ...")."""
    import difflib

    words = [b.number for b in parse_file(str(WORD / NVCA)).blocks if b.number]
    pdf = [b.number for b in parse_file(printed[NVCA]).blocks if b.number]
    ops = difflib.SequenceMatcher(None, words, pdf, autojunk=False).get_opcodes()
    assert [(words[a1:a2], pdf[b1:b2]) for op, a1, a2, b1, b2 in ops if op != "equal"] == []
    assert len(words) > 150 and {"FIRST", "FOURTEENTH", "5A", "5A.3.1", "4.4.4", "1"} <= set(pdf)


@pytest.mark.libreoffice
def test_the_charter_against_its_pdf(printed):
    """The NVCA charter against its PDF: its first-page header (two notes to the reader, Word's
    furniture, printed once so the PDF reader keeps them as text) is set aside with why, not
    added; "at least $[______]" broken after "$" reads without a space; the addendum's own footer,
    on its two pages only, is furniture, not glued to the paragraph it interrupts; an item set in
    goes on over a page break at its indent ("Directors].³⁵"); the signature's short "President"
    ends its paragraph at the page break, before "EXHIBIT A"; an empty item prints its label alone,
    "(c)", in Word as in the PDF; a line LibreOffice wrapped early (its field results "2.1",
    "2.2" are narrower than what it laid out) goes on to the line that closes its bracket."""
    draft, pdf = parse_file(str(WORD / NVCA)), parse_file(printed[NVCA])
    changes = compare_documents(draft, pdf).changes
    aside = [c.news[0].text[:30] for c in changes
             if c.reasons == ("a running header in the other file, not a body block",)]
    assert aside == ["This sample document is the wo", "For those who will redline thi"]
    assert "$ [" not in " ".join(b.text for b in pdf.blocks)
    assert "Addendum Last Updated" not in " ".join(b.text for b in pdf.blocks)
    assert not [b for b in pdf.blocks if b.text.startswith("Directors]")]
    assert "EXHIBIT A⁹²" in [b.text for b in pdf.blocks]
    assert [c for c in changes if c.kind is not ChangeKind.UNCHANGED] == []
    assert "(c)" in [b.text for b in draft.blocks]


@pytest.mark.libreoffice
def test_the_notes_of_a_long_charter_read_as_in_word(printed):
    """The NVCA charter's 94 notes, printed: the same marks in the same order, and 90 of them word
    for word as in the Word file, note 5 included, whose second paragraph opens the next page's
    foot after a full stop (it was read as body text)."""
    def notes(path):
        return {f.mark: " ".join(f.text.split()) for f in parse_file(path).footnotes}

    draft, pdf = notes(str(WORD / NVCA)), notes(printed[NVCA])
    assert list(pdf) == list(draft) and len(draft) == 94
    assert pdf["5"] == draft["5"] and "Corporations incorporated in Delaware are subject" in pdf["5"]
    assert sum(pdf[m] == draft[m] for m in draft) >= 90


@pytest.mark.libreoffice
def test_a_footnote_in_the_body_size_and_an_endnote_are_notes(printed):
    """pandoc's notes.docx prints its footnote in 12 pt under 12 pt text: found by its place (far
    below the text, opening with the raised mark the text calls), as Word's reader has it. Its
    endnote, marked "i", is printed alone on a last page: a note too, in both readers."""
    draft, pdf = parse_file(str(WORD / "pandoc-notes.docx")), parse_file(printed["pandoc-notes.docx"])
    notes = [("1", "My note."), ("i", "This is an endnote at the end of the document.")]
    assert [(f.mark, f.text) for f in pdf.footnotes] == [(f.mark, f.text) for f in draft.footnotes] == notes
    assert [b.text for b in pdf.blocks] == [b.text for b in draft.blocks] == ["A footnote", "Test footnote.¹ Test endnote.ⁱ"]


@pytest.mark.libreoffice
def test_an_endnote_alone_at_the_top_of_the_last_page_is_a_note(printed):
    """HC031's endnote is printed alone at the top of its last page, smaller than the document's
    commonest size (its headings' and tables' lines outweigh the body): it was taken for a running
    title. A running title is smaller than the text of its own page, and this page's text is the
    note: it is the note "i", as in Word."""
    draft, pdf = parse_file(str(WORD / COMPLICATED)), parse_file(printed[COMPLICATED])
    assert [(f.mark, f.text) for f in pdf.footnotes] == [(f.mark, f.text) for f in draft.footnotes] == [
        ("1", "This is a footnote."), ("i", "This is an endnote.")]
    assert {f.why for f in pdf.furniture} == {"tracked deletion"}  # no running title: its struck-through text only


@pytest.mark.libreoffice
def test_word_list_labels_and_bullets_print_as_labels(printed):
    """HC031's lists, printed: "1)", "2)", "3)" (the third at the top of the next page), "a.",
    "b.", "c." and "i)" labels before a tab, and Word's second-level bullet, a Courier New "o".
    The PDF's numbered items are Word's, number and text, each one paragraph however it wraps;
    the bullets are no text. Before, "1) Video provides…" kept its label in its text, "2) To make
    … header," / "footer, cover page, …" and "o When you click … for the" / "video you want to
    add." were two paragraphs each: 25 changes against the Word file, 12 with the lists read, 10
    once a table's row cut by a page break was one again, 8 once its headings in boxes were
    paragraphs again, 6 once its paragraph set flush right was one, 4 once the tracked changes it
    prints were read as accepted; none a list's. The rest: a date field LibreOffice updated (2),
    an equation it draws, a text box."""
    draft, pdf = parse_file(str(WORD / COMPLICATED)), parse_file(printed[COMPLICATED])

    def numbered(document):
        return [(b.number, b.text) for b in document.blocks if b.number]

    wrapped = ("1", "Lorem ipsum dolor sit amet, consectetuer adipiscing elit.")  # a text box sits inside it in print
    assert [item for item in numbered(pdf) if item[0] != "1" or "Lorem" not in item[1]] == [
        item for item in numbered(draft) if item != wrapped]
    assert {"1", "2", "3", "a", "b", "c", "i", "I", "II", "III"} <= {number for number, _text in numbered(pdf)}
    texts = [b.text for b in pdf.blocks]
    for item in ("When you click Online Video, you can paste in the embed code for the video you want to add.",
                 "You can also type a keyword to search online for the video that best fits your document.",
                 "For example, you can add a matching cover page, header, and sidebar."):
        assert item in texts
    assert not [t for t in texts if t[:2] in ("o ", "1)", "a.", "\u25e6 ")]
    changes = [c for c in compare_documents(draft, pdf).changes if c.kind is not ChangeKind.UNCHANGED]
    assert len(changes) <= 4
    assert not [c for c in changes for b in (*c.olds, *c.news) if b.number or b.text.startswith("HEADING")]


@pytest.mark.libreoffice
def test_a_table_over_several_pages_is_one_table(printed):
    """A table LibreOffice prints over nine pages is one table, as in Word: the header row it
    repeats on each page is furniture ("table header repeated", reported), a row the page break
    cut is one row again, and the table of other columns after it stays a table of its own. The
    draft and its PDF compare equal (before: nine tables, rows in two, headers in the text)."""
    draft, pdf = parse_file(str(Path(printed[TABLES]).with_suffix(".docx"))), parse_file(printed[TABLES])
    tables = [b.text for b in pdf.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 2 and len(tables[0].split("\n")) == 25 and len(tables[1].split("\n")) == 3
    repeated = [f for f in pdf.furniture if f.why == "table header repeated"]
    assert len(repeated) == pdf.pages - 2  # every page the table goes on to (the other table's is the last)
    assert {f.text for f in repeated} == {"Paragraph\tText agreed in 2023\tText proposed in 2024"}
    assert [c.kind for c in compare_documents(draft, pdf).changes] == [ChangeKind.UNCHANGED] * len(draft.blocks)


@pytest.mark.libreoffice
def test_a_table_ruled_across_only_is_one_table(printed):
    """A table ruled as the UN rules them (above and below the header and the total, nothing
    between the columns) is one table in the PDF, as in Word: its columns found by the gaps no
    glyph crosses, its first cells over two lines ("Executive direction and" / "management") each
    in its row, the heading row with no figures a row. Before, each cell was a paragraph of its
    own and the first and the last were glued to the text around the table."""
    draft, pdf = parse_file(str(Path(printed[ACROSS]).with_suffix(".docx"))), parse_file(printed[ACROSS])
    assert [b.kind for b in pdf.blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    assert pdf.blocks[2].text.split("\n") == ["\t".join(row) for row in _ACROSS_ROWS]
    assert [c.kind for c in compare_documents(draft, pdf).changes] == [ChangeKind.UNCHANGED] * 4


@pytest.mark.libreoffice
def test_a_table_ruled_across_over_three_pages_is_one_table(printed):
    """The table ruled across that runs over three pages: on the first two no rule closes it, and
    its rows below the header go on to the page break at their own pitch; the three parts are one
    table, the header LibreOffice repeats on the second and third pages furniture, and the names
    over two lines ("Bosnia and" / "Herzegovina", closer than the rows stand) in their rows. The
    draft and its PDF compare equal (before: a paragraph a cell on the first two pages)."""
    draft, pdf = parse_file(str(Path(printed[ACROSS_LONG]).with_suffix(".docx"))), parse_file(printed[ACROSS_LONG])
    assert pdf.pages == 3 and [b.kind for b in pdf.blocks] == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    assert len([f for f in pdf.furniture if f.why == "table header repeated"]) == 2
    assert [c.kind for c in compare_documents(draft, pdf).changes] == [ChangeKind.UNCHANGED] * 3


# A draft written here with headings set in bars, as Word's styles set them: each heading a
# paragraph with a border and shading of its own, the bars one under another a few points apart.
BOXED = "boxed-headings.docx"
_BOXED_HEADINGS = ("SUMMARY", "MANDATE AND BACKGROUND", "ACTIVITIES OF THE PAST YEAR", "CONCLUSIONS")


def _boxed_headings_draft(path: Path) -> Path:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph("The report is set out in four parts, each under its heading.")
    for k, heading in enumerate(_BOXED_HEADINGS):
        paragraph = document.add_paragraph(heading)
        properties = paragraph._p.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        for edge in ("top", "left", "bottom", "right"):
            rule = OxmlElement(f"w:{edge}")
            for key, value in (("val", "single"), ("sz", "24"), ("space", "0"), ("color", "5B9BD5" if k % 2 else "1F4E79")):
                rule.set(qn(f"w:{key}"), value)
            borders.append(rule)
        properties.append(borders)
        shading = OxmlElement("w:shd")
        for key, value in (("val", "clear"), ("color", "auto"), ("fill", "5B9BD5" if k % 2 else "1F4E79")):
            shading.set(qn(f"w:{key}"), value)
        properties.append(shading)
        paragraph.paragraph_format.space_after = 0  # as Word's heading styles: the bars four points apart
    document.add_paragraph("The Secretary-General submits the report in response to the request of the Council.")
    document.save(str(path))
    return path


@pytest.mark.libreoffice
def test_headings_in_bars_one_under_another_are_paragraphs(printed):
    """Headings set in bars (a border and shading each, a few points apart) print as boxes one
    under another, which the table finder read as one table of one column: its rows the bars and
    the strips between them. Each bar is a boxed paragraph, as in Word: the draft and its PDF
    compare equal, with no table."""
    draft, pdf = parse_file(str(Path(printed[BOXED]).with_suffix(".docx"))), parse_file(printed[BOXED])
    assert [b.text for b in pdf.blocks][1:-1] == list(_BOXED_HEADINGS)
    assert BlockKind.TABLE not in {b.kind for b in pdf.blocks}
    assert [c.kind for c in compare_documents(draft, pdf).changes] == [ChangeKind.UNCHANGED] * len(draft.blocks)


# The table of Member States again, single-spaced (a cell's next line as far below as the next
# row) and with no header row repeated: its part on the second page has no rule but the one at
# its foot. Three more names wrap, inside brackets or after "and", "the", "of".
ACROSS_SINGLE = "ruled-across-single.docx"
_MORE_STATES = ["Saint Vincent and the Grenadines", "United Kingdom of Great Britain and Northern Ireland",
                "Venezuela (Bolivarian Republic of)"]


def _single_spaced_across_draft(path: Path) -> Path:
    return _states_table_draft(path, [*_STATES.split(", "), *_MORE_STATES], repeat_header=False, single_spaced=True)


@pytest.mark.libreoffice
def test_a_table_cut_by_a_page_break_goes_on_where_no_header_is_repeated(printed):
    """The single-spaced table of Member States runs onto a second page where Word repeats no
    header row: there its rows stand under no rule, and the reader took them for lines, its last
    column for a column of text read after the others ("96" … "371"). They go on with the table,
    their columns being its columns: one table, as in Word. A name over two lines is one cell where
    the line stops inside brackets or after "and", "the", "of" ("Bosnia and" / "Herzegovina");
    where nothing says so ("Central African" / "Republic", one line apart as rows are), it stays
    two rows."""
    draft, pdf = parse_file(str(Path(printed[ACROSS_SINGLE]).with_suffix(".docx"))), parse_file(printed[ACROSS_SINGLE])
    assert pdf.pages == 2 and [b.kind for b in pdf.blocks] == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    word, printed_rows = draft.blocks[1].text.split("\n"), pdf.blocks[1].text.split("\n")
    for name in ("Bolivia (Plurinational State of)", "Bosnia and Herzegovina", *_MORE_STATES):
        assert [row for row in printed_rows if row.startswith(name)] == [row for row in word if row.startswith(name)]
    assert [row for row in printed_rows if row not in word] == [
        "Central African\t225\t353", "Republic\t\t", "Democratic People's\t316\t96", "Republic of Korea\t\t"]


@pytest.mark.libreoffice
def test_arabic_vowel_marks_stay_on_their_letters(printed):
    """LibreOffice sets the tanwin of "استناداً" in a fallback font on a baseline of its own, a
    little above the line: it joins its line, after its letter, as in the Word file, and is
    never a line or a paragraph alone."""
    draft, pdf = parse_file(str(WORD / ARABIC)), parse_file(printed[ARABIC])
    assert "استناداً" in draft.blocks[1].text
    texts = [b.text for b in pdf.blocks]
    assert any("النظر، استناداً إلى" in t for t in texts)
    assert not [t for t in texts if t.strip() and all(unicodedata.combining(ch) for ch in t.strip())]


def _pdf_text(path: str) -> str:
    """A parsed PDF's block texts, a line each, the tatweel of justified Arabic left out."""
    return "\n".join(b.text for b in parse_file(path).blocks).replace("\u0640", "")


@pytest.mark.libreoffice
def test_arabic_brackets_and_numbers_read_as_in_word(printed):
    """LibreOffice maps the brackets of "(WRC-07)" in Arabic lines to ")" and ")" or "(" and "(":
    they are read by their shape and mirrored, the number before them stays apart ("417
    (WRC-07)", not "WRC-07) 417)"), a date's numbers keep their places ("23 سبتمبر 2011", once
    "2011 سبتمبر 23" on a line of more digits than letters), the "]" of "[AM(R)S…]" goes with
    the Latin it closes, and a vowel mark follows its letter ("وزَّع", once "و َّزع")."""
    text = _pdf_text(printed[ARABIC])
    draft = "\n".join(b.text for b in parse_file(str(WORD / ARABIC)).blocks).replace("\xa0", " ")
    for words in ["القرار 417 (WRC-07): استعمال الخدمة المتنقلة للطيران (R)",
                  "413 (Rev.WRC-07) والقرار 417 (WRC-07) والقرار 420 (WRC-07)؛",
                  "إن المؤتمر العالمي للاتصالات الراديوية (جنيف، 2012)،",
                  "التقرير ITU-R M.[AM(R)S_1GHz_SHARING] الوسائل",
                  "الساتلية (RNSS) العاملة",
                  "2007 \u0648\u0632\u0651\u064e\u0639 النطاق"]:
        assert words in draft  # the Word file says so
        assert words in text
    assert "23 سبتمبر 2011" in text
    assert not [t for t in (")R)", "WRC-07) 4", "(WRC-07(", "((", "))") if t in text]


@pytest.mark.libreoffice
def test_a_mostly_latin_line_of_an_arabic_paragraph_reads_right_to_left(printed):
    """"MOD<tab>MEX/18A3/1", a line of Latin letters only in a right-to-left paragraph, is printed
    "MEX/18A3/1   MOD": the page's direction (not the line's letters) reads it in Word's order,
    the gap a tab (a segment separator of the bidirectional algorithm)."""
    blocks = [b.text for b in parse_file(printed[ARABIC]).blocks]
    assert "MOD\tMEX/18A3/1" in blocks  # the tab's gap a tab, as Word has it
    assert "MOD\tMEX/18A3/1" in [b.text for b in parse_file(str(WORD / ARABIC)).blocks]


@pytest.mark.libreoffice
def test_arabic_list_items_are_paragraphs_as_in_word(printed):
    """Justified Arabic paragraphs with a hanging label ("ب)" at the right margin, the lines below
    set under the text after it) are one paragraph each, as in Word: a right-to-left page's
    paragraphs are found with its lines mirrored (indents and short last lines are on the left)."""
    draft = [b.text.replace("\xa0", " ").replace("\t", " ") for b in parse_file(str(WORD / ARABIC)).blocks]
    pdf = [b.text.replace("\u0640", "").replace("\t", " ") for b in parse_file(printed[ARABIC]).blocks]
    for label in ("أ ) إدخال وسائل تشغيلية", "ب) وإدخال حدود للقدرة", "ب) التوزيع الحالي لنطاق"):
        (word,) = [t for t in draft if t.startswith(label)]
        (printed_block,) = [t for t in pdf if t.startswith(label)]
        assert printed_block.split()[-3:] == word.split()[-3:]  # it ends where Word's does


@pytest.mark.libreoffice
def test_an_arabic_note_after_its_asterisk_is_one_paragraph(printed):
    """Twice in the Arabic draft a note opens with the Symbol font's asterisk (U+F02A) at the right
    margin, a tab, then its text, the lines below it back at the margin. Each is one paragraph in
    the PDF, as in Word: once the asterisk on its own line with its text in two paragraphs, once
    the text cut after its first line (the asterisk's hanging indent read as a new paragraph's)."""
    notes = [b.text.replace("\u0640", "") for b in parse_file(printed[ARABIC]).blocks if "تستند" in b.text.replace("\u0640", "")]
    assert len(notes) == 2
    for note in notes:
        assert note.startswith("\uf02a") and "AM(R)S" in note and note.rstrip().endswith("ITU-R M.[AM(R)S_1GHz_SHARING].")


@pytest.mark.libreoffice
def test_the_arabic_draft_and_its_pdf_differ_less(printed):
    """The Arabic draft against its PDF: 104 changes before right-to-left lines were read in
    reading order, 64 with them, 19 once its two ruled tables were read cell by cell, right to
    left, each one block as in Word (their cells' Latin and figures, "1 164-960 MHz", can read
    either way round in print), 15 now: "50." set smaller by LibreOffice stays in its paragraph,
    Word's typed rule "___________" is set aside as the PDF's separator is, and Symbol's asterisk
    (U+F02A, which the Word reader leaves out) is not compared. The rest: the
    header (a Word table without rules, its lines holding all its words but "18-A", printed
    "A-18"), "934 km" read "km 934" (the same drawing either way) and LibreOffice's own breaks
    inside "1 164-960"; list numbers printed with a tab ("1<tab>أن أي") are labels, as Word's are.
    4 now: the header and "934 km" print as they are typed (compare.text.printed), so they are the
    same, and a tatweel LibreOffice set after a bracket ("(R)ـ (AM(R)S)") is no space; left are
    LibreOffice's break inside "960", a line broken between "دون" and "MHz" that Word typed
    joined, and the two tables' rows."""
    draft, pdf = parse_file(str(WORD / ARABIC)), parse_file(printed[ARABIC])
    changes = compare_documents(draft, pdf).changes
    changed = [c for c in changes if c.kind is not ChangeKind.UNCHANGED]
    assert len(changed) <= 4
    alike = [c for c in changes if PRINTED_ALIKE in c.reasons]
    assert any("934" in b.text and "km" in b.text for c in alike for b in c.olds)
    assert any(REFLOWED in c.reasons and "18-A" in c.olds[0].text for c in changes)
    tables = [b.text for b in pdf.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 2
    for table in tables:  # the first cell of each row is the rightmost, as in Word
        assert [row.split("\t")[0].split()[0] for row in table.split("\n")] == ["إرسالات", "التردد", "غير"]
    news = " ".join(b.text for c in changed for b in c.news)
    assert ")R)" not in news and "WRC-07) 4" not in news


@pytest.mark.libreoffice
def test_a_drafts_symbols_compare_equal_with_the_private_use_codes_of_its_pdf(printed):
    """Characters inserted from symbol fonts: the Word reader gives the Symbol font's as Unicode
    ("≤", "≥", "∗") and a Wingdings tick as its code; LibreOffice prints them all under its
    OpenSymbol font with their private-use codes. The draft and its PDF compare equal."""
    draft, pdf = parse_file(str(Path(printed[SYMBOLS]).with_suffix(".docx"))), parse_file(printed[SYMBOLS])
    assert [b.text for b in draft.blocks][1:3] == ["Warming is kept ≤ 1.5 degrees.", "Emissions fall by ≥ 45 per cent."]
    assert "\uf0a3" in pdf.blocks[1].text  # the PDF keeps the code, not the character
    assert [c.kind for c in compare_documents(draft, pdf).changes] == [ChangeKind.UNCHANGED] * 5


@pytest.mark.libreoffice
def test_one_line_paragraphs_set_apart_are_a_paragraph_each(printed):
    """Seven paragraphs of one line each, with space after each (redlines-original): their ends
    lie far short of the page's margin and they stand wider apart than double spacing, so their
    common end is no wrap width. Each is a paragraph, as in Word ("I.e. don't use them…" and
    "Such is the life…" were one)."""
    name = "redlines-original.docx"
    assert [b.text for b in parse_file(printed[name]).blocks] == [b.text for b in parse_file(str(real(name))).blocks]
