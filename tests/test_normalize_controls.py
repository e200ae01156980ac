"""No control character reaches a value derived from HTML: not the layout marks, not the input's.

The normalizer marks layout with control characters. Whatever the input holds (control
characters raw or as numeric references, in text or in attribute values, in raw text elements),
no derived value may hold a character of category Cc or Cs, except tab and line feed in `.text`
and `.markdown`.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

import wpparse
from wpparse._normalize import analysis, fragment

# Every C0 and C1 control, DEL, and a lone surrogate.
CONTROLS = [chr(code) for code in (*range(0x20), 0x7F, *range(0x80, 0xA0))] + ["\ud800"]


def _references(code: int) -> list[str]:
    return [f"&#{code};", f"&#x{code:X};", f"&#00{code}", f"&#x0{code:x}"]


REFERENCES = [ref for code in (*range(0x20), 0x7F, *range(0x80, 0xA0)) for ref in _references(code)]
# Look like tags inside attribute values, where marking puts its marks too.
TAG_LIKE = ["<p>", "<br>", "<li>", "</li>", "<td>", "<tr>", "<pre>", "</pre>", "<ol>", "<ul>"]
WORDS = ["a", "b c", "Word", "12", "x.y", " ", "\n", "&amp;", "&nbsp;", "中文"]

_pieces = st.sampled_from(CONTROLS + REFERENCES + TAG_LIKE + WORDS)
texts = st.lists(_pieces, max_size=6).map("".join)
# An attribute value: the same alphabet, with its quotes escaped.
values = texts.map(lambda value: value.replace('"', "&quot;"))


@st.composite
def elements(draw: st.DrawFn, depth: int = 0) -> str:
    """An element from the tags the normalizer treats each in its own way, with odd content."""
    kind = draw(
        st.sampled_from(
            [
                "p", "div", "br", "ul", "ol", "table", "pre", "xmp", "listing", "h2", "a", "img",
                "iframe", "figure", "blockquote", "textarea", "title", "script", "sup", "video",
            ]
        )
    )  # fmt: skip
    inner = "".join(
        draw(st.lists(st.one_of(texts, elements(depth + 1)) if depth < 2 else texts, max_size=3))
    )
    text = draw(texts)
    if kind == "br":
        return "<br>" + text
    if kind in ("ul", "ol"):
        return f'<{kind}><li>{inner}</li><li value="{draw(values)}">{text}</li></{kind}>'
    if kind == "table":
        return f"<table><tr><td>{inner}</td><td>{text}</td></tr></table>"
    if kind == "h2":
        return f'<h2 id="{draw(values)}">{inner}</h2>'
    if kind == "a":
        return f'<a href="/x{draw(values)}" rel="{draw(values)}">{inner}</a>'
    if kind == "img":
        return (
            f'<img src="/i{draw(values)}.png" alt="{draw(values)}" '
            f'srcset="/s{draw(values)}.png 2x">'
        )
    if kind == "iframe":
        return f'<iframe src="https://www.youtube.com/embed/{draw(values)}" title="{draw(values)}">'
    if kind == "video":
        return f'<video src="/v{draw(values)}.mp4" title="{draw(values)}"></video>'
    if kind == "figure":
        return f'<figure><img src="/f.png" alt="{text}"><figcaption>{inner}</figcaption></figure>'
    return f"<{kind}>{inner}{text}</{kind}>"


fragments = st.lists(st.one_of(texts, elements()), max_size=4).map("".join)


def _strings(value: Any) -> list[str]:
    """Every string inside `value` (tuples and attrs objects of derived values)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple | list):
        return [string for item in value for string in _strings(item)]
    if hasattr(value, "__attrs_attrs__"):
        return [
            string
            for name in value.__attrs_attrs__
            for string in _strings(getattr(value, name.name))
        ]
    return []


def _controls(string: str, allowed: str) -> set[str]:
    return {char for char in string if unicodedata.category(char) in ("Cc", "Cs")} - set(allowed)


def leaks(html: str) -> list[tuple[str, str]]:
    """(value's name, the control characters it holds) for every derived value that holds some."""
    post = wpparse.parse_post(
        {
            "id": 1,
            "link": "https://example.org/p/",
            "title": {"rendered": html},
            "excerpt": {"rendered": html},
            "content": {"rendered": html},
        }
    )
    found = []
    for field in ("title", "excerpt", "content"):
        rendered = getattr(post, field)
        for name in ("text", "markdown"):
            if bad := _controls(getattr(rendered, name), "" if field == "title" else "\n\t"):
                found.append((f"{field}.{name}", "".join(sorted(bad))))
        for name in ("links", "images", "embeds", "headings"):
            for string in _strings(getattr(rendered, name)):
                if bad := _controls(string, ""):
                    found.append((f"{field}.{name}", "".join(sorted(bad))))
    for column, value in wpparse.to_record(post).items():
        allowed = "\n\t" if column in ("content_text", "excerpt_text") else ""
        for string in _strings(value):
            if bad := _controls(string, allowed):
                found.append((f"record.{column}", "".join(sorted(bad))))
    return found


