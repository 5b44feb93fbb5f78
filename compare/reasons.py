"""The engine's reasons in the reader's language: `localize(reason, language)`.

The engine (compare.commitments, compare.versions.engine, compare.history) writes its reasons in
English ("operative verb 'Encourage' (encourage) -> 'Prie instamment' (urge)"); the JSON and text
reports keep them so. The HTML/PDF report and the window show them in their own language with the
rules in resources/lexicons/reasons/<language>.toml:

- `[templates]`: each English reason template and its translation. A slot `{name}` or
  `{name_suffix}` stands for a part of the reason; its kind is the name before the underscore:
  `reason` is a reason itself (translated in turn), `verb` an operative verb as the engine shows
  it (`'Encourage' (encourage)` or `none found`), the name of a table of the file (`where`) a word
  of that table, anything else quoted document text, a label or marks, kept as it is;
- `[verb]`: how a verb is shown (`shown`, with `{phrase}` and `{gloss}`), `none` for "none
  found", `strongly` for an intensified gloss ("strongly encourage");
- `[glosses]`: the canonical English glosses of the commitment lexicons;
- other tables: the words a slot of that name takes.

A reason matches a template when the whole of it does (templates with the most literal text are
tried first, so "(reported only: not ranked)" wins over "(reported only: {where})"). A reason no
template matches, or one whose slot holds a word the tables lack, stays in English: never dropped,
never half translated. English, or a language without a file, returns the reason as it is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import resources
from compare.route import base_language

# The kinds of slot handled in code; any other slot name is a table of the file or verbatim text.
_REASON, _VERB = "reason", "verb"
_SLOT = re.compile(r"\{([a-z]+)(?:_[a-z0-9]+)?\}")
# An operative verb as compare.commitments shows it: 'phrase' (gloss), or none found.
_VERB_SHOWN = re.compile(r"'(?P<phrase>.+)' \((?P<gloss>[^()]+)\)")
_VERB_PATTERN = r"none found|'.+?' \([^()]+\)"
_NONE_FOUND = "none found"
_STRONGLY = "strongly "
# Distinct reasons kept translated: a window's tooltips and list ask for the same ones again.
_CACHED_REASONS = 4096
# Reasons nest ("{reason} (reported only: {where})"); a bound keeps a pathological one cheap.
_MAX_DEPTH = 4


@dataclass(frozen=True, slots=True)
class Template:
    english: str  # as in the file, e.g. "modal '{text_a}' -> '{text_b}'"
    translation: str
    pattern: re.Pattern[str]
    slots: tuple[tuple[str, str], ...]  # (slot name, kind)


@dataclass(frozen=True, slots=True)
class Rules:
    language: str
    templates: tuple[Template, ...]  # most literal text first
    tables: dict[str, dict[str, str]]
    verb: dict[str, str]
    glosses: dict[str, str]


@cache
def rules(language: str | None) -> Rules | None:
    """The compiled rules of `language`, None where it has no file (English among them)."""
    code = base_language(language)
    if not code or code == "en":
        return None
    data = resources.lexicon("reasons", code)
    if not data:
        return None
    tables = {k: dict(v) for k, v in data.items() if isinstance(v, dict) and k not in ("templates", "verb", "glosses")}
    templates = [_compile(english, str(translation), tables) for english, translation in data["templates"].items()]
    templates.sort(key=lambda t: -len(_SLOT.sub("", t.english)))  # stable: file order among equals
    return Rules(code, tuple(templates), tables, dict(data.get("verb", {})), dict(data.get("glosses", {})))


def _compile(english: str, translation: str, tables: dict[str, dict[str, str]]) -> Template:
    parts, slots, pos = [], [], 0
    for m in _SLOT.finditer(english):
        parts.append(re.escape(english[pos:m.start()]))
        name, kind = m.group(0)[1:-1], m.group(1)
        if kind == _VERB:
            body = _VERB_PATTERN
        elif kind in tables:
            body = "|".join(re.escape(w) for w in sorted(tables[kind], key=len, reverse=True))
        else:
            body = ".+?"
        parts.append(f"(?P<{name}>{body})")
        slots.append((name, kind))
        pos = m.end()
    parts.append(re.escape(english[pos:]))
    return Template(english, translation, re.compile("".join(parts), re.DOTALL), tuple(slots))


@lru_cache(maxsize=_CACHED_REASONS)
def localize(reason: str, language: str | None) -> str:
    """`reason` in `language` (French, Spanish), or as it is when no rule translates all of it."""
    found = rules(language)
    if found is None:
        return reason
    translated = _translate(reason, found, 0)
    return reason if translated is None else translated


def _translate(text: str, r: Rules, depth: int) -> str | None:
    if depth > _MAX_DEPTH:
        return None
    for template in r.templates:
        m = template.pattern.fullmatch(text)
        if m is None:
            continue
        values: dict[str, str] = {}
        for name, kind in template.slots:
            value = _slot(m.group(name), kind, r, depth)
            if value is None:
                break
            values[name] = value
        else:
            return template.translation.format_map(values)
    return None


def _slot(value: str, kind: str, r: Rules, depth: int) -> str | None:
    if kind == _REASON:
        return _translate(value, r, depth + 1)
    if kind == _VERB:
        return _verb(value, r)
    if kind in r.tables:
        return r.tables[kind].get(value)
    return value


def _verb(value: str, r: Rules) -> str | None:
    """'Encourage' (encourage) -> « Encourage » (encourager): the phrase kept, the gloss translated."""
    if value == _NONE_FOUND:
        return r.verb.get("none")
    m = _VERB_SHOWN.fullmatch(value)
    if m is None:
        return None
    gloss = gloss_in(m.group("gloss"), r)
    if gloss is None:
        return None
    return r.verb["shown"].format(phrase=m.group("phrase"), gloss=gloss)


def gloss_in(gloss: str, r: Rules) -> str | None:
    """A canonical gloss ('urge', 'strongly encourage', 'not in the lexicon') in the rules' language."""
    if gloss in r.glosses:
        return r.glosses[gloss]
    if gloss.startswith(_STRONGLY) and gloss[len(_STRONGLY):] in r.glosses:
        return r.verb["strongly"].format(gloss=r.glosses[gloss[len(_STRONGLY):]])
    return None
