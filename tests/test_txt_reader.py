"""Plain text files: paragraphs, and what the structure pass sets aside."""

from __future__ import annotations

import pytest

from parsers.api import parse_file


def test_a_symbol_line_in_the_title_block_is_reported_as_furniture(tmp_path):
    """A paragraph that is only the document symbol becomes the symbol and a furniture entry,
    not a block, and is not dropped in silence."""
    path = tmp_path / "draft.txt"
    path.write_text("A/RES/80/9\n\nThe General Assembly,\n\n1. Decides to remain seized of the matter.\n",
                    encoding="utf-8")
    document = parse_file(str(path))
    assert document.symbol == "A/RES/80/9"
    assert [(f.text, f.why) for f in document.furniture] == [("A/RES/80/9", "document symbol")]
    assert all("A/RES/80/9" not in block.text for block in document.blocks)


LONG = ("Recalling its resolutions on the coordination of efforts against trafficking in persons, and "
        "taking note of the reports of the Secretary-General submitted under them in the past two years,")


def test_a_text_with_one_paragraph_a_line_is_read_a_paragraph_a_line(tmp_path):
    """No blank lines, one paragraph per line (a line longer than wrapped text ever is): each
    line is a block, numbered paragraphs stay operative paragraphs."""
    path = tmp_path / "lines.txt"
    path.write_text(f"The General Assembly,\n{LONG}\n1. Decides to continue its work;\n2. Decides to remain seized.\n",
                    encoding="utf-8")
    blocks = parse_file(str(path)).blocks
    assert [(b.kind.value, b.number) for b in blocks] == [
        ("paragraph", None), ("preamble", None), ("operative", "1"), ("operative", "2")]


def test_wrapped_text_is_joined_into_paragraphs(tmp_path):
    """Lines wrapped under 80 characters between blank lines stay one paragraph."""
    path = tmp_path / "wrapped.txt"
    path.write_text("The General Assembly,\n\nRecalling its resolutions on the coordination\nof efforts against "
                    "trafficking in persons,\n\n1. Decides to remain seized.\n", encoding="utf-8")
    blocks = parse_file(str(path)).blocks
    assert blocks[1].text == "Recalling its resolutions on the coordination of efforts against trafficking in persons,"
    assert len(blocks) == 3


def test_a_number_without_its_period_counts_but_not_a_date(tmp_path):
    """"3 Decides" after operative 2 is operative 3; the adoption date "4 November 2025" after
    it is not operative 4."""
    path = tmp_path / "bare.txt"
    path.write_text("The General Assembly,\n\n1. Notes the report;\n\n2. Welcomes the work;\n\n"
                    "3 Decides to remain seized of the matter.\n\n4 November 2025\n", encoding="utf-8")
    blocks = parse_file(str(path)).blocks
    assert [(b.kind.value, b.number) for b in blocks[1:]] == [
        ("operative", "1"), ("operative", "2"), ("operative", "3"), ("paragraph", None)]
    assert blocks[-1].text == "4 November 2025"


def test_labelled_items_on_lines_of_their_own_are_paragraphs(tmp_path):
    """Sub-paragraphs typed a line each under the paragraph that introduces them, with no blank
    line between ("… to report:" / "(a) …;" / "(b) …;"), and operative paragraphs a line each
    after the preamble: each is a paragraph (they were one paragraph with the lines joined)."""
    path = tmp_path / "items.txt"
    path.write_text("The General Assembly,\n\nRecalling its resolution 70/1,\n\n"
                    "1. Requests the Secretary-General to report:\n(a) On the progress made;\n(b) On the gaps;\n"
                    "2. Decides to remain seized\nof the matter.\n", encoding="utf-8")
    blocks = parse_file(str(path)).blocks
    assert [(b.label, b.text) for b in blocks[1:]] == [
        ("PP1", "Recalling its resolution 70/1,"), ("OP1", "Requests the Secretary-General to report:"),
        ("OP1(a)", "On the progress made;"), ("OP1(b)", "On the gaps;"),
        ("OP2", "Decides to remain seized of the matter.")]  # a wrapped line goes on


