"""What counts as a difference: each token gets a comparison key, and two texts are the same when
their keys are.

By default (CompareOptions all False) these are not differences:
- whitespace: runs of spaces, tabs, newlines, non-breaking and thin spaces compare as one space;
  the space French sets before `; : ? ! » %` and after `«` disappears, as does space at either end;
- quote styles: ’ ' ‘ ʼ compare as ', and “ ” « » „ " as ";
- dashes and hyphens: ‐ ‑ ‒ – — − compare as -, and a hyphen inside a word is ignored
  ("capacity-building" = "capacitybuilding": a PDF line-end hyphen is ambiguous);
- a space between a number or ")" and "(" ("paragraph 3 (a) (i)" = "paragraph 3(a)(i)");
- a space beside Chinese (Han, kana, CJK punctuation, full-width forms: `parsers.language.spaceless`):
  "在 2014 年" as Word and LibreOffice print it = "在2014年" as typed;
- the Arabic tatweel that stretches a word in a justified line ("نتـائج" = "نتائج");
- footnote marks: superscripts, an asterisk glued to a word, and the block's listed marks vanish
  (with the space before them);
- the printed paragraph number (Block.number): see compare.versions.engine (renumbered vs modified).

`count_spacing` keeps whitespace, quote styles, dashes and hyphens as they are;
`count_footnote_marks` keeps marks; `ignore_case` compares words case-folded; `ignore_punctuation`
drops punctuation from the keys (a difference in it is shown as a minor op, not counted).
Keys are per token, so the mapping back to the real text is the token itself: word diffs are
computed on keys and reported on the tokens' real text (compare.versions.wordiff). `normalize` also gives
the character mapping for callers that work on the normalised string.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from compare.model import CompareOptions
from compare.text.tokenize import CACHE_TEXTS, PATTERN, Token, TokenKind, tokenize
from parsers.language import beside_spaceless
from parsers.symbols import as_symbol_characters

_FOLD = str.maketrans({
    "’": "'", "‘": "'", "ʼ": "'", "‚": "'", "′": "'",
    "“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "″": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
    "\u0640": None,  # Arabic tatweel: a justified PDF line stretches words with it ("نتـائج")
})
_SPACES = re.compile(r"\s+")
# French typography puts a (thin, non-breaking) space before these and after «; English does not.
_SPACE_BEFORE = frozenset(";:?!»%)]")
_SPACE_AFTER = frozenset("«([¿¡")


@dataclass(frozen=True, slots=True)
class Normalized:
    """The normalised text and, for each of its characters, the offset in the real text."""

    text: str
    offsets: tuple[int, ...]


def fold(text: str) -> str:
    """Quote styles, dashes and special spaces folded to their plain ASCII forms."""
    return text.translate(_FOLD)


def fold_spaces(text: str) -> str:
    """Runs of whitespace as one space and none at either end (the redline matching a body
    paragraph to a block, and telling a change beyond whitespace)."""
    return _SPACES.sub(" ", text).strip()


# Arabic letters written in several forms that UN texts do not use consistently: hamza on or
# under alef, madda, alef wasla -> bare alef; alef maqsura -> ya; ta marbuta -> ha; tatweel out.
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None})


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """Lower case without accents (nor Arabic vowel marks, nor the Arabic letter variants of
    _ARABIC_FOLD): the form in which the aligner compares words across languages (cognates,
    lexicon entries)."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.translate(_ARABIC_FOLD) if not plain.isascii() else plain


def keys(tokens: tuple[Token, ...], options: CompareOptions) -> tuple[str, ...]:
    """One comparison key per token; "" for a token that is not a difference at all."""
    out = []
    last = len(tokens) - 1
    mark, space, word, number = TokenKind.MARK, TokenKind.SPACE, TokenKind.WORD, TokenKind.NUMBER
    count_marks, count_spacing = options.count_footnote_marks, options.count_spacing
    ignore_case, ignore_punct = options.ignore_case, options.ignore_punctuation
    for i, token in enumerate(tokens):
        kind = token.kind
        if ignore_punct and kind is TokenKind.PUNCT:
            out.append("")
        elif ignore_case and kind in (word, TokenKind.ELISION):
            key = token.text if count_spacing else token.text.translate(_FOLD).replace("-", "")
            out.append(key.casefold())
        elif kind is mark:
            out.append(token.text if count_marks else "")
        elif count_spacing:
            out.append(token.text)
        elif kind is space:
            out.append("" if _space_vanishes(tokens, i, last, options) else " ")
        elif kind is word:
            out.append(token.text.translate(_FOLD).replace("-", ""))
        elif kind is number:
            out.append(token.text.translate(_FOLD).replace(" %", "%"))
        else:
            out.append(token.text.translate(_FOLD))
    return tuple(out)


def _space_vanishes(tokens: tuple[Token, ...], i: int, last: int, options: CompareOptions) -> bool:
    if i == 0 or i == last:
        return True
    after, before = tokens[i + 1], tokens[i - 1]
    end = _last_shown(before.text)
    if after.kind is TokenKind.MARK and not options.count_footnote_marks:
        return True
    if after.text[0] == "(" and (end.isdigit() or end == ")"):
        return True  # "Section 3.2 (a) (i)" = "Section 3.2(a)(i)": house styles, and PDF gaps
    if beside_spaceless(end, after.text[0]):
        return True  # "在 2014 年" = "在2014年": beside Chinese a space is only spacing
    return after.text[0] in _SPACE_BEFORE or end in _SPACE_AFTER


