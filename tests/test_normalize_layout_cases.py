"""Layout cases readers notice: each as a careful reader would want it, in every output."""

from __future__ import annotations

import pytest

from wpparse import Content

POST_URL = "https://example.org/2026/04/post/"


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<pre>  a\n  b</pre>", "  a\n  b"),
        ("<blockquote><pre>  a\n  b</pre></blockquote>", "  a\n  b"),
        ("<div><pre>\n    indented</pre></div><p>after</p>", "    indented\n\nafter"),
        ("<p>before</p><pre>  a</pre>", "before\n\n  a"),
    ],
)
def test_pre_keeps_its_leading_indentation_at_the_very_start(html: str, text: str) -> None:
    assert Content(html=html).text == text


def test_jetpacks_doubly_escaped_ampersand_is_one_ampersand() -> None:
    content = Content(
        html='<p><a href="https://i0.wp.com/x.jpg?a=1&amp;#038;b=2">j</a>'
        '<img src="https://i0.wp.com/y.jpg?w=1&amp;#038;h=2"></p>'
    )
    assert content.links[0].url == "https://i0.wp.com/x.jpg?a=1&b=2"
    assert content.images[0].url == "https://i0.wp.com/y.jpg?w=1&h=2"
    assert "&&" not in content.markdown


def test_empty_headings_are_not_listed() -> None:
    content = Content(html="<h2></h2><h3> &nbsp; </h3><h4><img src='/a.png'></h4><h2>Real</h2>")
    assert [heading.text for heading in content.headings] == ["Real"]
    assert content.text == "Real"


@pytest.mark.parametrize(
    "anchor",
    [
        '<a class="anchor" href="#x">¶</a>',
        '<a href="#x" aria-hidden="true">#</a>',
        '<a class="heading-link" href="#x">🔗</a>',
        '<a href="#x" class="hash-link"></a>',
    ],
)
def test_heading_permalink_anchors_are_chrome(anchor: str) -> None:
    content = Content(html=f'<h2 id="x">Setup {anchor}</h2><p>Body</p>', base_url=POST_URL)
    assert content.headings[0].text == "Setup"
    assert content.text == "Setup\n\nBody"
    assert content.markdown == "## Setup\n\nBody"


def test_a_heading_that_is_a_link_to_itself_keeps_its_text() -> None:
    content = Content(html='<h2><a href="#z">Linked heading</a></h2>', base_url=POST_URL)
    assert content.headings[0].text == "Linked heading"


def test_file_links_are_dropped_like_other_unsafe_schemes() -> None:
    content = Content(
        html='<p><a href="file:///C:/Users/me/Report.docx">report</a> and '
        '<a href="FILE://server/share">share</a> <a href="/ok">ok</a></p>',
        base_url=POST_URL,
    )
    assert [link.url for link in content.links] == ["https://example.org/ok"]
    assert "file:" not in content.markdown.lower()
    assert content.text == "report and share ok"


def test_no_line_of_text_ends_in_a_tab() -> None:
    content = Content(
        html="<table><tr><td>a</td><td></td></tr><tr><td></td><td>b</td></tr></table>"
    )
    assert content.text == "a\n\tb"
    assert all(not line.endswith("\t") for line in content.text.split("\n"))


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "&#8232;", "&#x2029;"])
def test_unicode_line_and_paragraph_separators_are_line_breaks(separator: str) -> None:
    content = Content(html=f"<p>one{separator}two</p>")
    assert content.text == "one\ntwo"
    assert content.markdown == "one\\\ntwo"
