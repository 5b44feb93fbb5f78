"""The Word reader on real Word files made with Microsoft Word (../shared/corpus/real/word):
tracked changes read accepted and rejected against Word's own accepted/rejected copies and an
independent extraction of the XML; tracked formatting changes."""

from __future__ import annotations

import re
import tomllib
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from rapidfuzz.distance import Indel
from real_word import all_real
from real_word import real as real_path

import resources
from parsers.docx.math import math_text
from parsers.docx.reader import ACCEPTED_WARNING, ORIGINAL_WARNING, formatting_warning, read_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SUPERSCRIPTS = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹ⁱᵛˣ]")  # footnote and endnote marks
# What the reader may take off the start of a paragraph as its number: a typed label, or the
# punctuation typed after an automatic number ("FIRST" then ":").
LABEL = re.compile(r"[:.)]|\d{1,3}(?:\.\d{1,3})*\.?|\((?:[a-z]{1,2}|[ivxlcdm]{1,6}|\d{1,3})\)|[a-zA-Z][.)]")


def real(name: str) -> str:
    return str(real_path(name))


def shape(name: str, *, original: bool = False, levels: bool = True) -> list[tuple]:
    result = read_docx(real(name), original=original)
    return [(p.number, p.list_level if levels else None, p.text) for p in result.paragraphs]


def _on(el) -> bool | None:
    return None if el is None else el.get(W + "val", "1") not in ("0", "false", "off")


def caps_of(path: str):
    """Whether Word shows a w:t element in capitals, from styles.xml alone: w:caps or w:smallCaps
    (small capitals: a PDF's text has them upper case), each resolved as Word resolves a toggle (a
    run's own, else the paragraph style's and the character style's, each the nearest in its
    basedOn chain, exclusive-or'ed, else the document default)."""
    with zipfile.ZipFile(path) as z:
        styles = etree.fromstring(z.read("word/styles.xml")) if "word/styles.xml" in z.namelist() else None

    def toggle(name: str):
        own, based = {}, {}
        default = None
        if styles is not None:
            default = _on(styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}{name}"))
            for st in styles.iter(W + "style"):
                sid = st.get(W + "styleId")
                own[sid] = _on(st.find(f"{W}rPr/{W}{name}"))
                base = st.find(W + "basedOn")
                based[sid] = base.get(W + "val") if base is not None else None

        def chain(sid):
            seen = set()
            while sid and sid not in seen:
                seen.add(sid)
                if own.get(sid) is not None:
                    return own[sid]
                sid = based.get(sid)
            return None

        def resolved(t) -> bool | None:
            run = t.getparent()
            direct = _on(run.find(f"{W}rPr/{W}{name}"))
            if direct is not None:
                return direct
            rstyle = run.find(f"{W}rPr/{W}rStyle")
            para = next((a for a in t.iterancestors(W + "p")), None)
            pstyle = para.find(f"{W}pPr/{W}pStyle") if para is not None else None
            from_para = chain(pstyle.get(W + "val") if pstyle is not None else None)
            from_char = chain(rstyle.get(W + "val") if rstyle is not None else None)
            if from_para is None and from_char is None:
                return bool(default)
            return bool(from_para) ^ bool(from_char)

        return resolved

    all_caps, small_caps = toggle("caps"), toggle("smallCaps")

    def caps(t) -> bool:
        return bool(all_caps(t)) or bool(small_caps(t))

    return caps


def independent_text(path: str, *, original: bool) -> str:
    """The body's characters as Word shows them, from the XML alone: w:t (and, rejected,
    w:delText) outside the content the view removes, outside drawings and hidden runs, in
    capitals where w:caps says so, a character inserted from a symbol font (w:sym) as the Symbol
    font's table in resources says or as its code; without spaces, so paragraph and cell
    boundaries do not matter."""
    caps = caps_of(path)
    gone = {W + t for t in (("ins", "moveTo") if original else ("del", "moveFrom"))}
    gone |= {W + "txbxContent", W + "drawing", W + "pict"}
    row_gone = W + ("ins" if original else "del")
    texts = (W + "t", W + "noBreakHyphen", W + "sym", MATH_TEXT) + ((W + "delText",) if original else ())
    with open(Path(resources.__file__).parent / "lexicons" / "fonts" / "symbol.toml", "rb") as fh:
        symbol = {int(code, 16): char for code, char in tomllib.load(fh)["codes"].items()}
    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml")).find(W + "body")
    out = []
    for t in body.iter(*texts):
        ancestors = list(t.iterancestors())
        if any(a.tag in gone for a in ancestors):
            continue
        if any(a.tag == W + "tr" and a.find(f"{W}trPr/{row_gone}") is not None for a in ancestors):
            continue
        vanish = t.getparent().find(f"{W}rPr/{W}vanish")
        if vanish is not None and vanish.get(W + "val", "1") not in ("0", "false", "off"):
            continue
        if t.tag == W + "sym":
            code = int(t.get(W + "char"), 16)
            text = symbol[code - 0xF000] if t.get(W + "font") == "Symbol" else chr(code)
        else:
            text = "-" if t.tag == W + "noBreakHyphen" else t.text or ""
        out.append(text.upper() if caps(t) else text)
    return re.sub(r"\s+", "", "".join(out))


