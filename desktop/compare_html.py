"""The HTML of the two compare panes, built once per pane from a Comparison (no widgets here).

Each pane is a flat sequence of `<p>` paragraphs, one QTextBlock each, so the k-th paragraph of
the HTML is the k-th block of the QTextDocument: `rows[k]` says which change it shows. The old
pane follows the old document's order, the new pane the new one's; a side that has no block for
a change (added, removed, moved) gets a small placeholder line where the pair stands, so every
change has a sync anchor in both panes at a monotone position (Meld's filler lines).

Highlights never rely on colour alone: deletions are struck through, insertions underlined,
moves carry an arrow, commitments a ▲/▼ badge whose reasons show as a tooltip. A changed pair
without word ops (two languages) names its differences under its text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from compare.model import Change, ChangeKind, Commitment, Comparison, Op, OpKind
from desktop import scripts
from desktop.cite import cite_blocks, cite_change
from desktop.i18n import shown_reasons
from parsers.model import Block, BlockKind, Document

# Colours (light tones for backgrounds, dark ones for text), chosen to stay legible for the
# common colour-vision deficiencies together with the non-colour cues above.
DELETE_STYLE = "background-color:#fbe0df; color:#9b1c1c; text-decoration:line-through;"
INSERT_STYLE = "background-color:#d8f3dc; color:#14532d; text-decoration:underline;"
MINOR_STYLE = "background-color:#ececec;"
BLOCK_BACKGROUND = {
    ChangeKind.ADDED: "#eefaf0",
    ChangeKind.REMOVED: "#fdf0ef",
    ChangeKind.MOVED: "#eeeefe",
}
MOVE_COLOUR = "#4b3fb3"
STRONGER_COLOUR = "#0b6e4f"
WEAKER_COLOUR = "#b3261e"
PLACEHOLDER_STYLE = "color:#6b6b6b; font-size:small;"
REASON_STYLE = "color:#5b3a00; font-size:small; font-style:italic;"
# Indentation per outline level (sub-paragraphs); Qt's rich text takes pixels, scaled on HiDPI.
INDENT_PX = 28

BADGE = {Commitment.STRENGTHENED: "▲", Commitment.WEAKENED: "▼"}
KIND_MARK = {
    ChangeKind.ADDED: "+",
    ChangeKind.REMOVED: "−",
    ChangeKind.MODIFIED: "✎",
    ChangeKind.MOVED: "↕",
    ChangeKind.RENUMBERED: "#",
}


@dataclass(frozen=True, slots=True)
class PaneText:
    """One pane's HTML and where each change sits in it (paragraph = QTextBlock number)."""

    html: str
    rows: tuple[int, ...]  # rows[k]: index of the change shown by paragraph k
    anchors: tuple[int, ...]  # anchors[i]: paragraph where change i stands (monotone in i)
    targets: tuple[int, ...]  # targets[i]: paragraph to show when change i is selected


def render_panes(comparison: Comparison) -> tuple[PaneText, PaneText]:
    return render_old(comparison), render_new(comparison)


def render_new(comparison: Comparison) -> PaneText:
    """The new version in its own order (the changes' order); removed blocks leave a placeholder."""
    parts, rows = [], []
    for i, change in enumerate(comparison.changes):
        if change.news:
            parts.append(_block_html(change, change.news, "new", i))
        else:
            removed = QCoreApplication.translate("PaneText", "− removed from the old version")
            parts.append(_placeholder(removed + _cite(change.olds)))
        rows.append(i)
    anchors = tuple(range(len(rows)))
    return PaneText(_wrap(parts), tuple(rows), anchors, anchors)


