"""The parser's rules, one case each: delimiters, the stack algorithm and its surprises, flavors.

Each case is taken from ``shared/notes/blocks.md`` and checked against WordPress's own PHP
``WP_Block_Parser`` and the editor's JavaScript parser: the expected value is what they return.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import pytest

from tests.linear import assert_linear
from wpparse import parse_blocks
from wpparse.blocks import Flavor

FLAVORS: list[Flavor] = ["php", "js"]


def ff(html: str) -> dict[str, Any]:
    """Freeform HTML, as WordPress writes it."""
    return {
        "blockName": None,
        "attrs": {},
        "innerBlocks": [],
        "innerHTML": html,
        "innerContent": [html],
    }


def blk(name: str, *content: str | dict[str, Any], attrs: Any = ()) -> dict[str, Any]:
    """A block of `content` (HTML chunks and inner blocks); `attrs` ``()`` means ``{}``."""
    return {
        "blockName": name,
        "attrs": {} if attrs == () else attrs,
        "innerBlocks": [item for item in content if isinstance(item, dict)],
        "innerHTML": "".join(item for item in content if isinstance(item, str)),
        "innerContent": [item if isinstance(item, str) else None for item in content],
    }


def parsed(text: str, flavor: Flavor = "php") -> list[dict[str, Any]]:
    return [block.to_dict() for block in parse_blocks(text, flavor=flavor)]


# -- delimiters ---------------------------------------------------------------------------------

DELIMITERS = [
    pytest.param("<!-- wp:a /-->", [blk("core/a")], id="void-gets-core-namespace"),
    pytest.param("<!-- wp:my-plugin/x_1 /-->", [blk("my-plugin/x_1")], id="namespaced-name"),
    pytest.param("<!-- wp:core/a /-->", [blk("core/a")], id="explicit-core"),
    pytest.param("<!--\twp:a\n/-->", [blk("core/a")], id="tab-and-newline-are-white-space"),
    pytest.param("<!--   wp:a    /-->", [blk("core/a")], id="runs-of-white-space"),
    pytest.param("<!--wp:a /-->", [ff("<!--wp:a /-->")], id="no-space-after-open"),
    pytest.param("<!-- wp:a/-->", [ff("<!-- wp:a/-->")], id="no-space-after-name"),
    pytest.param("<!-- wp:a-->", [ff("<!-- wp:a-->")], id="no-space-before-close"),
    pytest.param('<!-- wp:a{"x":1} /-->', [ff('<!-- wp:a{"x":1} /-->')], id="no-space-before-json"),
    pytest.param('<!-- wp:a {"x":1}/-->', [ff('<!-- wp:a {"x":1}/-->')], id="no-space-after-json"),
    pytest.param("<!-- wp:Para /-->", [ff("<!-- wp:Para /-->")], id="upper-case-name"),
    pytest.param(
        "<!-- wp:core/4-invalid /-->",
        [ff("<!-- wp:core/4-invalid /-->")],
        id="name-starts-with-digit",
    ),
    pytest.param("<!-- wp:a/b/c /-->", [ff("<!-- wp:a/b/c /-->")], id="two-namespaces"),
    pytest.param("<!-- wp:x$y /-->", [ff("<!-- wp:x$y /-->")], id="symbol-in-name"),
    pytest.param("<!-- wp:block / -->", [ff("<!-- wp:block / -->")], id="space-inside-void-close"),
    pytest.param("<!-- /wp:a /-->", [blk("core/a")], id="void-wins-over-closer"),
    pytest.param(
        '<!-- wp:a {"x":1,"y":[true,null]} /-->',
        [blk("core/a", attrs={"x": 1, "y": [True, None]})],
        id="attributes",
    ),
    pytest.param("<!-- wp:a {} /-->", [blk("core/a")], id="empty-attributes"),
    pytest.param(
        '<!-- wp:a {"a":{"b":{"c":1}}} /-->',
        [blk("core/a", attrs={"a": {"b": {"c": 1}}})],
        id="closing-braces-in-a-run",
    ),
    pytest.param(
        '<!-- wp:a {"a":"} x"} /-->',
        [blk("core/a", attrs={"a": "} x"})],
        id="brace-space-in-string",
    ),
    pytest.param(
        '<!-- wp:a {"a":"} -->"} /-->',
        [blk("core/a", '"} /-->', attrs=None)],
        id="brace-comment-end-in-string-ends-json-early",
    ),
    pytest.param(
        '<!-- wp:a {"a":"\\u007d \\u002d\\u002d\\u003e"} /-->',
        [blk("core/a", attrs={"a": "} -->"})],
        id="escaped-comment-end",
    ),
    pytest.param(
        "<!-- wp:a {bad} /-->", [blk("core/a", attrs=None)], id="invalid-json-keeps-block"
    ),
    pytest.param('<!-- wp:a {"a":1,} /-->', [blk("core/a", attrs=None)], id="trailing-comma"),
    pytest.param('<!-- wp:a {"a":NaN} /-->', [blk("core/a", attrs=None)], id="nan-is-not-json"),
    pytest.param(
        '<!-- wp:a {"a":-Infinity} /-->', [blk("core/a", attrs=None)], id="infinity-is-not-json"
    ),
    pytest.param(
        '<!-- wp:a {"a":1}\x0b/-->', [blk("core/a", attrs=None)], id="json-ends-with-vertical-tab"
    ),
    pytest.param(
        '<!-- wp:a {"a":1,"a":2} /-->',
        [blk("core/a", attrs={"a": 2})],
        id="duplicate-key-last-wins",
    ),
    pytest.param(
        '<!-- wp:a -->x<!-- /wp:a {"ignored":1} -->',
        [blk("core/a", "x")],
        id="closer-json-ignored",
    ),
    pytest.param(
        '<!-- wp:a {"x":1} -->',
        [blk("core/a", attrs={"x": 1})],
        id="opener-json",
    ),
]


@pytest.mark.parametrize("flavor", FLAVORS)
@pytest.mark.parametrize(("text", "expected"), DELIMITERS)
def test_delimiter_rules(text: str, expected: list[dict[str, Any]], flavor: Flavor) -> None:
    assert parsed(text, flavor) == expected


# -- the stack algorithm ------------------------------------------------------------------------

STACK = [
    pytest.param("", [], id="empty-document"),
    pytest.param("<p>x</p>", [ff("<p>x</p>")], id="only-html"),
    pytest.param(
        "<!-- wp:a --><p>x</p><!-- /wp:a -->", [blk("core/a", "<p>x</p>")], id="one-block"
    ),
    pytest.param(
        "<!-- wp:a -->\n<p>x</p>\n<!-- /wp:a -->\n\n<!-- wp:b /-->",
        [blk("core/a", "\n<p>x</p>\n"), ff("\n\n"), blk("core/b")],
        id="white-space-between-blocks-is-freeform",
    ),
    pytest.param(
        "x<!-- wp:a /-->y",
        [ff("x"), blk("core/a"), ff("y")],
        id="void-with-html-around",
    ),
    pytest.param(
        "<div><!-- wp:b /-->y<!-- wp:c --><i>z</i><!-- /wp:c --></div>",
        [ff("<div>"), blk("core/b"), ff("y"), blk("core/c", "<i>z</i>"), ff("</div>")],
        id="delimiters-ignore-html-nesting",
    ),
    pytest.param(
        "<!-- wp:a --><ul><!-- wp:b --><li>1</li><!-- /wp:b --><!-- wp:c /--></ul><!-- /wp:a -->",
        [blk("core/a", "<ul>", blk("core/b", "<li>1</li>"), blk("core/c"), "</ul>")],
        id="inner-blocks-and-placeholders",
    ),
    pytest.param(
        "<!-- wp:a --><!-- wp:b /--><!-- /wp:a -->",
        [blk("core/a", blk("core/b"))],
        id="no-empty-chunk-around-inner-block",
    ),
    pytest.param(
        "<!-- wp:a --><!-- /wp:a -->", [blk("core/a")], id="empty-top-level-block-has-no-chunk"
    ),
    pytest.param(
        "<!-- wp:a --><!-- wp:b --><!-- /wp:b --><!-- /wp:a -->",
        [blk("core/a", blk("core/b", ""))],
        id="empty-nested-block-keeps-an-empty-chunk",
    ),
    pytest.param(
        "<!-- wp:a -->x<!-- /wp:b -->y",
        [blk("core/a", "x"), ff("y")],
        id="mismatched-closer-closes-the-open-block",
    ),
    pytest.param(
        "<!-- wp:a --><!-- wp:b -->x<!-- /wp:a -->y<!-- /wp:b -->",
        [blk("core/a", blk("core/b", "x"), "y")],
        id="closers-close-innermost-first-whatever-their-names",
    ),
    pytest.param(
        "a<!-- wp:x /--><!-- /wp:y -->b<!-- wp:z /-->",
        [ff("a"), blk("core/x"), ff("<!-- /wp:y -->b<!-- wp:z /-->")],
        id="stray-closer-turns-the-rest-into-freeform",
    ),
    pytest.param(
        "a<!-- /wp:y -->b",
        [ff("a<!-- /wp:y -->b")],
        id="stray-closer-keeps-its-leading-html",
    ),
    pytest.param("<!-- wp:a -->x", [blk("core/a", "x")], id="unclosed-block-closed-at-end"),
    pytest.param("<!-- wp:a -->", [blk("core/a")], id="unclosed-empty-block"),
    pytest.param(
        "pre<!-- wp:a -->x<!-- wp:b -->y",
        [ff("x"), blk("core/b", "y"), ff("pre"), blk("core/a", "x<!-- wp:b -->y")],
        id="unclosed-nested-blocks-reversed-and-duplicated",
    ),
    pytest.param(
        "<!-- wp:a -->x<!-- wp:b /-->y<!-- wp:c -->z",
        [ff("y"), blk("core/c", "z"), blk("core/a", "x", blk("core/b"), "y<!-- wp:c -->z")],
        id="unclosed-nested-keeps-earlier-inner-blocks",
    ),
]


@pytest.mark.parametrize("flavor", FLAVORS)
@pytest.mark.parametrize(("text", "expected"), STACK)
def test_stack_algorithm(text: str, expected: list[dict[str, Any]], flavor: Flavor) -> None:
    assert parsed(text, flavor) == expected


# -- where PHP and JS differ --------------------------------------------------------------------

# PHP's json_decode takes depth 512, counting the inside of the innermost object as a level.
DEEP_OBJECT = '{"a":' * 510 + "{}" + "}" * 510  # 511 objects: depth 512
DEEPER_OBJECT = '{"a":' * 511 + "{}" + "}" * 511  # 512 objects: depth 513


def _nested(levels: int, innermost: Any = None) -> Any:
    """Objects nested `levels` deep; the innermost is `innermost` (``{}`` by default)."""
    value: Any = {} if innermost is None else innermost
    for _ in range(levels - 1):
        value = {"a": value}
    return value


FLAVOR_CASES = [
    pytest.param(
        "<!-- wp:a -->0<!-- wp:b /-->0<!-- /wp:a -->",
        [blk("core/a", blk("core/b"))],
        [blk("core/a", "0", blk("core/b"), "0")],
        id="zero-chunk-inside-a-block",
    ),
    pytest.param(
        "<!-- wp:a -->0<!-- /wp:a -->",
        [blk("core/a")],
        [blk("core/a", "0")],
        id="zero-as-the-only-chunk",
    ),
    pytest.param(
        "<!-- wp:a --><!-- wp:b -->0<!-- /wp:b --><!-- /wp:a -->",
        [blk("core/a", blk("core/b", "0"))],
        [blk("core/a", blk("core/b", "0"))],
        id="zero-as-nested-last-chunk-kept-by-both",
    ),
    pytest.param(
        "0<!-- wp:a /-->0",
        [ff("0"), blk("core/a"), ff("0")],
        [ff("0"), blk("core/a"), ff("0")],
        id="zero-as-top-level-freeform-kept-by-both",
    ),
    pytest.param(
        "<!--\u2028wp:a /-->",
        [ff("<!--\u2028wp:a /-->")],
        [blk("core/a")],
        id="line-separator-is-js-white-space",
    ),
    pytest.param(
        "<!-- wp:a\u00a0/-->",
        [ff("<!-- wp:a\u00a0/-->")],
        [blk("core/a")],
        id="no-break-space-is-js-white-space",
    ),
    pytest.param(
        "<!--\ufeffwp:a\u3000/-->",
        [ff("<!--\ufeffwp:a\u3000/-->")],
        [blk("core/a")],
        id="bom-and-ideographic-space",
    ),
    pytest.param(
        "<!--\x85wp:a /-->",
        [ff("<!--\x85wp:a /-->")],
        [ff("<!--\x85wp:a /-->")],
        id="next-line-is-white-space-for-neither",
    ),
    pytest.param(
        '<!-- wp:a {"x":1}\u00a0-->',
        [ff('<!-- wp:a {"x":1}\u00a0-->')],
        [blk("core/a", attrs=None)],
        id="json-then-no-break-space",
    ),
    pytest.param(
        '<!-- wp:a {"s":"\\ud800"} /-->',
        [blk("core/a", attrs=None)],
        [blk("core/a", attrs={"s": "\ud800"})],
        id="lone-surrogate",
    ),
    pytest.param(
        '<!-- wp:a {"s":"\ud800"} /-->',
        [blk("core/a", attrs=None)],
        [blk("core/a", attrs={"s": "\ud800"})],
        id="raw-lone-surrogate",
    ),
    pytest.param(
        '<!-- wp:a {"s":"\\ud83d\\ude00"} /-->',
        [blk("core/a", attrs={"s": "😀"})],
        [blk("core/a", attrs={"s": "😀"})],
        id="surrogate-pair-is-fine",
    ),
    pytest.param(
        f"<!-- wp:a {DEEP_OBJECT} /-->",
        [blk("core/a", attrs=_nested(511, innermost=[]))],
        [blk("core/a", attrs=_nested(511))],
        id="json-depth-512",
    ),
    pytest.param(
        f"<!-- wp:a {DEEPER_OBJECT} /-->",
        [blk("core/a", attrs=None)],
        [blk("core/a", attrs=_nested(512))],
        id="json-depth-513",
    ),
    pytest.param(
        '<!-- wp:a {"n":9007199254740993} /-->',
        [blk("core/a", attrs={"n": 9007199254740993})],
        [blk("core/a", attrs={"n": 9007199254740992.0})],
        id="int-beyond-2-53",
    ),
    pytest.param(
        '<!-- wp:a {"n":-9223372036854775808,"m":9223372036854775808} /-->',
        [blk("core/a", attrs={"n": -9223372036854775808, "m": 9223372036854775808.0})],
        [blk("core/a", attrs={"n": -9223372036854775808.0, "m": 9223372036854775808.0})],
        id="int64-bounds",
    ),
]


@pytest.mark.parametrize(("text", "php", "js"), FLAVOR_CASES)
def test_php_and_js_flavors(text: str, php: list[dict[str, Any]], js: list[dict[str, Any]]) -> None:
    assert parsed(text) == php  # PHP is the default
    assert parsed(text, "php") == php
    assert parsed(text, "js") == js


def test_numbers_keep_their_python_types() -> None:
    (block,) = parse_blocks('<!-- wp:a {"i":1,"f":1.0,"e":1e2,"long":' + "9" * 5000 + "} /-->")
    assert block.attrs is not None
    assert [type(block.attrs[key]) for key in ("i", "f", "e")] == [int, float, float]
    assert block.attrs["long"] == float("inf")  # too long for an int: a double, as in PHP and JS


def test_json_deeper_than_the_recursion_limit() -> None:
    depth = 20_000
    text = "<!-- wp:a " + '{"a":[' * depth + "1" + "]}" * depth + " /-->"
    assert parse_blocks(text)[0].attrs is None  # PHP: deeper than 512
    (block,) = parse_blocks(text, flavor="js")
    value: Any = block.attrs
    for _ in range(depth):
        value = value["a"][0]
    assert value == 1
    broken = "<!-- wp:a " + '{"a":[' * depth + "1" + "]}" * (depth - 1) + "]]} /-->"
    assert parse_blocks(broken, flavor="js")[0].attrs is None


def test_several_unclosed_blocks_each_hold_the_rest_of_the_text() -> None:
    """The one case where the result outgrows the text: n openers, about n / 2 times it."""
    count = 50
    text = "".join(f"<!-- wp:b{index} -->x" for index in range(count))
    blocks = parse_blocks(text)
    named = [block for block in blocks if block.name is not None]
    assert [block.name for block in named] == [f"core/b{index}" for index in reversed(range(count))]
    for block in named:
        opener = f"<!-- wp:{block.name.removeprefix('core/')} -->" if block.name else ""
        assert block.inner_html == text[text.index(opener) + len(opener) :]
    assert sum(len(block.inner_html) for block in blocks) > count * len(text) / 3


def test_unknown_flavor_is_refused() -> None:
    with pytest.raises(ValueError, match="flavor"):
        parse_blocks("", flavor="python")  # type: ignore[arg-type]


def test_deeply_nested_blocks() -> None:
    depth = 100_000
    text = "<!-- wp:a -->x" * depth + "<!-- /wp:a -->" * depth
    (block,) = parse_blocks(text)
    assert block.inner_content == ("x", None)  # top level: no empty last chunk
    for level in range(1, depth):
        (block,) = block.inner_blocks
        assert block.inner_content == (("x",) if level == depth - 1 else ("x", None, ""))


# -- linear time --------------------------------------------------------------------------------


LINEAR = [
    pytest.param(lambda n: "<!-- wp:a {" + "}" * n, id="unterminated-json-then-braces"),
    pytest.param(lambda n: "<!-- wp:a {" * (n // 11), id="many-unterminated-heads"),
    pytest.param(lambda n: "<!-- wp:a {" + "} " * (n // 2), id="braces-then-spaces"),
    pytest.param(lambda n: "<!-- " * (n // 5), id="many-comment-opens"),
    pytest.param(lambda n: "<!--" + " " * n, id="long-white-space"),
    pytest.param(lambda n: "<!-- wp:" + "a" * n, id="long-name"),
    pytest.param(lambda n: "<!-- wp:a -->x<!-- /wp:a -->" * (n // 27), id="many-blocks"),
    pytest.param(lambda n: "<!-- wp:a -->" * (n // 26) + "<!-- /wp:a -->" * (n // 26), id="deep"),
]


@pytest.mark.parametrize("make", LINEAR)
@pytest.mark.parametrize("flavor", FLAVORS)
def test_time_is_linear_in_the_size(make: Callable[[int], str], flavor: Flavor) -> None:
    """Doubling the input at most about doubles the time (see tests/linear.py)."""
    assert_linear(make, partial(parse_blocks, flavor=flavor), size=50_000)


@pytest.mark.parametrize(
    ("attributes", "php", "js"),
    [
        # PHP's json_decode(…, true) makes objects arrays; json_encode writes an array whose keys
        # are 0 to n-1 in order as a list (checked against WordPress 6.1 under PHP 8.2).
        ('{"v":{"0":"x","1":"y"}}', {"v": ["x", "y"]}, {"v": {"0": "x", "1": "y"}}),
        ('{"v":{}}', {"v": []}, {"v": {}}),
        ('{"v":[{"0":{"0":1}}]}', {"v": [[[1]]]}, {"v": [{"0": {"0": 1}}]}),
        # Keys out of order, with a leading zero or a sign, or not from 0: no list.
        ('{"v":{"1":"a","0":"b"}}', {"v": {"1": "a", "0": "b"}}, {"v": {"1": "a", "0": "b"}}),
        ('{"v":{"00":1}}', {"v": {"00": 1}}, {"v": {"00": 1}}),
        ('{"v":{"+0":1}}', {"v": {"+0": 1}}, {"v": {"+0": 1}}),
        ('{"v":{"1":1}}', {"v": {"1": 1}}, {"v": {"1": 1}}),
        ('{"v":{"0":1,"a":2}}', {"v": {"0": 1, "a": 2}}, {"v": {"0": 1, "a": 2}}),
        # A repeated key keeps its first place and its last value.
        ('{"v":{"0":1,"1":2,"0":3}}', {"v": [3, 2]}, {"v": {"0": 3, "1": 2}}),
        # The attributes themselves stay an object.
        ('{"0":"x","1":"y"}', {"0": "x", "1": "y"}, {"0": "x", "1": "y"}),
    ],
)
def test_php_makes_lists_of_objects_with_keys_0_to_n(
    attributes: str, php: dict[str, object], js: dict[str, object]
) -> None:
    document = f"<!-- wp:a {attributes} /-->"
    assert parse_blocks(document, flavor="php")[0].attrs == php
    assert parse_blocks(document, flavor="js")[0].attrs == js
