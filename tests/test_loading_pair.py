"""One load path for the command line and the window (issue 15): the window's jobs read through
desktop.loading.iter_load_pair with the same options the command line gives (password, language,
original), so the window can open an encrypted PDF, and every side's error is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.progress import run
from desktop import loading
from desktop.workers import LoadFailed, compare_job
from parsers import ErrorCode, ParseOptions

ENCRYPTED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pdf" / "password-example.pdf"
pytestmark = pytest.mark.skipif(not ENCRYPTED.exists(), reason="the shared corpus is not here")


def test_the_window_opens_an_encrypted_pdf_with_its_password(tmp_path):
    """compare_job with ParseOptions(password=...) reads an encrypted PDF on both sides, and the
    comparison of a file with itself finds no difference; nothing is cached for it."""
    loaded = run(compare_job(str(ENCRYPTED), str(ENCRYPTED), options=ParseOptions(password="test")))
    assert loaded.first.blocks and not loaded.result.has_differences
    from parsers import cache

    assert not Path(cache.cache_dir()).exists() or not list(Path(cache.cache_dir()).glob("*.json"))


def test_without_the_password_both_sides_are_reported():
    """Without a password each side fails with ENCRYPTED, reported by side name."""
    with pytest.raises(LoadFailed) as info:
        run(compare_job(str(ENCRYPTED), str(ENCRYPTED)))
    assert sorted(info.value.errors) == ["new", "old"]
    assert all(e.code is ErrorCode.ENCRYPTED for e in info.value.errors.values())


def test_the_command_line_and_the_window_share_one_reader(tmp_path, monkeypatch):
    """The command line's load_pair and the window's job both go through iter_load_pair, with the
    options given (the language here)."""
    text = tmp_path / "a.txt"
    text.write_text("Décide de rester saisie de la question.\n", encoding="utf-8")
    calls = []
    real = loading.iter_load_pair

    def recording(first, second, options=None, **kwargs):
        calls.append(options)
        return (yield from real(first, second, options, **kwargs))

    monkeypatch.setattr(loading, "iter_load_pair", recording)
    old, _new = loading.load_pair(str(text), str(text), ParseOptions(language="en"))
    assert old.language == "en"
    loaded = run(compare_job(str(text), str(text), options=ParseOptions(language="es")))
    assert loaded.first.language == "es"
    assert [o.language for o in calls] == ["en", "es"]
