"""The redline of the real draft E/CN.15/2018/L.2 against its Rev.1 (French and English Word
fixtures, and their PDFs): the engine's comparison rendered as native tracked changes."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from datetime import UTC, datetime

import docx
import pytest
from conftest import FIXTURES, ROOT
from lxml import etree
from test_redline_tracking import W, document_xml, norm, paragraph_texts, resolve

from compare.commitments import commitment_changes
from compare.redline.wordml import safe_parser
from compare.redline.writer import render_redline
from compare.versions.engine import compare_documents
from parsers.api import ParseOptions, parse_file

DATE = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
REVISIONS = ("ins", "del", "moveFrom", "moveTo", "moveFromRangeStart", "moveToRangeStart")


def _redline(old: str, new: str, author: str = "Accord") -> tuple[bytes, object]:
    comparison = compare_documents(parse_file(str(FIXTURES / old)), parse_file(str(FIXTURES / new)))
    return render_redline(comparison, author=author, date=DATE), comparison


@pytest.fixture(scope="module")
def fr():
    return _redline("l2-fr.docx", "l2-fr-rev1.docx")


@pytest.fixture(scope="module")
def en():
    return _redline("l2-en.docx", "l2-en-rev1.docx", author="Secrétariat")


def _parse_bytes(data: bytes, tmp_path, original: bool = False):
    path = tmp_path / ("redline-original.docx" if original else "redline.docx")
    path.write_bytes(data)
    return parse_file(str(path), ParseOptions(original=original))


def _texts(doc) -> list[str]:
    return [norm(b.text) for b in doc.body()]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_accept_all_gives_new_paragraphs_and_reject_all_old(lang, request):
    """Accepting every change gives the new Word file's paragraphs, rejecting every change the old one's."""
    data, _ = request.getfixturevalue(lang)
    root = document_xml(data)
    new = document_xml((FIXTURES / f"l2-{lang}-rev1.docx").read_bytes())
    old = document_xml((FIXTURES / f"l2-{lang}.docx").read_bytes())
    assert paragraph_texts(resolve(root, "accept")) == paragraph_texts(new)
    assert paragraph_texts(resolve(root, "reject")) == paragraph_texts(old)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_word_reader_reads_new_version_accepted_and_old_version_rejected(lang, request, tmp_path):
    """The Word reader gives the new blocks (texts, italics, numbers) with changes accepted and the old ones rejected."""
    data, comparison = request.getfixturevalue(lang)
    accepted = _parse_bytes(data, tmp_path)
    rejected = _parse_bytes(data, tmp_path, original=True)
    for got, want in ((accepted, comparison.new), (rejected, comparison.old)):
        assert _texts(got) == _texts(want)
        assert [b.spans for b in got.body()] == [b.spans for b in want.body()]
        assert [(b.kind, b.number) for b in got.body()] == [(b.kind, b.number) for b in want.body()]
        assert got.footnotes == want.footnotes
    assert accepted.symbol == comparison.new.symbol


def _revisions(root):
    return [el for el in root.iter() if isinstance(el.tag, str) and el.tag in {W + t for t in REVISIONS}]


def test_every_revision_has_author_date_and_a_unique_id(en):
    """Each revision carries the chosen author, one UTC date, and an id used nowhere else in the package."""
    data, _ = en
    revisions = _revisions(document_xml(data))
    assert len(revisions) >= 14
    assert {r.get(W + "author") for r in revisions} == {"Secrétariat"}
    assert {r.get(W + "date") for r in revisions} == {"2026-03-04T05:06:07Z"}
    ids = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            # footnote ids are their own numbering; a comment's id is shared with its anchors
            if name.startswith("word/") and name.endswith(".xml") and name not in ("word/footnotes.xml",
                                                                                   "word/comments.xml"):
                root = etree.fromstring(zf.read(name), safe_parser())
                ids += [el.get(W + "id") for el in root.iter() if isinstance(el.tag, str) and el.get(W + "id")
                        and not el.tag.endswith("RangeEnd") and el.tag not in (W + "commentReference",
                                                                             W + "footnoteReference")]
    assert len(ids) == len(set(ids))


def _paragraph_with(root, tag: str, text: str):
    for el in root.iter(W + tag):
        got = "".join(t.text or "" for t in el.iter(W + "t", W + "delText"))
        if got == text:
            return el
    raise AssertionError(f"no w:{tag} holding {text!r}")


def _italic(wrapper) -> bool:
    runs = list(wrapper.iter(W + "r"))
    return bool(runs) and all(r.find(f"{W}rPr/{W}i") is not None for r in runs)


def test_replaced_operative_verbs_keep_their_italics(fr):
    """An operative verb replaced is an italic deletion followed by an italic insertion."""
    root = document_xml(fr[0])
    assert _italic(_paragraph_with(root, "del", "Encourage"))
    assert _italic(_paragraph_with(root, "ins", "Prie instamment"))
    assert _italic(_paragraph_with(root, "del", "Prie"))
    assert _italic(_paragraph_with(root, "ins", "Invite"))
    assert not _italic(_paragraph_with(root, "ins", "2030"))


def _body_paragraph_of(el):
    while el.tag != W + "p":
        el = el.getparent()
    return el


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(W + "t", W + "delText"))


def test_move_is_tracked_as_a_move_at_both_places(fr):
    """The moved operative paragraph is a named moveFrom range at its old place and a moveTo range at its new one."""
    root = document_xml(fr[0])
    (start_from,) = root.iter(W + "moveFromRangeStart")
    (start_to,) = root.iter(W + "moveToRangeStart")
    assert start_from.get(W + "name") == start_to.get(W + "name") == "move1"
    source, target = _body_paragraph_of(start_from), _body_paragraph_of(start_to)
    assert _text(source) == _text(target)
    assert _text(source).startswith("Souligne l’importance")
    assert source.find(f"{W}pPr/{W}rPr/{W}moveFrom") is not None
    assert target.find(f"{W}pPr/{W}rPr/{W}moveTo") is not None
    # old order: 3 "Demande également", 4 "Souligne" (moved), 5 "Encourage"
    assert _text(source.getprevious()).startswith("Demande également aux États Membres")
    # new order: 1 "Prie instamment", 2 "Souligne", 3 "Demande aux États Membres :"
    assert _text(target.getnext()).startswith("Demande aux États Membres")
    for tag in ("moveFromRangeEnd", "moveToRangeEnd"):
        assert sum(1 for _ in root.iter(W + tag)) == 1


def test_removed_paragraphs_come_back_deleted_where_they_stood(fr):
    """A removed operative paragraph is a deleted paragraph between its old neighbours, still on the list numbering."""
    root = document_xml(fr[0])
    removed = _body_paragraph_of(_paragraph_with(root, "del", next(
        c["old_text"] for c in _manifest()["fr"]["changes"] if c["kind"] == "removed" and c["block"] == "operative")))
    assert removed.find(f"{W}pPr/{W}rPr/{W}del") is not None
    assert removed.find(f"{W}pPr/{W}numPr/{W}numId") is not None
    assert removed.find(f".//{W}t") is None
    assert _text(removed.getprevious()).startswith("Encourage les organisations de la société civile")
    assert _text(removed.getnext()).startswith("Prie l’Office")


def test_added_paragraph_is_inserted_with_its_mark(fr):
    """The added operative paragraph's runs are in w:ins and its paragraph mark is inserted."""
    root = document_xml(fr[0])
    text = next(c["new_text"] for c in _manifest()["fr"]["changes"] if c["kind"] == "added")
    p = next(p for p in root.iter(W + "p") if norm(_text(p)) == text)
    assert p.find(f"{W}pPr/{W}rPr/{W}ins") is not None
    assert all(r.getparent().tag == W + "ins" for r in p.iter(W + "r") if r.find(W + "t") is not None)


