"""The notes of a scanned page read by OCR (parsers.pdf.footnotes, `_take_scanned_notes`): the
block below the page's widest blank, opening with a raised mark the OCR read as another character,
numbered as the document's notes go on. Real scans are in test_real_corpus (the notes of a
scanned UN PDF)."""

from __future__ import annotations

from parsers.model import Footnote
from parsers.pdf.footnotes import split_footnotes
from parsers.pdf.lines import Line

BODY = ["Recalling the adoption by the General Assembly of the 2030 Agenda for Sustainable",
        "Development,! and recalling also the targets of the Sustainable Development Goals on",
        "eliminating all forms of violence against all women and girls in the public and private",
        "spheres, including trafficking and sexual and other types of exploitation,? on taking"]
# the same, the OCR's "!" and "?" for the raised 1 and 2 read as the calls of the page's notes
CALLED = [line.replace(",!", ",¹").replace(",?", ",²") for line in BODY]


def _line(text: str, baseline: float, x0: float = 123.6, size: float = 9.0, page: int = 1) -> Line:
    return Line(page, text, ((False, False),) * len(text), x0, x0 + 4.5 * len(text), baseline, size)


def _page(*foot: tuple[str, float, float, float], page: int = 1) -> list[Line]:
    """The body above, 12 pt apart, then `foot`: (text, baseline, x0, size)."""
    body = [_line(text, 400 + 12 * k, page=page) for k, text in enumerate(BODY)]
    return body + [_line(text, baseline, x0, size, page) for text, baseline, x0, size in foot]


def _split(*pages: list[Line], scanned: bool = True) -> tuple[list[list[str]], list[Footnote], list[tuple[str, str]]]:
    misread: list[tuple[str, str]] = []
    bodies, notes = split_footnotes(list(pages), 9.0, lambda lines: " ".join(line.text for line in lines),
                                    [scanned] * len(pages), misread)
    return [[line.text for line in body] for body in bodies], notes, misread


# tesseract's reading of A/C.3/80/L.4's first page foot: no separator rule, the marks misread,
# the first note's line sized as the text
L4_FOOT = (("' Resolution 70/1.", 468.0, 117.6, 9.0), ("> Target 5.2.", 478.6, 116.9, 8.0))


def test_notes_below_the_widest_blank_with_misread_marks_are_the_notes():
    bodies, notes, misread = _split(_page(*L4_FOOT))
    assert bodies == [CALLED]
    assert [(n.mark, n.page, n.text) for n in notes] == [("1", 1, "Resolution 70/1."), ("2", 1, "Target 5.2.")]
    assert misread == [("'", "1"), (">", "2"), ("!", "1"), ("?", "2")]


def test_the_same_foot_on_a_page_that_is_not_a_scan_is_text():
    """A printed page's notes are told by their size and marks: two lines in the text's size
    opening with a quote and a sign are text there."""
    bodies, notes, _misread = _split(_page(*L4_FOOT), scanned=False)
    assert notes == [] and bodies == [[*BODY, "' Resolution 70/1.", "> Target 5.2."]]


def test_what_follows_a_blank_at_the_foot_of_a_scan_without_notes_is_text():
    """An adoption date, a meeting, a number that is not the next note's, a line of words: text."""
    for foot in ((("28th plenary meeting", 468.0, 397.0, 9.0), ("29 October 2018", 480.0, 416.0, 9.0)),
                 (("25 November 2025", 468.0, 416.0, 8.0),),
                 (("14 States have ratified the Convention.", 468.0, 123.6, 8.0),),
                 (("Annex", 468.0, 290.0, 9.0), ("Political declaration", 480.0, 250.0, 9.0))):
        bodies, notes, misread = _split(_page(*foot))
        assert notes == [] and misread == []
        assert bodies == [[*BODY, *(text for text, *_rest in foot)]]


