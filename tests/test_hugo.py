"""A real static site generator reads what `wpparse markdown` writes: Hugo builds it, page for page.

Hugo (Debian's ``hugo``, 0.111) builds a minimal site over the exported folder, with a layout
that prints each page's title, date, slug, terms and aliases as JSON. Hugo drops pages with
broken front matter, and two pages that share a URL, without a word: the count is checked.
Marked ``live``, like the WordPress harness: skipped without Hugo, an error with WPPARSE_LIVE=1.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

import wpparse
from tests.conftest import CORPUS
from tests.live_wordpress import WordPressSite
from wpparse.output import markdown_command
from wpparse.output.fetch_command import fetch_to_file
from wpparse.output.http import Client
from wpparse.output.local_images import ImageStore, local_path
from wpparse.output.markdown_command import export_posts

pytestmark = pytest.mark.live

SAMPLE = Path(__file__).parent.parent / "examples" / "data" / "posts.json"
_PAGE = (
    '{{ dict "id" .Params.wordpress_id "title" .Title'
    ' "date" (.Date.Format "2006-01-02T15:04:05-07:00") "slug" .Slug'
    ' "categories" .Params.categories "tags" .Params.tags "aliases" .Aliases "draft" .Draft'
    ' "path" .File.Path "image" .Params.featured_image | jsonify }}'
)


def _hugo() -> str:
    found = shutil.which("hugo")
    if found is None:
        reason = "needs Hugo: apt-get install hugo"
        if os.environ.get("WPPARSE_LIVE") == "1":
            pytest.fail(f"WPPARSE_LIVE=1, but {reason}", pytrace=False)
        pytest.skip(reason)
    return found


def build(content: Path, site: Path) -> list[dict[str, Any]]:
    """Build a Hugo site over `content`; every page it rendered, as its layout printed it."""
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "layouts" / "_default" / "single.html").write_text(_PAGE, encoding="utf-8")
    (site / "layouts" / "_default" / "list.html").write_text("", encoding="utf-8")
    (site / "config.toml").write_text(
        'baseURL = "http://example.org/"\n'
        'disableKinds = ["RSS", "sitemap", "robotsTXT", "404", "taxonomy", "term"]\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [
            _hugo(),
            "--source", str(site),
            "--contentDir", str(content),
            "--buildDrafts",
            "--buildFuture",
            "--buildExpired",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    pages = []
    for path in (site / "public").rglob("index.html"):
        text = path.read_text(encoding="utf-8").strip()
        if text.startswith("{"):
            pages.append(
                {**json.loads(text), "url": "/" + str(path.parent.relative_to(site / "public"))}
            )
    return pages


def _expected_date(post: wpparse.Post) -> str | None:
    moment = post.date if post.date is not None and post.date.tzinfo else post.date_gmt
    return None if moment is None else moment.strftime("%Y-%m-%dT%H:%M:%S%z")


def _written(content: Path, page: dict[str, Any]) -> dict[str, Any]:
    """The front matter wpparse wrote for the file Hugo made `page` of."""
    text = (content / page["path"]).read_text(encoding="utf-8")
    fields = yaml.safe_load(text.split("---\n", 2)[1])
    assert isinstance(fields, dict)
    return fields


def _check(content: Path, posts: list[wpparse.Post], pages: list[dict[str, Any]]) -> None:
    """Hugo made a page of every post, with the fields wpparse wrote and the posts hold."""
    assert len(pages) == len(posts), "Hugo dropped pages"
    for page in pages:
        written = _written(content, page)
        assert page["slug"] == written["slug"]
        assert page["categories"] == written.get("categories")
        assert page["tags"] == written.get("tags")
        # (Hugo lowercases some aliases: compared without case.)
        assert [alias.strip("/").lower() for alias in page["aliases"] or ()] == [
            alias.strip("/").lower() for alias in written.get("aliases", ())
        ]
    by_path = {page["path"]: page for page in pages}
    assert len(by_path) == len(posts)
    urls = [page["url"] for page in pages]
    assert len(set(urls)) == len(urls)
    checked = 0
    for page in pages:
        matches = [post for post in posts if post.id == page["id"]]
        assert matches, page
        post = matches[0]
        if len(matches) == 1:
            title = post.title.text if post.title is not None else ""
            assert page["title"] == title
            expected = _expected_date(post)
            if expected is not None:
                assert page["date"].replace(":", "") == expected.replace(":", "")
            assert page["draft"] is (post.status not in (None, "publish"))
            checked += 1
    assert checked > len(posts) / 2


def test_hugo_builds_every_sample_post_with_its_fields(tmp_path: Path) -> None:
    posts = wpparse.parse_posts(SAMPLE)
    content = tmp_path / "content"
    export_posts(posts, content)
    pages = build(content, tmp_path / "site")
    _check(content, posts, pages)
    cafe = next(page for page in pages if page["id"] == 512)
    assert cafe["slug"] == "café-culture-returns"
    assert cafe["categories"] == ["City"]
    assert cafe["tags"] == ["Cafés", "Winter"]
    assert cafe["url"] == "/posts/café-culture-returns"
    # The old address keeps working: Hugo writes a redirect there.
    alias = tmp_path / "site" / "public" / "2025" / "10" / "café-culture-returns" / "index.html"
    assert 'http-equiv="refresh"' in alias.read_text(encoding="utf-8")


def test_hugo_builds_every_post_of_the_corpus(tmp_path: Path) -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    posts = [
        post
        for path in sorted(CORPUS.rglob("*.json"))
        if "errors" not in path.parts
        for post in wpparse.iter_posts(path, on_error=lambda error: None)
    ]
    content = tmp_path / "content"
    export_posts(posts, content, layout="date")
    _check(content, posts, build(content, tmp_path / "site"))


def test_a_live_site_into_hugo(wordpress: WordPressSite, tmp_path: Path) -> None:
    content = tmp_path / "content"
    status = markdown_command.main([wordpress.url, "-o", str(content), "--rate", "100", "-q"])
    assert status in (0, 1)
    posts = [
        wpparse.parse_post(item)
        for route in ("/wp/v2/posts", "/wp/v2/pages")
        for item in _everything(wordpress, route)
    ]
    pages = build(content, tmp_path / "site")
    _check(content, posts, pages)
    with_terms = [page for page in pages if page.get("categories")]
    assert with_terms
    assert all(isinstance(name, str) for page in with_terms for name in page["categories"])


def _everything(site: WordPressSite, route: str) -> list[Any]:
    """Every object of `route`'s collection, page by page, as the site lists them."""
    found: list[Any] = []
    page = 1
    while True:
        answer = site.api(route, per_page=100, page=page, _embed=1)
        found += answer.json()
        if page >= int(answer.headers.get("x-wp-totalpages", "1")):
            return found
        page += 1


