"""``wpparse convert``: dumps into flat records, in order, on every core."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import wpparse
from tests.conftest import require_corpus
from wpparse._read import lines
from wpparse.output import _cli as cli
from wpparse.output import _convert as convert
from wpparse.output import _progress as progress


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = convert.main(list(args))
    return status, capsys.readouterr().err


def _jsonl(path: Path) -> list[dict[str, Any]]:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    # Not splitlines(): text may hold U+2028, which JSON Lines leaves unescaped.
    return [json.loads(line) for line in data.decode("utf-8").split("\n")[:-1]]


def _small_chunks(monkeypatch: pytest.MonkeyPatch, *, items: int, batch_bytes: int) -> None:
    """Cut input into many chunks: `items` decoded items, or batches of JSON Lines or array
    elements of `batch_bytes` (100 bytes: a batch per post or two), so that a pool has several
    in flight."""
    monkeypatch.setattr(convert, "CHUNK_ITEMS", items)
    monkeypatch.setattr(lines, "BATCH_BYTES", batch_bytes)


@pytest.fixture(params=[16, 1 << 20], ids=["small-batches", "one-batch"])
def worker_batches(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two items a chunk, and batches of 16 bytes (several per post) or of 1 MiB (one)."""
    _small_chunks(monkeypatch, items=2, batch_bytes=request.param)


def _same_with_one_and_two_jobs(
    capsys: pytest.CaptureFixture[str], dump: Path, tmp_path: Path, *, status: int
) -> tuple[list[dict[str, Any]], list[str]]:
    """Convert `dump` with --jobs 1 and 2; check both give the same bytes, the same problems
    and `status`; return the records and the problems reported."""
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.jsonl"
        found_status, err = _run(capsys, str(dump), "-o", str(out), "--jobs", jobs, "-q")
        assert found_status == status
        outputs.append((out.read_bytes(), err.splitlines()[:-1]))  # the last line has timings
    assert outputs[0] == outputs[1]
    records = [json.loads(line) for line in outputs[0][0].splitlines()]
    return records, outputs[0][1]


def _posts(seed: dict[str, Any], ids: range) -> list[dict[str, Any]]:
    return [dict(seed, id=number) for number in ids]


def test_jsonl_holds_the_record_of_each_post(
    capsys: pytest.CaptureFixture[str], dump: Path, tmp_path: Path
) -> None:
    out = tmp_path / "records.jsonl"
    status, err = _run(capsys, str(dump), "-o", str(out), "--jobs", "1")
    assert status == 0
    assert _jsonl(out) == [
        wpparse.to_record(post, source=str(dump)) for post in wpparse.parse_posts(dump)
    ]
    assert [record["warning_count"] for record in _jsonl(out)] == [0, 1, 0]
    assert err.startswith("wpparse: 3 posts in ")
    assert err.endswith(" posts/s)\n")


def test_csv_has_a_header_and_one_row_per_post(
    capsys: pytest.CaptureFixture[str], dump: Path, tmp_path: Path
) -> None:
    out = tmp_path / "records.csv"
    status, _err = _run(capsys, str(dump), "-o", str(out), "-q")
    assert status == 0
    with out.open(newline="", encoding="utf-8") as text:
        rows = list(csv.DictReader(text))
    assert len(rows) == 3
    assert tuple(rows[0]) == wpparse.RECORD_COLUMNS
    first = rows[0]
    assert (first["id"], first["categories"], first["tags"]) == ("71191", "[220]", "[]")
    assert (first["excerpt_truncated"], first["featured_image_url"]) == ("true", "")
    content = wpparse.parse_posts(dump)[0].content
    assert content is not None
    assert first["content_text"] == content.text
    assert "\n\n" in first["content_text"]  # paragraphs kept, inside a quoted cell


def test_format_option_overrides_the_extension(
    capsys: pytest.CaptureFixture[str], dump: Path, tmp_path: Path
) -> None:
    out = tmp_path / "records.txt"
    status, _err = _run(capsys, str(dump), "-o", str(out), "--format", "csv", "-q")
    assert status == 0
    assert out.read_text(encoding="utf-8").startswith("id,type,slug,")


def test_folder_inputs_are_read_recursively_in_sorted_order(
    capsys: pytest.CaptureFixture[str], seed_dict: dict[str, Any], tmp_path: Path
) -> None:
    folder = tmp_path / "dump"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.json").write_text(json.dumps(_posts(seed_dict, range(3, 5))), encoding="utf-8")
    (folder / "a.jsonl").write_text(
        "".join(json.dumps(post) + "\n" for post in _posts(seed_dict, range(1, 3))),
        encoding="utf-8",
    )
    (folder / "sub" / "c.jsonl.gz").write_bytes(
        gzip.compress(json.dumps(dict(seed_dict, id=5)).encode())
    )
    (folder / "notes.txt").write_text("not a dump", encoding="utf-8")
    out = tmp_path / "records.jsonl"
    status, _err = _run(capsys, str(folder), "-o", str(out), "-q")
    assert status == 0
    assert [record["id"] for record in _jsonl(out)] == [1, 2, 3, 4, 5]


