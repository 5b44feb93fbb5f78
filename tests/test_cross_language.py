"""`accord compare` across languages: paragraphs paired across the languages, structural changes
and commitment changes read through both languages' lexicons, no word ops."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from compare.history.cross_language import compare_across, is_cross_language
from compare.history.cross_signals import cross_signals, verdict
from compare.model import ChangeKind, Comparison
from compare.progress import run
from compare.versions.engine import compare_documents
from desktop.cli import main
from parsers.api import parse_file
from parsers.model import Block, BlockKind

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
QUIET = (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED)


def _by_labels(c: Comparison) -> dict[tuple[str | None, str | None], tuple[str, str | None]]:
    """(old label, new label) -> (kind, commitment) for every change between labeled paragraphs."""
    out = {}
    for ch in c.changes:
        o, n = ch.old, ch.new
        if (o and o.label) or (n and n.label):
            out[(o.label if o else None, n.label if n else None)] = (str(ch.kind), ch.commitment)
    return out


def _others(same: Comparison, cross: Comparison) -> list[str]:
    """Paragraphs the cross-language comparison reports as changed where the same-language one
    does not (unlabeled masthead lines included, by count)."""
    same_l, cross_l = _by_labels(same), _by_labels(cross)
    others = [f"{k}: {v}" for k, v in cross_l.items() if v[0] not in map(str, QUIET) and same_l.get(k, ("",))[0]
              in map(str, QUIET)]
    unlabeled = [ch for ch in cross.changes if not any(b.label for b in (*ch.olds, *ch.news))]
    same_unlabeled = [ch for ch in same.changes if not any(b.label for b in (*ch.olds, *ch.news))]
    extra = sum(ch.kind not in QUIET for ch in unlabeled) - sum(ch.kind not in QUIET for ch in same_unlabeled)
    return others + ["masthead line"] * max(0, extra)


@pytest.mark.parametrize(("old", "new", "reference", "mastheads"), [
    ("l2-en.docx", "l2-fr-rev1.docx", "l2-en-rev1.docx", True),
    ("l2-fr.docx", "l2-en-rev1.docx", "l2-fr-rev1.docx", True),
    # the PDFs lay their mastheads out differently in each language (the English one joins
    # "Distr.: Limited 13 April 2018" on one line): only paragraphs are counted there
    ("l2-en.pdf", "l2-fr-rev1.pdf", "l2-en-rev1.pdf", False),
])
def test_a_revision_in_another_language_reports_the_changes_of_the_same_language_comparison(old, new, reference,
                                                                                          mastheads):
    """Every structural change (added, removed, moved) and every commitment change of the
    same-language comparison is reported across languages on the same labels, with at most two
    other paragraphs reported as changed."""
    same = compare_documents(parse_file(str(FIXTURES / old)), parse_file(str(FIXTURES / reference)))
    cross = run(compare_across(parse_file(str(FIXTURES / old)), parse_file(str(FIXTURES / new))))
    same_l, cross_l = _by_labels(same), _by_labels(cross)
    wanted = {k: v for k, v in same_l.items() if v[0] in ("added", "removed", "moved") or v[1]}
    assert wanted, "the reference comparison has structural and commitment changes"
    assert {k: cross_l.get(k) for k in wanted} == wanted
    def notes(keys: set[tuple[str | None, str | None]]) -> set[tuple[str | None, str | None]]:
        return {k for k in keys if any(x and x.startswith("FN") for x in k)}

    assert set(cross_l) - notes(set(cross_l)) == set(same_l) - notes(set(same_l)), "the same paragraphs are paired"
    if notes(set(same_l)):  # when the engine compares footnotes, the same footnotes are paired
        assert notes(set(cross_l)) == notes(set(same_l))
    others = [o for o in _others(same, cross) if mastheads or o != "masthead line"]
    assert len(others) <= 2, others


def test_cross_language_pairs_carry_no_word_ops():
    """No word ops across languages, and OP5's verb change is read through both lexicons."""
    cross = run(compare_across(parse_file(str(FIXTURES / "l2-en.docx")), parse_file(str(FIXTURES / "l2-fr-rev1.docx"))))
    assert all(ch.ops == () for ch in cross.changes)
    op5 = next(ch for ch in cross.changes if ch.new and ch.new.label == "OP5")
    assert op5.commitment == "strengthened"
    assert op5.reasons == ("operative verb 'Encourages' (encourage) -> 'Prie instamment' (urge)",)


