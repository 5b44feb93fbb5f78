"""Offline language detection for the six UN languages (and German, for the development data).

Scripts decide Arabic, Chinese and Russian; for Latin-script text the language whose frequent
function words (resources/lexicons/language/stopwords.toml) cover most tokens wins."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache

import resources

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Below this share of letters in one non-Latin script, the text is taken as Latin-script.
SCRIPT_SHARE = 0.3
# Enough text to decide; more only costs time.
SAMPLE_CHARS = 20_000


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    with open(resources.path("lexicons", "language", "stopwords.toml"), "rb") as fh:
        data = tomllib.load(fh)
    return {lang: frozenset(words) for lang, words in data["words"].items()}


def _script(ch: str) -> str:
    if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff":
        return "ar"
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\u3000" <= ch <= "\u303f":
        return "zh"
    if "\u0400" <= ch <= "\u04ff":
        return "ru"
    return "latin"


def detect_language(text: str) -> str | None:
    """Return 'en', 'fr', 'es', 'ar', 'zh', 'ru' (or 'de'), or None when there is too little text."""
    sample = text[:SAMPLE_CHARS]
    letters = [ch for ch in sample if unicodedata.category(ch).startswith("L")]
    if len(letters) < 20:
        return None
    counts: dict[str, int] = {}
    for ch in letters:
        script = _script(ch)
        counts[script] = counts.get(script, 0) + 1
    for script in ("ar", "zh", "ru"):
        if counts.get(script, 0) / len(letters) >= SCRIPT_SHARE:
            return script
    words = [w.lower() for w in _WORD.findall(sample)]
    scores = {lang: sum(1 for w in words if w in stops) for lang, stops in _stopwords().items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else None
