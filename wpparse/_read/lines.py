"""Cutting streams into batches of whole values for worker processes, to decode there.

JSON decoding is the largest single cost of reading a dump. When `wpparse convert` spreads the
work over processes, the main process only cuts the bytes into batches here, and each worker
decodes its own batches (`decode_batch`), so decoding runs on every core.

A batch ends only where one top-level value ends and the next begins: at a line break between
a line ending in ``}`` or ``]`` and a line starting with ``{`` or ``[``. In valid JSON that
spot cannot lie inside a value (strings hold no raw line breaks, and a nested value is followed
by ``,``, ``}`` or ``]``), so any value, even one spread over many lines, stays whole in one
batch. Streams that do not start like JSON Lines (a JSON array, a pretty-printed object, text in
UTF-16) are not cut at all: their items are decoded here, by `iter_json_items`, as usual. Or,
on request, the elements of their top-level arrays are grouped into batches of their text
(`ElementBatch`): they are still decoded here, since only decoding tells where an element
ends, but they travel as text, which weighs several times less than decoded values, and the
worker decodes them again.

On valid JSON the items read through batches are the items `iter_json_items` reads. On broken
JSON both report the first error at the same item; after it, a batch boundary is one more place
to resume, so reading may go on where `iter_json_items` gives up (inside an unclosed array).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import IO, cast

import attrs

from wpparse._errors import ErrorKind, WPParseError
from wpparse._read.stream import MAX_VALUE_CHARS, StreamItem, decode_texts, iter_json_items

#: Bytes read at a time, and roughly the size of a batch: small enough that the batches in
#: flight weigh little, large enough that handing one to a worker costs next to nothing (on
#: 1 GB of JSON Lines, 1 MiB batches were no faster and took 15% more memory).
BATCH_BYTES = 1 << 18

# What may come before a stream's first value: a UTF-8 byte order mark, then white space.
_LEADING_BLANKS = re.compile(rb"(?:\xef\xbb\xbf)?\s*")
# Lines starting a value: how the main process numbers items without decoding them.
_VALUE_STARTS = (b"\n{", b"\n[")
_STARTS_WITH_VALUE = re.compile(rb"\s*[{\[]")
# The end of a line that ends a top-level value (``}`` or ``]``, then blanks and at least one
# line break) before a line that starts one.
_BOUNDARY = re.compile(rb"[}\]][ \t\r\n]*\n(?=[{\[])")


@attrs.frozen
class LineBatch:
    """Consecutive whole lines of a JSON Lines stream, not yet decoded.

    Attributes:
        data: The lines, as bytes (UTF-8).
        first_line: The number of the batch's first line in the stream, from 1.
        first_index: The index of the batch's first item in the stream, counting the lines
            that start a value (exact for JSON Lines, one value per line).
        whole_stream: The batch holds the whole stream (so a lone value in it is the stream's
            only value).

    """

    data: bytes
    first_line: int
    first_index: int
    whole_stream: bool = False


@attrs.frozen
class ElementBatch:
    """Consecutive elements of a top-level JSON array, as text, not yet decoded.

    Attributes:
        items: The elements, numbered as in the whole stream, each with its JSON text (and the
            undecodable bytes it held, which its text no longer shows).

    """

    items: tuple[StreamItem, ...]


def iter_batches_or_items(
    stream: IO[bytes] | IO[str],
    *,
    batch_bytes: int | None = None,
    max_value_chars: int = MAX_VALUE_CHARS,
    batch_arrays: bool = False,
) -> Iterator[LineBatch | ElementBatch | StreamItem]:
    """The stream as line batches if it is JSON Lines in UTF-8, else as decoded items.

    Batches hold about `batch_bytes` (default `BATCH_BYTES`) each, more when a value is larger.
    With `batch_arrays`, the elements of top-level arrays in other streams come in batches of
    their text, of about as many characters.

    A single line longer than `max_value_chars` (in bytes) becomes an item carrying the error,
    as `iter_json_items` reports a value over `wpparse.Limits.max_size`, and reading goes on at
    the next value.
    """
    batch_bytes = batch_bytes or BATCH_BYTES
    head = stream.read(batch_bytes)
    if not isinstance(head, bytes):
        yield from _items(_rejoined(head, stream), batch_bytes, max_value_chars, batch_arrays)
        return
    leading = _LEADING_BLANKS.match(head)
    start = leading.end() if leading else 0  # it always matches, if only the empty string
    # Enough to hold the first line, which tells whether this is JSON Lines (only when it starts
    # like an object: a long line in another layout, a JSON array, is never held here).
    while (
        head.startswith(b"{", start)
        and head.find(b"\n", start) < 0
        and len(head) <= max_value_chars
    ):
        more = stream.read(max(batch_bytes, len(head)))
        assert isinstance(more, bytes)
        if not more:
            break
        head += more
    if not _looks_like_json_lines(head, start):
        yield from _items(_rejoined(head, stream), batch_bytes, max_value_chars, batch_arrays)
        return
    yield from _cut(head, stream, batch_bytes, max_value_chars)


def _items(
    stream: IO[bytes] | IO[str], batch_chars: int, max_value_chars: int, batch_arrays: bool
) -> Iterator[ElementBatch | StreamItem]:
    """The items of a stream that is not JSON Lines; array elements batched, if asked."""
    items = iter_json_items(stream, max_value_chars=max_value_chars, elements_as_text=batch_arrays)
    batch: list[StreamItem] = []
    held = 0
    for item in items:
        if item.text is None:  # a top-level value, or an error: the batch so far goes first
            if batch:
                yield ElementBatch(tuple(batch))
                batch, held = [], 0
            yield item
            continue
        batch.append(item)
        held += len(item.text)
        if held >= batch_chars:
            yield ElementBatch(tuple(batch))
            batch, held = [], 0
    if batch:
        yield ElementBatch(tuple(batch))


def _rejoined(head: bytes | str, rest: IO[bytes] | IO[str]) -> IO[bytes] | IO[str]:
    """The stream whole again, `head` having been read from it already."""
    return cast(IO[bytes] | IO[str], _Prefixed(head, rest))


def decode_batch(batch: LineBatch | ElementBatch) -> Iterator[StreamItem]:
    """The items of `batch`, numbered (line and index) as in the whole stream."""
    if isinstance(batch, ElementBatch):
        yield from decode_texts(batch.items)
        return
    for item in iter_json_items(io.BytesIO(batch.data)):
        yield attrs.evolve(
            item, index=batch.first_index + item.index, line=batch.first_line + item.line - 1
        )


def _looks_like_json_lines(head: bytes, start: int) -> bool:
    """Whether the stream starts with a line that looks like one whole object, in UTF-8.

    `start` is where its first value starts (after any byte order mark and blank lines).
    """
    if json.detect_encoding(head[:4]) not in ("utf-8", "utf-8-sig"):
        return False
    end = head.find(b"\n", start)
    first_line = head[start : end if end >= 0 else len(head)].rstrip()
    return first_line.startswith(b"{") and first_line.endswith(b"}")


def _cut(
    head: bytes, stream: IO[bytes] | IO[str], batch_bytes: int, max_value_chars: int
) -> Iterator[LineBatch | StreamItem]:
    pending = head
    line = 1
    index = 0
    first = True
    at_eof = False
    while pending:
        if not at_eof and len(pending) < batch_bytes:
            more = stream.read(batch_bytes)
            assert isinstance(more, bytes)
            at_eof = not more
            pending += more
            continue
        cut = len(pending) if at_eof else _last_boundary(pending)
        if cut is None:
            if len(pending) <= max_value_chars:
                more = stream.read(max(batch_bytes, len(pending)))
                assert isinstance(more, bytes)
                at_eof = not more
                pending += more
                continue
            # One value larger than the limit: report it, then skip to the next value.
            yield StreamItem(index, line, error=_too_large(max_value_chars))
            pending, skipped_lines, at_eof = _skip_value(pending, stream, batch_bytes)
            line += skipped_lines
            index += 1
            first = False
            continue
        data, pending = pending[:cut], pending[cut:]
        whole = first and at_eof and not pending
        yield LineBatch(data, first_line=line, first_index=index, whole_stream=whole)
        line += data.count(b"\n")
        index += sum(data.count(start) for start in _VALUE_STARTS)
        index += 1 if _STARTS_WITH_VALUE.match(data) else 0
        first = False


def _last_boundary(data: bytes) -> int | None:
    """Where the last batch boundary in `data` is (just after its line break), if any."""
    # One forward scan in C that only stops at real boundaries: a search backwards from each
    # candidate line would make a buffer full of "\n[" lines, none a boundary, quadratic.
    last = None
    for match in _BOUNDARY.finditer(data):
        last = match.end()
    return last


def _skip_value(
    pending: bytes, stream: IO[bytes] | IO[str], batch_bytes: int
) -> tuple[bytes, int, bool]:
    """Drop bytes up to the next line that starts a value; return the rest, lines dropped, EOF."""
    skipped = 0
    while True:
        found = min((i for i in (pending.find(s) for s in _VALUE_STARTS) if i >= 0), default=-1)
        if found >= 0:
            skipped += pending.count(b"\n", 0, found + 1)
            return pending[found + 1 :], skipped, False
        skipped += pending.count(b"\n")
        more = stream.read(batch_bytes)
        assert isinstance(more, bytes)
        if not more:
            return b"", skipped, True
        pending = more


def _too_large(max_value_chars: int) -> WPParseError:
    return WPParseError(
        f"a single JSON value is larger than Limits.max_size ({max_value_chars:,} characters)",
        kind=ErrorKind.TOO_LARGE,
    )


class _Prefixed:
    """A stream that gives `head` (already read from `rest`) and then the rest of `rest`."""

    def __init__(self, head: bytes | str, rest: IO[bytes] | IO[str]) -> None:
        self._head = head
        self._rest = rest

    def read(self, size: int = -1) -> bytes | str:
        if self._head:
            head, self._head = self._head, self._head[:0]
            return head
        return self._rest.read(size)
