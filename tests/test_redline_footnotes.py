"""Footnotes removed, added or renumbered in a Word-to-Word redline (issue 13): accepting every
change gives exactly the new document's text and footnotes, rejecting every change the old one's,
footnote references and note texts included; read back by the Word reader (both views) and by
LibreOffice (headless round trip to flat ODF)."""

from __future__ import annotations

import io
import os
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES
from lxml import etree

from compare.redline.notes import PLACEHOLDER
from compare.redline.wordml import safe_parser
from compare.redline.writer import render_redline
from compare.versions.engine import compare_documents
from parsers.api import ParseOptions, parse_file
from parsers.docx.reader import ACCEPTED_WARNING

sys.path.insert(0, str(FIXTURES))
from un_docx import NSDECL, Builder  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WORD = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "word"
REAL = {"wc034": ("oxpt-WC034-Footnotes-Before.docx", "oxpt-WC034-Footnotes-After1.docx"),
        "wc063": ("oxpt-WC063-Footnote.docx", "oxpt-WC063-Footnote-Mod.docx")}
NOTES = {"1": "A/RES/70/1.", "2": "A/71/49.", "3": "See A/72/1, para. 4."}


def _word(path: Path, paragraphs: list[str], notes: dict[str, str]) -> Path:
    """A Word file of paragraphs (un_docx markup: [^1] a numbered note, [^*] a custom mark);
    one starting with "|" is a one-cell table."""
    b = Builder()
    b.footnote_texts(notes)
    for text in paragraphs:
        if text.startswith("|"):
            b.append(f"<w:tbl {NSDECL}><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:p>"
                     f"{b.runs(text[1:])}</w:p></w:tc></w:tr></w:tbl>")
        else:
            b.paragraph(text)
    b.save(str(path))
    return path


def _small_pairs(folder: Path) -> dict[str, tuple[Path, Path]]:
    """Small Word pairs, each showing one footnote change."""
    many = {str(k): f"Note number {k}." for k in range(1, 13)}
    cited = [f"Paragraph {k} cites a report[^{k}]." for k in range(1, 13)]
    cases = {
        # the first note removed: the later ones are renumbered (2 -> 1, 3 -> 2)
        "removed": (["The General Assembly,", "Recalls resolution 70/1[^1] and decision 71/2[^2];",
                     "Urges States to act[^3];"], NOTES,
                    ["The General Assembly,", "Recalls resolution 70/1 and decision 71/2[^2];",
                     "Urges States to act[^3];"], {"2": NOTES["2"], "3": NOTES["3"]}),
        # a note added before the others: they are renumbered up
        "added": (["The General Assembly,", "Recalls resolution 70/1 and decision 71/2[^2];",
                   "Urges States to act[^3];"], {"2": NOTES["2"], "3": NOTES["3"]},
                  ["The General Assembly,", "Recalls resolution 70/1[^1] and decision 71/2[^2];",
                   "Urges States to act[^3];"], NOTES),
        # a whole paragraph with its note removed, the next note renumbered
        "paragraph": (["The General Assembly,", "Recalls resolution 70/1[^1];", "Urges States to act[^2];"],
                      {"1": NOTES["1"], "2": NOTES["2"]},
                      ["The General Assembly,", "Urges States to act[^2];"], {"2": NOTES["2"]}),
        # twelve notes, the first removed: two-digit marks renumbered (10 -> 9, 11 -> 10, 12 -> 11)
        "two-digit": (cited, many, ["Paragraph 1 cites a report.", *cited[1:]], {k: v for k, v in many.items()
                                                                                if k != "1"}),
        # a title's custom-mark note (*) added, and removed
        "custom-added": (["Report of the Committee", "Urges States to act[^1];"], {"1": NOTES["1"]},
                         ["Report of the Committee[^*]", "Urges States to act[^1];"],
                         {"*": "Reissued for technical reasons.", "1": NOTES["1"]}),
        "custom-removed": (["Report of the Committee[^*]", "Urges States to act[^1];"],
                           {"*": "Reissued for technical reasons.", "1": NOTES["1"]},
                           ["Report of the Committee", "Urges States to act[^1];"], {"1": NOTES["1"]}),
        # a removed table citing a note, before a note renumbered
        "table": (["The General Assembly,", "|Cell with a note[^1].", "Urges States to act[^2];"],
                  {"1": NOTES["1"], "2": NOTES["2"]}, ["The General Assembly,", "Urges States to act[^2];"],
                  {"2": NOTES["2"]}),
        # a paragraph with its note moved after two others (its note renumbered 1 -> 3)
        "moved": (["Recalls resolution 70/1[^1];", "Urges States to act[^2];", "Invites the Council to meet[^3];",
                   "Requests a report on the matter."], NOTES,
                  ["Urges States to act[^2];", "Invites the Council to meet[^3];", "Recalls resolution 70/1[^1];",
                   "Requests a report on the matter."], NOTES),
        # an unchanged paragraph whose same mark (2) now cites another note: one note removed, its
        # neighbour renumbered into the first paragraph, one added under the old mark
        "same-mark": (["The General Assembly,", "Recalls resolution 70/1[^1];", "Urges States to act[^2];"],
                      {"1": NOTES["1"], "2": NOTES["2"]},
                      ["The General Assembly,", "Recalls resolution 70/1 and decision 71/2[^2];",
                       "Urges States to act[^3];"], {"2": NOTES["2"], "3": NOTES["3"]}),
        # the only note removed: the new file has no footnotes part at all
        "last-note": (["The General Assembly,", "Recalls resolution 70/1[^1];"], {"1": NOTES["1"]},
                      ["The General Assembly,", "Recalls resolution 70/1;"], {}),
    }
    out = {}
    for name, (old_p, old_n, new_p, new_n) in cases.items():
        out[name] = (_word(folder / f"{name}-old.docx", old_p, old_n), _word(folder / f"{name}-new.docx", new_p, new_n))
    return out


