"""The ``wpparse`` command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import wpparse
from wpparse.output._cli import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[Any], str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, [json.loads(line) for line in out.splitlines()], err


def test_writes_one_json_line_per_post(capsys: pytest.CaptureFixture[str], dump: Path) -> None:
    status, posts, err = _run(capsys, str(dump))
    assert status == 0
    assert [post["id"] for post in posts] == [71191, 2, 3]
    assert posts[0]["date"] == "2026-04-14T08:51:16+07:00"
    assert posts[1]["sticky"] is True
    assert err == (
        f"wpparse: {dump}: line 1, item 1: $.sticky: "
        "expected a boolean, found string '1'; read as True\n"
    )


def test_output_round_trips_to_the_same_posts(
    capsys: pytest.CaptureFixture[str], dump: Path
) -> None:
    _status, written, _err = _run(capsys, str(dump))
    assert [wpparse.parse_post(post) for post in written] == wpparse.parse_posts(dump)


def test_text_option_adds_plain_text(capsys: pytest.CaptureFixture[str], dump: Path) -> None:
    _status, posts, _err = _run(capsys, "--text", "--quiet", str(dump))
    title = posts[0]["title"]
    assert title["text"].startswith("Japan’s Tech Titans")
    assert title["rendered"].startswith("Japan&#8217;s")
    assert posts[0]["excerpt"]["text"].endswith("joined by major banks")


def test_quiet_silences_converted_values(capsys: pytest.CaptureFixture[str], dump: Path) -> None:
    status, posts, err = _run(capsys, "-q", str(dump))
    assert (status, len(posts), err) == (0, 3, "")


def test_strict_stops_at_the_first_problem(capsys: pytest.CaptureFixture[str], dump: Path) -> None:
    status, posts, err = _run(capsys, "--strict", str(dump))
    assert status == 1
    assert [post["id"] for post in posts] == [71191]
    assert "line 1, item 1: post 2 has 1 problem" in err
    assert "$.sticky" in err


def test_skipped_items_give_status_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": 1}\n[1, 2]\n{"id": 3}\n', encoding="utf-8")
    status, posts, err = _run(capsys, str(path))
    assert status == 1
    assert [post["id"] for post in posts] == [1, 3]
    assert f"wpparse: skipped {path}: line 2, item 1: expected a post" in err


def test_unreadable_inputs_give_status_2_and_the_others_are_still_read(
    capsys: pytest.CaptureFixture[str], dump: Path, tmp_path: Path
) -> None:
    html = tmp_path / "blocked.json"
    html.write_text("<!DOCTYPE html><html>Forbidden</html>", encoding="utf-8")
    missing = tmp_path / "missing.json"
    status, posts, err = _run(capsys, "-q", str(missing), str(html), str(dump))
    assert status == 2
    assert len(posts) == 3
    assert f"wpparse: {missing}: cannot read: No such file or directory" in err
    assert f"wpparse: {html}: line 1, item 0: found HTML" in err


def test_api_error_responses_are_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "error.json"
    path.write_text('{"code": "rest_no_route", "message": "No route.", "data": {"status": 404}}')
    status, posts, err = _run(capsys, str(path))
    assert (status, posts) == (2, [])
    assert "WordPress returned an error (rest_no_route, HTTP 404): No route." in err


def test_usage_errors_give_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([])
    assert caught.value.code == 2
    assert "usage: wpparse" in capsys.readouterr().err


def test_help_explains_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    for option in ("--text", "--strict", "--indent", "--quiet", "--version", "exit status"):
        assert option in text


def test_python_dash_m_reads_stdin(seed_bytes: bytes) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wpparse", "-"],
        input=seed_bytes,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == 71191
    assert result.stderr == b""


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"wpparse {wpparse.__version__}"


def test_lone_surrogates_are_written_as_valid_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "surrogate.json"
    path.write_text('{"id": 1, "slug": "a\\ud800b", "title": {"rendered": "東京"}}')
    status, posts, _err = _run(capsys, str(path))
    assert status == 0
    assert posts[0]["slug"] == "a\ud800b"
    assert posts[0]["title"]["rendered"] == "東京"


def test_strict_still_reads_the_other_inputs_when_one_is_unreadable(
    capsys: pytest.CaptureFixture[str], dump: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.json"
    status, posts, err = _run(capsys, "--strict", "-q", str(missing), str(dump))
    assert status == 1  # the second post of the dump has a problem
    assert [post["id"] for post in posts] == [71191]
    assert "cannot read" in err
    status, posts, _err = _run(capsys, "--strict", str(missing), str(tmp_path))
    assert status == 2
    assert posts == []
