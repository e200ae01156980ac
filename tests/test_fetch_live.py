"""`wpparse fetch` against the live WordPress (tests/live_wordpress.py): what the site holds.

Tests that add posts remove them again, so the other live tests see the seed.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

import wpparse
from tests.fake_site import Fault, FaultyProxy, proxying
from tests.live_wordpress import WordPressSite
from wpparse.output import fetch_command
from wpparse.output.fetch import Site, find_api_root, iter_pages, iter_site
from wpparse.output.http import Client

pytestmark = pytest.mark.live

FAST: dict[str, Any] = {"rate": 1000.0, "backoff": 0.05, "retries": 3}


def _held_ids(site: WordPressSite, route: str, **params: Any) -> list[int]:
    """Every id of `route`'s collection, page by page, as the site lists them."""
    ids: list[int] = []
    page = 1
    while True:
        answer = site.api(route, per_page=100, page=page, orderby="id", order="asc", **params)
        assert answer.status == 200, answer.body[:200]
        ids += [item["id"] for item in answer.json()]
        if page >= int(answer.headers.get("x-wp-totalpages", "1")):
            return ids
        page += 1


def _site(wordpress: WordPressSite, **client: Any) -> Site:
    connection = Client(**{**FAST, **client})
    return Site(find_api_root(connection, wordpress.url + "/"), connection)


@pytest.fixture
def throwaway_posts(wordpress: WordPressSite) -> Iterator[list[int]]:
    """Twelve published posts made for one test, deleted afterwards."""
    made = []
    for number in range(12):
        answer = wordpress.request(
            "/?rest_route=/wp/v2/posts",
            data=json.dumps({"title": f"Throwaway {number}", "status": "publish"}).encode(),
            method="POST",
            headers={"Content-Type": "application/json"},
            auth=True,
        )
        assert answer.status == 201, answer.body[:300]
        made.append(answer.json()["id"])
    try:
        yield made
    finally:
        for id_ in made:
            wordpress.api(f"/wp/v2/posts/{id_}", auth=True, method="DELETE", force="true")


def test_the_api_root_is_the_one_the_home_page_names(wordpress: WordPressSite) -> None:
    named = wordpress.request("/").headers["link"].partition(">")[0].removeprefix("<")
    assert find_api_root(Client(**FAST), wordpress.url + "/") == named
    # And the form for sites whose /wp-json/ is not routed (plain permalinks) works alike.
    plain = Site(wordpress.url + "/?rest_route=/", Client(**FAST))
    assert [item["id"] for item in iter_site(plain, ["pages"])] == _held_ids(
        wordpress, "/wp/v2/pages"
    )


@pytest.mark.parametrize(
    "types",
    [["posts", "pages"], ["media", "categories", "tags", "users"], ["comments", "books", "genres"]],
)
def test_a_fetch_holds_every_object_the_site_lists_once(
    wordpress: WordPressSite, types: list[str]
) -> None:
    by_type: dict[str, list[int]] = {name: [] for name in types}
    for page, _ in iter_pages(_site(wordpress), types, per_page=25):
        by_type[page.type] += [item["id"] for item in page.objects]
    for name in types:
        assert by_type[name] == _held_ids(wordpress, f"/wp/v2/{name}")
        assert by_type[name]


