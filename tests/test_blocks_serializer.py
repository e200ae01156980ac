"""Serializing blocks: WordPress's markup and escaping, and what cannot come back unchanged."""

from __future__ import annotations

import json
from typing import Any

import pytest

from wpparse.blocks import Block, Flavor, encode_attributes, parse_blocks, serialize_blocks

FLAVORS: list[Flavor] = ["php", "js"]


def round_trips(text: str, flavor: Flavor = "php") -> bool:
    blocks = parse_blocks(text, flavor=flavor)
    return parse_blocks(serialize_blocks(blocks), flavor=flavor) == blocks


# -- markup -------------------------------------------------------------------------------------

MARKUP = [
    pytest.param(
        [Block("core/paragraph", {}, (), "<p>x</p>", ("<p>x</p>",))],
        "<!-- wp:paragraph --><p>x</p><!-- /wp:paragraph -->",
        id="core-namespace-left-out",
    ),
    pytest.param(
        [Block("my-plugin/box", {"a": 1}, (), "<div></div>", ("<div></div>",))],
        '<!-- wp:my-plugin/box {"a":1} --><div></div><!-- /wp:my-plugin/box -->',
        id="other-namespace-kept",
    ),
    pytest.param(
        [Block("core/image", {"id": 12})], '<!-- wp:image {"id":12} /-->', id="void-with-attrs"
    ),
    pytest.param([Block("core/more")], "<!-- wp:more /-->", id="void-without-attrs"),
    pytest.param([Block("core/more", None)], "<!-- wp:more /-->", id="invalid-attrs-left-out"),
    pytest.param([Block.freeform("<p>classic</p>")], "<p>classic</p>", id="freeform-as-is"),
    pytest.param(
        [
            Block(
                "core/columns",
                {},
                (
                    Block("core/column", {}, (), "<div>a</div>", ("<div>a</div>",)),
                    Block("core/spacer"),
                ),
                "<div></div>",
                ("<div>", None, None, "</div>"),
            )
        ],
        "<!-- wp:columns --><div><!-- wp:column --><div>a</div><!-- /wp:column -->"
        "<!-- wp:spacer /--></div><!-- /wp:columns -->",
        id="inner-blocks-at-their-placeholders",
    ),
    pytest.param(
        [Block("core/group", {}, (Block("core/a", {}, (), "", ("",)),), "", (None,))],
        "<!-- wp:group --><!-- wp:a --><!-- /wp:a --><!-- /wp:group -->",
        id="empty-chunk-is-not-void",
    ),
    pytest.param([], "", id="nothing"),
]


@pytest.mark.parametrize(("blocks", "expected"), MARKUP)
def test_markup(blocks: list[Block], expected: str) -> None:
    assert serialize_blocks(blocks) == expected


ESCAPES = [
    pytest.param({"a": "--"}, '{"a":"\\u002d\\u002d"}', id="double-dash"),
    pytest.param({"a": "---"}, '{"a":"\\u002d\\u002d-"}', id="triple-dash"),
    pytest.param({"a": "<b>"}, '{"a":"\\u003cb\\u003e"}', id="angle-brackets"),
    pytest.param({"a": "&amp;"}, '{"a":"\\u0026amp;"}', id="ampersand"),
    pytest.param({"a": 'say "hi"'}, '{"a":"say \\u0022hi\\u0022"}', id="quotes"),
    pytest.param({"a": "c:\\"}, '{"a":"c:\\\\"}', id="trailing-backslash-keeps-closing-quote"),
    pytest.param({"a": '\\"'}, '{"a":"\\\\\\u0022"}', id="backslash-then-quote"),
    pytest.param({"a": "} -->"}, '{"a":"} \\u002d\\u002d\\u003e"}', id="comment-end"),
    pytest.param(
        {"a": "<!-- wp:x -->"},
        '{"a":"\\u003c!\\u002d\\u002d wp:x \\u002d\\u002d\\u003e"}',
        id="delimiter",
    ),
    pytest.param({"a": "é中😀\u2028"}, '{"a":"é中😀\u2028"}', id="unicode-kept"),
    pytest.param({"a": "\n\t\x00"}, '{"a":"\\n\\t\\u0000"}', id="control-characters"),
    pytest.param({"a": "\ud800"}, '{"a":"\\ud800"}', id="lone-surrogate-escaped"),
    pytest.param({"--": [1, -2.5, True, None]}, '{"\\u002d\\u002d":[1,-2.5,true,null]}', id="keys"),
    pytest.param({"a": float("inf"), "b": -float("inf")}, '{"a":1e999,"b":-1e999}', id="infinity"),
]


@pytest.mark.parametrize(("attrs", "expected"), ESCAPES)
def test_attribute_escaping(attrs: dict[str, Any], expected: str) -> None:
    written = encode_attributes(attrs)
    assert written == expected
    assert json.loads(written) == attrs
    assert not any(text in written for text in ("--", "<", ">", "&"))
    assert '\\"' not in written.replace("\\\\", "")  # no quote escaped with a backslash
    (block,) = parse_blocks(f"<!-- wp:a {written} /-->", flavor="js")
    assert block.attrs == attrs


def test_attribute_escaping_matches_wordpress() -> None:
    # What the editor's serializeAttributes writes for these values (JSON.stringify, then
    # the five replacements).
    attrs = {"url": "https://x.org/?a=1&b=2", "html": '<a href="/">--</a>', "n": 1}
    assert encode_attributes(attrs) == (
        '{"url":"https://x.org/?a=1\\u0026b=2",'
        '"html":"\\u003ca href=\\u0022/\\u0022\\u003e\\u002d\\u002d\\u003c/a\\u003e","n":1}'
    )


