"""parsers.docx.numbering: the labels Word displays, from numbering.xml definitions."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml import parse_xml

from parsers.docx.numbering import Numbering, format_number, strip_label
from parsers.docx.reader import read_docx

FIXTURES = Path(__file__).resolve().parent / "fixtures"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def numbering(*abstracts_and_nums: str) -> Numbering:
    return Numbering(parse_xml(f"<w:numbering {W}>{''.join(abstracts_and_nums)}</w:numbering>"))


UN = ('<w:abstractNum w:abstractNumId="1">' + lvl(0, "decimal", "%1.") + lvl(1, "lowerLetter", "(%2)")
      + lvl(2, "lowerRoman", "(%3)") + "</w:abstractNum>")


def labels(num: Numbering, calls: list[tuple[str, int]]) -> list[str | None]:
    return [num.label(num_id, ilvl)[0] for num_id, ilvl in calls]


@pytest.mark.parametrize(("value", "fmt", "expected"), [
    (3, "decimal", "3"), (1, "lowerLetter", "a"), (26, "lowerLetter", "z"), (27, "lowerLetter", "aa"),
    (2, "upperLetter", "B"), (4, "lowerRoman", "iv"), (14, "upperRoman", "XIV"), (1999, "lowerRoman", "mcmxcix"),
    (7, "decimalZero", "07"), (2, "chicago", "†"), (5, "chicago", "**"), (9, "someFutureFormat", "9"),
])
def test_format_number(value, fmt, expected):
    """Each Word number format renders a counter the way Word displays it."""
    assert format_number(value, fmt) == expected


@pytest.mark.parametrize(("label", "expected"), [("(a)", "a"), ("1.", "1"), ("3.2", "3.2"), ("(iv)", "iv"),
                                                 ("Article 5:", "Article 5"), ("•", "")])
def test_strip_label(label, expected):
    """Surrounding punctuation goes, inner punctuation of multi-level labels stays."""
    assert strip_label(label) == expected


def test_un_levels_count_and_restart_deeper_levels():
    """Operative numbers count on; (a) and (i) restart when a higher level advances."""
    num = numbering(UN, '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    calls = [("1", 0), ("1", 1), ("1", 1), ("1", 2), ("1", 2), ("1", 1), ("1", 0), ("1", 1), ("1", 2)]
    assert labels(num, calls) == ["1", "a", "b", "i", "ii", "c", "2", "a", "i"]


def test_label_reports_level():
    """label() gives the paragraph's own level with the label."""
    num = numbering(UN, '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert num.label("1", 0) == ("1", 0)
    assert num.label("1", 2) == ("i", 2)


def test_start_value():
    """A level's w:start is its first number."""
    abstract = '<w:abstractNum w:abstractNumId="1">' + lvl(0, "decimal", "%1.", start=5) + "</w:abstractNum>"
    num = numbering(abstract, '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert labels(num, [("1", 0), ("1", 0)]) == ["5", "6"]


def test_instances_of_one_abstract_continue_one_list():
    """Two w:num on the same abstractNum without overrides continue the same list (Word)."""
    num = numbering(UN, '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
                    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>')
    assert labels(num, [("1", 0), ("1", 0), ("2", 0)]) == ["1", "2", "3"]


def test_start_override_restarts_the_list_where_the_instance_begins():
    """lvlOverride/startOverride restarts that level at the override's value."""
    num = numbering(UN, '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
                    '<w:num w:numId="2"><w:abstractNumId w:val="1"/>'
                    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>')
    assert labels(num, [("1", 0), ("1", 0), ("2", 0), ("2", 0)]) == ["1", "2", "10", "11"]


def test_level_override_replaces_format():
    """A w:lvl inside lvlOverride redefines the level for that instance."""
    num = numbering(UN, '<w:num w:numId="1"><w:abstractNumId w:val="1"/>'
                    f'<w:lvlOverride w:ilvl="0">{lvl(0, "upperRoman", "%1.")}</w:lvlOverride></w:num>')
    assert labels(num, [("1", 0), ("1", 0)]) == ["I", "II"]


def test_multilevel_text_keeps_inner_punctuation():
    """lvlText "%1.%2" gives "1.1", "1.2", then "2.1" after the parent advances."""
    abstract = ('<w:abstractNum w:abstractNumId="1">' + lvl(0, "decimal", "%1.")
                + lvl(1, "decimal", "%1.%2") + "</w:abstractNum>")
    num = numbering(abstract, '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert labels(num, [("1", 0), ("1", 1), ("1", 1), ("1", 0), ("1", 1)]) == ["1", "1.1", "1.2", "2", "2.1"]


def test_lvl_restart_zero_never_restarts():
    """w:lvlRestart 0 keeps a deeper level counting across its parents."""
    abstract = ('<w:abstractNum w:abstractNumId="1">' + lvl(0, "decimal", "%1.")
                + lvl(1, "lowerLetter", "(%2)", extra='<w:lvlRestart w:val="0"/>') + "</w:abstractNum>")
    num = numbering(abstract, '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert labels(num, [("1", 0), ("1", 1), ("1", 0), ("1", 1)]) == ["1", "a", "2", "b"]


def test_lvl_restart_after_a_higher_level_only():
    """w:lvlRestart 1 on level 2 restarts it after level 0, not after level 1."""
    abstract = ('<w:abstractNum w:abstractNumId="1">' + lvl(0, "decimal", "%1.") + lvl(1, "lowerLetter", "(%2)")
                + lvl(2, "lowerRoman", "(%3)", extra='<w:lvlRestart w:val="1"/>') + "</w:abstractNum>")
    num = numbering(abstract, '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    calls = [("1", 0), ("1", 1), ("1", 2), ("1", 1), ("1", 2), ("1", 0), ("1", 1), ("1", 2)]
    assert labels(num, calls) == ["1", "a", "i", "b", "ii", "2", "a", "i"]


def test_bullets_and_none_give_no_number_but_keep_level():
    """Bullet and "none" levels give no label; their level is still reported."""
    abstract = ('<w:abstractNum w:abstractNumId="1">' + lvl(0, "bullet", "\u2022")
                + lvl(1, "none", "") + "</w:abstractNum>")
    num = numbering(abstract, '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert num.label("1", 0) == (None, 0)
    assert num.label("1", 1) == (None, 1)


def test_the_label_as_printed_is_kept_beside_the_number():
    """`shown` is the last label as Word prints it, punctuation and all ("(a)", "1."): the reader
    gives it as the text of an empty numbered paragraph; a bullet or no list has none."""
    num = numbering(UN, '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert (num.label("1", 0), num.shown) == (("1", 0), "1.")
    assert (num.label("1", 1), num.shown) == (("a", 1), "(a)")
    assert (num.label("99", 0), num.shown) == ((None, None), None)
    bullets = numbering('<w:abstractNum w:abstractNumId="1">' + lvl(0, "bullet", "\u2022") + "</w:abstractNum>",
                        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert (bullets.label("1", 0), bullets.shown) == ((None, 0), None)


def test_unknown_or_zero_num_id_is_not_numbered():
    """numId 0 and numIds missing from numbering.xml mean no numbering."""
    num = numbering(UN, '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert num.label("0", 0) == (None, None)
    assert num.label("99", 0) == (None, None)


def test_document_without_numbering_part():
    """No numbering.xml: nothing is numbered and nothing fails."""
    assert Numbering(None).label("1", 0) == (None, None)


def numbers(name: str) -> list[tuple[str, str | None, int | None]]:
    return [(p.text, p.number, p.list_level) for p in read_docx(str(FIXTURES / name)).paragraphs]


def test_numbering_from_paragraph_styles():
    """numPr in a style (numId via basedOn, ilvl from the derived style) numbers its paragraphs;
    a direct numId 0 switches it off."""
    assert numbers("numbering-styles.docx") == [
        ("Not numbered.", None, None),
        ("First numbered by style.", "1", 0),
        ("Sub-paragraph by style.", "a", 1),
        ("Second sub-paragraph by style.", "b", 1),
        ("Second numbered through basedOn.", "2", 0),
        ("Numbering removed by numId 0.", None, None),
        ("Third numbered by style.", "3", 0),
    ]


def test_numbering_restart_fixture():
    """numbering-restart.docx: start 3, deeper levels restarting, startOverride, "%1.%2",
    lvlRestart 0, upper roman/letter, bullet and none."""
    got = {text: number for text, number, _level in numbers("numbering-restart.docx")}
    assert [got[t] for t in ("Starts at three.", "Four.", "Sub a.", "Sub b.", "Sub-sub i.", "Sub-sub ii.",
                             "Five.", "Sub a again.")] == ["3", "4", "a", "b", "i", "ii", "5", "a"]
    assert [got[t] for t in ("Restarted one.", "Restarted two.")] == ["1", "2"]
    assert [got[t] for t in ("Multi one.", "Multi one point one.", "Multi one point two.", "Multi two.",
                             "Multi two point one.")] == ["1", "1.1", "1.2", "2", "2.1"]
    assert [got[t] for t in ("Never one.", "Never a.", "Never two.", "Never b.")] == ["1", "a", "2", "b"]
    assert [got[t] for t in ("Roman one.", "Letter A.", "Bullet item.", "No number.", "Roman two.")] == [
        "I", "A", None, None, "II"]


def test_level_without_text_shows_no_number():
    """A w:lvl with no lvlText value displays nothing, and does not fail."""
    abstract = ('<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/>'
                "<w:lvlText/></w:lvl></w:abstractNum>")
    num = numbering(abstract, '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert num.label("1", 0) == (None, 0)


def test_num_style_link_defers_to_the_numbering_style():
    """An abstractNum with w:numStyleLink takes its levels from the list the numbering style names."""
    from parsers.docx.styles import Styles

    styles = Styles(parse_xml(
        f'<w:styles {W}><w:style w:type="numbering" w:styleId="UNList"><w:name w:val="UN List"/>'
        '<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style></w:styles>'))
    linked = '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="UNList"/></w:abstractNum>'
    real = ('<w:abstractNum w:abstractNumId="2"><w:styleLink w:val="UNList"/>' + lvl(0, "upperRoman", "%1.")
            + "</w:abstractNum>")
    num = Numbering(parse_xml(f"<w:numbering {W}>{linked}{real}"
                              '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
                              '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num></w:numbering>'), styles)
    assert labels(num, [("1", 0), ("1", 0)]) == ["I", "II"]
