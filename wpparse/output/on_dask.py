"""wpparse on Dask: sharded JSON Lines dumps into records and Parquet on a cluster.

Needs the ``dask`` extra (``pip install 'wpparse[dask]'``: dask's bags, distributed and
pyarrow). Each partition of the input is a block of lines that one worker turns into records
with `wpparse.output.records_from_lines`; `write_parquet` writes each partition's records to its own
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

from wpparse._errors import WPParseError
from wpparse.output._parquet import ParquetRecordWriter
from wpparse.output._partitions import records_from_lines


@attrs.frozen
class ParquetPart:
    """One Parquet file `write_parquet` wrote: a partition of the input.

    Attributes:
        path: The file.
        source: The input file the partition comes from.
        records: How many records (posts) it holds.
        skipped: Lines of the partition that were not posts, as messages naming their place:
            ``"SOURCE: line L, item I: …"`` when the partition is a whole file, else
            ``"<partition N of SOURCE>: line L, item I: …"``, counting within the partition.
        altered: Values that Parquet's types could not hold (written as null or U+FFFD).

    """

    path: str
    source: str
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
    pairs = dask.bag.read_text(paths, blocksize=blocksize, include_path=True)
    return pairs.map_partitions(_records, whole_files=blocksize is None)


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
    parts = dask.bag.read_text(paths, blocksize=blocksize, include_path=True).to_delayed()
    tasks = [
        dask.delayed(_write_part)(
            part, str(folder / f"part-{index:05d}.parquet"), index, blocksize is None
        )
        for index, part in enumerate(parts)
    ]
    return list(dask.compute(*tasks))


def _name(pairs: list[tuple[str, str]], whole_files: bool, index: int | None = None) -> str:
    """What locations call a partition of ``(line, path)`` pairs."""
    source = pairs[0][1] if pairs else "?"
    if whole_files:
        return source
    return f"<partition {index} of {source}>" if index is not None else f"<a part of {source}>"


def _records(pairs: list[tuple[str, str]], whole_files: bool) -> list[dict[str, Any]]:
    pairs = list(pairs)
    name = _name(pairs, whole_files)
    return records_from_lines((line for line, _ in pairs), name=name)


def _write_part(
    pairs: list[tuple[str, str]], path: str, index: int, whole_files: bool
) -> ParquetPart:
    pairs = list(pairs)
    skipped: list[WPParseError] = []
    name = _name(pairs, whole_files, index)
    records = records_from_lines((line for line, _ in pairs), name=name, on_error=skipped.append)
    with Path(path).open("wb") as out:
        writer = ParquetRecordWriter(out)
        writer.write(records)
        writer.close()
    source = pairs[0][1] if pairs else ""
    messages = tuple(str(error) for error in skipped)
    return ParquetPart(path, source, len(records), messages, writer.altered)
