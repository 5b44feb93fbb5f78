"""Data files: lexicons per language, samples, icons, translations. Loaded on demand, cached."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

LANGUAGES = ("en", "fr", "es", "ar", "zh", "ru")
# A lexicon's name: a language code, a pair of them ("en-fr") or a word ("force"); never a path,
# whatever a cached document or an option says its language is (issue 17).
_LEXICON_NAME = re.compile(r"[a-z]{2,8}(-[a-z]{2,3})?")


def path(*parts: str) -> Path:
    """A file inside the resources package (works from a source tree and an installed wheel)."""
    return Path(str(resources.files(__name__).joinpath(*parts)))


@cache
def lexicon(kind: str, language: str) -> dict[str, Any]:
    """`resources/lexicons/<kind>/<language>.toml` as a dict; {} where the language has none (or
    the name is not a lexicon's)."""
    if not kind.isalpha() or not _LEXICON_NAME.fullmatch(language):
        return {}
    file = path("lexicons", kind, f"{language}.toml")
    if not file.is_file():
        return {}
    with open(file, "rb") as fh:
        return tomllib.load(fh)