def test_is_cross_language_needs_two_known_different_languages():
    """en/fr differ; en/en-GB and a document of unknown language do not."""
    en = parse_file(str(FIXTURES / "l2-en.docx"))
    fr = parse_file(str(FIXTURES / "l2-fr.docx"))
    from dataclasses import replace

    assert is_cross_language(en, fr)
    assert not is_cross_language(en, replace(en, language="en-GB"))
    assert not is_cross_language(en, en)


def _op(text: str) -> Block:
    return Block(index=0, kind=BlockKind.OPERATIVE, text=text, number="1", label="OP1")


@pytest.mark.parametrize(("old", "old_lang", "new", "new_lang", "expected"), [
    ("Encourages States to act;", "en", "Prie instamment les États d'agir ;", "fr", "strengthened"),
    ("Urges States to act;", "en", "Invita a los Estados a actuar;", "es", "weakened"),
    ("Requests States to act by 2025;", "en", "Prie les États d'agir d'ici à 2030 ;", "fr", "weakened"),
    ("Decides that States shall report;", "en", "Décide que les États devraient faire rapport ;", "fr", "weakened"),
    ("Requests States to act, as appropriate;", "en", "Prie les États d'agir ;", "fr", "strengthened"),
    ("Requests States to act, as appropriate;", "en", "Prie les États d'agir, selon qu'il conviendra ;", "fr", None),
])
def test_commitment_signals_are_read_through_each_languages_lexicon(old, old_lang, new, new_lang, expected):
    """Verb force, deadlines, modals and hedges compared across languages."""
    commitment, _reasons = verdict(cross_signals(_op(old), old_lang, _op(new), new_lang))
    assert commitment == expected


def test_figures_that_differ_are_reported_whatever_the_separators():
    """'1 000' and '1,000' are one figure; 1,000 -> 2 000 is reported."""
    same = cross_signals(_op("Requests 1,000 experts;"), "en", _op("Prie 1 000 experts ;"), "fr")
    assert not any("figure" in s.reason for s in same)
    changed = cross_signals(_op("Requests 1,000 experts;"), "en", _op("Prie 2 000 experts ;"), "fr")
    assert any(s.reason == "figure '1,000' -> '2 000' (reported only)" for s in changed)


def test_cli_compare_across_languages_json_and_exit_status(tmp_path):
    """JSON: cross_language true, no ops, the contract's change objects; exit 1 (differences)."""
    out = tmp_path / "c.json"
    code = main(["compare", str(FIXTURES / "l2-en.docx"), str(FIXTURES / "l2-fr-rev1.docx"), "--format", "json",
                 "-o", str(out)])
    assert code == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["cross_language"] is True
    assert (data["old"]["language"], data["new"]["language"]) == ("en", "fr")
    assert all(ch["ops"] == [] for ch in data["changes"])
    assert data["summary"]["strengthened"] == 2 and data["summary"]["moved"] == 1


def test_cli_compare_across_languages_refuses_a_word_redline(tmp_path, capsys):
    """A redline needs one language: status 2, one line, nothing written."""
    out = tmp_path / "r.docx"
    code = main(["compare", str(FIXTURES / "l2-en.docx"), str(FIXTURES / "l2-fr-rev1.docx"), "--format", "docx",
                 "-o", str(out)])
    assert code == 2 and capsys.readouterr().err.count("\n") == 1 and not out.exists()


def test_cli_compare_across_languages_html_shows_both_texts(tmp_path):
    """HTML: both languages' texts side by side with the difference named."""
    out = tmp_path / "c.html"
    main(["compare", str(FIXTURES / "l2-en.docx"), str(FIXTURES / "l2-fr-rev1.docx"), "--format", "html",
          "-o", str(out)])
    page = out.read_text(encoding="utf-8")
    assert "Prie instamment" in page and "Encourages" in page and "strengthened" in page


