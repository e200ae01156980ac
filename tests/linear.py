"""Checking that time grows linearly with the size of the input, by doubling it.

Wall-clock thresholds break on a slower machine; ratios measured in the same run do not. The
input grows until one run takes long enough for timer noise not to matter, then is timed at
1×, 2× and 4× that size: a linear step takes about 2×, a quadratic one 4×. A busy machine can
slow one run down, so a failing measure is taken again (three times at most).
"""

from __future__ import annotations

import gc
import itertools
import time
from collections.abc import Callable
from functools import partial
from typing import TypeVar

T = TypeVar("T")

#: The largest allowed ratio between the times of an input and of its half.
MAX_RATIO = 2.5
#: How long the smallest timed run takes at least, in seconds.
MIN_SECONDS = 0.015


def best_time(function: Callable[[], object], rounds: int = 3) -> float:
    """The best of `rounds` runs, with the cyclic garbage collector kept out of the timing."""
    best = float("inf")
    for _ in range(rounds):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            function()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best


def assert_linear(make: Callable[[int], T], run: Callable[[T], object], size: int = 1000) -> None:
    """Assert that `run(make(n))` takes time linear in n (`make` builds an input of size n)."""
    while best_time(partial(run, make(size)), rounds=1) < MIN_SECONDS:
        size *= 2
    inputs = [make(size * k) for k in (1, 2, 4)]
    ratios: list[float] = []
    times: list[float] = []
    for _ in range(3):
        times = [best_time(partial(run, value)) for value in inputs]
        ratios = [later / earlier for earlier, later in itertools.pairwise(times)]
        if max(ratios) < MAX_RATIO:
            return
    raise AssertionError(f"{times} s for 1×, 2×, 4× size {size:,}: ratios {ratios}")
