"""The PDF reader on small PDFs written here byte by byte, so each shows exactly one thing:
hyphenated line ends, superscript marks, a footnote continued over a page break, barcodes and
recycling lines, pages without text. Courier is used because its glyphs are all 0.6 em wide, so
lines can be justified exactly (with the `Tw` word spacing) as a word processor would."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.api import parse_file
from parsers.errors import ErrorCode, ParseError
from parsers.pdf.reader import read_pdf

PAGE_W, PAGE_H = 595.0, 842.0
LEFT, RIGHT = 72.0, 342.0  # a 45-character column of 10-pt Courier
FONTS = {"R": "Courier", "I": "Courier-Oblique", "B": "Courier-Bold", "X": "Free3of9"}
ADVANCE = 0.6  # Courier's advance width, in ems


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


class Page:
    """Text placed at exact positions; y is measured from the top of the page to the baseline."""

    def __init__(self) -> None:
        self.ops: list[bytes] = []

    def text(self, x: float, y: float, runs: list[tuple[str, str]] | str, size: float = 10.0,
             width: float | None = None) -> Page:
        """Write runs of (font, text); with `width`, justify the line to that width."""
        if isinstance(runs, str):
            runs = [("R", runs)]
        whole = "".join(t for _f, t in runs)
        spacing = 0.0
        if width is not None and whole.count(" "):
            spacing = (width - ADVANCE * size * len(whole)) / whole.count(" ")
        out = [f"BT 1 0 0 1 {x:.2f} {PAGE_H - y:.2f} Tm {spacing:.3f} Tw".encode()]
        for font, chunk in runs:
            out.append(f"/{font} {size} Tf (".encode() + _escape(chunk) + b") Tj")
        out.append(b"ET")
        self.ops.append(b" ".join(out))
        return self

    def paragraph(self, y: float, lines: list[str], size: float = 10.0, indent: float = 36.0,
                  lead: float = 12.0) -> float:
        """Justified lines (the last one ragged), the first indented; returns the next free y."""
        for k, line in enumerate(lines):
            x = LEFT + (indent if k == 0 else 0.0)
            last = k == len(lines) - 1
            self.text(x, y, line, size, None if last else RIGHT - x)
            y += lead
        return y + lead / 2

    def rectangle(self) -> Page:
        self.ops.append(b"0.5 g 100 100 200 200 re f")
        return self


def write_pdf(path: Path, pages: list[Page]) -> Path:
    """A valid PDF 1.4 file: catalog, page tree, one content stream per page, standard fonts."""
    objects: list[bytes] = []
    font_ids = {}
    for key, name in FONTS.items():
        objects.append(f"<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >>".encode())
        font_ids[key] = len(objects)
    fonts = " ".join(f"/{k} {i} 0 R" for k, i in font_ids.items())
    pages_id = len(objects) + 1 + 2 * len(pages) + 1
    kids = []
    for page in pages:
        stream = b"\n".join(page.ops)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(
            f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {PAGE_W:.0f} {PAGE_H:.0f}] "
            f"/Resources << /Font << {fonts} >> >> /Contents {len(objects)} 0 R >>".encode()
        )
        kids.append(f"{len(objects)} 0 R")
    objects.append(f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode())
    catalog = len(objects)
    objects.append(f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>".encode())
    assert len(objects) == pages_id
    return pdf_file(path, objects, catalog)


def pdf_file(path: Path, objects: list[bytes], catalog: int) -> Path:
    """Write `objects` (numbered from 1, the `catalog` among them) as a PDF 1.4 file with its
    cross-reference table."""
    body = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    body += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(body))
    return path


def _running(page: Page, number: int, total: int) -> Page:
    """UN-style running lines: symbol on top, job number, page x/y, barcode and recycling at foot."""
    page.text(LEFT, 40, [("B", "A/C.3/72/L.10/Rev.1")], 9)
    page.text(LEFT, 800, f"17-16793 (F)    {number}/{total}", 8)
    page.text(LEFT, 815, [("X", "*1716793*")], 14)
    page.text(400, 815, "Please recycle", 7)
    return page


def texts(path: Path) -> list[str]:
    return [p.text for p in read_pdf(str(path)).paragraphs]


def test_line_end_hyphens_are_undone_only_where_the_typesetter_put_them(tmp_path):
    """'organi-' + 'sation' joins without the hyphen; 'vingt-' + 'septième', 'c'est-à-' + 'dire',
    'celle-' + 'ci' and 'Nord-' + 'Sud' keep theirs."""
    page = Page()
    page.paragraph(100, [
        "Les États Membres ont demandé à l'organi-",
        "sation de tenir compte, lors de sa vingt-",
        "septième session, des avis reçus, c'est-à-",
        "dire de ceux de la coopération dite Nord-",
        "Sud et des travaux des experts, de celle-",
        "ci, sans exception.",
    ], indent=0.0)
    path = write_pdf(tmp_path / "hyphens.pdf", [page])
    assert texts(path) == [
        "Les États Membres ont demandé à l'organisation de tenir compte, lors de sa vingt-septième "
        "session, des avis reçus, c'est-à-dire de ceux de la coopération dite Nord-Sud et des "
        "travaux des experts, de celle-ci, sans exception."
    ]


def test_running_headers_footers_barcodes_and_recycling_lines_are_removed(tmp_path):
    """The symbol line, 'job number page/total', the barcode and 'Please recycle' leave no trace
    in the body, and the symbol is reported."""
    pages = []
    for n in (1, 2):
        page = _running(Page(), n, 2)
        page.paragraph(100, [f"Paragraph on page {n}, long enough to be set",
                             "over two lines."])
        pages.append(page)
    result = read_pdf(str(write_pdf(tmp_path / "running.pdf", pages)))
    assert [p.text for p in result.paragraphs] == [
        "Paragraph on page 1, long enough to be set over two lines.",
        "Paragraph on page 2, long enough to be set over two lines.",
    ]
    assert result.symbol == "A/C.3/72/L.10/Rev.1"
    assert result.pages == 2


def test_a_footer_on_two_neighbouring_pages_only_is_furniture(tmp_path):
    """A short section's own footer (a Word addendum's "Addendum Last Updated October 2024" on
    its last two pages of ten) is set aside with its page and why, where repetition over the
    document is too rare to tell; the same words at another height on the next page, or on
    pages that are not neighbours, stay text."""
    pages = []
    words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    for n in range(1, 11):
        page = Page()
        page.paragraph(300, [f"Paragraph on page {words[n - 1]}, long enough to be", f"set over lines {words[n - 1]}."])
        if n in (9, 10):
            page.text(LEFT, 800, "Addendum Last Updated October 2024", 8)
        if n in (3, 5):
            page.text(LEFT, 800, "Schedule of the parties", 8)
        if n in (6, 7):
            page.text(LEFT, 790 + 10 * (n - 6), "Signed at Geneva", 8)
        pages.append(page)
    result = read_pdf(str(write_pdf(tmp_path / "addendum.pdf", pages)))
    assert [(f.page, f.text, f.why) for f in result.furniture] == [
        (9, "Addendum Last Updated October 2024", "running footer"),
        (10, "Addendum Last Updated October 2024", "running footer")]
    texts = [p.text for p in result.paragraphs]
    assert texts.count("Schedule of the parties") == 2 and texts.count("Signed at Geneva") == 2


def test_a_list_item_set_in_goes_on_over_a_page_break_at_its_indent(tmp_path):
    """An item's hanging lines, set in from the margin, run to the foot of a page; the next page
    opens at the same indent with the item's last words ("Directors]." in the NVCA charter
    printed by LibreOffice): one paragraph, not two. A line at the margin after it is the next."""
    first, second = Page(), Page()
    y = first.paragraph(100, ["The holders of the shares shall elect", "the directors as follows."], indent=0.0)
    first.text(LEFT + 36, y, "(ii) A vacancy in any seat can be", 10, RIGHT - LEFT - 36)
    for k, line in enumerate(["filled by either the vote of the", "stockholders entitled to elect the",
                              "directors or by the remaining"]):
        first.text(LEFT + 72, y + 12 * (k + 1), line, 10, RIGHT - LEFT - 72)
    second.text(LEFT + 72, 100, "Directors].", 10)
    second.paragraph(124, ["At any meeting held for the purpose", "of electing a director, a quorum."], indent=0.0)
    paragraphs = texts(write_pdf(tmp_path / "item.pdf", [first, second]))
    assert paragraphs[1:] == [
        "(ii) A vacancy in any seat can be filled by either the vote of the stockholders entitled to "
        "elect the directors or by the remaining Directors].",
        "At any meeting held for the purpose of electing a director, a quorum."]


def test_a_short_last_line_ends_its_paragraph_at_a_page_break(tmp_path):
    """A page ends on a short line with no full stop ("By: … President" under a signature) and
    the next opens in capitals ("EXHIBIT A"): the next page's first word would have fitted on
    that line, so it ended there; a full line before the break goes on as before."""
    first, second = Page(), Page()
    first.paragraph(100, ["In witness whereof, this certificate has", "been executed by an officer."], indent=0.0)
    first.text(LEFT + 150, 140, "By:", 10)
    first.text(LEFT + 150, 152, "President", 10)
    second.text(LEFT, 100, "EXHIBIT A", 10)
    second.paragraph(124, ["The following provisions shall apply to", "the persons named below."], indent=0.0)
    paragraphs = texts(write_pdf(tmp_path / "signature.pdf", [first, second]))
    assert "EXHIBIT A" in paragraphs and not [p for p in paragraphs if p.endswith("President EXHIBIT A")]


def test_a_line_of_figures_in_another_size_goes_on_an_unfinished_paragraph(tmp_path):
    """LibreOffice sets the digits of an Arabic paragraph in the Latin font's size: the last line
    "50." of "… will not exceed MHz" / "50." is smaller, yet goes on the paragraph; after a
    finished line, or with letters, another size still starts a new one."""
    page, width = Page(), PAGE_W - 2 * LEFT  # lines as wide as the page's text
    page.text(LEFT, 100, "The total spectrum requirements of the aeronautical service will not exceed MHz", 10, width)
    page.text(LEFT, 112, "50.", 7)
    page.text(LEFT, 150, "All of the spectrum requirements of the aeronautical service are met in full.", 10, width)
    page.text(LEFT, 162, "2025", 7)
    page.text(LEFT, 200, "No other bands are needed for this purpose by the aeronautical mobile service", 10, width)
    page.text(LEFT, 212, "again", 7)
    assert texts(write_pdf(tmp_path / "figures.pdf", [page])) == [
        "The total spectrum requirements of the aeronautical service will not exceed MHz 50.",
        "All of the spectrum requirements of the aeronautical service are met in full.", "2025",
        "No other bands are needed for this purpose by the aeronautical mobile service", "again"]


def test_a_bracket_left_open_goes_on_to_the_line_that_closes_it(tmp_path):
    """A line that ends short with a square bracket open ("[Use Sections 2.1 and 2.2 if the
    term sheet calls for" / "Preferred Stock.]", LibreOffice laying out a field's result
    narrower) goes on, though the next word would have fitted; without the bracket such a
    short line ends its paragraph."""
    page, width = Page(), PAGE_W - 2 * LEFT
    page.text(LEFT, 100, "Dividends accrue on the shares at the rate set by the Board of the Corporation", 10, width)
    page.text(LEFT, 112, "from time to time.", 10)
    page.text(LEFT, 136, "[Use Sections 2.1 and 2.2 if the term sheet calls for", 10)
    page.text(LEFT, 148, "Stock.]", 10)
    page.text(LEFT, 172, "Use Sections 2.1 and 2.2 if the term sheet calls for", 10)
    page.text(LEFT, 184, "Stock.", 10)
    assert texts(write_pdf(tmp_path / "bracket.pdf", [page])) == [
        "Dividends accrue on the shares at the rate set by the Board of the Corporation from time to time.",
        "[Use Sections 2.1 and 2.2 if the term sheet calls for Stock.]",
        "Use Sections 2.1 and 2.2 if the term sheet calls for", "Stock."]


def test_superscript_digits_become_marks_right_after_the_word(tmp_path):
    """A small raised '1' after a word becomes '¹' glued to it and is listed as a footnote mark;
    raised letters ('1er') stay plain letters."""
    page = Page()
    page.text(LEFT, 100, "Le Protocole additionnel ", 10)
    page.text(LEFT + ADVANCE * 10 * 25, 96.5, "1", 6)
    page.text(LEFT + ADVANCE * 10 * 25 + 4.0, 100, " du 1", 10)
    page.text(LEFT + ADVANCE * 10 * 30, 96.5, "er", 6)
    page.text(LEFT + ADVANCE * 10 * 30 + 7.2, 100, " janvier.", 10)
    (paragraph,) = read_pdf(str(write_pdf(tmp_path / "marks.pdf", [page]))).paragraphs
    assert paragraph.text == "Le Protocole additionnel¹ du 1er janvier."
    assert paragraph.footnote_marks == ("1",)


def test_a_footnote_continued_on_the_next_page_is_one_footnote(tmp_path):
    """A note that runs over the page break is joined; a plain number opens a note only when it is
    the next note's ("18 December" goes on note 2); body text on both pages stays out of the notes,
    and the body paragraph interrupted by them is joined too."""
    first = Page()
    first.paragraph(100, ["Recalls its earlier resolutions on the matter",
                          "and the reports submitted to it each year,"], indent=0.0)
    first.paragraph(136, ["Decides to keep the matter under review in",
                          "the light of the report of the Secretary-",
                          "General"], indent=0.0)
    first.text(LEFT, 740, [("R", "1 "), ("R", "See the report of the Secretary-General on the")], 8)
    first.text(LEFT, 750, "work of the Organization", 8)
    second = Page()
    second.paragraph(100, ["and the views expressed by Member States;"], indent=0.0)
    second.text(LEFT, 740, "(A/72/1), chapter II.", 8)
    second.text(LEFT, 750, "2 See also resolution 72/1,", 8)
    second.text(LEFT, 760, "18 December 2017.", 8)
    result = read_pdf(str(write_pdf(tmp_path / "notes.pdf", [first, second])))
    assert [(f.mark, f.text, f.page) for f in result.footnotes] == [
        ("1", "See the report of the Secretary-General on the work of the Organization (A/72/1), chapter II.", 1),
        ("2", "See also resolution 72/1, 18 December 2017.", 2),
    ]
    assert [p.text for p in result.paragraphs] == [
        "Recalls its earlier resolutions on the matter and the reports submitted to it each year,",
        "Decides to keep the matter under review in the light of the report of the "
        "Secretary-General and the views expressed by Member States;"
    ]


def test_a_note_of_two_paragraphs_continued_after_a_full_stop_is_one_footnote(tmp_path):
    """A note whose first paragraph ends its page with a full stop and whose second opens the next
    page's foot, above that page's own marked note and in its size: one note of two paragraphs,
    not body text."""
    first = Page()
    first.paragraph(100, ["Recalls its earlier resolutions on the matter",
                          "and the reports submitted to it each year by",
                          "the Secretary-General on the work of the",
                          "Organization and of its subsidiary bodies."], indent=0.0)
    first.text(LEFT, 740, [("R", "1 "), ("R", "See the report of the Secretary-General.")], 8)
    second = Page()
    second.paragraph(100, ["Decides to keep the matter under review in",
                           "the light of the reports of the Secretary-", "General."], indent=0.0)
    second.text(LEFT, 730, "It was issued in all six languages.", 8)
    second.text(LEFT, 740, "2 See also resolution 72/1.", 8)
    result = read_pdf(str(write_pdf(tmp_path / "notes.pdf", [first, second])))
    assert [(f.mark, f.text) for f in result.footnotes] == [
        ("1", "See the report of the Secretary-General. It was issued in all six languages."),
        ("2", "See also resolution 72/1."),
    ]
    assert [p.text for p in result.paragraphs] == [
        "Recalls its earlier resolutions on the matter and the reports submitted to it each year by the "
        "Secretary-General on the work of the Organization and of its subsidiary bodies.",
        "Decides to keep the matter under review in the light of the reports of the Secretary-General."]


def test_hanging_indents_keep_their_continuation_lines(tmp_path):
    """'(a)' at the indent with its text and continuation lines at a hanging indent is one
    paragraph per label, between ordinary first-line-indented paragraphs."""
    page = Page()
    y = page.paragraph(100, ["Calls upon Member States, in accordance", "with their law:"], indent=36.0)
    for label, lines in (("(a)", ["To prevent the trafficking of women", "and children;"]),
                         ("(b)", ["To protect its victims, in particular", "those who are minors;"])):
        page.text(LEFT + 36, y, label)
        for k, line in enumerate(lines):
            page.text(LEFT + 72, y, line, width=None if k == len(lines) - 1 else RIGHT - LEFT - 72)
            y += 12
        y += 6
    page.paragraph(y, ["Decides to remain seized of the matter."], indent=36.0)
    assert texts(write_pdf(tmp_path / "hanging.pdf", [page])) == [
        "Calls upon Member States, in accordance with their law:",
        "(a) To prevent the trafficking of women and children;",
        "(b) To protect its victims, in particular those who are minors;",
        "Decides to remain seized of the matter.",
    ]


def _list_page(items: list[tuple[str, list[str]]], y: float = 100.0, label_x: float = LEFT,
               text_x: float = LEFT + 27, bullet: str = "R") -> Page:
    """Items of a list as Word prints them: the label at `label_x` (in font `bullet`), a tab, the
    text at `text_x`, its lines below at `text_x` too; then a paragraph."""
    page = Page()
    for label, lines in items:
        page.text(label_x, y, [(bullet, label)])
        for k, line in enumerate(lines):
            page.text(text_x, y, line, width=None if k == len(lines) - 1 else RIGHT - text_x)
            y += 12
        y += 6
    page.paragraph(y, ["Decides to remain seized of the matter."], indent=36.0)
    return page


def _numbered(path: Path) -> list[tuple[str | None, str]]:
    return [(b.number, b.text) for b in parse_file(str(path)).blocks]


def test_list_labels_before_a_tab_are_labels_in_a_list(tmp_path):
    """Word's "1)", "a." and "ii." labels set a tab's gap (here 0.9-1.5 em) before their text, and
    its second level's bullet, an "o" in a font of its own: each item is one paragraph, its lines
    going on at the text's indent, its label its number (a bullet none), as Word has them."""
    lines = ["The first item of the list, long enough", "to wrap onto a second line;"]
    for name, labels, numbers in (("paren", ["1)", "2)"], ["1", "2"]), ("letter", ["a.", "b."], ["a", "b"]),
                                  ("roman", ["i.", "ii."], ["i", "ii"])):
        page = _list_page([(labels[0], lines), (labels[1], ["The second item."])])
        assert _numbered(write_pdf(tmp_path / f"{name}.pdf", [page])) == [
            (numbers[0], "The first item of the list, long enough to wrap onto a second line;"),
            (numbers[1], "The second item."), (None, "Decides to remain seized of the matter.")], name
    page = _list_page([("o", lines), ("o", ["The second item."])], bullet="B")
    assert _numbered(write_pdf(tmp_path / "bullets.pdf", [page])) == [
        (None, "The first item of the list, long enough to wrap onto a second line;"),
        (None, "The second item."), (None, "Decides to remain seized of the matter.")]


