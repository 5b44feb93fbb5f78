"""Was a commitment strengthened or weakened, and why, in sentences a delegate reads.

Rules are data: resources/lexicons/commitments/<language>.toml (verbs with a canonical English
gloss, qualifiers with a direction, modals with a rank, deadline and target phrases) and
force.toml (the force of each gloss). README.md beside them documents the ranking.

Signals, for a modified or moved pair:
- the operative verb opening the paragraph (the lexicon at the start of the text; an unknown
  verb is named from Block.italic_prefix() when the reader saw italics), with connectives
  ("également", "also") skipped and intensifiers attached to it ("Encourage vivement") counted as
  half a step;
- qualifiers anywhere else: intensifiers and urgency added strengthen, hedges added weaken
  (removed: the reverse);
- modals: "shall" -> "should" weakens;
- deadlines: a year after a deadline phrase that changed; a later one weakens an operative
  paragraph, an earlier one strengthens it; elsewhere it is only reported;
- figures: every changed figure is reported; a lower figure after a target phrase ("at least")
  weakens, otherwise it is only reported (and the reason says so).
Signals count only in operative, sub- and plain paragraphs; in preambular paragraphs, titles and
headings they are reported. All counted signals one way give that verdict; both ways give none
(conflicting), with every reason listed. A language without a lexicon gives no verdict.
Added and removed operative paragraphs are commitments added or removed (`is_commitment`, the one
rule); `commitment_changes` is the one list of commitment changes every output shows; and
`same_commitment` is the relatedness floor the engine applies before pairing two operative
paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from compare.citation import cite_block
from compare.commitment_lexicon import LEXICON_LANGUAGES as LEXICON_LANGUAGES
from compare.commitment_lexicon import Lexicon, Phrase, lexicon, phrase_body
from compare.commitment_list import CommitmentChange as CommitmentChange
from compare.commitment_list import CommitmentEffect as CommitmentEffect
from compare.commitment_list import commitment_changes as commitment_changes
from compare.commitment_list import commitment_effect as commitment_effect
from compare.commitment_list import is_commitment
from compare.model import Change, ChangeKind, Commitment, Op, OpKind
from compare.text.normalize import fold
from compare.text.tokenize import TokenKind, tokenize
from parsers.model import Block, BlockKind

_COUNTED_KINDS = (BlockKind.OPERATIVE, BlockKind.SUBPARAGRAPH, BlockKind.PARAGRAPH)
_KIND_NAMES = {BlockKind.PREAMBLE: "preambular paragraph", BlockKind.TITLE: "title",
               BlockKind.HEADING: "heading", BlockKind.TABLE: "table"}


@dataclass(frozen=True, slots=True)
class Verb:
    phrase: str  # as printed, e.g. 'Encourage vivement'
    gloss: str  # e.g. 'strongly encourage'
    force: int | None  # None: recognised but not ranked (declaratory verbs)
    end: int  # where the verb phrase ends in the text
    base: str = ""  # the gloss without its intensifier, e.g. 'encourage'
    intensified: bool = False  # an intensifier is attached ("Strongly condemns")


# --- finding signals ----------------------------------------------------------------------------


def operative_verb(block: Block, lex: Lexicon) -> Verb | None:
    """The verb opening an operative paragraph, with its attached intensifiers; the italic run
    that opens the block when the lexicon does not know the verb (reported, not ranked)."""
    text = block.text
    folded = fold(text)
    pos = _skip(folded, 0, lex.connectives)
    intensifiers, pos = _attached(folded, pos, lex)
    pos = _spaces(folded, _skip(folded, pos, lex.connectives))
    hit = next(((v, m) for v in lex.verbs if (m := v.pattern.match(folded, pos))), None)
    if hit is None:
        italic = block.italic_prefix()
        return Verb(italic.strip(), "not in the lexicon", None, len(italic), italic.strip().casefold()) \
            if italic.strip() else None
    verb, m = hit
    end = m.end()
    more, end = _attached(folded, _skip(folded, end, lex.connectives), lex)
    intensifiers += more
    gloss = base = str(verb.value)
    force = lex.force.get(gloss)
    if intensifiers:
        gloss = f"strongly {gloss}"
        if force is not None:
            force += lex.intensifier_step
    start = _spaces(folded, 0)
    phrase_end = end if more else m.end()
    return Verb(text[start:phrase_end].strip(), gloss, force, phrase_end, base, bool(intensifiers))


def _spaces(folded: str, pos: int) -> int:
    while pos < len(folded) and folded[pos].isspace():
        pos += 1
    return pos


def _skip(folded: str, pos: int, phrases: Sequence[Phrase]) -> int:
    """Past any connectives ("also", "en outre") at `pos`."""
    while True:
        start = _spaces(folded, pos)
        m = next((m for p in phrases if (m := p.pattern.match(folded, start))), None)
        if m is None:
            return pos
        pos = m.end()


def _attached(folded: str, pos: int, lex: Lexicon) -> tuple[tuple[str, ...], int]:
    """Intensifiers ("strongly", "vivement") at `pos`, and where they end."""
    found: list[str] = []
    while True:
        start = _spaces(folded, pos)
        hit = next(((q, m) for q in lex.qualifiers
                    if q.kind == "intensifier" and (m := q.pattern.match(folded, start))), None)
        if hit is None:
            return tuple(found), pos
        found.append(hit[0].text)
        pos = hit[1].end()


def find_phrases(text: str, phrases: Sequence[Phrase], start: int = 0) -> list[tuple[int, Phrase]]:
    """Non-overlapping occurrences (position, phrase), longest phrases first, from `start`."""
    folded = fold(text)
    taken: list[tuple[int, int]] = []
    out = []
    for p in phrases:
        for m in p.pattern.finditer(folded, start):
            if all(m.end() <= a or m.start() >= b for a, b in taken):
                taken.append(m.span())
                out.append((m.start(), p))
    return sorted(out, key=lambda x: x[0])


def deadlines(text: str, lex: Lexicon) -> list[tuple[str, int, int]]:
    """(phrase as printed, year, position) for each deadline in the text."""
    folded = fold(text)
    out, taken = [], set()
    for pattern in lex.deadlines:
        for m in pattern.finditer(folded):
            if m.start(2) not in taken:
                taken.add(m.start(2))
                out.append((text[m.start():m.end()], int(m.group(2)), m.start(2)))
    return sorted(out, key=lambda x: x[2])


# --- classifying a change -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Signal:
    direction: int  # +1 strengthens, -1 weakens, 0 reported only
    reason: str
    # the reason already says why the signal is only reported (not ranked, not a clear target…)
    explained: bool = False


def classify_change(change: Change, language: str | None) -> Change:
    """The change with its commitment and reasons filled in (other kinds returned as they are)."""
    lex = lexicon(language)
    if change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED):
        return _added_or_removed(change, lex)
    if change.kind not in (ChangeKind.MODIFIED, ChangeKind.MOVED) or lex is None:
        return change
    signals = compare_blocks(change.olds, change.news, change.ops, lex)
    counted = {s.direction for s in signals if s.direction}
    reasons = list(change.reasons) + [s.reason for s in signals]
    commitment = None
    if counted == {1}:
        commitment = Commitment.STRENGTHENED
    elif counted == {-1}:
        commitment = Commitment.WEAKENED
    elif counted == {1, -1}:
        reasons.append("conflicting signals: neither strengthened nor weakened")
    return replace(change, commitment=commitment, reasons=tuple(reasons))


def _added_or_removed(change: Change, lex: Lexicon | None) -> Change:
    if not is_commitment(change.news or change.olds):
        return change
    block = (change.news or change.olds)[0]
    verb = operative_verb(block, lex) if lex else None
    what = f" ('{verb.phrase}' ({verb.gloss}))" if verb else ""
    label = cite_block(block)
    if change.kind is ChangeKind.REMOVED:
        reason = f"{label} removed: a commitment{what} is gone"
    else:
        reason = f"{label} added: a new commitment{what}"
    return replace(change, reasons=(*change.reasons, reason))


def compare_blocks(olds: Sequence[Block], news: Sequence[Block], ops: Sequence[Op], lex: Lexicon) -> list[Signal]:
    """Every signal between the old and new side of a pair, in reading order of kinds."""
    counted = any(b.kind in _COUNTED_KINDS for b in (*olds, *news))
    kind = (news or olds)[0].kind
    where = f" (reported only: {_KIND_NAMES.get(kind, str(kind))})"
    old_text, new_text = "\n".join(b.text for b in olds), "\n".join(b.text for b in news)
    signals: list[Signal] = []
    old_verb = new_verb = None
    if any(b.kind is BlockKind.OPERATIVE for b in (*olds, *news)):
        old_verb, new_verb = operative_verb(olds[0], lex), operative_verb(news[0], lex)
        signals += _verb_signals(old_verb, new_verb)
    signals += _qualifier_signals(old_text, new_text, old_verb, new_verb, lex)
    signals += _modal_signals(old_text, new_text, lex)
    signals += _deadline_and_figure_signals(old_text, new_text, ops, lex, operative=counted)
    if counted:
        return signals
    return [Signal(0, s.reason if s.explained else s.reason + where, True) for s in signals]


def _verb_signals(old: Verb | None, new: Verb | None) -> list[Signal]:
    if old is None and new is None or (old and new and old.gloss == new.gloss):
        return []
    def show(v: Verb | None) -> str:
        return "none found" if v is None else f"'{v.phrase}' ({v.gloss})"

    reason = f"operative verb {show(old)} -> {show(new)}"
    if old is not None and new is not None and old.base == new.base and old.intensified != new.intensified \
            and old.force is None:
        # an unranked verb with its intensifier added or removed: a delegate still reads the
        # change of force ("Strongly condemns" -> "Condemns"); ranked verbs compare by force below
        added = new.intensified
        return [Signal(1 if added else -1, reason + (" (intensifier added)" if added else " (intensifier removed)"))]
    if old is None or new is None or old.force is None or new.force is None:
        return [Signal(0, reason + " (reported only: not ranked)", True)]
    if new.force == old.force:
        return [Signal(0, reason + " (same force)")]
    return [Signal(1 if new.force > old.force else -1, reason)]


def _qualifier_signals(old_text: str, new_text: str, old_verb: Verb | None, new_verb: Verb | None,
                       lex: Lexicon) -> list[Signal]:
    def counts(text: str, verb: Verb | None) -> dict[str, tuple[int, Phrase]]:
        out: dict[str, tuple[int, Phrase]] = {}
        for _pos, p in find_phrases(text, lex.qualifiers, verb.end if verb else 0):
            key = fold(p.text).lower()
            out[key] = (out.get(key, (0, p))[0] + 1, p)
        return out

    old_counts, new_counts = counts(old_text, old_verb), counts(new_text, new_verb)
    signals = []
    for key in sorted(set(old_counts) | set(new_counts)):
        before = old_counts.get(key, (0, None))[0]
        after, phrase = new_counts.get(key, (0, None))
        phrase = phrase or old_counts[key][1]
        if before == after:
            continue
        sign = 1 if phrase.value == "strengthen" else -1
        added = after > before
        signals.append(Signal(sign if added else -sign,
                              f"{phrase.kind} '{phrase.text}' {'added' if added else 'removed'}"))
    return signals


def _modal_signals(old_text: str, new_text: str, lex: Lexicon) -> list[Signal]:
    old_found = [p for _pos, p in find_phrases(old_text, lex.modals)]
    new_found = [p for _pos, p in find_phrases(new_text, lex.modals)]
    removed = _multiset_minus(old_found, new_found)
    added = _multiset_minus(new_found, old_found)
    signals = []
    for a, b in zip(removed, added, strict=False):
        reason = f"modal '{a.text}' -> '{b.text}'"
        if a.value == b.value:
            continue
        signals.append(Signal(1 if int(b.value) > int(a.value) else -1, reason))
    for p in removed[len(added):]:
        signals.append(Signal(0, f"modal '{p.text}' removed (reported only)", True))
    for p in added[len(removed):]:
        signals.append(Signal(0, f"modal '{p.text}' added (reported only)", True))
    return signals


def _multiset_minus(a: list[Phrase], b: list[Phrase]) -> list[Phrase]:
    rest = [p.text for p in b]
    out = []
    for p in a:
        if p.text in rest:
            rest.remove(p.text)
        else:
            out.append(p)
    return out


def _deadline_and_figure_signals(old_text: str, new_text: str, ops: Sequence[Op], lex: Lexicon,
                                 operative: bool) -> list[Signal]:
    old_d, new_d = deadlines(old_text, lex), deadlines(new_text, lex)
    old_keys = [(fold(p).lower(), y) for p, y, _pos in old_d]
    new_keys = [(fold(p).lower(), y) for p, y, _pos in new_d]
    gone = [d for d, k in zip(old_d, old_keys, strict=True) if old_keys.count(k) > new_keys.count(k)]
    come = [d for d, k in zip(new_d, new_keys, strict=True) if new_keys.count(k) > old_keys.count(k)]
    signals = []
    for (a, ay, _), (b, by, _) in zip(gone, come, strict=False):
        reason = f"deadline '{a}' -> '{b}'"
        if ay == by:
            signals.append(Signal(0, reason))
        elif operative:
            signals.append(Signal(-1 if by > ay else 1, reason + (" (later)" if by > ay else " (earlier)")))
        else:
            signals.append(Signal(0, reason))
    for a, _y, _pos in gone[len(come):]:
        signals.append(Signal(0, f"deadline '{a}' removed (reported only)", True))
    for b, _y, _pos in come[len(gone):]:
        signals.append(Signal(0, f"deadline '{b}' added (reported only)", True))
    years = ({pos for _p, _y, pos in old_d}, {pos for _p, _y, pos in new_d})
    return signals + _figure_signals(old_text, new_text, ops, lex, years)


def _figure_signals(old_text: str, new_text: str, ops: Sequence[Op], lex: Lexicon,
                    deadline_years: tuple[set[int], set[int]]) -> list[Signal]:
    """Figures deleted and inserted in the same edit, paired in order; not a figure written again
    with other separators (a no-break space for a space, a PDF's against its Word file's)."""
    signals = []
    old_pos = new_pos = 0
    pending: list[tuple[str, int]] = []
    for op in ops:
        if op.kind is OpKind.EQUAL:
            old_pos += len(op.text)
            new_pos += len(op.text)
            pending = []
            continue
        base = old_pos if op.kind is OpKind.DELETE else new_pos
        skip = deadline_years[0] if op.kind is OpKind.DELETE else deadline_years[1]
        figures = [(t.text, base + t.start) for t in tokenize(op.text)
                   if t.kind is TokenKind.NUMBER and base + t.start not in skip]
        if op.kind is OpKind.DELETE:
            pending = figures
            old_pos += len(op.text)
            continue
        new_pos += len(op.text)
        for (a, pa), (b, pb) in zip(pending, figures, strict=False):
            if (value := parse_figure(a)) is None or value != parse_figure(b):  # "1 164" for "1\xa0164": the same figure
                signals.append(_figure_signal(a, pa, b, pb, old_text, new_text, lex))
        pending = []
    return signals


def _figure_signal(a: str, pa: int, b: str, pb: int, old_text: str, new_text: str, lex: Lexicon) -> Signal:
    old_target, new_target = _target_before(old_text, pa, lex), _target_before(new_text, pb, lex)
    va, vb = parse_figure(a), parse_figure(b)
    if old_target and new_target and old_target.value == new_target.value and va is not None \
            and vb is not None and va != vb:
        stronger = (vb > va) == (new_target.value == "stronger")
        return Signal(1 if stronger else -1, f"target figure '{old_target.text} {a}' -> '{new_target.text} {b}'")
    return Signal(0, f"figure '{a}' -> '{b}' (reported only: not a clear target)", True)


def _target_before(text: str, pos: int, lex: Lexicon) -> Phrase | None:
    before = fold(text[:pos]).rstrip()
    return next((p for p in lex.targets if re.search(rf"(?<!\w){phrase_body(p.text)}$", before,
                                                     re.IGNORECASE)), None)


def parse_figure(text: str) -> float | None:
    """The value of a figure printed with any UN separators: '1 000,5', '1,000.5', '60 %'."""
    t = re.sub(r"[\s\u00a0\u202f\u2009%]", "", text)
    seps = [m.start() for m in re.finditer(r"[.,]", t)]
    if seps and len(t) - seps[-1] - 1 != 3:
        t = re.sub(r"[.,]", "", t[:seps[-1]]) + "." + t[seps[-1] + 1:]
    else:
        t = re.sub(r"[.,]", "", t)
    try:
        return float(t)
    except ValueError:
        return None


# --- pairing: is it still the same commitment? ---------------------------------------------------

# Words after the operative verb that make a paragraph's opening (what the verb asks for).
OPENING_WORDS = 8
# The openings of two operative paragraphs with different verbs must share at least this part of
# their words to be one paragraph edited: "Welcomes the strong relationship between UNSOM…" and
# "Requests UNSOM to maintain and strengthen its presence…" share one word in eight (a new
# commitment that reuses the old text further on); "Reiterates its continued concern at the high
# number…" and "Expresses its serious concern at the ongoing…" share five.
OPENING_FLOOR = 1 / 3


def same_commitment(old: Block, new: Block, language: str | None) -> bool:
    """False when `old` and `new` are operative paragraphs whose verbs differ and whose openings
    (the OPENING_WORDS words after the verb) are unrelated: then the new paragraph is a new
    commitment, not the old one strengthened or weakened, and the engine reports the old one
    removed and the new one added. True otherwise (other kinds, no lexicon, verbs not found)."""
    if old.kind is not BlockKind.OPERATIVE or new.kind is not BlockKind.OPERATIVE:
        return True
    lex = lexicon(language)
    if lex is None:
        return True
    old_verb, new_verb = operative_verb(old, lex), operative_verb(new, lex)
    if old_verb is None or new_verb is None or old_verb.base == new_verb.base:
        return True
    a, b = _opening(old.text, old_verb.end), _opening(new.text, new_verb.end)
    if not a or not b:
        return True
    shared = sum((Counter(a) & Counter(b)).values())
    return shared / max(len(a), len(b)) >= OPENING_FLOOR


def _opening(text: str, start: int) -> list[str]:
    return re.findall(r"\w+", fold(text[start:]).casefold())[:OPENING_WORDS]
