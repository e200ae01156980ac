"""The `Block` model: one node of WordPress's block tree, and its JSON shape.

A block is plain data, frozen like every wpparse model. Trees can be as deep as the markup
nests them (the parser has no depth limit), so everything here that visits a whole tree (
`Block.to_dict`, `Block.from_dict`, equality and pickling) keeps its own stack instead of
recursing: a tree ten thousand blocks deep compares, converts and pickles like a flat one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from attrs import field, frozen


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return value if type(value) is tuple else tuple(value)


def _chunks(value: Iterable[str | None]) -> tuple[str | None, ...]:
    return value if type(value) is tuple else tuple(value)


@frozen(eq=False)
class Block:
    """One block: a delimited block, or freeform (classic) HTML between blocks.

    Attributes:
        name: ``"namespace/name"`` (``core/`` when the delimiter had no namespace), or None
            for freeform HTML.
        attrs: The delimiter's attribute JSON, decoded; ``{}`` when it had none (and for
            freeform HTML); None when it was not valid JSON: WordPress keeps such a block
            and so does wpparse.
        inner_blocks: The blocks nested in this one, in document order.
        inner_html: The block's own HTML, its inner blocks cut out: the strings of
            `inner_content`, joined.
        inner_content: HTML chunks and one None for each inner block, in document order:
            ``("<div>", None, "</div>")``. A void block (``<!-- wp:x /-->``) has ``()``.

    Blocks compare by value (name, attributes, HTML and inner blocks). They do not hash,
    since `attrs` is a dict.

    """

    name: str | None
    attrs: dict[str, Any] | None = field(factory=dict)
    inner_blocks: tuple[Block, ...] = field(default=(), converter=_blocks)
    inner_html: str = ""
    inner_content: tuple[str | None, ...] = field(default=(), converter=_chunks)

    __hash__: ClassVar[None]  # type: ignore[assignment]

    @classmethod
    def freeform(cls, html: str) -> Block:
        """A freeform block: HTML outside any delimiter (``name`` None)."""
        return cls(None, {}, (), html, (html,))

    def to_dict(self) -> dict[str, Any]:
        """The block as WordPress's parsers return it (and as ``json.dumps`` writes it).

        ``{"blockName", "attrs", "innerBlocks", "innerHTML", "innerContent"}``, inner blocks
        converted too. Attribute values are shared with the block, not copied.
        """
        root = self._shallow_dict()
        stack = [(self, root)]
        while stack:
            block, out = stack.pop()
            for child in block.inner_blocks:
                child_dict = child._shallow_dict()
                out["innerBlocks"].append(child_dict)
                stack.append((child, child_dict))
        return root

    def _shallow_dict(self) -> dict[str, Any]:
        return {
            "blockName": self.name,
            "attrs": None if self.attrs is None else dict(self.attrs),
            "innerBlocks": [],
            "innerHTML": self.inner_html,
            "innerContent": list(self.inner_content),
        }

    @classmethod
    def from_dict(cls, value: Mapping[str, Any]) -> Block:
        """The block a WordPress parser's JSON (`to_dict`'s shape) describes.

        Raises KeyError when a key is missing, TypeError when a value has the wrong type and
        ValueError when ``innerContent`` does not hold one None for each inner block.
        """
        records: list[_Record] = []
        stack = [value]
        while stack:
            item = stack.pop()
            name, attributes = item["blockName"], item["attrs"]
            inner, html, content = item["innerBlocks"], item["innerHTML"], item["innerContent"]
            if not (
                (name is None or isinstance(name, str))
                and (attributes is None or isinstance(attributes, dict))
                and isinstance(inner, list | tuple)
                and isinstance(html, str)
                and isinstance(content, list | tuple)
                and all(chunk is None or isinstance(chunk, str) for chunk in content)
            ):
                raise TypeError(f"not a block: {_preview(item)}")
            if sum(chunk is None for chunk in content) != len(inner):
                raise ValueError(f"innerContent does not match innerBlocks: {_preview(item)}")
            records.append((name, attributes, html, tuple(content), len(inner)))
            stack.extend(reversed(inner))
        return _rebuild(records)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        pairs = [(self, other)]
        while pairs:
            left, right = pairs.pop()
            if left is right:
                continue
            if type(left) is not type(right) or (
                left.name != right.name
                or left.inner_html != right.inner_html
                or left.inner_content != right.inner_content
                or len(left.inner_blocks) != len(right.inner_blocks)
                or left.attrs != right.attrs
            ):
                return False
            pairs.extend(zip(left.inner_blocks, right.inner_blocks, strict=True))
        return True

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as a flat list, so deep trees pickle without recursion.
        records: list[_Record] = []
        stack = [self]
        while stack:
            block = stack.pop()
            records.append(
                (
                    block.name,
                    block.attrs,
                    block.inner_html,
                    block.inner_content,
                    len(block.inner_blocks),
                )
            )
            stack.extend(reversed(block.inner_blocks))
        return (_rebuild, (records,))


# name, attrs, inner_html, inner_content, number of inner blocks; a tree in pre-order.
_Record = tuple[str | None, dict[str, Any] | None, str, tuple[str | None, ...], int]


def _rebuild(records: list[_Record]) -> Block:
    """The tree a pre-order list of records describes (see `Block.__reduce__`)."""
    built: list[Block] = []
    for name, attributes, html, content, count in reversed(records):
        children = tuple(built[len(built) - count :][::-1]) if count else ()
        if count:
            del built[len(built) - count :]
        built.append(Block(name, attributes, children, html, content))
    if len(built) != 1:
        raise ValueError("the records do not describe one tree")
    return built[0]


def _preview(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
