"""Properties over generated posts: valid ones, mutated ones and any JSON value at all.

Whatever arrives, the lenient path returns what could be understood plus an account of what
could not; the strict path refuses with every problem listed; nothing is lost without a trace.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wpparse
from tests.strategies import json_values, mutated_posts, posts_with_a_repeated_key, valid_posts
from wpparse._errors import child_path
from wpparse._structure.problems import top_level_key

T = TypeVar("T")
# Generated posts are large; the default deadline would flag the first, slower calls.
PROPERTY = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
RENDERED_FIELDS = ("title", "excerpt", "content", "caption", "description", "guid")


def _outcome(call: Callable[[], T]) -> T | wpparse.WPParseError:
    """What `call` returns, or the WPParseError it raises (any other exception propagates)."""
    try:
        return call()
    except wpparse.WPParseError as error:
        return error


def _is_none_value(value: Any) -> bool:
    """Values WordPress uses for "none", which read as None and are not written back."""
    zero_date = isinstance(value, str) and value.startswith(("0000-00-00", "-0001-11-30"))
    return value is None or zero_date or (type(value) is int and value == 0)


@PROPERTY
@given(json_values())
def test_any_json_value_gives_a_post_or_a_parse_error(value: Any) -> None:
    data = value if isinstance(value, dict) else json.dumps(value)
    outcome = _outcome(lambda: wpparse.parse_post(data))
    assert isinstance(outcome, wpparse.Post | wpparse.WPParseError)
    if isinstance(outcome, wpparse.WPParseError):
        assert str(outcome)
        assert outcome.whole_input or outcome.problems


@PROPERTY
@given(st.one_of(json_values(), st.lists(json_values(), max_size=4)))
def test_any_json_text_gives_posts_or_a_parse_error_for_lists(value: Any) -> None:
    skipped: list[wpparse.WPParseError] = []
    outcome = _outcome(lambda: wpparse.parse_posts(json.dumps(value), on_error=skipped.append))
    if isinstance(outcome, wpparse.WPParseError):
        assert outcome.whole_input
    else:
        items = value if isinstance(value, list) else [value]
        assert len(outcome) + len(skipped) == len(items)


@PROPERTY
@given(valid_posts())
def test_valid_posts_parse_without_warnings_and_round_trip(raw: dict[str, Any]) -> None:
    post = wpparse.parse_post(raw)
    assert post.warnings == ()
    assert wpparse.parse_post(raw, strict=True) == post
    written = post.to_dict()
    assert wpparse.parse_post(json.loads(json.dumps(written))) == post
    assert all(key in written or _is_none_value(raw[key]) for key in raw)


@PROPERTY
@given(mutated_posts())
def test_strict_refuses_exactly_when_lenient_warns(raw: dict[str, Any]) -> None:
    lenient = wpparse.parse_post(raw)
    strict = _outcome(lambda: wpparse.parse_post(raw, strict=True))
    if isinstance(strict, wpparse.WPParseError):
        assert lenient.warnings
        assert strict.problems == lenient.warnings
        assert all(problem.path in str(strict) for problem in strict.problems)
    else:
        assert lenient.warnings == ()
        assert strict == lenient


@PROPERTY
@given(mutated_posts())
def test_every_input_key_is_written_back_or_warned_about(raw: dict[str, Any]) -> None:
    post = wpparse.parse_post(raw)
    written = post.to_dict()
    warned = {top_level_key(problem.path) for problem in post.warnings}
    for key, value in raw.items():
        assert key in written or key in warned or _is_none_value(value), key


@PROPERTY
@given(mutated_posts())
def test_lenient_output_reads_back_the_same_with_no_new_problem(raw: dict[str, Any]) -> None:
    post = wpparse.parse_post(raw)
    again = wpparse.parse_post(post.to_dict())
    assert again == post
    # Converted values come back clean; only a conflict kept as it came (a date and its GMT
    # twin that no UTC offset reconciles) is reported again, at the same place.
    assert {problem.path for problem in again.warnings} <= {p.path for p in post.warnings}


@PROPERTY
@given(mutated_posts())
def test_derived_values_never_fail_and_posts_pickle(raw: dict[str, Any]) -> None:
    post = wpparse.parse_post(raw)
    for name in RENDERED_FIELDS:
        rendered = getattr(post, name)
        if rendered is not None:
            values = (rendered.text, rendered.links, rendered.images, rendered.embeds)
            assert isinstance(values[0], str)
            assert isinstance(rendered.markdown, str)
    copy = pickle.loads(pickle.dumps(post))
    # A dict handed in directly may hold NaN, which is not equal even to itself: compare the
    # JSON then (parsing JSON text turns NaN into null, see test_read_decode).
    assert copy == post or _json(copy) == _json(post)
    assert copy.warnings == post.warnings


def _json(post: wpparse.Post) -> str:
    return json.dumps(post.to_dict(), sort_keys=True, default=repr)


@PROPERTY
@given(posts_with_a_repeated_key())
def test_a_repeated_key_is_one_warning_and_the_last_value_wins(
    case: tuple[str, dict[str, Any], str],
) -> None:
    text, expected, key = case
    post = wpparse.parse_post(text)
    assert [(problem.path, problem.kind) for problem in post.warnings] == [
        (child_path("$", key), wpparse.ProblemKind.DUPLICATE_KEY)
    ]
    assert attrs.evolve(post, warnings=()) == wpparse.parse_post(expected)
    with pytest.raises(wpparse.WPParseError) as caught:
        wpparse.parse_post(text, strict=True)
    assert [problem.path for problem in caught.value.problems] == [child_path("$", key)]
