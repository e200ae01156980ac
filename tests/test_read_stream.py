"""Tests for reading a stream of JSON values incrementally: `iter_json_items`."""

from __future__ import annotations

import codecs
import io
import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wpparse._errors import ProblemKind, WPParseError
from wpparse._read import StreamItem, iter_json_items
from wpparse._read import stream as stream_module

CHUNK_SIZES = [1, 2, 3, 7]
DEFAULT_CHUNK_CHARS = stream_module.CHUNK_CHARS


def set_chunk_chars(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    """Make the reader work in chunks of `size` characters."""
    monkeypatch.setattr(stream_module, "CHUNK_CHARS", size)


@pytest.fixture(params=[None, *CHUNK_SIZES], ids=["default", *(f"chunk{n}" for n in CHUNK_SIZES)])
def chunk_chars(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """Run the test with the default chunk size and with tiny ones."""
    size: int | None = request.param
    if size is None:
        return DEFAULT_CHUNK_CHARS
    set_chunk_chars(monkeypatch, size)
    return size


def read_bytes(data: bytes) -> list[StreamItem]:
    return list(iter_json_items(io.BytesIO(data)))


def read_text(text: str) -> list[StreamItem]:
    return list(iter_json_items(io.StringIO(text)))


def values(items: list[StreamItem]) -> list[Any]:
    assert [item.error for item in items] == [None] * len(items)
    return [item.value for item in items]


def summary(items: list[StreamItem]) -> list[tuple[int, int, Any, bool]]:
    return [(item.index, item.line, item.value, item.in_array) for item in items]


# --- layouts -----------------------------------------------------------------------------------


def test_array_yields_elements_one_by_one(chunk_chars: int) -> None:
    data = b'[\n  {"id": 1},\n  {"id": 2},\n\n  {"id": 3, "tags": [4, 5]}\n]\n'
    items = read_bytes(data)
    assert summary(items) == [
        (0, 2, {"id": 1}, True),
        (1, 3, {"id": 2}, True),
        (2, 5, {"id": 3, "tags": [4, 5]}, True),
    ]
    assert all(item.error is None and item.problems == () for item in items)


def test_array_elements_are_yielded_before_the_array_is_read() -> None:
    data = json.dumps([{"id": i, "content": "x" * 100} for i in range(20_000)]).encode()
    stream = io.BytesIO(data)
    items = iter_json_items(stream)
    assert next(items).value == {"id": 0, "content": "x" * 100}
    assert stream.tell() < len(data) // 4
    assert sum(1 for _ in items) == 19_999


def test_json_lines(chunk_chars: int) -> None:
    data = b'{"id": 1}\n{"id": 2}\r\n\n{"id": 3}\n"text"\n42\n-7.5\ntrue\nnull\n'
    assert summary(read_bytes(data)) == [
        (0, 1, {"id": 1}, False),
        (1, 2, {"id": 2}, False),
        (2, 4, {"id": 3}, False),
        (3, 5, "text", False),
        (4, 6, 42, False),
        (5, 7, -7.5, False),
        (6, 8, True, False),
        (7, 9, None, False),
    ]


def test_json_lines_without_final_newline(chunk_chars: int) -> None:
    assert values(read_bytes(b'{"a": 1}\n{"b": 2}')) == [{"a": 1}, {"b": 2}]


def test_single_pretty_printed_object(chunk_chars: int) -> None:
    value = {"id": 71191, "title": {"rendered": "Hello"}, "tags": [1, 2, 3], "sticky": False}
    items = read_bytes(json.dumps(value, indent=4).encode())
    assert summary(items) == [(0, 1, value, False)]


def test_concatenated_arrays_and_objects(chunk_chars: int) -> None:
    items = read_bytes(b'[1,2][3]{"x":1}')
    assert summary(items) == [
        (0, 1, 1, True),
        (1, 1, 2, True),
        (2, 1, 3, True),
        (3, 1, {"x": 1}, False),
    ]


def test_concatenated_pages_on_separate_lines(chunk_chars: int) -> None:
    data = b'[\n{"id": 1},\n{"id": 2}\n]\n[\n{"id": 3}\n]\n'
    assert [(item.index, item.line, item.value) for item in read_bytes(data)] == [
        (0, 2, {"id": 1}),
        (1, 3, {"id": 2}),
        (2, 6, {"id": 3}),
    ]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"[]", id="empty-array"),
        pytest.param(b" [ \n ] \n", id="empty-array-spaced"),
        pytest.param(b"[][]", id="two-empty-arrays"),
    ],
)
def test_nothing_to_yield(data: bytes, chunk_chars: int) -> None:
    assert read_bytes(data) == []


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b" \n\t\r\n", id="whitespace"),
        pytest.param(codecs.BOM_UTF8, id="bom-only"),
    ],
)
def test_nothing_at_all_is_one_error(data: bytes, chunk_chars: int) -> None:
    # An empty file is a failed download, not a site without posts (that is "[]").
    [item] = read_bytes(data)
    assert item.error is not None
    assert item.error.summary == "empty input: expected JSON, found nothing"


