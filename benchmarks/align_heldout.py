"""Acceptance measurement of sentence alignment on the seven held-out German-French documents
(Text+Berg test set, ../shared/heldout/textberg-de-fr): MEASURE ONLY, never tune on them.

Each document goes through the path `accord align X.de X.fr --lines --format ladder` takes
(read_lines -> align_lines -> ladder), the ladder is scored with shared/tools/score_alignment.py,
and the CPU seconds of the alignment are counted with `time.process_time()`. `--swap` aligns
French against German too and reports how many beads differ from the transposed alignment.

    .venv/bin/python -m benchmarks.align_heldout [--swap]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from benchmarks.align_dev import SHARED, scorer
from compare.languages import export as align_export
from compare.languages.documents import align_lines, read_lines
from compare.progress import run as drive

HELDOUT = SHARED / "heldout" / "textberg-de-fr"
DOCUMENTS = tuple(f"test{k}" for k in range(7))


def _align(src: Path, tgt: Path, ladder: Path) -> float:
    start = time.process_time()
    alignment = drive(align_lines(read_lines(str(src)), read_lines(str(tgt))))
    seconds = time.process_time() - start
    ladder.write_text(align_export.render_ladder(alignment), encoding="utf-8")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--swap", action="store_true", help="also align fr -> de and compare")
    args = parser.parse_args()
    if not HELDOUT.is_dir():
        print(f"held-out set not found: {HELDOUT}")
        return 1
    score = scorer()
    rows, total_cpu = [], 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name in DOCUMENTS:
            ladder = Path(tmp) / f"{name}.ladder"
            cpu = _align(HELDOUT / f"{name}.de", HELDOUT / f"{name}.fr", ladder)
            total_cpu += cpu
            result = score.score([score.read_alignments(str(HELDOUT / f"{name}.defr"))],
                                 [score.read_alignments(str(ladder))])
            row = {"doc": name, "f1_strict": result["f1_strict"], "f1_lax": result["f1_lax"], "cpu": round(cpu, 3)}
            if args.swap:
                back = Path(tmp) / f"{name}.swap.ladder"
                _align(HELDOUT / f"{name}.fr", HELDOUT / f"{name}.de", back)
                forward = {(tuple(s), tuple(t)) for s, t in score.read_alignments(str(ladder))}
                swapped = {(tuple(t), tuple(s)) for s, t in score.read_alignments(str(back))}
                row["swap_differs"] = len(forward ^ swapped)
            rows.append(row)
            print(json.dumps(row))
    mean = sum(r["f1_strict"] for r in rows) / len(rows)
    print(json.dumps({"mean_f1_strict": round(mean, 4), "cpu_total": round(total_cpu, 3)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
