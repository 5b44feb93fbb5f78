"""A history of several versions as JSON, a terminal report, or a standalone HTML table.

JSON (../shared/CONTRACT.md "History", with extensions): `versions` (path, symbol, language),
`steps` (per consecutive pair: the counts of `accord compare`'s summary and a `summary_line`
saying how many paragraphs were carried over, new and dropped; `related`: the same counted by text
alone, whatever the order, for two different documents rather than revisions), `lineages`: one object a row
with `label` (the last one it bears), `cells` (per version: {index, kind, number, label, text} or
null) and `steps` (per consecutive pair: {kind, commitment, reasons, moved} or null), and
`brackets` (compare.history.brackets): per version what is still open, per step each bracket's fate
(added, resolved, removed, open) with its text and label.
"""

from __future__ import annotations

import html
import json
from typing import Any

from compare.history.brackets import BracketFate, bracket_changes, counts, tally
from compare.history.lineage import History, Lineage, Step
from compare.history.related import relate
from compare.model import ChangeKind, Commitment, Comparison, joined_text
from compare.reports.text import summary
from parsers.model import Block, Document

_ARROW = {Commitment.STRENGTHENED: "▲ strengthened", Commitment.WEAKENED: "▼ weakened"}
# Characters of a paragraph shown in the terminal report.
PREVIEW = 80


def version_name(doc: Document) -> str:
    return doc.symbol or doc.path.replace("\\", "/").rsplit("/", 1)[-1]


def step_counts(c: Comparison) -> dict[str, int]:
    """`accord compare`'s counts, plus carried over (paired), new (added) and dropped (removed)."""
    out = summary(c)
    out["carried_over"] = sum(1 for ch in c.changes if ch.olds and ch.news)
    out["new"], out["dropped"] = out["added"], out["removed"]
    return out


def step_line(history: History, k: int) -> str:
    s = step_counts(history.comparisons[k])
    a, b = version_name(history.versions[k]), version_name(history.versions[k + 1])
    line = (f"{a} -> {b}: carried over {s['carried_over']} (unchanged {s['unchanged'] + s['renumbered']}, "
            f"modified {s['modified']}, moved {s['moved']}), new {s['new']}, dropped {s['dropped']}")
    if s["strengthened"] or s["weakened"]:
        line += f"; commitments strengthened {s['strengthened']}, weakened {s['weakened']}"
    return line


def related_dict(history: History, k: int) -> dict[str, Any]:
    """Paragraphs related by text alone, whatever their order (compare.history.related): what two
    different documents share."""
    r = relate(history.versions[k], history.versions[k + 1])
    return {"carried_over": len(r.pairs), "same": r.same, "reworded": len(r.pairs) - r.same, "new": len(r.new),
            "dropped": len(r.dropped), "summary_line": r.summary_line()}


def describe(step: Step, k: int, history: History) -> str:
    """'modified in A/RES/76/186 ▼ weakened', 'added in …', 'removed in …'."""
    where = version_name(history.versions[k + 1])
    words = {ChangeKind.ADDED: "added", ChangeKind.REMOVED: "removed", ChangeKind.MODIFIED: "modified",
             ChangeKind.MOVED: "moved", ChangeKind.RENUMBERED: "renumbered", ChangeKind.UNCHANGED: "unchanged"}
    out = f"{words[step.kind]} in {where}"
    if step.kind is ChangeKind.MOVED and any(op.kind != "equal" and not op.minor for op in step.ops):
        out = f"moved and modified in {where}"
    if step.commitment:
        out += f" {_ARROW[step.commitment]}"
    return out


def _cell_dict(blocks: tuple[Block, ...]) -> dict[str, Any] | None:
    if not blocks:
        return None
    b = blocks[0]
    return {"index": b.index, "kind": str(b.kind), "number": b.number, "label": b.label, "text": joined_text(blocks)}


def _step_dict(step: Step | None) -> dict[str, Any] | None:
    if step is None:
        return None
    return {"kind": str(step.kind), "commitment": str(step.commitment) if step.commitment else None,
            "reasons": list(step.reasons), "moved": step.moved}


def brackets_dict(history: History) -> dict[str, Any]:
    steps = []
    for k, c in enumerate(history.comparisons):
        changes = bracket_changes(c)
        steps.append({"from": k, "to": k + 1, "summary": tally(changes),
                      "changes": [{"fate": str(ch.fate), "text": ch.text, "label": ch.label} for ch in changes]})
    versions = [counts(d) for d in history.versions]
    return {"versions": [{"brackets": v.brackets, "alternatives": v.alternatives, "paragraphs": v.paragraphs,
                          "agreed": v.agreed, "special_numbers": v.special_numbers} for v in versions],
            "steps": steps}


