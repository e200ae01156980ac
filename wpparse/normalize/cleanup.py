"""Removing what a reader never sees from a parsed fragment.

Scripts, styles and other never-rendered elements are found by tag name with Lexbor's element
index (``tags()``, a fraction of a CSS query's cost; the fragment's tag names are known from one
scan of the HTML, so absent tags cost nothing). Hidden elements, screen-reader copies and plugin
chrome are found by their attributes in one CSS query: every query walks the whole tree and
parses its selector anew, so they are merged into one and kept short.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

# Elements whose content is never shown as text.
_NEVER_SHOWN_TAGS = frozenset(
    {"script", "style", "template", "svg", "select", "textarea", "button", "datalist"}
)
# Elements hidden by their attributes, and by their classes: screen-reader-only copies, plugin
# chrome (Jetpack sharing buttons and related posts, AddToAny) and the theme's "continue reading"
# link. Every CSS query walks the whole tree and parses its selector anew, so the query is made
# only of the selectors the raw HTML gives a reason for, and skipped when it gives none.
_HIDDEN_BY_ATTRIBUTE = '[hidden], [style*="display:none" i], [style*="display: none" i]'
_HIDDEN_BY_CLASS = {
    # Screen-reader-only text under the names WordPress, Bootstrap, HTML5 Boilerplate, Drupal
    # and older WordPress themes give it.
    "screen-reader-text": ".screen-reader-text",
    "sr-only": ".sr-only",
    "visually-hidden": ".visually-hidden",
    "visuallyhidden": ".visuallyhidden",
    "element-invisible": ".element-invisible",
    "assistive-text": ".assistive-text",
    "sharedaddy": ".sharedaddy",
    "jp-relatedposts": ".jp-relatedposts",
    "addtoany": ".addtoany_share_save_container",
    "more-link": "a.more-link",
}
# Class attribute values, quoted or not (unquoted, the capture runs on: more text, never less).
_CLASS_VALUES = re.compile(r"""class\s*=\s*["']?([^"'>]*)""")
# The hidden attribute itself (not "visuallyhidden" or "overflow: hidden").
_HIDDEN_ATTRIBUTE = re.compile(r"\shidden[\s=>/]", re.IGNORECASE)
# The "↩︎" links back from WordPress footnotes to where they are referenced.
_FOOTNOTE_BACKLINKS = ".wp-block-footnotes a[href^='#']"
_EMOJI = ("img.wp-smiley", "img.emoji")
_FOOTNOTE_MARKS = ("sup.fn", "sup[data-fn]", "sup.footnote-ref")
#: Elements whose content is fallback for old browsers, not text. They hold images and embeds,
#: so they are removed only from the copy of the tree that text is read from.
FALLBACK_TAGS = frozenset({"noscript", "iframe", "video", "audio", "object", "canvas", "embed"})


def remove_never_shown(tree: LexborHTMLParser, html: str, tags: set[str]) -> None:
    """Remove scripts, styles, hidden elements and plugin chrome; emoji images become text.

    Footnote marks (``<sup class="fn"><a>1</a></sup>``) become ``[1]``. `html` is the raw
    fragment and `tags` its tag names, which tell which of these can be present at all.
    """
    for name in _NEVER_SHOWN_TAGS & tags:
        # Asked afresh for each name: what an earlier removal took along is no longer listed.
        for node in tree.tags(name):
            node.decompose()
    selectors = _needed_selectors(html, tags)
    if not selectors:
        return
    # Innermost first, so a node is never removed after an ancestor took it along.
    for node in reversed(tree.css(", ".join(selectors))):
        tag = node.tag
        if tag == "img" and node.css_matches(", ".join(_EMOJI)):
            node.replace_with(node.attrs.get("alt") or "")
        elif tag == "sup" and node.css_matches(", ".join(_FOOTNOTE_MARKS)):
            number = " ".join(node.text().split())
            node.replace_with(f"[{number}]" if number else "")
        else:
            node.decompose()


def _needed_selectors(html: str, tags: set[str]) -> list[str]:
    selectors = []
    maybe_hidden = "hidden" in html or "HIDDEN" in html
    if "display" in html or "DISPLAY" in html or (maybe_hidden and _HIDDEN_ATTRIBUTE.search(html)):
        selectors.append(_HIDDEN_BY_ATTRIBUTE)
    classes = " ".join(_CLASS_VALUES.findall(html))
    selectors.extend(css for marker, css in _HIDDEN_BY_CLASS.items() if marker in classes)
    if "img" in tags and ("emoji" in classes or "smiley" in classes):
        selectors.extend(_EMOJI)
    if "sup" in tags:
        selectors.extend((*_FOOTNOTE_MARKS, _FOOTNOTE_BACKLINKS))
    return selectors


def without_fallback(tree: LexborHTMLParser, tags: set[str]) -> LexborHTMLParser:
    """`tree`, or a copy of it without fallback content when it has any."""
    present = FALLBACK_TAGS & tags
    if not present:
        return tree
    copy = tree.clone()
    for name in present:
        for node in copy.tags(name):
            node.decompose()
    return copy
