"""Plain text of rendered fields: one table row per rule of the normalization notes."""

from __future__ import annotations

import pickle
import threading

import pytest
from selectolax.lexbor import LexborHTMLParser

import wpparse
from wpparse import Content, Excerpt, Title

POST_URL = "https://example.org/2026/04/a-post/"


def text(html: str) -> str:
    return Content(html=html, base_url=POST_URL).text


RULES = [
    # 1. A blank line between blocks.
    ("<p>a</p><p>b</p>", "a\n\nb", "blocks"),
    (
        "<h2>T</h2><p>b</p><blockquote><p>q</p></blockquote><hr><p>c</p>",
        "T\n\nb\n\nq\n\nc",
        "mixed",
    ),
    ("<div><p>a</p></div>\n\n<section><p>b</p></section>", "a\n\nb", "nested-blocks"),
    # 2. One newline between items: bullets for unordered lists.
    ("<ul>\n<li>a</li>\n<li>b</li>\n</ul>", "• a\n• b", "bullets"),
    ("<dl><dt>Term</dt><dd>Definition</dd></dl>", "Term\nDefinition", "definitions"),
    (
        "<figure><img src='x.jpg'><figcaption>Cap</figcaption></figure><p>n</p>",
        "Cap\n\nn",
        "figcaption",
    ),
    ("<p>x</p><ul><li>a</li></ul><p>y</p>", "x\n\n• a\n\ny", "list-is-a-block"),
    # Text next to a block is a block of its own.
    ("<h2>H</h2>a", "H\n\na", "text-after-a-block"),
    ("<p>x</p>a<p>y</p>", "x\n\na\n\ny", "text-between-blocks"),
    ("a<blockquote>q</blockquote>c", "a\n\nq\n\nc", "text-around-a-quote"),
    # An item with no text goes, bullet or number and all; the list goes on.
    ("<p>Before</p><ul><li>a</li><li></li></ul><p>Next</p>", "Before\n\n• a\n\nNext", "empty-item"),
    ("<ol><li>a</li><li> </li><li>c</li></ol>", "1. a\n3. c", "empty-numbered-item"),
    # An item that holds only empty items (an image-only nested list) is empty too.
    ("<ul><li><ul><li></li></ul></li><li>b</li></ul>", "• b", "item-of-empty-items"),
    (
        '<ol><li>a</li><li><ul><li><img src="i.jpg"></li><li><ul><li></li></ul></li></ul></li>'
        "<li>c</li></ol>",
        "1. a\n3. c",
        "items-of-empty-items-nested",
    ),
    (
        '<ul class="wp-block-gallery"><li><figure><img src="a.jpg"></figure></li>'
        '<li><figure><img src="b.jpg"></figure></li></ul><p>Next paragraph.</p>',
        "Next paragraph.",
        "image-only-items",
    ),
    ("<ul><li>a<li>b</ul>", "• a\n• b", "items-without-end-tags"),
    # 3. Inline tags add nothing and never split a word.
    ("Hello <b>wor</b>ld", "Hello world", "inline"),
    (
        '<p>Sony Group <a href="x">jointly formed</a> a company</p>',
        "Sony Group jointly formed a company",
        "link-in-line",
    ),
    ("<p><em>a</em> <strong>b</strong></p>", "a b", "space-between-inline"),
    # 4. <br> is a line break, absorbing wpautop's newline.
    ("<p>a<br />\nb</p>", "a\nb", "br"),
    # 5. White space collapses; lines are trimmed; at most one blank line.
    ("<p>  a \t\n b  </p>\n\n\n<p>c</p>", "a b\n\nc", "collapse"),
    ("<p>a</p><p>&nbsp;</p><p></p><p>b</p>", "a\n\nb", "empty-paragraphs"),
    # 6. pre keeps its white space.
    ("<pre>a\n    b</pre>", "a\n    b", "pre"),
    (
        "<p>x  y</p><pre><code>if a:\n    b()</code></pre><p>z</p>",
        "x y\n\nif a:\n    b()\n\nz",
        "pre-code",
    ),
    # 7. Ordered lists count, honouring start; nested lists indent by two spaces.
    ('<ol start="3"><li>x</li><li>y</li></ol>', "3. x\n4. y", "ol-start"),
    ("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>", "• a\n  • b\n• c", "nested"),
    ("<ol><li><p>one</p></li><li><p>two</p></li></ol>", "1. one\n2. two", "loose-list"),
    ("<ul><li><p>a</p></li><li><p>b</p></li></ul>", "• a\n• b", "loose-bullets"),
    ("<ol reversed><li>a</li><li>b</li><li>c</li></ol>", "3. a\n2. b\n1. c", "ol-reversed"),
    # A start that is no number (too long to be one, or part of another name) is none.
    (
        '<ol start="'
        + "1" * 5000
        + '"><li>a</li></ol><ol data-start="5" START="4"><li>b</li></ol>',
        "1. a\n\n4. b",
        "ol-start-that-is-no-number",
    ),
    # Letters and roman numerals, as the list block's type (or CSS) asks for them.
    ('<ol type="a"><li>x</li><li></li><li>z</li></ol>', "a. x\nc. z", "ol-type-letters"),
    ('<ol type="A" start="26"><li>x</li><li>y</li></ol>', "Z. x\nAA. y", "ol-type-letters-on"),
    (
        '<OL TYPE="I"><LI>x<ol type="i" reversed><li>p</li><li>q</li><li>r</li><li>s</li></ol>'
        "</LI></OL>",
        "I. x\n  iv. p\n  iii. q\n  ii. r\n  i. s",
        "ol-type-roman",
    ),
    (
        '<ol type="a" style="color: red; list-style-type: upper-roman"><li>x</li></ol>'
        '<ol class="list-style-lower-alpha" start="0"><li>y</li></ol>',
        "I. x\n\n0. y",
        "ol-list-style-type-wins",
    ),
    (
        "<ul><li><pre>p\n  q</pre></li><li>b<pre>c</pre></li></ul><p>after</p>",
        "• p\n  q\n• b\n\nc\n\nafter",
        "pre-in-items",
    ),
    (
        '<OL REVERSED start="10"><li>a<ol reversed=""><li>x</li><li>y</li></ol><li value="4">b'
        '<li>c</OL><ol class="a reversed"><li>d</li></ol>',
        "10. a\n  2. x\n  1. y\n4. b\n3. c\n\n1. d",
        "ol-reversed-nested-start-value",
    ),
    (
        "<ol><li><p><b>Step</b></p><ul><li>detail</li></ul></li><li>next</li></ol>",
        "1. Step\n  • detail\n2. next",
        "nested-list-after-a-paragraph",
    ),
    # 8. A table row is a line, cells joined by a tab.
    ("<table><tr><td>2021</td><td>$120,000</td></tr></table>", "2021\t$120,000", "table"),
    (
        "<table><tr><td>1限</td><td></td><td>史</td></tr>\n"
        "<tr>\n<td></td><td>x y</td></tr></table>",
        "1限\t\t史\n\tx y",
        "empty-cells-keep-columns",
    ),
    ("<table><tr><td><p>x</p></td><td><p>y</p></td></tr></table>", "x\ty", "blocks-in-cells"),
    (
        "<table><tr><th>Hora</th><td><div>sábado</div></td></tr>"
        "<tr><td><h4>A</h4></td><td>B</td></tr></table>",
        "Hora\tsábado\nA\tB",
        "blocks-in-cells-keep-rows",
    ),
    (
        "<table><tr><td><h4>Name</h4><p>Desc</p></td><td>c</td></tr>"
        "<tr><td>d<br>e</td><td><ul><li>u</li><li>v</li></ul></td></tr></table>",
        "Name Desc\tc\nd e\t• u • v",
        "several-blocks-or-lines-in-a-cell",
    ),
    (
        "<table><tr><td>a</td><td></td></tr></table><p>Next</p>"
        '<table><tr><td>b</td><td><img src="i.jpg"></td></tr></table><ul><li>Item</li></ul>',
        "a\n\nNext\n\nb\n\n• Item",
        "empty-last-cell-then-a-block",
    ),
    (
        '<table><tr><td>a</td></tr><tr><td colspan="2"><hr></td></tr><tr><td></td><td> </td></tr>'
        "<tr></tr><tr><td>b</td></tr></table>",
        "a\nb",
        "rows-without-text-go",
    ),
    (
        "<h2>Prices</h2><p>Intro.</p><p>More.</p><table><tr><td>a</td></td><td>b<p>c</p></td>"
        "</tr></table>",
        "Prices\n\nIntro.\n\nMore.\n\na\tb c",
        "stray-cell-end-tag",
    ),
    (
        "<table><tr><th></th><th>Mon</th></tr><tr><td>AM</td><td>x</td></tr>"
        "<tr><td>PM</td><td></td></tr></table>",
        "\tMon\nAM\tx\nPM",
        "an-empty-first-cell-keeps-its-column-and-no-line-ends-in-a-tab",
    ),
    (
        "<table>\n<thead><tr><th>Year</th><th>Pay</th></tr></thead>\n"
        "<tbody><tr><td>2021</td><td>$1</td></tr></tbody></table>",
        "Year\tPay\n2021\t$1",
        "table-head",
    ),
    # 9. Dropped: scripts, styles, hidden content, form controls, comments.
    ('A<span class="screen-reader-text">SR</span>B', "AB", "screen-reader"),
    ('A<span class="visuallyhidden">SR</span>B<b class="sr-only">x</b>', "AB", "other-sr-classes"),
    ('<P>A<SPAN CLASS="sr-only">SR</SPAN>B</P>', "AB", "upper-case-class-attribute"),
    ('<p style="overflow: hidden">kept</p><p HIDDEN>gone</p>', "kept", "hidden-attribute"),
    ("A<script>var a = '<p>x</p>';</script>B<style>p{}</style>", "AB", "script-style"),
    ('<p>a</p><div hidden><p>h</p></div><p style="display: none">n</p>', "a", "hidden"),
    (
        '<p>Mail: <a href="mailto:x@y.es"><span style="visibility: hidden;">no.spam_</span>'
        'ih@y.es<span style="VISIBILITY:HIDDEN">@nospam.com</span></a></p>',
        "Mail: ih@y.es",
        "visibility-hidden",
    ),
    (
        '<p>a<span style="Display: None">b</span><span style="Visibility:Hidden">c</span>d</p>',
        "ad",
        "hidden-in-title-case",
    ),
    ("<p>a<!-- comment -->b</p><template><p>t</p></template>", "ab", "comment-template"),
    ("<p>Pick <select><option>one</option></select></p>", "Pick", "form-controls"),
    ("<p>a</p><noscript><p>Enable JavaScript</p></noscript>", "a", "noscript"),
    # 10. Entities decoded exactly once.
    ("&#8220;Q&#8221; &#038; &amp;lt;", "“Q” & &lt;", "entities-once"),
    # 11. &nbsp; is a plain space.
    ("<p>40&nbsp;%</p>", "40 %", "nbsp"),
    # 12. Invisible characters go; ZWJ and ZWNJ stay.
    ("hy&shy;phen zero\u200bwidth\u2060x", "hyphen zerowidthx", "invisible"),
    ("👩\u200d💻 \u200c", "👩\u200d💻 \u200c", "zwj-kept"),
    # 13. Images are not text, except emoji WordPress swapped for images.
    (
        '<p>Hi <img class="wp-smiley" alt="🙂" src="s.png"> <img src="a.jpg" alt="A"></p>',
        "Hi 🙂",
        "emoji",
    ),
    ('<p>Ok <img class="emoji" alt="👍" src="e.svg"></p>', "Ok 👍", "emoji-class"),
    # 14. Footnote markers stay readable; back links go.
    (
        '<p>ms<sup data-fn="f1" class="fn"><a href="#f1" id="f1-link">1</a></sup>.</p>'
        '<ol class="wp-block-footnotes"><li id="f1">Note <a href="#f1-link">↩︎</a></li></ol>',
        "ms[1].\n\n1. Note",
        "footnotes",
    ),
    ('<p>ms<sup><a href="#fn1">1</a></sup> x <a href="#r1">↩︎</a></p>', "ms[1] x", "linked-mark"),
    (
        '<p>M1<sup><a href="#sdfootnote1sym"><sup>1</sup></a></sup>, a<a class="footnote-ref"'
        ' href="#fn2"><sup>ii</sup></a></p>',
        "M1[1], a[ii]",
        "nested-and-held-marks",
    ),
    (
        '<p>mc<sup>2</sup>, 1<sup>st</sup>, <a href="#"><sup>TM</sup></a>,'
        ' <sup><a href="#toc">contents</a></sup></p>',
        "mc2, 1st, TM, contents",
        "superscripts-that-are-not-marks",
    ),
    # WordPress markup.
    (
        '<p>Intro</p>\n<!--more-->\n<p><span id="more-12"></span>More</p>',
        "Intro\n\nMore",
        "more-tag",
    ),
    (
        '<p>a</p><div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3></div>'
        '<div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3></div>',
        "a",
        "jetpack-chrome",
    ),
    (
        "[vc_row][vc_column][vc_column_text]Hi[/vc_column_text][/vc_column][/vc_row]",
        "Hi",
        "shortcodes",
    ),
    ("<p>See [1] and […]</p>", "See [1] and […]", "brackets-kept"),
    (
        "<p><iframe src='https://www.youtube.com/embed/x'>fallback</iframe>after</p>",
        "after",
        "iframe",
    ),
    ("<P>Up<BR>x</P><H2>Loud</H2>", "Up\nx\n\nLoud", "uppercase-tags"),
    ("<p>日本語の文章です。</p><p>二つ目。</p>", "日本語の文章です。\n\n二つ目。", "cjk"),
    ("", "", "empty"),
    ("plain &amp; simple", "plain & simple", "no-markup"),
]


