"""Labels printed in the text, as a PDF gives them, read as the numbers Word's automatic numbering
gives: decimal section numbers ("2.1", "3.2.1.", "5A.3.1"), "(1)", ordinal words in capitals
("FIRST:"), a bullet; and the figures that look like them left as text."""

from __future__ import annotations

from parsers.layout import RawParagraph
from parsers.structure import classify


def read(*texts: str) -> list[tuple[str | None, str]]:
    return [(b.number, b.text) for b in classify([RawParagraph(text=t) for t in texts], None).blocks]


def test_decimal_section_numbers_that_follow_on_are_labels():
    assert read("1.0 INTRODUCTION", "Text.", "2.0 SERVICES", "2.1 Statements of Work", "2.2 Change Orders",
                "2.2.1 scope of a change order", "3.1 Fees") == [
        ("1.0", "INTRODUCTION"), (None, "Text."), ("2.0", "SERVICES"), ("2.1", "Statements of Work"),
        ("2.2", "Change Orders"), ("2.2.1", "scope of a change order"), ("3.1", "Fees")]


def test_a_section_opens_under_a_plain_number_and_letters_follow_on():
    assert read("2. Services", "2.1 Statements of Work", "5.2 Procedural Requirements", "5. Conversion",
                "5.1 Right to Convert", "5.2 Procedural Requirements",
                "5A. Special Mandatory Conversion", "5A.1. Trigger Event", "5A.2. Requirements", "5A.3. Definitions",
                "5A.3.1\u201cAffiliate\u201d shall mean") == [
        ("2", "Services"), ("2.1", "Statements of Work"), (None, "5.2 Procedural Requirements"), ("5", "Conversion"),
        ("5.1", "Right to Convert"), ("5.2", "Procedural Requirements"),
        ("5A", "Special Mandatory Conversion"), ("5A.1", "Trigger Event"), ("5A.2", "Requirements"),
        ("5A.3", "Definitions"),
        ("5A.3.1", "\u201cAffiliate\u201d shall mean")]


def test_figures_are_not_section_numbers():
    """Values in a table and quantities opening a sentence stay text."""
    assert read("6.1 Market size", "27.5 France", "25.0 UK", "58.1 UK") == [
        ("6.1", "Market size"), (None, "27.5 France"), (None, "25.0 UK"), (None, "58.1 UK")]
    assert read("1.5 million people were displaced.") == [(None, "1.5 million people were displaced.")]


def test_numbers_in_parentheses_count_from_one():
    assert read("(1) Is not a significant action,", "(2) Will not affect aviation, and", "(78) Food Business") == [
        ("1", "Is not a significant action,"), ("2", "Will not affect aviation, and"), (None, "(78) Food Business")]


def test_ordinal_words_in_capitals_and_bullets():
    assert read("FIRST: The name of this corporation is X.", "SECOND: The address is Y.",
                "TWENTY-FIRST. The last.", "FIRSTLY we note.", "\u2022 a bulleted item", "\uf0a7 another") == [
        ("FIRST", "The name of this corporation is X."), ("SECOND", "The address is Y."),
        ("TWENTY-FIRST", "The last."), (None, "FIRSTLY we note."), (None, "a bulleted item"), (None, "another")]


def test_a_number_and_a_tab_is_a_label_and_a_dash_and_a_space_a_bullet():
    """ "1<tab>text", as Word prints a list number whose level has no period (an Arabic PDF keeps
    the tab), is label 1; a number and a space is text ("2 States"). A dash and a space opening a
    paragraph is Word's dash bullet; a dash before a figure ("-10.8") is not."""
    assert read("1\tأن أي نظام", "2\tDecides to act;", "2 States voted.") == [
        ("1", "أن أي نظام"), ("2", "Decides to act;"), (None, "2 States voted.")]
    assert read("- Test file", "\u2013 an item", "-10.8") == [(None, "Test file"), (None, "an item"), (None, "-10.8")]


def test_a_table_has_no_label():
    """A table whose first cell holds a figure ("1" then the tab to the next cell, found in a real
    Word file of PyDocX's test data and its PDF) keeps its text: the figure is no paragraph
    number (it was read "1. 2<tab>3"), and a bullet in its first cell stays."""
    tables = [RawParagraph(text="1\t2\t3\n5\t6\t7", is_table=True), RawParagraph(text="• Measures\tNotes", is_table=True)]
    assert [(b.number, b.text) for b in classify([RawParagraph(text="Intro."), *tables], None).blocks][1:] == [
        (None, "1\t2\t3\n5\t6\t7"), (None, "• Measures\tNotes")]
