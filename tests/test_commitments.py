"""Commitments strengthened or weakened, with reasons a delegate reads, in English, French and Spanish."""

from pathlib import Path

import pytest

from compare.commitments import (
    CommitmentEffect,
    commitment_changes,
    lexicon,
    operative_verb,
    parse_figure,
    same_commitment,
)
from compare.model import ChangeKind, Commitment
from compare.versions.engine import compare_documents
from parsers.model import Block, BlockKind, Document, Format, Span


def compare_one(old, new, language, kind=BlockKind.OPERATIVE):
    def doc(text):
        return Document("d", Format.TXT, (Block(0, kind, text, number="5" if kind is BlockKind.OPERATIVE else None),),
                        language=language)

    change = compare_documents(doc(old), doc(new)).changes[0]
    return (str(change.commitment) if change.commitment else None), list(change.reasons)


CASES = [
    # (language, old, new, expected commitment, a reason that must be given)
    ("en", "Encourages businesses to make use of technological applications to detect the risks of trafficking;",
     "Urges businesses to make use of technological applications to detect the risks of trafficking;",
     "strengthened", "operative verb 'Encourages' (encourage) -> 'Urges' (urge)"),
    ("en", "Requests the Executive Director to report to the Commission at its twenty-ninth session;",
     "Invites the Executive Director to report to the Commission at its twenty-ninth session;",
     "weakened", "operative verb 'Requests' (request) -> 'Invites' (invite)"),
    ("en", "Encourages Member States to share good practices on the identification of victims;",
     "Strongly encourages Member States to share good practices on the identification of victims;",
     "strengthened", "operative verb 'Encourages' (encourage) -> 'Strongly encourages' (strongly encourage)"),
    ("en", "Also calls upon Member States to develop measures to combat trafficking in persons facilitated by technology;",
     "Also calls upon Member States to develop, as appropriate, measures to combat trafficking in persons facilitated by technology;",
     "weakened", "hedge 'as appropriate' added"),
    ("en", "Urges Member States, within existing resources, to provide assistance to victims of trafficking;",
     "Urges Member States to provide assistance to victims of trafficking;",
     "strengthened", "hedge 'within existing resources' removed"),
    ("en", "Decides that States parties shall submit their reports to the Secretariat;",
     "Decides that States parties should submit their reports to the Secretariat;",
     "weakened", "modal 'shall' -> 'should'"),
    ("en", "Calls upon Member States to end child labour in all its forms by 2025;",
     "Calls upon Member States to end child labour in all its forms by 2030;",
     "weakened", "deadline 'by 2025' -> 'by 2030' (later)"),
    ("fr", "Encourage les entreprises à s’appuyer sur les applications technologiques pour détecter les risques de traite ;",
     "Prie instamment les entreprises à s’appuyer sur les applications technologiques pour détecter les risques de traite ;",
     "strengthened", "operative verb 'Encourage' (encourage) -> 'Prie instamment' (urge)"),
    ("fr", "Prie le Directeur exécutif de présenter à la Commission un rapport sur la mise en œuvre de la présente résolution.",
     "Invite le Directeur exécutif à présenter à la Commission un rapport sur la mise en œuvre de la présente résolution.",
     "weakened", "operative verb 'Prie' (request) -> 'Invite' (invite)"),
    ("fr", "Invite les États Membres à échanger des informations sur les moyens de détecter les contenus en ligne ;",
     "Invite vivement les États Membres à échanger des informations sur les moyens de détecter les contenus en ligne ;",
     "strengthened", "operative verb 'Invite' (invite) -> 'Invite vivement' (strongly invite)"),
    ("fr", "Demande également aux États Membres d’élaborer, pour lutter contre la traite des personnes, des mesures souples ;",
     "Demande également aux États Membres d’élaborer, selon qu’il conviendra, pour lutter contre la traite des personnes, des mesures souples ;",
     "weakened", "hedge 'selon qu'il conviendra' added"),
    ("fr", "Demande aux États Membres de fournir, le cas échéant, une assistance technique aux pays qui en font la demande ;",
     "Demande aux États Membres de fournir une assistance technique aux pays qui en font la demande ;",
     "strengthened", "hedge 'le cas échéant' removed"),
    ("fr", "Décide que chaque État partie doit communiquer au Secrétariat les mesures qu’il a prises ;",
     "Décide que chaque État partie devrait communiquer au Secrétariat les mesures qu’il a prises ;",
     "weakened", "modal 'doit' -> 'devrait'"),
    ("fr", "Demande aux États Membres de mettre fin au travail des enfants sous toutes ses formes d’ici à 2030 ;",
     "Demande aux États Membres de mettre fin au travail des enfants sous toutes ses formes d’ici à 2025 ;",
     "strengthened", "deadline 'd’ici à 2030' -> 'd’ici à 2025' (earlier)"),
    ("es", "Alienta a las empresas a que utilicen aplicaciones tecnológicas para detectar los riesgos de trata;",
     "Insta a las empresas a que utilicen aplicaciones tecnológicas para detectar los riesgos de trata;",
     "strengthened", "operative verb 'Alienta' (encourage) -> 'Insta' (urge)"),
    ("es", "Solicita al Director Ejecutivo que le presente un informe sobre la aplicación de la presente resolución;",
     "Invita al Director Ejecutivo a que le presente un informe sobre la aplicación de la presente resolución;",
     "weakened", "operative verb 'Solicita' (request) -> 'Invita' (invite)"),
    ("es", "Exhorta a los Estados Miembros a que refuercen la cooperación internacional en materia de trata;",
     "Exhorta encarecidamente a los Estados Miembros a que refuercen la cooperación internacional en materia de trata;",
     "strengthened", "operative verb 'Exhorta' (call upon) -> 'Exhorta encarecidamente' (strongly call upon)"),
    ("es", "Pide a los Estados Miembros que presten asistencia técnica a los países que la soliciten;",
     "Pide a los Estados Miembros que, según proceda, presten asistencia técnica a los países que la soliciten;",
     "weakened", "hedge 'según proceda' added"),
    ("es", "Insta a los Estados Miembros a que, en la medida de lo posible, tipifiquen como delito la trata de personas;",
     "Insta a los Estados Miembros a que tipifiquen como delito la trata de personas;",
     "strengthened", "hedge 'en la medida de lo posible' removed"),
    ("es", "Decide que los Estados partes deben presentar sus informes a la Secretaría;",
     "Decide que los Estados partes pueden presentar sus informes a la Secretaría;",
     "weakened", "modal 'deben' -> 'pueden'"),
    ("es", "Exhorta a los Estados Miembros a poner fin al trabajo infantil en todas sus formas para 2025;",
     "Exhorta a los Estados Miembros a poner fin al trabajo infantil en todas sus formas para 2030;",
     "weakened", "deadline 'para 2025' -> 'para 2030' (later)"),
]


