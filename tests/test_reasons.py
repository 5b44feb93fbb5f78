"""The engine's reasons in French and Spanish (compare.reasons, resources/lexicons/reasons/): every
reason the engine can give has a translation, the quoted document text is kept, an unknown reason
passes through, the HTML report shows them in its language and the JSON keeps English."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

import resources
from compare.commitment_lexicon import LEXICON_LANGUAGES
from compare.history.cross_language import _added_or_removed as cross_added_or_removed
from compare.history.cross_language import compare_across
from compare.history.cross_signals import cross_signals, verdict
from compare.model import ChangeKind, CompareOptions
from compare.progress import run
from compare.reasons import localize, rules
from compare.reports.html_report import render_html
from compare.reports.text import render_json
from compare.versions.engine import (
    RULE_ASIDE,
    RUNNING_ASIDE,
    SYMBOL_ASIDE,
    Bead,
    compare_documents,
    make_change,
)
from compare.versions.reflow import REFLOWED
from parsers.api import parse_file
from parsers.model import Block, BlockKind, Document, Format, Span

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
LANGUAGES = ("fr", "es")


def _data(language: str) -> dict:
    with open(resources.path("lexicons", "reasons", f"{language}.toml"), "rb") as fh:
        return tomllib.load(fh)


def _doc(blocks, language) -> Document:
    return Document("d", Format.TXT, tuple(blocks), language=language)


def _op(text: str, number: str = "5", kind: BlockKind = BlockKind.OPERATIVE, **extra) -> Block:
    return Block(0, kind, text, number=number if kind is BlockKind.OPERATIVE else None,
                 label=f"OP{number}" if kind is BlockKind.OPERATIVE else None, **extra)


def _versions(old: str, new: str, language: str = "en", kind: BlockKind = BlockKind.OPERATIVE) -> list[str]:
    change = compare_documents(_doc([_op(old, kind=kind)], language), _doc([_op(new, kind=kind)], language)).changes[0]
    return list(change.reasons)


def _cross(old: str, old_language: str, new: str, new_language: str, kind: BlockKind = BlockKind.OPERATIVE) -> list[str]:
    _commitment, reasons = verdict(cross_signals(_op(old, kind=kind), old_language, _op(new, kind=kind), new_language))
    return list(reasons)


def engine_reasons() -> list[str]:
    """One reason at least from every branch of the code that writes one (compare.commitments,
    compare.versions.engine, compare.history.cross_signals, cross_language, trace)."""
    out: list[str] = []
    # operative verbs: ranked, same force, not ranked, intensifier on an unranked verb, none found
    out += _versions("Encourages States to act;", "Urges States to act;")
    out += _versions("Takes note of the report;", "Notes the report;")
    out += _versions("Stresses the importance of cooperation;", "Emphasizes the importance of cooperation;")
    out += _versions("Condemns all attacks against personnel;", "Strongly condemns all attacks against personnel;")
    out += _versions("Strongly condemns all attacks against personnel;", "Condemns all attacks against personnel;")
    out += _versions("The States act together;", "Urges the States to act together;")
    block = Block(0, BlockKind.OPERATIVE, "Souhaite que les États agissent ;", number="3", label="OP3",
                  spans=(Span(0, 8, italic=True),))
    out += compare_documents(_doc([block], "fr"), _doc([_op("Exige que les États agissent ;", "3")], "fr")).changes[0].reasons
    # qualifiers of each kind, added and removed
    for old, new in [("Invites States to act;", "Invites States to act as appropriate;"),
                     ("Calls upon States to implement the plan;", "Calls upon States to fully implement the plan;"),
                     ("Calls upon States to act;", "Calls upon States to act as a matter of priority;"),
                     ("Calls upon all actors to provide solutions;", "Calls upon all actors to strive to provide solutions;"),
                     ("Requests the Office to convene the meeting;",
                      "Requests the Office to convene the meeting within available resources;")]:
        out += _versions(old, new) + _versions(new, old)
    # modals, deadlines, figures
    out += _versions("Decides that States shall report;", "Decides that States should report;")
    out += _versions("Decides that States shall report;", "Decides that States report;")
    out += _versions("Decides that States report;", "Decides that States shall report;")
    out += _versions("Requests a report by 2025;", "Requests a report by 2030;")
    out += _versions("Requests a report by 2030;", "Requests a report by 2025;")
    out += _versions("Requests a report by 2025;", "Requests a report by the end of 2025;")
    out += _versions("Requests a report;", "Requests a report by 2025;")
    out += _versions("Requests a report by 2025;", "Requests a report;")
    out += _versions("Calls upon States to allocate at least 30 per cent of resources;",
                     "Calls upon States to allocate at least 20 per cent of resources;")
    out += _versions("Requests the Secretariat to convene 3 meetings;", "Requests the Secretariat to convene 2 meetings;")
    # reported only outside operative paragraphs; conflicting signals
    for kind in (BlockKind.PREAMBLE, BlockKind.TITLE, BlockKind.HEADING, BlockKind.TABLE):
        out += _versions("Recalling the goal to end child labour as appropriate by 2025,",
                         "Recalling the goal to end child labour by 2030,", kind=kind)
    out += _versions("Encourages States to act;", "Urges States to act as appropriate;")
    # commitments added and removed
    one = [_op("Encourages States to act;", "1"), _op("Requests a report on the matter;", "2")]
    two = [_op("Encourages States to act;", "1")]
    for old, new in ((one, two), (two, one)):
        out += [r for c in compare_documents(_doc(old, "en"), _doc(new, "en")).changes for r in c.reasons]
    unknown = [_op("Encourages States to act;", "1"), _op("The States act in concert with others.", "2")]
    for old, new in ((unknown, two), (two, unknown)):
        out += [r for c in compare_documents(_doc(old, "en"), _doc(new, "en")).changes for r in c.reasons]
    # pairing: footnote marks, split and merge, a running header
    marked = CompareOptions(count_footnote_marks=True)
    for a, b in (((), ("1",)), (("1", "2"), ("1",)), (("1",), ())):
        old_b, new_b = _op("Urges States to act;", footnote_marks=a), _op("Urges States to act;", footnote_marks=b)
        out += make_change(Bead((0,), (0,), 100.0), [old_b], [new_b], marked).reasons
    whole, halves = [_op("Urges States to act. And to report.")], [_op("Urges States to act."), _op("And to report.", "6")]
    out += make_change(Bead((0,), (0, 1), 90.0), whole, halves, CompareOptions()).reasons
    out += make_change(Bead((0, 1), (0,), 90.0), halves, whole, CompareOptions()).reasons
    for why in (SYMBOL_ASIDE, *RUNNING_ASIDE.values(), RULE_ASIDE, REFLOWED):
        out += make_change(Bead((0,), (0,), 100.0), whole, whole, CompareOptions(), ({0: why}, {})).reasons
    # right-to-left text printed alike
    out += make_change(Bead((0,), (0,), 100.0), [_op("تعمل داخل 934 km")], [_op("تعمل داخل km 934")],
                       CompareOptions()).reasons
    # across languages
    out += _cross("Encourages States to act;", "en", "Prie instamment les États d'agir ;", "fr")
    out += _cross("Takes note of the report;", "en", "Note le rapport ;", "fr")
    out += _cross("Stresses the importance;", "en", "Insiste sur l'importance ;", "fr")
    out += _cross("Invites States to act;", "en", "Invite les États à agir, selon qu'il conviendra ;", "fr")
    out += _cross("Invites States to act as appropriate;", "en", "Invite les États à agir ;", "fr")
    out += _cross("Decides that States shall report;", "en", "Décide que les États devraient faire rapport ;", "fr")
    out += _cross("Requests a report by 2025;", "en", "Demande un rapport d'ici à 2030 ;", "fr")
    out += _cross("Requests a report by 2030;", "en", "Demande un rapport d'ici à 2025 ;", "fr")
    out += _cross("Recalling the goal by 2025,", "en", "Rappelant l'objectif d'ici à 2030,", "fr", BlockKind.PREAMBLE)
    out += _cross("Requests a report by 2025;", "en", "Demande un rapport ;", "fr")
    out += _cross("Requests a report;", "en", "Demande un rapport d'ici à 2025 ;", "fr")
    out += _cross("Convenes 16 meetings;", "en", "Convoque 13 réunions ;", "fr")
    out += _cross("Convenes 16 meetings;", "en", "Convoque des réunions ;", "fr")
    out += _cross("Convenes meetings;", "en", "Convoque 13 réunions ;", "fr")
    out += _cross("Encourages States to act;", "en", "Prie instamment les États d'agir, selon qu'il conviendra ;", "fr")
    for kind in (ChangeKind.ADDED, ChangeKind.REMOVED):
        out += cross_added_or_removed(kind, _op("Urges States to act;", "7")).reasons
        out += cross_added_or_removed(kind, Block(0, BlockKind.OPERATIVE, "Urges States to act;")).reasons
    out.append("traced across languages: no word edits")  # compare.history.trace, a constant
    return out


def _english_words(language: str) -> set[str]:
    """Words of the English templates, glosses and block kinds that the language's own text does not use."""
    data = _data(language)
    english = " ".join([*data["templates"], *data["glosses"], *data["where"], "none found strongly"])
    words = set(re.findall(r"[a-z]+", re.sub(r"\{[^}]*\}", " ", english).lower()))
    own = " ".join(str(v) for table in data.values() for v in table.values())
    return words - set(re.findall(r"\w+", re.sub(r"\{[^}]*\}", " ", own).lower()))


