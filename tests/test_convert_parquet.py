"""``wpparse convert … -o posts.parquet``: the records as a Parquet table (the parquet extra)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import wpparse
from tests.conftest import require_corpus
from wpparse.output import _convert as convert
from wpparse.output import _parquet as parquet

pq = pytest.importorskip(
    "pyarrow.parquet", reason="pyarrow is not installed (pip install -e '.[parquet]')"
)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = convert.main(list(args))
    return status, capsys.readouterr().err


def _rows(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = pq.read_table(path).to_pylist()
    return rows


def test_parquet_rows_are_the_json_lines_records_on_the_corpus(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = require_corpus()
    monkeypatch.setattr(parquet, "ROW_GROUP_ROWS", 500)  # several row groups
    table = tmp_path / "posts.parquet"
    jsonl = tmp_path / "posts.jsonl"
    for out in (table, jsonl):
        status, _err = _run(capsys, str(corpus), "-o", str(out), "--jobs", "2", "-q")
        assert status == 2  # corpus/errors holds WordPress error responses
    # Not splitlines(): text may hold U+2028, which JSON Lines leaves unescaped.
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").split("\n")[:-1]]
    assert len(records) > 1000
    assert _rows(table) == records
    assert pq.ParquetFile(table).metadata.num_row_groups == -(-len(records) // 500)


def test_schema_follows_the_record_columns(
    capsys: pytest.CaptureFixture[str], seed_dict: dict[str, Any], tmp_path: Path
) -> None:
    dump = tmp_path / "posts.json"
    dump.write_text(json.dumps([seed_dict]), encoding="utf-8")
    table = tmp_path / "posts.parquet"
    assert _run(capsys, str(dump), "-o", str(table), "-q") == (0, "")
    schema = pq.read_schema(table)
    assert tuple(schema.names) == wpparse.RECORD_COLUMNS
    types = {name: str(schema.field(name).type) for name in schema.names}
    assert types["id"] == "int64"
    assert types["title_text"] == "string"
    assert types["excerpt_truncated"] == "bool"
    assert types["categories"] == "list<element: int64>"
    assert _rows(table)[0]["categories"] == [220]


def test_values_parquet_cannot_hold_are_replaced_and_counted(
    capsys: pytest.CaptureFixture[str], seed_dict: dict[str, Any], tmp_path: Path
) -> None:
    dump = tmp_path / "posts.jsonl"
    huge = dict(seed_dict, id=2**70, author=3, slug="a\\ud800b", categories=[1, -(2**64)])
    dump.write_text(
        json.dumps(seed_dict) + "\n" + json.dumps(huge).replace("\\\\ud800", "\\ud800") + "\n",
        encoding="utf-8",
    )
    table = tmp_path / "posts.parquet"
    status, err = _run(capsys, str(dump), "-o", str(table), "-q")
    assert status == 0
    rows = _rows(table)
    assert [row["id"] for row in rows] == [71191, None]
    assert rows[1]["slug"] == "a\ufffdb"
    assert rows[1]["categories"] == [1, None]
    assert err == (
        "wpparse: 3 values did not fit Parquet's types (integers beyond 64 bits written as null,"
        " lone surrogates in text as U+FFFD)\n"
    )


def test_parquet_to_standard_output(
    capsysbinary: pytest.CaptureFixture[bytes], seed_dict: dict[str, Any], tmp_path: Path
) -> None:
    dump = tmp_path / "posts.json"
    dump.write_text(json.dumps([seed_dict, dict(seed_dict, id=2)]), encoding="utf-8")
    status = convert.main([str(dump), "-o", "-", "--format", "parquet", "-q"])
    assert status == 0
    written = tmp_path / "from-stdout.parquet"
    written.write_bytes(capsysbinary.readouterr().out)
    assert [row["id"] for row in _rows(written)] == [71191, 2]


def test_without_pyarrow_parquet_is_a_usage_error_naming_the_extra(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(convert, "pyarrow_missing", lambda: True)
    with pytest.raises(SystemExit) as caught:
        convert.main(["posts.json", "-o", str(tmp_path / "posts.parquet")])
    assert caught.value.code == 2
    assert "pip install 'wpparse[parquet]'" in capsys.readouterr().err
    assert not (tmp_path / "posts.parquet").exists()
