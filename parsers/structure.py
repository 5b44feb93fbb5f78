"""Decide what each paragraph is: title block, the opener naming the body, preambular and
operative paragraphs, sub-paragraphs, headings. Shared by every reader, so a PDF and the Word
file it was made from get the same kinds and numbers.

The pipeline reads top to bottom: labels → opener → kinds → blocks. Words that mark structure
(openers such as "La Commission …,", preambular participles) live in
resources/lexicons/structure/<language>.toml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import resources
from parsers.labels import cite_labels
from parsers.language import spaceless
from parsers.layout import RawParagraph
from parsers.model import MARK_CHARACTERS, Block, BlockKind, Furniture, Span

# An opener ("The General Assembly,") is a short line; anything longer is prose.
OPENER_MAX_CHARS = 250
# Headings are short and carry no closing punctuation.
HEADING_MAX_CHARS = 160
STRUCTURED_LANGUAGES = ("en", "fr", "es", "ar", "zh", "ru")
# The title block (symbol, body, date, distribution, agenda item, sponsor, title) fits in this many
# paragraphs at the top of a document.
TITLE_BLOCK_SCAN = 12

# "5.", and the numbers negotiators give inserted or alternative paragraphs: "5 bis.", "7 ter.", "7 alt."
_DIGIT_LABEL = re.compile(r"^[\-–•]?\s*(\d{1,3}(?:\s?(?:bis|ter|quater|alt))?)\s*\.(?:\s+|\t|(?=[^\d\s]))")
# The labels negotiators type before a draft's paragraphs, in every language: "PP1", "PP2bis",
# "OP1.", "OP 5 alt", "[OP3]" (preambular and operative paragraph numbers of a zero draft or a
# compilation text). Group 1 says which, group 2 is the number. Chinese text may follow with no
# space between (a PDF's reading drops the space beside Chinese).
TYPED_LABEL = re.compile(r"^\[?(PP|OP) ?(\d{1,3}(?: ?(?:bis|ter|quater|quinquies|[Aa]lt(?:\.? ?\d{1,2})?))?)\]?"
                         r"(?:[.:)]|\s?[-–])?"
                         r"(?:[ \t\u00a0]+|$|(?=[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]))")
# "(a)", "(iv)"; "(أ)", "(هـ)" in Arabic (`sub_letters`); "（a）" in Chinese full-width brackets.
_PAREN_LABEL = re.compile(r"^[(（]([a-z]{1,2}|[ivxlcdm]{1,6}|[\u0621-\u064a]\u0640?)[)）]\s*")
# "a)", "ii)": the sub-paragraphs of French, Spanish and Russian UN texts ("а)" in Cyrillic), where
# English writes "(a)", "(ii)"; a space and text after it.
_CLOSING_LABEL = re.compile(r"^([a-z]{1,2}|[ivxlcdm]{1,6}|[а-я])\)[ \t\u00a0]+(?=\S)")
# "1<tab>Decides": a number and a tab, as Word prints a list number whose level text has no
# period (an Arabic PDF keeps the tab: parsers.pdf.lines), or as typed.
_TAB_DIGIT_LABEL = re.compile(r"^(\d{1,3})\t+(?=\S)")
# "1)<tab>", "a.<tab>", "iv.<tab>": list labels Word prints with a tab after them (a PDF's reader
# writes the tab where the label's gap is: pdf.paragraphs), or as typed. With a word space after
# them they open prose ("p. 12", "2) and 3)"). The shape (label, closing mark) is pdf.paragraphs' too.
TAB_LIST_SHAPE = r"(\d{1,3}(?=\))|[a-z](?=\.)|[ivxlc]{1,6}(?=\.))([.)])"
_TAB_LIST_LABEL = re.compile(f"^{TAB_LIST_SHAPE}\\t+(?=\\S)")
# "(1)", "(12)": a list level Word numbers "(%1)", printed (its number is "1", as Word's is),
# when it counts from (1) on (_section_numbers): "(78) Food Business" in a table cites a source
_PAREN_DIGIT_LABEL = re.compile(r"^\((\d{1,2})\)[ \t\u00a0]+(?=\S)")
# A section number of a decimal outline, "2.1", "3.2.1." or "1.0" (contracts, reports, ITU texts;
# what Word prints for a "%1.%2" list level), when it follows on from the numbers before it and,
# unless those lead to it, a letter follows that is not lower case (_section_numbers): "1.5
# million people" is a quantity, not a label.
_SECTION_LABEL = re.compile(r"^(\d{1,2}[A-Z]?(?:\.\d{1,2}){1,3}|\d{1,2}[A-Z](?=\.))\.?(?:[ \t\u00a0]+(?=[^\W\d_]|[\[\u201c\u0022\u2018(])|(?=[\u201c\u0022\u2018\[]))")
# A bullet opening a paragraph: the list's label, as Word's own bullets (never in the text) are.
# Symbol and Wingdings bullets come through PDFs as private-use code points (U+F0A7, U+F0B7).
BULLETS = "•●○■□▪▫◦‣⁃∙►▶➢✓✔\uf0a7\uf0b7\uf076\uf0d8\uf0fc"
# An asterisk or a dagger standing before a note's text ("*<tab>Basic limits…"; the Symbol font's
# asterisk comes through as U+F02A): a label where a PDF's line is cut (pdf.lines, pdf.paragraphs),
# kept in the text (a note's mark, not a list's).
NOTE_MARKS = "*\u2217\uf02a\u2020\u2021"
# A dash and a space opening a paragraph is a list's dash bullet too (Word's "-" bullet printed);
# not a reason to start a paragraph (pdf.paragraphs): a wrapped line may begin with a dash.
DASH_BULLETS = "-\u2013\u2014"
_BULLET = re.compile(f"^[{BULLETS}{re.escape(DASH_BULLETS)}][ \t\u00a0]+(?=\\S)")
_SECTION_NUMBER = re.compile(r"^\d{1,2}[A-Z]?(?:\.\d{1,2}){1,3}$|^\d{1,2}[A-Z]$")
_ROMAN_HEADING = re.compile(r"^([IVXLC]{1,6})\.\s+(?=\S)")
_LETTER_HEADING = re.compile(r"^([A-Z])\.\s+(?=\S)")
# A section's numeral or letter alone ("II", "B."), as a resolution sets it over the section's title
# where the title goes on the next line; in plain text, where the two lines are one paragraph, a
# numeral then a title ("II Small Island Developing States", no full stop: `_ROMAN_TITLE`). Looked
# for after a resolution's opener only (elsewhere "I If you are a resident …" is a sentence).
_SECTION_MARK = re.compile(r"(?:[IVX]{1,5}|[A-Z])\.?")
_ROMAN_TITLE = re.compile(r"^([IVX]{1,5})\s+(?=[A-Z])")
_ROMAN = re.compile(r"^[ivxlcdm]+$")
# A UN document symbol: a body's letters, then at least two parts between slashes ("A/RES/73/3",
# "E/CN.15/2018/L.2", an emergency special session's "A/ES-11/L.1"), then any revision, addendum,
# corrigendum or amendment. A Security Council resolution's symbol carries its year ("S/RES/2719
# (2023)", its running header on every page). The bodies are those of the General Assembly, the
# Councils and the treaty bodies, conferences and programmes that publish under symbols of their own.
SYMBOL = re.compile(
    r"\b(S/RES/\d+\s?\((?:19|20)\d\d\)"
    r"|(?:A|E|S|ST|UNEP|TD|CRC|CEDAW|CCPR|HRC|DP|ICCD|FCCC|UNW|CAT|CERD|CMW|CRPD|CED|SPLOS|ISBA|CD|NPT"
    r"|BWC|CCW|CCM|APLC|ATT|CTOC|CAC|CBD|ECE|LC|EC|WFP|IDB|ICC-ASP)(?:/[A-Za-z0-9.]+(?:-[A-Za-z0-9.]+)*){2,}"
    r"(?:/(?:Rev|Add|Corr|Amend)\.\d+)*)",
    re.IGNORECASE,
)
# A line that is only the symbol: with the asterisks of a reissued document ("A/RES/78/1*", its
# note "Reissued for technical reasons") or of one issued without formal editing.
SYMBOL_LINE = re.compile(SYMBOL.pattern + r"\s?\*{0,3}", re.IGNORECASE)
_SYMBOL_SUFFIXES = ("rev.", "add.", "corr.", "amend.")


@dataclass(frozen=True, slots=True)
class Structured:
    blocks: tuple[Block, ...]
    symbol: str | None
    warnings: tuple[str, ...]
    # paragraphs set aside (a title-block line that is only the document symbol)
    furniture: tuple[Furniture, ...] = ()
    # labels typed in the text ("PP2", "OP1."): see parsers.model.Document.typed_labels
    typed_labels: bool = False


@cache
def _all_lexicons() -> dict[str, dict[str, Any]]:
    return {lang: resources.lexicon("structure", lang) for lang in STRUCTURED_LANGUAGES}


def _lexicons_of(language: str | None) -> list[dict[str, Any]]:
    """The structure lexicon of `language`, or all of them (in STRUCTURED_LANGUAGES' order) for a
    language that has none."""
    lexicons = _all_lexicons()
    return [lexicons[language]] if language is not None and language in lexicons else list(lexicons.values())


def _openers(language: str | None) -> tuple[str, ...]:
    return tuple(o for lexicon in _lexicons_of(language) for o in lexicon.get("openers", ()))


def _opener_ends(language: str | None) -> tuple[str, ...]:
    """How an opener line ends: a comma, or the lexicon's own (Chinese ，, Arabic ،)."""
    return (",", *(e for lexicon in _lexicons_of(language) for e in lexicon.get("opener_ends", ())))


@cache
def _sub_letters() -> dict[str, int]:
    """The letters that label sub-paragraphs in the languages not written in Latin letters
    (lexicons' `sub_letters`: Cyrillic "а)", "б)", Arabic "(أ)", "(ب)"), with their rank from 1."""
    return {letter: rank for lex in _all_lexicons().values() for rank, letter in enumerate(lex.get("sub_letters", ()), 1)}


def latin_letter(label: str) -> str:
    """A sub-paragraph's letter as English writes it, by its rank: "в" (Russian) and "ج" (Arabic)
    are "c"; any other label as it is. Sub-paragraphs pair across languages by it
    (compare.languages.documents)."""
    rank = _sub_letters().get(label)
    return chr(ord("a") + rank - 1) if rank is not None and rank <= 26 else label


@cache
def digit_labels() -> tuple[re.Pattern[str], ...]:
    """Paragraph numbers written otherwise than `1.`, from the lexicons (Arabic `٣ -`, Chinese `1、`)."""
    return tuple(re.compile(p) for lex in _all_lexicons().values() for p in lex.get("digit_labels", ()))


@cache
def _ordinal_label() -> re.Pattern[str]:
    """An ordinal word in capitals before a colon or period, as Word's ordinalText numbering in
    capitals prints it ("FIRST:", "SECOND.", "VINGT ET UNIÈME :"), or right before a note mark
    that opens the text ("TENTH⁸⁷ To the fullest …", as LibreOffice prints an item whose text
    starts with a footnote reference), in the languages Word's words are known for: its number
    is the word, as Word's is."""
    from parsers.docx.numformat import MAX_WORD_NUMBER, WORD_LANGUAGES, format_words

    words = {format_words(n, "ordinalText", lang).upper() for lang in WORD_LANGUAGES
             for n in range(1, MAX_WORD_NUMBER + 1)}
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if not w.isdigit())
    return re.compile(f"^({alternatives})(?:[ \u00a0]?[:.][ \t\u00a0]+(?=\\S)|(?=[{MARK_CHARACTERS}]+[ \t\u00a0]+\\S))")


