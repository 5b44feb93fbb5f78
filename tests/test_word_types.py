"""Word's other types of file: a macro-enabled document (.docm), a template (.dotx) and a
macro-enabled template (.dotm) hold the same WordprocessingML as a .docx under another content
type, which python-docx's Document() refuses. They read as the same draft saved as .docx, and
their redline is a .docx that Word opens: no macros, the main part typed as a document's."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from desktop import cli
from parsers.api import parse_file
from parsers.docx.reader import MACRO_WARNING, MAIN_DOCUMENT_TYPES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DOCUMENT, MACRO_DOCUMENT, TEMPLATE, MACRO_TEMPLATE = MAIN_DOCUMENT_TYPES
VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"


def _typed(source: Path, path: Path, content_type: str, macros: bool = False) -> Path:
    """The Word file at `source` with its main part of `content_type`, and with macros (a
    vbaProject part and its relationship, as Word keeps them) when `macros`."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(DOCUMENT.encode(), content_type.encode())
                if macros:
                    data = data.replace(b"</Types>", b'<Override PartName="/word/vbaProject.bin" '
                                        b'ContentType="application/vnd.ms-office.vbaProject"/></Types>')
            elif info.filename == "word/_rels/document.xml.rels" and macros:
                data = data.replace(b"</Relationships>", f'<Relationship Id="rIdVba" Type="{VBA}" '
                                    'Target="vbaProject.bin"/></Relationships>'.encode())
            new.writestr(info, data)
        if macros:
            new.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 macros")
    return path


@pytest.mark.parametrize(("suffix", "content_type"), [("docm", MACRO_DOCUMENT), ("dotx", TEMPLATE),
                                                      ("dotm", MACRO_TEMPLATE)])
def test_other_word_types_read_as_the_document(tmp_path, suffix, content_type):
    """Refused before ("not a readable Word file ... content type is ..."); the macro-enabled ones
    say their macros are not read."""
    path = _typed(FIXTURES / "l2-en.docx", tmp_path / f"draft.{suffix}", content_type, macros=suffix != "dotx")
    read, plain = parse_file(str(path)), parse_file(str(FIXTURES / "l2-en.docx"))
    assert read.blocks == plain.blocks and read.footnotes == plain.footnotes
    assert (MACRO_WARNING in read.warnings) == (suffix != "dotx")
    assert MACRO_WARNING not in plain.warnings


def test_the_redline_of_a_macro_enabled_draft_is_a_document(tmp_path):
    """The redline of a .docm is written as a .docx: its main part typed as a document's, the
    macros' part, relationship and content type gone; it reads as the redline of the .docx."""
    new = _typed(FIXTURES / "l2-en-rev1.docx", tmp_path / "rev1.docm", MACRO_DOCUMENT, macros=True)
    old = str(FIXTURES / "l2-en.docx")
    assert cli.main(["compare", old, str(new), "--format", "docx", "-o", str(tmp_path / "red.docx")]) == 1
    assert cli.main(["compare", old, str(FIXTURES / "l2-en-rev1.docx"), "--format", "docx",
                     "-o", str(tmp_path / "plain.docx")]) == 1
    with zipfile.ZipFile(tmp_path / "red.docx") as package:
        assert "word/vbaProject.bin" not in package.namelist()
        types = package.read("[Content_Types].xml").decode()
        assert DOCUMENT in types and MACRO_DOCUMENT not in types and "vbaProject" not in types
        assert VBA not in package.read("word/_rels/document.xml.rels").decode()
    assert [b.text for b in parse_file(str(tmp_path / "red.docx")).blocks] == \
           [b.text for b in parse_file(str(tmp_path / "plain.docx")).blocks]
