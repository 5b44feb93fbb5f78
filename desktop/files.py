"""Writing exports safely: never over an input file, always atomically (RELIABILITY.md, point 5).

A regular file (or a new name) is written to a temporary file in the same folder, synced, and
renamed over the target. The temporary file's name carries the writer's process id
(`.accord-<pid>-XXXX.accord-tmp`): one whose process is gone (killed by SIGKILL, a power cut) is
removed at the start of the next command writing into that folder, and by any export there; one
whose process still runs is left alone until it is STALE_AFTER_S old. SIGTERM unwinds an export
(desktop.cli), so its temporary file goes at once.

Other kinds of target (issue 17):
- a symbolic link is followed, like a shell's `>`: the file it points to is replaced atomically
  and the link stays a link;
- a character device or a FIFO (`/dev/null`, `/dev/stdout` on a pipe) is written into as it is,
  never replaced by a regular file (as root, `-o /dev/null` used to replace the system's node);
  a FIFO with no reader is an error, not a hang;
- a block device, a socket or a folder is refused.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Iterable

from parsers.errors import AccordError

TEMP_SUFFIX = ".accord-tmp"
TEMP_PREFIX = ".accord-"
# A temporary file untouched this long was left by an export that died (a large redline is
# written in seconds); a younger one may belong to an export running now in another window.
STALE_AFTER_S = 15 * 60


class OutputError(AccordError):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def write_atomic(path: str, data: bytes | str, *, inputs: Iterable[str] = ()) -> None:
    """Write `data` to `path`: through a temporary file in the same folder, fsync, rename, for a
    regular file or a new name (the target of a symbolic link); straight into a character device
    or a FIFO. Refuses to write over any of `inputs`, and onto a block device, socket or folder;
    removes temporary files earlier exports left there. A file that existed keeps its
    permissions; a new one gets the usual ones (umask)."""
    for source in inputs:
        if source and _same_file(path, source):
            raise OutputError(path, "is one of the input files; choose another output name")
    if isinstance(data, str):
        data = data.encode("utf-8")
    target = os.path.realpath(path)  # a link is followed: its target is what gets replaced
    kind = _kind(target)
    if kind == "stream":
        _write_stream(path, target, data)
        return
    if kind is not None:
        raise OutputError(path, f"is {kind}, not a file; choose a file name")
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise OutputError(path, "the folder does not exist")
    remove_stale_temp_files(folder)
    mode = _mode_for(target)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX)
    except OSError as exc:
        raise OutputError(path, f"cannot write in this folder ({exc.strerror})") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):  # permissions are a courtesy, not a reason to fail
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(path, f"cannot be written ({exc.strerror}); is it open in another program?") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _kind(path: str) -> str | None:
    """None for a regular file or a free name, "stream" for a character device or a FIFO, else
    what the node is (for the message refusing it)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return "stream"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISBLK(mode):
        return "a block device (a disk)"
    return "a socket or other special file"


def _write_stream(path: str, target: str, data: bytes) -> None:
    """Write into a character device or a FIFO as it is (no temporary file, no rename)."""
    try:
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise OutputError(path, f"cannot be written ({exc.strerror}); is anything reading it?") from exc
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except OSError as exc:
        raise OutputError(path, f"cannot be written ({exc.strerror})") from exc
    finally:
        os.close(fd)


def remove_stale_temp_files(folder: str, *, older_than: float = STALE_AFTER_S) -> None:
    """Delete temporary files interrupted exports left behind: those of a process that no longer
    runs, and any untouched for `older_than` s."""
    now = time.time()
    with contextlib.suppress(OSError):
        for name in os.listdir(folder):
            if name.startswith(".") and name.endswith(TEMP_SUFFIX):
                temp = os.path.join(folder, name)
                with contextlib.suppress(OSError):
                    if _writer_gone(name) or now - os.lstat(temp).st_mtime >= older_than:
                        os.unlink(temp)


def _writer_gone(name: str) -> bool:
    """Whether the process named in a temporary file's name has ended."""
    if not name.startswith(TEMP_PREFIX):
        return False
    pid = name[len(TEMP_PREFIX):].split("-", 1)[0]
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    if os.name == "nt":  # os.kill would end the process there: keep the file until it is stale
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:  # another user's process, or no way to tell: keep the file
        return False
    return False


def _mode_for(path: str) -> int:
    """The permissions the written file should have: those of the file it replaces, else 0o666
    less the umask (mkstemp makes files readable by their owner only)."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(os.stat(path).st_mode)
    mask = os.umask(0o077)  # read the umask; the brief window errs on the private side
    os.umask(mask)
    return 0o666 & ~mask
