"""Derived values of this checkout against an earlier version of wpparse, in one process.

The earlier version (any git revision, by default the last release) is exported from the
repository into a temporary folder as a package of another name, ``wpparse_baseline``, so both
are imported side by side. Each corpus document is then timed with each version in turn (best
of ``--rounds``), which keeps the ratios meaningful on a busy machine: ``.text``, all derived
values (text, links, images, embeds, headings, word count) and ``.markdown``.

Run: ``python benchmarks/versus.py [--baseline REVISION] [--rounds N] [CORPUS_DIR]``.
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from normalize import DEFAULT_CORPUS, corpus_documents  # benchmarks/normalize.py

import wpparse

REPOSITORY = Path(__file__).resolve().parent.parent
# The commit of the last release, 0.1.0.
LAST_RELEASE = "a502ccc"
_IMPORTS = re.compile(r"\bwpparse(?=[.\s,)]|$)", re.MULTILINE)


def import_baseline(revision: str, folder: Path) -> ModuleType:
    """Export wpparse at `revision` into `folder` as ``wpparse_baseline``, and import it."""
    archive = subprocess.run(
        ["git", "-C", str(REPOSITORY), "archive", "--format=tar", revision, "wpparse"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    package = folder / "wpparse_baseline"
    (folder / "wpparse").rename(package)
    for path in package.rglob("*.py"):
        path.write_text(_IMPORTS.sub("wpparse_baseline", path.read_text("utf-8")), "utf-8")
    sys.path.insert(0, str(folder))
    return importlib.import_module("wpparse_baseline")


def _all_values(_: ModuleType, content: Any) -> None:
    content.text  # noqa: B018 - each value is computed when read
    content.links  # noqa: B018
    content.images  # noqa: B018
    content.embeds  # noqa: B018
    content.headings  # noqa: B018
    content.word_count  # noqa: B018


MEASURES: dict[str, Callable[[ModuleType, Any], object]] = {
    ".text": lambda _, content: content.text,
    "all derived values": _all_values,
    ".markdown": lambda _, content: content.markdown,
}


def time_both(
    items: Sequence[Any],
    versions: dict[str, ModuleType],
    prepare: Callable[[ModuleType, Any], Any],
    measure: Callable[[ModuleType, Any], object],
    rounds: int,
) -> dict[str, float]:
    """Seconds per version: each item timed with each version in turn, best of `rounds`.

    `prepare` makes what is timed from an item, untimed (a fresh field, so no value is cached);
    `measure` is the timed work on it.
    """
    totals = dict.fromkeys(versions, 0.0)
    for item in items:
        for name, module in versions.items():
            best = float("inf")
            for _ in range(rounds):
                prepared = prepare(module, item)
                start = time.perf_counter()
                measure(module, prepared)
                best = min(best, time.perf_counter() - start)
            totals[name] += best
    return totals


def _content(module: ModuleType, html: str) -> Any:
    return module.Content(html=html, base_url="https://example.org/2026/04/a-post/")


def _as_it_is(module: ModuleType, item: Any) -> Any:
    return item


def corpus_objects(corpus: Path) -> list[bytes]:
    """The JSON bytes of every post object of the corpus, each on its own."""
    objects: list[bytes] = []
    for path in sorted([*corpus.glob("*.json"), *corpus.glob("large/*.json")]):
        value = json.loads(path.read_bytes())
        items = value if isinstance(value, list) else [value]
        objects += [json.dumps(item).encode() for item in items if isinstance(item, dict)]
    return objects


def _report(label: str, totals: dict[str, float], count: int) -> None:
    per_item = {name: total / count * 1e6 for name, total in totals.items()}
    ratio = totals["this checkout"] / totals["baseline"]
    print(
        f"{label:20} baseline {per_item['baseline']:7.1f} µs   this checkout "
        f"{per_item['this checkout']:7.1f} µs   ratio {ratio:.3f}"
    )


def main(argv: list[str] | None = None) -> None:
    """Print µs per document for both versions, and the ratio of this checkout to the other."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--baseline", default=LAST_RELEASE, help="a git revision (0.1.0's default)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    documents = corpus_documents(args.corpus)
    with tempfile.TemporaryDirectory() as folder:
        baseline = import_baseline(args.baseline, Path(folder))
        versions = {"baseline": baseline, "this checkout": wpparse}
        objects = corpus_objects(args.corpus)
        print(f"{len(objects)} objects; baseline {args.baseline}; best of {args.rounds}")
        parse = time_both(
            objects, versions, _as_it_is, lambda module, raw: module.parse_post(raw), args.rounds
        )
        _report("parse_post(bytes)", parse, len(objects))
        print(f"{len(documents)} documents; baseline {args.baseline}; best of {args.rounds}")
        for label, measure in MEASURES.items():
            totals = time_both(documents, versions, _content, measure, args.rounds)
            _report(label, totals, len(documents))


if __name__ == "__main__":
    main()
