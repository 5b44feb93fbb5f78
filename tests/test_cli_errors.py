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
