"""A comparison as JSON (../shared/CONTRACT.md), as a terminal report, or as HTML (report_html).

JSON: each document's reader warnings under `old.warnings`/`new.warnings` (contract); a top-level
`warnings` list for what concerns the pair (languages that differ: compare.route) and
`"cross_language": false` (this engine compares within one language). JSON extensions beyond the
contract: `symbol` on `old`/`new` (a running header is not a block,
so a changed symbol shows there); summary counts `renumbered`, `unchanged`, `split`, `merged`,
`added_commitments`, `removed_commitments`; on a change, `similarity` (0–1), and for a split
`"split": true, "new_indexes": [...]` (a merge: `"merged": true, "old_indexes": [...]`), the
`old`/`new` object then being the first block with the texts joined by a newline. Footnote
changes follow the body's, with blocks of kind `footnote`, `number` the mark and `label` FN3;
their `index` continues the document's block indexes (compare.model.footnote_blocks).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from compare.citation import cite_change
from compare.commitments import CommitmentEffect, commitment_changes
from compare.model import Change, ChangeKind, Commitment, Comparison, OpKind, joined_text
from compare.reports.json_report import Body, assemble, change_lines, head
from compare.route import notices
from compare.versions.related import carried_over
from parsers.model import Block

_COUNTED_KINDS = (ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.MODIFIED, ChangeKind.MOVED,
                  ChangeKind.RENUMBERED, ChangeKind.UNCHANGED)


def summary(c: Comparison) -> dict[str, int]:
    """Counts by kind and by commitment effect (compare.commitments.commitment_changes), splits
    and merges."""
    out = {str(kind): 0 for kind in _COUNTED_KINDS}
    out.update(strengthened=0, weakened=0, added_commitments=0, removed_commitments=0, split=0, merged=0)
    for change in c.changes:
        out[str(change.kind)] += 1
        out["split"] += len(change.news) > 1
        out["merged"] += len(change.olds) > 1
    for entry in commitment_changes(c):
        out[_EFFECT_KEYS[entry.effect]] += 1
    return out


_EFFECT_KEYS = {CommitmentEffect.STRENGTHENED: "strengthened", CommitmentEffect.WEAKENED: "weakened",
                CommitmentEffect.ADDED: "added_commitments", CommitmentEffect.REMOVED: "removed_commitments"}


def _block(blocks: tuple[Block, ...]) -> dict[str, Any] | None:
    if not blocks:
        return None
    first = blocks[0]
    return {"index": first.index, "kind": str(first.kind), "number": first.number, "label": first.label,
            "text": joined_text(blocks)}


def change_dict(change: Change) -> dict[str, Any]:
    """One change as the contract's JSON object (with the documented extensions)."""
    out: dict[str, Any] = {
        "kind": str(change.kind),
        "commitment": str(change.commitment) if change.commitment else None,
        "reasons": list(change.reasons),
        "old": _block(change.olds),
        "new": _block(change.news),
        "ops": [op.to_list() for op in change.ops],
        "moved": change.moved,
        "similarity": round(change.similarity, 3),
    }
    if len(change.news) > 1:
        out.update(split=True, new_indexes=[b.index for b in change.news])
    if len(change.olds) > 1:
        out.update(merged=True, old_indexes=[b.index for b in change.olds])
    return out


def render_json(c: Comparison) -> str:
    return assemble(head(c.old, c.new), json_body(c))


def json_body(c: Comparison) -> Body:
    """The comparison's part of the report (compare.reports.json_report: the part kept in the cache)."""
    return Body(summary(c), _carried_dict(c), change_lines([change_dict(change) for change in c.changes]),
                c.has_differences)


def _carried_dict(c: Comparison) -> dict[str, int] | None:
    relation = carried_over(c)
    if relation is None:
        return None
    return {"carried_over": relation.same + relation.reworded, "same": relation.same,
            "reworded": relation.reworded, "new": relation.new, "dropped": relation.dropped}


# --- terminal -----------------------------------------------------------------------------------

