"""wpparse on Dask: sharded JSON Lines dumps into records and Parquet on a cluster.

Needs the ``dask`` extra (``pip install 'wpparse[dask]'``: dask's bags, distributed and
pyarrow). Each partition of the input is a block of lines that one worker turns into records
with `wpparse.records_from_lines`; `write_parquet` writes each partition's records to its own
Parquet file, with the schema of ``wpparse convert``. The work runs on whatever scheduler is
active: a ``dask.distributed.Client`` if one was created, else Dask's default for bags
(processes on this machine).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

try:
    import dask
    import dask.bag
except ImportError as missing:  # the dask extra is not installed
    message = "wpparse.output.on_dask needs Dask: pip install 'wpparse[dask]'"
    raise ImportError(message) from missing

from wpparse.errors import WPParseError
from wpparse.output.parquet import ParquetRecordWriter
from wpparse.output.partitions import records_from_lines


@attrs.frozen
class ParquetPart:
    """One Parquet file `write_parquet` wrote: a partition of the input.

    Attributes:
        path: The file.
        records: How many records (posts) it holds.
        skipped: Lines of the partition that were not posts, as messages (with the line and
            item within the partition).
        altered: Values that Parquet's types could not hold (written as null or U+FFFD).

    """

    path: str
    records: int
    skipped: tuple[str, ...]
    altered: int


def read_lines(paths: str | Sequence[str], *, blocksize: int | str | None = None) -> Any:
    """The lines of JSON Lines files (``.gz`` too; globs and remote URLs as Dask reads them).

    Returns a ``dask.bag.Bag`` of lines with one partition per file, or per `blocksize` bytes
    of uncompressed files (``"64MiB"``), split at line ends.
    """
    return dask.bag.read_text(paths, blocksize=blocksize)


def read_records(paths: str | Sequence[str], *, blocksize: int | str | None = None) -> Any:
    """A ``dask.bag.Bag`` of the flat records (`wpparse.to_record`) of every post in `paths`.

    Lines that are not posts are left out, each with a `wpparse.SkippedItemWarning` in the
    worker that met it; `write_parquet` counts them instead. ``.to_dataframe()`` on the bag
    gives a Dask DataFrame (it needs pandas).
    """
    return read_lines(paths, blocksize=blocksize).map_partitions(records_from_lines)


def write_parquet(
    paths: str | Sequence[str],
    directory: str | Path,
    *,
    blocksize: int | str | None = None,
) -> list[ParquetPart]:
    """Convert JSON Lines shards into a folder of Parquet files, one per partition, in order.

    The files are ``part-00000.parquet``, ``part-00001.parquet``, … in input order, so reading
    the folder (``pyarrow.parquet.read_table(directory)``, ``pandas.read_parquet``) gives the
    records in the order of the input: the same rows ``wpparse convert`` writes.

    Returns:
        What each file holds, in order.

    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    parts = read_lines(paths, blocksize=blocksize).to_delayed()
    tasks = [
        dask.delayed(_write_part)(part, str(folder / f"part-{index:05d}.parquet"))
        for index, part in enumerate(parts)
    ]
    return list(dask.compute(*tasks))


def _write_part(lines: list[str], path: str) -> ParquetPart:
    skipped: list[WPParseError] = []
    records = records_from_lines(lines, on_error=skipped.append)
    with Path(path).open("wb") as out:
        writer = ParquetRecordWriter(out)
        writer.write(records)
        writer.close()
    return ParquetPart(path, len(records), tuple(str(error) for error in skipped), writer.altered)
