"""Writing exports safely: never over an input file, always atomically (RELIABILITY.md, point 5)."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Iterable

from parsers.errors import AccordError

TEMP_SUFFIX = ".accord-tmp"
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
    """Write `data` to `path` through a temporary file in the same folder, fsync, rename.
    Refuses to write over any of `inputs`; removes temporary files earlier exports left there.
    A file that existed keeps its permissions; a new one gets the usual ones (umask)."""
    for source in inputs:
        if source and _same_file(path, source):
            raise OutputError(path, "is one of the input files; choose another output name")
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise OutputError(path, "the folder does not exist")
    remove_stale_temp_files(folder)
    mode = _mode_for(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".", suffix=TEMP_SUFFIX)
    except OSError as exc:
        raise OutputError(path, f"cannot write in this folder ({exc.strerror})") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):  # permissions are a courtesy, not a reason to fail
            os.chmod(tmp, mode)
        os.replace(tmp, path)
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


def remove_stale_temp_files(folder: str, *, older_than: float = STALE_AFTER_S) -> None:
    """Delete temporary files an interrupted export left behind (untouched for `older_than` s)."""
    now = time.time()
    with contextlib.suppress(OSError):
        for name in os.listdir(folder):
            if name.startswith(".") and name.endswith(TEMP_SUFFIX):
                temp = os.path.join(folder, name)
                with contextlib.suppress(OSError):
                    if now - os.lstat(temp).st_mtime >= older_than:
                        os.unlink(temp)


def _mode_for(path: str) -> int:
    """The permissions the written file should have: those of the file it replaces, else 0o666
    less the umask (mkstemp makes files readable by their owner only)."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(os.stat(path).st_mode)
    mask = os.umask(0o077)  # read the umask; the brief window errs on the private side
    os.umask(mask)
    return 0o666 & ~mask
