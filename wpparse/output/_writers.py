"""Records written out as JSON Lines or CSV (gzip-compressed or not) or Parquet, to a file."""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol, TextIO

from wpparse.output._jsonl import dumps_json
from wpparse.output._records import RECORD_COLUMNS

_SURROGATE = re.compile("[\ud800-\udfff]")

#: The output formats, by name; the name is also the file extension that selects it.
FORMATS = ("jsonl", "csv", "parquet")


def format_for(output: str) -> str | None:
    """The format an output path's extension names (``.gz`` aside), or None."""
    suffix = Path(output.removesuffix(".gz")).suffix.lstrip(".").lower()
    return suffix if suffix in FORMATS else None


def header(fmt: str) -> str:
    """What the output starts with: the column names for CSV, nothing for JSON Lines."""
    return _csv_line(RECORD_COLUMNS) if fmt == "csv" else ""


def encode_record(record: dict[str, Any], fmt: str) -> str | dict[str, Any]:
    """One record as one line of `fmt` (a CSV row may span lines: text is quoted).

    In CSV, None is an empty cell, booleans are ``true`` and ``false``, and lists are JSON.
    For Parquet the record stays as it is: its writer takes whole columns.
    """
    if fmt == "jsonl":
        return dumps_json(record) + "\n"
    if fmt == "parquet":
        return record
    return _csv_line([_csv_cell(value) for value in record.values()])


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value)  # true, false, numbers and lists of ids


def _csv_line(cells: Any) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(cells)
    line = buffer.getvalue()
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        # Lone surrogates (JSON input can carry them as \ud800 escapes) cannot be UTF-8.
        line = _SURROGATE.sub("\ufffd", line)
    return line


class RecordSink(Protocol):
    """Where encoded records go (`encode_record`'s results, in order)."""

    #: Values written otherwise than they came, because the format cannot hold them.
    altered: int

    def write(self, encoded: list[Any]) -> None:
        """Write the records, in order."""


class _TextSink:
    def __init__(self, out: TextIO, fmt: str) -> None:
        self._out = out
        self.altered = 0
        out.write(header(fmt))

    def write(self, encoded: list[Any]) -> None:
        self._out.write("".join(encoded))


@contextlib.contextmanager
def open_sink(output: str, fmt: str) -> Iterator[RecordSink]:
    """Open `output` (a path or ``-``) to receive records encoded as `fmt`.

    Raises:
        OSError: the file cannot be created.
        ImportError: `fmt` is Parquet and pyarrow is not installed.

    """
    if fmt != "parquet":
        with open_output(output) as text:
            yield _TextSink(text, fmt)
        return
    from wpparse.output._parquet import ParquetRecordWriter

    with contextlib.ExitStack() as stack:
        binary = (
            sys.stdout.buffer if output == "-" else stack.enter_context(Path(output).open("wb"))
        )
        writer = ParquetRecordWriter(binary)
        yield writer
        writer.close()


@contextlib.contextmanager
def open_output(output: str) -> Iterator[TextIO]:
    """Open `output` for writing text (``-``: standard output; ``.gz``: gzip-compressed).

    The gzip header carries no time stamp, so the same records give the same bytes.

    Raises:
        OSError: the file cannot be created.

    """
    if output == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(output)
    if output.endswith(".gz"):
        with (
            path.open("wb") as raw,
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as zipped,
            io.TextIOWrapper(zipped, encoding="utf-8", newline="") as text,
        ):
            yield text
        return
    with path.open("w", encoding="utf-8", newline="") as text:
        yield text


def silence_stdout(out: TextIO) -> None:
    """Point `out`'s descriptor at /dev/null once its reader has gone (``wpparse … | head``).

    Python would otherwise report the broken pipe again when it flushes stdout at exit.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, out.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(devnull)
