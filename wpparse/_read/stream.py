"""Reading a stream of JSON values incrementally, in constant memory.

One reader covers every layout a dump comes in: a JSON array (a collection response), a single
object, JSON Lines, and any concatenation of these (``cat page1.json page2.json``). Elements of
a top-level array are yielded one at a time, so a large array is never held in memory whole.

Decoding is done by the standard library's C scanner (`json.JSONDecoder.raw_decode`) on a
buffer that is topped up from the stream; when a value is cut by the end of the buffer, more is
read and the value is decoded again, the read size doubling so a large value costs linear time.
"""

from __future__ import annotations

import codecs
import collections
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

import attrs

from wpparse._errors import ErrorKind, Problem, WPParseError
from wpparse._read.decode import (
    ESCAPED_BYTES,
    DecoderWatch,
    decode_json,
    invalid_bytes_problem,
    json_message,
    looks_truncated,
    may_continue,
)
from wpparse._read.php_messages import skip_php_messages

CHUNK_CHARS = 1 << 16
#: By default, a single JSON value larger than this is reported as an error rather than read
#: into memory (`wpparse.Limits.max_size` sets it).
MAX_VALUE_CHARS = 64 * 1024 * 1024
_WHITESPACE = " \t\n\r"
# A number or literal ending this close to the end of the buffer may continue after it.
_SCALAR_MARGIN = 32


@attrs.frozen
class StreamItem:
    """One top-level value of a stream, or the error met where one should have been.

    Attributes:
        index: The item's position in the stream, from 0.
        line: The line on which the item starts, from 1.
        value: The decoded JSON value (None when `error` is set).
        error: Why no value could be decoded here.
        problems: Problems met while decoding the item's bytes.
        in_array: Whether the item is an element of a top-level array (rather than a
            top-level value itself).
        text: The element's JSON text, not yet decoded (see `iter_json_items`).

    """

    index: int
    line: int
    value: Any = None
    error: WPParseError | None = None
    problems: tuple[Problem, ...] = ()
    in_array: bool = False
    text: str | None = None


class _Buffer:
    """Text read so far from the stream, with the position and line number of the cursor."""

    def __init__(self, stream: IO[bytes] | IO[str], max_value_chars: int) -> None:
        self._chunks: Iterator[str] = _iter_text_chunks(stream)
        self.max_value_chars = max_value_chars
        self.text = ""
        self.pos = 0
        self.line = 1
        self.eof = False
        # Where text[0] stands in the whole stream, and where undecodable bytes were found
        # (stream positions), so each is reported on the item that held it.
        self._offset = 0
        self._bad_bytes: collections.deque[int] = collections.deque()
        self.watch = DecoderWatch()
        self._decoder = json.JSONDecoder(**self.watch.hooks())
        # For a value holding an integer too long for Python, which the first one cannot read.
        self._careful_decoder = json.JSONDecoder(**self.watch.hooks(every_integer=True))

    @property
    def stream_pos(self) -> int:
        """The cursor's position in the whole stream, in characters."""
        return self._offset + self.pos

    def fill(self, at_least: int | None = None) -> bool:
        """Append at least `at_least` more characters if the stream has them; False at its end."""
        if self.eof:
            return False
        if self.pos > CHUNK_CHARS:
            # Drop what has been consumed so memory stays bounded by the largest value.
            self.text = self.text[self.pos :]
            self._offset += self.pos
            self.pos = 0
        wanted = CHUNK_CHARS if at_least is None else at_least
        parts = []
        got = 0
        end = self._offset + len(self.text)
        while got < wanted:
            chunk = next(self._chunks, "")
            if not chunk:
                self.eof = True
                break
            for bad in ESCAPED_BYTES.finditer(chunk):
                self._bad_bytes.append(end + got + bad.start())
            parts.append(ESCAPED_BYTES.sub("\ufffd", chunk))
            got += len(chunk)
        self.text += "".join(parts)
        return got > 0

    def take_bad_bytes(self, start: int, end: int) -> int:
        """How many undecodable bytes lay between stream positions `start` and `end`."""
        count = 0
        while self._bad_bytes and self._bad_bytes[0] < end:
            if self._bad_bytes.popleft() >= start:
                count += 1
        return count

    def text_since(self, stream_pos: int) -> str:
        """The text from stream position `stream_pos` to the cursor.

        It is all still held when `stream_pos` is where the value just decoded started: filling
        the buffer drops only what lies before the cursor, which stays there while decoding.
        """
        return self.text[stream_pos - self._offset : self.pos]

    def advance(self, new_pos: int) -> None:
        self.line += self.text.count("\n", self.pos, new_pos)
        self.pos = new_pos

    def skip_whitespace(self) -> str | None:
        """Move to the next non-white-space character and return it (None at the end)."""
        while True:
            text, pos = self.text, self.pos
            while pos < len(text) and text[pos] in _WHITESPACE:
                pos += 1
            self.advance(pos)
            if pos < len(text):
                return text[pos]
            if not self.fill():
                return None

    def skip_to_next_line_starting(self, chars: str) -> None:
        """Resynchronise after a syntax error: go to the next line beginning with one of `chars`."""
        search_from = self.pos
        while True:
            newline = self.text.find("\n", search_from)
            if newline < 0:
                self.advance(len(self.text))
                if not self.fill():
                    return
                search_from = self.pos
                continue
            self.advance(newline + 1)
            if self.pos == len(self.text) and not self.fill():
                return
            if self.text[self.pos] in chars:
                return
            search_from = self.pos

    def _raw_decode(self) -> tuple[Any, int]:
        try:
            return self._decoder.raw_decode(self.text, self.pos)
        except json.JSONDecodeError:
            raise
        except ValueError:  # an integer too long for Python: read it as null, and report it
            self.watch.reset()
            return self._careful_decoder.raw_decode(self.text, self.pos)

    def _check_size(self, size: int) -> None:
        if size > self.max_value_chars:
            raise WPParseError(
                f"a single JSON value is larger than Limits.max_size ({self.max_value_chars:,}"
                " characters)",
                kind=ErrorKind.TOO_LARGE,
            )

    def decode_value(self) -> Any:
        """Decode the JSON value at the cursor, reading more text as long as it is cut short.

        Raises:
            json.JSONDecodeError: the value is malformed (or truncated at the end of the stream).
            RecursionError: the value is nested too deeply.
            WPParseError: the value is larger than `max_value_chars`.

        """
        want = CHUNK_CHARS
        while True:
            self.watch.reset()  # a retry decodes the same value again: report it once
            try:
                value, end = self._raw_decode()
            except json.JSONDecodeError as exc:
                if self.eof or not may_continue(self.text, exc):
                    raise
            else:
                # A number or literal near the end of the buffer may go on in the next chunk
                # ("1." then "5"); containers and strings end with their own delimiter.
                complete = isinstance(value, dict | list | str)
                if complete or self.eof or len(self.text) - end > _SCALAR_MARGIN:
                    self._check_size(end - self.pos)
                    self.advance(end)
                    return value
            self._check_size(len(self.text) - self.pos)
            self.fill(want)
            want = max(want, len(self.text) - self.pos)


