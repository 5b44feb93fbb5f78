"""A cross-language comparison as the contract's JSON (`"cross_language": true`, no word ops), a
terminal report and an HTML page showing both texts side by side with the differences named."""

from __future__ import annotations

import html
import json
from typing import Any

from compare.model import Change, ChangeKind, Commitment, Comparison, joined_text
from compare.reports.text import change_dict, summary, summary_line
from compare.route import notices
from parsers.model import Block, Document

_MARK = {Commitment.STRENGTHENED: "▲ strengthened", Commitment.WEAKENED: "▼ weakened"}
# Characters of each text shown in the terminal report.
PREVIEW = 160


def _side(doc: Document) -> dict[str, Any]:
    return {"path": doc.path, "format": str(doc.format), "language": doc.language, "symbol": doc.symbol,
            "warnings": list(doc.warnings)}


def render_json(c: Comparison) -> str:
    data = {
        "cross_language": True,
        "old": _side(c.old),
        "new": _side(c.new),
        "summary": summary(c),
        "changes": [change_dict(change) for change in c.changes],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# Words that cite an unlabeled block (a masthead line): its opening, never an internal index.
CITE_CHARS = 30


def cite(blocks: tuple[Block, ...]) -> str:
    if not blocks:
        return "—"
    b = blocks[0]
    if b.label or b.number_label:
        return b.label or b.number_label
    text = " ".join(b.text.split())
    return f"“{text if len(text) <= CITE_CHARS else text[:CITE_CHARS - 1] + '…'}”"


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"


def render_text(c: Comparison) -> str:
    lines = [f"--- {c.old.path} ({c.old.language})", f"+++ {c.new.path} ({c.new.language})",
             f"across languages: {summary_line(c)}"]
    lines += [f"warning: {notice}" for notice in notices(c.old, c.new)]
    for change in c.changes:
        if change.kind is ChangeKind.UNCHANGED:
            continue
        head = f"{cite(change.olds)} -> {cite(change.news)}  {change.kind}"
        if change.commitment is not None:
            head += f"  {_MARK[change.commitment]}"
        lines += ["", head]
        lines += [f"  - {reason}" for reason in change.reasons]
        if change.kind is ChangeKind.RENUMBERED:
            continue
        if change.olds:
            lines.append(f"  {c.old.language}: {_preview(joined_text(change.olds))}")
        if change.news:
            lines.append(f"  {c.new.language}: {_preview(joined_text(change.news))}")
    return "\n".join(lines) + "\n"


_CSS = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5em auto; max-width: 80em; color: #222; }
table { border-collapse: collapse; width: 100%; } td, th { border-top: 1px solid #ddd; padding: .4em; vertical-align: top; width: 45%; }
td.k { width: 10%; font-size: 90%; } tr.added td.n { background: #dafbe1; } tr.removed td.o { background: #ffebe9; }
tr.moved td { background: #f3e8ff; } .up { color: #1a7f37; } .down { color: #cf222e; } .r { font-size: 85%; color: #555; }
tr.unchanged { color: #666; }
"""


def render_html(c: Comparison) -> str:
    e = html.escape
    rows = []
    for change in c.changes:
        rows.append(_row(change))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Accord: across languages</title>"
            f"<style>{_CSS}</style></head><body><h1>{e(c.old.symbol or c.old.path)} ({e(str(c.old.language))}) → "
            f"{e(c.new.symbol or c.new.path)} ({e(str(c.new.language))})</h1><p>Across languages: {e(summary_line(c))}. "
            "Paragraphs are paired across the languages; the differences named are those the commitment lexicons "
            "of both languages can read (no word-by-word edits across languages).</p>"
            f"<table><tr><th>{e(str(c.old.language))}</th><th></th><th>{e(str(c.new.language))}</th></tr>"
            f"{''.join(rows)}</table></body></html>\n")


def _row(change: Change) -> str:
    e = html.escape
    kind = str(change.kind)
    mark = ""
    if change.commitment is not None:
        cls = "up" if change.commitment is Commitment.STRENGTHENED else "down"
        mark = f'<div class="{cls}">{e(_MARK[change.commitment])}</div>'
    reasons = "".join(f'<div class="r">{e(r)}</div>' for r in change.reasons)
    old = f"<b>{e(cite(change.olds))}</b> {e(joined_text(change.olds))}" if change.olds else ""
    new = f"<b>{e(cite(change.news))}</b> {e(joined_text(change.news))}" if change.news else ""
    return (f'<tr class="{kind}"><td class="o">{old}</td><td class="k">{e(kind)}{mark}{reasons}</td>'
            f'<td class="n">{new}</td></tr>')
