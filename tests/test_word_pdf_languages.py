"""A Word draft and its PDF compare equal in the six official languages: UN-style drafts of one
resolution (tests/fixtures/un6_drafts.py), printed by LibreOffice, one conversion for all.

Before, the Chinese and Arabic PDFs differed from their drafts in most paragraphs:
- Chinese: the quarter em Word and LibreOffice set between Han characters and figures or Latin
  text was read as a space ("在 2014 年" for the typed "在2014年");
- Arabic: the kashidas LibreOffice draws to justify a line, which its PDF maps to an ASCII
  character, were read as that character ("ت!!درك", "العامMة", "أيل7ول"); a bracket left at the
  start of a line after its opening one went on the other line read as closing ("(A/70/123(،");
  a figure's groups parted by a typed space ("918 483", printed "483 918") were told apart from
  the PDF's; and a one-line operative paragraph ending in the Arabic comma ran into the next
  ("٥ -" was no label, "،" no paragraph end);
- the long Arabic drafts: a note's raised mark, at the right end of its line where the line
  opens, was not taken as its mark (the notes were body text); "(A/70/123)⁴،" read
  "⁴(A/70/123)،"; a line repeating the line above was left out of PDFium's text (parsers.pdf.copies);
  and a font whose space glyphs all had no width stopped the reader with an error."""

from __future__ import annotations

import re
import sys
from typing import NamedTuple

import pytest
from conftest import FIXTURES
from libreoffice import print_to_pdf, require_soffice

from compare.model import ChangeKind
from compare.text.normalize import key_text
from compare.versions import compare_documents
from parsers.api import parse_file

sys.path.insert(0, str(FIXTURES))
from un6_drafts import write_draft, write_long_draft  # noqa: E402


class Draft(NamedTuple):
    """A printed draft: its language, its seed, and whether it is a long one (write_long_draft)."""

    language: str
    seed: int
    long: bool = False

    @property
    def name(self) -> str:
        return f"{self.language}{'long' if self.long else ''}{self.seed}"


# The seeds of each language's drafts: the Chinese and Arabic ones showed each misreading above.
DRAFTS = [*(Draft("zh", seed) for seed in range(5)), *(Draft("ar", seed) for seed in range(9)),
          *(Draft(language, seed) for language in ("en", "ru", "fr", "es") for seed in range(3))]
# Longer drafts (several pages, notes, running lines).
LONG = [Draft(language, seed, long=True) for language in ("zh", "ar", "en", "ru", "fr", "es") for seed in range(4)]
# ... and drafts of later seeds that each showed a misreading: a note's call wrapped alone to the
# next line (zh 41), a space of size 1 between a raised call and its line (ar 26), a slash before
# a line break inside "(A/70/123)" (ar 45).
LONG += [Draft("zh", 41, long=True), Draft("ar", 26, long=True), Draft("ar", 45, long=True)]
# ... and ragged French drafts broken before "« Transformer" (fr 79) and "naturelles »." (fr 88).
DRAFTS += [Draft("fr", 79), Draft("fr", 88)]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """(draft, PDF) paths of each of DRAFTS and LONG, by Draft."""
    require_soffice()
    out = tmp_path_factory.mktemp("drafts")
    drafts = {draft: (write_long_draft if draft.long else write_draft)(out / f"{draft.name}.docx", draft.language, draft.seed)
              for draft in DRAFTS + LONG}
    print_to_pdf(drafts.values(), out)
    return {draft: (str(path), str(path.with_suffix(".pdf"))) for draft, path in drafts.items()}


@pytest.mark.libreoffice
@pytest.mark.parametrize("key", DRAFTS + LONG, ids=lambda draft: draft.name)
def test_a_draft_compares_equal_to_its_pdf(printed, key):
    draft, pdf = (parse_file(path) for path in printed[key])
    changed = [(c.kind, [b.text for b in c.olds], [b.text for b in c.news])
               for c in compare_documents(draft, pdf).changes if c.kind is not ChangeKind.UNCHANGED]
    assert changed == []


@pytest.mark.libreoffice
def test_chinese_figures_read_without_the_spacing_around_them(printed):
    """The PDF's text has the draft's "在2014年", "第70/1号": no space where none was typed."""
    texts = [b.text for key in DRAFTS if key.language == "zh" for b in parse_file(printed[key][1]).blocks]
    assert any("仅在2014年" in text for text in texts) and any("的第70/1号决议" in text for text in texts)
    assert not [t for t in texts if re.search("[\u4e00-\u9fff] [0-9A-Za-z]|[0-9A-Za-z] [\u4e00-\u9fff]", t)]


@pytest.mark.libreoffice
def test_arabic_kashidas_read_as_tatweel(printed):
    """No ASCII character glued inside an Arabic word: the justified lines' kashidas are tatweels,
    which the comparison leaves out; the figures keep their groups ("483 918", one number)."""
    texts = [b.text for key in DRAFTS if key.language == "ar" for b in parse_file(printed[key][1]).blocks]
    assert any("\u0640" in text for text in texts)  # the drafts are justified: kashidas there are
    glued = {found for text in texts for found in re.findall("(?<=[\u0621-\u064a])[!-~]+(?=[\u0621-\u064a])", text)}
    assert glued == {"/"}  # "الثاني/يناير" as typed
    assert any("483\u00a0918" in text for text in texts)


@pytest.mark.libreoffice
@pytest.mark.parametrize("language", ["ar", "zh", "fr"])
def test_the_notes_of_a_long_draft_are_its_notes(printed, language):
    """The footnotes of the long drafts are footnotes in the PDF, with the draft's marks and text
    as compared (the space typed after "。" is only spacing): in Arabic the note's raised mark is
    at the right end of its line, where the line opens."""
    for key in LONG:
        if key.language != language:
            continue
        draft, pdf = (parse_file(path) for path in printed[key])
        assert [(f.mark, key_text(f.text)) for f in pdf.footnotes] == [(f.mark, key_text(f.text)) for f in draft.footnotes]
        assert len(draft.footnotes) >= 2 and not pdf.warnings