def _unquoted(text: str) -> str:
    """The text without its quoted document parts («…», “…”) and citation labels."""
    return re.sub(r"«[^»]*»|“[^”]*”|'[^']*'", " ", text)


def _assert_translated(reason: str, language: str, english: set[str]) -> None:
    shown = localize(reason, language)
    assert shown != reason, f"{language}: not translated: {reason!r}"
    left = english & set(re.findall(r"\w+", _unquoted(shown).lower()))
    assert not left, f"{language}: English words {left} in {shown!r} (from {reason!r})"


def test_french_and_spanish_have_the_same_templates_and_tables():
    fr, es = _data("fr"), _data("es")
    assert set(fr) == set(es)
    for table in fr:
        assert set(fr[table]) == set(es[table]), table
    assert len(rules("fr").templates) == len(fr["templates"]) >= 40


def test_every_gloss_and_block_kind_has_a_translation():
    """The glosses of every commitment lexicon and every block kind a reason names."""
    glosses = set()
    for language in LEXICON_LANGUAGES:
        glosses |= {v["gloss"] for v in resources.lexicon("commitments", language).get("verbs", ()) if isinstance(v, dict)}
    kinds = {str(k) for k in BlockKind} | {"preambular paragraph"}
    for language in LANGUAGES:
        data = _data(language)
        assert glosses | {"not in the lexicon"} <= set(data["glosses"]), language
        assert kinds <= set(data["where"]), language


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reason_the_engine_gives_is_translated(language):
    """Every branch that writes a reason gives one the templates translate, with no English
    template word left outside the quoted text; and every template is used by one of them."""
    english = _english_words(language)
    reasons = engine_reasons()
    for reason in reasons:
        _assert_translated(reason, language, english)
    used = {t.english for t in rules(language).templates for r in reasons if t.pattern.fullmatch(r)}
    unused = {t.english for t in rules(language).templates} - used
    assert not unused, f"templates no engine reason uses: {unused}"


