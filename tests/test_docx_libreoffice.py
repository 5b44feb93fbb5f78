"""Word files written by another producer: LibreOffice re-saves the fixtures with its own
styles, numbering definitions and footnote layout, and the reader must see the same document."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from libreoffice import SOFFICE

from parsers.api import parse_file
from parsers.docx.reader import read_docx

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# A cold LibreOffice start and three conversions take ~10 s here; allow for a loaded machine.
CONVERT_TIMEOUT_S = 180

pytestmark = [pytest.mark.libreoffice,
              pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")]


@pytest.fixture(scope="module")
def resaved(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("lo-out")
    profile = tmp_path_factory.mktemp("lo-profile")
    names = ["l2-fr.docx", "l2-en-rev1.docx", "tracked-changes.docx", "footnotes.docx"]
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
         "docx:MS Word 2007 XML", "--outdir", str(out), *(str(FIXTURES / n) for n in names)],
        check=True, timeout=CONVERT_TIMEOUT_S, capture_output=True,
    )
    return out


def shape(path: Path):
    d = parse_file(str(path))
    return [(b.kind, b.number, b.level, b.text, b.italic_prefix(), b.footnote_marks) for b in d.blocks], d.footnotes


@pytest.mark.parametrize("name", ["l2-fr.docx", "l2-en-rev1.docx"])
def test_resolution_resaved_by_libreoffice_reads_the_same(resaved, name):
    """Kinds, numbers, levels, texts, italic verbs, marks and footnotes survive LibreOffice's rewrite."""
    assert shape(resaved / name) == shape(FIXTURES / name)


@pytest.mark.parametrize("original", [False, True])
def test_tracked_changes_resaved_by_libreoffice(resaved, original):
    """LibreOffice's own w:ins/w:del markup reads the same, accepted and rejected."""
    def texts(path: Path) -> list[str]:
        return [p.text for p in read_docx(str(path), original=original).paragraphs]

    assert texts(resaved / "tracked-changes.docx") == texts(FIXTURES / "tracked-changes.docx")


def test_custom_mark_typed_twice_by_libreoffice(resaved):
    """LibreOffice repeats a custom footnote mark inside the note; the text comes back clean."""
    assert read_docx(str(resaved / "footnotes.docx")).footnotes == read_docx(str(FIXTURES / "footnotes.docx")).footnotes
