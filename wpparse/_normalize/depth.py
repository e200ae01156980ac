"""Flattening pathologically deep nesting of blocks before it reaches the parser.

For each start tag of a block element (``div``, ``section``, ``blockquote``…) the HTML tree
builder looks for an open ``p`` "in button scope", walking the stack of open elements: 50,000
nested ``div`` elements take seconds, growing with the square of the depth. (Nested inline
elements cost nothing of the kind.) Browsers cap the depth for the same reason (Chromium at
512). wpparse does likewise: block tags that would open deeper than `MAX_DEPTH` blocks are
dropped, with their end tags. Everything else stays: the text, and the links, images and embeds
inside, since only block wrappers are ever dropped.

Only fragments with more than `MAX_DEPTH` tags are looked at: a fragment with fewer cannot nest
deeper than that. (Looking only above 4,096 tags, as this module once did, left nesting between
512 and 4,096 levels to the tree builder: 4,096 nested ``pre`` elements took about 0.3 s.)
"""

from __future__ import annotations

import itertools
import re

MAX_DEPTH = 512

# The start tags for which the tree builder closes an open p element in button scope (HTML
# standard, "in body" insertion mode), less those that cannot nest (p itself, li, dd, dt).
_BLOCKS = (
    "address|article|aside|blockquote|center|details|dialog|dir|div|dl|fieldset|figcaption"
    "|figure|footer|header|hgroup|main|menu|nav|ol|search|section|summary|ul|h[1-6]|pre"
    "|listing|form|table"
)
# Only the slash is captured, so the list is built in C from two cached strings, and summed in C
# below.
_BLOCK_TAG = re.compile(rf"<(/?)(?:{_BLOCKS})[\s/>]")
_BLOCK_TAG_ANY_CASE = re.compile(_BLOCK_TAG.pattern, re.IGNORECASE)
_BLOCK_TAG_WHOLE = re.compile(rf"<(/?)(?:{_BLOCKS})(?=[\s/>])[^>]*>", re.IGNORECASE)
_STEP = {"": 1, "/": -1}.__getitem__


def limit_depth(html: str, tag_count: int, uppercase: bool = False) -> str:
    """`html` with blocks nested deeper than `MAX_DEPTH` flattened (see the module).

    `tag_count` is the number of its tags and `uppercase` whether some are written in upper
    case (matching case-insensitively costs three times as much, so only then).
    """
    if tag_count <= MAX_DEPTH:
        return html
    tags = (_BLOCK_TAG_ANY_CASE if uppercase else _BLOCK_TAG).findall(html)
    deepest = max(itertools.accumulate(map(_STEP, tags)), default=0)
    if deepest <= MAX_DEPTH:
        return html
    # One entry per open block: whether its start tag was dropped (and so its end tag goes).
    dropped: list[bool] = []

    def keep_or_drop(match: re.Match[str]) -> str:
        if match.group(1):
            return "" if dropped and dropped.pop() else match.group()
        drop = len(dropped) >= MAX_DEPTH
        dropped.append(drop)
        return "" if drop else match.group()

    return _BLOCK_TAG_WHOLE.sub(keep_or_drop, html)
