"""Undo end-of-line hyphenation without breaking real hyphens.

A line ending in "organi-" followed by "sation" was one word cut by the typesetter; "Vingt-" then
"septième", "c'est-à-" then "dire", "celle-" then "ci" are real compounds that happened to break
at their hyphen. The rules, in order (the first that applies decides):

1. a soft hyphen (U+00AD) is always taken out;
2. the right part does not start with a lower-case letter ("Nord-" "Sud", "COVID-" "19"): keep;
3. either part already holds a hyphen ("c'est-à-" "dire", "c'est-" "à-dire"): keep;
4. the document itself decides when it has seen one form and not the other elsewhere
   ("organisation" seen, "organi-sation" not: join; "vingt-septième" seen: keep), or when it
   writes other compounds with the same head ("twenty-seventh" seen: "twenty-" "ninth" keeps);
5. the right part is a French enclitic or particle that only follows a hyphen
   ("-ci", "-là", "-même", "-t-il", "-dire", "-être"): keep;
6. the left part is a word that heads compounds ("vingt", "non", "self", "multi", "ex"): keep;
7. both parts are words the document also writes on their own ("capacity-" "building"): keep;
8. otherwise the hyphen was the typesetter's ("organi-" "sation"): join the word without it,
   in a document whose typesetter cuts words at all (`cuts_words`); elsewhere keep it.

A hyphen before a conjunction is a suspended one ("Erweiterungs- und Wartungsakt", "pre- and
post-natal", "court- et moyen terme"): kept with the space after it, unless the document writes
the joined word elsewhere (rule 4: "hon-" "or" where "honor" is seen).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator, Set

from parsers.language import beside_spaceless

_ELISION = re.compile(r"^[A-Za-z]{1,2}['’]")
_WORD = re.compile(r"^[^\W\d_]+")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?(?:-[^\W\d_]+)*")

# Words that follow a hyphen in French compounds and inversions, never the tail of a cut word.
ENCLITICS = frozenset({
    "ci", "là", "même", "mêmes", "être", "dire", "il", "ils", "elle", "elles", "on", "t", "je", "tu",
    "nous", "vous", "moi", "toi", "le", "la", "les", "lui", "leur", "y", "en", "ce",
})
# Words that head hyphenated compounds in UN French, English and Spanish texts (numbers from
# twenty on, prefixes written with a hyphen). Kept small: evidence from the document comes first.
COMPOUND_HEADS = frozenset({
    "vingt", "trente", "quarante", "cinquante", "soixante", "quatre", "dix", "non", "sous", "vice",
    "ex", "demi", "semi", "mi", "quasi", "arrière", "avant", "après", "porte",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "self", "co", "multi", "cross", "well", "long", "short", "follow", "high", "low", "mid", "anti",
    "post", "socio", "decision",
})


# Conjunctions after a suspended hyphen, in the six UN languages' Latin and Cyrillic scripts and
# German (Word drafts of other bodies): "Erweiterungs- und", "macro- and", "court- et", "corto- y".
SUSPENDING = frozenset({
    "and", "or", "nor", "und", "oder", "bzw", "sowie", "et", "ou", "y", "o", "e", "u", "ni", "и", "или",
})


def _last_word(text: str) -> str:
    return text.rsplit(None, 1)[-1] if text.strip() else ""


def _first_word(text: str) -> str:
    return text.split(None, 1)[0] if text.strip() else ""


def drops_hyphen(left: str, right: str, vocabulary: Set[str] = frozenset(), cuts: bool = True) -> bool:
    """True when the hyphen ending `left` (a line's last word, hyphen included) was only the
    typesetter's and `left` + `right` (the next line's first word) make one word without it.
    `cuts` says whether the document is hyphenated by its typesetter at all (`cuts_words`): where
    it is not, a hyphen no rule explains is a real one ("money-" "laundering")."""
    if left.endswith("\xad"):
        return True
    head = left[:-1]
    tail = _first_word(right)
    if not tail[:1].isalpha() or not tail[:1].islower() or not head[-1:].isalpha():
        return False
    if "-" in head or "-" in tail:
        return False
    head_word = _ELISION.sub("", head)
    found = _WORD.match(tail)
    tail_word = found.group(0) if found else "x"
    joined = (head_word + tail_word).lower()
    hyphenated = f"{head_word}-{tail_word}".lower()
    if joined in vocabulary and hyphenated not in vocabulary:
        return True
    if joined not in vocabulary and (hyphenated in vocabulary or _heads_compounds(head_word, vocabulary)):
        return False
    if tail_word.lower() in ENCLITICS or head_word.lower() in COMPOUND_HEADS:
        return False
    # both halves are words the document writes on their own ("capacity", "building"): a compound
    return cuts and not (head_word.lower() in vocabulary and tail_word.lower() in vocabulary)


def _suspended(left: str, right: str, vocabulary: Set[str]) -> bool:
    """The hyphen ending `left` is a suspended one: a conjunction follows ("Erweiterungs-" "und")
    and the document never writes the two as one word."""
    tail = _first_word(right).rstrip(",;.")
    head = _ELISION.sub("", left[:-1])
    return (left.endswith("-") and tail.lower() in SUSPENDING and head[-1:].isalpha()
            and (head + tail).lower() not in vocabulary)


def _heads_compounds(head: str, vocabulary: Set[str]) -> bool:
    prefix = head.lower() + "-"
    return any(word.startswith(prefix) for word in vocabulary)


class Vocabulary(Set[str]):
    """`vocabulary_of(lines)`, made the first time a word is looked up in it: only a line ending
    with a hyphen asks (`join_hyphenated`), and most documents have none (Word does not cut words:
    the real UN PDFs end at most 3.2 % of their lines with one). Making it took 12 ms of a 57-page
    parse of 0.46 s whose lines end with no hyphen (measured)."""

    __slots__ = ("_lines", "_words")

    def __init__(self, lines: list[str]) -> None:
        self._lines: list[str] | None = lines
        self._words: frozenset[str] | None = None

    def _made(self) -> frozenset[str]:
        if self._words is None:
            self._words = vocabulary_of(self._lines or [])
            self._lines = None
        return self._words

    def __contains__(self, word: object) -> bool:
        return word in self._made()

    def __iter__(self) -> Iterator[str]:
        return iter(self._made())

    def __len__(self) -> int:
        return len(self._made())


def vocabulary_of(lines: list[str]) -> frozenset[str]:
    """Lower-cased words and hyphenated compounds written whole on the lines of a document (in
    order): the pieces of a word cut at a line end are left out."""
    words: set[str] = set()
    cut = False
    for text in lines:
        tokens = _TOKEN.findall(text)
        stripped = text.rstrip()
        # the first token when the line before ended cut, the last when this one ends cut at it
        first = 1 if cut and tokens else 0
        cut = stripped.endswith(("-", "\xad"))
        end = len(tokens)
        if cut and tokens and deque(_TOKEN.finditer(text), maxlen=1)[0].end() >= len(stripped) - 1:
            end -= 1
        tokens = tokens[first:end] if first <= end else []
        if "'" in text or "’" in text:  # an elided article or preposition ("l’", "d'") comes off
            # only a token with an apostrophe can have one (a regex call for each token of a
            # French report's lines was 12 of its 28 ms)
            tokens = [_ELISION.sub("", token) if "'" in token or "’" in token else token for token in tokens]
        words.update(map(str.lower, tokens))
    return frozenset(words)


# A typesetter who hyphenates ends this share of a document's lines with a hyphen at least, and
# three lines (justified text cut by a hyphenation dictionary: 5-15 %); the real UN PDFs,
# made with Word, which does not hyphenate them, end at most 3.2 % of their lines so (2 lines of
# a short draft), all at real compounds ("drug-" "resistant", "Council-" "mandated"). In a short
# document one or two such lines are that share on their own: the first page of S/2021/443 alone
# ends one line of its 25 with "conflict-" ("affected" next), a compound, not a cut word.
HYPHENATED_SHARE = 0.04
HYPHENATED_LINES = 3


def cuts_words(lines: list[str]) -> bool:
    """Does the document's typesetter cut words at line ends (so that a line-end hyphen no other
    rule explains is taken out)? Yes when enough of its lines end with a hyphen."""
    texts = [text.rstrip() for text in lines if text.strip()]
    if not texts:
        return True
    ending = sum(1 for text in texts if text.endswith(("-", "\x02")) and text[-2:-1].isalpha())
    return ending >= max(HYPHENATED_LINES, HYPHENATED_SHARE * len(texts))


def join_hyphenated(left: str, right: str, vocabulary: Set[str] = frozenset(),
                    cuts: bool = True) -> tuple[str, bool]:
    """Join two line texts: ("organisation …", True) when the hyphen was dropped; a kept hyphen
    joins without a space ("vingt-septième"), as do a line ending with an opening bracket or a
    slash and Chinese text on either side (`beside_spaceless`); any other pair joins with one space."""
    word = _last_word(left)
    if word.endswith(("-", "\xad")) and len(word) > 1:
        if _suspended(word, right, vocabulary):
            return f"{left} {right}", False
        if drops_hyphen(word, right, vocabulary, cuts):
            return left[:-1] + right, True
        return left + right, False
    if beside_spaceless(left[-1:], right[:1]):
        return left + right, False  # Chinese: no space between words, nor beside a figure
    if left[-1:] and left[-1] in _OPENING and not right[:1].isspace():
        return left + right, False  # a line broken after an opening bracket (right-to-left text)
    if (left[-1:] == "/" and right[:1].isalnum()) or (right[:1] == "/" and right[1:2].isalnum() and left[-1:].isalnum()):
        return left + right, False  # a symbol or a pair broken at its slash ("A/" / "70/123", "A/70" / "/123")
    if left[-1:] and left[-1] in _PREFIX_CURRENCY and (right[:1] == "[" or right[:1].isdigit()):
        return left + right, False  # "$" / "[______]": a sign written before its amount
    return f"{left} {right}", False


# An opening bracket is followed by its text, never by a space: a line ending in one goes on
# with no space (LibreOffice breaks Arabic lines between "(" and the Latin "RNSS)" it opens).
_OPENING = "([{«"
# Currency signs written before their amount with no space ("$5", "US$[___]", "£10"): a line
# ending in one goes on with no space before a figure or a bracketed blank, where Word and
# LibreOffice may break a draft's "$[______]" (Unicode line breaking allows a break before "[").
_PREFIX_CURRENCY = "$£¥₹"
