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
    """TSV: source TAB target TAB score TAB flags, one pair a line, tabs and newlines inside texts become spaces."""
    lines = align_export.render_tsv(_alignment()).splitlines()
    assert len(lines) == 4
    assert all(line.count("\t") == 3 for line in lines)
    assert lines[0] == "The Assembly met on 12 May.\tL'Assemblée s'est réunie le 12 mai.\t0.9000\t"
    assert lines[2] == ("Tab here and newline.\tTabulation et retour. Ajout.\t0.5000\t"
                        "numbers: figures differ (source only: 3)")
    assert lines[3] == "Dropped sentence.\t\t0.0000\tunmatched: source unit 3 has no counterpart"


def test_flagged_only_keeps_the_flagged_pairs():
    """--flagged-only: the two flagged pairs, in order, with their texts."""
    flagged = align_export.flagged_only(_alignment())
    assert [(p.source, p.target) for p in flagged.pairs] == [((2,), (2, 3)), ((3,), ())]
    assert len(align_export.render_tsv(flagged).splitlines()) == 2


def test_docx_is_a_bilingual_table_word_reads():
    """The Word export opens with python-docx: one table, a header row and one row per pair, the
    texts, score and flags in their cells; Arabic cells are right to left, Chinese runs name an
    East Asian font."""
    import io

    import docx

    alignment = _alignment()
    document = docx.Document(io.BytesIO(align_export.render_docx(alignment)))
    table = document.tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["#", "en", "fr", "score", "flags"]
    assert len(rows) == 1 + len(alignment.pairs)
    assert rows[2][1] == "It adopted <b>resolution</b> 72/1 & more."
    assert rows[3][2] == "Tabulation\tet retour. Ajout." and rows[3][3] == "0.50"
    assert rows[3][4] == "numbers: figures differ (source only: 3)"
    rtl = LanguageAlignment((Unit(0, "Decides"),), (Unit(0, "يقرر"),), (Pair((0,), (0,), 1.0),),
                            source_language="zh", target_language="ar")
    xml = docx.Document(io.BytesIO(align_export.render_docx(rtl))).element.xml
    assert "<w:bidi/>" in xml and "<w:rtl/>" in xml and 'w:eastAsia="SimSun"' in xml


def test_ladder_round_trips_through_the_scorer(tmp_path):
    """The scorer's reader gets back exactly the pairs of the alignment."""
    spec = importlib.util.spec_from_file_location("score_alignment", SHARED / "tools" / "score_alignment.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    path = tmp_path / "out.ladder"
    path.write_text(align_export.render_ladder(_alignment()), encoding="utf-8")
    assert scorer.read_alignments(str(path)) == [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), ())]
    assert path.read_text().splitlines()[2].startswith("[2]:[2, 3]")


def test_cli_docx_flagged_only_and_footnotes(tmp_path, capsys):
    """accord align L.2 fr/en: --format docx writes a Word table whose last rows are the aligned
    footnotes (FN1 with FN1); without -o it is one line and exit 2; --flagged-only keeps only
    flagged rows."""
    import docx
    from conftest import FIXTURES

    from desktop.cli import main

    fr, en = str(FIXTURES / "l2-fr.docx"), str(FIXTURES / "l2-en.docx")
    out = tmp_path / "table.docx"
    assert main(["align", fr, en, "--format", "docx", "-o", str(out)]) == 0
    rows = [[c.text for c in row.cells] for row in docx.Document(str(out)).tables[0].rows]
    assert rows[-4][0] == "FN1" and rows[-4][2] == "United Nations, Treaty Series, vol. 2225, No. 39574."
    assert rows[-1][1] == "Résolution 72/1 de l’Assemblée générale."
    capsys.readouterr()
    assert main(["align", fr, en, "--format", "docx"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert main(["align", fr, en, "--format", "tsv", "--flagged-only"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.split("\t")[3] for line in lines)
