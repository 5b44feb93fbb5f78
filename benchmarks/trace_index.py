"""`accord trace` speed: on the folder of real UN PDFs, and on a synthetic archive of thousands.

    .venv/bin/python -m benchmarks.trace_index [ARCHIVE_DOCUMENTS]

Rows:
- real folder, cold: S/2019/266 traced against ../shared/corpus/real/un-pdf/ (40 PDFs) with empty
  caches (every base parsed, two at a time, then indexed);
- real folder, warm: the same again (the index is up to date: files are only stat'ed);
- archive: ARCHIVE_DOCUMENTS (default 2000) synthetic bases of 40 paragraphs each, made from the
  real folder's paragraphs with words changed (so that many are near, none equal), indexed once
  (build), then the draft traced against the archive and the real folder (lookup), warm.

Measured on the 2-core development machine shared with other sessions (load average 7-10, so
cold figures vary by 3x): real folder cold 11.9 s (quiet), 32.9-39.9 s (loaded), warm 0.56-0.89 s;
archive of 2,000 documents: build 170-204 s, warm update 0.03-0.07 s, trace 25.3 s with the first
query (32 longest words), 6.7 s with the 12 rarest, 5.2 s with the vocabulary read once.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real" / "un-pdf"
DRAFT = REAL / "S_2019_266-EN.pdf"
PARAGRAPHS_PER_DOCUMENT = 40
# Words of each synthetic paragraph replaced by a random word of the same paragraph.
EDITS = 6


def cli_trace(cache: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "desktop", "trace", str(DRAFT), "--base", str(REAL), "--format", "json"],
                   env=dict(os.environ, XDG_CACHE_HOME=cache), cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def archive(documents: int, cache: str) -> tuple[float, float, float]:
    """(build, warm update, trace) seconds for a synthetic archive of `documents` bases."""
    from compare.history.index import ParagraphIndex, expand_bases
    from compare.history.trace import trace_document
    from desktop.loading import load_document
    from parsers.model import Document, Format

    os.environ["XDG_CACHE_HOME"] = cache
    real = [load_document(p) for p in expand_bases([str(REAL)]) if not p.endswith("RU.pdf")]
    pool = [b for d in real for b in d.body() if len(b.text) > 80]
    folder = Path(cache) / "archive"
    folder.mkdir()
    paths = []
    for k in range(documents):
        path = folder / f"doc-{k:05d}.txt"
        path.write_text(str(k), encoding="utf-8")
        paths.append(str(path))

    def synthetic(path: str) -> Document:
        k = int(Path(path).stem.split("-")[1])
        r = random.Random(k)
        blocks = []
        for n, block in enumerate(r.sample(pool, PARAGRAPHS_PER_DOCUMENT)):
            words = block.text.split()
            for _ in range(EDITS):
                words[r.randrange(len(words))] = r.choice(words)
            blocks.append(replace(block, index=n, text=" ".join(words)))
        return Document(path=path, format=Format.TXT, blocks=tuple(blocks), language="en", symbol=f"X/{k}")

    with ParagraphIndex(str(Path(cache) / "archive.sqlite")) as index:
        start = time.perf_counter()
        index.update(paths, synthetic, workers=1)
        build = time.perf_counter() - start
        start = time.perf_counter()
        index.update(paths, synthetic, workers=1)
        warm = time.perf_counter() - start
        draft = load_document(str(DRAFT))
        real_paths = [d.path for d in real]
        index.update(real_paths, load_document, workers=2)
        start = time.perf_counter()
        trace_document(draft, index, paths + real_paths)
        lookup = time.perf_counter() - start
    return build, warm, lookup


def main() -> None:
    documents = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as cache:
        cold = cli_trace(cache)
        warm = min(cli_trace(cache) for _ in range(3))
        print(f"real folder (40 PDFs): cold {cold:.2f} s, warm {warm:.2f} s (best of 3)")
        build, update, lookup = archive(documents, cache)
        print(f"archive of {documents} documents ({documents * PARAGRAPHS_PER_DOCUMENT} paragraphs): "
              f"build {build:.1f} s, warm update {update:.2f} s, trace of S/2019/266 {lookup:.2f} s")


if __name__ == "__main__":
    main()
