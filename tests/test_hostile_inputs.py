"""Hostile inputs, second round (issue 17): pipes and devices, odd encodings, control characters
and terminal escapes, odd file names, bad settings and odd output targets each end with a clean
result or one line and exit 2: never a traceback, a hang or garbage written."""

from __future__ import annotations

import io
import os
import re
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from parsers import ErrorCode, ParseError
from parsers.clean import REPLACEMENT, clean_document, clean_text
from parsers.model import Block, BlockKind, Document, Format
from parsers.sniff import sniff
from parsers.txt_reader import read_txt

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
POSIX = pytest.mark.skipif(os.name != "posix", reason="pipes, devices and byte file names are POSIX")
TEXT = "Décide de rester saisie de la question et prie le Secrétaire général de faire rapport.\n"


def accord(*args, env=None, timeout=60, **kwargs):
    return subprocess.run([sys.executable, "-m", "desktop", *map(os.fsdecode, args)], cwd=ROOT,
                          capture_output=True, timeout=timeout, env={**os.environ, **(env or {})}, **kwargs)


def one_line_error(done, *words):
    assert done.returncode == 2, done
    stderr = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert all(w.lower() in stderr.lower() for w in words), stderr
    return stderr


@POSIX
@pytest.mark.parametrize("command", ["parse", "compare"])
def test_a_fifo_or_a_device_as_input_is_refused_at_once(tmp_path, command):
    """A FIFO (no writer), /dev/zero and /dev/urandom: one line, exit 2, never a hang (they were
    hashed for the cache key before any check)."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    text = tmp_path / "a.txt"
    text.write_text(TEXT, encoding="utf-8")
    for hostile in (fifo, "/dev/zero", "/dev/urandom"):
        args = [hostile] if command == "parse" else [text, hostile]
        one_line_error(accord(command, *args, timeout=30), str(hostile), "not a regular file")


@POSIX
def test_a_fifo_as_input_does_not_hang_the_window(tmp_path):
    """`accord gui --screenshot` with a FIFO as the old file ends (the error shown in the window)."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    text = tmp_path / "a.txt"
    text.write_text(TEXT, encoding="utf-8")
    done = accord("gui", fifo, text, "--screenshot", tmp_path / "shot.png", timeout=120,
                  env={"QT_QPA_PLATFORM": "offscreen"})
    assert "Traceback" not in done.stderr.decode("utf-8", "replace")


def test_utf32_text_is_read_as_utf32(tmp_path):
    """A UTF-32 file with its BOM (FF FE 00 00) is read as UTF-32, not as UTF-16 full of NULs."""
    path = tmp_path / "utf32.txt"
    path.write_bytes(TEXT.encode("utf-32"))
    assert sniff(str(path)) is Format.TXT
    (paragraph,) = read_txt(str(path))
    assert paragraph.text == TEXT.strip() and "\x00" not in paragraph.text


def test_nul_bytes_after_the_first_kilobyte_are_not_text(tmp_path):
    """A NUL anywhere (here after the sniffed kilobyte) makes the file binary: an error, not text."""
    path = tmp_path / "binary.txt"
    path.write_bytes(TEXT.encode() * 40 + b"\x00\x01\x02" + TEXT.encode())
    with pytest.raises(ParseError) as info:
        read_txt(str(path))
    assert info.value.code is ErrorCode.UNSUPPORTED and "NUL" in info.value.message


def test_latin1_text_is_called_not_utf8(tmp_path):
    """Latin-1 text gets 'not UTF-8', not 'not a PDF, Word or text file'."""
    path = tmp_path / "latin1.txt"
    path.write_bytes(TEXT.encode("latin-1"))
    done = accord("parse", path)
    one_line_error(done, "latin1.txt", "not UTF-8")


def test_control_characters_are_replaced_at_the_reader_boundary():
    """NUL, \\x01, ESC, U+FFFE, a lone surrogate become U+FFFD, separators a space, one for one (so
    span offsets hold), with a warning counting them; tabs and line feeds stay."""
    dirty = "a\x00b\x01c\x1b]0;title\x07d\ufffee\ud800f\x85g\u2028h\x1ci\tj\nk"
    cleaned = clean_text(dirty)
    assert len(cleaned) == len(dirty)
    assert cleaned == f"a{REPLACEMENT}b{REPLACEMENT}c{REPLACEMENT}]0;title{REPLACEMENT}d{REPLACEMENT}e" \
                      f"{REPLACEMENT}f g h i\tj\nk"
    doc = Document(path="x", format=Format.PDF, blocks=(Block(0, BlockKind.PARAGRAPH, dirty),))
    clean = clean_document(doc)
    assert clean.blocks[0].text == cleaned
    assert any("6 control or invalid" in w for w in clean.warnings)


