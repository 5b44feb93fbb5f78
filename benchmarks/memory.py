"""Peak resident memory of a command and all its descendants (the CLI, the fork server, the parse
workers), sampled from /proc: the sum over the process tree at each sample, the largest sum kept.

Each process counts its proportional set size (Pss: a page shared by k processes counts 1/k in
each), not its RSS: the workers are forked from the fork server and share its imported libraries,
so summing RSS would count those pages once per worker. The largest single RSS is kept as well."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Sequence

# Sampling period: parse workers live for seconds, so 20 ms misses no worker's peak by much.
SAMPLE_SECONDS = 0.02
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(name))
    return tree


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * PAGE_KB
    except (OSError, ValueError, IndexError):
        return 0


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return _rss_kb(pid)


def tree_peak_mb(command: Sequence[str], env: dict[str, str]) -> tuple[float, float, float, int]:
    """(peak MB of the whole tree, largest single RSS in MB, seconds, exit status) for `command`,
    output discarded."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = single = 0
    while process.poll() is None:
        tree = _children()
        pids, stack = [], [process.pid]
        while stack:
            pid = stack.pop()
            pids.append(pid)
            stack.extend(tree.get(pid, ()))
        peak = max(peak, sum(_pss_kb(pid) for pid in pids))
        single = max([single] + [_rss_kb(pid) for pid in pids])
        time.sleep(SAMPLE_SECONDS)
    return peak / 1024, single / 1024, time.perf_counter() - start, process.returncode
