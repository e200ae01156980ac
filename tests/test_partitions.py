"""`wpparse.output.records_from_lines`: one partition of JSON Lines into records, for any engine."""

from __future__ import annotations

import importlib
import json
import re
import sys
from typing import Any

import pytest

import wpparse


def _lines(posts: list[Any]) -> list[str]:
    return [json.dumps(post) + "\n" for post in posts]


def test_records_of_a_partition_in_order(seed_dict: dict[str, Any]) -> None:
    lines = _lines([seed_dict, dict(seed_dict, id=2), {"id": 3, "title": {"rendered": "A&amp;B"}}])
    records = wpparse.output.records_from_lines(lines)
    assert [record["id"] for record in records] == [71191, 2, 3]
    assert records[0] == wpparse.to_record(wpparse.parse_post(seed_dict))
    assert records[2]["title_text"] == "A&B"


def test_bytes_and_str_lines_give_the_same_records(seed_dict: dict[str, Any]) -> None:
    lines = _lines([seed_dict, dict(seed_dict, id=2)])
    as_bytes = wpparse.output.records_from_lines(line.encode("utf-8") for line in lines)
    assert as_bytes == wpparse.output.records_from_lines(lines)
    # Line ends are optional, and Windows ones are fine too.
    assert (
        wpparse.output.records_from_lines(line.rstrip("\n") + "\r\n" for line in lines) == as_bytes
    )


def test_lines_that_are_not_posts_are_reported_with_their_place() -> None:
    skipped: list[wpparse.WPParseError] = []
    lines = ['{"id": 1}', "{oops", '{"code": "rest_forbidden", "message": "No."}', '{"id": 4}']
    records = wpparse.output.records_from_lines(lines, on_error=skipped.append)
    assert [record["id"] for record in records] == [1, 4]
    assert [error.location for error in skipped] == [
        "<partition>: line 2, item 1",
        "<partition>: line 3, item 2",
    ]
    assert isinstance(skipped[1], wpparse.WPAPIError)


def test_a_partition_holding_only_an_error_response_does_not_raise() -> None:
    skipped: list[wpparse.WPParseError] = []
    lines = ['{"code": "rest_forbidden", "message": "No.", "data": {"status": 403}}']
    assert wpparse.output.records_from_lines(lines, on_error=skipped.append) == []
    assert [type(error) for error in skipped] == [wpparse.WPAPIError]


def test_by_default_a_skipped_line_is_a_warning() -> None:
    with pytest.warns(wpparse.SkippedItemWarning, match="line 1, item 0: malformed JSON"):
        assert wpparse.output.records_from_lines(["{oops", '{"id": 2}']) == [
            wpparse.output.records_from_lines(['{"id": 2}'])[0]
        ]


def test_bytes_that_are_not_utf8_are_counted_as_warnings() -> None:
    (record,) = wpparse.output.records_from_lines([b'{"id": 1, "slug": "caf\xe9"}\n'])
    assert record["slug"] == "caf\ufffd"
    assert record["warning_count"] == 1


def test_an_empty_partition_has_no_records() -> None:
    assert wpparse.output.records_from_lines([]) == []
    assert wpparse.output.records_from_lines(["\n", ""]) == []


def test_the_dask_module_names_the_extra_when_dask_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "dask", None)  # what an import of a missing module meets
    monkeypatch.delitem(sys.modules, "wpparse.output.on_dask", raising=False)
    with pytest.raises(ImportError, match=re.escape("pip install 'wpparse[dask]'")):
        importlib.import_module("wpparse.output.on_dask")