def test_a_word_and_a_wide_gap_opening_a_line_are_no_label(tmp_path):
    """"v.", "p." or "2)" opening a justified line with a wide gap after it, or an "o" in the
    text's own font, are words where no other line goes on as a list would ("Smith v. Jones",
    "p. 12", Spanish "o" for "or"): they stay in the text, and the paragraph stays whole."""
    before = ["It was so held in the earlier cases, and the", "court said as much in Brown and in the later",
              "case of Smith and of his successors in title,"]
    after = ["Jones, decided in the same term as the", "case before it, and in the cases that came", "after them."]
    for name, first in (("versus", "v."), ("page", "p."), ("pair", "2)"), ("or", "o")):
        page = Page()
        y = 100.0
        for line in before:
            page.text(LEFT, y, line, width=RIGHT - LEFT)
            y += 12
        page.text(LEFT, y, first)
        for k, line in enumerate(after):
            x = LEFT + 27 if k == 0 else LEFT
            page.text(x, y, line, width=None if k == len(after) - 1 else RIGHT - x)
            y += 12
        whole = " ".join([*before, first, *after])
        assert _numbered(write_pdf(tmp_path / f"{name}.pdf", [page])) == [(None, whole)], name


COLUMN_TEXT = ["Lorem ipsum dolor sit amet, con-", "sectetur adipiscing elit, sed do",
               "eiusmod tempor incididunt ut la-", "bore et dolore magna aliqua. Ut",
               "enim ad minim veniam, quis nos-", "trud exercitation ullamco labo-",
               "ris nisi ut aliquip ex ea commo-", "do consequat. Duis aute irure do-",
               "lor in reprehenderit in volup-", "tate velit esse cillum dolore."]