def render_old(comparison: Comparison) -> PaneText:
    """The old version in its own order. Added blocks and the new place of moved blocks leave a
    placeholder after the old block that precedes them; a moved block's text stays where it
    stood in the old version."""
    entries: list[tuple[float, int, str, int]] = []  # (old position, sequence, html, change)
    anchor_entry: dict[int, int] = {}
    target_entry: dict[int, int] = {}
    last = -1.0
    for i, change in enumerate(comparison.changes):
        seq = len(entries)
        if change.olds and not change.moved:
            last = float(change.olds[0].index)
            entries.append((last, seq, _block_html(change, change.olds, "old", i), i))
            anchor_entry[i] = target_entry[i] = seq
            continue
        if change.moved and change.olds:
            text = QCoreApplication.translate("PaneText", "↕ moved here in the new version from") + " " + _where(change.olds)
        else:
            text = QCoreApplication.translate("PaneText", "+ added in the new version") + _cite(change.news)
        entries.append((last + 0.5, seq, _placeholder(text), i))
        anchor_entry[i] = target_entry[i] = seq
        if change.moved and change.olds:
            origin = len(entries)
            entries.append((float(change.olds[0].index), origin,
                            _block_html(change, change.olds, "old", i), i))
            target_entry[i] = origin
    order = sorted(range(len(entries)), key=lambda e: (entries[e][0], entries[e][1]))
    paragraph_of = {entry: k for k, entry in enumerate(order)}
    parts = [entries[e][2] for e in order]
    rows = tuple(entries[e][3] for e in order)
    n = len(comparison.changes)
    anchors = tuple(paragraph_of[anchor_entry[i]] for i in range(n))
    targets = tuple(paragraph_of[target_entry[i]] for i in range(n))
    return PaneText(_wrap(parts), rows, anchors, targets)


def render_document(doc: Document) -> str:
    """One document alone (its counterpart could not be read), with its numbers."""
    parts = []
    for block in doc.body():
        change = Change(ChangeKind.UNCHANGED, news=(block,))
        parts.append(_block_html(change, (block,), "new", 0))
    return _wrap(parts)


def _wrap(parts: list[str]) -> str:
    return "<html><body>" + "".join(parts) + "</body></html>"


def _where(blocks: tuple[Block, ...]) -> str:
    """The citation of one side ('OP5', 'PP3', 'OP2 + OP3'); plain text, escaped by the caller."""
    return cite_blocks(blocks) if blocks else ""


def _cite(blocks: tuple[Block, ...]) -> str:
    return f" ({_where(blocks)})" if blocks else ""


def _placeholder(text: str) -> str:
    return f'<p style="{PLACEHOLDER_STYLE}"><i>{html.escape(text)}</i></p>'


def _block_html(change: Change, blocks: tuple[Block, ...], side: str, index: int) -> str:
    first = blocks[0]
    style = [f"margin-left:{first.level * INDENT_PX}px;"]
    background = BLOCK_BACKGROUND.get(change.kind)
    if background:
        style.append(f"background-color:{background};")
    if first.kind in (BlockKind.TITLE, BlockKind.HEADING):
        style.append("font-weight:bold;")
    body = _ops_html(change.ops, side) if _shows_ops(change) else _plain(blocks)
    direction = ' dir="rtl"' if scripts.is_rtl(first.text) else ""  # Arabic right to left
    return (f'<p{direction} style="{"".join(style)}">{_marks(change, side, index)}'
            f"{_label(change, first, side)}{body}{_named(change, side)}</p>")


def _named(change: Change, side: str) -> str:
    """Under a changed pair without word ops (two languages: compare.history.cross_language), the
    differences the engine names ('figure '16' -> '13''), on the side that carries the badge;
    a line of the same paragraph (one QTextBlock)."""
    if change.ops or not change.reasons or change.kind not in (ChangeKind.MODIFIED, ChangeKind.MOVED):
        return ""
    if side != ("new" if change.news else "old"):
        return ""
    return "".join(f'<br><span style="{REASON_STYLE}">≠ {html.escape(r)}</span>' for r in shown_reasons(change.reasons))


def _shows_ops(change: Change) -> bool:
    return bool(change.ops) and change.kind in (ChangeKind.MODIFIED, ChangeKind.MOVED)


