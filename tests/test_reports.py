"""Reports: the contract's JSON shape, a diff-like terminal report, one self-contained HTML page."""

import json
import re
from dataclasses import replace
from html.parser import HTMLParser

from compare.reports.html_report import render_html
from compare.reports.text import render_json, render_text
from compare.versions.engine import compare_documents
from parsers.labels import cite_labels
from parsers.model import Block, BlockKind, Document, Format

OLD = [
    "Encourage les entreprises à s’appuyer sur les applications technologiques pour détecter les risques ;",
    "Souligne l’importance d’une coopération efficace entre les services de détection et de répression ;",
    "Encourage les universitaires à étudier l’incidence des technologies sur la traite <des> personnes & co ;",
    "Prie le Directeur exécutif de présenter un rapport à la Commission à sa vingt-neuvième session.",
]
NEW = [
    "Prie instamment les entreprises à s’appuyer sur les applications technologiques pour détecter les risques ;",
    "Invite les États Membres à échanger des informations sur les contenus en ligne ;",
    "Prie le Directeur exécutif de présenter un rapport à la Commission à sa vingt-neuvième session.",
    "Souligne l’importance d’une coopération efficace entre les services de détection et de répression ;",
]


def comparison():
    def doc(path, texts, fmt):
        blocks = (Block(0, BlockKind.PARAGRAPH, "La Commission pour la prévention du crime et la justice pénale,"),
                  *(Block(i + 1, BlockKind.OPERATIVE, t, number=str(i + 1)) for i, t in enumerate(texts)))
        blocks = tuple(replace(b, label=label) for b, label in zip(blocks, cite_labels(blocks), strict=True))
        return Document(path, fmt, blocks, language="fr")

    return compare_documents(doc("old.pdf", OLD, Format.PDF), doc("new.docx", NEW, Format.DOCX))


def test_json_has_the_contract_shape():
    """Top-level keys, summary counts, and each change's keys and types are the contract's."""
    data = json.loads(render_json(comparison()))
    assert data["old"] == {"path": "old.pdf", "format": "pdf", "language": "fr", "symbol": None,
                           "warnings": []}
    assert data["new"]["format"] == "docx"
    summary = data["summary"]
    for key in ("added", "removed", "modified", "moved", "strengthened", "weakened"):
        assert isinstance(summary[key], int)
    assert (summary["added"], summary["removed"], summary["modified"], summary["moved"]) == (1, 1, 1, 1)
    assert (summary["strengthened"], summary["removed_commitments"], summary["added_commitments"]) == (1, 1, 1)
    for change in data["changes"]:
        assert {"kind", "commitment", "reasons", "old", "new", "ops", "moved"} <= set(change)
        for side in (change["old"], change["new"]):
            assert side is None or {"index", "kind", "number", "text"} <= set(side)
        assert all(isinstance(op, list) and len(op) == 2 and op[0] in ("equal", "delete", "insert")
                   for op in change["ops"])
    modified = next(c for c in data["changes"] if c["kind"] == "modified")
    assert modified["commitment"] == "strengthened"
    assert modified["reasons"] == ["operative verb 'Encourage' (encourage) -> 'Prie instamment' (urge)"]
    assert modified["ops"][:2] == [["delete", "Encourage"], ["insert", "Prie instamment"]]


def test_json_changes_rebuild_both_texts():
    """From the changes alone a consumer rebuilds every old and new block text."""
    data = json.loads(render_json(comparison()))
    old_texts = {c["old"]["index"]: "".join(t for k, t in c["ops"] if k != "insert") for c in data["changes"] if c["old"]}
    new_texts = [("".join(t for k, t in c["ops"] if k != "delete")) for c in data["changes"] if c["new"]]
    assert [old_texts[i] for i in sorted(old_texts)][1:] == OLD
    assert new_texts[1:] == NEW


def test_json_is_utf8_not_escaped():
    """Accented text is written as is (ensure_ascii=False)."""
    out = render_json(comparison())
    assert "Prie instamment" in out and "é" in out and "\\u00e9" not in out