# An equation's characters are its m:t texts; its linear form (parsers.docx.math) adds the
# structure's operators and characters between them.
MATH_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MATH_TEXT = MATH_NS + "t"
LINEAR_FORM = re.compile("[()^_/¦▒∑∫√&@■█|\u2061]+")


def assert_same_text(path: str, *, original: bool) -> None:
    result = read_docx(path, original=original)
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    # the characters the equations' linear form adds to their own (their operators), which the
    # reader's text may hold beyond the XML's, and no more
    skip = (W + "ins", W + "moveTo") if original else (W + "del", W + "moveFrom")
    equations = [e for e in body.iter(MATH_NS + "oMath") if not any(a.tag in skip for a in e.iterancestors())]
    operators = sum(len(re.sub(r"\s+", "", math_text(e, skip))) - len(re.sub(r"\s+", "", "".join(
        t.text or "" for t in e.iter(MATH_TEXT) if not any(a.tag in skip for a in t.iterancestors()))))
        for e in equations)
    added = 0
    ours = re.sub(r"\s+", "", SUPERSCRIPTS.sub("", "".join(p.text for p in result.paragraphs)))
    theirs = independent_text(path, original=original)
    # an empty numbered paragraph reads as its label alone ("(c)"), which the XML's text lacks
    alone = {p.text for p in result.paragraphs if p.number is None and LABEL.fullmatch(p.text)}
    taken = []
    for op, a1, a2, b1, b2 in Indel.opcodes(theirs, ours) if theirs != ours else ():
        if op == "insert" and ours[b1:b2] in alone:
            continue
        if op == "insert" and LINEAR_FORM.fullmatch(ours[b1:b2]) and added + b2 - b1 <= operators:
            added += b2 - b1  # an equation's operators
            continue
        if op != "equal":
            assert op == "delete" and LABEL.fullmatch(theirs[a1:a2]), (op, theirs[a1 - 30:a2 + 30], ours[b1 - 30:b2 + 30])
            taken.append(theirs[a1:a2])
    # labels taken off the text are numbers now
    assert len(taken) <= sum(p.number is not None for p in result.paragraphs)
    assert added == operators


@pytest.mark.parametrize("name", all_real())
def test_accepted_text_matches_an_independent_extraction(name):
    """Every real Word file reads, with tracked changes accepted, exactly the characters an
    independent walk of its XML finds (footnote and endnote marks aside; typed labels only where they
    became numbers): nothing lost, nothing deleted kept, rows in content controls included,
    deleted table rows gone; an empty numbered paragraph is its printed label alone."""
    assert_same_text(real(name), original=False)


@pytest.mark.parametrize("name", [n for n in all_real() if not n.endswith(("Accepted.docx", "Rejected.docx"))])
def test_original_text_matches_an_independent_extraction(name):
    """With --original, every real Word file reads the characters the XML holds before its tracked
    changes (deleted text back, inserted text and rows out)."""
    assert_same_text(real(name), original=True)


@pytest.mark.parametrize(("tracked", "original", "reference"), [
    ("oxpt-RP021-Inserted-Numbering-Properties.docx", True, "oxpt-RP021-Inserted-Numbering-Properties-Rejected.docx"),
    ("oxpt-RP022-NumberingChange.docx", True, "oxpt-RP022-NumberingChange-Rejected.docx"),
    ("oxpt-RP051-Arabic.docx", True, "oxpt-RP051-Arabic-Rejected.docx"),
    ("oxpt-RP051-Arabic.docx", False, "oxpt-RP051-Arabic-Accepted.docx"),
    ("oxpt-RP052-Deleted-Para-Mark.docx", False, "oxpt-RP052-Deleted-Para-Mark-Accepted.docx"),
])
def test_tracked_file_reads_as_words_accepted_or_rejected_copy(tracked, original, reference):
    """A file with tracked changes reads (paragraphs, numbers, list levels, text) exactly as the
    copy Word made by accepting or rejecting them all: tracked numbering included, so RP021 and
    RP022 read with --original have no number."""
    assert shape(tracked, original=original) == shape(reference)


