"""Links of rendered fields: resolved, described, and never an unsafe or in-page target."""

from __future__ import annotations

from typing import Any

import pytest

from wpparse import Content, parse_post
from wpparse._structure.content import ContentLink

POST_URL = "https://example.org/2026/04/post/"


def links(html: str, base_url: str | None = POST_URL) -> tuple[ContentLink, ...]:
    return Content(html=html, base_url=base_url).links


def urls(html: str, base_url: str | None = POST_URL) -> list[str]:
    return [link.url for link in links(html, base_url)]


# -- targets: absolute URLs kept, relative ones resolved against the post's link ----------------

RESOLVED = [
    pytest.param("https://other.example/a?b=1#c", "https://other.example/a?b=1#c", id="absolute"),
    pytest.param("http://example.org/x", "http://example.org/x", id="absolute-http"),
    pytest.param("/x", "https://example.org/x", id="root-relative"),
    pytest.param("x", "https://example.org/2026/04/post/x", id="path-relative"),
    pytest.param("../x", "https://example.org/2026/04/x", id="parent"),
    pytest.param("../../../../x", "https://example.org/x", id="parent-above-root"),
    pytest.param("//cdn.example.org/x", "https://cdn.example.org/x", id="scheme-relative"),
    pytest.param("?p=2", "https://example.org/2026/04/post/?p=2", id="query-only"),
    pytest.param("  /padded  ", "https://example.org/padded", id="spaces-trimmed"),
    pytest.param("\n/x\t", "https://example.org/x", id="tab-newline-trimmed"),
    pytest.param(
        "https://example.org/?a=1&amp;b=2", "https://example.org/?a=1&b=2", id="entity-decoded"
    ),
    pytest.param(
        "https://i0.wp.com/example.org/x.jpg?w=1#038;ssl=1",
        "https://i0.wp.com/example.org/x.jpg?w=1&ssl=1",
        id="jetpack-038",
    ),
    pytest.param(
        "https://example.org/?a=1&#038;b=2", "https://example.org/?a=1&b=2", id="numeric-entity"
    ),
    pytest.param("mailto:me@example.org", "mailto:me@example.org", id="mailto"),
    pytest.param("tel:+421900000000", "tel:+421900000000", id="tel"),
    pytest.param(
        "https://example.org/2026/04/post/#comments",
        "https://example.org/2026/04/post/#comments",
        id="absolute-with-fragment",
    ),
    pytest.param("/x#section", "https://example.org/x#section", id="relative-with-fragment"),
]


@pytest.mark.parametrize(("href", "expected"), RESOLVED)
def test_link_url_is_resolved_against_the_post_link(href: str, expected: str) -> None:
    assert urls(f'<p><a href="{href}">t</a></p>') == [expected]


def test_backslash_is_a_slash_in_http_urls() -> None:
    # Browsers read "\" as "/" in http(s) URLs: "/\other.example/x" leaves the site.
    assert links('<a href="/\\other.example/x">t</a>') == (
        ContentLink("https://other.example/x", "t", (), False),
    )


def test_relative_links_stay_relative_without_a_base_url() -> None:
    assert links('<a href="/x">a</a><a href="y">b</a>', None) == (
        ContentLink("/x", "a", (), None),
        ContentLink("y", "b", (), None),
    )


# -- never reported: unsafe schemes, in-page fragments, anchors without href --------------------