def test_plain_text_report_is_wdiff_style():
    """Plain text: a summary line, each change cited by its labels (both when they differ), kind, ▲/▼
    and reasons, [-…-]{+…+} inline."""
    out = render_text(comparison(), color=False)
    assert "\033[" not in out
    assert "1 modified, 1 added, 1 removed, 1 moved" in out.splitlines()[2]
    assert "\nOP1  modified  ▲ strengthened" in out
    assert "[-Encourage-]{+Prie instamment+} les entreprises" in out
    assert "\nOP2 → OP4  moved" in out
    assert "OP3 removed: a commitment" in out
    assert "#" not in out


def test_colour_text_report_uses_ansi():
    """With colour, deletions and insertions are ANSI-coloured instead of bracketed."""
    out = render_text(comparison(), color=True)
    assert "\033[31;9mEncourage\033[0m" in out and "[-" not in out


class _Scan(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.urls += [v for k, v in attrs if k in ("src", "href") and v]


def test_html_is_self_contained_and_escaped():
    """One page: inline style, no script, no external resource (links only to its own rows), all
    text escaped, highlights not by colour alone."""
    out = render_html(comparison())
    scan = _Scan()
    scan.feed(out)
    assert "script" not in scan.tags and "style" in scan.tags
    assert scan.urls and all(re.fullmatch(r"#c\d+", u) for u in scan.urls)
    assert "&lt;des&gt; personnes &amp; co" in out and "<des>" not in out
    assert "<del>Encourage</del>" in out and "<ins>Prie instamment</ins>" in out
    assert re.search(r"text-decoration:\s*line-through", out) and re.search(r"text-decoration:\s*underline", out)
    assert '<tr id="c4" class="moved">' in out or re.search(r'<tr id="c\d+" class="moved">', out)
    assert "old.pdf" in out and "new.docx" in out
    assert "▲ renforcé" in out and "− engagement supprimé" in out


def test_html_speaks_the_documents_language():
    """French documents: <html lang="fr">, French headings, French text cells marked fr, the
    engine's reasons in French and marked fr (tests/test_reasons.py); an English pair gets English
    headings."""
    out = render_html(comparison())
    assert out.count('<html lang="fr">') == 1
    assert "<h2>Engagements</h2>" in out and "<h2>Paragraphe par paragraphe</h2>" in out
    assert '<td class="text" width="33%" lang="fr">' in out and '<ul class="reasons" lang="fr">' in out
    english = compare_documents(Document("a.txt", Format.TXT, (Block(0, BlockKind.OPERATIVE, "Urges States to act;",
                                                                      number="1", label="OP1"),), language="en"),
                                Document("b.txt", Format.TXT, (Block(0, BlockKind.OPERATIVE, "Requests States to act;",
                                                                      number="1", label="OP1"),), language="en"))
    html = render_html(english)
    assert '<html lang="en">' in html and "<h2>Commitments</h2>" in html and "▼ weakened" in html
    assert '<ul class="reasons" lang="en"><li>operative verb' in html


def test_summary_and_commitments_link_to_their_rows():
    """Each non-zero count links to the first row of its kind, each commitment to its row; every
    link has its target."""
    c = comparison()
    out = render_html(c)
    ids = set(re.findall(r'<tr id="(c\d+)"', out))
    links = re.findall(r'href="#(c\d+)"', out)
    assert links and set(links) <= ids
    moved = next(k for k, ch in enumerate(c.changes) if ch.kind == "moved")
    assert re.search(rf'<th>déplacés</th><td><a href="#c{moved}">1</a>', out)
    commitments = out.split("<h2>Engagements</h2>")[1].split("<h2>")[0]
    assert commitments.count('<a href="#c') == 3


def test_unchanged_paragraphs_fold_without_scripts():
    """Runs of unchanged paragraphs fold into a closed <details> row (the page shows the changes,
    no script needed); changes_only replaces each run by one line."""
    texts = [f"Paragraph {n} stays the same in both versions of the draft." for n in range(6)]
    old = Document("a.txt", Format.TXT, tuple(Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(texts)),
                   language="en")
    new_texts = [*texts[:5], "Paragraph 5 changed in the new version of the draft."]
    new = Document("b.txt", Format.TXT, tuple(Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(new_texts)),
                   language="en")
    c = compare_documents(old, new)
    out = render_html(c)
    assert "<details><summary>5 unchanged paragraphs</summary>" in out and "<details open" not in out
    folded = out.split("<details>")[1].split("</details>")[0]
    assert folded.count('<tr id="c') == 5  # still in the page, folded
    short = render_html(c, changes_only=True)
    assert "<details" not in short and short.count('<tr id="c') == 1
    assert "5 unchanged paragraphs (not shown)" in short


def test_pdf_report_from_the_command_line(tmp_path):
    """`accord compare --format pdf -o OUT` writes a PDF (Qt's printing) whose text holds the
    French headings, the commitments by label and the changed words; without -o it is refused
    with one line and status 2; other formats never load Qt."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    import pypdfium2

    root = Path(__file__).resolve().parent.parent
    fixtures = root / "tests" / "fixtures"
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(root))
    env.pop("QT_QPA_PLATFORM", None)

    def accord(*args):
        return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], cwd=root, env=env,
                              capture_output=True, text=True, timeout=240)

    out = tmp_path / "report.pdf"
    result = accord("compare", fixtures / "l2-fr.docx", fixtures / "l2-fr-rev1.docx", "--format", "pdf", "-o", out)
    assert result.returncode == 1, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    pdf = pypdfium2.PdfDocument(str(out))
    text = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert 2 <= len(pdf) <= 12
    assert "Engagements" in text and "OP5" in text and "Prie instamment" in text and "▲ renforcé" in text
    # each page ends with its footer: the two files, and the page's number of the pages
    for i in range(len(pdf)):
        foot = pdf[i].get_textpage().get_text_range().rstrip().splitlines()[-1]
        assert foot.endswith(f"{i + 1} / {len(pdf)}") and "l2-fr.docx → " in foot, foot
    refused = accord("compare", fixtures / "l2-fr.docx", fixtures / "l2-fr-rev1.docx", "--format", "pdf")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1 and "-o" in refused.stderr
    probe = ("import sys; from desktop.cli import main; "
             f"code = main(['compare', {str(fixtures / 'l2-fr.docx')!r}, {str(fixtures / 'l2-fr-rev1.docx')!r}, "
             "'--format', 'html', '-o', sys.argv[1]]); "
             "assert 'PySide6' not in sys.modules, 'Qt loaded'; print(code)")
    html = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "r.html")], cwd=root, env=env,
                          capture_output=True, text=True, timeout=240)
    assert html.stdout.strip() == "1", html.stderr


def test_print_document_paginates_on_a_printer(qapp, tmp_path):
    """printing.print_document (the window's Print and Print preview) prints the report on a
    QPrinter set to PDF: the file holds the report's headings and changes, on the pages it counts."""
    import pytest

    pytest.importorskip("PySide6.QtPrintSupport")
    import pypdfium2
    from PySide6.QtPrintSupport import QPrinter

    from desktop.printing import print_document, report_document, setup_printer

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    setup_printer(printer)
    pages = print_document(report_document(comparison()), printer)
    del printer
    pdf = pypdfium2.PdfDocument(str(tmp_path / "printed.pdf"))
    assert len(pdf) == pages
    text = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "Engagements" in text and "Prie instamment" in text and "OP1" in text


def test_compare_json_holds_every_change_one_a_line():
    """The JSON report is the same data written faster: the head indented, each change on a line of
    its own (the C encoder), and a comparison without changes is still valid JSON."""
    from dataclasses import replace

    from compare.reports.text import change_dict

    c = comparison()
    out = render_json(c)
    data = json.loads(out)
    assert data["changes"] == [json.loads(json.dumps(change_dict(change))) for change in c.changes]
    assert sum(1 for line in out.splitlines() if line.startswith('    {"kind": ')) == len(c.changes)
    assert json.loads(render_json(replace(c, changes=())))["changes"] == []
