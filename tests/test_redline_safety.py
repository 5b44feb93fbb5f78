"""The redline export re-checks the new Word file before inflating it in the application."""

import dataclasses
import sys
from pathlib import Path

import pytest

from compare.redline.writer import render_redline
from compare.versions.engine import compare_documents
from parsers import ErrorCode, ParseError, parse_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(Path(__file__).resolve().parent / "hostile"))

from make_hostile import docx_bomb  # noqa: E402


def test_new_file_swapped_for_a_zip_bomb_is_refused(tmp_path):
    """A .docx replaced by a zip bomb between parsing and export gives a HOSTILE error, not a blow-up."""
    comparison = compare_documents(parse_file(str(FIXTURES / "l2-fr.docx")),
                                   parse_file(str(FIXTURES / "l2-fr-rev1.docx")))
    bomb = tmp_path / "l2-fr-rev1.docx"
    docx_bomb(bomb)
    swapped = dataclasses.replace(comparison, new=dataclasses.replace(comparison.new, path=str(bomb)))
    with pytest.raises(ParseError) as info:
        render_redline(swapped)
    assert info.value.code is ErrorCode.HOSTILE