def test_marks_go_on_from_the_notes_before_and_a_mark_read_whole_skips_lost_ones():
    """Note 13 read "3" (its first figure lost), 14 "4 Thid.", 15 with no mark at all (it goes on
    the note before), 16 read whole, 17 "T" (a raised 7), 18 read "5" inside the block; a
    continuation line is indented."""
    first = _page(*((f"{n} Note {n}.", 460.0 + 10 * n, 115.0, 8.0) for n in range(1, 13)))
    foot = (("3 See Official Records of the Economic and Social Council, 2018, Supplement No. 10", 468.0, 115.0, 8.0),
            ("(E/2018/30), chap. I, sect. C.", 478.5, 123.6, 8.0), ("4 Thid.", 489.0, 115.0, 8.0),
            ("Tbid.", 499.5, 118.5, 8.0), ("16 Tbid., 2023.", 510.0, 115.0, 8.0), ("T Tbid., 2024.", 520.5, 115.0, 8.0),
            ("5 Resolution 48/134, annex.", 531.0, 115.0, 8.0))
    bodies, notes, misread = _split(first, _page(*foot, page=2))
    assert bodies == [BODY, BODY]
    assert [(n.mark, n.text) for n in notes[12:]] == [
        ("13", "See Official Records of the Economic and Social Council, 2018, Supplement No. 10 (E/2018/30), chap. I, sect. C."),
        ("14", "Thid. Tbid."), ("16", "Tbid., 2023."), ("17", "Tbid., 2024."), ("18", "Resolution 48/134, annex.")]
    assert misread == [("3", "13"), ("4", "14"), ("T", "17"), ("5", "18")]


def test_a_barcode_read_below_the_notes_stays_where_it_was():
    """What the OCR made of a barcode under a blank of its own is not part of the last note."""
    bodies, notes, _misread = _split(_page(*L4_FOOT, ("18-18142 iT 021118", 520.0, 66.5, 11.0)))
    assert [n.text for n in notes] == ["Resolution 70/1.", "Target 5.2."]
    assert bodies == [[*CALLED, "18-18142 iT 021118"]]


def test_a_scans_foot_going_on_from_the_notes_of_the_page_before():
    """Lines set smaller than the text above the foot's first mark: the previous page's last note
    going on (its sentence not ended), then the next note."""
    first = _page(("' The Council of Europe, the Special Rapporteur on trafficking in persons, the", 468.0, 117.0, 8.0))
    foot = (("Special Rapporteur on contemporary forms of slavery.", 468.0, 123.6, 8.0),
            ("? Resolution 71/1.", 478.5, 116.5, 8.0))
    bodies, notes, _misread = _split(first, _page(*foot, page=2))
    assert bodies == [BODY, BODY]
    assert [(n.mark, n.page, n.text) for n in notes] == [
        ("1", 1, "The Council of Europe, the Special Rapporteur on trafficking in persons, the Special Rapporteur on "
                 "contemporary forms of slavery."),
        ("2", 2, "Resolution 71/1.")]


def test_the_calls_of_a_scans_notes_are_raised_marks():
    """The OCR read the raised 1 and 2 after "Development," and "exploitation," as "!" and "?":
    with the page's two notes found, they are its calls, written as marks, in the lines' marks."""
    lines = _calls_of(_page(*L4_FOOT))
    assert [line.text for line in lines] == CALLED
    assert [line.marks for line in lines] == [(), ("1",), (), ("2",)]


def _calls_of(page: list[Line]) -> list[Line]:
    bodies, _notes = split_footnotes([page], 9.0, lambda lines: " ".join(line.text for line in lines), [True])
    return bodies[0]


def test_the_texts_own_characters_are_not_calls():
    """An apostrophe, a question, a number going on, a name with figures, a symbol, a decimal and
    a thousands separator stay as read; the one call among them is the note's."""
    own = ["the Member States’ obligations? Yes, under resolution 70/1 of the G77 and A/73/L.8",
           "in 2017? and 69.2 of 115,000 people, that is 45° north"]
    page = [_line(text, 400 + 12 * k) for k, text in enumerate(own)] + [_line("' Resolution 70/1.", 468.0, 117.6, 8.0)]
    assert [line.text for line in _calls_of(page)] == [own[0], own[1].replace("2017?", "2017¹")]


def test_a_page_short_of_calls_is_left_as_read():
    """Two notes and one call read: which one the OCR lost cannot be told, so none is written."""
    page = _page(*L4_FOOT)
    page[3] = _line(BODY[3].replace(",?", ","), page[3].baseline)
    assert [line.text for line in _calls_of(page)] == [BODY[0], BODY[1], BODY[2], BODY[3].replace(",?", ",")]