def test_a_label_after_a_line_that_ends_mid_sentence_is_wrapped_text(tmp_path):
    """"… as set out in paragraph 3" / "(a) of its resolution …": the line before ends with no
    punctuation, so the text was wrapped there."""
    path = tmp_path / "wrapped.txt"
    path.write_text("1. Decides to act as set out in paragraph 3\n(a) of its resolution 70/1.\n", encoding="utf-8")
    assert [b.text for b in parse_file(str(path)).blocks] == ["Decides to act as set out in paragraph 3 (a) of its resolution 70/1."]


def test_a_sponsor_list_over_two_paragraphs_before_the_opener_is_one(tmp_path):
    """The sponsors' list cut in two before the opener ("…, Nicaragua," / "Philippines … and
    Uruguay: draft resolution", as a scan's text layer reads A/L.632): one title. Without the colon
    that ends a list of sponsors, two paragraphs stay two."""
    sponsors = "Australia, Colombia, Costa Rica, Dominican Republic, Nicaragua,\n\nPhilippines and Uruguay: draft resolution\n\n"
    body = "The General Assembly,\n\nRecalling the Charter of the United Nations,\n\n1. Decides to remain seized of the matter.\n"
    path = tmp_path / "sponsors.txt"
    path.write_text(sponsors + body, encoding="utf-8")
    title = parse_file(str(path)).blocks[0]
    assert title.text == ("Australia, Colombia, Costa Rica, Dominican Republic, Nicaragua, "
                          "Philippines and Uruguay: draft resolution")
    path.write_text(sponsors.replace(": draft", " draft") + body, encoding="utf-8")
    assert len([b for b in parse_file(str(path)).blocks if b.label is None]) == 3


def test_sub_paragraphs_lettered_as_french_spanish_russian_and_arabic_texts_letter_them(tmp_path):
    """French, Spanish and Russian UN texts letter their sub-paragraphs "a)", "b)" and "i)" (English
    "(a)", "(i)"; Russian in Cyrillic, "а)", "б)"), Arabic ones "(أ)", "(ب)", "(هـ)": sub-paragraphs
    of the operative paragraph, cited OP1(a), where they were plain paragraphs with their labels in
    the text; so are Chinese ones in full-width brackets, "（a）". Wrapped text (no blank lines
    between them) is cut there too."""
    drafts = {
        "fr": "L’Assemblée générale,\n\nRappelant sa résolution 70/1,\n\n1. Prie le Secrétaire général :\n"
              "a) De promouvoir la coopération;\nb) D’appuyer les États :\ni) En particulier les pays les moins "
              "avancés;\nii) Et les petits États insulaires;\n\n2. Décide de rester saisie de la question.\n",
        "es": "La Asamblea General,\n\nRecordando su resolución 70/1,\n\n1. Solicita al Secretario General:\n"
              "a) Que promueva la cooperación;\nb) Que apoye a los Estados;\n\n2. Decide seguir ocupándose de la "
              "cuestión.\n",
        "ru": "Генеральная Ассамблея,\n\nссылаясь на свою резолюцию 70/1,\n\n1. просит Генерального секретаря:\n"
              "а) содействовать сотрудничеству;\nб) оказывать поддержку государствам;\n\n2. постановляет "
              "продолжать заниматься этим вопросом.\n",
    }
    drafts["ar"] = ("إن الجمعية العامة،\n\nإذ تشير إلى قرارها 70/1،\n\n1 - تطلب إلى الأمين العام:\n(أ) أن يعزز التعاون؛\n"
                    "(ب) أن يدعم الدول؛\n(هـ) أن يقدم تقريرا؛\n\n2 ـ تقرر أن تبقي المسألة قيد نظرها.\n")  # "2 ـ": a tatweel typed as the dash
    drafts["zh"] = "大会，\n\n回顾其第70/1号决议，\n\n1. 请秘书长：\n（a）促进会员国之间的合作；\n（b）支持最不发达国家；\n\n2. 决定继续处理此案。\n"
    labels = {"zh": ["OP1", "OP1(a)", "OP1(b)", "OP2"], "fr": ["OP1", "OP1(a)", "OP1(b)", "OP1(b)(i)", "OP1(b)(ii)", "OP2"], "es": ["OP1", "OP1(a)", "OP1(b)", "OP2"],
              "ru": ["OP1", "OP1(а)", "OP1(б)", "OP2"], "ar": ["OP1", "OP1(أ)", "OP1(ب)", "OP1(هـ)", "OP2"]}
    for language, text in drafts.items():
        path = tmp_path / f"{language}.txt"
        path.write_text(text, encoding="utf-8")
        blocks = parse_file(str(path)).blocks
        assert [b.label for b in blocks if b.label and b.label.startswith("OP")] == labels[language], language
        assert blocks[3].text in ("De promouvoir la coopération;", "Que promueva la cooperación;", "содействовать сотрудничеству;",
                                  "أن يعزز التعاون؛", "促进会员国之间的合作；")