def test_two_column_pages_keep_each_column_and_its_footnotes(tmp_path):
    """Each column is read top to bottom, left first, and the notes at the foot of each column
    are footnotes."""
    page = Page()
    for x, note in ((72.0, "1 First note."), (300.0, "2 Second note.")):
        for k, line in enumerate(COLUMN_TEXT):
            page.text(x, 100 + 12 * k, line, width=None if k == len(COLUMN_TEXT) - 1 else 192.0)
        page.text(x, 240, note, 8)
    result = read_pdf(str(write_pdf(tmp_path / "columns.pdf", [page])))
    column = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
              "labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco "
              "laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in "
              "voluptate velit esse cillum dolore.")
    assert [p.text for p in result.paragraphs] == [column, column]
    assert [(f.mark, f.text) for f in result.footnotes] == [("1", "First note."), ("2", "Second note.")]


def test_italic_and_bold_runs_become_spans(tmp_path):
    """An italic opening verb is an italic span from offset 0; a bold word a bold span."""
    page = Page()
    page.text(LEFT, 100, [("I", "Urges"), ("R", " all States to act "), ("B", "now"), ("R", ".")])
    (paragraph,) = read_pdf(str(write_pdf(tmp_path / "spans.pdf", [page]))).paragraphs
    assert paragraph.text == "Urges all States to act now."
    assert [(s.start, s.end, s.bold, s.italic) for s in paragraph.spans] == [(0, 5, False, True), (24, 27, True, False)]


