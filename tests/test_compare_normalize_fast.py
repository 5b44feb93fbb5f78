"""The default comparison key read off the tokenizer's matches in one pass (`_default_key_text`)
is the key of the tokens (`tokenize`, then `keys`) on every seed, fixture block and footnote, and
on any text; and the tokenizer, which tries whitespace first, cuts texts as it did when it tried
whitespace next to last."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare.model import CompareOptions
from compare.text.normalize import _default_key_text, key_text, keys, tokens_and_keys
from compare.text.tokenize import PATTERN, tokenize
from parsers import parse_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
MARKS = ("1", "2", "3", "12")  # footnote numbers, as a reader lists them
# Letters, figures, separators, quotes, dashes, brackets, French and Spanish punctuation, marks,
# special spaces, a symbol, Han characters and the tatweel: what the key rules look at.
ALPHABET = "aAéB1 2/.,%'’*¹ⁱ-‐–—()[]«»;:?!¿\u00a0\u202f\n\tl定年，ـ"


def by_tokens(text: str, marks: tuple[str, ...] = ()) -> str:
    """The default key as the tokens give it."""
    return "".join(keys(tokenize(text, marks), CompareOptions()))


@cache
def old_order() -> re.Pattern[str]:
    """The tokenizer's pattern with whitespace tried next to last, as it was."""
    source = PATTERN.pattern
    space = "(?P<space>\\s+)\n    |"
    assert source.count(space) == 1
    punct = "|(?P<punct>.\\u0640*)"  # a punctuation mark with the tatweels a justified line put after it
    assert source.count(punct) == 1
    source = source.replace(space, "").replace(punct, "|(?P<space>\\s+)\n    " + punct)
    return re.compile(source, PATTERN.flags)


def cuts(pattern: re.Pattern[str], text: str) -> list[tuple[str, int, str | None]]:
    return [(m.group(), m.start(), m.lastgroup) for m in pattern.finditer(text)]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_texts_key_and_tokenize_as_the_tokens_do(path):
    """Each seed, whole and line by line (with footnote marks listed): the same key, the same cuts."""
    text = path.read_text(encoding="utf-8")
    assert _default_key_text(text, ()) == by_tokens(text)
    assert cuts(PATTERN, text) == cuts(old_order(), text)
    for line in text.splitlines():
        assert _default_key_text(line, MARKS) == by_tokens(line, MARKS)


@pytest.mark.parametrize("path", sorted([*FIXTURES.glob("*.docx"), *FIXTURES.glob("*.pdf")]), ids=lambda p: p.name)
def test_fixture_blocks_and_footnotes_key_as_their_tokens_do(path):
    """Every block of every fixture document, with its own footnote marks, and every footnote."""
    document = parse_file(str(path))
    for block in document.blocks:
        marks = tuple(block.footnote_marks)
        assert _default_key_text(block.text, marks) == by_tokens(block.text, marks)
        assert cuts(PATTERN, block.text) == cuts(old_order(), block.text)
    for note in document.footnotes:
        assert _default_key_text(note.text, ()) == by_tokens(note.text)


@given(st.text(alphabet=st.sampled_from(ALPHABET)), st.sampled_from([(), ("1",), ("1", "2"), ("12",)]))
def test_any_text_keys_as_its_tokens_do(text, marks):
    """For any mix of what the key rules look at, the one-pass key is the tokens' key."""
    assert _default_key_text(text, marks) == by_tokens(text, marks)


@given(st.text(alphabet=st.sampled_from(ALPHABET)))
def test_any_text_is_cut_as_with_whitespace_tried_next_to_last(text):
    """Trying whitespace first changes no token: no other alternative matches it."""
    assert cuts(PATTERN, text) == cuts(old_order(), text)


def test_other_options_and_presentation_forms_key_by_tokens():
    """Under any option a key rule depends on, and for Arabic presentation forms (normalised token
    by token), `key_text` is still the key of the tokens."""
    text = "l’Office  ;  capacity-building¹ 60 % ﻫ) ﻻ"
    for options in (CompareOptions(count_footnote_marks=True), CompareOptions(count_spacing=True),
                    CompareOptions(ignore_case=True), CompareOptions(ignore_punctuation=True), CompareOptions()):
        assert key_text(text, options, ("1",)) == "".join(tokens_and_keys(text, ("1",), options)[1])
    assert key_text("les États ; l’Office¹") == by_tokens("les États ; l’Office¹") == "les États; l'Office"


@given(st.text(alphabet=st.sampled_from(ALPHABET + "\uf02a\ue000\uf0b7")), st.sampled_from([(), ("1",)]))
def test_key_text_is_the_token_path_s_key_for_any_text(text, marks):
    """key_text, whichever path it takes (one pass, or the tokens for a text with a symbol font's
    private-use glyph or presentation forms), gives the token path's key."""
    from compare.text.normalize import key_text, tokens_and_keys

    assert key_text(text, CompareOptions(), marks) == "".join(tokens_and_keys(text, marks, CompareOptions())[1])