@pytest.mark.parametrize(("language", "old", "new", "expected", "reason"), CASES,
                         ids=[f"{c[0]}-{c[4][:30]}" for c in CASES])
def test_commitment_and_reason(language, old, new, expected, reason):
    """Each realistic edit gets the expected verdict and says why."""
    commitment, reasons = compare_one(old, new, language)
    assert commitment == expected, reasons
    assert reason in reasons


@pytest.mark.parametrize("language,old,new", [
    ("en", "Requests the Secretary-General to report on the implementation of the present resolution;",
     "Requests the Secretary-General to report on the implementation of this resolution;"),
    ("fr", "Prie également l’Office de continuer à fournir une assistance technique ;",
     "Prie en outre l’Office de continuer à fournir une assistance technique ;"),
    ("es", "Solicita también a la Oficina que siga prestando asistencia técnica;",
     "Solicita además a la Oficina que siga prestando asistencia técnica;"),
])
def test_wording_change_without_commitment_signal(language, old, new):
    """An edit that touches no verb, qualifier, modal or deadline is neither strengthened nor weakened."""
    commitment, reasons = compare_one(old, new, language)
    assert commitment is None and reasons == []


def test_conflicting_signals_give_no_verdict_but_all_reasons():
    """A stronger verb with a hedge added is neither, and both reasons are listed."""
    commitment, reasons = compare_one(
        "Alienta a los Estados a que cooperen en la investigación de los casos de trata;",
        "Exhorta encarecidamente a los Estados a que cooperen, según proceda, en la investigación de los casos de trata;",
        "es")
    assert commitment is None
    assert "hedge 'según proceda' added" in reasons
    assert any(r.startswith("operative verb 'Alienta'") for r in reasons)
    assert any("conflicting" in r for r in reasons)