def test_a_block_of_marks_read_after_notes_that_lost_theirs_keeps_their_numbers():
    """Notes 8 to 10 lost their marks (at 200 dpi askew), then the OCR read 11 to 13 as "1", "2",
    "3": three marks that fit 11 to 13 in turn, none 8 to 10 (one such mark alone is taken as a
    misreading of the expected number: "5" for 18 above)."""
    first = _page(*((f"{n} Note {n}.", 460.0 + 10 * n, 115.0, 8.0) for n in range(1, 8)))
    foot = (("Target 8.7.", 468.0, 123.6, 8.0), ("Tbid., vol. 2237.", 478.5, 123.6, 8.0),
            ("Tbid., vol. 2133.", 489.0, 123.6, 8.0), ("1 Tbid., vol. 266.", 499.5, 115.0, 8.0),
            ("2 See A/75/53.", 510.0, 115.0, 8.0), ("3 See E/2018/30.", 520.5, 115.0, 8.0))
    _bodies, notes, _misread = _split(first, _page(*foot, page=2))
    assert [(n.mark, n.text) for n in notes[6:]] == [
        ("7", "Note 7. Target 8.7. Tbid., vol. 2237. Tbid., vol. 2133."), ("11", "Tbid., vol. 266."),
        ("12", "See A/75/53."), ("13", "See E/2018/30.")]


def test_a_raised_mark_the_ocr_set_on_a_line_of_its_own_is_joined_to_its_line():
    """At 200 dpi askew the OCR sets a note's raised mark, and a raised call, a little above the
    line it belongs to, as a line of its own: "23" right of "persons,", "23" over "Resolution
    73/195, annex.". The call, read as the note's number, is its call, and the paragraph is not
    cut at it; the note opens with its mark."""
    first = _page(*((f"{n} Note {n}.", 460.0 + 10 * n, 115.0, 8.0) for n in range(1, 23)))
    second = _page(("promoted in the United Nations to contribute to the fight against trafficking in", 448.0, 123.6, 9.0),
                   ("23", 455.6, 159.1, 9.0), ("persons,", 460.0, 123.6, 9.0),
                   ("23", 490.0, 114.2, 7.0), ("Resolution 73/195, annex.", 493.5, 123.4, 8.0), page=2)
    bodies, notes, _misread = _split(first, second)
    assert [(n.mark, n.page, n.text) for n in notes[22:]] == [("23", 2, "Resolution 73/195, annex.")]
    assert bodies[1][-2:] == ["promoted in the United Nations to contribute to the fight against trafficking in",
                              "persons,²³"]


def test_a_quote_alone_on_a_line_above_another_is_not_a_mark():
    """Only figures and asterisks are taken as a raised mark set on a line of its own: a quote the
    OCR read alone above a line (a scanned dictionary page's closing quote) stays where it was."""
    page = _page(("(2) A cistern, trough, or conduit, to wash in. \"", 448.0, 123.6, 9.0),
                 ("\"", 455.6, 400.0, 9.0), ("washe at, lavoyr\" Palsgrave.", 460.0, 123.6, 9.0))
    bodies, notes, _misread = _split(page)
    assert notes == [] and bodies[0][-3:] == ["(2) A cistern, trough, or conduit, to wash in. \"", "\"",
                                              "washe at, lavoyr\" Palsgrave."]


def test_a_note_whose_mark_is_read_as_one_character_opens_beside_one_read_as_two():
    """A/RES/80/9 scanned: "° Resolution 73/195, annex." (9) starts 2.2 pt right of "‘0 Official
    Records …" (10), whose mark the OCR read as two characters; both open notes, the indented
    line goes on the note above."""
    first = _page(*((f"{n} Note {n}.", 460.0 + 10 * n, 117.1, 8.0) for n in range(1, 9)))
    foot = (("° Resolution 73/195, annex.", 468.0, 116.9, 7.0), ("‘0 Official Records of the General Assembly,", 478.6, 114.7, 8.0),
            ("Seventy-third Session, Supplement No. 12.", 489.1, 123.6, 8.0), ("'! CEDAW/C/GC/38.", 499.7, 114.7, 8.0))
    _bodies, notes, misread = _split(first, _page(*foot, page=2))
    assert [(n.mark, n.text) for n in notes[8:]] == [
        ("9", "Resolution 73/195, annex."),
        ("10", "Official Records of the General Assembly, Seventy-third Session, Supplement No. 12."),
        ("11", "CEDAW/C/GC/38.")]
    assert misread == [("°", "9"), ("‘0", "10"), ("'!", "11")]