def test_pages_without_text_are_named_in_a_warning(tmp_path):
    """A page holding only a picture is reported by number; the other pages are read."""
    pages = [Page(), Page().rectangle(), Page()]
    pages[0].text(LEFT, 100, "First page.")
    pages[2].text(LEFT, 100, "Third page.")
    result = read_pdf(str(write_pdf(tmp_path / "partly-scanned.pdf", pages)))
    assert [p.text for p in result.paragraphs] == ["First page.", "Third page."]
    assert result.warnings == ("page 2 of 3 has no text layer (scanned?); its text is missing",)


def test_a_pdf_without_any_text_asks_for_ocr(tmp_path):
    """A scanned PDF gives no paragraphs; parse_file turns that into the NO_TEXT error."""
    path = write_pdf(tmp_path / "scanned.pdf", [Page().rectangle(), Page().rectangle()])
    assert read_pdf(str(path)).paragraphs == ()
    with pytest.raises(ParseError) as caught:
        parse_file(str(path))
    assert caught.value.code is ErrorCode.NO_TEXT
    assert "OCR" in str(caught.value)


def test_a_widow_line_at_the_top_of_a_page_ends_the_paragraph_before(tmp_path):
    """A paragraph's last line alone at the top of the next page, "(section 11)." at the margin
    under the running header, belongs to the paragraph the page before left unfinished; the next
    paragraph (indented) starts after it. (It was a paragraph of its own: two false changes when
    a revision moved the page break.)"""
    first = _running(Page(), 1, 2)
    lines = ["Recalling the report of the Secretary-",  # 39 characters after the indent, then 45
             "General on the coordination of efforts to",
             "combat trafficking and its recommendations in"]
    first.paragraph(100, lines)
    # the last line on the page is a full line: the paragraph goes on overleaf
    first.ops.pop()
    first.text(LEFT, 124, lines[2], width=RIGHT - LEFT)
    second = _running(Page(), 2, 2)
    second.text(LEFT, 100, "(section 11).")
    second.paragraph(118, ["Welcoming the efforts of Member", "States to raise awareness."])
    assert texts(write_pdf(tmp_path / "widow.pdf", [first, second])) == [
        "Recalling the report of the Secretary-General on the coordination of efforts to combat "
        "trafficking and its recommendations in (section 11).",
        "Welcoming the efforts of Member States to raise awareness.",
    ]