@pytest.mark.parametrize(("old", "new"), [("l2-fr.docx", "l2-fr-rev1.docx"), ("l2-en.docx", "l2-en-rev1.docx"),
                                          ("l2-fr-rev1.docx", "l2-en.docx")])
def test_the_fixtures_reasons_are_translated(old, new):
    """The engine on the L.2 pairs (versions in French, in English, and across languages): every
    reason it gives reads in French and Spanish."""
    old_doc, new_doc = parse_file(str(FIXTURES / old)), parse_file(str(FIXTURES / new))
    if old_doc.language != new_doc.language:
        changes = run(compare_across(old_doc, new_doc)).changes
    else:
        changes = compare_documents(old_doc, new_doc).changes
    reasons = [r for c in changes for r in c.reasons]
    assert reasons
    for language in LANGUAGES:
        english = _english_words(language)
        for reason in reasons:
            _assert_translated(reason, language, english)


def test_quoted_parts_are_kept():
    reason = "operative verb 'Encourage' (encourage) -> 'Prie instamment' (urge)"
    assert localize(reason, "fr") == "verbe du dispositif\u00a0: «\u00a0Encourage\u00a0» (encourager) → " \
                                     "«\u00a0Prie instamment\u00a0» (prier instamment)"
    assert localize(reason, "es") == "verbo de la parte dispositiva: «Encourage» (alentar) → «Prie instamment» (instar)"
    assert localize("hedge 'selon qu'il conviendra' added", "fr") == "réserve «\u00a0selon qu'il conviendra\u00a0» ajoutée"
    assert localize("OP7 removed: a commitment ('Encourage' (strongly encourage)) is gone", "es") == \
        "OP7 suprimido: desaparece un compromiso («Encourage» (alentar encarecidamente))"
    assert localize("deadline 'by 2025' -> 'by 2030' (reported only: preambular paragraph)", "fr") == \
        "échéance «\u00a0by 2025\u00a0» → «\u00a0by 2030\u00a0» (pour information\u00a0: alinéa du préambule)"


