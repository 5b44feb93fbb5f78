"""Right-to-left text compared as it prints (compare.text.printed): Latin words and figures typed
in one order inside Arabic text and read back from a PDF in the other print the same line, so
they are no change; what prints otherwise still is one."""

from __future__ import annotations

from compare.model import ChangeKind, CompareOptions, OpKind
from compare.text.printed import print_alike, printed_words, right_to_left, words_as_printed
from compare.versions import compare_documents
from compare.versions.engine import PRINTED_ALIKE
from compare.versions.reflow import REFLOWED
from parsers.model import Block, BlockKind, Document, Format

# From the Arabic Word draft oxpt-RP051 and the PDF LibreOffice prints of it (tests/test_word_pdf).
TYPED = "أن أي تشغيل مع محطات في طائرة تعمل داخل 934 km و/أو محطات أرضية تعمل داخل 465 km من حدود"
READ = "أن أي تشغيل مع محطات في طائرة تعمل داخل km 934 و/أو محطات أرضية تعمل داخل km 465 من حدود"


def test_a_number_and_its_unit_print_alike_in_either_order():
    """UAX #9 sets "934 km" (the number first) and "km 934" (the unit first, W7) inside Arabic
    text as the same line; "18-A" and "A-18" alike."""
    assert print_alike(TYPED, READ)
    assert print_alike("الإضافة 3 للوثيقة 18-A", "الإضافة 3 للوثيقة A-18")
    assert printed_words(TYPED) == printed_words(READ)


def test_a_figure_s_groups_print_as_their_space_joins_them():
    """A no-break space makes "483 918" one number; a plain space parts "918 483" into two, which
    print right to left: "483 918" on paper either way (a PDF reader gives the no-break space)."""
    assert print_alike("نحو 918 483 شخصا", "نحو 483\u00a0918 شخصا")
    assert not print_alike("نحو 918 483 شخصا", "نحو 483 918 شخصا")
    assert print_alike("بين 5\u00a0000 و", "بين 5\u202f000 و")


def test_what_prints_otherwise_is_not_alike():
    """Another word, another figure or Arabic words in another order print another line."""
    assert not print_alike(TYPED, READ.replace("465", "456"))
    assert not print_alike(TYPED, TYPED.replace("km", "m", 1))
    assert not print_alike("كتاب قلم 934 km", "قلم كتاب 934 km")


def test_left_to_right_text_is_compared_as_it_is():
    """In English, "934 km" and "km 934" print differently: no printed words, never alike."""
    assert not right_to_left("within 934 km of the border, كم")
    assert printed_words("within 934 km of the border") is None
    assert not print_alike("within 934 km", "within km 934")


def test_a_tab_or_a_line_break_ends_what_is_laid_out_together():
    """A table's cells (tabs) and lines are laid out one by one: the cell "18-A" prints "A-18"
    whatever follows in the next cell, as the PDF's line shows it."""
    cells = words_as_printed("الإضافة 3 للوثيقة 18-A\t23 سبتمبر 2011")
    assert "A-18" in cells and "23" in cells
    assert "A-18" in words_as_printed("للوثيقة A-18 23 سبتمبر 2011")
    assert words_as_printed("دون\nMHz 1 164") != words_as_printed("دون MHz 1 164")


def test_any_text_is_laid_out():
    """Directional marks and embeddings, a lone surrogate (a damaged PDF's text), nothing at all:
    each text gets its printed words, without an error."""
    assert words_as_printed("") == () and words_as_printed(" \t\n") == ()
    assert printed_words("\ud800 عربي كتاب") == printed_words("\ufffd عربي كتاب")
    assert printed_words("\u202bعربي 12 km\u202c\u200f") is not None


def _doc(name: str, *blocks: Block, language: str = "ar") -> Document:
    return Document(name, Format.DOCX if name.endswith("docx") else Format.PDF, blocks, language=language)


def test_a_paragraph_that_prints_alike_is_unchanged_with_the_reason():
    """The change is unchanged, its word ops kept but minor (shown, not counted), with why; the
    same edit in English text stays a modification."""
    old = _doc("a.docx", Block(0, BlockKind.PARAGRAPH, TYPED))
    new = _doc("a.pdf", Block(0, BlockKind.PARAGRAPH, READ))
    change = compare_documents(old, new).changes[0]
    assert (change.kind, change.reasons) == (ChangeKind.UNCHANGED, (PRINTED_ALIKE,))
    assert any(op.kind is not OpKind.EQUAL for op in change.ops)
    assert all(op.minor for op in change.ops if op.kind is not OpKind.EQUAL)
    english = compare_documents(_doc("e.docx", Block(0, BlockKind.PARAGRAPH, "They operate within 934 km of it."),
                                     language="en"),
                                _doc("e.pdf", Block(0, BlockKind.PARAGRAPH, "They operate within km 934 of it."),
                                     language="en")).changes[0]
    assert english.kind is ChangeKind.MODIFIED and PRINTED_ALIKE not in english.reasons
    edited = compare_documents(old, _doc("b.pdf", Block(0, BlockKind.PARAGRAPH, READ.replace("465", "456"))))
    assert edited.changes[0].kind is ChangeKind.MODIFIED


def test_an_arabic_table_read_as_lines_holds_its_words_as_printed():
    """The Word header's table (cells by tabs) against the PDF's lines: "18-A" is printed
    "A-18", the same words as printed, so one unchanged change; a figure changed and it is not."""
    table = "المؤتمر العالمي للاتصالات الراديوية\tالإضافة 3\nجنيف، 23 يناير\tللوثيقة 18-A\n\tالأصل: بالإسبانية"
    lines = ["المؤتمر العالمي للاتصالات الراديوية", "الإضافة 3", "جنيف، 23 يناير", "للوثيقة A-18 الأصل: بالإسبانية"]
    word = _doc("w.docx", Block(0, BlockKind.PARAGRAPH, TYPED), Block(1, BlockKind.TABLE, table))
    pdf = _doc("p.pdf", Block(0, BlockKind.PARAGRAPH, TYPED),
               *(Block(i + 1, BlockKind.PARAGRAPH, text) for i, text in enumerate(lines)))
    changes = compare_documents(word, pdf, CompareOptions()).changes
    assert [(c.kind, len(c.olds), len(c.news), c.reasons) for c in changes] == [
        (ChangeKind.UNCHANGED, 1, 1, ()), (ChangeKind.UNCHANGED, 1, 4, (REFLOWED,))]
    moved = _doc("p.pdf", *pdf.blocks[:-1], Block(4, BlockKind.PARAGRAPH, lines[-1].replace("18", "19")))
    assert ChangeKind.REMOVED in [c.kind for c in compare_documents(word, moved).changes]