def test_an_annex_heading_alone_opens_the_annex_however_it_is_set(tmp_path):
    """"Annex I" on a paragraph of its own, not bold (a plain text, a scan's text layer): the
    numbered paragraphs after it are the annex's, not operative paragraphs numbered again from 1
    (S/2024/557 scanned: 1-6, then 1-15 and 1-12)."""
    path = tmp_path / "annexed.txt"
    path.write_text("The Security Council,\n\nRecalling its previous resolutions,\n\n"
                    "1. Adopts the procedure in annex I to the present resolution;\n\n"
                    "2. Decides to remain seized of the matter.\n\nAnnex I\n\nDelisting procedures\n\n"
                    "1. Upon receipt of a delisting request, the Focal Point will acknowledge it.\n\n"
                    "2. The Focal Point will forward the request to the members of the Committee.\n",
                    encoding="utf-8")
    blocks = parse_file(str(path)).blocks
    assert [b.number for b in blocks if b.kind.value == "operative"] == ["1", "2"]
    assert [(b.kind.value, b.text) for b in blocks if b.text == "Annex I"] == [("heading", "Annex I")]
    assert [b.number for b in blocks if b.kind.value == "paragraph" and b.number] == ["1", "2"]


def test_a_sentence_naming_an_annex_is_no_annex_heading(tmp_path):
    """A paragraph that opens with the word but says more ("Annex I contains ...") is text."""
    path = tmp_path / "named.txt"
    path.write_text("The Security Council,\n\n1. Adopts the procedure;\n\nAnnex I contains the procedure\n\n"
                    "2. Decides to remain seized of the matter.\n", encoding="utf-8")
    assert [b.number for b in parse_file(str(path)).blocks if b.kind.value == "operative"] == ["1", "2"]


@pytest.mark.parametrize(("sponsors", "title", "opener", "decides"), [
    ("United Kingdom of Great Britain and Northern Ireland:", "draft resolution", "The Security Council,",
     "Decides to remain seized of the matter."),
    ("France :", "projet de résolution", "Le Conseil de sécurité,", "Décide de demeurer saisi de la question."),
    ("Francia:", "proyecto de resolución", "El Consejo de Seguridad,", "Decide seguir ocupándose de la cuestión."),
    ("Франция:", "проект резолюции", "Совет Безопасности,", "постановляет продолжать заниматься этим вопросом."),
])
def test_a_drafts_title_after_its_sponsors_colon_is_one_title(tmp_path, sponsors, title, opener, decides):
    """The sponsors and the draft's title over two paragraphs (a scan's text layer has no bold to hold
    the title's lines together: S/2022/158 scanned): one title."""
    path = tmp_path / "draft.txt"
    path.write_text(f"{sponsors}\n\n{title}\n\n{opener}\n\n1. {decides}\n", encoding="utf-8")
    blocks = parse_file(str(path)).blocks
    assert [(b.kind.value, b.text) for b in blocks[:1]] == [("title", f"{sponsors} {title}")]
    assert len(blocks) == 3


