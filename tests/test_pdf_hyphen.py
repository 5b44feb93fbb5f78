"""End-of-line hyphens: the typesetter's are taken out, real compounds keep theirs."""

from __future__ import annotations

import pytest

from parsers.pdf.hyphen import drops_hyphen, join_hyphenated, vocabulary_of


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


def test_the_pieces_of_a_cut_word_are_not_words_of_the_document():
    """The two halves of 'organi-/sation' do not enter the vocabulary, so they cannot vouch for
    a compound."""
    words = vocabulary_of(["la coordination de l'organi-", "sation et des États"])
    assert "organi" not in words and "sation" not in words
    assert {"coordination", "états", "et"} <= words


def test_joining_lines():
    """Lines join with a space, across a dropped hyphen without one, across a kept hyphen
    without a space, and between Chinese characters without a space."""
    assert join_hyphenated("les États", "Membres") == ("les États Membres", False)
    assert join_hyphenated("de l'organi-", "sation") == ("de l'organisation", True)
    assert join_hyphenated("sa vingt-", "septième session") == ("sa vingt-septième session", False)
    assert join_hyphenated("联合国", "大会") == ("联合国大会", False)
