"""Every example script runs on its shipped sample data and prints what it promises."""

from __future__ import annotations

import csv
import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import wpparse

EXAMPLES = Path(__file__).parent.parent / "examples"
SAMPLE = EXAMPLES / "data" / "posts.json"
SHARDS = EXAMPLES / "data" / "shards"


def _execute(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        encoding="utf-8",  # and the script writes UTF-8, whatever the locale
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=True,
    )


def _run(script: str, *args: str) -> list[list[str]]:
    result = _execute(script, *args)
    assert result.stderr == ""
    return [line.split("\t") for line in result.stdout.splitlines()]


def test_titles_and_dates() -> None:
    rows = _run("titles_and_dates.py")
    assert rows == [
        [
            "71191",
            "2026-04-14T08:51:16+07:00",
            "post",
            "Japan’s Tech Titans Just Teamed Up to Build a Trillion-Parameter AI—And It’s Not"
            " Here to Chat",
        ],
        [
            "512",
            "2025-10-26T01:30:00+02:00",
            "post",
            "Café culture returns – and it’s louder than ever",
        ],
        ["42", "2024-07-01T18:00:00+02:00", "page", "Contact & Tips"],
    ]


def test_featured_images_picks_the_largest_size_that_fits() -> None:
    base = "https://news.example.org/wp-content/uploads/2025/10/"
    assert _run("featured_images.py") == [
        ["71191", "media 71192 not embedded (fetch with ?_embed)"],
        ["512", base + "terrace-1024x683.jpg", "A busy terrace"],
        ["42", "no featured image"],
    ]
    assert _run("featured_images.py", "--max-width", "400")[1][1] == base + "terrace-300x200.jpg"
    assert _run("featured_images.py", "--max-width", "100")[1][1] == base + "terrace.jpg"


def test_warnings_report() -> None:
    # The sample is as WordPress sends it: nothing to report.
    lines = [" ".join(row) for row in _run("warnings_report.py")]
    assert lines == ["3 posts, 0 warnings, 0 items skipped"]


def test_warnings_report_counts_by_kind_and_field(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        '{"id": "7", "sticky": "yes"}\n{"id": 8, "sticky": "no"}\n"not a post"\n',
        encoding="utf-8",
    )
    lines = [" ".join(row) for row in _run("warnings_report.py", str(dump))]
    assert lines[0] == "2 posts, 3 warnings, 1 items skipped"
    assert ["2", "coerced", "$.sticky"] in [line.split() for line in lines]
    assert ["1", "coerced", "$.id"] in [line.split() for line in lines]


def test_external_links() -> None:
    rows = _run("external_links.py")
    posts = [row for row in rows if row[0]]
    assert [row[0] for row in posts] == ["71191", "512", "42"]
    assert [row[2] for row in posts] == [
        "7 external link(s)",
        "1 external link(s)",
        "1 external link(s)",
    ]
    links = [row for row in rows if not row[0]]
    assert links[0][1:] == [
        "https://www.japantimes.co.jp/business/2026/04/12/companies/softbank-ai-new-firm/",
        "jointly formed a new company (not endorsed)",
    ]
    assert ["", "https://www.example.com/report", "city’s report (not endorsed)"] in rows
    assert not any("news.example.org/2025" in cell for row in rows for cell in row)


def test_records_to_csv_writes_the_records_as_wpparse_convert_does(tmp_path: Path) -> None:
    out = tmp_path / "posts.csv"
    assert _run("records_to_csv.py", "-o", str(out)) == [[f"3 posts written to {out}"]]
    with out.open(encoding="utf-8", newline="") as file:
        header, *rows = list(csv.reader(file))
    assert header == list(wpparse.RECORD_COLUMNS)
    records = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert list(records) == ["71191", "512", "42"]

    first, cafe, page = records["71191"], records["512"], records["42"]
    assert first["date"] == "2026-04-14T08:51:16+07:00"
    assert first["categories"] == "[220]"
    assert first["tags"] == "[]"
    assert first["excerpt_truncated"] == "true"
    assert first["featured_media"] == "71192"
    assert first["featured_image_url"] == ""  # None: the image was not embedded
    assert first["word_count"] == "527"
    assert cafe["slug"] == "caf%c3%a9-culture-returns"
    assert cafe["title_text"] == "Café culture returns – and it’s louder than ever"
    assert cafe["tags"] == "[12, 15]"
    assert json.loads(cafe["tags"]) == [12, 15]
    assert cafe["featured_image_url"] == (
        "https://news.example.org/wp-content/uploads/2025/10/terrace.jpg"
    )
    assert cafe["content_text"].startswith("After two quiet winters, the cafés on Rue Saint-Denis")
    assert "\n\nWhat changed\n\n" in cafe["content_text"]  # line breaks survive, quoted
    assert cafe["warning_count"] == "0"  # WordPress's rest_forbidden in _embedded is data
    assert page["type"] == "page"
    assert page["excerpt_truncated"] == "false"
    assert page["featured_media"] == ""
    assert page["categories"] == "[]"
    assert page["modified"] == "2025-01-15T16:00:00+01:00"

    # Byte for byte what `wpparse convert` writes, and the same on standard output.
    converted = tmp_path / "converted.csv"
    subprocess.run(
        [sys.executable, "-m", "wpparse", "convert", str(SAMPLE), "-o", str(converted), "-q"],
        check=True,
    )
    assert out.read_bytes() == converted.read_bytes()
    stdout = _execute("records_to_csv.py").stdout
    assert stdout == out.read_text(encoding="utf-8")