def test_renumbered_and_unchanged_paragraphs_are_left_alone(fr):
    """Paragraphs that only changed number are byte-for-byte the new file's paragraphs (Word renumbers)."""
    root = document_xml(fr[0])
    new = document_xml((FIXTURES / "l2-fr-rev1.docx").read_bytes())
    renumbered = [c["new_text"] for c in _manifest()["fr"]["changes"] if c["kind"] == "renumbered"]
    for text in renumbered:
        got = [etree.tostring(p) for p in root.iter(W + "p") if norm(_text(p)) == text]
        want = [etree.tostring(p) for p in new.iter(W + "p") if norm(paragraph_text_of(p)) == text]
        assert got and got == want


def paragraph_text_of(p) -> str:
    return "".join(t.text or "" for t in p.iter(W + "t"))


def test_commitment_changes_are_commented_with_reasons(fr, tmp_path):
    """Every entry of the commitments list (strengthened, weakened, added, removed) carries a Word
    comment citing its label, with the reasons, in a declared comments part."""
    data, comparison = fr
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        types = zf.read("[Content_Types].xml").decode()
        rels = zf.read("word/_rels/document.xml.rels").decode()
        comments = etree.fromstring(zf.read("word/comments.xml"), safe_parser())
    assert 'PartName="/word/comments.xml"' in types and "comments+xml" in types
    assert "relationships/comments" in rels and 'Target="comments.xml"' in rels
    texts = ["".join(t.text for t in c.iter(W + "t")) for c in comments.iter(W + "comment")]
    listed = commitment_changes(comparison)
    assert len(texts) == len(listed) >= 5
    assert any(t.startswith("OP5: ▲ strengthened: ") and "Encourage" in t for t in texts)
    assert any("▼ weakened: " in t for t in texts)
    assert any(t.startswith("OP10: + commitment added: ") for t in texts)
    assert any(t.startswith("OP7: − commitment removed: ") for t in texts)
    root = document_xml(data)
    ranges = {el.get(W + "id") for el in root.iter(W + "commentRangeStart")}
    refs = {el.get(W + "id") for el in root.iter(W + "commentReference")}
    assert ranges == refs == {c.get(W + "id") for c in comments.iter(W + "comment")}
    path = tmp_path / "r.docx"
    path.write_bytes(data)
    assert len(docx.Document(str(path)).paragraphs) > 40


