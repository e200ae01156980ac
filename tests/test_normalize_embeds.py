"""Embeds of rendered fields, from the markup WordPress and its plugins really write."""

from __future__ import annotations

from typing import Any

import pytest

from wpparse import Content, parse_post
from wpparse._structure.content import MediaEmbed

POST_URL = "https://example.org/2026/04/post/"


def embeds(html: str, base_url: str | None = POST_URL) -> tuple[MediaEmbed, ...]:
    return Content(html=html, base_url=base_url).embeds


def described(
    found: tuple[MediaEmbed, ...], expected: list[dict[str, str]]
) -> list[dict[str, str]]:
    """`found` as dicts holding only the fields that `expected` names, for comparison."""
    return [
        {key: getattr(embed, key) for key in want}
        for embed, want in zip(found, expected, strict=False)
    ]


YOUTUBE_BLOCK = (
    '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube'
    ' wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">\n'
    '<iframe loading="lazy" title="Never Gonna Give You Up &#8211; Rick Astley" width="500"'
    ' height="281" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" frameborder="0"'
    ' allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope;'
    ' picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin"'
    ' allowfullscreen></iframe>\n</div><figcaption class="wp-element-caption">The'
    " <em>classic</em> video</figcaption></figure>"
)
VIMEO_BLOCK = (
    '<figure class="wp-block-embed is-type-video is-provider-vimeo wp-block-embed-vimeo'
    ' wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">\n'
    '<iframe title="The New Vimeo Player (You Know, For Videos)"'
    ' src="https://player.vimeo.com/video/76979871?dnt=1&amp;app_id=122963" width="500"'
    ' height="281" frameborder="0" allow="autoplay; fullscreen; picture-in-picture;'
    ' clipboard-write"></iframe>\n</div><figcaption class="wp-element-caption">On Vimeo'
    "</figcaption></figure>"
)
POST_EMBED = (
    '<blockquote class="wp-embedded-content" data-secret="aB3dE5fG7h"><a'
    ' href="https://other.blog/2025/01/hello/">Hello &amp; welcome</a></blockquote>'
    '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"'
    ' style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"'
    ' title="&#8220;Hello &#038; welcome&#8221; &#8212; Other Blog"'
    ' src="https://other.blog/2025/01/hello/embed/#?secret=aB3dE5fG7h"'
    ' data-secret="aB3dE5fG7h" width="500" height="282" frameborder="0" marginwidth="0"'
    ' marginheight="0" scrolling="no"></iframe>'
)
TWEET = (
    '<blockquote class="twitter-tweet" data-width="550" data-dnt="true"><p lang="en" dir="ltr">'
    'Hello <a href="https://t.co/AbCdEf">https://t.co/AbCdEf</a> <a'
    ' href="https://twitter.com/hashtag/WordPress?src=hash&amp;ref_src=twsrc%5Etfw">#WordPress'
    "</a></p>&mdash; A User (@auser) <a"
    ' href="https://twitter.com/auser/status/1234567890?ref_src=twsrc%5Etfw">April 1, 2026</a>'
    '</blockquote><script async src="https://platform.twitter.com/widgets.js"'
    ' charset="utf-8"></script>'
)
INSTAGRAM = (
    '<blockquote class="instagram-media" data-instgrm-captioned'
    ' data-instgrm-permalink="https://www.instagram.com/p/C0dE123/?utm_source=ig_embed&amp;'
    'utm_campaign=loading" data-instgrm-version="14" style="background:#FFF; border:0;">'
    '<div style="padding:16px;"><a href="https://www.instagram.com/p/C0dE123/?utm_source=ig_embed'
    '&amp;utm_campaign=loading" style="background:#FFFFFF;" target="_blank">View this post on'
    ' Instagram</a><p><a href="https://www.instagram.com/p/C0dE123/">A post shared by'
    ' Someone</a></p></div></blockquote><script async src="//www.instagram.com/embed.js"></script>'
)

