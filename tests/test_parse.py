"""The entry points: what they accept, and the lenient and strict policies for bad input."""

from __future__ import annotations

import gzip
import io
import json
import pickle
from pathlib import Path
from typing import Any

import pytest

import wpparse


def _lines(*values: Any) -> str:
    return "".join(json.dumps(value) + "\n" for value in values)


# --- parse_post: every kind of input gives the same post ------------------------------------


def test_parse_post_accepts_every_input_form(
    seed_bytes: bytes, seed_dict: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "post.json"
    path.write_bytes(seed_bytes)
    expected = wpparse.parse_post(seed_dict)
    with path.open("rb") as binary, path.open(encoding="utf-8") as text:
        forms: list[wpparse.typing.PostJSON] = [
            seed_bytes,
            bytearray(seed_bytes),
            memoryview(seed_bytes),
            seed_bytes.decode(),
            b"\xef\xbb\xbf" + seed_bytes,
            "\ufeff" + seed_bytes.decode(),
            path,
            binary,
            text,
        ]
        for form in forms:
            assert wpparse.parse_post(form) == expected, type(form)


def test_parse_post_reads_a_str_as_json_not_as_a_path(tmp_path: Path) -> None:
    with pytest.raises(wpparse.WPParseError, match="malformed JSON"):
        wpparse.parse_post(str(tmp_path / "post.json"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param("", "empty input", id="empty"),
        pytest.param("<!DOCTYPE html><html><body>Blocked", "found HTML", id="html-page"),
        pytest.param('{"id": 1, "title": {"rendered": "x', "truncated JSON", id="truncated"),
        pytest.param('{"id": 1,, }', "malformed JSON", id="malformed"),
        pytest.param("42", "found number", id="number"),
        pytest.param('"a post"', "found string", id="string"),
        pytest.param("null", "found null", id="null"),
        pytest.param("[" * 200_000 + "]" * 200_000, "nested too deeply", id="deep-nesting"),
        pytest.param('[{"id": 1}, {"id": 2}]', "array of 2 items", id="array"),
        pytest.param('{"id": 1}\n{"id": 2}\n', "more than one JSON value", id="json-lines"),
    ],
)
@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_input_that_is_not_a_post_raises_in_every_mode(
    data: str, message: str, strict: bool
) -> None:
    with pytest.raises(wpparse.WPParseError, match=message) as caught:
        wpparse.parse_post(data, strict=strict)
    assert not isinstance(caught.value, wpparse.WPAPIError)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param([{"id": 1}, {"id": 2}], "array of 2 items; use parse_posts", id="list"),
        pytest.param(None, "found null", id="none"),
        pytest.param(42, "found number", id="number"),
    ],
)
def test_a_decoded_value_that_is_not_an_object_raises_a_parse_error(
    value: Any, message: str
) -> None:
    with pytest.raises(wpparse.WPParseError, match=message):
        wpparse.parse_post(value)


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_error_object_raises_api_error(strict: bool) -> None:
    error = {
        "code": "rest_forbidden",
        "message": "Sorry, you are not allowed to do that.",
        "data": {"status": 401},
    }
    with pytest.raises(wpparse.WPAPIError) as caught:
        wpparse.parse_post(json.dumps(error), strict=strict)
    assert (caught.value.code, caught.value.status) == ("rest_forbidden", 401)
    assert caught.value.message == error["message"]
    assert isinstance(caught.value, ValueError)
    assert "rest_forbidden" in str(caught.value)


def test_additional_errors_are_kept_as_api_errors() -> None:
    error = {
        "code": "rest_invalid_param",
        "message": "Invalid parameter(s): per_page",
        "data": {"status": 400, "params": {"per_page": "per_page must be at most 100"}},
        "additional_errors": [
            {"code": "rest_missing_callback_param", "message": "Missing: id", "data": None},
            {"code": "rest_forbidden", "message": "Sorry.", "data": {"status": 401}},
            "not an error object",
        ],
    }
    with pytest.raises(wpparse.WPAPIError) as caught:
        wpparse.parse_post(error)
    others = caught.value.additional_errors
    assert [(other.code, other.status, other.message) for other in others] == [
        ("rest_missing_callback_param", None, "Missing: id"),
        ("rest_forbidden", 401, "Sorry."),
    ]
    assert caught.value.data["params"] == {"per_page": "per_page must be at most 100"}
    assert str(caught.value).endswith("(and 2 more: rest_missing_callback_param, rest_forbidden)")
    again = pickle.loads(pickle.dumps(caught.value))
    assert [other.code for other in again.additional_errors] == [o.code for o in others]
    assert str(again) == str(caught.value)