def _plain(blocks: tuple[Block, ...]) -> str:
    return "<br>".join(_escape(b.text) for b in blocks)


def _escape(text: str) -> str:
    return html.escape(text).replace("\n", "<br>").replace("\t", " &nbsp; ")


def _ops_html(ops: tuple[Op, ...], side: str) -> str:
    hidden = OpKind.INSERT if side == "old" else OpKind.DELETE
    out = []
    for op in ops:
        if op.kind is hidden:
            continue
        text = _escape(op.text)
        if op.kind is OpKind.EQUAL:
            out.append(text)
        elif op.minor:
            out.append(f'<span style="{MINOR_STYLE}">{text}</span>')
        else:
            out.append(f'<span style="{DELETE_STYLE if op.kind is OpKind.DELETE else INSERT_STYLE}">{text}</span>')
    return "".join(out)


def _label(change: Change, block: Block, side: str) -> str:
    """The number as printed ('5.', '(a)'), or the citation label in grey where nothing is printed
    (preambular paragraphs: 'PP3') and for footnotes ('FN3', not a bare '3' that reads as a
    paragraph number); a renumbered paragraph says what it was ('was OP10')."""
    extra = ""
    if side == "new" and change.olds and _where(change.olds) != _where(change.news) \
            and change.kind in (ChangeKind.RENUMBERED, ChangeKind.MODIFIED):
        was = QCoreApplication.translate("PaneText", "was")
        extra = f' <span style="{PLACEHOLDER_STYLE}">{html.escape(was)} {html.escape(_where(change.olds))}</span>'
    if block.number_label and block.kind is not BlockKind.FOOTNOTE:
        label = html.escape(block.number_label + ("." if block.kind is BlockKind.OPERATIVE else ""))
        return f"<b>{label}</b>{extra}&nbsp; "
    if block.label:
        return f'<span style="{PLACEHOLDER_STYLE}">{html.escape(block.label)}</span>{extra}&nbsp; '
    return extra + ("&nbsp; " if extra else "")


def _marks(change: Change, side: str, index: int) -> str:
    """The kind symbol, the move arrow and the commitment badge at the start of a paragraph."""
    out = []
    mark = KIND_MARK.get(change.kind)
    if mark:
        colour = MOVE_COLOUR if change.kind is ChangeKind.MOVED else "#555555"
        out.append(f'<span style="color:{colour}; font-weight:bold;">{mark}</span>&nbsp;')
    if change.moved:
        other = change.news if side == "old" else change.olds
        if side == "old":
            text = QCoreApplication.translate("PaneText", "moved to")
        else:
            text = QCoreApplication.translate("PaneText", "moved from")
        out.append(f'<span style="color:{MOVE_COLOUR};">[{html.escape(text)} {html.escape(_where(other))}]</span> ')
    badge_side = "new" if change.news else "old"
    if change.commitment is not None and side == badge_side:
        colour = STRONGER_COLOUR if change.commitment is Commitment.STRENGTHENED else WEAKER_COLOUR
        if change.commitment is Commitment.STRENGTHENED:
            word = QCoreApplication.translate("PaneText", "stronger")
        else:
            word = QCoreApplication.translate("PaneText", "weaker")
        out.append(f'<a href="why:{index}" style="color:{colour}; text-decoration:none;">'
                   f"<b>{BADGE[change.commitment]} {html.escape(word)}</b></a>&nbsp; ")
    return "".join(out)


def reasons_text(change: Change) -> str:
    """The tooltip of a commitment badge: which paragraph ('OP10 → OP9'), what happened, why."""
    if change.commitment is Commitment.STRENGTHENED:
        title = QCoreApplication.translate("PaneText", "Commitment strengthened")
    else:
        title = QCoreApplication.translate("PaneText", "Commitment weakened")
    return f"{cite_change(change)} — {title}:\n" + "\n".join(f"• {r}" for r in shown_reasons(change.reasons))
