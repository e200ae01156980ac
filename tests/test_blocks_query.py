"""Questions asked of a block tree, ``post.content.blocks``, and blocks meeting the normalizer."""

from __future__ import annotations

import pickle
import re
from collections import Counter
from typing import Any

import pytest

import wpparse
from wpparse import Block, Content, parse_blocks, parse_post
from wpparse.blocks import (
    count_blocks,
    find_blocks,
    has_block,
    serialize_blocks,
    walk_blocks,
)

POST_URL = "https://example.org/2026/04/post/"

RAW = """<!-- wp:heading {"level":3} -->
<h3 class="wp-block-heading">Intro <a href="/about">about us</a></h3>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>See <a href="https://other.example/x" rel="nofollow">this</a> and <a href="#top">top</a>.</p>
<!-- /wp:paragraph -->

<!-- wp:image {"id":12,"sizeSlug":"large"} -->
<figure class="wp-block-image size-large"><img src="/a.jpg" alt="A"/></figure>
<!-- /wp:image -->

<!-- wp:list -->
<ul><!-- wp:list-item -->
<li><a href="/one">one</a></li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>two <a href="mailto:me@example.org">mail</a></li>
<!-- /wp:list-item --></ul>
<!-- /wp:list -->

<!-- wp:embed {"url":"https://www.youtube.com/watch?v=x","providerNameSlug":"youtube"} -->
<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=x
</div></figure>
<!-- /wp:embed -->

<!-- wp:columns --><div class="wp-block-columns"><!-- wp:column --><div class="wp-block-column">
<!-- wp:image {"id":13} /-->
<!-- wp:paragraph --><p>in <a href="/col">a column</a></p><!-- /wp:paragraph -->
</div><!-- /wp:column --></div><!-- /wp:columns -->"""


def _rendered(raw: str) -> str:
    """What WordPress renders for static blocks: the markup without its delimiters."""
    return re.sub(r"<!-- /?wp:[^>]*-->", "", raw)


def _post(raw: str | None) -> wpparse.Post:
    content: dict[str, Any] = {"rendered": _rendered(RAW), "protected": False}
    if raw is not None:
        content |= {"raw": raw, "block_version": 1}
    return parse_post({"id": 7, "link": POST_URL, "content": content})


BLOCKS = parse_blocks(RAW)


def test_walk_is_depth_first_in_document_order() -> None:
    names = [block.name for block in walk_blocks(BLOCKS) if block.name is not None]
    assert names == [
        "core/heading",
        "core/paragraph",
        "core/image",
        "core/list",
        "core/list-item",
        "core/list-item",
        "core/embed",
        "core/columns",
        "core/column",
        "core/image",
        "core/paragraph",
    ]
    assert sum(block.name is None for block in walk_blocks(BLOCKS)) == 5  # "\n\n" between blocks
    assert list(walk_blocks([])) == []


def test_find_blocks_by_name() -> None:
    images = find_blocks(BLOCKS, "core/image")
    assert [image.attrs for image in images] == [{"id": 12, "sizeSlug": "large"}, {"id": 13}]
    assert find_blocks(BLOCKS, "image") == images  # core/ may be left out
    (embed,) = find_blocks(BLOCKS, "core/embed")
    assert embed.attrs == {
        "url": "https://www.youtube.com/watch?v=x",
        "providerNameSlug": "youtube",
    }
    (heading,) = find_blocks(BLOCKS, "core/heading")
    assert heading.attrs == {"level": 3}
    assert [b.name for b in find_blocks(BLOCKS, "core/heading", "embed")] == [
        "core/heading",
        "core/embed",
    ]
    assert find_blocks(BLOCKS, "my-plugin/image") == ()


def test_has_block() -> None:
    assert has_block(BLOCKS, "list-item")
    assert has_block(BLOCKS, "core/column")
    assert not has_block(BLOCKS, "core/gallery")


