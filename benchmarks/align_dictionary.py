"""Does a general bilingual dictionary help the sentence aligner? (issue #14) Measures, on the
German-French development set only, the FreeDict dictionaries Debian packages for dictd
(`dict-freedict-deu-fra`, `dict-freedict-fra-deu`: general dictionaries, chosen from no aligned
text) added to the aligner's seed lexicon, through the path `accord align --lines` takes
(benchmarks/align_eval.py: the whole file, its halves, pieces of 60-160 beads, and with
--untuned 24 more pieces).

Answer, measured (2026-12, FreeDict deu-fra 2022.11.18 and fra-deu): it does not pay, so the
aligner does not use it. Strict F1, whole file / pieces mean / pieces min, 0.923 / 0.921 / 0.824
without; 0.916 / 0.909 / 0.803 with every word, 0.914 / 0.918 / 0.803 with words of 4+ letters
(7 of 23 pieces worse by more than 0.01, 6 better); trying inflection endings to reach the
headwords did no better. Keeping the dictionary's pairs out of Model 1's training, or using them
in the first pass only, or only in the lexicon passes (a temporary hook in
compare.languages.units, not kept) stayed within -0.012..+0.003 of the pieces' mean: in Model 1's
training only, pieces 0.922-0.925 with one 0.04 worse; in the first pass only, the whole file
0.930 but pieces 0.920. The dictionary raises lax F1 (the links are more often right: 0.988 -> 0.993) but
not strict F1: the beads' boundaries are what the aligner still gets wrong, and more evidence on
both sides of a boundary draws neighbouring sentences into merged beads.

A dictd dictionary is two files: `<name>.index`, one `headword<TAB>offset<TAB>length` line per
entry (offset and length in dictd's base 64), and `<name>.dict.dz`, the entries' text compressed
with dictzip (gzip with a random-access table, readable by gzip). A FreeDict entry's first line is
the headword (with its pronunciation and part of speech), then its senses: "1. maison, domicile"
lines of translations, each followed by lines of definition in the source language; an entry of
one sense has its translations on the line after the headword. Only single words are kept on both
sides, folded as the aligner folds words, and only pairs whose two words occur in the two
documents at hand (so Model 1's training gets a few hundred pairs, not 78,000).

    .venv/bin/python -m benchmarks.align_dictionary [--untuned]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from benchmarks import align_eval
from benchmarks.align_dev import load_dev
from compare.languages import features as feat
from compare.languages import lexicon as align_lexicon
from compare.languages import units as align_units
from compare.languages.checks import flag_alignment
from compare.languages.windows import align_in_windows
from compare.model import AlignLevel, LanguageAlignment, Unit
from compare.progress import Steps
from compare.progress import run as drive
from compare.text.normalize import fold_word
from parsers.language import detect_language

DICTD = Path("/usr/share/dictd")
# ISO 639-1 codes (what the aligner's language detection gives) -> FreeDict's ISO 639-3 codes.
CODES = {
    "ar": "ara", "de": "deu", "en": "eng", "es": "spa", "fr": "fra", "it": "ita", "nl": "nld",
    "pt": "por", "ru": "rus", "zh": "zho",
}
_BASE64 = {c: k for k, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
# A sense line: "2. chambre, salle" (its definition lines follow, in the source language).
_SENSE = re.compile(r"(\d+)\. (.*)")
# The number of a definition that ends a sense line ("1. maison 2.": definition 2 follows).
_TRAILING_NUMBER = re.compile(r"\s+\d+\.$")
# The headword of an entry's first line, before its pronunciation or part of speech.
_HEADWORD = re.compile(r"(.*?)(?: /| <|$)")
# One word: letters only (no space, digit, hyphen or apostrophe: multi-word glosses are dropped).
_WORD = re.compile(r"[^\W\d_]+")
_TRANSLATION_SEPARATORS = re.compile(r"[,;]")
# An index line of a one-word headword (a regular expression over the whole file: 4 times faster
# than splitting its 47,000 lines one by one in Python).
_INDEX_LINE = re.compile(r"^([^\t\n ]+)\t([^\t\n]+\t[^\t\n]+)$", re.MULTILINE)


@lru_cache(maxsize=64)
def path(source_language: str, target_language: str) -> Path | None:
    """The index file of the dictionary from one language to the other; None if not installed."""
    first, second = CODES.get(source_language), CODES.get(target_language)
    if first is None or second is None:
        return None
    index = DICTD / f"freedict-{first}-{second}.index"
    return index if index.is_file() and index.with_suffix(".dict.dz").is_file() else None


def installed(source_language: str | None, target_language: str | None) -> bool:
    """Whether a dictionary for the pair is installed in either direction."""
    if not source_language or not target_language:
        return False
    return path(source_language, target_language) is not None or path(target_language, source_language) is not None


def _number(text: str) -> int:
    value = 0
    for ch in text:
        value = value * 64 + _BASE64[ch]
    return value


@lru_cache(maxsize=8)
def _index(index: Path) -> dict[str, str]:
    """Folded one-word headword -> the "offset<TAB>length" of its entries, "|"-separated (read once
    per process; the spans are decoded only for the words looked up)."""
    with open(index, encoding="utf-8") as fh:
        text = fh.read()
    spans: dict[str, str] = {}
    for head, where in _INDEX_LINE.findall(text):
        key = head if head.isascii() else fold_word(head)
        spans[key] = spans[key] + "|" + where if key in spans else where
    return spans


@lru_cache(maxsize=8)
def _data(index: Path) -> bytes:
    """The uncompressed entries of a dictionary (read once per process)."""
    with gzip.open(index.with_suffix(".dict.dz")) as fh:
        return fh.read()


def parse_entry(text: str) -> tuple[str, list[str]]:
    """(headword, its one-word translations) of one entry's text, neither folded."""
    lines = text.split("\n")
    match = _HEADWORD.match(lines[0])
    head = match.group(1).strip() if match else ""
    senses = [m.group(2) for m in (_SENSE.fullmatch(line) for line in lines[1:]) if m]
    if not senses and len(lines) > 1:
        senses = [lines[1]]
    out: list[str] = []
    for sense in senses:
        for gloss in _TRANSLATION_SEPARATORS.split(_TRAILING_NUMBER.sub("", sense)):
            gloss = gloss.strip()
            if _WORD.fullmatch(gloss) and gloss not in out:
                out.append(gloss)
    return head, out


