"""End-of-line hyphens: the typesetter's are taken out, real compounds keep theirs."""

from __future__ import annotations

import pytest

from parsers.pdf.hyphen import Vocabulary, cuts_words, drops_hyphen, join_hyphenated, vocabulary_of


@pytest.mark.parametrize(("left", "right"), [
    ("organi-", "sation"),
    ("l'organi-", "sation des Nations Unies"),
    ("gouverne-", "ments,"),
    ("Develop-", "ment"),
    ("implemen-", "tation;"),
    ("soft\xad", "hyphen"),
])
def test_typesetter_hyphens_are_dropped(left, right):
    """A word cut by the typesetter joins without its hyphen."""
    assert drops_hyphen(left, right)


@pytest.mark.parametrize(("left", "right"), [
    ("Vingt-", "septième"),
    ("vingt-", "septième session"),
    ("twenty-", "ninth"),
    ("c'est-à-", "dire"),
    ("c'est-", "à-dire"),
    ("celle-", "ci,"),
    ("peut-", "être"),
    ("a-t-", "il"),
    ("Nord-", "Sud"),
    ("COVID-", "19"),
    ("non-", "governmental"),
    ("multi-", "stakeholder"),
    ("self-", "determination"),
])
def test_real_hyphens_are_kept(left, right):
    """Compounds that happen to break at their own hyphen keep it."""
    assert not drops_hyphen(left, right)


def test_the_document_decides_when_it_writes_the_word_whole_elsewhere():
    """'capacity-building' keeps its hyphen when the document writes 'capacity' and 'building'
    as words; 'peace-keeping' loses it when the document writes 'peacekeeping'."""
    words = vocabulary_of(["the capacity of States", "a building", "peacekeeping operations"])
    assert not drops_hyphen("capacity-", "building", words)
    assert drops_hyphen("capacity-", "building")
    assert drops_hyphen("peace-", "keeping", words)
    assert not drops_hyphen("peace-", "keeping", vocabulary_of(["peace-keeping", "peace", "keeping"]))


def test_the_vocabulary_is_made_when_a_line_end_hyphen_first_asks():
    """The reader's vocabulary (`Vocabulary`) answers as `vocabulary_of` does, but reads the
    lines only when a hyphen at a line's end first asks: most documents have none."""
    lines = ["the capacity of States", "a building"]
    words = Vocabulary(lines)
    lines.append("peacekeeping operations")  # not read yet: the lookup below sees it
    assert drops_hyphen("peace-", "keeping", words)
    assert not drops_hyphen("capacity-", "building", words)
    assert set(words) == vocabulary_of(lines) and len(words) == len(vocabulary_of(lines))
    lines.append("organisation")  # read once: later lines are not words of it
    assert "organisation" not in words
    assert join_hyphenated("the peace-", "keeping forces", words) == ("the peacekeeping forces", True)


def test_the_pieces_of_a_cut_word_are_not_words_of_the_document():
    """The two halves of 'organi-/sation' do not enter the vocabulary, so they cannot vouch for
    a compound."""
    words = vocabulary_of(["la coordination de l'organi-", "sation et des États"])
    assert "organi" not in words and "sation" not in words
    assert {"coordination", "états", "et"} <= words


def test_joining_lines():
    """Lines join with a space, across a dropped hyphen without one, across a kept hyphen
    without a space, and beside Chinese without a space (a figure or Latin text after a Han
    character too); Korean, which writes spaces between words, with one."""
    assert join_hyphenated("les États", "Membres") == ("les États Membres", False)
    assert join_hyphenated("de l'organi-", "sation") == ("de l'organisation", True)
    assert join_hyphenated("sa vingt-", "septième session") == ("sa vingt-septième session", False)
    assert join_hyphenated("联合国", "大会") == ("联合国大会", False)
    assert join_hyphenated("仅在", "2014年") == ("仅在2014年", False)
    assert join_hyphenated("第70/1号决议（A/70/123", "），") == ("第70/1号决议（A/70/123），", False)
    assert join_hyphenated("국제", "연합") == ("국제 연합", False)
    assert join_hyphenated("的报告（A/", "70/123），") == ("的报告（A/70/123），", False)  # broken after a slash
    assert join_hyphenated("the report A/", "70/123 and") == ("the report A/70/123 and", False)
    assert join_hyphenated("and/", "or") == ("and/or", False)
    assert join_hyphenated("的报告（A/70", "/123），") == ("的报告（A/70/123），", False)  # broken before it
    assert join_hyphenated("see", "/ the note") == ("see / the note", False)


