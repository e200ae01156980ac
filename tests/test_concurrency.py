"""Parsing in threads and in processes gives what parsing in one thread gives.

Lexbor releases the GIL while it parses, so threads really do run at once; each thread keeps
its own parsed trees (``wpparse._normalize.trees``), and results are plain data that pickle.
"""

from __future__ import annotations

import concurrent.futures
import json
import pickle
import threading
from pathlib import Path
from typing import Any

import wpparse

SAMPLE = Path(__file__).parent.parent / "examples" / "data" / "posts.json"


def _derived(post: wpparse.Post) -> tuple[Any, ...]:
    """Every derived value of every rendered field of `post`, as plain data."""
    values: list[Any] = [post.to_dict()]
    for name in ("title", "excerpt", "content", "caption", "description"):
        rendered = getattr(post, name)
        if rendered is not None:
            values.append(
                (
                    rendered.text,
                    rendered.links,
                    rendered.images,
                    rendered.embeds,
                    rendered.headings,
                    rendered.markdown,
                )
            )
    return tuple(values)


def _variants() -> list[dict[str, Any]]:
    """Many distinct posts: the samples, their content repeated a different number of times."""
    posts = json.loads(SAMPLE.read_bytes())
    variants = []
    for copy in range(40):
        for post in posts:
            variant = json.loads(json.dumps(post))
            variant["id"] = copy * 1000 + post["id"]
            variant["content"]["rendered"] = variant["content"]["rendered"] * (copy % 5 + 1)
            variants.append(variant)
    return variants


def _parse_and_derive(raw: dict[str, Any]) -> tuple[Any, ...]:
    return _derived(wpparse.parse_post(raw))


def test_threads_give_the_serial_results() -> None:
    raws = _variants()
    serial = [_parse_and_derive(raw) for raw in raws]
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(_parse_and_derive, raws))
    assert threaded == serial


def test_a_post_read_in_many_threads_at_once_gives_one_answer() -> None:
    """One post, its values first asked for by 8 threads together: each gets the same values."""
    for raw in _variants()[:30]:
        post = wpparse.parse_post(raw)
        expected = _derived(wpparse.parse_post(raw))
        start = threading.Barrier(8)
        results: list[tuple[Any, ...]] = []

        def read(
            post: wpparse.Post = post,
            start: threading.Barrier = start,
            results: list[tuple[Any, ...]] = results,
        ) -> None:
            start.wait()
            results.append(_derived(post))

        threads = [threading.Thread(target=read) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert results == [expected] * 8


def test_a_process_pool_gives_the_serial_results() -> None:
    raws = _variants()[:60]
    serial = [wpparse.parse_post(raw) for raw in raws]
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        from_processes = list(pool.map(wpparse.parse_post, raws, chunksize=8))
    assert from_processes == serial
    assert [_derived(post) for post in from_processes] == [_derived(post) for post in serial]


def test_posts_with_values_read_pickle_to_equal_posts() -> None:
    for raw in _variants()[:12]:
        post = wpparse.parse_post(raw)
        before = _derived(post)
        copy = pickle.loads(pickle.dumps(post))
        assert copy == post
        assert _derived(copy) == before
