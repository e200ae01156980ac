"""Normalization of real WordPress content from the shared corpus, read in place."""

from __future__ import annotations

import re

import pytest

import wpparse
from tests.conftest import require_corpus


def _posts(name: str) -> list[wpparse.Post]:
    return wpparse.parse_posts((require_corpus() / name).read_bytes())


def test_embeds_of_a_classic_post() -> None:
    (post,) = _posts("demo.worona.org__post-60_embed.json")
    assert post.content is not None
    assert [(e.kind, e.provider) for e in post.content.embeds] == [
        ("iframe", "youtube"),
        ("post", "twitter"),
        ("post", "instagram"),
    ]
    assert post.content.embeds[0].url.startswith("https://www.youtube.com/embed/3bUtvUAeX8s")
    assert "/status/911998747198009344" in post.content.embeds[1].url


def test_images_with_captions_and_a_gallery() -> None:
    (post,) = _posts("demo.worona.org__post-60_embed.json")
    assert post.content is not None
    first = post.content.images[0]
    assert first.url == "https://demo.worona.org/wp-content/uploads/2016/11/Gullfoss-1024x577.jpg"
    assert (first.alt, first.caption, first.width) == (
        "gullfoss",
        "Gullfoss, an iconic waterfall of Iceland.",
        840,
    )
    (gallery,) = _posts("golkar.or.id__post-3479.json")
    assert gallery.content is not None
    assert len(gallery.content.images) == 4
    assert [c.descriptor for c in gallery.content.images[0].srcset] == ["696w", "300w"]


@pytest.mark.parametrize(
    ("name", "ending"),
    [
        pytest.param("click9ja.com__posts_jetpack.json", "molding Nigerian", id="bare-ellipsis"),
        pytest.param("softconcis.de__posts_fields.json", "Rechnungen,", id="bracketed-8230"),
        pytest.param("golkar.or.id__posts.json", "caleg DPRD", id="bracketed-hellip"),
        pytest.param("trencin.sk__posts_yoast.json", "02.11.2022.", id="read-more-paragraph"),
    ],
)
def test_automatic_excerpts_lose_their_ending(name: str, ending: str) -> None:
    post = _posts(name)[0]
    assert post.excerpt is not None
    assert post.excerpt.truncated is True
    assert post.excerpt.text.endswith(ending)
    assert "Čítať" not in post.excerpt.text


def test_a_japanese_timetable_keeps_its_columns() -> None:
    (page,) = _posts("kcuamusicology.local__page-145.json")
    assert page.content is not None
    lines = page.content.text.splitlines()
    assert "1回生前期\t月\t火\t水\t木\t金" in lines
    assert "3限\t音楽音声学\t総合演習Ⅰ\t副科ピアノ\t\t音楽学特講j" in lines


def test_a_script_only_post_has_no_text() -> None:
    (post,) = _posts("bios-downloads.com__post-364681.json")
    assert post.content is not None
    assert "<script" in post.content.html
    assert post.content.text == ""
    assert post.content.markdown == ""


def test_chinese_text_counts_characters_as_words() -> None:
    (post,) = _posts("photolandhk.com__posts_jetpack.json")
    assert post.content is not None
    assert post.content.text.startswith("Panasonic 即將宣布推出用於 L 接口的新型 85mm f/1.8 S 鏡頭")
    assert post.content.word_count > len(post.content.text.split())


def test_a_large_old_site_normalizes_whole() -> None:
    posts = _posts("large/izquierdahispanica.org__posts.json")
    assert len(posts) == 373
    contents = [post.content for post in posts if post.content is not None]
    # 87 players and iframes, and one Flash <embed> of 2010 (cntv.cn).
    assert sum(len(c.embeds) for c in contents) == 88
    assert [e.kind for c in contents for e in c.embeds].count("object") == 1
    assert sum(len(c.images) for c in contents) == 93
    # 524 links, less the one an author pasted from Word (file:///C:/…), which no reader can follow.
    assert sum(len(c.links) for c in contents) == 523
    assert not any(link.url.startswith("file:") for c in contents for link in c.links)
    # Every link is absolute.
    assert all(re.match(r"[a-z][a-z0-9+.-]*:", link.url) for c in contents for link in c.links)