def _pairs(folder: Path) -> dict[str, tuple[Path, Path]]:
    pairs = _small_pairs(folder)
    if WORD.is_dir():
        pairs.update({name: (WORD / old, WORD / new) for name, (old, new) in REAL.items()})
    return pairs


@pytest.fixture(scope="module")
def redlines(tmp_path_factory) -> dict[str, tuple[Path, Path, Path]]:
    """(old, new, redline) Word files of every pair."""
    folder = tmp_path_factory.mktemp("notes")
    out = {}
    for name, (old, new) in _pairs(folder).items():
        comparison = compare_documents(parse_file(str(old)), parse_file(str(new)))
        path = folder / f"{name}-redline.docx"
        path.write_bytes(render_redline(comparison))
        out[name] = (old, new, path)
    return out


def _view(path: Path, original: bool) -> tuple[list[str], list[str]]:
    doc = parse_file(str(path), ParseOptions(original=original))
    return [" ".join(b.text.split()) for b in doc.body()], [f"{f.mark} {f.text}" for f in doc.footnotes]


NAMES = ["removed", "added", "paragraph", "two-digit", "custom-added", "custom-removed", "table", "moved", "same-mark",
         "last-note",
         "wc034", "wc063"]


@pytest.mark.parametrize("name", NAMES)
def test_word_reader_reads_new_on_accept_and_old_on_reject(name, redlines):
    """Read with changes accepted, the redline is the new file (text with its footnote marks, and
    the notes); read with them rejected, the old one: a removed note comes back with its reference."""
    if name not in redlines:
        pytest.skip("shared corpus not present")
    old, new, red = redlines[name]
    assert _view(red, original=False) == _view(new, original=False)
    assert _view(red, original=True) == _view(old, original=False)


