"""Bad input: exit status 2, one line on stderr naming the file, no traceback, nothing written."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def accord(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], cwd=cwd or ROOT,
                          capture_output=True, text=True, timeout=120)


def _assert_one_line_error(result, name, words):
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert name in lines[0]
    assert "Traceback" not in result.stderr
    assert any(w in lines[0].lower() for w in words), lines[0]


def test_empty_file(tmp_path):
    """An empty file is refused as empty."""
    f = tmp_path / "empty.pdf"
    f.write_bytes(b"")
    _assert_one_line_error(accord("parse", f), "empty.pdf", ["empty"])


def test_odt_renamed_docx(tmp_path):
    """An OpenDocument file named .docx is named as such."""
    f = tmp_path / "draft.docx"
    with zipfile.ZipFile(f, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")
    _assert_one_line_error(accord("parse", f), "draft.docx", ["opendocument"])


def test_zip_that_is_not_word(tmp_path):
    f = tmp_path / "archive.docx"
    with zipfile.ZipFile(f, "w") as zf:
        zf.writestr("hello.txt", "hi")
    _assert_one_line_error(accord("parse", f), "archive.docx", ["not a word"])


def test_legacy_doc(tmp_path):
    f = tmp_path / "old.docx"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000 + "WordDocument".encode("utf-16-le"))
    _assert_one_line_error(accord("parse", f), "old.docx", [".doc"])


# How Word (and LibreOffice) save a draft as text that is another format's markup, and a word of
# what the user is told for each.
_MARKUP_FILES = [
    ("draft.rtf", b"{\\rtf1\\adeflang1025\\ansi\\ansicpg1252 {\\fonttbl}Recalling its resolutions,\\par }", "rich text"),
    ("draft.rtf", b"\xef\xbb\xbf  {\\rtf1\\ansi Recalling}", "rich text"),
    ("draft.htm", b'<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><p>Recalling</p></body></html>', "web page"),
    ("draft.html", b"\n<!DOCTYPE html>\n<html><body>Recalling</body></html>", "web page"),
    ("draft.htm", "<!DOCTYPE html><html><body>Recalling</body></html>".encode("utf-16"), "web page"),
    ("draft.mht", b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n--x\n", "web archive"),
    ("draft.xml", b'<?xml version="1.0"?>\n<?mso-application progid="Word.Document"?><w:wordDocument/>', "word 2003 xml"),
    ("draft.fodt", b'<?xml version="1.0" encoding="UTF-8"?>\n<office:document office:version="1.3"/>', "opendocument"),
]


@pytest.mark.parametrize(("name", "data", "told"), _MARKUP_FILES, ids=[f"{n}-{k}" for k, (n, _d, _t) in enumerate(_MARKUP_FILES)])
def test_a_draft_saved_as_markup_is_refused_not_read_as_its_codes(tmp_path, name, data, told):
    """RTF, a web page, a web archive, Word 2003 XML, flat OpenDocument: text files whose text is
    codes. Read as plain text, an RTF draft gave one paragraph a control word ("{\\rtf1\\ansi\\deff4")
    and its operative paragraphs split between "Urges}{\\loch" and their text; each is now a
    one-line error that names the format and says to save the draft as .docx."""
    f = tmp_path / name
    f.write_bytes(data)
    _assert_one_line_error(accord("parse", f), name, [told])
    assert "save it as .docx" in accord("parse", f).stderr


def test_text_that_only_mentions_markup_is_text(tmp_path):
    """A draft that opens with an angle bracket or quotes a control word further on is text."""
    f = tmp_path / "note.txt"
    f.write_text("<<Bracketed text agreed ad ref>>\n\nRecalling the syntax {\\rtf1} and <html>,\n", encoding="utf-8")
    result = accord("parse", f, "--format", "text")
    assert result.returncode == 0, result.stderr
    assert "Bracketed text agreed ad ref" in result.stdout


def test_a_strict_open_xml_docx_is_refused_with_what_to_do(tmp_path):
    """Word's "Strict Open XML Document" is a .docx in other namespaces, which python-docx cannot
    read: the error said "'lxml.etree._Element' object has no attribute 'body'"; it now says what
    the file is and how to save it."""
    strict = tmp_path / "strict.docx"
    with zipfile.ZipFile(ROOT / "tests" / "fixtures" / "l2-en.docx") as source, zipfile.ZipFile(strict, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith((".xml", ".rels")):
                data = data.replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                    b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            out.writestr(item, data)
    result = accord("parse", strict)
    _assert_one_line_error(result, "strict.docx", ["strict open xml"])
    assert "save it as 'Word Document (*.docx)'" in result.stderr


def test_missing_file(tmp_path):
    _assert_one_line_error(accord("parse", tmp_path / "nope.pdf"), "nope.pdf", ["no such file"])


def test_bad_option_is_one_line():
    result = accord("parse", "--no-such-option", "x.pdf")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("seed", ["004_f8e11c2669303c1d.txt"])
def test_parse_text_seed(seed):
    """A plain-text seed parses to JSON with language and symbol."""
    import json

    result = accord("parse", ROOT.parent / "shared" / "seeds" / seed)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["language"] == "fr"
    assert data["symbol"] == "E/CN.15/2018/L.2"
    assert any(b["kind"] == "preamble" for b in data["blocks"])


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_text_with_a_byte_order_mark(tmp_path, encoding):
    """UTF-16 and UTF-8 text with a BOM read the same paragraphs as plain UTF-8."""
    import json

    text = "The General Assembly,\n\nRecalling its resolution 72/1,\n\n1. Urges Member States to act;\n"
    f = tmp_path / "draft.txt"
    f.write_bytes(text.encode(encoding))
    result = accord("parse", f)
    assert result.returncode == 0, result.stderr
    blocks = json.loads(result.stdout)["blocks"]
    assert [(b["kind"], b["number"]) for b in blocks] == [("paragraph", None), ("preamble", None), ("operative", "1")]
    assert blocks[2]["text"] == "Urges Member States to act;"


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    """`accord parse big.txt --format json | head -c 100`: the closed pipe ends the command
    quietly (no traceback, no 'Exception ignored' at exit), with status 2."""
    big = tmp_path / "big.txt"
    big.write_text("\n\n".join(f"{n}. Décide de rester saisie de la question numéro {n}." for n in range(1, 20_000)),
                   encoding="utf-8")  # about 3 MB of JSON: far over a pipe's buffer
    process = subprocess.Popen([sys.executable, "-m", "desktop", "parse", str(big), "--format", "json"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with process:
        assert process.stdout.read(100)
        process.stdout.close()
        stderr = process.stderr.read().decode()
        assert process.wait(timeout=120) == 2
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
