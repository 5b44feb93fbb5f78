"""End to end on the UN fixtures: `accord compare` reports exactly the manifest's changes, from Word
and from PDF, and a PDF against the Word file it was made from shows no differences."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from compare.text.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

MANIFEST = json.loads((FIXTURES / "l2-rev1-changes.json").read_text(encoding="utf-8"))


def accord(*args):
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=240)


def compare_json(old, new):
    result = accord("compare", FIXTURES / old, FIXTURES / new, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


def key(text):
    return normalize(text or "").text


def matches(expected, change, language):
    """Does this reported change stand for that manifest entry?"""
    old, new = change["old"] or {}, change["new"] or {}
    if change["kind"] != expected["kind"] or (old or new).get("kind") != expected["block"]:
        return False
    if expected["block"] == "operative":
        return (old.get("number"), new.get("number")) == (expected.get("old_number"), expected.get("new_number"))
    if expected["block"] == "heading":
        return key(expected["old_text"]) in key(old.get("text")) and key(expected["new_text"]) in key(new.get("text"))
    return key(old.get("text")) == key(expected.get("old_text")) and key(new.get("text")) == key(expected.get("new_text"))


CASES = [(lang, fmt) for lang in MANIFEST["pairs"] for fmt in ("docx", "pdf", "pdf-docx", "docx-pdf")]


def files(pair, fmt):
    """The old and new fixture names for one format combination (old format-new format)."""
    old_fmt, _, new_fmt = fmt.partition("-")
    new_fmt = new_fmt or old_fmt
    return (pair["old"] if old_fmt == "docx" else pair["old_pdf"],
            pair["new"] if new_fmt == "docx" else pair["new_pdf"])


@pytest.mark.parametrize(("language", "fmt"), CASES, ids=[f"{lang}-{fmt}" for lang, fmt in CASES])
def test_revision_reports_exactly_the_manifest_changes(language, fmt):
    """Every expected change is reported with its kind and commitment, and nothing else differs,
    from Word, from PDF and across the two."""
    pair = MANIFEST["pairs"][language]
    old, new = files(pair, fmt)
    status, data = compare_json(old, new)
    assert status == 1
    reported = [c for c in data["changes"] if c["kind"] != "unchanged"]
    expected = list(pair["changes"])
    symbol = next(e for e in expected if e.get("what") == "document symbol")
    if not any(matches(symbol, c, language) for c in reported):
        # The PDF reader takes the symbol as a running header: it is then the document's symbol.
        assert (data["old"]["symbol"], data["new"]["symbol"]) == (symbol["old_text"], symbol["new_text"])
        expected.remove(symbol)
    for entry in expected:
        found = [c for c in reported if matches(entry, c, language)]
        assert len(found) == 1, entry
        assert found[0]["commitment"] == entry["commitment"], (entry, found[0]["reasons"])
        reported.remove(found[0])
    assert reported == [], "spurious changes"


@pytest.mark.parametrize(("language", "fmt"), CASES, ids=[f"{lang}-{fmt}" for lang, fmt in CASES])
def test_revision_summary_counts_commitments(language, fmt):
    """The summary counts the manifest's commitments and the removed and added operative paragraphs."""
    pair = MANIFEST["pairs"][language]
    old, new = files(pair, fmt)
    summary = compare_json(old, new)[1]["summary"]
    wanted = [e["commitment"] for e in pair["changes"]]
    assert summary["strengthened"] == wanted.count("strengthened")
    assert summary["weakened"] == wanted.count("weakened")
    assert (summary["removed_commitments"], summary["added_commitments"], summary["moved"]) == (1, 1, 1)


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_pdf_and_word_of_the_same_draft_do_not_differ(language):
    """l2-<lang>.pdf against l2-<lang>.docx: no differences, exit status 0."""
    result = accord("compare", FIXTURES / f"l2-{language}.pdf", FIXTURES / f"l2-{language}.docx", "--format", "json")
    data = json.loads(result.stdout)
    assert result.returncode == 0, [c for c in data["changes"] if c["kind"] not in ("unchanged", "renumbered")]


def test_same_file_twice_is_exit_zero_in_every_format(tmp_path):
    """A file against itself: exit 0 for text, JSON and HTML output."""
    for fmt in ("text", "json", "html"):
        out = tmp_path / f"report.{fmt}"
        result = accord("compare", FIXTURES / "l2-fr.docx", FIXTURES / "l2-fr.docx", "--format", fmt, "-o", out)
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 0


def test_html_report_of_the_revision(tmp_path):
    """The HTML report of the French revision names both files, speaks French, and lists the
    commitments (strengthened, weakened, added, removed) in its table and its rows."""
    out = tmp_path / "rev1.html"
    result = accord("compare", FIXTURES / "l2-fr.docx", FIXTURES / "l2-fr-rev1.docx", "--format", "html", "-o", out)
    assert result.returncode == 1, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "l2-fr.docx" in html and "l2-fr-rev1.docx" in html
    assert '<html lang="fr">' in html
    assert html.count("▲ renforcé") >= 2 and html.count("▼ affaibli") >= 4  # commitments table + pairs
    assert "+ engagement ajouté" in html and "− engagement supprimé" in html
    assert "<del>Encourage</del> les entreprises" in html and "<ins>Prie instamment</ins> les entreprises" in html