# A text `_ordinal_label()` can match opens with capitals up to its first colon, period or note
# mark: an ordinal word has none of them, and a word in capitals is its own upper case.
_ORDINAL_CANDIDATE = re.compile(rf"([^:.{MARK_CHARACTERS}]+)(?:[:.][ \t\u00a0]+(?=\S)|[{MARK_CHARACTERS}])")


def _ordinal_match(text: str) -> re.Match[str] | None:
    """`_ordinal_label().match(text)`, the pattern built and tried only for a text that passes
    `_ORDINAL_CANDIDATE` (building it took 10 ms of each parse worker, for the few texts it can
    match)."""
    candidate = _ORDINAL_CANDIDATE.match(text)
    if candidate is None or candidate.group(1) != candidate.group(1).upper():
        return None
    return _ordinal_label().match(text)


def preamble_starts(language: str | None) -> tuple[str, ...]:
    """The words that open a preambular paragraph ("Recalling", "Rappelant"), in `language` or,
    for None or a language without a lexicon, in all the structured languages."""
    return _preamble_starts(language)


@cache
def _preamble_starts(language: str | None) -> tuple[str, ...]:
    return tuple(o for lexicon in _lexicons_of(language) for o in lexicon.get("preamble_starts", ()))


def _annex_headings(language: str | None) -> tuple[str, ...]:
    return tuple(o for lexicon in _lexicons_of(language) for o in lexicon.get("annex_headings", ()))