@pytest.mark.parametrize(("original", "reference"), [(False, "redlines-modified.docx"),
                                                      (True, "redlines-original.docx")])
def test_a_word_redline_reads_as_its_two_versions(original, reference):
    """Python-Redlines' Word redline reads as the modified file accepted and the original
    rejected (numbers and text; the redline's own list levels differ)."""
    assert (shape("redlines-expected_redline.docx", original=original, levels=False)
            == shape(reference, levels=False))


def test_tracked_numbering_is_rejected_with_original():
    """RP022's three paragraphs were moved to a decimal list with tracking: accepted they are
    1, 2, 3; rejected they have no number."""
    assert [n for n, _l, _t in shape("oxpt-RP022-NumberingChange.docx")] == ["1", "2", "3"]
    assert [n for n, _l, _t in shape("oxpt-RP022-NumberingChange.docx", original=True)] == [None] * 3
    assert [n for n, _l, _t in shape("oxpt-RP021-Inserted-Numbering-Properties.docx", original=True)] == [None]


@pytest.mark.parametrize(("name", "count"), [("oxpt-RP022-NumberingChange.docx", 3),
                                             ("docxodus-FA-017-NumberingChange.docx", 3),
                                             ("oxpt-RP021-Inserted-Numbering-Properties.docx", 1)])
def test_formatting_only_revisions_give_a_warning(name, count):
    """A file whose only tracked changes are formatting (paragraph properties, numbering) warns,
    counting them, in both views, without claiming text changes."""
    accepted = read_docx(real(name)).warnings
    original = read_docx(real(name), original=True).warnings
    assert accepted == (formatting_warning(count, original=False),)
    assert original == (formatting_warning(count, original=True),)
    assert "--original" in accepted[0] and "rejected" in original[0]


def test_text_and_formatting_changes_give_both_warnings():
    """RA001 has text revisions and 7 formatting ones (a pPrChange, 6 table property changes): both
    are reported."""
    warnings = read_docx(real("oxpt-RA001-Tracked-Revisions-01.docx")).warnings
    assert ACCEPTED_WARNING in warnings
    assert formatting_warning(7, original=False) in warnings
    assert ORIGINAL_WARNING in read_docx(real("oxpt-RA001-Tracked-Revisions-01.docx"), original=True).warnings


def test_rows_inside_content_controls_are_read():
    """HC031's last table holds two of its rows in row-level content controls: they are read."""
    tables = [p.text for p in read_docx(real("oxpt-HC031-Complicated-Document.docx")).paragraphs if p.is_table]
    assert tables[-1].endswith("\n100\t200\t300\n400\t500\t600")


def test_deleted_table_row_is_gone_when_accepted():
    """HC031's first table has a row deleted with tracking: accepted it is not there (not even
    as an empty row); rejected it is."""
    first = [p.text for p in read_docx(real("oxpt-HC031-Complicated-Document.docx")).paragraphs if p.is_table][0]
    before = [p.text for p in read_docx(real("oxpt-HC031-Complicated-Document.docx"), original=True).paragraphs
              if p.is_table][0]
    assert first.split("\n")[1:] == ["400\t500\t600"]
    assert before.split("\n")[1:] == ["100\t200\t300", "400\t500\t600"]


def running_paragraphs(path: str) -> list[str]:
    """The text of each paragraph of every header and footer part (outside text boxes and
    deletions), without spaces, in capitals where w:caps or w:smallCaps says so, from the XML alone."""
    out = []
    caps = caps_of(path)
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if re.fullmatch(r"word/(header|footer)\d*\.xml", name):
                for p in etree.fromstring(zf.read(name)).iter(W + "p"):
                    if any(a.tag == W + "txbxContent" for a in p.iterancestors()):
                        continue
                    text = "".join((t.text or "").upper() if caps(t) else t.text or "" for t in p.iter(W + "t")
                                   if next(t.iterancestors(W + "del", W + "txbxContent"), None) is None)
                    if text.strip():
                        out.append(re.sub(r"\s+", "", text))
    return out


