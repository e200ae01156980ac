"""Tests for decoding one JSON document held in memory: `decode_json` and `decode_text`."""

from __future__ import annotations

import codecs
from typing import Any

import pytest

from wpparse._errors import Problem, ProblemKind, WPParseError
from wpparse._read import decode_json, decode_text

DOCUMENT = '{"title": "Café – “quoted”", "id": 7, "tags": [1, 2]}'
VALUE: dict[str, Any] = {"title": "Café – “quoted”", "id": 7, "tags": [1, 2]}


# --- decode_text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(DOCUMENT.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + DOCUMENT.encode("utf-8"), id="utf-8-bom"),
        pytest.param(DOCUMENT.encode("utf-16"), id="utf-16-bom"),
        pytest.param(codecs.BOM_UTF16_BE + DOCUMENT.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(codecs.BOM_UTF16_LE + DOCUMENT.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(DOCUMENT.encode("utf-32"), id="utf-32-bom"),
        pytest.param(bytearray(DOCUMENT.encode("utf-8")), id="bytearray"),
        pytest.param(memoryview(DOCUMENT.encode("utf-8")), id="memoryview"),
    ],
)
def test_decode_text_decodes_each_encoding_without_bom(data: bytes) -> None:
    assert decode_text(data) == (DOCUMENT, 0)


def test_decode_text_replaces_invalid_utf8_and_counts_bytes() -> None:
    text, replaced = decode_text(b'{"a": "x\xff\xfey", "b": "\xc3"}')
    assert text == '{"a": "x\ufffd\ufffdy", "b": "\ufffd"}'
    assert replaced == 3


def test_decode_text_leaves_json_surrogate_escapes_alone() -> None:
    # A "\udc80" escape in the JSON text is six ASCII characters, not an undecodable byte.
    text, replaced = decode_text(b'"\\udc80"')
    assert text == '"\\udc80"'
    assert replaced == 0


def test_decode_text_of_empty_bytes_is_empty() -> None:
    assert decode_text(b"") == ("", 0)


# --- decode_json: values -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(DOCUMENT, id="str"),
        pytest.param("\ufeff" + DOCUMENT, id="str-bom"),
        pytest.param(DOCUMENT.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + DOCUMENT.encode("utf-8"), id="utf-8-bom"),
        pytest.param(DOCUMENT.encode("utf-16"), id="utf-16-bom"),
        pytest.param(DOCUMENT.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(DOCUMENT.encode("utf-32"), id="utf-32-bom"),
        pytest.param(bytearray(DOCUMENT.encode("utf-8")), id="bytearray"),
        pytest.param(memoryview(DOCUMENT.encode("utf-8")), id="memoryview"),
        pytest.param("\n  " + DOCUMENT + "\n\n", id="surrounding-whitespace"),
    ],
)
def test_decode_json_value(data: str | bytes) -> None:
    assert decode_json(data) == (VALUE, ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("[]", [], id="empty-array"),
        pytest.param("{}", {}, id="empty-object"),
        pytest.param("null", None, id="null"),
        pytest.param("-12.5e3", -12500.0, id="number"),
        pytest.param('"\\udc80"', "\udc80", id="escaped-lone-surrogate"),
        pytest.param('"\\ufeff"', "\ufeff", id="escaped-bom-inside-string"),
    ],
)
def test_decode_json_scalars_and_empties(text: str, expected: Any) -> None:
    value, problems = decode_json(text.encode("utf-8"))
    assert value == expected
    assert type(value) is type(expected)
    assert problems == ()


def test_decode_json_seed_post(seed_bytes: bytes, seed_dict: dict[str, Any]) -> None:
    assert decode_json(seed_bytes) == (seed_dict, ())


# --- decode_json: invalid UTF-8 ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "count", "value"),
    [
        pytest.param(b'{"a": "x\xffy"}', 1, {"a": "x\ufffdy"}, id="one-byte"),
        pytest.param(
            b'{"a": "\xc3", "b": "\xe2\x80"}',
            3,
            {"a": "\ufffd", "b": "\ufffd\ufffd"},
            id="cut-sequences",
        ),
        pytest.param(codecs.BOM_UTF8 + b'["\xfe\xfe\xfe\xfe"]', 4, ["\ufffd" * 4], id="after-bom"),
    ],
)
def test_decode_json_invalid_utf8_is_one_problem(data: bytes, count: int, value: Any) -> None:
    decoded, problems = decode_json(data)
    assert decoded == value
    assert len(problems) == 1
    (problem,) = problems
    assert isinstance(problem, Problem)
    assert problem.path == "$"
    assert problem.kind is ProblemKind.INVALID
    assert str(count) in problem.message
    assert "UTF-8" in problem.message


def test_decode_json_valid_utf8_has_no_problem() -> None:
    assert decode_json("“ü” 😀".join(['["', '"]']).encode("utf-8")) == (["“ü” 😀"], ())


# --- decode_json: errors -----------------------------------------------------------------------


def _error(data: str | bytes) -> WPParseError:
    with pytest.raises(WPParseError) as info:
        decode_json(data)
    return info.value


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty-bytes"),
        pytest.param("", id="empty-str"),
        pytest.param(" \n\t\r\n", id="whitespace"),
        pytest.param(codecs.BOM_UTF8, id="bom-only"),
        pytest.param("\ufeff", id="str-bom-only"),
    ],
)
def test_decode_json_empty_input(data: str | bytes) -> None:
    message = str(_error(data))
    assert "empty" in message
    assert "truncated" not in message


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(
            b"<!DOCTYPE html>\n<html><head><title>Forbidden</title></head></html>", id="doctype"
        ),
        pytest.param("  \n<html><body>Error 503</body></html>", id="leading-whitespace"),
        pytest.param(codecs.BOM_UTF8 + b"<html></html>", id="after-bom"),
        pytest.param('<br />\n<b>Warning</b>: PHP notice {"id": 1}', id="php-warning"),
    ],
)
def test_decode_json_html_page(data: str | bytes) -> None:
    error = _error(data)
    assert "HTML" in str(error)
    assert "malformed" not in str(error)


def test_decode_json_html_message_quotes_a_short_preview() -> None:
    message = str(_error("<html>\n   <head>" + "x" * 500 + "</head></html>"))
    assert "<html> <head>" in message
    assert "x" * 200 not in message


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('{"a": 1', id="object-after-value"),
        pytest.param('{"a": 1,', id="object-after-comma"),
        pytest.param('{"a"', id="after-key"),
        pytest.param('{"a":', id="after-colon"),
        pytest.param("{", id="open-brace"),
        pytest.param("[1, 2", id="array-after-value"),
        pytest.param("[1, 2,", id="array-after-comma"),
        pytest.param('{"a": "unterminated', id="string"),
        pytest.param('{"a": "ends in escape\\', id="string-escape"),
        pytest.param('{"a": tr', id="cut-true"),
        pytest.param('{"a": fals', id="cut-false"),
        pytest.param('{"a": n', id="cut-null"),
        pytest.param('{"a": -', id="cut-minus"),
        pytest.param('{"a": -Infin', id="cut-infinity"),
        pytest.param('{"a": Na', id="cut-nan"),
        pytest.param('{"a": [1, {"b": [', id="nested"),
        pytest.param('{"a": 1,\n   \n', id="trailing-whitespace"),
        pytest.param('{"a": 1.', id="cut-number-at-point"),
        pytest.param('{"a": 1e', id="cut-number-at-exponent"),
        pytest.param('{"a": 1e-', id="cut-number-at-exponent-sign"),
    ],
)
def test_decode_json_truncated(text: str) -> None:
    message = str(_error(text))
    assert "truncated" in message
    assert "malformed" not in message


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('{"a": 1,}', id="trailing-comma"),
        pytest.param("[1 2]", id="missing-comma"),
        pytest.param("{'a': 1}", id="single-quotes"),
        pytest.param('{"a": undefined}', id="bare-word"),
        pytest.param('{"a": tr}', id="cut-literal-then-brace"),
        pytest.param('{"a": trux', id="wrong-literal-at-end"),
        pytest.param('{"a": -}', id="minus-then-brace"),
        pytest.param('{"a": -x', id="minus-then-letter"),
        pytest.param('{"a" 1}', id="missing-colon"),
        pytest.param("]", id="close-bracket"),
        pytest.param('{"a": tr' + " " * 40 + "ue}", id="literal-split-by-space"),
    ],
)
def test_decode_json_malformed(text: str) -> None:
    message = str(_error(text))
    assert "malformed" in message
    assert "truncated" not in message


