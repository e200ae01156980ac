"""Excerpts: the text without the ending WordPress (or the theme) adds when it cuts one short."""

from __future__ import annotations

import re

from wpparse.normalize.fragment import parse_fragment
from wpparse.normalize.text import inline_text, tree_text

# Theme "read more" links and paragraphs that follow an automatic excerpt.
_MORE_LINKS = "a.more-link, .link-more, a.read-more, .read-more, p.more-link"
# What WordPress and themes append to a cut excerpt: " [&hellip;]", " [...]", a bare "…".
_CUT_MARK = re.compile(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|…)\s*$")


def excerpt_text(fragment: str) -> tuple[str, bool]:
    """The excerpt's plain text and whether WordPress marked it as cut short."""
    if "<" in fragment:
        tree = parse_fragment(fragment)
        more = tree.css(_MORE_LINKS)
        for node in more:
            node.decompose()
        text = tree_text(tree)
    else:
        more = []
        text = inline_text(fragment)
    stripped = _CUT_MARK.sub("", text)
    return stripped, bool(more) or stripped != text