def test_deadline_in_preambular_paragraph_is_only_reported():
    """A later deadline in a preambular paragraph is a reason but not a weakening."""
    commitment, reasons = compare_one(
        "Recalling the targets of the Sustainable Development Goals to end child labour in all its forms by 2025,",
        "Recalling the targets of the Sustainable Development Goals to end child labour in all its forms by 2030,",
        "en", kind=BlockKind.PREAMBLE)
    assert commitment is None
    assert reasons == ["deadline 'by 2025' -> 'by 2030' (reported only: preambular paragraph)"]


def test_target_figure_lowered_is_a_weakening():
    """A lower figure after 'at least' weakens; a figure with no target phrase is only reported."""
    commitment, reasons = compare_one(
        "Calls upon Member States to allocate at least 30 per cent of the resources to victim assistance;",
        "Calls upon Member States to allocate at least 20 per cent of the resources to victim assistance;", "en")
    assert commitment == "weakened" and "target figure 'at least 30' -> 'at least 20'" in reasons
    commitment, reasons = compare_one("Requests the Secretariat to convene 3 expert meetings;",
                                      "Requests the Secretariat to convene 2 expert meetings;", "en")
    assert commitment is None and reasons == ["figure '3' -> '2' (reported only: not a clear target)"]


def test_a_figure_written_with_other_separators_is_no_figure_change():
    """"1\xa0164" in a Word file and "1 164" in its PDF, "5,000" and "5 000": the same figure, not
    reported; a figure of another value beside it still is."""
    commitment, reasons = compare_one("Requests the Secretariat to allocate 1\u00a0164 posts and 5,000 dollars;",
                                      "Requests the Secretariat to allocate 1 164 posts and 5 000 dollars;", "en")
    assert commitment is None and not [r for r in reasons if "figure" in r]
    commitment, reasons = compare_one("Requests the Secretariat to allocate 1\u00a0164 posts to 3 offices;",
                                      "Requests the Secretariat to allocate 1 164 posts to 4 offices;", "en")
    assert [r for r in reasons if "figure" in r] == ["figure '3' -> '4' (reported only: not a clear target)"]


def test_verb_variants_are_recognised():
    """Connectives and intensifiers around the verb do not hide it."""
    lex = lexicon("fr")
    for text, gloss in [("Prie également le Secrétaire général", "request"), ("Demande en outre aux États", "call upon"),
                        ("Encourage vivement les États", "strongly encourage"),
                        ("Prie instamment les États", "urge")]:
        verb = operative_verb(Block(0, BlockKind.OPERATIVE, text), lex)
        assert verb is not None and verb.gloss == gloss, text
    verb = operative_verb(Block(0, BlockKind.OPERATIVE, "Requests also the Secretary-General"), lexicon("en"))
    assert verb.gloss == "request"


def test_unknown_verb_is_named_from_the_italic_prefix():
    """A verb the lexicon does not know is named from the italic run and reported, not ranked."""
    def block(text, italic):
        return Block(0, BlockKind.OPERATIVE, text, number="3", spans=(Span(0, italic, italic=True),))

    verb = operative_verb(block("Souhaite que les États agissent ;", 8), lexicon("fr"))
    assert (verb.phrase, verb.gloss, verb.force) == ("Souhaite", "not in the lexicon", None)
    old = Document("d", Format.TXT, (block("Souhaite que les États agissent ;", 8),), language="fr")
    new = Document("d", Format.TXT, (block("Exige que les États agissent ;", 5),), language="fr")
    change = compare_documents(old, new).changes[0]
    assert change.commitment is None
    assert change.reasons == ("operative verb 'Souhaite' (not in the lexicon) -> 'Exige' (demand) "
                              "(reported only: not ranked)",)