def _parts(path: Path) -> tuple[etree._Element, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as zf:
        return (etree.fromstring(zf.read("word/document.xml"), safe_parser()),
                etree.fromstring(zf.read("word/footnotes.xml"), safe_parser()))


def test_renumbered_reference_is_left_unchanged_and_removed_one_is_deleted(redlines):
    """Only the removed footnote's reference is tracked (inside w:del, its restored note's text
    deleted too); the renumbered ones are plain references; no placeholder is left behind."""
    document, notes = _parts(redlines["removed"][2])
    refs = list(document.iter(W + "footnoteReference"))
    deleted = [r for r in refs if next(r.iterancestors(W + "del"), None) is not None]
    assert len(refs) == 3 and len(deleted) == 1
    assert not any(next(r.iterancestors(W + "ins"), None) is not None for r in refs)
    note = next(n for n in notes.iter(W + "footnote") if n.get(W + "id") == deleted[0].get(W + "id"))
    assert "".join(t.text or "" for t in note.iter(W + "delText")) == NOTES["1"]
    text = "".join(t.text or "" for t in document.iter(W + "t", W + "delText"))
    assert not any(ord(ch) >= PLACEHOLDER for ch in text)


def test_added_reference_is_inserted_with_its_note_text(redlines):
    """An added footnote: its reference is inside w:ins and its note's text is an insertion."""
    document, notes = _parts(redlines["added"][2])
    inserted = [r for r in document.iter(W + "footnoteReference") if next(r.iterancestors(W + "ins"), None) is not None]
    assert len(inserted) == 1
    note = next(n for n in notes.iter(W + "footnote") if n.get(W + "id") == inserted[0].get(W + "id"))
    assert "".join(t.text or "" for i in note.iter(W + "ins") for t in i.iter(W + "t")) == NOTES["1"]


# --- LibreOffice ---------------------------------------------------------------------------------

ODF = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
       "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0"}
TEXT = f"{{{ODF['text']}}}"


def _odf_view(path: Path, drop: str) -> tuple[list[str], list[str]]:
    """Body paragraphs and footnote texts of a flat ODF file with every change of kind `drop`
    (deletion: accept all; insertion: reject all) removed, LibreOffice's way: a note whose
    citation is in dropped text goes with it."""
    root = etree.parse(str(path), safe_parser()).getroot()
    kinds = {r.get(f"{TEXT}id"): etree.QName(r[0]).localname
             for r in root.iterfind(".//text:tracked-changes/text:changed-region", ODF)}

    def walk(container: etree._Element) -> tuple[list[str], list[str]]:
        paragraphs: list[str] = []
        notes: list[str] = []
        active: set[str] = set()
        buf: list[str] = []

        def visit(el: etree._Element) -> None:
            name = etree.QName(el).localname
            dropped = any(kinds.get(i) == drop for i in active)
            if name == "change-start":
                active.add(el.get(f"{TEXT}change-id", ""))
            elif name == "change-end":
                active.discard(el.get(f"{TEXT}change-id", ""))
            elif name == "note":
                if not dropped:
                    texts, _ = walk(el.find("text:note-body", ODF))
                    notes.append(" ".join(texts))
            elif name in ("annotation", "tracked-changes", "sequence-decls"):
                pass
            else:
                if name in ("s", "tab", "line-break") and not dropped:
                    buf.append(" ")
                if not dropped:
                    buf.append(el.text or "")
                for child in el:
                    if isinstance(child.tag, str):
                        visit(child)
                    if not any(kinds.get(i) == drop for i in active):
                        buf.append(child.tail or "")
                if name in ("p", "h"):
                    text = " ".join("".join(buf).split())
                    if text:
                        paragraphs.append(text)
                    buf.clear()

        for child in container:
            if isinstance(child.tag, str):
                visit(child)
        return paragraphs, notes

    return walk(root.find("office:body/office:text", ODF))


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("CI"),
                    reason="LibreOffice (soffice) is not installed")
