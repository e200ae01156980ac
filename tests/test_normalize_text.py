"""Plain text of rendered fields: tags gone, entities decoded, white space collapsed."""

from __future__ import annotations

import pickle

import pytest
from selectolax.lexbor import LexborHTMLParser

import wpparse
from wpparse.normalize import block_text, excerpt_text, inline_text


@pytest.mark.parametrize(
    ("html", "text"),
    [
        pytest.param("<p>a</p><p>b</p>", "a\n\nb", id="blocks-blank-line"),
        pytest.param("<ul>\n<li>a</li>\n<li>b</li>\n</ul>", "a\nb", id="items-one-line-each"),
        pytest.param("Hello <b>wor</b>ld", "Hello world", id="inline-adds-nothing"),
        pytest.param(
            "<p>Sony Group <a href='x'>jointly formed</a> a company</p>",
            "Sony Group jointly formed a company",
            id="link-does-not-split",
        ),
        pytest.param("<p>a<br />\nb</p>", "a\nb", id="br-absorbs-newline"),
        pytest.param("<p>  a \t\n b  </p>\n\n\n<p>c</p>", "a b\n\nc", id="collapse"),
        pytest.param("&#8220;Q&#8221; &#038; &amp;lt;", "“Q” & &lt;", id="entities-once"),
        pytest.param("<p>40&nbsp;%</p>", "40 %", id="nbsp-is-a-space"),
        pytest.param("hy&shy;phen zero\u200bwidth", "hyphen zerowidth", id="invisible-chars"),
        pytest.param("x\u200dy", "x\u200dy", id="zwj-kept"),
        pytest.param("A<script>alert(1)</script><style>p{}</style>B", "AB", id="script-style"),
        pytest.param(
            "<p>A</p><noscript><p>N</p></noscript><template>T</template>", "A", id="hidden"
        ),
        pytest.param(
            "<table><tr><td>2021</td></tr><tr><td>2022</td></tr></table>",
            "2021\n2022",
            id="table-rows",
        ),
        pytest.param("", "", id="empty"),
        pytest.param("plain &amp; simple", "plain & simple", id="no-tags"),
    ],
)
def test_block_text(html: str, text: str) -> None:
    assert block_text(html) == text


@pytest.mark.parametrize(
    ("html", "text"),
    [
        pytest.param("Q&amp;A &#8211; <em>x</em>", "Q&A – x", id="entities-and-tags"),
        pytest.param("Japan&#8217;s Tech", "Japan’s Tech", id="no-tags"),
        pytest.param("  Two\nlines  ", "Two lines", id="one-line"),
        pytest.param("a<br>b", "ab", id="br-in-title"),
        pytest.param("", "", id="empty"),
    ],
)
def test_inline_text(html: str, text: str) -> None:
    assert inline_text(html) == text


@pytest.mark.parametrize(
    ("html", "text", "truncated"),
    [
        pytest.param("<p>Some words [&hellip;]</p>\n", "Some words", True, id="hellip"),
        pytest.param("<p>Some words [&#8230;]</p>\n", "Some words", True, id="numeric-hellip"),
        pytest.param("<p>Some words [...]</p>\n", "Some words", True, id="dots"),
        pytest.param("<p>Some words&#8230;</p>\n", "Some words", True, id="bare-ellipsis"),
        pytest.param(
            "<p>Some words [&#8230;]</p>\n"
            '<p><a class="read-more" href="/x">Čítať viac&#8230;</a></p>',
            "Some words",
            True,
            id="read-more-paragraph",
        ),
        pytest.param(
            '<p>Words <a href="/x" class="more-link">Continue reading'
            '<span class="screen-reader-text"> Title</span></a></p>',
            "Words",
            True,
            id="more-link",
        ),
        pytest.param(
            "<p>A hand-written summary.</p>\n", "A hand-written summary.", False, id="whole"
        ),
        pytest.param("<p>Footnote [1] stays</p>", "Footnote [1] stays", False, id="brackets-kept"),
        pytest.param("No markup [&hellip;]", "No markup", True, id="no-tags"),
    ],
)
def test_excerpt_text(html: str, text: str, truncated: bool) -> None:
    assert excerpt_text(html) == (text, truncated)


def test_derived_values_are_computed_once_and_only_when_asked(
    monkeypatch: pytest.MonkeyPatch, seed_bytes: bytes
) -> None:
    parses: list[str] = []

    def counting_parser(html: str, is_fragment: bool) -> LexborHTMLParser:
        parses.append(html)
        return LexborHTMLParser(html, is_fragment=is_fragment)

    monkeypatch.setattr("wpparse.normalize.fragment.LexborHTMLParser", counting_parser)
    post = wpparse.parse_post(seed_bytes)
    assert post.to_dict()["id"] == 71191
    assert parses == []  # metadata only: no HTML parsed
    assert post.content is not None
    first = post.content.text
    assert post.content.text is first
    assert len(parses) == 1


def test_posts_pickle_after_text_was_read(seed_bytes: bytes) -> None:
    post = wpparse.parse_post(seed_bytes)
    assert post.excerpt is not None
    text = post.excerpt.text
    again = pickle.loads(pickle.dumps(post))
    assert again == post
    assert again.excerpt is not None
    assert again.excerpt.text == text
    assert again.excerpt.truncated is True