def lookup(source_language: str, target_language: str, word: str) -> frozenset[str]:
    """The folded one-word translations of a folded word in the dictionary from one language to
    the other (that direction only); empty when the word or the dictionary is missing."""
    index = path(source_language, target_language)
    if index is None:
        return frozenset()
    return _translations(index, word)


@lru_cache(maxsize=200_000)
def _translations(index: Path, word: str) -> frozenset[str]:
    spans = _index(index).get(word)
    if not spans:
        return frozenset()
    data = _data(index)
    out: set[str] = set()
    for span in spans.split("|"):
        offset, length = (_number(field) for field in span.split("\t"))
        head, translations = parse_entry(data[offset:offset + length].decode("utf-8", "replace"))
        if _WORD.fullmatch(head) and fold_word(head) == word:
            out.update(fold_word(t) for t in translations)
    return frozenset(out)


# Inflection endings tried when a document's word is not a headword (variant "stems"): a
# dictionary lists lemmas, a text has "Berge", "gingen", "montagnes", "montaient". Crude on
# purpose (no stemmer ships with Python): a stem of at least STEM_MIN letters plus any ending.
SUFFIXES = {
    "de": ("en", "e", "n", "s", "es", "er", "em", "ern", "st", "t", "te", "ten", "et"),
    "fr": ("s", "x", "e", "es", "ent", "ait", "aient", "a", "ee", "ees"),
    "en": ("s", "es", "ed", "ing", "d"),
}
STEM_MIN = 4


def _lemmas(words: set[str], language: str, stems: bool) -> dict[str, set[str]]:
    """Headword candidates -> the document words they may be the dictionary form of."""
    out: dict[str, set[str]] = {}
    for w in words:
        out.setdefault(w, set()).add(w)
        if not stems:
            continue
        for suffix in SUFFIXES.get(language, ()):
            if w.endswith(suffix) and len(w) - len(suffix) >= STEM_MIN:
                stem = w[: -len(suffix)]
                out.setdefault(stem, set()).add(w)
                for back in SUFFIXES.get(language, ()):
                    out.setdefault(stem + back, set()).add(w)
    return out


def lexicon(source_language: str | None, target_language: str | None, source_words: Iterable[str],
            target_words: Iterable[str], *, leave_out: Mapping[str, frozenset[str]] | None = None,
            min_length: int = 1, stems: bool = False) -> dict[str, frozenset[str]]:
    """Source word -> target words, from the pair's dictionaries in both directions, kept only
    where both words occur in the documents (the words given, folded as compare.languages.features
    folds them). Source words of `leave_out` (the seed: it already translates them) and words
    shorter than `min_length` are left out. {} where no dictionary is installed."""
    if not installed(source_language, target_language):
        return {}
    assert source_language is not None and target_language is not None
    leave = leave_out or {}
    sources = _lemmas({w for w in source_words if len(w) >= min_length and w not in leave}, source_language, stems)
    targets = _lemmas({w for w in target_words if len(w) >= min_length}, target_language, stems)
    pairs: set[tuple[str, str]] = set()
    for lemma, forms in sources.items():
        for t in lookup(source_language, target_language, lemma):
            pairs.update((s, w) for s in forms for w in targets.get(t, ()))
    for lemma, forms in targets.items():
        for s in lookup(target_language, source_language, lemma):
            pairs.update((w, t) for t in forms for w in sources.get(s, ()))
    out: dict[str, set[str]] = {}
    for s, t in pairs:
        out.setdefault(s, set()).add(t)
    return {s: frozenset(ts) for s, ts in out.items()}