def test_empty_array_between_values_keeps_indexes(chunk_chars: int) -> None:
    items = read_bytes(b"[]\n[1]\n[]\n{}\n")
    assert summary(items) == [(0, 2, 1, True), (1, 4, {}, False)]


def test_nested_arrays_are_values_not_flattened(chunk_chars: int) -> None:
    items = read_bytes(b"[[1, 2], [], [[3]]]")
    assert summary(items) == [(0, 1, [1, 2], True), (1, 1, [], True), (2, 1, [[3]], True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("[12345, 678]", [12345, 678], id="ints"),
        pytest.param("[-12.5e+3, 0.25, 1E-7]", [-12.5e3, 0.25, 1e-7], id="floats"),
        pytest.param("[true, false, null]", [True, False, None], id="literals"),
        pytest.param("123456789\n-0.5e10\n", [123456789, -0.5e10], id="top-level-numbers"),
        pytest.param("1 2 3", [1, 2, 3], id="space-separated-numbers"),
    ],
)
def test_numbers_and_literals_cut_by_chunk_edges(
    text: str, expected: list[Any], chunk_chars: int
) -> None:
    assert values(read_bytes(text.encode())) == expected


def test_nan_and_infinities_cut_by_chunk_edges_read_as_null_once(chunk_chars: int) -> None:
    items = read_bytes(b"[Infinity, -Infinity, NaN]\n")
    assert values(items) == [None, None, None]
    assert [len(item.problems) for item in items] == [1, 1, 1]
    assert all("1 non-standard JSON number" in item.problems[0].message for item in items)


def test_multibyte_characters_cut_by_chunk_edges(chunk_chars: int) -> None:
    value = {"title": "Café – “quoted” 😀 日本語"}
    data = json.dumps([value, value], ensure_ascii=False).encode("utf-8")
    items = read_bytes(data)
    assert values(items) == [value, value]
    assert all(item.problems == () for item in items)


def test_large_value_spanning_many_chunks(chunk_chars: int) -> None:
    value = {"content": "x" * 5000, "list": list(range(500))}
    assert values(read_bytes(json.dumps([value, 1]).encode())) == [value, 1]


