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
to the first base given. Bases in another language than the draft cannot share words with it:
they are left out of the lookup and a warning says so.
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
    warnings = [f"{b.path}: in '{b.language}', the draft in '{draft.language}': left out of the trace "
                "(bases are traced in the draft's language)" for b in bases if b not in usable]
    return usable, warnings


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
