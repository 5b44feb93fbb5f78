"""Readers for PDF, Word and text files, into one document model. No Qt here."""

from parsers.api import PARSER_VERSION, ParseOptions, parse_file
from parsers.errors import AccordError, ErrorCode, ParseError
from parsers.model import Block, BlockKind, Document, Footnote, Format, Location, Span

__all__ = [
    "PARSER_VERSION", "AccordError", "Block", "BlockKind", "Document", "ErrorCode", "Footnote", "Format",
    "Location", "ParseError", "ParseOptions", "Span", "parse_file",
]
