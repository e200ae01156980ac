"""A function mapped over chunks of a stream of items, in worker processes, keeping order."""

from __future__ import annotations

import collections
import concurrent.futures
import itertools
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Chunks submitted per worker before the oldest result is waited for.
CHUNKS_PER_WORKER = 2


def map_chunks(
    function: Callable[[list[T]], R],
    items: Iterable[T],
    *,
    jobs: int,
    chunk_size: int,
    size_of: Callable[[T], int] | None = None,
) -> Generator[R, None, None]:
    """``function(chunk)`` for consecutive chunks of about `chunk_size` items, in input order.

    `size_of` says how many items one item stands for (a batch of many, say); a chunk closes
    as soon as it holds `chunk_size` of them.

    With `jobs` above 1 the chunks go to a pool of that many processes (`function` and the
    items must pickle); at most ``CHUNKS_PER_WORKER * jobs`` chunks are in flight, so memory
    stays flat however many items there are. With 1, everything runs here, with no pool.
    Closing the iterator early cancels the chunks not yet started.
    """
    chunks = _chunked(items, chunk_size, size_of)
    if jobs <= 1:
        yield from map(function, chunks)
        return
    executor = concurrent.futures.ProcessPoolExecutor(max_workers=jobs)
    try:
        pending: collections.deque[concurrent.futures.Future[R]] = collections.deque()
        for chunk in chunks:
            pending.append(executor.submit(function, chunk))
            if len(pending) >= CHUNKS_PER_WORKER * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _chunked(
    items: Iterable[T], size: int, size_of: Callable[[T], int] | None
) -> Iterator[list[T]]:
    if size_of is None:
        iterator = iter(items)
        while chunk := list(itertools.islice(iterator, size)):
            yield chunk
        return
    chunk, held = [], 0
    for item in items:
        chunk.append(item)
        held += size_of(item)
        if held >= size:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk
