"""Plain text: UTF-8 (with or without BOM), UTF-16 or UTF-32 with BOM; paragraphs separated by blank
lines, or one paragraph a line when the text is not wrapped (a line longer than any wrapped text's
is a whole paragraph, and so are the lines around it), and a line that opens with a label after one
that ends a clause starts a paragraph ("(a)", "2.": `_items`). A NUL anywhere means a binary file,
not text."""

from __future__ import annotations

import codecs
import re

from parsers.errors import ErrorCode, ParseError
from parsers.layout import RawParagraph, ReaderResult
from parsers.model import Location
from parsers.structure import opens_with_label
from parsers.txt_extraction import is_extraction, read_extraction

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
# Text wrapped by hand or by a PDF extraction keeps its lines under this many characters (80 in
# e-mail, about 105 in the UN extractions of the corpus); a longer line is a paragraph of its own.
UNWRAPPED_LINE = 160


def decode_text(path: str, data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00
        encoding = "utf-32"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ParseError(path, ErrorCode.UNSUPPORTED,
                         f"text is not valid {encoding.upper()} (byte {exc.start})") from exc
    if "\x00" in text:
        raise ParseError(path, ErrorCode.UNSUPPORTED,
                         f"not a text file: it contains NUL characters (character {text.index(chr(0))})")
    return text


def read_text(path: str) -> ReaderResult:
    """A text file: a PDF's text extraction (parsers.txt_extraction: furniture, footnotes and
    paragraph numbers of the printed pages), or plain text (paragraphs as `read_txt` finds them)."""
    with open(path, "rb") as fh:
        text = decode_text(path, fh.read())
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if is_extraction(lines):
        return read_extraction(lines)
    return ReaderResult(paragraphs=tuple(_plain_paragraphs(text)))


def read_txt(path: str) -> list[RawParagraph]:
    """The paragraphs of a text file (see `read_text`)."""
    return list(read_text(path).paragraphs)


def _plain_paragraphs(text: str) -> list[RawParagraph]:
    out: list[RawParagraph] = []
    for n, chunk in enumerate(_BLANK_LINE.split(text)):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if any(len(line) > UNWRAPPED_LINE for line in lines):
            out.extend(RawParagraph(text=line, location=Location(element=n)) for line in lines)
        else:
            out.extend(RawParagraph(text=" ".join(item), location=Location(element=n)) for item in _items(lines))
    return out


# What ends a sentence or a clause before a labelled line: in Latin and Cyrillic script, in Arabic
# ("؛", "،") and in Chinese (full-width).
CLAUSE_ENDS = (".", ":", ";", ",", "؛", "،", "。", "：", "；", "，")


def _items(lines: list[str]) -> list[list[str]]:
    """The lines of one block of text (no blank line inside) as paragraphs: a line that opens with
    a label ("(a)", "2.", "OP3.") after a line that ends a sentence or a clause starts one ("… to
    report:" / "(a) on the progress made;" / "(b) …"); elsewhere the lines were wrapped."""
    items: list[list[str]] = []
    for line in lines:
        if items and not (items[-1][-1].endswith(CLAUSE_ENDS) and opens_with_label(line)):
            items[-1].append(line)
        else:
            items.append([line])
    return items
