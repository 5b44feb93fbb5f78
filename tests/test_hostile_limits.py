"""The limits checked before a reader runs: the .docx zip/XML pre-check (parsers.docx.safety), the
PDF page limit and the file size limit, each configurable through ParseOptions."""

from __future__ import annotations

import os
import random
import sys
import zipfile
from pathlib import Path

import pytest

from parsers import ErrorCode, ParseError, ParseOptions, parse_file
from parsers.docx.safety import CHUNK, DocxLimits, check_docx
from parsers.sniff import sniff

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
sys.path.insert(0, str(ROOT / "tests" / "hostile"))
import make_hostile  # noqa: E402

MB = 2**20


def write_docx(path: Path, parts: dict[str, str | bytes]) -> Path:
    path.write_bytes(make_hostile.docx(parts))
    return path


def body(text: str = "The General Assembly recalls its resolution.") -> str:
    return make_hostile.document_xml(make_hostile.paragraph(text))


def refused(path: Path, limits: DocxLimits | None = None) -> ParseError:
    with pytest.raises(ParseError) as caught:
        check_docx(str(path), limits)
    assert caught.value.path == str(path)
    assert "\n" not in caught.value.message
    return caught.value


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.docx")), ids=lambda p: p.name)
def test_real_word_files_pass(path):
    """Every Word fixture passes the pre-check with the default limits."""
    check_docx(str(path))


def test_too_many_entries(tmp_path):
    """A package of 5,001 parts is refused before any is inflated."""
    extra = {f"word/media/part{i}.bin": b"x" for i in range(5_000)}
    error = refused(write_docx(tmp_path / "many.docx", {"word/document.xml": body(), **extra}))
    assert error.code is ErrorCode.HOSTILE
    assert "5,003 parts, over the 5,000 limit" in error.message


def test_duplicate_names_differing_in_case(tmp_path):
    """Part names are case-insensitive in a Word package: two spellings of one name are refused."""
    path = tmp_path / "dup.docx"
    path.write_bytes(make_hostile._zip_members([
        ("[Content_Types].xml", make_hostile.CONTENT_TYPES.encode()),
        ("word/document.xml", body("one").encode()),
        ("Word/Document.xml", body("two").encode()),
    ]))
    assert "two parts named" in refused(path).message


def test_compression_ratio_over_200(tmp_path):
    """A 2 MB part that compresses about 1,000:1 is a bomb's signature and is refused."""
    text = body("A" * (2 * MB))
    error = refused(write_docx(tmp_path / "ratio.docx", {"word/document.xml": text}))
    assert error.code is ErrorCode.HOSTILE
    assert "compressed" in error.message and ":1" in error.message