def test_deep_attributes_are_written_without_recursion() -> None:
    depth = 5_000
    attrs: dict[str, Any] = {}
    for _ in range(depth):
        attrs = {"a": [attrs, float("inf")]}
    written = serialize_blocks([Block("core/a", attrs)])
    assert written == "<!-- wp:a " + '{"a":[' * depth + "{}" + ",1e999]}" * depth + " /-->"
    (block,) = parse_blocks(written, flavor="js")
    assert serialize_blocks([block]) == written  # the same tree (== would recurse)


ERRORS = [
    pytest.param([Block("Para")], ValueError, "block name", id="upper-case-name"),
    pytest.param([Block("a/b/c")], ValueError, "block name", id="two-namespaces"),
    pytest.param([Block("")], ValueError, "block name", id="empty-name"),
    pytest.param(
        [Block("core/a", {}, (Block("core/b"),), "", ())],
        ValueError,
        "inner_content",
        id="missing-placeholder",
    ),
    pytest.param(
        [Block("core/a", {}, (), "", (None,))],
        ValueError,
        "inner_content",
        id="placeholder-without-block",
    ),
    pytest.param(
        [Block("core/a", {"x": float("nan")})], ValueError, "Out of range float", id="nan"
    ),
    pytest.param(
        [Block("core/a", {"x": object()})], TypeError, "not JSON serializable", id="not-json"
    ),
]


@pytest.mark.parametrize(("blocks", "error", "match"), ERRORS)
def test_what_cannot_be_written_raises(
    blocks: list[Block], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        serialize_blocks(blocks)


# -- round trips --------------------------------------------------------------------------------

ROUND_TRIPS = [
    pytest.param("<!-- wp:a -->x<!-- /wp:b -->", id="mismatched-closer"),
    pytest.param("<!-- wp:a -->x", id="one-unclosed-block"),
    pytest.param("<!-- wp:a -->x<!-- wp:b /-->", id="unclosed-block-with-inner-block"),
    pytest.param("a<!-- wp:x /--><!-- /wp:y -->b<!-- wp:z /-->", id="stray-closer"),
    pytest.param('<!--\twp:core/a\n{ "x" : 1 }\r/-->', id="unusual-spacing"),
    pytest.param("<!-- /wp:a /-->", id="void-closer"),
    pytest.param('<!-- wp:a {"n":1e999} /-->', id="infinite-number"),
    pytest.param("<!-- wp:a --><!-- wp:b -->0<!-- /wp:b --><!-- /wp:a -->", id="nested-zero"),
    pytest.param("<!-- wp:a -->0<!-- wp:b /-->0<!-- /wp:a -->", id="zero-chunks"),
    pytest.param("<!-- wp:a --><!-- wp:b --><!-- /wp:b --><!-- /wp:a -->", id="empty-nested"),
]


@pytest.mark.parametrize("flavor", FLAVORS)
@pytest.mark.parametrize("text", ROUND_TRIPS)
def test_broken_markup_that_still_round_trips(text: str, flavor: Flavor) -> None:
    assert round_trips(text, flavor)


def test_invalid_attribute_json_comes_back_as_no_attributes() -> None:
    (block,) = parse_blocks("<!-- wp:image {not json} /-->")
    assert block.attrs is None
    written = serialize_blocks([block])
    assert written == "<!-- wp:image /-->"  # the invalid JSON is lost, as in WordPress
    assert parse_blocks(written) == (Block("core/image", {}),)


def test_lone_surrogate_attributes_come_back_only_in_js() -> None:
    (js_block,) = parse_blocks('<!-- wp:a {"s":"\\ud800"} /-->', flavor="js")
    written = serialize_blocks([js_block])
    assert written == '<!-- wp:a {"s":"\\ud800"} /-->'
    assert parse_blocks(written, flavor="js") == (js_block,)
    assert parse_blocks(written, flavor="php")[0].attrs is None


def test_several_unclosed_blocks_do_not_come_back() -> None:
    text = "pre<!-- wp:a -->x<!-- wp:b -->y"
    blocks = parse_blocks(text)
    # The outer block's HTML holds the inner block's opener, so writing it nests b again.
    assert blocks[-1].inner_html == "x<!-- wp:b -->y"
    written = serialize_blocks(blocks)
    assert written == "x<!-- wp:b -->y<!-- /wp:b -->pre<!-- wp:a -->x<!-- wp:b -->y<!-- /wp:a -->"
    again = parse_blocks(written)
    assert again != blocks
    assert [block.name for block in again] == [None, "core/b", None, "core/a"]
    assert again[-1].inner_blocks[0].name == "core/b"


def test_hand_built_trees_that_parse_differently() -> None:
    # Adjacent freeform blocks merge; an empty one vanishes.
    assert parse_blocks(serialize_blocks([Block.freeform("a"), Block.freeform("b")])) == (
        Block.freeform("ab"),
    )
    assert parse_blocks(serialize_blocks([Block.freeform("")])) == ()
    # A name without namespace comes back in core/.
    assert parse_blocks(serialize_blocks([Block("image")]))[0].name == "core/image"
    # Freeform HTML that holds a delimiter becomes a block.
    assert parse_blocks(serialize_blocks([Block.freeform("<!-- wp:a /-->")]))[0].name == "core/a"
    # A nested block always ends with an HTML chunk, an empty one if need be.
    inner = Block("core/b", {}, (Block("core/c"),), "", (None,))
    (outer,) = parse_blocks(serialize_blocks([Block("core/a", {}, (inner,), "", (None,))]))
    assert outer.inner_blocks[0].inner_content == (None, "")
