"""What OCR reads at a scanned page's foot from a barcode and a logo (parsers.pdf.ocr_noise): set
aside as furniture beside a job number, text everywhere else. The real scans are in
test_real_corpus (a barcode and logo read as letters)."""

from __future__ import annotations

from dataclasses import replace

from parsers.pdf.lines import Line
from parsers.pdf.ocr_noise import EMBLEM, MISREAD_SYMBOL, NOISE, ocr_noise

WIDTH, HEIGHT = 612.0, 792.0
BODY = ["Recognizing that arms embargoes are to be aimed at preventing the supply of arms,",
        "and recalling its resolutions on the safety of peacekeepers and humanitarian personnel,",
        "Recalling the Geneva Conventions of 1949 and their Additional Protocols,"]


def _line(text: str, baseline: float, x0: float = 123.6) -> Line:
    return Line(1, text, ((False, False),) * len(text), x0, x0 + 5 * len(text), baseline, 9.0)


def _page(*foot: tuple[str, float, float]) -> list[Line]:
    body = [_line(text, 400 + 12 * k) for k, text in enumerate(BODY)]
    return body + [_line(text, baseline, x0) for text, baseline, x0 in foot]


def _read(page: list[Line], invisible: bool = True) -> tuple[list[str], list[str]]:
    kept, noise = ocr_noise([page], [(WIDTH, HEIGHT)], [invisible])
    assert all(item.why == NOISE and item.page == 1 for item in noise)
    return [line.text for line in kept[0]], [item.text for item in noise]


# tesseract's reading of S/2021/1075's first page foot: the job line, the barcode, the logo
UN_FOOT = (("ee", 722.2, 495.1), (",", 731.8, 541.9), ("21-19546 (E) 271221", 748.1, 65.5),
           ("E :", 748.1, 495.1), ("ease ret a", 763.0, 417.6), ("{IOUT YA OD A A", 763.0, 65.3))


def test_a_barcode_and_a_logo_read_as_letters_beside_the_job_number_are_noise():
    kept, noise = _read(_page(*UN_FOOT))
    assert kept == [*BODY, "21-19546 (E) 271221"]  # the job number is for the running lines' patterns
    assert noise == ["ee", ",", "E :", "ease ret a", "{IOUT YA OD A A"]


def test_a_job_line_with_a_barcodes_letters_is_noise():
    """The job number and date code with what OCR made of the barcode between them."""
    assert _read(_page(("18-18418 \u2018i 071118", 747.4, 66.6)))[1] == ["18-18418 \u2018i 071118"]


def test_text_at_the_foot_is_kept():
    """A note, a note whose mark was misread, a date, an adoption line, a line of words the body
    holds, words of two letters, a page number: text, beside a job number or not."""
    foot = (("21-19546 (E) 271221", 748.1, 65.5), ("3 Resolution 69/283, annex II.", 720.0, 117.0),
            ("> See A/AC.105/1137.", 730.0, 117.0), ("26 October 2018", 735.0, 416.0),
            ("26th plenary meeting", 740.0, 397.0), ("supply of arms to peacekeepers,", 744.0, 123.6),
            ("to be", 752.0, 123.6), ("2/5", 756.0, 60.0))
    kept, noise = _read(_page(*foot))
    assert noise == []
    assert kept == [*BODY, *(text for text, _baseline, _x0 in foot)]


def test_a_foot_without_a_un_job_line_is_left_as_it_is():
    """An address at a scanned leaflet's foot, whose words are the document's nowhere else, over six
    digits that are no date code and beside a page number (pikepdf's test scan): no job number,
    barcode, symbol or date code stands beside it."""
    foot = (("18720 Oxnard Street, Tarzana, CA 91356", 762.5, 373.7),
            ("(818) 7088131 TELEX #298949 LINN UR", 772.6, 373.0), ("2/5", 772.6, 60.0))
    assert _read(_page(*foot))[1] == []


def test_a_date_code_is_a_job_line_when_ocr_lost_its_job_number():
    """A/80/L.8 scanned: "rhe 031125" is the job line (3 November 2025), and the logo beside it noise."""
    assert _read(_page(("rhe 031125", 747.4, 65.3), ("Please ree eres :", 747.4, 417.4)))[1] == [
        "rhe 031125", "Please ree eres :"]


def test_noise_far_from_the_job_number_or_above_the_foot_is_kept():
    foot = (("21-19546 (E) 271221", 760.0, 65.5), ("ease ret a", 700.0, 417.6), ("oe Ta", 600.0, 417.6))
    assert _read(_page(*foot))[1] == []


def test_a_page_with_a_text_layer_of_its_own_is_not_judged():
    assert _read(_page(*UN_FOOT), invisible=False)[1] == []


def test_chinese_lines_are_not_judged():
    """Written without spaces, a Chinese line is one run of characters no other line holds."""
    assert _read(_page(("21-19546 (C) 271221", 748.1, 65.5), ("请回收利用本文件", 760.0, 417.6)))[1] == []