CASES = [
    pytest.param(
        YOUTUBE_BLOCK,
        [
            {
                "kind": "iframe",
                "provider": "youtube",
                "url": "https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed",
                "title": "Never Gonna Give You Up – Rick Astley",
                "caption": "The classic video",
            }
        ],
        id="youtube-block",
    ),
    pytest.param(
        VIMEO_BLOCK,
        [
            {
                "kind": "iframe",
                "provider": "vimeo",
                "url": "https://player.vimeo.com/video/76979871?dnt=1&app_id=122963",
                "title": "The New Vimeo Player (You Know, For Videos)",
                "caption": "On Vimeo",
            }
        ],
        id="vimeo-block",
    ),
    pytest.param(
        '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube">'
        '<div class="wp-block-embed__wrapper"><iframe src="about:blank"'
        ' data-lazy-src="https://www.youtube.com/embed/abc?feature=oembed" title="Lazy"></iframe>'
        '<noscript><iframe src="https://www.youtube.com/embed/abc?feature=oembed"></iframe>'
        "</noscript></div></figure>",
        [
            {
                "kind": "iframe",
                "provider": "youtube",
                "url": "https://www.youtube.com/embed/abc?feature=oembed",
                "title": "Lazy",
            }
        ],
        id="lazy-youtube-block",
    ),
    pytest.param(
        # Found by its class alone: the fragment holds no iframe, video, audio or blockquote.
        '<FIGURE CLASS="wp-block-embed is-type-video is-provider-youtube">'
        "<DIV>https://youtu.be/abc</DIV></FIGURE>",
        [{"kind": "link", "provider": "youtube", "url": "https://youtu.be/abc"}],
        id="upper-case-embed-block-with-only-its-url",
    ),
    pytest.param(
        '<p><iframe src="https://www.youtube.com/embed/abc" title="Bare" width="560"'
        ' height="315"></iframe></p>',
        [
            {
                "kind": "iframe",
                "provider": "youtube",
                "url": "https://www.youtube.com/embed/abc",
                "title": "Bare",
                "caption": "",
            }
        ],
        id="bare-youtube",
    ),
    pytest.param(
        '<iframe src="https://youtu.be/abc"></iframe>',
        [{"kind": "iframe", "provider": "youtube", "url": "https://youtu.be/abc"}],
        id="bare-youtu-be",
    ),
    pytest.param(
        '<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>',
        [
            {
                "kind": "iframe",
                "provider": "youtube",
                "url": "https://www.youtube-nocookie.com/embed/abc",
            }
        ],
        id="bare-youtube-nocookie",
    ),
    pytest.param(
        '<iframe src="https://m.youtube.com/embed/abc"></iframe>',
        [{"kind": "iframe", "provider": "youtube"}],
        id="bare-youtube-subdomain",
    ),
    pytest.param(
        '<iframe src="https://player.vimeo.com/video/1?h=2" title="V"></iframe>',
        [
            {
                "kind": "iframe",
                "provider": "vimeo",
                "url": "https://player.vimeo.com/video/1?h=2",
                "title": "V",
            }
        ],
        id="bare-vimeo",
    ),
    pytest.param(
        '<iframe src="about:blank" data-src="https://www.youtube.com/embed/lazy"></iframe>',
        [{"kind": "iframe", "provider": "youtube", "url": "https://www.youtube.com/embed/lazy"}],
        id="lazy-data-src",
    ),
    pytest.param(
        '<iframe loading="lazy" src="about:blank" data-rocket-lazyload="fitvidscompatible"'
        ' data-lazy-src="https://player.vimeo.com/video/9"></iframe>',
        [{"kind": "iframe", "provider": "vimeo", "url": "https://player.vimeo.com/video/9"}],
        id="lazy-data-lazy-src",
    ),
    pytest.param(
        '<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter">'
        '<div class="wp-block-embed__wrapper">\nhttps://twitter.com/auser/status/123\n</div>'
        '<figcaption class="wp-element-caption">A tweet</figcaption></figure>',
        [
            {
                "kind": "link",
                "provider": "twitter",
                "url": "https://twitter.com/auser/status/123",
                "caption": "A tweet",
            }
        ],
        id="failed-oembed",
    ),
    pytest.param(
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\n'
        "https://www.youtube.com/watch?v=abc&amp;t=10\n</div></figure>",
        [
            {
                "kind": "link",
                "provider": "youtube",
                "url": "https://www.youtube.com/watch?v=abc&t=10",
            }
        ],
        id="failed-oembed-no-provider-class",
    ),
    pytest.param(
        POST_EMBED,
        [
            {
                "kind": "post",
                "provider": "wordpress",
                "url": "https://other.blog/2025/01/hello/",
                "title": "Hello & welcome",
            }
        ],
        id="wordpress-post-embed",
    ),
    pytest.param(
        TWEET,
        [
            {
                "kind": "post",
                "provider": "twitter",
                "url": "https://twitter.com/auser/status/1234567890?ref_src=twsrc%5Etfw",
            }
        ],
        id="tweet",
    ),
    pytest.param(
        '<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter">'
        f'<div class="wp-block-embed__wrapper">\n{TWEET}\n</div>'
        '<figcaption class="wp-element-caption">Said</figcaption></figure>',
        [
            {
                "kind": "post",
                "provider": "twitter",
                "url": "https://twitter.com/auser/status/1234567890?ref_src=twsrc%5Etfw",
                "caption": "Said",
            }
        ],
        id="tweet-block",
    ),
    pytest.param(
        INSTAGRAM,
        [
            {
                "kind": "post",
                "provider": "instagram",
                "url": "https://www.instagram.com/p/C0dE123/?utm_source=ig_embed&utm_campaign=loading",
            }
        ],
        id="instagram",
    ),
    pytest.param(
        '<blockquote class="instagram-media"><p><a href="https://www.instagram.com/p/ABC/">Caption'
        '</a></p><p>A post shared by <a href="https://www.instagram.com/someone/">Someone</a>'
        "</p></blockquote>",
        [{"kind": "post", "provider": "instagram", "url": "https://www.instagram.com/p/ABC/"}],
        id="instagram-without-permalink",
    ),
    pytest.param(
        '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@user/video/123"'
        ' data-video-id="123"><section><a href="https://www.tiktok.com/@user">@user</a>'
        "</section></blockquote>",
        [{"kind": "post", "provider": "tiktok", "url": "https://www.tiktok.com/@user/video/123"}],
        id="tiktok",
    ),
    pytest.param(
        '<figure class="wp-block-video"><video controls src="https://example.org/v.mp4"></video>'
        '<figcaption class="wp-element-caption">Video caption</figcaption></figure>',
        [{"kind": "video", "url": "https://example.org/v.mp4", "caption": "Video caption"}],
        id="video-block",
    ),
    pytest.param(
        '<video controls width="250"><source src="/media/flower.webm" type="video/webm" />'
        '<source src="/media/flower.mp4" type="video/mp4" />Download the video.</video>',
        [{"kind": "video", "url": "https://example.org/media/flower.webm", "caption": ""}],
        id="video-sources",
    ),
    pytest.param(
        '<div style="width: 640px;" class="wp-video"><video class="wp-video-shortcode"'
        ' id="video-1-1" width="640" height="360" preload="metadata" controls="controls">'
        '<source type="video/mp4" src="https://example.org/clip.mp4?_=1" />'
        '<a href="https://example.org/clip.mp4">https://example.org/clip.mp4</a></video></div>',
        [{"kind": "video", "url": "https://example.org/clip.mp4?_=1"}],
        id="video-shortcode",
    ),
    pytest.param(
        '<figure class="wp-block-audio"><audio controls src="song.mp3"></audio>'
        '<figcaption class="wp-element-caption">Audio caption</figcaption></figure>',
        [
            {
                "kind": "audio",
                "url": "https://example.org/2026/04/post/song.mp3",
                "caption": "Audio caption",
            }
        ],
        id="audio-block",
    ),
    pytest.param(
        '<audio class="wp-audio-shortcode" id="audio-1-1" preload="none" style="width: 100%;"'
        ' controls="controls"><source type="audio/mpeg" src="https://example.org/a.mp3?_=1" />'
        '<a href="https://example.org/a.mp3">https://example.org/a.mp3</a></audio>',
        [{"kind": "audio", "url": "https://example.org/a.mp3?_=1"}],
        id="audio-shortcode",
    ),
    pytest.param(
        '<div class="rll-youtube-player" data-src="https://www.youtube.com/embed/abc"'
        ' data-id="abc" data-query="feature=oembed" data-alt="A video"></div>',
        [{"kind": "iframe", "provider": "youtube", "url": "https://www.youtube.com/embed/abc"}],
        id="wp-rocket-data-src",
    ),
    pytest.param(
        '<div class="rll-youtube-player" data-id="xyz"></div>',
        [{"kind": "iframe", "provider": "youtube", "url": "https://www.youtube.com/embed/xyz"}],
        id="wp-rocket-data-id",
    ),
    pytest.param(
        '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube">'
        '<div class="wp-block-embed__wrapper"><div class="rll-youtube-player"'
        ' data-src="https://www.youtube.com/embed/abc" data-id="abc"></div><noscript><iframe'
        ' src="https://www.youtube.com/embed/abc?feature=oembed"></iframe></noscript></div>'
        '<figcaption class="wp-element-caption">Rocket</figcaption></figure>',
        [
            {
                "kind": "iframe",
                "provider": "youtube",
                "url": "https://www.youtube.com/embed/abc",
                "caption": "Rocket",
            }
        ],
        id="wp-rocket-in-block",
    ),
    pytest.param(
        "[embed]https://www.youtube.com/watch?v=x[/embed]",
        [{"provider": "youtube", "url": "https://www.youtube.com/watch?v=x"}],
        id="embed-shortcode",
    ),
    pytest.param(
        '<p>[embed width="600"]\nhttps://vimeo.com/76979871\n[/embed]</p>',
        [{"provider": "vimeo", "url": "https://vimeo.com/76979871"}],
        id="embed-shortcode-in-paragraph",
    ),
    pytest.param(
        '<iframe src="/wp-content/uploads/tour/index.html" title="Tour"></iframe>',
        [{"kind": "iframe", "url": "https://example.org/wp-content/uploads/tour/index.html"}],
        id="relative-iframe",
    ),
    pytest.param(
        '<iframe src="//www.youtube.com/embed/abc"></iframe>',
        [{"kind": "iframe", "provider": "youtube", "url": "https://www.youtube.com/embed/abc"}],
        id="scheme-relative-iframe",
    ),
    pytest.param(
        '<video src="../clip.mp4"></video>',
        [{"kind": "video", "url": "https://example.org/2026/04/clip.mp4"}],
        id="relative-video",
    ),
    pytest.param(
        '<iframe src="https://www.youtube.com/embed/a?list=1&#038;index=2"></iframe>',
        [{"url": "https://www.youtube.com/embed/a?list=1&index=2"}],
        id="jetpack-038",
    ),
    pytest.param(
        '<iframe src="https://www.bbc.co.uk/x"></iframe><iframe src="https://t.me/c/1"></iframe>',
        [{"provider": "bbc"}, {"provider": "telegram"}],
        id="provider-under-a-country-domain",
    ),
]