def test_package_is_well_formed_and_keeps_the_new_files_parts(en):
    """Every XML part parses; styles, numbering, footnotes, header and footer are the new file's own,
    and so are the settings but for w:trackRevisions, which the redline switches on."""
    data, _ = en
    original = zipfile.ZipFile(FIXTURES / "l2-en-rev1.docx")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        for name in zf.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(zf.read(name), safe_parser())
        for name in ("word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "word/footer1.xml",
                     "word/theme/theme1.xml", "word/settings.xml"):
            ours = etree.fromstring(zf.read(name), safe_parser())
            if name == "word/settings.xml":
                flags = ours.findall(W + "trackRevisions")
                assert len(flags) == 1
                ours.remove(flags[0])
            assert etree.tostring(ours, method="c14n") == \
                etree.tostring(etree.fromstring(original.read(name), safe_parser()), method="c14n"), name
        assert zf.namelist()[0] == "[Content_Types].xml"
        header = etree.fromstring(zf.read("word/header1.xml"), safe_parser())
    # the running header's symbol is tracked too, replaced whole (one token, as in the word diff)
    assert [norm("".join(t.text for t in i.iter(W + "t"))) for i in header.iter(W + "ins")] == ["E/CN.15/2018/L.2/Rev.1"]
    assert [norm("".join(i.itertext())) for i in header.iter(W + "del")] == ["E/CN.15/2018/L.2"]
    original_header = etree.fromstring(original.read("word/header1.xml"), safe_parser())
    assert paragraph_texts(resolve(header, "accept")) == paragraph_texts(original_header)
    assert paragraph_texts(resolve(header, "reject")) == [t.replace("/Rev.1", "") for t in paragraph_texts(original_header)]


