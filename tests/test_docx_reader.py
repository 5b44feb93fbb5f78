"""parsers.docx.reader on the small Word fixtures: one behaviour each."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from real_word import real

from parsers.api import ParseOptions, parse_file
from parsers.docx.reader import ACCEPTED_WARNING, ORIGINAL_WARNING, body_elements, read_docx
from parsers.errors import ErrorCode, ParseError
from parsers.model import Footnote, Span

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def read(name: str, **kwargs):
    return read_docx(str(FIXTURES / name), **kwargs)


def texts(name: str, **kwargs) -> list[str]:
    return [p.text for p in read(name, **kwargs).paragraphs]


def test_table_is_one_paragraph_in_body_order():
    """P1, the table (cells by tabs, rows by newlines, is_table), P3, in that order."""
    paragraphs = read("table-in-body.docx").paragraphs
    assert [(p.text, p.is_table) for p in paragraphs] == [
        ("P1", False), ("r1c1\tr1c2\nr2c1\tr2c2", True), ("P3", False)]


def test_location_counts_body_paragraphs_and_tables():
    """Location.element is the index among the body's w:p and w:tbl elements."""
    assert [p.location.element for p in read("table-in-body.docx").paragraphs] == [0, 1, 2]


def test_block_content_control_is_walked_in_place():
    """Paragraphs and tables inside a block-level w:sdt are read in order and counted in
    Location.element like any body element."""
    paragraphs = read("block-content-control.docx").paragraphs
    assert [(p.text, p.is_table, p.location.element) for p in paragraphs] == [
        ("P1", False, 0), ("P2 in a control", False, 1), ("left\tright", True, 2), ("P3", False, 3)]


def test_body_elements_matches_locations():
    """body_elements() finds again the element each Location.element points at."""
    import docx
    from docx.oxml.ns import qn

    path = FIXTURES / "block-content-control.docx"
    elements = list(body_elements(docx.Document(str(path)).element.body))
    for paragraph in read_docx(str(path)).paragraphs:
        element = elements[paragraph.location.element]
        words = [t.text for t in element.iter(qn("w:t"))]
        assert ("\t" if paragraph.is_table else "").join(words) == paragraph.text


def test_header_footer_and_comment_text_stay_out_of_the_body():
    """Only the two body paragraphs are read; header, footer and comment text are not."""
    result = read("header-footer-comments.docx")
    assert [p.text for p in result.paragraphs] == ["Body text with a comment.", "Second body paragraph."]
    assert not any(word in p.text for p in result.paragraphs for word in ("HEADER", "FOOTER", "COMMENT"))


def test_tracked_changes_read_as_accepted_by_default():
    """Insertions and moved-to text in, deletions and moved-from text out, a deleted paragraph
    mark joins two paragraphs, and a warning says so."""
    result = read("tracked-changes.docx")
    assert [p.text for p in result.paragraphs] == [
        "The Commission notes the report.",
        "Alpha. Beta. Moved words.",
        "This paragraph ends and this one follows.",
        "An inserted paragraph.",
        "The last paragraph.",
    ]
    assert result.warnings == (ACCEPTED_WARNING,)


def test_tracked_changes_read_as_original():
    """original=True rejects every change: deleted text back, insertions and the inserted
    paragraph gone, the deleted paragraph mark still splits."""
    result = read("tracked-changes.docx", original=True)
    assert [p.text for p in result.paragraphs] == [
        "The Commission welcomes the report.",
        "Alpha. Moved words. Beta. ",
        "This paragraph ends ",
        "and this one follows.",
        "The last paragraph.",
    ]
    assert result.warnings == (ORIGINAL_WARNING,)


def test_merged_paragraph_keeps_location_of_its_first_text():
    """A paragraph joined by a removed mark points at the first element that has text."""
    accepted = read("tracked-changes.docx").paragraphs
    original = read("tracked-changes.docx", original=True).paragraphs
    assert accepted[2].location.element == 2
    assert original[-1].location.element == 5


