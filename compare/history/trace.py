"""Where each paragraph of a draft comes from (`accord trace`, ../shared/CONTRACT.md "Trace").

For each traced paragraph of the draft (preambular, operative, sub- and plain paragraphs):

1. exact: a base paragraph with the same comparison key (compare.text.normalize, the engine's own
   notion of sameness: spacing, quote styles and footnote marks are not differences) -> `agreed`;
2. otherwise candidates: the base paragraphs sharing the most distinctive words (the index's FTS5
   query, CANDIDATES of them), scored with rapidfuzz's `fuzz.ratio` on the keys; the best at
   least ADAPTED_THRESHOLD similar -> `adapted`, with the word ops against it
   (compare.versions.wordiff) and the commitment change (compare.commitments) read as a
   modification of the base paragraph;
3. nothing close -> `new`.

A tie between candidates goes to the one with the draft paragraph's own label (OP5 for OP5), then
to the first base given.

Bases in another language cannot share words with the draft: each (up to MAX_CROSS_BASES) is
paired with it by the cross-language comparison (compare.history.cross_language: the aligner,
then a similarity through a learned lexicon). A draft paragraph nothing in its own language
explains, paired at least CROSS_FLOOR similar with a paragraph of such a base, comes from it:
`agreed` when the lexicons read no difference (a translation of it), `adapted` with the commitment
change and reasons otherwise; no word ops across languages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from compare.commitments import classify_change
from compare.history.index import TRACED_KINDS, ParagraphIndex, Row, paragraph_key
from compare.history.model import BaseInfo, Source, Trace, TracedParagraph, TraceStatus
from compare.model import Change, ChangeKind
from compare.versions.wordiff import diff_words, is_difference
from parsers.model import Block, Document

# Base paragraphs scored for each draft paragraph: the FTS ranking puts the source among the
# first few when it exists (its words are the paragraph's own); more only costs ratio calls.
CANDIDATES = 24
# An edited paragraph stays above this (the engine pairs edited paragraphs from 60 with positional
# support; a trace has none, so it asks a little more); unrelated UN paragraphs, which share
# much vocabulary, score 40-60.
ADAPTED_THRESHOLD = 65
# A cross-language pair this similar (weighted share of tokens with a counterpart, both ways) is
# a translation of the same paragraph; the pairing accepts less only with positional support.
CROSS_FLOOR = 0.5
# Bases in another language are each aligned with the draft (about 0.2-0.5 s each): beyond this
# many, the others are left out with a warning.
MAX_CROSS_BASES = 20


def trace_document(draft: Document, index: ParagraphIndex, base_paths: Sequence[str]) -> Trace:
    """Trace `draft` against the indexed bases `base_paths` (absolute paths, already indexed)."""
    draft_path = draft.path
    bases = [b for b in index.bases(base_paths) if b.path != draft_path]
    usable, warnings = _same_language(draft, bases)
    ids = index.file_ids([b.path for b in usable])
    order = {ids[b.path]: k for k, b in enumerate(usable) if b.path in ids}
    files = list(order)
    traced = tuple(trace_block(block, draft.language, index, files, order)
                   for block in draft.body() if block.kind in TRACED_KINDS and paragraph_key(block).strip())
    others = [b for b in bases if b not in usable]
    if others:
        traced, more = _trace_across(draft, traced, index, others)
        warnings += more
    unused: tuple[Source, ...] = ()
    if len(files) == 1:
        used = {(p.source.path, p.source.block.index) for p in traced if p.source}
        unused = tuple(_source(r, 0.0) for r in index.paragraphs(files[0]) if (r.path, r.block.index) not in used)
    return Trace(draft_path=draft.path, draft_symbol=draft.symbol, draft_language=draft.language,
                 bases=tuple(bases), paragraphs=traced, warnings=tuple(warnings), unused=unused,
                 single_base=len(files) == 1)


def _same_language(draft: Document, bases: Sequence[BaseInfo]) -> tuple[list[BaseInfo], list[str]]:
    if draft.language is None:
        return list(bases), []
    usable = [b for b in bases if b.language in (None, draft.language)]
    return usable, []


def _trace_across(draft: Document, traced: tuple[TracedParagraph, ...], index: ParagraphIndex,
                  bases: Sequence[BaseInfo]) -> tuple[tuple[TracedParagraph, ...], list[str]]:
    """Draft paragraphs still `new`, traced to bases in other languages."""
    from compare.history.cross_language import compare_across
    from compare.progress import run

    warnings = [f"{b.path}: in '{b.language}', the draft in '{draft.language}': left out of the trace (more than "
                f"{MAX_CROSS_BASES} bases in other languages)" for b in bases[MAX_CROSS_BASES:]]
    best: dict[int, tuple[float, Change, BaseInfo]] = {}
    for base in bases[:MAX_CROSS_BASES]:
        doc = index.document(base.path)
        if doc is None or not doc.blocks:
            continue
        comparison = run(compare_across(doc, draft))
        for change in comparison.changes:
            if change.old is None or change.new is None or change.similarity < CROSS_FLOOR:
                continue
            if change.new.index not in best or change.similarity > best[change.new.index][0]:
                best[change.new.index] = (change.similarity, change, base)
    out = []
    for p in traced:
        found = best.get(p.block.index)
        if p.status is not TraceStatus.NEW or found is None:
            out.append(p)
            continue
        similarity, change, base = found
        assert change.old is not None
        source = Source(path=base.path, symbol=base.symbol, label=change.old.label, text=change.old.text,
                        similarity=round(similarity, 3), block=change.old)
        status = TraceStatus.ADAPTED if change.reasons else TraceStatus.AGREED
        out.append(TracedParagraph(p.block, status, source, (), change.commitment,
                                   (*change.reasons, "traced across languages: no word edits")))
    return tuple(out), warnings


def trace_block(block: Block, language: str | None, index: ParagraphIndex, files: Sequence[int],
                order: dict[int, int]) -> TracedParagraph:
    """The status and source of one draft paragraph."""
    if not files:
        return TracedParagraph(block, TraceStatus.NEW)
    key = paragraph_key(block)
    exact = index.exact(key, files)
    if exact:
        row = min(exact, key=lambda r: (r.block.label != block.label, order[r.file], r.block.index))
        ops = diff_words(row.block.text, block.text, None, row.block.footnote_marks, block.footnote_marks)
        return TracedParagraph(block, TraceStatus.AGREED, _source(row, 1.0), ops)
    scored = [(fuzz.ratio(key, r.key), r) for r in index.candidates(key, files, CANDIDATES)]
    if not scored:
        return TracedParagraph(block, TraceStatus.NEW)
    score, row = max(scored, key=lambda s: (s[0], s[1].block.label == block.label, -order[s[1].file]))
    if score < ADAPTED_THRESHOLD:
        return TracedParagraph(block, TraceStatus.NEW)
    ops = diff_words(row.block.text, block.text, None, row.block.footnote_marks, block.footnote_marks)
    source = _source(row, score / 100)
    if not is_difference(ops):
        return TracedParagraph(block, TraceStatus.AGREED, replace(source, similarity=1.0), ops)
    change = classify_change(Change(ChangeKind.MODIFIED, olds=(row.block,), news=(block,), ops=ops), language)
    return TracedParagraph(block, TraceStatus.ADAPTED, source, ops, change.commitment, change.reasons)


def _source(row: Row, similarity: float) -> Source:
    return Source(path=row.path, symbol=row.symbol, label=row.block.label, text=row.block.text,
                  similarity=round(similarity, 3), block=row.block)