def test_count_blocks() -> None:
    assert count_blocks(BLOCKS) == Counter(
        {
            "core/image": 2,
            "core/paragraph": 2,
            "core/list-item": 2,
            "core/heading": 1,
            "core/list": 1,
            "core/embed": 1,
            "core/columns": 1,
            "core/column": 1,
        }
    )
    assert count_blocks([Block.freeform("x")]) == Counter()


def test_helpers_handle_deep_trees() -> None:
    depth = 20_000
    (tree,) = parse_blocks(
        "<!-- wp:group -->" * depth + "<!-- wp:image /-->" + "<!-- /wp:group -->" * depth
    )
    assert count_blocks([tree]) == Counter({"core/group": depth, "core/image": 1})
    assert has_block([tree], "image")
    assert len(find_blocks([tree], "core/group")) == depth


# -- post.content.blocks --------------------------------------------------------------------------


def test_content_blocks_come_from_raw() -> None:
    post = _post(RAW)
    assert post.content is not None
    assert post.content.blocks == BLOCKS
    assert post.content.blocks is post.content.blocks  # parsed once


def test_content_blocks_are_empty_without_raw() -> None:
    post = _post(None)
    assert post.content is not None
    assert post.content.raw is None
    assert post.content.blocks == ()
    assert Content(html="<p>x</p>").blocks == ()


def test_content_blocks_use_the_php_flavor() -> None:
    content = Content(raw="<!-- wp:a -->0<!-- wp:b /-->0<!-- /wp:a -->")
    assert content.blocks == parse_blocks(content.raw or "", flavor="php")
    assert content.blocks[0].inner_content == (None,)


def test_posts_with_blocks_round_trip_and_pickle() -> None:
    post = _post(RAW)
    assert post.content is not None
    blocks = post.content.blocks
    assert parse_post(post.to_dict()) == post
    assert "blocks" not in post.to_dict()["content"]
    again = pickle.loads(pickle.dumps(post))
    assert again == post
    assert again.content is not None
    assert again.content.blocks == blocks
    assert "_blocks" not in repr(post.content)


def test_raw_round_trips_through_the_blocks() -> None:
    post = _post(RAW)
    assert post.content is not None
    written = serialize_blocks(post.content.blocks)
    assert parse_blocks(written) == post.content.blocks
    assert _rendered(written) == _rendered(RAW)


# -- blocks and the normalizer ------------------------------------------------------------------


def test_links_of_the_blocks_are_the_links_of_the_rendered_content() -> None:
    post = _post(RAW)
    assert post.content is not None
    from_blocks = [
        link
        for block in walk_blocks(post.content.blocks)
        for link in Content(html=block.inner_html, base_url=post.link).links
    ]
    assert from_blocks == list(post.content.links)
    assert [link.url for link in from_blocks] == [
        "https://example.org/about",
        "https://other.example/x",
        "https://example.org/one",
        "mailto:me@example.org",
        "https://example.org/col",
    ]


def test_text_of_a_block_is_its_own_html_normalized() -> None:
    (heading,) = find_blocks(BLOCKS, "core/heading")
    assert Content(html=heading.inner_html, base_url=POST_URL).text == "Intro about us"
    (columns,) = find_blocks(BLOCKS, "core/columns")
    assert Content(html=columns.inner_html).text == ""  # its text lives in its inner blocks
    texts = [Content(html=block.inner_html).text for block in walk_blocks(BLOCKS)]
    assert [text for text in texts if text] == [
        "Intro about us",
        "See this and top.",
        "• one",
        "• two mail",
        "https://www.youtube.com/watch?v=x",
        "in a column",
    ]


@pytest.mark.parametrize("name", ["core/image", "core/embed"])
def test_media_blocks_agree_with_the_normalizer(name: str) -> None:
    post = _post(RAW)
    assert post.content is not None
    found = [
        value
        for block in find_blocks(post.content.blocks, name)
        for value in (
            Content(html=block.inner_html, base_url=POST_URL).images
            if name == "core/image"
            else Content(html=block.inner_html, base_url=POST_URL).embeds
        )
    ]
    expected = post.content.images if name == "core/image" else post.content.embeds
    assert tuple(found) == expected
    assert found
