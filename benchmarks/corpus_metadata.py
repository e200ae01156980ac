"""Parse every object of the shared corpus for its metadata only, and report what was found.

Prints the number of objects, the warnings by kind (and the fields they concern), and the time
to read and structure the whole corpus: JSON decoding alone (the floor, measured in the same
run) and wpparse (decode + structure, no HTML parsed), best of several rounds.

Run: ``python benchmarks/corpus_metadata.py [CORPUS_DIR]`` (default: ../shared/corpus beside the
repository).
"""

from __future__ import annotations

import collections
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import wpparse

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
ROUNDS = 7
_INDEX = re.compile(r"\[\d+\]")


def _best_of(rounds: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main(corpus: Path) -> None:
    """Parse the corpus, then print counts, warnings and timings."""
    files = sorted([*corpus.glob("*.json"), *corpus.glob("large/*.json")])
    if not files:
        sys.exit(f"no corpus at {corpus}")
    blobs = [path.read_bytes() for path in files]
    errors = sorted(corpus.glob("errors/*.json"))

    posts = [post for blob in blobs for post in wpparse.parse_posts(blob)]
    api_errors = 0
    for path in errors:
        try:
            wpparse.parse_posts(path.read_bytes())
        except wpparse.WPAPIError:
            api_errors += 1

    kinds: collections.Counter[str] = collections.Counter()
    fields: collections.Counter[tuple[str, str]] = collections.Counter()
    for post in posts:
        for problem in post.warnings:
            kinds[problem.kind.value] += 1
            fields[(problem.kind.value, _INDEX.sub("", problem.path))] += 1

    size = sum(map(len, blobs))
    decode = _best_of(ROUNDS, lambda: [json.loads(blob) for blob in blobs])
    parse = _best_of(ROUNDS, lambda: [wpparse.parse_posts(blob) for blob in blobs])

    print(f"corpus: {len(files)} files, {size / 1e6:.1f} MB, {len(posts)} objects parsed")
    print(f"error responses: {api_errors} of {len(errors)} files raised WPAPIError")
    print(f"posts with warnings: {sum(1 for post in posts if post.warnings)}")
    print("warnings by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    for (kind, json_path), count in fields.most_common():
        print(f"  {count:6}  {kind:15} {json_path}")
    per_object = 1e6 / len(posts)
    print(
        f"json.loads only:         {decode * 1e3:7.1f} ms  ({decode * per_object:6.1f} µs/object)"
    )
    print(
        f"wpparse (metadata only): {parse * 1e3:7.1f} ms  ({parse * per_object:6.1f} µs/object)"
        f"  = {parse / decode:.1f}× json.loads"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS)
