"""Every input the fuzzer crashed wpparse with, replayed (see fuzz/fuzz_parse.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import wpparse
from fuzz.targets import run_input

CRASHES = sorted((Path(__file__).parent / "data" / "fuzz").glob("*"))
SEEDS = sorted((Path(__file__).parent.parent / "fuzz" / "seeds").glob("*"))


@pytest.mark.parametrize("path", CRASHES + SEEDS, ids=lambda path: path.name)
def test_input_gives_a_result_or_a_parse_error(path: Path) -> None:
    error: wpparse.WPParseError | None = None
    try:
        run_input(path.read_bytes())
    except wpparse.WPParseError as raised:
        error = raised
    assert error is None or str(error)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x00[\x00]\x00", id="in-memory"),
        pytest.param(b'\x00{\x00"\x00i\x00d\x00"\x00:\x001\x00}\x00', id="object"),
    ],
)
def test_utf16_cut_inside_a_character_is_a_parse_error(data: bytes) -> None:
    """UTF-16 (NULs betray it) with an odd byte at the end: once a UnicodeDecodeError."""
    with pytest.raises(wpparse.WPParseError, match="more than one JSON value"):
        wpparse.parse_post(data)


def test_utf16_stream_cut_inside_a_character_keeps_the_post_before() -> None:
    skipped: list[wpparse.WPParseError] = []
    posts = wpparse.parse_posts(
        b'\x00{\x00"\x00i\x00d\x00"\x00:\x001\x00}\x00', on_error=skipped.append
    )
    assert [post.id for post in posts] == [1]
    assert len(skipped) == 1
