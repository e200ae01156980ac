"""Flattening pathologically deep nesting before it reaches the parser.

Building an HTML tree costs time proportional to the depth of each element (the tree builder
walks the stack of open elements for every start tag), so 50,000 nested ``div`` elements take
seconds, growing with the square of the depth. Browsers cap the depth for the same reason
(Chromium at 512). wpparse does likewise: tags that would open an element deeper than
`MAX_DEPTH` are dropped, with their end tags; their text stays, in place.

Only fragments with more than `CHECK_ABOVE` tags are scanned: a fragment with fewer cannot nest
deeper than that, and costs little to parse however it nests.
"""

from __future__ import annotations

import re

MAX_DEPTH = 512
CHECK_ABOVE = 4096

# Elements that never contain anything, so never add depth (in both cases, to spare lowering).
_VOID_NAMES = (
    *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"),
    *("source", "track", "wbr", "param", "keygen"),
)
_VOID = frozenset(_VOID_NAMES) | frozenset(name.upper() for name in _VOID_NAMES)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*>")
_TAG_START = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)")


def limit_depth(html: str, tag_count: int) -> str:
    """`html` with elements nested deeper than `MAX_DEPTH` flattened (see the module)."""
    if tag_count <= CHECK_ABOVE:
        return html
    # The tightest loop that gives the depth: the tags are listed in C, the loop does little.
    depth = deepest = 0
    for closing, name in _TAG_START.findall(html):
        if closing:
            if depth:
                depth -= 1
        elif name not in _VOID:
            depth += 1
            if depth > deepest:
                deepest = depth
    if deepest <= MAX_DEPTH:
        return html
    return _flatten(html)


def _flatten(html: str) -> str:
    # One entry per open element: whether its start tag was dropped (and so its end tag goes).
    dropped: list[bool] = []

    def keep_or_drop(match: re.Match[str]) -> str:
        if match.group(2) in _VOID:
            return match.group()
        if match.group(1):
            return "" if dropped and dropped.pop() else match.group()
        drop = len(dropped) >= MAX_DEPTH
        dropped.append(drop)
        return "" if drop else match.group()

    return _TAG.sub(keep_or_drop, html)
