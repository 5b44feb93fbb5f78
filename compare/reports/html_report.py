"""A comparison as one self-contained, print-friendly HTML page: inline CSS, no script, no
external resource. Header with both files, the warnings, a summary table, the commitments list
(compare.commitments.commitment_changes), then old | new side by side for every aligned pair.

- Language: `<html lang>` is the report's language, the new document's when the report has
  headings for it (resources/lexicons/report/<lang>.toml: en, fr, es), else English; each text cell
  carries its own document's `lang`. The engine's reasons are shown in the report's language
  (compare.reasons: French, Spanish); one that no template translates keeps `lang="en"`.
- Changes only, without scripts: runs of unchanged paragraphs are folded into one row holding a
  `<details>` element ("12 unchanged paragraphs"), closed by default, so the page and its print
  show the changes; `changes_only=True` (the PDF report, which Qt's rich text renders without
  <details>) replaces each run by that one line.
- Links: every change row has the id `c<k>` (k: its position in Comparison.changes); the counts
  of the summary link to the first change of their kind, the commitments table to each change.

Deletions are red and struck through, insertions green and underlined, moved paragraphs purple
with a "moved" label: colour is never the only signal. Every text is escaped."""

from __future__ import annotations

from functools import cache
from html import escape
from typing import Any

import resources
from compare.citation import cite_blocks
from compare.citation import cite_change as cite_change_for_print
from compare.commitments import CommitmentEffect, commitment_changes
from compare.model import Change, ChangeKind, Commitment, Comparison, OpKind
from compare.reasons import localize
from compare.reports.text import summary
from compare.route import notices
from parsers.model import Document

