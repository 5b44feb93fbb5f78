"""Sentence splitting for the six UN languages and German.

pysbd (Sadvilkar and Neumann 2020) has rules for en, fr, es, de, ru, zh and ar, but its
abbreviation lists miss common ones of UN and legal prose: it splits after French "art." and
"p. ex.", Spanish "Sr." and "art.", Russian "ст." and "т. д.". We let pysbd split, then join a
piece to the next one when it ends in an abbreviation of the language (the table below). A
language pysbd lacks is split with the English rules and English abbreviations.
Only this module imports pysbd.
"""

from __future__ import annotations

import re
from functools import cache

import pysbd

# Abbreviations after which a full stop does not end a sentence, by language (lower case,
# without the final full stop; multi-part ones like "p. ex." are listed by their parts).
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": frozenset({
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "art", "arts", "para", "paras", "p", "pp",
        "vol", "vols", "ch", "chap", "sect", "fig", "e.g", "i.e", "etc", "cf", "vs", "approx", "incl",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "rev", "corr",
        "add", "co", "inc", "ltd", "u.s", "u.n", "op", "annex", "sess", "suppl", "res", "distr",
    }),
    "fr": frozenset({
        "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "art", "arts", "al", "p", "pp",
        "ex", "par", "cf", "etc", "vol", "chap", "no", "n", "n°", "nos", "fig", "éd", "env", "av", "apr",
        "janv", "févr", "avr", "juill", "sept", "oct", "nov", "déc", "suppl", "rev", "corr", "add",
        "st", "ste", "c.-à-d", "paragr", "sect", "annexe", "réf", "sess", "op", "cit", "ibid", "id", "distr",
    }),
    "es": frozenset({
        "sr", "sra", "sres", "srta", "dr", "dra", "d", "dña", "art", "arts", "p", "pp", "ej", "párr",
        "párrs", "núm", "no", "vol", "cap", "etc", "cf", "fig", "ed", "ee", "uu", "ee.uu", "aprox",
        "ene", "feb", "mar", "abr", "jun", "jul", "ago", "sept", "oct", "nov", "dic", "supl", "rev",
        "corr", "add", "secc", "op", "cit", "vid", "ud", "uds", "vd", "vds", "distr",
    }),
    "de": frozenset({
        "dr", "prof", "hr", "fr", "nr", "s", "abs", "art", "bd", "bzw", "ca", "d", "h", "etc", "evtl",
        "f", "ff", "ggf", "inkl", "max", "min", "o", "u", "a", "usw", "vgl", "z", "b", "zb", "z.b",
        "jan", "feb", "apr", "aug", "sept", "okt", "nov", "dez", "st", "str", "bzgl", "hrsg", "jh",
    }),
    "ru": frozenset({
        "г", "гг", "г-н", "г-жа", "ст", "п", "пп", "с", "см", "т", "д", "др", "пр", "тыс", "млн",
        "млрд", "руб", "им", "ул", "обл", "рис", "табл", "гл", "разд", "прим", "напр", "и", "е",
    }),
    "ar": frozenset(),
    "zh": frozenset(),
}
# pysbd's rule sets (0.3.4); a language outside them borrows English rules.
# Abbreviations that are also ordinary words ("no", "p", "a"): only taken as abbreviations when
# a number ("No. 5", "p. 12", "art. 3") or a lower-case word ("p. ex.", "p. ej.") follows.
BEFORE_NUMBER = frozenset({"no", "nos", "n", "p", "pp", "art", "arts", "para", "paras", "vol", "add",
                           "op", "s", "ch", "d", "c", "ed", "e", "a", "u", "f"})
PYSBD_LANGUAGES = frozenset({"en", "fr", "es", "de", "ru", "zh", "ar", "it", "nl", "pl", "el", "da",
                             "bg", "fa", "hi", "hy", "ja", "kk", "mr", "my", "sk", "ur", "am"})

_LAST_WORD = re.compile(r"([^\s(\[«\"“'’]+)\.\s*$")  # the word before a final full stop, after any elision


@cache
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language if language in PYSBD_LANGUAGES else "en", clean=False)


def _ends_in_abbreviation(piece: str, following: str, abbreviations: frozenset[str]) -> bool:
    match = _LAST_WORD.search(piece)
    if not match:
        return False
    word = match.group(1).casefold().rsplit(".", 1)[-1]  # "p. ex.", "z. B.": the last part
    if word not in abbreviations:
        return False
    first = following.lstrip()[:1]
    return word not in BEFORE_NUMBER or first.isdigit() or first.islower()


def split_sentences(text: str, language: str | None = None) -> list[str]:
    """The sentences of a text, stripped, in order; an empty text gives no sentence."""
    text = text.strip()
    if not text:
        return []
    lang = (language or "en").split("-")[0].lower()
    abbreviations = ABBREVIATIONS.get(lang, ABBREVIATIONS["en"])
    pieces = [p for p in _segmenter(lang).segment(text) if p.strip()]
    out: list[str] = []
    for piece in pieces:
        if out and _ends_in_abbreviation(out[-1], piece, abbreviations):
            out[-1] = out[-1] + piece
        else:
            out.append(piece)
    return [s.strip() for s in out if s.strip()]
