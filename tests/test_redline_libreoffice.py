"""LibreOffice reads the redline as tracked changes: converted headless to flat ODF, its
text:changed-region elements are insertions and deletions by our author, accepting them gives the
new version's text and rejecting them the old one's, and replaced operative verbs stay italic."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest
from conftest import FIXTURES
from lxml import etree

from compare.redline.wordml import safe_parser
from compare.redline.writer import render_redline
from compare.versions.engine import compare_documents
from parsers.api import parse_file

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("CI"),
                       reason="LibreOffice (soffice) is not installed"),
]

# LibreOffice starts in a few seconds; converting a handful of small files stays well under this.
SOFFICE_TIMEOUT = 240
NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}
TEXT = f"{{{NS['text']}}}"
# Content that is not body text: comments, footnotes, the change log itself.
_SKIP = {"annotation", "note", "tracked-changes", "sequence-decls", "table-of-content"}
WORD = FIXTURES.parents[2] / "shared" / "corpus" / "real" / "word"
_MARKS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+|(?<=\w)\*+")


def convert(sources: list, outdir, profile) -> list:
    """Convert Word files to flat ODF with a private LibreOffice profile; the .fodt paths."""
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
           "--convert-to", "fodt", "--outdir", str(outdir), *map(str, sources)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=SOFFICE_TIMEOUT)
    out = [outdir / (src.stem + ".fodt") for src in sources]
    assert all(p.exists() for p in out), cmd
    return out


@dataclass
class Odf:
    """A flat ODF text read as events: characters (with italics), paragraph ends, change ranges."""

    events: list = field(default_factory=list)
    kinds: dict = field(default_factory=dict)  # change id -> insertion / deletion / format-change
    authors: set = field(default_factory=set)
    comments: list = field(default_factory=list)  # texts of office:annotation (Word comments)

    @classmethod
    def read(cls, path) -> Odf:
        root = etree.parse(str(path), safe_parser()).getroot()
        odf = cls()
        for region in root.iterfind(".//text:tracked-changes/text:changed-region", NS):
            kind = region[0]
            odf.kinds[region.get(f"{TEXT}id")] = etree.QName(kind).localname
            odf.authors.add(kind.findtext("office:change-info/dc:creator", namespaces=NS))
        odf.comments = [" ".join("".join(p.itertext()) for p in a.iterfind("text:p", NS))
                        for a in root.iterfind(".//office:annotation", NS)]
        italic = {}
        for st in root.iterfind(".//style:style", NS):
            props = st.find("style:text-properties", NS)
            if props is not None and props.get(f"{{{NS['fo']}}}font-style"):
                italic[st.get(f"{{{NS['style']}}}name")] = props.get(f"{{{NS['fo']}}}font-style") == "italic"
        odf._walk(root.find("office:body/office:text", NS), False, italic)
        return odf

    def _walk(self, el, is_italic: bool, italic: dict) -> None:
        name = etree.QName(el).localname
        if name in _SKIP:
            return
        if name == "change-start":
            self.events.append(("start", el.get(f"{TEXT}change-id")))
        elif name == "change-end":
            self.events.append(("end", el.get(f"{TEXT}change-id")))
        elif name == "change":
            raise AssertionError("a deletion stored outside the text (old ODF form): not handled here")
        elif name == "s":
            self._chars(" " * int(el.get(f"{TEXT}c", "1")), is_italic)
        elif name in ("tab", "line-break"):
            self._chars(" ", is_italic)
        else:
            if name == "span":
                is_italic = italic.get(el.get(f"{TEXT}style-name"), is_italic)
            self._chars(el.text or "", is_italic)
            for child in el:
                if isinstance(child.tag, str):
                    self._walk(child, is_italic, italic)
                self._chars(child.tail or "", is_italic)
            if name in ("p", "h"):
                self.events.append(("para",))

    def _chars(self, text: str, is_italic: bool) -> None:
        self.events.extend(("char", ch, is_italic) for ch in text)

    def paragraphs(self, drop: str, keep_empty: bool = False) -> list[str]:
        """Non-empty paragraph texts with every change of kind `drop` removed (accept-all drops
        deletions, reject-all drops insertions); a dropped paragraph end merges paragraphs.
        `keep_empty` keeps the empty paragraphs too."""
        out, buf, active = [], [], set()
        for event in self.events:
            if event[0] == "start":
                active.add(event[1])
            elif event[0] == "end":
                active.discard(event[1])
            elif any(self.kinds.get(i) == drop for i in active):
                continue
            elif event[0] == "char":
                buf.append(event[1])
            else:
                text = " ".join("".join(buf).split())
                if text or keep_empty:
                    out.append(text)
                buf = []
        return out

    def changed(self, kind: str) -> list[tuple[str, bool]]:
        """(text, all italic) of each change range of `kind`, in order."""
        texts: dict[str, list] = {}
        active: list[str] = []
        for event in self.events:
            if event[0] == "start":
                active.append(event[1])
                texts.setdefault(event[1], [])
            elif event[0] == "end":
                if event[1] in active:
                    active.remove(event[1])
            elif event[0] == "char":
                for i in active:
                    if self.kinds.get(i) == kind:
                        texts[i].append(event[1:])
        return [("".join(c for c, _ in chars).strip(), all(it for c, it in chars if c.strip()))
                for i, chars in texts.items() if self.kinds.get(i) == kind and chars]


def _unmarked(text: str) -> str:
    return " ".join(_MARKS.sub("", text).split())


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """The French Word pair's redline and both versions, and the redlines with a PDF on either side, as ODF."""
    folder = tmp_path_factory.mktemp("lo")
    date = datetime(2026, 5, 6, tzinfo=UTC)
    sources, comparisons = [], {}
    for name, old, new in (("fr-redline", "l2-fr.docx", "l2-fr-rev1.docx"),
                           ("en-pdf-old", "l2-en.pdf", "l2-en-rev1.docx"),
                           ("fr-pdf-new", "l2-fr.docx", "l2-fr-rev1.pdf")):
        comparison = compare_documents(parse_file(str(FIXTURES / old)), parse_file(str(FIXTURES / new)))
        path = folder / f"{name}.docx"
        path.write_bytes(render_redline(comparison, date=date))
        sources.append(path)
        comparisons[name] = comparison
    sources.append(folder / "edited-move.docx")
    sources[-1].write_bytes(_edited_move(folder))
    for name, (old, new) in _extra_pairs(folder).items():
        comparison = compare_documents(parse_file(str(old)), parse_file(str(new)))
        path = folder / f"{name}.docx"
        path.write_bytes(render_redline(comparison, date=date))
        sources.append(path)
        comparisons[name] = comparison
    for fixture in ("l2-fr.docx", "l2-fr-rev1.docx", "l2-en-rev1.docx"):
        shutil.copy(FIXTURES / fixture, folder / fixture)
        sources.append(folder / fixture)
    paths = convert(sources, folder, folder / "profile")
    return {p.stem: Odf.read(p) for p in paths}, comparisons


