"""parsers.docx.styles: style names, basedOn chains and Word's toggle rule for bold/italic."""

from __future__ import annotations

from docx.oxml import parse_xml

from parsers.docx.styles import Styles

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def styles(body: str, defaults: str = "") -> Styles:
    doc_defaults = f"<w:docDefaults><w:rPrDefault><w:rPr>{defaults}</w:rPr></w:rPrDefault></w:docDefaults>"
    return Styles(parse_xml(f"<w:styles {W}>{doc_defaults}{body}</w:styles>"))


def style(style_id: str, kind: str = "paragraph", *, name: str | None = None, based_on: str | None = None,
          rpr: str = "", ppr: str = "", default: bool = False) -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    flag = ' w:default="1"' if default else ""
    return (f'<w:style w:type="{kind}" w:styleId="{style_id}"{flag}><w:name w:val="{name or style_id}"/>'
            f"{based}<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>")


def test_doc_defaults_apply_when_no_style_sets_the_property():
    """docDefaults italic makes a run italic when neither style nor run says otherwise."""
    s = styles(style("Normal", default=True), defaults="<w:i/>")
    assert s.run_format("Normal", None, {}) == (False, True)


def test_nearest_style_in_chain_wins():
    """A derived style's w:b w:val="0" overrides its bold parent."""
    s = styles(style("Parent", rpr="<w:b/>") + style("Child", based_on="Parent", rpr='<w:b w:val="0"/>'))
    assert s.run_format("Parent", None, {}) == (True, False)
    assert s.run_format("Child", None, {}) == (False, False)


def test_paragraph_and_character_styles_toggle():
    """Italic in both the paragraph style and the character style cancels out."""
    s = styles(style("Quote", rpr="<w:i/>") + style("Emph", "character", rpr="<w:i/>"))
    assert s.run_format("Quote", "Emph", {}) == (False, False)
    assert s.run_format(None, "Emph", {}) == (False, True)


def test_direct_formatting_is_absolute():
    """Direct run properties set the value whatever the styles say."""
    s = styles(style("Quote", rpr="<w:i/>") + style("Emph", "character", rpr="<w:i/>"))
    assert s.run_format("Quote", "Emph", {"i": True}) == (False, True)
    assert s.run_format("Quote", None, {"i": False}) == (False, False)


def test_built_in_lower_case_names_shown_capitalised():
    """styles.xml's "heading 1" and "title" read as "Heading 1" and "Title"; custom names stay."""
    s = styles(style("Heading1", name="heading 1") + style("Title", name="title")
               + style("Mine", name="my style"))
    assert (s.name("Heading1"), s.name("Title"), s.name("Mine")) == ("Heading 1", "Title", "my style")


def test_numbering_through_based_on_with_own_level():
    """numId comes from the nearest style that sets it, ilvl from the nearest that sets it."""
    s = styles(style("List", ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr>')
               + style("ListSub", based_on="List", ppr='<w:numPr><w:ilvl w:val="1"/></w:numPr>'))
    assert s.numbering("ListSub") == ("7", 1)
    assert s.numbering("List") == ("7", 0)


def test_based_on_cycle_ends():
    """A basedOn cycle is cut instead of looping."""
    s = styles(style("A", based_on="B") + style("B", based_on="A", rpr="<w:b/>"))
    assert [x.style_id for x in s.chain("A")] == ["A", "B"]
    assert s.run_format("A", None, {}) == (True, False)


def test_default_paragraph_style_and_sizes():
    """A paragraph without pStyle uses the default style; sizes resolve run → char → para → defaults."""
    s = styles(style("Normal", default=True, rpr='<w:sz w:val="20"/>') + style("Big", rpr='<w:sz w:val="28"/>')
               + style("Small", "character", rpr='<w:sz w:val="16"/>'), defaults='<w:sz w:val="24"/>')
    assert s.paragraph_style(None) == "Normal"
    assert s.paragraph_style("Missing") == "Normal"
    assert s.run_size("Normal", None, None) == 20
    assert s.run_size("Big", "Small", None) == 16
    assert s.run_size("Big", None, 30) == 30
    assert Styles(None).run_size(None, None, None) == 20
