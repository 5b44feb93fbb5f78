"""How the application reads a file: one place, so the CLI and the window behave alike."""

from __future__ import annotations

from parsers import Document, ParseOptions, parse_file


def load_document(path: str, options: ParseOptions | None = None) -> Document:
    return parse_file(path, options)