@pytest.mark.parametrize(("html", "expected"), CASES)
def test_embed(html: str, expected: list[dict[str, str]]) -> None:
    found = embeds(html)
    assert len(found) == len(expected), found
    assert described(found, expected) == expected


def test_post_embed_block_is_reported_once() -> None:
    html = (
        '<figure class="wp-block-embed is-type-wp-embed is-provider-other-blog'
        ' wp-block-embed-other-blog"><div class="wp-block-embed__wrapper">\n'
        f"{POST_EMBED}\n</div></figure>"
    )
    (embed,) = embeds(html)
    assert (embed.kind, embed.url, embed.title) == (
        "post",
        "https://other.blog/2025/01/hello/",
        "Hello & welcome",
    )


def test_post_embed_iframe_is_not_reported_beside_its_blockquote() -> None:
    found = embeds(f"<p>Before</p>{POST_EMBED}<p>After</p>")
    assert [embed.kind for embed in found] == ["post"]


def test_lazy_iframe_and_its_noscript_copy_are_one_embed() -> None:
    # WP Rocket, a3 Lazy Load and others repeat the iframe in <noscript>, as they do images.
    html = (
        '<p><iframe src="about:blank" data-lazy-src="https://www.youtube.com/embed/abc"'
        ' title="T"></iframe><noscript><iframe src="https://www.youtube.com/embed/abc"'
        ' title="T"></iframe></noscript></p>'
    )
    assert embeds(html) == (
        MediaEmbed("iframe", "https://www.youtube.com/embed/abc", "youtube", "T"),
    )