def test_a_live_site_with_its_images_downloaded(wordpress: WordPressSite, tmp_path: Path) -> None:
    # Fetched as `wpparse fetch --embed` does; the posts with the site's own images (the block
    # fixtures link others, which this machine cannot reach).
    dump = tmp_path / "site.jsonl"
    fast = {"rate": 1000.0, "retries": 1, "backoff": 0.01}
    fetch_to_file(wordpress.url, dump, types=["posts"], embed=True, client_options=fast)
    local = wordpress.url + "/"
    posts = [
        post
        for post in wpparse.iter_posts(dump)
        if post.content is not None
        and all(image.url.startswith(local) for image in post.content.images)
        and (post.featured_image_url or post.content.images)
    ]
    assert posts
    content = tmp_path / "content"
    store = ImageStore(content, Client(rate=1000.0, retries=1, backoff=0.01), "/images/", print)
    export_posts(posts, content, images=store)
    assert store.downloaded
    assert store.failed == 0
    for post in posts:
        urls = [image.url for image in post.content.images] if post.content else []
        for url in [*urls, post.featured_image_url]:
            if url is None:
                continue
            relative = local_path(url)
            assert relative is not None
            original = wordpress.request(url.removeprefix(wordpress.url)).body
            assert (content / relative).read_bytes() == original
    pages = build(content, tmp_path / "site")
    assert len(pages) == len(posts)
    featured = [page for page in pages if page.get("image")]
    assert featured
    for page in featured:
        assert (tmp_path / "site" / "public" / page["image"].lstrip("/")).is_file()
