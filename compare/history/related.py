"""Two different documents, not two revisions (the 2017 declaration against the 2025 one): which
paragraphs of the new one are carried over from the old one, which are new, which were dropped.

Order is not evidence here (a declaration eight years later rearranges everything), so pairing is
by text alone, one to one: every (new, old) pair of paragraphs at least RELATED_THRESHOLD similar
(rapidfuzz `fuzz.ratio` on the comparison keys), best first, each paragraph used once.
Paragraphs are the body's preambular, operative, sub- and plain paragraphs, each split where a
numbered paragraph was glued to the previous one by a text extraction ("… may occur. 2. We
recall …", with or without a glued footnote number before it); masthead lines shorter than
MIN_CHARS are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from compare.history.index import TRACED_KINDS
from compare.text.normalize import key_text
from parsers.model import Document

# Paragraphs of two related documents that share at least this much are the same paragraph,
# reworded: on the trafficking declarations (2017 / 2025) related paragraphs score 55-100 and
# unrelated ones, which share the declarations' formulas ("We reaffirm our commitment to"), 40-54.
RELATED_THRESHOLD = 55
# Same text: at least this similar (spacing or a figure apart).
SAME_THRESHOLD = 95
# Lines shorter than this are masthead or furniture lines (dates, "Annex"), not paragraphs.
MIN_CHARS = 40

_GLUED_NUMBER = re.compile(r"(?<=[.;:])(\d{0,2})\s+(\d{1,3})\.\s+(?=[A-Z(])")


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    label: str | None
    number: str | None


@dataclass(frozen=True, slots=True)
class Relation:
    pairs: tuple[tuple[Paragraph, Paragraph, float], ...]  # (old, new, similarity 0-100)
    new: tuple[Paragraph, ...]
    dropped: tuple[Paragraph, ...]

    @property
    def same(self) -> int:
        return sum(1 for _o, _n, s in self.pairs if s >= SAME_THRESHOLD)

    def summary_line(self) -> str:
        carried = len(self.pairs)
        return (f"carried over {carried} (same {self.same}, reworded {carried - self.same}), "
                f"new {len(self.new)}, dropped {len(self.dropped)}")


def paragraphs(doc: Document) -> list[Paragraph]:
    """The document's paragraphs, glued numbered paragraphs split apart."""
    out = []
    for block in doc.body():
        if block.kind not in TRACED_KINDS:
            continue
        parts = _GLUED_NUMBER.split(block.text)
        # parts: text, (footnote, number, text)*
        out.append(Paragraph(parts[0].strip(), block.label, block.number))
        for k in range(1, len(parts) - 2, 3):
            out.append(Paragraph(parts[k + 2].strip(), None, parts[k + 1]))
    return [p for p in out if len(p.text) >= MIN_CHARS]


def relate(old: Document, new: Document) -> Relation:
    olds, news = paragraphs(old), paragraphs(new)
    return relate_paragraphs(olds, news)


def relate_paragraphs(olds: Sequence[Paragraph], news: Sequence[Paragraph]) -> Relation:
    old_keys = [key_text(p.text) for p in olds]
    new_keys = [key_text(p.text) for p in news]
    candidates = sorted(((score, j, i) for j, nk in enumerate(new_keys) for i, ok in enumerate(old_keys)
                         if (score := fuzz.ratio(nk, ok, score_cutoff=RELATED_THRESHOLD)) >= RELATED_THRESHOLD),
                        reverse=True)
    used_old: set[int] = set()
    used_new: dict[int, tuple[int, float]] = {}
    for score, j, i in candidates:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new[j] = (i, score)
    pairs = tuple((olds[used_new[j][0]], news[j], round(used_new[j][1], 1)) for j in range(len(news)) if j in used_new)
    return Relation(pairs=pairs,
                    new=tuple(p for j, p in enumerate(news) if j not in used_new),
                    dropped=tuple(p for i, p in enumerate(olds) if i not in used_old))