def _iter_text_chunks(stream: IO[bytes] | IO[str]) -> Iterator[str]:
    """The text of `stream` in chunks, decoded (for binary streams) and without a leading BOM."""
    first = stream.read(CHUNK_CHARS)
    if isinstance(first, bytes):
        # Enough bytes to see a BOM or the NUL pattern of UTF-16/32, even from short reads.
        while 0 < len(first) < 4:
            more = stream.read(CHUNK_CHARS)
            assert isinstance(more, bytes)
            if not more:
                break
            first += more
        chunks = _decode_chunks(first, stream)
    else:
        chunks = _text_chunks(first, stream)
    at_start = True
    for chunk in chunks:
        if at_start:
            chunk = chunk.removeprefix("\ufeff")
            at_start = not chunk
        if chunk:
            yield chunk


def _text_chunks(first: str, stream: IO[bytes] | IO[str]) -> Iterator[str]:
    chunk: str | bytes = first
    while chunk:
        assert isinstance(chunk, str)
        yield chunk
        chunk = stream.read(CHUNK_CHARS)


def _decode_chunks(first: bytes, stream: IO[bytes] | IO[str]) -> Iterator[str]:
    encoding = json.detect_encoding(first) if first else "utf-8"
    # Undecodable UTF-8 bytes become U+DC80..U+DCFF, counted and replaced by the buffer. In
    # UTF-16 and UTF-32 "surrogateescape" cannot stand for the ASCII bytes of a broken unit,
    # so there a broken unit becomes U+FFFD directly.
    errors = "surrogateescape" if encoding.startswith("utf-8") else "replace"
    decoder = codecs.getincrementaldecoder(encoding)(errors=errors)
    data: str | bytes = first
    while data:
        assert isinstance(data, bytes)
        yield decoder.decode(data)
        data = stream.read(CHUNK_CHARS)
    yield decoder.decode(b"", final=True)


def iter_json_items(
    stream: IO[bytes] | IO[str],
    *,
    max_value_chars: int = MAX_VALUE_CHARS,
    elements_as_text: bool = False,
) -> Iterator[StreamItem]:
    """Yield every top-level value of `stream`, elements of top-level arrays one by one.

    Errors do not stop the iteration where the reader can find the next value: in JSON Lines
    and other sequences of values it resumes at the next line that begins with ``{`` or ``[``.
    Inside an array it cannot know where the next element starts, so a syntax error there ends
    the stream (after an item carrying the error).

    With `elements_as_text`, the elements of top-level arrays come as their JSON text (in
    `StreamItem.text`, `value` None), for another process to decode with `decode_texts`: text
    weighs several times less than the decoded value. Their problems are then left for that
    decoding to find again, but for undecodable bytes, which only this reading can see.
    """
    buffer = _Buffer(stream, max_value_chars)
    first = buffer.skip_whitespace()
    if first is None:
        # Nothing at all (an empty file, a failed download): an error, as it is for one
        # document. An empty array is no error: it holds no posts.
        error = WPParseError("empty input: expected JSON, found nothing", kind=ErrorKind.EMPTY)
        yield StreamItem(0, 1, error=error)
        return
    php = None
    if first in "<P":
        # Perhaps PHP's warnings before the JSON (a saved response of a misconfigured site).
        if len(buffer.text) - buffer.pos < CHUNK_CHARS:
            buffer.fill()
        start, php = skip_php_messages(buffer.text, buffer.pos)
        buffer.advance(start)
    items = _iter_items(buffer, elements_as_text=elements_as_text)
    if php is not None:
        item = next(items, None)
        if item is not None:
            yield attrs.evolve(item, problems=(php, *item.problems))
    yield from items