@pytest.mark.parametrize(("old", "new"), [("l2-en.pdf", "l2-en-rev1.docx"), ("l2-fr.docx", "l2-fr-rev1.pdf"),
                                          ("l2-fr.pdf", "l2-fr-rev1.pdf")])
def test_pdf_versions_accept_to_new_and_reject_to_old(old, new, tmp_path):
    """With a PDF on either side (a generated Word file when the new one is a PDF) accept gives new, reject old."""
    data, comparison = _redline(old, new)
    accepted = _parse_bytes(data, tmp_path)
    rejected = _parse_bytes(data, tmp_path, original=True)
    assert _texts(accepted) == _texts(comparison.new)
    assert _texts(rejected) == _texts(comparison.old)
    assert [b.italic_prefix() for b in accepted.body()] == [b.italic_prefix() for b in comparison.new.body()]
    assert [b.number for b in accepted.body()] == [b.number for b in comparison.new.body()]


def test_generated_word_file_has_real_numbering_and_footnotes(tmp_path):
    """From a PDF the new version becomes a Word file with automatic operative numbering, real footnotes and its symbol in the header."""
    data, comparison = _redline("l2-fr.pdf", "l2-fr-rev1.pdf")
    root = resolve(document_xml(data), "accept")
    numbered = [p for p in root.iter(W + "p") if p.find(f"{W}pPr/{W}numPr") is not None]
    assert len(numbered) == sum(1 for b in comparison.new.body() if b.number)
    assert sum(1 for _ in root.iter(W + "footnoteReference")) == len(comparison.new.footnotes)
    package = zipfile.ZipFile(io.BytesIO(data))
    fonts = etree.fromstring(package.read("word/styles.xml"), safe_parser())
    assert fonts.find(f".//{W}rPrDefault/{W}rPr/{W}rFonts").get(W + "ascii") == "Times New Roman"
    header = etree.fromstring(package.read("word/header1.xml"), safe_parser())
    assert paragraph_texts(resolve(header, "accept")) == [comparison.new.symbol]
    assert paragraph_texts(resolve(header, "reject")) == [comparison.old.symbol]
    path = tmp_path / "generated.docx"
    path.write_bytes(data)
    assert parse_file(str(path)).symbol == comparison.new.symbol


def test_cli_writes_the_redline_and_reports_differences(tmp_path):
    """`accord compare OLD NEW --format docx -o OUT` exits 1 and writes a Word file that opens."""
    out = tmp_path / "redline.docx"
    cmd = [sys.executable, "-m", "desktop", "compare", str(FIXTURES / "l2-en.docx"),
           str(FIXTURES / "l2-en-rev1.docx"), "--format", "docx", "-o", str(out), "--author", "Desk officer"]
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=240)
    assert result.returncode == 1, result.stderr
    authors = {r.get(W + "author") for r in _revisions(document_xml(out.read_bytes()))}
    assert authors == {"Desk officer"}
    assert docx.Document(str(out)).paragraphs


def test_cli_refuses_to_write_the_redline_over_an_input(tmp_path):
    """The redline is never written over an input file: exit 2, the input untouched."""
    new = tmp_path / "new.docx"
    new.write_bytes((FIXTURES / "l2-en-rev1.docx").read_bytes())
    cmd = [sys.executable, "-m", "desktop", "compare", str(FIXTURES / "l2-en.docx"), str(new),
           "--format", "docx", "-o", str(new)]
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=240)
    assert result.returncode == 2
    assert new.read_bytes() == (FIXTURES / "l2-en-rev1.docx").read_bytes()


def _manifest():
    import json

    return json.loads((FIXTURES / "l2-rev1-changes.json").read_text(encoding="utf-8"))["pairs"]
