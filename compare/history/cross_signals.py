"""Commitment differences between a paragraph and its counterpart in another language, read
through each language's own lexicon (resources/lexicons/commitments/): no word ops exist across
languages, so what can be compared is what the lexicons name.

- the operative verb: each side's verb gives a canonical English gloss and a force
  ('Encourages' (encourage) -> 'Prie instamment' (urge): strengthened);
- qualifiers after the verb, counted by direction: one more hedge on the new side weakens, one
  more intensifier or urgency strengthens (and the reverse);
- modals, by rank ('shall' (3) -> 'devrait' (2): weakened); a modal on one side only is left out;
Qualifiers and modals are read in operative, sub- and plain paragraphs only: elsewhere they would
only be reported, and across languages they differ mostly by translation.
- deadlines: the years after a deadline phrase; a later one weakens an operative paragraph;
- figures: numbers (read with any UN separators, compare.commitments.parse_figure) present on
  one side only, reported.
Signals count only in operative, sub- and plain paragraphs, as in compare.commitments.
"""

from __future__ import annotations

from collections import Counter

from compare.commitments import Signal, Verb, deadlines, find_phrases, operative_verb, parse_figure

try:  # main keeps the lexicons in compare.commitment_lexicon; before it, compare.commitments had them
    from compare.commitment_lexicon import Lexicon, lexicon  # type: ignore[import-not-found, unused-ignore]
except ImportError:  # pragma: no cover - this branch before the merge
    from compare.commitments import Lexicon, lexicon  # type: ignore[attr-defined, no-redef, unused-ignore]
from compare.model import Commitment
from compare.text.normalize import fold
from compare.text.numerals import spelled_numbers
from compare.text.tokenize import TokenKind, tokenize
from parsers.model import Block, BlockKind

_COUNTED_KINDS = (BlockKind.OPERATIVE, BlockKind.SUBPARAGRAPH, BlockKind.PARAGRAPH)


def cross_signals(old: Block, old_language: str | None, new: Block, new_language: str | None) -> list[Signal]:
    """Every signal between two paragraphs in (possibly) different languages."""
    old_lex, new_lex = lexicon(old_language), lexicon(new_language)
    counted = new.kind in _COUNTED_KINDS or old.kind in _COUNTED_KINDS
    signals: list[Signal] = []
    old_verb = new_verb = None
    if old_lex is not None and new_lex is not None:
        if BlockKind.OPERATIVE in (old.kind, new.kind):
            old_verb, new_verb = operative_verb(old, old_lex), operative_verb(new, new_lex)
            signals += _verb_signals(old_verb, new_verb)
        if counted:  # elsewhere qualifiers and modals are reported only, and across languages mostly noise
            signals += _qualifier_signals(old.text, old_lex, old_verb, new.text, new_lex, new_verb)
            signals += _modal_signals(old.text, old_lex, new.text, new_lex)
    signals += _deadline_and_figure_signals(old.text, old_lex, new.text, new_lex, operative=counted)
    if counted:
        return signals
    return [Signal(0, f"{s.reason} (reported only: {new.kind})" if s.direction else s.reason) for s in signals]


def verdict(signals: list[Signal]) -> tuple[Commitment | None, tuple[str, ...]]:
    """All counted signals one way give that verdict; both ways give none (conflicting)."""
    counted = {s.direction for s in signals if s.direction}
    reasons = [s.reason for s in signals]
    if counted == {1}:
        return Commitment.STRENGTHENED, tuple(reasons)
    if counted == {-1}:
        return Commitment.WEAKENED, tuple(reasons)
    if counted == {1, -1}:
        reasons.append("conflicting signals: neither strengthened nor weakened")
    return None, tuple(reasons)


def _show(v: Verb | None) -> str:
    return "none found" if v is None else f"'{v.phrase}' ({v.gloss})"


def _verb_signals(old: Verb | None, new: Verb | None) -> list[Signal]:
    if old is None and new is None or (old and new and old.gloss == new.gloss):
        return []
    reason = f"operative verb {_show(old)} -> {_show(new)}"
    if old is None or new is None or old.force is None or new.force is None:
        return [Signal(0, reason + " (reported only: not ranked)")]
    if new.force == old.force:
        return [Signal(0, reason + " (same force)")]
    return [Signal(1 if new.force > old.force else -1, reason)]


def _qualifiers(text: str, lex: Lexicon, verb: Verb | None) -> dict[str, list[str]]:
    """Qualifier phrases found after the verb, by direction ('strengthen': intensifiers and urgency,
    'weaken': hedges). By direction, not kind: translations trade one for another ('as a matter of
    priority' / 'pleinement') more often than they change the force."""
    out: dict[str, list[str]] = {}
    for _pos, p in find_phrases(text, lex.qualifiers, verb.end if verb else 0):
        out.setdefault(str(p.value), []).append(f"{p.kind} '{p.text}'")
    return out