def _is_annex_heading(text: str, headings: Sequence[str]) -> bool:
    """"Annex", "Annex II", "Appendix A": a heading that opens an annex."""
    first = text.strip().split(None, 1)[0].rstrip(".:") if text.strip() else ""
    return any(first == heading.split(None, 1)[0] for heading in headings)


_ANNEX_NUMBER = re.compile(r"(?:[IVXLC]{1,6}|[A-Z]|\d{1,2})[.:]?")


def _is_bare_annex_heading(text: str, headings: Sequence[str]) -> bool:
    """A paragraph that is nothing but an annex's heading ("Annex I", "ANNEX", "Appendix A", one
    of the lexicon's): a heading however it is set. A scan's text layer has no bold, and an annex
    heading set flush left in the body's size looked like text, so the annex's numbered paragraphs
    went on the resolution's operative numbering (S/2024/557 scanned: 1-6, then 1-15, 1-12)."""
    stripped = text.strip()
    if stripped in headings:
        return True
    words = stripped.split()
    if not 1 <= len(words) <= 2:
        return False
    first = words[0].rstrip(".:").casefold()
    for heading in headings:
        word = heading.split(None, 1)[0].casefold()
        if first == word:  # then a numeral, a letter or an ordinal word ("المرفق الثاني")
            return len(words) == 1 or _ANNEX_NUMBER.fullmatch(words[1]) is not None or words[1].isalpha()
        if len(words) == 1 and spaceless(word[:1]) and first.startswith(word) and len(first) - len(word) <= 2:
            return True  # written without a space: "附件二"
    return False


def split_label(raw: RawParagraph) -> tuple[RawParagraph, str | None, str | None]:
    """Take a printed label off the start of the text: ('1', 'digit'), ('a', 'letter'),
    ('iv', 'roman'), ('II', 'heading'). A Word automatic number wins over the text. A table has
    none: its first cell's "1" before the tab to the next cell is no label."""
    if raw.is_table:
        return raw, None, None
    typed = _typed_of(raw)
    if raw.number is not None:
        if typed:  # Word's own numbering, set to print "OP1."
            return raw, _typed_label(typed), _typed_style(typed)
        return raw, raw.number, _label_style(raw.number)
    bullet = _BULLET.match(raw.text)
    if bullet:
        raw = _cut(raw, bullet.end())
    text = raw.text
    labels: tuple[tuple[Callable[[str], re.Match[str] | None], str | None], ...] = (
        (_DIGIT_LABEL.match, "digit"),
        (_TAB_DIGIT_LABEL.match, "digit"),
        *((extra.match, "digit") for extra in digit_labels()),
        (_TAB_LIST_LABEL.match, None),
        (_PAREN_LABEL.match, None),
        (_CLOSING_LABEL.match, None),
        (_ordinal_match, None),  # "heading" by its label, whatever the paragraph's length
        (_ROMAN_HEADING.match, "heading"),
        (_LETTER_HEADING.match, "heading"),
    )
    if typed:
        return _cut(raw, typed.end()), _typed_label(typed), _typed_style(typed)
    for match, style in labels:
        m = match(text)
        if not m:
            continue
        label = m.group(1)
        if style == "heading" and len(text) > HEADING_MAX_CHARS:
            continue
        cut = m.end()
        rest = text[cut:]
        if not rest.strip():
            continue
        return _cut(raw, cut), label, style or _label_style(label)
    return raw, None, None


def opens_with_label(text: str) -> bool:
    """Does `text` open with a paragraph's label: "2.", "5 bis.", "(a)", "(iv)", "a)", "(أ)", a
    number as a lexicon writes it ("٣ -", "5、"), a typed "PP3" or "OP1.", a bullet (the
    plain-text reader starts a paragraph there)."""
    return bool(_DIGIT_LABEL.match(text) or _PAREN_LABEL.match(text) or _CLOSING_LABEL.match(text)
                or _TAB_LIST_LABEL.match(text) or TYPED_LABEL.match(text) or _BULLET.match(text) or any(p.match(text) for p in digit_labels()))


def _section_title(labelled: Sequence[Labelled], i: int) -> bool:
    """Paragraph `i` of a resolution is a section's numeral or letter alone (`_SECTION_MARK`),
    the title just after one (`_title_like`), or both in one ("II Small Island Developing
    States": `_ROMAN_TITLE`, title-like)."""
    text = labelled[i][0].text.strip()
    if _SECTION_MARK.fullmatch(text) or (_ROMAN_TITLE.match(text) and _title_like(text)):
        return True
    return (i > 0 and labelled[i - 1][1] is None and bool(_SECTION_MARK.fullmatch(labelled[i - 1][0].text.strip()))
            and _title_like(text))