_ANSI = {"delete": "\033[31;9m", "insert": "\033[32;4m", "minor": "\033[2m", "kind": "\033[1m",
         "up": "\033[32m", "down": "\033[31m", "moved": "\033[35m", "reset": "\033[0m"}
# Characters of unchanged text kept on each side of an edit in the terminal report.
CONTEXT = 70
_MARK = {Commitment.STRENGTHENED: "▲ strengthened", Commitment.WEAKENED: "▼ weakened"}


def summary_line(c: Comparison) -> str:
    s = summary(c)
    parts = [f"{s[k]} {k}" for k in ("modified", "added", "removed", "moved", "renumbered") if s[k]]
    line = ", ".join(parts) or "no differences"
    commitments = [f"{s[k]} {k}" for k in ("strengthened", "weakened") if s[k]]
    extra = [f"{s[k]} {k.split('_')[0]} commitment{'' if s[k] == 1 else 's'}"
             for k in ("added_commitments", "removed_commitments") if s[k]]
    if commitments or extra:
        line += "; commitments: " + ", ".join(commitments + extra)
    return line


EFFECT_MARKS = {CommitmentEffect.STRENGTHENED: "▲ strengthened", CommitmentEffect.WEAKENED: "▼ weakened",
                CommitmentEffect.ADDED: "+ commitment added", CommitmentEffect.REMOVED: "− commitment removed"}


def commitment_lines(c: Comparison) -> list[str]:
    """The commitments list of the text report: one line per entry, cited by label."""
    return [f"  {EFFECT_MARKS[e.effect]}  {e.where}" for e in commitment_changes(c)]


def where(change: Change) -> str:
    """Where a change is, as negotiators cite it (compare.citation): 'OP5', 'OP10 → OP9'."""
    return cite_change(change)


def render_text(c: Comparison, color: bool) -> str:
    def paint(key: str, text: str) -> str:
        return f"{_ANSI[key]}{text}{_ANSI['reset']}" if color else text

    lines = [f"--- {c.old.path}", f"+++ {c.new.path}", summary_line(c)]
    relation = carried_over(c)
    if relation is not None:
        lines.append(relation.line())
    lines += [paint("down", f"warning: {n}") for n in notices(c.old, c.new)]
    listed = commitment_lines(c)
    if listed:
        lines += ["", "Commitments:", *listed]
    for change in c.changes:
        if change.kind is ChangeKind.UNCHANGED:
            continue
        head = f"{where(change)}  {paint('kind', str(change.kind))}"
        if change.kind is ChangeKind.RENUMBERED:  # same text: the numbers say it all
            lines += ["", head]
            continue
        if change.commitment is not None:
            head += "  " + paint("up" if change.commitment is Commitment.STRENGTHENED else "down",
                                 _MARK[change.commitment])
        lines += ["", head]
        lines += [f"  - {reason}" for reason in change.reasons]
        lines.append("  " + _inline(change, paint, color))
    return "\n".join(lines) + "\n"


def _elide(text: str, first: bool, last: bool) -> str:
    """Long unchanged text keeps CONTEXT characters next to the edits it separates."""
    if len(text) <= 2 * CONTEXT + 5:
        return text
    if first and last:
        return text[:2 * CONTEXT] + " …"
    if first:
        return "… " + text[-CONTEXT:]
    if last:
        return text[:CONTEXT] + " …"
    return text[:CONTEXT] + " … " + text[-CONTEXT:]


def _inline(change: Change, paint: Callable[[str, str], str], color: bool) -> str:
    out = []
    for k, op in enumerate(change.ops):
        if op.kind is OpKind.EQUAL:
            out.append(_elide(op.text, k == 0, k == len(change.ops) - 1))
        elif op.minor:
            if op.kind is OpKind.INSERT:
                out.append(paint("minor", op.text) if color else op.text)
            elif op.text.strip() and not color:
                continue  # plain text: a folded quote or a mark reads as the new text
        elif color:
            out.append(paint("delete" if op.kind is OpKind.DELETE else "insert", op.text))
        else:
            out.append(f"[-{op.text}-]" if op.kind is OpKind.DELETE else f"{{+{op.text}+}}")
    return "".join(out).replace("\n", "\n  ")
