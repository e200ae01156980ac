"""WordPress's own block-parser fixtures: each parses to exactly the expected JSON, and round-trips.

The 202 pairs in ``shared/fixtures/blocks/`` come from WordPress's repository; the expected
JSON was produced on the ``.html`` after trimming surrounding white space, by parsers that
agree on every pair, so both flavors must reproduce them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.blocks_strategies import as_flavor_reads
from tests.conftest import SHARED
from wpparse.blocks import Block, Flavor, parse_blocks, serialize_blocks

FIXTURES = SHARED / "fixtures" / "blocks"
FLAVORS: list[Flavor] = ["php", "js"]

_ABSENT = pytest.param(
    None,
    marks=pytest.mark.skip(
        reason=f"the block fixtures are not at {FIXTURES} (beside the repository)"
    ),
    id="no-fixtures",
)


def _fixtures() -> list[Any]:
    if not FIXTURES.is_dir():
        return [_ABSENT]
    return [
        pytest.param(path, id=f"{path.parent.name}/{path.stem}")
        for path in sorted(FIXTURES.glob("*/*.html"))
    ]


def _load(path: Path) -> tuple[str, list[dict[str, Any]]]:
    expected = json.loads(path.with_name(path.stem + ".parsed.json").read_text(encoding="utf-8"))
    return path.read_text(encoding="utf-8").strip(), expected


def test_every_fixture_is_there() -> None:
    if not FIXTURES.is_dir():
        pytest.skip(f"the block fixtures are not at {FIXTURES} (beside the repository)")
    assert len(list(FIXTURES.glob("*/*.html"))) == 202
    assert len(list(FIXTURES.glob("*/*.parsed.json"))) == 202


@pytest.mark.parametrize("flavor", FLAVORS)
@pytest.mark.parametrize("path", _fixtures())
def test_fixture_parses_to_the_expected_json(path: Path, flavor: Flavor) -> None:
    text, expected = _load(path)
    blocks = parse_blocks(text, flavor=flavor)
    expected = as_flavor_reads(expected, flavor)
    assert [block.to_dict() for block in blocks] == expected
    assert [Block.from_dict(value) for value in expected] == list(blocks)


@pytest.mark.parametrize("flavor", FLAVORS)
@pytest.mark.parametrize("path", _fixtures())
def test_fixture_round_trips_through_serialization(path: Path, flavor: Flavor) -> None:
    text, _ = _load(path)
    blocks = parse_blocks(text, flavor=flavor)
    written = serialize_blocks(blocks)
    assert parse_blocks(written, flavor=flavor) == blocks
    assert serialize_blocks(parse_blocks(written, flavor=flavor)) == written  # a fixed point