def _typed_number(typed: re.Match[str]) -> str:
    """The number of a typed label (`TYPED_LABEL`), written as printed numbers are: "2 bis"."""
    return re.sub(r"(?<=\d)(?=[a-zA-Z])", " ", typed.group(2).replace("Alt", "alt").replace("alt.", "alt"))


def _typed_label(typed: re.Match[str]) -> str:
    """What `split_label` gives for a typed label: an operative paragraph's number ("5 alt"), a
    preambular paragraph's label as typed ("PP 4", "[PP6]"), which is put back in the text of a
    paragraph that turns out to be no preambular one (`_cited_preamble`)."""
    return _typed_number(typed) if typed.group(1) == "OP" else typed.group(0).strip()


def _cited_preamble(typed: str) -> str:
    """A typed preambular label as it is cited: "PP4", "PP6", "PP2bis"."""
    found = TYPED_LABEL.match(typed + " ")
    return f"PP{_typed_number(found)}".replace(" ", "") if found else typed


def _typed_of(raw: RawParagraph) -> re.Match[str] | None:
    """The typed label ("OP1.", "PP2bis", "[OP3]") `split_label` takes as the paragraph's number:
    Word's numbering printing one, or one opening its text (after a bullet, its offsets in the text
    without it) with text after it."""
    if raw.number is not None:
        return TYPED_LABEL.fullmatch(raw.number.strip() + " ")
    bullet = _BULLET.match(raw.text)
    text = raw.text[bullet.end():] if bullet else raw.text
    typed = TYPED_LABEL.match(text)
    return typed if typed and text[typed.end():].strip() else None


def _typed_operative(raw: RawParagraph) -> bool:
    """Does the paragraph open with a typed operative label ("OP1.", "[OP3]")?"""
    typed = _typed_of(raw)
    return typed is not None and typed.group(1) == "OP"


def _typed_style(typed: re.Match[str]) -> str:
    """An operative paragraph's typed number is a paragraph number ("digit"); a preambular one's
    says the paragraph is preambular ("preamble")."""
    return "digit" if typed.group(1) == "OP" else "preamble"


def _label_style(label: str) -> str:
    if label.isdigit():
        return "digit"
    if _SECTION_NUMBER.match(label.rstrip(".")):
        return "section"
    if _ROMAN.match(label) and label != "i" * len(label) or label in ("i", "ii", "iii"):
        return "roman"
    if label.isalpha() and label.islower() or label in _sub_letters():
        return "letter"
    return "heading"


def _cut(raw: RawParagraph, cut: int) -> RawParagraph:
    text = raw.text[cut:]
    lead = len(text) - len(text.lstrip())
    text = text.lstrip()
    shift = cut + lead
    spans = tuple(
        Span(max(0, s.start - shift), s.end - shift, s.bold, s.italic)
        for s in raw.spans
        if s.end - shift > 0
    )
    return replace(raw, text=text, spans=spans)


def _is_opener(text: str, openers: Sequence[str], ends: tuple[str, ...] = (",",)) -> bool:
    t = text.strip()
    return len(t) <= OPENER_MAX_CHARS and t.endswith(ends) and t.startswith(tuple(openers))


def _looks_like_heading(raw: RawParagraph) -> bool:
    if raw.style and raw.style.lower().startswith(("heading", "titre", "título", "title")):
        return True
    return _title_like(raw.text.strip()) and (raw.bold or raw.centered or raw.large)


def _title_like(text: str) -> bool:
    """Short enough for a heading (HEADING_MAX_CHARS) and no sentence: it does not end with a full
    stop, a comma, a semicolon or a colon."""
    return len(text) <= HEADING_MAX_CHARS and not text.endswith((".", ",", ";", ":"))


def normalise_symbol(symbol: str) -> str:
    """The symbol as the UN prints it: bodies and parts upper case, "Rev.1", "Add.2" as written,
    a Security Council resolution's year after one space ("S/RES/2719 (2023)")."""
    parts = re.sub(r"\s*\(", " (", symbol).split("/")
    out = []
    for part in parts:
        low = part.lower()
        if low.startswith(_SYMBOL_SUFFIXES):
            out.append(part[0].upper() + part[1:].lower())
        else:
            out.append(part.upper())
    return "/".join(out)


def find_symbol(paragraphs: Sequence[RawParagraph], limit: int = TITLE_BLOCK_SCAN) -> str | None:
    for raw in paragraphs[:limit]:
        m = SYMBOL.search(raw.text)
        if m:
            return normalise_symbol(m.group(1).rstrip("."))
    return None


def _find_opener(labelled: Sequence[tuple[RawParagraph, str | None, str | None]], language: str | None) -> int | None:
    openers, ends = _openers(language), _opener_ends(language)
    for i, (raw, label, _style) in enumerate(labelled):
        if label is None and _is_opener(raw.text, openers, ends):
            return i
    # No opener line (an extract, a decision without one): paragraphs typed "PP1", "PP2", or a run
    # of preambular paragraphs followed by numbered ones, still mark a resolution.
    typed = [i for i, (_raw, _label, style) in enumerate(labelled) if style == "preamble"]
    if len(typed) >= 2:  # one "PP 12 …" alone may be anything
        return typed[0] - 1
    starts = _preamble_starts(language)
    for i, (raw, label, _style) in enumerate(labelled):
        if label is None and raw.text.startswith(starts) and raw.text.rstrip().endswith((".", ";", *ends)):
            following = labelled[i: i + 60]
            if any(style == "digit" for _r, _l, style in following):
                return i - 1
            break
    return None


# A resolution in parts ("A", "B"; I, II), each with its own title, opener, preamble and operative
# paragraphs numbered from 1, as the General Assembly adopts several texts under one item ("79/87
# A and B"): a part's letter or numeral opens the paragraph before its opener, alone or before its
# title. At most this many paragraphs stand between a part's last numbered paragraph and the next
# part's opener: the part's adoption line ("62nd plenary meeting", "5 December 2024", as each part
# of an adopted resolution ends), the next one's letter and its title.
PART_HEAD_PARAGRAPHS = 6
_PART_MARK = re.compile(r"^(?:[A-Z]|[IVX]{1,5})(?=\s|$)")


