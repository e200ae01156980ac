"""Every object of the shared real-world corpus parses, and its key values come through."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import wpparse
from tests.conftest import CORPUS, require_corpus

_TAG = re.compile(r"<[^>]*>")
_INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u2060\ufeff")


_ABSENT = pytest.param(
    None,
    marks=pytest.mark.skip(reason=f"the shared corpus is not at {CORPUS} (beside the repository)"),
    id="no-corpus",
)


def _corpus_files() -> list[Any]:
    if not CORPUS.is_dir():
        return [_ABSENT]
    return sorted([*CORPUS.glob("*.json"), *CORPUS.glob("large/*.json")])


def _error_files() -> list[Any]:
    return sorted(CORPUS.glob("errors/*.json")) if CORPUS.is_dir() else [_ABSENT]


def _objects(path: Path) -> Iterator[dict[str, Any]]:
    value = json.loads(path.read_bytes())
    yield from value if isinstance(value, list) else [value]


def _expected_title(raw: Any) -> str:
    rendered = raw.get("rendered", "") if isinstance(raw, dict) else str(raw)
    return " ".join(html.unescape(_TAG.sub("", rendered)).translate(_INVISIBLE).split())


def _wall_time(raw: Any) -> dt.datetime | None:
    if not isinstance(raw, str) or raw.startswith(("0000", "-0001")):
        return None
    return dt.datetime.fromisoformat(raw).replace(tzinfo=None)


def test_corpus_is_present() -> None:
    corpus = require_corpus()
    assert len(_corpus_files()) >= 40, f"expected the full corpus in {corpus}"


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: getattr(p, "name", None))
def test_every_object_parses_with_its_values(path: Path) -> None:
    raws = list(_objects(path))
    posts = list(wpparse.iter_posts(path))
    assert len(posts) == len(raws)
    for raw, post in zip(raws, posts, strict=True):
        assert post.id == raw["id"]
        assert post.link == raw.get("link")
        for key in ("date", "date_gmt", "modified", "modified_gmt"):
            value = getattr(post, key)
            assert (None if value is None else value.replace(tzinfo=None)) == _wall_time(
                raw.get(key)
            ), key
        if "date_gmt" in raw and post.date_gmt is not None:
            assert post.date_gmt.utcoffset() == dt.timedelta(0)
            assert post.date is not None
            assert post.date.utcoffset() is not None
            assert post.date == post.date_gmt  # the same instant, in two clocks
        if "title" in raw:
            assert post.title is not None
            assert post.title.text == _expected_title(raw["title"])


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: getattr(p, "name", None))
def test_every_object_round_trips_and_keeps_every_key(path: Path) -> None:
    for raw, post in zip(_objects(path), wpparse.iter_posts(path), strict=True):
        written = json.loads(json.dumps(post.to_dict()))
        assert wpparse.parse_post(written) == post
        # Every input key is written back under its own name (the 2016 API's featured_image is
        # read as featured_media), except those saying "none" (0 or null), which read as None.
        renamed = {"featured_image": "featured_media"} if "featured_media" not in raw else {}
        missing = {key for key in raw if renamed.get(key, key) not in written}
        assert all(raw[key] is None or (type(raw[key]) is int and raw[key] == 0) for key in missing)


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: getattr(p, "name", None))
def test_every_rendered_field_normalizes(path: Path) -> None:
    for post in wpparse.iter_posts(path):
        for key in ("title", "excerpt", "content", "caption", "description", "guid"):
            rendered = getattr(post, key)
            if rendered is None:
                continue
            text = rendered.text
            assert "<p>" not in text
            assert not any(marker in text for marker in "\x01\x02\x04\x05\x06\x07\x08\x0c")
            for link in rendered.links:
                assert not link.url.lower().startswith(("javascript:", "data:", "vbscript:"))
            for image in rendered.images:
                assert image.url
            assert all(embed.url for embed in rendered.embeds)
            assert all(1 <= heading.level <= 6 for heading in rendered.headings)
            assert isinstance(rendered.markdown, str)
        if post.content is not None and post.content.text:
            assert post.content.word_count > 0


@pytest.mark.parametrize("path", _error_files(), ids=lambda p: getattr(p, "name", None))
def test_error_responses_raise_api_errors(path: Path) -> None:
    raw = json.loads(path.read_bytes())
    if raw == []:
        assert wpparse.parse_posts(path.read_bytes()) == []
        return
    for call in (wpparse.parse_post, wpparse.parse_posts):
        with pytest.raises(wpparse.WPAPIError) as caught:
            call(path.read_bytes())
        assert caught.value.code == raw["code"]
        assert caught.value.message == raw["message"]
        assert caught.value.status == raw["data"]["status"]


def test_seed_post_in_the_corpus_matches_the_repository_copy(seed_bytes: bytes) -> None:
    corpus = require_corpus()
    assert (corpus / "hbbgroup.net__post-71191.json").read_bytes() == seed_bytes
