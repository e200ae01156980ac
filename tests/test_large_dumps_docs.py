"""docs/large-dumps.md: its recipes stay true to the records and the API."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest

import wpparse
from wpparse.output._records import RECORD_TYPES

PAGE = Path(__file__).parent.parent / "docs" / "large-dumps.md"
SPARK_TYPES = {"int": "BIGINT", "str": "STRING", "bool": "BOOLEAN", "list[int]": "ARRAY<BIGINT>"}


def _blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.DOTALL)


def _block_with(text: str) -> str:
    (block,) = [block for block in _blocks() if text in block]
    return block


def test_spark_schema_is_the_records() -> None:
    block = _block_with("SCHEMA = (")
    match = re.search(r"SCHEMA = \((.*?)\n\)", block, re.DOTALL)
    assert match is not None
    schema = "".join(re.findall(r'"(.*?)"', match.group(1)))
    columns = [column.strip().split(" ", 1) for column in schema.split(",")]
    assert columns == [[name, SPARK_TYPES[kind]] for name, kind in RECORD_TYPES.items()]


def test_ray_batch_function_gives_columns_of_records(seed_dict: dict[str, Any]) -> None:
    block = _block_with("def to_records(batch):")
    function = block[block.index("def to_records") :].split("\n\n")[0]
    namespace: dict[str, Any] = {"wpparse": wpparse}
    exec(function, namespace)
    lines = [json.dumps(seed_dict), json.dumps(dict(seed_dict, id=2))]
    columns = namespace["to_records"]({"text": lines})
    assert list(columns) == list(wpparse.RECORD_COLUMNS)
    assert columns["id"] == [71191, 2]
    assert columns["word_count"] == [527, 527]


def test_one_process_recipe_runs(
    seed_dict: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("dump.jsonl.gz").write_bytes(gzip.compress((json.dumps(seed_dict) + "\n").encode()))
    namespace: dict[str, Any] = {}
    exec(_block_with("wpparse.iter_posts("), namespace)
    assert namespace["record"]["id"] == 71191


def test_dask_recipe_names_what_the_module_has() -> None:
    on_dask = pytest.importorskip(
        "wpparse.output.on_dask", reason="dask is not installed (pip install -e '.[dask]')"
    )
    block = _block_with("from wpparse.output.on_dask import")
    fields = {field.name for field in attrs.fields(on_dask.ParquetPart)}
    named = set(re.findall(r"part\.(\w+)", block))
    assert named  # the recipe reads the parts it gets back: an empty set would prove nothing
    assert named <= fields
