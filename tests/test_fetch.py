"""`wpparse fetch` against a stand-in site on 127.0.0.1 that fails on demand (tests/fake_site.py).

What a real WordPress gives is checked in tests/test_fetch_live.py; here, the faults it will not
make: rate limits, server errors, resets, truncated bodies, block pages, PHP's warnings,
objects deleted or published mid-crawl, and interrupted runs.
"""

from __future__ import annotations

import gzip
import json
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import wpparse
from tests.fake_site import FakeSite, Fault, posts, running
from wpparse import WPAPIError
from wpparse.output import fetch_command
from wpparse.output.fetch import Site, find_api_root, iter_pages, iter_site
from wpparse.output.http import USER_AGENT, Client, FetchError

FAST: dict[str, Any] = {"rate": 1000.0, "backoff": 0.01, "retries": 3}
POSTS = ["posts"]


@pytest.fixture
def site() -> Iterator[FakeSite]:
    with running(FakeSite(objects={"posts": posts(25), "pages": posts(3, first_id=100)})) as fake:
        yield fake


def _fetch(fake: FakeSite, **options: Any) -> list[Any]:
    client = Client(**FAST)
    return list(iter_site(Site(find_api_root(client, fake.url), client), **options))


def _ids(objects: list[Any]) -> list[int]:
    return [item["id"] for item in objects]


def _lines(path: Path) -> list[Any]:
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as file:
        return [json.loads(line) for line in file]


# -- finding the API --------------------------------------------------------------------------


@pytest.mark.parametrize("plain", [False, True], ids=["pretty-permalinks", "plain-permalinks"])
@pytest.mark.parametrize("announce", [True, False], ids=["announced", "guessed"])
def test_the_api_is_found_from_the_home_page(plain: bool, announce: bool) -> None:
    fake = FakeSite(objects={"posts": posts(3)}, plain_permalinks=plain, announce=announce)
    with running(fake):
        assert find_api_root(Client(**FAST), fake.url) == fake.root
        assert _ids(_fetch(fake, types=["posts"])) == [1, 2, 3]


def test_a_site_without_the_api_is_an_error_naming_what_was_tried() -> None:
    expected = r"no WordPress REST API found from .*tried .*wp-json"
    with running(FakeSite(wordpress=False)) as other, pytest.raises(FetchError, match=expected):
        find_api_root(Client(**FAST), other.url)


# -- pages -----------------------------------------------------------------------------------


def test_every_object_of_every_type_once_in_id_order(site: FakeSite) -> None:
    site.objects["posts"].reverse()  # the site's own order does not matter
    objects = _fetch(site, types=["posts", "pages"], per_page=10)
    assert _ids(objects) == [*range(1, 26), 100, 101, 102]
    collection = [path for path in site.requests if "/wp/v2/posts" in path]
    assert all("orderby=id" in path and "order=asc" in path for path in collection)


def test_the_requests_say_who_asks(site: FakeSite) -> None:
    assert USER_AGENT.startswith(f"wpparse/{wpparse.__version__}")
    _fetch(site, types=["pages"])
    assert site.user_agents
    assert set(site.user_agents) == {USER_AGENT}


def test_a_site_that_caps_per_page_is_asked_for_fewer(site: FakeSite) -> None:
    site.max_per_page = 20
    assert _ids(_fetch(site, types=["posts"])) == list(range(1, 26))


def test_an_unknown_type_names_the_types_the_site_has(site: FakeSite) -> None:
    with pytest.raises(FetchError, match=r"no /wp/v2/books \(its types: pages, posts\)"):
        _fetch(site, types=["books"])


def test_since_asks_for_what_changed(site: FakeSite) -> None:
    objects = _fetch(site, types=["posts"], modified_after="2026-01-20T00:00:00")
    assert objects
    assert all(item["modified"] > "2026-01-20T00:00:00" for item in objects)
    assert len(objects) < 25


def _crawl_changing(site: FakeSite, change: Callable[[], None], concurrency: int = 1) -> list[int]:
    """The ids of a crawl of the posts, pages of five, with `change` made after the second."""
    client = Client(**FAST, connections=concurrency)
    pages = iter_pages(
        Site(find_api_root(client, site.url), client),
        ["posts"],
        per_page=5,
        concurrency=concurrency,
    )
    seen: list[int] = []
    for number, (page, _) in enumerate(pages):
        seen += _ids(list(page.objects))
        if number == 1:
            change()
    return seen


def test_objects_deleted_mid_crawl_cost_no_object_that_stayed(site: FakeSite) -> None:
    def delete() -> None:  # the first six: every later page would start further on
        del site.objects["posts"][:6]

    seen = _crawl_changing(site, delete)
    assert sorted(seen) == seen
    assert len(seen) == len(set(seen))
    assert set(range(7, 26)) <= set(seen)


