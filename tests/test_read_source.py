"""Tests for opening what a user hands us as one readable stream: `open_source`."""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path
from typing import IO

import pytest

from wpparse._errors import WPParseError
from wpparse._read import iter_json_items, open_source

PAYLOAD = b'[{"id": 1, "title": "Caf\xc3\xa9"}, {"id": 2}]\n'


@pytest.fixture
def plain_file(tmp_path: Path) -> Path:
    path = tmp_path / "posts.json"
    path.write_bytes(PAYLOAD)
    return path


def _gzip_file(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(gzip.compress(PAYLOAD))
    return path


@pytest.mark.parametrize("as_path", [False, True], ids=["str", "pathlib"])
def test_path_is_opened_read_and_closed(plain_file: Path, as_path: bool) -> None:
    source = plain_file if as_path else str(plain_file)
    with open_source(source) as (stream, name):
        assert stream.read() == PAYLOAD
        assert name == str(plain_file)
        assert isinstance(name, str)
        assert not stream.closed
    assert stream.closed


def test_path_is_closed_when_the_block_raises(plain_file: Path) -> None:
    streams: list[IO[bytes] | IO[str]] = []

    def read_and_fail() -> None:
        with open_source(plain_file) as (stream, _):
            streams.append(stream)
            raise KeyError("boom")

    with pytest.raises(KeyError, match="boom"):
        read_and_fail()
    assert len(streams) == 1
    assert streams[0].closed


@pytest.mark.parametrize(
    "filename",
    ["posts.json.gz", "posts.json", "posts"],
    ids=["gz-name", "json-name", "no-extension"],
)
def test_gzip_is_detected_by_magic_bytes(tmp_path: Path, filename: str) -> None:
    path = _gzip_file(tmp_path, filename)
    with open_source(path) as (stream, name):
        assert stream.read() == PAYLOAD
        assert name == str(path)
    assert stream.closed


def test_gzip_source_streams_json_items(tmp_path: Path) -> None:
    path = _gzip_file(tmp_path, "dump.bin")
    with open_source(str(path)) as (stream, _):
        values = [item.value for item in iter_json_items(stream)]
    assert values == [{"id": 1, "title": "Café"}, {"id": 2}]


def test_plain_file_starting_with_one_magic_byte_is_not_gzip(tmp_path: Path) -> None:
    path = tmp_path / "odd.json"
    path.write_bytes(b"\x1f" + PAYLOAD)
    with open_source(path) as (stream, _):
        assert stream.read() == b"\x1f" + PAYLOAD


@pytest.mark.parametrize("data", [b"", b"x"], ids=["empty", "one-byte"])
def test_short_file_is_read_as_is(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "short.json"
    path.write_bytes(data)
    with open_source(path) as (stream, _):
        assert stream.read() == data


class FakeStdin:
    """Stands in for sys.stdin: only `.buffer` is used."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize("dash", ["-", Path("-")], ids=["str", "pathlib"])
def test_dash_means_stdin(monkeypatch: pytest.MonkeyPatch, dash: str | Path) -> None:
    fake = FakeStdin(PAYLOAD)
    monkeypatch.setattr(sys, "stdin", fake)
    with open_source(dash) as (stream, name):
        assert stream is fake.buffer
        assert name == "<stdin>"
        assert stream.read() == PAYLOAD
    assert not fake.buffer.closed


def test_dash_does_not_open_a_file_named_dash(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "-").write_bytes(b"from the file")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", FakeStdin(b"from stdin"))
    with open_source("-") as (stream, _):
        assert stream.read() == b"from stdin"


def test_binary_file_object_is_left_open_and_read_from_where_it_stands() -> None:
    buffer = io.BytesIO(b"skip" + PAYLOAD)
    buffer.seek(4)
    with open_source(buffer) as (stream, name):
        assert stream is buffer
        assert name == "<stream>"
        assert stream.read() == PAYLOAD
    assert not buffer.closed


def test_text_file_object_is_left_open() -> None:
    text = PAYLOAD.decode("utf-8")
    buffer = io.StringIO(text)
    with open_source(buffer) as (stream, name):
        assert stream is buffer
        assert name == "<stream>"
        assert stream.read() == text
    assert not buffer.closed


def test_open_binary_file_keeps_its_name_and_stays_open(plain_file: Path) -> None:
    with plain_file.open("rb") as file:
        with open_source(file) as (stream, name):
            assert stream is file
            assert name == str(plain_file)
        assert not file.closed
        assert file.read() == PAYLOAD


def test_open_text_file_keeps_its_name_and_stays_open(plain_file: Path) -> None:
    with plain_file.open(encoding="utf-8") as file:
        with open_source(file) as (stream, name):
            assert stream is file
            assert name == str(plain_file)
            assert stream.read() == PAYLOAD.decode("utf-8")
        assert not file.closed


def test_gzip_file_object_is_not_decompressed() -> None:
    # Only paths are sniffed for gzip; a file object is read as it is handed over.
    compressed = gzip.compress(PAYLOAD)
    with open_source(io.BytesIO(compressed)) as (stream, _):
        assert stream.read() == compressed


@pytest.mark.parametrize("as_path", [False, True], ids=["str", "pathlib"])
def test_missing_path_raises_with_location(tmp_path: Path, as_path: bool) -> None:
    missing = tmp_path / "nope" / "posts.json"
    with pytest.raises(WPParseError) as info, open_source(missing if as_path else str(missing)):
        pytest.fail("a missing path was opened")  # pragma: no cover
    error = info.value
    assert error.location == str(missing)
    assert "cannot read" in error.summary
    assert "No such file" in error.summary
    assert str(error).startswith(f"{missing}: cannot read")
    assert isinstance(error.__cause__, FileNotFoundError)


def test_directory_path_raises(tmp_path: Path) -> None:
    with pytest.raises(WPParseError, match="cannot read") as info, open_source(tmp_path):
        pytest.fail("a directory was opened")  # pragma: no cover
    assert info.value.location == str(tmp_path)