def test_a_colon_before_other_words_than_a_drafts_title_joins_nothing(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text("Sponsors:\n\nFrance and Germany\n\nThe Security Council,\n\n1. Decides to remain seized.\n",
                    encoding="utf-8")
    assert [b.text for b in parse_file(str(path)).blocks][:2] == ["Sponsors:", "France and Germany"]


@pytest.mark.parametrize(("draft", "annex"), [
    ("The General Assembly,\n\n1. Adopts the rules annexed to the present resolution;\n\n"
     "2. Decides to remain seized of the matter.\n\n", "Annex II"),
    ("L'Assemblée générale,\n\n1. Adopte le règlement annexé à la présente résolution ;\n\n"
     "2. Décide de demeurer saisie de la question.\n\n", "Annexe II"),
    ("La Asamblea General,\n\n1. Aprueba el reglamento anexo a la presente resolución;\n\n"
     "2. Decide seguir ocupándose de la cuestión.\n\n", "Anexo II"),
    ("Генеральная Ассамблея,\n\n1. утверждает правила, содержащиеся в приложении к настоящей резолюции;\n\n"
     "2. постановляет продолжать заниматься этим вопросом.\n\n", "Приложение II"),
    ("إن الجمعية العامة،\n\n1 - تعتمد النظام المرفق بهذا القرار؛\n\n2 - تقرر أن تبقي المسألة قيد نظرها.\n\n",
     "المرفق الثاني"),
    ("大会，\n\n1. 通过本决议所附规则；\n\n2. 决定继续处理此案。\n\n", "附件二"),
])
def test_an_annex_heading_alone_opens_the_annex_in_six_languages(tmp_path, draft, annex):
    """The second annex's heading alone on its paragraph, as each language writes it (an ordinal
    word in Arabic, a numeral without a space in Chinese): its numbered paragraphs are the annex's."""
    path = tmp_path / "annexed.txt"
    path.write_text(f"{draft}{annex}\n\n1. {annex} 1.\n\n2. {annex} 2.\n", encoding="utf-8")
    blocks = parse_file(str(path)).blocks
    assert [b.number for b in blocks if b.kind.value == "operative"] == ["1", "2"]
    assert [b.kind.value for b in blocks if b.text == annex] == ["heading"]


def test_a_paragraph_number_misread_by_ocr_is_read_where_the_numbering_leads_to_it(tmp_path):
    """A scan's text layer reads "11." as "li." or "ll.", "9." as "9,": numbered when that is
    the number the paragraphs before lead to and the next one follows it (S/2022/158 and
    A/RES/73/6 scanned at 200 dpi), and a warning says so. A section's roman numeral ("II.",
    which would read 11) and a misread number out of sequence stay text."""
    paragraphs = [f"{n}. Decides on matter {n};" for n in range(1, 9)]
    paragraphs += ["9, Decides on matter 9;", "10. Decides on matter 10;", "li. Decides on matter 11;",
                   "12. Decides on matter 12;", "II. Procedures", "13. Decides on matter 13;",
                   "ll. Decides on a matter out of sequence;", "14. Decides to remain seized of the matter."]
    path = tmp_path / "scanned.txt"
    path.write_text("The Security Council,\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    document = parse_file(str(path))
    blocks = document.blocks
    assert [b.number for b in blocks if b.kind.value == "operative"] == [str(n) for n in range(1, 15)]
    assert [b.text for b in blocks if b.number == "11"] == ["Decides on matter 11;"]
    assert any(b.text.startswith("ll. Decides on a matter out of sequence") for b in blocks)
    # the printed characters are not in the text: said, not dropped in silence
    assert 'paragraph numbers read from what looks like an OCR misreading: "9," as 9, "li." as 11' in document.warnings