def test_ragged_lines_that_end_short_because_the_next_word_did_not_fit_go_on(tmp_path):
    """Text set ragged (not justified), in a block indented from the margin: a line that ends well
    short of the block's widest line, because the next word is too long for the space left, does
    not end its paragraph, even after a comma; a short line after which the next word would
    have fitted does."""
    page = Page()
    # a typesetter who cuts words (parsers.pdf.hyphen.cuts_words: three lines end cut at least)
    y = page.paragraph(100, ["Die Leistungen des Anbieters umfassen die", "in den folgenden Abschnitten genann-",
                             "ten Aufgaben, einschliesslich aller Ar-", "beiten, die zu ihrer Erfuellung noetig",
                             "sind, und die Berichte an den Kunden in", "der Form, die dieser verlangt:"], indent=0.0)
    block = ["Dies schliesst alle Aktionen ein, die er-",  # the widest line: 41 characters
             "forderlich sind, inklusive jene",  # 32: "Koordinationsablaeufe" does not fit
             "Koordinationsablaeufe mit Kunden,",  # 33, a comma: "wiederherzustellen" does not fit
             "wiederherzustellen und zu pruefen.",
             "Ende."]  # would have fitted after "pruefen.": a paragraph of its own
    for line in block:
        page.text(LEFT + 36, y, line)
        y += 12
    assert texts(write_pdf(tmp_path / "ragged.pdf", [page])) == [
        "Die Leistungen des Anbieters umfassen die in den folgenden Abschnitten genannten Aufgaben, "
        "einschliesslich aller Arbeiten, die zu ihrer Erfuellung noetig sind, und die Berichte an den "
        "Kunden in der Form, die dieser verlangt:",
        "Dies schliesst alle Aktionen ein, die erforderlich sind, inklusive jene "
        "Koordinationsablaeufe mit Kunden, wiederherzustellen und zu pruefen.",
        "Ende.",
    ]