def test_parse_file_passes_original_and_keeps_the_warning():
    """parse_file with ParseOptions(original=True) reads the text before the changes and the
    Document carries the reader's warning."""
    accepted = parse_file(str(FIXTURES / "tracked-changes.docx"))
    original = parse_file(str(FIXTURES / "tracked-changes.docx"), ParseOptions(original=True))
    assert accepted.blocks[0].text == "The Commission notes the report."
    assert original.blocks[0].text == "The Commission welcomes the report."
    assert ACCEPTED_WARNING in accepted.warnings and ORIGINAL_WARNING in original.warnings


def test_no_warning_without_tracked_changes():
    """A file without revisions reads without warnings."""
    assert read("table-in-body.docx").warnings == ()


def test_footnote_references_become_superscript_marks():
    """Auto-numbered references show as ¹ ², a custom mark keeps its symbol; both are listed."""
    paragraphs = read("footnotes.docx").paragraphs
    assert paragraphs[0].text == "A sentence with a note¹ and a starred one*."
    assert paragraphs[0].footnote_marks == ("1", "*")
    assert paragraphs[1].text == "Another note² here."
    assert paragraphs[1].footnote_marks == ("2",)


def word_with_lists_in_a_table(path: Path, *, around: bool = False) -> Path:
    """A Word file of one table: "Measures" and a numbered list of two items in its first cell,
    "Notes" and a bulleted item in the second; between two paragraphs of a resolution when
    `around`."""
    import docx

    document = docx.Document()
    if around:
        document.add_paragraph("The General Assembly,")
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    cell = table.cell(0, 0)
    cell.paragraphs[0].text = "Measures"
    for text in ("Decides to act now.", "Requests a report."):
        cell.add_paragraph(text, style="List Number")
    table.cell(0, 1).paragraphs[0].text = "Notes"
    table.cell(0, 1).add_paragraph("Welcomes the plan.", style="List Bullet")
    if around:
        document.add_paragraph("Decides to remain seized of the matter.")
    document.save(str(path))
    return path


def test_numbered_paragraphs_in_a_table_cell_keep_their_labels(tmp_path):
    """Word prints a numbered list's labels and a bulleted list's bullets in a table cell ("1.",
    "2.", "•"), and a PDF of the file reads them there (found on a real file of PyDocX's test
    data): the cell's text has them, and a paragraph after them that is not numbered gets none."""
    path = word_with_lists_in_a_table(tmp_path / "list-in-table.docx")
    # the bullet is the Symbol font's code U+F0B7 in the file: "•" as Word prints it
    assert read_docx(str(path)).paragraphs[0].text == \
        "Measures 1. Decides to act now. 2. Requests a report.\tNotes • Welcomes the plan."


def test_footnote_cited_in_a_table():
    """A reference inside a table cell is numbered in body order and listed on the table."""
    table = read("footnotes.docx").paragraphs[2]
    assert (table.is_table, table.text, table.footnote_marks) == (True, "Cell with a note³.", ("3",))


def test_footnote_texts_in_reference_order_without_separators():
    """Footnotes come back with their marks and texts; separator notes are skipped."""
    assert read("footnotes.docx").footnotes == (
        Footnote("1", "First note."), Footnote("*", "Star note."), Footnote("2", "Second note."),
        Footnote("3", "Table note."))


def test_a_table_in_a_footnote_is_read_with_its_note(tmp_path):
    """A note may hold a table after its text (found in a real file of SuperDoc's package): its
    cells' text is the note's, in order, where it was left out in silence."""
    table = ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Africa</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12</w:t>'
             '</w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Asia</w:t></w:r></w:p></w:tc><w:tc><w:p>'
             '<w:r><w:t>7</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    path = tmp_path / "note-table.docx"
    with zipfile.ZipFile(FIXTURES / "footnotes.docx") as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "word/footnotes.xml":
                at = data.index(b"Star note.")
                at = data.index(b"</w:p>", at) + len(b"</w:p>")
                data = data[:at] + table.encode() + data[at:]
            new.writestr(info, data)
    notes = read_docx(str(path)).footnotes
    assert notes[1] == Footnote("*", "Star note. Africa 12 Asia 7")
    assert notes[0] == Footnote("1", "First note.")


