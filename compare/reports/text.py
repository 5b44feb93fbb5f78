"""A comparison as JSON (../shared/CONTRACT.md), as a terminal report, or as HTML (report_html).

JSON extensions beyond the contract: `symbol` on `old`/`new` (a running header is not a block,
so a changed symbol shows there); summary counts `renumbered`, `unchanged`, `split`, `merged`,
`added_commitments`, `removed_commitments`; on a change, `similarity` (0–1), and for a split
`"split": true, "new_indexes": [...]` (a merge: `"merged": true, "old_indexes": [...]`), the
`old`/`new` object then being the first block with the texts joined by a newline.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from compare.model import Change, ChangeKind, Commitment, Comparison, OpKind, joined_text
from parsers.model import Block, BlockKind, Document

_COUNTED_KINDS = (ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.MODIFIED, ChangeKind.MOVED,
                  ChangeKind.RENUMBERED, ChangeKind.UNCHANGED)


def summary(c: Comparison) -> dict[str, int]:
    """Counts by kind and by commitment, commitments added and removed, splits and merges."""
    out = {str(kind): 0 for kind in _COUNTED_KINDS}
    out.update(strengthened=0, weakened=0, added_commitments=0, removed_commitments=0, split=0, merged=0)
    for change in c.changes:
        out[str(change.kind)] += 1
        if change.commitment is not None:
            out[str(change.commitment)] += 1
        if change.kind is ChangeKind.ADDED and is_operative(change.news):
            out["added_commitments"] += 1
        if change.kind is ChangeKind.REMOVED and is_operative(change.olds):
            out["removed_commitments"] += 1
        out["split"] += len(change.news) > 1
        out["merged"] += len(change.olds) > 1
    return out


def is_operative(blocks: tuple[Block, ...]) -> bool:
    return bool(blocks) and blocks[0].kind is BlockKind.OPERATIVE


def _side(doc: Document) -> dict[str, Any]:
    return {"path": doc.path, "format": str(doc.format), "language": doc.language, "symbol": doc.symbol}


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
    data = {
        "old": _side(c.old),
        "new": _side(c.new),
        "summary": summary(c),
        "changes": [change_dict(change) for change in c.changes],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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
    extra = [f"{s[k]} {k.replace('_', ' ')}" for k in ("added_commitments", "removed_commitments") if s[k]]
    if commitments or extra:
        line += "; commitments: " + ", ".join(commitments + extra)
    return line


def where(change: Change) -> str:
    """'5 -> 6' style location of a change (numbers, else block indexes)."""
    def side(blocks: tuple[Block, ...]) -> str:
        if not blocks:
            return "-"
        return "+".join(b.number_label or f"#{b.index}" for b in blocks)

    return f"{side(change.olds)} -> {side(change.news)}"


def render_text(c: Comparison, color: bool) -> str:
    def paint(key: str, text: str) -> str:
        return f"{_ANSI[key]}{text}{_ANSI['reset']}" if color else text

    lines = [f"--- {c.old.path}", f"+++ {c.new.path}", summary_line(c)]
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


def render_html(c: Comparison) -> str:
    from compare.reports.html_report import render_html as render

    return render(c)
