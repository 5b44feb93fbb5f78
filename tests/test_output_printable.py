"""desktop.output.printable: a text with no control character is returned as it is (one scan of a
character class); any other is made safe as before, colour sequences kept."""

from __future__ import annotations

import pytest

from desktop.output import printable


@pytest.mark.parametrize(("text", "shown"), [
    ("Décide de rester saisie\tde la question.\n", "Décide de rester saisie\tde la question.\n"),
    ("\x1b[31mremoved\x1b[0m", "\x1b[31mremoved\x1b[0m"),  # our own colour sequences
    ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),  # not a colour sequence: shown
    ("a\x85b\u2028c\u2029d", "a\\x85b\\u2028c\\u2029d"),
    ("name\udcff.pdf", "name\\xff.pdf"),
    ("\x00\x7f\x9f", "\\x00\\x7f\\x9f"),
    ("", ""),
])
def test_printable_shows_controls_and_keeps_the_rest(text, shown):
    """Controls (C0 but tab and line feed, DEL, C1), line separators and lone surrogates are
    shown escaped wherever they are; plain text and our colour sequences come back unchanged."""
    assert printable(text) == shown
    assert printable("x" * 100_000 + text) == "x" * 100_000 + shown