def test_cli_compare_across_languages_writes_a_pdf_report(tmp_path):
    """--format pdf across languages prints the cross-language report (it was a KeyError, exit 1)."""
    out = tmp_path / "c.pdf"
    # in a child process: printing starts a Qt application, which must not be this test session's
    done = subprocess.run([sys.executable, "-m", "desktop", "compare", str(FIXTURES / "l2-en.docx"),
                           str(FIXTURES / "l2-fr-rev1.docx"), "--format", "pdf", "-o", str(out)],
                          capture_output=True, text=True, timeout=240, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path)})
    assert done.returncode == 1, done.stderr
    assert out.read_bytes().startswith(b"%PDF-")


def test_cli_says_which_word_options_do_not_apply_across_languages(tmp_path, capsys):
    """--ignore-case across languages: one warning naming it (no word ops to apply it to)."""
    code = main(["compare", str(FIXTURES / "l2-en.docx"), str(FIXTURES / "l2-fr-rev1.docx"), "--ignore-case",
                 "--format", "json", "-o", str(tmp_path / "c.json")])
    err = capsys.readouterr().err
    assert code == 1 and "--ignore-case: no effect across languages" in err


def _draft(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(str(path))


FRENCH = ("L’Assemblée générale,\n\nRappelant sa résolution 70/1,\n\n1. Prie le Secrétaire général :\n"
          "a) De promouvoir la coopération entre les États Membres;\nb) D’appuyer les pays les moins avancés;\n"
          "c) De lui faire rapport à sa soixante et onzième session;\n\n2. Décide de rester saisie de la question.\n")
ENGLISH = ("The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Requests the Secretary-General:\n"
           "(a) To promote cooperation among Member States;\n(b) To support the least developed countries;\n"
           "(c) To report to it at its seventy-first session;\n\n2. Decides to remain seized of the matter.\n")


def test_a_session_number_spelled_out_is_compared_across_languages(tmp_path):
    """"soixante et onzième session" against "seventy-second session": the session differs, and
    the comparison says so where it said "no differences"; the same session gives nothing. The
    French sub-paragraphs "a)" pair with the English "(a)" as they are, not renumbered."""
    french = _draft(tmp_path, "fr.txt", FRENCH)
    same = run(compare_across(french, _draft(tmp_path, "en.txt", ENGLISH)))
    assert [c.kind for c in same.changes] == [ChangeKind.UNCHANGED] * len(same.changes)
    other = run(compare_across(french, _draft(tmp_path, "en2.txt", ENGLISH.replace("seventy-first", "seventy-second"))))
    changed = [(c.olds[0].label, c.news[0].label, c.reasons) for c in other.changes if c.kind is not ChangeKind.UNCHANGED]
    assert changed == [("OP1(c)", "OP1(c)", ("number in words 71 -> 72 (reported only)",))]


def test_russian_sub_paragraphs_are_not_renumbered_against_english_ones(tmp_path):
    """"а)", "б)", "в)" are "(a)", "(b)", "(c)": paired with them, a Russian sub-paragraph is not
    "renumbered" (its number "в" against "c"). (Russian and English paragraphs this short pair
    by their figures and lengths alone, without a lexicon between them: the pairs are given.)"""
    from compare.history.cross_language import classify

    russian = _draft(tmp_path, "ru.txt", (
        "Генеральная Ассамблея,\n\nссылаясь на свою резолюцию 70/1,\n\n1. просит Генерального секретаря:\n"
        "а) содействовать сотрудничеству между государствами-членами;\nб) оказывать поддержку наименее развитым "
        "странам;\nв) представить доклад на ее семьдесят первой сессии;\n\n2. постановляет продолжать заниматься "
        "этим вопросом.\n"))
    english = _draft(tmp_path, "en.txt", ENGLISH)
    subs = [[b for b in doc.blocks if b.kind is BlockKind.SUBPARAGRAPH] for doc in (russian, english)]
    assert [b.number for b in subs[0]] == ["а", "б", "в"]
    changes = classify([(k, k, 0.9, False) for k in range(3)], subs[0], subs[1], "ru", "en")
    assert [c.kind for c in changes] == [ChangeKind.UNCHANGED] * 3