def test_records_to_csv_reads_json_lines_and_reports_skipped_lines() -> None:
    result = _execute("records_to_csv.py", *map(str, sorted(SHARDS.iterdir())))
    rows = list(csv.reader(result.stdout.splitlines(keepends=True)))
    assert [row[0] for row in rows] == ["id", "71191", "512", "42"]
    assert result.stderr.splitlines() == [
        f"skipped: {SHARDS / 'posts-0002.jsonl'}: line 2, item 1: truncated JSON: the stream"
        " ends inside a value (Expecting property name enclosed in double quotes)"
    ]


def _front_matter(text: str) -> tuple[str, str]:
    """The front matter (without its --- lines) and the body of a Markdown file."""
    assert text.startswith("---\n")
    front, body = text[4:].split("\n---\n", 1)
    return front, body


def test_markdown_export(tmp_path: Path) -> None:
    out = tmp_path / "site" / "content"
    rows = _run("markdown_export.py", "-o", str(out))
    names = {
        "71191": "2026-04-14-japans-tech-titans-just-teamed-up-to-build-a-trillion-parameter-ai"
        "-and-its-not-here-to-chat.md",
        "512": "2025-10-26-café-culture-returns.md",  # the slug was caf%c3%a9-culture-returns
        "42": "2024-07-01-contact.md",
    }
    assert rows == [[post_id, str(out / name)] for post_id, name in names.items()]
    assert sorted(path.name for path in out.iterdir()) == sorted(names.values())

    text = (out / names["512"]).read_text(encoding="utf-8")
    assert text.startswith(
        "---\n"
        'title: "Café culture returns – and it’s louder than ever"\n'
        'date: "2025-10-26T01:30:00+02:00"\n'
        'slug: "café-culture-returns"\n'
        'categories: ["City"]\n'
        'tags: ["Cafés", "Winter"]\n'
        'featured_image: "https://news.example.org/wp-content/uploads/2025/10/terrace.jpg"\n'
        "---\n"
        "\n"
        "After two quiet winters, the cafés on Rue Saint-Denis are full again.\n"
    )
    _, body = _front_matter(text)
    assert "\n## What changed\n" in body
    assert "\n- Longer opening hours\n" in body
    assert "[approved in March](https://news.example.org/2025/03/heaters/)" in body
    assert "![A busy terrace](" in body
    assert "<" not in body  # no HTML left

    # Each front matter value is JSON, hence YAML: read back, the lines give the post's values.
    expected = {
        "71191": {
            "title": "Japan’s Tech Titans Just Teamed Up to Build a Trillion-Parameter AI—And"
            " It’s Not Here to Chat",
            "date": "2026-04-14T08:51:16+07:00",
            "slug": "japans-tech-titans-just-teamed-up-to-build-a-trillion-parameter-ai-and-its"
            "-not-here-to-chat",
            "categories": [220],  # not embedded: the ids
            "tags": [],
        },
        "512": {
            "title": "Café culture returns – and it’s louder than ever",
            "date": "2025-10-26T01:30:00+02:00",
            "slug": "café-culture-returns",
            "categories": ["City"],
            "tags": ["Cafés", "Winter"],  # Caf&eacute;s in _embedded, decoded
            "featured_image": "https://news.example.org/wp-content/uploads/2025/10/terrace.jpg",
        },
        "42": {
            "title": "Contact & Tips",
            "date": "2024-07-01T18:00:00+02:00",
            "slug": "contact",
            "categories": [],
            "tags": [],
        },
    }
    for post_id, name in names.items():
        front, body = _front_matter((out / name).read_text(encoding="utf-8"))
        pairs = [line.split(": ", 1) for line in front.splitlines()]
        assert {key: json.loads(value) for key, value in pairs} == expected[post_id]
        assert body.startswith("\n")  # a blank line after the front matter
        assert body.endswith("\n")
        assert body.strip()
    first_body = _front_matter((out / names["71191"]).read_text(encoding="utf-8"))[1]
    assert "\n#### In brief\n" in first_body
    assert "[jointly formed a new company](https://www.japantimes.co.jp/" in first_body


def test_markdown_export_keeps_every_file_in_its_folder(tmp_path: Path) -> None:
    posts = [
        {"id": 1, "slug": "../escape", "date": "2024-01-01T10:00:00", "title": "Up"},
        {"id": 2, "slug": "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "date": "2024-01-01T10:00:00"},
        {"id": 3, "slug": "", "date": "2024-01-02T10:00:00", "title": "Draft"},
        {"id": 4, "slug": "..", "title": "No date"},
        {"id": 5, "slug": "contact", "date": "2024-01-01T10:00:00"},
        {"id": 6, "slug": "Contact", "date": "2024-01-01T12:00:00"},
    ]
    source = tmp_path / "posts.json"
    source.write_text(json.dumps(posts), encoding="utf-8")
    out = tmp_path / "out"
    rows = _run("markdown_export.py", str(source), "-o", str(out))
    assert [Path(path).name for _, path in rows] == [
        "2024-01-01-escape.md",
        "2024-01-01-etc-passwd.md",
        "2024-01-02-3.md",  # no slug: the id
        "4.md",  # no date: the slug alone
        "2024-01-01-contact.md",
        "2024-01-01-Contact-2.md",  # never overwrites, even on a case-insensitive disk
    ]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out", "posts.json"]
    assert all(Path(path).parent == out for _, path in rows)
    front, _ = _front_matter((out / "2024-01-01-escape.md").read_text(encoding="utf-8"))
    assert 'slug: "escape"' in front.splitlines()


def test_dask_parquet() -> None:
    pytest.importorskip("dask.bag", reason="dask is not installed (pip install -e '.[dask]')")
    pytest.importorskip(
        "distributed", reason="dask.distributed is not installed (pip install -e '.[dask]')"
    )
    pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install -e '.[dask]')")
    # The cluster may log to standard error (a slow machine, say): only the output is checked.
    result = _execute("dask_parquet.py")
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows == [
        ["posts-0001.jsonl → part-00000.parquet", "2 posts", "0 lines skipped"],
        ["posts-0002.jsonl → part-00001.parquet", "1 posts", "1 lines skipped"],
        [
            "",
            "skipped line 2, item 1: truncated JSON: the stream ends inside a value"
            " (Expecting property name enclosed in double quotes)",
        ],
        ["3 posts read back", "1 lines skipped"],
        [
            "71191",
            "Japan’s Tech Titans Just Teamed Up to Build a Trillion-Parameter AI—And It’s Not"
            " Here to Chat",
        ],
        ["512", "Café culture returns – and it’s louder than ever"],
        ["42", "Contact & Tips"],
    ]


def test_markdown_export_takes_what_convert_takes(tmp_path: Path) -> None:
    folder = tmp_path / "dump"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.json").write_bytes((EXAMPLES / "data" / "posts.json").read_bytes())
    seed = Path(__file__).parent / "data" / "post-71191.json"
    (folder / "sub" / "b.jsonl.gz").write_bytes(
        gzip.compress(json.dumps(json.loads(seed.read_bytes())).encode() + b"\n")
    )
    (folder / "notes.txt").write_text("not read", encoding="utf-8")
    lone = tmp_path / "lone.json"
    lone.write_text('{"id": 9, "slug": "nine", "date": "2024-01-02T03:04:05"}', encoding="utf-8")
    out = tmp_path / "content"
    rows = _run("markdown_export.py", str(folder), str(lone), "-o", str(out))
    assert [row[0] for row in rows] == ["71191", "512", "42", "71191", "9"]
    assert len(list(out.glob("*.md"))) == 5
    assert (out / "2024-01-02-nine.md").read_text(encoding="utf-8").startswith("---\n")
