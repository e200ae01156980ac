"""Properties of normalizing, over HTML generated from a small grammar of WordPress-like markup.

Text is built from words that never hold ``<`` (an escaped ``&lt;`` is always followed by a
space), so any ``<`` followed by a letter in `.text` came from markup. Every visible place (a
paragraph, list item, table cell, heading, ``pre``) holds a numbered sentinel ``V00001V``;
hidden ones hold ``H00001H`` and scripts and styles ``S00001S``. Sentinels are upper-case and
the random words lower-case, so they never meet by chance.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st

from wpparse import Content, Excerpt, Title

POST_URL = "https://example.org/2026/04/post/"

# -- the grammar -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """Where a sentinel goes: "V" visible, "H" hidden, "S" script or style."""

    kind: str


Piece = str | Slot

WORD_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789.,;:!?'()-–—/%+=*@#$"
ODD_WORDS = [
    "&amp;",
    "&amp;amp;",
    "&amp;lt;",
    "&lt; ",
    "&gt;",
    "&#8220;q&#8221;",
    "&#8217;",
    "&#038;",
    "&nbsp;",
    "&hellip;",
    "&quot;",
    "&#160;",
    "&shy;",
    "& ",
    "中文",
    "日本語のテキスト",
    "한국어",
    "🙂",
    "👍🏽",
    "👨‍👩‍👧",
    "🇸🇰",
    "naïve",
    "Ωmega",
]
HREFS = [
    "https://example.org/a",
    "https://www.example.org/b?x=1&amp;y=2",
    "https://other.example/c#d",
    "/root",
    "relative",
    "../up",
    "//cdn.example.org/x",
    "?p=2",
    "#fragment",
    "mailto:me@example.org",
    "https://i0.wp.com/x.jpg?resize=300%2C200&#038;ssl=1",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "JAVASCRIPT:void(0)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "java\tscript:alert(1)",
    "java&#9;script:alert(1)",
    "java\nscript:alert(1)",
    "java&#10;script:alert(1)",
    "  javascript:alert(1)",
    "\x01\x1fjavascript:alert(1)",
    "&#x20;&#x0B;javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "DaTa:image/png;base64,AAAA",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "",
    " ",
]

words = st.one_of(
    st.text(alphabet=WORD_CHARS, min_size=1, max_size=8),
    st.sampled_from(ODD_WORDS),
)
hrefs = st.one_of(
    st.sampled_from(HREFS),
    st.builds(
        lambda prefix, rest: prefix + rest,
        st.sampled_from(HREFS),
        st.text(alphabet=WORD_CHARS + " \t\n&#;\x00\x0b", max_size=6),
    ),
)
separators = st.sampled_from(["", " ", " ", "\n", "  "])


def attribute(value: str) -> str:
    """`value` inside double quotes, its own double quotes escaped."""
    return '"' + value.replace('"', "&quot;") + '"'


@st.composite
def srcset(draw: st.DrawFn) -> str:
    candidates = draw(st.lists(st.tuples(hrefs, st.sampled_from(["", " 300w", " 2x"])), max_size=3))
    return ", ".join(url + descriptor for url, descriptor in candidates)


@st.composite
def image(draw: st.DrawFn) -> list[Piece]:
    parts = [f"src={attribute(draw(hrefs))}"]
    if draw(st.booleans()):
        parts.append(f"data-lazy-src={attribute(draw(hrefs))}")
    if draw(st.booleans()):
        parts.append(f"srcset={attribute(draw(srcset()))}")
    parts.append(f"alt={attribute(draw(words))}")
    return [f"<img {' '.join(parts)}>"]


@st.composite
def inline(draw: st.DrawFn, hidden: bool, depth: int, in_link: bool = False) -> list[Piece]:
    """Phrasing content: words, sentinels, links, images, strong/em, br."""
    pieces: list[Piece] = []
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        choice = draw(st.integers(min_value=0, max_value=9 if depth > 0 else 3))
        if choice <= 1:
            pieces.append(draw(words))
        elif choice <= 3:
            pieces.append(Slot("H" if hidden else "V"))
        elif choice <= 5 and not in_link:
            pieces.append(f"<a href={attribute(draw(hrefs))}>")
            pieces.extend(draw(inline(hidden, depth - 1, in_link=True)))
            pieces.append("</a>")
        elif choice == 6:
            pieces.extend(draw(image()))
        elif choice == 7:
            tag = draw(st.sampled_from(["strong", "em"]))
            pieces.append(f"<{tag}>")
            pieces.extend(draw(inline(hidden, depth - 1, in_link)))
            pieces.append(f"</{tag}>")
        elif choice == 8:
            pieces.append(draw(st.sampled_from(["<br>", "<br />\n"])))
        else:
            pieces.append(draw(words))
        pieces.append(draw(separators))
    return pieces


@st.composite
def block(draw: st.DrawFn, hidden: bool, depth: int) -> list[Piece]:
    """Flow content: p, h2, lists, tables, pre, script, style, divs (some hidden), iframes."""
    choice = draw(st.integers(min_value=0, max_value=11 if depth > 0 else 3))
    if choice <= 1:
        return ["<p>", *draw(inline(hidden, depth)), "</p>"]
    if choice == 2:
        return ["<h2>", *draw(inline(hidden, depth)), "</h2>"]
    if choice == 3:
        text = draw(st.lists(st.one_of(words, st.just(Slot("H" if hidden else "V")))))
        spaced: list[Piece] = []
        for piece in text:
            spaced.extend([piece, draw(st.sampled_from([" ", "\n", "    ", "\t"]))])
        return ["<pre>", *spaced, "</pre>"]
    if choice == 4:
        tag = draw(st.sampled_from(["ul", "ol"]))
        pieces: list[Piece] = [f"<{tag}>"]
        for _ in range(draw(st.integers(min_value=1, max_value=3))):
            pieces.append("<li>")
            pieces.extend(draw(inline(hidden, depth - 1)))
            if draw(st.booleans()):
                pieces.extend(draw(block(hidden, depth - 1)))
            pieces.append("</li>")
        return [*pieces, f"</{tag}>"]
    if choice == 5:
        pieces = ["<table><tbody>"]
        for _ in range(draw(st.integers(min_value=1, max_value=3))):
            pieces.append("<tr>")
            for _ in range(draw(st.integers(min_value=1, max_value=3))):
                pieces.extend(["<td>", *draw(inline(hidden, depth - 1)), "</td>"])
            pieces.append("</tr>")
        return [*pieces, "</tbody></table>"]
    if choice == 6:
        return [
            "<script>var s = '",
            Slot("S"),
            "'; document.write('<p>x</p>'); if (a < b && c) {}</script>",
        ]
    if choice == 7:
        return ["<style>.a::after { content: '", Slot("S"), "'; } p > a { color: red }</style>"]
    if choice in (8, 9):
        hides = draw(st.booleans())
        opening = draw(
            st.sampled_from(["<div hidden>", '<div style="display:none">'] if hides else ["<div>"])
        )
        children = draw(st.lists(block(hidden or hides, depth - 1), min_size=1, max_size=3))
        return [opening, *itertools.chain.from_iterable(children), "</div>"]
    tag = draw(st.sampled_from(["iframe", "video"]))
    return [f"<{tag} src={attribute(draw(hrefs))}></{tag}>"]


@dataclass
class Document:
    """Generated HTML and the sentinels it holds, by kind, in document order."""

    html: str
    sentinels: dict[str, list[str]] = field(default_factory=dict)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    blocks = draw(st.lists(block(False, 3), min_size=1, max_size=6))
    joiners = draw(st.sampled_from(["", "\n", "\n\n"]))
    numbers = itertools.count(1)
    html: list[str] = []
    sentinels: dict[str, list[str]] = {"V": [], "H": [], "S": []}
    for piece in itertools.chain.from_iterable([*b, joiners] for b in blocks):
        if isinstance(piece, Slot):
            word = f"{piece.kind}{next(numbers):05d}{piece.kind}"
            sentinels[piece.kind].append(word)
            html.append(word)
        else:
            html.append(piece)
    return Document("".join(html), sentinels)


# -- helpers -------------------------------------------------------------------------------------

_DROPPED = re.compile(r"[\t\n\r]")
_EDGES = "".join(chr(code) for code in range(0x21))
_UNSAFE = re.compile(r"(?i)(?:javascript|data|vbscript):")
_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_MARKUP = re.compile(r"<[A-Za-z/!?]")


def is_unsafe(url: str) -> bool:
    """Whether a browser would read `url` as a javascript:, data: or vbscript: URL."""
    return _UNSAFE.match(_DROPPED.sub("", url).lstrip(_EDGES)) is not None


def all_urls(content: Content) -> list[str]:
    found = [link.url for link in content.links]
    for picture in content.images:
        found.append(picture.url)
        found.extend(candidate.url for candidate in picture.srcset)
    found.extend(embed.url for embed in content.embeds)
    return found


SETTINGS = settings(deadline=None)

# -- the properties ----------------------------------------------------------------------------


@SETTINGS
@given(documents())
def test_text_holds_no_markup_and_no_script(document: Document) -> None:
    text = Content(html=document.html, base_url=POST_URL).text
    assert _MARKUP.search(text) is None, text
    for word in document.sentinels["S"]:
        assert word not in text
    assert "document.write" not in text
    assert "color: red" not in text


@SETTINGS
@given(documents())
def test_visible_words_appear_in_order_and_hidden_ones_never(document: Document) -> None:
    content = Content(html=document.html, base_url=POST_URL)
    text = content.text
    position = 0
    for word in document.sentinels["V"]:
        found = text.find(word, position)
        assert found >= 0, f"{word} missing or out of order in {text!r}"
        position = found + len(word)
    for word in document.sentinels["H"]:
        assert word not in text
        assert all(word not in link.text for link in content.links)
        assert all(word not in heading.text for heading in content.headings)


@SETTINGS
@given(documents())
def test_normalizing_is_deterministic(document: Document) -> None:
    first = Content(html=document.html, base_url=POST_URL)
    second = Content(html=document.html, base_url=POST_URL)
    # Asked for in opposite orders, so neither result depends on what was computed first.
    one = (first.text, first.links, first.images, first.embeds, first.headings)
    two_reversed = (second.headings, second.embeds, second.images, second.links, second.text)
    assert one == tuple(reversed(two_reversed))


def test_values_do_not_depend_on_the_tree_cache() -> None:
    # More fields than the per-thread tree cache holds, each asked for its text first: the
    # trees of the first ones are evicted before their links, images and the rest are read.
    def html(n: int) -> str:
        return (
            f'<h2 id="h{n}">H{n}</h2><p><a href="/x{n}">x{n}</a><img src="/i{n}.jpg"></p>'
            f'<iframe src="https://www.youtube.com/embed/{n}"></iframe>'
        )

    fields = [Content(html=html(n), base_url=POST_URL) for n in range(100)]
    for content in fields:
        assert content.text
    for n, content in enumerate(fields):
        fresh = Content(html=html(n), base_url=POST_URL)
        assert (content.links, content.images, content.embeds, content.headings) == (
            fresh.links,
            fresh.images,
            fresh.embeds,
            fresh.headings,
        )
        assert content.links[0].url == f"https://example.org/x{n}"


@SETTINGS
@given(documents(), st.sampled_from([POST_URL, None]))
def test_no_url_has_an_unsafe_scheme(document: Document, base_url: str | None) -> None:
    content = Content(html=document.html, base_url=base_url)
    for url in all_urls(content):
        assert not is_unsafe(url), url


@SETTINGS
@given(documents())
def test_links_are_absolute_when_the_base_url_is(document: Document) -> None:
    for link in Content(html=document.html, base_url=POST_URL).links:
        assert _ABSOLUTE.match(link.url), link.url
        assert not link.url.startswith("#")
        assert link.internal is not None


@SETTINGS
@given(documents())
def test_headings_hold_the_visible_heading_words(document: Document) -> None:
    content = Content(html=document.html, base_url=POST_URL)
    heading_words = re.findall(r"V\d{5}V", " ".join(heading.text for heading in content.headings))
    expected = [word for word in document.sentinels["V"] if word in heading_words]
    assert heading_words == expected
    assert all(1 <= heading.level <= 6 for heading in content.headings)


# Strings made of the pieces markup is made of, to reach the parser's and the passes' odd paths.
TAGGY = st.lists(
    st.sampled_from(
        [
            *"<>/=\"' &#;[]\n\tabcdehilmoprstuvwxy0123456789",
            *("<p>", "</p>", "<a href=", "<img src=", "<iframe", "<pre>", "<li>", "<table>"),
            *("<td>", "<h2 id=", "<noscript>", "<script>", "[caption]", "[embed]", "[/embed]"),
            *("<ol start=", "<tr>", "</pre>", "<br>", "<div hidden>", "<!--", "-->", "&lt;"),
            *("&#", "\x00", "\x02"),
        ]
    ),
    max_size=40,
).map("".join)


@settings(deadline=None)
@given(st.one_of(st.text(), TAGGY), st.sampled_from([POST_URL, None, "relative/base", ""]))
def test_nothing_raises_for_arbitrary_input(html: str, base_url: str | None) -> None:
    content = Content(html=html, base_url=base_url)
    assert isinstance(content.text, str)
    assert isinstance(content.links, tuple)
    assert isinstance(content.images, tuple)
    assert isinstance(content.embeds, tuple)
    assert isinstance(content.headings, tuple)
    assert content.word_count >= 0
    excerpt = Excerpt(html=html, base_url=base_url)
    assert isinstance(excerpt.text, str)
    assert isinstance(excerpt.truncated, bool)
    assert "\n" not in Title(html=html, base_url=base_url).text