@pytest.mark.parametrize("chunk", [16, 1 << 16], ids=["value-cut-by-chunks", "value-in-one-chunk"])
def test_value_larger_than_the_limit_is_an_error(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    set_chunk_chars(monkeypatch, chunk)
    stream = io.BytesIO(b'[1, "' + b"x" * 1000 + b'", 3]')
    items = list(iter_json_items(stream, max_value_chars=100))
    assert [item.value for item in items] == [1, None]
    assert items[1].error is not None
    assert "larger than Limits.max_size (100 characters)" in str(items[1].error)


def test_json_lines_resume_after_a_value_larger_than_the_limit() -> None:
    text = '{"id": 1}\n{"id": 2, "x": "' + "x" * 1000 + '"}\n{"id": 3}\n'
    items = list(iter_json_items(io.StringIO(text), max_value_chars=100))
    assert [item.value for item in items] == [{"id": 1}, None, {"id": 3}]


def test_seed_post_as_array_and_as_line(seed_dict: dict[str, Any], chunk_chars: int) -> None:
    as_array = json.dumps([seed_dict, seed_dict], indent=2).encode()
    as_lines = (json.dumps(seed_dict) + "\n" + json.dumps(seed_dict) + "\n").encode()
    assert values(read_bytes(as_array)) == [seed_dict, seed_dict]
    assert values(read_bytes(as_lines)) == [seed_dict, seed_dict]


# --- text mode, BOMs, encodings ----------------------------------------------------------------


def test_text_mode_stream(chunk_chars: int) -> None:
    items = read_text('[{"t": "Café 😀"}, 2]\n{"x": 1}\n')
    assert summary(items) == [
        (0, 1, {"t": "Café 😀"}, True),
        (1, 1, 2, True),
        (2, 2, {"x": 1}, False),
    ]


def test_text_mode_stream_with_bom(chunk_chars: int) -> None:
    assert values(read_text('\ufeff[1, {"a": 2}]')) == [1, {"a": 2}]


def test_binary_stream_with_utf8_bom(chunk_chars: int) -> None:
    items = read_bytes(codecs.BOM_UTF8 + b'[1, {"a": "\xc3\xa9"}]')
    assert summary(items) == [(0, 1, 1, True), (1, 1, {"a": "é"}, True)]
    assert all(item.problems == () for item in items)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_binary_stream_with_utf16_or_utf32_bom(encoding: str) -> None:
    text = '[{"a": "Café 😀"}, 2]\n{"b": 3}\n'
    assert values(read_bytes(text.encode(encoding))) == [{"a": "Café 😀"}, 2, {"b": 3}]


def test_bom_is_skipped_when_the_stream_returns_short_reads() -> None:
    class Trickle(io.BytesIO):
        """A stream that hands out one byte per read, as a pipe may."""

        def read(self, size: int | None = -1) -> bytes:
            return super().read(1)

    items = list(iter_json_items(Trickle(codecs.BOM_UTF8 + b'[1, {"a": 2}]')))
    assert values(items) == [1, {"a": 2}]


# --- invalid UTF-8 -----------------------------------------------------------------------------


def test_invalid_utf8_becomes_a_problem_on_the_item(chunk_chars: int) -> None:
    items = read_bytes(b'{"a": "x\xff\xfey"}\n')
    assert [item.value for item in items] == [{"a": "x\ufffd\ufffdy"}]
    (problem,) = items[0].problems
    assert problem.path == "$"
    assert problem.kind is ProblemKind.INVALID
    assert "2 byte(s)" in problem.message
    assert items[0].error is None


@pytest.mark.parametrize(
    ("data", "bad_index"),
    [
        pytest.param(b'{"a": 1}\n{"b": "\xff"}\n{"c": 3}\n', 1, id="json-lines"),
        pytest.param(b'[{"a": 1}, {"b": "\xff"}, {"c": 3}]', 1, id="array"),
        pytest.param(b'[{"a": 1}, {"b": 2}, {"c": "\xff"}]', 2, id="array-last"),
    ],
)
def test_invalid_utf8_problem_is_on_the_item_holding_the_bytes(
    data: bytes, bad_index: int, chunk_chars: int
) -> None:
    items = read_bytes(data)
    assert len(items) == 3
    assert items[bad_index].value == {"bc"[bad_index - 1]: "\ufffd"}
    assert [len(item.problems) for item in items] == [int(i == bad_index) for i in range(3)]
    assert "1 byte(s)" in items[bad_index].problems[0].message


# --- errors ------------------------------------------------------------------------------------


def test_json_lines_broken_line_is_reported_and_reading_continues(chunk_chars: int) -> None:
    data = b'{"id": 1}\n{"id": 2}\n{"id": oops}\n{"id": 4}\n[5]\n'
    items = read_bytes(data)
    assert [(item.index, item.line, item.value) for item in items] == [
        (0, 1, {"id": 1}),
        (1, 2, {"id": 2}),
        (2, 3, None),
        (3, 4, {"id": 4}),
        (4, 5, 5),
    ]
    error = items[2].error
    assert isinstance(error, WPParseError)
    assert "malformed" in str(error)
    assert [item.error is None for item in items] == [True, True, False, True, True]


def test_json_lines_long_broken_line_then_more_lines(chunk_chars: int) -> None:
    broken = '{"id": oops, "padding": "' + "p" * 60 + '"}'
    data = f'{{"id": 1}}\n{broken}\n{{"id": 3}}\n{{"id": 4}}\n'.encode()
    items = read_bytes(data)
    assert [(item.index, item.line, item.value) for item in items] == [
        (0, 1, {"id": 1}),
        (1, 2, None),
        (2, 3, {"id": 3}),
        (3, 4, {"id": 4}),
    ]


def test_json_lines_broken_line_ending_at_the_chunk_edge() -> None:
    # The broken line's newline is the last character of the first 64 KiB chunk.
    broken = '{"id": oops, "padding": "' + "p" * 40 + '"}\n'
    first = '{"pad": "' + "q" * (DEFAULT_CHUNK_CHARS - len(broken) - 12) + '"}\n'
    assert len(first) + len(broken) == DEFAULT_CHUNK_CHARS
    items = read_bytes(f'{first}{broken}{{"id": 3}}\n{{"id": 4}}\n'.encode())
    assert [(item.index, item.line, item.value) for item in items[1:]] == [
        (1, 2, None),
        (2, 3, {"id": 3}),
        (3, 4, {"id": 4}),
    ]


def test_json_lines_several_broken_lines(chunk_chars: int) -> None:
    data = b'nonsense\n{"a": 1}\n{bad\nmore bad\n  indented {"not": "resynced"}\n{"b": 2}\n'
    items = read_bytes(data)
    good = [(item.line, item.value) for item in items if item.error is None]
    bad = [item.line for item in items if item.error is not None]
    assert good == [(2, {"a": 1}), (6, {"b": 2})]
    assert bad == [1, 3]
    assert [item.index for item in items] == list(range(len(items)))


def test_syntax_error_inside_an_array_ends_the_stream(chunk_chars: int) -> None:
    data = b'[\n{"id": 1},\n{"id": oops},\n{"id": 3}\n]\n{"id": 4}\n'
    items = read_bytes(data)
    assert [(item.index, item.line, item.value, item.in_array) for item in items] == [
        (0, 2, {"id": 1}, True),
        (1, 3, None, True),
    ]
    assert items[1].error is not None
    assert "malformed" in str(items[1].error)


def test_missing_comma_inside_an_array_ends_the_stream(chunk_chars: int) -> None:
    items = read_bytes(b'[{"id": 1} {"id": 2}]\n{"id": 3}\n')
    assert [item.value for item in items] == [{"id": 1}, None]
    assert items[1].error is not None
    assert "malformed" in str(items[1].error)
    assert "truncated" not in str(items[1].error)


@pytest.mark.parametrize(
    ("data", "good"),
    [
        pytest.param(b'[{"id": 1}, {"id": 2}', [{"id": 1}, {"id": 2}], id="after-element"),
        pytest.param(b'[{"id": 1}, ', [{"id": 1}], id="after-comma"),
        pytest.param(b'[{"id": 1}, {"id": 2, "t": "unterm', [{"id": 1}], id="inside-string"),
        pytest.param(b'[{"id": 1}, {"id": tr', [{"id": 1}], id="inside-literal"),
        pytest.param(b'[{"id": 1}, {"id": 2, "tags": [3,', [{"id": 1}], id="inside-nested"),
        pytest.param(b"[", [], id="open-bracket"),
    ],
)
def test_truncated_array_gives_a_truncated_error(
    data: bytes, good: list[Any], chunk_chars: int
) -> None:
    items = read_bytes(data)
    assert [item.value for item in items[:-1]] == good
    last = items[-1]
    assert last.index == len(good)
    assert last.in_array
    assert isinstance(last.error, WPParseError)
    assert "truncated" in str(last.error)
    assert "malformed" not in str(last.error)


def test_truncated_object_gives_a_truncated_error(chunk_chars: int) -> None:
    items = read_bytes(b'{"a": 1}\n{"b": {"c": [1, 2')
    assert [item.value for item in items] == [{"a": 1}, None]
    assert items[1].line == 2
    assert "truncated" in str(items[1].error)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(
            b"<!DOCTYPE html>\n<html><body><h1>403 Forbidden</h1></body></html>\n", id="page"
        ),
        pytest.param(b"<html></html>", id="short"),
        pytest.param(b"  \n<html>\n" + b"<p>x</p>\n" * 5000 + b"</html>\n", id="long"),
    ],
)
def test_html_input_gives_an_html_error(data: bytes, chunk_chars: int) -> None:
    items = read_bytes(data)
    assert len(items) == 1
    assert items[0].value is None
    assert isinstance(items[0].error, WPParseError)
    assert "HTML" in str(items[0].error)


