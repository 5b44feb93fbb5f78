"""Exports of a language alignment: TMX read by translate-toolkit, JSON, TSV, ladder."""

import importlib.util
import json

from conftest import SHARED
from lxml import etree
from translate.storage.tmx import tmxfile

from compare.languages import export as align_export
from compare.model import Flag, FlagKind, LanguageAlignment, Pair, Unit

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _alignment() -> LanguageAlignment:
    src = (Unit(0, "The Assembly met on 12 May."), Unit(1, "It adopted <b>resolution</b> 72/1 & more."),
           Unit(2, "Tab\there and\nnewline."), Unit(3, "Dropped sentence."))
    tgt = (Unit(0, "L'Assemblée s'est réunie le 12 mai."), Unit(1, "Elle a adopté la résolution 72/1 « et plus »."),
           Unit(2, "Tabulation\tet retour."), Unit(3, "Ajout."))
    pairs = (
        Pair((0,), (0,), 0.9),
        Pair((1,), (1,), 0.8, pinned=True),
        Pair((2,), (2, 3), 0.5, flags=(Flag(FlagKind.NUMBERS, "figures differ (source only: 3)"),)),
        Pair((3,), (), 0.0, flags=(Flag(FlagKind.UNMATCHED, "source unit 3 has no counterpart"),)),
    )
    return LanguageAlignment(src, tgt, pairs, source_language="en", target_language="fr", level="sentence",
                             source_path="a-en.txt", target_path="a-fr.txt")


def test_tmx_is_read_by_translate_toolkit():
    """Every <tu> has both languages and the exact texts (escaped correctly); empty sides are skipped."""
    data = align_export.render_tmx(_alignment()).encode("utf-8")
    store = tmxfile(data)
    assert store.getsourcelanguage() == "en"
    units = list(store.units)
    assert len(units) == 3
    for unit in units:
        assert [n.get(XML_LANG) for n in unit.getlanguageNodes()] == ["en", "fr"]
        assert unit.source and unit.target
    assert units[1].source == "It adopted <b>resolution</b> 72/1 & more."
    assert units[1].target == "Elle a adopté la résolution 72/1 « et plus »."


def test_tmx_header():
    """The header carries the TMX 1.4b attributes."""
    root = etree.fromstring(align_export.render_tmx(_alignment()).encode("utf-8"))
    assert root.get("version") == "1.4"
    header = root.find("header")
    for name in ("creationtool", "creationtoolversion", "datatype", "segtype", "adminlang", "srclang", "o-tmf"):
        assert header.get(name), name
    assert header.get("creationtool") == "Accord"
    assert header.get("segtype") == "sentence" and header.get("srclang") == "en"


def test_json_has_texts_scores_flags_and_languages():
    """JSON holds both texts, indexes, score, flags, pinned, languages and paths."""
    data = json.loads(align_export.render_json(_alignment()))
    assert data["source"] == {"path": "a-en.txt", "language": "en", "units": 4}
    assert data["target"]["language"] == "fr"
    third = data["pairs"][2]
    assert third["source"] == [2] and third["target"] == [2, 3]
    assert third["target_text"] == "Tabulation\tet retour. Ajout."
    assert third["flags"] == [{"kind": "numbers", "message": "figures differ (source only: 3)"}]
    assert data["pairs"][1]["pinned"] is True
    assert data["summary"] == {"pairs": 4, "unmatched": 1, "flagged": 2}


def test_tsv_one_pair_a_line():
    """TSV: source TAB target, one pair a line, tabs and newlines inside texts become spaces."""
    lines = align_export.render_tsv(_alignment()).splitlines()
    assert len(lines) == 4
    assert all(line.count("\t") == 1 for line in lines)
    assert lines[2] == "Tab here and newline.\tTabulation et retour. Ajout."
    assert lines[3] == "Dropped sentence.\t"


def test_ladder_round_trips_through_the_scorer(tmp_path):
    """The scorer's reader gets back exactly the pairs of the alignment."""
    spec = importlib.util.spec_from_file_location("score_alignment", SHARED / "tools" / "score_alignment.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    path = tmp_path / "out.ladder"
    path.write_text(align_export.render_ladder(_alignment()), encoding="utf-8")
    assert scorer.read_alignments(str(path)) == [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), ())]
    assert path.read_text().splitlines()[2].startswith("[2]:[2, 3]")