def test_language_without_lexicon_gives_no_verdict():
    """German has no lexicon: the change is modified, without a verdict, and nothing breaks."""
    def doc(text):
        return Document("d", Format.TXT, (Block(0, BlockKind.OPERATIVE, text, number="1"),), language="de")

    change = compare_documents(doc("Ermutigt die Mitgliedstaaten zur Zusammenarbeit"),
                               doc("Fordert die Mitgliedstaaten zur Zusammenarbeit auf")).changes[0]
    assert change.kind is ChangeKind.MODIFIED and change.commitment is None
    assert lexicon("de") is None


def test_arabic_verb_change_gets_a_verdict():
    """Arabic has a lexicon now: يشجع (encourages) -> يحث (urges) strengthens the commitment."""
    def doc(text):
        return Document("d", Format.TXT, (Block(0, BlockKind.OPERATIVE, text, number="1"),), language="ar")

    change = compare_documents(doc("يشجع الدول الأعضاء على التعاون"), doc("يحث الدول الأعضاء على التعاون")).changes[0]
    assert change.commitment is Commitment.STRENGTHENED


def test_removed_operative_paragraph_is_a_removed_commitment():
    """A removed operative paragraph says a commitment is gone, citing its label and naming its verb."""
    text = "Encourages academics and researchers to study the impact of information technologies on trafficking;"
    old = Document("d", Format.TXT, (Block(0, BlockKind.OPERATIVE, text, number="7", label="OP7"),),
                   language="en")
    new = Document("d", Format.TXT, (), language="en")
    change = compare_documents(old, new).changes[0]
    assert change.kind is ChangeKind.REMOVED
    assert change.reasons == ("OP7 removed: a commitment ('Encourages' (encourage)) is gone",)


def test_figures_parse_with_un_separators():
    """French, English and percentage figures parse to their values."""
    assert parse_figure("1 000,5") == 1000.5
    assert parse_figure("1,000.5") == 1000.5
    assert parse_figure("60 %") == 60
    assert parse_figure("1\u202f000") == 1000


