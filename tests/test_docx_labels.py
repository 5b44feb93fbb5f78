"""Numbers and marks of real Word files (../shared/corpus/real/word), and of copies of them changed
in one respect: numbers in words in the document's language, labels typed with a colon or before
a tab, list levels, digits typed as superscript instead of footnote references."""

from __future__ import annotations

import re
import zipfile
from functools import cache
from pathlib import Path

import pytest
from libreoffice import SOFFICE, print_to_pdf
from lxml import etree
from real_word import real

from compare.model import ChangeKind
from compare.versions import compare_documents
from parsers.api import parse_file
from parsers.docx.numformat import format_number
from parsers.docx.reader import read_docx
from parsers.docx.wordml import FOOTNOTE_REFERENCE, custom_mark_follows, footnote_marks, w

NVCA = "docxodus-NVCA-Model-COI.docx"
LETTERS = "oxpt-LIR003-en-US-upperLetter.docx"  # 3,500 paragraphs "1", "2", … numbered A, B, …


def changed_copy(source: Path, target: Path, edits: dict[str, callable]) -> str:
    """A copy of `source` with some XML parts rewritten (`edits`: part name → function on its root)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename in edits:
                root = etree.fromstring(data)
                edits[info.filename](root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info, data)
    return str(target)


# --- numbers in words ---------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "fmt", "expected"), [
    ("en", "cardinalText", {1: "One", 13: "Thirteen", 21: "Twenty-one", 40: "Forty", 99: "Ninety-nine"}),
    ("en", "ordinalText", {1: "First", 2: "Second", 3: "Third", 12: "Twelfth", 20: "Twentieth", 21: "Twenty-first"}),
    ("fr", "cardinalText", {1: "Un", 17: "Dix-sept", 21: "Vingt et un", 71: "Soixante et onze", 80: "Quatre-vingts",
                            81: "Quatre-vingt-un", 99: "Quatre-vingt-dix-neuf"}),
    ("fr", "ordinalText", {1: "Premier", 2: "Deuxième", 4: "Quatrième", 5: "Cinquième", 9: "Neuvième",
                           21: "Vingt et unième", 80: "Quatre-vingtième"}),
    ("es", "cardinalText", {1: "Uno", 16: "Dieciséis", 21: "Veintiuno", 31: "Treinta y uno", 99: "Noventa y nueve"}),
    ("es", "ordinalText", {1: "Primero", 3: "Tercero", 11: "Undécimo", 20: "Vigésimo", 21: "Vigésimo primero"}),
])
def test_numbers_in_words(lang, fmt, expected):
    """cardinalText and ordinalText give the language's words, capitalised as Word shows them."""
    assert {n: format_number(n, fmt, lang) for n in expected} == expected


def test_numbers_in_words_out_of_range_or_language_are_digits():
    """Beyond 99, or in a language without words here, the number shows as digits (not dropped)."""
    assert format_number(100, "cardinalText", "fr") == "100"
    assert format_number(3, "ordinalText", "ru-RU") == "3"
    assert format_number(3, "cardinalText", "fr-CA") == "Trois"


def in_words(tmp_path: Path, fmt: str, language: str) -> dict[str, str | None]:
    """LIR003 with its letters turned into `fmt` and its default language set to `language`:
    paragraph text (its counter value) → the number read."""
    def numbering(root):
        for el in root.iter(w("numFmt")):
            if el.get(w("val")) == "upperLetter":
                el.set(w("val"), fmt)

    def styles(root):
        for el in root.iter(w("lang")):
            el.set(w("val"), language)

    path = changed_copy(real(LETTERS), tmp_path / f"{fmt}-{language}.docx",
                        {"word/numbering.xml": numbering, "word/styles.xml": styles})
    return {p.text: p.number for p in read_docx(path).paragraphs[:120]}


@pytest.mark.parametrize(("fmt", "language", "expected"), [
    ("cardinalText", "fr-FR", {"1": "Un", "2": "Deux", "21": "Vingt et un", "80": "Quatre-vingts", "100": "100"}),
    ("ordinalText", "fr-FR", {"1": "Premier", "2": "Deuxième", "11": "Onzième"}),
    ("cardinalText", "es-ES", {"1": "Uno", "22": "Veintidós"}),
    ("ordinalText", "es-ES", {"1": "Primero", "10": "Décimo"}),
    ("ordinalText", "en-US", {"1": "First", "23": "Twenty-third"}),
])
def test_real_list_in_words_in_the_documents_language(tmp_path, fmt, language, expected):
    """A real Word list (LIR003) set to numbers in words reads them in the document's language,
    not as "1", "2"."""
    got = in_words(tmp_path, fmt, language)
    assert {text: got[text] for text in expected} == expected


# --- labels and levels --------------------------------------------------------------------------

