"""Parsing in a worker process: the same documents as in-process, and every failure of the worker
(a hang, a memory blow-up, a crash, an unexpected exception) a clean one-line ParseError."""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path

import pytest

from desktop import loading
from parsers import ErrorCode, ParseError, ParseOptions, parse_file
from parsers.sandbox import ParseCancelled, parse_isolated, run_isolated

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus" / "pdf"
SEED = ROOT.parent / "shared" / "seeds" / "004_f8e11c2669303c1d.txt"


# Readers run in the worker: module-level functions, sent by name.

def _loop_for_ever(path, options):
    while True:
        pass


def _eat_memory(path, options):
    hoard = []
    while True:
        hoard.append(bytearray(16 * 2**20))


def _abort(path, options):
    os.abort()


def _raise_type_error(path, options):
    raise TypeError("unsupported operand\nwith a second line")


def _refuse(path, options):
    raise ParseError(path, ErrorCode.EMPTY, "the file is empty")


def _recurse(path, options):
    return _recurse(path, options)


def _exit_quietly(path, options):
    os._exit(3)


def _no_orphans():
    return [p for p in multiprocessing.active_children() if p.name == "accord-parse"]


@pytest.mark.parametrize("path", [SEED, FIXTURES / "l2-fr.docx", FIXTURES / "l2-en.pdf"],
                         ids=lambda p: p.name)
def test_isolated_document_equals_in_process_document(path):
    """A file parsed in the worker gives exactly the Document parse_file gives in this process."""
    if not path.exists():
        pytest.skip(f"{path.name} not present")
    assert parse_isolated(str(path), timeout=60) == parse_file(str(path))


def test_parse_error_crosses_the_process_boundary(tmp_path):
    """A ParseError raised in the worker reaches the caller with its code and message."""
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    with pytest.raises(ParseError) as caught:
        parse_isolated(str(empty), timeout=30)
    assert caught.value.code is ErrorCode.EMPTY
    assert str(caught.value) == f"{empty}: the file is empty"
    assert run_isolated(str(empty), timeout=30).failure is None


def test_options_reach_the_worker():
    """The password in ParseOptions is used by the worker: the corpus's protected PDF opens with it."""
    path = CORPUS / "password-example.pdf"
    if not path.exists():
        pytest.skip("shared corpus not present")
    with pytest.raises(ParseError) as caught:
        parse_isolated(str(path), timeout=30)
    assert caught.value.code is ErrorCode.ENCRYPTED
    document = parse_isolated(str(path), ParseOptions(password="test"), timeout=30)
    assert document.pages and document.blocks


def test_a_hang_becomes_a_timeout_error():
    """A reader that never returns is killed at the deadline and reported as too slow."""
    outcome = run_isolated(str(SEED), timeout=1.5, reader=_loop_for_ever)
    assert outcome.document is None
    assert outcome.error.code is ErrorCode.TIMEOUT
    assert outcome.error.message == "the file took too long to read (over 1.5 s); it may be damaged"
    assert not _no_orphans()


@pytest.mark.skipif(sys.platform == "win32", reason="no address-space cap on Windows")
def test_memory_cap_becomes_a_resources_error():
    """A reader that allocates without end hits the cap and is reported as needing too much memory."""
    outcome = run_isolated(str(SEED), timeout=60, memory_mb=300, reader=_eat_memory)
    assert outcome.error.code is ErrorCode.RESOURCES
    assert outcome.error.message == "reading the file needed more than 300 MB of memory"
    assert outcome.peak_rss_mb is not None and outcome.peak_rss_mb < 300


def test_a_crash_becomes_a_clean_error():
    """A reader that aborts the process (as PDFium does when an allocation fails) is a crash message."""
    outcome = run_isolated(str(SEED), timeout=30, memory_mb=1536, reader=_abort)
    assert outcome.error.code is ErrorCode.CORRUPT
    assert outcome.error.message.startswith("the reader crashed on this file (SIGABRT)")
    assert outcome.failure == "SIGABRT"
    assert "1.5 GB" in outcome.error.message


def test_an_unexpected_exception_is_one_line():
    """A library error other than ParseError becomes a one-line message naming its type."""
    outcome = run_isolated(str(SEED), timeout=30, reader=_raise_type_error)
    assert outcome.error.code is ErrorCode.CORRUPT
    assert "TypeError" in outcome.error.message
    assert "\n" not in str(outcome.error)
    assert outcome.failure.startswith("TypeError: unsupported operand with a second line at ")
    assert "test_sandbox.py:" in outcome.failure


