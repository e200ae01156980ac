"""Excerpts: the text without the mark WordPress (or the theme) leaves when it cuts one short.

WordPress ends an automatic excerpt with `` [&hellip;]``; themes change that to `` [&#8230;]``,
a bare ``&hellip;``, or a "Continue reading" / "Read more" / "Čítať viac" link. The link is
recognised by its class (``more-link``, ``link-more``, ``read-more``) or, in any language, by
pointing at the post itself from the end of the excerpt.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from wpparse._normalize.fragment import attribute
from wpparse._normalize.markers import MARKERS
from wpparse._normalize.urls import clean_url, resolve

# Themes' classes for the link, and links whose class names it (understrap-read-more-link).
_MORE_LINKS = (
    ".more-link, .link-more, .read-more, .readmore,"
    ' a[class*="read-more"], a[class*="more-link"], a[class*="readmore"]'
)
# (Three dots without brackets are a writer's own ending, not WordPress's mark.)
_CUT_MARK = re.compile(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|…)\s*$")
# What may follow a "read more" link at the very end: punctuation, arrows, layout markers.
_TRAILING = re.compile(f"[\\s…»›→>\\]\\[.{MARKERS}]*$")
# The arrows or dots a theme puts after its link, left at the end once the link is gone (a
# full stop only when set apart: "… <a>Read more</a>." leaves "… .", a sentence "Done.").
_ARROWS = re.compile(r"(?:[\s»›→>]|\.\.\.|(?<=\s)\.)+$")
# What may stand before a link to the post that a full stop follows, for it to be a "read
# more" link: nothing in its paragraph, or the cut mark ([&hellip;], a bare ellipsis).
_FULL_STOP = re.compile(r"(?<!\.)\.(?!\.)")  # one dot, not an ellipsis
_CUT_BEFORE = r"\[\s*(?:…|\.\.\.)\s*\]|…|\.\.\."
_BEFORE_MORE_LINK = re.compile(f"(?:^|{_CUT_BEFORE})[\\s{MARKERS}]*$")


def remove_more_links(tree: LexborHTMLParser, tags: set[str], base_url: str | None) -> bool:
    """Remove the excerpt's "read more" link; whether there was one."""
    found = False
    for node in reversed(tree.css(_MORE_LINKS)):
        node.decompose()
        found = True
    anchors = tree.css("a[href]") if base_url and "a" in tags else []
    if base_url and anchors and _points_to(attribute(anchors[-1], "href"), base_url):
        after = _text_after(tree, anchors[-1].text())
        # A full stop after the link ends a sentence the link belongs to ("Our guide to
        # <a>making soup</a>."), unless the link stands alone or follows the cut mark.
        if not _TRAILING.sub("", after) and (
            not _FULL_STOP.search(after) or _stands_alone_or_after_a_cut(anchors[-1])
        ):
            anchors[-1].decompose()
            found = True
    return found


def _stands_alone_or_after_a_cut(link: LexborNode) -> bool:
    """Whether `link` is alone in its paragraph, or follows the cut mark."""
    block = link.parent
    if block is None:
        return True
    text, link_text = block.text(), link.text()
    index = text.rfind(link_text) if link_text else -1
    return _BEFORE_MORE_LINK.search(text[:index] if index >= 0 else text) is not None


def _points_to(href: str, base_url: str) -> bool:
    target = resolve(clean_url(href), base_url).split("#")[0].rstrip("/")
    return target == base_url.split("#")[0].rstrip("/")


def _text_after(tree: LexborHTMLParser, link_text: str) -> str:
    """What the fragment's text holds after the last occurrence of `link_text`."""
    text = tree.text()
    index = text.rfind(link_text) if link_text else -1
    return text[index + len(link_text) :] if index >= 0 else text


def strip_cut_mark(text: str, *, after_link: bool = False) -> tuple[str, bool]:
    """`text` without a trailing ``[…]``, ``[...]`` or ``…``; whether one was there.

    `after_link`: a "read more" link was removed from the end, so the arrows a theme writes
    after it (``»``, ``→``) go too.
    """
    if after_link:
        text = _ARROWS.sub("", text)
    stripped = _CUT_MARK.sub("", text)
    return stripped, stripped != text
