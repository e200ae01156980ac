"""Excerpts: the text without the mark WordPress (or the theme) leaves when it cuts one short.

WordPress ends an automatic excerpt with `` [&hellip;]``; themes change that to `` [&#8230;]``,
a bare ``&hellip;``, or a "Continue reading" / "Read more" / "Čítať viac" link. The link is
recognised by its class (``more-link``, ``link-more``, ``read-more``) or, in any language, by
pointing at the post itself from the end of the excerpt.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from wpparse.normalize.markers import MARKERS
from wpparse.normalize.urls import clean_url, resolve

_MORE_LINKS = ".more-link, .link-more, .read-more, .readmore"
# (Three dots without brackets are a writer's own ending, not WordPress's mark.)
_CUT_MARK = re.compile(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|…)\s*$")
# What may follow a "read more" link at the very end: punctuation, arrows, layout markers.
_TRAILING = re.compile(f"[\\s…»›→>\\]\\[.{MARKERS}]*$")


def remove_more_links(tree: LexborHTMLParser, tags: set[str], base_url: str | None) -> bool:
    """Remove the excerpt's "read more" link; whether there was one."""
    found = False
    for node in reversed(tree.css(_MORE_LINKS)):
        node.decompose()
        found = True
    anchors = tree.css("a[href]") if base_url and "a" in tags else []
    if (
        base_url
        and anchors
        and _points_to(anchors[-1].attrs.get("href") or "", base_url)
        and not _TRAILING.sub("", _text_after(tree, anchors[-1].text()))
    ):
        anchors[-1].decompose()
        found = True
    return found


def _points_to(href: str, base_url: str) -> bool:
    target = resolve(clean_url(href), base_url).split("#")[0].rstrip("/")
    return target == base_url.split("#")[0].rstrip("/")


def _text_after(tree: LexborHTMLParser, link_text: str) -> str:
    """What the fragment's text holds after the last occurrence of `link_text`."""
    text = tree.text()
    index = text.rfind(link_text) if link_text else -1
    return text[index + len(link_text) :] if index >= 0 else text


def strip_cut_mark(text: str) -> tuple[str, bool]:
    """`text` without a trailing ``[…]``, ``[...]`` or ``…``; whether one was there."""
    stripped = _CUT_MARK.sub("", text)
    return stripped, stripped != text