def test_errors_pickle() -> None:
    api = wpparse.WPAPIError("rest_no_route", "No route.", 404, {"status": 404}, location="f:1")
    again = pickle.loads(pickle.dumps(api))
    assert (again.code, again.status, again.location, str(again)) == (
        "rest_no_route",
        404,
        "f:1",
        str(api),
    )
    problem = wpparse.Problem("$.id", wpparse.ProblemKind.INVALID, "bad")
    parse = wpparse.WPParseError("the post has 1 problem", [problem], location="x")
    again_parse = pickle.loads(pickle.dumps(parse))
    assert again_parse.problems == (problem,)
    assert str(again_parse) == str(parse)


def test_invalid_utf8_is_replaced_and_recorded(seed_bytes: bytes) -> None:
    data = seed_bytes.replace(b"Japan&#8217;s", b"Japan\xff\xfes", 1)
    post = wpparse.parse_post(data)
    assert post.title is not None
    assert post.title.text.startswith("Japan\ufffd\ufffds Tech")
    assert [(p.path, p.kind) for p in post.warnings] == [("$", wpparse.ProblemKind.INVALID)]
    with pytest.raises(wpparse.WPParseError, match="not valid UTF-8"):
        wpparse.parse_post(data, strict=True)


# --- strict mode lists every problem; lenient mode keeps every good value --------------------


def test_strict_lists_every_problem_and_lenient_keeps_every_good_value(
    seed_dict: dict[str, Any],
) -> None:
    seed_dict.update(sticky="yes", author="5", categories="220", comment_status=["open"])
    lenient = wpparse.parse_post(seed_dict)
    assert (lenient.sticky, lenient.author, lenient.categories) == (True, 5, (220,))
    assert lenient.comment_status is None
    paths = ["$.author", "$.comment_status", "$.sticky", "$.categories"]
    assert sorted(p.path for p in lenient.warnings) == sorted(paths)
    # Everything else came through untouched.
    assert lenient.title is not None
    assert lenient.title.text.startswith("Japan’s Tech Titans")
    assert lenient.featured_media == 71192

    with pytest.raises(wpparse.WPParseError) as caught:
        wpparse.parse_post(seed_dict, strict=True)
    assert sorted(p.path for p in caught.value.problems) == sorted(paths)
    assert caught.value.problems == lenient.warnings
    for path in paths:
        assert path in str(caught.value)
    assert "post 71191 has 4 problems" in str(caught.value)


def test_warnings_are_not_part_of_equality(seed_dict: dict[str, Any]) -> None:
    clean = wpparse.parse_post(seed_dict)
    seed_dict["id"] = "71191"
    coerced = wpparse.parse_post(seed_dict)
    assert coerced.warnings
    assert not clean.warnings
    assert coerced == clean


# --- parse_posts ----------------------------------------------------------------------------


def test_parse_posts_reads_collections_in_every_form(seed_dict: dict[str, Any]) -> None:
    second = dict(seed_dict, id=2)
    expected = [wpparse.parse_post(seed_dict), wpparse.parse_post(second)]
    array = json.dumps([seed_dict, second])
    assert wpparse.parse_posts(array) == expected
    assert wpparse.parse_posts(array.encode()) == expected
    assert wpparse.parse_posts([seed_dict, second]) == expected
    assert wpparse.parse_posts(_lines(seed_dict, second)) == expected
    assert wpparse.parse_posts(seed_dict) == expected[:1]
    assert wpparse.parse_posts(json.dumps(seed_dict, indent=2)) == expected[:1]
    assert wpparse.parse_posts("[]") == []
    with pytest.raises(wpparse.WPParseError, match="empty input"):
        wpparse.parse_posts("")  # nothing at all, as parse_post("") is


def test_lenient_list_skips_bad_items_and_keeps_the_others(seed_dict: dict[str, Any]) -> None:
    forbidden = {"code": "rest_forbidden", "message": "No.", "data": {"status": 403}}
    items = [seed_dict, 17, forbidden, dict(seed_dict, id=2)]
    errors: list[wpparse.WPParseError] = []
    posts = wpparse.parse_posts(json.dumps(items), on_error=errors.append)
    assert [post.id for post in posts] == [71191, 2]
    assert [error.location for error in errors] == ["item 1", "item 2"]
    assert "found number" in str(errors[0])
    assert isinstance(errors[1], wpparse.WPAPIError)


