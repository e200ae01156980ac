"""The value readers of wpparse._structure.fields: what passes, what is coerced, what is invalid."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from wpparse._errors import Problem, ProblemKind
from wpparse._structure.fields import (
    read_bool,
    read_id,
    read_int,
    read_int_list,
    read_object,
    read_str,
    read_str_list,
)
from wpparse._structure.problems import ProblemLog, child_path

Reader = Callable[[Any, str, ProblemLog], object]
PATH = "$.field"


def run(reader: Reader, value: Any) -> tuple[object, list[Problem]]:
    log = ProblemLog()
    result = reader(value, PATH, log)
    return result, log.problems


# (reader, input, expected result): read silently, nothing recorded.
PASSING = [
    pytest.param(read_int, 12, 12, id="int-12"),
    pytest.param(read_int, 0, 0, id="int-zero"),
    pytest.param(read_int, -3, -3, id="int-negative"),
    pytest.param(read_int, None, None, id="int-null"),
    pytest.param(read_id, 71192, 71192, id="id-71192"),
    pytest.param(read_id, 0, None, id="id-zero-is-none"),
    pytest.param(read_id, None, None, id="id-null"),
    pytest.param(read_str, "standard", "standard", id="str-word"),
    pytest.param(read_str, "", "", id="str-empty"),
    pytest.param(read_str, None, None, id="str-null"),
    pytest.param(read_bool, True, True, id="bool-true"),
    pytest.param(read_bool, False, False, id="bool-false"),
    pytest.param(read_bool, None, None, id="bool-null"),
    pytest.param(read_object, {"footnotes": ""}, {"footnotes": ""}, id="object-dict"),
    pytest.param(read_object, {}, {}, id="object-empty-dict"),
    pytest.param(read_object, [], {}, id="object-php-empty-array"),
    pytest.param(read_object, None, None, id="object-null"),
    pytest.param(read_int_list, [220, 7], (220, 7), id="int-list"),
    pytest.param(read_int_list, [], (), id="int-list-empty"),
    pytest.param(read_int_list, None, None, id="int-list-null"),
    pytest.param(
        read_int_list, {"0": 4, "2": 5, "10": 6}, (4, 5, 6), id="int-list-numeric-keys-in-order"
    ),
    pytest.param(read_str_list, ["post", "hentry"], ("post", "hentry"), id="str-list"),
    pytest.param(read_str_list, [], (), id="str-list-empty"),
    pytest.param(
        read_str_list,
        {"0": "post-1", "1": "post", "3": "hentry"},
        ("post-1", "post", "hentry"),
        id="str-list-object-with-gaps",
    ),
]


@pytest.mark.parametrize(("reader", "value", "expected"), PASSING)
def test_value_passes_silently(reader: Reader, value: Any, expected: object) -> None:
    result, problems = run(reader, value)
    assert result == expected
    assert type(result) is type(expected)
    assert problems == []


# (reader, input, expected result): converted, with one COERCED problem.
COERCED = [
    pytest.param(read_int, "12", 12, id="int-from-digits"),
    pytest.param(read_int, " 7 ", 7, id="int-from-padded-digits"),
    pytest.param(read_int, "-3", -3, id="int-from-negative-digits"),
    pytest.param(read_int, 12.0, 12, id="int-from-whole-float"),
    pytest.param(read_id, "71192", 71192, id="id-from-digits"),
    pytest.param(read_id, 5.0, 5, id="id-from-whole-float"),
    pytest.param(read_str, 12, "12", id="str-from-int"),
    pytest.param(read_str, 1.5, "1.5", id="str-from-float"),
    pytest.param(read_bool, "true", True, id="bool-from-true"),
    pytest.param(read_bool, "False", False, id="bool-from-False"),
    pytest.param(read_bool, "0", False, id="bool-from-string-0"),
    pytest.param(read_bool, "1", True, id="bool-from-string-1"),
    pytest.param(read_bool, "yes", True, id="bool-from-yes"),
    pytest.param(read_bool, 1, True, id="bool-from-1"),
    pytest.param(read_bool, 0, False, id="bool-from-0"),
    pytest.param(read_int_list, 5, (5,), id="int-list-from-single-int"),
    pytest.param(read_int_list, "12", (12,), id="int-list-from-single-digits"),
    pytest.param(read_int_list, "3,7", (3, 7), id="int-list-from-comma-string"),
    pytest.param(read_int_list, "3 7", (3, 7), id="int-list-from-space-string"),
    pytest.param(read_str_list, "post", ("post",), id="str-list-from-single-string"),
    pytest.param(read_str_list, "post hentry", ("post", "hentry"), id="str-list-from-spaced"),
]


@pytest.mark.parametrize(("reader", "value", "expected"), COERCED)
def test_value_is_coerced_with_one_problem(reader: Reader, value: Any, expected: object) -> None:
    result, problems = run(reader, value)
    assert result == expected
    assert type(result) is type(expected)
    assert len(problems) == 1
    assert problems[0].kind is ProblemKind.COERCED
    assert problems[0].path == PATH
    assert repr(value) in problems[0].message


# (reader, input): left out as None, with one INVALID problem quoting the input.
INVALID = [
    pytest.param(read_int, True, id="int-not-bool-true"),
    pytest.param(read_int, "١٢", id="int-not-arabic-indic-digits"),
    pytest.param(read_int, False, id="int-not-bool-false"),
    pytest.param(read_int, float("nan"), id="int-nan"),
    pytest.param(read_int, float("inf"), id="int-inf"),
    pytest.param(read_int, float("-inf"), id="int-minus-inf"),
    pytest.param(read_int, 1.5, id="int-fraction"),
    pytest.param(read_int, "1.5", id="int-fraction-string"),
    pytest.param(read_int, "twelve", id="int-word"),
    pytest.param(read_int, "", id="int-empty-string"),
    pytest.param(read_int, [1], id="int-array"),
    pytest.param(read_int, {"id": 1}, id="int-object"),
    pytest.param(read_id, True, id="id-bool"),
    pytest.param(read_id, "none", id="id-word"),
    pytest.param(read_str, True, id="str-bool"),
    pytest.param(read_str, float("nan"), id="str-nan"),
    pytest.param(read_str, ["a"], id="str-array"),
    pytest.param(read_str, {"rendered": "a"}, id="str-object"),
    pytest.param(read_bool, 2, id="bool-2"),
    pytest.param(read_bool, 0.5, id="bool-half"),
    pytest.param(read_bool, "maybe", id="bool-word"),
    pytest.param(read_bool, [], id="bool-array"),
    pytest.param(read_bool, {}, id="bool-object"),
    pytest.param(read_object, [1, 2], id="object-non-empty-array"),
    pytest.param(read_object, "meta", id="object-string"),
    pytest.param(read_object, 5, id="object-number"),
    pytest.param(read_object, False, id="object-false"),
    pytest.param(read_int_list, {"a": 1}, id="int-list-object-with-word-keys"),
    pytest.param(read_int_list, "news", id="int-list-word"),
    pytest.param(read_int_list, "3,x", id="int-list-string-with-word"),
    pytest.param(read_int_list, True, id="int-list-bool"),
    pytest.param(read_str_list, {"first": "a"}, id="str-list-object-with-word-keys"),
    pytest.param(read_str_list, True, id="str-list-bool"),
]


@pytest.mark.parametrize(("reader", "value"), INVALID)
def test_value_is_invalid_and_left_out(reader: Reader, value: Any) -> None:
    result, problems = run(reader, value)
    assert result is None
    assert len(problems) == 1
    assert problems[0].kind is ProblemKind.INVALID
    assert problems[0].path == PATH
    assert repr(value) in problems[0].message


@pytest.mark.parametrize(
    ("reader", "value", "expected", "problems"),
    [
        pytest.param(
            read_int_list,
            [1, "x", 3],
            (1, 3),
            [(f"{PATH}[1]", ProblemKind.INVALID)],
            id="int-list-word-item",
        ),
        pytest.param(
            read_int_list,
            [True, 2, "4", 1.5],
            (2, 4),
            [
                (f"{PATH}[0]", ProblemKind.INVALID),
                (f"{PATH}[2]", ProblemKind.COERCED),
                (f"{PATH}[3]", ProblemKind.INVALID),
            ],
            id="int-list-mixed-items",
        ),
        pytest.param(
            read_str_list,
            ["post", ["nested"], 7],
            ("post", "7"),
            [(f"{PATH}[1]", ProblemKind.INVALID), (f"{PATH}[2]", ProblemKind.COERCED)],
            id="str-list-mixed-items",
        ),
    ],
)
def test_list_items_that_fail_are_left_out_with_a_problem_at_their_index(
    reader: Reader,
    value: Any,
    expected: tuple[object, ...],
    problems: list[tuple[str, ProblemKind]],
) -> None:
    result, found = run(reader, value)
    assert result == expected
    assert [(problem.path, problem.kind) for problem in found] == problems


def test_failed_list_item_message_quotes_the_item() -> None:
    _, problems = run(read_int_list, [1, "eleven"])
    assert len(problems) == 1
    assert "'eleven'" in problems[0].message


def test_null_list_item_is_left_out_with_a_problem() -> None:
    # The module's contract: a problem is recorded whenever what a reader returns is not
    # exactly what it was given. A null inside an id list is not WordPress's way of saying
    # anything, so dropping it must leave a trace.
    result, problems = run(read_int_list, [1, None, 3])
    assert result == (1, 3)
    assert [problem.path for problem in problems] == [f"{PATH}[1]"]


@pytest.mark.parametrize(
    ("path", "key", "expected"),
    [
        pytest.param("$", "a", "$.a", id="identifier"),
        pytest.param("$", "_embedded", "$._embedded", id="underscore-identifier"),
        pytest.param("$", 0, "$[0]", id="index"),
        pytest.param("$._embedded.author", 3, "$._embedded.author[3]", id="nested-index"),
        pytest.param("$", "wp:term", "$['wp:term']", id="curie"),
        pytest.param("$._links", "wp:term", "$._links['wp:term']", id="nested-curie"),
        pytest.param("$", "0", "$['0']", id="numeric-string-key"),
        pytest.param("$", "jetpack-related-posts", "$['jetpack-related-posts']", id="hyphen"),
        pytest.param("$", "it's", "$['it\\'s']", id="single-quote-escaped"),
        pytest.param("$", "a\\b", "$['a\\\\b']", id="backslash-escaped"),
    ],
)
def test_child_path(path: str, key: str | int, expected: str) -> None:
    assert child_path(path, key) == expected


def test_more_digits_than_python_converts_are_no_integer() -> None:
    # Over 4,300 digits int() refuses: the value is left out, with a problem, not an error.
    log = ProblemLog()
    assert read_int("1" * 5000, "$.id", log) is None
    assert [problem.kind for problem in log.problems] == [ProblemKind.INVALID]