def test_endless_recursion_is_a_nesting_error():
    """A reader that recurses without end (deeply nested objects) is reported as nested too deeply."""
    outcome = run_isolated(str(SEED), timeout=30, reader=_recurse)
    assert outcome.error.code is ErrorCode.CORRUPT
    assert "nested too deeply" in outcome.error.message


def test_a_worker_that_exits_without_answer():
    """A worker that exits without sending anything is an error, not a hang or a None document."""
    outcome = run_isolated(str(SEED), timeout=30, reader=_exit_quietly)
    assert outcome.error.code is ErrorCode.CORRUPT
    assert "exit status 3" in outcome.error.message


def test_the_worker_reports_its_peak_memory():
    """A successful parse reports the worker's own peak resident memory (Linux and macOS)."""
    outcome = run_isolated(str(SEED), timeout=30)
    assert outcome.document is not None
    if sys.platform != "win32":
        assert 1 < outcome.peak_rss_mb < 1024


def test_load_document_limits_come_from_the_environment(monkeypatch):
    """ACCORD_PARSE_TIMEOUT and ACCORD_PARSE_MEMORY_MB set the limits the application parses under."""
    monkeypatch.setenv("ACCORD_PARSE_TIMEOUT", "7.5")
    monkeypatch.setenv("ACCORD_PARSE_MEMORY_MB", "900")
    assert loading.parse_timeout() == 7.5
    assert loading.parse_memory_mb() == 900
    monkeypatch.delenv("ACCORD_PARSE_TIMEOUT")
    monkeypatch.delenv("ACCORD_PARSE_MEMORY_MB")
    assert loading.parse_timeout() == 60
    assert loading.parse_memory_mb() == 1024


@pytest.mark.parametrize("value", ["soon", "nan", "inf", "-inf", "-1", "1e999"])
def test_a_limit_that_is_not_a_finite_number_is_one_clear_error(monkeypatch, value):
    """ACCORD_PARSE_TIMEOUT or ACCORD_PARSE_MEMORY_MB set to something other than a finite number
    >= 0 is a SettingError naming the variable (never a traceback, never silently the default)."""
    from parsers.settings import SettingError

    for name, read in (("ACCORD_PARSE_TIMEOUT", loading.parse_timeout),
                       ("ACCORD_PARSE_MEMORY_MB", loading.parse_memory_mb)):
        monkeypatch.setenv(name, value)
        with pytest.raises(SettingError, match=name):
            read()
        monkeypatch.delenv(name)


def test_load_document_parses_in_a_worker():
    """The application's load_document gives the parsed document (through the worker process)."""
    document = loading.load_document(str(SEED))
    assert document.symbol == "E/CN.15/2018/L.2"


def test_parses_from_several_threads_at_once():
    """Two threads (as the window's workers) parsing at the same time each get their own document."""
    from concurrent.futures import ThreadPoolExecutor

    paths = [str(SEED), str(FIXTURES / "l2-fr.docx")]
    with ThreadPoolExecutor(max_workers=2) as pool:
        documents = list(pool.map(lambda p: parse_isolated(p, timeout=60), paths))
    assert [d.path for d in documents] == paths
    assert all(d.blocks for d in documents)


def test_cancel_kills_the_worker():
    """A caller that cancels while a file is being read gets ParseCancelled, and the worker is gone."""
    import time

    asked = time.monotonic() + 0.5
    with pytest.raises(ParseCancelled):
        run_isolated(str(SEED), timeout=60, reader=_loop_for_ever, cancelled=lambda: time.monotonic() > asked)
    assert not _no_orphans()


def test_the_workers_traceback_travels_as_a_note_for_debugging():
    """An unexpected exception in the worker keeps its one-line message, and carries the worker's
    own traceback as a note (what `accord --debug` prints after the parent's traceback)."""
    outcome = run_isolated(str(SEED), timeout=30, reader=_raise_type_error)
    assert "\n" not in str(outcome.error)
    [note] = outcome.error.__notes__
    assert note.startswith("In the reader process:\nTraceback (most recent call last):")
    assert "_raise_type_error" in note and "TypeError: unsupported operand" in note


def test_a_parse_error_carries_no_note():
    """A file the reader refuses (ParseError) needs no traceback: nothing is attached."""
    outcome = run_isolated(str(SEED), timeout=30, reader=_refuse)
    assert outcome.error.code is ErrorCode.EMPTY
    assert not getattr(outcome.error, "__notes__", None)
