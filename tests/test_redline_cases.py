"""Redline cases one at a time, on small Word files with hand-built comparisons: splits, merges,
edited moves, footnote references, tables, comments next to existing ones, a new version that
already holds tracked changes, a text file as the new version."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import docx
import pytest
from conftest import FIXTURES
from lxml import etree
from test_redline_tracking import W, document_xml, norm, paragraph_texts, resolve

from compare.model import Change, ChangeKind, Commitment, Comparison, Op, OpKind
from compare.redline.wordml import safe_parser
from compare.redline.writer import render_redline
from compare.versions.engine import JOINER, compare_documents
from compare.versions.wordiff import diff_words
from parsers.api import ParseOptions, parse_file
from parsers.errors import ParseError
from parsers.model import Block, BlockKind, Document, Footnote, Format, Span

DATE = datetime(2026, 1, 2, tzinfo=UTC)


def _word(path, paragraphs: list[list[tuple[str, bool]]]):
    """A Word file of paragraphs given as (text, italic) runs; parsed back into a Document."""
    document = docx.Document()
    for runs in paragraphs:
        p = document.add_paragraph()
        for text, italic in runs:
            p.add_run(text).italic = italic
    document.save(str(path))
    return parse_file(str(path))


def _text_document(texts: list[str], spans: dict[int, tuple[Span, ...]] | None = None) -> Document:
    blocks = tuple(Block(i, BlockKind.PARAGRAPH, t, spans=(spans or {}).get(i, ())) for i, t in enumerate(texts))
    return Document("old.txt", Format.TXT, blocks)


def _pair(old: Block | tuple[Block, ...], new: Block | tuple[Block, ...], **kw) -> Change:
    olds = old if isinstance(old, tuple) else (old,)
    news = new if isinstance(new, tuple) else (new,)
    ops = diff_words(JOINER.join(b.text for b in olds), JOINER.join(b.text for b in news))
    return Change(kw.pop("kind", ChangeKind.MODIFIED), olds=olds, news=news, ops=ops, **kw)


def _same(old: Block, new: Block) -> Change:
    return Change(ChangeKind.UNCHANGED, olds=(old,), news=(new,), ops=(Op(OpKind.EQUAL, new.text),))


def _both_ways(data: bytes, tmp_path) -> tuple[list[str], list[str]]:
    root = document_xml(data)
    return paragraph_texts(resolve(root, "accept")), paragraph_texts(resolve(root, "reject"))


def test_split_paragraph_has_an_inserted_paragraph_mark(tmp_path):
    """One old paragraph split in two: the first new paragraph's mark is an insertion."""
    new = _word(tmp_path / "new.docx", [[("Alpha beta.", False)], [("Gamma delta.", False)]])
    old = _text_document(["Alpha beta. Gamma delta."])
    change = _pair(old.blocks[0], new.blocks)
    data = render_redline(Comparison(old, new, (change,)), date=DATE)
    first = document_xml(data).find(f"{W}body/{W}p")
    assert first.find(f"{W}pPr/{W}rPr/{W}ins") is not None
    assert _both_ways(data, tmp_path) == (["Alpha beta.", "Gamma delta."], ["Alpha beta. Gamma delta."])


def test_merged_paragraphs_have_a_deleted_paragraph_mark(tmp_path):
    """Two old paragraphs merged into one: the merged paragraph is split at a deleted paragraph mark."""
    new = _word(tmp_path / "new.docx", [[("Alpha beta and gamma delta.", False)]])
    old = _text_document(["Alpha beta.", "Gamma delta."])
    change = _pair(old.blocks, new.blocks[0])
    data = render_redline(Comparison(old, new, (change,)), date=DATE)
    first = document_xml(data).find(f"{W}body/{W}p")
    assert first.find(f"{W}pPr/{W}rPr/{W}del") is not None
    assert _both_ways(data, tmp_path) == (["Alpha beta and gamma delta."], ["Alpha beta.", "Gamma delta."])