def test_skipped_items_warn_when_no_handler_is_given(seed_dict: dict[str, Any]) -> None:
    with pytest.warns(wpparse.SkippedItemWarning, match="item 1: expected a post"):
        posts = wpparse.parse_posts([seed_dict, "not a post"])
    assert len(posts) == 1


def test_strict_list_raises_at_the_first_bad_item(seed_dict: dict[str, Any]) -> None:
    with pytest.raises(wpparse.WPParseError) as caught:
        wpparse.parse_posts([seed_dict, dict(seed_dict, sticky="no"), 3], strict=True)
    assert caught.value.location == "item 1"
    assert [p.path for p in caught.value.problems] == ["$.sticky"]


def test_a_whole_input_that_is_an_error_raises_even_when_lenient() -> None:
    error = {"code": "rest_post_invalid_page_number", "message": "Too far.", "data": {}}
    with pytest.raises(wpparse.WPAPIError) as caught:
        wpparse.parse_posts(json.dumps(error))
    assert caught.value.status is None
    with pytest.raises(wpparse.WPParseError, match="found HTML"):
        wpparse.parse_posts(b"<html><body>Maintenance</body></html>")


# --- iter_posts -----------------------------------------------------------------------------


def test_iter_posts_streams_paths_gzip_and_file_objects(
    seed_dict: dict[str, Any], tmp_path: Path
) -> None:
    posts = [dict(seed_dict, id=n) for n in range(1, 6)]
    jsonl = tmp_path / "dump.jsonl"
    jsonl.write_text(_lines(*posts), encoding="utf-8")
    zipped = tmp_path / "dump.jsonl.gz"
    zipped.write_bytes(gzip.compress(json.dumps(posts).encode()))
    expected = list(range(1, 6))
    assert [p.id for p in wpparse.iter_posts(str(jsonl))] == expected
    assert [p.id for p in wpparse.iter_posts(jsonl)] == expected
    assert [p.id for p in wpparse.iter_posts(zipped)] == expected
    assert [p.id for p in wpparse.iter_posts(io.BytesIO(jsonl.read_bytes()))] == expected
    assert [p.id for p in wpparse.iter_posts(io.StringIO(jsonl.read_text()))] == expected
    assert [p.id for p in wpparse.parse_posts(jsonl)] == expected


def test_iter_posts_is_lazy(seed_dict: dict[str, Any]) -> None:
    stream = io.StringIO(_lines(seed_dict, 5, seed_dict))
    errors: list[wpparse.WPParseError] = []
    posts = wpparse.iter_posts(stream, on_error=errors.append)
    first = next(posts)
    assert first.id == 71191
    assert errors == []  # the bad second line has not been read yet
    assert [p.id for p in posts] == [71191]
    assert len(errors) == 1


