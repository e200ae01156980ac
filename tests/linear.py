"""Checking that time grows linearly with the size of the input, by doubling it.

Wall-clock thresholds break on a slower machine; ratios measured in the same run do not. The
input grows until one run takes long enough for timer noise not to matter, then is timed at
1×, 2× and 4× that size: a linear step takes about 2×, a quadratic one 4×. The check passes
when each step stays under 2.5×, or the two steps together under 2.5². One step can cost more
when the input outgrows a CPU cache: then 8× is timed too, and its step must stay under 2.5×. A
busy machine can slow runs down, so a failing measure is taken again (five times at most), each
size keeping the best time it ever had.
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
#: How many times the three sizes are timed before a ratio above `MAX_RATIO` counts.
ATTEMPTS = 5


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
    times = _best_times(inputs, run, _within_bounds)
    if _within_bounds(times):
        return
    # An input that outgrows a CPU cache makes one step of a linear algorithm dearer, once;
    # a quadratic one takes about 4× at every step, so the next doubling tells them apart.
    inputs.append(make(size * 8))
    times = _best_times(inputs, run, lambda times: times[-1] / times[-2] < MAX_RATIO)
    ratios = [later / earlier for earlier, later in itertools.pairwise(times)]
    if ratios[-1] >= MAX_RATIO:
        raise AssertionError(f"{times} s for 1×, 2×, 4×, 8× size {size:,}: ratios {ratios}")


def _within_bounds(times: list[float]) -> bool:
    """Each doubling within the bound, or both together within its square."""
    ratios = [later / earlier for earlier, later in itertools.pairwise(times)]
    return max(ratios) < MAX_RATIO or times[-1] / times[0] < MAX_RATIO**2


def _best_times(
    inputs: list[T], run: Callable[[T], object], good: Callable[[list[float]], bool]
) -> list[float]:
    """The best time of each input, timed again (`ATTEMPTS` times at most) until `good`."""
    # Noise only ever adds time, so each size keeps its best time over every attempt.
    times = [float("inf")] * len(inputs)
    for _ in range(ATTEMPTS):
        times = [
            min(best, best_time(partial(run, value)))
            for best, value in zip(times, inputs, strict=True)
        ]
        if good(times):
            break
    return times