@pytest.mark.parametrize(("html", "expected"), [r[:2] for r in RULES], ids=[r[2] for r in RULES])
def test_text_rule(html: str, expected: str) -> None:
    assert text(html) == expected


TITLES = [
    ("Q&amp;A &#8211; <em>x</em>", "Q&A – x", "entities-and-tags"),
    ("Japan&#8217;s Tech", "Japan’s Tech", "no-tags"),
    ("  Two\nlines  ", "Two lines", "one-line"),
    ("a<br>b", "a b", "br-in-title"),
    ("<p>Para</p><p>two</p>", "Para two", "blocks-in-title"),
    ("Caf&eacute; <script>x</script>", "Café", "script"),
    ("", "", "empty"),
]


@pytest.mark.parametrize(("html", "expected"), [r[:2] for r in TITLES], ids=[r[2] for r in TITLES])
def test_title_text(html: str, expected: str) -> None:
    assert Title(html=html).text == expected


def test_title_markdown_is_one_line_too() -> None:
    assert Title(html="Line<br>two <em>now</em>").markdown == "Line two *now*"
    assert Title(html="<p>Para</p><p>two</p>").markdown == "Para two"


EXCERPTS = [
    ("<p>Some words [&hellip;]</p>\n", "Some words", True, "hellip"),
    ("<p>Some words [&#8230;]</p>\n", "Some words", True, "numeric-hellip"),
    ("<p>Some words [...]</p>\n", "Some words", True, "dots"),
    ("<p>Some words&#8230;</p>\n", "Some words", True, "bare-ellipsis"),
    (
        '<p>Some words [&#8230;]</p>\n<p><a class="read-more" href="/x">Čítať viac&#8230;</a></p>',
        "Some words",
        True,
        "read-more-paragraph",
    ),
    (
        '<p>Words <a href="/x" class="more-link">Continue reading'
        '<span class="screen-reader-text"> Title</span></a></p>',
        "Words",
        True,
        "more-link",
    ),
    (
        f'<p>Quelques mots <a href="{POST_URL}">Lire la suite »</a></p>',
        "Quelques mots",
        True,
        "link-to-the-post-in-any-language",
    ),
    (
        '<p>Read <a href="https://elsewhere.example/">this</a></p>',
        "Read this",
        False,
        "link-elsewhere-kept",
    ),
    (
        f'<p>Text [&hellip;] <a class="more-link" href="{POST_URL}">Read more</a> &raquo;</p>',
        "Text",
        True,
        "arrow-after-the-link",
    ),
    (f'<p>Lorem <a href="{POST_URL}">Read More</a>...</p>', "Lorem", True, "dots-after-the-link"),
    (
        f'<p>Lorem&hellip; <a href="{POST_URL}">Read More</a>.</p>',
        "Lorem",
        True,
        "full-stop-after-the-link",
    ),
    (
        f'<p>Done. <a class="more-link" href="{POST_URL}">More</a></p>',
        "Done.",
        True,
        "sentence-before-the-link",
    ),
    (
        '<p>x. […]</p><p><a class="understrap-read-more-link" href="/y">Čítať viac…</a></p>',
        "x.",
        True,
        "class-naming-read-more",
    ),
    (
        f'<p>Our guide to <a href="{POST_URL}">making soup</a>.</p>',
        "Our guide to making soup.",
        False,
        "link-to-the-post-inside-a-sentence",
    ),
    ("<p>A hand-written summary.</p>\n", "A hand-written summary.", False, "whole"),
    ("<p>Footnote [1] stays</p>", "Footnote [1] stays", False, "brackets-kept"),
    ("No markup [&hellip;]", "No markup", True, "no-tags"),
]


@pytest.mark.parametrize(
    ("html", "expected", "truncated"), [r[:3] for r in EXCERPTS], ids=[r[3] for r in EXCERPTS]
)
def test_excerpt_text(html: str, expected: str, truncated: bool) -> None:
    excerpt = Excerpt(html=html, base_url=POST_URL)
    assert (excerpt.text, excerpt.truncated) == (expected, truncated)


def test_word_count_and_reading_time() -> None:
    content = Content(html="<p>One two three.</p><p>日本語</p>")
    assert content.word_count == 6
    assert content.reading_time(words_per_minute=6).total_seconds() == 60
    with pytest.raises(ValueError, match="positive"):
        content.reading_time(0)


def test_derived_values_parse_once_and_only_when_asked(
    monkeypatch: pytest.MonkeyPatch, seed_bytes: bytes
) -> None:
    parses: list[str] = []

    def counting_parser(html: str, is_fragment: bool) -> LexborHTMLParser:
        parses.append(html)
        return LexborHTMLParser(html, is_fragment=is_fragment)

    monkeypatch.setattr("wpparse._normalize.fragment.LexborHTMLParser", counting_parser)
    post = wpparse.parse_post(seed_bytes)
    assert post.to_dict()["id"] == 71191
    assert parses == []  # metadata only: no HTML parsed
    assert post.content is not None
    first = post.content.text
    values = (post.content.links, post.content.images, post.content.embeds)
    assert post.content.headings[0].text == "In brief"
    assert post.content.markdown.startswith("#### In brief")
    assert post.content.text is first
    assert values == (post.content.links, post.content.images, post.content.embeds)
    assert len(parses) == 1


