"""A comparison as one self-contained, print-friendly HTML page: inline CSS, no script, no
external resource. Header with both files, a summary table, the commitments strengthened or
weakened with their reasons, then old | new side by side for every aligned pair.

Deletions are red and struck through, insertions green and underlined, moved paragraphs purple
with a "moved" label: colour is never the only signal. Every text is escaped."""

from __future__ import annotations

from html import escape

from compare.citation import cite_blocks
from compare.commitments import CommitmentEffect, commitment_changes
from compare.model import Change, ChangeKind, Commitment, Comparison, OpKind
from compare.reports.text import EFFECT_MARKS, summary, summary_line
from parsers.model import Document

_CSS = """
body{font-family:"Times New Roman",Georgia,serif;margin:2em;color:#111;line-height:1.4}
h1{font-size:1.4em;margin-bottom:.2em} h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #bbb;padding:.35em .5em;vertical-align:top;text-align:left}
th{background:#eee} td.num{white-space:nowrap;width:4em;color:#444} td.text{width:36%} td.change{width:20%}
table.counts{width:auto} table.counts td{text-align:right;min-width:3em}
del{color:#a40000;background:#fde7e7;text-decoration:line-through}
ins{color:#005a00;background:#e3f6e3;text-decoration:underline}
span.minor{color:#777}
tr.moved td{background:#f3ecfa} .tag{font-size:.8em;font-weight:bold;text-transform:uppercase;padding:0 .3em;border:1px solid #888;border-radius:3px}
.tag.moved{color:#5b2a86;border-color:#5b2a86} .tag.added{color:#005a00} .tag.removed{color:#a40000}
.up{color:#005a00} .down{color:#a40000} tr.unchanged td{color:#555}
ul.reasons{margin:.2em 0 0 1.2em;padding:0;font-size:.9em}
@media print{body{margin:0} tr{page-break-inside:avoid} del,ins,tr.moved td{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""
_ARROW = {Commitment.STRENGTHENED: ("up", "▲ strengthened"), Commitment.WEAKENED: ("down", "▼ weakened")}


def render_html(c: Comparison) -> str:
    title = f"Comparison: {c.old.path} → {c.new.path}"
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        "<h1>Comparison of two versions</h1>",
        _files(c.old, c.new),
        f"<p><strong>{escape(summary_line(c))}</strong></p>",
        _counts(c), _commitments(c), _pairs(c), "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _files(old: Document, new: Document) -> str:
    def row(name: str, doc: Document) -> str:
        cells = (name, doc.path, str(doc.format), doc.language or "?", doc.symbol or "")
        return "<tr>" + "".join(f"<td>{escape(x)}</td>" for x in cells) + "</tr>"

    return ("<table><tr><th></th><th>File</th><th>Format</th><th>Language</th><th>Symbol</th></tr>"
            + row("Old", old) + row("New", new) + "</table>")


def _counts(c: Comparison) -> str:
    s = summary(c)
    rows = "".join(f"<tr><th>{escape(k.replace('_', ' '))}</th><td>{v}</td></tr>" for k, v in s.items())
    return f'<h2>Summary</h2><table class="counts">{rows}</table>'


def _commitments(c: Comparison) -> str:
    rows = []
    for entry in commitment_changes(c):
        css = "up" if entry.effect in (CommitmentEffect.STRENGTHENED, CommitmentEffect.ADDED) else "down"
        reasons = "".join(f"<li>{escape(r)}</li>" for r in entry.reasons)
        rows.append(f'<tr><td class="num">{escape(entry.where)}</td><td class="{css}">'
                    f'{escape(EFFECT_MARKS[entry.effect])}</td><td><ul class="reasons">{reasons}</ul></td></tr>')
    if not rows:
        return "<h2>Commitments</h2><p>No commitment strengthened, weakened, added or removed.</p>"
    return ("<h2>Commitments</h2><table><tr><th>Paragraph</th><th>Change</th><th>Reasons</th></tr>"
            + "".join(rows) + "</table>")


def _pairs(c: Comparison) -> str:
    rows = []
    for change in c.changes:
        tag = f'<span class="tag {change.kind}">{escape(str(change.kind))}</span>'
        if change.commitment is not None:
            css, label = _ARROW[change.commitment]
            tag += f' <span class="{css}">{escape(label)}</span>'
        reasons = "".join(f"<li>{escape(r)}</li>" for r in change.reasons)
        if reasons:
            tag += f'<ul class="reasons">{reasons}</ul>'
        old_html, new_html = _sides(change)
        css = "moved" if change.moved else str(change.kind)
        rows.append(
            f'<tr class="{css}"><td class="num">{escape(cite_blocks(change.olds))}</td><td class="text">{old_html}</td>'
            f'<td class="num">{escape(cite_blocks(change.news))}</td><td class="text">{new_html}</td>'
            f'<td class="change">{tag}</td></tr>')
    return ("<h2>Paragraph by paragraph</h2><table><tr><th>No.</th><th>Old</th><th>No.</th><th>New</th>"
            "<th>Change</th></tr>" + "".join(rows) + "</table>")


def _sides(change: Change) -> tuple[str, str]:
    old, new = [], []
    for op in change.ops:
        text = escape(op.text).replace("\n", "<br>")
        if op.kind is OpKind.EQUAL:
            old.append(text)
            new.append(text)
        elif op.minor:
            (old if op.kind is OpKind.DELETE else new).append(f'<span class="minor">{text}</span>')
        elif op.kind is OpKind.DELETE:
            old.append(f"<del>{text}</del>" if change.kind is not ChangeKind.REMOVED else text)
        else:
            new.append(f"<ins>{text}</ins>" if change.kind is not ChangeKind.ADDED else text)
    return "".join(old), "".join(new)
