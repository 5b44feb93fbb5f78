"""The caches stay under their size limit: the least recently used entries (written or read)
are removed first, and a limit of 0 keeps nothing."""

from __future__ import annotations

import os
import time

import pytest

from parsers import cache

ENTRY = {"text": "x" * 10_000}  # about 10 kB of JSON


def _names(folder) -> set[str]:
    return {p.removesuffix(".json") for p in os.listdir(folder) if p.endswith(".json")}


def _age(folder, key: str, seconds_ago: float) -> None:
    path = os.path.join(folder, key + ".json")
    then = time.time() - seconds_ago
    os.utime(path, (then, then))


def test_the_least_recently_used_entries_go_first(tmp_path, monkeypatch):
    """Five 10 kB entries under a 45 kB limit: the oldest go (down to 80 % of the limit), and an
    old entry read again since counts as recent."""
    monkeypatch.setenv("ACCORD_CACHE_MB", str(45_000 / 2**20))
    folder = str(tmp_path)
    for k, key in enumerate("abcd"):
        cache.write_entry(folder, key, ENTRY)
        _age(folder, key, 100 - k)  # a oldest ... d newest
    assert _names(folder) == set("abcd")  # 40 kB: under the limit, nothing removed
    assert cache.read_entry(folder, "a") == ENTRY  # a is used again: now the most recent
    cache.write_entry(folder, "e", ENTRY)  # 50 kB: over, remove b then c (down to 36 kB)
    assert _names(folder) == {"a", "d", "e"}


def test_a_limit_of_zero_keeps_nothing(tmp_path, monkeypatch):
    """ACCORD_CACHE_MB=0 turns the cache off in effect: each entry is removed as it is written."""
    monkeypatch.setenv("ACCORD_CACHE_MB", "0")
    cache.write_entry(str(tmp_path), "a", ENTRY)
    assert cache.read_entry(str(tmp_path), "a") is None


def test_an_unset_limit_is_the_default(monkeypatch):
    """Without ACCORD_CACHE_MB (or with it empty) each folder may hold DEFAULT_LIMIT_MB."""
    monkeypatch.delenv("ACCORD_CACHE_MB", raising=False)
    assert cache.size_limit() == cache.DEFAULT_LIMIT_MB * 2**20
    monkeypatch.setenv("ACCORD_CACHE_MB", "")
    assert cache.size_limit() == cache.DEFAULT_LIMIT_MB * 2**20


@pytest.mark.parametrize("value", ["lots", "nan", "inf", "-5"])
def test_a_limit_that_is_not_a_finite_number_is_an_error(monkeypatch, value):
    """ACCORD_CACHE_MB=nan, inf, a negative number or a word is a SettingError naming the variable
    (the command line's one line and status 2), not a traceback from int(inf)."""
    from parsers.settings import SettingError

    monkeypatch.setenv("ACCORD_CACHE_MB", value)
    with pytest.raises(SettingError, match="ACCORD_CACHE_MB"):
        cache.size_limit()
