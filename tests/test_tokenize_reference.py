"""The fast tokenizer (named tuples built in one comprehension, marks relabelled afterwards) gives
exactly the tokens of the plain match-by-match loop it replaced, on every seed and fixture text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare.text.tokenize import PATTERN, TokenKind, tokenize
from parsers import parse_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
MARKS = ("1", "2", "3", "12")  # footnote numbers, as a reader lists them


def reference(text: str, marks: tuple[str, ...] = ()) -> list[tuple[str, int, TokenKind]]:
    """The tokenizer as it was: one match at a time, the kind by group name, marks decided inline."""
    out: list[tuple[str, int, TokenKind]] = []
    for m in PATTERN.finditer(text):
        kind = TokenKind(m.lastgroup)
        if (kind is TokenKind.NUMBER and marks and m.group() in marks and out
                and out[-1][2] is TokenKind.WORD and out[-1][1] + len(out[-1][0]) == m.start()):
            kind = TokenKind.MARK
        out.append((m.group(), m.start(), kind))
    return out


def current(text: str, marks: tuple[str, ...] = ()) -> list[tuple[str, int, TokenKind]]:
    return [(t.text, t.start, t.kind) for t in tokenize(text, marks)]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_texts_tokenize_as_before(path):
    """Each seed, whole and line by line (with footnote marks listed), gives the reference tokens."""
    text = path.read_text(encoding="utf-8")
    assert current(text) == reference(text)
    for line in text.splitlines():
        assert current(line, MARKS) == reference(line, MARKS)


@pytest.mark.parametrize("path", sorted([*FIXTURES.glob("*.docx"), *FIXTURES.glob("*.pdf")]),
                         ids=lambda p: p.name)
def test_fixture_blocks_tokenize_as_before(path):
    """Every block of every fixture document, with its own footnote marks, gives the reference tokens."""
    for block in parse_file(str(path)).blocks:
        marks = tuple(block.footnote_marks)
        assert current(block.text, marks) == reference(block.text, marks)


def test_listed_numbers_after_words_are_marks_as_before():
    """Glued listed numbers become marks, spaced or unlisted ones stay figures, as in the reference."""
    text = "organisée1 et 12 texte12 criminalité2¹ x* 2 3"
    assert current(text, MARKS) == reference(text, MARKS)
    assert [t for t, _, k in current(text, MARKS) if k is TokenKind.MARK] == ["1", "12", "2", "¹", "*"]


@given(st.text(alphabet=st.sampled_from("ab1 2/.,%'’*¹-A\u00a0\n")), st.sampled_from([(), ("1",), ("1", "2")]))
def test_any_text_tokenizes_as_before(text, marks):
    """For any mix of letters, figures, separators and marks, the tokens are the reference's."""
    assert current(text, marks) == reference(text, marks)
