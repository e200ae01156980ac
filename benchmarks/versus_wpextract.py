"""``wpparse convert --jobs 1`` against ``wpextract extract`` on the same dump: time and memory.

wpextract (GateNLP's, on PyPI; in the ``bench`` extra) turns the JSON files ``wpextract
download`` writes into a dataset. This builds such a dump folder (``posts.json``, a JSON
array, as ``wpextract download`` names it) from the shared corpus's complete posts (those with
the fields wpextract reads: content, links, terms, dates; posts fetched with ``_fields`` are
left out, since wpextract stops at them), cycled with fresh ids to ``--posts`` posts. Then it
runs, in turn and ``--rounds`` times each, ``wpextract extract DUMP OUT`` and ``wpparse convert
DUMP -o OUT/records.jsonl --jobs 1``, each a process of its own, and prints the best time and
the peak resident memory of each (``getrusage``: exact, not sampled), with the ratios.

Run: ``python benchmarks/versus_wpextract.py [--posts N] [--rounds N] [CORPUS]``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from convert_scale import DEFAULT_CORPUS, corpus_posts  # a sibling script

# What wpextract's post loader reads from every post: without one of them it stops.
WPEXTRACT_FIELDS = (
    "id", "date", "date_gmt", "modified", "modified_gmt", "slug", "status", "type", "link",
    "guid", "title", "content", "excerpt", "author", "featured_media", "comment_status",
    "ping_status", "sticky", "format", "categories", "tags", "_links",
)  # fmt: skip


def complete_posts(corpus: Path) -> list[dict[str, Any]]:
    """The corpus's posts of type ``post`` that carry every field wpextract reads."""
    return [
        post
        for post in corpus_posts(corpus)
        if post.get("type") == "post"
        and all(post.get(name) is not None for name in WPEXTRACT_FIELDS)
    ]


def write_dump(posts: list[dict[str, Any]], folder: Path, count: int) -> Path:
    """A dump folder as ``wpextract download`` writes it: `count` posts in ``posts.json``."""
    dump = folder / "dump"
    dump.mkdir()
    cycled = [dict(posts[number % len(posts)], id=number + 1) for number in range(count)]
    (dump / "posts.json").write_text(json.dumps(cycled, ensure_ascii=False), encoding="utf-8")
    return dump


# Runs the command given as its arguments and prints its seconds and peak memory (KiB). A small
# process of its own, so that the peak is the command's: a child forked from this script would
# count the pages of the dump it shares with it until it starts the command.
_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
seconds = time.perf_counter() - start
print(status, seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def run(command: list[str]) -> tuple[float, int]:
    """Run `command`; return its seconds and its peak resident memory in KiB."""
    measured = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True
    )
    status, seconds, peak_kb = measured.stdout.split()
    if status != "0":
        raise SystemExit(f"{command[0]} failed with status {status}:\n{measured.stderr[-2000:]}")
    return float(seconds), int(peak_kb)


def main() -> None:
    """Build the dump, run both tools in turn, print the table."""
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    options.add_argument("--posts", type=int, default=10_000, help="posts in the dump")
    options.add_argument("--rounds", type=int, default=3, help="runs of each, best kept")
    args = options.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"no corpus at {args.corpus}: give its folder as an argument")
    wpextract = shutil.which("wpextract")
    if wpextract is None:
        raise SystemExit('wpextract is not installed: pip install -e ".[bench]"')
    posts = complete_posts(args.corpus)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        dump = write_dump(posts, folder, args.posts)
        size_mb = (dump / "posts.json").stat().st_size / 1024 / 1024
        print(
            f"{args.posts:,} posts ({len(posts)} complete corpus posts cycled),"
            f" {size_mb:,.0f} MB of JSON; best of {args.rounds}"
        )
        commands: dict[str, Callable[[Path], list[str]]] = {
            "wpextract extract": lambda out: [wpextract, "extract", str(dump), str(out)],
            "wpparse convert --jobs 1": lambda out: [
                *(sys.executable, "-m", "wpparse", "convert", str(dump)),
                *("-o", str(out / "records.jsonl"), "--jobs", "1", "-q"),
            ],
        }
        best: dict[str, tuple[float, int]] = {}
        for round_ in range(args.rounds):
            for index, (name, command) in enumerate(commands.items()):  # in turn: drift hits both
                out = folder / f"out-{round_}-{index}"
                if name.startswith("wpparse"):
                    out.mkdir()
                seconds, peak_kb = run(command(out))
                shutil.rmtree(out)
                was = best.get(name, (float("inf"), 0))
                best[name] = (min(was[0], seconds), max(was[1], peak_kb))
        theirs, ours = best["wpextract extract"], best["wpparse convert --jobs 1"]
        print(f"{'':<26} {'seconds':>8} {'posts/s':>8} {'peak memory':>12}")
        for name, (seconds, peak_kb) in best.items():
            rate = args.posts / seconds
            print(f"{name:<26} {seconds:>8.2f} {rate:>8,.0f} {peak_kb / 1024:>9,.0f} MB")
        print(
            f"wpparse is {theirs[0] / ours[0]:.1f}× as fast as wpextract"
            f" with {ours[1] / theirs[1]:.3f} of its peak memory (1/{theirs[1] / ours[1]:.0f})"
        )


if __name__ == "__main__":
    main()
