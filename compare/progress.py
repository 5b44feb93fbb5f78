"""Long steps are generators that yield Progress and return their result; `run` drives one to
the end for the CLI and tests, the GUI drives the same generator in a worker and may stop
between yields (cancel)."""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TypeVar, cast

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Progress:
    stage: str
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
