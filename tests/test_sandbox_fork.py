"""The command line's workers are forked directly (no Qt, no foreign threads, Linux): the same
limits hold as with the fork server, the memory cap applies in the child only, and the documents
are the ones parse_file gives in-process. The pytest process has Qt loaded (pytest-qt), so it
never forks: each check runs in a fresh interpreter, as the command line does."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEED = ROOT.parent / "shared" / "seeds" / "004_f8e11c2669303c1d.txt"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is used on Linux only")

# Runs in a fresh interpreter; prints one JSON object. Readers may live in __main__: a forked
# child gets them without pickling.
SCRIPT = textwrap.dedent("""
    import json, os, resource, sys, threading
    from parsers import parse_file
    from parsers.sandbox import _fork_is_safe, run_isolated
    from desktop import loading

    def eat_memory(path, options):
        hoard = []
        while True:
            hoard.append(bytearray(16 * 2**20))

    def abort(path, options):
        os.abort()

    def loop(path, options):
        while True:
            pass

    out = {"fork_safe": _fork_is_safe()}
    limit_before = resource.getrlimit(resource.RLIMIT_AS)
    eaten = run_isolated(sys.argv[1], timeout=60, memory_mb=300, reader=eat_memory)
    out["memory"] = [eaten.error.code.value, eaten.error.message, eaten.peak_rss_mb]
    out["parent_limit_unchanged"] = resource.getrlimit(resource.RLIMIT_AS) == limit_before
    crashed = run_isolated(sys.argv[1], timeout=30, memory_mb=1536, reader=abort)
    out["crash"] = [crashed.error.code.value, crashed.error.message, crashed.failure]
    looped = run_isolated(sys.argv[1], timeout=1, reader=loop)
    out["timeout"] = [looped.error.code.value, looped.failure]
    old, new = loading.load_pair(sys.argv[2], sys.argv[3])
    out["pair_equal"] = [old == parse_file(sys.argv[2]), new == parse_file(sys.argv[3])]
    out["fork_safe_after"] = _fork_is_safe()
    import PySide6.QtCore  # noqa: F401
    out["fork_safe_with_qt"] = _fork_is_safe()
    print(json.dumps(out))
""")


@pytest.fixture(scope="module")
def forked():
    pdf, docx = FIXTURES / "l2-en.pdf", FIXTURES / "l2-fr.docx"
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(SEED), str(pdf), str(docx)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": "/nonexistent/accord-test",
                               "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_command_line_forks(forked):
    """A fresh interpreter without Qt forks its workers, before and after a parse, and not with Qt."""
    assert forked["fork_safe"] and forked["fork_safe_after"]
    assert forked["fork_safe_with_qt"] is False


def test_memory_cap_holds_in_a_forked_child_only(forked):
    """A forked reader that allocates without end hits the cap; the parent's own limit is untouched."""
    code, message, peak = forked["memory"]
    assert code == "resources"
    assert message == "reading the file needed more than 300 MB of memory"
    assert peak is not None and peak < 300
    assert forked["parent_limit_unchanged"]


def test_forked_crash_and_hang_are_clean_errors(forked):
    """A forked reader that aborts is a crash message, one that loops a timeout."""
    code, message, failure = forked["crash"]
    assert code == "corrupt" and failure == "SIGABRT"
    assert message.startswith("the reader crashed on this file (SIGABRT)")
    assert forked["timeout"] == ["timeout", "timeout"]


def test_forked_pair_equals_in_process_documents(forked):
    """load_pair's two forked workers (one per loader thread) give exactly parse_file's documents."""
    assert forked["pair_equal"] == [True, True]


def test_the_command_line_still_forks_once_numpy_is_loaded():
    """The alignment modules load numpy; the command line keeps its BLAS to one thread, so a
    process that imported them can still fork its parse workers."""
    probe = ("import desktop.cli, compare.languages.documents, numpy; from parsers.sandbox import _fork_is_safe; "
             "print(_fork_is_safe())")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": "/nonexistent/accord-test"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"