def test_edited_move_tracks_its_edits_inside_the_move_target(tmp_path):
    """A paragraph moved and edited: moveTo holds the new text with its insertions, moveFrom the old with its deletions."""
    new = _word(tmp_path / "new.docx", [[("First stays.", False)], [("Invites", True), (" all States.", False)],
                                        [("Last stays.", False)]])
    old = _text_document(["Urges all Member States.", "First stays.", "Last stays."],
                         {0: (Span(0, 5, italic=True),)})
    a, b, c = new.blocks
    changes = (_same(old.blocks[1], a), _pair(old.blocks[0], b, kind=ChangeKind.MOVED),
               _same(old.blocks[2], c))
    data = render_redline(Comparison(old, new, changes), date=DATE)
    root = document_xml(data)
    (target,) = [p for p in root.iter(W + "p") if p.find(f".//{W}moveToRangeStart") is not None]
    assert target.find(f"{W}ins") is not None and target.find(f".//{W}del") is None
    source = root.find(f"{W}body/{W}p")
    assert source.find(f"{W}moveFromRangeStart") is not None
    pieces = [(el.tag, "".join(el.itertext())) for el in source if el.tag in (W + "del", W + "moveFrom")]
    assert [text for tag, text in pieces if tag == W + "del"] == ["Urges", " Member"]
    assert "".join(text for _tag, text in pieces) == "Urges all Member States."
    assert source.find(f"{W}del//{W}i") is not None  # the old italic verb
    assert _both_ways(data, tmp_path) == (["First stays.", "Invites all States.", "Last stays."],
                                          ["Urges all Member States.", "First stays.", "Last stays."])


def test_footnote_references_survive_in_a_modified_paragraph(tmp_path):
    """Editing a paragraph around footnote references keeps them (and the notes) in place."""
    new = parse_file(str(FIXTURES / "footnotes.docx"))
    body = new.body()
    old = _text_document([body[0].text.replace("note", "remark", 1), body[1].text])
    changes = (_pair(old.blocks[0], body[0]), _same(old.blocks[1], body[1]), _same(body[2], body[2]))
    comparison = Comparison(old, new, changes)
    data = render_redline(comparison, date=DATE)
    root = document_xml(data)
    original = document_xml((FIXTURES / "footnotes.docx").read_bytes())
    refs = [(r.get(W + "id"), r.get(W + "customMarkFollows")) for r in root.iter(W + "footnoteReference")]
    assert refs == [(r.get(W + "id"), r.get(W + "customMarkFollows")) for r in original.iter(W + "footnoteReference")]
    path = tmp_path / "r.docx"
    path.write_bytes(data)
    accepted, rejected = parse_file(str(path)), parse_file(str(path), ParseOptions(original=True))
    assert [b.text for b in accepted.body()] == [b.text for b in body]
    assert accepted.footnotes == new.footnotes
    assert [b.text for b in rejected.body()][:2] == [b.text for b in old.blocks]


def test_changed_table_is_deleted_and_inserted_whole(tmp_path):
    """A table whose cells changed: the old table as deleted rows above the new one as inserted rows."""
    new = parse_file(str(FIXTURES / "table-in-body.docx"))
    p1, table, p3 = new.body()
    old_table = Block(1, BlockKind.TABLE, "r1c1\tOLD\nr2c1\tr2c2")
    old = Document("old.txt", Format.TXT, (p1, old_table, p3))
    changes = (_same(p1, p1), _pair(old_table, table), _same(p3, p3))
    data = render_redline(Comparison(old, new, changes), date=DATE)
    root = document_xml(data)
    tables = root.findall(f"{W}body/{W}tbl")
    assert len(tables) == 2
    assert all(tr.find(f"{W}trPr/{W}del") is not None for tr in tables[0].iter(W + "tr"))
    assert all(tr.find(f"{W}trPr/{W}ins") is not None for tr in tables[1].iter(W + "tr"))
    path = tmp_path / "r.docx"
    path.write_bytes(data)
    assert [b.text for b in parse_file(str(path)).body()] == [b.text for b in new.body()]
    assert [b.text for b in parse_file(str(path), ParseOptions(original=True)).body()] == \
        [b.text for b in old.blocks]