def test_decode_json_malformed_message_gives_position() -> None:
    message = str(_error('{\n  "a": 1,\n  "b": oops\n}'))
    assert "line 3 column 8" in message


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('{"a": 1} {"b": 2}', id="two-objects"),
        pytest.param("[1][2]", id="two-arrays"),
        pytest.param('{"a": 1}\n{"b": 2}\n', id="json-lines"),
        pytest.param("1 2", id="two-numbers"),
        pytest.param('{"a": 1} x', id="trailing-garbage"),
    ],
)
def test_decode_json_more_than_one_value(text: str) -> None:
    message = str(_error(text))
    assert "more than one JSON value" in message
    assert "truncated" not in message


@pytest.mark.parametrize(
    "data",
    [
        pytest.param("[" * 100_000, id="open-arrays"),
        pytest.param("[" * 100_000 + "]" * 100_000, id="closed-arrays"),
        pytest.param('{"a":' * 100_000 + "1" + "}" * 100_000, id="closed-objects"),
        pytest.param(("[" * 100_000).encode("ascii"), id="bytes"),
    ],
)
def test_decode_json_deep_nesting_is_a_parse_error(data: str | bytes) -> None:
    # A RecursionError escaping here fails the test: only WPParseError is expected.
    with pytest.raises(WPParseError, match="nested too deeply"):
        decode_json(data)


def test_decode_json_error_is_a_value_error_without_cause() -> None:
    error = _error("{")
    assert isinstance(error, ValueError)
    assert error.__cause__ is None
    assert error.__suppress_context__
    assert error.location is None
    assert error.problems == ()


# --- keys repeated in an object ----------------------------------------------------------------


def test_a_repeated_key_keeps_the_last_value_and_reports_the_others() -> None:
    value, problems = decode_json('{"id": 1, "title": "first", "id": 2, "title": "second"}')
    assert value == {"id": 2, "title": "second"}
    assert type(value) is dict
    assert [(problem.path, problem.kind) for problem in problems] == [
        ("$.id", ProblemKind.DUPLICATE_KEY),
        ("$.title", ProblemKind.DUPLICATE_KEY),
    ]
    assert problems[1].message == (
        "key 'title' appears 2 times; the last value was kept and this one was dropped: 'first'"
    )


@pytest.mark.parametrize("as_bytes", [False, True], ids=["text", "bytes"])
def test_repeated_keys_are_found_at_any_depth_with_their_paths(as_bytes: bool) -> None:
    text = (
        '{"_links": {"wp:term": [{"href": "a"}, {"href": "b", "href": "c", "href": "d"}]},'
        ' "meta": [{"x": {"k": 1, "k": {"k": 2, "k": 3}}}]}'
    )
    value, problems = decode_json(text.encode() if as_bytes else text)
    assert value == {
        "_links": {"wp:term": [{"href": "a"}, {"href": "d"}]},
        "meta": [{"x": {"k": {"k": 3}}}],
    }
    assert [problem.path for problem in problems] == [
        "$._links['wp:term'][1].href",
        "$.meta[0].x.k",
        "$.meta[0].x.k.k",
    ]
    assert "appears 3 times" in problems[0].message
    assert "these were dropped: 'b', 'c'" in problems[0].message
    assert "dropped: 1" in problems[1].message


def test_repeated_keys_deep_in_a_value_do_not_exhaust_the_stack() -> None:
    depth = 900  # close to what Python's decoder accepts
    text = '{"a": ' * depth + '{"k": 1, "k": 2}' + "}" * depth
    value, problems = decode_json(text)
    assert [problem.kind for problem in problems] == [ProblemKind.DUPLICATE_KEY]
    assert problems[0].path == "$" + ".a" * depth + ".k"
    inner = value
    for _ in range(depth):
        inner = inner["a"]
        assert type(inner) is dict
    assert inner == {"k": 2}
