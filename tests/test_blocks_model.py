"""The Block model: WordPress's JSON shape, value equality, pickling, and trees of any depth."""

from __future__ import annotations

import copy
import json
import pickle
from typing import Any

import attrs
import pytest

from wpparse.blocks import Block, parse_blocks, serialize_blocks

GALLERY = (
    '<!-- wp:gallery {"ids":[1,2]} --><figure><!-- wp:image {"id":1} --><img src="1.jpg"/>'
    '<!-- /wp:image --><!-- wp:image {"id":2} /--></figure><!-- /wp:gallery -->\n\n<p>classic</p>'
)


def test_to_dict_is_wordpress_json() -> None:
    gallery, classic = parse_blocks(GALLERY)
    assert gallery.to_dict() == {
        "blockName": "core/gallery",
        "attrs": {"ids": [1, 2]},
        "innerBlocks": [
            {
                "blockName": "core/image",
                "attrs": {"id": 1},
                "innerBlocks": [],
                "innerHTML": '<img src="1.jpg"/>',
                "innerContent": ['<img src="1.jpg"/>'],
            },
            {
                "blockName": "core/image",
                "attrs": {"id": 2},
                "innerBlocks": [],
                "innerHTML": "",
                "innerContent": [],
            },
        ],
        "innerHTML": "<figure></figure>",
        "innerContent": ["<figure>", None, None, "</figure>"],
    }
    assert list(gallery.to_dict()) == [
        "blockName",
        "attrs",
        "innerBlocks",
        "innerHTML",
        "innerContent",
    ]
    assert classic.to_dict() == {
        "blockName": None,
        "attrs": {},
        "innerBlocks": [],
        "innerHTML": "\n\n<p>classic</p>",
        "innerContent": ["\n\n<p>classic</p>"],
    }
    assert json.loads(json.dumps(gallery.to_dict())) == gallery.to_dict()


def test_from_dict_reverses_to_dict() -> None:
    blocks = parse_blocks(GALLERY)
    assert tuple(Block.from_dict(block.to_dict()) for block in blocks) == blocks


BAD_DICTS = [
    pytest.param({"blockName": "core/a"}, KeyError, id="missing-keys"),
    pytest.param(
        {"blockName": 1, "attrs": {}, "innerBlocks": [], "innerHTML": "", "innerContent": []},
        TypeError,
        id="name-not-a-string",
    ),
    pytest.param(
        {"blockName": "a", "attrs": [], "innerBlocks": [], "innerHTML": "", "innerContent": []},
        TypeError,
        id="attrs-a-list",
    ),
    pytest.param(
        {"blockName": "a", "attrs": {}, "innerBlocks": [], "innerHTML": "", "innerContent": [None]},
        ValueError,
        id="placeholder-without-block",
    ),
]


@pytest.mark.parametrize(("value", "error"), BAD_DICTS)
def test_from_dict_refuses_what_is_not_a_block(
    value: dict[str, Any], error: type[Exception]
) -> None:
    with pytest.raises(error):
        Block.from_dict(value)


def test_blocks_are_frozen_slotted_values() -> None:
    block = Block("core/a", {"x": 1}, [Block("core/b")], "", ["", None])
    assert "__slots__" in Block.__dict__
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        block.name = "core/c"  # type: ignore[misc]
    assert block.inner_blocks == (Block("core/b"),)  # lists become tuples
    assert block.inner_content == ("", None)
    assert block == Block("core/a", {"x": 1}, (Block("core/b"),), "", ("", None))
    assert block != Block("core/a", {"x": 2}, (Block("core/b"),), "", ("", None))
    assert block != Block("core/a", {"x": 1}, (Block("core/c"),), "", ("", None))
    assert block != Block("core/a", {"x": 1}, (), "", ("",))
    assert block != "core/a"
    assert Block.freeform("<p>") == Block(None, {}, (), "<p>", ("<p>",))
    with pytest.raises(TypeError):
        hash(block)


def test_blocks_pickle_and_copy() -> None:
    blocks = parse_blocks(GALLERY)
    assert pickle.loads(pickle.dumps(blocks)) == blocks
    assert copy.deepcopy(blocks) == blocks
    assert copy.copy(blocks[0]) == blocks[0]


def test_a_very_deep_tree_converts_compares_and_pickles() -> None:
    depth = 50_000
    text = "<!-- wp:group -->" * depth + "<p>x</p>" + "<!-- /wp:group -->" * depth
    (tree,) = parse_blocks(text)
    again = pickle.loads(pickle.dumps(tree))
    assert again == tree
    assert again != Block("core/group", {}, (), "", ("",))
    assert serialize_blocks([again]) == text
    as_dict = tree.to_dict()
    for _ in range(depth - 1):
        as_dict = as_dict["innerBlocks"][0]
    assert as_dict["innerHTML"] == "<p>x</p>"
    rebuilt = Block.from_dict(tree.to_dict())
    assert rebuilt == tree