def test_direct_italic_run():
    """A directly italic run gives an italic span over exactly its text."""
    first = read("run-formatting.docx").paragraphs[0]
    assert first.text == "Urges Member States"
    assert first.spans == (Span(0, 5, italic=True),)


def test_adjacent_runs_of_one_format_merge():
    """Two italic runs in a row make one span."""
    assert read("run-formatting.docx").paragraphs[1].spans == (Span(0, 10, italic=True),)


def test_character_style_italic():
    """Italic set by a character style (rStyle) counts."""
    assert read("run-formatting.docx").paragraphs[2].spans == (Span(0, 6, italic=True),)


def test_paragraph_style_italic_through_based_on_and_direct_off():
    """Italic inherited from the paragraph style's basedOn; w:i w:val="0" turns it off."""
    paragraph = read("run-formatting.docx").paragraphs[3]
    assert paragraph.text == "Inherited upright"
    assert paragraph.spans == (Span(0, 9, italic=True),)


def test_character_style_toggles_paragraph_style():
    """An italic character style on an italic paragraph style flips italic off (toggle rule)."""
    paragraph = read("run-formatting.docx").paragraphs[4]
    assert paragraph.text == "Toggled off still italic."
    assert paragraph.spans == (Span(11, 25, italic=True),)


def test_bold_flag_when_all_text_is_bold():
    """A paragraph whose every run is bold is marked bold; others are not."""
    paragraphs = read("run-formatting.docx").paragraphs
    assert paragraphs[5].bold is True
    assert not any(p.bold for p in paragraphs[:5])


def test_hyperlink_smart_tag_and_content_control_text_is_body_text():
    """Runs inside w:hyperlink, w:smartTag and w:sdt are read in place."""
    assert texts("inline-containers.docx")[:3] == ["See the website.", "Vienna is a city.", "Controlled text."]


def test_fields_give_their_result_not_their_instruction():
    """Complex and simple fields show their displayed text only."""
    assert texts("inline-containers.docx")[3] == "Date: 13 April 2018 (simple)"


def test_hidden_text_is_skipped_and_line_breaks_kept():
    """w:vanish runs are not read, and the warnings say so (Word neither shows nor prints them:
    a PDF of the file has no such text); w:br is a newline."""
    assert texts("inline-containers.docx")[4:] == ["Shown shown.", "Line one\nline two."]
    assert read("inline-containers.docx").warnings == (
        "1 run of hidden text (Word's Hidden font setting) not read: Word neither shows nor prints it, and it is left "
        "out of the comparison",)


def test_a_hidden_paragraph_mark_hides_no_text(tmp_path):
    """A paragraph whose mark is hidden (pPr/rPr/w:vanish: Word joins it to the next) hides no
    text: no warning."""
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    first = document.add_paragraph("The General Assembly,")
    mark = OxmlElement("w:rPr")
    mark.append(OxmlElement("w:vanish"))
    first._p.get_or_add_pPr().append(mark)
    document.add_paragraph("Decides to remain seized of the matter.")
    path = tmp_path / "mark.docx"
    document.save(str(path))
    assert not [w for w in read_docx(str(path)).warnings if "hidden" in w]


def test_centred_from_style_or_direct_jc():
    """jc="center" in the paragraph's style or its own pPr marks it centred."""
    paragraphs = read("run-formatting.docx").paragraphs
    assert [p.centered for p in paragraphs] == [False] * 6 + [True, True]
    assert paragraphs[6].style == "Centred"


def test_large_marks_text_set_above_body_size():
    """Paragraphs set bigger than the body's 10 pt (title block, title) are `large`; body text is not."""
    large = [p.text for p in read("l2-en.docx").paragraphs if p.large]
    assert large == ["United Nations", "E/CN.15/2018/L.2", "Economic and Social Council",
                     "Preventing and combating trafficking in persons facilitated by technology"]


def test_style_name():
    """RawParagraph.style is the style's display name; the resolutions' title uses "Title"."""
    paragraphs = read("l2-en.docx").paragraphs
    title = next(p for p in paragraphs if p.text.startswith("Preventing and combating"))
    assert title.style == "Title"
    assert {p.style for p in paragraphs if p.number} == {"UN Single Text"}