def test_values_survive_the_tree_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """A tree evicted from the cache is captured first: reading on never parses again."""
    parses: list[str] = []

    def counting_parser(html: str, is_fragment: bool) -> LexborHTMLParser:
        parses.append(html)
        return LexborHTMLParser(html, is_fragment=is_fragment)

    monkeypatch.setattr("wpparse._normalize.fragment.LexborHTMLParser", counting_parser)
    monkeypatch.setattr("wpparse._normalize.trees.MAX_TREES", 2)
    contents = [Content(html=f'<h2>H{n}</h2><p><a href="/p{n}">x</a></p>') for n in range(5)]
    assert [c.text for c in contents] == [f"H{n}\n\nx" for n in range(5)]
    assert [c.headings[0].text for c in contents] == [f"H{n}" for n in range(5)]
    assert [c.links[0].url for c in contents] == [f"/p{n}" for n in range(5)]
    assert len(parses) == 5


def test_posts_pickle_with_and_without_derived_values(seed_bytes: bytes) -> None:
    post = wpparse.parse_post(seed_bytes)
    assert post.excerpt is not None
    assert post.content is not None
    text = post.excerpt.text
    content_text = post.content.text
    again = pickle.loads(pickle.dumps(post))
    assert again == post
    assert again.excerpt is not None
    assert again.content is not None
    assert (again.excerpt.text, again.excerpt.truncated) == (text, True)
    assert again.content.text == content_text
    assert again.content.links == post.content.links