def test_libreoffice_accepts_to_new_and_rejects_to_old_notes_included(redlines, tmp_path):
    """LibreOffice reads every redline so that accepting all gives the new file's paragraphs and
    footnotes, and rejecting all the old file's (a removed note comes back, an added one goes)."""
    from test_redline_libreoffice import convert

    sources, names = [], []
    for name, (old, new, red) in redlines.items():
        for role, src in (("old", old), ("new", new), ("red", red)):
            copy = tmp_path / f"{name}-{role}.docx"
            shutil.copy(src, copy)
            sources.append(copy)
        names.append(name)
    converted = {p.stem: p for p in convert(sources, tmp_path, tmp_path / "profile")}
    for name in names:
        red = converted[f"{name}-red"]
        assert _odf_view(red, "deletion") == _odf_view(converted[f"{name}-new"], "deletion"), name
        assert _odf_view(red, "insertion") == _odf_view(converted[f"{name}-old"], "insertion"), name


def _without_endnote(source: Path, out: Path) -> Path:
    """A copy of a Word file with the run holding its endnote reference taken out of the body."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                root = etree.fromstring(data, safe_parser())
                for ref in list(root.iter(W + "endnoteReference")):
                    run = ref.getparent()
                    run.getparent().remove(run)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(item, data)
    return out


@pytest.mark.parametrize("removed", [True, False])
def test_a_removed_or_added_endnote_is_tracked_as_word_does(tmp_path, removed):
    """pandoc's notes.docx against a copy without its endnote reference, both ways: accepting
    gives the new file, rejecting the old one, the endnote included (a removed endnote's
    reference comes back deleted, pointing to a copy of its note in word/endnotes.xml; an added
    one's reference and note text are insertions)."""
    source = WORD / "pandoc-notes.docx"
    if not source.is_file():
        pytest.skip("shared corpus not present")
    bare = _without_endnote(source, tmp_path / "bare.docx")
    old, new = (source, bare) if removed else (bare, source)
    red = tmp_path / "redline.docx"
    red.write_bytes(render_redline(compare_documents(parse_file(str(old)), parse_file(str(new)))))
    assert _view(red, original=False) == _view(new, original=False)
    assert _view(red, original=True) == _view(old, original=False)
    with zipfile.ZipFile(red) as zf:
        body = etree.fromstring(zf.read("word/document.xml"), safe_parser())
        endnotes = zf.read("word/endnotes.xml")
    (ref,) = body.iter(W + "endnoteReference")
    assert ref.getparent().getparent().tag == W + ("del" if removed else "ins")
    assert (b"<w:delText" if removed else b"<w:ins ") in endnotes


def test_an_edited_endnote_is_tracked_inside_its_note(tmp_path):
    """pandoc's notes.docx (a real Word file with a footnote and an endnote) against a copy whose
    endnote text is edited: the redline tracks the edit in word/endnotes.xml, so accepting gives
    the new note and rejecting the old one, and the body keeps its raised "ⁱ" in both views."""
    source = WORD / "pandoc-notes.docx"
    if not source.is_file():
        pytest.skip("shared corpus not present")
    edited = tmp_path / "edited.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(edited, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/endnotes.xml":
                data = data.replace(b"This is an endnote at", b"This is an edited endnote at")
            zout.writestr(item, data)
    comparison = compare_documents(parse_file(str(source)), parse_file(str(edited)))
    red = tmp_path / "redline.docx"
    red.write_bytes(render_redline(comparison))
    assert _view(red, original=False) == _view(edited, original=False)
    assert _view(red, original=True) == _view(source, original=False)
    assert _view(red, original=True)[1][-1] == "i This is an endnote at the end of the document."
    with zipfile.ZipFile(red) as zf:
        assert b"<w:ins " in zf.read("word/endnotes.xml")
    # its only tracked changes are in a note: the reader still says it read them accepted
    assert parse_file(str(red)).warnings == (ACCEPTED_WARNING,)
