"""Offline language detection for the six UN languages (and German, for the development data).

Scripts decide Arabic, Chinese and Russian; for Latin-script text the language whose frequent
function words (resources/lexicons/language/stopwords.toml) cover most tokens wins."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import cache

import resources

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Below this share of letters in one non-Latin script, the text is taken as Latin-script.
SCRIPT_SHARE = 0.3
# Enough text to decide; more only costs time.
SAMPLE_CHARS = 20_000


@cache
def _lexicon() -> dict[str, dict[str, list[str]]]:
    """resources/lexicons/language/stopwords.toml, read once."""
    with open(resources.path("lexicons", "language", "stopwords.toml"), "rb") as fh:
        return tomllib.load(fh)


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    return {lang: frozenset(words) for lang, words in _lexicon()["words"].items()}


@cache
def function_words() -> frozenset[str]:
    """The frequent function words of every language the lexicon lists (stopwords.toml): a text
    ending with one ("Bosnia and", "Saint Vincent and the") goes on."""
    return frozenset().union(*_stopwords().values())


@cache
def one_letter_words(language: str | None) -> frozenset[str] | None:
    """The words of one letter `language` writes in lower case (stopwords.toml, `one_letter`), or
    None where the lexicon has none for it."""
    data = _lexicon().get("one_letter", {})
    return frozenset(data[language]) if language in data else None


# The letters of the scripts that decide a language by themselves, counted at C level: with the
# letters filtered and the stopwords counted alike, detect_language of the 57-page long pair's
# text takes 2.1 ms instead of 7.1 (a Python call a character). By script: its first letter and
# its ranges, compiled when a text has a letter that high (the Han ranges take 2 ms to compile).
_SCRIPT_RANGES = (
    ("ar", "\u0600", "[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]"),
    ("zh", "\u3000", "[\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f]"),
    ("ru", "\u0400", "[\u0400-\u04ff]"),
)


def spaceless(ch: str) -> bool:
    """Is `ch` of a script written without spaces between words: Han ideographs, kana, CJK
    punctuation and symbols, full-width forms (not Hangul: Korean puts spaces between words).
    A space beside such a character is typography, not a word boundary: the gap Word and
    LibreOffice set between Chinese and Latin text or figures ("在 2014 年" as printed, "在2014年"
    as typed)."""
    return bool(ch) and ("\u2e80" <= ch <= "\u312f" or "\u3190" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"
                         or "\ufe30" <= ch <= "\ufe4f" or "\uff00" <= ch <= "\uff9f"
                         or "\U00020000" <= ch <= "\U0003ffff")


def beside_spaceless(before: str, after: str) -> bool:
    """Is either of two neighbours (a character each, or "") `spaceless`? A space or a gap
    between them is then no word boundary. Asked of every word space of a text: most characters
    are answered by one comparison, below the first such script's (U+2E80)."""
    return (before >= "\u2e80" and spaceless(before)) or (after >= "\u2e80" and spaceless(after))


@cache
def _letters_of(ranges: str) -> re.Pattern[str]:
    return re.compile(ranges)


def detect_language(text: str) -> str | None:
    """Return 'en', 'fr', 'es', 'ar', 'zh', 'ru' (or 'de'), or None when there is too little text."""
    sample = text[:SAMPLE_CHARS]
    # the characters of a letter category (L*): str.isalpha is that test
    letters = "".join(filter(str.isalpha, sample))
    if len(letters) < 20:
        return None
    highest = max(letters)
    for script, first, ranges in _SCRIPT_RANGES:
        if highest >= first and len(_letters_of(ranges).findall(letters)) / len(letters) >= SCRIPT_SHARE:
            return script
    counts = Counter(w.lower() for w in _WORD.findall(sample))
    scores = {lang: sum(map(counts.__getitem__, stops & counts.keys())) for lang, stops in _stopwords().items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else None
