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


def test_the_file_blocks_link_and_button_are_two_words() -> None:
    content = Content(
        html='<div class="wp-block-file"><a href="r.pdf">report</a><a '
        'class="wp-block-file__button wp-element-button" href="r.pdf" download>Download</a></div>',
        base_url=POST_URL,
    )
    assert content.text == "report Download"
    assert content.markdown.split() == [
        "[report](https://example.org/2026/04/post/r.pdf)",
        "[Download](https://example.org/2026/04/post/r.pdf)",
    ]


def test_latest_posts_dates_are_on_a_line_of_their_own() -> None:
    content = Content(
        html='<ul class="wp-block-latest-posts"><li><a href="/x">Title</a><time '
        'class="wp-block-latest-posts__post-date">May 1, 2024</time></li></ul>'
    )
    assert content.text == "• Title\n  May 1, 2024"  # under its title, in its item
    assert "TitleMay" not in content.markdown


@pytest.mark.parametrize(
    ("html", "url"),
    [
        (
            '<object data="https://e.org/movie.swf" type="application/x-shockwave-flash">'
            '<param name="movie" value="https://e.org/movie.swf">'
            '<embed src="https://e.org/movie.swf"></object>',
            "https://e.org/movie.swf",
        ),
        ('<p><embed src="https://www.youtube.com/v/abc"></p>', "https://www.youtube.com/v/abc"),
        (
            '<object><param name="movie" value="https://www.youtube.com/v/xyz"></param>'
            '<embed src="https://www.youtube.com/v/xyz"></embed></object>',
            "https://www.youtube.com/v/xyz",
        ),
        ('<object data="/doc.pdf" type="application/pdf"></object>', "https://example.org/doc.pdf"),
    ],
)
def test_object_and_embed_media_are_embeds_as_in_markdown(html: str, url: str) -> None:
    content = Content(html=html, base_url=POST_URL)
    assert [(embed.kind, embed.url) for embed in content.embeds] == [("object", url)]
    assert content.markdown == f"[Embedded content]({url})"


@pytest.mark.parametrize(
    ("html", "text", "embeds"),
    [
        ('<p>Before</p>[gallery ids="1,2,3" columns="3"]<p>After</p>', "Before\n\nAfter", []),
        ('<p>A</p>[playlist ids="4,5"]', "A", []),
        ('<p>A</p>[video width="640" mp4="/v.mp4"][/video]', "A", [("video", "/v.mp4")]),
        ("<p>A</p>[audio mp3='/a.mp3']", "A", [("audio", "/a.mp3")]),
        ('<p>A</p>[video width="640"][/video]', "A", []),
        (
            '[caption id="c" width="300"]<img src="/a.jpg" alt="A"> The caption[/caption]',
            "The caption",
            [],
        ),
        ("<p>[embed]https://www.youtube.com/watch?v=abc[/embed]</p>", None, [("link", "")]),
        # Unknown shortcodes stay as text; nothing inside code is touched.
        ("<p>[unknown_code x=1] text [1]</p>", "[unknown_code x=1] text [1]", []),
        ('<pre>[video src="x.mp4"]</pre>', '[video src="x.mp4"]', []),
    ],
)
def test_core_shortcodes_left_unrendered(
    html: str, text: str | None, embeds: list[tuple[str, str]]
) -> None:
    content = Content(html=html, base_url=POST_URL)
    if text is not None:
        assert content.text == text
    assert [embed.kind for embed in content.embeds] == [kind for kind, _ in embeds]
    for embed, (_, path) in zip(content.embeds, embeds, strict=True):
        assert embed.url.endswith(path)
    for name in ("gallery", "playlist", "video", "audio"):
        if "[unknown" not in html and "<pre>" not in html:
            assert f"[{name}" not in content.markdown


def test_a_table_in_a_cell_keeps_the_outer_row_on_one_line() -> None:
    content = Content(
        html="<table><tr><td><table><tr><td>in1</td></tr><tr><td>in2</td></tr></table></td>"
        "<td>out</td></tr><tr><td>a</td><td>b</td></tr></table><p>after</p>"
    )
    assert content.text == "in1 in2\tout\na\tb\n\nafter"
    assert content.markdown.startswith("| in1<br>in2 | out |")


@pytest.mark.parametrize(
    ("html", "text", "markdown_rows"),
    [
        (
            '<table><tr><td rowspan="2">A</td><td>B</td><td>C</td></tr>'
            "<tr><td>D</td><td>E</td></tr></table>",
            "A\tB\tC\n\tD\tE",
            ["| A | B | C |", "| | D | E |"],
        ),
        (
            '<table><tr><td>A</td><td rowspan="2">B</td><td>C</td></tr>'
            "<tr><td>D</td><td>E</td></tr></table>",
            "A\tB\tC\nD\t\tE",
            ["| A | B | C |", "| D | | E |"],
        ),
        (
            '<table><tr><td colspan="2">A</td><td>C</td></tr>'
            "<tr><td>1</td><td>2</td><td>3</td></tr></table>",
            "A\t\tC\n1\t2\t3",
            ["| A | | C |", "| 1 | 2 | 3 |"],
        ),
        (
            '<table><tr><td rowspan="2" colspan="2">A</td><td>C</td></tr><tr><td>E</td></tr>'
            "<tr><td>1</td><td>2</td><td>3</td></tr></table>",
            "A\t\tC\n\t\tE\n1\t2\t3",
            ["| A | | C |", "| | | E |", "| 1 | 2 | 3 |"],
        ),
    ],
)
def test_spans_keep_later_cells_in_their_columns(
    html: str, text: str, markdown_rows: list[str]
) -> None:
    content = Content(html=html)
    assert content.text == text
    rows = [line for line in content.markdown.split("\n") if not line.startswith("| ---")]
    assert rows == markdown_rows


@pytest.mark.parametrize(
    ("html", "text"),
    [
        (
            "<ul><li><p>First</p><p>Second para</p></li><li>Next</li></ul>",
            "• First\n\n  Second para\n• Next",
        ),
        (
            '<ol start="9"><li><p>Nine</p><p>More</p></li><li>Ten<p>x</p></li></ol><p>After</p>',
            "9. Nine\n\n   More\n10. Ten\n\n    x\n\nAfter",
        ),
        (
            "<ul><li>Out<ul><li><p>In</p><p>In2</p></li></ul><p>Out2</p></li></ul>",
            "• Out\n  • In\n\n    In2\n\n  Out2",
        ),
        ("<ul><li>a<br>b</li></ul><p>c</p>", "• a\n  b\n\nc"),
        # Items of one block each: nothing to indent.
        ("<ul><li><p>A</p></li><li><p>B</p></li></ul><p>After</p>", "• A\n• B\n\nAfter"),
    ],
)
def test_blocks_that_continue_a_list_item_are_indented_under_it(html: str, text: str) -> None:
    content = Content(html=html)
    assert content.text == text
    # The same indentation .markdown gives them (CommonMark needs it to keep them in the item).
    markdown_indents = [len(line) - len(line.lstrip()) for line in content.markdown.split("\n")]
    text_indents = [len(line) - len(line.lstrip()) for line in content.text.split("\n")]
    assert set(text_indents) <= set(markdown_indents)
