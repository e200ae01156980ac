"""Cutting streams into batches for worker processes: `iter_batches_or_items`, `decode_batch`.

JSON Lines are cut into batches of raw lines, and (on request) the elements of JSON arrays are
grouped into batches of their text. Whatever the cut, the items decoded from the batches are the
items `iter_json_items` reads from the whole stream, numbered the same.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wpparse._read import StreamItem, iter_json_items
from wpparse._read.lines import ElementBatch, LineBatch, decode_batch, iter_batches_or_items


def pieces(
    data: bytes, batch_bytes: int, **options: Any
) -> list[LineBatch | ElementBatch | StreamItem]:
    return list(iter_batches_or_items(io.BytesIO(data), batch_bytes=batch_bytes, **options))


def items_via_batches(data: bytes, batch_bytes: int, **options: Any) -> list[StreamItem]:
    items: list[StreamItem] = []
    for piece in pieces(data, batch_bytes, **options):
        items.extend(decode_batch(piece) if not isinstance(piece, StreamItem) else [piece])
    return items


def summary(items: list[StreamItem]) -> list[tuple[int, int, Any, str | None]]:
    return [
        (item.index, item.line, item.value, item.error.summary if item.error else None)
        for item in items
    ]


def full_summary(items: list[StreamItem]) -> list[tuple[Any, ...]]:
    """Everything an item says, its problems and whether it is an array element too."""
    return [
        (*row, item.in_array, [str(problem) for problem in item.problems], item.text)
        for row, item in zip(summary(items), items, strict=True)
    ]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=8,
)
objects = st.dictionaries(st.text(max_size=5), json_values, max_size=4)


@given(
    st.lists(objects, max_size=12),
    st.integers(min_value=1, max_value=200),
    st.sampled_from(["\n", "\r\n", "\n\n"]),
)
def test_json_lines_read_through_batches_equal_the_whole_stream(
    posts: list[dict[str, Any]], batch_bytes: int, newline: str
) -> None:
    data = "".join(json.dumps(post) + newline for post in posts).encode()
    assert summary(items_via_batches(data, batch_bytes)) == summary(
        list(iter_json_items(io.BytesIO(data)))
    )


_fragments = st.sampled_from(
    [
        *('{"a": 1}', '{"b": [1, 2]}', '{"c": "}\\n{"}', "null", "1"),
        *("{", "}", "[", "]", '"x', 'x"', ",", ":", "\\", "\ufeff"),
        *("\n", "\r\n", " "),
    ]
)


@given(
    st.lists(_fragments, max_size=30).map("".join).filter(lambda t: t.lstrip().startswith("{")),
    st.integers(min_value=1, max_value=40),
)
def test_broken_json_lines_agree_up_to_the_first_error(text: str, batch_bytes: int) -> None:
    data = text.encode()
    via_batches = summary(items_via_batches(data, batch_bytes))
    whole = summary(list(iter_json_items(io.BytesIO(data))))
    errors = [number for number, item in enumerate(whole) if item[3] is not None]
    if not errors:
        assert [item[2:] for item in via_batches] == [item[2:] for item in whole]
        return
    first = errors[0]
    assert [item[2] for item in via_batches[:first]] == [item[2] for item in whole[:first]]
    assert via_batches[first][3] is not None  # the same item is reported broken


@given(st.lists(objects, min_size=1, max_size=8), st.integers(min_value=1, max_value=120))
def test_values_spread_over_lines_are_never_cut(
    posts: list[dict[str, Any]], batch_bytes: int
) -> None:
    # The first post on one line (so the stream looks like JSON Lines), the others indented.
    data = (
        json.dumps(posts[0]) + "\n" + "".join(json.dumps(post, indent=1) + "\n" for post in posts)
    ).encode()
    via_batches = items_via_batches(data, batch_bytes)
    assert [item.error for item in via_batches] == [None] * (len(posts) + 1)
    assert [item.value for item in via_batches] == [posts[0], *posts]
    assert [item.line for item in via_batches] == [
        item.line for item in iter_json_items(io.BytesIO(data))
    ]


def test_batches_end_only_between_values_and_number_lines_and_items() -> None:
    data = b'{"id": 1}\n{"id": 2,\n "x": [\n{"y": 1}]}\n\n{"id": 3}\n'
    batches = pieces(data, batch_bytes=12)
    assert all(isinstance(batch, LineBatch) for batch in batches)
    assert [batch.data for batch in batches if isinstance(batch, LineBatch)] == [
        b'{"id": 1}\n',
        b'{"id": 2,\n "x": [\n{"y": 1}]}\n\n',
        b'{"id": 3}\n',
    ]
    assert [(item.index, item.line) for item in items_via_batches(data, 12)] == [
        (0, 1),
        (1, 2),
        # The reader numbers items by the lines starting a value: "{"y"..." counted as one.
        (3, 6),
    ]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'[{"id": 1}, {"id": 2}]', "a JSON array"),
        (b'{\n  "id": 1\n}\n', "a pretty-printed object"),
        ('{"id": 1}\n{"id": 2}\n'.encode("utf-16"), "UTF-16 text"),
        (b'"text"\n{"id": 2}\n', "a first line that is not an object"),
    ],
)
def test_other_layouts_are_decoded_here_as_items(data: bytes, reason: str) -> None:
    read = pieces(data, batch_bytes=4)
    assert all(isinstance(piece, StreamItem) for piece in read), reason
    assert summary([p for p in read if isinstance(p, StreamItem)]) == summary(
        list(iter_json_items(io.BytesIO(data)))
    )


def test_text_streams_are_decoded_as_items() -> None:
    read = list(iter_batches_or_items(io.StringIO('{"id": 1}\n{"id": 2}\n')))
    assert [piece.value for piece in read if isinstance(piece, StreamItem)] == [
        {"id": 1},
        {"id": 2},
    ]


def test_a_byte_order_mark_is_dropped_and_bad_bytes_are_reported() -> None:
    data = b'\xef\xbb\xbf{"id": 1}\n{"title": "caf\xe9"}\n'
    items = items_via_batches(data, batch_bytes=8)
    assert [item.value for item in items] == [{"id": 1}, {"title": "caf\ufffd"}]
    assert [len(item.problems) for item in items] == [0, 1]


def test_a_line_over_the_size_limit_is_reported_and_reading_goes_on() -> None:
    data = b'{"id": 1}\n{"big": "' + b"x" * 300 + b'"}\n{"id": 3}\n'
    read = pieces(data, batch_bytes=16, max_value_chars=100)
    errors = [piece for piece in read if isinstance(piece, StreamItem)]
    assert len(errors) == 1
    assert errors[0].error is not None
    assert "larger than Limits.max_size (100 characters)" in errors[0].error.summary
    assert (errors[0].index, errors[0].line) == (1, 2)
    decoded = [
        (item.index, item.line, item.value)
        for piece in read
        if isinstance(piece, LineBatch)
        for item in decode_batch(piece)
    ]
    assert decoded == [(0, 1, {"id": 1}), (2, 3, {"id": 3})]


@pytest.mark.parametrize(
    ("data", "whole"),
    [(b'{"code": "rest_forbidden"}', True), (b'{"id": 1}\n{"id": 2}\n', True)],
)
def test_a_single_batch_holds_the_whole_stream(data: bytes, whole: bool) -> None:
    read = pieces(data, batch_bytes=1 << 20)
    assert len(read) == 1
    assert isinstance(read[0], LineBatch)
    assert read[0].whole_stream is whole


def test_a_later_batch_does_not_hold_the_whole_stream() -> None:
    read = pieces(b'{"id": 1}\n{"id": 2}\n', batch_bytes=4)
    assert [piece.whole_stream for piece in read if isinstance(piece, LineBatch)] == [False, False]


class _CountingReader(io.BytesIO):
    """A stream that remembers how many bytes were read from it."""

    given = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.given += len(data)
        return data


def test_a_long_line_that_is_not_json_lines_is_not_read_ahead() -> None:
    # A collection response: one line of a megabyte, read value by value, never held whole.
    data = json.dumps([{"id": n, "text": "x" * 100} for n in range(10_000)]).encode()
    stream = _CountingReader(data)
    first = next(iter_batches_or_items(stream, batch_bytes=1024))
    assert isinstance(first, StreamItem)
    assert first.value == {"id": 0, "text": "x" * 100}
    assert stream.given < len(data) // 4


# Pieces of JSON arrays: whole elements, elements that hide traps (a repeated key, NaN, a nested
# array, an integer too long for Python, bytes that are not UTF-8), separators and broken bits.
_elements = st.sampled_from(
    [
        *('{"a": 1}', '{"b": [1, {"c": 2}]}', '{"k": 1, "k": 2}', "[1, [2]]", "NaN"),
        *('"caf\xe9"', "1" * 5000, '{"t": "],["}', "null", "1.5", '{\n "d": {}\n}'),
    ]
)
_separators = st.sampled_from([",", ", ", ",\n  ", "]", "[", "{", '"', "\n"])
_arrays = st.lists(_elements, max_size=12).map(lambda parts: "[" + ",\n ".join(parts) + "]")
_broken_arrays = st.lists(_elements | _separators, max_size=16).map(lambda p: "[" + "".join(p))


@given(
    _arrays | _broken_arrays,
    st.integers(min_value=1, max_value=60),
    st.sampled_from(["", "\n", "\n[]\n", '\n{"after": true}']),
)
def test_array_elements_read_through_text_batches_equal_the_whole_stream(
    text: str, batch_bytes: int, after: str
) -> None:
    data = (text + after).encode("latin-1")  # "é" becomes a byte that is not UTF-8
    via_batches = items_via_batches(data, batch_bytes, batch_arrays=True)
    whole = list(iter_json_items(io.BytesIO(data)))
    assert full_summary(via_batches) == full_summary(whole)


def test_array_elements_travel_as_text_in_batches_of_about_the_batch_size() -> None:
    posts = [{"id": n, "title": "x" * 20} for n in range(10)]
    data = json.dumps(posts, indent=1).encode()
    read = pieces(data, batch_bytes=100, batch_arrays=True)
    assert all(isinstance(piece, ElementBatch) for piece in read)
    batches = [piece for piece in read if isinstance(piece, ElementBatch)]
    assert [len(batch.items) for batch in batches] == [3, 3, 3, 1]  # 44 characters each
    element = batches[0].items[0]
    assert element.value is None
    assert element.text is not None
    assert json.loads(element.text) == posts[0]
    assert [item.value for batch in batches for item in decode_batch(batch)] == posts


def test_array_elements_are_decoded_here_unless_batches_are_asked_for() -> None:
    read = pieces(b'[{"id": 1}, {"id": 2}]', batch_bytes=4)
    assert [piece.value for piece in read if isinstance(piece, StreamItem)] == [
        {"id": 1},
        {"id": 2},
    ]


def test_an_element_too_deep_for_the_worker_is_reported_not_raised() -> None:
    # Read in a process whose stack is deeper than the worker's, an element can decode there
    # and still be too deep where it is decoded again.
    deep = "[" * 100_000 + "]" * 100_000
    batch = ElementBatch((StreamItem(0, 1, in_array=True, text=deep),))
    (item,) = decode_batch(batch)
    assert item.error is not None
    assert item.error.summary == "JSON is nested too deeply to decode"
    assert item.text is None