def _qualifier_signals(old_text: str, old_lex: Lexicon, old_verb: Verb | None,
                       new_text: str, new_lex: Lexicon, new_verb: Verb | None) -> list[Signal]:
    old_q, new_q = _qualifiers(old_text, old_lex, old_verb), _qualifiers(new_text, new_lex, new_verb)
    signals = []
    for direction in sorted(set(old_q) | set(new_q)):
        before, after = old_q.get(direction, []), new_q.get(direction, [])
        if len(before) == len(after):
            continue
        sign = 1 if direction == "strengthen" else -1
        if len(after) > len(before):
            signals.append(Signal(sign, f"{after[len(before)]} added"))
        else:
            signals.append(Signal(-sign, f"{before[len(after)]} removed"))
    return signals


def _modal_signals(old_text: str, old_lex: Lexicon, new_text: str, new_lex: Lexicon) -> list[Signal]:
    old_m = [p for _pos, p in find_phrases(old_text, old_lex.modals)]
    new_m = [p for _pos, p in find_phrases(new_text, new_lex.modals)]
    old_ranks, new_ranks = Counter(int(p.value) for p in old_m), Counter(int(p.value) for p in new_m)
    gone = sorted((old_ranks - new_ranks).elements(), reverse=True)
    come = sorted((new_ranks - old_ranks).elements(), reverse=True)
    name_old = {int(p.value): p.text for p in old_m}
    name_new = {int(p.value): p.text for p in new_m}
    signals = []
    for a, b in zip(gone, come, strict=False):
        signals.append(Signal(1 if b > a else -1, f"modal '{name_old[a]}' -> '{name_new[b]}'"))
    # a modal on one side only is how the other language says it ('shall endeavour' / 's'efforcent'),
    # not a difference: left out
    return signals


def _deadline_and_figure_signals(old_text: str, old_lex: Lexicon | None, new_text: str, new_lex: Lexicon | None,
                                 operative: bool) -> list[Signal]:
    old_d = deadlines(old_text, old_lex) if old_lex else []
    new_d = deadlines(new_text, new_lex) if new_lex else []
    old_years, new_years = Counter(y for _p, y, _pos in old_d), Counter(y for _p, y, _pos in new_d)
    gone = [d for d in old_d if (old_years - new_years)[d[1]]]
    come = [d for d in new_d if (new_years - old_years)[d[1]]]
    signals = []
    for (a, ay, _), (b, by, _) in zip(gone, come, strict=False):
        reason = f"deadline '{a}' -> '{b}'"
        if operative:
            signals.append(Signal(-1 if by > ay else 1, reason + (" (later)" if by > ay else " (earlier)")))
        else:
            signals.append(Signal(0, reason))
    signals += [Signal(0, f"deadline '{a}' removed (reported only)") for a, _y, _p in gone[len(come):]]
    signals += [Signal(0, f"deadline '{b}' added (reported only)") for b, _y, _p in come[len(gone):]]
    skip_old, skip_new = {p for _a, _y, p in old_d}, {p for _a, _y, p in new_d}
    old_f, new_f = _figures(old_text, skip_old), _figures(new_text, skip_new)
    old_values, new_values = Counter(v for v, _t in old_f), Counter(v for v, _t in new_f)
    missing = [t for v, t in old_f if (old_values - new_values)[v]]
    extra = [t for v, t in new_f if (new_values - old_values)[v]]
    for a, b in zip(missing, extra, strict=False):
        signals.append(Signal(0, f"figure '{a}' -> '{b}' (reported only)"))
    signals += [Signal(0, f"figure '{a}' removed (reported only)") for a in missing[len(extra):]]
    signals += [Signal(0, f"figure '{b}' added (reported only)") for b in extra[len(missing):]]
    # ordinals spelled out on both sides ("seventy-first session" / "soixante et onzième session"),
    # less those the other side writes in figures
    old_w, new_w = spelled_numbers(old_text), spelled_numbers(new_text)
    if old_w and new_w and old_w != new_w:
        in_figures_new = Counter({int(v): n for v, n in new_values.items() if v == int(v)})
        in_figures_old = Counter({int(v): n for v, n in old_values.items() if v == int(v)})
        lost = sorted((old_w - new_w - in_figures_new).elements())
        found = sorted((new_w - old_w - in_figures_old).elements())
        signals += [Signal(0, f"number in words {a} -> {b} (reported only)") for a, b in zip(lost, found, strict=False)]
        signals += [Signal(0, f"number in words {a} removed (reported only)") for a in lost[len(found):]]
        signals += [Signal(0, f"number in words {b} added (reported only)") for b in found[len(lost):]]
    return signals


def _figures(text: str, skip: set[int]) -> list[tuple[float, str]]:
    """(value, as printed) of each number in the text outside deadline years."""
    out = []
    for t in tokenize(fold(text)):
        if t.kind is TokenKind.NUMBER and t.start not in skip:
            value = parse_figure(t.text)
            if value is not None:
                out.append((value, t.text))
    return out
