"""Where an image or an embed sits: its enclosing figure and that figure's caption."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from wpparse._normalize.fragment import attribute
from wpparse._normalize.text import one_line

# How far up an element's ancestors to look for its figure; WordPress nests at most a link and
# a wrapper or two between a figure and its image.
_MAX_DEPTH = 6
_CAPTION = "figcaption, .wp-caption-text, .gallery-caption"


def figure_of(node: LexborNode) -> LexborNode | None:
    """The figure holding `node`: a ``figure``, a classic ``.wp-caption`` or a gallery item."""
    parent = node.parent
    for _ in range(_MAX_DEPTH):
        if parent is None:
            return None
        tag = parent.tag
        if tag == "figure":
            return parent
        if tag in ("td", "th", "table"):  # a table's caption is not its cells'
            return None
        if tag in ("div", "li", "dl"):
            classes = attribute(parent, "class")
            if "wp-caption" in classes or "gallery-item" in classes:
                return parent
        parent = parent.parent
    return None


def enclosing_caption(node: LexborNode, cache: dict[int, str]) -> str:
    """The caption of the figure holding `node`, as plain text ("" when there is none)."""
    figure = figure_of(node)
    if figure is None:
        return ""
    key = figure.mem_id
    if key not in cache:
        caption = figure.css_first(_CAPTION)
        cache[key] = one_line(caption.text()) if caption is not None else ""
    return cache[key]


def inside(node: LexborNode, tag: str) -> bool:
    """Whether `node` has an ancestor element named `tag` (looking a few levels up)."""
    parent = node.parent
    for _ in range(_MAX_DEPTH):
        if parent is None:
            return False
        if parent.tag == tag:
            return True
        parent = parent.parent
    return False
