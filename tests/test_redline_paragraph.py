"""Tracking word ops inside a paragraph's own runs (compare.redline.paragraph): whatever the run
boundaries and the edits, accepting gives the new text and rejecting the old, run formatting is
kept on equal and inserted text, and deleted words take the old block's italics."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from test_redline_tracking import W, resolve

from compare.model import OpKind
from compare.redline.paragraph import Edit, rewrite_paragraph
from compare.redline.wordml import W_NS, Revisions, paragraph_text
from compare.versions.wordiff import diff_words
from parsers.model import Span

WORDS = ["Prie", "instamment", "les", "États", "Membres", "d’envisager", "2025", "2030", ",", ";", "de", "la"]


def _paragraph(runs: list[tuple[str, bool]], label: str = "") -> etree._Element:
    xml = "".join(f'<w:r>{"<w:rPr><w:i/></w:rPr>" if italic else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'
                  for text, italic in runs)
    if label:
        xml = f'<w:r><w:t xml:space="preserve">{label}</w:t></w:r><w:r><w:tab/></w:r>' + xml
    return etree.fromstring(f'<w:body xmlns:w="{W_NS}"><w:p><w:pPr><w:jc w:val="both"/></w:pPr>{xml}</w:p></w:body>')


def _edits(old: str, new: str) -> list[Edit]:
    edits, at = [], 0
    for op in diff_words(old, new):
        edits.append(Edit(op.kind, op.text, at))
        if op.kind is not OpKind.INSERT:
            at += len(op.text)
    return edits


def _text(body: etree._Element) -> str:
    return "".join(paragraph_text(p) for p in body.iter(W + "p"))


def _revisions() -> Revisions:
    return Revisions("Accord", "2026-01-01T00:00:00Z", 100)


texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)


@st.composite
def cut_runs(draw, text: str):
    """`text` cut into runs at arbitrary places, each italic or not."""
    cuts = sorted(draw(st.sets(st.integers(1, max(1, len(text) - 1)), max_size=5)))
    edges = [0, *[c for c in cuts if 0 < c < len(text)], len(text)]
    return [(text[a:b], draw(st.booleans())) for a, b in zip(edges, edges[1:], strict=False) if b > a]


@settings(max_examples=150, deadline=None)
@given(data=st.data(), old=texts, new=texts)
def test_accept_gives_new_and_reject_gives_old_for_any_runs(data, old, new):
    """For any run boundaries and any word edits, accept-all is the new text and reject-all the old."""
    body = _paragraph(data.draw(cut_runs(new)))
    rewrite_paragraph(body[0], _edits(old, new), (), _revisions(), {})
    assert _text(resolve(body, "accept")) == new
    assert _text(resolve(body, "reject")) == old


def test_equal_and_inserted_text_keep_their_runs_formatting():
    """Splitting a run at op boundaries keeps its w:rPr on every piece; deletions take the old spans."""
    body = _paragraph([("Prie instamment", True), (" les États", False)])
    old = "Encourage les États"
    rewrite_paragraph(body[0], _edits(old, "Prie instamment les États"), (Span(0, 9, italic=True),), _revisions(), {})
    p = body[0]
    (deleted,) = p.iter(W + "del")
    (inserted,) = p.iter(W + "ins")
    assert "".join(deleted.itertext()) == "Encourage" and deleted.find(f"{W}r/{W}rPr/{W}i") is not None
    assert "".join(inserted.itertext()) == "Prie instamment" and inserted.find(f"{W}r/{W}rPr/{W}i") is not None
    plain = [r for r in p.findall(W + "r")]
    assert "".join(plain[-1].itertext()) == " les États" and plain[-1].find(f"{W}rPr/{W}i") is None
    assert p.find(f"{W}pPr/{W}jc") is not None


def test_a_typed_label_the_reader_dropped_stays_untouched():
    """A paragraph number typed as text (not in the block text) is kept as it is, neither inserted nor deleted."""
    body = _paragraph([("Invites all States.", False)], label="5.")
    rewrite_paragraph(body[0], _edits("Urges all States.", "Invites all States."), (), _revisions(), {})
    assert _text(resolve(body, "accept")) == "5.\tInvites all States."
    assert _text(resolve(body, "reject")) == "5.\tUrges all States."


def test_adjacent_insertions_are_one_revision():
    """Consecutive inserted pieces across run boundaries are recorded as a single w:ins."""
    body = _paragraph([("a ", False), ("new ", True), ("phrase", False)])
    rewrite_paragraph(body[0], [Edit(OpKind.INSERT, "a new phrase")], (), _revisions(), {})
    assert len(body[0].findall(W + "ins")) == 1
    assert len(body[0].findall(f"{W}ins/{W}r")) == 3


def test_footnote_reference_is_kept_with_its_text():
    """A footnote reference inside equal text stays one run with its w:footnoteReference."""
    body = etree.fromstring(
        f'<w:body xmlns:w="{W_NS}"><w:p><w:r><w:t>Convention</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/>'
        '</w:rPr><w:footnoteReference w:id="2"/></w:r><w:r><w:t xml:space="preserve"> and the Protocol</w:t></w:r></w:p>'
        '</w:body>')
    ref = next(body.iter(W + "footnoteReference"))
    rewrite_paragraph(body[0], _edits("Convention¹ and Protocol", "Convention¹ and the Protocol"), (), _revisions(),
                      {ref: "¹"})
    (ref,) = body.iter(W + "footnoteReference")
    assert ref.getparent().find(f"{W}rPr/{W}rStyle").get(W + "val") == "FootnoteReference"
    assert ref.getparent().getparent().tag == W + "p"
    assert ["".join(i.itertext()) for i in body.iter(W + "ins")] == ["the "]