def _part_letters(language: str | None) -> dict[str, str]:
    """The part letters written otherwise than in Latin capitals, by what they are cited as
    (Russian's Cyrillic "В", Arabic's "باء": "B")."""
    return {mark: letter for lexicon in _lexicons_of(language) for mark, letter in lexicon.get("part_letters", {}).items()}


def _part_mark(text: str, letters: dict[str, str]) -> str | None:
    """The part letter or numeral opening `text` ("B", "II"; "В" and "باء" as "B"), or None."""
    text = text.strip()
    found = _PART_MARK.match(text)
    if found:
        return found[0]
    first = text.split(maxsplit=1)[0] if text else ""
    return letters.get(first)


def _part_openers(labelled: Sequence[Labelled], opener: int | None, language: str | None,
                  annex_headings: Sequence[str]) -> list[int]:
    """The opener of each part after the first (`PART_HEAD_PARAGRAPHS`): an opener after numbered
    paragraphs (or a part's one unnumbered operative paragraph: `_lone_operative`), not in an
    annex and not quoted by the paragraph before it (a draft recommended "… the following draft
    resolution:"), with at most PART_HEAD_PARAGRAPHS paragraphs after the last numbered one."""
    if opener is None:
        return []
    openers, ends, stops = _openers(language), _opener_ends(language), _full_stops(language)
    out: list[int] = []
    last_numbered: int | None = None
    preamble = True  # every paragraph since the part's opener ends with a comma
    for i in range(opener + 1, len(labelled)):
        raw, label, style = labelled[i]
        text = raw.text.rstrip()
        if style == "digit" and label is not None:
            last_numbered = i
        elif label is None and _is_annex_heading(raw.text, annex_headings):
            break
        elif (label is None and last_numbered is not None and i - last_numbered - 1 <= PART_HEAD_PARAGRAPHS
              and _is_opener(raw.text, openers, ends) and not labelled[i - 1][0].text.rstrip().endswith(":")):
            out.append(i)
            last_numbered, preamble = None, True
            continue
        elif preamble and label is None and last_numbered is None and text.endswith(stops):
            last_numbered = i  # the part's one operative paragraph, unnumbered
        preamble = preamble and (style == "preamble" or label is None and text.endswith(ends))
    return out


def _part_names(labelled: Sequence[Labelled], heads: Sequence[int], letters: dict[str, str]) -> list[str]:
    """Each part's name: the letter or numeral opening its head (`_part_head`), "A", "B", …; their
    order from 1 when a part has none."""
    names = [_part_mark(labelled[head][0].text, letters) or "" for head in heads]
    if not all(names) or len(set(names)) != len(names):
        return [str(k + 1) for k in range(len(heads))]
    return names


def classify(
    paragraphs: Sequence[RawParagraph],
    language: str | None,
    *,
    symbol_hint: str | None = None,
) -> Structured:
    """Turn a reader's paragraphs into blocks with kinds, numbers and levels."""
    paragraphs = [raw for raw in paragraphs if raw.text.strip()]
    title_symbol, paragraphs, set_aside = _take_symbol_lines(paragraphs)
    labelled, misread = _misread_numbers(_bare_numbers([split_label(raw) for raw in paragraphs]))
    labelled = _section_numbers(labelled)
    typed_operative = [_typed_operative(raw) for raw in paragraphs]  # one a paragraph, as `labelled`
    opener = _find_opener(labelled, language)
    # the draft's title, then the sponsors' list, over two paragraphs before the opener: one
    for goes_on in (_title_goes_on, _sponsors_go_on):
        if opener is not None and opener >= 2 and goes_on(labelled[opener - 2], labelled[opener - 1], language):
            labelled[opener - 2: opener] = [(_joined(labelled[opener - 2][0], labelled[opener - 1][0]), None, None)]
            typed_operative[opener - 2: opener] = [False]
            opener -= 1
    warnings: list[str] = []
    if misread:  # the printed characters are not kept in the text: said
        warnings.append(misreading_warning("paragraph numbers", misread))
    annex_headings = _annex_headings(language)
    later_openers = _part_openers(labelled, opener, language, annex_headings)
    letters = _part_letters(language)
    starts = [opener, *later_openers] if opener is not None and later_openers else []
    heads = [_part_head(labelled, start, letters) for start in starts]  # where each part begins
    kinds = _kinds(labelled, opener, annex_headings, dict(zip(later_openers, heads[1:], strict=True)))
    if opener is not None:
        for k, start in enumerate(starts or [opener]):
            end = heads[k + 1] if k + 1 < len(heads) else len(labelled)
            _lone_operative(kinds, labelled, start, end, language)
    if opener is None and language not in STRUCTURED_LANGUAGES and language is not None:
        warnings.append(
            f"the structure of this {language} document was not recognised; "
            "its text is read as plain paragraphs in reading order"
        )
    blocks = []
    for index, ((raw, label, style), (kind, level)) in enumerate(zip(labelled, kinds, strict=True)):
        number = label if kind in (BlockKind.OPERATIVE, BlockKind.SUBPARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH) else None
        text = raw.text.strip()
        if style == "preamble" and kind is BlockKind.PREAMBLE:
            # cited as typed ("PP2bis": parsers.labels), and printed so: a label typed anew is a renumbering
            number = _cited_preamble(str(label))
        elif style == "preamble":  # where no preamble can be (no resolution): its text as it was
            text = f"{label} {text}"
        elif label is not None and number is None:
            text = f"{label}. {text}" if style == "digit" else f"{label} {text}" if style == "section" else f"({label}) {text}"
        blocks.append(
            Block(
                index=index,
                kind=kind,
                text=text,
                number=number,
                level=level,
                spans=_clip_spans(raw.spans, len(text)) if number is not None or label is None else (),
                location=raw.location,
                footnote_marks=raw.footnote_marks,
            )
        )
    symbol = symbol_hint or title_symbol or find_symbol([r for r, _l, _s in labelled])
    parts: list[str | None] | None = None
    if heads:  # a resolution in parts: each block's part from its head on
        names = _part_names(labelled, heads, letters)
        parts = [None] * len(blocks)
        for k, head in enumerate(heads):
            for i in range(head, heads[k + 1] if k + 1 < len(heads) else len(blocks)):
                parts[i] = names[k]
    labels = cite_labels(blocks, parts)
    blocks = [replace(block, label=label) for block, label in zip(blocks, labels, strict=True)]
    typed = any(block.kind is BlockKind.PREAMBLE and block.number for block in blocks) or any(
        flag and block.kind is BlockKind.OPERATIVE for flag, block in zip(typed_operative, blocks, strict=True))
    return Structured(tuple(blocks), symbol, tuple(warnings), tuple(set_aside), typed)


