"""Questions a user asks of a block tree: every block, blocks by name, which blocks are used.

Every helper visits inner blocks too, depth first in document order (a block before its inner
blocks), with an explicit stack, so no tree is too deep for them. Names may leave out
``core/``, as WordPress's ``has_block()`` allows: ``"image"`` means ``"core/image"``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from wpparse.blocks._model import Block


def walk_blocks(blocks: Iterable[Block]) -> Iterator[Block]:
    """Every block of the trees in `blocks`, freeform ones included, depth first.

    A block comes before its inner blocks, and blocks come in document order otherwise.
    """
    pending = list(blocks)[::-1]
    while pending:
        block = pending.pop()
        yield block
        pending.extend(reversed(block.inner_blocks))


def find_blocks(blocks: Iterable[Block], name: str, *names: str) -> tuple[Block, ...]:
    """The blocks named `name` (or any of `names`), nested ones included, depth first.

    ``find_blocks(post.content.blocks, "core/image", "core/gallery")``.
    """
    wanted = {_full_name(each) for each in (name, *names)}
    return tuple(block for block in walk_blocks(blocks) if block.name in wanted)


def has_block(blocks: Iterable[Block], name: str) -> bool:
    """Whether a block named `name` is among `blocks` or nested in them."""
    wanted = _full_name(name)
    return any(block.name == wanted for block in walk_blocks(blocks))


def count_blocks(blocks: Iterable[Block]) -> Counter[str]:
    """How many times each block name occurs, nested blocks included, freeform HTML not.

    ``count_blocks(blocks).most_common(3)`` → ``[("core/paragraph", 12), ...]``.
    """
    return Counter(block.name for block in walk_blocks(blocks) if block.name is not None)


def _full_name(name: str) -> str:
    return name if "/" in name else "core/" + name
