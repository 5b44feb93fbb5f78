"""Chinese tokens for the aligner: overlapping character pairs (the default), single characters,
or jieba words (when jieba is importable), measured on the only Chinese text here: the test
resolution tests/fixtures/un6.py (en/zh), 12 copies, each with two Chinese paragraphs merged and
one dropped at a different place, so that a lexicon can be learned. Strict F1 against the known
beads, both directions, CPU seconds.

    .venv/bin/python -m benchmarks.align_zh_tokens [pairs|chars|jieba]

Measured 2026-12-06 (jieba 0.42.1 installed in a scratch folder, not a dependency): pairs 0.977
both ways, chars 0.974, jieba 0.974 plus 0.8-0.9 s to load its dictionary: the default stays.
The text is small and repeated: the three differ by one bead, which says only that pairs are
not worse and cost nothing to install.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.align_dev import scorer
from compare.languages import features as feat
from compare.languages.documents import align_lines
from compare.progress import run

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
COPIES = 12

Beads = list[tuple[tuple[int, ...], tuple[int, ...]]]


def _chinese_words(mode: str) -> Callable[[str], list[str]]:
    if mode == "chars":
        return list
    import jieba  # not a dependency: measured only

    jieba.setLogLevel(60)
    start = time.process_time()
    jieba.initialize()
    print(f"jieba dictionary loaded in {time.process_time() - start:.2f} s")
    return lambda run_of_han: [w for w in jieba.cut(run_of_han) if w.strip()]


def use_tokens(mode: str) -> None:
    """Replace the aligner's Chinese tokens (character pairs) by `mode`'s."""
    if mode == "pairs":
        return
    split = _chinese_words(mode)

    def raw_tokens(text: str) -> list[str]:
        out: list[str] = []
        for token in feat._TOKEN.findall(text):
            if feat._HAN_RUN.match(token):
                out.extend(str(v) for v in feat.numerals.chinese_numbers(token))
                out.extend(split(token))
            else:
                out.append(token)
        return out

    feat.raw_tokens = raw_tokens
    feat._surface_tokens.cache_clear()


def documents(en: tuple[str, ...], zh: tuple[str, ...]) -> tuple[list[str], list[str], Beads]:
    """COPIES copies of the resolution; in copy k, Chinese paragraphs m and m+1 merged and m+4
    dropped (m = 2 + k % 10); the gold beads."""
    src: list[str] = []
    tgt: list[str] = []
    gold: Beads = []
    for k in range(COPIES):
        m = 2 + k % 10
        i0, j0 = len(src), len(tgt)
        beads = ([((i,), (i,)) for i in range(m)] + [((m, m + 1), (m,)), ((m + 2,), (m + 1,)),
                                                       ((m + 3,), (m + 2,)), ((m + 4,), ())]
                 + [((i,), (i - 2,)) for i in range(m + 5, len(en))])
        gold += [(tuple(i0 + x for x in s), tuple(j0 + y for y in t)) for s, t in beads]
        src += en
        tgt += [*zh[:m], zh[m] + zh[m + 1], *zh[m + 2:m + 4], *zh[m + 5:]]
    return src, tgt, gold


def main() -> int:
    mode = sys.argv[1] if len(sys.argv) > 1 else "pairs"
    sys.path.insert(0, str(FIXTURES))
    import un6

    use_tokens(mode)
    score = scorer()
    en, zh, gold = documents(un6.EN, un6.ZH)
    for src_lang, tgt_lang, src, tgt, beads in (("en", "zh", en, zh, gold),
                                                ("zh", "en", zh, en, [(t, s) for s, t in gold])):
        start = time.process_time()
        alignment = run(align_lines(src, tgt, source_language=src_lang, target_language=tgt_lang))
        seconds = time.process_time() - start
        f1 = score.score([beads], [[(p.source, p.target) for p in alignment.pairs]])["f1_strict"]
        print(f"{mode} {src_lang}-{tgt_lang}: {len(src)}/{len(tgt)} units, strict F1 {f1:.3f}, {seconds:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
