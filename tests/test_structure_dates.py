"""read_datetime and read_date_pair: WordPress's local/GMT date pairs made into aware datetimes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from wpparse import parse_post
from wpparse._errors import Problem, ProblemKind
from wpparse._structure.dates import read_date_pair, read_datetime
from wpparse._structure.problems import ProblemLog

PATH = "$.date"


def tz(hours: int, minutes: int = 0) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours, minutes=minutes))


def same_moment_and_offset(found: dt.datetime | None, expected: dt.datetime) -> bool:
    """Equal as datetimes and with the same offset (aware == aware ignores offsets)."""
    return (
        found is not None
        and found == expected
        and found.utcoffset() == expected.utcoffset()
        and (found.tzinfo is None) == (expected.tzinfo is None)
    )


def read(value: Any) -> tuple[dt.datetime | None, list[Problem]]:
    log = ProblemLog()
    return read_datetime(value, PATH, log), log.problems


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("2026-04-14T08:51:16", dt.datetime(2026, 4, 14, 8, 51, 16), id="naive"),
        pytest.param(
            "2026-04-14T08:51:16+07:00",
            dt.datetime(2026, 4, 14, 8, 51, 16, tzinfo=tz(7)),
            id="with-offset",
        ),
        pytest.param(
            "2026-04-14T08:51:16-05:00",
            dt.datetime(2026, 4, 14, 8, 51, 16, tzinfo=tz(-5)),
            id="with-negative-offset",
        ),
        pytest.param(
            "2026-04-14T01:51:16Z",
            dt.datetime(2026, 4, 14, 1, 51, 16, tzinfo=dt.UTC),
            id="zulu",
        ),
        pytest.param(
            "2026-04-14T08:51:16.250",
            dt.datetime(2026, 4, 14, 8, 51, 16, 250000),
            id="fractional-seconds",
        ),
        pytest.param(
            "2026-04-14T08:51:16.123456+00:00",
            dt.datetime(2026, 4, 14, 8, 51, 16, 123456, tzinfo=dt.UTC),
            id="microseconds-with-offset",
        ),
        pytest.param(
            "2026-04-14 08:51:16", dt.datetime(2026, 4, 14, 8, 51, 16), id="space-separator"
        ),
    ],
)
def test_iso_dates_are_read_silently(value: str, expected: dt.datetime) -> None:
    result, problems = read(value)
    assert same_moment_and_offset(result, expected), result
    assert problems == []


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(None, id="null"),
        pytest.param("0000-00-00T00:00:00", id="zero-date"),
        pytest.param("0000-00-00 00:00:00", id="zero-date-mysql"),
        pytest.param("-0001-11-30T00:00:00", id="zero-date-php"),
    ],
)
def test_no_date_is_none_silently(value: str | None) -> None:
    assert read(value) == (None, [])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(
            "April 14, 2026 08:51", dt.datetime(2026, 4, 14, 8, 51), id="month-name-american"
        ),
        pytest.param("14 April 2026 08:51:16", dt.datetime(2026, 4, 14, 8, 51, 16), id="day-first"),
        pytest.param(
            "Tue, 14 Apr 2026 01:51:16 GMT",
            dt.datetime(2026, 4, 14, 1, 51, 16, tzinfo=dt.UTC),
            id="rfc-2822",
        ),
        pytest.param(
            1776131476,
            dt.datetime(2026, 4, 14, 1, 51, 16, tzinfo=dt.UTC),
            id="unix-timestamp",
        ),
        pytest.param(
            1776131476.5,
            dt.datetime(2026, 4, 14, 1, 51, 16, 500000, tzinfo=dt.UTC),
            id="unix-timestamp-float",
        ),
    ],
)
def test_other_forms_are_coerced(value: str | float, expected: dt.datetime) -> None:
    result, problems = read(value)
    assert same_moment_and_offset(result, expected), result
    assert len(problems) == 1
    assert problems[0].kind is ProblemKind.COERCED
    assert problems[0].path == PATH
    assert repr(value) in problems[0].message


def test_unix_timestamp_is_aware_utc() -> None:
    result, _ = read(1776131476)
    assert result is not None
    assert result.tzinfo is not None
    assert result.utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("garbage", id="word"),
        pytest.param("not a date at all", id="words"),
        pytest.param("2026-13-45T00:00:00", id="month-13"),
        pytest.param("", id="empty"),
        pytest.param(True, id="bool"),
        pytest.param([2026, 4, 14], id="array"),
        pytest.param({"date": "2026-04-14"}, id="object"),
        pytest.param(10**20, id="timestamp-out-of-range"),
        pytest.param(float("nan"), id="nan"),
        # Offsets of a day or more, which dateutil reads and datetime cannot use (the fuzzer's).
        pytest.param("2026-04-14T08+51:16", id="offset-51-hours"),
        pytest.param("2026-04-14T08:00:00+25:00", id="offset-25-hours"),
        pytest.param("2026-04-14 08:00 UTC+30", id="offset-named-30-hours"),
    ],
)
def test_garbage_is_invalid(value: Any) -> None:
    result, problems = read(value)
    assert result is None
    assert len(problems) == 1
    assert problems[0].kind is ProblemKind.INVALID
    assert problems[0].path == PATH
    assert repr(value) in problems[0].message


def pair(
    obj: dict[str, Any], local: str = "date", gmt: str = "date_gmt"
) -> tuple[dt.datetime | None, dt.datetime | None, list[Problem]]:
    log = ProblemLog()
    found_local, found_gmt = read_date_pair(obj, "$", log, local, gmt)
    return found_local, found_gmt, log.problems


@pytest.mark.parametrize(
    ("date", "date_gmt", "offset"),
    [
        pytest.param("2026-04-14T08:51:16", "2026-04-14T01:51:16", tz(7), id="plus-7"),
        pytest.param("2026-01-10T07:00:00", "2026-01-10T12:00:00", tz(-5), id="minus-5"),
        pytest.param("2026-04-14T07:36:16", "2026-04-14T01:51:16", tz(5, 45), id="plus-5-45"),
        pytest.param("2026-04-13T20:00:00", "2026-04-14T01:00:00", tz(-5), id="across-midnight"),
        pytest.param("2026-04-14T01:51:16", "2026-04-14T01:51:16", tz(0), id="utc-site"),
        pytest.param("2026-04-14T15:51:16", "2026-04-14T01:51:16", tz(14), id="plus-14"),
        pytest.param("2026-04-13T13:51:16", "2026-04-14T01:51:16", tz(-12), id="minus-12"),
        pytest.param("2026-04-14T08:51:16", "2026-04-14T01:51:16Z", tz(7), id="gmt-with-z"),
    ],
)
def test_local_gets_the_offset_date_minus_date_gmt(
    date: str, date_gmt: str, offset: dt.timezone
) -> None:
    local, gmt, problems = pair({"date": date, "date_gmt": date_gmt})
    naive_local = dt.datetime.fromisoformat(date)
    assert same_moment_and_offset(local, naive_local.replace(tzinfo=offset)), local
    assert gmt is not None
    assert gmt.utcoffset() == dt.timedelta(0)
    assert local == gmt
    assert problems == []


def test_gmt_becomes_aware_utc() -> None:
    _, gmt, problems = pair({"date": "2026-04-14T08:51:16", "date_gmt": "2026-04-14T01:51:16"})
    assert gmt is not None
    assert gmt.tzinfo is not None
    assert gmt.utcoffset() == dt.timedelta(0)
    assert gmt == dt.datetime(2026, 4, 14, 1, 51, 16, tzinfo=dt.UTC)
    assert problems == []


def test_gmt_with_another_offset_is_converted_to_utc() -> None:
    local, gmt, problems = pair(
        {"date": "2026-04-14T08:51:16", "date_gmt": "2026-04-14T03:51:16+02:00"}
    )
    assert same_moment_and_offset(gmt, dt.datetime(2026, 4, 14, 1, 51, 16, tzinfo=dt.UTC))
    assert local is not None
    assert local.utcoffset() == dt.timedelta(hours=7)
    assert problems == []


@pytest.mark.parametrize(
    "obj",
    [
        pytest.param({"date": "2026-04-14T08:51:16"}, id="gmt-absent"),
        pytest.param({"date": "2026-04-14T08:51:16", "date_gmt": None}, id="gmt-null"),
        pytest.param(
            {"date": "2026-04-14T08:51:16", "date_gmt": "0000-00-00T00:00:00"}, id="gmt-zero"
        ),
    ],
)
def test_local_stays_naive_without_gmt(obj: dict[str, Any]) -> None:
    local, gmt, problems = pair(obj)
    assert same_moment_and_offset(local, dt.datetime(2026, 4, 14, 8, 51, 16))
    assert gmt is None
    assert problems == []


def test_gmt_alone_is_read() -> None:
    local, gmt, problems = pair({"date_gmt": "2026-04-14T01:51:16"})
    assert local is None
    assert same_moment_and_offset(gmt, dt.datetime(2026, 4, 14, 1, 51, 16, tzinfo=dt.UTC))
    assert problems == []


@pytest.mark.parametrize(
    ("date", "date_gmt", "difference"),
    [
        pytest.param("2026-04-14T21:51:16", "2026-04-14T01:51:16", "by +20:00:00,", id="20-hours"),
        pytest.param("2026-04-14T01:51:46", "2026-04-14T01:51:16", "by +0:00:30,", id="30-seconds"),
        pytest.param(
            "2026-04-13T12:51:16", "2026-04-14T01:51:16", "by -13:00:00,", id="minus-13-hours"
        ),
        pytest.param("2026-04-14T01:51:15", "2026-04-14T01:51:16", "by -0:00:01,", id="minus-1-s"),
    ],
)
def test_pair_that_is_no_utc_offset_is_invalid_and_local_stays_naive(
    date: str, date_gmt: str, difference: str
) -> None:
    local, gmt, problems = pair({"date": date, "date_gmt": date_gmt})
    assert same_moment_and_offset(local, dt.datetime.fromisoformat(date))
    assert same_moment_and_offset(gmt, dt.datetime.fromisoformat(date_gmt).replace(tzinfo=dt.UTC))
    assert len(problems) == 1
    assert problems[0].kind is ProblemKind.INVALID
    assert problems[0].path == "$.date"
    assert difference in problems[0].message


def test_explicit_offset_on_date_wins() -> None:
    local, gmt, _ = pair({"date": "2026-04-14T08:51:16+02:00", "date_gmt": "2026-04-14T01:51:16"})
    assert same_moment_and_offset(local, dt.datetime(2026, 4, 14, 8, 51, 16, tzinfo=tz(2)))
    assert same_moment_and_offset(gmt, dt.datetime(2026, 4, 14, 1, 51, 16, tzinfo=dt.UTC))


def test_pair_problems_are_at_the_pair_keys() -> None:
    local, gmt, problems = pair(
        {"modified": "garbage", "modified_gmt": "2026-04-14T01:51:16"}, "modified", "modified_gmt"
    )
    assert local is None
    assert gmt is not None
    assert [(problem.path, problem.kind) for problem in problems] == [
        ("$.modified", ProblemKind.INVALID)
    ]


def test_timestamp_gmt_gives_local_its_offset() -> None:
    local, gmt, problems = pair({"date": "2026-04-14T08:51:16", "date_gmt": 1776131476})
    assert same_moment_and_offset(gmt, dt.datetime(2026, 4, 14, 1, 51, 16, tzinfo=dt.UTC))
    assert local is not None
    assert local.utcoffset() == dt.timedelta(hours=7)
    assert [(problem.path, problem.kind) for problem in problems] == [
        ("$.date_gmt", ProblemKind.COERCED)
    ]


def test_daylight_saving_gives_date_and_modified_their_own_offsets(
    seed_dict: dict[str, Any],
) -> None:
    # New York: 7 March 2026 is EST (-05:00); 9 March 2026 is EDT (-04:00).
    seed_dict.update(
        date="2026-03-07T12:00:00",
        date_gmt="2026-03-07T17:00:00",
        modified="2026-03-09T12:00:00",
        modified_gmt="2026-03-09T16:00:00",
    )
    post = parse_post(seed_dict)
    assert post.warnings == ()
    assert same_moment_and_offset(post.date, dt.datetime(2026, 3, 7, 12, tzinfo=tz(-5)))
    assert same_moment_and_offset(post.modified, dt.datetime(2026, 3, 9, 12, tzinfo=tz(-4)))
    assert same_moment_and_offset(post.date_gmt, dt.datetime(2026, 3, 7, 17, tzinfo=dt.UTC))
    assert same_moment_and_offset(post.modified_gmt, dt.datetime(2026, 3, 9, 16, tzinfo=dt.UTC))