def dictionary_lines(options: tuple[int, bool]) -> align_eval.LineAligner:
    """`compare.languages.documents.align_lines` with the dictionary's translations added to the
    seed (options: the shortest word kept, inflection endings tried)."""
    min_length, stems = options

    def align_lines(src_lines: Sequence[str], tgt_lines: Sequence[str]) -> Steps[LanguageAlignment]:
        src_lang = detect_language(" ".join(src_lines[:200]))
        tgt_lang = detect_language(" ".join(tgt_lines[:200]))
        seed = align_lexicon.seed(src_lang, tgt_lang)
        found = lexicon(src_lang, tgt_lang, {w for t in src_lines for w in feat.words(t)},
                        {w for t in tgt_lines for w in feat.words(t)}, leave_out=seed,
                        min_length=min_length, stems=stems)
        both = align_lexicon.combine(seed, found)
        pairs = yield from align_in_windows(list(src_lines), list(tgt_lines),
                                            lambda src, tgt: align_units.align_texts(src, tgt, seed=both))
        return flag_alignment(LanguageAlignment(
            source_units=tuple(Unit(i, t) for i, t in enumerate(src_lines)),
            target_units=tuple(Unit(j, t) for j, t in enumerate(tgt_lines)), pairs=tuple(pairs),
            source_language=src_lang, target_language=tgt_lang, level=AlignLevel.SENTENCE))

    return align_lines


# (name, shortest word kept, inflection endings tried)
VARIANTS = (
    ("dictionary, every word", 1, False),
    ("dictionary, words of 4+ letters", 4, False),
    ("dictionary + endings, every word", 1, True),
    ("dictionary + endings, words of 4+ letters", 4, True),
)


def timing() -> dict[str, float]:
    """CPU seconds: reading the two dictionaries' indexes and data (cold), the lookup for the
    development file, and aligning a short document (its first 80 lines) and the whole file
    with and without the dictionary."""
    src, tgt, _ = load_dev()
    out: dict[str, float] = {}
    start = time.process_time()
    for first, second in (("de", "fr"), ("fr", "de")):
        index = path(first, second)
        if index is not None:
            _index(index)
            _data(index)
    out["load_indexes_and_data"] = time.process_time() - start
    for name, (s, t) in (("short80", (src[:80], tgt[:80])), ("dev", (src, tgt))):
        for label, aligner in (("without", align_eval.align_lines), ("with", dictionary_lines((1, False)))):
            _translations.cache_clear()
            start = time.process_time()
            drive(aligner(s, t))
            out[f"align_{name}_{label}"] = time.process_time() - start
    return {k: round(v, 3) for k, v in out.items()}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--untuned", action="store_true", help="also score the untuned piece sizes")
    args = ap.parse_args(argv)
    if not installed("de", "fr"):
        sys.stdout.write("no German-French FreeDict dictionary in /usr/share/dictd\n")
        return 1
    sys.stdout.write(json.dumps(timing()) + "\n")
    sizes = align_eval.PIECE_SIZES + (align_eval.UNTUNED_SIZES if args.untuned else ())
    before: list[float] = []
    for name, min_length, stems in (("without (the aligner as it is)", 0, False), *VARIANTS):
        aligner = align_eval.align_lines if not min_length else dictionary_lines((min_length, stems))
        result = align_eval.evaluate(args.untuned, aligner=aligner)
        every = [f for size in sizes for f in result[f"pieces{size}"]]
        before = before or every
        row: dict[str, object] = {"variant": name, **{k: result[k]["f1_strict"] for k in ("whole", "half1", "half2")},
                                  "whole_lax": result["whole"]["f1_lax"],
                                  "pieces_mean": result["pieces_mean"], "pieces_min": result["pieces_min"],
                                  "worst_piece_change": round(min(a - b for a, b in zip(every, before, strict=True)), 4),
                                  "pieces_worse_by_0.01": sum(a < b - 0.01 for a, b in zip(every, before, strict=True)),
                                  "pieces_better_by_0.01": sum(a > b + 0.01 for a, b in zip(every, before, strict=True))}
        if args.untuned:
            row.update(untuned_mean=result["untuned_mean"], untuned_min=result["untuned_min"])
        sys.stdout.write(json.dumps(row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
