"""Equations (Office Math) in a tracked paragraph.

A paragraph's edits are carried by its runs (compare.redline.paragraph); an equation is no run,
and the reader gives it as its linear text (parsers.docx.math). An equation that changed is
tracked whole: a copy of the old one deleted, right before the new one inserted (w:del and w:ins
may hold m:oMath and m:oMathPara), so that accepting every change gives the new equation and
rejecting them the old one, as Word drew them. The edits inside its linear text are not written
as words: they would show the old equation's characters as deleted text beside it.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from compare.model import OpKind
from compare.redline.paragraph import Edit
from compare.redline.wordml import ACCEPTED_VIEW, Revisions
from parsers.docx.math import MATH, MATH_PARA, is_equation, math_text


def equations(element: etree._Element | None) -> list[etree._Element]:
    """The equations of a paragraph as the accepted view shows them, in order: each m:oMathPara,
    and each m:oMath not in one (none inside a deletion)."""
    if element is None:
        return []
    return [e for e in element.iter(MATH, MATH_PARA)
            if is_equation(e) and not any(a.tag in ACCEPTED_VIEW for a in e.iterancestors())]


@dataclass
class EquationPlan:
    """What `plan_equations` found: pairs to track (old or new None where one side has no
    equation left), and the ranges of the old text the changed ones' linear texts take."""

    pairs: list[tuple[etree._Element | None, etree._Element | None]] = field(default_factory=list)
    dropped: list[tuple[int, int]] = field(default_factory=list)


def plan_equations(olds: Sequence[etree._Element | None], news: Sequence[etree._Element],
                   old_text: str) -> EquationPlan:
    """The equations of the new paragraphs against the old ones', paired in order; those whose
    linear texts differ, and those without a partner, are to be tracked. `old_text` is the old
    blocks' texts joined. Old paragraphs not from a Word file (None) leave the equations alone."""
    plan = EquationPlan()
    if any(el is None for el in olds):
        return plan
    old_eqs = [e for el in olds for e in equations(el)]
    new_eqs = [e for el in news for e in equations(el)]
    cursor = 0
    for k in range(max(len(old_eqs), len(new_eqs))):
        old = old_eqs[k] if k < len(old_eqs) else None
        new = new_eqs[k] if k < len(new_eqs) else None
        old_linear = math_text(old, ACCEPTED_VIEW) if old is not None else ""
        at = old_text.find(old_linear, cursor) if old_linear else -1
        if at >= 0:
            cursor = at + len(old_linear)
        if new is not None and old is not None and old_linear == math_text(new, ACCEPTED_VIEW):
            continue
        plan.pairs.append((old, new))
        if at >= 0:
            plan.dropped.append((at, cursor))
    return plan


def mark_equations(plan: EquationPlan, last: etree._Element, revisions: Revisions) -> None:
    """Track the plan's equations, once the paragraphs' runs are tracked: a new one inserted, a
    copy of the old one deleted right before it, or after `last`'s content when no new one is
    left to stand beside."""
    for old, new in plan.pairs:
        inserted = None
        if new is not None:
            inserted = revisions.mark("ins")
            new.addprevious(inserted)
            inserted.append(new)
        if old is not None:
            deleted = revisions.mark("del")
            deleted.append(copy.deepcopy(old))
            if inserted is not None:
                inserted.addprevious(deleted)
            else:
                last.append(deleted)


def without_ranges(edits: list[Edit], ranges: list[tuple[int, int]]) -> list[Edit]:
    """The edits with the characters of their deletions that fall in `ranges` (of the old text)
    left out."""
    if not ranges:
        return edits
    out: list[Edit] = []
    for edit in edits:
        if edit.kind is not OpKind.DELETE:
            out.append(edit)
            continue
        start, end = edit.old_start, edit.old_start + len(edit.text)
        at = start
        for a, b in sorted(ranges):
            if b <= at or a >= end:
                continue
            if a > at:
                out.append(Edit(OpKind.DELETE, edit.text[at - start:a - start], at))
            at = max(at, b)
        if at < end:
            out.append(Edit(OpKind.DELETE, edit.text[at - start:], at))
    return out