def test_comments_join_existing_ones_with_fresh_ids(tmp_path):
    """In a file that has comments, ours are added to its comments part with ids no element already uses."""
    source = FIXTURES / "header-footer-comments.docx"
    new = parse_file(str(source))
    first, second = new.body()
    old = _text_document([first.text, "Second paragraph."])
    changes = (_same(old.blocks[0], first),
               _pair(old.blocks[1], second, commitment=Commitment.WEAKENED, reasons=("a reason",)))
    data = render_redline(Comparison(old, new, changes), date=DATE)
    before = zipfile.ZipFile(source)
    after = zipfile.ZipFile(io.BytesIO(data))
    existing = set()
    for name in before.namelist():
        if name.startswith("word/") and name.endswith(".xml"):
            root = etree.fromstring(before.read(name), safe_parser())
            existing |= {el.get(W + "id") for el in root.iter() if isinstance(el.tag, str) and el.get(W + "id")}
    comments = etree.fromstring(after.read("word/comments.xml"), safe_parser())
    ours = [c for c in comments.iter(W + "comment") if c.get(W + "author") == "Accord"]
    assert len(ours) == 1 and "".join(ours[0].itertext()) == "▼ weakened: a reason"
    assert len(list(comments.iter(W + "comment"))) == len(list(etree.fromstring(
        before.read("word/comments.xml"), safe_parser()).iter(W + "comment"))) + 1
    revisions = [el for el in document_xml(data).iter(W + "ins", W + "del")]
    assert revisions and not {el.get(W + "id") for el in revisions} & existing
    assert after.read("[Content_Types].xml").count(b"/word/comments.xml") == 1
    assert after.read("word/_rels/document.xml.rels").count(b"relationships/comments") == 1


def test_new_version_with_tracked_changes_shows_only_old_to_new(tmp_path):
    """Changes already pending in the new file are accepted first: reject-all gives our old text, not theirs."""
    new = parse_file(str(FIXTURES / "tracked-changes.docx"))
    body = new.body()
    old_texts = [b.text for b in body]
    old_texts[-1] = "The final paragraph."
    old = _text_document(old_texts)
    changes = tuple(_same(o, n) for o, n in zip(old.blocks[:-1], body[:-1], strict=True)) + \
        (_pair(old.blocks[-1], body[-1]),)
    data = render_redline(Comparison(old, new, changes), date=DATE)
    accepted, rejected = _both_ways(data, tmp_path)
    assert accepted == [norm(b.text) for b in body]
    assert rejected == [norm(t) for t in old_texts]
    assert {el.get(W + "author") for el in document_xml(data).iter(W + "ins", W + "del")} == {"Accord"}


def test_text_file_as_new_version_gets_a_generated_word_file(tmp_path):
    """A .txt new version becomes a generated Word file; the redline accepts to it and rejects to the old."""
    (tmp_path / "old.txt").write_text("Encourages States to act.\n\nNotes the report.\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text("Urges States to act.\n\nNotes the report.\n\nDecides to remain seized.\n",
                                      encoding="utf-8")
    old, new = parse_file(str(tmp_path / "old.txt")), parse_file(str(tmp_path / "new.txt"))
    data = render_redline(compare_documents(old, new), date=DATE)
    assert _both_ways(data, tmp_path) == ([norm(b.text) for b in new.body()], [norm(b.text) for b in old.body()])
    path = tmp_path / "r.docx"
    path.write_bytes(data)
    assert docx.Document(str(path)).paragraphs


def test_missing_new_word_file_is_a_parse_error(tmp_path):
    """If the new Word file vanished before the export, the error names it (exit 2 at the CLI)."""
    gone = tmp_path / "gone.docx"
    new = Document(str(gone), Format.DOCX, (Block(0, BlockKind.PARAGRAPH, "x"),))
    with pytest.raises(ParseError, match="gone.docx"):
        render_redline(Comparison(new, new, ()))


@pytest.mark.parametrize("fixture", ["block-content-control.docx", "inline-containers.docx", "run-formatting.docx",
                                     "numbering-restart.docx", "numbering-styles.docx", "footnotes.docx",
                                     "tracked-changes.docx", "table-in-body.docx"])