def test_symbol_from_running_header():
    """The document symbol is picked up from the header."""
    assert read("l2-fr-rev1.docx").symbol == "E/CN.15/2018/L.2/Rev.1"


def test_not_a_zip_is_corrupt(tmp_path):
    """A file that is not a zip package raises ParseError CORRUPT naming the file."""
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(ParseError) as info:
        read_docx(str(bad))
    assert info.value.code is ErrorCode.CORRUPT
    assert str(info.value).startswith(str(bad))
    assert "\n" not in str(info.value)


def test_broken_document_xml_is_corrupt(tmp_path):
    """A package whose document.xml is not XML raises ParseError CORRUPT from the lxml error."""
    bad = tmp_path / "broken.docx"
    with zipfile.ZipFile(FIXTURES / "table-in-body.docx") as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info, b"<w:document><unclosed" if info.filename == "word/document.xml" else data)
    with pytest.raises(ParseError) as info:
        read_docx(str(bad))
    assert info.value.code is ErrorCode.CORRUPT
    assert info.value.__cause__ is not None


def test_truncated_package_is_corrupt(tmp_path):
    """Half a .docx raises ParseError CORRUPT."""
    bad = tmp_path / "half.docx"
    data = (FIXTURES / "table-in-body.docx").read_bytes()
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(ParseError) as info:
        read_docx(str(bad))
    assert info.value.code is ErrorCode.CORRUPT


def test_endnotes_are_read_and_text_boxes_are_not_dropped_in_silence():
    """A real Word file (LibreOffice 7.4 from docx/endnote-textbox.fodt) with an endnote and a
    text box: the endnote's mark stands raised in the text ("ⁱ", numbered lower-case roman as the
    file says) and its text is a note with mark "i"; a warning says the text box is left out
    (once, though Word files hold it twice: the drawing and its fallback for old readers)."""
    result = read_docx(str(FIXTURES / "docx" / "endnote-textbox.docx"))
    texts = [p.text for p in result.paragraphs]
    assert texts == ["1. Décide de rester saisie de la questionⁱ.", "2. Prie le Secrétaire général de lui faire rapport."]
    assert result.paragraphs[0].footnote_marks == ("i",)
    assert [(n.mark, n.text) for n in result.footnotes] == [("i", "Voir le rapport du Secrétaire général.")]
    assert result.warnings == ("1 text box not read: its text is left out of the comparison",)


