"""Word comments on the paragraphs whose commitments changed, the same list as every report
(compare.commitments): "OP5: ▲ strengthened: …", "OP3: ▼ weakened: …", "OP9: + commitment added: …",
"OP2: − commitment removed: …" with the reasons, in word/comments.xml (created with its content-type override
and relationship when the package has none). Comments carry no text of the document, so
accepting or rejecting every change leaves them out of the text."""

from __future__ import annotations

from lxml import etree

from compare.citation import cite_change
from compare.commitments import CommitmentEffect, commitment_effect
from compare.model import Change
from compare.redline.package import Package
from compare.redline.wordml import Revisions, make
from parsers.docx.wordml import R_NS, w

COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_REL = f"{R_NS}/comments"
SIGNS = {CommitmentEffect.STRENGTHENED: "▲", CommitmentEffect.WEAKENED: "▼", CommitmentEffect.ADDED: "+",
         CommitmentEffect.REMOVED: "−"}
_NAMES = {CommitmentEffect.STRENGTHENED: "strengthened", CommitmentEffect.WEAKENED: "weakened",
          CommitmentEffect.ADDED: "commitment added", CommitmentEffect.REMOVED: "commitment removed"}


def comment_text(change: Change) -> str | None:
    """The comment for a change in the commitments list (compare.commitments.commitment_changes:
    strengthened, weakened, added or removed), cited by label, or None for any other change."""
    effect = commitment_effect(change)
    if effect is None:
        return None
    reasons = "; ".join(change.reasons) or "commitment changed"
    # the comment sits on the paragraph: its label says which one it is (OP5, OP10 → OP9); a
    # paragraph without a label needs no quoting of its own opening words
    where = f"{cite_change(change)}: " if any(b.label for b in (*change.olds, *change.news)) else ""
    return f"{where}{SIGNS[effect]} {_NAMES[effect]}: {reasons}"


class Comments:
    def __init__(self, package: Package, revisions: Revisions) -> None:
        self.package = package
        self.revisions = revisions
        self.root: etree._Element | None = None
        self.added = 0

    def _part(self) -> etree._Element:
        if self.root is None:
            main = self.package.main_part()
            name = self.package.related(main, COMMENTS_REL)
            if name is None:
                name = "word/comments.xml"
                self.package.add_part(name, make("comments"), COMMENTS_TYPE, main, COMMENTS_REL)
            self.root = self.package.xml(name)
        return self.root

    def add(self, p: etree._Element, text: str) -> None:
        """Anchor a comment with `text` on the whole of paragraph `p`."""
        cid = self.revisions.new_id()
        stamp = {"id": cid, "author": self.revisions.author, "date": self.revisions.date,
                 "initials": _initials(self.revisions.author)}
        t = make("t")
        t.text = text
        body = make("p", None, make("r", None, make("annotationRef")), make("r", None, t))
        self._part().append(make("comment", stamp, body))
        start = make("commentRangeStart", {"id": cid})
        ppr = p.find(w("pPr"))
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        p.append(make("commentRangeEnd", {"id": cid}))
        p.append(make("r", None, make("commentReference", {"id": cid})))
        self.added += 1


def _initials(author: str) -> str:
    return "".join(part[0] for part in author.split() if part)[:4] or "A"

