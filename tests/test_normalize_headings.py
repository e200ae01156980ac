"""Headings of rendered fields: level, plain text and anchor id, in document order."""

from __future__ import annotations

import pytest

from wpparse import Content, parse_post
from wpparse._structure.content import Heading

POST_URL = "https://example.org/2026/04/post/"


def headings(html: str) -> tuple[Heading, ...]:
    return Content(html=html, base_url=POST_URL).headings


def test_every_level_in_order() -> None:
    html = (
        '<h1>One</h1><p>x</p><h2 id="two">Two</h2><h3 class="wp-block-heading">Three</h3>'
        "<h4>Four</h4><h5>Five</h5><h6>Six</h6><h2>Two again</h2>"
    )
    assert headings(html) == (
        Heading(1, "One"),
        Heading(2, "Two", "two"),
        Heading(3, "Three"),
        Heading(4, "Four"),
        Heading(5, "Five"),
        Heading(6, "Six"),
        Heading(2, "Two again"),
    )


HEADINGS = [
    pytest.param('<h2 class="wp-block-heading">Plain</h2>', Heading(2, "Plain"), id="plain"),
    pytest.param(
        '<h2 class="wp-block-heading" id="why-it-matters">Why it matters</h2>',
        Heading(2, "Why it matters", "why-it-matters"),
        id="own-id",
    ),
    pytest.param(
        '<h2 class="wp-block-heading"><span class="ez-toc-section" id="Intro"'
        ' ez-toc-data-id="#Intro"></span>Intro<span class="ez-toc-section-end"></span></h2>',
        Heading(2, "Intro", "Intro"),
        id="easy-toc-span",
    ),
    pytest.param(
        '<h3><span id="Getting_started">Getting started</span></h3>',
        Heading(3, "Getting started", "Getting_started"),
        id="toc-plus-span",
    ),
    pytest.param(
        '<h2><a id="anchor" name="anchor"></a>Old anchor</h2>',
        Heading(2, "Old anchor", "anchor"),
        id="anchor-inside",
    ),
    pytest.param(
        '<h2><a name="lib">Sala</a></h2>',
        Heading(2, "Sala", "lib"),
        id="named-anchor-inside",
    ),
    pytest.param(
        "<ol><h3><li>Kaos en la Red.</li></h3></ol>",
        Heading(3, "Kaos en la Red."),
        id="list-item-inside",
    ),
    pytest.param(
        '<h2 id="outer"><span id="inner">Both</span></h2>',
        Heading(2, "Both", "outer"),
        id="own-id-first",
    ),
    pytest.param(
        '<h2 id="">Empty own id<span id="inner"></span></h2>',
        Heading(2, "Empty own id", "inner"),
        id="empty-own-id",
    ),
    pytest.param(
        "<h2>Q&amp;A &#8211; <em>x</em> &#8220;y&#8221;</h2>",
        Heading(2, "Q&A – x “y”"),
        id="entities-inline",
    ),
    pytest.param(
        '<h2>Read <a href="/more">more</a> <strong>now</strong></h2>',
        Heading(2, "Read more now"),
        id="link-inside",
    ),
    pytest.param("<h2>Hello <b>wor</b>ld</h2>", Heading(2, "Hello world"), id="inline-joins"),
    pytest.param("<h2>40&nbsp;%</h2>", Heading(2, "40 %"), id="nbsp"),
    pytest.param("<h2>&amp;lt;tag&amp;gt;</h2>", Heading(2, "&lt;tag&gt;"), id="entities-once"),
    pytest.param("<h2>  spaced \n\t out  </h2>", Heading(2, "spaced out"), id="white-space"),
    pytest.param("<h3>a<br>b</h3>", Heading(3, "a b"), id="br"),
    pytest.param("<h2>hy&shy;phen&#8203;ated</h2>", Heading(2, "hyphenated"), id="invisible"),
    pytest.param(
        '<h2>Visible<span class="screen-reader-text"> for screen readers</span></h2>',
        Heading(2, "Visible"),
        id="screen-reader-text",
    ),
    pytest.param(
        '<h2>A <span style="display:none">B</span>C</h2>', Heading(2, "A C"), id="display-none"
    ),
    pytest.param("<h2>A <span hidden>B</span>C</h2>", Heading(2, "A C"), id="hidden-attribute"),
    pytest.param(
        "<h2>Title<script>var a = 1;</script><style>h2{}</style></h2>",
        Heading(2, "Title"),
        id="script-style",
    ),
    pytest.param(
        '<h2>Smile <img class="emoji" alt="🙂" src="https://s.w.org/1f642.svg"></h2>',
        Heading(2, "Smile 🙂"),
        id="emoji",
    ),
    pytest.param("<h2>中文标题 🙂</h2>", Heading(2, "中文标题 🙂"), id="cjk-emoji"),
    pytest.param("<p><H2>Upper</H2></p>", Heading(2, "Upper"), id="uppercase-in-p"),
    pytest.param('<P><H3 ID="Up">Upper</H3></P>', Heading(3, "Upper", "Up"), id="uppercase-id"),
    pytest.param(
        '<ul><li><h4 id="li">In list</h4></li></ul>', Heading(4, "In list", "li"), id="li"
    ),
    pytest.param(
        "<table><tr><td><h5>In cell</h5></td></tr></table>", Heading(5, "In cell"), id="table"
    ),
]


@pytest.mark.parametrize(("html", "expected"), HEADINGS)
def test_heading(html: str, expected: Heading) -> None:
    assert headings(f"<p>before</p>{html}<p>after</p>") == (expected,)


@pytest.mark.parametrize("html", ["<h2></h2>", "<h3> &nbsp; </h3>", '<h2 id="x"><br></h2>'])
def test_an_empty_heading_is_not_listed(html: str) -> None:
    assert headings(f"<p>before</p>{html}<p>after</p>") == ()


HIDDEN = [
    pytest.param("<div hidden><h2>Hidden</h2></div>", id="hidden-attribute"),
    pytest.param('<h2 style="display: none">Hidden</h2>', id="display-none"),
    pytest.param('<h2 class="screen-reader-text">Hidden</h2>', id="screen-reader-text"),
    pytest.param(
        '<div class="sharedaddy sd-sharing-enabled"><div class="sd-block sd-social">'
        '<h3 class="sd-title">Share this:</h3></div></div>',
        id="jetpack-sharing",
    ),
    pytest.param(
        "<div id='jp-relatedposts' class='jp-relatedposts'>"
        '<h3 class="jp-relatedposts-headline"><em>Related</em></h3></div>',
        id="jetpack-related",
    ),
    pytest.param("<template><h2>Template</h2></template>", id="template"),
]


@pytest.mark.parametrize("html", HIDDEN)
def test_hidden_heading_is_not_reported(html: str) -> None:
    assert headings(f"<h2>Shown</h2>{html}") == (Heading(2, "Shown"),)


def test_no_headings() -> None:
    assert headings("<p>Just a paragraph with <strong>h2</strong> in it.</p>") == ()
    assert headings("plain text, no markup") == ()


def test_headings_from_parse_post() -> None:
    post = parse_post(
        {
            "id": 4,
            "link": "https://example.org/2026/04/post/",
            "content": {"rendered": '<h2 id="a">A</h2>\n<p>x</p>\n<h3>B &amp; C</h3>\n'},
        }
    )
    assert post.content is not None
    assert post.content.headings == (Heading(2, "A", "a"), Heading(3, "B & C"))