@given(fragments)
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_no_control_character_reaches_a_derived_value(html: str) -> None:
    assert leaks(html) == []


# The property must be able to fail: with either half of the design undone, it finds a leak.
@pytest.mark.parametrize(
    ("module", "name"),
    [
        pytest.param(analysis, "without_controls", id="input-controls-kept"),
        pytest.param(fragment, "without_marks", id="attribute-marks-kept"),
    ],
)
def test_the_property_finds_a_leak_when_the_design_is_undone(
    monkeypatch: pytest.MonkeyPatch, module: Any, name: str
) -> None:
    monkeypatch.setattr(module, name, lambda value: value)
    found = find(
        fragments,
        lambda html: bool(leaks(html)),
        settings=settings(max_examples=5000, database=None, derandomize=True),
    )
    assert leaks(found)


@pytest.mark.parametrize(
    ("html", "text"),
    [
        # References to controls: nothing, or a space where HTML makes them white space.
        ("<p>ab&#7;cd</p>", "abcd"),
        ("<p>ab&#1;42&#1;cd</p>", "ab42cd"),
        ("<p>ab&#2;&#2;cd</p>", "abcd"),
        ("<p>a&#4;b&#5;c</p>", "abc"),
        ("<p>word&#12;word</p>", "word word"),
        ("<p>word&#x0C;word</p>", "word word"),
        ("<p>word&#13;word</p>", "word word"),
        ("<p>a&#x81;b&#128;c</p>", "ab€c"),
        # Raw: form feed is HTML white space; a vertical tab is Word's line break; the rest go.
        ("<p>word\x0cword</p>", "word word"),
        ("<p>Line one\x0bLine two</p>", "Line one Line two"),
        ("<p>a\x0eb\x1fc\x7fd\x85e\x9ff</p>", "abcdef"),
        ("<p>a\r\nb\rc</p>", "a b c"),
        ("<pre>x\r\ny\rz</pre>", "x\ny\nz"),
        ("<p>a\ud800b</p>", "a\ufffdb"),
    ],
)
def test_input_controls_become_what_html_makes_of_them(html: str, text: str) -> None:
    content = wpparse.Content(html=html)
    assert content.text == text
    assert content.markdown == (f"```\n{text}\n```" if html.startswith("<pre>") else text)


def test_marks_inside_attribute_values_leave_no_trace() -> None:
    content = wpparse.Content(
        html='<h2 id="x<br>y">T</h2><p><a href="/s?q=<p>x" rel="no<p>follow">'
        'l</a><img src="/i.png" alt="1<br>2" title="t"></p><ol><li><a href="/<li>">'
        "n</a></li></ol>",
        base_url="https://example.org/p/",
    )
    assert content.headings[0].id == "x<br>y"
    assert [link.url for link in content.links] == [
        "https://example.org/s?q=<p>x",
        "https://example.org/<li>",
    ]
    assert content.links[0].rel == ("no<p>follow",)
    assert content.images[0].alt == "1<br>2"


@pytest.mark.parametrize(
    ("html", "text", "markdown"),
    [
        # Raw text shown verbatim: nothing inside is a tag, a bullet or a break.
        (
            "<p>a</p><xmp><li>x</li>\n  <p>y</xmp><p>b</p>",
            "a\n\n<li>x</li>\n  <p>y\n\nb",
            "a\n\n```\n<li>x</li>\n  <p>y\n```\n\nb",
        ),
        ("<p>a</p><plaintext><li>x<br>y", "a\n\n<li>x<br>y", "a\n\n```\n<li>x<br>y\n```"),
        # listing is pre by another name, in both outputs.
        ("<listing>  code\n  <b>x</b></listing>", "  code\n  x", "```\n  code\n  x\n```"),
        # Never shown: a title or noembed in the body.
        ("<title><p>x</title><p>t</p>", "t", "t"),
        ("<noembed><p>x</noembed><p>t</p>", "t", "t"),
    ],
)
def test_raw_text_elements(html: str, text: str, markdown: str) -> None:
    content = wpparse.Content(html=html)
    assert (content.text, content.markdown) == (text, markdown)
