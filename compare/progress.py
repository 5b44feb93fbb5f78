"""Long steps are generators that yield Progress and return their result; `run` drives one to
the end for the CLI and tests, the GUI drives the same generator in a worker and may stop
between yields (cancel)."""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar, cast

T = TypeVar("T")


class Stage(StrEnum):
    """The steps long jobs report, named as the command line prints them."""

    READ_BOTH = "read both"  # reading a pair (desktop.workers): then the side still being read
    READ_OLD = "read old"
    READ_NEW = "read new"
    READ_SOURCE = "read source"
    READ_TARGET = "read target"
    NORMALISE = "normalise"  # comparing versions (compare.versions.engine)
    ANCHORS = "anchors"
    ALIGN = "align"
    WORD_DIFFS = "word diffs"
    ALIGNING_ANCHORS = "aligning: anchors"  # aligning languages (compare.languages.units)
    ALIGNING_FIRST_PASS = "aligning: first pass"
    ALIGNING_LEXICON = "aligning: lexicon"
    ALIGNING = "aligning"
    ALIGNING_SENTENCES = "aligning sentences"  # (compare.languages.documents)
    REALIGNING = "re-aligning"
    COMPARE_VERSIONS = "compare versions"  # a history of versions (compare.history.lineage)
    CROSS_LANGUAGE_PAIRS = "cross-language pairs"  # comparing across languages (compare.history)


@dataclass(frozen=True, slots=True)
class Progress:
    # a Stage, or a label made at run time ("window 3 of about 12: aligning", "index 40 files")
    stage: Stage | str
    done: int
    total: int


Steps = Generator[Progress, None, T]


def run(steps: Steps[T], on_progress: Callable[[Progress], None] | None = None) -> T:
    """Drive a progress generator to its end and return its value."""
    while True:
        try:
            progress = next(steps)
        except StopIteration as stop:
            return cast(T, stop.value)  # a Steps[T] returns a T
        if on_progress is not None:
            on_progress(progress)
