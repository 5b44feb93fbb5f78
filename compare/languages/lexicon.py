"""A bilingual lexicon learned from the pair itself, as hunalign does (Varga et al. 2005): after a
first alignment on lengths, numbers and cognates, words that keep turning up in the same
confidently aligned pairs are taken as translations of each other (Dice coefficient over
co-occurrence, Smadja et al. 1996). No dictionary is shipped; nothing leaves the machine."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache

import resources

# A pair of words must co-occur in at least this many aligned pairs: once is chance.
MIN_COOCCURRENCE = 2
# Dice coefficient (2 * together / (source count + target count)) a pair needs; 0.3 keeps
# words whose counts differ a lot (a German compound against two French words) while
# rejecting function words that occur everywhere.
MIN_DICE = 0.3
# Translations kept per source word (the best by Dice): inflection gives a few forms.
MAX_TRANSLATIONS = 3
# Words found in more than this share of the pairs are function words: they match nearly every
# pair, so they tell pairs apart little and cost much time.
MAX_SHARE = 1.0
# Words this short are function words or OCR debris; they would link everything to everything.
MIN_WORD = 2


def learn(pairs: Sequence[tuple[Sequence[str], Sequence[str]]], *, min_dice: float = MIN_DICE,
          max_translations: int = MAX_TRANSLATIONS, max_share: float = MAX_SHARE) -> dict[str, frozenset[str]]:
    """Source word -> likely target words, from aligned pairs of word lists."""
    src_count: Counter[str] = Counter()
    tgt_count: Counter[str] = Counter()
    sets = []
    for src_words, tgt_words in pairs:
        s = {w for w in src_words if len(w) >= MIN_WORD}
        t = {w for w in tgt_words if len(w) >= MIN_WORD}
        src_count.update(s)
        tgt_count.update(t)
        sets.append((s, t))
    together: Counter[tuple[str, str]] = Counter()
    most = max_share * len(sets)
    for s_all, t_all in sets:
        s_kept = [w for w in s_all if MIN_COOCCURRENCE <= src_count[w] <= most]
        t_kept = [w for w in t_all if MIN_COOCCURRENCE <= tgt_count[w] <= most]
        together.update((ws, wt) for ws in s_kept for wt in t_kept)
    candidates: dict[str, list[tuple[float, str]]] = {}
    for (ws, wt), c in together.items():
        if c < MIN_COOCCURRENCE:
            continue
        dice = 2.0 * c / (src_count[ws] + tgt_count[wt])
        if dice >= min_dice:
            candidates.setdefault(ws, []).append((dice, wt))
    return {
        ws: frozenset(wt for _, wt in sorted(found, reverse=True)[:max_translations])
        for ws, found in candidates.items()
    }


@cache
def seed(source_language: str | None, target_language: str | None) -> dict[str, frozenset[str]]:
    """Translations of frequent words shipped for a language pair
    (`resources/lexicons/translation/<source>-<target>.toml`, read in either direction), in the
    aligner's word form (lower case, no accents); {} for a pair without one."""
    import tomllib

    from compare.text.normalize import fold_word

    if not source_language or not target_language:
        return {}
    pairs: list[tuple[str, str]] = []
    for first, second, forward in ((source_language, target_language, True), (target_language, source_language, False)):
        file = resources.path("lexicons", "translation", f"{first}-{second}.toml")
        if not file.is_file():
            continue
        with open(file, "rb") as fh:
            words = tomllib.load(fh).get("words", {})
        for word, translations in words.items():
            for translation in translations:
                a, b = fold_word(word), fold_word(translation)
                pairs.append((a, b) if forward else (b, a))
    out: dict[str, set[str]] = {}
    for a, b in pairs:
        out.setdefault(a, set()).add(b)
    return {a: frozenset(b) for a, b in out.items()}


def combine(learned: Mapping[str, frozenset[str]], given: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """A learned lexicon with a seed's translations added."""
    out = dict(learned)
    for word, translations in given.items():
        out[word] = out.get(word, frozenset()) | translations
    return out