def test_text_of_a_font_without_unicode_mapping_gets_a_warning():
    """Text that is mostly private-use code points (a font with no ToUnicode map) is flagged."""
    garbage = "".join(chr(0xE000 + (i * 7) % 300) for i in range(200))
    doc = Document(path="x", format=Format.PDF, blocks=(Block(0, BlockKind.PARAGRAPH, garbage),))
    assert any("Unicode mapping" in w for w in clean_document(doc).warnings)
    plain = Document(path="x", format=Format.PDF, blocks=(Block(0, BlockKind.PARAGRAPH, TEXT * 3),))
    assert clean_document(plain) == plain


def _dirty_pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("Décide de rester\x01 saisie \x1b]0;pwned\x07de la question\ufffe.\n\n"
                   "Prie le Secrétaire général\x1b[2J de faire rapport.\n", encoding="utf-8", errors="surrogatepass")
    new.write_text("Décide de rester\x01 saisie \x1b]0;pwned\x07de la question\ufffe et de l'affaire.\n\n"
                   "Prie instamment le Secrétaire général\x1b[2J de faire rapport.\n", encoding="utf-8")
    return old, new


def test_control_characters_reach_neither_the_redline_nor_the_terminal(tmp_path):
    """A pair full of controls and escapes: the Word redline is written (it raised 'All strings
    must be XML compatible'), and the text report carries no ESC, BEL or NUL, colour or not."""
    old, new = _dirty_pair(tmp_path)
    out = tmp_path / "redline.docx"
    done = accord("compare", old, new, "--format", "docx", "-o", out)
    assert done.returncode == 1, done.stderr
    with zipfile.ZipFile(out) as zf:
        assert b"\x1b" not in zf.read("word/document.xml")
    for color in ("never", "always"):
        done = accord("compare", old, new, "--color", color)
        assert done.returncode == 1, done.stderr
        report = done.stdout.replace(b"\x1b[", b"")  # our own colour sequences only
        assert not any(c in report for c in (b"\x1b", b"\x07", b"\x00", b"\x01")), report
    done = accord("parse", old, "--format", "text")
    assert done.returncode == 0 and b"\x1b" not in done.stdout and b"\x07" not in done.stdout


def test_separators_do_not_split_tsv_lines(tmp_path):
    """align --lines --format tsv: \\x85, \\x1c and U+2028 inside a line stay in its one TSV line."""
    src, tgt = tmp_path / "src.txt", tmp_path / "tgt.txt"
    src.write_text("One\x85line\x1cthree.\nTwo\u2028lines.\n", encoding="utf-8")
    tgt.write_text("Une\x85ligne\x1ctrois.\nDeux\u2028lignes.\n", encoding="utf-8")
    done = accord("align", src, tgt, "--lines", "--format", "tsv", "--source-language", "en",
                  "--target-language", "fr")
    assert done.returncode == 0, done.stderr
    rows = done.stdout.decode().splitlines()
    # four columns: source, target, score, flags
    assert len(rows) == 2 and all(row.count("\t") == 3 for row in rows), rows
    assert [row.split("\t")[:2] for row in rows] == [["One line three.", "Une ligne trois."],
                                                       ["Two lines.", "Deux lignes."]]


def test_a_language_is_a_code_never_a_path(tmp_path):
    """--language ../../x is refused in one line (it read ../../x.toml); a known code is taken."""
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    one_line_error(accord("parse", path, "--language", "../../x"), "unknown language")
    one_line_error(accord("align", path, path, "--source-language", "/etc/passwd"), "unknown language")
    assert accord("parse", path, "--language", "fr").returncode == 0


@POSIX
@pytest.mark.parametrize("fmt", ["json", "html"])
def test_a_file_name_that_is_not_utf8_is_written_out(tmp_path, fmt):
    """A non-UTF-8 file name (bytes \\xe9) with -o json/html: written (valid UTF-8, U+FFFD for the
    byte), where it raised UnicodeEncodeError."""
    folder = os.fsencode(tmp_path)
    old, new = folder + b"/vieux-\xe9.txt", folder + b"/new.txt"
    with open(old, "wb") as fh:
        fh.write(TEXT.encode())
    with open(new, "wb") as fh:
        fh.write(TEXT.replace("rapport", "un rapport").encode())
    out = tmp_path / f"out.{fmt}"
    done = accord("compare", old, new, "--format", fmt, "-o", out)
    assert done.returncode == 1, done.stderr
    out.read_bytes().decode("utf-8")  # valid UTF-8


@POSIX
def test_a_newline_or_escape_in_a_file_name_keeps_the_error_on_one_line(tmp_path):
    """A missing file named with a newline and an ESC: the message is one printable line."""
    done = accord("parse", tmp_path / "two\nlines\x1b[2J.txt")
    stderr = one_line_error(done, "no such file")
    assert "\x1b" not in stderr and "two\\x0alines\\x1b" in stderr


@pytest.mark.parametrize("name,value", [("ACCORD_CACHE_MB", "nan"), ("ACCORD_CACHE_MB", "inf"),
                                        ("ACCORD_PARSE_MEMORY_MB", "inf"), ("ACCORD_PARSE_TIMEOUT", "-1")])
