"""No process outlives the command (issue 17): a worker whose parent is killed exits, SIGTERM
during a parse stops the workers and the command, and an export killed half-way leaves no
temporary file beyond the next command (SIGTERM: none at all)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.files import TEMP_SUFFIX

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process checks read /proc")

# A parent that starts a worker reading for ever (its reader writes the worker's pid), then waits.
LOOPING_PARENT = """
import os, sys
from parsers.sandbox import run_isolated

def loop(path, options):
    with open(sys.argv[2], "w") as fh:
        fh.write(str(os.getpid()))
    while True:
        pass

print("started", flush=True)
run_isolated(sys.argv[1], timeout=600, reader=loop)
"""


def _alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie waiting for its parent to reap it counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _start_looping_parent(tmp_path: Path) -> tuple[subprocess.Popen, int]:
    pid_file = tmp_path / "worker.pid"
    seed = tmp_path / "seed.txt"
    seed.write_text("Some text to read.\n", encoding="utf-8")
    parent = subprocess.Popen([sys.executable, "-c", LOOPING_PARENT, str(seed), str(pid_file)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert parent.stdout.readline() == "started\n"
    assert _wait_for(lambda: pid_file.exists() and pid_file.read_text(), 30)
    return parent, int(pid_file.read_text())


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_worker_dies_with_its_parent(tmp_path, how):
    """The parent killed (SIGKILL: no cleanup at all; SIGTERM: Python's default) while its worker
    loops: the worker is gone within seconds (it was still at 100 % CPU minutes later)."""
    parent, worker = _start_looping_parent(tmp_path)
    try:
        assert _alive(worker)
        parent.send_signal(how)
        parent.wait(timeout=30)
        assert _wait_for(lambda: not _alive(worker), 10), "the worker outlived its parent"
    finally:
        if _alive(worker):
            os.kill(worker, signal.SIGKILL)
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        parent.stdout.close()


def test_sigterm_during_a_parse_stops_the_command_and_its_workers(tmp_path):
    """`accord parse` sent SIGTERM while its worker reads: exit 2 with one line at once (no wait
    for the parse), and no worker left behind."""
    slow = tmp_path / "slow.txt"
    slow.write_text("Some text.\n", encoding="utf-8")
    pid_file = tmp_path / "worker.pid"
    script = (
        "import os, sys, time\n"
        "import parsers.sandbox as sandbox\n"
        "def slow_parse(path, options=None):\n"
        f"    open({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
        "    time.sleep(600)\n"
        "real = sandbox.run_isolated\n"
        "sandbox.run_isolated = lambda path, options=None, **kw: real(path, options, **{**kw, 'reader': slow_parse})\n"
        "from desktop.cli import main\n"
        "sys.exit(main(['parse', sys.argv[1]]))\n"
    )
    command = subprocess.Popen([sys.executable, "-c", script, str(slow)], cwd=ROOT, stderr=subprocess.PIPE,
                               text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    worker = None
    try:
        assert _wait_for(lambda: pid_file.exists() and pid_file.read_text(), 30)
        worker = int(pid_file.read_text())
        started = time.monotonic()
        command.send_signal(signal.SIGTERM)
        assert command.wait(timeout=30) == 2
        assert time.monotonic() - started < 10
        stderr = command.stderr.read()
        assert len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr, stderr
        assert _wait_for(lambda: not _alive(worker), 10)
    finally:
        if worker and _alive(worker):
            os.kill(worker, signal.SIGKILL)
        if command.poll() is None:
            command.kill()
            command.wait()
        command.stderr.close()


def _export_stalled_in_fsync(target: Path) -> subprocess.Popen:
    script = (
        "import sys, time\n"
        "from desktop import cli, files\n"
        "def stall(fd):\n"
        "    sys.stdout.write('writing\\n'); sys.stdout.flush(); time.sleep(60)\n"
        "files.os.fsync = stall\n"
        f"sys.exit(cli.main(['parse', {str(FIXTURES / 'l2-fr.docx')!r}, '-o', {str(target)!r}]))\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                             stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert child.stdout.readline() == "writing\n"
    return child


def _temps(folder: Path) -> list[str]:
    return [name for name in os.listdir(folder) if name.endswith(TEMP_SUFFIX)]


def test_sigterm_during_an_export_removes_its_temporary_file(tmp_path):
    """SIGTERM while the export is being written: the old file stays, the temporary one goes now."""
    target = tmp_path / "out.json"
    target.write_text("version 1")
    child = _export_stalled_in_fsync(target)
    with child:
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=30) == 2, child.stderr.read()
    assert target.read_text() == "version 1"
    assert _temps(tmp_path) == []


def test_sigkill_during_an_export_leaves_a_temporary_file_only_until_the_next_command(tmp_path):
    """SIGKILL cannot be caught: its temporary file stays, and the next command writing in that
    folder removes it at its start (not 15 minutes later), even if that command then fails."""
    target = tmp_path / "out.json"
    target.write_text("version 1")
    child = _export_stalled_in_fsync(target)
    with child:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert target.read_text() == "version 1"
    assert len(_temps(tmp_path)) == 1
    done = subprocess.run([sys.executable, "-m", "desktop", "parse", str(tmp_path / "missing.txt"),
                           "-o", str(tmp_path / "other.json")], cwd=ROOT, capture_output=True, timeout=60)
    assert done.returncode == 2
    assert _temps(tmp_path) == []