def test_deep_nesting_is_flattened_and_keeps_the_text() -> None:
    depth = 50_000
    html = "<div>" * depth + 'deep <a href="/x">text</a>' + "</div>" * depth
    content = Content(html=html, base_url=POST_URL)
    assert content.text == "deep text"
    assert [link.url for link in content.links] == ["https://example.org/x"]
    assert "deep" in content.markdown


def test_unclosed_items_are_not_deep_nesting() -> None:
    """Items the parser closes by itself must not count as depth (nothing is flattened)."""
    items = "".join(f'<li><a href="/p{n}">item {n}</a>' for n in range(6000))
    content = Content(html=f"<ul>{items}</ul>", base_url=POST_URL)
    assert len(content.links) == 6000
    assert content.links[-1].url == "https://example.org/p5999"
    assert content.text.splitlines()[-1] == "• item 5999"


def test_a_large_post_is_read_whole() -> None:
    paragraph = '<p>Some <a href="/x">text</a> with <em>words</em> &amp; more.</p>\n'
    count = 2_000_000 // len(paragraph)
    content = Content(html=paragraph * count, base_url=POST_URL)
    assert content.text.count("Some text with words & more.") == count
    assert len(content.links) == count


def test_another_thread_neither_loses_values_nor_the_cut() -> None:
    """Trees never cross threads: another thread parses again, and forgets nothing."""
    post = wpparse.parse_post(
        {
            "link": "https://ex.org/p/",
            "excerpt": {"rendered": '<p>Hi <a href="https://x.org/">x</a> [&hellip;]</p>'},
        }
    )
    assert post.excerpt is not None
    assert post.excerpt.truncated is True
    seen: dict[str, object] = {}

    def elsewhere() -> None:
        assert post.excerpt is not None
        seen["links"] = [link.url for link in post.excerpt.links]
        seen["truncated"] = post.excerpt.truncated
        copy = pickle.loads(pickle.dumps(post))
        assert copy.excerpt is not None
        seen["copy"] = (copy.excerpt.truncated, [link.url for link in copy.excerpt.links])

    thread = threading.Thread(target=elsewhere)
    thread.start()
    thread.join()
    assert seen == {
        "links": ["https://x.org/"],
        "truncated": True,
        "copy": (True, ["https://x.org/"]),
    }


