"""Warnings travel: each document's reader warnings reach compare's JSON and text report, align's
JSON and stderr; documents in different languages are said to be so (compare.route)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from compare.reports.text import render_json, render_text
from compare.route import is_cross_language, notices
from compare.versions.engine import compare_documents
from parsers.model import Block, BlockKind, Document, Format

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
TRACKED = "tracked changes were found and read as accepted"


def accord(*args, tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=240)


def doc(path, language, warnings=()):
    return Document(path, Format.TXT, (Block(0, BlockKind.PARAGRAPH, "Text."),), language=language,
                    warnings=tuple(warnings))


def test_cross_language_needs_two_known_different_languages():
    """fr against en is cross-language; fr against fr-CA or an unknown language is not."""
    assert is_cross_language(doc("a", "fr"), doc("b", "en"))
    assert not is_cross_language(doc("a", "fr"), doc("b", "fr-CA"))
    assert not is_cross_language(doc("a", None), doc("b", "en"))


def test_reports_carry_each_documents_warnings_and_the_language_notice():
    """JSON: old.warnings / new.warnings and a top-level warnings list with the language notice;
    text: one warning line each, naming the file."""
    c = compare_documents(doc("old.docx", "fr", ["text boxes were not read"]), doc("new.docx", "en"))
    data = json.loads(render_json(c))
    assert data["old"]["warnings"] == ["text boxes were not read"] and data["new"]["warnings"] == []
    assert len(data["warnings"]) == 1 and "different languages (fr and en)" in data["warnings"][0]
    text = render_text(c, color=False)
    assert "warning: old.docx: text boxes were not read" in text
    assert "warning: the documents are in different languages" in text
    assert notices(doc("a", "en"), doc("b", "en")) == ()


def test_command_line_warns_on_stderr_in_compare_and_align(tmp_path):
    """A Word draft with tracked changes: compare (JSON and text) and align (JSON) carry its warning,
    and stderr says it once, naming the file; French against English says the languages differ."""
    tracked, english = FIXTURES / "tracked-changes.docx", FIXTURES / "l2-en.docx"
    result = accord("compare", tracked, english, "--format", "json", tmp_path=tmp_path)
    assert result.returncode == 1
    assert any(TRACKED in w for w in json.loads(result.stdout)["old"]["warnings"])
    assert result.stderr.count(TRACKED) == 1 and "tracked-changes.docx" in result.stderr
    text = accord("compare", tracked, english, tmp_path=tmp_path)
    assert TRACKED in text.stdout
    aligned = accord("align", tracked, english, "--format", "json", tmp_path=tmp_path)
    assert aligned.returncode == 0, aligned.stderr
    assert any(TRACKED in w for w in json.loads(aligned.stdout)["source"]["warnings"])
    assert TRACKED in aligned.stderr
    languages = accord("compare", FIXTURES / "l2-fr.docx", FIXTURES / "l2-en-rev1.docx", tmp_path=tmp_path)
    assert "different languages (fr and en)" in languages.stderr
    assert "different languages (fr and en)" in languages.stdout
