"""`wpparse.Limits`: caps on size, nesting and HTML tags, hit as a warning or a clear error."""

from __future__ import annotations

import copy
import io
import json
import pickle
from pathlib import Path
from typing import Any

import pytest

import wpparse
from wpparse import Limits, ProblemKind

LIMIT = ProblemKind.LIMIT


def _nested(depth: int, leaf: Any = "leaf") -> Any:
    """`depth` levels of lists around `leaf`: ``_nested(2)`` is ``[["leaf"]]``."""
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


def _depth(value: Any) -> int:
    depth = 0
    while isinstance(value, list | dict):
        value = value[0] if isinstance(value, list) else next(iter(value.values()))
        depth += 1
    return depth


# -- the Limits object ---------------------------------------------------------------------------


def test_defaults_are_documented_values() -> None:
    assert Limits() == Limits(max_size=64 * 1024 * 1024, max_depth=256, max_html_tags=200_000)


@pytest.mark.parametrize("field", ["max_size", "max_depth", "max_html_tags"])
@pytest.mark.parametrize("value", [0, -1, True, 1.5, "10"])
def test_limits_are_positive_integers(field: str, value: Any) -> None:
    with pytest.raises(ValueError, match=rf"Limits\.{field} must be a positive integer"):
        Limits(**{field: value})


# -- max_size ------------------------------------------------------------------------------------

SMALL = Limits(max_size=100)
POST = '{"id": 1, "title": {"rendered": "' + "x" * 200 + '"}}'


@pytest.mark.parametrize("form", ["text", "bytes", "bytearray", "memoryview", "path", "file"])
@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_a_document_larger_than_max_size_is_refused(
    form: str, strict: bool, tmp_path: Path
) -> None:
    path = tmp_path / "post.json"
    path.write_text(POST)
    data: Any = {
        "text": POST,
        "bytes": POST.encode(),
        "bytearray": bytearray(POST.encode()),
        "memoryview": memoryview(POST.encode()),
        "path": path,
        "file": io.BytesIO(POST.encode()),
    }[form]
    with pytest.raises(wpparse.WPParseError, match=r"larger than Limits.max_size \(100\)") as e:
        wpparse.parse_post(data, strict=strict, limits=SMALL)
    assert e.value.whole_input
    assert wpparse.parse_post(POST, limits=Limits(max_size=len(POST))).id == 1


def test_a_dict_has_no_size() -> None:
    assert wpparse.parse_post(json.loads(POST), limits=SMALL).id == 1


def test_text_larger_than_max_size_is_read_item_by_item() -> None:
    items = [{"id": n, "slug": "s" * 40} for n in range(10)]
    text = json.dumps(items)
    assert len(text) > 100
    posts = wpparse.parse_posts(text, limits=SMALL)
    assert [post.id for post in posts] == list(range(10))


@pytest.mark.parametrize("layout", ["array", "json-lines"])
def test_an_item_larger_than_max_size_is_skipped_and_reported(layout: str) -> None:
    items = [{"id": 1}, {"id": 2, "slug": "s" * 200}, {"id": 3}]
    if layout == "array":
        text = json.dumps(items)
        expected = [1]  # inside an array the reader cannot find where the next item begins
    else:
        text = "\n".join(json.dumps(item) for item in items)
        expected = [1, 3]
    skipped: list[wpparse.WPParseError] = []
    posts = wpparse.parse_posts(text, limits=SMALL, on_error=skipped.append)
    assert [post.id for post in posts] == expected
    assert "larger than Limits.max_size (100 characters)" in str(skipped[0])
    streamed = list(wpparse.iter_posts(io.StringIO(text), limits=SMALL, on_error=skipped.append))
    assert [post.id for post in streamed] == expected
    with pytest.raises(wpparse.WPParseError, match=r"larger than Limits\.max_size"):
        wpparse.parse_posts(text, limits=SMALL, strict=True)