def test_output_inside_the_input_folder_is_not_read_back(
    capsys: pytest.CaptureFixture[str], dump: Path, tmp_path: Path
) -> None:
    out = tmp_path / "records.jsonl"
    out.write_text('{"id": 99}\n', encoding="utf-8")  # left by an earlier run
    status, _err = _run(capsys, str(tmp_path), "-o", str(out), "-q")
    assert status == 0
    assert [record["id"] for record in _jsonl(out)] == [71191, 2, 3]


def test_an_empty_folder_is_an_unreadable_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "empty").mkdir()
    status, err = _run(capsys, str(tmp_path / "empty"), "-o", str(tmp_path / "r.jsonl"), "-q")
    assert status == 2
    assert "empty: no .json, .jsonl, .json.gz, .jsonl.gz file in this folder" in err


def test_stdin_to_stdout_through_python_dash_m(seed_bytes: bytes) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wpparse", "convert", "-", "-o", "-", "-q"],
        input=seed_bytes,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.decode().splitlines()
    assert json.loads(line) == wpparse.to_record(wpparse.parse_post(seed_bytes), source="<stdin>")
    assert result.stderr == b""


def test_gzip_in_and_out(capsys: pytest.CaptureFixture[str], dump: Path, tmp_path: Path) -> None:
    zipped = tmp_path / "posts.jsonl.gz"
    lines = "".join(json.dumps(post) + "\n" for post in json.loads(dump.read_text()))
    zipped.write_bytes(gzip.compress(lines.encode()))
    first, second = tmp_path / "one.jsonl.gz", tmp_path / "two.jsonl.gz"
    assert _run(capsys, str(zipped), "-o", str(first), "-q")[0] == 0
    assert first.read_bytes()[:2] == b"\x1f\x8b"
    assert [record["id"] for record in _jsonl(first)] == [71191, 2, 3]
    # No time stamp in the gzip header: the same input gives the same bytes.
    assert _run(capsys, str(zipped), "-o", str(second), "-q")[0] == 0
    assert first.read_bytes() == second.read_bytes()
    table = tmp_path / "records.csv.gz"
    assert _run(capsys, str(zipped), "-o", str(table), "-q")[0] == 0
    assert gzip.decompress(table.read_bytes()).decode().startswith("id,type,slug,")


