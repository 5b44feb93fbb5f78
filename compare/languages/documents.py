"""Cross-language alignment: the entry points the CLI and the window call.

- `align_lines`: pre-split input, one unit a line (gold standards, `accord align --lines`).
- `align_documents`: parsed documents, paragraph by paragraph (operative n with operative n),
  then, at sentence level, sentence by sentence inside each aligned paragraph pair.
- `realign`: keep the pairs a user pinned as fixed anchors and align what lies between them.

Every step is a generator yielding Progress and returning a LanguageAlignment whose pairs carry
the translation checks' flags (compare.languages.checks).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from compare.languages import checks as translation_checks
from compare.languages import features as feat
from compare.languages import lexicon as align_lexicon
from compare.languages import units as align_units
from compare.languages.windows import align_in_windows
from compare.model import AlignLevel, LanguageAlignment, Pair, Unit
from compare.progress import Progress, Stage, Steps, run
from compare.text import numerals
from parsers.clean import clean_text
from parsers.errors import ErrorCode, ParseError
from parsers.language import detect_language
from parsers.model import BlockKind, Document
from parsers.sniff import read_file

LEVELS = tuple(AlignLevel)


def read_lines(path: str) -> list[str]:
    """The lines of a UTF-8 text file, one unit each. Empty lines are kept as units so that unit
    n is line n + 1 of the file, as in the gold ladders this option serves (a final newline
    does not make an extra unit)."""
    data = read_file(path)  # the checks and messages every reader gives (parsers.sniff)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(path, ErrorCode.UNSUPPORTED, f"is not UTF-8 text (byte {exc.start})") from exc
    if "\x00" in text:
        raise ParseError(path, ErrorCode.UNSUPPORTED, "is a binary file, not one unit a line")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [clean_text(line.removesuffix("\r")) for line in lines]  # as readers' text is (parsers.clean)


def _language(given: str | None, texts: Iterable[str]) -> str | None:
    return given or detect_language(" ".join(texts))


def align_lines(src_lines: Sequence[str], tgt_lines: Sequence[str], *, source_language: str | None = None,
                target_language: str | None = None) -> Steps[LanguageAlignment]:
    """Align pre-split units (sentences or paragraphs, one a line)."""
    src_units = tuple(Unit(i, t) for i, t in enumerate(src_lines))
    tgt_units = tuple(Unit(j, t) for j, t in enumerate(tgt_lines))
    src_lang = _language(source_language, src_lines[:200])
    tgt_lang = _language(target_language, tgt_lines[:200])
    seed = align_lexicon.seed(src_lang, tgt_lang)
    pairs = yield from align_in_windows(  # bounded memory on very long files (compare.languages.windows)
        list(src_lines), list(tgt_lines), lambda src, tgt: align_units.align_texts(src, tgt, seed=seed))
    alignment = LanguageAlignment(
        source_units=src_units, target_units=tgt_units,
        pairs=tuple(pairs),
        source_language=src_lang,
        target_language=tgt_lang,
        level=AlignLevel.SENTENCE,
    )
    return translation_checks.flag_alignment(alignment)


def _label(kind: BlockKind, number: str | None, operative: str | None) -> str | None:
    """Structural label of a block that must match across languages."""
    if number is None:
        return None
    # ٣ in Arabic is operative 3 in the other languages, Russian "в)" and Arabic "(ج)" are "(c)"
    number = numerals.label_key(number)
    operative = None if operative is None else numerals.label_key(operative)
    if kind is BlockKind.OPERATIVE:
        return f"operative {number}"
    if kind is BlockKind.SUBPARAGRAPH:
        return f"operative {operative} ({number})"
    return f"{kind} {number}"


def _block_units(doc: Document) -> tuple[tuple[Unit, ...], list[str | None]]:
    units: list[Unit] = []
    labels: list[str | None] = []
    operative = None
    for block in doc.body():
        if block.kind is BlockKind.OPERATIVE:
            operative = block.number
        text = block.text.strip()
        units.append(Unit(len(units), text, block=block.index, number=block.number,
                          footnote_marks=len(block.footnote_marks)))
        labels.append(_label(block.kind, block.number, operative))
    # Footnotes follow the body, each a unit numbered by its label (FN3), so footnote 3 pairs
    # with footnote 3 and is exported with the rest.
    for note in doc.footnotes:
        units.append(Unit(len(units), note.text.strip(), number=note.label, footnote_marks=0))
        labels.append("footnote " + numerals.ascii_digits(note.label))
    return tuple(units), labels


def _doc_language(doc: Document) -> str | None:
    return doc.language or detect_language(" ".join(b.text for b in doc.body()[:200]))


def align_documents(src: Document, tgt: Document, *,
                    level: AlignLevel = AlignLevel.PARAGRAPH) -> Steps[LanguageAlignment]:
    """Align two language versions of a document, by paragraph or by sentence (`level` may be
    given by its value, "sentence")."""
    try:
        level = AlignLevel(level)
    except ValueError:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}") from None
    src_blocks, src_labels = _block_units(src)
    tgt_blocks, tgt_labels = _block_units(tgt)
    src_lang, tgt_lang = _doc_language(src), _doc_language(tgt)
    seed = align_lexicon.seed(src_lang, tgt_lang)
    pairs = yield from align_units.align_texts([u.text for u in src_blocks], [u.text for u in tgt_blocks],
                                               labels=(src_labels, tgt_labels), seed=seed)
    paragraph = LanguageAlignment(
        source_units=src_blocks, target_units=tgt_blocks,
        pairs=tuple(pairs),
        source_language=src_lang, target_language=tgt_lang, level=AlignLevel.PARAGRAPH,
        source_path=src.path, target_path=tgt.path,
    )
    if level is AlignLevel.PARAGRAPH:
        return translation_checks.flag_alignment(paragraph)
    result = yield from _sentences_within(paragraph)
    return translation_checks.flag_alignment(result)


def _sentences_within(paragraph: LanguageAlignment) -> Steps[LanguageAlignment]:
    """Split the units of a paragraph alignment into sentences and align them inside each pair,
    with a lexicon learned from the paragraph pairs and weights over the whole document."""
    from compare.languages.sentences import split_sentences  # pysbd: loaded only when sentences are wanted

    src_lang, tgt_lang = paragraph.source_language, paragraph.target_language
    src_sents = [split_sentences(u.text, src_lang) or [u.text] for u in paragraph.source_units]
    tgt_sents = [split_sentences(u.text, tgt_lang) or [u.text] for u in paragraph.target_units]
    texts = [paragraph.pair_texts(p) for p in paragraph.pairs if p.source and p.target]
    lexicon = align_lexicon.combine(align_units.learn_lexicon(texts), align_lexicon.seed(src_lang, tgt_lang))
    weights = (feat.idf([s for ss in src_sents for s in ss]), feat.idf([s for ss in tgt_sents for s in ss]))
    src_units: list[Unit] = []
    tgt_units: list[Unit] = []
    pairs: list[Pair] = []
    total = len(paragraph.pairs)
    for done, pair in enumerate(paragraph.pairs):
        if done % 20 == 0:
            yield Progress(Stage.ALIGNING_SENTENCES, done, total)
        src_here = _add_units(src_units, paragraph.source_units, pair.source, src_sents)
        tgt_here = _add_units(tgt_units, paragraph.target_units, pair.target, tgt_sents)
        if len(src_here) <= 1 and len(tgt_here) <= 1:
            if src_here or tgt_here:
                pairs.append(Pair(tuple(src_here), tuple(tgt_here), pair.score, pinned=pair.pinned))
            continue
        inner = run(align_units.align_texts([src_units[i].text for i in src_here],
                                            [tgt_units[j].text for j in tgt_here],
                                            lexicon=lexicon, weights=weights))
        for bead in inner:
            pairs.append(Pair(tuple(src_here[i] for i in bead.source), tuple(tgt_here[j] for j in bead.target),
                              bead.score))
    yield Progress(Stage.ALIGNING_SENTENCES, total, total)
    return replace(paragraph, source_units=tuple(src_units), target_units=tuple(tgt_units),
                   pairs=tuple(pairs), level=AlignLevel.SENTENCE)


def _add_units(out: list[Unit], blocks: Sequence[Unit], indexes: Sequence[int],
               sentences: Sequence[Sequence[str]]) -> list[int]:
    added = []
    for b in indexes:
        block = blocks[b]
        for k, sentence in enumerate(sentences[b]):
            out.append(Unit(len(out), sentence, block=block.block, number=block.number if k == 0 else None))
            added.append(len(out) - 1)
    return added


def _pin_key(pin: Pair | tuple[Sequence[int], Sequence[int]]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    if isinstance(pin, Pair):
        return tuple(pin.source), tuple(pin.target)
    return tuple(pin[0]), tuple(pin[1])


def iter_realign(alignment: LanguageAlignment,
                 pinned_pairs: Iterable[Pair | tuple[Sequence[int], Sequence[int]]]) -> Steps[LanguageAlignment]:
    """Keep `pinned_pairs` (a user's fixes: any bead, even 3-1 or 0-1) as fixed anchors, marked
    `pinned`, and align the units between consecutive anchors again. Pins must not cross
    (the source and target orders agree) nor overlap; ValueError otherwise."""
    pins = sorted({_pin_key(p) for p in pinned_pairs}, key=lambda p: (min(p[0], default=-1), min(p[1], default=-1)))
    _check_pins(pins, len(alignment.source_units), len(alignment.target_units))
    src_texts = [u.text for u in alignment.source_units]
    tgt_texts = [u.text for u in alignment.target_units]
    lexicon = align_units.learn_lexicon([alignment.pair_texts(p) for p in alignment.pairs if p.source and p.target])
    weights = (feat.idf(src_texts), feat.idf(tgt_texts))
    labels = ([numerals.label_key(u.number) if u.number else None for u in alignment.source_units],
              [numerals.label_key(u.number) if u.number else None for u in alignment.target_units])
    pairs: list[Pair] = []
    i = j = 0
    stops: list[tuple[tuple[int, ...], tuple[int, ...]] | None] = [*pins, None]
    for done, stop in enumerate(stops):
        yield Progress(Stage.REALIGNING, done, len(pins) + 1)
        ps, pt = stop if stop is not None else ((), ())
        i_end = len(src_texts) if stop is None else (min(ps) if ps else _boundary(alignment, pt, 0, i))
        j_end = len(tgt_texts) if stop is None else (min(pt) if pt else _boundary(alignment, ps, 1, j))
        inner = run(align_units.align_texts(
            src_texts[i:i_end], tgt_texts[j:j_end], lexicon=lexicon, weights=weights,
            labels=(labels[0][i:i_end], labels[1][j:j_end])))
        pairs.extend(Pair(tuple(i + a for a in p.source), tuple(j + b for b in p.target), p.score) for p in inner)
        if stop is None:
            break
        ps, pt = stop
        pairs.append(Pair(ps, pt, 1.0, pinned=True))
        i, j = (max(ps) + 1 if ps else i_end), (max(pt) + 1 if pt else j_end)
    return translation_checks.flag_alignment(replace(alignment, pairs=tuple(pairs)))


def _boundary(alignment: LanguageAlignment, other: Sequence[int], side: int, current: int) -> int:
    """Where a pin with no unit on `side` sits on that side: the number of units of that side the
    current alignment places before the pair holding the pin's first unit of the other side."""
    before = current
    for pair in alignment.pairs:
        mine, theirs = (pair.source, pair.target) if side == 0 else (pair.target, pair.source)
        if theirs and min(theirs) >= min(other):
            break
        if mine:
            before = max(before, max(mine) + 1)
    return before


def _check_pins(pins: Sequence[tuple[tuple[int, ...], tuple[int, ...]]], n: int, m: int) -> None:
    last_s = last_t = -1
    for ps, pt in pins:
        if not ps and not pt:
            raise ValueError("a pinned pair needs at least one unit")
        if any(not 0 <= x < n for x in ps) or any(not 0 <= x < m for x in pt):
            raise ValueError(f"pinned pair {list(ps)}:{list(pt)} is outside the documents")
        if list(ps) != list(range(min(ps), max(ps) + 1)) if ps else False:
            raise ValueError(f"pinned pair {list(ps)}:{list(pt)} is not contiguous")
        if list(pt) != list(range(min(pt), max(pt) + 1)) if pt else False:
            raise ValueError(f"pinned pair {list(ps)}:{list(pt)} is not contiguous")
        if (ps and min(ps) <= last_s) or (pt and min(pt) <= last_t):
            raise ValueError(f"pinned pair {list(ps)}:{list(pt)} crosses or overlaps another")
        last_s = max(ps) if ps else last_s
        last_t = max(pt) if pt else last_t


def realign(alignment: LanguageAlignment,
            pinned_pairs: Iterable[Pair | tuple[Sequence[int], Sequence[int]]]) -> LanguageAlignment:
    """`iter_realign` run to the end (for callers that need no progress)."""
    return run(iter_realign(alignment, pinned_pairs))