def _extra_pairs(folder) -> dict:
    """A numbered list with a paragraph added at the very end; the real footnote-only Word pair."""
    import docx

    def numbered(path, texts):
        document = docx.Document()
        document.add_paragraph("The General Assembly,")
        for text in texts:
            document.add_paragraph(text, style="List Number")
        document.save(str(path))
        return path

    kept = ["Urges States to act;", "Requests the Secretary-General to report;"]
    pairs = {"added-at-end": (numbered(folder / "end-old.docx", kept),
                              numbered(folder / "end-new.docx", [*kept, "Decides to remain seized of the matter."]))}
    if WORD.is_dir():
        pairs["footnote-edit"] = (WORD / "oxpt-WC034-Footnotes-Before.docx", WORD / "oxpt-WC034-Footnotes-After1.docx")
    return pairs


def _edited_move(folder) -> bytes:
    from test_redline_cases import DATE, _pair, _same, _text_document, _word

    from compare.model import ChangeKind, Comparison
    from parsers.model import Span

    new = _word(folder / "move-new.docx", [[("First stays.", False)], [("Invites", True), (" all States.", False)],
                                           [("Last stays.", False)]])
    old = _text_document(["Urges all Member States.", "First stays.", "Last stays."], {0: (Span(0, 5, italic=True),)})
    a, b, c = new.blocks
    changes = (_same(old.blocks[1], a), _pair(old.blocks[0], b, kind=ChangeKind.MOVED),
               _same(old.blocks[2], c))
    return render_redline(Comparison(old, new, changes), date=DATE)


def test_libreoffice_sees_insertions_and_deletions_by_our_author(converted):
    """LibreOffice lists tracked insertions and deletions by the export's author, and the commitment comments."""
    odf = converted[0]["fr-redline"]
    kinds = set(odf.kinds.values())
    assert {"insertion", "deletion"} <= kinds
    assert odf.authors == {"Accord"}
    assert len(odf.kinds) >= 12
    assert any(c.startswith("OP5: ▲ strengthened: ") for c in odf.comments)
    assert sum("▼ weakened: " in c for c in odf.comments) == 2
    assert any(c.startswith("OP10: + commitment added: ") for c in odf.comments)


def test_libreoffice_shows_replaced_verbs_and_figures_in_italics_where_they_were(converted):
    """The replaced operative verbs are italic deletions and insertions; the changed deadline is a plain figure."""
    odf = converted[0]["fr-redline"]
    deleted, inserted = odf.changed("deletion"), odf.changed("insertion")
    assert ("Encourage", True) in deleted
    assert ("Prie instamment", True) in inserted
    assert ("Prie", True) in deleted and ("Invite", True) in inserted
    assert ("2025", False) in deleted and ("2030", False) in inserted
    assert ("selon qu’il conviendra,", False) in inserted


