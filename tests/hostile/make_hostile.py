"""Write hostile and broken input files: the regression suite for Accord's readers.

    python tests/hostile/make_hostile.py [FOLDER] [--large]

Small files are written to FOLDER (default: beside this script). `--large` adds the bombs and the
oversized file (gigabytes once inflated, a sparse 201 MB file): tests make those in a temporary
folder instead of committing them. Every file is built by hand, byte by byte, so the suite needs
no PDF or Word writer and each file shows exactly one problem.
"""

from __future__ import annotations

import random
import shutil
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS_ENCRYPTED = HERE.parent.parent.parent / "shared" / "corpus" / "pdf" / "password-example.pdf"
MB = 2**20

# ---------------------------------------------------------------- PDF


def pdf(objects: dict[int, bytes], *, root: int = 1, xref: bool = True) -> bytes:
    """A PDF with the given object bodies and a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for number in range(1, size):
            out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, start)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (The General Assembly recalls its hostile resolution.) Tj ET"


def page(contents: bytes = b"4 0 R", parent: bytes = b"2 0 R", extra: bytes = b"") -> bytes:
    return (b"<< /Type /Page /Parent " + parent + b" /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents " + contents + b" " + extra + b">>")


def text_pdf_objects() -> dict[int, bytes]:
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: page(),
        4: stream(TEXT),
        5: FONT,
    }


def good_pdf() -> bytes:
    """A one-page PDF with one line of text: the base the broken ones are made from."""
    return pdf(text_pdf_objects())


def truncated_pdf() -> bytes:
    data = good_pdf()
    return data[: len(data) * 2 // 5]


def broken_xref_pdf() -> bytes:
    """Every cross-reference offset points at the wrong place and startxref at nothing."""
    head, _, _tail = good_pdf().partition(b"xref\n")
    junk = b"xref\n0 6\n" + b"9999999999 00000 n \n" * 6
    return head + junk + b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n123456789\n%%EOF\n"


def image_only_pdf() -> bytes:
    """A scanned page: one grey image, no text layer."""
    pixels = bytes(range(0, 256, 4)) * 64  # 64 x 64 grey
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
           b"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
        4: stream(b"q 400 0 0 400 100 200 cm /Im1 Do Q"),
        5: stream(pixels, b"/Type /XObject /Subtype /Image /Width 64 /Height 64 "
                          b"/ColorSpace /DeviceGray /BitsPerComponent 8 "),
    }
    return pdf(objects)


def self_reference_pages_pdf() -> bytes:
    """/Pages is an object that refers to itself (`2 0 obj 2 0 R endobj`): pdfminer loops for ever."""
    objects = text_pdf_objects()
    objects[2] = b"2 0 R"
    return pdf(objects)


def self_reference_contents_pdf() -> bytes:
    objects = text_pdf_objects()
    objects[4] = b"4 0 R"
    return pdf(objects)


def reference_cycle_pdf() -> bytes:
    """Two objects referring to each other, used as the page's /Contents."""
    objects = text_pdf_objects()
    objects[4] = b"6 0 R"
    objects[6] = b"4 0 R"
    return pdf(objects)


def page_tree_cycle_pdf() -> bytes:
    """A /Pages node whose kid is a /Pages node whose kid is the first one."""
    objects = text_pdf_objects()
    objects[2] = b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>"
    objects[6] = b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>"
    objects[3] = page(parent=b"6 0 R")
    return pdf(objects)


def million_pages_pdf() -> bytes:
    """The page tree claims 1,000,000 pages and holds one."""
    objects = text_pdf_objects()
    objects[2] = b"<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>"
    return pdf(objects)


def page_tree_bomb_pdf(levels: int = 6, fanout: int = 10) -> bytes:
    """A page tree where each node lists the same child ten times: 10**6 pages in a 1 KB file."""
    objects = {1: b"<< /Type /Catalog /Pages 10 0 R >>", 4: stream(TEXT), 5: FONT}
    for level in range(levels):
        number = 10 + level
        child = b"%d 0 R" % (number + 1) if level < levels - 1 else b"3 0 R"
        objects[number] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
            b" ".join([child] * fanout), fanout ** (levels - level))
    objects[3] = page(parent=b"%d 0 R" % (10 + levels - 1))
    return pdf(objects)