def test_a_job_line_whose_language_letter_was_misread_is_noise_and_a_whole_one_is_left_to_its_pattern():
    """S/2024/37 scanned: "24-00436 1 120124" ("(E)" read as "1"). A job line read whole is a
    running line by its pattern (parsers.pdf.furniture says "job number, date code"), not noise;
    one with more than a letter's worth of other characters is text."""
    foot = (("24-00436 1 120124", 747.4, 65.5), ("24-00436 (E) 120124", 752.0, 65.5),
            ("24-00436 123 120124", 756.0, 65.5))
    assert _read(_page(*foot))[1] == ["24-00436 1 120124"]


def test_a_line_as_tall_as_a_picture_with_no_word_of_the_document_is_noise_without_a_job_line():
    """At 200 dpi the OCR often loses the job line: the barcode and the logo, read as letters 24 pt
    tall over 9 pt text ("i 0 0", "rene ee"), are noise by their height alone; a tall line of the
    document's words, or a date, is text."""
    foot = (("i 0 0", 762.1, 64.9), ("rene ee", 766.4, 417.0), ("supply of arms", 760.0, 200.0),
            ("26 October 2018", 770.0, 300.0))
    page = [line if line.text not in {"i 0 0", "rene ee", "supply of arms", "26 October 2018"}
            else replace(line, size=24.0) for line in _page(*foot)]
    assert _read(page)[1] == ["i 0 0", "rene ee"]


def test_a_note_above_the_job_line_on_the_left_is_text_whatever_its_words():
    """A note's last words, found nowhere else in a short resolution, above the footer's job number
    on the left ("decision 1/CP.21, annex."), and a note citing a symbol, which is no job line
    ("(A/71/53/Add.1 and A/71/53/Add.1/Co" then "rr.1),"): text."""
    foot = (("(A/71/53/Add.1 and A/71/53/Add.1/Co", 711.3, 118.8), ("rr.1),", 712.9, 256.2),
            ("decision 1/CP.21, annex.", 732.3, 240.0), ("18-17962", 753.3, 525.4))
    assert _read(_page(*foot))[1] == []


# tesseract's reading of A/C.3/80/L.4's masthead (300 dpi): the emblem at its left read as letters
# before and under "General Assembly", the symbol at its right misread
MASTHEAD = (("United Nations", 57.1, 123.1), ("Aic.3/80/L4", 57.1, 487.7),
            ("\\y General Assembly\tDistr.: Limited", 86.4, 107.3), ("Vj\t14 October 2025", 97.9, 114.0),
            ("SF", 117.8, 65.8), ("Original: English", 122.4, 397.0), ("Eightieth session", 222.2, 60.2))


def _top(invisible: bool = True, lines: tuple[tuple[str, float, float], ...] = MASTHEAD
         ) -> tuple[list[tuple[str, float]], list[tuple[str, str]]]:
    page = [_line(text, baseline, x0) for text, baseline, x0 in lines] + [_line(BODY[0], 300.0)]
    kept, noise = ocr_noise([page], [(WIDTH, HEIGHT)], [invisible])
    return [(line.text, line.x0) for line in kept[0]], [(item.text, item.why) for item in noise]


def test_a_un_emblem_read_as_letters_beside_a_scans_masthead_is_furniture():
    """The letters before "General Assembly" and the date, and alone under them, are the emblem's;
    the symbol the OCR misread is the symbol. What the masthead says is kept, from its margin."""
    kept, noise = _top()
    assert kept == [("United Nations", 123.1), ("General Assembly\tDistr.: Limited", 123.1),
                    ("14 October 2025", 123.1), ("Original: English", 397.0), ("Eightieth session", 60.2),
                    (BODY[0], 123.6)]
    assert noise == [("Aic.3/80/L4", MISREAD_SYMBOL), ("\\y", EMBLEM), ("Vj", EMBLEM), ("SF", EMBLEM)]


def test_a_masthead_is_judged_only_on_a_scanned_un_page():
    """A page with a text layer of its own, or a scan without "United Nations" at its top: as read."""
    assert _top(invisible=False)[1] == []
    kept, noise = _top(lines=MASTHEAD[1:])
    assert noise == [] and [text for text, _x0 in kept] == [text for text, *_rest in MASTHEAD[1:]] + [BODY[0]]


def test_a_symbol_read_whole_and_words_left_of_a_masthead_are_kept():
    """A symbol the patterns know is left to the running lines' step; a line left of the margin
    that opens with a word of three letters or a number is kept whole."""
    lines = (("United Nations", 57.1, 123.1), ("A/C.3/80/L.4", 57.1, 487.7), ("General Assembly", 86.4, 64.0),
             ("22 December 2025", 98.9, 63.6))
    kept, noise = _top(lines=lines)
    assert noise == [] and [text for text, _x0 in kept] == [text for text, *_rest in lines] + [BODY[0]]