def test_jobs_2_writes_the_same_bytes_as_jobs_1_on_the_corpus(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    corpus = require_corpus()
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.jsonl"
        status, err = _run(capsys, str(corpus), "-o", str(out), "--jobs", jobs, "-q")
        assert status == 2  # corpus/errors holds WordPress error responses
        outputs.append((out.read_bytes(), err.splitlines()[:-1]))  # the last line has timings
    assert outputs[0] == outputs[1]
    assert len(outputs[0][0].splitlines()) > 1000
    assert len(outputs[0][1]) == 20
    assert all("WordPress returned an error" in line for line in outputs[0][1])


def test_order_is_kept_with_more_chunks_than_workers(
    capsys: pytest.CaptureFixture[str],
    seed_dict: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _small_chunks(monkeypatch, items=3, batch_bytes=100)
    small = {key: seed_dict[key] for key in ("id", "date", "date_gmt", "link", "title")}
    dump = tmp_path / "posts.jsonl"
    # Whole posts first, then small ones: later chunks finish first, and must wait their turn.
    posts = _posts(seed_dict, range(6)) + _posts(small, range(6, 40))
    dump.write_text("".join(json.dumps(post) + "\n" for post in posts), encoding="utf-8")
    out = tmp_path / "records.jsonl"
    status, _err = _run(capsys, str(dump), "-o", str(out), "--jobs", "2", "-q")
    assert status == 0
    assert [record["id"] for record in _jsonl(out)] == list(range(40))


@pytest.mark.usefixtures("worker_batches")
def test_json_lines_decoded_in_workers_give_the_same_bytes_as_jobs_1(
    capsys: pytest.CaptureFixture[str], seed_dict: dict[str, Any], tmp_path: Path
) -> None:
    posts = [json.dumps(post) for post in _posts(seed_dict, range(30))]
    posts[7] = json.dumps(seed_dict, indent=2)  # a value over many lines, in the middle
    posts[11] = '{"id": 11, oops}'
    dump = tmp_path / "posts.jsonl"
    dump.write_text("\n".join(posts) + "\n", encoding="utf-8")
    records, reported = _same_with_one_and_two_jobs(capsys, dump, tmp_path, status=1)
    assert [record["id"] for record in records] == [*range(7), 71191, 8, 9, 10, *range(12, 30)]
    line_11 = 11 + posts[7].count("\n")
    assert reported == [
        f"wpparse: skipped {dump}: line {line_11 + 1}, item 11: malformed JSON:"
        " Expecting property name enclosed in double quotes"
    ]


@pytest.mark.usefixtures("worker_batches")
def test_array_elements_sent_as_text_give_the_same_bytes_as_jobs_1(
    capsys: pytest.CaptureFixture[str], seed_dict: dict[str, Any], tmp_path: Path
) -> None:
    posts = [json.dumps(post, indent=1) for post in _posts(seed_dict, range(12))]
    posts[3] = posts[3].replace('"id": 3', '"id": 3, "id": 3', 1)  # a repeated key
    posts[5] = posts[5].replace('"status"', '"st\xe9tus"', 1)  # a byte that is not UTF-8
    posts[8] = "[]"  # not a post
    dump = tmp_path / "posts.json"
    dump.write_bytes(("[" + ",\n".join(posts)).encode("latin-1") + b", oops]")
    records, reported = _same_with_one_and_two_jobs(capsys, dump, tmp_path, status=1)
    assert [record["id"] for record in records] == [*range(8), *range(9, 12)]
    assert [record["warning_count"] for record in records][3:6] == [1, 0, 1]
    assert [line.split(": ", 2)[1] for line in reported] == [
        "skipped " + str(dump),
        "skipped " + str(dump),
    ]


def test_a_json_lines_file_holding_only_an_error_is_an_unreadable_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    dump = tmp_path / "error.jsonl"
    dump.write_text('{"code": "rest_forbidden", "message": "No."}\n', encoding="utf-8")
    status, err = _run(capsys, str(dump), "-o", str(tmp_path / "out.jsonl"), "-q")
    assert status == 2
    assert "WordPress returned an error" in err


def test_skipped_items_are_counted_by_kind_and_give_status_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    dump = tmp_path / "mixed.jsonl"
    dump.write_text(
        '{"id": 1}\n"text"\n{"id": 3, bad}\n{"code": "rest_forbidden", "message": "No."}\n'
        '{"id": 5}\n7\n',
        encoding="utf-8",
    )
    out = tmp_path / "records.jsonl"
    status, err = _run(capsys, str(dump), "-o", str(out), "--jobs", "1", "-q")
    assert status == 1
    assert [record["id"] for record in _jsonl(out)] == [1, 5]
    assert f"wpparse: skipped {dump}: line 2, item 1: expected a post" in err
    assert f"wpparse: skipped {dump}: line 3, item 2: malformed JSON" in err
    summary = err.splitlines()[-1]
    assert summary.startswith("wpparse: 2 posts in ")
    assert summary.endswith(
        "; 4 items skipped (2 not a JSON object, 1 malformed JSON, 1 WordPress error object)"
    )


def test_unreadable_inputs_give_status_2_and_the_others_are_converted(
    capsys: pytest.CaptureFixture[str], dump: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.json"
    html = tmp_path / "blocked.json"
    html.write_text("<!DOCTYPE html><html>Forbidden</html>", encoding="utf-8")
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(gzip.compress(dump.read_bytes())[:-20])
    out = tmp_path / "records.jsonl"
    args = (str(missing), str(html), str(dump), str(broken), "-o", str(out), "--jobs", "2", "-q")
    status, err = _run(capsys, *args)
    assert status == 2
    assert [record["id"] for record in _jsonl(out)] == [71191, 2, 3]
    assert f"wpparse: {missing}: cannot read: No such file or directory" in err
    assert f"wpparse: {html}: line 1, item 0: found HTML" in err
    assert f"wpparse: {broken}: cannot read: Compressed file ended" in err
    assert "; 3 inputs could not be read" in err


def test_strict_stops_at_the_first_problem_with_its_location(
    capsys: pytest.CaptureFixture[str], dump: Path, tmp_path: Path
) -> None:
    out = tmp_path / "records.jsonl"
    status, err = _run(capsys, str(dump), "-o", str(out), "--strict", "-q")
    assert status == 1
    assert [record["id"] for record in _jsonl(out)] == [71191]
    assert f"wpparse: {dump}: line 1, item 1: post 2 has 1 problem" in err
    assert "  $.sticky: expected a boolean, found string '1'; read as True" in err
    assert err.splitlines()[-1].endswith("stopped at the first problem (--strict)")


def test_strict_stop_in_a_pool_keeps_what_came_before(
    capsys: pytest.CaptureFixture[str],
    seed_dict: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _small_chunks(monkeypatch, items=2, batch_bytes=100)
    posts = [json.dumps(post) + "\n" for post in _posts(seed_dict, range(20))]
    posts[13] = "[1]\n"
    dump = tmp_path / "posts.jsonl"
    dump.write_text("".join(posts), encoding="utf-8")
    out = tmp_path / "records.jsonl"
    status, err = _run(capsys, str(dump), "-o", str(out), "--strict", "--jobs", "2", "-q")
    assert status == 1
    assert [record["id"] for record in _jsonl(out)] == list(range(13))
    assert f"{dump}: line 14, item 13: expected a post" in err


def test_lone_surrogates_become_replacement_characters_in_csv(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    dump = tmp_path / "surrogate.json"
    dump.write_text('{"id": 1, "slug": "a\\ud800b"}', encoding="utf-8")
    out = tmp_path / "records.csv"
    assert _run(capsys, str(dump), "-o", str(out), "-q")[0] == 0
    (row,) = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8"))))
    assert row["slug"] == "a\ufffdb"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["posts.json"], "the following arguments are required: -o/--output"),
        (["posts.json", "-o", "records.xlsx"], "cannot tell the format"),
        (["posts.json", "-o", "records.parquet.gz"], "Parquet compresses its own columns"),
        (["posts.json", "-o", "r.jsonl", "--jobs", "0"], "expected a number of processes"),
        (["posts.jsonl", "-o", "posts.jsonl"], "is also an input"),
    ],
)
def test_usage_errors_give_status_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as caught:
        convert.main(args)
    assert caught.value.code == 2
    assert message in capsys.readouterr().err


def test_an_output_that_cannot_be_written_gives_status_2(
    capsys: pytest.CaptureFixture[str], dump: Path, tmp_path: Path
) -> None:
    out = tmp_path / "no" / "such" / "folder.jsonl"
    status, err = _run(capsys, str(dump), "-o", str(out))
    assert status == 2
    assert f"wpparse: {out}: cannot write: No such file or directory" in err


def test_help_explains_every_option_and_the_exit_status(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        cli.main(["convert", "--help"])
    text = capsys.readouterr().out
    for option in ("--output", "--format", "--jobs", "--strict", "--quiet", "exit status"):
        assert option in text
    assert text.startswith("usage: wpparse convert")


def test_the_wpparse_command_dispatches_and_still_reads_a_file_named_convert(
    capsys: pytest.CaptureFixture[str],
    seed_bytes: bytes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("convert").write_bytes(seed_bytes)
    assert cli.main(["./convert"]) == 0
    assert json.loads(capsys.readouterr().out)["title"]["rendered"].startswith("Japan&#8217;s")
    assert cli.main(["convert", "./convert", "-o", "records.jsonl", "-q"]) == 0
    assert _jsonl(tmp_path / "records.jsonl")[0]["title_text"].startswith("Japan’s")


def test_no_progress_line_when_stderr_is_not_a_terminal(
    capsys: pytest.CaptureFixture[str], dump: Path, tmp_path: Path
) -> None:
    _status, err = _run(capsys, str(dump), "-o", str(tmp_path / "r.jsonl"))
    assert "\r" not in err
    assert len(err.splitlines()) == 1


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_counter_without_tqdm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "TQDM", None)
    stream = _Terminal()
    line = progress.Progress(stream, enabled=True)
    line.update(1234)
    line.message("wpparse: skipped x")
    line.close()
    text = stream.getvalue()
    counter = re.fullmatch(
        r"\r(wpparse: 1,234 posts, [\d,]+ posts/s)\r *\rwpparse: skipped x\n", text
    )
    assert counter is not None, text
    # The counter is wiped (overwritten with spaces) before the message.
    assert text.count(" ") - counter.group(1).count(" ") - 2 == len(counter.group(1))


def test_progress_bar_with_tqdm(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("tqdm")
    monkeypatch.setattr(progress, "REDRAW_SECONDS", 0)
    stream = _Terminal()
    line = progress.Progress(stream, enabled=True)
    line.update(5)
    line.close()
    assert "wpparse: 5 posts" in stream.getvalue()
    assert "posts/s" in stream.getvalue()


def test_disabled_progress_writes_nothing() -> None:
    stream = _Terminal()
    line = progress.Progress(stream, enabled=False)
    line.update(5)
    line.message("wpparse: skipped x")
    line.close()
    assert stream.getvalue() == "wpparse: skipped x\n"