def _take_symbol_lines(
    paragraphs: Sequence[RawParagraph],
) -> tuple[str | None, list[RawParagraph], list[Furniture]]:
    """A title-block paragraph that is only the document symbol is the symbol, not body text:
    a PDF reader removes it with the running headers, so a Word file must not keep it either.
    It is reported as furniture, like the PDF's."""
    symbol = None
    kept = []
    set_aside = []
    for i, raw in enumerate(paragraphs):
        m = SYMBOL_LINE.fullmatch(raw.text.strip())
        if i < TITLE_BLOCK_SCAN and m and not raw.is_table:
            symbol = symbol or normalise_symbol(m.group(1))
            set_aside.append(Furniture(raw.location.page, raw.text.strip(), "document symbol"))
            continue
        kept.append(raw)
    return symbol, kept, set_aside


_BARE_NUMBER = re.compile(r"^(\d{1,3})\s+(?=[A-Z][a-z])")
# A date opening a paragraph ("24 November 2025", the adoption line after the last paragraph) is
# no paragraph number, even when the day is the next number.
_MONTH = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Janvier|Février|Mars|Avril|Mai|Juin|Juillet|Août|Septembre|Octobre|Novembre|Décembre|"
    r"Enero|Febrero|Marzo|Abril|Mayo|Junio|Julio|Agosto|Septiembre|Setiembre|Octubre|Noviembre|Diciembre)\b",
    re.IGNORECASE)

Labelled = tuple[RawParagraph, str | None, str | None]


def leading_number(label: str) -> int:
    """The integer a paragraph number starts with: 5 for "5", "5 bis" and "5 alt"."""
    m = re.match(r"\d+", label)
    return int(m.group()) if m else 0


def _bare_numbers(labelled: list[Labelled]) -> list[Labelled]:
    """A number printed without its period ("11 Condemns …") is a label when it is the one the
    numbered paragraphs before it lead to (10 came last): elsewhere "2030 Agenda …" is text."""
    out: list[Labelled] = []
    last: int | None = None
    for raw, label, style in labelled:
        if style == "digit" and label is not None:
            last = leading_number(label)
        elif label is None and last is not None and raw.number is None:
            m = _BARE_NUMBER.match(raw.text)
            if m and int(m.group(1)) == last + 1 and not _MONTH.match(raw.text, m.end()):
                last += 1
                out.append((_cut(raw, m.end()), m.group(1), "digit"))
                continue
        out.append((raw, label, style))
    return out


def misreading_warning(what: str, misread: Sequence[tuple[str, object]], shown: int | None = None) -> str:
    """The warning that `what` were read from what looks like an OCR misreading: each as printed
    and as read ("li." as 11), the first `shown` of them when given, then how many more."""
    listed = misread if shown is None else misread[:shown]
    read = ", ".join(f'"{printed}" as {value}' for printed, value in listed)
    more = f" and {len(misread) - len(listed)} more" if len(misread) > len(listed) else ""
    return f"{what} read from what looks like an OCR misreading: {read}{more}"


# A paragraph number as OCR misreads it: "11." as "li.", "ll." or "Il.", "10." as "lO.", "9." as
# "9," (a scan's text layer: S/2022/158, A/RES/73/6 scanned at 200 dpi).
_MISREAD_NUMBER = re.compile(r"^([0-9lIi|!Oo]{1,3})([.,])\s+(?=\S)")
_MISREAD_DIGITS = str.maketrans("lIi|!Oo", "1111100")


def _misread_numbers(labelled: list[Labelled]) -> tuple[list[Labelled], list[tuple[str, int]]]:
    """A paragraph opening with a number as OCR misreads it (_MISREAD_NUMBER: letters for digits,
    a comma for the full stop) is numbered when that number is the one the numbered paragraphs
    before it lead to and the next numbered paragraph, if any, follows it: "li. Reaffirms"
    between 10 and 12 is 11. A roman numeral ("II.", a section's heading, where "II" would read
    11) and a number already read are left alone. Also returned: each label so read, as printed,
    with its number (a warning says so: the printed characters are not kept)."""
    out = list(labelled)
    misread: list[tuple[str, int]] = []
    last: int | None = None
    for k, (raw, label, style) in enumerate(labelled):
        if style == "digit" and label is not None:
            last = leading_number(label)
            continue
        if label is not None or last is None or raw.number is not None:
            continue
        m = _MISREAD_NUMBER.match(raw.text)
        if m is None or (m.group(1).isdigit() and m.group(2) == ".") or set(m.group(1)) <= set("IVX"):
            continue
        value = int(m.group(1).translate(_MISREAD_DIGITS))
        after = next((leading_number(lab) for _raw, lab, sty in labelled[k + 1:] if sty == "digit" and lab), None)
        if value == last + 1 and after in (None, value + 1):
            out[k] = (_cut(raw, m.end()), str(value), "digit")
            misread.append((m.group(1) + m.group(2), value))
            last = value
    return out, misread