MISSED_CLASSES = [
    # an intensifier removed from (or added to) a verb that is not ranked
    ("en", "Strongly condemns all violations and abuses committed against children in Somalia;",
     "Condemns all violations and abuses committed against children in Somalia;", "weakened", "intensifier removed"),
    ("fr", "Condamne énergiquement les attaques perpétrées contre le personnel humanitaire ;",
     "Condamne les attaques perpétrées contre le personnel humanitaire ;", "weakened", "intensifier removed"),
    ("es", "Reafirma enérgicamente su compromiso con la soberanía de Somalia;",
     "Reafirma su compromiso con la soberanía de Somalia;", "weakened", "intensifier removed"),
    ("en", "Condemns in the strongest terms all attacks against humanitarian personnel;",
     "Condemns all attacks against humanitarian personnel;", "weakened", "intensifier removed"),
    ("fr", "Condamne les attaques contre le personnel humanitaire ;",
     "Condamne avec force les attaques contre le personnel humanitaire ;", "strengthened", "intensifier added"),
    ("es", "Condena las violaciones de los derechos humanos;",
     "Condena en los términos más enérgicos las violaciones de los derechos humanos;", "strengthened",
     "intensifier added"),
    # effort hedges: asked to try instead of to act
    ("en", "Calls upon all relevant actors to provide durable solutions for internal displacement;",
     "Calls upon all relevant actors to strive to provide durable solutions for internal displacement;",
     "weakened", "effort hedge 'strive to' added"),
    ("en", "Urges Member States to make efforts to criminalize trafficking in persons;",
     "Urges Member States to criminalize trafficking in persons;", "strengthened", "effort hedge 'make efforts to' removed"),
    ("fr", "Engage les États Membres à renforcer la coopération internationale ;",
     "Engage les États Membres à s’efforcer de renforcer la coopération internationale ;",
     "weakened", "effort hedge 's'efforcer' added"),
    ("fr", "Prie les États de faire des efforts pour protéger les victimes ;",
     "Prie les États de protéger les victimes ;", "strengthened", "effort hedge 'faire des efforts pour' removed"),
    ("es", "Insta a los Estados a que protejan a las víctimas de la trata;",
     "Insta a los Estados a que procuren proteger a las víctimas de la trata;", "weakened", "effort hedge 'procuren' added"),
    ("es", "Exhorta a los Estados a esforzarse por proteger a las víctimas;",
     "Exhorta a los Estados a proteger a las víctimas;", "strengthened", "effort hedge 'esforzarse por' removed"),
    # budget hedges (Fifth Committee usage)
    ("fr", "Prie le Secrétaire général de fournir un appui au Groupe de travail, dans la limite des ressources existantes ;",
     "Prie le Secrétaire général de fournir un appui au Groupe de travail ;",
     "strengthened", "budget hedge 'dans la limite des ressources existantes' removed"),
    ("fr", "Prie l’Office d’organiser la réunion ;",
     "Prie l’Office d’organiser la réunion, sous réserve de la disponibilité de ressources extrabudgétaires ;",
     "weakened", "budget hedge 'sous réserve de la disponibilité de ressources extrabudgétaires' added"),
    ("en", "Requests the Office to convene the meeting within available resources;",
     "Requests the Office to convene the meeting;", "strengthened", "budget hedge 'within available resources' removed"),
    ("es", "Solicita a la Oficina que convoque la reunión;",
     "Solicita a la Oficina que convoque la reunión, siempre que se disponga de recursos extrapresupuestarios;",
     "weakened", "budget hedge 'siempre que se disponga de recursos extrapresupuestarios' added"),
]


@pytest.mark.parametrize(("language", "old", "new", "expected", "reason"), MISSED_CLASSES,
                         ids=[f"{c[0]}-{c[4][:40]}" for c in MISSED_CLASSES])
def test_intensifiers_on_unranked_verbs_effort_and_budget_hedges(language, old, new, expected, reason):
    """The three classes the held-out cases missed get a verdict, with a reason naming the phrase."""
    commitment, reasons = compare_one(old, new, language)
    assert commitment == expected, reasons
    assert any(reason in r for r in reasons), reasons


def test_a_declaratory_verb_change_alone_stays_reported_only():
    """Another unranked verb (not the same verb with an intensifier) is still reported, not counted."""
    commitment, reasons = compare_one("Stresses the importance of cooperation between States;",
                                      "Emphasizes the importance of cooperation between States;", "en")
    assert commitment is None
    assert reasons == ["operative verb 'Stresses' (stress) -> 'Emphasizes' (emphasize) (reported only: not ranked)"]


def _operative(text, number, label):
    return Block(0, BlockKind.OPERATIVE, text, number=number, label=label)


def test_unrelated_operative_paragraphs_are_not_paired():
    """Another verb asking for something else is a new commitment (removed + added), not the old
    paragraph strengthened, even when the new one reuses the old text further on; the same verb
    with its opening kept stays one modified paragraph."""
    old = ("Welcomes the strong relationship between UNSOM, UNSOS the United Nations Country Team and AMISOM, and "
           "underlines the importance of all entities continuing to strengthen the relationship further;")
    new = ("Requests UNSOM to maintain and strengthen its presence in all of the Federal Member States, welcomes the "
           "strong relationship between UNSOM, UNSOS the United Nations Country Team and AMISOM, and underlines the "
           "importance of all entities continuing to strengthen the relationship further;")
    assert not same_commitment(_operative(old, "9", "OP9"), _operative(new, "3", "OP3"), "en")
    c = compare_documents(Document("a", Format.TXT, (_operative(old, "9", "OP9"),), language="en"),
                          Document("b", Format.TXT, (_operative(new, "3", "OP3"),), language="en"))
    assert [ch.kind for ch in c.changes] == [ChangeKind.REMOVED, ChangeKind.ADDED]
    assert [e.effect for e in commitment_changes(c)] == [CommitmentEffect.REMOVED, CommitmentEffect.ADDED]
    kept = ("Expresses its serious concern at the high number of refugees and internally displaced persons;")
    edited = ("Reiterates its serious concern at the high number of refugees and of internally displaced persons;")
    assert same_commitment(_operative(kept, "5", "OP5"), _operative(edited, "5", "OP5"), "en")