def test_well_compressed_small_parts_pass(tmp_path):
    """Under 1 MB a part may compress as well as it likes (runs of spaces cost nothing)."""
    check_docx(str(write_docx(tmp_path / "spaces.docx", {"word/document.xml": body(" " * (MB // 2))})))


def test_part_size_limit(tmp_path):
    """An XML part inflating past the per-part limit is refused (here a 1 MB limit, 2 MB of text)."""
    text = random.Random(3).randbytes(MB).hex()  # 2 MB that compress only about 2:1
    path = write_docx(tmp_path / "big.docx", {"word/document.xml": body(text)})
    error = refused(path, DocxLimits(max_part_bytes=MB))
    assert "over the limit for one part" in error.message


def test_total_inflated_limit(tmp_path):
    """Parts that are fine alone but add up past the total limit are refused."""
    noise = random.Random(4).randbytes(MB)
    parts = {f"word/media/image{i}.png": noise for i in range(4)}
    path = write_docx(tmp_path / "total.docx", {"word/document.xml": body(), **parts})
    error = refused(path, DocxLimits(max_total_bytes=3 * MB))
    assert error.code is ErrorCode.HOSTILE
    assert "3 MB" in error.message


def test_headers_that_lie_about_size(tmp_path):
    """A 1 GB document.xml whose headers claim 4 KB: reading stops at 4 KB and the check fails fast."""
    path = tmp_path / "lying.docx"
    make_hostile.docx_bomb(path, declared=4096)
    assert refused(path).code is ErrorCode.CORRUPT


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be"])
def test_doctype_in_any_encoding(tmp_path, encoding):
    """A DOCTYPE is found whatever the encoding of the part."""
    xml = body().replace("<w:document", '<!DOCTYPE w:document [<!ENTITY e "x">]><w:document', 1)
    path = write_docx(tmp_path / "doctype.docx", {"word/document.xml": xml.encode(encoding)})
    assert "DOCTYPE" in refused(path).message


def test_doctype_across_a_chunk_boundary(tmp_path):
    """`<!DOCTYPE` split between two 1 MB reads is still found."""
    prefix = "<!--" + "x" * (CHUNK - 4 - 4 - 3) + "-->"
    xml = prefix + "<!DOCTYPE w:document>" + body()
    assert xml.index("<!DOCTYPE") < CHUNK < xml.index("<!DOCTYPE") + len("<!DOCTYPE")
    path = write_docx(tmp_path / "split.docx", {"word/document.xml": xml})
    assert "DOCTYPE" in refused(path, DocxLimits(max_ratio=10**6)).message


def test_entity_in_a_relationships_part(tmp_path):
    """Every XML part is checked, relationships included."""
    rels = make_hostile.PACKAGE_RELS.replace("<Relationships", '<!ENTITY e SYSTEM "file:///etc/passwd"><Relationships')
    path = tmp_path / "rels.docx"
    path.write_bytes(make_hostile._zip({
        "[Content_Types].xml": make_hostile.CONTENT_TYPES.encode(),
        "_rels/.rels": rels.encode(),
        "word/document.xml": body().encode(),
    }))
    assert "ENTITY" in refused(path).message


def test_media_may_compress_well_and_carry_a_doctype(tmp_path):
    """Images are never parsed: a white bitmap compressing 1,000:1 and an SVG with a DOCTYPE pass."""
    svg = b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "svg11.dtd"><svg/>'
    path = write_docx(tmp_path / "media.docx", {"word/document.xml": body(),
                                                "word/media/image1.bmp": b"BM" + b"\xff" * (4 * MB),
                                                "word/media/image2.svg": svg})
    check_docx(str(path))


@pytest.mark.parametrize("name", ["word/media/part.xml", "word/document.bin", "customXml/item1.dat"])
def test_parts_that_may_be_parsed_are_scanned_whatever_their_name(tmp_path, name):
    """A DOCTYPE is refused in any part python-docx could parse (it goes by content type, not name)."""
    xml = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    path = write_docx(tmp_path / "named.docx", {"word/document.xml": body(), name: xml})
    assert "DOCTYPE" in refused(path).message


# What Word for Mac keeps as a document's printer settings: a binary head, then a property list
# with Apple's DOCTYPE (found in a real Word file of python-docx's test data).
MAC_PRINTER_SETTINGS = (b"\x01\x00\x00\x00\xdb\x1c\x00\x00" + b'<?xml version="1.0" encoding="UTF-8"?>\n'
                        b'<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
                        b'"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0"><dict/></plist>\n')
PRINTER_SETTINGS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.printerSettings"


def _with_types(defaults: str = "", overrides: str = "") -> str:
    return make_hostile.CONTENT_TYPES.replace("</Types>", f"{defaults}{overrides}</Types>")


def test_binary_parts_are_not_searched_for_markup(tmp_path):
    """Word for Mac's printer settings, declared binary by the content types (Default for "bin", as
    Word writes them), pass though they hold a DOCTYPE: python-docx keeps such a part as bytes."""
    types = _with_types(f'<Default Extension="bin" ContentType="{PRINTER_SETTINGS_TYPE}"/>')
    path = write_docx(tmp_path / "mac.docx", {"[Content_Types].xml": types, "word/document.xml": body(),
                                              "word/printerSettings/printerSettings1.bin": MAC_PRINTER_SETTINGS})
    check_docx(str(path))
    assert parse_file(str(path)).blocks[0].text == "The General Assembly recalls its resolution."


@pytest.mark.parametrize("types", [
    "",  # no content type for the part: it is searched
    f'<Default Extension="bin" ContentType="{PRINTER_SETTINGS_TYPE}"/>'
    '<Override PartName="/word/printerSettings/printerSettings1.bin" ContentType="application/xml"/>',
    '<Default Extension="BIN" ContentType="text/xml"/>',
], ids=["undeclared", "override-xml", "default-xml"])
def test_parts_declared_xml_are_searched(tmp_path, types):
    """The same bytes in a part the content types leave undeclared or declare XML (by its name,
    over its extension's binary type; any case) are refused."""
    path = write_docx(tmp_path / "declared.docx", {"[Content_Types].xml": _with_types(types), "word/document.xml": body(),
                                                   "word/printerSettings/printerSettings1.bin": MAC_PRINTER_SETTINGS})
    assert "DOCTYPE" in refused(path).message


def test_a_part_named_like_xml_is_searched_whatever_its_type(tmp_path):
    """A part named .xml is searched even where the content types call it binary."""
    types = _with_types(overrides=f'<Override PartName="/word/settings.xml" ContentType="{PRINTER_SETTINGS_TYPE}"/>')
    xml = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    path = write_docx(tmp_path / "named.docx", {"[Content_Types].xml": types, "word/document.xml": body(),
                                                "word/settings.xml": xml})
    assert "DOCTYPE" in refused(path).message


def test_content_types_with_a_doctype_are_refused_before_they_are_read(tmp_path):
    """The content types are searched before they are parsed to tell binary parts."""
    types = make_hostile.CONTENT_TYPES.replace("<Types", '<!DOCTYPE Types [<!ENTITY e "bin">]><Types', 1)
    path = write_docx(tmp_path / "types.docx", {"[Content_Types].xml": types, "word/document.xml": body()})
    assert "DOCTYPE" in refused(path).message


def test_encrypted_zip_member(tmp_path):
    """A member encrypted with the zip password scheme is reported as password-protected."""
    path = tmp_path / "zipcrypto.docx"
    data = bytearray(make_hostile.good_docx())
    # set the "encrypted" flag (bit 0 of the general purpose flags) in every local and central header
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            data[start + flag_offset] |= 1
            start += 4
    path.write_bytes(bytes(data))
    assert refused(path).code is ErrorCode.ENCRYPTED


def test_docx_limits_are_options(tmp_path):
    """ParseOptions.docx_limits reaches the pre-check: a real fixture is refused under a tiny limit."""
    fixture = FIXTURES / "l2-fr.docx"
    with pytest.raises(ParseError) as caught:
        parse_file(str(fixture), ParseOptions(docx_limits=DocxLimits(max_entries=2)))
    assert caught.value.code is ErrorCode.HOSTILE


def test_page_limit_is_an_option():
    """ParseOptions.max_pages refuses a real PDF with more pages than allowed, before reading them."""
    fixture = FIXTURES / "l2-en.pdf"
    with pytest.raises(ParseError) as caught:
        parse_file(str(fixture), ParseOptions(max_pages=1))
    assert caught.value.code is ErrorCode.HOSTILE
    assert "over the 1-page limit" in caught.value.message


def test_size_limit_is_an_option(tmp_path):
    """ParseOptions.max_bytes sets the size limit; a sparse file over the default 200 MB is refused."""
    fixture = FIXTURES / "l2-en.pdf"
    with pytest.raises(ParseError) as caught:
        parse_file(str(fixture), ParseOptions(max_bytes=1000))
    assert caught.value.code is ErrorCode.TOO_LARGE
    big = tmp_path / "big.pdf"
    make_hostile.oversized_pdf(big)
    with pytest.raises(ParseError) as caught:
        sniff(str(big))
    assert "over the 200 MB limit" in caught.value.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_not_waited_on(tmp_path):
    """A named pipe called .pdf is refused at once instead of blocking on open."""
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    with pytest.raises(ParseError) as caught:
        sniff(str(fifo))
    assert "not a regular file" in caught.value.message


def test_the_odt_mimetype_is_read_in_a_few_bytes(tmp_path, monkeypatch):
    """sniff reads at most 100 bytes of an OpenDocument `mimetype` member, which could be a bomb."""
    path = tmp_path / "odt.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text" + " " * MB)
        archive.writestr("content.xml", "<office:document-content/>")
    requested = []
    original = zipfile.ZipExtFile.read

    def read(self, n=-1):
        requested.append(n)
        return original(self, n)

    monkeypatch.setattr(zipfile.ZipExtFile, "read", read)
    with pytest.raises(ParseError) as caught:
        sniff(str(path))
    assert "OpenDocument" in caught.value.message
    assert requested and all(0 <= n <= 100 for n in requested)
