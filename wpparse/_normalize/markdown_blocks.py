"""Markdown blocks and the containers that lay them out: lists, block quotes and tables.

The renderer in `wpparse._normalize.markdown` hands each container the finished Markdown of its
children; the functions here only join and indent strings, so a container costs time in the
size of its own output.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from wpparse._normalize.markdown_escape import code_span


class Block(NamedTuple):
    """A finished block of Markdown."""

    #: "paragraph", "heading", "code", "quote", "list", "table" or "rule".
    kind: str
    text: str
    #: For lists: the bullet (``-``, ``*``) or the delimiter after the numbers (``.``, ``)``).
    marker: str = ""
    #: Whether it may start on the line right after a paragraph's (CommonMark lets a heading, a
    #: fence, a quote, a bullet list or a list numbered from 1 interrupt a paragraph).
    interrupts: bool = False


# The syntax of blocks that a table cell cannot hold.
_HEADING_MARK = re.compile(r"^#{1,6}[ \t]*")
_QUOTE_MARK = re.compile(r"^(?:>[ \t]?)+")
_DELIMITER_ROW = re.compile(r"\|(?: --- \|)+")
_CELL_EDGE = re.compile(r"(?<!\\)\|")
# After these a new block may start on the very next line.
_SELF_CLOSING = frozenset({"heading", "code", "rule"})
#: Tables with more columns than this are cut: colspan is capped at 1000 by HTML too.
MAX_COLUMNS = 1000
# How many (row, column) places rowspans may reach into, per table (see `Table.add_cell`).
_MAX_TAKEN = 100_000


def join_blocks(blocks: list[Block]) -> str:
    """Blocks separated by blank lines."""
    return "\n\n".join(block.text for block in blocks)


def quote(blocks: list[Block]) -> Block | None:
    """A block quote of `blocks` (None when empty)."""
    if not blocks:
        return None
    lines = join_blocks(blocks).split("\n")
    text = "\n".join("> " + line if line else ">" for line in lines)
    return Block("quote", text, interrupts=True)


class ListItem(NamedTuple):
    """One list item: its number (ordered lists) and its blocks."""

    number: int
    blocks: list[Block]


def list_block(items: list[ListItem], ordered: bool, previous: Block | None) -> Block | None:
    """A list of `items`, its marker chosen so it does not merge with a list just before it."""
    if not items:
        return None
    same_kind_before = previous is not None and previous.kind == "list"
    if ordered:
        marker = ")" if same_kind_before and previous and previous.marker == "." else "."
    else:
        marker = "*" if same_kind_before and previous and previous.marker == "-" else "-"
    rendered = []
    loose = False
    for item in items:
        blocks = item.blocks
        if not ordered and blocks[0].kind == "rule":
            # "- ---" would be read as one thematic break, not an item holding one.
            blocks = [Block("rule", "___"), *blocks[1:]]
        body, item_is_loose = _item_body(blocks)
        loose = loose or item_is_loose
        prefix = f"{_list_number(item.number)}{marker} " if ordered else marker + " "
        rendered.append(_hang(prefix, body))
    first = items[0]
    interrupts = bool(first.blocks) and (not ordered or _list_number(first.number) == 1)
    text = ("\n\n" if loose else "\n").join(rendered)
    return Block("list", text, marker, interrupts)


def ordered_lists(items: list[ListItem], previous: Block | None) -> list[Block]:
    """Ordered `items` as lists that CommonMark numbers as the HTML does.

    CommonMark numbers a list's items on from its first, so wherever the numbers do not go up by
    one (a reversed list, a ``value``, an empty item left out) a new list starts, its delimiter
    changed (``.`` and ``)`` in turn) so that it does not run on from the one before.
    `previous` is the block just before, if any.
    """
    runs: list[list[ListItem]] = []
    for item in items:
        if runs and item.number == runs[-1][-1].number + 1:
            runs[-1].append(item)
        else:
            runs.append([item])
    blocks: list[Block] = []
    for run in runs:
        block = list_block(run, True, blocks[-1] if blocks else previous)
        if block is not None:
            blocks.append(block)
    return blocks


def _list_number(number: int) -> int:
    # CommonMark numbers are 0 to 999999999.
    return min(max(number, 0), 999_999_999)


def _item_body(blocks: list[Block]) -> tuple[str, bool]:
    """An item's blocks joined, tightly where CommonMark allows; and whether a blank line was."""
    if not blocks:
        return "", False
    parts = [blocks[0].text]
    loose = False
    for previous, block in pairwise(blocks):
        tight = previous.kind in _SELF_CLOSING or (
            previous.kind == "paragraph" and block.interrupts
        )
        loose = loose or not tight
        parts.append("\n" if tight else "\n\n")
        parts.append(block.text)
    return "".join(parts), loose


