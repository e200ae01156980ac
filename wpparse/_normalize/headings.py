"""Headings: level, text and anchor id of each ``<h1>`` … ``<h6>``."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from wpparse._normalize.fragment import attribute
from wpparse._normalize.tags import HEADINGS
from wpparse._normalize.text import one_line
from wpparse._structure.content import Heading


def collect_headings(tree: LexborHTMLParser, tags: set[str]) -> tuple[Heading, ...]:
    """Every heading of the tree, in document order."""
    present = HEADINGS & tags
    if not present:
        return ()
    # One level: Lexbor's element index; several: a CSS query, which keeps document order.
    nodes = tree.tags(next(iter(present))) if len(present) == 1 else tree.css(", ".join(present))
    headings = []
    for node in nodes:
        anchor = attribute(node, "id")
        if not anchor:
            # Table-of-contents plugins put the anchor on an element inside the heading, and
            # older pages an <a name>. (A CSS query matches the node itself too: skipped.)
            own = node.mem_id
            anchor = next(
                (
                    found
                    for inner in node.css("[id], a[name]")
                    if inner.mem_id != own
                    and (found := attribute(inner, "id") or attribute(inner, "name"))
                ),
                "",
            )
        text = one_line(node.text())
        if not text:  # an empty heading shows nothing, in `.text` or here
            continue
        tag = node.tag or "h2"
        # An id holds no white space (HTML's rule); one written with some is read as one line.
        headings.append(Heading(int(tag[1]), text, one_line(anchor or "")))
    return tuple(headings)
