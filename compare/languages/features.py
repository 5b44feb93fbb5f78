"""What survives translation, as keys two units can share: numbers, punctuation that carries
meaning (? ! : ; parentheses, quotes), identical words and proper names, cognates (a shared
accent-free prefix), and, once learned, lexicon translations (compare.languages.lexicon).

A unit becomes a tuple of `KeyedToken`s (a weight and its keys); two units match on a token when one
of its keys is among the other side's keys. Weights are inverse document frequencies over the
units of one side, so a frequent function word counts less than a rare name."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from compare.text import numerals
from compare.text.normalize import fold, fold_word

# Han characters (and kana): Chinese has no spaces, so a run of them is cut into overlapping
# character pairs below, and digits glued to them are a number of their own.
_HAN = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_HAN}]+|(?:(?![{_HAN}])\w)+|[^\w\s]", re.UNICODE)
_HAN_RUN = re.compile(f"[{_HAN}]")
_DIGITS = re.compile(r"\d")
# Punctuation kept as evidence, once folded (compare.text.normalize.fold: quotes of every style
# become one key).
_PUNCTUATION = frozenset('?!:;()"%§')
# Words shorter than this are only matched through the lexicon: short identical strings across
# languages are mostly accidents ("die", "des", "son").
MIN_IDENTICAL = 4
# Cognates share this many leading letters once accents are removed (Expedition/expédition,
# Himalaya/himalayenne); shorter prefixes join too many unrelated words.
COGNATE_PREFIX = 5


@dataclass(frozen=True, slots=True)
class KeyedToken:
    weight: float
    keys: frozenset[str]
    word: str | None = None  # the normalised word (None for numbers and punctuation)


def raw_tokens(text: str) -> list[str]:
    """Words, numbers and punctuation; a run of Chinese characters gives its overlapping
    character pairs (决定继续 -> 决定, 定继, 继续: the pairs that are words find their
    translations in the lexicon, the others are rare noise) and the numbers its Chinese
    numerals write (第二十七届 -> 27)."""
    out: list[str] = []
    for token in _TOKEN.findall(text):
        if _HAN_RUN.match(token):
            out.extend(str(value) for value in numerals.chinese_numbers(token))
            out.extend([token] if len(token) == 1 else [token[k:k + 2] for k in range(len(token) - 1)])
        else:
            out.append(token)
    return out


@lru_cache(maxsize=200_000)
def surface_keys(token: str) -> tuple[frozenset[str], str | None]:
    """Keys a token carries whatever the language pair, and its normalised word if it is one."""
    if _DIGITS.search(token):
        digits = "".join(ch for ch in numerals.ascii_digits(token) if ch.isdigit())
        return frozenset({"#" + digits}), None
    if not token[0].isalnum() and token[0] != "_":
        key = fold(token)
        return (frozenset({"P" + key}) if key in _PUNCTUATION else frozenset()), None
    word = fold_word(token)
    keys: set[str] = set()
    if len(word) >= MIN_IDENTICAL:
        keys.add("W" + word)
    if len(word) >= COGNATE_PREFIX:
        keys.add("C" + word[:COGNATE_PREFIX])
    return frozenset(keys), word


def words(text: str) -> list[str]:
    """The normalised words of a unit (what the lexicon is learned over)."""
    return [w for w in (surface_keys(t)[1] for t in raw_tokens(text)) if w]


def idf(units: Sequence[str]) -> dict[str, float]:
    """Inverse document frequency of each raw token over one side's units (smoothed)."""
    df: Counter[str] = Counter()
    for text in units:
        df.update({fold_word(t) for t in raw_tokens(text)})
    n = len(units) + 1
    return {tok: math.log(n / (count + 0.5)) + 1.0 for tok, count in df.items()}


class Side(StrEnum):
    """Which text of a pair a unit belongs to."""

    SOURCE = "source"
    TARGET = "target"


def tokenise(text: str, weights: Mapping[str, float],
             lexicon: Mapping[str, frozenset[str]] | None = None, *, side: Side = Side.SOURCE) -> tuple[KeyedToken, ...]:
    """A unit as weighted tokens. With a lexicon (source word -> target words), a source word
    also carries the keys of its translations and a target word found among the translations
    the key of itself, so the two meet on the target word. A word with no key at all is left
    out on either side alike (the sides swapped weigh the same tokens)."""
    out = []
    translated = _translations(lexicon) if lexicon is not None and side is not Side.SOURCE else frozenset()
    for norm, keys, word in _surface_tokens(text):
        if word is not None and lexicon is not None:
            if side is Side.SOURCE:
                translations = lexicon.get(word)
                if translations:
                    keys = keys | {"L" + t for t in translations}
            elif word in translated:
                keys = keys | {"L" + word}
        if not keys:
            continue
        out.append(KeyedToken(weights.get(norm, 1.0), keys, word))
    return tuple(out)


_TRANSLATED: dict[int, tuple[Mapping[str, frozenset[str]], frozenset[str]]] = {}


def _translations(lexicon: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """Every target word of a lexicon, computed once per lexicon object."""
    found = _TRANSLATED.get(id(lexicon))
    if found is None or found[0] is not lexicon:
        if len(_TRANSLATED) > 64:
            _TRANSLATED.clear()
        found = (lexicon, frozenset(t for ts in lexicon.values() for t in ts))
        _TRANSLATED[id(lexicon)] = found
    return found[1]


@lru_cache(maxsize=100_000)
def _surface_tokens(text: str) -> tuple[tuple[str, frozenset[str], str | None], ...]:
    """(normalised form, surface keys, word) of each token of a text; computed once per text."""
    return tuple((fold_word(raw), *surface_keys(raw)) for raw in raw_tokens(text))


def key_union(tokens: Sequence[KeyedToken]) -> frozenset[str]:
    keys: set[str] = set()
    for tok in tokens:
        keys |= tok.keys
    return frozenset(keys)


def matched_weight(tokens: Sequence[KeyedToken], other_keys: frozenset[str]) -> float:
    """Total weight of the tokens that find a key among the other side's keys."""
    return sum(tok.weight for tok in tokens if not tok.keys.isdisjoint(other_keys))
