"""Hypothesis strategies for block trees WordPress's parser can produce, and their markup.

A parse never produces every tree: adjacent freeform HTML merges, a block's HTML chunks before
an inner block are never empty (nor ``"0"`` in PHP), a top-level block has no empty last
chunk while a nested one always has a last chunk. The strategies build only such trees, from
names, attributes full of strings that need escaping (``--``, ``<!--``, ``} -->``, quotes,
backslashes, Unicode white space) and HTML that holds no ``<!--``.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from wpparse import Block

TRICKY = [
    "--",
    "<!--",
    "-->",
    "} -->",
    "} /-->",
    "}",
    "{",
    '"',
    "\\",
    '\\"',
    "<",
    ">",
    "&",
    "&amp;",
    "\u2028",
    "\u00a0",
    "\ufeff",
    "\t",
    "\n",
    "\x00",
    "é",
    "中",
    "😀",
    "wp:a",
]
HTML_PIECES = [
    "<p>",
    "</p>",
    "<div class='x'>",
    "</div>",
    "-->",
    "<!-",
    "}",
    " -->",
    "0",
    "\n\n",
    "é😀",
]

names = st.builds(
    "{}/{}".format,
    st.sampled_from(["core", "my-plugin", "a1", "x_y"]),
    st.from_regex(r"[a-z][a-z0-9_-]{0,8}", fullmatch=True),
)
strings = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=8),
    st.lists(st.sampled_from(TRICKY), max_size=5).map("".join),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.floats(allow_nan=False) | strings,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(strings, children, max_size=3)
    ),
    max_leaves=8,
)
attributes = st.dictionaries(strings, json_values, max_size=4)

html = (
    st.lists(
        st.sampled_from(HTML_PIECES) | st.text(alphabet="ab <>/!-{}\"'0\n\u2028", max_size=4),
        max_size=5,
    )
    .map("".join)
    .filter(lambda text: "<!--" not in text)
)
#: HTML before an inner block, or ending a top-level block: never empty, and never "0"
#: (PHP drops it).
chunks = html.filter(lambda text: text not in ("", "0"))


def _content(pairs: list[tuple[str | None, Block]], last: str | None) -> dict[str, Any]:
    content: list[str | None] = []
    for chunk, _ in pairs:
        if chunk is not None:
            content.append(chunk)
        content.append(None)
    if last is not None:
        content.append(last)
    return {
        "inner_blocks": tuple(child for _, child in pairs),
        "inner_html": "".join(chunk for chunk in content if chunk is not None),
        "inner_content": tuple(content),
    }


def _with_content(
    children: st.SearchStrategy[Block], last: st.SearchStrategy[str | None]
) -> st.SearchStrategy[Block]:
    return st.builds(
        lambda name, attrs, pairs, last: Block(name, attrs, **_content(pairs, last)),
        names,
        attributes,
        st.lists(st.tuples(st.none() | chunks, children), max_size=3),
        last,
    )


voids = st.builds(Block, names, attributes)
#: Blocks as they come out nested in another: a last chunk always, possibly "" or "0".
nested_blocks = st.recursive(voids, lambda children: _with_content(children, html), max_leaves=6)
#: Blocks as they come out at the top level.
top_blocks = voids | _with_content(nested_blocks, st.none() | chunks)


@st.composite
def documents(draw: st.DrawFn) -> tuple[Block, ...]:
    """A top-level sequence: blocks, with freeform HTML (never two in a row) between them."""
    blocks = draw(st.lists(top_blocks, max_size=4))
    out: list[Block] = []
    for block in blocks:
        if draw(st.booleans()):
            out.append(Block.freeform(draw(html.filter(bool))))
        out.append(block)
    if draw(st.booleans()):
        out.append(Block.freeform(draw(html.filter(bool))))
    return tuple(out)


def php_value(value: Any) -> Any:
    """`value` as PHP's ``json_decode(…, true)`` and ``json_encode`` give it back.

    Objects become PHP arrays, and an array whose keys are 0 to n-1 in order (an empty one too)
    is written as a list. Written apart from wpparse's own code, to check it.
    """
    if isinstance(value, list):
        return [php_value(item) for item in value]
    if not isinstance(value, dict):
        return value
    converted = {key: php_value(item) for key, item in value.items()}
    if list(converted) == [str(index) for index in range(len(converted))]:
        return list(converted.values())
    return converted


def as_flavor_reads(blocks: Any, flavor: str) -> Any:
    """Blocks (or their dicts) with their attributes' nested objects as `flavor` reads them."""
    if flavor != "php":
        return blocks
    if isinstance(blocks, list | tuple):
        return type(blocks)(as_flavor_reads(block, flavor) for block in blocks)
    if isinstance(blocks, dict):  # a block's JSON shape
        attrs = blocks["attrs"]
        return {
            **blocks,
            "attrs": None if attrs is None else {k: php_value(v) for k, v in attrs.items()},
            "innerBlocks": [as_flavor_reads(inner, flavor) for inner in blocks["innerBlocks"]],
        }
    return Block.from_dict(as_flavor_reads(blocks.to_dict(), flavor))