def test_a_line_ending_with_a_prefix_currency_sign_goes_on_without_a_space():
    """A draft's "at least $[______]" broken after "$" (NVCA charter, printed by LibreOffice):
    no space before the blank or a figure; a word after the sign, or a sign written after its
    amount ("5 €"), joins with a space."""
    assert join_hyphenated("resulting in at least $", "[______] of gross") == ("resulting in at least $[______] of gross", False)
    assert join_hyphenated("at least US$", "5 million") == ("at least US$5 million", False)
    assert join_hyphenated("paid in US$", "or euros") == ("paid in US$ or euros", False)
    assert join_hyphenated("costs 5 €", "[or more]") == ("costs 5 € [or more]", False)


def test_a_document_that_does_not_hyphenate_keeps_its_line_end_hyphens():
    """Where the typesetter does not cut words (few lines end with a hyphen), a hyphen no other
    rule explains is a real one: 'money-' + 'laundering' keeps it; in a hyphenated text it goes."""
    assert not drops_hyphen("money-", "laundering", frozenset(), cuts=False)
    assert drops_hyphen("money-", "laundering", frozenset(), cuts=True)
    assert drops_hyphen("organi-", "sation", vocabulary_of(["organisation"]), cuts=False)
    prose = [f"line {k} of a justified text" for k in range(40)]
    assert not cuts_words(prose + ["a money-", "laundering case"])
    assert cuts_words(prose[:20] + ["l'organi-", "sation", "des gouverne-", "ments et des implemen-", "tations"])
    # a short document: one or two hyphen-ended lines are a compound's, whatever their share
    assert not cuts_words(prose[:20] + ["violence in conflict-", "affected areas"])
    assert not cuts_words(prose[:10] + ["a conflict-", "affected area and a money-", "laundering case"])


def test_real_un_pdfs_keep_their_compounds_whole_across_lines():
    """A/RES/80/9 breaks 'money-laundering' and 'information-sharing' at their hyphens: the
    words keep them (they were read 'moneylaundering', 'informationsharing')."""
    from pathlib import Path

    from parsers.api import parse_file

    path = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "declarations" / "A_RES_80_9-EN.pdf"
    if not path.exists():
        pytest.skip("shared real corpus not present")
    text = " ".join(b.text for b in parse_file(str(path)).blocks)
    assert "money-laundering" in text and "information-sharing" in text
    assert "moneylaundering" not in text and "informationsharing" not in text


@pytest.mark.parametrize(("left", "right", "joined"), [
    ("Entwicklungs-, Erweiterungs-", "und Wartungsakt", "Entwicklungs-, Erweiterungs- und Wartungsakt"),
    ("pre-", "and post-natal care", "pre- and post-natal care"),
    ("à court-", "et moyen terme", "à court- et moyen terme"),
    ("a corto-", "y mediano plazo", "a corto- y mediano plazo"),
])
def test_a_hyphen_before_a_conjunction_is_suspended(left, right, joined):
    """A hyphen ending a line before "und", "and", "et", "y" stands for a word to come: it stays,
    and so does the space after it (not "Erweiterungsund", nor "Erweiterungs-und")."""
    assert join_hyphenated(left, right, cuts=True) == (joined, False)


def test_a_word_the_document_writes_whole_is_joined_even_before_a_conjunction_like_tail():
    """ "hon-" "or" is the word "honor" cut, when the document writes "honor" elsewhere."""
    assert join_hyphenated("in hon-", "or of the victims", frozenset({"honor"})) == ("in honor of the victims", True)