def test_shortcodes_inside_code_and_generic_words_are_left_alone() -> None:
    code = "<pre><code>[vc_row][vc_column]Hi[/vc_column][/vc_row]</code></pre>"
    assert text(code) == "[vc_row][vc_column]Hi[/vc_column][/vc_row]"
    assert text("<p>use [row] and [column] here</p>") == "use [row] and [column] here"
    assert Content(html="<code>[embed]https://example.com[/embed]</code>").embeds == ()


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param(
            "<PRE>[vc_row]a[/vc_row]</PRE><p>[vc_row]b[/vc_row]</p>",
            "[vc_row]a[/vc_row]\n\nb",
            id="upper-case-pre-is-code",
        ),
        pytest.param(
            "<pre>never closed [vc_row]a[/vc_row]",
            "never closed\n\na",
            id="unclosed-pre-is-not-code",
        ),
        pytest.param(
            "<code>x</code>[caption id='a']<img src='/a.jpg' alt=''> One[/caption]"
            "<pre>[caption]kept[/caption]</pre>[caption]<img src='/b.jpg' alt=''> Two[/caption]",
            "x\n\nOne\n\n[caption]kept[/caption]\n\nTwo",
            id="code-between-captions",
        ),
        pytest.param(
            "[caption id='a' <b>no end</b> [caption]<img src='/a.jpg' alt=''> Cap[/caption] [embed",
            "[caption id='a' no end\n\nCap\n\n[embed",
            id="unclosed-openers-around-a-pair",
        ),
    ],
)
def test_shortcodes_around_code_and_unclosed_ones(html: str, expected: str) -> None:
    assert text(html) == expected


def test_a_written_ellipsis_is_not_a_cut() -> None:
    excerpt = Excerpt(html="<p>Wait for it...</p>")
    assert (excerpt.text, excerpt.truncated) == ("Wait for it...", False)


@pytest.mark.parametrize(
    ("html", "words"),
    [
        pytest.param("<ul><li>Soup</li><li>Bread</li></ul>", 2, id="bullets-are-no-words"),
        pytest.param("<ol><li>one two</li><li>three</li></ol>", 3, id="numbers-are-no-words"),
        pytest.param(
            "<p>2021. A year.</p><ol><li>one</li></ol><p>Then<br>7. Seven</p>",
            7,
            id="numbers-written-at-a-line-start-are-words",
        ),
        pytest.param("<ol><li>a</li><li></li><li>b</li></ol>", 2, id="an-empty-item-has-no-number"),
        pytest.param(
            '<ol type="i"><li>a b</li><li>c</li></ol>', 3, id="roman-numbers-are-no-words"
        ),
        pytest.param("<p>a — b -- c … d | e</p>", 5, id="punctuation-is-no-word"),
        pytest.param("<p>「東京」と言った。</p>", 6, id="cjk-punctuation-is-no-word"),
        pytest.param("<p>予定・・・です A・B ジョン・スミス</p>", 12, id="middle-dots-part-words"),
        pytest.param("<p>don’t stop, 2021—2026 🙂</p>", 3, id="words-holding-punctuation"),
        pytest.param("<p>a\u2009—\u2028b</p>", 2, id="other-white-space"),
    ],
)
def test_words_hold_a_letter_or_a_digit(html: str, words: int) -> None:
    assert Content(html=html).word_count == words


def test_a_field_pickled_without_the_newer_slots_still_counts_its_words() -> None:
    # Pickles made before list numbers and class values were kept hold neither.
    from wpparse._normalize.analysis import Analysis

    analysis = Analysis(Content(html="<ol><li>one two</li></ol>"))
    state = analysis.__getstate__()
    del state["_list_numbers"], state["_classes"]
    restored = Analysis.__new__(Analysis)
    restored.__setstate__(state)
    assert (restored.text, restored.word_count) == ("1. one two", 2)
