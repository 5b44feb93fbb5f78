"""Properties of the engine on generated documents (hypothesis): a document compared with itself
has no changes; the reported ops rebuild both texts; a comparison accounts for every block once;
a language alignment covers every unit once and in order on each side; accepting every change of
a redline gives the new text, rejecting every change the old one."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.model import ChangeKind, OpKind
from compare.versions.engine import JOINER, compare_documents
from parsers.model import Block, BlockKind, Document, Format

pytestmark = pytest.mark.slow  # generated documents (about 30 s): not in make test-fast

# Enough examples to exercise moves, splits and edits; each takes milliseconds (the redline
# property tens of milliseconds).
EXAMPLES = 120
PROPERTY_SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                             suppress_health_check=[HealthCheck.too_slow])

WORDS = [
    "the", "General", "Assembly", "urges", "encourages", "Member", "States", "to", "strengthen",
    "cooperation", "in", "preventing", "crime", "and", "criminal", "justice", "notes", "with",
    "appreciation", "report", "of", "Secretary-General", "requests", "invites", "Governments",
    "consider", "ratifying", "Convention", "against", "Transnational", "Organized", "Crime,",
    "resolution", "70/174;", "2030", "Agenda", "for", "Sustainable", "Development.", "also",
    "decides", "remain", "seized", "matter.", "Prie", "instamment", "les", "États", "Membres",
    "d'envisager", "«", "»", "développement", "durable", "(a)", "1.", "Reaffirming", "Recalling",
]

word = st.sampled_from(WORDS)
sentence = st.lists(word, min_size=2, max_size=14).map(" ".join)


def document(texts: list[str], name: str) -> Document:
    blocks = tuple(Block(i, BlockKind.PARAGRAPH, text) for i, text in enumerate(texts))
    return Document(f"{name}.txt", Format.TXT, blocks, language="en")


@st.composite
def edited(draw, text: str) -> str:
    words = text.split(" ")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(words)))
        action = draw(st.sampled_from(["replace", "insert", "delete"]))
        if action == "insert" or not words:
            words.insert(at, draw(word))
        elif action == "replace":
            words[min(at, len(words) - 1)] = draw(word)
        elif len(words) > 1:
            del words[min(at, len(words) - 1)]
    return " ".join(words)


@st.composite
def versions(draw) -> tuple[list[str], list[str]]:
    """An old version and a new one made from it: paragraphs kept, edited, dropped, added, moved."""
    old = draw(st.lists(sentence, min_size=1, max_size=8, unique=True))
    new: list[str] = []
    for text in old:
        action = draw(st.sampled_from(["keep", "keep", "edit", "drop"]))
        if action == "keep":
            new.append(text)
        elif action == "edit":
            new.append(draw(edited(text)))
        if draw(st.integers(0, 4)) == 0:
            new.append(draw(sentence))
    if len(new) > 2 and draw(st.booleans()):
        i, j = draw(st.integers(0, len(new) - 1)), draw(st.integers(0, len(new) - 1))
        new.insert(j, new.pop(i))
    if not new:
        new.append(draw(sentence))
    return old, new


@PROPERTY_SETTINGS
@given(st.lists(sentence, min_size=1, max_size=10))
def test_a_document_compared_with_itself_has_no_changes(texts):
    """Comparing a document with itself finds no difference and pairs every block with itself."""
    doc = document(texts, "same")
    comparison = compare_documents(doc, doc)
    assert not comparison.has_differences
    assert {change.kind for change in comparison.changes} == {ChangeKind.UNCHANGED}
    assert [(tuple(b.index for b in c.olds), tuple(b.index for b in c.news)) for c in comparison.changes] == [
        ((i,), (i,)) for i in range(len(texts))]


@PROPERTY_SETTINGS
@given(versions())
def test_ops_rebuild_the_old_and_the_new_text(pair):
    """For every change, the ops without insertions spell the old text and without deletions the new."""
    old, new = document(pair[0], "old"), document(pair[1], "new")
    for change in compare_documents(old, new).changes:
        assert change.ops, change
        old_side = "".join(op.text for op in change.ops if op.kind is not OpKind.INSERT)
        new_side = "".join(op.text for op in change.ops if op.kind is not OpKind.DELETE)
        assert old_side == JOINER.join(b.text for b in change.olds)
        assert new_side == JOINER.join(b.text for b in change.news)


@PROPERTY_SETTINGS
@given(versions())
def test_a_comparison_accounts_for_every_block_once(pair):
    """Every old and every new block is in exactly one change, and changes follow the new order."""
    old, new = document(pair[0], "old"), document(pair[1], "new")
    comparison = compare_documents(old, new)
    olds = sorted(b.index for c in comparison.changes for b in c.olds)
    news = [b.index for c in comparison.changes for b in c.news]
    assert olds == list(range(len(old.blocks)))
    assert news == list(range(len(new.blocks)))
    assert comparison.has_differences == (pair[0] != pair[1])


@PROPERTY_SETTINGS
@given(versions())
def test_language_alignment_covers_every_unit_once_in_order(pair):
    """A paragraph alignment covers every source and target unit exactly once, in order on each side."""
    languages = pytest.importorskip("compare.languages.documents")
    from compare.progress import run

    source, target = document(pair[0], "source"), document(pair[1], "target")
    alignment = run(languages.align_documents(source, target, level="paragraph"))
    sources = [i for p in alignment.pairs for i in p.source]
    targets = [j for p in alignment.pairs for j in p.target]
    assert sources == list(range(len(alignment.source_units)))
    assert targets == list(range(len(alignment.target_units)))
    assert all(p.source or p.target for p in alignment.pairs)


@settings(max_examples=EXAMPLES // 2, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(versions())
def test_accepting_a_redline_gives_the_new_text(pair):
    """Accept-all of the redlined Word file gives the new paragraphs; reject-all the old ones."""
    from test_redline_tracking import document_xml, norm, paragraph_texts, resolve

    from compare.redline.writer import render_redline

    old, new = document(pair[0], "old"), document(pair[1], "new")
    root = document_xml(render_redline(compare_documents(old, new), author="Test"))
    assert paragraph_texts(resolve(root, "accept")) == [norm(t) for t in pair[1]]
    assert paragraph_texts(resolve(root, "reject")) == [norm(t) for t in pair[0]]
