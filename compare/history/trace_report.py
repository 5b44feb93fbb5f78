"""A trace as the contract's JSON, a terminal report, or a standalone HTML page.

JSON extensions beyond the contract: `summary` (counts by status; with one base, `dropped`: its
paragraphs no draft paragraph comes from, listed under `dropped_paragraphs`), `warnings` (bases
left out and why), `similarity` on each source (0-1), a base's `paragraphs` count.
"""

from __future__ import annotations

import html
import json
from typing import Any

from compare.history.model import Source, Trace, TracedParagraph, TraceStatus
from compare.model import Commitment, OpKind


def summary(trace: Trace) -> dict[str, int]:
    """Paragraphs by status; with a single base, also what it had that the draft dropped."""
    out = {str(s): 0 for s in TraceStatus}
    for p in trace.paragraphs:
        out[str(p.status)] += 1
    if trace.single_base:
        out["dropped"] = len(trace.unused)
    return out


def summary_line(trace: Trace) -> str:
    """One line a delegate reads: 'carried over 30 (agreed 12, adapted 18), new 58, dropped 27'."""
    s = summary(trace)
    carried = s["agreed"] + s["adapted"]
    line = f"{len(trace.paragraphs)} paragraphs: carried over {carried} (agreed {s['agreed']}, " \
           f"adapted {s['adapted']}), new {s['new']}"
    if "dropped" in s:
        line += f"; dropped from the base: {s['dropped']}"
    return line


def citation(p: TracedParagraph) -> str:
    """'agreed: A/RES/72/1 OP5', 'adapted: S/2017/444 PP3 (84%)', 'new'."""
    if p.source is None:
        return str(p.status)
    where = " ".join(x for x in (p.source.symbol or _file_name(p.source.path), p.source.label) if x)
    if p.status is TraceStatus.ADAPTED:
        return f"adapted: {where} ({min(99, round(p.source.similarity * 100))}%)"
    return f"{p.status}: {where}"


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _source_dict(s: Source | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"path": s.path, "symbol": s.symbol, "label": s.label, "text": s.text, "similarity": s.similarity}


def paragraph_dict(p: TracedParagraph) -> dict[str, Any]:
    b = p.block
    return {
        "index": b.index, "kind": str(b.kind), "number": b.number, "label": b.label, "text": b.text,
        "status": str(p.status), "source": _source_dict(p.source),
        "ops": [op.to_list() for op in p.ops] if p.status is TraceStatus.ADAPTED else [],
        "commitment": str(p.commitment) if p.commitment else None, "reasons": list(p.reasons),
    }


def render_json(trace: Trace) -> str:
    data: dict[str, Any] = {
        "draft": {"path": trace.draft_path, "symbol": trace.draft_symbol, "language": trace.draft_language},
        "bases": [{"path": b.path, "symbol": b.symbol, "language": b.language, "paragraphs": b.paragraphs}
                  for b in trace.bases],
        "summary": summary(trace),
        "paragraphs": [paragraph_dict(p) for p in trace.paragraphs],
        "warnings": list(trace.warnings),
    }
    if trace.single_base:
        data["dropped_paragraphs"] = [_source_dict(s) for s in trace.unused]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_MARK = {Commitment.STRENGTHENED: " ▲ strengthened", Commitment.WEAKENED: " ▼ weakened"}
# Characters of a paragraph shown in the terminal report.
PREVIEW = 90


def render_text(trace: Trace) -> str:
    lines = [f"trace of {trace.draft_symbol or trace.draft_path} against {len(trace.bases)} base(s)",
             summary_line(trace), ""]
    for p in trace.paragraphs:
        label = p.block.label or p.block.number_label or "¶"
        mark = _MARK.get(p.commitment, "") if p.commitment else ""
        lines.append(f"{label:<8} {citation(p)}{mark}")
        lines.append(f"         {_preview(p.block.text)}")
        if p.status is TraceStatus.ADAPTED:
            edits = [f"{'-' if op.kind is OpKind.DELETE else '+'}{op.text.strip()}" for op in p.ops
                     if op.kind is not OpKind.EQUAL and not op.minor and op.text.strip()]
            if edits:
                lines.append(f"         edits: {_preview(' '.join(edits))}")
            lines.extend(f"         {r}" for r in p.reasons)
    if trace.unused:
        lines += ["", f"dropped from the base ({len(trace.unused)}):"]
        lines += [f"{s.label or '¶':<8} {_preview(s.text)}" for s in trace.unused]
    lines += [f"warning: {w}" for w in trace.warnings]
    return "\n".join(lines) + "\n"


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"


_CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 70em; color: #222; }
table { border-collapse: collapse; width: 100%; } td, th { border-top: 1px solid #ddd; padding: .4em; vertical-align: top; }
.agreed td.status { color: #1a7f37; } .adapted td.status { color: #9a6700; } .new td.status { color: #0550ae; }
del { background: #ffebe9; color: #82071e; } ins { background: #dafbe1; color: #116329; text-decoration: none; }
.up { color: #1a7f37; } .down { color: #cf222e; } .src { color: #555; font-size: 90%; }
"""


def render_html(trace: Trace) -> str:
    e = html.escape
    rows = []
    for p in trace.paragraphs:
        if p.status is TraceStatus.ADAPTED:
            body = "".join(_op_html(kind, text) for kind, text in ((op.kind, op.text) for op in p.ops))
        else:
            body = e(p.block.text)
        extra = ""
        if p.commitment:
            arrow = "up" if p.commitment is Commitment.STRENGTHENED else "down"
            extra = f'<div class="{arrow}">{e(_MARK[p.commitment].strip())}: {e("; ".join(p.reasons))}</div>'
        rows.append(f'<tr class="{p.status}"><td>{e(p.block.label or "")}</td><td class="status">'
                    f'{e(citation(p))}</td><td>{body}{extra}</td></tr>')
    warnings = "".join(f"<li>{e(w)}</li>" for w in trace.warnings)
    bases = "".join(f"<li>{e(b.symbol or '')} <span class=src>{e(b.path)}</span></li>" for b in trace.bases)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Trace: {e(trace.draft_symbol or trace.draft_path)}"
            f"</title><style>{_CSS}</style></head><body><h1>Trace of {e(trace.draft_symbol or trace.draft_path)}</h1>"
            f"<p>{e(summary_line(trace))}</p><details><summary>{len(trace.bases)} base document(s)</summary><ul>{bases}"
            f"</ul></details>{'<ul>' + warnings + '</ul>' if warnings else ''}<table><tr><th>Label</th><th>From</th>"
            f"<th>Text (edits against the source)</th></tr>{''.join(rows)}</table></body></html>\n")


def _op_html(kind: OpKind, text: str) -> str:
    if kind is OpKind.DELETE:
        return f"<del>{html.escape(text)}</del>"
    if kind is OpKind.INSERT:
        return f"<ins>{html.escape(text)}</ins>"
    return html.escape(text)