def _section_numbers(labelled: list[Labelled]) -> list[Labelled]:
    """A printed section number ("2.1 Methodik", "1.0 INTRODUCTION", "3.2.1. Die …") is a label
    when it follows on from the numbers before it (Word's, or printed ones taken): it opens a
    level ("6.1" first of all, "3.2.1" under "3.2", "2.1" under "2." or "2.0", "3.1" after "2.x"),
    is "1.0" or the chapter after the last one ("2.0" after "1.x"), or is the next at its level
    ("2.2" after "2.1" or "2.1.3"). In a table, "27.5 France" and "25.0 UK" are values. So with
    "(1)", "(2)": a label when it counts from (1)."""
    out: list[Labelled] = []
    section: tuple[int, ...] | None = None  # the last section number
    chapter: int | None = None  # the last plain number ("2." before "2.1")
    counted = 0  # the last "(n)" taken
    for raw, label, style in labelled:
        if label is not None and style == "section":
            section = _section_tuple(label) or section
        elif label is not None and style == "digit":
            chapter = leading_number(label)
        elif label is None and raw.number is None and (paren := _PAREN_DIGIT_LABEL.match(raw.text)):
            if int(paren.group(1)) in (1, counted + 1):
                counted = int(paren.group(1))
                out.append((_cut(raw, paren.end()), paren.group(1), "digit"))
                continue
        elif label is None and raw.number is None:
            m = _SECTION_LABEL.match(raw.text)
            if m:
                number = _section_tuple(m.group(1))
                # a lower-case word after it is text ("1.5 million") unless numbers lead to it
                lower = raw.text[m.end():m.end() + 1].islower()
                if _follows(number, section, chapter) and not (lower and section is None):
                    section = number
                    out.append((_cut(raw, m.end()), m.group(1), "section"))
                    continue
        out.append((raw, label, style))
    return out


def _section_tuple(label: str) -> tuple[int, ...]:
    """(5, 3, 1) for "5.3.1" and for "5A.3.1" (its letter aside)."""
    parts = [part.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for part in label.rstrip(".").split(".")]
    return tuple(int(part) for part in parts if part.isdigit())


def _follows(number: tuple[int, ...], section: tuple[int, ...] | None, chapter: int | None) -> bool:
    if number == section:  # the same number again: an alternative version of the section
        return True
    *head, tail = number
    if not head:  # "5A" after "5.2" or "4.x" (a chapter inserted: its letter is not in `number`)
        return section is not None and section[0] in (tail, tail - 1)
    if tail == 1:
        return (section is None or tuple(section[:len(head)]) == tuple(head) or head[0] == section[0] + 1
                or head == [chapter])
    if tail == 0 and len(head) == 1:
        return head[0] == 1 or section is not None and section[0] == head[0] - 1
    depth = len(head)
    return (section is not None and len(section) > depth and tuple(section[:depth]) == tuple(head)
            and section[depth] == tail - 1)


def _clip_spans(spans: tuple[Span, ...], length: int) -> tuple[Span, ...]:
    return tuple(
        Span(s.start, min(s.end, length), s.bold, s.italic) for s in spans if s.start < length and s.end > s.start
    )


# A numbered item set this much further right (points) than the operative paragraph before it
# is an item of a list inside that paragraph, not the next operative paragraph.
NESTED_INDENT_PT = 6.0


def _kinds(
    labelled: Sequence[Labelled], opener: int | None, annex_headings: Sequence[str] = (),
    part_heads: dict[int, int] | None = None,
) -> list[tuple[BlockKind, int]]:
    """Each paragraph's kind and level. After the opener: numbered paragraphs are operative, a
    list numbered from 1 again right after an operative paragraph that ends with ":" is that
    paragraph's sub-items (until the operative numbering goes on), and after an annex heading
    numbered paragraphs are the annex's own (kind paragraph, their numbers kept). Each opener of
    `part_heads` opens another part of the resolution: the paragraphs from its head (where the
    part begins: its letter, its title) are headings and a title, and its own preamble and
    operative paragraphs follow."""
    out: list[tuple[BlockKind, int]] = []
    part_heads = part_heads or {}
    seen_operative = False
    in_annex = False
    last_letter: str | None = None
    operative_number = 0
    operative_left: float | None = None
    nested: int | None = None  # the last number of a list nested in an operative paragraph
    for i, (raw, label, style) in enumerate(labelled):
        if raw.is_table:
            out.append((BlockKind.TABLE, 0))
            continue
        if opener is None or i < opener:
            # a Word list's level where there is one (PDF readers give none: 0)
            out.append((_title_block_kind(raw, i, opener), raw.list_level or 0))
            continue
        if i == opener:
            out.append((BlockKind.PARAGRAPH, 0))
            continue
        if i in part_heads:  # another part: its letter is a heading, the paragraph before the opener its title
            for k in range(part_heads[i], i):
                out[k] = (BlockKind.TITLE if k == i - 1 else BlockKind.HEADING, 0)
            out.append((BlockKind.PARAGRAPH, 0))
            seen_operative, last_letter, operative_number, operative_left, nested = False, None, 0, None, None
            continue
        if style == "preamble":  # typed "PP3": preambular, wherever it stands
            out.append((BlockKind.PREAMBLE, 0))
            continue
        if in_annex and style == "digit":
            out.append((BlockKind.PARAGRAPH, 0))
            continue
        if style == "digit" and label is not None:
            number = leading_number(label)
            left = raw.location.bbox[0] if raw.location.bbox else None
            opens = seen_operative and _opens_nested(number, labelled[i - 1][0], nested)
            goes_on = nested is not None and number == nested + 1 and (
                number != operative_number + 1 or _set_further(left, operative_left))
            nested = number if opens or goes_on else None
            if nested is not None:
                out.append((BlockKind.SUBPARAGRAPH, 1))
                continue
            seen_operative = True
            last_letter = None
            operative_number, operative_left = number, left
            level = raw.list_level or 0
            out.append((BlockKind.OPERATIVE, level))
            continue
        if style in ("letter", "roman") and label is not None:
            is_letter = style == "letter" or (
                last_letter is not None and len(label) == 1 and ord(label) == ord(last_letter) + 1
            )
            if is_letter:
                last_letter = label
            level = raw.list_level if raw.list_level is not None else (1 if is_letter else 2)
            out.append((BlockKind.SUBPARAGRAPH, max(level, 1)))
            continue
        bare_annex = _is_bare_annex_heading(raw.text, annex_headings)
        if (style == "heading" or _looks_like_heading(raw) or label is None and _section_title(labelled, i)
                or label is None and bare_annex):
            if bare_annex or _is_annex_heading(raw.text, annex_headings):
                in_annex = True
            out.append((BlockKind.HEADING, raw.list_level or 0))
            continue
        out.append((BlockKind.PARAGRAPH if seen_operative else BlockKind.PREAMBLE, raw.list_level or 0))
    return out


