"""Read a Word (.docx) file into raw paragraphs for the structure pass.

python-docx only opens the package and hands over the parts; the body is walked as lxml
elements. On a 3,026-paragraph resolution (8,000 runs) that takes 0.21 s of CPU for everything
below, against 7.3 s to read run text, bold, italic and style through python-docx's proxies.

- Body order: `w:p` and `w:tbl` children of the body, and those inside block-level content
  controls (`w:sdt`) and custom XML, in document order. `Location(element=i)` is the index of
  the paragraph's (or table's) element in that sequence, counting every `w:p` and `w:tbl`
  (empty paragraphs included, nested table content excluded), so the redline writer can find it
  again by walking the body the same way (`body_elements`). For paragraphs merged by a removed
  paragraph mark, it is the index of the first of them that has text in the version read.
- Text: runs in hyperlinks, smart tags, fields' results and content controls are body text;
  headers, footers, comments and footnote texts never are (headers, footers and comments are
  furniture, footnotes `Footnote`s). A table is one paragraph with
  `is_table=True`: cells joined by tabs, rows by newlines.
- Numbering: `RawParagraph.number` is the label Word displays for the paragraph's own level
  without punctuation ("1", "a", "iv", "3.2"), `list_level` its ilvl; see parsers.docx.numbering.
- Footnotes and endnotes: each reference becomes its mark in the text as Unicode superscript
  digits (as a PDF shows it) and is listed in `footnote_marks`; custom marks ("*") keep their
  symbol. Endnotes are numbered apart (lower-case roman unless the file says otherwise: "i").
  Their texts come back as `Footnote(mark, text)`, the footnotes in the order they are
  referenced, then the endnotes.
- Tracked changes: read as accepted by default (with a warning); `original=True` reads the text
  as it was before them (all rejected). A deleted paragraph mark joins its paragraph to the next.
  Tracked formatting (w:pPrChange, w:rPrChange, numbering inserted in w:numPr) is read the same
  way, so a list number added with tracking is not there with `original=True`; a warning counts
  these and the other property changes (w:numberingChange, whose old value is Word's own coded
  string, section and table properties), which change no word of the text.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections import Counter
from dataclasses import replace
from typing import cast

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import OpcError
from docx.opc.part import PartFactory
from docx.oxml import parse_xml
from docx.package import Package
from docx.parts.document import DocumentPart
from lxml import etree

from parsers.docx.numbering import Numbering
from parsers.docx.styles import Styles
from parsers.docx.text import CHANGE_TAGS, DEL, INS, MOVE_FROM, MOVE_TO, PPR, VANISH, Content, TextWalker
from parsers.docx.text import R as RUN
from parsers.docx.wordml import (
    FootnoteCounter,
    body_elements,
    content_children,
    displayed,
    footnote_numbering,
    int_value,
    on_off,
    qn,
)
from parsers.errors import ErrorCode, ParseError
from parsers.layout import RawParagraph, ReaderResult
from parsers.model import Footnote, Furniture, Location, Span
from parsers.structure import SYMBOL, normalise_symbol

P, TBL, TR, TC, TR_PR = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:trPr")
P_STYLE, VAL, RPR = qn("w:pStyle"), qn("w:val"), qn("w:rPr")
_SKIPPED_NOTE_TYPES = ("separator", "continuationSeparator", "continuationNotice")
# Text this much larger than the body's is "large" (titles), as in parsers.pdf.paragraphs.
LARGE_RATIO = 1.15
ACCEPTED_WARNING = "tracked changes were found and read as accepted; use --original for the text before them"
ORIGINAL_WARNING = "tracked changes were found and read as rejected (the text before them)"
TEXT_BOX = qn("w:txbxContent")
MC_FALLBACK = qn("mc:Fallback")
# An embedded object (w:object) of another program: ProgID "Equation.3" for the old Equation
# Editor, "Equation.DSMT4" and on for MathType.
OLE_OBJECT = "{urn:schemas-microsoft-com:office:office}OLEObject"
# Content Word imports from another file and shows in place without making it its own paragraphs:
# an altChunk (HTML, RTF or another .docx, as document-assembly tools insert text) and a master
# document's subdocument (a link to another file).
ALT_CHUNK, SUB_DOC = qn("w:altChunk"), qn("w:subDoc")
T = qn("w:t")
_RUNNING = {RT.HEADER: "running header", RT.FOOTER: "running footer"}
# Punctuation typed right after an automatic number (Word shows "FIRST" then the typed ":") is
# part of the label, not of the text.
LABEL_TAIL = re.compile(r"[:.)]\s+")
# A label typed before a tab ("2.1⇥", "3.⇥", "(a)⇥", "b)⇥"): numbering made by hand.
TYPED_LABEL = re.compile(r"(?:(\d{1,3}(?:\.\d{1,3})*)\.?|\(([a-z]{1,2}|[ivxlcdm]{1,6}|\d{1,3})\)|([a-zA-Z])[.)])\t")
NUM_PR, PPR_CHANGE = qn("w:numPr"), qn("w:pPrChange")
# The content types of Word's main document part: a document (.docx), a macro-enabled one (.docm),
# a template (.dotx) and a macro-enabled template (.dotm). python-docx makes a DocumentPart of the
# first only; the others are registered here to be read the same way.
MAIN_DOCUMENT_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
MACRO_DOCUMENT_TYPES = MAIN_DOCUMENT_TYPES[1::2]
MACRO_WARNING = "a macro-enabled Word file: its text is read, its macros are not (nor kept in a redline of it)"
for _type in MAIN_DOCUMENT_TYPES:
    PartFactory.part_type_for.setdefault(_type, DocumentPart)
COMMENT = qn("w:comment")
# Revisions of properties only: the text reads the same accepted or rejected.
FORMAT_CHANGE_TAGS = tuple(qn(f"w:{name}") for name in (
    "rPrChange", "pPrChange", "numberingChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange",
    "tblGridChange", "tblPrExChange"))


def read_docx(path: str, *, original: bool = False) -> ReaderResult:
    """Read `path`; raises ParseError (CORRUPT) when the package or its XML cannot be read. A
    package whose relationships name parts it does not hold (an image a tool left out: Word
    opens such a file and shows a broken picture) is read without those relationships, and the
    parts missing are said in a warning."""
    try:
        missing: list[str] = []
        try:
            document = _document(path)
        except KeyError:  # zipfile: "There is no item named 'word/media/image1.gif' in the archive"
            repaired = without_missing_parts(path)
            if repaired is None:
                raise
            package, missing = repaired
            document = _document(package)
        result = _Reader(document, original=original).read()
        said = ([missing_parts_warning(missing)] if missing else []) + \
            ([MACRO_WARNING] if document.part.content_type in MACRO_DOCUMENT_TYPES else [])
        return replace(result, warnings=(*said, *result.warnings)) if said else result
    except FileNotFoundError as exc:
        raise ParseError(path, ErrorCode.NOT_FOUND, "file not found") from exc
    except MemoryError as exc:
        raise ParseError(path, ErrorCode.RESOURCES, "the Word file needs more memory than is available") from exc
    except (OpcError, zipfile.BadZipFile, KeyError, AttributeError, ValueError, TypeError, IndexError,
            etree.LxmlError, EOFError, OSError, RecursionError) as exc:
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise ParseError(path, ErrorCode.CORRUPT, f"not a readable Word file ({detail})") from exc


def _document(source: str | io.BytesIO) -> DocxDocument:
    """python-docx's document of the package at `source`, whichever of Word's main document types
    it has (docx.Document takes a .docx's alone): a macro-enabled document (.docm) or a template
    (.dotx, .dotm) holds the same WordprocessingML. Macros are never run: they are not read."""
    part = Package.open(source).main_document_part
    if part.content_type not in MAIN_DOCUMENT_TYPES:
        raise ValueError(f"its main part is {part.content_type}, not a Word document")
    document: DocxDocument = cast(DocumentPart, part).document
    return document


def without_missing_parts(path: str) -> tuple[io.BytesIO, list[str]] | None:
    """The package at `path` in memory without its relationships to parts it does not hold, and
    those parts' names (sorted); None when every part it names is there. Only the relationship
    parts change; each is read with entities off (parsers.docx.safety checked the package)."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    missing: set[str] = set()
    for name in [n for n in members if n.endswith(".rels")]:
        folder = posixpath.dirname(posixpath.dirname(name))  # "word/_rels/document.xml.rels": "word"
        try:
            root = etree.fromstring(members[name], parser)
        except etree.XMLSyntaxError:
            continue  # python-docx says what is wrong with it
        dropped = False
        for rel in list(root):
            target = rel.get("Target")
            if rel.get("TargetMode") == "External" or not target:
                continue
            part = posixpath.normpath(posixpath.join("/" + folder, target)).lstrip("/")
            if part not in members:
                missing.add(part)
                root.remove(rel)
                dropped = True
        if dropped:
            members[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if not missing:
        return None
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w", zipfile.ZIP_STORED) as out:
        for name, data in members.items():
            out.writestr(name, data)
    package.seek(0)
    return package, sorted(missing)


def missing_parts_warning(missing: list[str]) -> str:
    """The warning for a package read without the parts it names but does not hold."""
    shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
    return f"the file refers to parts it does not hold ({shown}): read without them"


def _related(document: DocxDocument, reltype: str) -> etree._Element | None:
    """The element of the part the main document relates to by `reltype`, or None."""
    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            part = rel.target_part
            element = getattr(part, "element", None)
            return element if element is not None else parse_xml(part.blob)
    return None


class _Reader:
    def __init__(self, document: DocxDocument, *, original: bool) -> None:
        self.document = document
        self.original = original
        self.styles = Styles(_related(document, RT.STYLES))
        self.numbering = Numbering(_related(document, RT.NUMBERING), self.styles)
        self.notes_element = _related(document, RT.FOOTNOTES)
        self.endnotes_element = _related(document, RT.ENDNOTES)
        self.note_order: list[tuple[str, str, bool]] = []  # (footnote id, mark, custom) in reference order
        self.endnote_order: list[tuple[str, str, bool]] = []  # the same for endnotes
        settings = _related(document, RT.SETTINGS)
        self._notes = FootnoteCounter(*footnote_numbering(document.element.body, settings))
        self._endnotes = FootnoteCounter(*footnote_numbering(document.element.body, settings, endnotes=True))
        self.walker = TextWalker(self.styles, original=original, footnote_mark=self._mark,
                                 endnote_mark=self._endnote_mark)
        self._sizes: list[int] = []  # dominant size of each body paragraph read, in order
        self._size_counts: Counter[int] = Counter()  # characters per size over the body

    def _mark_large(self, paragraphs: list[RawParagraph]) -> list[RawParagraph]:
        """Set `large` on paragraphs set bigger than the body text (the most used size)."""
        if not self._size_counts:
            return paragraphs
        body = self._size_counts.most_common(1)[0][0]
        sizes = iter(self._sizes)
        out = []
        for raw in paragraphs:
            if raw.is_table:
                out.append(raw)
                continue
            size = next(sizes)
            out.append(replace(raw, large=True) if size >= LARGE_RATIO * body else raw)
        return out

    def _mark(self, footnote_id: str, custom: str | None) -> str:
        mark = self._notes.next_mark() if custom is None else custom
        self.note_order.append((footnote_id, mark, custom is not None))
        return mark

    def _endnote_mark(self, endnote_id: str, custom: str | None) -> str:
        mark = self._endnotes.next_mark() if custom is None else custom
        self.endnote_order.append((endnote_id, mark, custom is not None))
        return mark

    def read(self) -> ReaderResult:
        body = self.document.element.body
        paragraphs: list[RawParagraph] = []
        group: list[tuple[int, etree._Element, str | None, etree._Element | None]] = []  # joined by removed paragraph marks
        for index, el in enumerate(body_elements(body)):
            if el.tag == TBL:
                paragraphs.extend(self._flush(group))
                group = []
                table = self._table(el, index)
                if table is not None:
                    paragraphs.append(table)
                continue
            style_id, ppr = self._style_of(el)
            group.append((index, el, style_id, ppr))
            if not self._mark_removed(el.find(PPR)):
                paragraphs.extend(self._flush(group))
                group = []
        paragraphs.extend(self._flush(group))
        paragraphs = self._mark_large(paragraphs)
        warnings = []
        notes = [part for part in (self.notes_element, self.endnotes_element) if part is not None]
        if any(_parent_tag(el) != NUM_PR for root in (body, *notes) for el in root.iter(*CHANGE_TAGS)):
            warnings.append(ORIGINAL_WARNING if self.original else ACCEPTED_WARNING)
        formatting = _formatting_changes(body)
        if formatting:
            warnings.append(formatting_warning(formatting, original=self.original))
        warnings.extend(_unread_parts(body))
        furniture = self._furniture()
        return ReaderResult(
            paragraphs=tuple(paragraphs),
            footnotes=self._footnotes(),
            warnings=tuple(warnings),
            symbol=_header_symbol(furniture),
            furniture=furniture,
        )

    def _mark_removed(self, ppr: etree._Element | None) -> bool:
        """The paragraph mark does not exist in the version read: deleted (accepted view) or
        inserted (original view)."""
        rpr = ppr.find(RPR) if ppr is not None else None
        if rpr is None:
            return False
        gone = (INS, MOVE_TO) if self.original else (DEL, MOVE_FROM)
        return any(rpr.find(tag) is not None for tag in gone)

    def _flush(self, group: list[tuple[int, etree._Element, str | None, etree._Element | None]]) -> list[RawParagraph]:
        if not group:
            return []
        content = Content()
        owner = None
        for item in group:
            part = self.walker.paragraph(item[1], item[2])
            if owner is None and part.text.strip():
                owner = item
            content.extend(part)
        owner_index, _p, style_id, ppr = owner if owner is not None else group[-1]
        number, level = self._number(style_id, ppr)
        text = content.text
        if not text.strip():
            if number is None or self.numbering.shown is None:
                return []
            # an empty numbered paragraph: Word prints its label alone ("(c)"), and so does its PDF
            text, number, level = self.numbering.shown, None, None
        number, level, cut = _take_label(text, number, level)
        if cut:
            content.drop(cut)
            text = text[cut:]
        visible = [p for p in content.pieces if p.text.strip()]
        sizes: Counter[int] = Counter()
        for piece in visible:
            sizes[piece.size] += len(piece.text)
        self._sizes.append(sizes.most_common(1)[0][0] if sizes else 0)
        self._size_counts.update(sizes)
        return [RawParagraph(
            text=text,
            spans=_spans(content),
            location=Location(element=owner_index),
            number=number,
            list_level=level,
            style=self.styles.name(style_id),
            centered=self._jc(style_id, ppr) == "center",
            bold=bool(visible) and all(p.bold for p in visible),
            footnote_marks=tuple(content.marks),
        )]

    def _style_of(self, p: etree._Element) -> tuple[str | None, etree._Element | None]:
        """(effective paragraph style id, pPr element or None): with `original`, the properties
        before a tracked change of them (w:pPrChange) when there is one."""
        ppr = p.find(PPR)
        if self.original and ppr is not None:
            change = ppr.find(PPR_CHANGE)
            if change is not None:
                ppr = change.find(PPR)
        style_el = ppr.find(P_STYLE) if ppr is not None else None
        style_id = style_el.get(VAL) if style_el is not None else None
        return self.styles.paragraph_style(style_id), ppr

    def _number(self, style_id: str | None, ppr: etree._Element | None) -> tuple[str | None, int | None]:
        num_id = ilvl = None
        num_pr = ppr.find(NUM_PR) if ppr is not None else None
        if num_pr is not None and self.original and num_pr.find(INS) is not None:
            num_pr = None  # numbering added with tracking: not there before
        if num_pr is not None:
            num_el, ilvl_el = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
            num_id = num_el.get(VAL) if num_el is not None else None
            ilvl = int_value(ilvl_el.get(VAL)) if ilvl_el is not None else None
        from_style = num_id is None
        style_num, style_ilvl = self.styles.numbering(style_id)
        num_id = num_id if num_id is not None else style_num
        if num_id is None or num_id == "0":
            return None, None
        if ilvl is None:
            ilvl = style_ilvl
        if ilvl is None and from_style:
            ilvl = self.numbering.level_for_style(num_id, style_id)
        return self.numbering.label(num_id, ilvl or 0)

    def _jc(self, style_id: str | None, ppr: etree._Element | None) -> str | None:
        jc = ppr.find(qn("w:jc")) if ppr is not None else None
        return jc.get(VAL) if jc is not None else self.styles.jc(style_id)

    def _table(self, tbl: etree._Element, index: int) -> RawParagraph | None:
        marks: list[str] = []
        rows = []
        for tr in self._rows(tbl):
            rows.append("\t".join(self._cell_text(tc, marks) for tc in content_children(tr, TC)))
        text = "\n".join(rows)
        if not text.strip():
            return None
        return RawParagraph(text=text, location=Location(element=index), is_table=True,
                            footnote_marks=tuple(marks))

    def _rows(self, tbl: etree._Element) -> list[etree._Element]:
        """A table's rows (those in row-level content controls too) that exist in the version
        read: a row deleted with tracking is gone when accepted, an inserted one when rejected."""
        gone = (INS,) if self.original else (DEL,)
        out = []
        for tr in content_children(tbl, TR):
            trpr = tr.find(TR_PR)
            if trpr is None or not any(trpr.find(tag) is not None for tag in gone):
                out.append(tr)
        return out

    def _cell_text(self, tc: etree._Element, marks: list[str]) -> str:
        """A cell's paragraphs joined by spaces (nested tables flattened into it)."""
        texts = []
        for el in body_elements(tc):
            if el.tag == TBL:
                texts.append(" ".join(self._cell_text(inner, marks) for tr in self._rows(el)
                                      for inner in content_children(tr, TC)))
                continue
            style_id, ppr = self._style_of(el)
            # numbered paragraphs in tables advance their lists too, and their labels and bullets
            # print in the cell ("1.", "(a)", "•"), as a PDF of the file reads them
            number, level = self._number(style_id, ppr)
            shown = self.numbering.shown if number is not None else self.numbering.bullet if level is not None else None
            content = self.walker.paragraph(el, style_id)
            marks.extend(content.marks)
            text = content.text.replace("\n", " ").replace("\t", " ")
            texts.append(f"{shown} {text}" if shown and text.strip() else text)
        return " ".join(t.strip() for t in texts if t.strip())

    def _footnotes(self) -> tuple[Footnote, ...]:
        """The footnotes in the order they are called, then the endnotes (Word prints them at
        the end of the document), each as Footnote(mark, text)."""
        return (*self._notes_of(self.notes_element, "w:footnote", self.note_order),
                *self._notes_of(self.endnotes_element, "w:endnote", self.endnote_order))

    def _notes_of(self, part: etree._Element | None, tag: str,
                  order: list[tuple[str, str, bool]]) -> tuple[Footnote, ...]:
        if part is None or not order:
            return ()
        notes: dict[str | None, etree._Element] = {}
        for el in part.iterchildren(qn(tag)):
            if el.get(qn("w:type")) in _SKIPPED_NOTE_TYPES:
                continue
            notes[el.get(qn("w:id"))] = el
        walker = TextWalker(self.styles, original=self.original, footnote_mark=lambda _i, c: c or "")
        out = []
        for fid, mark, custom in order:
            note = notes.get(fid)
            if note is None:
                continue
            texts = []
            for el in body_elements(note):
                # a table in a note: its cells' paragraphs in order, as a PDF's note reads them
                for p in [el] if el.tag == P else el.iter(P) if el.tag == TBL else ():
                    if not any(a.tag == TEXT_BOX for a in p.iterancestors()):
                        texts.append(walker.paragraph(p, self._style_of(p)[0]).text)
            text = " ".join(" ".join(t.split()) for t in texts if t.strip())
            while custom and text.startswith((mark, displayed(mark))):
                # the custom mark is typed at the start of the note (LibreOffice types it twice),
                # in superscript digits when typed raised
                text = text[len(mark):].lstrip()
            out.append(Footnote(mark=mark, text=text))
        return tuple(out)

    def _furniture(self) -> tuple[Furniture, ...]:
        """The text of the running headers and footers (first-page, even and default ones, each
        line once), then of the reviewers' comments (each on one line, in the file's order): page
        furniture, reported so that nothing is left out in silence."""
        walker = TextWalker(self.styles, original=self.original, footnote_mark=lambda _i, c: c or "")
        seen: set[tuple[str, str]] = set()
        out = []
        for rel in self.document.part.rels.values():
            why = _RUNNING.get(rel.reltype)
            element = getattr(rel.target_part, "element", None) if why and not rel.is_external else None
            if why is None or element is None:
                continue
            for p in element.iter(P):
                if any(a.tag == TEXT_BOX for a in p.iterancestors()):
                    continue  # a shape's text: counted with the text boxes
                style_id, _ppr = self._style_of(p)
                for line in walker.paragraph(p, style_id).text.splitlines():
                    text = " ".join(line.split())
                    if text and (why, text) not in seen:
                        seen.add((why, text))
                        out.append(Furniture(None, text, why))
        comments = _related(self.document, RT.COMMENTS)
        for comment in comments.iter(COMMENT) if comments is not None else ():
            paragraphs = (walker.paragraph(p, self._style_of(p)[0]).text for p in comment.iter(P))
            text = " ".join(" ".join(paragraphs).split())
            if text:
                out.append(Furniture(None, text, "comment"))
        return tuple(out)



def _take_label(text: str, number: str | None, level: int | None) -> tuple[str | None, int | None, int]:
    """(number, level, characters to cut off the text) for a label typed at its start: the
    punctuation typed after an automatic number, or a whole label typed before a tab (its level
    from its dots: "2.1" is 1)."""
    if number is not None:
        tail = LABEL_TAIL.match(text)
        return number, level, tail.end() if tail and text[tail.end():].strip() else 0
    typed = TYPED_LABEL.match(text)
    if typed is None or not text[typed.end():].strip():
        return number, level, 0
    label = next(group for group in typed.groups() if group)
    return label, label.count(".") if typed.group(1) else level, typed.end()


def _header_symbol(furniture: tuple[Furniture, ...]) -> str | None:
    """The document symbol printed in a running header, if any."""
    for item in furniture:
        m = SYMBOL.search(item.text) if item.why == "running header" else None
        if m:
            return normalise_symbol(m.group(1).rstrip("."))
    return None


def _formatting_changes(body: etree._Element) -> int:
    """Tracked revisions of properties only (numbering inserted in w:numPr included)."""
    return (len(list(body.iter(*FORMAT_CHANGE_TAGS)))
            + len([el for el in body.iter(INS) if _parent_tag(el) == NUM_PR]))


def _parent_tag(el: etree._Element) -> object:
    parent = el.getparent()
    return parent.tag if parent is not None else None


def formatting_warning(count: int, *, original: bool) -> str:
    """The warning for `count` tracked formatting changes."""
    what = f"{count} tracked formatting change{'s' if count > 1 else ''} (numbering, paragraph or character properties)"
    if original:
        return f"{what} read as rejected (the formatting before them)"
    return f"{what} read as accepted; use --original for the formatting before them"


def _unread_parts(body: etree._Element) -> list[str]:
    """Warnings for the text this reader leaves out, so that nothing is dropped in silence: text
    boxes (shapes holding paragraphs), equations embedded as objects of the old Equation Editor
    or MathType (pictures with no text in the file; Word's own equations are read,
    parsers.docx.math), parts imported from other files (altChunk) and subdocuments."""
    def shown(el: etree._Element) -> bool:  # not Word's copy for old readers
        return not any(a.tag == MC_FALLBACK for a in el.iterancestors())

    out = []
    boxes = sum(1 for box in body.iter(TEXT_BOX) if shown(box) and any((t.text or "").strip() for t in box.iter(T)))
    if boxes:
        out.append(f"{boxes} text box{'es' if boxes > 1 else ''} not read: {'their' if boxes > 1 else 'its'} text is "
                   "left out of the comparison")
    objects = sum(1 for obj in body.iter(OLE_OBJECT) if (obj.get("ProgID") or "").startswith("Equation.") and shown(obj))
    if objects:
        they = "they are pictures" if objects > 1 else "it is a picture"
        out.append(f"{objects} equation{'s' if objects > 1 else ''} of the old Equation Editor or MathType not read: "
                   f"{they} in the file, left out of the comparison")
    chunks = sum(1 for _chunk in body.iter(ALT_CHUNK))
    if chunks:
        out.append(f"{chunks} part{'s' if chunks > 1 else ''} imported from another file (HTML, RTF or .docx: "
                   "w:altChunk) not read: their text is left out of the comparison; save the file in Word "
                   "to make them its own text")
    hidden = sum(1 for mark in body.iter(VANISH) if _hidden_run_text(mark) and shown(mark))
    if hidden:
        them, they_are = ("them", "they are") if hidden > 1 else ("it", "it is")
        out.append(f"{hidden} run{'s' if hidden > 1 else ''} of hidden text (Word's Hidden font setting) not read: "
                   f"Word neither shows nor prints {them}, and {they_are} left out of the comparison")
    subdocuments = sum(1 for _sub in body.iter(SUB_DOC))
    if subdocuments:
        out.append(f"{subdocuments} subdocument{'s' if subdocuments > 1 else ''} of a master document not read: "
                   "their text is in other files, left out of the comparison")
    return out


def _hidden_run_text(mark: etree._Element) -> bool:
    """Whether a w:vanish set on a run (not on a paragraph's mark) hides text, as the text walker
    leaves such a run out (parsers.docx.text)."""
    rpr = mark.getparent()
    run = rpr.getparent() if rpr is not None and rpr.tag == RPR else None
    return (run is not None and run.tag == RUN and bool(on_off(mark))
            and any((t.text or "").strip() for t in run.iter(T)))


def _spans(content: Content) -> tuple[Span, ...]:
    """Bold/italic spans over the text, adjacent runs of the same formatting merged."""
    spans: list[Span] = []
    pos = 0
    for piece in content.pieces:
        end = pos + len(piece.text)
        if piece.bold or piece.italic:
            last = spans[-1] if spans else None
            if last is not None and last.end == pos and (last.bold, last.italic) == (piece.bold, piece.italic):
                spans[-1] = Span(last.start, end, piece.bold, piece.italic)
            else:
                spans.append(Span(pos, end, piece.bold, piece.italic))
        pos = end
    return tuple(spans)