def test_objects_published_mid_crawl_are_not_repeated(site: FakeSite) -> None:
    def publish() -> None:
        site.objects["posts"] += posts(3, first_id=200)
        site.objects["posts"] += [{"id": 0, "title": {"rendered": "a draft made public"}}]

    seen = _crawl_changing(site, publish)
    assert len(seen) == len(set(seen))
    assert set(range(1, 26)) | {200, 201, 202} <= set(seen)


# -- faults ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fault",
    [
        pytest.param(Fault("status", 500), id="500"),
        pytest.param(Fault("status", 502), id="502"),
        pytest.param(Fault("status", 503), id="503"),
        pytest.param(Fault("reset"), id="connection-reset"),
        pytest.param(Fault("truncate"), id="truncated-body"),
    ],
)
def test_a_passing_fault_is_retried_and_nothing_is_lost(site: FakeSite, fault: Fault) -> None:
    site.faults = [fault, fault]
    assert _ids(_fetch(site, types=["posts"], per_page=10)) == list(range(1, 26))
    assert not site.faults


def test_a_request_that_times_out_is_asked_again(site: FakeSite) -> None:
    site.faults = [Fault("slow", seconds=1.5)]
    client = Client(**{**FAST, "timeout": 0.5})
    objects = list(iter_site(Site(find_api_root(client, site.url), client), ["posts"]))
    assert [item["id"] for item in objects] == list(range(1, 26))


def test_redirects_are_followed(site: FakeSite) -> None:
    # The home page moved, and a collection answers from another path with a trailing slash.
    target = site.url + "wp-json/wp/v2/posts/?orderby=id&order=asc&per_page=100&offset=0"
    site.faults = [Fault("redirect", 301, {"Location": target})]
    client = Client(**FAST)
    assert find_api_root(client, site.url + "moved/") == site.root
    assert _ids(list(iter_site(Site(site.root, client), ["posts"]))) == list(range(1, 26))


def test_json_labelled_as_html_is_read(site: FakeSite) -> None:
    site.faults = [Fault("html-type")]
    assert _ids(_fetch(site, types=["posts"])) == list(range(1, 26))


def test_429_waits_as_long_as_retry_after_says(site: FakeSite) -> None:
    site.faults = [Fault("status", 429, {"Retry-After": "1"})]
    start = time.monotonic()
    assert _ids(_fetch(site, types=["posts"])) == list(range(1, 26))
    assert 1.0 <= time.monotonic() - start < 10


def test_a_fault_that_lasts_ends_the_crawl_with_an_error(site: FakeSite) -> None:
    site.faults = [Fault("status", 503)] * 10
    with pytest.raises(wpparse.WPParseError, match="HTTP 503"):
        _fetch(site, types=["posts"])


def test_an_html_block_page_is_an_error_naming_the_url_and_the_page(site: FakeSite) -> None:
    site.faults = [Fault("html", 403)]
    with pytest.raises(FetchError, match=r"wp/v2/posts.*HTTP 403.*'Access denied \| Wordfence'"):
        _fetch(site, types=["posts"])


def test_a_wordpress_error_object_is_a_wpapierror(site: FakeSite) -> None:
    site.faults = [Fault("error", 401, code="rest_forbidden_context")]
    with pytest.raises(WPAPIError) as raised:
        _fetch(site, types=["posts"])
    assert (raised.value.code, raised.value.status) == ("rest_forbidden_context", 401)


def test_json_after_php_warnings_is_read_with_a_warning(site: FakeSite) -> None:
    site.faults = [Fault("php")]
    client = Client(**FAST)
    pages = list(iter_pages(Site(find_api_root(client, site.url), client), ["posts"]))
    first, _ = pages[0]
    assert _ids(list(first.objects)) == list(range(1, 26))
    assert [problem.kind for problem in first.warnings] == [wpparse.ProblemKind.PHP_MESSAGES]


def test_the_rate_limit_spaces_requests() -> None:
    waits: list[float] = []
    now = [0.0]
    client = Client(rate=2.0, sleep=waits.append, clock=lambda: now[0])
    with running(FakeSite(objects={"posts": posts(1)})) as fake:
        for _ in range(3):
            client.get(fake.url)
    assert waits == [0.5, 0.5]


# -- the command -----------------------------------------------------------------------------


