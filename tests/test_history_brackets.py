"""Negotiation brackets: read as such (options, alternatives, bis paragraphs, agreed marks),
counted per version, and followed between versions (added, resolved, removed, still open)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from compare.history.brackets import BracketKind, bracket_changes, counts, find_brackets, tally
from compare.versions.engine import compare_documents
from desktop.cli import main
from parsers.api import parse_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
ZERO, REV1 = FIXTURES / "bracketed-zero.txt", FIXTURES / "bracketed-rev1.txt"


def test_options_alternatives_and_nesting_are_brackets_footnote_calls_are_not():
    """'[a]' is an option, '[alt 1: x]' an alternative, a nested bracket belongs to its outer one;
    '[1]', '[sic]' and an adopted resolution's '[on the report of …]' are not brackets, and
    '[alternative development]' is an option, not an alternative."""
    text = ("Urges [strongly [and urgently]] States[1] to [alt 1: act][Alt. 2: consider acting] on [alternative "
            "development] [sic] [on the report of the Third Committee (A/72/440)]")
    found = find_brackets(text)
    assert [(b.kind, b.text) for b in found] == [
        (BracketKind.OPTION, "strongly [and urgently]"),
        (BracketKind.ALTERNATIVE, "act"),
        (BracketKind.ALTERNATIVE, "consider acting"),
        (BracketKind.OPTION, "alternative development"),
    ]
    assert text[found[0].start:found[0].end] == "[strongly [and urgently]]"


def test_bis_and_alt_paragraphs_get_their_own_labels():
    """'5 bis.' is operative paragraph '5 bis', labelled OP5bis, between OP5 and OP6."""
    doc = parse_file(str(ZERO))
    labels = [b.label for b in doc.blocks if b.kind == "operative"]
    assert labels[4:7] == ["OP5", "OP5bis", "OP6"]
    assert next(b for b in doc.blocks if b.label == "OP5bis").number == "5 bis"


def test_a_zero_draft_counts_what_is_still_open():
    """The zero draft: 8 brackets (2 alternatives) in 6 paragraphs, one paragraph agreed ad ref,
    one bis paragraph; Rev.1: 3 brackets in 3 paragraphs."""
    zero, rev1 = counts(parse_file(str(ZERO))), counts(parse_file(str(REV1)))
    assert (zero.brackets, zero.alternatives, zero.paragraphs, zero.agreed, zero.special_numbers) == (8, 2, 6, 1, 1)
    assert (rev1.brackets, rev1.alternatives, rev1.paragraphs) == (3, 0, 3)


def test_between_two_rounds_each_bracket_is_resolved_removed_added_or_still_open():
    """Zero draft -> Rev.1 as the generator made it (see bracketed_drafts.py)."""
    changes = bracket_changes(compare_documents(parse_file(str(ZERO)), parse_file(str(REV1))))
    got = sorted((str(c.fate), c.label, c.text[:30]) for c in changes)
    assert got == sorted([
        ("resolved", "OP1", "as a matter of priority"),
        ("open", "OP3", ", as appropriate,"),
        ("removed", "OP5", "Encourages"),
        ("resolved", "OP5", "Urges"),
        ("open", "OP5bis", "Invites Member States to exchan"[:30]),
        ("added", "OP6", "including through social media"),
        ("removed", "OP7", "Encourages academics and resear"[:30]),
        ("resolved", "OP12", "at its twenty-ninth session"),
        ("removed", "OP12", "at its thirtieth session"),
    ])
    assert tally(changes) == {"added": 1, "resolved": 3, "removed": 3, "open": 2}


def test_history_reports_brackets_per_version_and_per_step(tmp_path, capsys):
    """accord history: JSON 'brackets' with counts per version and fates per step; the text report
    says what was resolved and what is still open."""
    out = tmp_path / "h.json"
    assert main(["history", str(ZERO), str(REV1), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))["brackets"]
    assert [v["brackets"] for v in data["versions"]] == [8, 3]
    assert data["steps"][0]["summary"] == {"added": 1, "resolved": 3, "removed": 3, "open": 2}
    assert main(["history", str(ZERO), str(REV1)]) == 0
    text = capsys.readouterr().out
    assert "3 resolved, 3 removed, 1 added, 2 still open" in text


def test_the_committed_drafts_are_what_the_generator_writes():
    """bracketed-zero.txt and bracketed-rev1.txt match bracketed_drafts.py."""
    spec = importlib.util.spec_from_file_location("bracketed_drafts", FIXTURES / "bracketed_drafts.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.render("E/CN.15/2018/L.2", module.zero_draft()) == ZERO.read_text(encoding="utf-8")
    assert module.render("E/CN.15/2018/L.2/Rev.1", module.rev1()) == REV1.read_text(encoding="utf-8")
