"""Convert JSON Lines shards to a folder of Parquet files on a Dask cluster, then read it back.

`wpparse.output.on_dask.write_parquet` gives each shard to a worker, which turns its lines into
flat records (`wpparse.output.records_from_lines`) and writes them as one Parquet file,
``part-00000.parquet``, ``part-00001.parquet``, …, in input order. Lines that are not posts
(the sample's second shard holds one a crawler cut short) are skipped and reported per file.
Here the cluster is a `dask.distributed.LocalCluster` of two worker processes; give
``Client("tcp://scheduler:8786")`` instead to run on many machines. Needs
``pip install 'wpparse[dask]'``.

Run: ``python examples/dask_parquet.py [SHARDS_DIR] [-o DIR]`` (default: the shards in
examples/data/shards, written to a temporary folder).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import NoReturn

try:
    import pyarrow.parquet as pq
    from dask.distributed import Client, LocalCluster

    from wpparse.output.on_dask import ParquetPart, write_parquet
except ImportError:
    print(
        "dask_parquet.py needs dask, distributed and pyarrow: pip install 'wpparse[dask]'",
        file=sys.stderr,
    )
    sys.exit(2)

SHARDS = Path(__file__).parent / "data" / "shards"
SUFFIXES = (".jsonl", ".jsonl.gz")


def convert(shards: list[Path], folder: Path) -> list[ParquetPart]:
    """Write one Parquet file per shard into `folder`, on a local cluster of two processes."""
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        return write_parquet([str(shard) for shard in shards], folder)


def report(shards: list[Path], parts: list[ParquetPart], folder: Path) -> None:
    """Print what each file holds, then read the folder back and print every post's title."""
    for shard, part in zip(shards, parts, strict=True):  # one partition per shard
        name = Path(part.path).name
        print(f"{shard.name} → {name}\t{part.records} posts\t{len(part.skipped)} lines skipped")
        for message in part.skipped:  # "SHARD: line 2, item 1: …"
            print(f"\tskipped {message.removeprefix(part.source + ': ')}")
    # The folder is one table: pyarrow reads its files in name order, which is input order.
    table = pq.read_table(folder, columns=["id", "title_text"])
    skipped = sum(len(part.skipped) for part in parts)
    print(f"{table.num_rows} posts read back\t{skipped} lines skipped")
    for row in table.to_pylist():
        print(f"{row['id']}\t{row['title_text']}")


def fail(message: str) -> NoReturn:
    print(f"dask_parquet.py: {message}", file=sys.stderr)
    sys.exit(2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shards", nargs="?", type=Path, default=SHARDS)
    parser.add_argument("-o", "--output", type=Path, help="the Parquet folder (default: temporary)")
    args = parser.parse_args()
    shards = sorted(path for path in args.shards.glob("*") if path.name.endswith(SUFFIXES))
    if not shards:
        fail(f"no .jsonl or .jsonl.gz files in {args.shards}")
    if args.output is None:
        with tempfile.TemporaryDirectory() as temporary:
            report(shards, convert(shards, Path(temporary)), Path(temporary))
        return
    if args.output.is_dir() and any(args.output.glob("*.parquet")):
        # Reading the folder back would mix in the files of an earlier run.
        fail(f"{args.output} already holds Parquet files: give a new folder")
    report(shards, convert(shards, args.output), args.output)
    print(f"Parquet files in {args.output}")


if __name__ == "__main__":
    main()
