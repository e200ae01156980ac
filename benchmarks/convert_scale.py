"""How ``wpparse convert`` scales: throughput per ``--jobs`` and peak memory on large dumps.

Builds dumps of about ``--size-mb`` megabytes (default 1,024) from the posts of the shared
corpus (cycled, with fresh ids, so the shapes are real): one as JSON Lines and one as a single
JSON array. Then it runs ``wpparse convert DUMP -o OUTPUT --jobs N -q`` as a separate process
for each dump and each N, and prints, for each run: posts/s, the speed-up over ``--jobs 1``
measured in the same run, and peak memory, both of the command's own process and of the whole
process tree (the command and its workers, sampled every 20 ms from /proc, so Linux only).

Run: ``python benchmarks/convert_scale.py [--size-mb N] [--jobs 1 2] [--repeat N]
[--layouts jsonl array] [--keep DIR] [CORPUS]``. Each run is repeated ``--repeat`` times
(default 1), keeping the fastest time and the highest memory. The dumps are written to a
temporary folder and removed afterwards unless ``--keep`` names one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SAMPLE_SECONDS = 0.02
_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def corpus_posts(corpus: Path) -> list[dict[str, Any]]:
    """Every post object of the corpus (error responses and other values left out)."""
    posts = []
    for path in sorted(corpus.rglob("*.json")):
        value = json.loads(path.read_bytes())
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and "id" in item and "code" not in item:
                posts.append(item)
    return posts


def _encoded_posts(posts: list[dict[str, Any]], size: int) -> Iterator[bytes]:
    """Posts as JSON, cycled with fresh ids, until `size` bytes have been given."""
    given = 0
    number = 0
    while given < size:
        for post in posts:
            number += 1
            data = json.dumps(dict(post, id=number), ensure_ascii=False).encode("utf-8")
            given += len(data) + 1
            yield data
            if given >= size:
                return


def write_dumps(posts: list[dict[str, Any]], folder: Path, size: int) -> tuple[Path, Path, int]:
    """A JSON Lines dump and a JSON array dump of about `size` bytes; and their post count."""
    lines_path = folder / "dump.jsonl"
    array_path = folder / "dump.json"
    count = 0
    with lines_path.open("wb") as lines, array_path.open("wb") as array:
        array.write(b"[")
        for data in _encoded_posts(posts, size):
            lines.write(data + b"\n")
            array.write((b"," if count else b"") + data)
            count += 1
        array.write(b"]\n")
    return lines_path, array_path, count


def _tree(pid: int) -> list[int]:
    """`pid` and all its descendants."""
    found = [pid]
    for current in found:
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                found.extend(int(child) for child in children)
        except OSError:
            continue
    return found


def _rss_kb(pid: int) -> int:
    try:
        pages = Path(f"/proc/{pid}/statm").read_text().split()[1]
    except (OSError, IndexError):
        return 0
    return int(pages) * _PAGE_KB


def run_convert(dump: Path, out: Path, jobs: int) -> tuple[float, int, int]:
    """Run the command; return seconds, peak RSS of its own process and of its tree (KiB)."""
    command = [sys.executable, "-m", "wpparse", "convert", str(dump), "-o", str(out)]
    command += ["--jobs", str(jobs), "-q"]
    start = time.perf_counter()
    process = subprocess.Popen(command)
    own_peak = tree_peak = 0
    while process.poll() is None:
        own_peak = max(own_peak, _rss_kb(process.pid))
        tree_peak = max(tree_peak, sum(_rss_kb(pid) for pid in _tree(process.pid)))
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"wpparse convert failed with status {process.returncode}: {command}")
    return seconds, own_peak, tree_peak


def main() -> None:
    """Build the dumps, convert each with every --jobs, print the table."""
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    options.add_argument("--size-mb", type=int, default=1024, help="size of each dump")
    options.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs to try")
    options.add_argument("--repeat", type=int, default=1, help="runs of each, best time kept")
    options.add_argument(
        "--layouts", nargs="+", choices=["jsonl", "array"], default=["jsonl", "array"]
    )
    options.add_argument("--keep", type=Path, help="write the dumps here and keep them")
    args = options.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"no corpus at {args.corpus}: give its folder as an argument")
    posts = corpus_posts(args.corpus)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        lines_path, array_path, count = write_dumps(posts, folder, args.size_mb * 1024 * 1024)
        print(
            f"{count:,} posts ({len(posts):,} corpus posts cycled) per dump,"
            f" written in {time.perf_counter() - started:.0f} s; {os.cpu_count()} cores"
        )
        print(f"{'dump':<34} {'jobs':>4} {'seconds':>8} {'posts/s':>9} {'speed-up':>8}", end="")
        print(f" {'peak RSS: command':>18} {'with workers':>13}")
        dumps = {"jsonl": lines_path, "array": array_path}
        for dump in (dumps[layout] for layout in args.layouts):
            size_mb = dump.stat().st_size / 1024 / 1024
            label = f"{'JSON Lines' if dump is lines_path else 'JSON array'}, {size_mb:,.0f} MB"
            baseline = None
            for jobs in args.jobs:
                runs = [
                    run_convert(dump, folder / "records.jsonl", jobs) for _ in range(args.repeat)
                ]
                seconds = min(run[0] for run in runs)
                own_kb = max(run[1] for run in runs)
                tree_kb = max(run[2] for run in runs)
                rate = count / seconds
                baseline = baseline or rate
                print(
                    f"{label:<34} {jobs:>4} {seconds:>8.1f} {rate:>9,.0f} {rate / baseline:>7.2f}×"
                    f" {own_kb / 1024:>15,.0f} MB {tree_kb / 1024:>10,.0f} MB"
                )


if __name__ == "__main__":
    main()