def test_iter_posts_reports_file_line_and_item(seed_dict: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(_lines(seed_dict, seed_dict) + "{broken\n" + _lines(seed_dict))
    errors: list[wpparse.WPParseError] = []
    posts = list(wpparse.iter_posts(path, on_error=errors.append))
    assert len(posts) == 3
    assert [e.location for e in errors] == [f"{path}: line 3, item 2"]
    assert "malformed JSON" in str(errors[0])
    with pytest.raises(wpparse.WPParseError) as caught:
        list(wpparse.iter_posts(path, strict=True))
    assert caught.value.location == f"{path}: line 3, item 2"


def test_iter_posts_on_a_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(wpparse.WPParseError, match="cannot read") as caught:
        list(wpparse.iter_posts(tmp_path / "nope.json"))
    assert caught.value.location == str(tmp_path / "nope.json")


def test_a_truncated_array_keeps_the_posts_before_the_cut(seed_dict: dict[str, Any]) -> None:
    text = json.dumps([seed_dict, dict(seed_dict, id=2)])
    errors: list[wpparse.WPParseError] = []
    posts = wpparse.parse_posts(text[: len(text) - 40], on_error=errors.append)
    assert [p.id for p in posts] == [71191]
    assert len(errors) == 1
    assert "truncated JSON" in str(errors[0])


def test_whole_input_errors_say_so() -> None:
    with pytest.raises(wpparse.WPParseError) as html:
        wpparse.parse_posts("<html>Blocked</html>", strict=True)
    assert html.value.whole_input is True
    with pytest.raises(wpparse.WPParseError) as item:
        wpparse.parse_posts('[{"id": 1}, 5]', strict=True)
    assert item.value.whole_input is False
    with pytest.raises(wpparse.WPParseError) as problem:
        wpparse.parse_post({"id": "x"}, strict=True)
    assert problem.value.whole_input is False
    again = pickle.loads(pickle.dumps(html.value))
    assert again.whole_input is True


def test_utf8_encoded_surrogates_are_reported_not_let_through() -> None:
    post = wpparse.parse_post(b'{"id": 1, "slug": "a\xed\xa0\x80b"}')
    assert post.slug == "a\ufffd\ufffd\ufffdb"
    assert [p.kind for p in post.warnings] == [wpparse.ProblemKind.INVALID]


def test_nan_and_infinity_are_read_as_null_and_reported() -> None:
    post = wpparse.parse_post('{"id": 1, "x_plugin": NaN, "author": -Infinity}')
    assert post.extra == {"x_plugin": None}
    assert post.author is None
    assert [(p.path, p.kind) for p in post.warnings] == [("$", wpparse.ProblemKind.INVALID)]
    assert "2 non-standard JSON number(s)" in post.warnings[0].message
    with pytest.raises(wpparse.WPParseError, match="non-standard JSON"):
        wpparse.parse_post(b'{"id": 1, "x": NaN}', strict=True)


def test_repeated_keys_are_warned_about_and_refused_when_strict() -> None:
    text = '{"id": 1, "title": {"rendered": "Old"}, "title": {"rendered": "New"}}'
    post = wpparse.parse_post(text)
    assert post.title is not None
    assert post.title.text == "New"
    assert [(p.path, p.kind) for p in post.warnings] == [
        ("$.title", wpparse.ProblemKind.DUPLICATE_KEY)
    ]
    assert "{'rendered': 'Old'}" in post.warnings[0].message
    with pytest.raises(wpparse.WPParseError) as caught:
        wpparse.parse_post(text, strict=True)
    assert [p.path for p in caught.value.problems] == ["$.title"]


def test_repeated_keys_in_a_stream_are_reported_on_their_own_item(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("wpparse._read.stream.CHUNK_CHARS", 5)  # values cut by chunk edges
    text = '[{"id": 1}, {"id": 2, "slug": "a", "slug": "b"}, {"id": 3}]\n{"id": 4, "id": 5}\n'
    posts = list(wpparse.iter_posts(io.StringIO(text)))
    assert [p.id for p in posts] == [1, 2, 3, 5]
    assert [[w.path for w in p.warnings] for p in posts] == [[], ["$.slug"], [], ["$.id"]]
    assert posts[1].slug == "b"
    listed = wpparse.parse_posts(text.split("\n")[0])
    assert [[w.path for w in p.warnings] for p in listed] == [[], ["$.slug"], []]


def test_nan_in_a_stream_is_reported_on_its_own_item(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("wpparse._read.stream.CHUNK_CHARS", 3)  # values cut by chunk edges
    text = '{"id": 1, "x": [NaN, 2]}\n{"id": 2}\n[{"id": 3, "y": Infinity}]'
    posts = list(wpparse.iter_posts(io.StringIO(text)))
    assert [p.id for p in posts] == [1, 2, 3]
    assert [len(p.warnings) for p in posts] == [1, 0, 1]
    assert "1 non-standard" in posts[0].warnings[0].message
    assert posts[0].extra == {"x": [None, 2]}


HUGE_INTEGER = "9" * 5000  # longer than Python converts (sys.get_int_max_str_digits())


@pytest.mark.parametrize("form", ["text", "bytes", "stream", "list"])
def test_numbers_too_large_to_represent_are_read_as_null_and_reported(form: str) -> None:
    text = '{"id": 1, "x": ' + HUGE_INTEGER + ', "y": 1e999, "z": [-1e400, 1.5]}'
    if form == "text":
        post = wpparse.parse_post(text)
    elif form == "bytes":
        post = wpparse.parse_post(text.encode())
    elif form == "stream":
        post = list(wpparse.iter_posts(io.StringIO('{"id": 0}\n' + text)))[1]
    else:
        post = wpparse.parse_posts("[" + text + "]")[0]
    assert post.extra == {"x": None, "y": None, "z": [None, 1.5]}
    assert [str(problem) for problem in post.warnings] == [
        "$: 3 number(s) too large to represent were read as null"
    ]
    with pytest.raises(wpparse.WPParseError, match="too large to represent"):
        wpparse.parse_post(text, strict=True)


def test_a_huge_integer_where_a_number_belongs_is_left_out() -> None:
    post = wpparse.parse_post('{"id": ' + HUGE_INTEGER + ', "author": 2}')
    assert (post.id, post.author) == (None, 2)
    assert "too large to represent" in str(post.warnings[0])