def test_an_unknown_reason_passes_through_unchanged():
    """No template, a gloss or block kind the tables lack, English or a language without rules:
    the reason as it is, never dropped nor half translated."""
    for reason in ("something the engine will say one day", "operative verb 'X' (ponder) -> 'Y' (urge)",
                   "deadline 'a' -> 'b' (reported only: appendix)"):
        for language in (*LANGUAGES, "en", "ar", None, "../x"):
            assert localize(reason, language) == reason
    assert localize("hedge 'as appropriate' added", "en") == "hedge 'as appropriate' added"
    assert localize("hedge 'as appropriate' added", "fr-CA") == "réserve «\u00a0as appropriate\u00a0» ajoutée"


def test_french_html_report_shows_french_reasons_and_the_json_keeps_english():
    """The French report of the L.2 pair: reasons in French, lang="fr" on their lists; the JSON (the
    contract) and the text report keep the English reasons."""
    c = compare_documents(parse_file(str(FIXTURES / "l2-fr.docx")), parse_file(str(FIXTURES / "l2-fr-rev1.docx")))
    html = render_html(c)
    assert "verbe du dispositif" in html and "réserve «\u00a0selon qu&#x27;il conviendra\u00a0» ajoutée" in html
    assert "operative verb" not in html and "hedge &#x27;" not in html and "reported only" not in html
    assert '<ul class="reasons" lang="fr">' in html and '<ul class="reasons" lang="en">' not in html
    printed = render_html(c, changes_only=True)
    assert "verbe du dispositif" in printed and "operative verb" not in printed
    reasons = [r for change in json.loads(render_json(c))["changes"] for r in change["reasons"]]
    assert "operative verb 'Encourage' (encourage) -> 'Prie instamment' (urge)" in reasons
    assert not any("verbe" in r or "«" in r for r in reasons)


def test_a_reason_no_template_covers_is_marked_english_in_the_report():
    c = compare_documents(_doc([_op("Prie les États d'agir ;")], "fr"), _doc([_op("Exige que les États agissent ;")], "fr"))
    change = c.changes[0]
    from dataclasses import replace
    c = replace(c, changes=(replace(change, reasons=(*change.reasons, "a reason from the future")),))
    html = render_html(c)
    assert '<span lang="en">a reason from the future</span>' in html and "verbe du dispositif" in html


def test_spanish_report_shows_spanish_reasons():
    old = _doc([_op("Alienta a los Estados a actuar;")], "es")
    new = _doc([_op("Insta a los Estados a actuar, según proceda;")], "es")
    html = render_html(compare_documents(old, new))
    assert "verbo de la parte dispositiva: «Alienta» (alentar) → «Insta» (instar)" in html
    assert "salvedad «según proceda» añadida" in html and "indicaciones contrarias" in html
    assert '<ul class="reasons" lang="es">' in html and "operative verb" not in html