def test_wp_rocket_player_and_its_noscript_copy_are_one_embed() -> None:
    html = (
        '<div class="rll-youtube-player" data-src="https://www.youtube.com/embed/abc"'
        ' data-id="abc" data-query="feature=oembed"></div><noscript><iframe'
        ' src="https://www.youtube.com/embed/abc?feature=oembed"></iframe></noscript>'
    )
    assert [embed.provider for embed in embeds(html)] == ["youtube"]


def test_embed_handler_is_no_provider() -> None:
    html = (
        '<figure class="wp-block-embed is-type-video is-provider-embed-handler'
        ' wp-block-embed-embed-handler"><div class="wp-block-embed__wrapper"><iframe title="Soup"'
        ' src="https://www.youtube.com/embed/abc?feature=oembed"></iframe></div></figure>'
    )
    assert [(embed.provider, embed.title) for embed in embeds(html)] == [("youtube", "Soup")]


def test_another_embed_in_noscript_after_a_lazy_one_is_kept() -> None:
    html = (
        '<iframe data-src="https://www.youtube.com/embed/a"></iframe><p>x</p>'
        '<noscript><iframe src="https://player.vimeo.com/video/1"></iframe></noscript>'
    )
    assert [embed.provider for embed in embeds(html)] == ["youtube", "vimeo"]


