"""wpparse on Dask (the dask extra): JSON Lines shards into Parquet on a two-process cluster."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import require_corpus
from wpparse.output import _convert as convert

pytest.importorskip("dask.bag", reason="dask is not installed (pip install -e '.[dask]')")
distributed = pytest.importorskip(
    "distributed", reason="dask.distributed is not installed (pip install -e '.[dask]')"
)
pq = pytest.importorskip(
    "pyarrow.parquet", reason="pyarrow is not installed (pip install -e '.[dask]')"
)
on_dask = pytest.importorskip("wpparse.output.on_dask")


def _corpus_shards(folder: Path, shards: int) -> list[Path]:
    """The corpus (error responses included) as JSON Lines shards, the last one gzipped."""
    items: list[Any] = []
    for path in sorted(require_corpus().rglob("*.json")):
        value = json.loads(path.read_bytes())
        items.extend(value if isinstance(value, list) else [value])
    paths = []
    size = -(-len(items) // shards)
    for number in range(shards):
        text = "".join(
            json.dumps(item) + "\n" for item in items[number * size : (number + 1) * size]
        )
        path = folder / f"shard-{number}.jsonl"
        if number == shards - 1:
            path = path.with_suffix(".jsonl.gz")
            path.write_bytes(gzip.compress(text.encode("utf-8")))
        else:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_cluster_of_two_processes_writes_the_rows_convert_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shards = _corpus_shards(tmp_path, shards=4)
    single = tmp_path / "single.parquet"
    status = convert.main([*map(str, shards), "-o", str(single), "--jobs", "1", "-q"])
    expected = pq.read_table(single).to_pylist()
    skipped_by_convert = capsys.readouterr().err.count("wpparse: skipped")
    assert status == 1  # the corpus's error responses are items skipped
    assert len(expected) > 1000

    out = tmp_path / "parquet"
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        parts = on_dask.write_parquet([str(path) for path in shards], out, blocksize=None)

    assert [Path(part.path).name for part in parts] == [f"part-{n:05d}.parquet" for n in range(4)]
    rows = [row for part in parts for row in pq.read_table(part.path).to_pylist()]
    assert rows == expected
    assert sum(part.records for part in parts) == len(expected)
    assert sum(len(part.skipped) for part in parts) == skipped_by_convert > 0
    for part, shard in zip(parts, shards, strict=True):
        assert Path(part.source) == shard
        for message in part.skipped:
            assert message.startswith(f"{part.source}: line ")
            assert "WordPress returned an error" in message
    assert pq.read_table(out).num_rows == len(expected)


def test_read_records_gives_a_bag_of_records(tmp_path: Path) -> None:
    shard = tmp_path / "posts.jsonl"
    shard.write_text('{"id": 1}\n{"id": 2, "title": {"rendered": "A&amp;B"}}\n', encoding="utf-8")
    bag = on_dask.read_records(str(shard))
    records = bag.compute(scheduler="sync")
    assert [(record["id"], record["title_text"]) for record in records] == [(1, None), (2, "A&B")]


def test_blocks_of_a_file_are_named_as_partitions(tmp_path: Path) -> None:
    shard = tmp_path / "posts.jsonl"
    shard.write_text("".join(f'{{"id": {n}}}\n' for n in range(40)) + "{oops\n", encoding="utf-8")
    parts = on_dask.write_parquet(str(shard), tmp_path / "out", blocksize=100)
    assert len(parts) > 2
    assert sum(part.records for part in parts) == 40
    (message,) = [message for part in parts for message in part.skipped]
    assert message.startswith(f"<partition {len(parts) - 1} of {shard}>: line ")