def test_every_block_of_a_small_word_file_can_be_redlined(fixture, tmp_path):
    """Each block edited (a word replaced, a word added): the Word reader reads new text accepted, old rejected."""
    new = parse_file(str(FIXTURES / fixture))
    olds, changes = [], []
    for block in new.body():
        words = block.text.split(" ")
        words[0] = "Zzz" if block.kind is not BlockKind.TABLE else words[0]
        old_block = Block(block.index, block.kind, " ".join(words) + " extra", number=block.number)
        olds.append(old_block)
        changes.append(_pair(old_block, block))
    old = Document("old.txt", Format.TXT, tuple(olds))
    data = render_redline(Comparison(old, new, tuple(changes)), date=DATE)
    path = tmp_path / "r.docx"
    path.write_bytes(data)
    accepted, rejected = parse_file(str(path)), parse_file(str(path), ParseOptions(original=True))
    assert [norm(b.text) for b in accepted.body()] == [norm(b.text) for b in new.body()]
    assert [norm(b.text) for b in rejected.body()] == [norm(b.text) for b in old.blocks]
    assert [b.spans for b in accepted.body()] == [b.spans for b in new.body()]


def test_removed_old_table_travels_without_its_packages_ids(tmp_path):
    """A table removed from an old Word file comes back deleted, without the old package's ids:
    its footnote reference is a deleted reference to a copy of its note (the note's text deleted
    too), so rejecting every change brings the table back with its note."""
    old = parse_file(str(FIXTURES / "footnotes.docx"))
    first, second, table = old.body()
    new = _word(tmp_path / "new.docx", [[("A sentence with a note¹ and a starred one*.", False)],
                                        [("Another note² here.", False)]])
    a, b = new.body()
    changes = (_same(first, a), _same(second, b), Change(ChangeKind.REMOVED, olds=(table,),
                                                         ops=(Op(OpKind.DELETE, table.text),)))
    data = render_redline(Comparison(old, new, changes), date=DATE)
    root = document_xml(data)
    (tbl,) = root.iter(W + "tbl")
    assert all(tr.find(f"{W}trPr/{W}del") is not None for tr in tbl.iter(W + "tr"))
    (ref,) = tbl.iter(W + "footnoteReference")
    assert next(ref.iterancestors(W + "del"), None) is not None
    assert "".join(t.text for t in tbl.iter(W + "delText")) == table.text.replace("³", "")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        notes = etree.fromstring(zf.read("word/footnotes.xml"), safe_parser())
    note = next(n for n in notes.iter(W + "footnote") if n.get(W + "id") == ref.get(W + "id"))
    assert "".join(t.text for t in note.iter(W + "delText")) == "Table note."
    path = tmp_path / "r.docx"
    path.write_bytes(data)
    rejected = parse_file(str(path), ParseOptions(original=True))
    # the new file's marks are typed text: the old notes come back as deleted references
    assert [b.text for b in rejected.body()] == [first.text, second.text, table.text]
    assert rejected.footnotes == old.footnotes
    assert [b.text for b in parse_file(str(path)).body()] == [a.text, b.text]
    assert parse_file(str(path)).footnotes == ()


def test_a_block_missing_from_the_word_file_keeps_its_old_text_rejectable(tmp_path):
    """A changed block whose paragraph cannot be found still comes back, deleted, on reject-all."""
    new = _word(tmp_path / "new.docx", [[("Kept paragraph.", False)]])
    ghost = Block(7, BlockKind.PARAGRAPH, "Nothing like this is in the file.")
    old = _text_document(["Kept paragraph.", "Old words nobody can find."])
    changes = (_same(old.blocks[0], new.blocks[0]), _pair(old.blocks[1], ghost))
    data = render_redline(Comparison(old, new, changes), date=DATE)
    assert _both_ways(data, tmp_path) == (["Kept paragraph."], ["Kept paragraph.", "Old words nobody can find."])


def test_default_stamp_is_one_utc_instant(tmp_path):
    """Without a date every revision carries the same ISO 8601 UTC time, to the second."""
    new = _word(tmp_path / "new.docx", [[("Urges all States.", False)]])
    old = _text_document(["Invites all States."])
    data = render_redline(Comparison(old, new, (_pair(old.blocks[0], new.blocks[0]),)))
    dates = {el.get(W + "date") for el in document_xml(data).iter(W + "ins", W + "del")}
    assert len(dates) == 1
    assert datetime.strptime(dates.pop(), "%Y-%m-%dT%H:%M:%SZ")