def test_libreoffice_accept_all_gives_new_and_reject_all_gives_old(converted):
    """With LibreOffice's reading, accepting everything is the new file's text and rejecting it the old one's."""
    odfs = converted[0]
    odf = odfs["fr-redline"]
    assert odf.paragraphs(drop="deletion") == odfs["l2-fr-rev1"].paragraphs(drop="deletion")
    assert odf.paragraphs(drop="insertion") == odfs["l2-fr"].paragraphs(drop="insertion")


def test_libreoffice_reads_redlines_with_a_pdf_side(converted):
    """Old PDF against new Word, and old Word against new PDF: accept gives the new text, reject the old."""
    odfs, comparisons = converted
    odf = odfs["en-pdf-old"]
    assert odf.paragraphs(drop="deletion") == odfs["l2-en-rev1"].paragraphs(drop="deletion")
    old = comparisons["en-pdf-old"].old
    # the Word file prints the symbol as a paragraph; the PDF reader takes it as running furniture
    rejected = [t for t in odf.paragraphs(drop="insertion") if t != old.symbol]
    assert _unmarked(" ".join(rejected)) == _unmarked(" ".join(b.text for b in old.body()))
    generated = odfs["fr-pdf-new"]
    comparison = comparisons["fr-pdf-new"]
    assert [_unmarked(t) for t in generated.paragraphs(drop="deletion")] == \
        [_unmarked(b.text) for b in comparison.new.body()]
    assert _unmarked(" ".join(generated.paragraphs(drop="insertion"))) == \
        _unmarked(" ".join(b.text for b in comparison.old.body()))
    assert ("Encourage", True) in generated.changed("deletion")


def test_libreoffice_resolves_an_edited_move(converted):
    """A moved and edited paragraph accepts to its new text at its new place and rejects to its old text at its old place."""
    odf = converted[0]["edited-move"]
    assert odf.paragraphs(drop="deletion") == ["First stays.", "Invites all States.", "Last stays."]
    assert odf.paragraphs(drop="insertion") == ["Urges all Member States.", "First stays.", "Last stays."]
    assert ("Urges", True) in odf.changed("deletion") and ("Invites", True) in odf.changed("insertion")


def test_reject_all_leaves_no_empty_paragraph_after_one_added_at_the_end(converted):
    """A numbered paragraph added at the very end: rejecting every change gives exactly the old
    paragraphs, with no empty (numbered) paragraph left after them; accepting gives the new ones."""
    odf = converted[0]["added-at-end"]
    kept = ["The General Assembly,", "Urges States to act;", "Requests the Secretary-General to report;"]
    assert odf.paragraphs(drop="insertion", keep_empty=True) == kept
    assert odf.paragraphs(drop="deletion", keep_empty=True) == [*kept, "Decides to remain seized of the matter."]


def _notes(path) -> list[tuple[str, str]]:
    """(citation, body text) of each footnote of a flat ODF file."""
    root = etree.parse(str(path), safe_parser()).getroot()
    return [(note.findtext("text:note-citation", namespaces=NS) or "",
             " ".join("".join(note.find("text:note-body", NS).itertext()).split()))
            for note in root.iter(f"{TEXT}note")]


def test_footnotes_of_a_generated_redline_show_their_mark_once(converted, tmp_path):
    """NEW is a PDF: the generated Word file's numbered footnotes are Word's own, so LibreOffice
    shows each number once (the note's text does not start with its number again)."""
    folder = tmp_path
    comparison = converted[1]["fr-pdf-new"]
    path = folder / "notes.docx"
    path.write_bytes(render_redline(comparison))
    notes = _notes(convert([path], folder, folder / "profile")[0])
    numbered = [(c, t) for c, t in notes if c.isdigit()]
    assert len(numbered) >= 3
    for citation, text in numbered:
        assert not _MARKS.match(text) and not text.startswith(citation), (citation, text)


@pytest.mark.skipif(not WORD.is_dir(), reason="shared corpus not present")
def test_an_edited_footnote_is_tracked_inside_the_footnote(converted, tmp_path):
    """The real pair whose only change is a footnote's text: the redline's footnote holds the
    insertion, and the body is untouched (accept and reject give the same body)."""
    odf = converted[0]["footnote-edit"]
    assert odf.paragraphs(drop="deletion") == odf.paragraphs(drop="insertion")
    folder = tmp_path
    path = folder / "fn.docx"
    path.write_bytes(render_redline(converted[1]["footnote-edit"]))
    root = etree.parse(str(convert([path], folder, folder / "profile")[0]), safe_parser()).getroot()
    starts = [el for note in root.iter(f"{TEXT}note") for el in note.iter(f"{TEXT}change-start")]
    assert starts, "no tracked change inside the footnote"