NOT_REPORTED = [
    pytest.param('<a href="javascript:alert(1)">x</a>', id="javascript"),
    pytest.param('<a href="JavaScript:alert(1)">x</a>', id="javascript-mixed-case"),
    pytest.param('<a href="JAVASCRIPT:alert(1)">x</a>', id="javascript-upper"),
    pytest.param('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', id="data"),
    pytest.param('<a href="DATA:text/html,x">x</a>', id="data-upper"),
    pytest.param('<a href="vbscript:msgbox(1)">x</a>', id="vbscript"),
    pytest.param('<a href="&#106;avascript:alert(1)">x</a>', id="entity-j"),
    pytest.param('<a href="&#x6A;&#x61;vascript:alert(1)">x</a>', id="hex-entities"),
    pytest.param('<a href="javascript&colon;alert(1)">x</a>', id="entity-colon"),
    pytest.param('<a href="javascript&#58;alert(1)">x</a>', id="numeric-colon"),
    pytest.param('<a href="java\tscript:alert(1)">x</a>', id="tab-inside"),
    pytest.param('<a href="java&#9;script:alert(1)">x</a>', id="tab-entity-inside"),
    pytest.param('<a href="java\nscript:alert(1)">x</a>', id="newline-inside"),
    pytest.param('<a href="java&NewLine;script:alert(1)">x</a>', id="newline-entity-inside"),
    pytest.param('<a href="jav\r\nascript:alert(1)">x</a>', id="crlf-inside"),
    pytest.param('<a href="   javascript:alert(1)">x</a>', id="leading-spaces"),
    pytest.param('<a href="\x01\x02 javascript:alert(1)">x</a>', id="leading-controls"),
    pytest.param('<a href="&#x20;&#x0B;javascript:alert(1)">x</a>', id="leading-entity-controls"),
    pytest.param('<a href="#x">x</a>', id="fragment"),
    pytest.param('<a href="#">x</a>', id="bare-hash"),
    pytest.param('<a href=" #top ">x</a>', id="fragment-padded"),
    pytest.param("<a>x</a>", id="no-href"),
    pytest.param('<a name="anchor">x</a>', id="named-anchor"),
    pytest.param('<a href="">x</a>', id="empty-href"),
    pytest.param('<a href="   ">x</a>', id="blank-href"),
    # The fallback WordPress's [audio] and [video] put in the player: never shown.
    pytest.param(
        '<audio controls><source src="/a.mp3?_=1" /><a href="/a.mp3">/a.mp3</a></audio>',
        id="audio-fallback",
    ),
    pytest.param('<video><span><a href="/v.mp4">/v.mp4</a></span></video>', id="video-fallback"),
]


@pytest.mark.parametrize("html", NOT_REPORTED)
def test_link_is_not_reported(html: str) -> None:
    assert links(f"<p>{html}</p>") == ()


@pytest.mark.parametrize("html", NOT_REPORTED)
def test_unreported_link_does_not_hide_its_neighbours(html: str) -> None:
    assert urls(f'<p><a href="/before">b</a>{html}<a href="/after">a</a></p>') == [
        "https://example.org/before",
        "https://example.org/after",
    ]


# -- link text: plain text ---------------------------------------------------------------------

TEXTS = [
    pytest.param("plain", "plain", id="plain"),
    pytest.param("Hello <b>wor</b>ld", "Hello world", id="inline-tag-joins"),
    pytest.param("<strong>Bold</strong> and <em>em</em>", "Bold and em", id="inline-tags"),
    pytest.param("Q&amp;A &#8211; &#8220;x&#8221;", "Q&A – “x”", id="entities"),
    pytest.param("&amp;lt;", "&lt;", id="entity-decoded-once"),
    pytest.param("40&nbsp;%", "40 %", id="nbsp"),
    pytest.param(
        'Read<span class="screen-reader-text"> about the post</span>',
        "Read",
        id="screen-reader-text",
    ),
    pytest.param(
        '<span class="screen-reader-text">(opens in a new tab)</span>Go',
        "Go",
        id="screen-reader-first",
    ),
    pytest.param("  spaced \n\t out  ", "spaced out", id="white-space"),
    pytest.param("a<br>b", "a b", id="br"),
    pytest.param("hy&shy;phen", "hyphen", id="soft-hyphen"),
    pytest.param('<img src="/i.jpg" alt="Alt">', "", id="image-only"),
    pytest.param('<img class="wp-smiley" src="/s.png" alt="🙂"> smile', "🙂 smile", id="emoji"),
]


@pytest.mark.parametrize(("inner", "expected"), TEXTS)
def test_link_text_is_plain_text(inner: str, expected: str) -> None:
    (link,) = links(f'<p><a href="/x">{inner}</a></p>')
    assert link.text == expected


# -- rel -----------------------------------------------------------------------------------------

RELS = [
    pytest.param("", (), id="absent"),
    pytest.param('rel="nofollow"', ("nofollow",), id="one"),
    pytest.param('rel="NoFollow  Sponsored"', ("nofollow", "sponsored"), id="case-and-spaces"),
    pytest.param(
        'rel="noopener noreferrer nofollow ugc"',
        ("noopener", "noreferrer", "nofollow", "ugc"),
        id="several",
    ),
    pytest.param('rel=" UGC\tnoopener\n"', ("ugc", "noopener"), id="white-space"),
    pytest.param('rel=""', (), id="empty"),
]