def bracket_lines(history: History) -> list[str]:
    """The brackets section of the terminal report (nothing when no version has any)."""
    data = brackets_dict(history)
    if not any(v["brackets"] or v["agreed"] for v in data["versions"]):
        return []
    lines = ["", "brackets:"]
    for doc, v in zip(history.versions, data["versions"], strict=True):
        lines.append(f"  {version_name(doc)}: {v['brackets']} open ({v['alternatives']} alternatives) in "
                     f"{v['paragraphs']} paragraphs; {v['agreed']} agreed ad ref; {v['special_numbers']} bis/alt paragraphs")
    for step in data["steps"]:
        t = step["summary"]
        lines.append(f"  {version_name(history.versions[step['from']])} -> {version_name(history.versions[step['to']])}: "
                     f"{t['resolved']} resolved, {t['removed']} removed, {t['added']} added, {t['open']} still open")
        for ch in step["changes"]:
            if ch["fate"] != BracketFate.OPEN:
                lines.append(f"    {ch['fate']:<9}{ch['label'] or '¶':<8} [{_preview(ch['text'])}]")
    return lines


def render_json(history: History) -> str:
    data = {
        "versions": [{"path": d.path, "symbol": d.symbol, "language": d.language} for d in history.versions],
        "steps": [{"from": k, "to": k + 1, "summary": step_counts(c), "summary_line": step_line(history, k),
                   "related": related_dict(history, k)}
                  for k, c in enumerate(history.comparisons)],
        "lineages": [{"label": lin.label, "changed": lin.changed,
                      "cells": [_cell_dict(c) for c in lin.cells],
                      "steps": [_step_dict(s) for s in lin.steps]} for lin in history.lineages],
        "brackets": brackets_dict(history),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _labels(lin: Lineage) -> str:
    return " → ".join(c[0].label or "¶" if c else "—" for c in lin.cells)


def render_text(history: History) -> str:
    lines = [f"history of {len(history.versions)} versions: "
             + " -> ".join(version_name(d) for d in history.versions)]
    for k in range(len(history.comparisons)):
        lines.append(step_line(history, k))
        lines.append(f"  by text alone, whatever the order: {related_dict(history, k)['summary_line']}")
    lines += bracket_lines(history)
    quiet = [lin for lin in history.lineages if not lin.changed]
    lines += ["", f"{len(history.lineages)} lineages, {len(quiet)} unchanged throughout (not listed)", ""]
    for lin in history.lineages:
        if not lin.changed:
            continue
        first = next(c for c in lin.cells if c)
        lines.append(f"{lin.label or '¶':<8} {_labels(lin)}")
        lines.append(f"         {_preview(joined_text(first))}")
        for k, step in enumerate(lin.steps):
            if step is None or step.kind in (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED):
                continue
            lines.append(f"         {describe(step, k, history)}")
            if step.commitment:
                lines.extend(f"           {r}" for r in step.reasons)
    return "\n".join(lines) + "\n"


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"


_CSS = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: .35em; vertical-align: top; max-width: 28em; }
th { background: #f6f8fa; position: sticky; top: 0; } td.absent { background: #fafafa; color: #999; }
.ev { font-size: 85%; color: #555; } .up { color: #1a7f37; } .down { color: #cf222e; } .lab { font-weight: 600; }
tr.quiet { color: #777; }
"""


def render_html(history: History) -> str:
    e = html.escape
    head = "".join(f"<th>{e(version_name(d))}</th>" for d in history.versions)
    rows = []
    for lin in history.lineages:
        cells = []
        for k, blocks in enumerate(lin.cells):
            step = lin.steps[k - 1] if k else None
            event = ""
            if step is not None and step.kind is not ChangeKind.UNCHANGED:
                cls = {Commitment.STRENGTHENED: "up", Commitment.WEAKENED: "down"}.get(step.commitment, "") \
                    if step.commitment else ""
                title = e("; ".join(step.reasons))
                event = f'<div class="ev {cls}" title="{title}">{e(describe(step, k - 1, history))}</div>'
            if blocks:
                cells.append(f'<td>{event}<span class="lab">{e(blocks[0].label or "")}</span> '
                             f"{e(joined_text(blocks))}</td>")
            else:
                cells.append(f'<td class="absent">{event}</td>')
        rows.append(f'<tr class="{"" if lin.changed else "quiet"}">{"".join(cells)}</tr>')
    steps = "".join(f"<li>{e(step_line(history, k))}</li>" for k in range(len(history.comparisons)))
    steps += "".join(f"<li>{e(line.strip())}</li>" for line in bracket_lines(history)[2:])
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>History</title><style>{_CSS}</style>"
            f"</head><body><h1>History of {len(history.versions)} versions</h1><ul>{steps}</ul>"
            f"<table><tr>{head}</tr>{''.join(rows)}</table></body></html>\n")