def test_deep_nesting_is_an_error_item_not_a_recursion_error() -> None:
    for data in (b"[" * 100_000, b'{"a":' * 100_000, b"[[" * 50_000 + b"]]" * 50_000):
        try:
            items = read_bytes(data)
        except RecursionError:  # pragma: no cover - the failure this test guards against
            pytest.fail("iter_json_items let a RecursionError escape")
        assert len(items) >= 1
        assert items[0].error is not None
        assert "nested too deeply" in str(items[0].error)


# --- property: any values, any chunk size ------------------------------------------------------

# JSON's own numbers (NaN and Infinity are read as null, with a problem: tested above).
NUMBERS = st.integers() | st.floats(allow_nan=False, allow_infinity=False)
SCALARS = st.none() | st.booleans() | NUMBERS | st.text()
JSON_VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def top_level_values(draw: st.DrawFn) -> list[Any]:
    """A list of JSON values in which numbers, the hard case at a chunk edge, always appear."""
    numbers = draw(st.lists(NUMBERS, min_size=1, max_size=6))
    others = draw(st.lists(JSON_VALUES, max_size=6))
    return draw(st.permutations(numbers + others))


@settings(deadline=None)
@given(
    items=top_level_values(),
    size=st.integers(min_value=1, max_value=9),
    ascii_only=st.booleans(),
    text_mode=st.booleans(),
)
def test_property_round_trip_with_any_chunk_size(
    items: list[Any], size: int, ascii_only: bool, text_mode: bool
) -> None:
    as_array = "[\n" + ",\n".join(json.dumps(v, ensure_ascii=ascii_only) for v in items) + "\n]\n"
    as_lines = "".join(json.dumps(v, ensure_ascii=ascii_only) + "\n" for v in items)

    # JSON Lines flattens a top-level array into its elements; an array keeps nested arrays.
    lines_expected: list[tuple[int, Any, bool]] = []
    for row, value in enumerate(items, start=1):
        if isinstance(value, list):
            lines_expected.extend((row, element, True) for element in value)
        else:
            lines_expected.append((row, value, False))
    array_expected = [(row, value, True) for row, value in enumerate(items, start=2)]

    with pytest.MonkeyPatch.context() as monkeypatch:
        set_chunk_chars(monkeypatch, size)
        for text, expected in ((as_array, array_expected), (as_lines, lines_expected)):
            stream: io.StringIO | io.BytesIO
            stream = io.StringIO(text) if text_mode else io.BytesIO(text.encode("utf-8"))
            got = list(iter_json_items(stream))
            assert [item.error for item in got] == [None] * len(got)
            assert [(item.line, item.value, item.in_array) for item in got] == expected
            assert [item.index for item in got] == list(range(len(expected)))
            assert all(item.problems == () for item in got)