@pytest.mark.parametrize(("attribute", "expected"), RELS)
def test_rel_tokens_are_lower_cased(attribute: str, expected: tuple[str, ...]) -> None:
    (link,) = links(f'<a href="https://other.example/" {attribute}>t</a>')
    assert link.rel == expected


# -- internal or external --------------------------------------------------------------------

INTERNAL = [
    pytest.param(POST_URL, "https://example.org/about/", True, id="same-host"),
    pytest.param(POST_URL, "https://www.example.org/about/", True, id="www-link"),
    pytest.param("https://www.example.org/p/", "https://example.org/about/", True, id="www-post"),
    pytest.param(POST_URL, "http://example.org/about/", True, id="other-scheme"),
    pytest.param(POST_URL, "https://EXAMPLE.org/about/", True, id="host-case"),
    pytest.param(POST_URL, "/about/", True, id="root-relative"),
    pytest.param(POST_URL, "about/", True, id="path-relative"),
    pytest.param(POST_URL, "?p=2", True, id="query"),
    pytest.param(POST_URL, "https://other.example/", False, id="other-host"),
    pytest.param(POST_URL, "https://sub.example.org/", False, id="subdomain"),
    pytest.param(POST_URL, "https://example.org.evil.example/", False, id="suffix-host"),
    pytest.param(POST_URL, "https://notexample.org/", False, id="prefix-host"),
    pytest.param(POST_URL, "//cdn.example.net/x", False, id="scheme-relative-other"),
    pytest.param(POST_URL, "//www.example.org/x", True, id="scheme-relative-same"),
    pytest.param(POST_URL, "mailto:me@example.org", False, id="mailto"),
    pytest.param(None, "https://example.org/about/", None, id="no-base-absolute"),
    pytest.param(None, "/about/", None, id="no-base-relative"),
    pytest.param(None, "mailto:me@example.org", None, id="no-base-mailto"),
]


@pytest.mark.parametrize(("base_url", "href", "expected"), INTERNAL)
def test_internal_by_host(base_url: str | None, href: str, expected: bool | None) -> None:
    (link,) = links(f'<a href="{href}">t</a>', base_url)
    assert link.internal is expected


def test_link_is_described_in_full() -> None:
    html = (
        '<p>See <a href="/2026/03/earlier/" rel="bookmark">the <em>earlier</em> post</a> and '
        '<a href="https://shop.example.com/item?id=1&#038;ref=2" rel="sponsored nofollow"'
        ' target="_blank">the shop<span class="screen-reader-text"> (opens in a new tab)'
        "</span></a>.</p>"
    )
    assert links(html) == (
        ContentLink(
            "https://example.org/2026/03/earlier/", "the earlier post", ("bookmark",), True
        ),
        ContentLink(
            "https://shop.example.com/item?id=1&ref=2", "the shop", ("sponsored", "nofollow"), False
        ),
    )


# -- hidden content and plugin chrome ---------------------------------------------------------

HIDDEN = [
    pytest.param('<div hidden><a href="/h">h</a></div>', id="hidden-attribute"),
    pytest.param('<div style="display:none"><a href="/h">h</a></div>', id="display-none"),
    pytest.param('<p style="DISPLAY: NONE;"><a href="/h">h</a></p>', id="display-none-upper"),
    pytest.param('<span class="screen-reader-text"><a href="/h">h</a></span>', id="screen-reader"),
    pytest.param(
        '<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block'
        ' sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3>'
        '<div class="sd-content"><ul><li class="share-twitter"><a rel="nofollow noopener'
        ' noreferrer" data-shared="sharing-twitter-1" class="share-twitter sd-button share-icon"'
        ' href="https://example.org/2026/04/post/?share=twitter&#038;nb=1" target="_blank"'
        ' title="Click to share on Twitter"><span>Twitter</span></a></li><li'
        ' class="share-facebook"><a href="https://example.org/2026/04/post/?share=facebook">'
        "<span>Facebook</span></a></li></ul></div></div></div>",
        id="jetpack-sharing",
    ),
    pytest.param(
        "<div id='jp-relatedposts' class='jp-relatedposts'><h3 class=\"jp-relatedposts-headline\">"
        '<em>Related</em></h3><div class="jp-relatedposts-items"><p class="jp-relatedposts-post">'
        '<a href="https://example.org/2025/01/other/">Other post</a></p></div></div>',
        id="jetpack-related",
    ),
]


@pytest.mark.parametrize("html", HIDDEN)
def test_links_in_hidden_content_are_not_reported(html: str) -> None:
    assert urls(f'<p><a href="/shown">s</a></p>{html}') == ["https://example.org/shown"]