SOMALIA = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "un-pdf"


@pytest.mark.skipif(not (SOMALIA / "S_2018_257-EN.pdf").exists(), reason="shared corpus not present")
def test_somalia_renewal_does_not_pair_welcomes_with_requests():
    """S/2018/257 -> S/2019/266: old OP9 "Welcomes the strong relationship…" is removed and the new
    "Requests UNSOM to maintain…" added; no pair of them is called strengthened."""
    from parsers.api import parse_file

    c = compare_documents(parse_file(str(SOMALIA / "S_2018_257-EN.pdf")), parse_file(str(SOMALIA / "S_2019_266-EN.pdf")))
    for change in c.changes:
        if change.old is not None and change.old.text.startswith("Welcomes the strong relationship"):
            assert change.kind is ChangeKind.REMOVED
        if change.new is not None and change.new.text.startswith("Requests UNSOM to maintain"):
            assert change.kind is ChangeKind.ADDED
    listed = commitment_changes(c)
    assert all(e.effect is not CommitmentEffect.STRENGTHENED or e.change.old.label != "OP9" for e in listed)


def test_one_commitments_list_for_every_output():
    """commitment_changes lists strengthened, weakened, added and removed commitments; the summary
    counts it, the HTML table has one row per entry, the text report one line per entry."""
    from compare.reports.html_report import render_html
    from compare.reports.text import render_text, summary

    old = Document("a", Format.TXT, (
        _operative("Encourages States to cooperate;", "1", "OP1"),
        _operative("Requests the Secretary-General to report to the Commission at its next session;", "2", "OP2"),
    ), language="en")
    new = Document("b", Format.TXT, (
        _operative("Urges States to cooperate;", "1", "OP1"),
        _operative("Decides to remain seized of the matter.", "2", "OP2"),
    ), language="en")
    c = compare_documents(old, new)
    listed = commitment_changes(c)
    assert listed[0].effect is CommitmentEffect.STRENGTHENED and listed[0].where == "OP1"
    assert {e.effect for e in listed[1:]} == {CommitmentEffect.REMOVED, CommitmentEffect.ADDED}
    s = summary(c)
    assert (s["strengthened"], s["removed_commitments"], s["added_commitments"]) == (1, 1, 1)
    html = render_html(c)
    commitments_table = html.split("<h2>Commitments</h2>")[1].split("<h2>")[0]
    assert commitments_table.count("<tr><td") == len(listed)
    text = render_text(c, color=False)
    assert "1 added commitment" in text and "1 added commitments" not in text
    assert "  + commitment added  OP2" in text and "  − commitment removed  OP2" in text


def test_a_long_paragraph_with_a_rewritten_opening_stays_paired():
    """The relatedness floor never splits a pair that is nearly the same text: a long operative
    paragraph whose verb and first words changed is one paragraph edited (and classified)."""
    tail = ("the Federal Government of Somalia and the Federal Member States to accelerate the implementation of the "
            "national security architecture, the transition plan and the electoral model, in full consultation with "
            "civil society, women and youth, and to report regularly on progress to the Security Council, ") * 3
    old = _operative("Welcomes deepened cooperation among regional partners across the Horn, and " + tail, "4", "OP4")
    new = _operative("Requests UNSOM to maintain its presence in every member state, and " + tail, "4", "OP4")
    assert not same_commitment(old, new, "en")  # the openings alone would say: another commitment
    c = compare_documents(Document("a", Format.TXT, (old,), language="en"), Document("b", Format.TXT, (new,), language="en"))
    assert [ch.kind for ch in c.changes] == [ChangeKind.MODIFIED]