def _iter_items(buffer: _Buffer, *, elements_as_text: bool) -> Iterator[StreamItem]:
    index = 0
    while (first := buffer.skip_whitespace()) is not None:
        if first == "[":
            buffer.advance(buffer.pos + 1)
            for item in _iter_array(buffer, index, as_text=elements_as_text):
                yield item
                index += 1
                if item.error is not None:
                    return
            continue
        line, start = buffer.line, buffer.stream_pos
        try:
            value = buffer.decode_value()
        except (json.JSONDecodeError, RecursionError, WPParseError) as exc:
            yield StreamItem(index, line, error=_error_for(buffer, exc))
            buffer.skip_to_next_line_starting("{[")
        else:
            yield _item(buffer, index, line, start, value)
        index += 1


def _iter_array(buffer: _Buffer, index: int, *, as_text: bool) -> Iterator[StreamItem]:
    """Yield the elements of the array whose ``[`` the cursor has just passed."""
    if buffer.skip_whitespace() == "]":
        buffer.advance(buffer.pos + 1)
        return
    while True:
        buffer.skip_whitespace()
        line, start = buffer.line, buffer.stream_pos
        try:
            value = buffer.decode_value()
        except (json.JSONDecodeError, RecursionError, WPParseError) as exc:
            yield StreamItem(index, line, error=_error_for(buffer, exc), in_array=True)
            return
        if as_text:
            yield _text_item(buffer, index, line, start)
        else:
            yield _item(buffer, index, line, start, value, in_array=True)
        index += 1
        char = buffer.skip_whitespace()
        if char == ",":
            buffer.advance(buffer.pos + 1)
            continue
        if char == "]":
            buffer.advance(buffer.pos + 1)
            return
        found = "the end of the input" if char is None else repr(char)
        message = f"expected ',' or ']' after an array element, found {found}"
        if char is None:
            error = WPParseError(f"truncated JSON: {message}", kind=ErrorKind.TRUNCATED)
        else:
            error = WPParseError(f"malformed JSON: {message}", kind=ErrorKind.NOT_JSON)
        yield StreamItem(index, buffer.line, error=error, in_array=True)
        return


def _item(
    buffer: _Buffer, index: int, line: int, start: int, value: Any, *, in_array: bool = False
) -> StreamItem:
    bad = buffer.take_bad_bytes(start, buffer.stream_pos)
    value, found = buffer.watch.take_problems(value)
    problems = ((invalid_bytes_problem(bad),) if bad else ()) + found
    return StreamItem(index, line, value=value, problems=problems, in_array=in_array)


def _text_item(buffer: _Buffer, index: int, line: int, start: int) -> StreamItem:
    """The array element just decoded (from stream position `start`), as its text."""
    text = buffer.text_since(start)
    bad = buffer.take_bad_bytes(start, buffer.stream_pos)
    buffer.watch.reset()  # its problems are found again where the text is decoded
    problems = (invalid_bytes_problem(bad),) if bad else ()
    return StreamItem(index, line, problems=problems, in_array=True, text=text)


def decode_texts(items: Iterable[StreamItem]) -> Iterator[StreamItem]:
    """Decode the elements `iter_json_items` gave as text: each as it would have been read."""
    for item in items:
        try:
            value, found = decode_json(item.text or "")
        except WPParseError as error:  # nested deeper than this process's stack allows
            yield attrs.evolve(item, error=error, text=None)
        else:
            yield attrs.evolve(item, value=value, problems=item.problems + found, text=None)


def _error_for(buffer: _Buffer, exc: Exception) -> WPParseError:
    if isinstance(exc, WPParseError):
        return exc
    if isinstance(exc, RecursionError):
        return WPParseError("JSON is nested too deeply to decode", kind=ErrorKind.TOO_DEEP)
    assert isinstance(exc, json.JSONDecodeError)
    if buffer.text.startswith("<", buffer.pos):
        return WPParseError(
            "found HTML, not JSON: the REST API may be blocked or broken",
            kind=ErrorKind.HTML_PAGE,
        )
    if buffer.eof and looks_truncated(buffer.text, exc):
        return WPParseError(
            f"truncated JSON: the stream ends inside a value ({json_message(exc)})",
            kind=ErrorKind.TRUNCATED,
        )
    return WPParseError(f"malformed JSON: {json_message(exc)}", kind=ErrorKind.NOT_JSON)
