"""Kashidas: the stroke that stretches a justified Arabic word, which LibreOffice's PDFs map to an
ASCII character ("ت!!درك", "العامMة", "أيل7ول", "أيل/ول"), read as the tatweel it is, by its ink: a
stroke on the baseline as wide as its advance. On a page written here with a Type 3 font whose
glyphs are drawn as boxes: two "letters" mapped to Arabic, a kashida mapped to "M", a slash."""

from __future__ import annotations

from pathlib import Path

from test_pdf_synthetic import pdf_file

from parsers.pdf.reader import read_pdf


def type3_pdf(path: Path, text: bytes) -> Path:
    """A one-page PDF showing `text` (codes 0x41, 0x42: Arabic letters; 0x4B: a kashida mapped to
    "M"; 0x2F: a slash; 0x5F: an underscore; 0x20: a space) in 20-pt Type 3 glyphs drawn as
    filled boxes."""
    glyphs = {  # code: (name, unicode, content stream)
        0x41: ("a", "0628", b"500 0 0 0 500 700 d1 0 0 500 700 re f"),
        0x42: ("b", "0646", b"500 0 0 0 500 700 d1 0 0 500 700 re f"),
        0x4B: ("k", "004D", b"300 0 0 0 300 60 d1 0 0 300 60 re f"),
        0x2F: ("s", "002F", b"300 0 0 -100 300 700 d1 50 -100 200 800 re f"),
        0x5F: ("u", "005F", b"300 0 0 -130 300 -80 d1 0 -130 300 50 re f"),  # an underscore: under the baseline
        0x20: ("sp", "0020", b"250 0 d0"),
    }
    objects: list[bytes] = []

    def add(data: bytes) -> int:
        objects.append(data)
        return len(objects)

    def stream(data: bytes) -> bytes:
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    procs = {code: add(stream(content)) for code, (_n, _u, content) in glyphs.items()}
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T3 def "
            b"1 begincodespacerange <00> <FF> endcodespacerange %d beginbfchar " % len(glyphs)
            + b" ".join(b"<%02X> <%s>" % (code, u.encode()) for code, (_n, u, _c) in glyphs.items())
            + b" endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    to_unicode = add(stream(cmap))
    first, last = min(glyphs), max(glyphs)
    widths = " ".join(str(int(glyphs[c][2].split()[0]) if c in glyphs else 0) for c in range(first, last + 1))
    diffs = " ".join(f"{c} /{glyphs[c][0]}" for c in sorted(glyphs))
    font = add(("<< /Type /Font /Subtype /Type3 /FontBBox [0 -200 600 800] /FontMatrix [0.001 0 0 0.001 0 0] "
                "/CharProcs << " + " ".join(f"/{glyphs[c][0]} {procs[c]} 0 R" for c in glyphs) + " >> "
                f"/Encoding << /Type /Encoding /Differences [{diffs}] >> /FirstChar {first} /LastChar {last} "
                f"/Widths [{widths}] /ToUnicode {to_unicode} 0 R >>").encode())
    content = add(stream(b"BT /T3 20 Tf 1 0 0 1 100 700 Tm (" + text + b") Tj ET"))
    page = add(f"<< /Type /Page /Parent {len(objects) + 3} 0 R /MediaBox [0 0 595 842] "
               f"/Resources << /Font << /T3 {font} 0 R >> >> /Contents {content} 0 R >>".encode())
    catalog = add(f"<< /Type /Catalog /Pages {len(objects) + 2} 0 R >>".encode())
    pages = add(f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>".encode())
    assert pages == len(objects) and catalog == pages - 1
    return pdf_file(path, objects, catalog)


def test_a_kashida_mapped_to_a_letter_is_a_tatweel_and_a_slash_stays(tmp_path):
    """"AKKB/A_B" drawn left to right: ب, two kashidas (mapped to "M"), ن, a slash (tall: a slash
    indeed), ب, an underscore (a stroke under the baseline), ن; read right to left, the kashidas
    are tatweels, the slash and the underscore stay."""
    pdf = type3_pdf(tmp_path / "kashida.pdf", b"AKKB/A_B BBAB AB")
    assert [p.text for p in read_pdf(str(pdf)).paragraphs] == ["نب نبنن ن_ب/نــب"]
