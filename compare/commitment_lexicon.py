"""The commitment lexicons (resources/lexicons/commitments/<language>.toml and force.toml),
compiled: phrases as regular expressions matching on word boundaries, longest first, whatever the
quote style and spacing. compare.commitments reads signals with them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import resources
from compare.text.normalize import fold

LEXICON_LANGUAGES = ("en", "fr", "es", "ar", "zh", "ru")
# Chinese is written without spaces: its phrases match without word boundaries.
_CJK = re.compile("[\u3400-\u9fff]")
_YEAR = r"((?:19|20)\d{2})(?!\d)"


@dataclass(frozen=True, slots=True)
class Phrase:
    text: str
    pattern: re.Pattern[str]
    value: str | int = ""  # gloss, direction, rank or meaning of a higher figure
    kind: str = ""


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: tuple[Phrase, ...]
    connectives: tuple[Phrase, ...]
    qualifiers: tuple[Phrase, ...]
    modals: tuple[Phrase, ...]
    deadlines: tuple[re.Pattern[str], ...]
    targets: tuple[Phrase, ...]
    force: dict[str, int]
    intensifier_step: int


def phrase_body(phrase: str) -> str:
    """The regular expression of a phrase: its words separated by any whitespace."""
    return r"\s+".join(re.escape(w) for w in fold(phrase).split())


def _compile(phrase: str, case_sensitive: bool = False) -> re.Pattern[str]:
    if _CJK.search(phrase):
        return re.compile(phrase_body(phrase))
    return re.compile(rf"(?<!\w){phrase_body(phrase)}(?!\w)", 0 if case_sensitive else re.IGNORECASE)


@cache
def lexicon(language: str | None) -> Lexicon | None:
    """The compiled lexicon of `language` (all lexicons merged when it is unknown), or None where
    there is none: no verdict, no crash."""
    langs = [language] if language else list(LEXICON_LANGUAGES)
    data = [d for d in (resources.lexicon("commitments", lang) for lang in langs) if d]
    if not data:
        return None
    force = resources.lexicon("commitments", "force")

    def phrases(key: str, value: str = "", kind: str = "", case_sensitive: bool = False) -> tuple[Phrase, ...]:
        out = []
        for d in data:
            for e in d.get(key, ()):
                text = e if isinstance(e, str) else e["phrase"]
                extra = {} if isinstance(e, str) else e
                out.append(Phrase(text, _compile(text, case_sensitive), extra.get(value, ""), extra.get(kind, "")))
        return tuple(sorted(out, key=lambda p: -len(p.text)))  # longest first

    deadlines = tuple(
        re.compile(rf"(?<!\w)({phrase_body(p)})\s+{_YEAR}", re.IGNORECASE)
        for p in sorted({p for d in data for p in d.get("deadlines", ())}, key=len, reverse=True)
    )
    return Lexicon(
        verbs=phrases("verbs", "gloss"),
        connectives=phrases("connectives"),
        qualifiers=phrases("qualifiers", "direction", "kind"),
        modals=phrases("modals", "rank", case_sensitive=True),
        deadlines=deadlines,
        targets=phrases("targets", "higher"),
        force=dict(force.get("verbs", {})),
        intensifier_step=int(force.get("intensifier_step", 5)),
    )