REPORT_LANGUAGES = ("en", "fr", "es")
_CSS = """
body{font-family:"Times New Roman",Georgia,serif;margin:2em;color:#111;line-height:1.4}
h1{font-size:1.4em;margin-bottom:.2em} h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #bbb;padding:.35em .5em;vertical-align:top;text-align:left}
th{background:#eee} td.num{width:9%;color:#444} td.text{width:33%} td.change{width:16%}
table.counts{width:auto} table.counts td{text-align:right;min-width:3em}
del{color:#a40000;background:#fde7e7;text-decoration:line-through}
ins{color:#005a00;background:#e3f6e3;text-decoration:underline}
span.minor{color:#777} a{color:inherit}
tr.moved td{background:#f3ecfa} .tag{font-size:.8em;font-weight:bold;text-transform:uppercase;padding:0 .3em;border:1px solid #888;border-radius:3px}
.tag.moved{color:#5b2a86;border-color:#5b2a86} .tag.added{color:#005a00} .tag.removed{color:#a40000}
.up{color:#005a00} .down{color:#a40000} tr.unchanged td{color:#555}
tr.same>td{background:#fafafa;color:#555;font-style:italic} details>table{font-style:normal}
ul.reasons{margin:.2em 0 0 1.2em;padding:0;font-size:.9em} ul.warnings{color:#8a4b00}
:target td{outline:2px solid #1a56a8}
@media print{body{margin:0} tr{page-break-inside:avoid} del,ins,tr.moved td{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""
_UP = (CommitmentEffect.STRENGTHENED, CommitmentEffect.ADDED)


@cache
def strings(language: str | None) -> dict[str, Any]:
    """The report's headings in `language` (English where there is no file for it), and under
    "lang" the language they are in (the reasons' language)."""
    lang = report_language(language)
    return {**resources.lexicon("report", lang), "lang": lang}


def report_language(language: str | None) -> str:
    code = (language or "").split("-")[0].lower()
    return code if code in REPORT_LANGUAGES else "en"


def render_html(c: Comparison, *, changes_only: bool = False) -> str:
    lang = report_language(c.new.language or c.old.language)
    s = strings(lang)
    title = f"{s['title']}: {c.old.path} → {c.new.path}"
    parts = [
        "<!DOCTYPE html>", f'<html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{_CSS.replace('margin:2em;', 'margin:0;') if changes_only else _CSS}"
        "</style></head><body>",
        f"<h1>{escape(s['title'])}</h1>",
        _files(c.old, c.new, s),
        _warnings(c, s),
        _counts(c, s), _commitments(c, s), _pairs(c, s, changes_only), "</body></html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def _files(old: Document, new: Document, s: dict[str, Any]) -> str:
    def row(name: str, doc: Document) -> str:
        cells = (name, doc.path, str(doc.format), doc.language or "?", doc.symbol or "")
        return "<tr>" + "".join(f"<td>{escape(x)}</td>" for x in cells) + "</tr>"

    head = "".join(f"<th>{escape(s[k])}</th>" for k in ("file", "format", "language", "symbol"))
    return f'<table width="100%"><tr><th></th>{head}</tr>' + row(s["old"], old) + row(s["new"], new) + "</table>"


def _warnings(c: Comparison, s: dict[str, Any]) -> str:
    lines = notices(c.old, c.new)
    if not lines:
        return ""
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return f'<h2>{escape(s["warnings"])}</h2><ul class="warnings" lang="en">{items}</ul>'


def _counts(c: Comparison, s: dict[str, Any]) -> str:
    first: dict[str, int] = {}
    for k, change in enumerate(c.changes):
        first.setdefault(str(change.kind), k)
        if change.commitment is not None:
            first.setdefault(str(change.commitment), k)
    for entry in commitment_changes(c):
        key = {CommitmentEffect.ADDED: "added_commitments", CommitmentEffect.REMOVED: "removed_commitments"}.get(
            entry.effect)
        if key:
            first.setdefault(key, c.changes.index(entry.change))
    rows = []
    for key, value in summary(c).items():
        name = escape(s["kinds"].get(key, key.replace("_", " ")))
        shown = f'<a href="#c{first[key]}">{value}</a>' if value and key in first else str(value)
        rows.append(f"<tr><th>{name}</th><td>{shown}</td></tr>")
    return f'<h2>{escape(s["summary"])}</h2><table class="counts">{"".join(rows)}</table>'


def _commitments(c: Comparison, s: dict[str, Any]) -> str:
    rows = []
    for entry in commitment_changes(c):
        css = "up" if entry.effect in _UP else "down"
        reasons = "".join(f"<li>{_reason(r, s)}</li>" for r in entry.reasons)
        k = c.changes.index(entry.change)
        rows.append(f'<tr><td class="num"><a href="#c{k}">{escape(entry.where)}</a></td><td class="{css}">'
                    f'{escape(s["effects"][str(entry.effect)])}</td><td><ul class="reasons" lang="{s["lang"]}">'
                    f"{reasons}</ul></td></tr>")
    title = f"<h2>{escape(s['commitments'])}</h2>"
    if not rows:
        return f"{title}<p>{escape(s['no_commitments'])}</p>"
    head = "".join(f"<th>{escape(s[k])}</th>" for k in ("paragraph", "change", "reasons"))
    return f'{title}<table width="100%"><tr>{head}</tr>' + "".join(rows) + "</table>"


def _pairs(c: Comparison, s: dict[str, Any], changes_only: bool) -> str:
    langs = (c.old.language or "", c.new.language or "")
    rows: list[str] = []
    run: list[str] = []  # rows of consecutive unchanged pairs, folded together

    def fold() -> None:
        if not run:
            return
        label = escape(s["unchanged_one"] if len(run) == 1 else s["unchanged_many"].format(n=len(run)))
        if changes_only:
            rows.append(f'<tr class="same"><td colspan="2">{label} {escape(s["not_shown"])}</td></tr>')
        else:
            rows.append(f'<tr class="same"><td colspan="5"><details><summary>{label}</summary>'
                        f'<table width="100%">{"".join(run)}</table></details></td></tr>')
        run.clear()

    for k, change in enumerate(c.changes):
        row = _print_rows(k, change, s, langs) if changes_only else _row(k, change, s, langs)
        if change.kind is ChangeKind.UNCHANGED:
            run.append(row)
            continue
        fold()
        rows.append(row)
    fold()
    columns = ("old", "new") if changes_only else ("paragraph", "old", "paragraph", "new", "change")
    head = "".join(f"<th>{escape(s[k])}</th>" for k in columns)
    return f"<h2>{escape(s['pairs'])}</h2><table width=\"100%\"><tr>{head}</tr>{''.join(rows)}</table>"


def _row(k: int, change: Change, s: dict[str, Any], langs: tuple[str, str]) -> str:
    tag = f'<span class="tag {change.kind}">{escape(s["tags"][str(change.kind)])}</span>'
    if change.commitment is not None:
        effect = CommitmentEffect(str(change.commitment))
        css = "up" if change.commitment is Commitment.STRENGTHENED else "down"
        tag += f' <span class="{css}">{escape(s["effects"][str(effect)])}</span>'
    reasons = "".join(f"<li>{_reason(r, s)}</li>" for r in change.reasons)
    if reasons:
        tag += f'<ul class="reasons" lang="{s["lang"]}">{reasons}</ul>'
    old_html, new_html = _sides(change)
    css = "moved" if change.moved else str(change.kind)
    old_lang = f' lang="{escape(langs[0])}"' if langs[0] else ""
    new_lang = f' lang="{escape(langs[1])}"' if langs[1] else ""
    # widths as attributes too: Qt's rich text (the PDF report) reads those, not the CSS
    return (f'<tr id="c{k}" class="{css}"><td class="num" width="9%">{escape(cite_blocks(change.olds))}</td>'
            f'<td class="text" width="33%"{old_lang}>{old_html}</td>'
            f'<td class="num" width="9%">{escape(cite_blocks(change.news))}</td>'
            f'<td class="text" width="33%"{new_lang}>{new_html}</td><td class="change" width="16%">{tag}</td></tr>')


def _print_rows(k: int, change: Change, s: dict[str, Any], langs: tuple[str, str]) -> str:
    """The print layout of a change (two columns fit a page): a heading row with the citation,
    the kind, the commitment and the reasons, then old | new."""
    head = f"<b>{escape(cite_change_for_print(change))}</b> &nbsp; {escape(s['tags'][str(change.kind)]).upper()}"
    if change.commitment is not None:
        css = "up" if change.commitment is Commitment.STRENGTHENED else "down"
        head += f' &nbsp; <span class="{css}">{escape(s["effects"][str(change.commitment)])}</span>'
    if change.reasons:
        head += f'<br><span class="minor" lang="{s["lang"]}">{"; ".join(_reason(r, s) for r in change.reasons)}</span>'
    old_html, new_html = _sides(change)
    old_lang = f' lang="{escape(langs[0])}"' if langs[0] else ""
    new_lang = f' lang="{escape(langs[1])}"' if langs[1] else ""
    return (f'<tr id="c{k}" class="{"moved" if change.moved else change.kind}"><td colspan="2">{head}</td></tr>'
            f'<tr><td width="50%"{old_lang}>{old_html}</td><td width="50%"{new_lang}>{new_html}</td></tr>')


def _reason(reason: str, s: dict[str, Any]) -> str:
    """One reason, escaped, in the report's language; marked English where it stays English."""
    shown = localize(reason, s["lang"])
    if shown == reason and s["lang"] != "en":
        return f'<span lang="en">{escape(reason)}</span>'
    return escape(shown)


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