# -- order ---------------------------------------------------------------------------------------


def test_links_keep_document_order() -> None:
    html = (
        '<h2><a href="/1">one</a></h2>'
        '<p>a <a href="https://other.example/2">two</a> b <a href="3">three</a></p>'
        '<ul><li><a href="/4">four</a></li><li>x <a href="/5">five</a></li></ul>'
        '<table><tr><td><a href="/6">six</a></td><td><a href="/7">seven</a></td></tr></table>'
        '<figure class="wp-block-image"><a href="/8"><img src="/8.jpg" alt=""></a>'
        '<figcaption class="wp-element-caption"><a href="/9">nine</a></figcaption></figure>'
    )
    assert [(link.url, link.text) for link in links(html)] == [
        ("https://example.org/1", "one"),
        ("https://other.example/2", "two"),
        ("https://example.org/2026/04/post/3", "three"),
        ("https://example.org/4", "four"),
        ("https://example.org/5", "five"),
        ("https://example.org/6", "six"),
        ("https://example.org/7", "seven"),
        ("https://example.org/8", ""),
        ("https://example.org/9", "nine"),
    ]


def test_repeated_links_are_each_reported() -> None:
    assert urls('<a href="/x">a</a> <a href="/x">a</a>') == ["https://example.org/x"] * 2


def test_uppercase_tags_and_attributes() -> None:
    assert links('<P><A HREF="/x" REL="NOFOLLOW">Up</A></P>') == (
        ContentLink("https://example.org/x", "Up", ("nofollow",), True),
    )


def test_no_markup_no_links() -> None:
    assert links("https://example.org/not-a-link &amp; text") == ()


# -- the base URL comes from the post ---------------------------------------------------------


def post(**fields: Any) -> dict[str, Any]:
    return {
        "id": 7,
        "content": {
            "rendered": '<p><a href="../x">x</a> <a href="https://www.example.org/y">y</a>'
        },
        **fields,
    }


POST_BASES = [
    pytest.param(
        {"link": "https://example.org/2026/04/post/"},
        ["https://example.org/2026/04/x", "https://www.example.org/y"],
        [True, True],
        id="absolute-link",
    ),
    pytest.param(
        {
            "link": "/2026/04/post/",
            "_links": {"self": [{"href": "https://example.org/wp-json/wp/v2/posts/7"}]},
        },
        ["https://example.org/2026/04/x", "https://www.example.org/y"],
        [True, True],
        id="relative-link-self",
    ),
    pytest.param(
        {
            "link": "/2026/04/post/",
            "_links": {"self": [{"href": "https://blog.example.net/wp-json/wp/v2/posts/7"}]},
        },
        ["https://blog.example.net/2026/04/x", "https://www.example.org/y"],
        [True, False],
        id="relative-link-other-host",
    ),
    pytest.param({}, ["../x", "https://www.example.org/y"], [None, None], id="no-link"),
]


@pytest.mark.parametrize(("fields", "expected_urls", "expected_internal"), POST_BASES)
def test_parse_post_resolves_against_the_post_link(
    fields: dict[str, Any], expected_urls: list[str], expected_internal: list[bool | None]
) -> None:
    content = parse_post(post(**fields)).content
    assert content is not None
    assert [link.url for link in content.links] == expected_urls
    assert [link.internal for link in content.links] == expected_internal


def test_tags_written_inside_attribute_values_leave_no_marks() -> None:
    # The layout is marked before every "<p", "<br"…, inside attribute values too.
    content = Content(
        html='<a href="/s?q=<p>x">x</a><iframe title="A <p> B" src="https://youtu.be/x"></iframe>'
        '<img src="/a.jpg" alt="1<br>2">',
        base_url="https://example.org/p/",
    )
    assert [link.url for link in content.links] == ["https://example.org/s?q=<p>x"]
    assert [embed.title for embed in content.embeds] == ["A <p> B"]
    assert [image.alt for image in content.images] == ["1<br>2"]
    # In an ordered list, a "<li" in a value is marked with a number too: it goes with the mark.
    in_list = Content(
        html='<ol><li><img src="/a.jpg" alt="x<li>y"><a href="/s?q=<li>z">l</a></li></ol>',
        base_url="https://example.org/p/",
    )
    assert [image.alt for image in in_list.images] == ["x<li>y"]
    assert [link.url for link in in_list.links] == ["https://example.org/s?q=<li>z"]
