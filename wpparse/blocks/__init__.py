"""Stage between read and structure, blocks: saved post content into WordPress's block tree.

``content.raw`` (the edit context) holds the block markup the editor saved. `parse_blocks`
reads it exactly as WordPress's own parser does, `serialize_blocks` writes it back, and the
helpers `walk_blocks`, `find_blocks`, `has_block` and `count_blocks` answer the usual
questions. Nothing here knows what a post is, and nothing imports the later stages;
``Content.blocks`` (structure) uses this package.
See ``docs/blocks.md``.
"""

from wpparse._deprecation import moved_names
from wpparse.blocks._flavors import Flavor
from wpparse.blocks._model import Block
from wpparse.blocks._parser import parse_blocks
from wpparse.blocks._query import count_blocks, find_blocks, has_block, walk_blocks
from wpparse.blocks._serializer import encode_attributes, serialize_blocks

__all__ = [
    "Block",
    "Flavor",
    "count_blocks",
    "encode_attributes",
    "find_blocks",
    "has_block",
    "parse_blocks",
    "serialize_blocks",
    "walk_blocks",
]

# Its modules that 0.1 imported with it, by their old names (private since 0.2).
__getattr__ = moved_names("wpparse.blocks", {})