def _sponsors_go_on(first: Labelled, title: Labelled, language: str | None) -> bool:
    """The sponsors' list over two paragraphs before the opener: "Australia, Colombia, …, Nicaragua,"
    then "Philippines, … and Uruguay: draft resolution" (a scan's text layer, with no bold to hold
    the list's lines together: A/L.632). The first ends with a comma and names several; the second,
    the paragraph just before the opener, ends the list with a colon before the title."""
    (raw, label, _style), (after, title_label, _title_style) = first, title
    commas = _opener_ends(language)
    text = raw.text.strip()
    return (label is None and title_label is None and not raw.is_table and not after.is_table
            and text.endswith(commas) and sum(text.count(c) for c in commas) >= 3
            and any(colon in after.text for colon in (":", "："))
            and not _is_opener(text, _openers(language), commas))


@cache
def _draft_titles(language: str | None) -> frozenset[str]:
    return frozenset(title.casefold() for lexicon in _lexicons_of(language) for title in lexicon.get("draft_titles", ()))


def _title_goes_on(sponsors: Labelled, title: Labelled, language: str | None) -> bool:
    """The sponsors' names and the draft's title in two paragraphs before the opener: "United
    Kingdom of Great Britain and Northern Ireland:" then "draft resolution" (a scan's text layer,
    with no bold to hold the title's two lines together). The first ends with a colon, the second
    is only a draft's title of the lexicon (`draft_titles`)."""
    (raw, label, _style), (after, title_label, _title_style) = sponsors, title
    return (label is None and title_label is None and not raw.is_table and not after.is_table
            and raw.text.rstrip().endswith((":", "："))
            and after.text.strip().rstrip(".").casefold() in _draft_titles(language))


def _joined(first: RawParagraph, second: RawParagraph) -> RawParagraph:
    """Two paragraphs as one, a space between (the first's place; bold, centred, large if both)."""
    shift = len(first.text) + 1
    return replace(first, text=f"{first.text} {second.text}",
                   spans=first.spans + tuple(Span(s.start + shift, s.end + shift, s.bold, s.italic) for s in second.spans),
                   centered=first.centered and second.centered, bold=first.bold and second.bold,
                   large=first.large and second.large, footnote_marks=first.footnote_marks + second.footnote_marks)


def _lone_operative(kinds: list[tuple[BlockKind, int]], labelled: Sequence[Labelled], opener: int, end: int,
                    language: str | None) -> None:
    """A resolution (or a part of one, from its `opener` to `end`) with a single operative
    paragraph: the United Nations leaves it unnumbered ("The General Assembly, / Recalling …, /
    Decides that …."). With no numbered paragraph, that paragraph would pass for the last of the
    preamble. It is the first paragraph after the opener that ends with a full stop where every
    paragraph before it ends with a comma, as preambular paragraphs do in all six languages; the
    paragraphs after it (the adoption line) are plain paragraphs, as after numbered ones. Changed
    in `kinds`, in place; nothing when any paragraph of the part is numbered or a paragraph
    before it ends otherwise (a quotation, a list)."""
    if any(kind in (BlockKind.OPERATIVE, BlockKind.SUBPARAGRAPH) for kind, _level in kinds[opener + 1: end]):
        return
    commas, stops = _opener_ends(language), _full_stops(language)
    for k in range(opener + 1, end):
        if kinds[k][0] is not BlockKind.PREAMBLE or labelled[k][2] == "preamble":  # typed "PP3": preambular
            continue
        text = labelled[k][0].text.rstrip()
        if text.endswith(commas):
            continue
        if not text.endswith(stops):
            return
        kinds[k] = (BlockKind.OPERATIVE, kinds[k][1])
        for later in range(k + 1, end):
            if kinds[later][0] is BlockKind.PREAMBLE and labelled[later][2] != "preamble":
                kinds[later] = (BlockKind.PARAGRAPH, kinds[later][1])
        return


def _full_stops(language: str | None) -> tuple[str, ...]:
    """How a sentence ends: a full stop, or the lexicon's own (Chinese 。)."""
    return (".", *(e for lexicon in _lexicons_of(language) for e in lexicon.get("full_stops", ())))


def _part_head(labelled: Sequence[Labelled], opener: int, letters: dict[str, str]) -> int:
    """Where the head of the part opened at `opener` begins: its letter or numeral
    (`_part_mark`) among the PART_HEAD_PARAGRAPHS paragraphs before it, else its title, the
    paragraph just before it."""
    for k in range(opener - 1, max(opener - 1 - PART_HEAD_PARAGRAPHS, -1), -1):
        raw, label, style = labelled[k]
        if label is not None or style is not None:
            break
        if _part_mark(raw.text, letters):
            return k
    return max(opener - 1, 0)


def _opens_nested(number: int, before: RawParagraph, nested: int | None) -> bool:
    """A "1." right after a paragraph ending with ":" (an operative paragraph introducing a list)."""
    return number == 1 and nested is None and before.text.rstrip().endswith(":")


def _set_further(left: float | None, operative_left: float | None) -> bool:
    return left is not None and operative_left is not None and left > operative_left + NESTED_INDENT_PT


def _title_block_kind(raw: RawParagraph, i: int, opener: int | None) -> BlockKind:
    if opener is not None and i == opener - 1:
        return BlockKind.TITLE
    if raw.style and raw.style.lower() in ("title", "titre", "título"):
        return BlockKind.TITLE
    if _looks_like_heading(raw) or (opener is not None and len(raw.text) <= HEADING_MAX_CHARS
                                    and not raw.text.rstrip().endswith(".")):
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH
