"""Flat records: `wpparse.to_record` and `wpparse.RECORD_COLUMNS`."""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path
from typing import Any

import pytest

import wpparse
from tests.conftest import require_corpus
from wpparse.output._records import RECORD_TYPES

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples" / "data" / "posts.json"
PAGE = ROOT / "docs" / "records.md"

# The type of each column as docs/records.md gives it (None aside).
COLUMN_TYPES: dict[str, type] = {
    "id": int,
    "type": str,
    "slug": str,
    "status": str,
    "link": str,
    "date": str,
    "date_gmt": str,
    "modified": str,
    "modified_gmt": str,
    "title_text": str,
    "excerpt_text": str,
    "excerpt_truncated": bool,
    "content_text": str,
    "word_count": int,
    "author": int,
    "categories": list,
    "tags": list,
    "featured_media": int,
    "featured_image_url": str,
    "link_count": int,
    "image_count": int,
    "embed_count": int,
    "internal_link_count": int,
    "external_link_count": int,
    "warning_count": int,
    "site": str,
    "source": str,
}
NEVER_NONE = {"categories", "tags", "warning_count"}


def _assert_well_formed(record: dict[str, Any]) -> None:
    assert tuple(record) == wpparse.RECORD_COLUMNS
    for column, value in record.items():
        if value is None:
            assert column not in NEVER_NONE, column
        else:
            assert type(value) is COLUMN_TYPES[column], (column, value)
    assert json.loads(json.dumps(record)) == record


def test_columns_are_documented_in_order() -> None:
    assert tuple(COLUMN_TYPES) == wpparse.RECORD_COLUMNS
    page = PAGE.read_text(encoding="utf-8")
    documented = [line.split("`")[1] for line in page.splitlines() if line.startswith("| `")]
    assert documented == list(wpparse.RECORD_COLUMNS)


def test_record_types_name_the_documented_types() -> None:
    names = {int: "int", str: "str", bool: "bool", list: "list[int]"}
    assert {column: names[kind] for column, kind in COLUMN_TYPES.items()} == RECORD_TYPES


# The page's example opens the seed post with open(...).read(), leaving the file to the collector.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_page_example_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    (example,) = re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.DOTALL)
    runner = doctest.DocTestRunner()
    runner.run(doctest.DocTestParser().get_doctest(example, {}, "records.md", str(PAGE), 0))
    results = runner.summarize(verbose=False)
    assert (results.attempted, results.failed) == (5, 0)


def test_record_of_the_seed_post(seed_bytes: bytes) -> None:
    record = wpparse.to_record(wpparse.parse_post(seed_bytes))
    _assert_well_formed(record)
    assert record["id"] == 71191
    assert (record["type"], record["status"]) == ("post", "publish")
    assert record["link"] == (
        "https://hbbgroup.net/en_us/"
        "japans-tech-titans-just-teamed-up-to-build-a-trillion-parameter-ai-and-its-not-here-to-chat/"
    )
    assert record["date"] == "2026-04-14T08:51:16+07:00"
    assert record["date_gmt"] == "2026-04-14T01:51:16+00:00"
    assert record["modified_gmt"] == "2026-04-14T01:51:16+00:00"
    assert record["title_text"].startswith("Japan’s Tech Titans Just Teamed Up")
    assert record["excerpt_text"].endswith("joined by major banks")
    assert record["excerpt_truncated"] is True
    assert record["content_text"].startswith("In brief\n\n• SoftBank, NEC, Honda, and Sony")
    assert record["word_count"] == 527
    assert (record["author"], record["categories"], record["tags"]) == (5, [220], [])
    # The seed post was fetched without ?_embed: the id is known, the URL is not.
    assert (record["featured_media"], record["featured_image_url"]) == (71192, None)
    counts = [record[f"{name}_count"] for name in ("link", "image", "embed", "internal_link")]
    assert counts == [7, 0, 0, 0]
    assert (record["external_link_count"], record["warning_count"]) == (7, 0)


def test_featured_image_url_comes_from_embed() -> None:
    records = {post.id: wpparse.to_record(post) for post in wpparse.iter_posts(EXAMPLES)}
    assert records[512]["featured_media"] == 513
    assert records[512]["featured_image_url"] == (
        "https://news.example.org/wp-content/uploads/2025/10/terrace.jpg"
    )
    assert (records[42]["featured_media"], records[42]["featured_image_url"]) == (None, None)
    assert (records[512]["internal_link_count"], records[512]["external_link_count"]) == (1, 1)
    # Its _embedded.replies holds WordPress's rest_forbidden, kept as data, not a warning.
    assert records[512]["warning_count"] == 0
    for record in records.values():
        _assert_well_formed(record)


def test_embedded_media_of_another_id_is_not_the_featured_image(
    seed_dict: dict[str, Any],
) -> None:
    media = {"id": 9, "type": "attachment", "source_url": "https://hbbgroup.net/other.jpg"}
    post = wpparse.parse_post(dict(seed_dict, _embedded={"wp:featuredmedia": [media]}))
    assert wpparse.to_record(post)["featured_image_url"] is None
    media["id"] = 71192
    post = wpparse.parse_post(dict(seed_dict, _embedded={"wp:featuredmedia": [media]}))
    assert wpparse.to_record(post)["featured_image_url"] == "https://hbbgroup.net/other.jpg"


def test_relative_link_is_resolved_against_self(seed_dict: dict[str, Any]) -> None:
    post = wpparse.parse_post(dict(seed_dict, link="/en_us/a-post/"))
    assert post.link == "/en_us/a-post/"
    assert wpparse.to_record(post)["link"] == "https://hbbgroup.net/en_us/a-post/"


def test_absent_fields_give_none_and_empty_lists() -> None:
    record = wpparse.to_record(wpparse.parse_post({"id": 7}))
    _assert_well_formed(record)
    assert record["id"] == 7
    assert record["categories"] == record["tags"] == []
    assert record["warning_count"] == 0
    rest = {key: value for key, value in record.items() if key not in NEVER_NONE | {"id"}}
    assert set(rest.values()) == {None}


def test_dates_without_gmt_stay_naive() -> None:
    record = wpparse.to_record(wpparse.parse_post({"id": 1, "date": "2024-01-02T03:04:05"}))
    assert (record["date"], record["date_gmt"]) == ("2024-01-02T03:04:05", None)


def test_internal_and_external_are_unknown_without_the_post_link() -> None:
    html = '<p><a href="https://a.example/">a</a> <a href="https://b.example/">b</a></p>'
    record = wpparse.to_record(wpparse.parse_post({"id": 1, "content": {"rendered": html}}))
    assert record["link_count"] == 2
    assert (record["internal_link_count"], record["external_link_count"]) == (None, None)
    post = wpparse.parse_post(
        {"id": 1, "link": "https://a.example/p/", "content": {"rendered": html}}
    )
    counts = wpparse.to_record(post)
    assert (counts["internal_link_count"], counts["external_link_count"]) == (1, 1)


def test_warnings_are_counted(seed_dict: dict[str, Any]) -> None:
    post = wpparse.parse_post(dict(seed_dict, sticky="1", author="5"))
    assert wpparse.to_record(post)["warning_count"] == len(post.warnings) == 2


def test_every_corpus_post_gives_a_well_formed_record() -> None:
    corpus = require_corpus()
    count = 0
    for path in sorted(corpus.rglob("*.json")):
        if path.parent.name == "errors":
            continue
        for post in wpparse.iter_posts(path, on_error=lambda error: None):
            _assert_well_formed(wpparse.to_record(post))
            count += 1
    assert count > 1000