def _hang(prefix: str, body: str) -> str:
    """`body` after `prefix`, its other lines indented to line up under the first."""
    if not body:
        return prefix.rstrip()
    indent = " " * len(prefix)
    lines = body.split("\n")
    rest = (indent + line if line else "" for line in lines[1:])
    return "\n".join((prefix + lines[0], *rest))


class Table:
    """A table being read: rows of cells (each cell's Markdown) and captions."""

    __slots__ = ("captions", "header_row", "in_head", "rows", "taken")

    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self.taken: set[tuple[int, int]] = set()  # (row, column) that rowspans reach into
        self.captions: list[Block] = []
        self.header_row: int | None = None  # the first row inside ``thead``
        self.in_head = False

    def start_row(self) -> None:
        """Begin a row (``tr``)."""
        if self.in_head and self.header_row is None:
            self.header_row = len(self.rows)
        self.rows.append([])

    def add_cell(self, blocks: list[Block], span: int, rowspan: int = 1) -> None:
        """Add a cell made of `blocks`, then empty cells for the rest of its column span.

        Columns that a cell above reaches into with its ``rowspan`` are left empty first, so
        every cell keeps its column.
        """
        if not self.rows:
            self.start_row()
        row = self.rows[-1]
        number = len(self.rows) - 1
        while (number, len(row)) in self.taken and len(row) < MAX_COLUMNS:
            row.append("")
        column = len(row)
        row.append(_cell_text(blocks))
        room = MAX_COLUMNS - len(row)
        row.extend([""] * max(0, min(span - 1, room)))
        if len(self.taken) < _MAX_TAKEN:  # a bound on the work an adversary can ask for
            for below in range(1, min(rowspan, 100)):
                self.taken.update((number + below, column + n) for n in range(min(span, 100)))

    def blocks(self) -> list[Block]:
        """The table as a GFM pipe table, then its captions."""
        rows = [row for row in self.rows if any(row)]  # a row of empty cells says nothing
        if not rows:
            return list(self.captions)
        header = rows[0]
        if self.header_row is not None and self.rows[self.header_row]:
            header = self.rows[self.header_row]
        rows = [row for row in rows if row is not header]
        width = max(len(row) for row in (header, *rows))
        lines = [_row(header, width), "|" + " --- |" * width]
        lines.extend(_row(row, width) for row in rows)
        return [Block("table", "\n".join(lines)), *self.captions]


def _cell_text(blocks: list[Block]) -> str:
    """A cell's blocks on one line: line breaks become ``<br>``, pipes are escaped.

    A table cell holds inline content only, so blocks whose syntax would show there as text
    (a heading's ``#``, a rule, a quote's ``>``, a fence, a nested table) are made inline.
    """
    text = "<br>".join(part for part in map(_inline, blocks) if part)
    if "\n" in text:
        text = text.replace("\\\n", "<br>").replace("\n", "<br>")
    return text.replace("|", "\\|")


def _inline(block: Block) -> str:
    """`block` as inline Markdown, on lines of their own."""
    if block.kind == "heading":
        text = _HEADING_MARK.sub("", block.text)
        strong = not text or (text.startswith("**") and text.endswith("**"))
        return text if strong else f"**{text}**"
    if block.kind == "rule":
        return ""
    if block.kind == "quote":
        return "\n".join(_QUOTE_MARK.sub("", line) for line in block.text.split("\n"))
    if block.kind == "code":
        lines = block.text.split("\n")[1:-1]  # inside the fences
        return "\n".join(code_span(line) for line in lines if line.strip())
    if block.kind == "table":
        rows = (line for line in block.text.split("\n") if not _DELIMITER_ROW.fullmatch(line))
        return "\n".join(_nested_row(row) for row in rows)
    return block.text


def _nested_row(row: str) -> str:
    """A row of a table inside a cell: its cells, unescaped, joined by semicolons."""
    cells = (cell.strip().replace("\\|", "|") for cell in _CELL_EDGE.split(row.strip()[1:-1]))
    return "; ".join(cell for cell in cells if cell)


def _row(cells: list[str], width: int) -> str:
    padded = cells + [""] * (width - len(cells))
    return "|" + "".join(f" {cell} |" if cell else " |" for cell in padded)
