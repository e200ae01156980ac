"""Records written as Parquet, with pyarrow (the optional ``parquet`` extra).

Every file has the same schema, built from `RECORD_TYPES`: 64-bit integers, UTF-8 strings,
booleans and lists of 64-bit integers, all nullable. Dates stay ISO 8601 strings, as in the
other formats: each keeps its own UTC offset, which a Parquet timestamp column cannot hold.
Rows are written in row groups of `ROW_GROUP_ROWS`, so memory stays bounded by one group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import IO, Any

from wpparse.output._records import RECORD_COLUMNS, RECORD_TYPES

#: Rows held before they are written out as one row group.
ROW_GROUP_ROWS = 10_000
INSTALL_HINT = "Parquet output needs pyarrow: pip install 'wpparse[parquet]'"

_INT64 = range(-(2**63), 2**63)
_SURROGATE = re.compile("[\ud800-\udfff]")


def pyarrow_missing() -> bool:
    """Whether pyarrow cannot be imported (so Parquet cannot be written)."""
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return True
    return False


class ParquetRecordWriter:
    r"""Writes records (dicts with the `RECORD_COLUMNS`) to a binary file as Parquet.

    Values that Parquet's types cannot hold are written as they best can and counted in
    `altered`: integers outside 64 bits become null, and lone surrogates in text (JSON input
    can carry them as ``\ud800`` escapes) become U+FFFD, as in CSV.
    """

    def __init__(self, out: IO[bytes]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa = pa
        kinds = {
            "int": pa.int64(),
            "str": pa.string(),
            "bool": pa.bool_(),
            "list[int]": pa.list_(pa.int64()),
        }
        self.schema = pa.schema([(name, kinds[RECORD_TYPES[name]]) for name in RECORD_COLUMNS])
        self._writer = pq.ParquetWriter(out, self.schema, compression="zstd")
        self._rows: list[dict[str, Any]] = []
        self.altered = 0

    def write(self, records: Iterable[dict[str, Any]]) -> None:
        """Add records; a row group is written each time `ROW_GROUP_ROWS` are held."""
        self._rows.extend(records)
        if len(self._rows) >= ROW_GROUP_ROWS:
            self._flush()

    def close(self) -> None:
        """Write the rows still held and the file's footer."""
        self._flush()
        self._writer.close()

    def _flush(self) -> None:
        if not self._rows:
            return
        columns = [self._column(name) for name in RECORD_COLUMNS]
        self._writer.write_table(self._pa.Table.from_arrays(columns, schema=self.schema))
        self._rows = []

    def _column(self, name: str) -> Any:
        values = [row[name] for row in self._rows]
        kind = RECORD_TYPES[name]
        if kind == "int":
            values = [self._int(value) for value in values]
        elif kind == "list[int]":
            values = [None if ids is None else [self._int(i) for i in ids] for ids in values]
        elif kind == "str":
            values = [self._text(value) for value in values]
        return self._pa.array(values, type=self.schema.field(name).type)

    def _int(self, value: int | None) -> int | None:
        if value is None or value in _INT64:
            return value
        self.altered += 1
        return None

    def _text(self, value: str | None) -> str | None:
        if value is None or value.isascii():
            return value
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            self.altered += 1
            return _SURROGATE.sub("\ufffd", value)
        return value