def test_generated_word_file_types_numbers_word_would_not_display(tmp_path):
    """Operative numbers that skip (1, 3) are typed, not left to Word's list, so the numbers read back unchanged."""
    (tmp_path / "old.txt").write_text("1. Decides to act.\n\n3. Requests a report.\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text("1. Decides to act now.\n\n3. Requests a report.\n", encoding="utf-8")
    old, new = parse_file(str(tmp_path / "old.txt")), parse_file(str(tmp_path / "new.txt"))
    assert [b.number for b in new.body()] == ["1", "3"]
    data = render_redline(compare_documents(old, new), date=DATE)
    assert next(document_xml(data).iter(W + "numPr"), None) is None
    path = tmp_path / "r.docx"
    path.write_bytes(data)
    accepted = parse_file(str(path))
    assert [(b.number, b.text) for b in accepted.body()] == [(b.number, b.text) for b in new.body()]


def test_removed_numbered_block_on_a_generated_file_keeps_its_typed_number(tmp_path):
    """On a generated Word file with typed numbers, a removed numbered paragraph comes back with its number."""
    (tmp_path / "old.txt").write_text("1. Decides to act.\n\n2. Notes the report.\n\n4. Requests a report.\n",
                                      encoding="utf-8")
    (tmp_path / "new.txt").write_text("1. Decides to act.\n\n4. Requests a report.\n", encoding="utf-8")
    old, new = parse_file(str(tmp_path / "old.txt")), parse_file(str(tmp_path / "new.txt"))
    data = render_redline(compare_documents(old, new), date=DATE)
    path = tmp_path / "r.docx"
    path.write_bytes(data)
    rejected = parse_file(str(path), ParseOptions(original=True))
    assert [(b.number, b.text) for b in rejected.body()] == [(b.number, b.text) for b in old.body()]


def _settings(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read("word/settings.xml"), safe_parser())


def test_redline_switches_change_tracking_on(tmp_path):
    """Built on the new Word file or generated for a text file, the redline's settings set
    w:trackRevisions once, after the settings that must precede it (Word checks the order)."""
    new = _word(tmp_path / "new.docx", [[("First paragraph.", False)], [("Second body paragraph.", False)]])
    old = _text_document(["First paragraph.", "Second paragraph."])
    changes = (_same(old.blocks[0], new.blocks[0]), _pair(old.blocks[1], new.blocks[1]))
    for data in (render_redline(Comparison(old, new, changes), date=DATE),
                 render_redline(Comparison(old, old, (_same(old.blocks[0], old.blocks[0]),)), date=DATE)):
        names = [etree.QName(c).localname for c in _settings(data) if isinstance(c.tag, str)]
        assert names.count("trackRevisions") == 1
        assert all(n not in names[names.index("trackRevisions"):] for n in ("zoom", "proofState", "view"))


def test_edited_footnote_is_tracked_in_the_generated_footnotes_part():
    """NEW is not a Word file: the generated redline's footnote carries the word edits (accept gives
    the new note, reject the old one) and its number is Word's own (w:footnoteRef), the body
    paragraph is untouched."""
    def doc(note):
        return Document("x.txt", Format.TXT, (Block(0, BlockKind.PARAGRAPH, "Recalling its resolution 70/1¹ on the matter,",
                                                    footnote_marks=("1",)),), footnotes=(Footnote("1", note),))

    comparison = compare_documents(doc("Resolution 70/1 of the General Assembly."), doc("Resolution 70/1 of the Assembly."))
    data = render_redline(comparison, date=DATE)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        notes = etree.fromstring(zf.read("word/footnotes.xml"), safe_parser())
    note = next(n for n in notes.iter(W + "footnote") if n.get(W + "id") == "1")
    assert note.find(f".//{W}footnoteRef") is not None
    assert paragraph_texts(resolve(note, "accept")) == ["Resolution 70/1 of the Assembly."]
    assert paragraph_texts(resolve(note, "reject")) == ["Resolution 70/1 of the General Assembly."]
    body = document_xml(data)
    assert body.find(f".//{W}ins") is None and body.find(f".//{W}del") is None
