"""Honest evaluation of sentence alignment on the German-French development set.

Scores, through the path the command line takes (`read_lines` -> `align_lines` -> ladder file
-> shared/tools/score_alignment.py):
  (a) the whole development file,
  (b) its two halves (cut at the gold bead nearest the middle),
  (c) the file cut into pieces of about 60, 100 and 160 gold beads (cut at gold bead
      boundaries, lines re-indexed, written to temporary files): held-out documents are
      likely 50-200 sentences long, so the mean and the minimum of the pieces matter as much
      as the whole;
  (d) with --untuned, pieces of 50, 70, 90, 130 and 200 beads (24 pieces), sizes no constant
      was ever set on.
CPU seconds are `time.process_time()` (the machine's cores are shared).

    .venv/bin/python -m benchmarks.align_eval            # summary table
    .venv/bin/python -m benchmarks.align_eval --errors   # plus the wrong beads of the whole file
    .venv/bin/python -m benchmarks.align_eval --untuned  # plus (d)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.align_dev import DEV, load_dev, scorer, split_half
from compare.languages import export as align_export
from compare.languages.documents import align_lines, read_lines
from compare.model import LanguageAlignment
from compare.progress import Steps
from compare.progress import run as drive

PIECE_SIZES = (60, 80, 100, 120, 160)
# Sizes never used when setting the aligner's constants: their pieces cut the text at other
# places, so they stand in for held-out documents of 50-200 sentences (24 pieces).
UNTUNED_SIZES = (50, 70, 90, 130, 200)

Gold = list[tuple[tuple[int, ...], tuple[int, ...]]]
# What aligns the two files' lines: `align_lines` (the command line's) or a variant under test.
LineAligner = Callable[[Sequence[str], Sequence[str]], Steps[LanguageAlignment]]


def pieces(src: list[str], tgt: list[str], gold: Gold, size: int) -> list[tuple[list[str], list[str], Gold]]:
    """The document cut every `size` gold beads (a last piece shorter than half a size joins the
    one before), each piece re-indexed from 0."""
    cuts = list(range(0, len(gold), size))
    if len(cuts) > 1 and len(gold) - cuts[-1] < size // 2:
        cuts.pop()
    cuts.append(len(gold))
    out = []
    s_at = t_at = 0
    for start, stop in zip(cuts, cuts[1:], strict=False):
        part = gold[start:stop]
        s_end = max((i for a, _ in part for i in a), default=s_at - 1) + 1
        t_end = max((j for _, b in part for j in b), default=t_at - 1) + 1
        if stop == len(gold):
            s_end, t_end = len(src), len(tgt)
        reindexed = [(tuple(i - s_at for i in a), tuple(j - t_at for j in b)) for a, b in part]
        out.append((src[s_at:s_end], tgt[t_at:t_end], reindexed))
        s_at, t_at = s_end, t_end
    return out


def align_via_files(src: list[str], tgt: list[str], workdir: Path,
                    aligner: LineAligner = align_lines) -> tuple[Gold, float]:
    """Write the two sides to files, align them as `accord align --lines --format ladder` does,
    and read the ladder back; returns the test beads and the CPU seconds of the alignment."""
    src_path, tgt_path, ladder = workdir / "src.txt", workdir / "tgt.txt", workdir / "out.ladder"
    src_path.write_text("".join(line + "\n" for line in src), encoding="utf-8")
    tgt_path.write_text("".join(line + "\n" for line in tgt), encoding="utf-8")
    start = time.process_time()
    alignment = drive(aligner(read_lines(str(src_path)), read_lines(str(tgt_path))))
    seconds = time.process_time() - start
    ladder.write_text(align_export.render_ladder(alignment), encoding="utf-8")
    return scorer().read_alignments(str(ladder)), seconds


def score_one(src, tgt, gold, workdir: Path, aligner: LineAligner = align_lines) -> dict:
    test, seconds = align_via_files(src, tgt, workdir, aligner)
    return {"cpu": round(seconds, 3), **scorer().score([gold], [test]), "test": test}


def evaluate(untuned: bool = False, aligner: LineAligner = align_lines) -> dict:
    src, tgt, gold = load_dev()
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        whole = score_one(src, tgt, gold, work, aligner)
        out["whole"] = whole
        first, second = split_half(src, tgt, gold)
        out["half1"] = score_one(*first, work, aligner)
        out["half2"] = score_one(*second, work, aligner)
        for size in PIECE_SIZES + (UNTUNED_SIZES if untuned else ()):
            scores = [score_one(*piece, work, aligner)["f1_strict"] for piece in pieces(src, tgt, gold, size)]
            out[f"pieces{size}"] = scores
    for name, sizes in (("pieces", PIECE_SIZES), ("untuned", UNTUNED_SIZES if untuned else ())):
        every = [f for size in sizes for f in out[f"pieces{size}"]]
        if every:
            out[f"{name}_mean"] = round(sum(every) / len(every), 4)
            out[f"{name}_min"] = round(min(every), 4)
    return out


def show_errors(src, tgt, gold: Gold, test: Gold, stream) -> None:
    """Each wrong test bead, next to the gold beads its units belong to, with the texts."""
    gold_set = set(gold)
    src_gold = {i: g for g in gold for i in g[0]}
    tgt_gold = {j: g for g in gold for j in g[1]}
    for bead in test:
        if bead in gold_set or not (bead[0] or bead[1]):
            continue
        near = {src_gold.get(i) for i in bead[0]} | {tgt_gold.get(j) for j in bead[1]}
        stream.write(f"TEST {list(bead[0])}:{list(bead[1])}   GOLD " +
                     "  ".join(f"{list(a)}:{list(b)}" for a, b in sorted(g for g in near if g)) + "\n")
        for i in bead[0]:
            stream.write(f"   de {i}: {src[i][:150]}\n")
        for j in bead[1]:
            stream.write(f"   fr {j}: {tgt[j][:150]}\n")


def _override_options(values: dict[str, str]) -> None:
    """Make `AlignOptions()` (what `align_lines` uses) carry the given values."""
    import ast
    import functools

    from compare.languages import units as align_units

    overrides = {name: ast.literal_eval(value) for name, value in values.items()}
    align_units.AlignOptions = functools.partial(align_units.AlignOptions, **overrides)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--untuned", action="store_true",
                    help="also score pieces of sizes never tuned on (UNTUNED_SIZES)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override an AlignOptions default for this run (experiments)")
    args = ap.parse_args(argv)
    if args.set:
        _override_options(dict(item.split("=", 1) for item in args.set))
    result = evaluate(args.untuned)
    row = {
        "whole_f1": result["whole"]["f1_strict"], "whole_p": result["whole"]["precision_strict"],
        "whole_r": result["whole"]["recall_strict"], "whole_lax": result["whole"]["f1_lax"],
        "whole_cpu": result["whole"]["cpu"],
        "half1": result["half1"]["f1_strict"], "half2": result["half2"]["f1_strict"],
        "pieces_mean": result["pieces_mean"], "pieces_min": result["pieces_min"],
        **({"untuned_mean": result["untuned_mean"], "untuned_min": result["untuned_min"]} if args.untuned else {}),
        **{f"p{size}": [round(f, 3) for f in result[f"pieces{size}"]]
           for size in PIECE_SIZES + (UNTUNED_SIZES if args.untuned else ())},
    }
    sys.stdout.write(json.dumps(row) + "\n")
    if args.errors:
        src = read_lines(str(DEV / "dev.de"))
        tgt = read_lines(str(DEV / "dev.fr"))
        show_errors(src, tgt, load_dev()[2], result["whole"]["test"], sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