# -- max_depth -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("place", "path"),
    [
        pytest.param(lambda v: {"x_plugin": v}, "$.x_plugin", id="extra"),
        pytest.param(lambda v: {"meta": {"deep": v}}, "$.meta", id="meta"),
        pytest.param(lambda v: {"title": {"rendered": "t", "x": v}}, "$.title.x", id="rendered"),
        pytest.param(
            lambda v: {"_links": {"self": [{"href": "https://example.org/", "x": v}]}},
            "$._links.self[0].x",
            id="link-attribute",
        ),
        pytest.param(
            lambda v: {"_embedded": {"wp:attachment": [v]}},
            "$._embedded['wp:attachment']",
            id="embedded-relation",
        ),
        pytest.param(
            lambda v: {"_embedded": {"author": [{"id": 2, "x": v}]}},
            "$._embedded.author[0].x",
            id="embedded-user",
        ),
        pytest.param(
            lambda v: {"media_details": {"image_meta": {"keywords": v}}},
            "$.media_details.image_meta",
            id="image-meta",
        ),
    ],
)
def test_kept_values_nested_past_max_depth_are_cut_and_reported(place: Any, path: str) -> None:
    data = {"id": 1, **place(_nested(50))}
    original = copy.deepcopy(data)
    post = wpparse.parse_post(data, limits=Limits(max_depth=10))
    assert [(problem.path, problem.kind) for problem in post.warnings] == [(path, LIMIT)]
    assert "nested deeper than 10 levels" in post.warnings[0].message
    assert "1 part(s) replaced by null" in post.warnings[0].message
    assert data == original  # the caller's dict is copied, not changed
    assert post == wpparse.parse_post(post.to_dict(), limits=Limits(max_depth=10))
    with pytest.raises(wpparse.WPParseError, match=r"Limits\.max_depth"):
        wpparse.parse_post(data, limits=Limits(max_depth=10), strict=True)
    assert wpparse.parse_post(data, limits=Limits(max_depth=60)).warnings == ()


def test_the_cut_keeps_everything_up_to_the_limit() -> None:
    value = {"a": _nested(5), "b": [1, {"c": _nested(2)}], "d": "kept"}
    post = wpparse.parse_post({"x": value}, limits=Limits(max_depth=3))
    assert post.extra["x"] == {"a": [[None]], "b": [1, {"c": None}], "d": "kept"}
    assert "2 part(s) replaced by null" in post.warnings[0].message


def test_a_value_exactly_at_max_depth_is_kept() -> None:
    value = _nested(3)
    post = wpparse.parse_post({"x": value}, limits=Limits(max_depth=3))
    assert post.extra["x"] == value
    assert post.warnings == ()


def test_with_the_default_depth_every_post_from_json_text_pickles_and_copies() -> None:
    # Nesting the JSON decoder accepts, but past the default limit.
    text = '{"id": 1, "x": ' + json.dumps(_nested(900)) + "}"
    post = wpparse.parse_post(text)
    assert [problem.kind for problem in post.warnings] == [LIMIT]
    assert _depth(post.extra["x"]) == 256
    assert pickle.loads(pickle.dumps(post)) == post
    assert copy.deepcopy(post) == post
    assert json.loads(json.dumps(post.to_dict()))["id"] == 1


# -- max_html_tags -------------------------------------------------------------------------------

CONTENT = "".join(f"<p>word{n}</p>" for n in range(10))


def test_derived_values_read_the_first_max_html_tags_tags() -> None:
    data = {"id": 1, "content": {"rendered": CONTENT}}
    post = wpparse.parse_post(data, limits=Limits(max_html_tags=4))
    assert post.content is not None
    assert post.content.html == CONTENT
    assert post.content.analyzed_html == "<p>word0</p><p>word1</p>"
    assert post.content.text == "word0\n\nword1"
    assert [(problem.path, problem.kind) for problem in post.warnings] == [
        ("$.content.rendered", LIMIT)
    ]
    assert "more than 4 tags" in post.warnings[0].message
    assert post.to_dict()["content"]["rendered"] == CONTENT
    again = pickle.loads(pickle.dumps(post))
    assert again.content is not None
    assert again.content.analyzed_html == post.content.analyzed_html
    with pytest.raises(wpparse.WPParseError, match=r"Limits\.max_html_tags"):
        wpparse.parse_post(data, limits=Limits(max_html_tags=4), strict=True)


def test_a_field_within_max_html_tags_is_read_whole() -> None:
    post = wpparse.parse_post({"content": {"rendered": CONTENT}}, limits=Limits(max_html_tags=20))
    assert post.content is not None
    assert post.content.analyzed_html == CONTENT
    assert post.content.text.endswith("word9")
    assert post.warnings == ()


def test_a_bare_string_field_is_held_to_max_html_tags_too() -> None:
    post = wpparse.parse_post({"title": "<b>a</b><i>b</i>"}, limits=Limits(max_html_tags=2))
    assert post.title is not None
    assert post.title.text == "a"
    assert [(problem.path, problem.kind) for problem in post.warnings] == [
        ("$.title", ProblemKind.COERCED),
        ("$.title", LIMIT),
    ]


def test_a_rendered_field_built_in_code_has_no_tag_limit() -> None:
    content = wpparse.Content(html=CONTENT)
    assert content.analyzed_html == CONTENT
