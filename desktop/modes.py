"""The window's fixed sets as enums (issue 15): its two modes, the two files it holds, its exports.

StrEnums, so a value still equals its old string ("compare", "first") where a signal or a
setting carries it as text; every receiver turns the text back into the enum."""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    """What the window does with its two files."""

    COMPARE = "compare"  # versions: panes and the change list
    ALIGN = "align"  # languages: the alignment table


class FileSide(StrEnum):
    """Which of the two files: the old version or source language (first), the new or target (second)."""

    FIRST = "first"
    SECOND = "second"


class ExportFormat(StrEnum):
    """What File ▸ Export writes: the first four in compare mode, the last three in align mode."""

    REDLINE = "docx"  # the Word redline (compare.redline)
    HTML = "html"
    PDF = "pdf"
    JSON = "json"
    TMX = "tmx"
    TSV = "tsv"
    BILINGUAL = "bilingual"  # the bilingual table as a Word document (compare.languages.docx_table)