def test_fetched_objects_equal_what_the_site_gives_one_by_one(wordpress: WordPressSite) -> None:
    objects = list(iter_site(_site(wordpress), ["posts"]))
    for item in objects[:: max(1, len(objects) // 15)]:
        assert wordpress.api(f"/wp/v2/posts/{item['id']}").json() == item


def test_embed_and_edit_context_with_an_application_password(wordpress: WordPressSite) -> None:
    site = _site(wordpress, auth=(wordpress.admin, wordpress.app_password))
    objects = list(iter_site(site, ["posts"], embed=True, context="edit"))
    assert [item["id"] for item in objects] == _held_ids(wordpress, "/wp/v2/posts")
    assert all("raw" in item["content"] for item in objects)
    assert all("author" in item["_embedded"] for item in objects)
    for post in wpparse.parse_posts(objects):
        assert post.embedded is not None
        assert post.content is not None
        assert post.content.raw is not None


def test_edit_context_without_the_right_is_a_wpapierror(wordpress: WordPressSite) -> None:
    with pytest.raises(wpparse.WPAPIError) as raised:
        list(iter_site(_site(wordpress), ["posts"], context="edit"))
    assert raised.value.status == 401


def test_posts_deleted_mid_crawl_cost_no_post_that_stayed(
    wordpress: WordPressSite, throwaway_posts: list[int]
) -> None:
    before = _held_ids(wordpress, "/wp/v2/posts")
    doomed = set(throwaway_posts[:4])
    seen: list[int] = []
    for number, (page, _) in enumerate(iter_pages(_site(wordpress), ["posts"], per_page=5)):
        seen += [item["id"] for item in page.objects]
        if number == 1:
            for id_ in doomed:
                wordpress.api(f"/wp/v2/posts/{id_}", auth=True, method="DELETE", force="true")
    assert len(seen) == len(set(seen))
    assert set(before) - doomed <= set(seen)


def test_since_fetches_only_what_changed(
    wordpress: WordPressSite, throwaway_posts: list[int]
) -> None:
    # WordPress compares modified_after with `modified`, the site's local time: a moment before
    # the last throwaway post was made.
    last = wordpress.api(f"/wp/v2/posts/{throwaway_posts[-1]}").json()
    since = (dt.datetime.fromisoformat(last["modified"]) - dt.timedelta(seconds=1)).isoformat()
    objects = list(iter_site(_site(wordpress), ["posts"], modified_after=since))
    assert throwaway_posts[-1] in [item["id"] for item in objects]
    assert len(objects) < len(_held_ids(wordpress, "/wp/v2/posts"))
    assert all(item["modified"] > since for item in objects)


def test_fetch_then_convert_as_the_docs_say(wordpress: WordPressSite, tmp_path: Path) -> None:
    dump, records = tmp_path / "site.jsonl", tmp_path / "site.parquet"
    fetched = subprocess.run(
        [sys.executable, "-m", "wpparse", "fetch", wordpress.url, "-o", str(dump), "--rate", "50"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert fetched.returncode == 0, fetched.stderr
    assert "objects in" in fetched.stderr
    held = _held_ids(wordpress, "/wp/v2/posts") + _held_ids(wordpress, "/wp/v2/pages")
    assert [post.id for post in wpparse.iter_posts(dump)] == held
    converted = subprocess.run(
        [sys.executable, "-m", "wpparse", "convert", str(dump), "-o", str(records), "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert converted.returncode == 0, converted.stderr
    table = pq.read_table(records)
    assert table.column("id").to_pylist() == held
    assert table.column("site").to_pylist() == ["127.0.0.1"] * len(held)


def test_an_interrupted_fetch_of_the_site_resumes_to_the_same_file(
    wordpress: WordPressSite, tmp_path: Path
) -> None:
    options: dict[str, Any] = {"types": ["posts", "pages"], "per_page": 20}
    whole, out = tmp_path / "whole.jsonl.gz", tmp_path / "site.jsonl.gz"
    fetch_command.fetch_to_file(wordpress.url, whole, client_options=FAST, **options)

    def stop(page: Any) -> None:
        if page.number == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        fetch_command.fetch_to_file(
            wordpress.url, out, client_options=FAST, after_page=stop, **options
        )
    fetch_command.fetch_to_file(wordpress.url, out, client_options=FAST, resume=True, **options)
    assert out.read_bytes() == whole.read_bytes()


# -- through a proxy that fails on demand -------------------------------------------------------


@pytest.mark.parametrize(
    "faults",
    [
        pytest.param([Fault("status", 429, {"Retry-After": "1"})], id="429-retry-after"),
        pytest.param([Fault("status", 503), Fault("status", 502)], id="503-then-502"),
        pytest.param([Fault("reset"), Fault("truncate")], id="reset-then-truncated"),
        pytest.param([Fault("html-type"), Fault("php")], id="html-type-and-php-warning"),
    ],
)
def test_a_fetch_through_faults_gets_what_the_site_holds(
    wordpress: WordPressSite, faults: list[Fault]
) -> None:
    with proxying(FaultyProxy(wordpress.url, faults=list(faults))) as proxy:
        client = Client(**FAST)
        site = Site(find_api_root(client, proxy.url + "/"), client)
        ids = [item["id"] for item in iter_site(site, ["pages", "posts"], per_page=30)]
        assert not proxy.faults
    assert ids == _held_ids(wordpress, "/wp/v2/pages") + _held_ids(wordpress, "/wp/v2/posts")


def test_a_block_page_in_front_of_the_site_stops_the_fetch_with_its_title(
    wordpress: WordPressSite,
) -> None:
    with proxying(FaultyProxy(wordpress.url, faults=[Fault("html", 403)])) as proxy:
        client = Client(**FAST)
        site = Site(find_api_root(client, proxy.url + "/"), client)
        with pytest.raises(wpparse.WPParseError, match="Access denied"):
            list(iter_site(site, ["posts"]))
