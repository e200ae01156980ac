"""Records for one partition of JSON Lines: the function to map over shards in any engine.

Dask (`dask.bag.Bag.map_partitions`), Spark (``RDD.mapPartitions``) and Ray Data all hand a
function one partition of a dataset's lines at a time; `records_from_lines` is that function.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from wpparse._errors import SkippedItemWarning, WPParseError, warn_caller
from wpparse._limits import Limits
from wpparse._parse import SkippedItemHandler, iter_posts
from wpparse.output._records import to_record

# What locations call lines that were given no name (and the records' source is then None).
_UNNAMED = "<partition>"


def records_from_lines(
    lines: Iterable[str | bytes],
    *,
    name: str = _UNNAMED,
    on_error: SkippedItemHandler | None = None,
    limits: Limits | None = None,
) -> list[dict[str, Any]]:
    """The flat record (`wpparse.to_record`) of every post in some lines of JSON Lines.

    Args:
        lines: Lines of JSON Lines text (str, or UTF-8 bytes), with or without their line
            ends: one partition of a sharded dump. A line may hold a JSON array of posts too.
        name: What locations call the lines: the shard's file when they are all of it.
        on_error: Called with the error for each line that is not a post (its ``location``
            is ``"NAME: line L, item I"``, counting within `lines`); by default a
            `wpparse.SkippedItemWarning` is issued instead. Nothing raises: a partition never
            fails because of its data.
        limits: Caps on size, nesting and HTML tags (`wpparse.Limits`; safe defaults).

    Returns:
        The records, in the order of `lines`.

    """
    # As bytes, so that bytes that are not UTF-8 are counted as the reader always counts them.
    data = b"\n".join(
        (line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass")).rstrip(b"\r\n")
        for line in lines
    )
    if not data.strip():
        return []  # an empty partition holds no post, and is no error
    stream = io.BytesIO(data)
    stream.name = name  # how locations name it
    records = []
    try:
        for post in iter_posts(stream, on_error=on_error, limits=limits):
            records.append(to_record(post, source=None if name == _UNNAMED else name))
    except WPParseError as error:  # the partition's only line is not a post (an API error)
        _report(error, on_error)
    return records


def _report(error: WPParseError, on_error: SkippedItemHandler | None) -> None:
    if on_error is not None:
        on_error(error)
        return
    warn_caller(str(error), SkippedItemWarning)
