"""Time grows linearly with the input, through the whole pipeline (see tests/linear.py).

Hostile inputs are built to trip quadratic behaviour: deep nesting, unclosed tags and comments,
stray ``<``, long tables and lists, many links, images and shortcodes in HTML; many keys,
repeated keys, long arrays and long strings in JSON; many items in a stream.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

import pytest

import wpparse
from tests import linear as linear_check
from tests.linear import assert_linear
from wpparse._normalize.depth import MAX_DEPTH
from wpparse._read.lines import iter_batches_or_items

HTML: dict[str, Callable[[int], str]] = {
    "paragraphs": lambda n: (
        "<p>Some words, a <a href='/x'>link</a> and <em>emphasis</em>.</p>\n" * n
    ),
    "deep-divs": lambda n: "<div>" * n + "x" + "</div>" * n,
    "deep-lists": lambda n: "<ul><li>" * n + "x" + "</li></ul>" * n,
    "deep-pre": lambda n: "<pre>x" * n,
    "deep-quotes": lambda n: "<blockquote>" * n + "<p>x</p>" + "</blockquote>" * n,
    "unclosed-inline-tags": lambda n: "<p><b><i>word " * n,
    "unclosed-list-items": lambda n: "<ul>" + "<li>item" * n,
    "long-table": lambda n: "<table>" + "<tr><td>a</td><td></td><td>b</td></tr>" * n + "</table>",
    "images-with-srcset": lambda n: (
        '<img src="/a.jpg" srcset="/a-300.jpg 300w, /a-600.jpg 600w, /a,b.jpg 2x" alt="x">' * n
    ),
    "lazy-images-and-noscript": lambda n: (
        '<img data-src="/a.jpg" class="lazyload"><noscript><img src="/a.jpg"></noscript>' * n
    ),
    "iframes": lambda n: '<iframe src="https://www.youtube.com/embed/abc"></iframe>' * n,
    "one-long-text": lambda n: "word " * (20 * n),
    "entities": lambda n: "&amp;&#8217;&nbsp;&#xZZ;&#99999999;" * n,
    "stray-less-than": lambda n: "a < b <3 <<< " * n,
    "comment-never-closed": lambda n: "<p>x</p><!--" + "y" * (20 * n),
    "captions": lambda n: '[caption id="a"]<img src="/a.jpg"> Caption[/caption]' * n,
    "unclosed-shortcodes": lambda n: "[caption [embed [gallery " * n,
    "headings": lambda n: "<h2 id='a'>Title <b>x</b></h2><p>text</p>" * n,
    "pre-blocks": lambda n: "<pre>  code\n   more  </pre>" * n,
    "hidden-content": lambda n: "<p>a</p><div hidden>b</div><span class='sr-only'>c</span>" * n,
    # Long runs of breaks and spaces that lead to no list item, cell or nested list.
    "breaks-beside-lists": lambda n: "<ol><li>x</li></ol>" + "<p></p> " * (4 * n),
    "spaces-beside-items": lambda n: "<ul><li>x</li></ul><p>a" + " " * (40 * n) + "b</p>",
    "empty-items": lambda n: "<ul>" + "<li></li>" * n + "</ul><ol>" + "<li> </li>" * n + "</ol>",
    "reversed-lists": lambda n: "<ol reversed>" + "<li>x" * n + "</ol>",
    "footnote-marks": lambda n: '<p>a<sup><a href="#f">1</a></sup> ↩ ' * n,
    "blocks-in-cells": lambda n: "<table>" + "<tr><td><p>a</p></td><td><h4>b</h4></td>" * n,
    "several-blocks-in-cells": lambda n: (
        "<table>" + "<tr><td><p>a</p><p>b<br>c</p></td><td></td></tr>" * n + "</table><p>d</p>"
    ),
    "a-row-of-empty-cells": lambda n: (
        "<table><tr><td>a</td>" + "<td></td>" * (20 * n) + "<td>x</td></tr>"
        "<tr><td>b</td><td></td></tr></table>"
    ),
    "empty-rows": lambda n: "<table>" + "<tr><td></td><td> </td></tr><tr></tr>" * n + "</table>",
    "empty-items-of-empty-items": lambda n: "<ul>" + "<li><ul><li></li></ul></li>" * n + "</ul>",
    "escapes-at-an-emphasis-edge": lambda n: "<p>x<b>a" + "\\" * (20 * n) + "</b>y</p>",
    "punctuation-at-an-emphasis-edge": lambda n: "<p>x<b>a" + ".\\*" * (10 * n) + "</b>y</p>",
    "punctuation-runs": lambda n: "<p>" + "— 「」。 " * (10 * n) + "-" * (20 * n) + "</p>",
}


def _all_derived_values(html: str) -> tuple[Any, ...]:
    link = "https://example.org/p/"
    content = wpparse.parse_post({"id": 1, "link": link, "content": {"rendered": html}}).content
    assert content is not None
    return (
        content.text,
        content.links,
        content.images,
        content.embeds,
        content.headings,
        content.markdown,
        content.word_count,
    )


# Below the depth at which nesting is capped (512 blocks, as browsers do), the tree builder's
# time grows with the square of the depth, up to a bound (about 30 ms); linear time is what
# holds beyond, so deep inputs are timed from twice the cap.
DEEP = {"deep-divs", "deep-lists", "deep-quotes", "deep-pre"}


@pytest.mark.parametrize(("name", "make"), list(HTML.items()), ids=list(HTML))
def test_derived_values_take_linear_time(name: str, make: Callable[[int], str]) -> None:
    assert_linear(make, _all_derived_values, size=2 * MAX_DEPTH if name in DEEP else 50)


@pytest.mark.parametrize(("name", "make"), list(HTML.items()), ids=list(HTML))
def test_text_takes_linear_time(name: str, make: Callable[[int], str]) -> None:
    # On its own too: the other values' linear time can hide a quadratic step of the text's
    # own at the sizes timed above.
    assert_linear(
        make,
        lambda html: wpparse.Content(html=html).text,
        size=2 * MAX_DEPTH if name in DEEP else 50,
    )


def _post_text(fields: Callable[[int], str]) -> Callable[[int], str]:
    return lambda n: '{"id": 1, "title": {"rendered": "t"}, ' + fields(n) + "}"


JSON: dict[str, Callable[[int], str]] = {
    "many-plugin-fields": _post_text(
        lambda n: ", ".join(f'"k{i}": {{"v": [{i}]}}' for i in range(n))
    ),
    "repeated-keys": _post_text(lambda n: ", ".join('"x_plugin": 1' for _ in range(n))),
    "long-id-list": _post_text(
        lambda n: '"categories": [' + ", ".join("7" for _ in range(n)) + "]"
    ),
    "ids-as-strings": _post_text(lambda n: '"tags": [' + ", ".join('"7"' for _ in range(n)) + "]"),
    "many-links": _post_text(
        lambda n: (
            '"_links": {"wp:term": ['
            + ", ".join('{"taxonomy": "t", "href": "https://example.org/t"}' for _ in range(n))
            + "]}"
        )
    ),
    "many-embedded-terms": _post_text(
        lambda n: (
            '"_embedded": {"wp:term": [['
            + ", ".join('{"id": 1, "name": "n", "taxonomy": "t"}' for _ in range(n))
            + "]]}"
        )
    ),
    "escaped-strings": _post_text(
        lambda n: ", ".join(f'"k{i}": "\\u00e9\\n\\/\\ud83d\\ude00"' for i in range(n))
    ),
    "values-past-the-depth-limit": _post_text(
        lambda n: ", ".join(f'"k{i}": ' + "[" * 300 + "]" * 300 for i in range(n))
    ),
}


# Large enough for the biggest timed input.
NO_SIZE_LIMIT = wpparse.Limits(max_size=1 << 30)


@pytest.mark.parametrize("make", list(JSON.values()), ids=list(JSON))
def test_parsing_json_text_takes_linear_time(make: Callable[[int], str]) -> None:
    assert_linear(make, lambda text: wpparse.parse_post(text, limits=NO_SIZE_LIMIT), size=100)


def _json_lines(n: int) -> str:
    return "".join(json.dumps({"id": i, "title": {"rendered": "x"}}) + "\n" for i in range(n))


@pytest.mark.parametrize("layout", ["json-lines", "array"])
def test_streams_take_linear_time_in_their_items(layout: str) -> None:
    def make(n: int) -> str:
        text = _json_lines(n)
        return text if layout == "json-lines" else "[" + text.replace("\n", ",")[:-1] + "]"

    def run(text: str) -> Any:
        return sum(1 for _ in wpparse.iter_posts(io.StringIO(text)))

    assert_linear(make, run, size=100)


# Inputs for cutting JSON Lines into batches (wpparse convert): ordinary lines, lines that could
# start a value but follow none ("[" after "["), and long runs of blank lines after a value.
JSON_LINES_BYTES: dict[str, Callable[[int], bytes]] = {
    "json-lines": lambda n: _json_lines(n).encode(),
    "no-boundary-lines": lambda n: b"{}\n" + b"[\n" * n,
    "blank-lines-after-values": lambda n: (b"{}" + b" \n" * 64) * n,
}


@pytest.mark.parametrize("make", list(JSON_LINES_BYTES.values()), ids=list(JSON_LINES_BYTES))
def test_cutting_json_lines_takes_linear_time(make: Callable[[int], bytes]) -> None:
    def run(data: bytes) -> Any:
        pieces = iter_batches_or_items(io.BytesIO(data), batch_bytes=4096)
        return sum(1 for _ in pieces)

    assert_linear(make, run, size=1000)


def _timed_by_size(seconds_for: Callable[[int], float]) -> Callable[..., float]:
    """A stand-in for `best_time` that reports `seconds_for(size)` for the size it is given."""
    return lambda function, rounds=3: seconds_for(len(function.args[0]))


@pytest.mark.parametrize(
    ("name", "seconds_for", "linear"),
    [
        ("linear", lambda n: n * 1e-5, True),
        ("quadratic", lambda n: n * n * 1e-8, False),
        ("linear plus a small square", lambda n: n * 1e-5 + n * n * 2e-9, False),
        # A linear algorithm whose input outgrows a cache between two of the sizes timed: dearer
        # once.
        ("a cache step", lambda n: n * (1e-5 if n < 3_000 else 1.7e-5), True),
    ],
)
def test_the_linearity_check_tells_growth_apart(
    monkeypatch: pytest.MonkeyPatch, name: str, seconds_for: Callable[[int], float], linear: bool
) -> None:
    monkeypatch.setattr(linear_check, "best_time", _timed_by_size(seconds_for))
    make = "x".__mul__
    if linear:
        assert_linear(make, len, size=1_000)
    else:
        with pytest.raises(AssertionError, match="ratios"):
            assert_linear(make, len, size=1_000)
