"""Ways of laying out `.text`, timed on the corpus: regex marks, marks in the tree, a tree walk.

wpparse marks where the layout breaks (blocks, lines, lists, cells) with control characters put
into the raw HTML by regular expressions, before the one parse
(`wpparse._normalize.markers`). The alternative is to parse first and insert the marks as text
nodes (a CSS query for the elements, then a mark before each and one at its end), or to walk the
tree from Python. Per document, best of ``--rounds``:

- the regex passes (``mark_layout``), and the parse of the marked HTML;
- the parse of the raw HTML, and inserting the marks into its tree;
- walking every node of the tree from Python, doing nothing with them; and a crude layout
  written as such a walk (recursive, a blank line around blocks, a line break before lines and
  items: none of `.text`'s rules for lists, tables, pre, hidden content or white space), the
  least a layout in Python over the tree would cost, against the whole of ``.text``.

Run: ``python benchmarks/marking.py [--rounds N] [CORPUS]``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from normalize import documents_and_rounds  # a sibling script

from wpparse import Content
from wpparse._normalize.fragment import parse_fragment
from wpparse._normalize.markers import BREAK, TAG_NAMES, mark_layout
from wpparse._normalize.tags import BLOCKS, LINES, LISTS

# The elements the regex passes mark, as one CSS selector.
MARKED = ", ".join(sorted(BLOCKS | LINES | LISTS | {"table", "tr", "td", "th"}))


def insert_marks(tree: LexborHTMLParser) -> int:
    """Insert a mark before each marked element and at its end; return how many there were."""
    count = 0
    for node in tree.css(MARKED):
        node.insert_before(BREAK + BREAK)
        node.insert_child(BREAK + BREAK)
        count += 1
    return count


def walk(tree: LexborHTMLParser) -> int:
    """Visit every node of the tree from Python; return how many there were."""
    return sum(1 for _ in tree.root.traverse(include_text=True)) if tree.root else 0


# What the crude layout writes before an element: a blank line for blocks, a line for the rest.
_BEFORE = {**dict.fromkeys(BLOCKS, "\n\n"), **dict.fromkeys(LINES | LISTS, "\n")}


def crude_layout(node: LexborNode | None, out: list[str]) -> None:
    """Append the text of `node` and its next siblings to `out`, blocks and lines apart."""
    while node is not None:
        tag = node.tag
        if tag == "-text":
            out.append(node.text_content or "")
        elif tag != "-comment":
            before = _BEFORE.get(tag or "")
            if before:
                out.append(before)
            crude_layout(node.child, out)
            if before == "\n\n":
                out.append(before)
        node = node.next


def crude_text(html: str) -> str:
    """`html` parsed and laid out by `crude_layout`."""
    out: list[str] = []
    crude_layout(parse_fragment(html).root, out)
    return "".join(out)


def _wpparse_text(html: str) -> str:
    return Content(html=html).text


def _best(function: Callable[[], Any], rounds: int) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(rounds):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    """Time each way on every document of the corpus and print µs per document."""
    documents, rounds = documents_and_rounds(__doc__.split("\n\n")[0], 5)
    totals = dict.fromkeys(
        (
            "regex marking",
            "parse of marked HTML",
            "parse of raw HTML",
            "marks inserted",
            "walk",
            "parse + crude layout",
            "wpparse .text",
        ),
        0.0,
    )
    elements = nodes = 0
    for html in documents:
        names = set(TAG_NAMES.findall(html))
        uppercase = not "".join(names).islower()
        tags = {name.lower() for name in names} if uppercase else names
        seconds, marked = _best(partial(mark_layout, html, tags, uppercase), rounds)
        totals["regex marking"] += seconds
        totals["parse of marked HTML"] += _best(partial(parse_fragment, marked), rounds)[0]
        totals["parse of raw HTML"] += _best(partial(parse_fragment, html), rounds)[0]
        best = float("inf")
        for _ in range(rounds):  # a fresh tree each round, parsed untimed
            tree = parse_fragment(html)
            start = time.perf_counter()
            count = insert_marks(tree)
            best = min(best, time.perf_counter() - start)
        totals["marks inserted"] += best
        elements += count
        seconds, visited = _best(partial(walk, parse_fragment(html)), rounds)
        totals["walk"] += seconds
        nodes += visited
        totals["parse + crude layout"] += _best(partial(crude_text, html), rounds)[0]
        totals["wpparse .text"] += _best(partial(_wpparse_text, html), rounds)[0]
    size = len(documents)
    print(f"{size} documents; {elements / size:.0f} marked elements, {nodes / size:.0f} nodes each")
    for name, seconds in totals.items():
        print(f"{name:24} {seconds / size * 1e6:8.1f} µs")
    regex = totals["regex marking"] + totals["parse of marked HTML"]
    tree_way = totals["parse of raw HTML"] + totals["marks inserted"]
    print(f"marks inserted after the parse: {tree_way / regex:.2f}× the regex way")
    crude = totals["parse + crude layout"] / totals["wpparse .text"]
    print(f"parse + crude layout: {crude:.2f}× wpparse .text")


if __name__ == "__main__":
    main()