def test_a_bad_setting_is_one_line(tmp_path, name, value):
    """ACCORD_CACHE_MB=nan|inf, ACCORD_PARSE_MEMORY_MB=inf: one line naming the variable, exit 2."""
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    one_line_error(accord("parse", path, env={name: value}), name)


def numbering_rewritten(path: Path, pattern: bytes, replacement: bytes) -> Path:
    """A copy of the numbering-restart fixture at `path`, its numbering.xml with `pattern` replaced."""
    with zipfile.ZipFile(FIXTURES / "numbering-restart.docx") as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/numbering.xml":
                data = re.sub(pattern, replacement, data)
            zout.writestr(item, data)
    return path


def test_a_4300_digit_start_value_is_read_cleanly(tmp_path):
    """A Word numbering w:start of 4,300 digits: the file is read (start taken as 1), with no
    'set_int_max_str_digits' advice anywhere."""
    path = numbering_rewritten(tmp_path / "start.docx", rb'w:start w:val="\d+"', b'w:start w:val="' + b"9" * 4300 + b'"')
    done = accord("parse", path, "--format", "text")
    assert done.returncode == 0, done.stderr
    assert b"set_int_max_str_digits" not in done.stdout + done.stderr


def test_a_level_text_repeating_a_placeholder_makes_short_labels(tmp_path):
    """lvlText with %1 a thousand times: labels stay short (they reached 16,000-24,000 characters)."""
    from parsers.docx.numbering import MAX_LEVEL_TEXT

    path = numbering_rewritten(tmp_path / "labels.docx", rb'w:lvlText w:val="[^"]*"',
                               b'w:lvlText w:val="' + b"%1." * 1000 + b'"')
    done = accord("parse", path, "--format", "json")
    assert done.returncode == 0, done.stderr
    import json

    numbers = [b["number"] for b in json.loads(done.stdout)["blocks"] if b["number"]]
    assert numbers and max(len(n) for n in numbers) <= MAX_LEVEL_TEXT * 2


@POSIX
@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="making a device node needs root")
def test_output_onto_a_character_device_writes_into_it_without_replacing_it(tmp_path):
    """-o onto a character device (a copy of /dev/null made in tmp): written into, still a device."""
    node = tmp_path / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    done = accord("parse", path, "-o", node)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISCHR(os.lstat(node).st_mode)


@POSIX
def test_output_onto_a_fifo_without_a_reader_is_refused_without_hanging(tmp_path):
    """-o onto a FIFO nobody reads: one line, exit 2, no hang, the FIFO still a FIFO."""
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    one_line_error(accord("parse", path, "-o", fifo, timeout=30), "out.fifo")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@POSIX
def test_output_through_a_symbolic_link_replaces_the_file_it_points_to(tmp_path):
    """-o LINK: the link is followed (as a shell's > does); the link stays, its target is written."""
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert accord("parse", path, "-o", link).returncode == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("{")


def test_output_onto_a_folder_is_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    one_line_error(accord("parse", path, "-o", tmp_path), "folder")


def test_clean_text_keeps_ordinary_text_as_it_is():
    """Every script Accord reads, tabs and line feeds pass unchanged (the same object)."""
    text = "Décide — مقرر 决定 Решение\tcellule\nligne ‘quote’ « guillemets »"
    assert clean_text(text) is text
    assert io.StringIO(text).read() == clean_text(text)


def _pdf_with_pages(count: int) -> bytes:
    """A small PDF whose `count` pages share one content stream (well-formed, with its xref)."""
    content = b"BT /F1 12 Tf 72 720 Td (Page text.) Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count %d /Kids [%s] >>" % (count, b" ".join(b"%d 0 R" % (5 + k) for k in range(count))),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                b"/Contents 4 0 R >>"] * count
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_the_page_limit_is_what_the_memory_cap_allows(tmp_path):
    """A 1,950-page PDF (under the 5,000-page option, over what 1 GiB holds at 0.45 MB a page) is
    refused at once with the limit in one line, not killed half-way by the cap; a larger cap
    (ACCORD_PARSE_MEMORY_MB) raises the limit."""
    from desktop.loading import pages_within

    assert pages_within(1024) < 1950 < pages_within(4096)
    path = tmp_path / "long.pdf"
    path.write_bytes(_pdf_with_pages(1950))
    one_line_error(accord("parse", path, timeout=120), "1,950 pages", f"{pages_within(1024):,}-page limit")


def test_a_lexicon_name_is_never_a_path():
    """resources.lexicon refuses a language that is a path (it opened ../../x.toml): {} instead."""
    import resources

    assert resources.lexicon("commitments", "../../x") == {}
    assert resources.lexicon("commitments", "/etc/passwd") == {}
    assert resources.lexicon("commitments", "fr")
