"""Sentence alignment on the German-French development set (Text+Berg, one sentence a line,
gold ladder), scored with shared/tools/score_alignment.py: the whole file step by step, and its
two halves separately. benchmarks/align_eval.py adds pieces of 60-160 beads through the CLI path.

    .venv/bin/python -m benchmarks.align_dev
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path

from compare.languages import lexicon as align_lexicon
from compare.languages import units as align_units
from compare.languages.beads import WIDE_SHAPES
from compare.progress import run as drive

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "align-dev-de-fr"
SCORER = SHARED / "tools" / "score_alignment.py"


def scorer():
    spec = importlib.util.spec_from_file_location("score_alignment", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_dev() -> tuple[list[str], list[str], list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    src = (DEV / "dev.de").read_text(encoding="utf-8").splitlines()
    tgt = (DEV / "dev.fr").read_text(encoding="utf-8").splitlines()
    gold = scorer().read_alignments(str(DEV / "dev.defr"))
    return src, tgt, gold


def split_half(src, tgt, gold):
    """Cut the document at the gold bead nearest its middle: two independent documents."""
    half = len(gold) // 2
    while half < len(gold) and not (gold[half][0] and gold[half][1]):
        half += 1
    s_cut = min(i for a in gold[half:] for i in a[0])
    t_cut = min(j for a in gold[half:] for j in a[1])
    first = (src[:s_cut], tgt[:t_cut], gold[:half])
    second_gold = [(tuple(i - s_cut for i in a), tuple(j - t_cut for j in b)) for a, b in gold[half:]]
    return first, (src[s_cut:], tgt[t_cut:], second_gold)


def evaluate(src, tgt, gold, options=None, seed=None) -> dict:
    start = time.perf_counter()
    pairs = drive(align_units.align_texts(src, tgt, options, seed=seed))
    seconds = time.perf_counter() - start
    test = [(p.source, p.target) for p in pairs]
    result = scorer().score([gold], [test])
    return {"seconds": round(seconds, 3), **result}


def run() -> list[dict]:
    """Rows (step, seconds, strict and lax F1) for the benchmark table."""
    src, tgt, gold = load_dev()
    steps = [
        ("align dev de-fr: lengths only (Gale-Church)",
         align_units.AlignOptions(lexical_weight=0.0, orphan_cost=0.0, leak_weight=0.0, use_lexicon=False,
                                  first_shapes=WIDE_SHAPES)),
        ("align dev de-fr: + numbers, punctuation, cognates",
         align_units.AlignOptions(use_lexicon=False, first_shapes=WIDE_SHAPES)),
        ("align dev de-fr: + learned lexicon, one pass", align_units.AlignOptions(passes=1)),
        ("align dev de-fr: + second lexicon pass", align_units.AlignOptions()),
    ]
    seed = align_lexicon.seed("de", "fr")
    rows = []
    for name, options in steps:
        r = evaluate(src, tgt, gold, options)
        rows.append({"step": name, "seconds": r["seconds"], "f1_strict": r["f1_strict"], "f1_lax": r["f1_lax"]})
    for name, options in (("align dev de-fr: + seed lexicon, Dice lexicon instead of Model 1",
                           align_units.AlignOptions(model1=False)),
                          ("align dev de-fr: + seed lexicon (default, as the CLI)", align_units.AlignOptions())):
        r = evaluate(src, tgt, gold, options, seed)
        rows.append({"step": name, "seconds": r["seconds"], "f1_strict": r["f1_strict"], "f1_lax": r["f1_lax"]})
    first, second = split_half(src, tgt, gold)
    for name, part in (("first half", first), ("second half (hold-out)", second)):
        r = evaluate(*part, seed=seed)
        rows.append({"step": f"align dev de-fr {name}", "seconds": r["seconds"],
                     "f1_strict": r["f1_strict"], "f1_lax": r["f1_lax"]})
    return rows


def main() -> int:
    for row in run():
        sys.stdout.write(json.dumps(row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
