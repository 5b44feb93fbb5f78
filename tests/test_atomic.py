"""No data lost: every export is written to a temporary file in the target folder and renamed over
the target; a failure or a kill mid-write leaves the old file intact and no partial file; an
output path naming an input is refused."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop import cli, files
from desktop.files import TEMP_SUFFIX, OutputError, remove_stale_temp_files, write_atomic

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
OLD, NEW = FIXTURES / "l2-fr.docx", FIXTURES / "l2-fr-rev1.docx"


def temp_files(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(TEMP_SUFFIX))


def test_write_replaces_the_target(tmp_path):
    """A write puts exactly the new bytes at the path and leaves no temporary file."""
    target = tmp_path / "out.json"
    target.write_text("old")
    write_atomic(str(target), "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), RuntimeError("crash")],
                         ids=["disk-full", "crash"])
def test_failure_mid_write_keeps_the_old_file(tmp_path, monkeypatch, failure):
    """If writing fails half-way, the existing target is untouched and no temporary file remains."""
    target = tmp_path / "report.html"
    target.write_bytes(b"the previous report")

    def fail(fd):
        raise failure

    monkeypatch.setattr(files.os, "fsync", fail)
    with pytest.raises(OutputError if isinstance(failure, OSError) else RuntimeError):
        write_atomic(str(target), b"x" * 100_000)
    assert target.read_bytes() == b"the previous report"
    assert temp_files(tmp_path) == []


def test_failure_before_any_target_leaves_nothing(tmp_path, monkeypatch):
    """A failed first export leaves neither a partial target nor a temporary file."""
    monkeypatch.setattr(files.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(OutputError):
        write_atomic(str(tmp_path / "new.docx"), b"PK...")
    assert os.listdir(tmp_path) == []


def test_target_locked_by_another_program(tmp_path, monkeypatch):
    """When the rename is refused (Windows: the file is open in Word) the user is told; nothing
    is overwritten in place."""
    target = tmp_path / "redline.docx"
    target.write_bytes(b"open in Word")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(OutputError) as caught:
        write_atomic(str(target), b"new redline")
    assert "open in another program" in str(caught.value)
    assert target.read_bytes() == b"open in Word"
    assert temp_files(tmp_path) == []


def test_kill_mid_write_never_leaves_a_partial_file(tmp_path):
    """A process killed (SIGKILL) while writing leaves the old target whole; only a temporary
    file remains, which the next export in that folder removes once stale."""
    target = tmp_path / "out.docx"
    target.write_bytes(b"version 1")
    script = (
        "import os, sys, time\n"
        "from desktop import files\n"
        "def stall(fd):\n"
        "    sys.stdout.write('writing\\n'); sys.stdout.flush(); time.sleep(60)\n"
        "files.os.fsync = stall\n"
        f"files.write_atomic({str(target)!r}, b'version 2 ' * 100000)\n"
    )
    with subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True) as child:
        try:
            assert child.stdout.readline() == "writing\n"
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
    assert target.read_bytes() == b"version 1"
    leftovers = temp_files(tmp_path)
    assert len(leftovers) == 1
    old = time.time() - files.STALE_AFTER_S - 60
    os.utime(tmp_path / leftovers[0], (old, old))
    write_atomic(str(target), b"version 3")
    assert target.read_bytes() == b"version 3"
    assert temp_files(tmp_path) == []


def test_only_stale_temporary_files_are_removed(tmp_path):
    """Cleaning a folder removes old temporary files but not one another export is writing now."""
    stale, fresh, other = tmp_path / f".a{TEMP_SUFFIX}", tmp_path / f".b{TEMP_SUFFIX}", tmp_path / "keep.docx"
    for path in (stale, fresh, other):
        path.write_bytes(b"x")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    remove_stale_temp_files(str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.name, other.name])


def test_permissions(tmp_path):
    """A new export gets the usual permissions; an export over a private file keeps it private."""
    mask = os.umask(0o022)
    try:
        write_atomic(str(tmp_path / "new.json"), "{}")
        private = tmp_path / "private.json"
        private.write_text("old")
        private.chmod(0o600)
        write_atomic(str(private), "{}")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644
    assert stat.S_IMODE(private.stat().st_mode) == 0o600


def test_output_equal_to_input_is_refused(tmp_path):
    """`-o` naming an input (directly or through a link) exits 2 and leaves the input unchanged."""
    source = tmp_path / "draft.txt"
    source.write_bytes((ROOT.parent / "shared" / "seeds" / "004_f8e11c2669303c1d.txt").read_bytes())
    before = source.read_bytes()
    link = tmp_path / "link.txt"
    link.symlink_to(source)
    for output in (source, link):
        result = subprocess.run([sys.executable, "-m", "desktop", "parse", str(source), "-o", str(output)],
                                cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert result.returncode == 2
        assert "is one of the input files" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert source.read_bytes() == before


@pytest.mark.parametrize("args", [
    ["parse", str(OLD), "--format", "json"],
    ["compare", str(OLD), str(NEW), "--format", "json"],
    ["compare", str(OLD), str(NEW), "--format", "html"],
    ["compare", str(OLD), str(NEW), "--format", "docx"],
    ["align", str(OLD), str(FIXTURES / "l2-en.docx"), "--format", "tmx"],
], ids=["parse-json", "compare-json", "compare-html", "compare-docx", "align-tmx"])
def test_every_export_goes_through_a_temporary_file(tmp_path, monkeypatch, args):
    """Each command's `-o` output is renamed into place from a temporary file in the same folder."""
    if args[0] == "align":
        pytest.importorskip("compare.languages.documents")
    renames = []
    real_replace = os.replace

    def recording_replace(src, dst):
        renames.append((os.fspath(src), os.fspath(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", recording_replace)
    output = tmp_path / f"out.{args[-1]}"
    status = cli.main([*args, "-o", str(output)])
    assert status in (0, 1)
    assert [dst for _src, dst in renames] == [str(output)]
    src = Path(renames[0][0])
    assert src.parent == tmp_path and src.name.endswith(TEMP_SUFFIX)
    assert output.stat().st_size > 0
    assert temp_files(tmp_path) == []