def test_a_noscript_copy_of_a_lazy_embed_is_one_embed_whatever_its_scheme() -> None:
    html = (
        '<iframe data-src="//www.youtube.com/embed/a"></iframe>'
        '<noscript><iframe src="https://www.youtube.com/embed/a?rel=0"></iframe></noscript>'
    )
    assert [embed.url for embed in embeds(html)] == ["https://www.youtube.com/embed/a"]


def test_embeds_keep_document_order() -> None:
    html = (
        '<p><iframe src="https://player.vimeo.com/video/1"></iframe></p>'
        f"{YOUTUBE_BLOCK}<p>text</p>{TWEET}"
        '<figure class="wp-block-audio"><audio src="/a.mp3"></audio></figure>'
        '<video src="/v.mp4"></video>'
    )
    assert [(embed.kind, embed.url) for embed in embeds(html)] == [
        ("iframe", "https://player.vimeo.com/video/1"),
        ("iframe", "https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed"),
        ("post", "https://twitter.com/auser/status/1234567890?ref_src=twsrc%5Etfw"),
        ("audio", "https://example.org/a.mp3"),
        ("video", "https://example.org/v.mp4"),
    ]


NOT_EMBEDS = [
    pytest.param('<iframe src="javascript:alert(1)"></iframe>', id="iframe-javascript"),
    pytest.param('<iframe src="JavaScript:alert(1)"></iframe>', id="iframe-javascript-case"),
    pytest.param('<iframe src="&#106;avascript:alert(1)"></iframe>', id="iframe-entity"),
    pytest.param('<iframe src="java\tscript:alert(1)"></iframe>', id="iframe-tab"),
    pytest.param('<iframe src=" \x01javascript:alert(1)"></iframe>', id="iframe-leading-controls"),
    pytest.param('<iframe src="data:text/html,<script>alert(1)</script>"></iframe>', id="data"),
    pytest.param('<iframe src="vbscript:x"></iframe>', id="vbscript"),
    pytest.param(
        '<iframe src="about:blank" data-src="javascript:alert(1)"></iframe>', id="lazy-javascript"
    ),
    pytest.param('<video src="javascript:alert(1)"></video>', id="video-javascript"),
    pytest.param('<audio><source src="javascript:alert(1)"></audio>', id="audio-source-js"),
    pytest.param(
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">'
        "javascript:alert(1)</div></figure>",
        id="failed-oembed-javascript",
    ),
    pytest.param(
        '<blockquote class="twitter-tweet"><p>x</p><a href="javascript:alert(1)">d</a>'
        "</blockquote>",
        id="tweet-javascript",
    ),
    pytest.param(
        '<div class="rll-youtube-player" data-src="javascript:alert(1)"></div>', id="rocket-js"
    ),
    pytest.param('<iframe src="about:blank"></iframe>', id="about-blank"),
    pytest.param("<iframe></iframe>", id="iframe-no-src"),
    pytest.param("<video controls></video>", id="video-no-src"),
    pytest.param(
        '<div hidden><iframe src="https://www.youtube.com/embed/h"></iframe></div>', id="hidden"
    ),
    pytest.param(
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper"></div></figure>',
        id="empty-embed-block",
    ),
    pytest.param("<blockquote><p>A quotation.</p></blockquote>", id="plain-blockquote"),
]


@pytest.mark.parametrize("html", NOT_EMBEDS)
def test_not_an_embed(html: str) -> None:
    found = embeds(f'<p>a</p>{html}<iframe src="https://player.vimeo.com/video/2"></iframe>')
    assert [embed.url for embed in found] == ["https://player.vimeo.com/video/2"]


def test_iframe_url_stays_relative_without_a_base_url() -> None:
    assert embeds('<iframe src="/tour/"></iframe>', None) == (MediaEmbed("iframe", "/tour/"),)


def test_embed_url_resolved_against_the_post_link_from_parse_post() -> None:
    data: dict[str, Any] = {
        "id": 3,
        "link": "/2026/04/post/",
        "_links": {"self": [{"href": "https://blog.example.net/wp-json/wp/v2/posts/3"}]},
        "content": {"rendered": '<iframe src="../tour/" title="Tour"></iframe>'},
    }
    content = parse_post(data).content
    assert content is not None
    assert [(embed.url, embed.title) for embed in content.embeds] == [
        ("https://blog.example.net/2026/04/tour/", "Tour")
    ]


def test_wp_rocket_player_has_the_title_of_its_video() -> None:
    (embed,) = embeds(
        '<div class="rll-youtube-player" data-src="https://www.youtube.com/embed/abc"'
        ' data-id="abc" data-alt="How to make soup"></div>'
    )
    assert (embed.url, embed.title) == ("https://www.youtube.com/embed/abc", "How to make soup")
