"""How many of the paragraph pairs the versions engine can use the candidate filter finds
(compare.versions.candidates), on real revisions: every pair of body paragraphs scoring at least
79.5 by fuzz.ratio in the full matrix (a move; near anchors need 85) against the pairs
`similar_pairs` returns, and how many pairs it scored instead of all.

    .venv/bin/python -m benchmarks.candidates_recall

Pairs: the declarations and resolutions of shared/corpus/real/declarations (drafts against adopted
texts, revisions two to eight years apart) and the Security Council renewals of the same mandate
in shared/corpus/real/un-pdf. Acceptance data (shared/heldout) is not read.
"""

from __future__ import annotations

from pathlib import Path

from rapidfuzz import fuzz

from compare.text.normalize import key_text
from compare.versions import candidates
from compare.versions.engine import bounded
from parsers.api import parse_file

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
PAIRS = [
    ("declarations/A_RES_72_195-EN.txt", "declarations/A_RES_74_176-EN.txt"),
    ("declarations/A_RES_74_176-EN.txt", "declarations/A_RES_76_186-EN.txt"),
    ("declarations/A_RES_72_195-EN.txt", "declarations/A_RES_76_186-EN.txt"),
    ("declarations/A_RES_76_186-EN.txt", "declarations/A_RES_80_228-EN.pdf"),
    ("declarations/A_C.3_80_L.4-EN.pdf", "declarations/A_RES_80_228-EN.pdf"),
    ("declarations/A_RES_72_1-EN.txt", "declarations/A_RES_76_7-EN.txt"),
    ("declarations/A_80_L.8-EN.pdf", "declarations/A_RES_80_9-EN.pdf"),
    ("un-pdf/S_2018_257-EN.pdf", "un-pdf/S_2019_266-EN.pdf"),
    ("un-pdf/S_2017_444-EN.pdf", "un-pdf/S_2019_441-EN.pdf"),
    ("un-pdf/S_2020_449-EN.pdf", "un-pdf/S_2022_426-EN.pdf"),
    ("un-pdf/S_2017_142-EN.pdf", "un-pdf/S_2022_158-EN.pdf"),
]
CUTOFF = 79.5


def measure(old_path: Path, new_path: Path) -> tuple[int, int, int, int]:
    """(pairs at or above CUTOFF, of them found, pairs scored by the filter, all pairs)."""
    old = [bounded(key_text(b.text)) for b in parse_file(str(old_path)).body()]
    new = [bounded(key_text(b.text)) for b in parse_file(str(new_path)).body()]
    full = {(r, c) for r, a in enumerate(old) for c, b in enumerate(new) if fuzz.ratio(a, b) >= CUTOFF}
    found = set(candidates.similar_pairs(old, new, CUTOFF))
    scored = [0]
    real = fuzz.ratio

    def counting(a: str, b: str, **kwargs: float) -> float:
        scored[0] += 1
        return real(a, b, **kwargs)

    candidates.fuzz.ratio = counting  # type: ignore[assignment]
    try:
        candidates.similar_pairs(old, new, CUTOFF)
    finally:
        candidates.fuzz.ratio = real  # type: ignore[assignment]
    return len(full), len(full & found), scored[0], len(old) * len(new)


def main() -> None:
    totals = [0, 0, 0, 0]
    for old_name, new_name in PAIRS:
        if not (REAL / old_name).exists() or not (REAL / new_name).exists():
            continue
        row = measure(REAL / old_name, REAL / new_name)
        totals = [t + v for t, v in zip(totals, row, strict=True)]
        print(f"{Path(old_name).stem:18} -> {Path(new_name).stem:18} similar {row[0]:4}  found {row[1]:4}  "
              f"scored {row[2]:6} of {row[3]:7}", flush=True)
    print(f"{'all':40} similar {totals[0]:4}  found {totals[1]:4}  scored {totals[2]:6} of {totals[3]:7}")


if __name__ == "__main__":
    main()