@pytest.mark.parametrize("name", all_real())
def test_running_headers_and_footers_are_reported_as_furniture(name):
    """Header and footer text is not body text, but it is not dropped in silence either: every
    header and footer paragraph is in the document's furniture (each distinct line once, no page:
    Word decides pages when it prints), none in a block."""
    path = real(name)
    result = read_docx(path)
    running = [f for f in result.furniture if f.why != "comment"]  # comments: the test below
    assert all(f.why in ("running header", "running footer") and f.page is None for f in running)
    assert len({(f.why, f.text) for f in running}) == len(running)
    furniture = re.sub(r"\s+", "", "".join(f.text for f in running))
    assert all(text in furniture for text in running_paragraphs(path))
    body = {p.text for p in result.paragraphs}
    assert not any(f.text in body for f in result.furniture if len(f.text) > 20)


def test_nvca_footers_and_header_notes_are_furniture():
    """NVCA's footers ("Last Updated October 2025 iv", with the page field's result) and the
    notes in its first-page header are furniture."""
    furniture = read_docx(real("docxodus-NVCA-Model-COI.docx")).furniture
    assert ("running footer", "Last Updated October 2025 iv") in {(f.why, f.text) for f in furniture}
    assert any(f.why == "running header" and f.text.startswith("This sample document is the work product")
               for f in furniture)


def test_text_in_capitals_reads_as_shown():
    """A heading style that sets w:caps shows "Beispiel-Überschrift" as BEISPIEL-ÜBERSCHRIFT, and
    so does the PDF Word or LibreOffice prints: the reader gives the text as shown. A run of that
    style that turns capitals off (w:caps w:val="0", a toggle) reads as typed."""
    contract = [(p.number, p.text) for p in read_docx(real("docxodus-Contract.docx")).paragraphs if p.number]
    assert ("1.0", "EINLEITUNG") in contract
    assert ("2.0", "BEISPIEL-ÜBERSCHRIFT") in contract
    assert ("2.1", "Methodik, Werkzeuge und Verfahren") in contract  # its style sets no capitals
    schedule = [p.text for p in read_docx(real("oxpt-RP052-Deleted-Para-Mark-Accepted.docx")).paragraphs]
    assert "INTRODUCTION" in schedule and "introduction" not in schedule


def test_a_run_can_turn_capitals_off(tmp_path):
    from test_docx_labels import changed_copy

    def caps_off(root):
        for t in root.iter(W + "t"):
            if t.text and "Beispiel" in t.text:
                rpr = t.getparent().find(W + "rPr")
                if rpr is None:
                    rpr = etree.SubElement(t.getparent(), W + "rPr")
                    t.getparent().insert(0, rpr)
                etree.SubElement(rpr, W + "caps").set(W + "val", "0")
    path = changed_copy(real_path("docxodus-Contract.docx"), tmp_path / "off.docx", {"word/document.xml": caps_off})
    assert {p.number: p.text for p in read_docx(path).paragraphs if p.number}["2.0"] == "Beispiel-Überschrift"


@pytest.mark.parametrize(("name", "endnote"), [
    ("oxpt-HC031-Complicated-Document.docx", "This is an endnote."),
    ("pandoc-notes.docx", "This is an endnote at the end of the document."),
])
def test_endnotes_of_real_files_are_notes_after_the_footnotes(name, endnote):
    """The two real Word files with an endnote: it is read (no warning any more), listed after the
    footnotes with Word's mark "i", and its reference stands raised in the text ("ⁱ")."""
    result = read_docx(real(name))
    assert [(n.mark, n.text) for n in result.footnotes][-1] == ("i", endnote)
    assert [n.mark for n in result.footnotes][:-1] == ["1"]
    assert sum(p.text.count("ⁱ") for p in result.paragraphs) == 1
    assert [m for p in result.paragraphs for m in p.footnote_marks].count("i") == 1
    assert not any("endnote" in w for w in result.warnings)


def test_a_reviewer_s_comment_is_furniture_not_text():
    """A Word comment (HC031: "This is a comment.", anchored in the body) is no part of the text
    compared; it is reported as furniture ("comment"), as a PDF reader's comments are. Before, it
    was left out in silence."""
    result = read_docx(str(real_path("oxpt-HC031-Complicated-Document.docx")))
    assert [(f.page, f.text, f.why) for f in result.furniture if f.why == "comment"] == [(None, "This is a comment.", "comment")]
    assert not any("This is a comment" in p.text for p in result.paragraphs)