@cache
def _nvca(path: Path) -> tuple:
    return read_docx(str(path)).paragraphs


def nvca() -> tuple:
    return _nvca(real(NVCA))


def test_ordinal_label_with_colon_leaves_no_colon_in_the_text():
    """NVCA's articles are numbered FIRST, SECOND … (ordinalText in capitals) and Word shows the
    ':' typed after the number: the number is the word, the text starts after the colon."""
    articles = [p for p in nvca() if p.style == "Heading 2"][:4]
    assert [p.number for p in articles] == ["FIRST", "SECOND", "THIRD", "FOURTH"]
    assert articles[0].text.startswith("The name of this corporation")
    assert not any(p.text.lstrip().startswith(":") for p in nvca())


def test_typed_label_before_a_tab_is_a_number():
    """NVCA's alternative sections are typed "2.1⇥Preferential Payments…": numbered 2.1 and 2.2,
    level 1 (one dot), the label off the text."""
    typed = [p for p in nvca() if p.style == "Body Text" and p.number is not None]
    assert [(p.number, p.list_level) for p in typed[:2]] == [("2.1", 1), ("2.2", 1)]
    assert typed[0].text.startswith("Preferential Payments to Holders of Preferred Stock.")
    assert not any(re.match(r"\d+(\.\d+)*\.?\t", p.text) for p in nvca())


def test_nested_list_level_is_the_list_level():
    """Blocks of NVCA's multilevel list carry their list level (A. → 2, 1. → 3, 2.1 → 4,
    2.3.1 → 5, (a) → 6), not 0."""
    blocks = parse_file(str(real(NVCA))).blocks
    levels = {b.number: b.level for b in blocks if b.number in ("FIRST", "A", "2.3", "2.3.1")}
    assert levels == {"FIRST": 1, "A": 2, "2.3": 4, "2.3.1": 5}
    assert max(b.level for b in blocks) >= 6


# --- digits typed as superscript -----------------------------------------------------------------

def typed_marks(root, *, direct: bool) -> None:
    """Replace every automatic footnote reference by its number typed as text in the same run:
    superscript through the run's character style (FootnoteReference), or set directly."""
    refs = [r for r in root.iter(FOOTNOTE_REFERENCE) if not custom_mark_follows(r)]
    marks = footnote_marks(refs)
    for ref in refs:
        t = etree.Element(w("t"))
        t.text = marks[ref].translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
        run = ref.getparent()
        if direct:
            rpr = run.find(w("rPr"))
            for style in rpr.findall(w("rStyle")):
                rpr.remove(style)
            align = etree.SubElement(rpr, w("vertAlign"))
            align.set(w("val"), "superscript")
        run.replace(ref, t)


@pytest.mark.parametrize("direct", [False, True], ids=["character-style", "direct"])
def test_digits_typed_as_superscript_read_as_footnote_marks(tmp_path, direct):
    """NVCA with its 94 footnote references replaced by the same numbers typed in superscript
    (through the footnote reference character style, or set on the run) reads the same text and
    marks ("¹⁶", as a PDF shows them) as the original."""
    path = changed_copy(real(NVCA), tmp_path / "typed.docx",
                        {"word/document.xml": lambda root: typed_marks(root, direct=direct)})
    original, typed = nvca(), read_docx(path).paragraphs
    assert [(p.text, p.footnote_marks) for p in typed] == [(p.text, p.footnote_marks) for p in original]
    assert sum(len(p.footnote_marks) for p in typed) >= 90



# A cold LibreOffice start and one conversion take ~7 s here; allow for a loaded machine.
CONVERT_TIMEOUT_S = 180


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_word_draft_with_typed_superscript_compares_equal_to_its_pdf(tmp_path):
    """WC034 with its footnote number typed in superscript, and the PDF LibreOffice prints from
    it, compare equal: no added, removed, modified or moved paragraph (the digit reads "¹" on
    both sides); and the typed draft reads as the original with a real footnote reference."""
    typed = changed_copy(real("oxpt-WC034-Footnotes-Before.docx"), tmp_path / "typed.docx",
                         {"word/document.xml": lambda root: typed_marks(root, direct=True)})
    print_to_pdf([typed], tmp_path, CONVERT_TIMEOUT_S)
    draft, printed = parse_file(typed), parse_file(str(tmp_path / "typed.pdf"))
    assert "¹" in draft.blocks[0].text
    assert [b.text for b in draft.blocks] == [b.text for b in parse_file(str(real("oxpt-WC034-Footnotes-Before.docx"))).blocks]
    comparison = compare_documents(draft, printed)
    assert [c.kind for c in comparison.changes] == [ChangeKind.UNCHANGED] * len(draft.blocks)
    assert not comparison.has_differences
