"""Properties of the block parser and serializer, over any text and over generated trees."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.blocks_strategies import as_flavor_reads, documents
from wpparse.blocks import (
    Block,
    Flavor,
    encode_attributes,
    parse_blocks,
    serialize_blocks,
    walk_blocks,
)

FLAVOR = st.sampled_from(["php", "js"])

# Text made of the pieces delimiters are made of, so that random text often holds some.
PIECES = [
    "<!--",
    "-->",
    "/-->",
    " ",
    "\t",
    "\u00a0",
    "\u2028",
    "wp:",
    "/wp:",
    "a",
    "core/",
    "ns/b",
    "{",
    "}",
    '{"a":1}',
    '"',
    "0",
    "x",
    "\n\n",
]
markupish = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=40).map("".join)


def _well_formed(block: Block) -> bool:
    return block.inner_html == "".join(
        chunk for chunk in block.inner_content if chunk is not None
    ) and block.inner_content.count(None) == len(block.inner_blocks)


@given(text=st.text() | markupish, flavor=FLAVOR)
def test_any_text_parses(text: str, flavor: Flavor) -> None:
    blocks = parse_blocks(text, flavor=flavor)
    assert all(_well_formed(block) for block in walk_blocks(blocks))
    assert all(block.name is None or "/" in block.name for block in walk_blocks(blocks))
    # Every HTML chunk is a piece of the text (WordPress never invents or rewrites HTML).
    assert all(
        chunk in text for block in walk_blocks(blocks) for chunk in block.inner_content if chunk
    )
    if "<!--" not in text:
        assert blocks == ((Block.freeform(text),) if text else ())


@given(tree=documents(), flavor=FLAVOR)
def test_generated_trees_serialize_and_parse_back(tree: tuple[Block, ...], flavor: Flavor) -> None:
    written = serialize_blocks(tree)
    assert parse_blocks(written, flavor=flavor) == as_flavor_reads(tree, flavor)


@given(tree=documents(), flavor=FLAVOR, data=st.data())
def test_serialization_round_trips_from_varied_markup(
    tree: tuple[Block, ...], flavor: Flavor, data: st.DataObject
) -> None:
    """Markup written differently (spacing, ``core/``, closer names) parses to the same tree,
    and serializing that parse gives markup that parses to it again, a fixed point."""
    spaces = st.sampled_from([" ", "  ", "\t", "\n", "\r\n "])
    parts: list[str] = []

    def write(block: Block, nested: bool) -> None:
        if block.name is None:
            parts.append(block.inner_html)
            return
        name = block.name
        if name.startswith("core/") and data.draw(st.booleans()):
            name = name.removeprefix("core/")
        attrs = f"{encode_attributes(block.attrs)}{data.draw(spaces)}" if block.attrs else ""
        opener = f"<!--{data.draw(spaces)}wp:{name}{data.draw(spaces)}{attrs}"
        if not block.inner_content:
            if not nested and data.draw(st.booleans()):  # an empty top-level block is void
                closer = data.draw(st.sampled_from([name, "other", "x/y"]))
                parts.append(f"{opener}--><!-- /wp:{closer} -->")
            else:
                parts.append(f"{opener}/-->")
            return
        parts.append(f"{opener}-->")
        children = iter(block.inner_blocks)
        for chunk in block.inner_content:
            if chunk is None:
                write(next(children), nested=True)
            else:
                parts.append(chunk)
        closer = data.draw(st.sampled_from([name, "other"]))  # closer names are not checked
        parts.append(f"<!--{data.draw(spaces)}/wp:{closer}{data.draw(spaces)}-->")

    for block in tree:
        write(block, nested=False)
    markup = "".join(parts)
    parsed = parse_blocks(markup, flavor=flavor)
    assert parsed == as_flavor_reads(tree, flavor)
    written = serialize_blocks(parsed)
    assert parse_blocks(written, flavor=flavor) == parsed
    assert serialize_blocks(parse_blocks(written, flavor=flavor)) == written