# --- memory ------------------------------------------------------------------------------------

TARGET_BYTES = 30 * 1024 * 1024
PEAK_LIMIT = 8 * 1024 * 1024


def _records() -> Iterator[str]:
    body = "Lorem ipsum dolor sit amet, “consectetur” adipiscing elit. " * 16
    index = 0
    while True:
        yield json.dumps(
            {"id": index, "title": {"rendered": f"Post {index}"}, "content": body, "n": 1.5},
            ensure_ascii=False,
        )
        index += 1


def _write(path: Path, *, as_array: bool) -> int:
    count = 0
    written = 0
    with path.open("w", encoding="utf-8") as file:
        file.write("[\n" if as_array else "")
        for record in _records():
            separator = ",\n" if as_array and count else ""
            line = separator + record + ("" if as_array else "\n")
            file.write(line)
            written += len(line)
            count += 1
            if written >= TARGET_BYTES:
                break
        file.write("\n]\n" if as_array else "")
    return count


@pytest.mark.parametrize("as_array", [False, True], ids=["json-lines", "array"])
def test_memory_stays_flat_on_a_large_file(tmp_path: Path, as_array: bool) -> None:
    path = tmp_path / "dump.json"
    expected_count = _write(path, as_array=as_array)
    assert path.stat().st_size >= TARGET_BYTES

    count = 0
    errors = 0
    last_id = -1
    tracemalloc.start()
    try:
        with path.open("rb") as file:
            for item in iter_json_items(file):
                count += 1
                if item.error is not None or item.in_array is not as_array:
                    errors += 1
                else:
                    last_id = item.value["id"]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert (count, errors, last_id) == (expected_count, 0, expected_count - 1)
    assert peak < PEAK_LIMIT, f"peak traced memory {peak} bytes for a {TARGET_BYTES}-byte file"
