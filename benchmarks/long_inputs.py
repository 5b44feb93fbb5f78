"""The long and large inputs of issue 17, timed end to end through the command line, with the
peak resident memory of the largest process (the CLI or one of its workers).

    .venv/bin/python -m benchmarks.long_inputs                 # every case (about 15 minutes)
    .venv/bin/python -m benchmarks.long_inputs paragraph-500k   # one case by name

Cases: paragraph-500k and -2M (a paragraph against a copy with 20 words inserted), redline-500k (the
same as Word files, redlined as docx), different-N and identical-N for N = 1,000, 5,000 and 20,000
paragraphs (two unrelated documents; a document and its copy), align-lines-10000 and -50000.

Inputs are generated into benchmarks/.data/ (ignored by git) from a fixed seed: paragraphs of
random words from a 3,000-word vocabulary, so every single word recurs (the hard case for the
word diff's anchors). Each run uses an empty cache directory (a cold run).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / ".data"


def _vocabulary(seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(3000)]


def _paragraph_pair(chars: int) -> tuple[Path, Path]:
    """One paragraph of `chars` characters and a copy with 20 words inserted."""
    old_path, new_path = DATA / f"paragraph-{chars}-old.txt", DATA / f"paragraph-{chars}-new.txt"
    if not new_path.exists():
        rng, words = random.Random(1), _vocabulary(1)
        old: list[str] = []
        size = 0
        while size < chars:
            old.append(rng.choice(words))
            size += len(old[-1]) + 1
        new = list(old)
        for k in range(20):
            new.insert(rng.randrange(len(new)), f"INSERTED{k}")
        old_path.write_text(" ".join(old) + "\n", encoding="utf-8")
        new_path.write_text(" ".join(new) + "\n", encoding="utf-8")
    return old_path, new_path


def _paragraph_docx(chars: int) -> tuple[Path, Path]:
    """The paragraph pair of `_paragraph_pair` as Word files (the paragraph in three runs, the
    middle one italic, between a title and a closing line): the redline writer's long case."""
    import docx

    paths = DATA / f"paragraph-{chars}-old.docx", DATA / f"paragraph-{chars}-new.docx"
    if not paths[1].exists():
        for text_path, path in zip(_paragraph_pair(chars), paths, strict=True):
            text = text_path.read_text(encoding="utf-8").strip()
            document, third = docx.Document(), len(text) // 3
            document.add_paragraph("Title")
            paragraph = document.add_paragraph()
            paragraph.add_run(text[:third])
            paragraph.add_run(text[third:2 * third]).italic = True
            paragraph.add_run(text[2 * third:])
            document.add_paragraph("End.")
            document.save(str(path))
    return paths


def _document(paragraphs: int, seed: int) -> Path:
    path = DATA / f"document-{paragraphs}-{seed}.txt"
    if not path.exists():
        rng, words = random.Random(seed), _vocabulary(seed)
        path.write_text("\n\n".join(f"{i + 1}. " + " ".join(rng.choice(words) for _ in range(rng.randint(10, 40)))
                                    + "." for i in range(paragraphs)), encoding="utf-8")
    return path


def _lines(count: int) -> tuple[Path, Path]:
    """`count` numbered lines and their 'translation' (each word reversed), one unit a line."""
    src, tgt = DATA / f"lines-{count}-src.txt", DATA / f"lines-{count}-tgt.txt"
    if not tgt.exists():
        rng, words = random.Random(3), _vocabulary(3)
        rows = [[rng.choice(words) for _ in range(rng.randint(5, 25))] for _ in range(count)]
        src.write_text("\n".join(f"{i + 1}. " + " ".join(r) for i, r in enumerate(rows)) + "\n", encoding="utf-8")
        tgt.write_text("\n".join(f"{i + 1}. " + " ".join(w[::-1] for w in r) for i, r in enumerate(rows)) + "\n",
                       encoding="utf-8")
    return src, tgt


def _cases() -> dict[str, list[str]]:
    out = {}
    for chars, name in ((500_000, "paragraph-500k"), (2_000_000, "paragraph-2M")):
        old, new = _paragraph_pair(chars)
        out[name] = ["compare", str(old), str(new), "--format", "json"]
    for count in (1000, 5000, 20000):
        # random words read as English or Spanish: --language keeps both on the versions engine
        out[f"different-{count}"] = ["compare", str(_document(count, 2)), str(_document(count, 3)), "--format", "json",
                                     "--language", "en"]
        same = _document(count, 1)
        copy = DATA / f"document-{count}-1-copy.txt"
        if not copy.exists():
            copy.write_bytes(same.read_bytes())
        out[f"identical-{count}"] = ["compare", str(same), str(copy), "--format", "json", "--language", "en"]
    old, new = _paragraph_docx(500_000)
    out["redline-500k"] = ["compare", str(old), str(new), "--format", "docx"]
    for count in (10_000, 50_000):
        src, tgt = _lines(count)
        out[f"align-lines-{count}"] = ["align", str(src), str(tgt), "--lines", "--format", "ladder",
                                       "--source-language", "en", "--target-language", "fr"]
    return out


def run_case(args: list[str]) -> tuple[float, float, int]:
    """(seconds, peak MB of the largest process, exit status) of one cold run."""
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as out:
        env = {**os.environ, "XDG_CACHE_HOME": cache, "PYTHONPATH": str(ROOT)}
        script = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]); "
                  "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(done.returncode)")
        start = time.monotonic()
        done = subprocess.run([sys.executable, "-c", script, sys.executable, "-m", "desktop", *args,
                               "-o", os.path.join(out, "result")], env=env, cwd=ROOT, capture_output=True, text=True)
        seconds = time.monotonic() - start
    peak_kb = int(done.stdout.split()[-1]) if done.stdout.split() else 0
    return seconds, peak_kb / 1024 if sys.platform != "darwin" else peak_kb / 2**20, done.returncode


def main(names: list[str]) -> None:
    DATA.mkdir(exist_ok=True)
    cases = _cases()
    for name in names or list(cases):
        seconds, peak, code = run_case(cases[name])
        print(f"{name:20} {seconds:8.1f} s {peak:8.0f} MB peak  exit {code}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