def test_a_paragraph_set_flush_right_is_one_paragraph(tmp_path):
    """Text set flush right (ragged on the left, as Word's right alignment sets it): its lines
    start further in or further out, and a sentence that goes on in lower case at the same right
    edge is one paragraph, where a line starting further in used to start a paragraph."""
    page = Page()
    y = page.paragraph(100, ["The Secretary-General has the honour to transmit", "the report of the Board."], indent=0.0)
    for line in ("Video provides a powerful way to prove your", "point. When you click Online Video, you",
                 "can paste in the embed code for the video", "you want to add."):
        page.text(RIGHT - ADVANCE * 10 * len(line), y, line)
        y += 12
    assert texts(write_pdf(tmp_path / "flush-right.pdf", [page])) == [
        "The Secretary-General has the honour to transmit the report of the Board.",
        "Video provides a powerful way to prove your point. When you click Online Video, you can paste in "
        "the embed code for the video you want to add.",
    ]


def test_endnotes_are_read_only_at_the_end_of_the_document(tmp_path):
    """A raised "i" that the text calls opens the endnotes when its line starts a page of its own
    (or is on the last page); one in the middle of an earlier page, with more pages after it, is
    body text (a note this reader missed would otherwise swallow the rest of the document)."""
    def body() -> Page:
        page = Page()
        page.paragraph(100, ["Recalls its earlier resolutions on the matter",
                             "and the reports submitted to it each year by",
                             "the Secretary-General on the work of the"], indent=0.0)
        page.text(LEFT, 136, "Organization and its bodies.")
        page.text(LEFT + 168, 132, "i", 6)  # its endnote's raised mark
        return page

    def note(page: Page, y: float) -> Page:
        page.text(LEFT, y - 4, "i", 6)
        page.text(LEFT + 8, y, "See the report of the Secretary-General.")
        return page

    last = Page()
    last.paragraph(100, ["Decides to remain seized of the matter."], indent=0.0)
    at_end = read_pdf(str(write_pdf(tmp_path / "end.pdf", [body(), note(Page(), 100)])))
    assert [(f.mark, f.text) for f in at_end.footnotes] == [("i", "See the report of the Secretary-General.")]
    assert at_end.paragraphs[-1].text.endswith("bodies.ⁱ")
    inside = read_pdf(str(write_pdf(tmp_path / "inside.pdf", [note(body(), 150), last])))
    assert inside.footnotes == ()
    assert [p.text for p in inside.paragraphs][-2:] == ["ⁱ See the report of the Secretary-General.",
                                                         "Decides to remain seized of the matter."]