def deeply_nested_pdf(depth: int = 5_000) -> bytes:
    """Arrays nested 5,000 deep in the page dictionary, and dictionaries in the catalog."""
    objects = text_pdf_objects()
    objects[3] = page(extra=b"/Nested " + b"[" * depth + b"]" * depth + b" ")
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R /Deep " + b"<< /A " * depth + b">> " * depth + b">>"
    return pdf(objects)


def uri_action_pdf() -> bytes:
    """A page with a link annotation whose action opens a URL (which nothing may follow)."""
    objects = text_pdf_objects()
    objects[3] = page(extra=b"/Annots [6 0 R] ")
    objects[6] = (b"<< /Type /Annot /Subtype /Link /Rect [72 700 400 740] /Border [0 0 0] "
                  b"/A << /S /URI /URI (http://127.0.0.1:9/accord-must-not-fetch) >> >>")
    return pdf(objects)


def stream_bomb_pdf(path: Path, inflated: int = 2**30) -> None:
    """A page whose content stream inflates to `inflated` bytes (1 GiB: a file of about 1 MB)."""
    chunk = b" " * MB
    body = _repeated_deflate(chunk, inflated // MB, wrapper=True)
    objects = text_pdf_objects()
    objects[4] = stream(body, b"/Filter /FlateDecode ")
    path.write_bytes(pdf(objects))


def oversized_pdf(path: Path, size: int = 201 * MB) -> None:
    """A PDF header followed by a hole: 201 MB on paper, nothing on disk."""
    with open(path, "wb") as fh:
        fh.write(good_pdf())
        fh.truncate(size)


def encrypted_pdf(path: Path) -> bool:
    """A real password-protected PDF from the shared corpus (False if the corpus is missing)."""
    if not CORPUS_ENCRYPTED.exists():
        return False
    shutil.copyfile(CORPUS_ENCRYPTED, path)
    return True


# ---------------------------------------------------------------- Word

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT_OPEN = f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>'
DOCUMENT_CLOSE = "</w:body></w:document>"


def paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def document_xml(body: str, prolog: str = "") -> str:
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + prolog + DOCUMENT_OPEN + body + DOCUMENT_CLOSE


def docx(parts: dict[str, str | bytes]) -> bytes:
    """A Word package with the standard content types and relationships plus `parts`."""
    members: dict[str, str | bytes] = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": PACKAGE_RELS}
    members.update(parts)
    return _zip({name: data.encode("utf-8") if isinstance(data, str) else data for name, data in members.items()})


def good_docx() -> bytes:
    return docx({"word/document.xml": document_xml(paragraph("The General Assembly recalls its resolution."))})


def not_a_zip_docx() -> bytes:
    """Starts like a zip and then is noise."""
    return b"PK\x03\x04" + random.Random(7).randbytes(3000)


def truncated_docx() -> bytes:
    data = good_docx()
    return data[: len(data) // 2]


def no_document_docx() -> bytes:
    return _zip({"[Content_Types].xml": CONTENT_TYPES.encode(), "_rels/.rels": PACKAGE_RELS.encode()})


def legacy_doc_docx() -> bytes:
    """A legacy Word .doc (an OLE compound file) renamed .docx."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000 + "WordDocument".encode("utf-16-le") + b"\x00" * 500


def encrypted_docx() -> bytes:
    """What Word writes for a password-protected .docx: an OLE file holding an EncryptedPackage."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 500


def odt_docx() -> bytes:
    return _zip({"mimetype": b"application/vnd.oasis.opendocument.text",
                 "content.xml": b"<office:document-content/>"})


def xxe_file_docx() -> bytes:
    """document.xml declares an external entity reading /etc/passwd."""
    prolog = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    return docx({"word/document.xml": document_xml(paragraph("before &xxe; after"), prolog)})


def xxe_url_docx() -> bytes:
    prolog = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/accord-must-not-fetch">]>'
    return docx({"word/document.xml": document_xml(paragraph("before &xxe; after"), prolog)})


def billion_laughs_docx() -> bytes:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    prolog = "<!DOCTYPE w:document [" + "".join(entities) + "]>"
    return docx({"word/document.xml": document_xml(paragraph("&lol9;"), prolog)})


def duplicate_part_docx() -> bytes:
    """Two members named word/document.xml: which one a reader takes is anybody's guess."""
    first = document_xml(paragraph("The first document."))
    second = document_xml(paragraph("The second document."))
    members = [("[Content_Types].xml", CONTENT_TYPES.encode()), ("_rels/.rels", PACKAGE_RELS.encode()),
               ("word/document.xml", first.encode()), ("word/document.xml", second.encode())]
    return _zip_members(members)


def external_links_docx(text: str = "The General Assembly recalls its resolution.") -> bytes:
    """A hyperlink and an image linked (not embedded) from a web address."""
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/hyperlink" Target="http://127.0.0.1:9/accord-must-not-fetch" TargetMode="External"/>'
        '<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/image" Target="http://127.0.0.1:9/accord-must-not-fetch.png" TargetMode="External"/>'
        "</Relationships>"
    )
    picture = (
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
        'wordprocessingDrawing"><wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="linked"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:nvPicPr><pic:cNvPr id="1" name="linked"/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip r:link="rIdImg"/></pic:blipFill><pic:spPr/></pic:pic>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )
    body = (paragraph(text)
            + '<w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>See the website.</w:t></w:r></w:hyperlink></w:p>'
            + picture)
    return docx({"word/document.xml": document_xml(body), "word/_rels/document.xml.rels": rels})


def docx_bomb(path: Path, inflated: int = 2**30, *, declared: int | None = None) -> None:
    """word/document.xml inflating to `inflated` bytes of text (1 GiB: a file of about 1 MB).
    `declared` makes the zip headers lie about the inflated size."""
    head = (document_xml("", "").removesuffix(DOCUMENT_CLOSE) + "<w:p><w:r><w:t>").encode()
    tail = ("</w:t></w:r></w:p>" + DOCUMENT_CLOSE).encode()
    repeats = max(1, (inflated - len(head) - len(tail)) // MB)
    chunk = b"A" * MB
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    middle = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    last = compressor.compress(tail) + compressor.flush()
    crc = zlib.crc32(head)
    for _ in range(repeats):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + repeats * MB + len(tail)
    members = [("[Content_Types].xml", CONTENT_TYPES.encode()), ("_rels/.rels", PACKAGE_RELS.encode())]
    with open(path, "wb") as fh:
        directory = _write_members(fh, members)
        offset = fh.tell()
        name = b"word/document.xml"
        compressed = len(first) + repeats * len(middle) + len(last)
        usize = size if declared is None else declared
        fh.write(_local_header(name, crc, compressed, usize))
        fh.write(first)
        for _ in range(repeats):
            fh.write(middle)
        fh.write(last)
        directory.append(_central_header(name, crc, compressed, usize, offset))
        _write_directory(fh, directory)


# ---------------------------------------------------------------- zip and deflate by hand


def _repeated_deflate(chunk: bytes, repeats: int, *, wrapper: bool) -> bytes:
    """`chunk` * `repeats`, deflated without compressing it `repeats` times: after a full flush the
    compressor starts afresh, so the same chunk always gives the same bytes."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 15 if wrapper else -15)
    first = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = b"\x03\x00"  # an empty final block
    if wrapper:
        adler = 1
        for _ in range(repeats):
            adler = zlib.adler32(chunk, adler)
        end += struct.pack(">I", adler)
    return first + again * (repeats - 1) + end


def _zip(members: dict[str, bytes]) -> bytes:
    return _zip_members(list(members.items()))


def _zip_members(members: list[tuple[str, bytes]]) -> bytes:
    import io

    buffer = io.BytesIO()
    directory = _write_members(buffer, members)
    _write_directory(buffer, directory)
    return buffer.getvalue()


def _write_members(fh, members: list[tuple[str, bytes]]) -> list[bytes]:
    directory = []
    for name, data in members:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = compressor.compress(data) + compressor.flush()
        crc = zlib.crc32(data)
        offset = fh.tell()
        encoded = name.encode("utf-8")
        fh.write(_local_header(encoded, crc, len(packed), len(data)))
        fh.write(packed)
        directory.append(_central_header(encoded, crc, len(packed), len(data), offset))
    return directory


def _local_header(name: bytes, crc: int, compressed: int, size: int) -> bytes:
    return struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, zipfile.ZIP_DEFLATED, 0, 0x21,
                       crc, compressed, size, len(name), 0) + name


def _central_header(name: bytes, crc: int, compressed: int, size: int, offset: int) -> bytes:
    return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, zipfile.ZIP_DEFLATED, 0, 0x21,
                       crc, compressed, size, len(name), 0, 0, 0, 0, 0, offset) + name


def _write_directory(fh, directory: list[bytes]) -> None:
    start = fh.tell()
    for entry in directory:
        fh.write(entry)
    fh.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(directory), len(directory),
                         fh.tell() - start, start, 0))


# ---------------------------------------------------------------- the suite

SMALL: dict[str, Callable[[], bytes]] = {
    "empty.pdf": lambda: b"",
    "random-bytes.pdf": lambda: random.Random(1).randbytes(4096),
    "random-bytes.docx": lambda: random.Random(2).randbytes(4096),
    "truncated.pdf": truncated_pdf,
    "broken-xref.pdf": broken_xref_pdf,
    "image-only.pdf": image_only_pdf,
    "self-reference-pages.pdf": self_reference_pages_pdf,
    "self-reference-contents.pdf": self_reference_contents_pdf,
    "reference-cycle.pdf": reference_cycle_pdf,
    "page-tree-cycle.pdf": page_tree_cycle_pdf,
    "million-pages.pdf": million_pages_pdf,
    "page-tree-bomb.pdf": page_tree_bomb_pdf,
    "deeply-nested.pdf": deeply_nested_pdf,
    "uri-action.pdf": uri_action_pdf,
    "not-a-zip.docx": not_a_zip_docx,
    "truncated.docx": truncated_docx,
    "no-document.docx": no_document_docx,
    "legacy-doc.docx": legacy_doc_docx,
    "encrypted.docx": encrypted_docx,
    "odt-renamed.docx": odt_docx,
    "xxe-file.docx": xxe_file_docx,
    "xxe-url.docx": xxe_url_docx,
    "billion-laughs.docx": billion_laughs_docx,
    "duplicate-part.docx": duplicate_part_docx,
    "external-links.docx": external_links_docx,
}

LARGE: dict[str, Callable[[Path], object]] = {
    "zip-bomb.docx": docx_bomb,
    "zip-bomb-lying-headers.docx": lambda p: docx_bomb(p, declared=4096),
    "stream-bomb.pdf": stream_bomb_pdf,
    "oversized.pdf": oversized_pdf,
}


def write(name: str, folder: Path) -> Path:
    """Write the hostile file `name` into `folder` and return its path."""
    path = folder / name
    if name in SMALL:
        path.write_bytes(SMALL[name]())
    elif name in LARGE:
        LARGE[name](path)
    elif name == "encrypted.pdf":
        if not encrypted_pdf(path):
            raise FileNotFoundError(CORPUS_ENCRYPTED)
    else:
        raise KeyError(name)
    return path


def main(argv: list[str]) -> int:
    large = "--large" in argv
    args = [a for a in argv if a != "--large"]
    folder = Path(args[0]) if args else HERE
    folder.mkdir(parents=True, exist_ok=True)
    names = [*SMALL, *(LARGE if large else ())]  # encrypted.pdf: the corpus has it
    for name in names:
        write(name, folder)
    sys.stdout.write(f"wrote {len(names)} files to {folder}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
