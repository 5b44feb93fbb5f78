"""The real Word files of ../shared/corpus/real/word (made with Microsoft Word by other people's
projects, see its SOURCES.md) for the Word reader's tests; a test skips when they are absent."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED

WORD = SHARED / "corpus" / "real" / "word"


def real(name: str) -> Path:
    """The path of one real Word file (the test skips without the shared corpus)."""
    path = WORD / name
    if not path.exists():
        pytest.skip("the shared real Word corpus is absent")
    return path


def all_real() -> list[str]:
    """The names of every real Word file, for parametrising ("absent.docx" skips without them)."""
    return sorted(p.name for p in WORD.glob("*.docx")) if WORD.is_dir() else ["absent.docx"]