def test_one_line_paragraphs_set_apart_are_paragraphs_and_a_double_spaced_column_is_not(tmp_path):
    """Lines of about one length ending far short of the page's margin, set wider apart than
    double spacing: one-line paragraphs, each ending a sentence, are a paragraph each; a narrow
    column of text wrapped in double spacing, its lines ending mid-sentence, stays one paragraph."""
    items = ["Warming is kept below 1.5 degrees.", "Emissions fall by 45 per cent now.",
             "Finance is doubled by year 2030.", "Forests are restored to the full."]
    assert {len(item) for item in items} <= {32, 33, 34}  # they end within 2 characters
    page = Page()
    for k, item in enumerate(items):
        page.text(LEFT, 100 + 24 * k, item)
    assert texts(write_pdf(tmp_path / "items.pdf", [page])) == items
    column = ["The Conference of the Parties welcomes the", "progress made by the Parties in the",
              "implementation of the Agreement and calls", "upon all Parties to strengthen their",
              "efforts in the coming years."]
    page = Page()
    page.paragraph(100, column, indent=0.0, lead=24.0)
    assert texts(write_pdf(tmp_path / "column.pdf", [page])) == [" ".join(column)]


def test_paragraphs_whose_last_lines_run_full_are_told_apart_by_the_space_after(tmp_path):
    """Two-line paragraphs whose first line ends short (a comma) and whose last runs full, with
    space after each, then longer paragraphs: below the full lines there are as many gaps between
    paragraphs as between lines. The gaps below full lines that stop mid-sentence are the line
    spacing, so the wider ones separate the paragraphs."""
    # first lines 37-39 characters of a 45-character column: short, but the next word (10-12
    # characters) would not have fitted after them
    pairs = [("The General Assembly, recalling all its", "resolutions, decides to act on the matter."),
             ("The Council, noting the report of the", "committee, decides to consider it now."),
             ("The Commission, welcoming the work of", "colleagues, decides to continue the work."),
             ("The Conference, recalling its own rules", "pertaining to it, decides to meet in 2027.")]
    longer = [["Requests the Secretary-General to submit a", "report on the implementation of the present",
               "resolution at its next session."],
              ["Invites all Member States to strengthen the", "exchange of information and good practices",
               "among their national institutions."]]
    page = Page()
    y = 100.0
    for first, second in pairs:
        page.text(LEFT, y, first)
        page.text(LEFT, y + 12, second, width=RIGHT - LEFT)
        y += 32
    for lines in longer:
        y = page.paragraph(y, lines, indent=0.0) + 8
    assert texts(write_pdf(tmp_path / "pairs.pdf", [page])) == [f"{a} {b}" for a, b in pairs] + [
        " ".join(lines) for lines in longer]