def test_the_command_writes_json_lines_that_wpparse_reads(
    site: FakeSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site.jsonl"
    status = fetch_command.main([site.url, "-o", str(out), "--rate", "1000", "--per-page", "10"])
    assert status == 0
    assert _ids(_lines(out)) == [*range(1, 26), 100, 101, 102]
    assert [post.id for post in wpparse.iter_posts(out)] == _ids(_lines(out))
    err = capsys.readouterr().err
    assert "28 objects in" in err
    assert f"written to {out}" in err
    assert not (tmp_path / ("site.jsonl" + fetch_command.STATE_SUFFIX)).exists()


def test_the_command_says_what_stopped_it_and_keeps_what_it_fetched(
    site: FakeSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site.jsonl"
    site.faults = [Fault("html", 403)]
    status = fetch_command.main([site.url, "-o", str(out), "--rate", "1000", "--types", "pages"])
    assert status == 2
    err = capsys.readouterr().err
    assert "Access denied | Wordfence" in err
    assert "--resume goes on" in err


@pytest.mark.parametrize("name", ["site.jsonl", "site.jsonl.gz"])
def test_an_interrupted_fetch_resumed_writes_the_same_file(
    site: FakeSite, tmp_path: Path, name: str
) -> None:
    whole = tmp_path / ("whole-" + name)
    options: dict[str, Any] = {"types": ["posts", "pages"], "per_page": 5}
    fetch_command.fetch_to_file(site.url, whole, client_options=FAST, **options)

    out = tmp_path / name
    pages = 0

    def stop_after_three(page: Any) -> None:
        nonlocal pages
        pages += 1
        if pages == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        fetch_command.fetch_to_file(
            site.url, out, client_options=FAST, after_page=stop_after_three, **options
        )
    state = tmp_path / (name + fetch_command.STATE_SUFFIX)
    assert state.exists()
    with out.open("ab") as file:
        file.write(b'{"id": 999, "half a li')  # what a killed process may leave behind
    fetch_command.fetch_to_file(site.url, out, client_options=FAST, resume=True, **options)
    assert out.read_bytes() == whole.read_bytes()
    assert not state.exists()
    assert _ids(_lines(out)) == [*range(1, 26), 100, 101, 102]


def test_resume_refuses_a_finished_file_and_another_fetch_s_state(
    site: FakeSite, tmp_path: Path
) -> None:
    out = tmp_path / "site.jsonl"
    fetch_command.fetch_to_file(site.url, out, client_options=FAST, types=["posts"])
    with pytest.raises(wpparse.WPParseError, match="nothing to resume"):
        fetch_command.fetch_to_file(
            site.url, out, client_options=FAST, types=["posts"], resume=True
        )
    state = tmp_path / ("site.jsonl" + fetch_command.STATE_SUFFIX)
    state.write_text(json.dumps({"version": 1, "plan": {"site": "elsewhere"}}), encoding="utf-8")
    with pytest.raises(wpparse.WPParseError, match="another fetch"):
        fetch_command.fetch_to_file(
            site.url, out, client_options=FAST, types=["posts"], resume=True
        )


def test_without_urllib3_the_command_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "urllib3", None)  # as if it were not installed
    with pytest.raises(SystemExit) as exited:
        fetch_command.main(["http://127.0.0.1:1/", "-o", str(tmp_path / "site.jsonl")])
    assert exited.value.code == 2
    assert 'pip install "wpparse[fetch]"' in capsys.readouterr().err
    with pytest.raises(wpparse.WPParseError, match=r"wpparse\[fetch\]"):
        Client()


# -- several requests in flight --------------------------------------------------------------


def test_concurrent_requests_give_the_same_pages_in_the_same_order(site: FakeSite) -> None:
    site.faults = [Fault("status", 503), Fault("reset")]
    alone = _fetch(site, types=["posts", "pages"], per_page=5)
    client = Client(**FAST, connections=4)
    together = list(
        iter_site(
            Site(find_api_root(client, site.url), client),
            ["posts", "pages"],
            per_page=5,
            concurrency=4,
        )
    )
    assert together == alone


def test_concurrent_requests_still_lose_no_object_deleted_around_them(site: FakeSite) -> None:
    def delete() -> None:
        del site.objects["posts"][:6]

    seen = _crawl_changing(site, delete, concurrency=3)
    assert len(seen) == len(set(seen))
    assert set(range(7, 26)) <= set(seen)


def test_the_rate_limit_holds_for_every_thread() -> None:
    waits: list[float] = []
    now = [0.0]
    client = Client(rate=4.0, connections=3, sleep=waits.append, clock=lambda: now[0])
    with running(FakeSite(objects={"posts": posts(1)})) as fake:
        threads = [threading.Thread(target=client.get, args=(fake.url,)) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert client.requests == 6
    assert waits == [0.25] * 5


def test_the_command_with_concurrency_writes_the_same_file(site: FakeSite, tmp_path: Path) -> None:
    files = []
    for concurrency in ("1", "3"):
        out = tmp_path / f"site-{concurrency}.jsonl"
        argv = [site.url, "-o", str(out), "--rate", "1000", "--per-page", "5", "-q"]
        assert fetch_command.main([*argv, "--concurrency", concurrency]) == 0
        files.append(out.read_bytes())
    assert files[0] == files[1]