def test_a_file_whose_only_text_is_in_a_text_box_says_so(tmp_path):
    """A Word file with text in a text box only (a real one of PyDocX's test data is so) is
    refused as empty, and the error says what was not read rather than "no text" alone."""
    import docx
    from lxml import etree

    document = docx.Document()
    document.add_paragraph()._p.append(etree.fromstring(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
        '<w:p><w:r><w:t>Decides to remain seized of the matter.</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    path = tmp_path / "boxed.docx"
    document.save(str(path))
    with pytest.raises(ParseError) as caught:
        parse_file(str(path))
    assert caught.value.code is ErrorCode.EMPTY
    assert caught.value.message == ("the document contains no text Accord reads; 1 text box not read: its text is "
                                    "left out of the comparison")


def test_a_resolution_without_them_has_no_such_warning():
    """The L.2 fixtures have footnotes but no endnotes or text boxes: no warning about them."""
    for name in ("l2-fr.docx", "l2-en.docx", "l2-fr-rev1.docx"):
        assert not [w for w in read_docx(str(FIXTURES / name)).warnings if "not read" in w]


def word_with_symbols(path: Path, symbols: list[tuple[str, str, str, str]], opening: tuple[str, ...] = ()) -> Path:
    """A Word file of one paragraph per (before, font, code, after): a character inserted from a
    symbol font (Insert > Symbol: w:sym) between two runs of text; `opening` paragraphs of plain
    text first."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    for text in opening:
        document.add_paragraph(text)
    for before, font, code, after in symbols:
        paragraph = document.add_paragraph(before)
        symbol = OxmlElement("w:sym")
        symbol.set(qn("w:font"), font)
        symbol.set(qn("w:char"), code)
        paragraph.add_run()._r.append(symbol)
        paragraph.add_run(after)
    document.save(str(path))
    return path


def test_symbol_font_characters_read_as_the_characters_they_draw(tmp_path):
    """Word keeps a character inserted from the Symbol font as its code in the private use area:
    it reads as the character the font draws ("≤", "≥", "α", the asterisk of a note). Another
    font's code (a Wingdings tick) has no standard character and is kept as its code, not left
    out: two ticks of different codes stay different."""
    path = word_with_symbols(tmp_path / "symbols.docx", [
        ("Temperature rise ", "Symbol", "F0A3", " 1.5 degrees."), ("Temperature rise ", "Symbol", "F0B3", " 2 degrees."),
        ("Decay ", "Symbol", "F061", "."), ("Note", "Symbol", "F02A", ""), ("Checked ", "Wingdings", "F0FC", " item."),
        ("Broken ", "Symbol", "zz", " code.")])
    assert [p.text for p in read_docx(str(path)).paragraphs] == [
        "Temperature rise ≤ 1.5 degrees.", "Temperature rise ≥ 2 degrees.", "Decay α.", "Note\u2217",
        "Checked \uf0fc item.", "Broken  code."]


def test_the_arabic_drafts_symbol_asterisks_are_read():
    """The real Arabic draft's four asterisks, inserted from the Symbol font (twice a note's mark
    at its start, twice in a table's cell "غير منطبق*"), are read (they used to be left out)."""
    text = "\n".join(p.text for p in read_docx(str(real("oxpt-RP051-Arabic-Accepted.docx"))).paragraphs)
    assert text.count("\u2217") == 4 and "\uf02a" not in text
    assert text.count("\u2217\tتستند") == 2


def test_an_old_equation_object_is_reported_not_dropped_in_silence(tmp_path):
    """An equation embedded as an object of the old Equation Editor (or MathType) is a picture
    with no text in the file: the reader says it left it out."""
    import docx
    from lxml import etree

    document = docx.Document()
    paragraph = document.add_paragraph("The rate is ")
    paragraph._p.append(etree.fromstring(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:o="urn:schemas-microsoft-com:office:office"><w:object>'
        '<o:OLEObject Type="Embed" ProgID="Equation.3" ObjectID="_1"/></w:object></w:r>'))
    paragraph.add_run(" per year.")
    document.add_paragraph("Decides to remain seized of the matter.")
    path = tmp_path / "ole.docx"
    document.save(str(path))
    read = parse_file(str(path))
    assert [b.text for b in read.blocks] == ["The rate is  per year.", "Decides to remain seized of the matter."]
    assert "1 equation of the old Equation Editor or MathType not read: it is a picture in the file, " \
           "left out of the comparison" in read.warnings


def test_a_part_imported_from_another_file_is_reported_not_dropped_in_silence(tmp_path):
    """Document-assembly tools insert text as an altChunk: a part in HTML, RTF or another .docx
    that Word shows in place and makes its own paragraphs only when the file is saved in Word.
    python-docx sees no paragraph there; the reader says it left the part out."""
    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    document = docx.Document()
    document.add_paragraph("The General Assembly,")
    chunk = Part(PackURI("/word/afchunk1.htm"), "text/html",
                 b"<html><body><p>Decides to remain seized of the matter.</p></body></html>", document.part.package)
    rid = document.part.relate_to(chunk, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk")
    body = document.element.body
    body.insert(len(body) - 1, etree.fromstring(
        '<w:altChunk xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="{rid}"/>'))
    path = tmp_path / "assembled.docx"
    document.save(str(path))
    read = parse_file(str(path))
    assert [b.text for b in read.blocks] == ["The General Assembly,"]
    assert "1 part imported from another file (HTML, RTF or .docx: w:altChunk) not read: their text is left " \
           "out of the comparison; save the file in Word to make them its own text" in read.warnings



def _without_members(source: Path, path: Path, names: set[str]) -> Path:
    """A copy of the Word file at `source` with the zip members `names` left out."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename not in names:
                new.writestr(info, old.read(info))
    return path


def test_a_file_missing_a_part_it_names_is_read_with_a_warning(tmp_path):
    """A Word file whose picture a tool left out of the package (its relationship still names it:
    Word opens the file and shows the picture as missing) is read, not refused, and so is one
    missing its styles; the warning names the parts. A real file of PyDocX's test data is made so."""
    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    document = docx.Document()
    document.add_paragraph("The General Assembly,")
    picture = Part(PackURI("/word/media/image1.png"), "image/png", b"\x89PNG\r\n\x1a\n", document.part.package)
    document.part.relate_to(picture, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image")
    document.add_paragraph("Decides to remain seized of the matter.")
    whole = tmp_path / "whole.docx"
    document.save(str(whole))
    path = _without_members(whole, tmp_path / "missing.docx", {"word/media/image1.png", "word/styles.xml"})
    read = parse_file(str(path))
    assert [b.text for b in read.blocks] == ["The General Assembly,", "Decides to remain seized of the matter."]
    assert "the file refers to parts it does not hold (word/media/image1.png, word/styles.xml): read without them" \
        in read.warnings
    assert not [w for w in parse_file(str(whole)).warnings if "does not hold" in w]


def test_a_file_missing_its_document_is_still_refused(tmp_path):
    """Without its main document there is nothing to read: the one-line error, as before."""
    import docx

    whole = tmp_path / "whole.docx"
    docx.Document().save(str(whole))
    path = _without_members(whole, tmp_path / "hollow.docx", {"word/document.xml"})
    with pytest.raises(ParseError) as caught:
        parse_file(str(path))
    assert caught.value.path == str(path) and "\n" not in caught.value.message


def _as_word_online(source: Path, path: Path) -> Path:
    """The Word file at `source` packaged as Word Online and Office 365 save it: the main part
    named word/document2.xml (its relationships part, the content types and the package's
    relationship follow)."""
    renamed = {"word/document.xml": "word/document2.xml", "word/_rels/document.xml.rels": "word/_rels/document2.xml.rels"}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename in ("[Content_Types].xml", "_rels/.rels"):
                data = data.replace(b"word/document.xml", b"word/document2.xml")
            new.writestr(renamed.get(info.filename, info.filename), data)
    return path


def test_a_word_online_package_is_read_and_redlined(tmp_path):
    """A draft saved by Word Online (word/document2.xml) was refused as "not a Word document": it
    reads as the same draft saved by Word, and its redline is the same."""
    from desktop import cli

    old = _as_word_online(FIXTURES / "l2-en.docx", tmp_path / "online.docx")
    new = _as_word_online(FIXTURES / "l2-en-rev1.docx", tmp_path / "online-rev1.docx")
    with zipfile.ZipFile(old) as package:
        assert "word/document.xml" not in package.namelist()
    assert parse_file(str(old)).blocks == parse_file(str(FIXTURES / "l2-en.docx")).blocks
    assert cli.main(["compare", str(old), str(new), "--format", "docx", "-o", str(tmp_path / "online-red.docx")]) == 1
    assert cli.main(["compare", str(FIXTURES / "l2-en.docx"), str(FIXTURES / "l2-en-rev1.docx"), "--format", "docx",
                     "-o", str(tmp_path / "red.docx")]) == 1
    for original in (False, True):
        options = ParseOptions(original=original)
        assert [b.text for b in parse_file(str(tmp_path / "online-red.docx"), options).blocks] == \
               [b.text for b in parse_file(str(tmp_path / "red.docx"), options).blocks]


def test_small_capitals_read_as_shown(tmp_path):
    """Text in small capitals (w:smallCaps: capitals of a smaller size) reads upper case, as Word
    shows it and a PDF of it reads it (LibreOffice's print of a real file of PyDocX's test data
    read "EEE" where the Word file reads "eee"); a run setting it off in a style that sets it
    reads as typed."""
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("Note by the ")
    paragraph.add_run("Secretary-General").font.small_caps = True
    style = document.styles.add_style("Small", 1)
    style.font.small_caps = True
    styled = document.add_paragraph("Agenda item 5", style="Small")
    styled.add_run(" (continued)").font.small_caps = False
    path = tmp_path / "small-caps.docx"
    document.save(str(path))
    assert [p.text for p in read_docx(str(path)).paragraphs] == ["Note by the SECRETARY-GENERAL", "AGENDA ITEM 5 (continued)"]