def test_a_sentence_ending_short_inside_a_ragged_paragraph_goes_on_where_paragraphs_are_set_apart(tmp_path):
    """Ragged paragraphs set apart with space (Word's space after): a line that ends a sentence
    short of the edge, because the next word (a long one) did not fit, with the next line at line
    spacing, goes on; the paragraphs themselves are told apart by the space between them."""
    # first lines 38-39 characters, 6-7 short of the 45 of the full second lines: short lines
    paragraphs = [["The Council welcomes the progress made.", "Implementation continues across all of the",
                   "regions of the world."],
                  ["The Assembly recalls its own decision.", "Responsibility lies with the States and their",
                   "institutions."],
                  ["The Conference thanks the host country.", "Arrangements are set out in the annex to this",
                   "report."],
                  ["The Secretariat notes the new request.", "Contributions are welcome from all Members",
                   "and observers."]]
    assert all(len(p[0]) <= 39 and max(map(len, p)) >= 42 for p in paragraphs)
    assert all(len(p[0]) + 1 + len(p[1].split()[0]) > 45 for p in paragraphs)  # the next word did not fit
    page = Page()
    y = 100.0
    for lines in paragraphs:
        for line in lines:
            page.text(LEFT, y, line)
            y += 12
        y += 8
    assert texts(write_pdf(tmp_path / "ragged.pdf", [page])) == [" ".join(p) for p in paragraphs]


def test_a_line_repeating_the_line_above_is_read_and_a_bold_effect_copy_is_not(tmp_path):
    """PDFium leaves a text object out of its text page when it repeats one of the five drawn
    before it, their boxes overlapping, within an eighth of the earlier box's width (meant for
    text drawn twice to look bold): three lines set solid, each the same words in one object,
    lost two in PDFium's text. All three are read; a line drawn twice a fifth of a point apart (the
    bold effect) is read once, and nothing is reported missing."""
    page = Page()
    for k in range(3):
        page.text(LEFT, 100 + 7 * k, "Nothing in this paragraph changes at all, tru")
    page.text(LEFT, 160, "Drawn twice to look bold.").text(LEFT + 0.2, 160, "Drawn twice to look bold.")
    result = read_pdf(str(write_pdf(tmp_path / "copies.pdf", [page])))
    text = " ".join(p.text for p in result.paragraphs)
    assert text.count("Nothing in this paragraph changes at all, tru") == 3
    assert text.count("Drawn twice to look bold.") == 1
    assert not result.warnings


def test_a_repeated_line_that_cannot_be_read_back_is_reported(tmp_path):
    """The same words set solid under themselves, three points further right: PDFium leaves the
    second out (it is within 0.9 of a glyph's width of the first), and it does not start where
    the line above does, so its glyphs cannot be taken from that line's. The document's warnings
    say so, naming the page."""
    page = Page().text(LEFT, 100, "Same words on both of these lines.")
    page.text(LEFT + 3, 105, "Same words on both of these lines.")
    result = read_pdf(str(write_pdf(tmp_path / "lost.pdf", [page])))
    assert [p.text for p in result.paragraphs] == ["Same words on both of these lines."]
    assert [w for w in result.warnings if "left out by PDFium" in w and "1 on page 1" in w]