def _last_shown(text: str) -> str:
    """A token's last character but a tatweel (a justified Arabic line stretches with it, even
    after a bracket: "(R)ـ (AM(R)S)" is "(R) (AM(R)S)"); the tatweel of a token of tatweels only."""
    end = text[-1]
    return end if end != "\u0640" else (text.rstrip("\u0640")[-1:] or end)


# Arabic presentation forms (a letter's contextual shape as a character of its own, "ﻫ" for
# "ه"): what some Word files store, where a PDF reader gives the letter (pdf.lines rewrites them).
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")


# The private use area. A symbol font's code there (U+F020-U+F0FF: Symbol's asterisk U+F02A, a
# Wingdings box U+F0A8), which Word stores and a PDF printed from it often keeps as text, compares
# as the Symbol font's character for it (parsers.symbols): a PDF's U+F0A3 is Word's "≤" (the Word
# reader gives the Symbol font's characters as Unicode), and "≤" is not "≥"; another font's code
# stands for itself all the same (two Wingdings boxes, one ticked, differ). The rest of the area
# (a font without a Unicode map) has no meaning to compare.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_NOT_SYMBOL_CODE = re.compile("[\ue000-\uf01f\uf100-\uf8ff]")


def _without_private_use(out: tuple[str, ...]) -> tuple[str, ...]:
    """The keys with symbol codes as their characters and without other private-use characters,
    and then no space key at the start or end, nor right after another ("\ue000 تستند")."""
    fixed = [as_symbol_characters(_NOT_SYMBOL_CODE.sub("", key)) for key in out]
    spaced = True  # at the start, as after a space
    for k, key in enumerate(fixed):
        if key == " ":
            if spaced:
                fixed[k] = ""
            spaced = True
        elif key:
            spaced = False
    for k in range(len(fixed) - 1, -1, -1):
        if fixed[k] == " ":
            fixed[k] = ""
        if fixed[k]:
            break
    return tuple(fixed)


@lru_cache(maxsize=CACHE_TEXTS)
def tokens_and_keys(text: str, marks: tuple[str, ...], options: CompareOptions) -> tuple[tuple[Token, ...], tuple[str, ...]]:
    """The tokens of a text and their keys (cached: each block is keyed, then diffed); the keys
    of words written in Arabic presentation forms are those of their letters (NFKC)."""
    tokens = tokenize(text, marks)
    out = keys(tokens, options)
    if _PRIVATE_USE.search(text):
        out = _without_private_use(out)
    if _PRESENTATION_FORMS.search(text):
        out = tuple(unicodedata.normalize("NFKC", k) if _PRESENTATION_FORMS.search(k) else k for k in out)
    return tokens, out


def key_text(text: str, options: CompareOptions | None = None, marks: tuple[str, ...] = ()) -> str:
    """The text as compared (what `normalize` gives, without the offsets)."""
    options = options or CompareOptions()
    if not (options.count_footnote_marks or options.count_spacing or options.ignore_case or options.ignore_punctuation
            or _PRESENTATION_FORMS.search(text) or _PRIVATE_USE.search(text)):
        return _default_key_text(text, tuple(marks))
    return "".join(tokens_and_keys(text, tuple(marks), options)[1])


_SPACE, _NUMBER, _WORD, _MARK = (PATTERN.groupindex[name] for name in ("space", "number", "word", "mark"))


@lru_cache(maxsize=CACHE_TEXTS)
def _default_key_text(text: str, marks: tuple[str, ...]) -> str:
    """`key_text` under the default options, read off the tokenizer's matches in one pass: the same
    keys as `tokenize` then `keys` (tests/test_normalize_fast.py holds them to it), without a
    Token for each (0.070 -> 0.041 s of CPU for the 666 texts of the 860-paragraph pair). A space
    waits for the token after it (`_space_vanishes`); a number listed in `marks` right after a
    word is a mark (`tokenize`'s `_relabel_marks`)."""
    parts: list[str] = []
    append = parts.append
    pending, before, last = False, "", ""  # a space waits; the last character before it
    previous = 0  # the group of the token before (0: none yet)
    for match in PATTERN.finditer(text):
        kind, token = match.lastindex, match[0]
        if kind == _SPACE:
            if previous:  # a space opening the text vanishes
                pending, before = True, last
            previous = _SPACE
            continue
        if kind == _NUMBER and previous == _WORD and token in marks:
            kind = _MARK
        if pending:
            head = token[0]
            if not (kind == _MARK or head in _SPACE_BEFORE or before in _SPACE_AFTER
                    or (head == "(" and (before.isdigit() or before == ")"))
                    or beside_spaceless(before, head)):
                append(" ")
            pending = False
        if kind == _WORD:
            append(token.translate(_FOLD).replace("-", ""))
        elif kind == _NUMBER:
            append(token.translate(_FOLD).replace(" %", "%"))
        elif kind != _MARK:
            append(token.translate(_FOLD))
        previous, last = kind or 0, token[-1] if token[-1] != "\u0640" else _last_shown(token)
    return "".join(parts)  # a space closing the text vanishes


def normalize(text: str, options: CompareOptions | None = None, marks: tuple[str, ...] = ()) -> Normalized:
    """The text as compared, with the offset of each character in `text`."""
    options = options or CompareOptions()
    tokens = tokenize(text, marks)
    parts: list[str] = []
    offsets: list[int] = []
    for token, key in zip(tokens, keys(tokens, options), strict=True):
        parts.append(key)
        offsets.extend(token.start + min(k, len(token.text) - 1) for k in range(len(key)))
    return Normalized("".join(parts), tuple(offsets))


def normalize_number(number: str | None) -> str:
    """A paragraph number as compared: '5', 'a', 'iv' (case and surrounding spaces ignored)."""
    return (number or "").strip().strip(".()").lower()
