"""The block parser: WordPress's stack algorithm over the delimiters, in one pass.

This is a line-by-line port of the default parser both WordPress parsers share (``proceed``,
``add_inner_block``, ``add_block_from_stack`` and ``add_freeform`` in PHP's
``WP_Block_Parser``), including the behaviour on broken markup; ``shared/notes/blocks.md``,
section 3, lists it. Its surprises, kept on purpose because WordPress has them:

- a closer's name is never compared with its opener's: any closer closes the innermost open
  block;
- a closer with no open block turns everything from there to the end into one freeform
  block, and parsing stops (later delimiters stay in its HTML);
- blocks still open at the end are closed there; when several are, each is added to the top
  level, innermost first, its HTML running to the end of the document, so text is duplicated
  and the nesting reversed;
- a nested block's last HTML chunk is added even when empty (``innerContent [""]``), a top-level
  block's only when not empty.
"""

from __future__ import annotations

from wpparse.blocks._attributes import AttributeDecoder
from wpparse.blocks._delimiters import Kind, Tokenizer
from wpparse.blocks._flavors import Flavor, Rules, rules_for
from wpparse.blocks._model import Block

_DECODERS: dict[Rules, AttributeDecoder] = {}


class _Frame:
    """A block whose closer has not been seen yet."""

    __slots__ = ("attrs", "blocks", "content", "leading_start", "name", "prev_offset", "start")

    def __init__(
        self, name: str, attrs: dict[str, object] | None, start: int, end: int, leading: int | None
    ) -> None:
        self.name = name
        self.attrs = attrs
        self.blocks: list[Block] = []
        self.content: list[str | None] = []
        self.start = start
        self.prev_offset = end
        self.leading_start = leading

    def block(self) -> Block:
        content = self.content
        html = "".join(chunk for chunk in content if chunk is not None)
        return Block(self.name, self.attrs, tuple(self.blocks), html, tuple(content))


def parse_blocks(text: str, *, flavor: Flavor = "php") -> tuple[Block, ...]:
    r"""The blocks of saved post content (``content.raw``), as WordPress's parser finds them.

    Args:
        text: Block markup: HTML with ``<!-- wp:name {...} -->`` delimiters. WordPress's
            fixtures trim surrounding white space first; this function does not.
        flavor: ``"php"`` (default) for what ``parse_blocks()`` returns on the server,
            ``"js"`` for the editor's parser. They differ in a lone ``"0"`` HTML chunk inside
            a block (PHP drops it), in what counts as white space in a delimiter (PHP: ASCII
            only; JS: Unicode too) and in the JSON they accept (PHP: depth 512 at most, no
            unpaired surrogates). See docs/blocks.md.

    Returns:
        The top-level blocks in document order; HTML between blocks becomes freeform blocks
        (``name`` None). ``Block.to_dict()`` gives WordPress's JSON for each.

    Never raises on any string: broken markup is read the way WordPress reads it (see the
    module's docstring). Raises ValueError for an unknown `flavor`. Time is linear in the size
    of the text plus the size of the result; the result is larger than the text only when
    several blocks are left open at the end, each then holding the HTML from its opener to
    the end of the text (n such openers: about n / 2 times the text).

    >>> [b.name for b in parse_blocks('<!-- wp:image {"id":12} /-->\n<p>x</p>')]
    ['core/image', None]

    """
    rules = rules_for(flavor)
    decoder = _DECODERS.get(rules)
    if decoder is None:
        decoder = _DECODERS[rules] = AttributeDecoder(rules)
    keep_zero = rules.keeps_zero_chunk
    tokens = Tokenizer(text, rules)
    output: list[Block] = []
    stack: list[_Frame] = []
    offset = 0

    def close_top(end: int | None) -> None:
        # add_block_from_stack: the innermost frame becomes a top-level block.
        frame = stack.pop()
        html = text[frame.prev_offset : end]
        if html and (keep_zero or html != "0"):
            frame.content.append(html)
        if frame.leading_start is not None:
            output.append(Block.freeform(text[frame.leading_start : frame.start]))
        output.append(frame.block())

    def add_inner(block: Block, start: int, end: int) -> None:
        # add_inner_block: HTML since the last inner block, then the placeholder.
        parent = stack[-1]
        parent.blocks.append(block)
        html = text[parent.prev_offset : start]
        if html and (keep_zero or html != "0"):
            parent.content.append(html)
        parent.content.append(None)
        parent.prev_offset = end

    while True:
        token = tokens.next(offset)
        if token is None:
            if not stack and offset < len(text):
                output.append(Block.freeform(text[offset:]))
            while stack:
                close_top(None)
            break
        kind, name, attrs_json, start, end = token
        leading = offset if start > offset else None
        if kind is Kind.CLOSER:
            if not stack:
                # A stray closer: the rest of the document is freeform, and parsing stops.
                output.append(Block.freeform(text[offset:]))
                break
            if len(stack) == 1:
                close_top(start)
            else:
                frame = stack.pop()
                frame.content.append(text[frame.prev_offset : start])  # even when empty
                add_inner(frame.block(), frame.start, end)
            offset = end
            continue
        attrs = {} if attrs_json is None else decoder.decode(attrs_json)
        if kind is Kind.OPENER:
            stack.append(_Frame(name, attrs, start, end, leading))
        elif stack:
            add_inner(Block(name, attrs), start, end)
        else:
            if leading is not None:
                output.append(Block.freeform(text[leading:start]))
            output.append(Block(name, attrs))
        offset = end
    return tuple(output)
